// SPDX-License-Identifier: GPL-2.0

//! The Secure Association Matcher: which of the 16 SAM entries a frame hits.
//!
//! An enabled entry matches when the frame's class is one of the classes its
//! `MISC_MATCH` word allows and every field its `MASK` word selects equals the
//! entry's value. Among the matching entries the highest `PRIORITY` wins, and
//! on a tie the lowest index (EIP-160 register description).
//!
//! Fields that only exist in a SecTAG (SCI, AN, TCI) never match a frame
//! without a valid SecTAG when their mask is set.

use super::classify::{Class, Frame};
use crate::hw::eip160::sam::{self, mask, misc};
use crate::hw::regs::macsec;
use crate::regs::macsec_bank::MacsecBank;

/// Packs octets 0-3 of `b` as the engine stores them (first octet in 7:0).
fn lo_word(b: &[u8; 6]) -> u32 {
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

/// Packs octets 4-5 of `b` into bits 15:0.
fn hi_half(b: &[u8; 6]) -> u32 {
    u32::from(u16::from_le_bytes([b[4], b[5]]))
}

/// Returns whether the octets of `addr` selected by `octet_mask` (bit `k` for
/// octet `k`) equal those packed in `lo` and `hi`.
fn addr_matches(addr: &[u8; 6], lo: u32, hi: u32, octet_mask: u32) -> bool {
    let want = (u64::from(hi & 0xffff) << 32) | u64::from(lo);
    let have = (u64::from(hi_half(addr)) << 32) | u64::from(lo_word(addr));
    (0..6).all(|k| {
        let byte = 0xffu64 << (8 * k);
        octet_mask & (1 << k) == 0 || want & byte == have & byte
    })
}

/// Returns whether SAM entry `i` of `bank` matches `frame`, ignoring whether
/// the entry is enabled.
pub fn entry_matches(bank: &MacsecBank, i: u16, frame: &Frame) -> bool {
    let base = sam::entry(i);
    let word = |w: u16| bank.peek(base.wrapping_add(w));
    let m = word(sam::MISC);
    let k = word(sam::MASK);

    let class_bit = match frame.class {
        Class::Untagged => misc::UNTAGGED,
        Class::Tagged => misc::TAGGED,
        Class::BadTag => misc::BAD_TAG,
        Class::Kay => misc::KAY_TAG,
    };
    if m & class_bit == 0 {
        return false;
    }

    let sa_hi = word(sam::MAC_SA_HI);
    let da_hi = word(sam::MAC_DA_HI);
    if !addr_matches(&frame.sa, word(sam::MAC_SA_LO), sa_hi, k & mask::MAC_SA) {
        return false;
    }
    let da_mask = (k >> mask::MAC_DA_SHIFT) & 0x3f;
    if !addr_matches(&frame.da, word(sam::MAC_DA_LO), da_hi, da_mask) {
        return false;
    }
    // The EtherType is stored in wire order, first octet in bits 23:16.
    let etype = u16::from_le_bytes(frame.etype.to_be_bytes());
    if k & mask::ETYPE != 0 && (sa_hi >> 16) as u16 != etype {
        return false;
    }
    if k & mask::VLAN_VALID != 0 && (m & misc::VLAN_VALID != 0) != frame.vlan.is_some() {
        return false;
    }
    if k & mask::VLAN_UP != 0 {
        let up = ((m >> misc::VLAN_UP_SHIFT) & 0x7) as u8;
        if frame.vlan.map(|v| v.up) != Some(up) {
            return false;
        }
    }
    if k & mask::VLAN_ID != 0 {
        let vid = ((da_hi >> 16) & 0x0fff) as u16;
        if frame.vlan.map(|v| v.vid) != Some(vid) {
            return false;
        }
    }
    // No control-packet rule is modelled: every frame is a non-control one.
    if k & mask::CTL_PACKET != 0 && m & misc::CONTROL_PACKET != 0 {
        return false;
    }

    let an_mask = (k >> mask::AN_SHIFT) & 0x3;
    let tci_mask = (k >> mask::TCI_SHIFT) & 0x3f;
    let needs_tag = k & mask::SCI != 0 || an_mask != 0 || tci_mask != 0;
    if !needs_tag {
        return true;
    }
    if !matches!(frame.class, Class::Tagged | Class::Kay) {
        return false;
    }
    let an = u32::from(frame.tci_an & 0x3);
    if an & an_mask != (m >> misc::AN_SHIFT) & an_mask {
        return false;
    }
    let tci = u32::from(frame.tci_an >> 2);
    if tci & tci_mask != (m >> misc::TCI_SHIFT) & tci_mask {
        return false;
    }
    if k & mask::SCI != 0 {
        let want = (u64::from(word(sam::SCI_HI)) << 32) | u64::from(word(sam::SCI_LO));
        let have = frame
            .sectag
            .and_then(|t| t.sci())
            .map(|sci| u64::from_le_bytes(sci.0));
        if have != Some(want) {
            return false;
        }
    }
    true
}

/// Priority of SAM entry `i` (`MISC_MATCH` bits 19:16).
pub fn priority(bank: &MacsecBank, i: u16) -> u32 {
    (bank.peek(sam::entry(i).wrapping_add(sam::MISC)) >> misc::PRIORITY_SHIFT) & 0xf
}

/// The enabled entry `frame` hits, if any: highest priority, then lowest index.
pub fn lookup(bank: &MacsecBank, frame: &Frame) -> Option<u16> {
    let mut best: Option<(u16, u32)> = None;
    for i in 0..macsec::NUM_SAM_ENTRIES {
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
