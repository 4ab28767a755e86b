// SPDX-License-Identifier: GPL-2.0

//! Statistics counters and their controls.
//!
//! Every counter is 40 bits: a `LOWER` word and 8 bits in the `UPPER` word
//! after it (for instance `ingr.h:3829-3851`). An octet counter is two of
//! them chained, the second counting the overflows of the first
//! (`ingr.h:3598-3680`, text at `ingr.h:4998-5001`). The global `ifInOctets`
//! and `ifOutOctets` have a 32-bit upper word (`ingr.h:4966-4975`,
//! `egr.h:4553-4557`).
//!
//! Per SA: counter set `i` at `0x2000 + 32 * i` (`ingr.h:3610`). Per VLAN
//! user priority: set `up` at `0x3000 + 32 * up` (`ingr.h:4176`). Global:
//! from `0x3100` (`ingr.h:4379`). The counters of one set follow each other
//! in the order of their increment-enable bits (`ingr.h:5294-5298`).

use super::map::{Access, Reg};
use super::{Dir, Field};

/// First per-SA counter set (`ingr.h:3610`).
pub const SA_BASE: u16 = 0x2000;
/// Words between per-SA sets (`ri * 32`, `ingr.h:3610`).
pub const SA_STRIDE: u16 = 32;
/// First per-VLAN counter set (`ingr.h:4176`).
pub const VLAN_BASE: u16 = 0x3000;
/// Words between per-VLAN sets (`ingr.h:4176`).
pub const VLAN_STRIDE: u16 = 32;
/// VLAN user priorities with a counter set.
pub const VLAN_SETS: u16 = 8;
/// First global counter (`ingr.h:4379`).
pub const GLOBAL_BASE: u16 = 0x3100;

/// Width of a counter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Width {
    /// 40 bits: `LOWER` and 8 bits of `UPPER`.
    Bits40,
    /// An 80-bit octet counter: two chained 40-bit counters (4 words).
    Chained80,
    /// 64 bits: `LOWER` and a 32-bit `UPPER`.
    Bits64,
}

impl Width {
    /// Words the counter takes.
    pub const fn words(self) -> u16 {
        match self {
            Width::Bits40 | Width::Bits64 => 2,
            Width::Chained80 => 4,
        }
    }
}

/// One counter of a set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counter {
    /// Name (the one in MESA's description of the register).
    pub name: &'static str,
    /// Offset of its first word in the set.
    pub offset: u16,
    /// Width.
    pub width: Width,
    /// Its bit in the increment-enable field of `COUNT_INCEN1/2`; a chained
    /// octet counter's second half has the next bit.
    pub incen_bit: u32,
}

const fn c(name: &'static str, offset: u16, width: Width, incen_bit: u32) -> Counter {
    Counter {
        name,
        offset,
        width,
        incen_bit,
    }
}

/// Per-SA counters of the ingress engine (`ingr.h:3598-4153`).
pub mod ingress_sa {
    use super::{c, Counter, Width};

    /// Octets of user data recovered; one chained counter shared by
    /// decrypted and validated frames (`ingr.h:3598-3680`).
    pub const IN_OCTETS_DECRYPTED_VALIDATED: Counter =
        c("InOctetsDecryptedValidated", 0, Width::Chained80, 0);
    /// Frames delivered without validation; also counts the hits of a
    /// bypass or drop flow ("InPktsHitDropReserved", `ingr.h:3686-3702`).
    pub const IN_PKTS_UNCHECKED: Counter = c("InPktsUnchecked", 4, Width::Bits40, 2);
    /// Frames below the lowest acceptable PN, delivered (`ingr.h:3738-3749`).
    pub const IN_PKTS_DELAYED: Counter = c("InPktsDelayed", 6, Width::Bits40, 3);
    /// Frames below the lowest acceptable PN, dropped by replay protection
    /// (`ingr.h:3779-3790`).
    pub const IN_PKTS_LATE: Counter = c("InPktsLate", 8, Width::Bits40, 4);
    /// Valid frames (`ingr.h:3820-3829`).
    pub const IN_PKTS_OK: Counter = c("InPktsOK", 10, Width::Bits40, 5);
    /// Invalid frames delivered with validateFrames Check
    /// (`ingr.h:3857-3867`).
    pub const IN_PKTS_INVALID: Counter = c("InPktsInvalid", 12, Width::Bits40, 6);
    /// Invalid frames dropped: Strict, or encrypted (`ingr.h:3896-3908`).
    pub const IN_PKTS_NOT_VALID: Counter = c("InPktsNotValid", 14, Width::Bits40, 7);
    /// Frames for an SA not in use, dropped: encrypted or Strict
    /// (`ingr.h:3939-3950`).
    pub const IN_PKTS_NOT_USING_SA: Counter = c("InPktsNotUsingSA", 16, Width::Bits40, 8);
    /// Unencrypted frames for an SA not in use, not Strict
    /// (`ingr.h:3980-3991`).
    pub const IN_PKTS_UNUSED_SA: Counter = c("InPktsUnusedSA", 18, Width::Bits40, 9);
    /// Frames without a SecTAG that hit the SA (`ingr.h:4021-4031`).
    pub const IN_PKTS_UNTAGGED_HIT: Counter = c("InPktsUntaggedHit", 20, Width::Bits40, 10);
    /// Unicast frames (`ingr.h:4060-4067`).
    pub const IF_IN_UCAST_PKTS: Counter = c("ifInUcastPkts", 22, Width::Bits40, 11);
    /// Multicast frames (`ingr.h:4093-4100`).
    pub const IF_IN_MULTICAST_PKTS: Counter = c("ifInMulticastPkts", 24, Width::Bits40, 12);
    /// Broadcast frames (`ingr.h:4126-4133`).
    pub const IF_IN_BROADCAST_PKTS: Counter = c("ifInBroadcastPkts", 26, Width::Bits40, 13);

    /// The set, in address order.
    pub const ALL: [Counter; 13] = [
        IN_OCTETS_DECRYPTED_VALIDATED,
        IN_PKTS_UNCHECKED,
        IN_PKTS_DELAYED,
        IN_PKTS_LATE,
        IN_PKTS_OK,
        IN_PKTS_INVALID,
        IN_PKTS_NOT_VALID,
        IN_PKTS_NOT_USING_SA,
        IN_PKTS_UNUSED_SA,
        IN_PKTS_UNTAGGED_HIT,
        IF_IN_UCAST_PKTS,
        IF_IN_MULTICAST_PKTS,
        IF_IN_BROADCAST_PKTS,
    ];
}

/// Per-SA counters of the egress engine (`egr.h:3801-4049`).
pub mod egress_sa {
    use super::{c, Counter, Width};

    /// Octets of user data protected; one chained counter shared by
    /// encrypted and integrity-only frames (`egr.h:3801-3878`).
    pub const OUT_OCTETS_ENCRYPTED_PROTECTED: Counter =
        c("OutOctetsEncryptedProtected", 0, Width::Chained80, 0);
    /// Frames protected, encrypted or not; also counts the hits of a bypass
    /// or drop flow ("OutPktsHitDropReserved", `egr.h:3889-3902`).
    pub const OUT_PKTS_ENCRYPTED_PROTECTED: Counter =
        c("OutPktsEncryptedProtected", 4, Width::Bits40, 2);
    /// Frames dropped for exceeding the MTU (`egr.h:3935-3946`).
    pub const OUT_PKTS_TOO_LONG: Counter = c("OutPktsTooLong", 6, Width::Bits40, 3);
    /// Unicast frames (`egr.h:3976-3983`).
    pub const IF_OUT_UCAST_PKTS: Counter = c("ifOutUcastPkts", 8, Width::Bits40, 4);
    /// Multicast frames (`egr.h:4009-4016`).
    pub const IF_OUT_MULTICAST_PKTS: Counter = c("ifOutMulticastPkts", 10, Width::Bits40, 5);
    /// Broadcast frames (`egr.h:4042-4049`).
    pub const IF_OUT_BROADCAST_PKTS: Counter = c("ifOutBroadcastPkts", 12, Width::Bits40, 6);

    /// The set, in address order.
    pub const ALL: [Counter; 6] = [
        OUT_OCTETS_ENCRYPTED_PROTECTED,
        OUT_PKTS_ENCRYPTED_PROTECTED,
        OUT_PKTS_TOO_LONG,
        IF_OUT_UCAST_PKTS,
        IF_OUT_MULTICAST_PKTS,
        IF_OUT_BROADCAST_PKTS,
    ];
}

/// Per-VLAN-priority counters, the same offsets in both engines
/// (`ingr.h:4165-4360`, `egr.h:4081-4261`).
pub mod vlan {
    use super::{c, Counter, Width};

    /// Octets of frames with a VLAN tag (`ingr.h:4165-4243`).
    pub const OCTETS_VL: Counter = c("OctetsVL", 0, Width::Chained80, 0);
    /// Frames with a VLAN tag (`ingr.h:4249-4259`).
    pub const PKTS_VL: Counter = c("PktsVL", 4, Width::Bits40, 2);
    /// Frames with a VLAN tag dropped (`ingr.h:4288-4298`).
    pub const DROPPED_PKTS_VL: Counter = c("DroppedPktsVL", 6, Width::Bits40, 3);
    /// Frames with a VLAN tag over their MTU (`ingr.h:4327-4337`).
    pub const OVERSIZE_PKTS_VL: Counter = c("OverSizePktsVL", 8, Width::Bits40, 4);

    /// The set, in address order.
    pub const ALL: [Counter; 4] = [OCTETS_VL, PKTS_VL, DROPPED_PKTS_VL, OVERSIZE_PKTS_VL];
}

/// Global counters of the ingress engine (`ingr.h:4372-4975`).
pub mod ingress_global {
    use super::{c, Counter, Width};

    /// Frames dropped for an internal error (`ingr.h:4372-4379`).
    pub const TRANSFORM_ERROR_PKTS: Counter = c("TransformErrorPkts", 0, Width::Bits40, 0);
    /// Control packets (`ingr.h:4405-4412`).
    pub const IN_PKTS_CTRL: Counter = c("InPktsCtrl", 2, Width::Bits40, 1);
    /// Frames without a SecTAG dropped by Strict (`ingr.h:4438-4446`).
    pub const IN_PKTS_NO_TAG: Counter = c("InPktsNoTag", 4, Width::Bits40, 2);
    /// Frames without a SecTAG, not Strict (`ingr.h:4473-4481`).
    pub const IN_PKTS_UNTAGGED: Counter = c("InPktsUntagged", 6, Width::Bits40, 3);
    /// Frames with a SecTAG (`ingr.h:4508-4516`).
    pub const IN_PKTS_TAGGED: Counter = c("InPktsTagged", 8, Width::Bits40, 4);
    /// Frames dropped with an invalid SecTAG, a zero PN or an invalid ICV
    /// (`ingr.h:4543-4551`).
    pub const IN_PKTS_BAD_TAG: Counter = c("InPktsBadTag", 10, Width::Bits40, 5);
    /// Frames without a SecTAG that hit no SA (`ingr.h:4578-4586`).
    pub const IN_PKTS_UNTAGGED_MISS: Counter = c("InPktsUntaggedMiss", 12, Width::Bits40, 6);
    /// Frames of an unknown SC dropped: Strict or C set (`ingr.h:4613-4622`).
    pub const IN_PKTS_NO_SCI: Counter = c("InPktsNoSCI", 14, Width::Bits40, 7);
    /// Frames of an unknown SC, not Strict and C clear (`ingr.h:4650-4659`).
    pub const IN_PKTS_UNKNOWN_SCI: Counter = c("InPktsUnknownSCI", 16, Width::Bits40, 8);
    /// Consistency check failed, controlled port (`ingr.h:4687-4696`).
    pub const IN_CONSIST_CHECK_CONTROLLED_NOT_PASS: Counter =
        c("InConsistCheckControlledNotPass", 18, Width::Bits40, 9);
    /// Consistency check failed, uncontrolled port (`ingr.h:4725-4734`).
    pub const IN_CONSIST_CHECK_UNCONTROLLED_NOT_PASS: Counter =
        c("InConsistCheckUncontrolledNotPass", 20, Width::Bits40, 10);
    /// Consistency check passed, controlled port (`ingr.h:4763-4772`).
    pub const IN_CONSIST_CHECK_CONTROLLED_PASS: Counter =
        c("InConsistCheckControlledPass", 22, Width::Bits40, 11);
    /// Consistency check passed, uncontrolled port (`ingr.h:4801-4810`).
    pub const IN_CONSIST_CHECK_UNCONTROLLED_PASS: Counter =
        c("InConsistCheckUncontrolledPass", 24, Width::Bits40, 12);
    /// Frames without a VLAN tag over the MTU (`ingr.h:4839-4847`).
    pub const IN_OVERSIZE_PKTS: Counter = c("InOverSizePkts", 26, Width::Bits40, 13);
    /// Unicast frames (`ingr.h:4874-4879`).
    pub const IF_IN_UCAST_PKTS: Counter = c("ifInUcastPkts", 28, Width::Bits40, 14);
    /// Multicast frames (`ingr.h:4903-4908`).
    pub const IF_IN_MULTICAST_PKTS: Counter = c("ifInMulticastPkts", 30, Width::Bits40, 15);
    /// Broadcast frames (`ingr.h:4932-4937`).
    pub const IF_IN_BROADCAST_PKTS: Counter = c("ifInBroadcastPkts", 32, Width::Bits40, 16);
    /// Octets (`ingr.h:4961-4975`).
    pub const IF_IN_OCTETS: Counter = c("ifInOctets", 34, Width::Bits64, 17);

    /// The set, in address order.
    pub const ALL: [Counter; 18] = [
        TRANSFORM_ERROR_PKTS,
        IN_PKTS_CTRL,
        IN_PKTS_NO_TAG,
        IN_PKTS_UNTAGGED,
        IN_PKTS_TAGGED,
        IN_PKTS_BAD_TAG,
        IN_PKTS_UNTAGGED_MISS,
        IN_PKTS_NO_SCI,
        IN_PKTS_UNKNOWN_SCI,
        IN_CONSIST_CHECK_CONTROLLED_NOT_PASS,
        IN_CONSIST_CHECK_UNCONTROLLED_NOT_PASS,
        IN_CONSIST_CHECK_CONTROLLED_PASS,
        IN_CONSIST_CHECK_UNCONTROLLED_PASS,
        IN_OVERSIZE_PKTS,
        IF_IN_UCAST_PKTS,
        IF_IN_MULTICAST_PKTS,
        IF_IN_BROADCAST_PKTS,
        IF_IN_OCTETS,
    ];
}

/// Global counters of the egress engine (`egr.h:4288-4557`).
pub mod egress_global {
    use super::{c, Counter, Width};

    /// Frames dropped for an internal error (`egr.h:4288-4295`).
    pub const TRANSFORM_ERROR_PKTS: Counter = c("TransformErrorPkts", 0, Width::Bits40, 0);
    /// Control packets (`egr.h:4321-4328`).
    pub const OUT_PKTS_CTRL: Counter = c("OutPktsCtrl", 2, Width::Bits40, 1);
    /// Frames for which no SA is found (`egr.h:4354-4362`).
    pub const OUT_PKTS_UNKNOWN_SA: Counter = c("OutPktsUnknownSA", 4, Width::Bits40, 2);
    /// Frames sent without SecTAG because protectFrames is off
    /// (`egr.h:4389-4398`).
    pub const OUT_PKTS_UNTAGGED: Counter = c("OutPktsUntagged", 6, Width::Bits40, 3);
    /// Frames without a VLAN tag over the MTU (`egr.h:4426-4434`).
    pub const OUT_OVERSIZE_PKTS: Counter = c("OutOverSizePkts", 8, Width::Bits40, 4);
    /// Unicast frames (`egr.h:4461-4466`).
    pub const IF_OUT_UCAST_PKTS: Counter = c("ifOutUcastPkts", 10, Width::Bits40, 5);
    /// Multicast frames (`egr.h:4490-4495`).
    pub const IF_OUT_MULTICAST_PKTS: Counter = c("ifOutMulticastPkts", 12, Width::Bits40, 6);
    /// Broadcast frames (`egr.h:4519-4524`).
    pub const IF_OUT_BROADCAST_PKTS: Counter = c("ifOutBroadcastPkts", 14, Width::Bits40, 7);
    /// Octets (`egr.h:4548-4557`).
    pub const IF_OUT_OCTETS: Counter = c("ifOutOctets", 16, Width::Bits64, 8);

    /// The set, in address order.
    pub const ALL: [Counter; 9] = [
        TRANSFORM_ERROR_PKTS,
        OUT_PKTS_CTRL,
        OUT_PKTS_UNKNOWN_SA,
        OUT_PKTS_UNTAGGED,
        OUT_OVERSIZE_PKTS,
        IF_OUT_UCAST_PKTS,
        IF_OUT_MULTICAST_PKTS,
        IF_OUT_BROADCAST_PKTS,
        IF_OUT_OCTETS,
    ];
}

/// Words of a per-SA set of the ingress engine (14 counters).
pub const INGRESS_SA_WORDS: u16 = 28;
/// Words of a per-SA set of the egress engine (7 counters).
pub const EGRESS_SA_WORDS: u16 = 14;
/// Words of a per-VLAN set (5 counters).
pub const VLAN_WORDS: u16 = 10;
/// Words of the global counters of the ingress engine.
pub const INGRESS_GLOBAL_WORDS: u16 = 36;
/// Words of the global counters of the egress engine.
pub const EGRESS_GLOBAL_WORDS: u16 = 18;

/// Counter control (`ingr.h:5236`).
pub const COUNT_CONTROL: u16 = 0x3204;
/// Increment enables of the SA and VLAN counters (`ingr.h:5290`).
pub const COUNT_INCEN1: u16 = 0x3205;
/// Increment enables of the global counters (`ingr.h:5329`).
pub const COUNT_INCEN2: u16 = 0x3206;

/// Fields of `COUNT_CONTROL`.
pub mod count_control {
    use super::Field;

    /// Set-only: clear every counter, falls back to 0 when done; writing it
    /// keeps the other bits whatever is written with it (`ingr.h:5251`, text
    /// at `ingr.h:5240-5246`).
    pub const RESET_ALL: Field = Field::bit(0);
    /// Plain read/write access to the counters; increments ignored and
    /// clear-on-read suppressed (`ingr.h:5263`, text at `ingr.h:5255-5258`).
    pub const DEBUG_ACCESS: Field = Field::bit(1);
    /// Counters stop at their maximum instead of wrapping (`ingr.h:5272`).
    pub const SATURATE_CNTRS: Field = Field::bit(2);
    /// Reading a counter clears it (`ingr.h:5281`).
    pub const AUTO_CNTR_RESET: Field = Field::bit(3);
}

/// Fields of `COUNT_INCEN1`.
pub mod incen1 {
    use super::Field;

    /// One bit per SA counter word pair, in address order (`ingr.h:5303`,
    /// 14 on ingress; `egr.h:4890`, 7 on egress).
    pub const SA_INCREMENT_ENABLE: Field = Field::bits(0, 14);
    /// One bit per VLAN counter word pair (`ingr.h:5318`).
    pub const VLAN_INCREMENT_ENABLE: Field = Field::bits(16, 5);
}

/// `COUNT_INCEN1` after power-on, every counter enabled ("the default (1b)",
/// `ingr.h:5295-5296`): ingress.
pub const INCEN1_RESET_INGRESS: u32 = 0x001f_3fff;
/// The same, egress (`egr.h:4882-4905`).
pub const INCEN1_RESET_EGRESS: u32 = 0x001f_007f;
/// `COUNT_INCEN2` after power-on, ingress (`ingr.h:5334-5342`, 18 counters).
pub const INCEN2_RESET_INGRESS: u32 = 0x0003_ffff;
/// The same, egress (`egr.h:4921-4929`, 9 counters).
pub const INCEN2_RESET_EGRESS: u32 = 0x0000_01ff;

/// One register per counter word: the lower word, and the upper word with
/// its 8 bits (40-bit counters) or 32 (64-bit ones); a chained octet
/// counter is two such pairs. `count` sets of `counters`, `stride` words
/// apart from `base`.
const fn counter_words<const N: usize>(
    counters: &[Counter],
    base: u16,
    count: u16,
    stride: u16,
    dir: Dir,
) -> [Reg; N] {
    let mut out = [Reg::one("", 0, dir, 0, 0, Access::Counter); N];
    let mut i = 0;
    let mut n = 0;
    while i < counters.len() {
        let c = counters[i];
        let (halves, upper) = match c.width {
            Width::Bits40 => (1, 0xff),
            Width::Chained80 => (2, 0xff),
            Width::Bits64 => (1, u32::MAX),
        };
        let mut h = 0;
        while h < halves {
            let addr = base + c.offset + 2 * h;
            out[n] = Reg::one(c.name, addr, dir, 0, u32::MAX, Access::Counter).many(count, stride);
            out[n + 1] =
                Reg::one(c.name, addr + 1, dir, 0, upper, Access::Counter).many(count, stride);
            n += 2;
            h += 1;
        }
        i += 1;
    }
    out
}

/// Per-SA counter words of the ingress engine (`ingr.h:3598-4153`).
pub const INGRESS_SA_REGS: [Reg; INGRESS_SA_WORDS as usize] =
    counter_words(&ingress_sa::ALL, SA_BASE, 16, SA_STRIDE, Dir::Ingress);
/// Per-SA counter words of the egress engine (`egr.h:3801-4049`).
pub const EGRESS_SA_REGS: [Reg; EGRESS_SA_WORDS as usize] =
    counter_words(&egress_sa::ALL, SA_BASE, 16, SA_STRIDE, Dir::Egress);
/// Per-VLAN counter words (`ingr.h:4165-4360`, `egr.h:4081-4261`).
pub const VLAN_REGS: [Reg; VLAN_WORDS as usize] =
    counter_words(&vlan::ALL, VLAN_BASE, VLAN_SETS, VLAN_STRIDE, Dir::Both);
/// Global counter words of the ingress engine (`ingr.h:4372-4975`).
pub const INGRESS_GLOBAL_REGS: [Reg; INGRESS_GLOBAL_WORDS as usize] =
    counter_words(&ingress_global::ALL, GLOBAL_BASE, 1, 0, Dir::Ingress);
/// Global counter words of the egress engine (`egr.h:4288-4557`).
pub const EGRESS_GLOBAL_REGS: [Reg; EGRESS_GLOBAL_WORDS as usize] =
    counter_words(&egress_global::ALL, GLOBAL_BASE, 1, 0, Dir::Egress);

/// The control registers of the counters.
pub const REGS: &[Reg] = &[
    // ingr.h:5236-5281. RESET_ALL reads 0 once the power-on clear is done.
    Reg::one(
        "COUNT_CONTROL",
        COUNT_CONTROL,
        Dir::Both,
        0,
        0x0000_000f,
        Access::Special,
    ),
    // ingr.h:5290-5342, egr.h:4877-4929.
    Reg::one(
        "COUNT_INCEN1",
        COUNT_INCEN1,
        Dir::Ingress,
        INCEN1_RESET_INGRESS,
        INCEN1_RESET_INGRESS,
        Access::Rw,
    ),
    Reg::one(
        "COUNT_INCEN1",
        COUNT_INCEN1,
        Dir::Egress,
        INCEN1_RESET_EGRESS,
        INCEN1_RESET_EGRESS,
        Access::Rw,
    ),
    Reg::one(
        "COUNT_INCEN2",
        COUNT_INCEN2,
        Dir::Ingress,
        INCEN2_RESET_INGRESS,
        INCEN2_RESET_INGRESS,
        Access::Rw,
    ),
    Reg::one(
        "COUNT_INCEN2",
        COUNT_INCEN2,
        Dir::Egress,
        INCEN2_RESET_EGRESS,
        INCEN2_RESET_EGRESS,
        Access::Rw,
    ),
];
