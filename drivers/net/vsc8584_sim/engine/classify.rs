// SPDX-License-Identifier: GPL-2.0

//! The EIP-160 frame parser, as the engine's registers configure it: the
//! VLAN tags, the EtherType, the MACsec class and the control packet flag a
//! SAM entry can match on.
//!
//! * VLAN tags (`SAM_CP_TAG`, `SAM_PP_TAGS/2`): with `PARSE_QTAG` a tag of
//!   the QTAG EtherType, with `PARSE_STAG` one of the three STAG EtherTypes,
//!   is parsed after the source address; with `PARSE_QINQ` a second tag of
//!   either kind after it (Q-in-Q). The outer tag gives VLAN valid, STAG or
//!   QTAG valid, the VLAN ID and the user priority (mapped through `MAP_TBL`
//!   when `STAG_UP_EN` / `QTAG_UP_EN`; `DEF_UP` without a tag); the inner one
//!   the inner ID and priority. The parsed EtherType is the one after them.
//! * MACsec class (`SAM_NM_PARAMS`, `HDR_EXT_CTRL.SECTAG_AFTER_VLAN`): with
//!   `COMP_ETYPE`, a frame whose EtherType right after the source address
//!   (or, with `SECTAG_AFTER_VLAN`, after its parsed VLAN tags) is the
//!   MACsec tag value carries a SecTAG. It is *bad tag* when a check the
//!   register enables fails (V bit, C without E, SC with ES or SCB, short
//!   length out of range or inconsistent with the frame, PN 0), else *KaY*
//!   with `CHECK_KAY` and E=1, C=0, else *tagged*. Everything else is
//!   *untagged*.
//! * Control packets (`CP_*`): the enabled rules of `CP_MATCH_ENABLE`.

use super::sectag::{self, Parsed, TCI_C, TCI_E, TCI_ES, TCI_SC, TCI_SCB, TCI_V};
use super::sectag::{MAC_HDR_LEN, SL_RESERVED};
use crate::regdesc::classifier::{
    self, cp_44_hi, cp_da_et, cp_enable, cp_mode, cp_tag, hdr_ext, nm_params, pp_tags,
};
use crate::regs::macsec_bank::MacsecBank;

/// Most VLAN tags the parser takes (an outer and an inner one).
const MAX_VLAN_TAGS: usize = 2;
/// Octets of a VLAN tag.
const VLAN_TAG_LEN: usize = 4;

/// The MACsec class of a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// No SecTAG.
    Untagged,
    /// A valid SecTAG.
    Tagged,
    /// The MACsec EtherType with a SecTAG failing an enabled check.
    BadTag,
    /// A valid SecTAG for the KaY (E = 1, C = 0).
    Kay,
}

impl Class {
    /// Index of the class in the non-match lanes and in `MISC_MATCH` bits
    /// 11:8: untagged, tagged, bad tag, KaY.
    pub const fn index(self) -> usize {
        match self {
            Class::Untagged => 0,
            Class::Tagged => 1,
            Class::BadTag => 2,
            Class::Kay => 3,
        }
    }
}

/// One parsed VLAN tag.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Vlan {
    /// User priority (after the priority map, for the outer tag).
    pub up: u8,
    /// VLAN identifier.
    pub vid: u16,
    /// The tag is a STAG (else a QTAG).
    pub stag: bool,
}

/// What the parser found in a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frame {
    /// Destination address.
    pub da: [u8; 6],
    /// Source address.
    pub sa: [u8; 6],
    /// The EtherType right after the source address.
    pub first_etype: u16,
    /// The EtherType after the parsed VLAN tags.
    pub etype: u16,
    /// The outer VLAN tag, if one was parsed.
    pub vlan: Option<Vlan>,
    /// The inner VLAN tag, if one was parsed (Q-in-Q).
    pub inner: Option<Vlan>,
    /// User priority for matching and the VLAN counters: the outer tag's,
    /// or `DEF_UP` without one.
    pub up: u8,
    /// The MACsec class.
    pub class: Class,
    /// The SecTAG of a tagged or KaY frame.
    pub sectag: Option<Parsed>,
    /// TCI/AN octet of a frame with the MACsec EtherType (0 otherwise).
    pub tci_an: u8,
    /// The control packet classifier matched.
    pub control: bool,
}

impl Frame {
    /// Octets of VLAN tags in clear before the SecTAG of a tagged frame.
    pub fn sectag_tags_len(&self) -> usize {
        self.sectag.map_or(0, |t| t.tags_len())
    }
}

/// Why a frame cannot be parsed at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RuntFrame;

/// Reads the big-endian 16-bit value at `at`.
fn be16(frame: &[u8], at: usize) -> Option<u16> {
    let b = frame.get(at..at.checked_add(2)?)?;
    Some(u16::from_be_bytes([*b.first()?, *b.get(1)?]))
}

/// Reads the MAC address at `at`.
fn mac(frame: &[u8], at: usize) -> Option<[u8; 6]> {
    frame.get(at..at.checked_add(6)?)?.try_into().ok()
}

/// A byte-swapped EtherType field of a register, as an EtherType.
fn swapped(field: u32) -> u16 {
    (field as u16).swap_bytes()
}

/// The tag parser's settings.
struct TagParser {
    cp_tag: u32,
    qtag: u16,
    stags: [u16; 3],
}

impl TagParser {
    fn new(bank: &MacsecBank) -> Self {
        let tags = bank.peek(classifier::SAM_PP_TAGS);
        let tags2 = bank.peek(classifier::SAM_PP_TAGS2);
        Self {
            cp_tag: bank.peek(classifier::SAM_CP_TAG),
            qtag: swapped(pp_tags::QTAG_VALUE.get(tags)),
            stags: [
                swapped(pp_tags::STAG_VALUE.get(tags)),
                swapped(pp_tags::STAG_VALUE2.get(tags2)),
                swapped(pp_tags::STAG_VALUE3.get(tags2)),
            ],
        }
    }

    /// Whether `etype` starts a tag the parser takes: `Some(true)` a STAG,
    /// `Some(false)` a QTAG.
    fn kind(&self, etype: u16) -> Option<bool> {
        if cp_tag::PARSE_QTAG.is_set(self.cp_tag) && etype == self.qtag {
            Some(false)
        } else if cp_tag::PARSE_STAG.is_set(self.cp_tag) && self.stags.contains(&etype) {
            Some(true)
        } else {
            None
        }
    }

    /// The priority of a tag with raw priority `raw`, mapped when enabled.
    fn map_up(&self, raw: u8, stag: bool) -> u8 {
        let enabled = if stag {
            cp_tag::STAG_UP_EN
        } else {
            cp_tag::QTAG_UP_EN
        };
        if !enabled.is_set(self.cp_tag) {
            return raw;
        }
        let map = cp_tag::MAP_TBL.get(self.cp_tag);
        (map.wrapping_shr(3 * u32::from(raw & 7)) & 7) as u8
    }
}

/// Parses `frame` (from the destination address, without FCS) as engine
/// `bank` is configured.
pub fn classify(bank: &MacsecBank, frame: &[u8]) -> Result<Frame, RuntFrame> {
    let da = mac(frame, 0).ok_or(RuntFrame)?;
    let sa = mac(frame, 6).ok_or(RuntFrame)?;
    let first_etype = be16(frame, MAC_HDR_LEN).ok_or(RuntFrame)?;

    let parser = TagParser::new(bank);
    let mut off = MAC_HDR_LEN;
    let mut etype = first_etype;
    let mut tags = [None; MAX_VLAN_TAGS];
    for (n, slot) in tags.iter_mut().enumerate() {
        let Some(stag) = parser.kind(etype) else {
            break;
        };
        // The second tag needs Q-in-Q parsing.
        if n == 1 && !cp_tag::PARSE_QINQ.is_set(parser.cp_tag) {
            break;
        }
        let Some(tci) = be16(frame, off + 2) else {
            break;
        };
        let raw_up = (tci >> 13) as u8;
        *slot = Some(Vlan {
            up: if n == 0 {
                parser.map_up(raw_up, stag)
            } else {
                raw_up
            },
            vid: tci & 0x0fff,
            stag,
        });
        off += VLAN_TAG_LEN;
        etype = be16(frame, off).ok_or(RuntFrame)?;
    }
    let [vlan, inner] = tags;
    let up = match vlan {
        Some(v) => v.up,
        None => cp_tag::DEF_UP.get(parser.cp_tag) as u8,
    };

    let after_vlan = hdr_ext::SECTAG_AFTER_VLAN.is_set(bank.peek(classifier::HDR_EXT_CTRL));
    let sectag_at = if after_vlan { off } else { MAC_HDR_LEN };
    let sectag_etype = if after_vlan { etype } else { first_etype };
    let (class, sectag, tci_an) = macsec_class(bank, frame, sectag_at, sectag_etype);

    let parsed = Frame {
        da,
        sa,
        first_etype,
        etype,
        vlan,
        inner,
        up,
        class,
        sectag,
        tci_an,
        control: false,
    };
    Ok(Frame {
        control: is_control(bank, &parsed),
        ..parsed
    })
}

/// The MACsec class of a frame whose SecTAG would be at `at`, EtherType
/// `etype`, with the checks `SAM_NM_PARAMS` enables.
fn macsec_class(
    bank: &MacsecBank,
    frame: &[u8],
    at: usize,
    etype: u16,
) -> (Class, Option<Parsed>, u8) {
    let params = bank.peek(classifier::SAM_NM_PARAMS);
    let tag_value = swapped(nm_params::MACSEC_TAG_VALUE.get(params));
    if !nm_params::COMP_ETYPE.is_set(params) || etype != tag_value {
        return (Class::Untagged, None, 0);
    }
    let tci = frame.get(at + 2).copied().unwrap_or(0);
    // A SecTAG too short to hold its fields and an ICV is no valid tag.
    let Ok(parsed) = sectag::layout_at(frame, at) else {
        return (Class::BadTag, None, tci);
    };
    let t = parsed.tag();
    let e = tci & TCI_E != 0;
    let c = tci & TCI_C != 0;
    let bad = (nm_params::CHECK_V.is_set(params) && tci & TCI_V != 0)
        || (nm_params::CHECK_C_E.is_set(params) && c && !e)
        || (nm_params::CHECK_SC.is_set(params)
            && tci & TCI_SC != 0
            && tci & (TCI_ES | TCI_SCB) != 0)
        || (nm_params::CHECK_SL.is_set(params)
            && (t.sl & SL_RESERVED != 0
                || sectag::check_short_length(t.sl, parsed.data_len()).is_err()))
        || (nm_params::CHECK_PN.is_set(params) && t.pn == 0);
    if bad {
        return (Class::BadTag, None, tci);
    }
    if nm_params::CHECK_KAY.is_set(params) && e && !c {
        return (Class::Kay, Some(parsed), tci);
    }
    (Class::Tagged, Some(parsed), tci)
}

/// A MAC address as the `CP_*` and SAM registers hold it: octets 0-3 in the
/// low word (octet 0 in bits 7:0), octets 4-5 in bits 15:0 of the high one.
fn mac_regs(lo: u32, hi: u32) -> [u8; 6] {
    let [a, b, c, d] = lo.to_le_bytes();
    let [e, f, _, _] = hi.to_le_bytes();
    [a, b, c, d, e, f]
}

/// A MAC address as a number, first octet most significant (for the range
/// rule).
fn mac_value(m: &[u8; 6]) -> u64 {
    m.iter().fold(0u64, |v, b| (v << 8) | u64::from(*b))
}

/// Whether the control packet classifier matches `f`.
fn is_control(bank: &MacsecBank, f: &Frame) -> bool {
    let enable = bank.peek(classifier::CP_MATCH_ENABLE);
    let mode = bank.peek(classifier::CP_MATCH_MODE);
    let etype_for = |rule: u16| {
        let parsed = cp_mode::ETYPE_SEL_9_TO_0.get(mode) & (1 << rule) != 0;
        if parsed {
            f.etype
        } else {
            f.first_etype
        }
    };
    let rule = |i: u16| {
        let lo = bank.peek(classifier::cp_mac_da_match(i));
        let hi = bank.peek(classifier::cp_mac_da_et_match(i));
        (
            mac_regs(lo, hi),
            swapped(cp_da_et::ETHER_TYPE_MATCH.get(hi)),
        )
    };
    let da_rules = cp_enable::MAC_DA_ENABLE_7_TO_0.get(enable);
    let et_rules = cp_enable::ETYPE_ENABLE_7_TO_0.get(enable);
    for i in 0..8u16 {
        let (da, et) = rule(i);
        if da_rules & (1 << i) != 0 && f.da == da {
            return true;
        }
        if et_rules & (1 << i) != 0 && etype_for(i) == et {
            return true;
        }
    }
    let comb = cp_enable::COMB_ENABLE_9_TO_8.get(enable);
    for j in 0..2u16 {
        let (da, et) = rule(8 + j);
        if comb & (1 << j) != 0 && f.da == da && etype_for(8 + j) == et {
            return true;
        }
    }
    if cp_enable::RANGE_ENABLE.is_set(enable) {
        let start = mac_regs(
            bank.peek(classifier::CP_MAC_DA_START_LO),
            bank.peek(classifier::CP_MAC_DA_START_HI),
        );
        let end = mac_regs(
            bank.peek(classifier::CP_MAC_DA_END_LO),
            bank.peek(classifier::CP_MAC_DA_END_HI),
        );
        let v = mac_value(&f.da);
        if mac_value(&start) <= v && v <= mac_value(&end) {
            return true;
        }
    }
    if cp_enable::CONST_44_ENABLE.is_set(enable) {
        let lo = bank.peek(classifier::CP_MAC_DA_44_BITS_LO);
        let hi = bank.peek(classifier::CP_MAC_DA_44_BITS_HI);
        let want = mac_regs(lo, cp_44_hi::MAC_DA_44_BITS_15_TO_8.get(hi));
        let nibble = cp_44_hi::MAC_DA_44_BITS_7_TO_4.get(hi) as u8;
        // The low 4 bits of the last octet are not compared.
        if f.da[..5] == want[..5] && f.da[5] >> 4 == nibble {
            return true;
        }
    }
    if cp_enable::CONST_48_ENABLE.is_set(enable) {
        let lo = bank.peek(classifier::CP_MAC_DA_48_BITS_LO);
        let hi = bank.peek(classifier::CP_MAC_DA_48_BITS_HI);
        if f.da == mac_regs(lo, hi) {
            return true;
        }
    }
    // Rules 10-17 (ETYPE_ENABLE_17_TO_10) do not exist on the 1G parts.
    false
}
