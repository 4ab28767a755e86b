// SPDX-License-Identifier: GPL-2.0

//! The clause-22 register file of one PHY of the package, and the banks that
//! belong to this PHY alone (its two MACsec engines, host/line MACs, FC
//! buffer, 1588 processor CSRs).
//!
//! Pages (register 31 selects one; it reads back what was written):
//!
//! * 0 (standard): IEEE registers 0-15 and the VSC85xx main registers 16-30;
//! * 1, 2, 3, 4 (extended): registers 16-30 are the page's own, 0-15 are the
//!   standard ones;
//! * 0x2a30 (test), 0x52b5 (token ring), 0x1588 (1588): registers 0-30 are the
//!   page's own;
//! * 0x10 (GPIO) is shared by the package and lives in [`super::micro`];
//! * any other page: registers 0-30 are plain storage, in one of
//!   [`EXTRA_PAGES`] slots handed out on first write (reads of a page without a
//!   slot return 0, writes once all slots are taken are dropped and counted).
//!
//! Registers with behaviour (everything else is plain storage):
//!
//! * `BMCR` (0): `RESET` (bit 15) and `ANRESTART` (bit 9) self-clear;
//! * `BMSR` (1), `PHYSID1/2` (2/3), `LPA` (5), `STAT1000` (10), `ESTATUS`
//!   (15) are read-only and follow the simulated link; `PHYSID1/2` read the
//!   PHY identifier the package was strapped with ([`Phy::set_phy_id`],
//!   0x000707c1 unless the module parameter `phy_id` says otherwise);
//! * `INT_STATUS` (26): sticky event bits, cleared by reading; bit 15 (MDINT)
//!   reads 1 when an event enabled in `INT_MASK` (25) is pending;
//! * ext1 `EXT_PHY_CNTL_4` (23) bits 15:11 read the PHY's address within the
//!   package, ext1 `ACTIPHY_CNTL` (20) bit 9 whether addresses are reversed
//!   (both read-only, `vsc8584_get_base_addr()` uses them).

use super::macsec_bank::{Engine, MacsecBank};
use super::sparse::SparseStore;
use super::trace::SwitchTrace;
use super::window::Window;
use crate::regdesc::mdio::{ext1, ext2, mii, page, PHY_ID_VSC8584};

/// Registers 0-30 of a full page.
const PAGE_REGS: usize = 31;
/// Registers 16-30 of an extended page.
const EXT_REGS: usize = 15;
/// First register of the extended pages' own range.
const EXT_FIRST: u8 = 16;
/// Slots for pages the model does not know.
pub const EXTRA_PAGES: usize = 2;
/// Entries of the sparse store for the non-MACsec targets of this PHY.
const CSR_ENTRIES: usize = 128;

/// `BMSR` of a 10/100/1000BASE-T PHY: 100/10 full/half, extended status,
/// preamble suppression, auto-negotiation ability, extended capabilities.
const BMSR_CAPS: u16 = 0x7949;
/// `ESTATUS`: 1000BASE-T full and half duplex.
const ESTATUS_VALUE: u16 = 0x3000;
/// `LPA` of the simulated link partner: acknowledge, pause, 100/10 full/half.
const LPA_LINK_UP: u16 = 0x45e1;
/// `STAT1000` with the link up: local and remote receiver OK, partner
/// 1000BASE-T full and half duplex.
const STAT1000_LINK_UP: u16 = 0x3c00;
/// Power-on `BMCR`: auto-negotiation enabled, 1000 Mb/s selected.
const BMCR_RESET_VALUE: u16 = 0x1040;
/// Power-on `ADVERTISE`: 100/10 full/half, IEEE 802.3 selector.
const ADVERTISE_RESET_VALUE: u16 = 0x01e1;
/// Power-on `CTRL1000`: 1000BASE-T full and half duplex advertised.
const CTRL1000_RESET_VALUE: u16 = 0x0300;

use page::{
    PTP1588 as PAGE_PTP, STANDARD as PAGE_STANDARD, TEST as PAGE_TEST,
    TOKEN_RING as PAGE_TOKEN_RING,
};

/// Power-on contents of page 0. Only ever evaluated at compile time (for
/// [`STD_RESET`]), where an out-of-bounds index would be a build error.
const fn std_reset() -> [u16; PAGE_REGS] {
    let mut std = [0; PAGE_REGS];
    std[mii::BMCR as usize] = BMCR_RESET_VALUE;
    std[mii::ADVERTISE as usize] = ADVERTISE_RESET_VALUE;
    std[mii::CTRL1000 as usize] = CTRL1000_RESET_VALUE;
    std
}

/// Power-on contents of page 0.
const STD_RESET: [u16; PAGE_REGS] = std_reset();

/// Index of a known page among the extended pages 1-4.
fn ext_index(page: u16) -> Option<usize> {
    match page {
        1..=4 => Some(usize::from(page) - 1),
        _ => None,
    }
}

/// One PHY of the package.
#[derive(Clone, Debug)]
pub struct Phy {
    /// Address within the package (0-3), as ext1 register 23 reports it.
    index: u8,
    /// The package has PHY 0 at its highest MDIO address.
    reversed: bool,
    /// Register 31.
    page: u16,
    /// Page 0, registers 0-30.
    std: [u16; PAGE_REGS],
    /// Pages 1-4, registers 16-30.
    ext: [[u16; EXT_REGS]; 4],
    /// Page 0x2a30.
    test: [u16; PAGE_REGS],
    /// Page 0x52b5.
    token_ring: [u16; PAGE_REGS],
    /// Page 0x1588 (registers 16-18 are the BIU window, see the package).
    ptp: [u16; PAGE_REGS],
    /// Page numbers of the extra slots.
    extra_page: [u16; EXTRA_PAGES],
    /// Which extra slots are taken.
    extra_used: [bool; EXTRA_PAGES],
    /// Contents of the extra slots.
    extra: [[u16; PAGE_REGS]; EXTRA_PAGES],
    /// Writes to unknown pages dropped because no slot was free.
    dropped: u32,
    /// The page-4 indirect window.
    window: Window,
    /// MACsec ingress engine (target 0x38).
    ingress: MacsecBank,
    /// MACsec egress engine (target 0x3c).
    egress: MacsecBank,
    /// Every other target reached through this PHY's window, keyed
    /// `target << 16 | addr`: FC buffer, host/line MAC, 1588 processors, and
    /// whatever else the window is pointed at.
    csr: SparseStore<CSR_ENTRIES>,
    /// The simulated copper link is up.
    link: bool,
    /// Sticky `INT_STATUS` events.
    int_status: u16,
    /// What `PHYSID1/2` report (a strap: kept across resets).
    phy_id: u32,
    /// The routed egress MACsec interrupt at the last evaluation, for the
    /// edge that latches `INT_STATUS.EXT`.
    ms_egr_out: bool,
    /// Window writes around the egress engine's last threshold-driven SA
    /// switch (an observation for tests, not a register).
    trace: SwitchTrace,
}

impl Phy {
    /// A PHY after power-on, at address `index` within its package.
    pub const fn new(index: u8, reversed: bool) -> Self {
        Self {
            index,
            reversed,
            page: 0,
            std: STD_RESET,
            ext: [[0; EXT_REGS]; 4],
            test: [0; PAGE_REGS],
            token_ring: [0; PAGE_REGS],
            ptp: [0; PAGE_REGS],
            extra_page: [0; EXTRA_PAGES],
            extra_used: [false; EXTRA_PAGES],
            extra: [[0; PAGE_REGS]; EXTRA_PAGES],
            dropped: 0,
            window: Window::new(),
            ingress: MacsecBank::new(true),
            egress: MacsecBank::new(false),
            csr: SparseStore::new(),
            link: false,
            int_status: 0,
            phy_id: PHY_ID_VSC8584,
            ms_egr_out: false,
            trace: SwitchTrace::new(),
        }
    }

    /// Back to the power-on state, in place (address and reversal kept).
    pub fn reset(&mut self) {
        self.page = 0;
        self.std = STD_RESET;
        self.ext = [[0; EXT_REGS]; 4];
        self.test = [0; PAGE_REGS];
        self.token_ring = [0; PAGE_REGS];
        self.ptp = [0; PAGE_REGS];
        self.extra_page = [0; EXTRA_PAGES];
        self.extra_used = [false; EXTRA_PAGES];
        self.extra = [[0; PAGE_REGS]; EXTRA_PAGES];
        self.dropped = 0;
        self.window.reset();
        self.ingress.reset();
        self.egress.reset();
        self.csr.clear();
        self.link = false;
        self.int_status = 0;
        self.ms_egr_out = false;
    }

    /// Sets the identifier `PHYSID1/2` report. It stands for the part the
    /// package is; a reset keeps it.
    pub fn set_phy_id(&mut self, id: u32) {
        self.phy_id = id;
    }

    /// The identifier `PHYSID1/2` report.
    pub fn phy_id(&self) -> u32 {
        self.phy_id
    }

    /// Address of this PHY within the package (0-3).
    pub fn index(&self) -> u8 {
        self.index
    }

    /// The selected page (register 31).
    pub fn page(&self) -> u16 {
        self.page
    }

    /// Selects page `page` (a write of register 31).
    pub fn set_page(&mut self, page: u16) {
        self.page = page;
    }

    /// Standard register `reg` as stored, without side effects.
    pub fn std(&self, reg: u8) -> u16 {
        self.std.get(usize::from(reg)).copied().unwrap_or(0)
    }

    fn set_std(&mut self, reg: u8, val: u16) {
        if let Some(r) = self.std.get_mut(usize::from(reg)) {
            *r = val;
        }
    }

    /// Reads standard register `reg` (0-30) with its side effects.
    pub fn read_std(&mut self, reg: u8) -> u16 {
        match reg {
            mii::BMSR => {
                if self.link {
                    BMSR_CAPS | mii::BMSR_LSTATUS | mii::BMSR_ANEGCOMPLETE
                } else {
                    BMSR_CAPS
                }
            }
            mii::PHYSID1 => (self.phy_id >> 16) as u16,
            mii::PHYSID2 => self.phy_id as u16,
            mii::LPA if self.link => LPA_LINK_UP,
            mii::STAT1000 if self.link => STAT1000_LINK_UP,
            mii::LPA | mii::STAT1000 => 0,
            mii::ESTATUS => ESTATUS_VALUE,
            mii::INT_STATUS => {
                let v = self.int_status_value();
                self.int_status = 0;
                v
            }
            _ => self.std(reg),
        }
    }

    /// Writes standard register `reg` (0-30) with its side effects.
    pub fn write_std(&mut self, reg: u8, val: u16) {
        match reg {
            // The reset and the auto-negotiation restart take no time here.
            mii::BMCR => self.set_std(reg, val & !(mii::BMCR_RESET | mii::BMCR_ANRESTART)),
            mii::BMSR
            | mii::PHYSID1
            | mii::PHYSID2
            | mii::LPA
            | mii::STAT1000
            | mii::ESTATUS
            | mii::INT_STATUS => {}
            _ => self.set_std(reg, val),
        }
    }

    /// `INT_STATUS` as it reads: the sticky events plus MDINT (bit 15) when
    /// one of them is enabled in `INT_MASK`.
    fn int_status_value(&self) -> u16 {
        let enabled = self.int_status & self.std(mii::INT_MASK) & !mii::INT_MDINT;
        if enabled != 0 {
            self.int_status | mii::INT_MDINT
        } else {
            self.int_status
        }
    }

    /// Reads register `reg` of page `page` without going through the page
    /// register. Pages 0 and 0x10 and the window registers are the package's
    /// business; this covers every other page (and reads 0-15 of the
    /// extended pages as the standard registers).
    pub fn read_paged(&mut self, page: u16, reg: u8) -> u16 {
        if let Some(e) = ext_index(page) {
            if reg < EXT_FIRST {
                return self.read_std(reg);
            }
            let v = self
                .ext
                .get(e)
                .and_then(|p| p.get(usize::from(reg - EXT_FIRST)))
                .copied()
                .unwrap_or(0);
            return match (page, reg) {
                (page::EXT1, ext1::EXT_PHY_CNTL_4) => {
                    (v & !(0x1f << ext1::PHY_CNTL_4_ADDR_POS))
                        | (u16::from(self.index & 0x1f) << ext1::PHY_CNTL_4_ADDR_POS)
                }
                (page::EXT1, ext1::ACTIPHY_CNTL) if self.reversed => v | ext1::PHY_ADDR_REVERSED,
                (page::EXT1, ext1::ACTIPHY_CNTL) => v & !ext1::PHY_ADDR_REVERSED,
                _ => v,
            };
        }
        if page == PAGE_STANDARD {
            return self.read_std(reg);
        }
        match self.full_page(page) {
            Some(p) => p.get(usize::from(reg)).copied().unwrap_or(0),
            None => 0,
        }
    }

    /// Writes register `reg` of page `page` (see [`Phy::read_paged`]).
    pub fn write_paged(&mut self, page: u16, reg: u8, val: u16) {
        if let Some(e) = ext_index(page) {
            if reg < EXT_FIRST {
                self.write_std(reg, val);
                return;
            }
            if let Some(r) = self
                .ext
                .get_mut(e)
                .and_then(|p| p.get_mut(usize::from(reg - EXT_FIRST)))
            {
                *r = val;
            }
            return;
        }
        if page == PAGE_STANDARD {
            self.write_std(reg, val);
            return;
        }
        if let Some(p) = self.full_page_mut(page) {
            if let Some(r) = p.get_mut(usize::from(reg)) {
                *r = val;
            }
        }
    }

    /// The storage of a page whose 31 registers are all its own, if it exists.
    fn full_page(&self, page: u16) -> Option<&[u16; PAGE_REGS]> {
        match page {
            PAGE_TEST => Some(&self.test),
            PAGE_TOKEN_RING => Some(&self.token_ring),
            PAGE_PTP => Some(&self.ptp),
            _ => {
                let slot = self.extra_slot(page)?;
                self.extra.get(slot)
            }
        }
    }

    /// As [`Phy::full_page`], handing out an extra slot for an unknown page.
    fn full_page_mut(&mut self, page: u16) -> Option<&mut [u16; PAGE_REGS]> {
        match page {
            PAGE_TEST => Some(&mut self.test),
            PAGE_TOKEN_RING => Some(&mut self.token_ring),
            PAGE_PTP => Some(&mut self.ptp),
            _ => {
                let slot = match self.extra_slot(page) {
                    Some(s) => s,
                    None => {
                        let Some(free) = self.extra_used.iter().position(|u| !u) else {
                            self.dropped = self.dropped.saturating_add(1);
                            return None;
                        };
                        if let (Some(u), Some(p)) =
                            (self.extra_used.get_mut(free), self.extra_page.get_mut(free))
                        {
                            *u = true;
                            *p = page;
                        }
                        free
                    }
                };
                self.extra.get_mut(slot)
            }
        }
    }

    fn extra_slot(&self, page: u16) -> Option<usize> {
        self.extra_page
            .iter()
            .zip(self.extra_used.iter())
            .position(|(p, used)| *used && *p == page)
    }

    /// Register `reg` (16-30) of extended page `page` (1-4) as stored, without
    /// side effects; 0 for anything else.
    pub fn ext(&self, page: u16, reg: u8) -> u16 {
        let Some(e) = ext_index(page) else {
            return 0;
        };
        reg.checked_sub(EXT_FIRST)
            .and_then(|r| self.ext.get(e).and_then(|p| p.get(usize::from(r))))
            .copied()
            .unwrap_or(0)
    }

    /// Writes to unknown pages dropped because every extra slot was taken.
    pub fn dropped_writes(&self) -> u32 {
        self.dropped
    }

    /// The page-4 indirect window.
    pub fn window(&self) -> &Window {
        &self.window
    }

    /// The page-4 indirect window, mutable.
    pub fn window_mut(&mut self) -> &mut Window {
        &mut self.window
    }

    /// The trace of the egress engine's threshold-driven SA switches.
    pub fn trace(&self) -> &SwitchTrace {
        &self.trace
    }

    /// The trace, mutable.
    pub fn trace_mut(&mut self) -> &mut SwitchTrace {
        &mut self.trace
    }

    /// The MACsec engine `engine`.
    pub fn macsec(&self, engine: Engine) -> &MacsecBank {
        match engine {
            Engine::Ingress => &self.ingress,
            Engine::Egress => &self.egress,
        }
    }

    /// The MACsec engine `engine`, mutable.
    pub fn macsec_mut(&mut self, engine: Engine) -> &mut MacsecBank {
        match engine {
            Engine::Ingress => &mut self.ingress,
            Engine::Egress => &mut self.egress,
        }
    }

    /// Register `addr` of the non-MACsec target `target` of this PHY.
    pub fn csr(&self, target: u8, addr: u16) -> u32 {
        self.csr.get(csr_key(target, addr))
    }

    /// Writes register `addr` of the non-MACsec target `target` of this PHY.
    pub fn set_csr(&mut self, target: u8, addr: u16, val: u32) {
        self.csr.set(csr_key(target, addr), val);
    }

    /// The non-zero registers of the non-MACsec targets as
    /// `(target, addr, value)`, by target then address.
    pub fn csrs(&self) -> impl Iterator<Item = (u8, u16, u32)> + '_ {
        self.csr
            .iter()
            .map(|(key, val)| ((key >> 16) as u8, key as u16, val))
    }

    /// Writes to non-MACsec targets dropped because their store was full.
    pub fn dropped_csr_writes(&self) -> u32 {
        self.csr.dropped()
    }

    /// Returns whether the simulated link is up.
    pub fn link(&self) -> bool {
        self.link
    }

    /// Brings the simulated link up or down; a change latches `LINK_CHG`.
    pub fn set_link(&mut self, up: bool) {
        if self.link != up {
            self.link = up;
            self.latch_int(mii::INT_LINK_CHG);
        }
    }

    /// Selects the variants of both MACsec engines.
    pub fn set_variants(&mut self, variants: super::Variants) {
        self.ingress.set_variants(variants);
        self.egress.set_variants(variants);
    }

    /// Re-evaluates the MACsec interrupt chain. The egress engine's output,
    /// routed by ext2 register 28 bit 9 (`MS_EGR`), latches `INT_STATUS.EXT`
    /// when it rises; returns whether it did. *Choice*: one event per rising
    /// edge, as no source says whether a level that stays high re-latches
    /// EXT after the driver read it; the C driver clears none of the chain
    /// (`mscc_macsec.c:972-1000`), which would otherwise storm. The ingress
    /// engine has no documented route to the PHY interrupt.
    pub fn update_macsec_irq(&mut self) -> bool {
        // Evaluated for its AIC and sticky bits, which software can read.
        self.ingress.update_irq();
        let routed = self.ext(page::EXT2, ext2::EXTENDED_INT) & ext2::EXTENDED_INT_MS_EGR != 0;
        let out = self.egress.update_irq() && routed;
        let rise = out && !self.ms_egr_out;
        self.ms_egr_out = out;
        if rise {
            self.latch_int(mii::INT_EXT);
        }
        rise
    }

    /// Latches events `bits` in `INT_STATUS`.
    pub fn latch_int(&mut self, bits: u16) {
        self.int_status |= bits & !mii::INT_MDINT;
    }

    /// The pending `INT_STATUS` events, without clearing them.
    pub fn int_status(&self) -> u16 {
        self.int_status
    }

    /// The MDINT output: an event enabled in `INT_MASK` is pending and `INT_MASK`
    /// has MDINT (bit 15) set.
    pub fn irq_pending(&self) -> bool {
        let mask = self.std(mii::INT_MASK);
        mask & mii::INT_MDINT != 0 && self.int_status & mask & !mii::INT_MDINT != 0
    }
}

/// Key of a non-MACsec CSR in the per-PHY sparse store.
fn csr_key(target: u8, addr: u16) -> u32 {
    (u32::from(target) << 16) | u32::from(addr)
}
