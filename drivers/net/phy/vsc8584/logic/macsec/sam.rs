// SPDX-License-Identifier: GPL-2.0

//! What a SAM entry matches, and the nine words that say it.
//!
//! Every entry the driver programs excludes control packets (the control packet classifier
//! marks EAPOL and the configured EtherTypes; they fall through to the non-match flow for
//! control packets, which passes them, whatever the SecYs do). The fields a SecY's entries use
//! are the MAC address of the SecY (source on egress, destination on ingress), the SecTAG's AN,
//! TCI bits and SCI on ingress, and the source address of a peer for SCI-less frames. A VLAN ID
//! slots in the same way ([`Match::vlan`]): that is how a SecY per VLAN will be classified.

use crate::hw::eip160::sam::{self, mask, misc, tci};
use crate::logic::macsec::types::Sci;

/// Number of words of an entry the driver writes.
pub const WORDS: usize = sam::WORDS as usize;

/// Priority of the entries that carry a SecY's frames to an SA.
pub const PRIORITY_SA: u32 = 8;
/// Priority of the SecY's guard entries (what happens to its frames when no SA takes them).
pub const PRIORITY_GUARD: u32 = 4;

/// The classes of frames ([`misc`]) an entry may match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// Frames without a SecTAG.
    Untagged,
    /// Frames with a valid SecTAG.
    Tagged,
}

/// A SAM match, field by field; `None` does not compare the field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match {
    /// The class of frames.
    pub class: Class,
    /// Priority: the highest matching entry wins, then the lowest index.
    pub priority: u32,
    /// MAC source address.
    pub mac_sa: Option<[u8; 6]>,
    /// MAC destination address.
    pub mac_da: Option<[u8; 6]>,
    /// VLAN ID of the outer tag (the frame must have one).
    pub vlan: Option<u16>,
    /// Association number of the SecTAG (ingress only).
    pub an: Option<u8>,
    /// TCI bits (value, which bits), as [`tci`] (ingress only).
    pub tci: Option<(u32, u32)>,
    /// The SCI of the SecTAG (ingress only).
    pub sci: Option<Sci>,
}

impl Match {
    /// A match of `class` frames at `priority`, comparing nothing else yet.
    pub const fn new(class: Class, priority: u32) -> Self {
        Self {
            class,
            priority,
            mac_sa: None,
            mac_da: None,
            vlan: None,
            an: None,
            tci: None,
            sci: None,
        }
    }

    /// The words `MAC_SA_LO` to `EXT` of the entry.
    pub fn words(&self) -> [u32; WORDS] {
        let mut w = [0u32; WORDS];
        let mut m = match self.class {
            Class::Untagged => misc::UNTAGGED,
            Class::Tagged => misc::TAGGED,
        };
        m |= (self.priority & 0xf) << misc::PRIORITY_SHIFT;
        // Never a control packet: `misc::CONTROL_PACKET` stays 0 and is compared.
        let mut k = mask::CTL_PACKET;
        if let Some(a) = self.mac_sa {
            let (lo, hi) = mac_words(&a);
            set(&mut w, sam::MAC_SA_LO, lo);
            set(&mut w, sam::MAC_SA_HI, hi);
            k |= mask::MAC_ALL_OCTETS;
        }
        if let Some(a) = self.mac_da {
            let (lo, hi) = mac_words(&a);
            set(&mut w, sam::MAC_DA_LO, lo);
            set(&mut w, sam::MAC_DA_HI, hi);
            k |= mask::MAC_ALL_OCTETS << mask::MAC_DA_SHIFT;
        }
        if let Some(vid) = self.vlan {
            let hi = get(&w, sam::MAC_DA_HI)
                | ((u32::from(vid) & sam::VLAN_ID_MASK) << sam::VLAN_ID_SHIFT);
            set(&mut w, sam::MAC_DA_HI, hi);
            m |= misc::VLAN_VALID;
            k |= mask::VLAN_VALID | mask::VLAN_ID;
        }
        if let Some(an) = self.an {
            m |= u32::from(an & 3) << misc::AN_SHIFT;
            k |= 3 << mask::AN_SHIFT;
        }
        if let Some((value, bits)) = self.tci {
            let bits = bits & 0x3f;
            m |= (value & bits) << misc::TCI_SHIFT;
            k |= bits << mask::TCI_SHIFT;
        }
        if let Some(sci) = self.sci {
            let (lo, hi) = sci_words(&sci);
            set(&mut w, sam::SCI_LO, lo);
            set(&mut w, sam::SCI_HI, hi);
            k |= mask::SCI;
        }
        set(&mut w, sam::MISC, m);
        set(&mut w, sam::MASK, k);
        w
    }
}

/// The words of an entry whose value matters, bit `w` for word `w`: `MISC` and `MASK` always,
/// the others only when `MASK` compares a field they hold. The rest are written only when they
/// must be anyway (a word the shadow does not know is not read or written for nothing): the
/// first use of a flow writes no SCI on egress, no destination address on an egress entry.
pub fn cared(words: &[u32; WORDS]) -> u16 {
    let k = get(words, sam::MASK);
    let uses = |bits: u32| k & bits != 0;
    let mut c = 1u16 << sam::MISC | 1 << sam::MASK;
    if uses(mask::MAC_SA | mask::ETYPE) {
        c |= 1 << sam::MAC_SA_LO | 1 << sam::MAC_SA_HI;
    }
    if uses(mask::MAC_ALL_OCTETS << mask::MAC_DA_SHIFT) {
        c |= 1 << sam::MAC_DA_LO | 1 << sam::MAC_DA_HI;
    }
    if uses(mask::VLAN_ID) {
        c |= 1 << sam::MAC_DA_HI;
    }
    if uses(mask::SCI) {
        c |= 1 << sam::SCI_LO | 1 << sam::SCI_HI;
    }
    if uses(mask::VLAN_UP_INNER | mask::VLAN_ID_INNER) {
        c |= 1 << sam::EXT;
    }
    c
}

/// The TCI compare of SecTAGs with an SCI.
pub const TCI_WITH_SCI: (u32, u32) = (tci::SC, tci::SC);
/// The TCI compare of SecTAGs without an SCI.
pub const TCI_WITHOUT_SCI: (u32, u32) = (0, tci::SC);

fn set(w: &mut [u32; WORDS], at: u16, v: u32) {
    if let Some(x) = w.get_mut(usize::from(at)) {
        *x = v;
    }
}

fn get(w: &[u32; WORDS], at: u16) -> u32 {
    w.get(usize::from(at)).copied().unwrap_or(0)
}

/// A MAC address as the SAM holds it: octets 0-3 in the first word, first octet in bits 7:0,
/// octets 4-5 in bits 15:0 of the second.
pub const fn mac_words(a: &[u8; 6]) -> (u32, u32) {
    (
        u32::from_le_bytes([a[0], a[1], a[2], a[3]]),
        u32::from_le_bytes([a[4], a[5], 0, 0]),
    )
}

/// An SCI as the SAM holds it: wire order, packed little-endian in two words.
pub const fn sci_words(s: &Sci) -> (u32, u32) {
    (
        u32::from_le_bytes([s[0], s[1], s[2], s[3]]),
        u32::from_le_bytes([s[4], s[5], s[6], s[7]]),
    )
}
