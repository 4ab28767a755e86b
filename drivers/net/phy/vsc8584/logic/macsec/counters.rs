// SPDX-License-Identifier: GPL-2.0

//! The engines' counters: clear-on-read (`COUNT_CONTROL.AUTO_CNTR_RESET`), 40 bits (a low word
//! and 8 bits in the next), octet counters 80 bits (two chained 40-bit halves), interface octet
//! counters 64 bits. The driver reads each counter once per call and adds what it read to 64-bit
//! totals as each word comes in: a word read is a word cleared, so it is never lost, even when
//! the next read fails.
//!
//! Only counters that exist are read: per SA those of [`crate::hw::eip160::stats`] a flow of
//! its kind can move, globally the ones MESA reads.

use super::shadow::bank;
use super::state::{Dir, FLOWS};
use crate::hw::eip160::stats::{in_global, in_sa, out_global, out_sa, UPPER_BITS};
use crate::hw::regs::macsec as ms;
use crate::logic::error::Result;
use crate::logic::window::Bus;

/// Reads the 40-bit counter at `addr` of `dir` and adds it to `acc`.
pub fn acc40<B: Bus>(bus: &mut B, dir: Dir, addr: u16, acc: &mut u64) -> Result {
    let lo = bus.read32(bank(dir), addr)?;
    *acc = acc.wrapping_add(u64::from(lo));
    let hi = bus.read32(bank(dir), addr.wrapping_add(1))?;
    let hi = u64::from(hi & ((1 << UPPER_BITS) - 1));
    *acc = acc.wrapping_add(hi << 32);
    Ok(())
}

/// Reads the 80-bit octet counter at `addr` (a 40-bit counter and the 40-bit count of its
/// overflows) and adds it to `acc`.
pub fn acc80<B: Bus>(bus: &mut B, dir: Dir, addr: u16, acc: &mut u64) -> Result {
    acc40(bus, dir, addr, acc)?;
    let mut wraps = 0u64;
    acc40(bus, dir, addr.wrapping_add(2), &mut wraps)?;
    *acc = acc.wrapping_add(wraps.wrapping_shl(40));
    Ok(())
}

/// Reads the 64-bit counter at `addr` and adds it to `acc`.
pub fn acc64<B: Bus>(bus: &mut B, dir: Dir, addr: u16, acc: &mut u64) -> Result {
    let lo = bus.read32(bank(dir), addr)?;
    *acc = acc.wrapping_add(u64::from(lo));
    let hi = bus.read32(bank(dir), addr.wrapping_add(1))?;
    *acc = acc.wrapping_add(u64::from(hi) << 32);
    Ok(())
}

/// First counter word of flow `flow`'s SA counters.
pub const fn sa_base(flow: usize) -> u16 {
    ms::SA_STATS + ms::SA_STATS_STRIDE * (flow as u16)
}

/// What one read of a transmit SA flow's counters gives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TxRaw {
    /// OutPktsEncrypted/Protected.
    pub pkts: u64,
    /// OutOctetsEncrypted/Protected.
    pub octets: u64,
    /// OutPktsTooLong.
    pub too_long: u64,
}

/// Reads the counters of transmit SA flow `flow` into `acc`.
pub fn read_tx<B: Bus>(bus: &mut B, flow: usize, acc: &mut TxRaw) -> Result {
    let b = sa_base(flow);
    acc80(
        bus,
        Dir::Egress,
        b + out_sa::OCTETS_ENCRYPTED_PROTECTED,
        &mut acc.octets,
    )?;
    acc40(
        bus,
        Dir::Egress,
        b + out_sa::PKTS_ENCRYPTED_PROTECTED,
        &mut acc.pkts,
    )?;
    acc40(
        bus,
        Dir::Egress,
        b + out_sa::PKTS_TOO_LONG,
        &mut acc.too_long,
    )
}

/// Reads the counters of receive SA flow `flow` into `acc`.
pub fn read_rx<B: Bus>(bus: &mut B, flow: usize, acc: &mut super::types::RxSaCounters) -> Result {
    let b = sa_base(flow);
    let d = Dir::Ingress;
    acc80(
        bus,
        d,
        b + in_sa::OCTETS_DECRYPTED_VALIDATED,
        &mut acc.octets,
    )?;
    acc40(bus, d, b + in_sa::PKTS_UNCHECKED, &mut acc.unchecked)?;
    acc40(bus, d, b + in_sa::PKTS_DELAYED, &mut acc.delayed)?;
    acc40(bus, d, b + in_sa::PKTS_LATE, &mut acc.late)?;
    acc40(bus, d, b + in_sa::PKTS_OK, &mut acc.ok)?;
    acc40(bus, d, b + in_sa::PKTS_INVALID, &mut acc.invalid)?;
    acc40(bus, d, b + in_sa::PKTS_NOT_VALID, &mut acc.not_valid)?;
    acc40(bus, d, b + in_sa::PKTS_NOT_USING_SA, &mut acc.not_using_sa)?;
    acc40(bus, d, b + in_sa::PKTS_UNUSED_SA, &mut acc.unused_sa)
}

/// The counter of a bypass or drop flow: its hits (the shared counter at +4 of both engines,
/// MESA's `HitDropReserved`).
pub const GUARD_HITS: u16 = in_sa::PKTS_UNCHECKED;

/// Reads the hits of guard flow `flow` of `dir` into `acc`.
pub fn read_guard<B: Bus>(bus: &mut B, dir: Dir, flow: usize, acc: &mut u64) -> Result {
    acc40(bus, dir, sa_base(flow) + GUARD_HITS, acc)
}

/// Counter pairs of a flow (bit `k`: the 40-bit counter at word `2k`; the two octet words of
/// an 80-bit counter are bits 0 and 1) that a transmit SA flow moves.
pub const TX_COUNTERS: u32 = 0x7f;
/// The counter pairs a receive SA flow moves (its entries only match SecTAGs, so not
/// `InPktsUntaggedHit`).
pub const RX_COUNTERS: u32 = 0x3bff;
/// The counter pair a guard flow moves.
pub const GUARD_COUNTERS: u32 = 1 << (GUARD_HITS / 2);

/// Reads (and so clears) the counter pairs `pairs` of flow `flow` of `dir`, whose values belong
/// to no one: a flow a new SA gets starts from zero.
pub fn clear<B: Bus>(bus: &mut B, dir: Dir, flow: usize, pairs: &mut u32) -> Result {
    for k in 0..16u16 {
        if *pairs & (1 << k) == 0 {
            continue;
        }
        let mut sink = 0u64;
        acc40(bus, dir, sa_base(flow) + 2 * k, &mut sink)?;
        *pairs &= !(1 << k);
    }
    Ok(())
}

/// Global counters of the ingress engine, in [`STAT_NAMES`] order: (word, width).
pub const IN_GLOBALS: [(u16, u8); 18] = [
    (in_global::TRANSFORM_ERROR_PKTS, 40),
    (in_global::PKTS_CTRL, 40),
    (in_global::PKTS_NO_TAG, 40),
    (in_global::PKTS_UNTAGGED, 40),
    (in_global::PKTS_TAGGED, 40),
    (in_global::PKTS_BAD_TAG, 40),
    (in_global::PKTS_UNTAGGED_MISS, 40),
    (in_global::PKTS_NO_SCI, 40),
    (in_global::PKTS_UNKNOWN_SCI, 40),
    (in_global::CONSIST_CHECK_CONTROLLED_NOT_PASS, 40),
    (in_global::CONSIST_CHECK_UNCONTROLLED_NOT_PASS, 40),
    (in_global::CONSIST_CHECK_CONTROLLED_PASS, 40),
    (in_global::CONSIST_CHECK_UNCONTROLLED_PASS, 40),
    (in_global::OVERSIZE_PKTS, 40),
    (in_global::UCAST, 40),
    (in_global::MCAST, 40),
    (in_global::BCAST, 40),
    (in_global::OCTETS, 64),
];

/// Global counters of the egress engine, after the ingress ones in [`STAT_NAMES`].
pub const OUT_GLOBALS: [(u16, u8); 9] = [
    (out_global::TRANSFORM_ERROR_PKTS, 40),
    (out_global::PKTS_CTRL, 40),
    (out_global::PKTS_UNKNOWN_SA, 40),
    (out_global::PKTS_UNTAGGED, 40),
    (out_global::OVERSIZE_PKTS, 40),
    (out_global::UCAST, 40),
    (out_global::MCAST, 40),
    (out_global::BCAST, 40),
    (out_global::OCTETS, 64),
];

/// Number of global counters.
pub const N_GLOBALS: usize = IN_GLOBALS.len() + OUT_GLOBALS.len();

/// Names of the global counters for `ethtool --phy-statistics`, ingress engine first; each
/// ends with a NUL, so that the kernel shell makes C strings of them at build time, and fits
/// the 32 bytes of an ethtool string with it.
pub const STAT_NAMES: [&str; N_GLOBALS] = [
    "macsec_in_transform_errors\0",
    "macsec_in_pkts_ctrl\0",
    "macsec_in_pkts_no_tag\0",
    "macsec_in_pkts_untagged\0",
    "macsec_in_pkts_tagged\0",
    "macsec_in_pkts_bad_tag\0",
    "macsec_in_pkts_untagged_miss\0",
    "macsec_in_pkts_no_sci\0",
    "macsec_in_pkts_unknown_sci\0",
    "macsec_in_cc_ctrl_not_pass\0",
    "macsec_in_cc_unctrl_not_pass\0",
    "macsec_in_cc_ctrl_pass\0",
    "macsec_in_cc_unctrl_pass\0",
    "macsec_in_oversize_pkts\0",
    "macsec_in_ucast_pkts\0",
    "macsec_in_mcast_pkts\0",
    "macsec_in_bcast_pkts\0",
    "macsec_in_octets\0",
    "macsec_out_transform_errors\0",
    "macsec_out_pkts_ctrl\0",
    "macsec_out_pkts_unknown_sa\0",
    "macsec_out_pkts_untagged\0",
    "macsec_out_oversize_pkts\0",
    "macsec_out_ucast_pkts\0",
    "macsec_out_mcast_pkts\0",
    "macsec_out_bcast_pkts\0",
    "macsec_out_octets\0",
];

/// Index of `InPktsBadTag` in the global counters.
pub const G_IN_BAD_TAG: usize = 5;
/// Index of `InPktsNoSCI`.
pub const G_IN_NO_SCI: usize = 7;
/// Index of `InPktsUnknownSCI`.
pub const G_IN_UNKNOWN_SCI: usize = 8;

/// Reads global counter `k` (of [`STAT_NAMES`]) into `acc`.
pub fn read_global<B: Bus>(bus: &mut B, k: usize, acc: &mut u64) -> Result {
    let (dir, entry) = match IN_GLOBALS.get(k) {
        Some(e) => (Dir::Ingress, *e),
        None => match OUT_GLOBALS.get(k.wrapping_sub(IN_GLOBALS.len())) {
            Some(e) => (Dir::Egress, *e),
            None => return Ok(()),
        },
    };
    let addr = ms::GLOBAL_STATS + entry.0;
    if entry.1 == 64 {
        acc64(bus, dir, addr, acc)
    } else {
        acc40(bus, dir, addr, acc)
    }
}

/// 64-bit totals that live beside the state: reading a counter clears it, so what was read is
/// kept whatever becomes of the operation that read it.
#[derive(Clone, Copy, Debug)]
pub struct Totals {
    /// Per transmit SA slot.
    pub tx: [super::types::TxSaCounters; super::state::POOL],
    /// Per transmit SA slot, OutPktsTooLong.
    pub tx_too_long: [u64; super::state::POOL],
    /// Per receive SA slot.
    pub rx: [super::types::RxSaCounters; super::state::POOL],
    /// Per SecY slot, the transmit SAs deleted.
    pub tx_retired: [super::types::TxSaCounters; super::state::MAX_SECY],
    /// Per SecY slot, OutPktsTooLong of the transmit SAs deleted.
    pub too_long_retired: [u64; super::state::MAX_SECY],
    /// Per receive channel slot, the receive SAs deleted.
    pub rx_retired: [super::types::RxSaCounters; super::state::POOL],
    /// Per SecY slot: frames of the SecY its egress guard passed (OutPktsUntagged).
    pub out_untagged: [u64; super::state::MAX_SECY],
    /// Per SecY slot: frames of the SecY its egress guard dropped (no SA in use).
    pub out_no_sa: [u64; super::state::MAX_SECY],
    /// Per SecY slot: frames without SecTAG to the SecY its ingress guard passed
    /// (InPktsUntagged).
    pub in_untagged: [u64; super::state::MAX_SECY],
    /// Per SecY slot: frames without SecTAG to the SecY its ingress guard dropped
    /// (InPktsNoTag).
    pub in_no_tag: [u64; super::state::MAX_SECY],
    /// The global counters.
    pub global: [u64; N_GLOBALS],
    /// Per direction and flow, the counter pairs that may hold counts of a former owner.
    pub dirty: [[u32; FLOWS]; 2],
    /// Per transmit SA slot, the next PN last read from the engine.
    pub tx_seen: [u64; super::state::POOL],
    /// Per receive SA slot, the next PN expected last read from the engine.
    pub rx_seen: [u64; super::state::POOL],
}

impl Totals {
    /// All zero.
    pub const ZERO: Self = Self {
        tx: [super::types::TxSaCounters {
            pkts: 0,
            octets: 0,
            encrypted_pkts: 0,
            encrypted_octets: 0,
        }; super::state::POOL],
        tx_too_long: [0; super::state::POOL],
        rx: [RX_ZERO; super::state::POOL],
        tx_retired: [super::types::TxSaCounters {
            pkts: 0,
            octets: 0,
            encrypted_pkts: 0,
            encrypted_octets: 0,
        }; super::state::MAX_SECY],
        too_long_retired: [0; super::state::MAX_SECY],
        rx_retired: [RX_ZERO; super::state::POOL],
        out_untagged: [0; super::state::MAX_SECY],
        out_no_sa: [0; super::state::MAX_SECY],
        in_untagged: [0; super::state::MAX_SECY],
        in_no_tag: [0; super::state::MAX_SECY],
        global: [0; N_GLOBALS],
        dirty: [[0; FLOWS]; 2],
        tx_seen: [0; super::state::POOL],
        rx_seen: [0; super::state::POOL],
    };

    /// The dirty counter pairs of flow `flow` of `dir`.
    pub fn dirty_mut(&mut self, dir: Dir, flow: usize) -> Option<&mut u32> {
        self.dirty.get_mut(dir.idx()).and_then(|d| d.get_mut(flow))
    }
}

const RX_ZERO: super::types::RxSaCounters = super::types::RxSaCounters {
    ok: 0,
    invalid: 0,
    not_valid: 0,
    not_using_sa: 0,
    unused_sa: 0,
    unchecked: 0,
    delayed: 0,
    late: 0,
    octets: 0,
};
