// SPDX-License-Identifier: GPL-2.0

//! The simulator's register description (`regdesc/`) against MESA's
//! register headers, register by register.
//!
//! `data/mesa_{ingr,egr}.tsv` are the facts of MESA's Malibu MACsec
//! register headers at commit de9093a0 (addresses, replication, described
//! bits, header line), extracted by `tools/mesa_regtable.py`. Every register
//! MESA has on the 1G part must be described with exactly MESA's bits, and
//! every address the simulator describes must be one MESA has, except for
//! the deviations listed here, each with its reason. Reset values and
//! access kinds MESA states in its text are checked against a bank after
//! power-on.

mod common;

use rsmacsec_host::regdesc::map::{self, Access};
use rsmacsec_host::regdesc::Field;
use rsmacsec_host::regs::macsec_bank::MacsecBank;
use rsmacsec_host::regs::misuse::Kind;

/// One register of a MESA header.
#[derive(Debug)]
struct Mesa {
    name: String,
    addr: u16,
    count: u16,
    stride: u16,
    bits: u32,
    line: u32,
}

fn table(ingress: bool) -> Vec<Mesa> {
    let text = if ingress {
        include_str!("data/mesa_ingr.tsv")
    } else {
        include_str!("data/mesa_egr.tsv")
    };
    text.lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let hex = |s: &str| u32::from_str_radix(s.trim_start_matches("0x"), 16).unwrap();
            Mesa {
                name: f[0].to_string(),
                addr: hex(f[1]) as u16,
                count: f[2].parse().unwrap(),
                stride: f[3].parse().unwrap(),
                bits: hex(f[4]),
                line: f[5].parse().unwrap(),
            }
        })
        .collect()
}

/// Replicas on the VSC8584: 16 of the 64 SA flows (`EIP160_CONFIG`,
/// `ingr.h:6775`), every replica of the other replicated registers.
fn replicas(r: &Mesa) -> u16 {
    if r.count == 64 {
        16
    } else {
        r.count
    }
}

/// What the simulator does differently from a MESA register, and why.
enum Deviation {
    /// Not described: a bus write there is flagged as misuse.
    Absent(&'static str),
    /// Described with these bits instead.
    Bits(u32, &'static str),
}

/// The deviations, by MESA's register name.
fn deviation(name: &str) -> Option<Deviation> {
    use Deviation::*;
    let ends = |s: &str| name.ends_with(s);
    let has = |s: &str| name.contains(s);
    Some(
        if has("_FRM_CLASS_DEBUG_")
            || has("_SA_MATCH_DEBUG_")
            || has("_CRYPTO_HDR_BYPASS_DEBUG_")
            || has("_CAPT_DEBUG_")
            || has("_IG_CC_DEBUG")
            || has("_COUNT_DEBUG")
            || has("_CRYPTO_RESULT_DEBUG")
            || has("_CRYPTO_DEBUG_CNTR")
            || has("_DBG_PP_DROP_")
            || has("_MACSEC_DEBUG_REG_")
        {
            Absent("debug access to internal state; a driver has no business there")
        } else if ends("_MACSEC_STICKY") || ends("_MACSEC_STICKY_MASK") {
            Bits(0xe8, "bit 3: ENG_IRQ, which MESA sets (api.c:190-191)")
        } else if ends("_CONTEXT_CTRL") {
            Bits(
                0xffff_06ff,
                "bit 9: MESA and the C driver write it (api.c:1645)",
            )
        } else if ends("_SAM_ENTRY_ENABLE1")
            || ends("_SAM_ENTRY_TOGGLE1")
            || ends("_SAM_ENTRY_SET1")
            || ends("_SAM_ENTRY_CLEAR1")
            || ends("_IG_CC_ENABLE1")
        {
            Bits(0xffff, "16 entries on the 1G part (ingr.h:6775)")
        } else if ends("_SAM_ENTRY_ENABLE2")
            || ends("_SAM_ENTRY_TOGGLE2")
            || ends("_SAM_ENTRY_SET2")
            || ends("_SAM_ENTRY_CLEAR2")
            || ends("_IG_CC_ENABLE2")
        {
            Bits(0, "entries 32-63, which the 1G part lacks")
        } else if ends("_SAM_SCI_MATCH_LO_RESERVED") || ends("_SAM_SCI_MATCH_HI_RESERVED") {
            Bits(0, "reserved on egress: no SCI compare (egr.h:5652-5662)")
        } else {
            return None;
        },
    )
}

fn check_direction(ingress: bool) -> Vec<String> {
    let mut errors = Vec::new();
    let dir = if ingress { "ingress" } else { "egress" };
    let file = if ingress { "ingr.h" } else { "egr.h" };
    for r in table(ingress) {
        let dev = deviation(&r.name);
        for k in 0..replicas(&r) {
            let addr = r.addr + k * r.stride;
            let here = format!("{dir} {} [{k}] {addr:#06x} ({file}:{})", r.name, r.line);
            match (map::lookup(addr, ingress), &dev) {
                (None, Some(Deviation::Absent(_))) => {}
                (Some(d), Some(Deviation::Absent(why))) => errors.push(format!(
                    "{here}: described as {} although absent ({why})",
                    d.name
                )),
                (None, _) => errors.push(format!("{here}: not described")),
                (_, Some(Deviation::Bits(bits, why))) if *bits == r.bits => {
                    errors.push(format!("{here}: deviation \"{why}\" is MESA's own"))
                }
                (Some(d), Some(Deviation::Bits(bits, why))) if d.defined != *bits => {
                    errors.push(format!(
                        "{here}: bits {:#010x}, deviation ({why}) says {bits:#010x}",
                        d.defined
                    ))
                }
                (Some(_), Some(Deviation::Bits(..))) => {}
                (Some(d), None) if d.defined != r.bits => errors.push(format!(
                    "{here}: bits {:#010x}, MESA {:#010x}",
                    d.defined, r.bits
                )),
                (Some(_), None) => {}
            }
        }
    }
    // Nothing is described where MESA has no register.
    let mesa = table(ingress);
    let known = |addr: u16| {
        mesa.iter()
            .any(|r| (0..replicas(r)).any(|k| r.addr + k * r.stride == addr))
    };
    for addr in 0..0x4000u16 {
        if let Some(d) = map::lookup(addr, ingress) {
            if !known(addr) {
                errors.push(format!("{dir} {addr:#06x}: {} is not in {file}", d.name));
            }
        }
    }
    errors
}

#[test]
fn every_register_has_mesas_address_and_bits() {
    let mut errors = check_direction(true);
    errors.extend(check_direction(false));
    assert!(
        errors.is_empty(),
        "{} errors:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

#[test]
fn the_mesa_tables_are_the_1g_engines() {
    // A truncated or mis-extracted table would let the check above pass
    // vacuously: pin the counts and a few rows.
    let ingr = table(true);
    let egr = table(false);
    assert_eq!((ingr.len(), egr.len()), (228, 191));
    let find = |t: &[Mesa], n: &str| {
        t.iter()
            .find(|r| r.name.ends_with(n))
            .map(|r| (r.addr, r.bits))
    };
    assert_eq!(find(&ingr, "_MACSEC_ENA_CFG"), Some((0x0800, 0x1f03)));
    assert_eq!(find(&egr, "_MACSEC_ENA_CFG"), Some((0x0800, 0x1f03)));
    assert_eq!(find(&ingr, "_NEXT_PN_CTRL"), Some((0x3d23, 0xffff_fff7)));
    assert_eq!(find(&egr, "XFORM_REC_DATA23"), Some((0x0017, u32::MAX)));
    assert_eq!(find(&ingr, "XFORM_REC_DATA23"), None);
}

/// Reset values MESA's text states (`ingr.h` / `egr.h` line of the text),
/// and those the simulator chose where it says nothing, each checked on a
/// bank after power-on.
const RESETS: &[(u16, bool, u32, &str)] = &[
    (
        0x1e41,
        true,
        0xa888_0081,
        "SAM_PP_TAGS 0x8100, 0x88a8 (ingr.h:1868-1884)",
    ),
    (
        0x1e42,
        true,
        0x0092_0091,
        "SAM_PP_TAGS2 0x9100, 0x9200 (ingr.h:1900-1924)",
    ),
    (
        0x1e24,
        true,
        0x00c2_8001,
        "CP_MAC_DA_44_BITS_LO 01-80-C2-00 (ingr.h:1544)",
    ),
    (
        0x1e25,
        true,
        0x0000_0000,
        "CP_MAC_DA_44_BITS_HI 00-0x (ingr.h:1544-1558)",
    ),
    (
        0x1e26,
        true,
        0xcc0c_0001,
        "CP_MAC_DA_48_BITS_LO 01-00-0C-CC (ingr.h:1587)",
    ),
    (
        0x1e27,
        true,
        0x0000_cccc,
        "CP_MAC_DA_48_BITS_HI CC-CC (ingr.h:1587-1593)",
    ),
    (
        0x1e50,
        true,
        0xe588_007f,
        "SAM_NM_PARAMS checks on, 0x88E5 (ingr.h:1959-2019); CHECK_PN a choice",
    ),
    (0x3c40, true, 1518, "VLAN_MTU_CHECK (ingr.h:6079-6081)"),
    (0x3c47, false, 1518, "VLAN_MTU_CHECK (egr.h)"),
    (0x3c48, true, 1514, "NON_VLAN_MTU_CHECK (ingr.h:6114-6116)"),
    (0x3c48, false, 1514, "NON_VLAN_MTU_CHECK (egr.h)"),
    (
        0x3d02,
        true,
        0xe588_0000,
        "CONTEXT_CTRL EtherType (ingr.h:7273); the rest a choice",
    ),
    (0x3a11, true, 0x05ff_0000, "IG_CC_TAGS (ingr.h:5652-5664)"),
    (
        0x3205,
        true,
        0x001f_3fff,
        "COUNT_INCEN1 ingress: every counter on",
    ),
    (
        0x3205,
        false,
        0x001f_007f,
        "COUNT_INCEN1 egress: every counter on",
    ),
    (0x3206, true, 0x0003_ffff, "COUNT_INCEN2 ingress"),
    (0x3206, false, 0x0000_01ff, "COUNT_INCEN2 egress"),
    (
        0x0800,
        true,
        0x0000_0102,
        "ENA_CFG: a choice (bypass, in reset)",
    ),
    (0x0803, true, 0x0000_0008, "STICKY_MASK: a choice (variant)"),
    (
        0x3a10,
        true,
        0,
        "IG_CC_CONTROL: a choice (both actions drop)",
    ),
    (0x1e40, true, 0, "SAM_CP_TAG: a choice (nothing parsed)"),
    (0x1e5f, false, 0, "MISC_CONTROL: a choice"),
    (0x3d0c, false, 0, "BLOCK_CTX_UPDATE: a choice"),
];

#[test]
fn power_on_values() {
    for (addr, ingress, want, what) in RESETS {
        let mut b = MacsecBank::new(*ingress);
        assert_eq!(b.read(*addr), *want, "{what}");
        let d = map::lookup(*addr, *ingress).unwrap();
        assert_eq!(d.reset, *want, "{what}");
    }
    // The identification registers (`ingr.h:6617-6812`): version 1.1.0
    // (a choice), 16 SAs, the configuration MESA reads.
    let mut i = MacsecBank::new(true);
    let mut e = MacsecBank::new(false);
    assert_eq!(i.read(0x3ffe) & 0xff, 16);
    assert_eq!(e.read(0x3ffe) & 0xff, 16);
}

#[test]
fn every_reserved_bit_is_flagged_and_every_described_one_is_not() {
    // For each plain read/write register: writing its described bits is no
    // misuse (unless unmodelled), writing the others is.
    for ingress in [true, false] {
        for addr in 0..0x4000u16 {
            let Some(d) = map::lookup(addr, ingress) else {
                continue;
            };
            if d.access != Access::Rw {
                continue;
            }
            let mut b = MacsecBank::new(ingress);
            b.write(addr, d.defined & !d.unmodelled);
            let kinds: Vec<Kind> = b.misuse().entries().map(|e| e.kind).collect();
            assert!(kinds.is_empty(), "{} {addr:#06x}: {kinds:?}", d.name);
            if d.defined == u32::MAX {
                continue;
            }
            let mut b = MacsecBank::new(ingress);
            b.write(addr, !d.defined);
            let e = b.misuse().entries().find(|e| e.kind == Kind::ReservedBits);
            assert_eq!(
                e.map(|e| e.detail),
                Some(!d.defined),
                "{} {addr:#06x}",
                d.name
            );
        }
    }
}

/// Every field of the simulator's description with the MESA field it
/// describes: (MESA register name ends with, MESA field, field, ingress
/// header or egress one).
fn field_table() -> Vec<(&'static str, &'static str, Field, bool)> {
    use rsmacsec_host::regdesc::classifier::{
        cp_44_hi, cp_da_et, cp_enable, cp_mode, cp_tag, hdr_ext, misc_control, nm_lane, nm_params,
        pp_tags,
    };
    use rsmacsec_host::regdesc::crypto::{block_ctx, context_ctrl, intr, next_pn_ctrl};
    use rsmacsec_host::regdesc::ctl::{ena_cfg, sticky};
    use rsmacsec_host::regdesc::ident::config2;
    use rsmacsec_host::regdesc::postproc::{ig_cc_control, mtu, pp_ctrl};
    use rsmacsec_host::regdesc::sam::{da_hi, ext, flow, in_flight, mask, misc, sa_hi};
    use rsmacsec_host::regdesc::stats::{count_control, incen1};
    const I: bool = true;
    const E: bool = false;
    vec![
        ("_MACSEC_ENA_CFG", "CLK_ENA", ena_cfg::CLK_ENA, I),
        ("_MACSEC_ENA_CFG", "SW_RST", ena_cfg::SW_RST, I),
        (
            "_MACSEC_ENA_CFG",
            "MACSEC_BYPASS_ENA",
            ena_cfg::MACSEC_BYPASS_ENA,
            I,
        ),
        ("_MACSEC_ENA_CFG", "MACSEC_ENA", ena_cfg::MACSEC_ENA, I),
        (
            "_MACSEC_ENA_CFG",
            "MACSEC_SPEED_MODE",
            ena_cfg::MACSEC_SPEED_MODE,
            I,
        ),
        (
            "_MACSEC_STICKY",
            "PKT64TO128_FIFO_OVERFLOW_STICKY",
            sticky::PKT64TO128_FIFO_OVERFLOW,
            I,
        ),
        (
            "_MACSEC_STICKY",
            "SA_STORE_RAM_INTEGRITY_ERROR_STICKY",
            sticky::SA_STORE_RAM_INTEGRITY_ERROR,
            I,
        ),
        (
            "_MACSEC_STICKY",
            "STAT_RAM_INTEGRITY_ERROR_STICKY",
            sticky::STAT_RAM_INTEGRITY_ERROR,
            I,
        ),
        (
            "_SAM_MAC_SA_MATCH_HI",
            "MAC_SA_MATCH_15_TO_0",
            sa_hi::MAC_15_TO_0,
            I,
        ),
        ("_SAM_MAC_SA_MATCH_HI", "ETHER_TYPE", sa_hi::ETHER_TYPE, I),
        (
            "_SAM_MAC_DA_MATCH_HI",
            "MAC_DA_MATCH_15_TO_0",
            da_hi::MAC_15_TO_0,
            I,
        ),
        ("_SAM_MAC_DA_MATCH_HI", "VLAN_ID", da_hi::VLAN_ID, I),
        ("_SAM_MISC_MATCH", "VLAN_VALID", misc::VLAN_VALID, I),
        ("_SAM_MISC_MATCH", "QINQ_FOUND", misc::QINQ_FOUND, I),
        ("_SAM_MISC_MATCH", "STAG_VALID", misc::STAG_VALID, I),
        ("_SAM_MISC_MATCH", "QTAG_VALID", misc::QTAG_VALID, I),
        ("_SAM_MISC_MATCH", "VLAN_UP", misc::VLAN_UP, I),
        ("_SAM_MISC_MATCH", "CONTROL_PACKET", misc::CONTROL_PACKET, I),
        ("_SAM_MISC_MATCH", "UNTAGGED", misc::UNTAGGED, I),
        ("_SAM_MISC_MATCH", "TAGGED", misc::TAGGED, I),
        ("_SAM_MISC_MATCH", "BAD_TAG", misc::BAD_TAG, I),
        ("_SAM_MISC_MATCH", "KAY_TAG", misc::KAY_TAG, I),
        ("_SAM_MISC_MATCH", "SOURCE_PORT", misc::SOURCE_PORT, I),
        ("_SAM_MISC_MATCH", "MATCH_PRIORITY", misc::MATCH_PRIORITY, I),
        ("_SAM_MISC_MATCH", "MACSEC_TCI_AN", misc::MACSEC_TCI_AN, I),
        ("_SAM_MASK", "MAC_SA_MASK", mask::MAC_SA_MASK, I),
        ("_SAM_MASK", "MAC_DA_MASK", mask::MAC_DA_MASK, I),
        ("_SAM_MASK", "MAC_ETYPE_MASK", mask::MAC_ETYPE_MASK, I),
        ("_SAM_MASK", "VLAN_VLD_MASK", mask::VLAN_VLD_MASK, I),
        ("_SAM_MASK", "QINQ_FOUND_MASK", mask::QINQ_FOUND_MASK, I),
        ("_SAM_MASK", "STAG_VLD_MASK", mask::STAG_VLD_MASK, I),
        ("_SAM_MASK", "QTAG_VLD_MASK", mask::QTAG_VLD_MASK, I),
        ("_SAM_MASK", "VLAN_UP_MASK", mask::VLAN_UP_MASK, I),
        ("_SAM_MASK", "VLAN_ID_MASK", mask::VLAN_ID_MASK, I),
        ("_SAM_MASK", "SOURCE_PORT_MASK", mask::SOURCE_PORT_MASK, I),
        ("_SAM_MASK", "CTL_PACKET_MASK", mask::CTL_PACKET_MASK, I),
        (
            "_SAM_MASK",
            "VLAN_UP_INNER_MASK",
            mask::VLAN_UP_INNER_MASK,
            I,
        ),
        (
            "_SAM_MASK",
            "VLAN_ID_INNER_MASK",
            mask::VLAN_ID_INNER_MASK,
            I,
        ),
        ("_SAM_MASK", "MACSEC_SCI_MASK", mask::MACSEC_SCI_MASK, I),
        ("_SAM_MASK", "TCI_AN_MASK", mask::TCI_AN_MASK, I),
        ("_SAM_EXT_MATCH", "VLAN_ID_INNER", ext::VLAN_ID_INNER, I),
        ("_SAM_EXT_MATCH", "VLAN_UP_INNER", ext::VLAN_UP_INNER, I),
        ("_SAM_IN_FLIGHT", "UNSAFE", in_flight::UNSAFE, I),
        ("_SAM_IN_FLIGHT", "IN_FLIGHT", in_flight::IN_FLIGHT, I),
        ("_SAM_IN_FLIGHT", "LOAD_UNSAFE", in_flight::LOAD_UNSAFE, I),
        ("_SAM_FLOW_CTRL_IGR", "FLOW_TYPE", flow::FLOW_TYPE, I),
        ("_SAM_FLOW_CTRL_IGR", "DEST_PORT", flow::DEST_PORT, I),
        (
            "_SAM_FLOW_CTRL_IGR",
            "DROP_NON_RESERVED",
            flow::DROP_NON_RESERVED,
            I,
        ),
        (
            "_SAM_FLOW_CTRL_IGR",
            "FLOW_CRYPT_AUTH",
            flow::FLOW_CRYPT_AUTH,
            I,
        ),
        ("_SAM_FLOW_CTRL_IGR", "DROP_ACTION", flow::DROP_ACTION, I),
        (
            "_SAM_FLOW_CTRL_IGR",
            "REPLAY_PROTECT",
            flow::REPLAY_PROTECT,
            I,
        ),
        ("_SAM_FLOW_CTRL_IGR", "SA_IN_USE", flow::SA_IN_USE, I),
        (
            "_SAM_FLOW_CTRL_IGR",
            "VALIDATE_FRAMES",
            flow::VALIDATE_FRAMES,
            I,
        ),
        (
            "_SAM_FLOW_CTRL_IGR",
            "CONFIDENTIALITY_OFFSET",
            flow::CONFIDENTIALITY_OFFSET,
            I,
        ),
        ("_SAM_FLOW_CTRL_EGR", "FLOW_TYPE", flow::FLOW_TYPE, E),
        ("_SAM_FLOW_CTRL_EGR", "DEST_PORT", flow::DEST_PORT, E),
        (
            "_SAM_FLOW_CTRL_EGR",
            "FLOW_CRYPT_AUTH",
            flow::FLOW_CRYPT_AUTH,
            E,
        ),
        ("_SAM_FLOW_CTRL_EGR", "DROP_ACTION", flow::DROP_ACTION, E),
        (
            "_SAM_FLOW_CTRL_EGR",
            "PROTECT_FRAME",
            flow::PROTECT_FRAME,
            E,
        ),
        ("_SAM_FLOW_CTRL_EGR", "SA_IN_USE", flow::SA_IN_USE, E),
        ("_SAM_FLOW_CTRL_EGR", "INCLUDE_SCI", flow::INCLUDE_SCI, E),
        ("_SAM_FLOW_CTRL_EGR", "USE_ES", flow::USE_ES, E),
        ("_SAM_FLOW_CTRL_EGR", "USE_SCB", flow::USE_SCB, E),
        (
            "_SAM_FLOW_CTRL_EGR",
            "TAG_BYPASS_SIZE",
            flow::TAG_BYPASS_SIZE,
            E,
        ),
        (
            "_SAM_FLOW_CTRL_EGR",
            "CONFIDENTIALITY_OFFSET",
            flow::CONFIDENTIALITY_OFFSET,
            E,
        ),
        ("_SAM_FLOW_CTRL_EGR", "CONF_PROTECT", flow::CONF_PROTECT, E),
        (
            "_CP_MAC_DA_ET_MATCH",
            "MAC_DA_MATCH_15_TO_0",
            cp_da_et::MAC_DA_MATCH_15_TO_0,
            I,
        ),
        (
            "_CP_MAC_DA_ET_MATCH",
            "ETHER_TYPE_MATCH",
            cp_da_et::ETHER_TYPE_MATCH,
            I,
        ),
        (
            "_CP_MAC_DA_44_BITS_HI",
            "MAC_DA_44_BITS_15_TO_8",
            cp_44_hi::MAC_DA_44_BITS_15_TO_8,
            I,
        ),
        (
            "_CP_MAC_DA_44_BITS_HI",
            "MAC_DA_44_BITS_7_TO_4",
            cp_44_hi::MAC_DA_44_BITS_7_TO_4,
            I,
        ),
        (
            "_CP_MATCH_MODE",
            "ETYPE_SEL_9_TO_0",
            cp_mode::ETYPE_SEL_9_TO_0,
            I,
        ),
        (
            "_CP_MATCH_MODE",
            "ETYPE_SEL_17_TO_10",
            cp_mode::ETYPE_SEL_17_TO_10,
            I,
        ),
        (
            "_CP_MATCH_ENABLE",
            "MAC_DA_ENABLE_7_TO_0",
            cp_enable::MAC_DA_ENABLE_7_TO_0,
            I,
        ),
        (
            "_CP_MATCH_ENABLE",
            "ETYPE_ENABLE_7_TO_0",
            cp_enable::ETYPE_ENABLE_7_TO_0,
            I,
        ),
        (
            "_CP_MATCH_ENABLE",
            "COMB_ENABLE_9_TO_8",
            cp_enable::COMB_ENABLE_9_TO_8,
            I,
        ),
        (
            "_CP_MATCH_ENABLE",
            "RANGE_ENABLE",
            cp_enable::RANGE_ENABLE,
            I,
        ),
        (
            "_CP_MATCH_ENABLE",
            "CONST_44_ENABLE",
            cp_enable::CONST_44_ENABLE,
            I,
        ),
        (
            "_CP_MATCH_ENABLE",
            "CONST_48_ENABLE",
            cp_enable::CONST_48_ENABLE,
            I,
        ),
        (
            "_CP_MATCH_ENABLE",
            "ETYPE_ENABLE_17_TO_10",
            cp_enable::ETYPE_ENABLE_17_TO_10,
            I,
        ),
        ("_SAM_CP_TAG", "MAP_TBL", cp_tag::MAP_TBL, I),
        ("_SAM_CP_TAG", "DEF_UP", cp_tag::DEF_UP, I),
        ("_SAM_CP_TAG", "STAG_UP_EN", cp_tag::STAG_UP_EN, I),
        ("_SAM_CP_TAG", "QTAG_UP_EN", cp_tag::QTAG_UP_EN, I),
        ("_SAM_CP_TAG", "PARSE_QINQ", cp_tag::PARSE_QINQ, I),
        ("_SAM_CP_TAG", "PARSE_STAG", cp_tag::PARSE_STAG, I),
        ("_SAM_CP_TAG", "PARSE_QTAG", cp_tag::PARSE_QTAG, I),
        ("_SAM_PP_TAGS", "QTAG_VALUE", pp_tags::QTAG_VALUE, I),
        ("_SAM_PP_TAGS", "STAG_VALUE", pp_tags::STAG_VALUE, I),
        ("_SAM_PP_TAGS2", "STAG_VALUE2", pp_tags::STAG_VALUE2, I),
        ("_SAM_PP_TAGS2", "STAG_VALUE3", pp_tags::STAG_VALUE3, I),
        ("_SAM_NM_PARAMS", "COMP_ETYPE", nm_params::COMP_ETYPE, I),
        ("_SAM_NM_PARAMS", "CHECK_V", nm_params::CHECK_V, I),
        ("_SAM_NM_PARAMS", "CHECK_KAY", nm_params::CHECK_KAY, I),
        ("_SAM_NM_PARAMS", "CHECK_C_E", nm_params::CHECK_C_E, I),
        ("_SAM_NM_PARAMS", "CHECK_SC", nm_params::CHECK_SC, I),
        ("_SAM_NM_PARAMS", "CHECK_SL", nm_params::CHECK_SL, I),
        ("_SAM_NM_PARAMS", "CHECK_PN", nm_params::CHECK_PN, I),
        (
            "_SAM_NM_PARAMS",
            "MACSEC_TAG_VALUE",
            nm_params::MACSEC_TAG_VALUE,
            I,
        ),
        (
            "_SAM_NM_FLOW_NCP",
            "NCP_UNTAGGED_FLOW_TYPE",
            nm_lane::FLOW_TYPE,
            I,
        ),
        (
            "_SAM_NM_FLOW_NCP",
            "NCP_UNTAGGED_DEST_PORT",
            nm_lane::DEST_PORT,
            I,
        ),
        (
            "_SAM_NM_FLOW_NCP",
            "NCP_UNTAGGED_DROP_NON_RESERVED",
            nm_lane::DROP_NON_RESERVED,
            I,
        ),
        (
            "_SAM_NM_FLOW_NCP",
            "NCP_UNTAGGED_DROP_ACTION",
            nm_lane::DROP_ACTION,
            I,
        ),
        (
            "_SAM_NM_FLOW_CP",
            "CP_UNTAGGED_DROP_ACTION",
            nm_lane::DROP_ACTION,
            E,
        ),
        (
            "_MISC_CONTROL",
            "MC_LATENCY_FIX",
            misc_control::MC_LATENCY_FIX,
            I,
        ),
        (
            "_MISC_CONTROL",
            "STATIC_BYPASS",
            misc_control::STATIC_BYPASS,
            I,
        ),
        (
            "_MISC_CONTROL",
            "NM_MACSEC_EN",
            misc_control::NM_MACSEC_EN,
            I,
        ),
        (
            "_MISC_CONTROL",
            "VALIDATE_FRAMES",
            misc_control::VALIDATE_FRAMES,
            I,
        ),
        (
            "_MISC_CONTROL",
            "XFORM_REC_SIZE",
            misc_control::XFORM_REC_SIZE,
            I,
        ),
        (
            "_HDR_EXT_CTRL",
            "HB_ETYPE_MATCH",
            hdr_ext::HB_ETYPE_MATCH,
            I,
        ),
        (
            "_HDR_EXT_CTRL",
            "HDR_BYPASS_LEN",
            hdr_ext::HDR_BYPASS_LEN,
            I,
        ),
        (
            "_HDR_EXT_CTRL",
            "SECTAG_AFTER_VLAN",
            hdr_ext::SECTAG_AFTER_VLAN,
            I,
        ),
        (
            "_HDR_EXT_CTRL",
            "HB_E_TYPE_MATCH_EN",
            hdr_ext::HB_E_TYPE_MATCH_EN,
            I,
        ),
        ("_COUNT_CONTROL", "RESET_ALL", count_control::RESET_ALL, I),
        (
            "_COUNT_CONTROL",
            "DEBUG_ACCESS",
            count_control::DEBUG_ACCESS,
            I,
        ),
        (
            "_COUNT_CONTROL",
            "SATURATE_CNTRS",
            count_control::SATURATE_CNTRS,
            I,
        ),
        (
            "_COUNT_CONTROL",
            "AUTO_CNTR_RESET",
            count_control::AUTO_CNTR_RESET,
            I,
        ),
        (
            "_COUNT_INCEN1",
            "SA_INCREMENT_ENABLE",
            incen1::SA_INCREMENT_ENABLE,
            I,
        ),
        (
            "_COUNT_INCEN1",
            "VLAN_INCREMENT_ENABLE",
            incen1::VLAN_INCREMENT_ENABLE,
            I,
        ),
        (
            "_IG_CC_CONTROL",
            "NON_MATCH_CTRL_ACT",
            ig_cc_control::NON_MATCH_CTRL_ACT,
            I,
        ),
        (
            "_IG_CC_CONTROL",
            "NON_MATCH_ACT",
            ig_cc_control::NON_MATCH_ACT,
            I,
        ),
        ("_VLAN_MTU_CHECK", "MTU_COMPARE", mtu::COMPARE, I),
        ("_VLAN_MTU_CHECK", "MTU_COMP_DROP", mtu::COMP_DROP, I),
        ("_NON_VLAN_MTU_CHECK", "NV_MTU_COMPARE", mtu::COMPARE, I),
        ("_NON_VLAN_MTU_CHECK", "NV_MTU_COMP_DROP", mtu::COMP_DROP, I),
        (
            "_PP_CTRL",
            "MACSEC_OCTET_INCR_MODE",
            pp_ctrl::MACSEC_OCTET_INCR_MODE,
            I,
        ),
        ("_CONTEXT_CTRL", "CTX_SIZE", context_ctrl::CTX_SIZE, I),
        (
            "_CONTEXT_CTRL",
            "THRESHOLD_MODE",
            context_ctrl::THRESHOLD_MODE,
            I,
        ),
        (
            "_CONTEXT_CTRL",
            "MACSEC_ETYPE",
            context_ctrl::MACSEC_ETYPE,
            I,
        ),
        ("_INTR_CTRL_STATUS", "INTR_CLR_STATUS", intr::STATUS, E),
        ("_INTR_CTRL_STATUS", "INTR_ENABLE", intr::ENABLE, E),
        (
            "_BLOCK_CTX_UPDATE",
            "BLOCK_CTX_UPDATES",
            block_ctx::BLOCK_CTX_UPDATES,
            E,
        ),
        (
            "_NEXT_PN_CTRL",
            "ENABLE_UPDATE",
            next_pn_ctrl::ENABLE_UPDATE,
            I,
        ),
        (
            "_NEXT_PN_CTRL",
            "NEXT_PN_WRITTEN",
            next_pn_ctrl::NEXT_PN_WRITTEN,
            I,
        ),
        (
            "_NEXT_PN_CTRL",
            "SEQ_NUM_SIZE",
            next_pn_ctrl::SEQ_NUM_SIZE,
            I,
        ),
        (
            "_NEXT_PN_CTRL",
            "NEXT_PN_CTX_ADDR",
            next_pn_ctrl::NEXT_PN_CTX_ADDR,
            I,
        ),
        ("_EIP160_CONFIG2", "SA_COUNTERS", config2::SA_COUNTERS, I),
        ("_EIP160_CONFIG2", "VL_COUNTERS", config2::VL_COUNTERS, I),
        (
            "_EIP160_CONFIG2",
            "GLOBAL_COUNTERS",
            config2::GLOBAL_COUNTERS,
            I,
        ),
        (
            "_EIP160_CONFIG2",
            "SATURATE_COUNTERS",
            config2::SATURATE_COUNTERS,
            I,
        ),
        (
            "_EIP160_CONFIG2",
            "AUTO_COUNTER_RESET",
            config2::AUTO_COUNTER_RESET,
            I,
        ),
        (
            "_EIP160_CONFIG2",
            "SA_OCTET_CNTRS",
            config2::SA_OCTET_CNTRS,
            I,
        ),
        (
            "_EIP160_CONFIG2",
            "VL_OCTET_CNTRS",
            config2::VL_OCTET_CNTRS,
            I,
        ),
        ("_EIP160_CONFIG2", "INGRESS_ONLY", config2::INGRESS_ONLY, I),
        ("_EIP160_CONFIG2", "EGRESS_ONLY", config2::EGRESS_ONLY, I),
        ("_EIP160_CONFIG2", "TAG_BYPASS", config2::TAG_BYPASS, I),
    ]
}

fn field_rows(ingress: bool) -> Vec<(String, String, u32, u32)> {
    let text = if ingress {
        include_str!("data/mesa_ingr_fields.tsv")
    } else {
        include_str!("data/mesa_egr_fields.tsv")
    };
    text.lines()
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            (
                f[0].into(),
                f[1].into(),
                f[2].parse().unwrap(),
                f[3].parse().unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_field_has_mesas_position_and_width() {
    let (ingr, egr) = (field_rows(true), field_rows(false));
    assert_eq!((ingr.len(), egr.len()), (405, 341), "MESA field tables");
    let mut errors = Vec::new();
    for (reg, name, field, ingress) in field_table() {
        let rows = if ingress { &ingr } else { &egr };
        let hits: Vec<_> = rows
            .iter()
            .filter(|r| r.0.ends_with(reg) && r.1 == name)
            .collect();
        match hits.as_slice() {
            [r] if (r.2, r.3) == (field.lsb, field.width) => {}
            [r] => errors.push(format!(
                "{reg}.{name}: bits {}+{}, MESA {}+{}",
                field.lsb, field.width, r.2, r.3
            )),
            _ => errors.push(format!("{reg}.{name}: {} MESA rows", hits.len())),
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

/// How a register behaves on the bus, as MESA's text describes it.
#[derive(Clone, Copy, Debug)]
enum Behaves {
    /// Reads back what was written.
    ReadWrite(u32),
    /// Ignores writes.
    ReadOnly,
    /// A write of the value acts once, leaving the register at the address
    /// given with the value given; the action register reads 0.
    WriteAction(u32, u16, u32),
    /// Set by the hardware, a 1 written clears.
    WriteOneClear(u32),
    /// A counter word: reads clear it when `AUTO_CNTR_RESET` is set.
    ClearOnRead,
}

/// One register of each kind per area: (address, ingress, behaviour, source).
const ACCESS: &[(u16, bool, Behaves, &str)] = &[
    (
        0x0013,
        true,
        Behaves::ReadWrite(0xdead_beef),
        "XFORM_REC_DATA19 ingr.h:541",
    ),
    (
        0x0017,
        false,
        Behaves::ReadWrite(0x1234_5678),
        "XFORM_REC_DATA23 egr.h:823",
    ),
    (
        0x0800,
        true,
        Behaves::ReadWrite(0x1603),
        "MACSEC_ENA_CFG ingr.h:31",
    ),
    (
        0x0802,
        true,
        Behaves::WriteOneClear(0xe0),
        "MACSEC_STICKY ingr.h:169",
    ),
    (
        0x0804,
        false,
        Behaves::ReadWrite(0x7_7ff3),
        "MACSEC_FC_CFG egr.h:261",
    ),
    (
        0x1007,
        true,
        Behaves::ReadWrite(0xffff_ffff),
        "SAM_MASK ingr.h:838",
    ),
    (
        0x1c0f,
        false,
        Behaves::ReadWrite(0xff7f_00ef),
        "SAM_FLOW_CTRL_EGR egr.h:1481",
    ),
    (
        0x1804,
        true,
        Behaves::WriteAction(0x8001, 0x1800, 0x8001),
        "SAM_ENTRY_TOGGLE1 ingr.h:1115",
    ),
    (
        0x1808,
        false,
        Behaves::WriteAction(0x8003, 0x1800, 0x8003),
        "SAM_ENTRY_SET1 egr.h:1374",
    ),
    (
        0x180c,
        true,
        Behaves::WriteAction(0x00ff, 0x1800, 0xff00),
        "SAM_ENTRY_CLEAR1 ingr.h:1151",
    ),
    (
        0x1e3f,
        true,
        Behaves::ReadWrite(0x1f_ffff),
        "CP_MATCH_ENABLE ingr.h:1645",
    ),
    (
        0x1e50,
        false,
        Behaves::ReadWrite(0xe588_0041),
        "SAM_NM_PARAMS egr.h:2238",
    ),
    (
        0x1e5f,
        true,
        Behaves::ReadWrite(0x0100_0f39),
        "MISC_CONTROL ingr.h:2528",
    ),
    (
        0x2000,
        true,
        Behaves::ClearOnRead,
        "IN_OCTETS_DECRYPTED_FIRST_CNTR_LOWER ingr.h:3610",
    ),
    (
        0x2005,
        false,
        Behaves::ClearOnRead,
        "OUT_PKTS_ENCRYPTED_UPPER egr.h:3919",
    ),
    (
        0x3109,
        true,
        Behaves::ClearOnRead,
        "IN_PKTS_TAGGED_UPPER ingr.h:4528",
    ),
    (
        0x3206,
        true,
        Behaves::ReadWrite(0x3_0000),
        "COUNT_INCEN2 ingr.h:5329",
    ),
    (
        0x3a10,
        true,
        Behaves::ReadWrite(0xc000),
        "IG_CC_CONTROL ingr.h:5617",
    ),
    (
        0x3c48,
        false,
        Behaves::ReadWrite(0x8000 | 1000),
        "NON_VLAN_MTU_CHECK egr.h:4984",
    ),
    (
        0x3d02,
        true,
        Behaves::ReadWrite(0xe588_0614),
        "CONTEXT_CTRL ingr.h:7237",
    ),
    (
        0x3d08,
        false,
        Behaves::ReadWrite(0xffff_0000),
        "SEQ_NUM_THRESH egr.h:6439",
    ),
    (
        0x3d0a,
        false,
        Behaves::ReadWrite(0x0000_0001),
        "SEQ_NUM_THRESH_UPPER egr.h:6457",
    ),
    (
        0x3d21,
        true,
        Behaves::ReadWrite(0x0000_0002),
        "NEXT_PN_UPPER ingr.h:7638",
    ),
    (
        0x3e02,
        true,
        Behaves::ReadWrite(0x1f),
        "AIC_ENABLE_CTRL ingr.h:6476",
    ),
    (
        0x3e05,
        false,
        Behaves::WriteAction(0x5, 0x3e02, 0xa),
        "AIC_ENABLE_CLR egr.h:5413",
    ),
    (
        0x3e04,
        true,
        Behaves::WriteOneClear(0x1f),
        "AIC_ENABLED_STAT ingr.h:6529",
    ),
    (0x3e06, true, Behaves::ReadOnly, "AIC_OPTIONS ingr.h:6579"),
    (
        0x3ffd,
        true,
        Behaves::ReadOnly,
        "EIP160_CONFIG2 ingr.h:6617",
    ),
    (
        0x3fff,
        false,
        Behaves::ReadOnly,
        "EIP160_VERSION egr.h:5671",
    ),
];

#[test]
fn access_semantics_per_area() {
    for (addr, ingress, how, what) in ACCESS {
        let mut b = MacsecBank::new(*ingress);
        match *how {
            Behaves::ReadWrite(v) => {
                b.write(*addr, v);
                assert_eq!(b.read(*addr), v, "{what}");
            }
            Behaves::ReadOnly => {
                let before = b.read(*addr);
                b.write(*addr, !before);
                assert_eq!(b.read(*addr), before, "{what}");
            }
            Behaves::WriteAction(v, target, want) => {
                // What the action works on, all ones first.
                b.poke(target, if target == 0x1800 { 0xffff } else { 0xf });
                if *addr != 0x180c && *addr != 0x3e05 {
                    b.poke(target, 0);
                }
                b.write(*addr, v);
                assert_eq!(b.read(*addr), 0, "{what}");
                assert_eq!(b.read(target), want, "{what}");
            }
            Behaves::WriteOneClear(bits) => {
                // What the hardware raised (the AIC's enabled status is the
                // raw status under the enables).
                b.poke(*addr, bits);
                if *addr == 0x3e04 {
                    b.poke(0x3e03, bits);
                    b.poke(0x3e02, bits);
                }
                b.write(*addr, 0);
                assert_eq!(b.read(*addr), bits, "{what}: a 0 written keeps");
                let low = bits & bits.wrapping_neg();
                b.write(*addr, low);
                assert_eq!(b.read(*addr), bits & !low, "{what}: a 1 written clears");
            }
            Behaves::ClearOnRead => {
                b.poke(*addr, 0x42);
                b.write(stats_control(), 0);
                assert_eq!(b.read(*addr), 0x42, "{what}: kept without AUTO_CNTR_RESET");
                assert_eq!(b.read(*addr), 0x42, "{what}");
                b.write(stats_control(), 1 << 3);
                assert_eq!(b.read(*addr), 0x42, "{what}");
                assert_eq!(b.read(*addr), 0, "{what}: cleared by the read");
            }
        }
    }
}

/// `COUNT_CONTROL` (`ingr.h:5236`).
fn stats_control() -> u16 {
    0x3204
}
