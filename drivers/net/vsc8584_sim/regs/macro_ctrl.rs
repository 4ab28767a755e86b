// SPDX-License-Identifier: GPL-2.0

//! The MACRO_CTRL CSR bank (target 0x07): the package's SerDes and PLL macros.
//!
//! The C driver reaches it through the base PHY's page-4 window
//! (`vsc85xx_csr_read/write()`), during the package-once part of
//! `vsc8584_config_init()`. What it waits for:
//!
//! * the macro configuration bus (MCB) registers `MCB_LCPLL_CFG` (0x11) and
//!   `MCB_S6G_CFG` (0x3f): it writes bit 31 (copy CSRs to the macro) or bit 30
//!   (copy the macro to the CSRs) plus a slave bit and polls until the
//!   operation bit reads 0 (`vsc8584_mcb_rd_trig()`, `__phy_write_mcb_s6g()`).
//!   Here the transfer is instantaneous, so bits 31/30 never read back set;
//! * `S6G_PLL_STATUS` (0x31) bit 12 must read 0 (PLL calibration done) within
//!   500 ms, else `vsc85xx_sd6g_config_v2()` returns -ETIMEDOUT;
//! * `S6G_IB_STATUS0` (0x2f) bit 8 must read 1 (input buffer calibration
//!   done), same deadline.
//!
//! Every other register is plain storage.

use super::sparse::SparseStore;
use crate::regdesc::macro_ctrl;

/// Registers 0x00-0x3f (all the SerDes/PLL registers the driver uses) are
/// kept in an array; any other address in a small sparse store.
const DENSE_REGS: usize = 64;
/// Entries of the sparse store for other addresses.
const OVERFLOW_ENTRIES: usize = 32;

/// The MACRO_CTRL bank of one package.
#[derive(Clone, Debug)]
pub struct MacroCtrl {
    regs: [u32; DENSE_REGS],
    overflow: SparseStore<OVERFLOW_ENTRIES>,
}

impl Default for MacroCtrl {
    fn default() -> Self {
        Self::new()
    }
}

impl MacroCtrl {
    /// The bank after power-on: every register 0.
    pub const fn new() -> Self {
        Self {
            regs: [0; DENSE_REGS],
            overflow: SparseStore::new(),
        }
    }

    /// Back to the power-on state, in place.
    pub fn reset(&mut self) {
        self.regs.iter_mut().for_each(|r| *r = 0);
        self.overflow.clear();
    }

    /// Reads register `addr` without side effects (status registers included
    /// as stored, i.e. without their forced bits).
    pub fn peek(&self, addr: u16) -> u32 {
        match self.regs.get(usize::from(addr)) {
            Some(v) => *v,
            None => self.overflow.get(u32::from(addr)),
        }
    }

    /// Writes register `addr` without side effects.
    pub fn poke(&mut self, addr: u16, val: u32) {
        match self.regs.get_mut(usize::from(addr)) {
            Some(r) => *r = val,
            None => {
                self.overflow.set(u32::from(addr), val);
            }
        }
    }

    /// A read over the indirect window.
    pub fn read(&self, addr: u16) -> u32 {
        match addr {
            // Calibration is done as soon as it is started.
            macro_ctrl::S6G_PLL_STATUS => self.peek(addr) & !macro_ctrl::PLL_STATUS_CAL_BUSY,
            macro_ctrl::S6G_IB_STATUS0 => self.peek(addr) | macro_ctrl::IB_STATUS0_CAL_DONE,
            _ => self.peek(addr),
        }
    }

    /// A write over the indirect window. `mcb_stuck` keeps the MCB operation
    /// bits set (fault injection).
    pub fn write(&mut self, addr: u16, val: u32, mcb_stuck: bool) {
        match addr {
            macro_ctrl::MCB_LCPLL_CFG | macro_ctrl::MCB_S6G_CFG if !mcb_stuck => {
                // The MCB transfer completes at once: the operation bits fall
                // back to 0, the slave selection stays.
                self.poke(addr, val & !(macro_ctrl::MCB_WRITE | macro_ctrl::MCB_READ));
            }
            _ => self.poke(addr, val),
        }
    }
}
