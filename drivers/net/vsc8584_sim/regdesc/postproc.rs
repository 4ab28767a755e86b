// SPDX-License-Identifier: GPL-2.0

//! After the transform: the ingress consistency check and the output post
//! processor (MTU checks, octet counting mode).

use super::classifier::pp_tags;
use super::map::{Access, Reg};
use super::{Dir, Field};

/// Consistency check entries, 4 words each (`ingr.h:5361-5582`); not
/// modelled.
pub const IG_CC_ENTRY: u16 = 0x3800;
/// Consistency check entry enables (`ingr.h:5599`); not modelled.
pub const IG_CC_ENABLE1: u16 = 0x3a00;
/// Action on frames no consistency entry matches (`ingr.h:5617`).
pub const IG_CC_CONTROL: u16 = 0x3a10;
/// EtherType length limit of the consistency check (`ingr.h:5652`).
pub const IG_CC_TAGS: u16 = 0x3a11;
/// VLAN parsing of the consistency check (`ingr.h:5675`).
pub const IG_CP_TAG: u16 = 0x3a14;
/// Tag EtherTypes of the consistency check (`ingr.h:5751`).
pub const IG_PP_TAGS: u16 = 0x3a15;
/// More tag EtherTypes of the consistency check (`ingr.h:5787`).
pub const IG_PP_TAGS2: u16 = 0x3a16;
/// Inner priority map of the consistency check (`ingr.h:5820`).
pub const IG_CP_TAG2: u16 = 0x3a17;

/// Fields of `IG_CC_CONTROL`.
pub mod ig_cc_control {
    use super::Field;

    /// Control packets matching no entry: 0 drop, 1 pass (`ingr.h:5630`).
    pub const NON_MATCH_CTRL_ACT: Field = Field::bit(14);
    /// Other frames matching no entry: 0 drop, 1 pass (`ingr.h:5643`).
    pub const NON_MATCH_ACT: Field = Field::bit(15);
}

/// MTU check of VLAN frames of user priority `up` (`ingr.h:6074`).
pub const fn vlan_mtu_check(up: u16) -> u16 {
    0x3c40u16.wrapping_add(up)
}

/// MTU check of frames without a VLAN tag (`ingr.h:6110`).
pub const NON_VLAN_MTU_CHECK: u16 = 0x3c48;
/// Security fail and error masks (`ingr.h:6144`).
pub const COUNT_SECFAIL1: u16 = 0x3c49;
/// Global security fail mask (`ingr.h:6207`).
pub const COUNT_SECFAIL2: u16 = 0x3c4a;
/// Post processor control (`ingr.h:6230`).
pub const PP_CTRL: u16 = 0x3c4b;

/// Fields of the MTU check registers.
pub mod mtu {
    use super::Field;

    /// Largest frame, in octets without FCS (`ingr.h:6088`, text at
    /// `ingr.h:6078-6083`; `ingr.h:6123`).
    pub const COMPARE: Field = Field::bits(0, 15);
    /// Drop (by corrupting the CRC) frames longer than `COMPARE`
    /// (`ingr.h:6101`, `ingr.h:6135`).
    pub const COMP_DROP: Field = Field::bit(15);
    /// Reset of a VLAN MTU check: 1518 (`ingr.h:6079-6081`).
    pub const VLAN_RESET: u32 = 1518;
    /// Reset of the non-VLAN MTU check: 1514 (`ingr.h:6114-6116`).
    pub const NON_VLAN_RESET: u32 = 1514;
}

/// Fields of `PP_CTRL`.
pub mod pp_ctrl {
    use super::Field;

    /// Octet counters count every frame of an SA flow of this direction;
    /// otherwise only with protectFrames / validateFrames on (`ingr.h:6249`,
    /// text at `ingr.h:6234-6244`).
    pub const MACSEC_OCTET_INCR_MODE: Field = Field::bit(0);
}

/// The registers.
pub const REGS: &[Reg] = &[
    // ingr.h:5361, ingr.h:5398, ingr.h:5562: the words of an entry.
    Reg::one(
        "IG_CC_ENTRY_LO",
        IG_CC_ENTRY,
        Dir::Ingress,
        0,
        0xffff_0fff,
        Access::Rw,
    )
    .many(16, 4)
    .unmodelled(),
    Reg::one(
        "IG_CC_ENTRY_HI",
        IG_CC_ENTRY + 1,
        Dir::Ingress,
        0,
        0x033f_f7ff,
        Access::Rw,
    )
    .many(16, 4)
    .unmodelled(),
    Reg::one(
        "IG_CC_ENTRY2",
        IG_CC_ENTRY + 2,
        Dir::Ingress,
        0,
        0x0000_7fff,
        Access::Rw,
    )
    .many(16, 4)
    .unmodelled(),
    // ingr.h:5599.
    Reg::one(
        "IG_CC_ENABLE1",
        IG_CC_ENABLE1,
        Dir::Ingress,
        0,
        0xffff,
        Access::Rw,
    )
    .unmodelled(),
    // ingr.h:5608: entries 32-63, which a 16-SA part lacks.
    Reg::one("IG_CC_ENABLE2", 0x3a01, Dir::Ingress, 0, 0, Access::Rw),
    // ingr.h:5617-5643. *Choice*: reset 0, both drop; MESA and the C driver
    // set both to pass at init (api.c:1671-1676, mscc_macsec.c:162-167).
    Reg::one(
        "IG_CC_CONTROL",
        IG_CC_CONTROL,
        Dir::Ingress,
        0,
        0x0000_c000,
        Access::Rw,
    ),
    // ingr.h:5652-5664: only the entries use it.
    Reg::one(
        "IG_CC_TAGS",
        IG_CC_TAGS,
        Dir::Ingress,
        0x05ff_0000,
        0xffff_0000,
        Access::Rw,
    ),
    // ingr.h:5675-5830: the parser of the consistency check, which only its
    // entries use.
    Reg::one(
        "IG_CP_TAG",
        IG_CP_TAG,
        Dir::Ingress,
        0,
        u32::MAX,
        Access::Rw,
    ),
    Reg::one(
        "IG_PP_TAGS",
        IG_PP_TAGS,
        Dir::Ingress,
        pp_tags::PP_TAGS_RESET,
        u32::MAX,
        Access::Rw,
    ),
    Reg::one(
        "IG_PP_TAGS2",
        IG_PP_TAGS2,
        Dir::Ingress,
        pp_tags::PP_TAGS2_RESET,
        u32::MAX,
        Access::Rw,
    ),
    Reg::one(
        "IG_CP_TAG2",
        IG_CP_TAG2,
        Dir::Ingress,
        0,
        0x00ff_ffff,
        Access::Rw,
    ),
    // ingr.h:6074-6101.
    Reg::one(
        "VLAN_MTU_CHECK",
        0x3c40,
        Dir::Both,
        mtu::VLAN_RESET,
        0xffff,
        Access::Rw,
    )
    .many(8, 1),
    // ingr.h:6110-6135.
    Reg::one(
        "NON_VLAN_MTU_CHECK",
        NON_VLAN_MTU_CHECK,
        Dir::Both,
        mtu::NON_VLAN_RESET,
        0xffff,
        Access::Rw,
    ),
    // ingr.h:6144, ingr.h:6207, egr.h:5018, egr.h:5066: security-fail
    // signalling, not modelled.
    Reg::one(
        "COUNT_SECFAIL1",
        COUNT_SECFAIL1,
        Dir::Ingress,
        0,
        0xffff_bfff,
        Access::Rw,
    )
    .unmodelled(),
    Reg::one(
        "COUNT_SECFAIL1",
        COUNT_SECFAIL1,
        Dir::Egress,
        0,
        0xfffe_807f,
        Access::Rw,
    )
    .unmodelled(),
    Reg::one(
        "COUNT_SECFAIL2",
        COUNT_SECFAIL2,
        Dir::Ingress,
        0,
        0x0003_ffff,
        Access::Rw,
    )
    .unmodelled(),
    Reg::one(
        "COUNT_SECFAIL2",
        COUNT_SECFAIL2,
        Dir::Egress,
        0,
        0x0000_01ff,
        Access::Rw,
    )
    .unmodelled(),
    // ingr.h:6230-6249.
    Reg::one("PP_CTRL", PP_CTRL, Dir::Both, 0, 0x1, Access::Rw),
];
