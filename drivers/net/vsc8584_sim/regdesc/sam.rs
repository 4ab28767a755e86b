// SPDX-License-Identifier: GPL-2.0

//! The Secure Association Matcher: 16 match entries, their enable bitmap and
//! the flow control word of each (what happens to a frame that hit it).
//!
//! Entry `i` is 16 words at `0x1000 + 16 * i` (`ingr.h:558-1082`), its flow
//! control word is at `0x1c00 + i` (`ingr.h:1240`, `egr.h:1481`). Entry,
//! flow and transform record `i` belong together (`api.c:5188-5197` writes
//! all three for one record index).
//!
//! Multi-octet match values are packed with the first octet received in
//! bits 7:0 (MAC addresses: `api.c:2058-2066`; SCI: `api.c:1982-1983`), the
//! EtherType byte-swapped (`ingr.h:587-589`).

use super::map::{Access, Reg};
use super::{Dir, Field};

/// Match entries of an engine (`ingr.h:6775`, 16 on the 1G parts).
pub const ENTRIES: u16 = 16;
/// Words between two entries (`ri * 16`, `ingr.h:558`).
pub const STRIDE: u16 = 16;

/// First word of entry `i`.
pub const fn entry(i: u16) -> u16 {
    0x1000u16.wrapping_add(i.wrapping_mul(STRIDE))
}

/// Word: MAC source address octets 0-3 (`ingr.h:558`).
pub const MAC_SA_MATCH_LO: u16 = 0;
/// Word: MAC source address octets 4-5 and the EtherType (`ingr.h:569`).
pub const MAC_SA_MATCH_HI: u16 = 1;
/// Word: MAC destination address octets 0-3 (`ingr.h:607`).
pub const MAC_DA_MATCH_LO: u16 = 2;
/// Word: MAC destination address octets 4-5 and the VLAN ID (`ingr.h:618`).
pub const MAC_DA_MATCH_HI: u16 = 3;
/// Word: VLAN flags, control packet, classes, priority, TCI/AN
/// (`ingr.h:654`).
pub const MISC_MATCH: u16 = 4;
/// Word: SCI octets 0-3, ingress only (`ingr.h:816`; reserved on egress,
/// `egr.h:1084`).
pub const SCI_MATCH_LO: u16 = 5;
/// Word: SCI octets 4-7 (`ingr.h:827`; reserved on egress, `egr.h:1095`).
pub const SCI_MATCH_HI: u16 = 6;
/// Word: which fields take part in the match (`ingr.h:838`).
pub const MASK: u16 = 7;
/// Word: inner VLAN ID and user priority (`ingr.h:1016`).
pub const EXT_MATCH: u16 = 8;
/// Words: header bypass match and mask (`ingr.h:1049-1082`).
pub const HDR_BYPASS: u16 = 9;

/// Fields of `MAC_SA_MATCH_HI` (the same split for `MAC_DA_MATCH_HI`).
pub mod sa_hi {
    use super::Field;

    /// Address octets 4 (bits 7:0) and 5 (bits 15:8) (`ingr.h:581`, text at
    /// `ingr.h:573-576`).
    pub const MAC_15_TO_0: Field = Field::bits(0, 16);
    /// Parsed EtherType, stored byte-swapped (`ingr.h:594`, text at
    /// `ingr.h:587-589`).
    pub const ETHER_TYPE: Field = Field::bits(16, 16);
}

/// Fields of `MAC_DA_MATCH_HI`.
pub mod da_hi {
    use super::Field;

    /// Address octets 4 and 5 (`ingr.h:630`).
    pub const MAC_15_TO_0: Field = Field::bits(0, 16);
    /// Parsed (outer) VLAN ID (`ingr.h:641`).
    pub const VLAN_ID: Field = Field::bits(16, 12);
}

/// Fields of `MISC_MATCH`.
pub mod misc {
    use super::Field;

    /// Parsed VLAN valid flag (`ingr.h:663`).
    pub const VLAN_VALID: Field = Field::bit(0);
    /// Parsed Q-in-Q found flag (`ingr.h:672`).
    pub const QINQ_FOUND: Field = Field::bit(1);
    /// Parsed STAG valid flag (`ingr.h:681`).
    pub const STAG_VALID: Field = Field::bit(2);
    /// Parsed QTAG valid flag (`ingr.h:690`).
    pub const QTAG_VALID: Field = Field::bit(3);
    /// Parsed VLAN user priority (`ingr.h:699`).
    pub const VLAN_UP: Field = Field::bits(4, 3);
    /// Control packet, as the control packet classifier decided
    /// (`ingr.h:710`).
    pub const CONTROL_PACKET: Field = Field::bit(7);
    /// Class: frames without a MACsec tag may match (`ingr.h:722`).
    pub const UNTAGGED: Field = Field::bit(8);
    /// Class: frames with a valid MACsec tag may match (`ingr.h:734`).
    pub const TAGGED: Field = Field::bit(9);
    /// Class: frames with an invalid MACsec tag may match (`ingr.h:746`).
    pub const BAD_TAG: Field = Field::bit(10);
    /// Class: frames whose tag says KaY may match (`ingr.h:758`).
    pub const KAY_TAG: Field = Field::bit(11);
    /// Source port (`ingr.h:772`).
    pub const SOURCE_PORT: Field = Field::bits(12, 2);
    /// Priority: the highest wins, on a tie the lowest entry
    /// (`ingr.h:789`, text at `ingr.h:778-785`).
    pub const MATCH_PRIORITY: Field = Field::bits(16, 4);
    /// TCI (bits 31:26, the TCI octet shifted right by 2) and AN (bits
    /// 25:24) (`ingr.h:803`, text at `ingr.h:795-798`).
    pub const MACSEC_TCI_AN: Field = Field::bits(24, 8);
    /// The AN part of `MACSEC_TCI_AN`.
    pub const AN: Field = Field::bits(24, 2);
    /// The TCI part of `MACSEC_TCI_AN`.
    pub const TCI: Field = Field::bits(26, 6);
    /// Every described bit of an ingress entry.
    pub const DEFINED_INGRESS: u32 = 0xff0f_3fff;
    /// Every described bit of an egress entry: no TCI/AN compare
    /// (`egr.h:936`).
    pub const DEFINED_EGRESS: u32 = 0x000f_3fff;
}

/// Fields of `MASK`.
pub mod mask {
    use super::Field;

    /// Source address octet compare enables. Bit 0 is the *last* octet
    /// received, bit 5 the first (`ingr.h:852`, text at `ingr.h:842-844`).
    pub const MAC_SA_MASK: Field = Field::bits(0, 6);
    /// Destination address octet compare enables, bit 0 the last octet
    /// received (`ingr.h:868`, text at `ingr.h:858-860`).
    pub const MAC_DA_MASK: Field = Field::bits(6, 6);
    /// Compare the parsed EtherType (`ingr.h:879`).
    pub const MAC_ETYPE_MASK: Field = Field::bit(12);
    /// Compare VLAN valid (`ingr.h:888`).
    pub const VLAN_VLD_MASK: Field = Field::bit(13);
    /// Compare Q-in-Q found (`ingr.h:897`).
    pub const QINQ_FOUND_MASK: Field = Field::bit(14);
    /// Compare STAG valid (`ingr.h:906`).
    pub const STAG_VLD_MASK: Field = Field::bit(15);
    /// Compare QTAG valid (`ingr.h:915`).
    pub const QTAG_VLD_MASK: Field = Field::bit(16);
    /// Compare the VLAN user priority (`ingr.h:924`).
    pub const VLAN_UP_MASK: Field = Field::bit(17);
    /// Compare the VLAN ID (`ingr.h:933`).
    pub const VLAN_ID_MASK: Field = Field::bit(18);
    /// Compare the source port (`ingr.h:942`).
    pub const SOURCE_PORT_MASK: Field = Field::bit(19);
    /// Compare the control packet flag (`ingr.h:951`).
    pub const CTL_PACKET_MASK: Field = Field::bit(20);
    /// Compare the inner VLAN user priority (`ingr.h:965`).
    pub const VLAN_UP_INNER_MASK: Field = Field::bit(21);
    /// Compare the inner VLAN ID (`ingr.h:978`).
    pub const VLAN_ID_INNER_MASK: Field = Field::bit(22);
    /// Compare the SCI, "only for an actual MACsec packet" (`ingr.h:991`,
    /// text at `ingr.h:982-987`).
    pub const MACSEC_SCI_MASK: Field = Field::bit(23);
    /// Per-bit compare enables of `MISC_MATCH.MACSEC_TCI_AN`, for "an actual
    /// MACsec packet" (`ingr.h:1003`, text at `ingr.h:995-998`).
    pub const TCI_AN_MASK: Field = Field::bits(24, 8);
}

/// Fields of `EXT_MATCH`.
pub mod ext {
    use super::Field;

    /// Inner VLAN ID (`ingr.h:1025`).
    pub const VLAN_ID_INNER: Field = Field::bits(0, 12);
    /// Inner VLAN user priority (`ingr.h:1036`).
    pub const VLAN_UP_INNER: Field = Field::bits(12, 3);
}

/// Entry enable bitmap, bit `i` for entry `i` (`ingr.h:1097`).
pub const ENTRY_ENABLE1: u16 = 0x1800;
/// The bitmap of entries 32-63 (`ingr.h:1106`): the 1G parts have 16.
pub const ENTRY_ENABLE2: u16 = 0x1801;
/// Write 1s to flip enables, all in one step (`ingr.h:1115`; MESA switches
/// TX SAs with one write of old and new, `api.c:3048-3051`).
pub const ENTRY_TOGGLE1: u16 = 0x1804;
/// Entries 32-63 (`ingr.h:1124`).
pub const ENTRY_TOGGLE2: u16 = 0x1805;
/// Write 1s to enable entries (`ingr.h:1133`, `api.c:2994`).
pub const ENTRY_SET1: u16 = 0x1808;
/// Entries 32-63 (`ingr.h:1142`).
pub const ENTRY_SET2: u16 = 0x1809;
/// Write 1s to disable entries (`ingr.h:1151`, `api.c:3010`).
pub const ENTRY_CLEAR1: u16 = 0x180c;
/// Entries 32-63 (`ingr.h:1160`).
pub const ENTRY_CLEAR2: u16 = 0x180d;
/// Frames in the pipeline (`ingr.h:1172`, text at `ingr.h:1164-1168`).
pub const IN_FLIGHT: u16 = 0x1810;
/// The bits of the 16 entries in the enable registers.
pub const ENTRY_BITS: u32 = 0x0000_ffff;

/// Fields of `IN_FLIGHT`.
pub mod in_flight {
    use super::Field;

    /// Frames that may still use a disabled SA; loaded from `IN_FLIGHT` when
    /// an enable drops, counts down (`ingr.h:1190`, text at
    /// `ingr.h:1176-1185`). MESA polls it to zero (`api.c:3671-3683`).
    pub const UNSAFE: Field = Field::bits(0, 6);
    /// Frames in the pipeline (`ingr.h:1205`).
    pub const IN_FLIGHT: Field = Field::bits(8, 6);
    /// Write 1: load `UNSAFE` from `IN_FLIGHT` (`ingr.h:1220`).
    pub const LOAD_UNSAFE: Field = Field::bit(31);
}

/// Flow control word of entry `i` (`ingr.h:1240`, `egr.h:1481`).
pub const fn flow_ctrl(i: u16) -> u16 {
    0x1c00u16.wrapping_add(i)
}

/// Fields of the flow control words.
pub mod flow {
    use super::Field;

    /// Flow type (`ingr.h:1258`, text at `ingr.h:1244-1254`).
    pub const FLOW_TYPE: Field = Field::bits(0, 2);
    /// Pass the frame unchanged.
    pub const TYPE_BYPASS: u32 = 0;
    /// Apply `DROP_ACTION`.
    pub const TYPE_DROP: u32 = 1;
    /// MACsec ingress processing (ingress engine only).
    pub const TYPE_INGRESS: u32 = 2;
    /// MACsec egress processing (egress engine only).
    pub const TYPE_EGRESS: u32 = 3;
    /// Destination port (`ingr.h:1274`): 0 common, 1 reserved, 2 controlled,
    /// 3 uncontrolled.
    pub const DEST_PORT: Field = Field::bits(2, 2);
    /// Controlled port.
    pub const PORT_CONTROLLED: u32 = 2;
    /// Uncontrolled port.
    pub const PORT_UNCONTROLLED: u32 = 3;
    /// Ingress: drop frames not from the reserved port (`ingr.h:1286`).
    pub const DROP_NON_RESERVED: Field = Field::bit(4);
    /// Basic crypt-authenticate mode (`ingr.h:1296`, `egr.h:1527`).
    pub const FLOW_CRYPT_AUTH: Field = Field::bit(5);
    /// How a drop is done (`ingr.h:1313`, text at `ingr.h:1300-1309`).
    pub const DROP_ACTION: Field = Field::bits(6, 2);
    /// Pass with the CRC corrupted.
    pub const DROP_CRC_ERROR: u32 = 0;
    /// Pass flagged as a bad packet.
    pub const DROP_PKT_ERROR: u32 = 1;
    /// Drop inside the engine.
    pub const DROP_INTERNAL: u32 = 2;
    /// Do not drop (debugging).
    pub const DROP_NONE: u32 = 3;
    /// Ingress: replay protection (`ingr.h:1328`).
    pub const REPLAY_PROTECT: Field = Field::bit(16);
    /// Egress: protect frames; otherwise they bypass the crypto core
    /// (`egr.h:1561`).
    pub const PROTECT_FRAME: Field = Field::bit(16);
    /// The SA is in use (`ingr.h:1337`, `egr.h:1570`).
    pub const SA_IN_USE: Field = Field::bit(17);
    /// Egress: include the SCI in the SecTAG (`egr.h:1583`).
    pub const INCLUDE_SCI: Field = Field::bit(18);
    /// Egress: set TCI.ES (`egr.h:1597`).
    pub const USE_ES: Field = Field::bit(19);
    /// Egress: set TCI.SCB (`egr.h:1611`).
    pub const USE_SCB: Field = Field::bit(20);
    /// Ingress: validateFrames, 0 disabled, 1 check, 2 strict
    /// (`ingr.h:1352`).
    pub const VALIDATE_FRAMES: Field = Field::bits(19, 2);
    /// validateFrames Disabled.
    pub const VALIDATE_DISABLED: u32 = 0;
    /// validateFrames Check.
    pub const VALIDATE_CHECK: u32 = 1;
    /// validateFrames Strict.
    pub const VALIDATE_STRICT: u32 = 2;
    /// Egress: 4-octet tags (0, 1 or 2) left in clear before the SecTAG,
    /// neither encrypted nor authenticated (`egr.h:1622`, text at
    /// `egr.h:1615-1617`).
    pub const TAG_BYPASS_SIZE: Field = Field::bits(21, 2);
    /// Octets after the SecTAG authenticated but not encrypted, 0-64
    /// (`ingr.h:1366`, `egr.h:1636`).
    pub const CONFIDENTIALITY_OFFSET: Field = Field::bits(24, 7);
    /// Egress: confidentiality (`egr.h:1651`).
    pub const CONF_PROTECT: Field = Field::bit(31);
    /// Described bits of an ingress flow word (`ingr.h:1240-1366`).
    pub const DEFINED_INGRESS: u32 = 0x7f1b_00ff;
    /// Described bits of an egress flow word (`egr.h:1481-1651`); bits 15:8
    /// and 23 are what EIP-160s parts use for an SA index and its update
    /// flag, which this engine does not have.
    pub const DEFINED_EGRESS: u32 = 0xff7f_00ef;
}

/// The registers.
pub const REGS: &[Reg] = &[
    // ingr.h:558, ingr.h:569-594.
    Reg::one(
        "SAM_MAC_SA_MATCH",
        0x1000,
        Dir::Both,
        0,
        u32::MAX,
        Access::Rw,
    )
    .words(2)
    .many(ENTRIES, STRIDE),
    // ingr.h:607.
    Reg::one(
        "SAM_MAC_DA_MATCH_LO",
        0x1002,
        Dir::Both,
        0,
        u32::MAX,
        Access::Rw,
    )
    .many(ENTRIES, STRIDE),
    // ingr.h:618-641.
    Reg::one(
        "SAM_MAC_DA_MATCH_HI",
        0x1003,
        Dir::Both,
        0,
        0x0fff_ffff,
        Access::Rw,
    )
    .many(ENTRIES, STRIDE),
    // ingr.h:654-803. The source port is not modelled.
    Reg::one(
        "SAM_MISC_MATCH",
        0x1004,
        Dir::Ingress,
        0,
        misc::DEFINED_INGRESS,
        Access::Rw,
    )
    .many(ENTRIES, STRIDE),
    // egr.h:936: no TCI/AN compare on egress.
    Reg::one(
        "SAM_MISC_MATCH",
        0x1004,
        Dir::Egress,
        0,
        misc::DEFINED_EGRESS,
        Access::Rw,
    )
    .many(ENTRIES, STRIDE),
    // ingr.h:816-827.
    Reg::one(
        "SAM_SCI_MATCH",
        0x1005,
        Dir::Ingress,
        0,
        u32::MAX,
        Access::Rw,
    )
    .words(2)
    .many(ENTRIES, STRIDE),
    // egr.h:1084-1095: reserved on egress (no SCI/TCI matching,
    // EIP160_CONFIG.MATCH_SCI = 0 on egress, egr.h:5652-5662).
    Reg::one(
        "SAM_SCI_MATCH_RESERVED",
        0x1005,
        Dir::Egress,
        0,
        0,
        Access::Rw,
    )
    .words(2)
    .many(ENTRIES, STRIDE),
    // ingr.h:838-1003. Source port matching is not modelled.
    Reg::one("SAM_MASK", 0x1007, Dir::Ingress, 0, u32::MAX, Access::Rw)
        .many(ENTRIES, STRIDE)
        .unmodelled_bits(0x0008_0000),
    // egr.h:1106: no SCI or TCI/AN compare on egress.
    Reg::one("SAM_MASK", 0x1007, Dir::Egress, 0, 0x007f_ffff, Access::Rw)
        .many(ENTRIES, STRIDE)
        .unmodelled_bits(0x0008_0000),
    // ingr.h:1016-1036.
    Reg::one(
        "SAM_EXT_MATCH",
        0x1008,
        Dir::Both,
        0,
        0x0000_7fff,
        Access::Rw,
    )
    .many(ENTRIES, STRIDE),
    // ingr.h:1049-1082: header bypass is not modelled.
    Reg::one("SAM_HDR_BYPASS", 0x1009, Dir::Both, 0, u32::MAX, Access::Rw)
        .words(4)
        .many(ENTRIES, STRIDE)
        .unmodelled(),
    // ingr.h:1097. Readable; MESA changes it only through SET/CLEAR/TOGGLE.
    Reg::one(
        "SAM_ENTRY_ENABLE1",
        ENTRY_ENABLE1,
        Dir::Both,
        0,
        ENTRY_BITS,
        Access::Rw,
    ),
    // ingr.h:1106, 1124, 1142, 1160: entries 32-63, which a 16-SA part lacks.
    Reg::one(
        "SAM_ENTRY_ENABLE2",
        ENTRY_ENABLE2,
        Dir::Both,
        0,
        0,
        Access::Rw,
    ),
    Reg::one(
        "SAM_ENTRY_TOGGLE2",
        ENTRY_TOGGLE2,
        Dir::Both,
        0,
        0,
        Access::Action,
    ),
    Reg::one(
        "SAM_ENTRY_SET2",
        ENTRY_SET2,
        Dir::Both,
        0,
        0,
        Access::Action,
    ),
    Reg::one(
        "SAM_ENTRY_CLEAR2",
        ENTRY_CLEAR2,
        Dir::Both,
        0,
        0,
        Access::Action,
    ),
    // ingr.h:1115, 1133, 1151.
    Reg::one(
        "SAM_ENTRY_TOGGLE1",
        ENTRY_TOGGLE1,
        Dir::Both,
        0,
        ENTRY_BITS,
        Access::Action,
    ),
    Reg::one(
        "SAM_ENTRY_SET1",
        ENTRY_SET1,
        Dir::Both,
        0,
        ENTRY_BITS,
        Access::Action,
    ),
    Reg::one(
        "SAM_ENTRY_CLEAR1",
        ENTRY_CLEAR1,
        Dir::Both,
        0,
        ENTRY_BITS,
        Access::Action,
    ),
    // ingr.h:1172-1220.
    Reg::one(
        "SAM_IN_FLIGHT",
        IN_FLIGHT,
        Dir::Both,
        0,
        0x8000_3f3f,
        Access::Special,
    ),
    // ingr.h:1240-1366. Drop-non-reserved and crypt-authenticate are not
    // modelled.
    Reg::one(
        "SAM_FLOW_CTRL_IGR",
        0x1c00,
        Dir::Ingress,
        0,
        flow::DEFINED_INGRESS,
        Access::Rw,
    )
    .many(ENTRIES, 1)
    .unmodelled_bits(0x0000_0030),
    // egr.h:1481-1651. Crypt-authenticate is not modelled.
    Reg::one(
        "SAM_FLOW_CTRL_EGR",
        0x1c00,
        Dir::Egress,
        0,
        flow::DEFINED_EGRESS,
        Access::Rw,
    )
    .many(ENTRIES, 1)
    .unmodelled_bits(0x0000_0020),
];
