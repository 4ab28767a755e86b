// SPDX-License-Identifier: GPL-2.0

//! A VSC8584 package: four PHYs at consecutive MDIO addresses, the resources
//! they share, and the MDIO entry points.
//!
//! Shared by the package: the GPIO page with the 8051 ([`Micro`]), the
//! MACRO_CTRL bank ([`MacroCtrl`], reached through any PHY's window, in
//! practice the base PHY's), and the 1588 CSRs behind the page-0x1588 window
//! (one set per PHY pair 0/2 and 1/3). Everything else is per PHY ([`Phy`]).
//!
//! Behaviour that involves more than one part lives here:
//!
//! * page dispatch: register 31 is each PHY's page register; page 4
//!   registers 17-20 are the indirect window, page 0x10 the shared GPIO page,
//!   page 0x1588 registers 16-18 the 1588 window;
//! * completing indirect accesses on the right bank: the MACsec engines
//!   (target 0x38/0x3c) and the other per-PHY targets of the PHY whose window
//!   it is, MACRO_CTRL (0x07) of the package;
//! * SMI broadcast: while `EXT_CNTL_STATUS` (std 22) bit 0 is set in the PHY
//!   addressed, a write goes to all four PHYs, each on its own page (the
//!   shared GPIO page is written once);
//! * `PROC_CMD_CRC16`: the 8051 reports its CRC in ext1 register 25 of PHY 0;
//! * interrupts: after every write and every frame the MACsec interrupt
//!   chain of each PHY is re-evaluated ([`Phy::update_macsec_irq`]): a
//!   rising egress engine output, with ext2 register 28 bit 9 (`MS_EGR`)
//!   set, latches `INT_STATUS` bit 5 (EXT).
//!
//! Every MDIO access first passes the fault injection ([`Faults`]).
//!
//! The package is about 90 KiB. [`Package::new`] is a `const fn`, so a package
//! can be a `static`; [`Package::reset`] works in place, without building a
//! large temporary on the stack.

use super::fault::{CrcMode, Faults, MdioError};
use super::macro_ctrl::MacroCtrl;
use super::macsec_bank::{Engine, MacsecBank};
use super::micro::Micro;
use super::phy::Phy;
use super::sparse::SparseStore;
use super::variants::Variants;
use super::window::join;
use crate::regdesc::mdio::{ext1, gpio, mii, page, ptp, target, window, PAGE_REG};

/// PHYs in a package.
pub const PHYS: usize = 4;

/// Entries of the 1588 CSR store (both PHY pairs, all blocks).
const BIU_ENTRIES: usize = 1024;

use page::{
    EXT1 as PAGE_EXT1, EXT4 as PAGE_EXT4, GPIO as PAGE_GPIO, PTP1588 as PAGE_PTP,
    STANDARD as PAGE_STANDARD,
};

const TARGET_MACRO_CTRL: u8 = target::MACRO_CTRL;
const TARGET_MACSEC_INGR: u8 = target::MACSEC_INGR;
const TARGET_MACSEC_EGR: u8 = target::MACSEC_EGR;

/// Returns whether `reg` is one of the page-4 window registers.
fn is_window_reg(reg: u8) -> bool {
    (window::DATA_LO..=window::TARGET).contains(&reg)
}

/// A simulated VSC8584 package.
///
/// Not `Clone`: at about 90 KiB a copy must never end up on a kernel stack.
#[derive(Debug)]
pub struct Package {
    /// Lowest MDIO address of the package.
    base: u8,
    /// PHY 0 of the package sits at the highest MDIO address.
    reversed: bool,
    /// The PHYs, by address within the package.
    phys: [Phy; PHYS],
    /// The GPIO page and the 8051.
    micro: Micro,
    /// The SerDes/PLL macro bank.
    macro_ctrl: MacroCtrl,
    /// 1588 CSRs, keyed `pair << 14 | block << 11 | address`.
    biu: SparseStore<BIU_ENTRIES>,
    /// Fault injection.
    faults: Faults,
    /// MDIO accesses that reached the package.
    accesses: u64,
    /// Of them, the reads.
    reads: u64,
    /// The behaviours the documentation leaves open.
    variants: Variants,
}

impl Package {
    /// A package whose PHY 0 is at MDIO address `base`, PHY 3 at `base + 3`.
    pub const fn new(base: u8) -> Self {
        Self::build(base, false)
    }

    /// A package strapped with reversed addresses (ext1 register 20 bit 9):
    /// PHY 3 at MDIO address `base`, PHY 0 at `base + 3`.
    pub const fn new_reversed(base: u8) -> Self {
        Self::build(base, true)
    }

    const fn build(base: u8, reversed: bool) -> Self {
        Self {
            base,
            reversed,
            phys: [
                Phy::new(0, reversed),
                Phy::new(1, reversed),
                Phy::new(2, reversed),
                Phy::new(3, reversed),
            ],
            micro: Micro::new(),
            macro_ctrl: MacroCtrl::new(),
            biu: SparseStore::new(),
            faults: Faults::new(),
            accesses: 0,
            reads: 0,
            variants: Variants::new(),
        }
    }

    /// Power-on reset of every register, in place. The fault injection
    /// settings stay; the access count restarts from 0.
    pub fn reset(&mut self) {
        self.phys.iter_mut().for_each(Phy::reset);
        self.micro.reset();
        self.macro_ctrl.reset();
        self.biu.clear();
        self.accesses = 0;
        self.reads = 0;
    }

    /// Makes every PHY of the package report `id` in `PHYSID1/2`, as a
    /// package of another part would (the module parameter `phy_id`). A
    /// power-on reset keeps it.
    pub fn set_phy_id(&mut self, id: u32) {
        self.phys.iter_mut().for_each(|p| p.set_phy_id(id));
    }

    /// Lowest MDIO address of the package.
    pub fn base(&self) -> u8 {
        self.base
    }

    /// Returns whether PHY 0 sits at the highest MDIO address.
    pub fn addr_reversed(&self) -> bool {
        self.reversed
    }

    /// Address within the package (0-3) of the PHY at MDIO address `addr`.
    pub fn phy_index(&self, addr: u8) -> Option<usize> {
        let off = usize::from(addr.checked_sub(self.base)?);
        if off >= PHYS {
            return None;
        }
        Some(if self.reversed { PHYS - 1 - off } else { off })
    }

    /// MDIO address of the PHY at address `phy` (0-3) within the package.
    pub fn mdio_addr(&self, phy: usize) -> Option<u8> {
        if phy >= PHYS {
            return None;
        }
        let off = if self.reversed { PHYS - 1 - phy } else { phy };
        self.base.checked_add(u8::try_from(off).ok()?)
    }

    /// Returns whether one of the package's PHYs answers at MDIO address `addr`.
    pub fn contains(&self, addr: u8) -> bool {
        self.phy_index(addr).is_some()
    }

    /// MDIO accesses that reached the package (failed ones included).
    pub fn accesses(&self) -> u64 {
        self.accesses
    }

    /// Of [`Package::accesses`], the reads.
    pub fn reads(&self) -> u64 {
        self.reads
    }

    /// Fault injection settings.
    pub fn faults(&self) -> &Faults {
        &self.faults
    }

    /// Fault injection settings, mutable.
    pub fn faults_mut(&mut self) -> &mut Faults {
        &mut self.faults
    }

    /// The PHY at address `phy` (0-3) within the package.
    pub fn phy(&self, phy: usize) -> Option<&Phy> {
        self.phys.get(phy)
    }

    /// The PHY at address `phy` within the package, mutable.
    pub fn phy_mut(&mut self, phy: usize) -> Option<&mut Phy> {
        self.phys.get_mut(phy)
    }

    /// MACsec engine `engine` of PHY `phy`.
    pub fn macsec(&self, phy: usize, engine: Engine) -> Option<&MacsecBank> {
        Some(self.phys.get(phy)?.macsec(engine))
    }

    /// MACsec engine `engine` of PHY `phy`, mutable (for the engine).
    pub fn macsec_mut(&mut self, phy: usize, engine: Engine) -> Option<&mut MacsecBank> {
        Some(self.phys.get_mut(phy)?.macsec_mut(engine))
    }

    /// The variants in force.
    pub fn variants(&self) -> &Variants {
        &self.variants
    }

    /// Selects variants for every engine of the package.
    pub fn set_variants(&mut self, variants: Variants) {
        self.variants = variants;
        self.phys.iter_mut().for_each(|p| p.set_variants(variants));
    }

    /// Total misuse recorded by the engines of the package.
    pub fn misuse_total(&self) -> u32 {
        self.phys.iter().fold(0u32, |n, p| {
            n.saturating_add(p.macsec(Engine::Ingress).misuse().total())
                .saturating_add(p.macsec(Engine::Egress).misuse().total())
        })
    }

    /// Writes the misuse of every engine: a `total N` line, then one line per
    /// entry, prefixed `phy<i> ingress|egress`.
    pub fn show_misuse(&self, w: &mut impl core::fmt::Write) -> core::fmt::Result {
        use core::fmt::Write as _;
        writeln!(w, "total {}", self.misuse_total())?;
        for (i, p) in self.phys.iter().enumerate() {
            for (engine, name) in [(Engine::Ingress, "ingress"), (Engine::Egress, "egress")] {
                let mut prefix = [0u8; 16];
                let mut pw = crate::engine::report::SliceWriter::new(&mut prefix);
                write!(pw, "phy{i} {name}")?;
                let len = pw.len();
                let prefix = core::str::from_utf8(prefix.get(..len).unwrap_or(&[])).unwrap_or("");
                p.macsec(engine).misuse().show(prefix, w)?;
            }
        }
        Ok(())
    }

    /// Forgets the misuse recorded so far (a test that provoked it on
    /// purpose, after checking it).
    pub fn clear_misuse(&mut self) {
        for p in self.phys.iter_mut() {
            p.macsec_mut(Engine::Ingress).misuse_mut().clear();
            p.macsec_mut(Engine::Egress).misuse_mut().clear();
        }
    }

    /// Re-evaluates the MACsec interrupt chain of every PHY.
    pub fn update_irqs(&mut self) {
        for p in self.phys.iter_mut() {
            p.update_macsec_irq();
        }
    }

    /// The GPIO page and the 8051.
    pub fn micro(&self) -> &Micro {
        &self.micro
    }

    /// The MACRO_CTRL bank.
    pub fn macro_ctrl(&self) -> &MacroCtrl {
        &self.macro_ctrl
    }

    /// 1588 CSR `addr` of block `blk` of PHY pair `pair` (0: PHYs 0/2, 1: PHYs 1/3).
    pub fn ptp_csr(&self, pair: usize, blk: u16, addr: u16) -> u32 {
        self.biu.get(biu_key(pair, blk, addr))
    }

    /// Clause-22 read of register `reg` of the PHY at MDIO address `addr`.
    pub fn mdio_read(&mut self, addr: u8, reg: u8) -> Result<u16, MdioError> {
        let idx = self.start_access(addr, reg, true)?;
        Ok(self.read_reg(idx, reg))
    }

    /// Clause-22 write of `val` to register `reg` of the PHY at MDIO address `addr`.
    pub fn mdio_write(&mut self, addr: u8, reg: u8, val: u16) -> Result<(), MdioError> {
        let idx = self.start_access(addr, reg, false)?;
        let broadcast = self
            .phys
            .get(idx)
            .is_some_and(|p| p.std(mii::EXT_CNTL_STATUS) & mii::SMI_BROADCAST_WR_EN != 0);
        if !broadcast {
            self.write_reg(idx, reg, val);
            self.update_irqs();
            return Ok(());
        }
        let mut gpio_written = false;
        for j in 0..PHYS {
            let on_gpio =
                reg != PAGE_REG && self.phys.get(j).is_some_and(|p| p.page() == PAGE_GPIO);
            if on_gpio {
                // One GPIO page for the whole package: a broadcast reaches it once.
                if gpio_written {
                    continue;
                }
                gpio_written = true;
            }
            self.write_reg(j, reg, val);
        }
        self.update_irqs();
        Ok(())
    }

    /// Address and register checks, access count and fault injection.
    fn start_access(&mut self, addr: u8, reg: u8, read: bool) -> Result<usize, MdioError> {
        let idx = self.phy_index(addr).ok_or(MdioError::NoDevice)?;
        if reg > PAGE_REG {
            return Err(MdioError::BadRegister);
        }
        self.accesses = self.accesses.saturating_add(1);
        self.reads = self.reads.saturating_add(u64::from(read));
        self.faults.on_access()?;
        Ok(idx)
    }

    fn read_reg(&mut self, idx: usize, reg: u8) -> u16 {
        let Some(phy) = self.phys.get_mut(idx) else {
            return 0xffff;
        };
        if reg == PAGE_REG {
            return phy.page();
        }
        match phy.page() {
            PAGE_STANDARD => phy.read_std(reg),
            PAGE_EXT4 if is_window_reg(reg) => self.window_read(idx, reg),
            PAGE_GPIO => self.micro.read(reg),
            page => phy.read_paged(page, reg),
        }
    }

    fn write_reg(&mut self, idx: usize, reg: u8, val: u16) {
        let Some(phy) = self.phys.get_mut(idx) else {
            return;
        };
        if reg == PAGE_REG {
            phy.set_page(val);
            return;
        }
        match phy.page() {
            PAGE_STANDARD => phy.write_std(reg, val),
            PAGE_EXT4 if is_window_reg(reg) => self.window_write(idx, reg, val),
            PAGE_GPIO => self.gpio_write(reg, val),
            PAGE_PTP if reg == ptp::BIU_ADDR_CNTL => self.biu_write(idx, val),
            page => phy.write_paged(page, reg, val),
        }
    }

    /// A read of window register `reg`: polling register 19 is what lets a
    /// delayed access complete.
    fn window_read(&mut self, idx: usize, reg: u8) -> u16 {
        let stuck = self.faults.window_stuck(idx);
        let complete = match self.phys.get_mut(idx) {
            Some(phy) => reg == window::CMD && !stuck && phy.window_mut().poll(),
            None => false,
        };
        if complete {
            self.finish_window(idx);
        }
        self.phys
            .get(idx)
            .and_then(|p| p.window().read(reg))
            .unwrap_or(0)
    }

    fn window_write(&mut self, idx: usize, reg: u8, val: u16) {
        let stuck = self.faults.window_stuck(idx);
        let delay = self.faults.window_delay();
        let Some(phy) = self.phys.get_mut(idx) else {
            return;
        };
        if !phy.window_mut().write(reg, val) || stuck {
            // Not a command, or a stuck window: the access stays pending.
            return;
        }
        if delay > 0 {
            phy.window_mut().set_delay(delay);
            return;
        }
        self.finish_window(idx);
    }

    /// Performs the pending access of PHY `idx`'s window on its target.
    fn finish_window(&mut self, idx: usize) {
        let mcb_stuck = self.faults.mcb_stuck();
        let Some(phy) = self.phys.get_mut(idx) else {
            return;
        };
        let req = phy.window().request();
        let write = req.dir == super::window::Access::Write;
        if write {
            phy.trace_mut().write(req.target, req.addr);
        }
        let value = match req.target {
            TARGET_MACSEC_INGR | TARGET_MACSEC_EGR => {
                let engine = if req.target == TARGET_MACSEC_INGR {
                    Engine::Ingress
                } else {
                    Engine::Egress
                };
                let b = phy.macsec_mut(engine);
                if write {
                    b.write(req.addr, req.data);
                    0
                } else {
                    b.read(req.addr)
                }
            }
            TARGET_MACRO_CTRL if write => {
                self.macro_ctrl.write(req.addr, req.data, mcb_stuck);
                0
            }
            TARGET_MACRO_CTRL => self.macro_ctrl.read(req.addr),
            target if write => {
                phy.set_csr(target, req.addr, req.data);
                0
            }
            target => phy.csr(target, req.addr),
        };
        phy.window_mut()
            .complete(if write { None } else { Some(value) });
    }

    /// A write to the shared GPIO page, and what an 8051 command does outside it.
    fn gpio_write(&mut self, reg: u8, val: u16) {
        let Some(cmd) = self.micro.write(reg, val, self.faults.micro()) else {
            return;
        };
        if cmd & gpio::PROC_CMD_CODE == gpio::PROC_CMD_CRC16 {
            let crc = match self.faults.crc_mode() {
                CrcMode::Good => gpio::FW_CRC,
                CrcMode::BadUntilPatched if self.micro.patch_bytes() > 0 => gpio::FW_CRC,
                CrcMode::BadUntilPatched => 0,
                CrcMode::Bad => !gpio::FW_CRC,
            };
            // Only PHY 0 of the package carries the CRC (see the comment in
            // vsc8584_config_init()).
            if let Some(phy0) = self.phys.get_mut(0) {
                phy0.write_paged(PAGE_EXT1, ext1::VERIPHY_CNTL_2, crc);
            }
        }
    }

    /// A write of the 1588 `BIU_ADDR_CNTL` register: with `BIU_ADDR_EXE` it
    /// performs the access at once (the bit then reads 1: done).
    fn biu_write(&mut self, idx: usize, val: u16) {
        let Some(phy) = self.phys.get_mut(idx) else {
            return;
        };
        phy.write_paged(PAGE_PTP, ptp::BIU_ADDR_CNTL, val);
        if val & ptp::BIU_ADDR_EXE == 0 {
            return;
        }
        let blk = (val >> ptp::BIU_BLK_ID_POS) & 0x7;
        let key = biu_key(idx & 1, blk, val & ptp::BIU_CSR_ADDR);
        if val & ptp::BIU_ADDR_READ != 0 {
            let v = self.biu.get(key);
            phy.write_paged(PAGE_PTP, ptp::CSR_DATA_LSB, v as u16);
            phy.write_paged(PAGE_PTP, ptp::CSR_DATA_MSB, (v >> 16) as u16);
        } else {
            let lo = phy.read_paged(PAGE_PTP, ptp::CSR_DATA_LSB);
            let hi = phy.read_paged(PAGE_PTP, ptp::CSR_DATA_MSB);
            self.biu.set(key, join(lo, hi));
        }
    }

    /// Brings the simulated copper link of PHY `phy` up or down.
    pub fn set_link(&mut self, phy: usize, up: bool) {
        if let Some(p) = self.phys.get_mut(phy) {
            p.set_link(up);
        }
    }

    /// Raises interrupt status `bits` in MACsec engine `engine` of PHY `phy`
    /// (what the engine does on a PN roll-over or threshold) and propagates
    /// it. Returns `true` if this latched a new EXT event in the PHY's
    /// `INT_STATUS`.
    pub fn raise_macsec_intr(&mut self, phy: usize, engine: Engine, bits: u32) -> bool {
        let Some(p) = self.phys.get_mut(phy) else {
            return false;
        };
        p.macsec_mut(engine).raise_intr(bits);
        p.update_macsec_irq()
    }

    /// The interrupt output (MDINT) of PHY `phy`.
    pub fn irq_pending(&self, phy: usize) -> bool {
        self.phys.get(phy).is_some_and(Phy::irq_pending)
    }
}

/// Key of a 1588 CSR: PHY pair, block id (3 bits), address (11 bits).
fn biu_key(pair: usize, blk: u16, addr: u16) -> u32 {
    let pair = u32::from(pair & 1 == 1);
    (pair << 14) | (u32::from(blk & 0x7) << 11) | u32::from(addr & ptp::BIU_CSR_ADDR)
}
