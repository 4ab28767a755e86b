// SPDX-License-Identifier: GPL-2.0

//! The Secure Association Matcher: which of the 16 SAM entries a frame hits.
//!
//! An enabled entry matches when the frame's class is one of the classes its
//! `MISC_MATCH` word allows and every field its `MASK` word selects equals the
//! entry's value. Among the matching entries the highest `MATCH_PRIORITY`
//! wins, and on a tie the lowest index (`ingr.h:778-785`).
//!
//! The address compare enables go per octet, bit 0 for the *last* octet
//! received (`ingr.h:842-844`). The SCI and TCI/AN compares are "only for an
//! actual MACsec packet" (`ingr.h:982-998`): for a frame without a valid
//! SecTAG they are skipped or fail the match, as
//! [`crate::regs::variants::SamUntaggedSci`] selects.

use super::classify::{Class, Frame};
use crate::regdesc::sam::{self, da_hi, ext, mask, misc, sa_hi};
use crate::regs::macsec_bank::MacsecBank;
use crate::regs::variants::SamUntaggedSci;

/// Returns whether the octets of `addr` that `octet_mask` selects equal
/// those the entry holds in `lo` (octets 0-3, octet 0 in bits 7:0) and
/// `hi` (octets 4-5). Mask bit `k` selects octet `5 - k`.
fn addr_matches(addr: &[u8; 6], lo: u32, hi: u32, octet_mask: u32) -> bool {
    let [a, b, c, d] = lo.to_le_bytes();
    let [e, f, _, _] = hi.to_le_bytes();
    let want = [a, b, c, d, e, f];
    addr.iter()
        .zip(want.iter())
        .enumerate()
        .all(|(octet, (have, want))| {
            let bit = 0x20u32.wrapping_shr(octet as u32);
            octet_mask & bit == 0 || have == want
        })
}

/// Returns whether SAM entry `i` of `bank` matches `frame`, ignoring whether
/// the entry is enabled.
pub fn entry_matches(bank: &MacsecBank, i: u16, frame: &Frame) -> bool {
    let base = sam::entry(i);
    let word = |w: u16| bank.peek(base.wrapping_add(w));
    let m = word(sam::MISC_MATCH);
    let k = word(sam::MASK);

    let class = match frame.class {
        Class::Untagged => misc::UNTAGGED,
        Class::Tagged => misc::TAGGED,
        Class::BadTag => misc::BAD_TAG,
        Class::Kay => misc::KAY_TAG,
    };
    if !class.is_set(m) {
        return false;
    }

    let sa_word = word(sam::MAC_SA_MATCH_HI);
    let da_word = word(sam::MAC_DA_MATCH_HI);
    let sa_mask = mask::MAC_SA_MASK.get(k);
    if !addr_matches(&frame.sa, word(sam::MAC_SA_MATCH_LO), sa_word, sa_mask) {
        return false;
    }
    let da_mask = mask::MAC_DA_MASK.get(k);
    if !addr_matches(&frame.da, word(sam::MAC_DA_MATCH_LO), da_word, da_mask) {
        return false;
    }
    // The EtherType is stored byte-swapped (`ingr.h:587-589`).
    let etype = (sa_hi::ETHER_TYPE.get(sa_word) as u16).swap_bytes();
    if mask::MAC_ETYPE_MASK.is_set(k) && etype != frame.etype {
        return false;
    }
    let flag = |enable: crate::regdesc::Field, field: crate::regdesc::Field, have: bool| {
        !enable.is_set(k) || field.is_set(m) == have
    };
    let outer = frame.vlan;
    if !flag(mask::VLAN_VLD_MASK, misc::VLAN_VALID, outer.is_some())
        || !flag(
            mask::QINQ_FOUND_MASK,
            misc::QINQ_FOUND,
            frame.inner.is_some(),
        )
        || !flag(
            mask::STAG_VLD_MASK,
            misc::STAG_VALID,
            outer.is_some_and(|v| v.stag),
        )
        || !flag(
            mask::QTAG_VLD_MASK,
            misc::QTAG_VALID,
            outer.is_some_and(|v| !v.stag),
        )
        || !flag(mask::CTL_PACKET_MASK, misc::CONTROL_PACKET, frame.control)
    {
        return false;
    }
    if mask::VLAN_UP_MASK.is_set(k) && misc::VLAN_UP.get(m) != u32::from(frame.up) {
        return false;
    }
    if mask::VLAN_ID_MASK.is_set(k)
        && outer.map(|v| u32::from(v.vid)) != Some(da_hi::VLAN_ID.get(da_word))
    {
        return false;
    }
    let e = word(sam::EXT_MATCH);
    if mask::VLAN_ID_INNER_MASK.is_set(k)
        && frame.inner.map(|v| u32::from(v.vid)) != Some(ext::VLAN_ID_INNER.get(e))
    {
        return false;
    }
    if mask::VLAN_UP_INNER_MASK.is_set(k)
        && frame.inner.map(|v| u32::from(v.up)) != Some(ext::VLAN_UP_INNER.get(e))
    {
        return false;
    }

    let tci_an_mask = mask::TCI_AN_MASK.get(k);
    let sci_mask = mask::MACSEC_SCI_MASK.is_set(k);
    if tci_an_mask == 0 && !sci_mask {
        return true;
    }
    let macsec = matches!(frame.class, Class::Tagged | Class::Kay);
    if !macsec {
        return bank.variants().sam_untagged_sci == SamUntaggedSci::Skip;
    }
    if u32::from(frame.tci_an) & tci_an_mask != misc::MACSEC_TCI_AN.get(m) & tci_an_mask {
        return false;
    }
    // The SCI the SecTAG carries (the egress engine has no SCI compare,
    // `egr.h:1084-1095`; its entries never set the mask bit).
    if sci_mask && !bank.is_ingress() {
        return false;
    }
    if sci_mask {
        let lo = word(sam::SCI_MATCH_LO).to_le_bytes();
        let hi = word(sam::SCI_MATCH_HI).to_le_bytes();
        let want = [lo[0], lo[1], lo[2], lo[3], hi[0], hi[1], hi[2], hi[3]];
        let have = frame.sectag.and_then(|t| t.tag().sci).map(|s| s.0);
        if have != Some(want) {
            return false;
        }
    }
    true
}

/// Priority of SAM entry `i` (`MISC_MATCH.MATCH_PRIORITY`).
pub fn priority(bank: &MacsecBank, i: u16) -> u32 {
    misc::MATCH_PRIORITY.get(bank.peek(sam::entry(i).wrapping_add(sam::MISC_MATCH)))
}

/// The enabled entry `frame` hits, if any: highest priority, then lowest index.
pub fn lookup(bank: &MacsecBank, frame: &Frame) -> Option<u16> {
    let mut best: Option<(u16, u32)> = None;
    for i in 0..sam::ENTRIES {
        if !bank.entry_enabled(i) || !entry_matches(bank, i, frame) {
            continue;
        }
        let p = priority(bank, i);
        // `Option::is_none_or` is too new for the kernel's minimum Rust.
        if best.map_or(true, |(_, bp)| p > bp) {
            best = Some((i, p));
        }
    }
    best.map(|(i, _)| i)
}
