// SPDX-License-Identifier: GPL-2.0

//! One EIP-160 MACsec engine register bank (ingress, target 0x38, or egress,
//! target 0x3c) as seen through the page-4 window: 14-bit word addresses,
//! 32-bit registers.
//!
//! Storage: the regions the C driver, MESA and the engine actually use are
//! kept in one dense array (about 8.4 KiB per bank); every other address falls
//! back to a small [`SparseStore`]. Reset value is 0 unless listed in
//! `RESET_VALUES`.
//!
//! Side effects of bus accesses ([`MacsecBank::read`], [`MacsecBank::write`]):
//!
//! * `SAM_ENTRY_SET1` / `CLEAR1` / `TOGGLE1` (0x1808 / 0x180c / 0x1804) are
//!   write-1 actions on the `SAM_ENTRY_ENABLE1` bitmap (0x1800) of the 16
//!   entries; they read back 0.
//! * `COUNT_CONTROL` (0x3204): `RESET_ALL` (bit 0) clears every counter, keeps
//!   the other bits as they were and falls back to 0 at once. With
//!   `AUTO_CNTR_RESET` (bit 3) a read of a counter word clears it, unless
//!   `DEBUG_ACCESS` (bit 1) is set, which also is the only way counters can be
//!   written from the bus.
//! * `INTR_CTRL_STATUS` (0x3d04): status bits 14:0 are sticky, set by the
//!   engine ([`MacsecBank::raise_intr`]) and cleared by writing 1 to them;
//!   enables 31:16 are plain; bit 15 reads as the interrupt output.
//! * `ENA_CFG` (0x800) with `SW_RST` (bit 1) resets the engine logic: entry
//!   enables, counters and interrupt status. Configuration (records, SAM
//!   match words, flow control words) stays.
//! * `NEXT_PN_CTRL` (0x3d23) bit 0 falls back to 0 at once; the update itself
//!   is left to the engine ([`MacsecBank::take_next_pn_update`]).
//! * `SAM_IN_FLIGHT` (0x1810) reads 0: no frame is ever in flight between two
//!   register accesses of the simulator.
//! * `EIP160_CONFIG2` / `CONFIG` / `VERSION` (0x3ffd-0x3fff) are read-only
//!   constants.
//!
//! [`MacsecBank::peek`] and [`MacsecBank::poke`] access the storage without
//! any side effect; they are for the engine and for tests.

use super::sparse::SparseStore;
use crate::hw::regs::macsec;

/// Dense regions: (first address, number of words).
const SEGMENTS: [(u16, u16); 14] = [
    // Transform records: 16 records of 32 words.
    (0x0000, 512),
    // ENA_CFG, FC_CFG, sticky registers.
    (0x0800, 16),
    // SAM match parameters: 16 entries of 16 words.
    (0x1000, 256),
    // SAM_ENTRY_ENABLE1/2, TOGGLE, SET, CLEAR, IN_FLIGHT.
    (0x1800, 32),
    // SAM_FLOW_CTRL of the 16 entries.
    (0x1c00, 16),
    // Control-packet classification, CP_TAG, NM parameters, MISC_CONTROL.
    (0x1e00, 96),
    // Per-SA statistics: 16 SAs of 32 words.
    (0x2000, 512),
    // Per-VLAN-priority and global statistics.
    (0x3000, 512),
    // Counter control and debug.
    (0x3200, 16),
    // Ingress consistency check entries.
    (0x3800, 64),
    // Ingress consistency check parameters.
    (0x3a00, 32),
    // MTU checks, PP_CTRL.
    (0x3c40, 16),
    // Crypto core control, interrupt status, thresholds, next-PN update.
    (0x3d00, 48),
    // Advanced interrupt controller.
    (0x3e00, 16),
];

/// Number of words in the dense regions.
const DENSE_WORDS: usize = dense_words();

/// Sums the segment lengths. Only ever evaluated at compile time (for
/// [`DENSE_WORDS`]), where an out-of-bounds index would be a build error.
const fn dense_words() -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < SEGMENTS.len() {
        n += SEGMENTS[i].1 as usize;
        i += 1;
    }
    n
}

/// Entries of the sparse store for addresses outside the dense regions.
const OVERFLOW_ENTRIES: usize = 64;

/// Only 16 SAM entries exist on the 1G PHYs (`EIP160_CONFIG.NR_OF_SA`).
const ENTRY_MASK: u32 = (1 << macsec::NUM_SAM_ENTRIES) - 1;

/// Status bits of `INTR_CTRL_STATUS` that the engine can raise (bit 15 is the
/// output pin, computed).
const INTR_STATUS_MASK: u32 = 0x7fff;

/// Registers whose reset value is not 0 (from the MESA register descriptions).
const RESET_VALUES: [(u16, u32); 12] = [
    // MACSEC_ETYPE 0xE588 (0x88E5 byte-swapped) in bits 31:16.
    (macsec::STATUS_CONTEXT_CTRL, 0xe588_0000),
    // 1514 bytes: a standard frame without VLAN tag and FCS.
    (macsec::NON_VLAN_MTU_CHECK, 1514),
    // 1518 bytes: a standard frame with one VLAN tag, without FCS.
    (macsec::vlan_mtu_check(0), 1518),
    (macsec::vlan_mtu_check(1), 1518),
    (macsec::vlan_mtu_check(2), 1518),
    (macsec::vlan_mtu_check(3), 1518),
    (macsec::vlan_mtu_check(4), 1518),
    (macsec::vlan_mtu_check(5), 1518),
    (macsec::vlan_mtu_check(6), 1518),
    (macsec::vlan_mtu_check(7), 1518),
    // Every counter may be incremented (SA 13:0, VLAN 20:16; global 17:0).
    (macsec::COUNT_INCEN1, 0x001f_3fff),
    (macsec::COUNT_INCEN2, 0x0003_ffff),
];

/// `EIP160_VERSION`: EIP number 0xa0, its complement 0x5f, version 1.1.0.
/// Plausible, not read from silicon.
const EIP160_VERSION_VALUE: u32 = 0x0110_5fa0;
/// `EIP160_CONFIG`: 16 SAs, 16 consistency checks; SCI matching on ingress only.
const EIP160_CONFIG_INGRESS: u32 = 0x0001_1010;
/// `EIP160_CONFIG` of the egress engine.
const EIP160_CONFIG_EGRESS: u32 = 0x0000_1010;
/// `EIP160_CONFIG2`: saturate and clear-on-read available, one SA and one VLAN
/// octet counter, tag bypass, ingress-only (bit 24).
const EIP160_CONFIG2_INGRESS: u32 = 0x0905_c000;
/// `EIP160_CONFIG2` of the egress engine: egress-only (bit 25).
const EIP160_CONFIG2_EGRESS: u32 = 0x0a05_c000;

/// Returns the dense-array index of `addr`, if it lies in a dense region.
fn dense_index(addr: u16) -> Option<usize> {
    let mut base = 0usize;
    for &(start, len) in SEGMENTS.iter() {
        if let Some(off) = addr.checked_sub(start).filter(|off| *off < len) {
            return Some(base.saturating_add(usize::from(off)));
        }
        base = base.saturating_add(usize::from(len));
    }
    None
}

/// The dense regions after power-on: 0 except for [`RESET_VALUES`]. Only ever
/// evaluated at compile time (for [`DENSE_RESET`]), where an out-of-bounds
/// index would be a build error.
const fn dense_reset() -> [u32; DENSE_WORDS] {
    let mut dense = [0; DENSE_WORDS];
    let mut i = 0;
    while i < RESET_VALUES.len() {
        let (addr, val) = RESET_VALUES[i];
        let mut base = 0usize;
        let mut s = 0;
        while s < SEGMENTS.len() {
            let (start, len) = SEGMENTS[s];
            if addr >= start && addr - start < len {
                dense[base + (addr - start) as usize] = val;
            }
            base += len as usize;
            s += 1;
        }
        i += 1;
    }
    dense
}

/// Power-on contents of the dense regions.
const DENSE_RESET: [u32; DENSE_WORDS] = dense_reset();

/// Returns whether `addr` is a statistics counter word.
pub const fn is_counter(addr: u16) -> bool {
    let sa_end = macsec::SA_STATS + 64 * macsec::SA_STATS_STRIDE;
    (addr >= macsec::SA_STATS && addr < sa_end)
        || (addr >= macsec::VLAN_STATS && addr < macsec::GLOBAL_STATS_END)
}

/// A next-PN update requested through `NEXT_PN_CTRL`, for the engine to apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NextPnUpdate {
    /// `NEXT_PN_LOWER` when the update was started.
    pub lower: u32,
    /// `NEXT_PN_UPPER` when the update was started.
    pub upper: u32,
    /// `NEXT_PN_CONTEXT_ID` when the update was started.
    pub context_id: u32,
    /// `NEXT_PN_CTRL` as it reads once the update started (bit 0 clear).
    pub ctrl: u32,
}

/// One MACsec engine register bank.
#[derive(Clone, Debug)]
pub struct MacsecBank {
    /// Ingress (target 0x38) or egress (target 0x3c) engine.
    ingress: bool,
    /// The dense regions, back to back.
    dense: [u32; DENSE_WORDS],
    /// Everything else.
    overflow: SparseStore<OVERFLOW_ENTRIES>,
    /// `NEXT_PN_CTRL.ENABLE_UPDATE` was written and the engine has not taken it.
    next_pn_pending: bool,
}

impl MacsecBank {
    /// A bank after power-on; `ingress` selects the ingress engine's
    /// identification constants.
    pub const fn new(ingress: bool) -> Self {
        Self {
            ingress,
            dense: DENSE_RESET,
            overflow: SparseStore::new(),
            next_pn_pending: false,
        }
    }

    /// Back to the power-on state, in place.
    pub fn reset(&mut self) {
        self.dense = DENSE_RESET;
        self.overflow.clear();
        self.next_pn_pending = false;
    }

    /// Returns whether this is the ingress engine.
    pub fn is_ingress(&self) -> bool {
        self.ingress
    }

    /// Reads register `addr` (masked to 14 bits) without side effects.
    pub fn peek(&self, addr: u16) -> u32 {
        let addr = addr & macsec_addr_mask();
        match addr {
            macsec::EIP160_VERSION => EIP160_VERSION_VALUE,
            macsec::EIP160_CONFIG if self.ingress => EIP160_CONFIG_INGRESS,
            macsec::EIP160_CONFIG => EIP160_CONFIG_EGRESS,
            macsec::EIP160_CONFIG2 if self.ingress => EIP160_CONFIG2_INGRESS,
            macsec::EIP160_CONFIG2 => EIP160_CONFIG2_EGRESS,
            _ => match dense_index(addr) {
                Some(i) => self.dense.get(i).copied().unwrap_or(0),
                None => self.overflow.get(u32::from(addr)),
            },
        }
    }

    /// Writes register `addr` (masked to 14 bits) without side effects.
    /// Writes to the read-only identification registers are ignored.
    pub fn poke(&mut self, addr: u16, val: u32) {
        let addr = addr & macsec_addr_mask();
        match dense_index(addr) {
            Some(i) => {
                if let Some(w) = self.dense.get_mut(i) {
                    *w = val;
                }
            }
            None if addr >= macsec::EIP160_CONFIG2 => {}
            None => {
                self.overflow.set(u32::from(addr), val);
            }
        }
    }

    /// Number of bus writes lost because the sparse store was full.
    pub fn dropped_writes(&self) -> u32 {
        self.overflow.dropped()
    }

    /// A read of register `addr` over the bus, with its side effects.
    pub fn read(&mut self, addr: u16) -> u32 {
        let addr = addr & macsec_addr_mask();
        match addr {
            // Write-only action registers.
            macsec::SAM_ENTRY_SET1 | macsec::SAM_ENTRY_CLEAR1 | macsec::SAM_ENTRY_TOGGLE1 => 0,
            macsec::SAM_IN_FLIGHT => 0,
            macsec::INTR_CTRL_STATUS => self.intr_ctrl_status(),
            _ if is_counter(addr) => {
                let v = self.peek(addr);
                let ctl = self.peek(macsec::COUNT_CONTROL);
                if ctl & macsec::COUNT_CONTROL_AUTO_CNTR_RESET != 0
                    && ctl & macsec::COUNT_CONTROL_DEBUG_ACCESS == 0
                {
                    self.poke(addr, 0);
                }
                v
            }
            _ => self.peek(addr),
        }
    }

    /// A write of `val` to register `addr` over the bus, with its side effects.
    pub fn write(&mut self, addr: u16, val: u32) {
        let addr = addr & macsec_addr_mask();
        match addr {
            macsec::SAM_ENTRY_SET1 => {
                let en = self.entry_enables() | (val & ENTRY_MASK);
                self.poke(macsec::SAM_ENTRY_ENABLE1, en);
            }
            macsec::SAM_ENTRY_CLEAR1 => {
                let en = self.entry_enables() & !(val & ENTRY_MASK);
                self.poke(macsec::SAM_ENTRY_ENABLE1, en);
            }
            macsec::SAM_ENTRY_TOGGLE1 => {
                // All bits flip in the same cycle: this is how a TX SA is
                // switched without a window where no entry or two match.
                let en = self.entry_enables() ^ (val & ENTRY_MASK);
                self.poke(macsec::SAM_ENTRY_ENABLE1, en);
            }
            macsec::SAM_ENTRY_ENABLE1 => self.poke(addr, val & ENTRY_MASK),
            macsec::SAM_IN_FLIGHT => {}
            macsec::COUNT_CONTROL => {
                if val & macsec::COUNT_CONTROL_RESET_ALL != 0 {
                    // "Writing this bit with a 1b keeps other fields in this
                    // register intact, irrespective of the value written."
                    self.clear_counters();
                } else {
                    self.poke(addr, val);
                }
            }
            macsec::INTR_CTRL_STATUS => {
                let status = self.peek(addr) & INTR_STATUS_MASK & !(val & INTR_STATUS_MASK);
                self.poke(addr, (val & 0xffff_0000) | status);
            }
            macsec::ENA_CFG => {
                self.poke(addr, val);
                if val & macsec::ENA_CFG_SW_RST != 0 {
                    self.reset_logic();
                }
            }
            macsec::NEXT_PN_CTRL => {
                self.poke(addr, val & !macsec::NEXT_PN_CTRL_ENABLE_UPDATE);
                if val & macsec::NEXT_PN_CTRL_ENABLE_UPDATE != 0 {
                    self.next_pn_pending = true;
                }
            }
            _ if is_counter(addr) => {
                if self.peek(macsec::COUNT_CONTROL) & macsec::COUNT_CONTROL_DEBUG_ACCESS != 0 {
                    self.poke(addr, val);
                }
            }
            _ => self.poke(addr, val),
        }
    }

    /// `INTR_CTRL_STATUS` as it reads: bit 15 is the OR of the enabled status
    /// bits, gated by enable bit 31.
    fn intr_ctrl_status(&self) -> u32 {
        let raw = self.peek(macsec::INTR_CTRL_STATUS);
        let pin = raw & (raw >> macsec::INTR_ENABLE_SHIFT) & INTR_STATUS_MASK != 0
            && raw & (u32::from(macsec::INTR_PIN) << macsec::INTR_ENABLE_SHIFT) != 0;
        if pin {
            raw | u32::from(macsec::INTR_PIN)
        } else {
            raw
        }
    }

    /// `SW_RST`: what the engine holds in reset beside its configuration.
    fn reset_logic(&mut self) {
        self.poke(macsec::SAM_ENTRY_ENABLE1, 0);
        self.clear_counters();
        let en = self.peek(macsec::INTR_CTRL_STATUS) & 0xffff_0000;
        self.poke(macsec::INTR_CTRL_STATUS, en);
        self.next_pn_pending = false;
    }

    /// Zeroes every statistics counter.
    pub fn clear_counters(&mut self) {
        for (start, len) in [
            (macsec::SA_STATS, 64 * macsec::SA_STATS_STRIDE),
            (
                macsec::VLAN_STATS,
                macsec::GLOBAL_STATS_END - macsec::VLAN_STATS,
            ),
        ] {
            for addr in start..start.saturating_add(len) {
                self.poke(addr, 0);
            }
        }
    }

    /// Bitmap of the enabled SAM entries (`SAM_ENTRY_ENABLE1`).
    pub fn entry_enables(&self) -> u32 {
        self.peek(macsec::SAM_ENTRY_ENABLE1) & ENTRY_MASK
    }

    /// Returns whether SAM entry `i` is enabled.
    pub fn entry_enabled(&self, i: u16) -> bool {
        1u32.checked_shl(u32::from(i))
            .is_some_and(|bit| self.entry_enables() & bit != 0)
    }

    /// Adds `inc` to the counter whose low word is at `addr`.
    ///
    /// `upper_bits` is the width of the high word at `addr + 1`: 0 for a plain
    /// 32-bit counter, 8 for the EIP-160's 40-bit counters, 32 for the 64-bit
    /// octet counters. The counter wraps, or stops at its maximum when
    /// `COUNT_CONTROL.SATURATE` is set; increments are ignored while
    /// `DEBUG_ACCESS` is set.
    pub fn add_counter(&mut self, addr: u16, inc: u64, upper_bits: u32) {
        let ctl = self.peek(macsec::COUNT_CONTROL);
        if ctl & macsec::COUNT_CONTROL_DEBUG_ACCESS != 0 {
            return;
        }
        let upper_bits = upper_bits.min(32);
        let max = match 1u64.checked_shl(32 + upper_bits) {
            Some(limit) => limit - 1,
            None => u64::MAX,
        };
        let hi_addr = addr.wrapping_add(1);
        let hi = if upper_bits > 0 {
            u64::from(self.peek(hi_addr))
        } else {
            0
        };
        let cur = ((hi << 32) | u64::from(self.peek(addr))) & max;
        let new = if ctl & macsec::COUNT_CONTROL_SATURATE != 0 {
            cur.saturating_add(inc).min(max)
        } else {
            cur.wrapping_add(inc) & max
        };
        self.poke(addr, new as u32);
        if upper_bits > 0 {
            self.poke(hi_addr, (new >> 32) as u32);
        }
    }

    /// Raises interrupt status bits `bits` (bit 15 is ignored); they stay set
    /// until written with 1. Returns `true` if one of them was not set yet and
    /// is enabled, i.e. if this is a new interrupt event for the PHY.
    pub fn raise_intr(&mut self, bits: u16) -> bool {
        let bits = u32::from(bits) & INTR_STATUS_MASK;
        let raw = self.peek(macsec::INTR_CTRL_STATUS);
        let new = bits & !raw;
        self.poke(macsec::INTR_CTRL_STATUS, raw | bits);
        new & (raw >> macsec::INTR_ENABLE_SHIFT) != 0
    }

    /// Sticky interrupt status bits 14:0.
    pub fn intr_status(&self) -> u16 {
        (self.peek(macsec::INTR_CTRL_STATUS) & INTR_STATUS_MASK) as u16
    }

    /// Interrupt request towards the PHY: an enabled status bit is set and the
    /// advanced interrupt controller (`AIC_CTRL`, written 0xf by the C driver)
    /// is enabled.
    pub fn irq_line(&self) -> bool {
        let raw = self.peek(macsec::INTR_CTRL_STATUS);
        raw & (raw >> macsec::INTR_ENABLE_SHIFT) & INTR_STATUS_MASK != 0
            && self.peek(macsec::AIC_CTRL) != 0
    }

    /// Takes the next-PN update started through `NEXT_PN_CTRL`, if any.
    pub fn take_next_pn_update(&mut self) -> Option<NextPnUpdate> {
        if !self.next_pn_pending {
            return None;
        }
        self.next_pn_pending = false;
        Some(NextPnUpdate {
            lower: self.peek(macsec::NEXT_PN_LOWER),
            upper: self.peek(macsec::NEXT_PN_UPPER),
            context_id: self.peek(macsec::NEXT_PN_CONTEXT_ID),
            ctrl: self.peek(macsec::NEXT_PN_CTRL),
        })
    }
}

/// The MACsec banks decode 14 address bits.
const fn macsec_addr_mask() -> u16 {
    crate::hw::regs::Bank::MacsecIngress.max_addr()
}
