// SPDX-License-Identifier: GPL-2.0

//! One EIP-160 MACsec engine register bank (ingress, target 0x38, or egress,
//! target 0x3c) as seen through the page-4 window: 14-bit word addresses,
//! 32-bit registers, described by [`crate::regdesc`].
//!
//! Storage: the regions the drivers and the engine use are kept in one dense
//! array (about 8.4 KiB per bank); every other address falls back to a small
//! [`SparseStore`]. Power-on values come from [`crate::regdesc::map`].
//!
//! Every bus write is checked against the description first: reserved bits,
//! read-only registers, undescribed addresses, bits whose effect is not
//! modelled, a transform record written while its entry is enabled, and a
//! toggle that leaves two identical egress flows enabled are recorded in the
//! bank's [`Log`] (debugfs `misuse`). Then the side effects ([`MacsecBank::write`]):
//!
//! * `SAM_ENTRY_SET1/CLEAR1/TOGGLE1` act on the bitmap `SAM_ENTRY_ENABLE1`
//!   in one step and read 0;
//! * `COUNT_CONTROL.RESET_ALL` clears every counter and keeps the other
//!   bits; counters clear on read with `AUTO_CNTR_RESET` and are writable
//!   only with `DEBUG_ACCESS`; increments honour `COUNT_INCEN1/2` and
//!   `SATURATE_CNTRS` ([`MacsecBank::count`]);
//! * `INTR_CTRL_STATUS`: status bits set by the engine, cleared as the
//!   [`Variants`] say, enables plain, bit 15 computed;
//! * the AIC: enable set/clear, raw status cleared by writing
//!   `AIC_ENABLED_STAT`; `MACSEC_STICKY` is write-1-to-clear;
//! * `NEXT_PN_CTRL.ENABLE_UPDATE` updates the sequence number of the record
//!   it points at, only to a larger value, and falls back to 0 at once;
//! * `ENA_CFG.SW_RST` holds the engine logic in reset but, as documented,
//!   not the registers: nothing is cleared.
//!
//! The interrupt chain of the engine, crypto status → AIC input (edge) →
//! `MACSEC_STICKY.ENG_IRQ` → masked by `MACSEC_STICKY_MASK`, is evaluated by
//! [`MacsecBank::update_irq`], which the package calls after anything that
//! may change it.
//!
//! [`MacsecBank::peek`] and [`MacsecBank::poke`] access the storage without
//! any side effect or check; they are for the engine and for tests.

use super::misuse::{Kind, Log};
use super::sparse::SparseStore;
use super::variants::{IntrClear, NextPnContextId, Variants};
use crate::regdesc::map::{self, Access};
use crate::regdesc::stats::{self, count_control, Counter, Width};
use crate::regdesc::{aic, crypto, ctl, ident, sam, xform, Field};

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
    // Control-packet classification, CP_TAG, NM parameters, MISC_CONTROL,
    // HDR_EXT_CTRL.
    (0x1e00, 98),
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

/// The MACsec banks decode 14 address bits.
const ADDR_MASK: u16 = 0x3fff;

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

/// Index of `addr` in the dense array, at compile time.
const fn dense_index_const(addr: u16) -> Option<usize> {
    let mut base = 0usize;
    let mut s = 0;
    while s < SEGMENTS.len() {
        let (start, len) = SEGMENTS[s];
        if addr >= start && addr - start < len {
            return Some(base + (addr - start) as usize);
        }
        base += len as usize;
        s += 1;
    }
    None
}

/// The dense regions after power-on, from the register map. Only ever
/// evaluated at compile time (for the `DENSE_RESET_*` images), where an
/// out-of-bounds index would be a build error.
const fn dense_reset(ingress: bool) -> [u32; DENSE_WORDS] {
    let mut dense = [0; DENSE_WORDS];
    let mut a = 0;
    while a < map::AREAS.len() {
        let area = map::AREAS[a];
        let mut r = 0;
        while r < area.len() {
            let reg = &area[r];
            if reg.reset != 0 && reg.dir.applies(ingress) {
                let mut c = 0;
                while c < reg.count {
                    let mut w = 0;
                    while w < reg.words {
                        let addr = reg.addr + c * reg.stride + w;
                        if let Some(i) = dense_index_const(addr) {
                            dense[i] = reg.reset;
                        }
                        w += 1;
                    }
                    c += 1;
                }
            }
            r += 1;
        }
        a += 1;
    }
    dense
}

/// Power-on contents of the dense regions of an ingress engine.
const DENSE_RESET_INGRESS: [u32; DENSE_WORDS] = dense_reset(true);
/// Power-on contents of the dense regions of an egress engine.
const DENSE_RESET_EGRESS: [u32; DENSE_WORDS] = dense_reset(false);

/// Returns whether `addr` is a statistics counter word of an engine.
pub const fn is_counter(addr: u16, ingress: bool) -> bool {
    let sa_words = if ingress {
        stats::INGRESS_SA_WORDS
    } else {
        stats::EGRESS_SA_WORDS
    };
    let global_words = if ingress {
        stats::INGRESS_GLOBAL_WORDS
    } else {
        stats::EGRESS_GLOBAL_WORDS
    };
    let sa = addr >= stats::SA_BASE
        && addr < stats::SA_BASE + 16 * stats::SA_STRIDE
        && (addr - stats::SA_BASE) % stats::SA_STRIDE < sa_words;
    let vlan = addr >= stats::VLAN_BASE
        && addr < stats::VLAN_BASE + stats::VLAN_SETS * stats::VLAN_STRIDE
        && (addr - stats::VLAN_BASE) % stats::VLAN_STRIDE < stats::VLAN_WORDS;
    let global = addr >= stats::GLOBAL_BASE && addr < stats::GLOBAL_BASE + global_words;
    sa || vlan || global
}

/// The two MACsec engines of a PHY.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    /// Line to host (target 0x38): verifies and strips.
    Ingress,
    /// Host to line (target 0x3c): protects.
    Egress,
}

/// A set of counters: which per-SA or per-VLAN set, or the global one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CounterSet {
    /// The set of SA (flow, record) `i`.
    Sa(u16),
    /// The set of VLAN user priority `up`.
    Vlan(u8),
    /// The global counters.
    Global,
}

impl CounterSet {
    /// Address of the first word of the set.
    pub fn base(self) -> u16 {
        match self {
            CounterSet::Sa(i) => stats::SA_BASE.wrapping_add((i & 0xf) * stats::SA_STRIDE),
            CounterSet::Vlan(up) => {
                stats::VLAN_BASE.wrapping_add(u16::from(up & 0x7) * stats::VLAN_STRIDE)
            }
            CounterSet::Global => stats::GLOBAL_BASE,
        }
    }
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
    /// Misuse seen on the bus.
    misuse: Log,
    /// The behaviours the documentation leaves open.
    variants: Variants,
    /// The crypto engine's interrupt level at the last evaluation, for the
    /// AIC's edge detection.
    eng_level: bool,
    /// Frames in the pipeline (`SAM_IN_FLIGHT.IN_FLIGHT`). The simulator
    /// passes a frame between two bus accesses, so this is 0 unless a test
    /// holds frames there ([`MacsecBank::hold_frames`]).
    in_flight: u32,
    /// `SAM_IN_FLIGHT.UNSAFE`: loaded from `in_flight` when an enable drops
    /// (or by `LOAD_UNSAFE`), one less at each read as a frame leaves.
    unsafe_left: u32,
}

impl MacsecBank {
    /// A bank after power-on; `ingress` selects the engine.
    pub const fn new(ingress: bool) -> Self {
        Self {
            ingress,
            dense: if ingress {
                DENSE_RESET_INGRESS
            } else {
                DENSE_RESET_EGRESS
            },
            overflow: SparseStore::new(),
            misuse: Log::new(),
            variants: Variants::new(),
            eng_level: false,
            in_flight: 0,
            unsafe_left: 0,
        }
    }

    /// Back to the power-on state, in place (variants and misuse log kept).
    pub fn reset(&mut self) {
        self.dense = if self.ingress {
            DENSE_RESET_INGRESS
        } else {
            DENSE_RESET_EGRESS
        };
        self.overflow.clear();
        self.eng_level = false;
        self.in_flight = 0;
        self.unsafe_left = 0;
        let mask = self.variants.sticky_mask_reset_value();
        self.poke(ctl::STICKY_MASK, mask);
    }

    /// Selects the variants; a changed `sticky_mask_reset` rewrites
    /// `MACSEC_STICKY_MASK` as if the part had powered up with it.
    pub fn set_variants(&mut self, variants: Variants) {
        let old = self.variants;
        self.variants = variants;
        if old.sticky_mask_reset != variants.sticky_mask_reset {
            self.poke(ctl::STICKY_MASK, variants.sticky_mask_reset_value());
        }
    }

    /// The variants in force.
    pub fn variants(&self) -> &Variants {
        &self.variants
    }

    /// Returns whether this is the ingress engine.
    pub fn is_ingress(&self) -> bool {
        self.ingress
    }

    /// The misuse recorded so far.
    pub fn misuse(&self) -> &Log {
        &self.misuse
    }

    /// The misuse log, mutable (to clear it).
    pub fn misuse_mut(&mut self) -> &mut Log {
        &mut self.misuse
    }

    /// Reads register `addr` (masked to 14 bits) without side effects.
    pub fn peek(&self, addr: u16) -> u32 {
        let addr = addr & ADDR_MASK;
        match addr {
            ident::EIP160_VERSION => ident::VERSION,
            ident::EIP160_CONFIG if self.ingress => ident::CONFIG_INGRESS,
            ident::EIP160_CONFIG => ident::CONFIG_EGRESS,
            ident::EIP160_CONFIG2 if self.ingress => ident::CONFIG2_INGRESS,
            ident::EIP160_CONFIG2 => ident::CONFIG2_EGRESS,
            _ => match dense_index(addr) {
                Some(i) => self.dense.get(i).copied().unwrap_or(0),
                None => self.overflow.get(u32::from(addr)),
            },
        }
    }

    /// Writes register `addr` (masked to 14 bits) without side effects or
    /// checks. The identification registers stay what they are.
    pub fn poke(&mut self, addr: u16, val: u32) {
        let addr = addr & ADDR_MASK;
        match dense_index(addr) {
            Some(i) => {
                if let Some(w) = self.dense.get_mut(i) {
                    *w = val;
                }
            }
            None if addr >= ident::EIP160_CONFIG2 => {}
            None => {
                self.overflow.set(u32::from(addr), val);
            }
        }
    }

    /// Number of bus writes lost because the sparse store was full.
    pub fn dropped_writes(&self) -> u32 {
        self.overflow.dropped()
    }

    fn field(&self, addr: u16, f: Field) -> u32 {
        f.get(self.peek(addr))
    }

    /// A read of register `addr` over the bus, with its side effects.
    pub fn read(&mut self, addr: u16) -> u32 {
        let addr = addr & ADDR_MASK;
        match addr {
            // Write-only actions.
            sam::ENTRY_SET1
            | sam::ENTRY_CLEAR1
            | sam::ENTRY_TOGGLE1
            | sam::ENTRY_SET2
            | sam::ENTRY_CLEAR2
            | sam::ENTRY_TOGGLE2
            | aic::AIC_ENABLE_CLR => 0,
            sam::IN_FLIGHT => {
                let v = sam::in_flight::UNSAFE.put(self.unsafe_left)
                    | sam::in_flight::IN_FLIGHT.put(self.in_flight);
                // A frame leaves the pipeline.
                self.unsafe_left = self.unsafe_left.saturating_sub(1);
                self.in_flight = self.in_flight.saturating_sub(1);
                v
            }
            crypto::INTR_CTRL_STATUS => self.intr_ctrl_status(),
            aic::AIC_ENABLED_STAT => self.peek(aic::AIC_RAW_STAT) & self.peek(aic::AIC_ENABLE_CTRL),
            _ if is_counter(addr, self.ingress) => {
                let v = self.peek(addr);
                let ctl = self.peek(stats::COUNT_CONTROL);
                if count_control::AUTO_CNTR_RESET.is_set(ctl)
                    && !count_control::DEBUG_ACCESS.is_set(ctl)
                {
                    self.poke(addr, 0);
                }
                v
            }
            _ => self.peek(addr),
        }
    }

    /// Checks a bus write against the description; returns whether the
    /// write reaches the register at all (read-only ones ignore it).
    fn check_write(&mut self, addr: u16, val: u32) -> bool {
        let Some(reg) = map::lookup(addr, self.ingress) else {
            if val != 0 {
                self.misuse.record(Kind::Undescribed, addr, val, val);
            }
            return true;
        };
        if reg.access == Access::Ro {
            self.misuse.record(Kind::ReadOnly, addr, val, 0);
            return false;
        }
        if reg.access == Access::Counter
            && !count_control::DEBUG_ACCESS.is_set(self.peek(stats::COUNT_CONTROL))
        {
            self.misuse.record(Kind::ReadOnly, addr, val, 0);
            return false;
        }
        let reserved = val & !reg.defined;
        if reserved != 0 {
            self.misuse.record(Kind::ReservedBits, addr, val, reserved);
        }
        let unmodelled = val & reg.unmodelled & reg.defined;
        if unmodelled != 0 {
            self.misuse.record(Kind::Unmodelled, addr, val, unmodelled);
        }
        let records_end = xform::addr(xform::RECORDS, 0);
        if addr < records_end {
            let rec = addr / xform::STRIDE;
            if self.entry_enabled(rec) {
                self.misuse
                    .record(Kind::RecordWhileEnabled, addr, val, u32::from(rec));
            }
            if self.unsafe_left != 0 {
                self.misuse
                    .record(Kind::RecordWhileInFlight, addr, val, self.unsafe_left);
            }
        }
        true
    }

    /// A write of `val` to register `addr` over the bus, with its checks and
    /// side effects.
    pub fn write(&mut self, addr: u16, val: u32) {
        let addr = addr & ADDR_MASK;
        if !self.check_write(addr, val) {
            return;
        }
        match addr {
            sam::ENTRY_SET1 => {
                let en = self.entry_enables() | (val & sam::ENTRY_BITS);
                self.set_enables(en);
            }
            sam::ENTRY_CLEAR1 => {
                let en = self.entry_enables() & !(val & sam::ENTRY_BITS);
                self.set_enables(en);
            }
            sam::ENTRY_TOGGLE1 => {
                // All bits flip in the same cycle: a TX SA is switched without
                // a window where no entry or two match.
                let en = self.entry_enables() ^ (val & sam::ENTRY_BITS);
                self.set_enables(en);
                if !self.ingress {
                    self.check_tx_flows(val);
                }
            }
            sam::ENTRY_ENABLE1 => self.set_enables(val & sam::ENTRY_BITS),
            sam::IN_FLIGHT => {
                if sam::in_flight::LOAD_UNSAFE.is_set(val) {
                    self.unsafe_left = self.in_flight;
                }
            }
            // Entries 32-63 do not exist.
            sam::ENTRY_ENABLE2 | sam::ENTRY_SET2 | sam::ENTRY_CLEAR2 | sam::ENTRY_TOGGLE2 => {}
            stats::COUNT_CONTROL => {
                if count_control::RESET_ALL.is_set(val) {
                    // "Writing this bit with a 1b keeps other fields in this
                    // register intact, irrespective of the value written."
                    self.clear_counters();
                } else {
                    self.poke(addr, val & 0xe);
                }
            }
            crypto::INTR_CTRL_STATUS => {
                let old = crypto::intr::STATUS.get(self.peek(addr)) & crypto::intr::RAISABLE;
                let written = crypto::intr::STATUS.get(val);
                let status = match self.variants.intr_clear {
                    IntrClear::WriteZero => old & written,
                    IntrClear::WriteOne => old & !written,
                };
                self.poke(addr, (val & 0xffff_0000) | status);
            }
            crypto::NEXT_PN_CTRL => {
                let written_bit = crypto::next_pn_ctrl::NEXT_PN_WRITTEN;
                let keep = self.peek(addr) & written_bit.mask();
                let mut stored = (val & !written_bit.mask() & !1) | keep;
                if crypto::next_pn_ctrl::ENABLE_UPDATE.is_set(val) {
                    let written = self.next_pn_update(val);
                    stored = (stored & !written_bit.mask()) | written_bit.put(u32::from(written));
                }
                self.poke(addr, stored);
            }
            ctl::STICKY => {
                let sticky = self.peek(addr) & !val;
                self.poke(addr, sticky);
            }
            aic::AIC_RAW_STAT => {
                let en = self.peek(aic::AIC_ENABLE_CTRL) | (val & self.aic_bits());
                self.poke(aic::AIC_ENABLE_CTRL, en);
            }
            aic::AIC_ENABLED_STAT => {
                let raw = self.peek(aic::AIC_RAW_STAT) & !val;
                self.poke(aic::AIC_RAW_STAT, raw);
            }
            aic::AIC_ENABLE_CLR => {
                let en = self.peek(aic::AIC_ENABLE_CTRL) & !val;
                self.poke(aic::AIC_ENABLE_CTRL, en);
            }
            _ => self.poke(addr, val),
        }
    }

    /// The AIC input bits of this engine.
    fn aic_bits(&self) -> u32 {
        if self.ingress {
            aic::INGRESS_BITS
        } else {
            aic::EGRESS_BITS
        }
    }

    /// After a toggle: two enabled egress MACsec flows whose SAM match is the
    /// same word for word serve one SecY, and the lower index takes all its
    /// frames. MESA toggles exactly one entry off and one on
    /// (`api.c:3042-3100`); this catches a shadow of the enables gone wrong.
    fn check_tx_flows(&mut self, toggled: u32) {
        let en = self.entry_enables();
        for i in 0..sam::ENTRIES {
            if !self.is_tx_flow(i, en) {
                continue;
            }
            for j in (i + 1)..sam::ENTRIES {
                if self.is_tx_flow(j, en) && self.same_match(i, j) {
                    let pair = (1u32 << i) | (1u32 << j);
                    self.misuse
                        .record(Kind::ToggleTwoTxFlows, sam::ENTRY_TOGGLE1, toggled, pair);
                }
            }
        }
    }

    /// Whether entry `i` is enabled in `en` and is an egress MACsec flow.
    fn is_tx_flow(&self, i: u16, en: u32) -> bool {
        en & (1u32 << i) != 0
            && sam::flow::FLOW_TYPE.get(self.peek(sam::flow_ctrl(i))) == sam::flow::TYPE_EGRESS
    }

    /// Whether SAM entries `i` and `j` match the same frames: identical
    /// match words, priority aside.
    fn same_match(&self, i: u16, j: u16) -> bool {
        let prio = sam::misc::MATCH_PRIORITY.mask();
        (0..sam::HDR_BYPASS + 4).all(|w| {
            let mask = if w == sam::MISC_MATCH {
                !prio
            } else {
                u32::MAX
            };
            self.peek(sam::entry(i) + w) & mask == self.peek(sam::entry(j) + w) & mask
        })
    }

    /// Performs the next-PN update `ctrl` starts: finds the record and its
    /// sequence number from `NEXT_PN_CTX_ADDR` and the context size, and
    /// writes the programmed PN there if it is larger. Returns whether it
    /// wrote (`NEXT_PN_WRITTEN`).
    fn next_pn_update(&mut self, ctrl: u32) -> bool {
        use crypto::next_pn_ctrl as npc;
        let ctx_words = self.field(crypto::CONTEXT_CTRL, crypto::context_ctrl::CTX_SIZE);
        // "always fetches a multiple of 16 bytes" (ingr.h:7244-7247).
        let ctx_words = (ctx_words + 3) & !3;
        let word = npc::NEXT_PN_CTX_ADDR.get(ctrl).wrapping_mul(4);
        let (rec, block) = match word.checked_div(ctx_words) {
            Some(rec) => (rec, word % ctx_words),
            None => (u32::MAX, 0),
        };
        let rec = match u16::try_from(rec) {
            Ok(r) if r < xform::RECORDS => r,
            _ => {
                self.misuse
                    .record(Kind::NextPnAddress, crypto::NEXT_PN_CTRL, ctrl, word);
                return false;
            }
        };
        let control = self.peek(xform::addr(rec, xform::CONTROL));
        let wide = npc::SEQ_NUM_SIZE.is_set(ctrl);
        let seq_type = xform::control::SEQ_TYPE.get(control);
        let layout = xform::key_words(xform::control::CRYPTO_ALG.get(control))
            .map(|kw| xform::layout(kw, self.ingress, seq_type == xform::control::SEQ_64));
        let size_ok = (seq_type == xform::control::SEQ_64) == wide;
        let seq = match layout {
            Some(l) if size_ok && u32::from(l.seq) >= block && u32::from(l.seq) < block + 4 => {
                l.seq
            }
            _ => {
                self.misuse
                    .record(Kind::NextPnAddress, crypto::NEXT_PN_CTRL, ctrl, word);
                return false;
            }
        };
        if self.variants.next_pn_context_id == NextPnContextId::Match
            && self.peek(crypto::NEXT_PN_CONTEXT_ID)
                != self.peek(xform::addr(rec, xform::CONTEXT_ID))
        {
            return false;
        }
        let lower = u64::from(self.peek(crypto::NEXT_PN_LOWER));
        let new = if wide {
            (u64::from(self.peek(crypto::NEXT_PN_UPPER)) << 32) | lower
        } else {
            lower
        };
        let cur = crate::engine::record::read_seq(self, rec, seq, wide);
        if new <= cur {
            return false;
        }
        crate::engine::record::write_seq(self, rec, seq, wide, new);
        true
    }

    /// `INTR_CTRL_STATUS` as it reads: bit 15 is the OR of the enabled status
    /// bits, when enable bit 31 is set.
    fn intr_ctrl_status(&self) -> u32 {
        let raw = self.peek(crypto::INTR_CTRL_STATUS);
        let pin_enabled = raw & (crypto::intr::PIN << 16) != 0;
        if self.eng_level_now() && pin_enabled {
            raw | crypto::intr::PIN
        } else {
            raw & !crypto::intr::PIN
        }
    }

    /// The crypto engine's interrupt: an enabled status bit is set (bits
    /// 14:0; enable bit 31 only gates the pin of bit 15). *Choice*: neither
    /// MESA nor the C driver sets bit 31, and the C driver's interrupt works
    /// on silicon, so bit 31 is not in the path to the AIC.
    fn eng_level_now(&self) -> bool {
        let raw = self.peek(crypto::INTR_CTRL_STATUS);
        raw & (raw >> 16) & crypto::intr::RAISABLE != 0
    }

    /// Re-evaluates the interrupt chain of the engine and returns its output
    /// towards the PHY: a rising crypto engine interrupt latches the AIC
    /// input the [`Variants`] name, an enabled AIC input sets
    /// `MACSEC_STICKY.ENG_IRQ`, and a sticky bit enabled in
    /// `MACSEC_STICKY_MASK` is the output.
    pub fn update_irq(&mut self) -> bool {
        let level = self.eng_level_now();
        if level && !self.eng_level {
            let input = 1u32 << (self.variants.aic_input & 3);
            let raw = self.peek(aic::AIC_RAW_STAT) | (input & self.aic_bits());
            self.poke(aic::AIC_RAW_STAT, raw);
        }
        self.eng_level = level;
        if self.peek(aic::AIC_RAW_STAT) & self.peek(aic::AIC_ENABLE_CTRL) != 0 {
            let sticky = self.peek(ctl::STICKY) | ctl::sticky::ENG_IRQ.mask();
            self.poke(ctl::STICKY, sticky);
        }
        self.peek(ctl::STICKY) & self.peek(ctl::STICKY_MASK) & ctl::sticky::ALL != 0
    }

    /// Raises status bits `bits` of `INTR_CTRL_STATUS` (what the engine does
    /// on a PN threshold, a roll-over or a bad context). They stay set until
    /// software clears them.
    pub fn raise_intr(&mut self, bits: u32) {
        let bits = bits & crypto::intr::RAISABLE;
        let raw = self.peek(crypto::INTR_CTRL_STATUS);
        self.poke(crypto::INTR_CTRL_STATUS, raw | bits);
    }

    /// Status bits 14:0 of `INTR_CTRL_STATUS`.
    pub fn intr_status(&self) -> u32 {
        self.peek(crypto::INTR_CTRL_STATUS) & crypto::intr::RAISABLE
    }

    /// Zeroes every statistics counter.
    pub fn clear_counters(&mut self) {
        for addr in stats::SA_BASE..stats::GLOBAL_BASE + stats::INGRESS_GLOBAL_WORDS {
            if is_counter(addr, self.ingress) {
                self.poke(addr, 0);
            }
        }
    }

    /// Sets the entry enables to `en`; an enable that drops loads `UNSAFE`
    /// from the frames in the pipeline (MESA `ingr.h:1176-1185`).
    fn set_enables(&mut self, en: u32) {
        if self.entry_enables() & !en != 0 {
            self.unsafe_left = self.in_flight;
        }
        self.poke(sam::ENTRY_ENABLE1, en);
    }

    /// Holds `frames` frames in the pipeline (at most 63, the width of the
    /// field), as if they had just entered it: an enable that drops now makes
    /// the next `frames` reads of `SAM_IN_FLIGHT` report them in `UNSAFE`, and
    /// writing a transform record before it reads 0 is misuse. For tests: the
    /// simulator passes every frame between two bus accesses.
    pub fn hold_frames(&mut self, frames: u32) {
        self.in_flight = frames.min(63);
    }

    /// Bitmap of the enabled SAM entries (`SAM_ENTRY_ENABLE1`).
    pub fn entry_enables(&self) -> u32 {
        self.peek(sam::ENTRY_ENABLE1) & sam::ENTRY_BITS
    }

    /// Returns whether SAM entry `i` is enabled.
    pub fn entry_enabled(&self, i: u16) -> bool {
        1u32.checked_shl(u32::from(i))
            .is_some_and(|bit| self.entry_enables() & bit != 0)
    }

    /// Whether counter `c` of `set` may increment (`COUNT_INCEN1/2`).
    fn incen(&self, set: CounterSet, bit: u32) -> bool {
        let (reg, shift) = match set {
            CounterSet::Sa(_) => (stats::COUNT_INCEN1, 0),
            CounterSet::Vlan(_) => (stats::COUNT_INCEN1, 16),
            CounterSet::Global => (stats::COUNT_INCEN2, 0),
        };
        self.peek(reg)
            .checked_shr(bit + shift)
            .is_some_and(|v| v & 1 != 0)
    }

    /// Adds `inc` to counter `c` of `set`, as the counter module does: not
    /// while `DEBUG_ACCESS` is set, not when its increment enable is clear,
    /// wrapping or (`SATURATE_CNTRS`) stopping at the maximum, the second
    /// half of a chained octet counter counting the overflows of the first.
    pub fn count(&mut self, set: CounterSet, c: &Counter, inc: u64) {
        let ctl = self.peek(stats::COUNT_CONTROL);
        if count_control::DEBUG_ACCESS.is_set(ctl) || inc == 0 {
            return;
        }
        let saturate = count_control::SATURATE_CNTRS.is_set(ctl);
        let addr = set.base().wrapping_add(c.offset);
        match c.width {
            Width::Bits40 => {
                if self.incen(set, c.incen_bit) {
                    self.add(addr, inc, 8, saturate);
                }
            }
            Width::Bits64 => {
                if self.incen(set, c.incen_bit) {
                    self.add(addr, inc, 32, saturate);
                }
            }
            Width::Chained80 => {
                if !self.incen(set, c.incen_bit) {
                    return;
                }
                const MAX40: u64 = (1 << 40) - 1;
                let first = self.value(addr, 8);
                let second = self.value(addr.wrapping_add(2), 8);
                let sum = first.checked_add(inc);
                let (lo, carry) = match sum {
                    Some(s) => (s & MAX40, s >> 40),
                    None => (0, u64::MAX),
                };
                let hi_on = self.incen(set, c.incen_bit + 1);
                let (lo, hi) = if !hi_on {
                    (lo, second)
                } else {
                    match second.checked_add(carry).filter(|h| *h <= MAX40) {
                        Some(h) => (lo, h),
                        None if saturate => (MAX40, MAX40),
                        None => (lo, second.wrapping_add(carry) & MAX40),
                    }
                };
                self.set_value(addr, lo, 8);
                self.set_value(addr.wrapping_add(2), hi, 8);
            }
        }
    }

    /// The counter with its low word at `addr` and `upper_bits` in the next.
    fn value(&self, addr: u16, upper_bits: u32) -> u64 {
        let hi_mask = if upper_bits >= 32 {
            u32::MAX
        } else {
            (1u32 << upper_bits) - 1
        };
        let hi = u64::from(self.peek(addr.wrapping_add(1)) & hi_mask);
        (hi << 32) | u64::from(self.peek(addr))
    }

    fn set_value(&mut self, addr: u16, v: u64, upper_bits: u32) {
        let hi_mask = if upper_bits >= 32 {
            u32::MAX
        } else {
            (1u32 << upper_bits) - 1
        };
        self.poke(addr, v as u32);
        self.poke(addr.wrapping_add(1), (v >> 32) as u32 & hi_mask);
    }

    fn add(&mut self, addr: u16, inc: u64, upper_bits: u32, saturate: bool) {
        let max = match 1u64.checked_shl(32 + upper_bits) {
            Some(limit) => limit - 1,
            None => u64::MAX,
        };
        let cur = self.value(addr, upper_bits) & max;
        let new = if saturate {
            cur.saturating_add(inc).min(max)
        } else {
            cur.wrapping_add(inc) & max
        };
        self.set_value(addr, new, upper_bits);
    }

    /// The value of counter `c` of `set`, without side effects. A chained
    /// octet counter reads as one number, saturated at `u64::MAX` (its 80
    /// bits need more than 2^64 octets to matter).
    pub fn counter(&self, set: CounterSet, c: &Counter) -> u64 {
        let addr = set.base().wrapping_add(c.offset);
        match c.width {
            Width::Bits40 => self.value(addr, 8),
            Width::Bits64 => self.value(addr, 32),
            Width::Chained80 => {
                let hi = self.value(addr.wrapping_add(2), 8);
                hi.checked_mul(1 << 40)
                    .and_then(|h| h.checked_add(self.value(addr, 8)))
                    .unwrap_or(u64::MAX)
            }
        }
    }
}
