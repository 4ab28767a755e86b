// SPDX-License-Identifier: GPL-2.0

//! The EIP-160 frame parser: the fields a SAM entry can match on, and the
//! MACsec class of the frame.
//!
//! Classes (what `SAM_MISC_MATCH` bits 11:8 select):
//!
//! * *tagged*: a SecTAG right after the source address that passes the
//!   802.1AE 9.12 checks ([`sectag::parse`]; a PN of 0 is let through here,
//!   the transform checks it against the SA's cipher suite);
//! * *KaY*: a SecTAG with E = 1 and C = 0;
//! * *bad tag*: EtherType 0x88e5 failing those checks;
//! * *untagged*: everything else.
//!
//! VLAN tags (0x8100, and 0x88a8 as the outer tag of a QinQ frame) are parsed
//! for the VLAN match fields and skipped to find the EtherType. A SecTAG
//! behind a VLAN tag in clear is not recognised: the frame is untagged.

use super::sectag::{self, Parsed, SecTagError, ETHERTYPE, MAC_HDR_LEN};

/// Customer VLAN tag EtherType.
const ETH_P_8021Q: u16 = 0x8100;
/// Service VLAN tag EtherType.
const ETH_P_8021AD: u16 = 0x88a8;
/// Most VLAN tags the parser skips.
const MAX_VLAN_TAGS: usize = 2;

/// The MACsec class of a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// No SecTAG.
    Untagged,
    /// A valid SecTAG.
    Tagged,
    /// EtherType 0x88e5 with an invalid SecTAG.
    BadTag,
    /// A SecTAG of the KaY (E = 1, C = 0).
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

/// The outer VLAN tag of a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Vlan {
    /// User priority (PCP).
    pub up: u8,
    /// VLAN identifier.
    pub vid: u16,
}

/// What the parser found in a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frame {
    /// Destination address.
    pub da: [u8; 6],
    /// Source address.
    pub sa: [u8; 6],
    /// The outer VLAN tag, if any.
    pub vlan: Option<Vlan>,
    /// The EtherType after the VLAN tags.
    pub etype: u16,
    /// The MACsec class.
    pub class: Class,
    /// The SecTAG of a tagged frame.
    pub sectag: Option<Parsed>,
    /// TCI/AN octet of a tagged, bad-tag or KaY frame (0 otherwise).
    pub tci_an: u8,
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

/// Parses `frame` (from the destination address, without FCS).
pub fn classify(frame: &[u8]) -> Result<Frame, RuntFrame> {
    let da = mac(frame, 0).ok_or(RuntFrame)?;
    let sa = mac(frame, 6).ok_or(RuntFrame)?;

    let mut off = MAC_HDR_LEN;
    let mut etype = be16(frame, off).ok_or(RuntFrame)?;
    let mut vlan = None;
    for _ in 0..MAX_VLAN_TAGS {
        if etype != ETH_P_8021Q && etype != ETH_P_8021AD {
            break;
        }
        let tci = be16(frame, off + 2).ok_or(RuntFrame)?;
        if vlan.is_none() {
            vlan = Some(Vlan {
                up: (tci >> 13) as u8,
                vid: tci & 0x0fff,
            });
        }
        off += 4;
        etype = be16(frame, off).ok_or(RuntFrame)?;
    }

    let mut tci_an = 0;
    let (class, tag) = if vlan.is_none() && etype == ETHERTYPE {
        tci_an = frame.get(MAC_HDR_LEN + 2).copied().unwrap_or(0);
        match sectag::parse(frame, true) {
            Ok(parsed) => (Class::Tagged, Some(parsed)),
            Err(SecTagError::KaY) => (Class::Kay, None),
            Err(_) => (Class::BadTag, None),
        }
    } else {
        (Class::Untagged, None)
    };
    Ok(Frame {
        da,
        sa,
        vlan,
        etype,
        class,
        sectag: tag,
        tci_an,
    })
}
