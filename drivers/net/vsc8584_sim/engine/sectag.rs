// SPDX-License-Identifier: GPL-2.0

//! The MACsec Security TAG (IEEE 802.1AE-2018 clause 9): encoding, parsing and
//! the validity rules a received frame must pass.
//!
//! On the wire, right after the source MAC address:
//!
//! ```text
//!  octet  1-2    3        4        5-8   9-16
//!        88 E5  TCI|AN    SL       PN    SCI (only when TCI.SC = 1)
//!               V ES SC SCB E C AN(2)
//! ```
//!
//! The rules applied by [`parse`] are those of 802.1AE 9.12 as the kernel's
//! `macsec_validate_skb()` implements them, plus two that the EIP-160 applies
//! when it classifies a frame and that the kernel leaves implicit: E=1 with
//! C=0 is reserved for the KaY and is not a MACsec data frame, and SL must be
//! below 48 when it is not zero.

use super::gcm::TAG_LEN;

/// The MACsec EtherType (802.1AE 9.3).
pub const ETHERTYPE: u16 = 0x88e5;

/// Octets of destination plus source MAC address, which precede the SecTAG.
pub const MAC_HDR_LEN: usize = 12;

/// Length of a SecTAG without SCI: EtherType, TCI/AN, SL and PN.
pub const SECTAG_LEN: usize = 8;

/// Length of a Secure Channel Identifier.
pub const SCI_LEN: usize = 8;

/// Length of a SecTAG that carries the SCI.
pub const SECTAG_SCI_LEN: usize = SECTAG_LEN + SCI_LEN;

/// Length of the ICV of every GCM-AES cipher suite.
pub const ICV_LEN: usize = TAG_LEN;

/// Secure data shorter than this is announced in the SL field; longer secure
/// data has SL = 0 (802.1AE 9.7; `MIN_NON_SHORT_LEN` in the kernel).
pub const SHORT_LEN_LIMIT: usize = 48;

/// TCI version bit; must be 0.
pub const TCI_V: u8 = 0x80;
/// TCI End Station bit: the SCI is the source MAC address and port 1.
pub const TCI_ES: u8 = 0x40;
/// TCI SCI-present bit.
pub const TCI_SC: u8 = 0x20;
/// TCI Single Copy Broadcast bit (EPON).
pub const TCI_SCB: u8 = 0x10;
/// TCI Encryption bit.
pub const TCI_E: u8 = 0x08;
/// TCI Changed-text bit.
pub const TCI_C: u8 = 0x04;
/// Association Number bits of the TCI/AN octet.
pub const AN_MASK: u8 = 0x03;
/// Bits of the SL octet that must be 0 (bits 7 and 8 of SecTAG octet 4).
pub const SL_RESERVED: u8 = 0xc0;

/// Port number of the implicit SCI of an end station (802.1AE 9.9).
pub const ES_PORT: u16 = 0x0001;

/// Offset of the TCI/AN octet in a SecTAG.
const TCI_OFF: usize = 2;
/// Offset of the SL octet in a SecTAG.
const SL_OFF: usize = 3;
/// Offset of the PN in a SecTAG.
const PN_OFF: usize = 4;
/// Offset of the SCI in a SecTAG, when present.
const SCI_OFF: usize = SECTAG_LEN;

/// A Secure Channel Identifier: a 48-bit MAC address and a 16-bit port number,
/// kept in wire order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sci(pub [u8; SCI_LEN]);

impl Sci {
    /// Builds the SCI of port `port` of the system with address `mac`.
    pub const fn new(mac: [u8; 6], port: u16) -> Self {
        let p = port.to_be_bytes();
        Sci([mac[0], mac[1], mac[2], mac[3], mac[4], mac[5], p[0], p[1]])
    }

    /// The SCI a frame with ES = 1 and SC = 0 implies: its source address and
    /// port 1.
    pub const fn implicit(source: [u8; 6]) -> Self {
        Self::new(source, ES_PORT)
    }

    /// Builds an SCI from its numeric value, the first wire octet being the
    /// most significant one (so `0x1215_3524_c089_5e81` is written
    /// `12 15 35 24 c0 89 5e 81`).
    pub const fn from_u64(value: u64) -> Self {
        Sci(value.to_be_bytes())
    }

    /// The numeric value of the SCI, the first wire octet being the most
    /// significant one.
    pub const fn to_u64(self) -> u64 {
        u64::from_be_bytes(self.0)
    }

    /// The MAC address part.
    pub const fn mac(&self) -> [u8; 6] {
        let s = &self.0;
        [s[0], s[1], s[2], s[3], s[4], s[5]]
    }

    /// The port number part.
    pub const fn port(&self) -> u16 {
        u16::from_be_bytes([self.0[6], self.0[7]])
    }
}

/// The fields of a SecTAG (without its EtherType, which is constant).
///
/// The SC bit is not a field of its own: it is set exactly when `sci` holds
/// an SCI, so the two cannot disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SecTag {
    /// ES: sent by an end station, whose SCI is its source address and port 1.
    pub es: bool,
    /// SCB: single copy broadcast (EPON).
    pub scb: bool,
    /// E: the user data is encrypted.
    pub e: bool,
    /// C: the user data is changed (encrypted, or an ICV of non-default length).
    pub c: bool,
    /// Association Number, 0 to 3.
    pub an: u8,
    /// Short Length: the secure data length when under 48 octets, else 0.
    pub sl: u8,
    /// Packet Number, or its lower 32 bits with an XPN cipher suite.
    pub pn: u32,
    /// The explicit SCI; the TCI's SC bit is set when this is `Some`.
    pub sci: Option<Sci>,
}

/// Why a SecTAG cannot be encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EncodeError {
    /// The output buffer is shorter than the SecTAG.
    BufferTooSmall {
        /// Octets the SecTAG needs.
        needed: usize,
    },
    /// The AN does not fit in two bits.
    AnOutOfRange,
    /// The SL does not fit in six bits.
    SlOutOfRange,
}

impl SecTag {
    /// The TCI/AN octet (V is always 0).
    pub const fn tci_an(&self) -> u8 {
        let mut v = self.an & AN_MASK;
        if self.es {
            v |= TCI_ES;
        }
        if self.sci.is_some() {
            v |= TCI_SC;
        }
        if self.scb {
            v |= TCI_SCB;
        }
        if self.e {
            v |= TCI_E;
        }
        if self.c {
            v |= TCI_C;
        }
        v
    }

    /// Octets the SecTAG takes on the wire, EtherType included.
    pub const fn encoded_len(&self) -> usize {
        if self.sci.is_some() {
            SECTAG_SCI_LEN
        } else {
            SECTAG_LEN
        }
    }

    /// Writes the SecTAG, EtherType first, at the start of `out` and returns
    /// its length.
    ///
    /// Only what cannot be represented is refused: a transmitter may be told
    /// to send a tag a receiver would reject (for instance ES together with
    /// SC), and a fault-injection test may want exactly that.
    pub fn encode(&self, out: &mut [u8]) -> Result<usize, EncodeError> {
        if self.an > AN_MASK {
            return Err(EncodeError::AnOutOfRange);
        }
        if self.sl & SL_RESERVED != 0 {
            return Err(EncodeError::SlOutOfRange);
        }
        let len = self.encoded_len();
        let dst = out
            .get_mut(..len)
            .ok_or(EncodeError::BufferTooSmall { needed: len })?;
        let [e0, e1] = ETHERTYPE.to_be_bytes();
        let [p0, p1, p2, p3] = self.pn.to_be_bytes();
        let head = [e0, e1, self.tci_an(), self.sl, p0, p1, p2, p3];
        // Zipped copies: `len` covers the SecTAG and the SCI, and unlike
        // `copy_from_slice` a zip has no length-mismatch panic to compile in.
        let sci = self.sci.as_ref().map_or(&[][..], |sci| &sci.0[..]);
        for (d, s) in dst.iter_mut().zip(head.iter().chain(sci)) {
            *d = *s;
        }
        Ok(len)
    }
}

/// The SL value for `data_len` octets of secure data (802.1AE 9.7).
pub const fn short_length(data_len: usize) -> u8 {
    if data_len < SHORT_LEN_LIMIT {
        // Lossless: data_len < 48.
        data_len as u8
    } else {
        0
    }
}

/// Why a received frame is not a valid MACsec frame.
///
/// The checks run in the order of the variants below and the first failing
/// one is reported, so a frame with several defects always gives the same
/// error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecTagError {
    /// The frame ends before its SecTAG and ICV do.
    Truncated,
    /// The EtherType is not 0x88E5: an untagged frame.
    NotMacsec,
    /// The V bit is set (802.1AE 9.12 c).
    Version,
    /// SC is set together with ES or SCB (9.12 d).
    ScWithEsOrScb,
    /// One of the two reserved bits of the SL octet is set (9.12 e).
    ReservedSlBits,
    /// E = 1 with C = 0: reserved for the KaY (802.1AE 9.5), not a data frame.
    /// The EIP-160 classifies such frames as KaY frames rather than bad tags.
    KaY,
    /// C = 1 with E = 0: an ICV of non-default length, which no GCM-AES cipher
    /// suite has.
    ChangedNotEncrypted,
    /// PN = 0 without an XPN cipher suite (9.12 and 802.1AEbw figure 10-5).
    ZeroPn,
    /// SL is 48 or more (9.7: SL is only used for shorter secure data).
    SlOutOfRange,
    /// SL is not zero and differs from the secure data length (9.12 f, g).
    SlMismatch,
    /// SL is zero but the secure data is shorter than 48 octets (9.12 h).
    ShortWithoutSl,
}

/// A SecTAG that passed [`parse`], with where its parts lie in the frame.
///
/// Only [`parse`] builds one, so its offsets are consistent with the frame
/// that was parsed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parsed {
    tag: SecTag,
    sci: Option<Sci>,
    source: [u8; 6],
    data_len: usize,
    tags_len: usize,
}

impl Parsed {
    /// The SecTAG fields.
    pub const fn tag(&self) -> &SecTag {
        &self.tag
    }

    /// The SCI of the frame: the explicit one, or the implicit one when
    /// ES = 1; `None` when neither SC nor ES is set (the receiver then knows
    /// the SCI only from its configuration).
    pub const fn sci(&self) -> Option<Sci> {
        self.sci
    }

    /// The source MAC address of the frame.
    pub const fn source(&self) -> [u8; 6] {
        self.source
    }

    /// Octets before the secure data: DA, SA, the VLAN tags left in clear
    /// before the SecTAG, and the SecTAG.
    pub const fn header_len(&self) -> usize {
        MAC_HDR_LEN + self.tags_len + self.tag.encoded_len()
    }

    /// Octets of VLAN tags in clear between the source address and the
    /// SecTAG (0 for a plain 802.1AE frame).
    pub const fn tags_len(&self) -> usize {
        self.tags_len
    }

    /// Offset of the SecTAG (its EtherType) in the frame.
    pub const fn sectag_offset(&self) -> usize {
        MAC_HDR_LEN + self.tags_len
    }

    /// Octets of secure data, between the SecTAG and the ICV.
    pub const fn data_len(&self) -> usize {
        self.data_len
    }

    /// Octets of the whole secure frame.
    pub const fn frame_len(&self) -> usize {
        self.header_len() + self.data_len + ICV_LEN
    }

    /// Whether the secure data is encrypted (E = 1, and then C = 1).
    pub const fn encrypted(&self) -> bool {
        self.tag.e
    }
}

/// Reads `N` octets at `at`, or `None` past the end of `frame`.
fn field<const N: usize>(frame: &[u8], at: usize) -> Option<[u8; N]> {
    let end = at.checked_add(N)?;
    frame.get(at..end)?.try_into().ok()
}

/// Parses and validates the SecTAG of `frame` (starting at the destination
/// address, without FCS).
///
/// `xpn` says whether the SA the frame is meant for uses an XPN cipher suite,
/// where a header PN of 0 is legal. Nothing but the SecTAG and the lengths is
/// checked: the ICV is the transform's business.
pub fn parse(frame: &[u8], xpn: bool) -> Result<Parsed, SecTagError> {
    parse_at(frame, MAC_HDR_LEN, xpn)
}

/// [`parse`] for a SecTAG at offset `off` of `frame`, after VLAN tags left in
/// clear (`off` is at least [`MAC_HDR_LEN`]; the octets in between are the
/// tags).
pub fn parse_at(frame: &[u8], off: usize, xpn: bool) -> Result<Parsed, SecTagError> {
    let parsed = layout_at(frame, off)?;
    let tci = wire_tci_an(frame, &parsed);
    let pn = parsed.tag.pn;
    let sl = parsed.tag.sl;

    if tci & TCI_V != 0 {
        return Err(SecTagError::Version);
    }
    let sc = tci & TCI_SC != 0;
    let es = tci & TCI_ES != 0;
    let scb = tci & TCI_SCB != 0;
    if sc && (es || scb) {
        return Err(SecTagError::ScWithEsOrScb);
    }
    if sl & SL_RESERVED != 0 {
        return Err(SecTagError::ReservedSlBits);
    }
    let e = tci & TCI_E != 0;
    let c = tci & TCI_C != 0;
    match (e, c) {
        (true, false) => return Err(SecTagError::KaY),
        (false, true) => return Err(SecTagError::ChangedNotEncrypted),
        _ => {}
    }
    if pn == 0 && !xpn {
        return Err(SecTagError::ZeroPn);
    }
    check_short_length(sl, parsed.data_len)?;
    Ok(parsed)
}

/// The SL rules of 802.1AE 9.7 and 9.12 f-h for `data_len` octets of secure
/// data.
pub fn check_short_length(sl: u8, data_len: usize) -> Result<(), SecTagError> {
    if sl != 0 {
        if usize::from(sl) >= SHORT_LEN_LIMIT {
            return Err(SecTagError::SlOutOfRange);
        }
        if data_len != usize::from(sl) {
            return Err(SecTagError::SlMismatch);
        }
    } else if data_len < SHORT_LEN_LIMIT {
        return Err(SecTagError::ShortWithoutSl);
    }
    Ok(())
}

/// The fields and layout of a SecTAG at offset `off` of `frame`, without any
/// of the validity checks: only a frame too short to hold it, its SCI and an
/// ICV is refused. The engine's classifier applies the checks its
/// `SAM_NM_PARAMS` enables on what this returns.
pub fn layout_at(frame: &[u8], off: usize) -> Result<Parsed, SecTagError> {
    let tags_len = off.checked_sub(MAC_HDR_LEN).ok_or(SecTagError::Truncated)?;
    let [t0, t1] = field::<2>(frame, off).ok_or(SecTagError::Truncated)?;
    if u16::from_be_bytes([t0, t1]) != ETHERTYPE {
        return Err(SecTagError::NotMacsec);
    }
    let at = |rel: usize| off.checked_add(rel).ok_or(SecTagError::Truncated);
    let [tci] = field::<1>(frame, at(TCI_OFF)?).ok_or(SecTagError::Truncated)?;
    let [sl] = field::<1>(frame, at(SL_OFF)?).ok_or(SecTagError::Truncated)?;
    let pn = u32::from_be_bytes(field::<4>(frame, at(PN_OFF)?).ok_or(SecTagError::Truncated)?);
    let es = tci & TCI_ES != 0;
    let explicit = if tci & TCI_SC != 0 {
        Some(Sci(
            field::<SCI_LEN>(frame, at(SCI_OFF)?).ok_or(SecTagError::Truncated)?
        ))
    } else {
        None
    };
    let source = field::<6>(frame, 6).ok_or(SecTagError::Truncated)?;
    let tag = SecTag {
        es,
        scb: tci & TCI_SCB != 0,
        e: tci & TCI_E != 0,
        c: tci & TCI_C != 0,
        an: tci & AN_MASK,
        sl,
        pn,
        sci: explicit,
    };
    let data_len = frame
        .len()
        .checked_sub(off + tag.encoded_len() + ICV_LEN)
        .ok_or(SecTagError::Truncated)?;
    let sci = match explicit {
        Some(sci) => Some(sci),
        None if es => Some(Sci::implicit(source)),
        None => None,
    };
    Ok(Parsed {
        tag,
        sci,
        source,
        data_len,
        tags_len,
    })
}

/// The TCI/AN octet of `tag` as it was on the wire, V bit included: what a
/// SAM entry's TCI/AN compare sees.
pub fn wire_tci_an(frame: &[u8], parsed: &Parsed) -> u8 {
    frame
        .get(parsed.sectag_offset() + TCI_OFF)
        .copied()
        .unwrap_or(0)
}
