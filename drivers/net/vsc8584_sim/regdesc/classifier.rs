// SPDX-License-Identifier: GPL-2.0

//! Frame classification before the SAM: the control packet classifier, the
//! VLAN tag parser, the MACsec tag checks, the action on frames no SAM entry
//! matched, and the engine-wide controls of MISC_CONTROL and HDR_EXT_CTRL.

use super::map::{Access, Reg};
use super::{Dir, Field};

/// Control packet rule `i` (0-9): MAC destination address octets 0-3
/// (`ingr.h:1385`).
pub const fn cp_mac_da_match(i: u16) -> u16 {
    0x1e00u16.wrapping_add(i.wrapping_mul(2))
}

/// Control packet rule `i` (0-9): MAC destination address octets 4-5 and an
/// EtherType (`ingr.h:1396`).
pub const fn cp_mac_da_et_match(i: u16) -> u16 {
    0x1e01u16.wrapping_add(i.wrapping_mul(2))
}

/// Control packet rules with a MAC address and EtherType pair.
pub const CP_DA_RULES: u16 = 10;

/// Fields of `CP_MAC_DA_ET_MATCH`.
pub mod cp_da_et {
    use super::Field;

    /// Address octets 4 (bits 7:0) and 5 (bits 15:8) (`ingr.h:1408`, text
    /// at `ingr.h:1400-1403`).
    pub const MAC_DA_MATCH_15_TO_0: Field = Field::bits(0, 16);
    /// EtherType after the source address, byte-swapped (`ingr.h:1421`,
    /// text at `ingr.h:1414-1416`).
    pub const ETHER_TYPE_MATCH: Field = Field::bits(16, 16);
}

/// EtherType rules 10-17 (`ingr.h:1436`). MESA uses 8 EtherType rules on the
/// 1G parts and 16 on the 10G ones (`api.c:2459-2463`, "8 Etypes for Viper"): the VSC8584 lacks
/// these, and the simulator reports their use.
pub const CP_MAC_ET_MATCH: u16 = 0x1e14;
/// MAC destination range start, octets 0-3 (`ingr.h:1465`).
pub const CP_MAC_DA_START_LO: u16 = 0x1e20;
/// MAC destination range start, octets 4-5 (`ingr.h:1474-1487`).
pub const CP_MAC_DA_START_HI: u16 = 0x1e21;
/// MAC destination range end, octets 0-3 (`ingr.h:1498`).
pub const CP_MAC_DA_END_LO: u16 = 0x1e22;
/// MAC destination range end, octets 4-5 (`ingr.h:1507-1520`).
pub const CP_MAC_DA_END_HI: u16 = 0x1e23;
/// 44-bit MAC destination constant, octets 0-3 (`ingr.h:1531`).
pub const CP_MAC_DA_44_BITS_LO: u16 = 0x1e24;
/// 44-bit MAC destination constant, octet 4 and the upper nibble of octet 5
/// (`ingr.h:1540-1563`).
pub const CP_MAC_DA_44_BITS_HI: u16 = 0x1e25;
/// 48-bit MAC destination constant, octets 0-3 (`ingr.h:1574`).
pub const CP_MAC_DA_48_BITS_LO: u16 = 0x1e26;
/// 48-bit MAC destination constant, octets 4-5 (`ingr.h:1583-1598`).
pub const CP_MAC_DA_48_BITS_HI: u16 = 0x1e27;
/// Which EtherType each EtherType rule compares (`ingr.h:1609`).
pub const CP_MATCH_MODE: u16 = 0x1e3e;
/// Which control packet rules are on (`ingr.h:1645`).
pub const CP_MATCH_ENABLE: u16 = 0x1e3f;

/// Reset of `CP_MAC_DA_44_BITS_LO/HI`: 01-80-C2-00-00-0x, the bridge group
/// addresses ("reset value matches the given constant", `ingr.h:1544-1558`;
/// MESA relies on it for BPDUs, `api.c:3399-3400`).
pub const CP_44_BITS_RESET: (u32, u32) = (0x00c2_8001, 0x0000_0000);
/// Reset of `CP_MAC_DA_48_BITS_LO/HI`: 01-00-0C-CC-CC-CC, CDP/UDLD
/// (`ingr.h:1587-1593`; `api.c:3406-3407`).
pub const CP_48_BITS_RESET: (u32, u32) = (0xcc0c_0001, 0x0000_cccc);

/// Fields of `CP_MAC_DA_44_BITS_HI`.
pub mod cp_44_hi {
    use super::Field;

    /// Octet 4 (`ingr.h:1550`).
    pub const MAC_DA_44_BITS_15_TO_8: Field = Field::bits(0, 8);
    /// Upper nibble of octet 5; its lower nibble is not compared
    /// (`ingr.h:1563`, text at `ingr.h:1745`).
    pub const MAC_DA_44_BITS_7_TO_4: Field = Field::bits(12, 4);
}

/// Fields of `CP_MATCH_MODE`.
pub mod cp_mode {
    use super::Field;

    /// Per EtherType rule 0-9: 0 compares the EtherType right after the
    /// source address, 1 the one after the VLAN tags (`ingr.h:1622`, text at
    /// `ingr.h:1613-1618`).
    pub const ETYPE_SEL_9_TO_0: Field = Field::bits(8, 10);
    /// The same for rules 10-17 (`ingr.h:1634`).
    pub const ETYPE_SEL_17_TO_10: Field = Field::bits(21, 8);
}

/// Fields of `CP_MATCH_ENABLE` (text at `ingr.h:1649-1771`).
pub mod cp_enable {
    use super::Field;

    /// Rule `i` (0-7) compares the destination address (`ingr.h:1677`).
    pub const MAC_DA_ENABLE_7_TO_0: Field = Field::bits(0, 8);
    /// Rule `i` (0-7) compares the EtherType (`ingr.h:1711`).
    pub const ETYPE_ENABLE_7_TO_0: Field = Field::bits(8, 8);
    /// Rules 8-9 compare destination address and EtherType together
    /// (`ingr.h:1727`).
    pub const COMB_ENABLE_9_TO_8: Field = Field::bits(16, 2);
    /// The destination address lies in the start-end range
    /// (`ingr.h:1741`).
    pub const RANGE_ENABLE: Field = Field::bit(18);
    /// The destination address equals the 44-bit constant (`ingr.h:1753`).
    pub const CONST_44_ENABLE: Field = Field::bit(19);
    /// The destination address equals the 48-bit constant (`ingr.h:1762`).
    pub const CONST_48_ENABLE: Field = Field::bit(20);
    /// EtherType rules 10-17 (`ingr.h:1771`).
    pub const ETYPE_ENABLE_17_TO_10: Field = Field::bits(21, 8);
}

/// VLAN tag parsing (`ingr.h:1788`).
pub const SAM_CP_TAG: u16 = 0x1e40;
/// EtherTypes of the QTAG and the first STAG (`ingr.h:1864`).
pub const SAM_PP_TAGS: u16 = 0x1e41;
/// EtherTypes of the second and third STAG (`ingr.h:1900`).
pub const SAM_PP_TAGS2: u16 = 0x1e42;
/// Inner tag priority map (`ingr.h:1935`).
pub const SAM_CP_TAG2: u16 = 0x1e43;

/// Fields of `SAM_CP_TAG`.
pub mod cp_tag {
    use super::Field;

    /// User priority map: 3 bits per priority, priority 0 in bits 2:0
    /// (`ingr.h:1797`).
    pub const MAP_TBL: Field = Field::bits(0, 24);
    /// Priority of frames without a VLAN tag (`ingr.h:1808`).
    pub const DEF_UP: Field = Field::bits(24, 3);
    /// Map the priority of STAGs (`ingr.h:1819`).
    pub const STAG_UP_EN: Field = Field::bit(27);
    /// Map the priority of QTAGs (`ingr.h:1828`).
    pub const QTAG_UP_EN: Field = Field::bit(28);
    /// Parse a second (inner) tag (`ingr.h:1837`).
    pub const PARSE_QINQ: Field = Field::bit(29);
    /// Parse STAGs (`ingr.h:1846`).
    pub const PARSE_STAG: Field = Field::bit(30);
    /// Parse QTAGs (`ingr.h:1855`).
    pub const PARSE_QTAG: Field = Field::bit(31);
}

/// Fields of `SAM_PP_TAGS` and `SAM_PP_TAGS2`: EtherTypes stored
/// byte-swapped.
pub mod pp_tags {
    use super::Field;

    /// QTAG EtherType, reset 0x8100 (`ingr.h:1875`, text at
    /// `ingr.h:1868-1870`).
    pub const QTAG_VALUE: Field = Field::bits(0, 16);
    /// First STAG EtherType, reset 0x88a8 (`ingr.h:1889`, text at
    /// `ingr.h:1881-1884`).
    pub const STAG_VALUE: Field = Field::bits(16, 16);
    /// Second STAG EtherType, reset 0x9100 (`ingr.h:1911`).
    pub const STAG_VALUE2: Field = Field::bits(0, 16);
    /// Third STAG EtherType, reset 0x9200 (`ingr.h:1924`).
    pub const STAG_VALUE3: Field = Field::bits(16, 16);
    /// Reset of `SAM_PP_TAGS` (and `IG_PP_TAGS`).
    pub const PP_TAGS_RESET: u32 = 0xa888_0081;
    /// Reset of `SAM_PP_TAGS2` (and `IG_PP_TAGS2`).
    pub const PP_TAGS2_RESET: u32 = 0x0092_0091;
}

/// MACsec tag checks, which decide the tagged, bad-tag and KaY classes
/// (`ingr.h:1955`).
pub const SAM_NM_PARAMS: u16 = 0x1e50;
/// Action on frames no entry matched that are not control packets
/// (`ingr.h:2036`).
pub const SAM_NM_FLOW_NCP: u16 = 0x1e51;
/// Action on control packets no entry matched (`ingr.h:2282`).
pub const SAM_NM_FLOW_CP: u16 = 0x1e52;

/// Fields of `SAM_NM_PARAMS`.
pub mod nm_params {
    use super::Field;

    /// Compare the EtherType with `MACSEC_TAG_VALUE` (`ingr.h:1963`).
    pub const COMP_ETYPE: Field = Field::bit(0);
    /// The V bit must be 0 (`ingr.h:1971`).
    pub const CHECK_V: Field = Field::bit(1);
    /// E=1 with C=0 is a frame for the KaY (`ingr.h:1979`).
    pub const CHECK_KAY: Field = Field::bit(2);
    /// C=1 with E=0 is illegal (`ingr.h:1987`).
    pub const CHECK_C_E: Field = Field::bit(3);
    /// SC with ES or SCB is illegal (`ingr.h:1995`).
    pub const CHECK_SC: Field = Field::bit(4);
    /// The short length must be in range (`ingr.h:2003`).
    pub const CHECK_SL: Field = Field::bit(5);
    /// The PN must not be 0, whatever the cipher suite (`ingr.h:2014`, text
    /// at `ingr.h:2007-2010`).
    pub const CHECK_PN: Field = Field::bit(6);
    /// The MACsec EtherType, byte-swapped (`ingr.h:2025`, text at
    /// `ingr.h:2018-2020`).
    pub const MACSEC_TAG_VALUE: Field = Field::bits(16, 16);
}

/// `SAM_NM_PARAMS` after power-on. COMP_ETYPE, CHECK_V, CHECK_KAY,
/// CHECK_C_E, CHECK_SC and CHECK_SL are marked default (`ingr.h:1959-1999`),
/// the tag value 0x88E5 (`ingr.h:2019`). *Choice*: CHECK_PN is not marked,
/// but MESA clears it for XPN "to avoid drop" of PN-0 frames
/// (`api.c:4719-4727`), which only makes sense if it resets to 1: it does.
pub const NM_PARAMS_RESET: u32 = 0xe588_007f;

/// A lane of `SAM_NM_FLOW_NCP` / `SAM_NM_FLOW_CP`: one octet per class,
/// untagged at 7:0, tagged at 15:8, bad tag at 23:16, KaY at 31:24
/// (`ingr.h:2036-2271`, `ingr.h:2282-2517`).
pub mod nm_lane {
    use super::Field;

    /// Bit shift of the lane of each class: untagged, tagged, bad tag, KaY.
    pub const SHIFT: [u32; 4] = [0, 8, 16, 24];
    /// 0 bypass, 1 drop action (`ingr.h:2050`).
    pub const FLOW_TYPE: Field = Field::bit(0);
    /// Destination port (`ingr.h:2064`).
    pub const DEST_PORT: Field = Field::bits(2, 2);
    /// Drop if not from the reserved port (`ingr.h:2076`).
    pub const DROP_NON_RESERVED: Field = Field::bit(4);
    /// Drop action, as in a flow control word (`ingr.h:2093`).
    pub const DROP_ACTION: Field = Field::bits(6, 2);
    /// Described bits of the four lanes on ingress.
    pub const DEFINED_INGRESS: u32 = 0xdddd_dddd;
    /// Described bits of the four lanes on egress: no drop-non-reserved
    /// (`egr.h:2319`, `egr.h:2525`).
    pub const DEFINED_EGRESS: u32 = 0xcdcd_cdcd;
    /// The drop-non-reserved bits of the four lanes.
    pub const DROP_NON_RESERVED_BITS: u32 = 0x1010_1010;
}

/// Engine-wide controls (`ingr.h:2528`).
pub const MISC_CONTROL: u16 = 0x1e5f;

/// Fields of `MISC_CONTROL`.
pub mod misc_control {
    use super::Field;

    /// Latency fix (`ingr.h:2548`).
    pub const MC_LATENCY_FIX: Field = Field::bits(0, 6);
    /// Static bypass: the crypto core is off, classification stays
    /// (`ingr.h:2567`, text at `ingr.h:2554-2563`).
    pub const STATIC_BYPASS: Field = Field::bit(8);
    /// 802.1AE processing of tagged frames for which no SC is found
    /// (`ingr.h:2585`, text at `ingr.h:2571-2581`).
    pub const NM_MACSEC_EN: Field = Field::bit(9);
    /// validateFrames for tagged frames without an SC (`ingr.h:2603`, text
    /// at `ingr.h:2589-2599`).
    pub const VALIDATE_FRAMES: Field = Field::bits(10, 2);
    /// Transform record size: 0 64, 1 80, 2 96, 3 48 octets
    /// (`ingr.h:2620`).
    pub const XFORM_REC_SIZE: Field = Field::bits(24, 2);
}

/// Header bypass and VLAN-in-clear detection (`ingr.h:2631`).
pub const HDR_EXT_CTRL: u16 = 0x1e60;
/// Crypt-authenticate bypass length (`ingr.h:2702`).
pub const CRYPT_AUTH_CTRL: u16 = 0x1e61;

/// Fields of `HDR_EXT_CTRL`.
pub mod hdr_ext {
    use super::Field;

    /// Header bypass EtherType (`ingr.h:2644`).
    pub const HB_ETYPE_MATCH: Field = Field::bits(0, 16);
    /// Header bypass length (`ingr.h:2657`).
    pub const HDR_BYPASS_LEN: Field = Field::bits(17, 4);
    /// Find the SecTAG after one or two VLAN tags, which then stay in clear
    /// (`ingr.h:2680`, text at `ingr.h:2663-2675`).
    pub const SECTAG_AFTER_VLAN: Field = Field::bit(21);
    /// Header bypass EtherType compare (`ingr.h:2693`).
    pub const HB_E_TYPE_MATCH_EN: Field = Field::bit(22);
}

/// The registers.
pub const REGS: &[Reg] = &[
    // ingr.h:1385-1421.
    Reg::one(
        "CP_MAC_DA_MATCH",
        0x1e00,
        Dir::Both,
        0,
        u32::MAX,
        Access::Rw,
    )
    .words(2)
    .many(CP_DA_RULES, 2),
    // ingr.h:1436-1448, rules the 1G parts lack (api.c:2459-2463).
    Reg::one(
        "CP_MAC_ET_MATCH",
        CP_MAC_ET_MATCH,
        Dir::Both,
        0,
        0xffff_0000,
        Access::Rw,
    )
    .many(8, 1)
    .unmodelled(),
    // ingr.h:1465-1520.
    Reg::one(
        "CP_MAC_DA_START_LO",
        CP_MAC_DA_START_LO,
        Dir::Both,
        0,
        u32::MAX,
        Access::Rw,
    ),
    Reg::one(
        "CP_MAC_DA_START_HI",
        CP_MAC_DA_START_HI,
        Dir::Both,
        0,
        0xffff,
        Access::Rw,
    ),
    Reg::one(
        "CP_MAC_DA_END_LO",
        CP_MAC_DA_END_LO,
        Dir::Both,
        0,
        u32::MAX,
        Access::Rw,
    ),
    Reg::one(
        "CP_MAC_DA_END_HI",
        CP_MAC_DA_END_HI,
        Dir::Both,
        0,
        0xffff,
        Access::Rw,
    ),
    // ingr.h:1531-1598.
    Reg::one(
        "CP_MAC_DA_44_BITS_LO",
        CP_MAC_DA_44_BITS_LO,
        Dir::Both,
        CP_44_BITS_RESET.0,
        u32::MAX,
        Access::Rw,
    ),
    Reg::one(
        "CP_MAC_DA_44_BITS_HI",
        CP_MAC_DA_44_BITS_HI,
        Dir::Both,
        CP_44_BITS_RESET.1,
        0xf0ff,
        Access::Rw,
    ),
    Reg::one(
        "CP_MAC_DA_48_BITS_LO",
        CP_MAC_DA_48_BITS_LO,
        Dir::Both,
        CP_48_BITS_RESET.0,
        u32::MAX,
        Access::Rw,
    ),
    Reg::one(
        "CP_MAC_DA_48_BITS_HI",
        CP_MAC_DA_48_BITS_HI,
        Dir::Both,
        CP_48_BITS_RESET.1,
        0xffff,
        Access::Rw,
    ),
    // ingr.h:1609-1634; bits 28:21 belong to the rules the 1G parts lack.
    Reg::one(
        "CP_MATCH_MODE",
        CP_MATCH_MODE,
        Dir::Both,
        0,
        0x1fe3_ff00,
        Access::Rw,
    )
    .unmodelled_bits(0x1fe0_0000),
    // ingr.h:1645-1771; the same.
    Reg::one(
        "CP_MATCH_ENABLE",
        CP_MATCH_ENABLE,
        Dir::Both,
        0,
        0x1fff_ffff,
        Access::Rw,
    )
    .unmodelled_bits(0x1fe0_0000),
    // ingr.h:1788-1855. *Choice*: reset 0 (nothing parsed, priorities
    // unmapped); MESA and the C driver set the parse bits at init
    // (api.c:1701-1709, mscc_macsec.c:96-104).
    Reg::one("SAM_CP_TAG", SAM_CP_TAG, Dir::Both, 0, u32::MAX, Access::Rw),
    // ingr.h:1864-1924.
    Reg::one(
        "SAM_PP_TAGS",
        SAM_PP_TAGS,
        Dir::Both,
        pp_tags::PP_TAGS_RESET,
        u32::MAX,
        Access::Rw,
    ),
    Reg::one(
        "SAM_PP_TAGS2",
        SAM_PP_TAGS2,
        Dir::Both,
        pp_tags::PP_TAGS2_RESET,
        u32::MAX,
        Access::Rw,
    ),
    // ingr.h:1935-1944.
    Reg::one(
        "SAM_CP_TAG2",
        SAM_CP_TAG2,
        Dir::Both,
        0,
        0x00ff_ffff,
        Access::Rw,
    ),
    // ingr.h:1955-2025.
    Reg::one(
        "SAM_NM_PARAMS",
        SAM_NM_PARAMS,
        Dir::Both,
        NM_PARAMS_RESET,
        0xffff_007f,
        Access::Rw,
    ),
    // ingr.h:2036-2517. *Choice*: reset 0, every class bypasses.
    Reg::one(
        "SAM_NM_FLOW",
        SAM_NM_FLOW_NCP,
        Dir::Ingress,
        0,
        nm_lane::DEFINED_INGRESS,
        Access::Rw,
    )
    .many(2, 1)
    .unmodelled_bits(nm_lane::DROP_NON_RESERVED_BITS),
    Reg::one(
        "SAM_NM_FLOW",
        SAM_NM_FLOW_NCP,
        Dir::Egress,
        0,
        nm_lane::DEFINED_EGRESS,
        Access::Rw,
    )
    .many(2, 1),
    // ingr.h:2528-2620. *Choice*: reset 0.
    Reg::one(
        "MISC_CONTROL",
        MISC_CONTROL,
        Dir::Both,
        0,
        0x0300_0f3f,
        Access::Rw,
    ),
    // ingr.h:2631-2693: header bypass is not modelled, VLAN in clear is.
    Reg::one(
        "HDR_EXT_CTRL",
        HDR_EXT_CTRL,
        Dir::Both,
        0,
        0x007e_ffff,
        Access::Rw,
    )
    .unmodelled_bits(0x005e_ffff),
    // ingr.h:2702-2715.
    Reg::one(
        "CRYPT_AUTH_CTRL",
        CRYPT_AUTH_CTRL,
        Dir::Both,
        0,
        0xff,
        Access::Rw,
    )
    .unmodelled(),
];
