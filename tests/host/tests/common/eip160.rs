// SPDX-License-Identifier: GPL-2.0

//! The EIP-160 facts the data-path tests program the simulated engines
//! with, written for the tests from the C driver's `mscc_macsec.h` (Linux
//! 6.12) and, for what it lacks, from Microchip MESA at commit de9093a0
//! (`ingr.h`, `egr.h`, `api.c` as named in
//! `drivers/net/vsc8584_sim/regdesc/mod.rs`).
//!
//! The simulator's `regdesc/` is not used here: a test that took the
//! simulator's encodings to program the simulator could not tell a wrong one.

/// Flow control word of entry `i` and its fields (`mscc_macsec.h:129`,
/// `mscc_macsec.h:209-231`).
pub mod flow {
    pub const fn ctrl(i: u16) -> u16 {
        0x1c00 + i
    }
    pub const TYPE_BYPASS: u32 = 0;
    pub const TYPE_DROP: u32 = 1;
    pub const TYPE_INGRESS: u32 = 2;
    pub const TYPE_EGRESS: u32 = 3;
    pub const fn dest(port: u32) -> u32 {
        port << 2
    }
    /// `mscc_macsec.h:37-40`.
    pub const PORT_COMMON: u32 = 0;
    pub const PORT_CONTROLLED: u32 = 2;
    pub const PORT_UNCONTROLLED: u32 = 3;
    pub const fn drop_action(a: u32) -> u32 {
        a << 6
    }
    /// `mscc_macsec.h:44-47`.
    pub const DROP_CRC: u32 = 0;
    pub const DROP_INTERNAL: u32 = 2;
    pub const DROP_NONE: u32 = 3;
    pub const PROTECT_FRAME: u32 = 1 << 16;
    pub const REPLAY_PROTECT: u32 = 1 << 16;
    pub const SA_IN_USE: u32 = 1 << 17;
    pub const INCLUDE_SCI: u32 = 1 << 18;
    pub const USE_ES: u32 = 1 << 19;
    pub const USE_SCB: u32 = 1 << 20;
    pub const fn validate(v: u32) -> u32 {
        v << 19
    }
    /// `include/uapi/linux/if_macsec.h` order, which the C driver writes.
    pub const VALIDATE_DISABLED: u32 = 0;
    pub const VALIDATE_CHECK: u32 = 1;
    pub const VALIDATE_STRICT: u32 = 2;
    pub const fn tag_bypass(tags: u32) -> u32 {
        tags << 21
    }
    pub const fn conf_offset(n: u32) -> u32 {
        n << 24
    }
    pub const CONF_PROTECT: u32 = 1 << 31;
}

/// SAM entries (`mscc_macsec.h:121-128`, `mscc_macsec.h:166-206`; the
/// words the C driver does not name: `ingr.h:607-641`, `ingr.h:1016-1036`).
pub mod sam {
    pub const fn sa_lo(i: u16) -> u16 {
        0x1000 + 16 * i
    }
    pub const fn sa_hi(i: u16) -> u16 {
        0x1001 + 16 * i
    }
    pub const fn da_lo(i: u16) -> u16 {
        0x1002 + 16 * i
    }
    pub const fn da_hi(i: u16) -> u16 {
        0x1003 + 16 * i
    }
    pub const fn misc(i: u16) -> u16 {
        0x1004 + 16 * i
    }
    pub const fn sci_lo(i: u16) -> u16 {
        0x1005 + 16 * i
    }
    pub const fn sci_hi(i: u16) -> u16 {
        0x1006 + 16 * i
    }
    pub const fn mask(i: u16) -> u16 {
        0x1007 + 16 * i
    }
    pub const fn ext(i: u16) -> u16 {
        0x1008 + 16 * i
    }
    pub const ENTRY_ENABLE1: u16 = 0x1800;
    pub const ENTRY_TOGGLE1: u16 = 0x1804;
    pub const ENTRY_SET1: u16 = 0x1808;
    pub const ENTRY_CLEAR1: u16 = 0x180c;
    /// `SAM_IN_FLIGHT`: `UNSAFE` in bits 5:0, `IN_FLIGHT` in bits 13:8, `LOAD_UNSAFE` bit 31
    /// (MESA `ingr.h:1172-1220`).
    pub const IN_FLIGHT: u16 = 0x1810;

    /// `MISC_MATCH`.
    pub mod misc {
        pub const VLAN_VALID: u32 = 1 << 0;
        pub const QINQ_FOUND: u32 = 1 << 1;
        pub const STAG_VALID: u32 = 1 << 2;
        pub const QTAG_VALID: u32 = 1 << 3;
        pub const fn up(p: u32) -> u32 {
            p << 4
        }
        pub const CONTROL_PACKET: u32 = 1 << 7;
        pub const UNTAGGED: u32 = 1 << 8;
        pub const TAGGED: u32 = 1 << 9;
        pub const BAD_TAG: u32 = 1 << 10;
        pub const KAY_TAG: u32 = 1 << 11;
        pub const fn priority(p: u32) -> u32 {
            p << 16
        }
        pub const fn an(a: u32) -> u32 {
            a << 24
        }
        /// The TCI octet's upper 6 bits (V, ES, SC, SCB, E, C).
        pub const fn tci(t: u32) -> u32 {
            t << 26
        }
    }

    /// `MASK`. Octet masks: bit 0 compares the last octet of the address
    /// (`ingr.h:842-844`, `ingr.h:858-860`).
    pub mod mask {
        pub const fn sa(m: u32) -> u32 {
            m
        }
        pub const fn da(m: u32) -> u32 {
            m << 6
        }
        pub const ETYPE: u32 = 1 << 12;
        pub const VLAN_VLD: u32 = 1 << 13;
        pub const QINQ_FOUND: u32 = 1 << 14;
        pub const STAG_VLD: u32 = 1 << 15;
        pub const QTAG_VLD: u32 = 1 << 16;
        pub const VLAN_UP: u32 = 1 << 17;
        pub const VLAN_ID: u32 = 1 << 18;
        pub const CTL_PACKET: u32 = 1 << 20;
        pub const VLAN_UP_INNER: u32 = 1 << 21;
        pub const VLAN_ID_INNER: u32 = 1 << 22;
        pub const SCI: u32 = 1 << 23;
        pub const fn an(m: u32) -> u32 {
            m << 24
        }
        pub const fn tci(m: u32) -> u32 {
            m << 26
        }
    }
}

/// Classification before the SAM (`mscc_macsec.h:130-133`,
/// `mscc_macsec.h:234-280`; the rest `ingr.h:1385-2693`).
pub mod class {
    pub const fn cp_da(i: u16) -> u16 {
        0x1e00 + 2 * i
    }
    pub const fn cp_da_et(i: u16) -> u16 {
        0x1e01 + 2 * i
    }
    pub const CP_DA_START_LO: u16 = 0x1e20;
    pub const CP_DA_START_HI: u16 = 0x1e21;
    pub const CP_DA_END_LO: u16 = 0x1e22;
    pub const CP_DA_END_HI: u16 = 0x1e23;
    pub const CP_MATCH_MODE: u16 = 0x1e3e;
    pub const CP_MATCH_ENABLE: u16 = 0x1e3f;
    /// `CP_MATCH_ENABLE` (`ingr.h:1677-1762`).
    pub const fn cp_da_enable(i: u32) -> u32 {
        1 << i
    }
    pub const fn cp_etype_enable(i: u32) -> u32 {
        1 << (8 + i)
    }
    pub const fn cp_comb_enable(i: u32) -> u32 {
        1 << (16 + i - 8)
    }
    pub const CP_RANGE_ENABLE: u32 = 1 << 18;
    pub const CP_44_ENABLE: u32 = 1 << 19;
    pub const CP_48_ENABLE: u32 = 1 << 20;
    /// `CP_MATCH_MODE.ETYPE_SEL` bit of rule `i` (`ingr.h:1613-1622`).
    pub const fn cp_etype_after_vlan(i: u32) -> u32 {
        1 << (8 + i)
    }

    pub const CP_TAG: u16 = 0x1e40;
    pub const fn cp_tag_map(up: u32, to: u32) -> u32 {
        to << (3 * up)
    }
    pub const fn cp_tag_def_up(up: u32) -> u32 {
        up << 24
    }
    pub const CP_TAG_STAG_UP_EN: u32 = 1 << 27;
    pub const CP_TAG_QTAG_UP_EN: u32 = 1 << 28;
    pub const CP_TAG_PARSE_QINQ: u32 = 1 << 29;
    pub const CP_TAG_PARSE_STAG: u32 = 1 << 30;
    pub const CP_TAG_PARSE_QTAG: u32 = 1 << 31;

    /// `ingr.h:1955-2025`.
    pub const NM_PARAMS: u16 = 0x1e50;
    pub const NM_CHECK_V: u32 = 1 << 1;
    pub const NM_CHECK_PN: u32 = 1 << 6;

    pub const NM_FLOW_NCP: u16 = 0x1e51;
    pub const NM_FLOW_CP: u16 = 0x1e52;
    /// Lane of a class: untagged 0, tagged 1, bad tag 2, KaY 3
    /// (`mscc_macsec.h:245-270`).
    pub const fn nm_lane(class: u32, drop: bool, dest: u32, action: u32) -> u32 {
        (drop as u32 | dest << 2 | action << 6) << (8 * class)
    }

    pub const MISC_CONTROL: u16 = 0x1e5f;
    pub const MISC_STATIC_BYPASS: u32 = 1 << 8;
    pub const MISC_NM_MACSEC_EN: u32 = 1 << 9;
    pub const fn misc_validate(v: u32) -> u32 {
        v << 10
    }
    pub const fn misc_rec_size(s: u32) -> u32 {
        s << 24
    }
    pub const fn misc_latency_fix(n: u32) -> u32 {
        n
    }

    /// `ingr.h:2631-2680`.
    pub const HDR_EXT_CTRL: u16 = 0x1e60;
    pub const HDR_SECTAG_AFTER_VLAN: u32 = 1 << 21;
}

/// Post-processing (`mscc_macsec.h:135-139`, `mscc_macsec.h:289-314`).
pub mod post {
    pub const IG_CC_CONTROL: u16 = 0x3a10;
    pub const IG_CC_NON_MATCH_CTRL_ACT: u32 = 1 << 14;
    pub const IG_CC_NON_MATCH_ACT: u32 = 1 << 15;
    pub const IG_CP_TAG: u16 = 0x3a14;
    pub const fn vlan_mtu_check(up: u16) -> u16 {
        0x3c40 + up
    }
    pub const NON_VLAN_MTU_CHECK: u16 = 0x3c48;
    pub const MTU_DROP: u32 = 1 << 15;
    pub const PP_CTRL: u16 = 0x3c4b;
    pub const PP_OCTET_INCR_MODE: u32 = 1;
}

/// The crypto engine's registers (`mscc_macsec.h:140-142`; the rest
/// `ingr.h:7237-7706`, `egr.h:6335-6477`).
pub mod crypto {
    pub const CONTEXT_CTRL: u16 = 0x3d02;
    /// `ingr.h:7258-7267`.
    pub const CONTEXT_CTRL_THRESHOLD_EQUAL: u32 = 1 << 10;
    pub const INTR_CTRL_STATUS: u16 = 0x3d04;
    pub const INTR_SEQ_THRESHOLD: u32 = 1 << 4;
    pub const INTR_ROLLOVER: u32 = 1 << 5;
    pub const INTR_PIN: u32 = 1 << 15;
    pub const SEQ_NUM_THRESH: u16 = 0x3d08;
    pub const SEQ_NUM_THRESH_LOWER: u16 = 0x3d09;
    pub const SEQ_NUM_THRESH_UPPER: u16 = 0x3d0a;
    pub const BLOCK_CTX_UPDATE: u16 = 0x3d0c;
    pub const NEXT_PN_LOWER: u16 = 0x3d20;
    pub const NEXT_PN_UPPER: u16 = 0x3d21;
    pub const NEXT_PN_CONTEXT_ID: u16 = 0x3d22;
    pub const NEXT_PN_CTRL: u16 = 0x3d23;
    pub const NEXT_PN_ENABLE: u32 = 1 << 0;
    pub const NEXT_PN_WRITTEN: u32 = 1 << 1;
    pub const NEXT_PN_64: u32 = 1 << 2;
    pub const fn next_pn_ctx_addr(a: u32) -> u32 {
        a << 4
    }
}

/// Transform records: control words and MESA's word layout
/// (`mscc_macsec.h:15-34`, `mscc_macsec.h:118`; `api.c:2557-2765`).
pub mod record {
    pub const fn word(rec: u16, w: u16) -> u16 {
        (rec << 5) + w
    }
    /// The C driver's control words with 32-bit PNs, before cipher and AN
    /// (`mscc_macsec.c:546-552`).
    pub const CTL_EGRESS: u32 = 0x9241_e066;
    pub const CTL_INGRESS: u32 = 0xd241_e06f;
    /// MESA's control words with 64-bit PNs (`api.c:2659-2661`).
    pub const CTL_EGRESS_XPN: u32 = 0xa241_e066;
    pub const CTL_INGRESS_XPN: u32 = 0xe241_a0ef;
    pub const fn alg(a: u32) -> u32 {
        a << 17
    }
    pub const ALG_AES128: u32 = 5;
    pub const ALG_AES256: u32 = 7;
    pub const fn an(a: u32) -> u32 {
        a << 26
    }
    pub const KEY: u16 = 2;

    /// Where MESA puts sequence number, window, IS0-IS2 and SCI after a key
    /// of `kw` words and the 4 words of H (`api.c:2581-2605`,
    /// `api.c:2671-2712`): (seq, window, salt, sci).
    pub fn layout(
        kw: u16,
        ingress: bool,
        xpn: bool,
    ) -> (u16, Option<u16>, Option<u16>, Option<u16>) {
        let seq = KEY + kw + 4;
        match (xpn, ingress) {
            (false, false) => (seq, None, None, Some(seq + 1)),
            (false, true) => (seq, Some(seq + 1), None, Some(seq + 2)),
            (true, false) => (seq, None, Some(seq + 3), Some(seq + 6)),
            (true, true) => (seq, Some(seq + 2), Some(seq + 3), None),
        }
    }
}

/// Counters: sets, offsets by MESA name (`ingr.h:3598-4975`,
/// `egr.h:3801-4557`), `COUNT_CONTROL` (`mscc_macsec.h:283-286`).
pub mod stats {
    pub const fn sa(i: u16) -> u16 {
        0x2000 + 32 * i
    }
    pub const fn vlan(up: u16) -> u16 {
        0x3000 + 32 * up
    }
    pub const GLOBAL: u16 = 0x3100;
    pub const COUNT_CONTROL: u16 = 0x3204;
    pub const RESET_ALL: u32 = 1 << 0;
    pub const DEBUG_ACCESS: u32 = 1 << 1;
    pub const SATURATE: u32 = 1 << 2;
    pub const AUTO_CNTR_RESET: u32 = 1 << 3;
    pub const COUNT_INCEN1: u16 = 0x3205;
    pub const COUNT_INCEN2: u16 = 0x3206;

    /// Ingress per-SA.
    pub mod isa {
        pub const OCTETS: u16 = 0;
        pub const UNCHECKED: u16 = 4;
        pub const DELAYED: u16 = 6;
        pub const LATE: u16 = 8;
        pub const OK: u16 = 10;
        pub const INVALID: u16 = 12;
        pub const NOT_VALID: u16 = 14;
        pub const NOT_USING_SA: u16 = 16;
        pub const UNUSED_SA: u16 = 18;
        pub const UNTAGGED_HIT: u16 = 20;
        pub const UCAST: u16 = 22;
        pub const MCAST: u16 = 24;
        pub const BCAST: u16 = 26;
    }

    /// Egress per-SA.
    pub mod esa {
        pub const OCTETS: u16 = 0;
        pub const PKTS: u16 = 4;
        pub const TOO_LONG: u16 = 6;
        pub const UCAST: u16 = 8;
        pub const MCAST: u16 = 10;
        pub const BCAST: u16 = 12;
    }

    /// Per-VLAN priority.
    pub mod vl {
        pub const OCTETS: u16 = 0;
        pub const PKTS: u16 = 4;
        pub const DROPPED: u16 = 6;
        pub const OVERSIZE: u16 = 8;
    }

    /// Ingress global.
    pub mod ig {
        pub const TRANSFORM_ERROR: u16 = 0;
        pub const CTRL: u16 = 2;
        pub const NO_TAG: u16 = 4;
        pub const UNTAGGED: u16 = 6;
        pub const TAGGED: u16 = 8;
        pub const BAD_TAG: u16 = 10;
        pub const UNTAGGED_MISS: u16 = 12;
        pub const NO_SCI: u16 = 14;
        pub const UNKNOWN_SCI: u16 = 16;
        pub const CC_CONTROLLED_NOT_PASS: u16 = 18;
        pub const CC_UNCONTROLLED_NOT_PASS: u16 = 20;
        pub const CC_CONTROLLED_PASS: u16 = 22;
        pub const CC_UNCONTROLLED_PASS: u16 = 24;
        pub const OVERSIZE: u16 = 26;
        pub const UCAST: u16 = 28;
        pub const MCAST: u16 = 30;
        pub const BCAST: u16 = 32;
        pub const OCTETS: u16 = 34;
    }

    /// Egress global.
    pub mod eg {
        pub const TRANSFORM_ERROR: u16 = 0;
        pub const CTRL: u16 = 2;
        pub const UNKNOWN_SA: u16 = 4;
        pub const UNTAGGED: u16 = 6;
        pub const OVERSIZE: u16 = 8;
        pub const UCAST: u16 = 10;
        pub const MCAST: u16 = 12;
        pub const BCAST: u16 = 14;
        pub const OCTETS: u16 = 16;
    }
}
