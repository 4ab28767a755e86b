// SPDX-License-Identifier: GPL-2.0

//! The page-4 indirect access window of one PHY (registers 17-20).
//!
//! Both the MACsec path (`vsc8584_macsec_phy_read/write()` in mscc_macsec.c)
//! and the CSR path (`vsc85xx_csr_read/write()` in mscc_main.c) use it:
//!
//! * register 20 holds target id bits 5:2;
//! * register 19 holds `CMD` (bit 15), `READ` (bit 14) and either target id
//!   bits 1:0 in 13:12 plus a 12-bit address, or, for the MACsec banks
//!   (target 0x38/0x3c, register 20 = 0xe/0xf), a 14-bit address;
//! * registers 17/18 hold data bits 15:0/31:16.
//!
//! Writing register 19 with bit 15 set starts an access; the driver then polls
//! register 19 until bit 15 **reads 1**, which means done. So while an access
//! is pending register 19 reads with bit 15 clear, and once it is done it
//! reads back the command with bit 15 set.
//!
//! This file is only the state machine; performing the access on a bank is
//! the package's job, because the banks live in different places (per PHY, or
//! per package for MACRO_CTRL).

use crate::regdesc::mdio::{target, window};

/// Register-19 address bits for the MACsec banks (14-bit addresses).
const ADDR_MASK_MACSEC: u16 = window::ADDR_MACSEC;
/// Register-19 address bits for every other bank (12-bit addresses).
const ADDR_MASK_CSR: u16 = window::ADDR_CSR;
/// Register-20 bits that hold target id bits 5:2.
const TARGET_HIGH_MASK: u16 = window::TARGET_HIGH;
/// Shift of target id bits 1:0 in register 19.
const TARGET_LOW_SHIFT: u32 = window::CMD_TARGET_POS;

/// Splits a 32-bit value into the words of registers 17 (15:0) and 18 (31:16).
pub const fn split(value: u32) -> (u16, u16) {
    (value as u16, (value >> 16) as u16)
}

/// Joins the words of registers 17 and 18 into a 32-bit value.
pub const fn join(lo: u16, hi: u16) -> u32 {
    ((hi as u32) << 16) | lo as u32
}

/// Direction of an indirect access.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Copy the addressed register into registers 17/18.
    Read,
    /// Copy registers 17/18 into the addressed register.
    Write,
}

/// One decoded indirect access.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Request {
    /// Read or write.
    pub dir: Access,
    /// 6-bit target id (see [`target`]); any value, known or not.
    pub target: u8,
    /// Register address within the target (14 bits for MACsec, else 12).
    pub addr: u16,
    /// For a write, the value of registers 18:17 when the access is performed.
    pub data: u32,
}

/// Decodes the target id and register address from registers 20 and 19.
///
/// When register 20 selects a MACsec bank (0xe or 0xf) the whole of register
/// 19 bits 13:0 is the address. Otherwise bits 13:12 are target id bits 1:0.
/// This is what makes the C driver's read path reach target 0x0c instead of
/// PROC_0/PROC_2 (it only keeps the low target bits when `bank >> 2 == 1`).
pub fn decode(target_reg: u16, cmd: u16) -> (u8, u16) {
    let high = target_reg & TARGET_HIGH_MASK;
    if high == u16::from(target::MACSEC_INGR >> 2) || high == u16::from(target::MACSEC_EGR >> 2) {
        ((high << 2) as u8, cmd & ADDR_MASK_MACSEC)
    } else {
        let low = (cmd >> TARGET_LOW_SHIFT) & 0x3;
        (((high << 2) | low) as u8, cmd & ADDR_MASK_CSR)
    }
}

/// State of the indirect window of one PHY.
#[derive(Clone, Debug)]
pub struct Window {
    /// Register 17.
    data_lo: u16,
    /// Register 18.
    data_hi: u16,
    /// Register 19 as it reads (bit 15 = done).
    cmd: u16,
    /// Register 20.
    target: u16,
    /// An access was started and has not completed.
    pending: bool,
    /// Polls of register 19 that still read busy.
    polls_left: u32,
}

impl Default for Window {
    fn default() -> Self {
        Self::new()
    }
}

impl Window {
    /// The window after power-on: all registers 0, nothing pending.
    pub const fn new() -> Self {
        Self {
            data_lo: 0,
            data_hi: 0,
            cmd: 0,
            target: 0,
            pending: false,
            polls_left: 0,
        }
    }

    /// Back to the power-on state.
    pub fn reset(&mut self) {
        *self = Self::new();
    }

    /// Value of window register `reg` (17-20), `None` for other registers.
    pub fn read(&self, reg: u8) -> Option<u16> {
        match reg {
            window::DATA_LO => Some(self.data_lo),
            window::DATA_HI => Some(self.data_hi),
            window::CMD => Some(self.cmd),
            window::TARGET => Some(self.target),
            _ => None,
        }
    }

    /// Writes window register `reg` (17-20). Returns `true` if the write
    /// started an access (register 19 with `CMD` set); the caller then
    /// completes it, now or later. Returns `false` for every other write,
    /// including writes to registers outside 17-20, which are ignored.
    pub fn write(&mut self, reg: u8, val: u16) -> bool {
        match reg {
            window::DATA_LO => self.data_lo = val,
            window::DATA_HI => self.data_hi = val,
            window::TARGET => self.target = val,
            window::CMD => {
                // Bit 15 reads 0 while the access runs and 1 once it is done.
                self.cmd = val & !window::CMD_START;
                self.pending = val & window::CMD_START != 0;
                self.polls_left = 0;
                return self.pending;
            }
            _ => {}
        }
        false
    }

    /// Returns whether an access was started and has not completed.
    pub fn is_pending(&self) -> bool {
        self.pending
    }

    /// Makes the pending access read busy for `polls` more polls.
    pub fn set_delay(&mut self, polls: u32) {
        self.polls_left = polls;
    }

    /// Accounts for one poll of register 19 while an access is pending.
    /// Returns `true` when the access must complete before this poll answers.
    pub fn poll(&mut self) -> bool {
        if !self.pending {
            return false;
        }
        if self.polls_left > 0 {
            self.polls_left -= 1;
            return false;
        }
        true
    }

    /// The pending (or last) access, decoded from registers 17-20.
    pub fn request(&self) -> Request {
        let (target, addr) = decode(self.target, self.cmd);
        Request {
            dir: if self.cmd & window::CMD_READ != 0 {
                Access::Read
            } else {
                Access::Write
            },
            target,
            addr,
            data: join(self.data_lo, self.data_hi),
        }
    }

    /// Completes the pending access: a read stores `read_value` in registers
    /// 17/18; register 19 bit 15 then reads 1.
    pub fn complete(&mut self, read_value: Option<u32>) {
        if let Some(v) = read_value {
            (self.data_lo, self.data_hi) = split(v);
        }
        self.cmd |= window::CMD_START;
        self.pending = false;
        self.polls_left = 0;
    }
}
