// SPDX-License-Identifier: GPL-2.0

//! The read-only identification of an EIP-160 engine.

use super::map::{Access, Reg};
use super::{Dir, Field};

/// Engine configuration 2: counters and options (`ingr.h:6617`).
pub const EIP160_CONFIG2: u16 = 0x3ffd;
/// Engine configuration: SA count, consistency checks, SCI matching
/// (`ingr.h:6765`).
pub const EIP160_CONFIG: u16 = 0x3ffe;
/// EIP number and version (`ingr.h:6812`).
pub const EIP160_VERSION: u16 = 0x3fff;

/// Fields of `EIP160_CONFIG2`.
pub mod config2 {
    use super::Field;

    /// Counters per SA (`ingr.h:6626`).
    pub const SA_COUNTERS: Field = Field::bits(0, 4);
    /// Counters per VLAN user priority (`ingr.h:6637`).
    pub const VL_COUNTERS: Field = Field::bits(4, 4);
    /// Global counters (`ingr.h:6648`).
    pub const GLOBAL_COUNTERS: Field = Field::bits(8, 6);
    /// Counters can saturate (`ingr.h:6659`).
    pub const SATURATE_COUNTERS: Field = Field::bit(14);
    /// Counters can clear on read (`ingr.h:6668`).
    pub const AUTO_COUNTER_RESET: Field = Field::bit(15);
    /// Octet counters per SA, 1 in every configuration (`ingr.h:6678`).
    pub const SA_OCTET_CNTRS: Field = Field::bits(16, 2);
    /// Octet counters per VLAN priority, 1 for an ingress-only or
    /// egress-only engine (`ingr.h:6694`).
    pub const VL_OCTET_CNTRS: Field = Field::bits(18, 2);
    /// Ingress-only engine (`ingr.h:6720`).
    pub const INGRESS_ONLY: Field = Field::bit(24);
    /// Egress-only engine (`ingr.h:6733`).
    pub const EGRESS_ONLY: Field = Field::bit(25);
    /// Tag bypass capability (`ingr.h:6756`).
    pub const TAG_BYPASS: Field = Field::bit(27);
}

/// `EIP160_CONFIG2` of the ingress engine: 14 SA, 5 VLAN and 18 global
/// counters (as many as `COUNT_INCEN1/2` have bits, `ingr.h:5303-5342`),
/// saturation and clear-on-read, one SA and one VLAN octet counter,
/// ingress-only, tag bypass. *Choice*: header bypass (bit 26) reads 0, it is
/// not modelled.
pub const CONFIG2_INGRESS: u32 = 0x0905_d25e;
/// The egress engine: 7 SA, 5 VLAN, 9 global counters (`egr.h:4890-4929`),
/// egress-only.
pub const CONFIG2_EGRESS: u32 = 0x0a05_c957;
/// `EIP160_CONFIG`: 16 SAs, 16 consistency checks ("64 - 10G and 16 - 1G",
/// `ingr.h:6775-6787`), SCI matching on ingress only (`egr.h:5652-5662`).
pub const CONFIG_INGRESS: u32 = 0x0001_1010;
/// `EIP160_CONFIG` of the egress engine.
pub const CONFIG_EGRESS: u32 = 0x0000_1010;
/// `EIP160_VERSION`: EIP number 0xA0 and its complement (`ingr.h:6822-6834`).
/// *Choice*: version 1.1.0, the levels are not documented.
pub const VERSION: u32 = 0x0110_5fa0;

/// The registers.
pub const REGS: &[Reg] = &[
    // ingr.h:6617, egr.h:5476.
    Reg::one(
        "EIP160_CONFIG2",
        EIP160_CONFIG2,
        Dir::Ingress,
        CONFIG2_INGRESS,
        0x0fff_ffff,
        Access::Ro,
    ),
    Reg::one(
        "EIP160_CONFIG2",
        EIP160_CONFIG2,
        Dir::Egress,
        CONFIG2_EGRESS,
        0x0fff_ffff,
        Access::Ro,
    ),
    // ingr.h:6765, egr.h:5624.
    Reg::one(
        "EIP160_CONFIG",
        EIP160_CONFIG,
        Dir::Ingress,
        CONFIG_INGRESS,
        0x0001_ffff,
        Access::Ro,
    ),
    Reg::one(
        "EIP160_CONFIG",
        EIP160_CONFIG,
        Dir::Egress,
        CONFIG_EGRESS,
        0x0001_ffff,
        Access::Ro,
    ),
    // ingr.h:6812, egr.h:5671.
    Reg::one(
        "EIP160_VERSION",
        EIP160_VERSION,
        Dir::Both,
        VERSION,
        0x0fff_ffff,
        Access::Ro,
    ),
];
