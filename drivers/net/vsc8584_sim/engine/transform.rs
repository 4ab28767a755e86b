// SPDX-License-Identifier: GPL-2.0

//! Egress protection and ingress verification of one frame (IEEE 802.1AE-2018
//! clause 14, GCM-AES and GCM-AES-XPN cipher suites).
//!
//! Both directions build the frame in a buffer the caller provides and return
//! its length; nothing is allocated. The GCM input is laid out so that the
//! associated data is a prefix of the frame and the text to encrypt follows
//! it directly, which lets one in-place GCM call do the work:
//!
//! ```text
//!  confidentiality (E=C=1):  AAD = DA SA SecTAG [first conf_offset octets]
//!                            P   = rest of the user data, encrypted
//!  integrity only (E=C=0):   AAD = DA SA SecTAG user data,  P = empty
//! ```
//!
//! The IV is `SCI || PN` for GCM-AES and `(SSCI || PN64) XOR salt` for
//! GCM-AES-XPN. As in the EIP-160, the SCI comes from the SA's configuration
//! (the transform record), never from the frame: a frame with an implicit SCI
//! therefore needs no special case, and a misconfigured SCI shows up as an
//! ICV failure at the peer, as it would with the real chip.

use super::gcm::{AeadGcm, IV_LEN, TAG_LEN};
use super::sectag::{
    self, short_length, Parsed, Sci, SecTag, SecTagError, AN_MASK, ICV_LEN, MAC_HDR_LEN,
};

/// Octets of the XPN salt.
pub const SALT_LEN: usize = 12;

/// The cipher suite family of an SA, which decides how the IV is built.
///
/// AES-128 and AES-256 differ only in the key, which the [`AeadGcm`]
/// implementation holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CipherSuite {
    /// GCM-AES-128 or GCM-AES-256: 32-bit PN, IV = SCI || PN.
    Gcm,
    /// GCM-AES-XPN-128 or GCM-AES-XPN-256: 64-bit PN,
    /// IV = (SSCI || PN) XOR salt.
    Xpn {
        /// Short SCI, assigned by the KaY.
        ssci: u32,
        /// 96-bit salt, distributed with the SAK.
        salt: [u8; SALT_LEN],
    },
}

impl CipherSuite {
    /// Whether this is an extended packet numbering suite.
    pub const fn is_xpn(&self) -> bool {
        matches!(self, CipherSuite::Xpn { .. })
    }

    /// The IV for the frame with packet number `pn` on the SC `sci`.
    ///
    /// With [`CipherSuite::Gcm`] only the low 32 bits of `pn` are used; with
    /// [`CipherSuite::Xpn`] `sci` is not used.
    pub fn iv(&self, sci: &Sci, pn: u64) -> [u8; IV_LEN] {
        match self {
            // Truncation intended: the PN of these suites has 32 bits.
            CipherSuite::Gcm => gcm_iv(sci, pn as u32),
            CipherSuite::Xpn { ssci, salt } => xpn_iv(*ssci, pn, salt),
        }
    }
}

/// The GCM-AES IV: `SCI || PN` (802.1AE 14.5).
pub fn gcm_iv(sci: &Sci, pn: u32) -> [u8; IV_LEN] {
    let [s0, s1, s2, s3, s4, s5, s6, s7] = sci.0;
    let [p0, p1, p2, p3] = pn.to_be_bytes();
    [s0, s1, s2, s3, s4, s5, s6, s7, p0, p1, p2, p3]
}

/// The GCM-AES-XPN IV: `(SSCI || PN) XOR salt` (802.1AE 14.6).
pub fn xpn_iv(ssci: u32, pn: u64, salt: &[u8; SALT_LEN]) -> [u8; IV_LEN] {
    let [s0, s1, s2, s3] = ssci.to_be_bytes();
    let [p0, p1, p2, p3, p4, p5, p6, p7] = pn.to_be_bytes();
    let mut iv = [s0, s1, s2, s3, p0, p1, p2, p3, p4, p5, p6, p7];
    for (b, k) in iv.iter_mut().zip(salt) {
        *b ^= k;
    }
    iv
}

/// Recovers the full 64-bit PN of a received XPN frame from the 32 bits in
/// its SecTAG and the SA's next expected PN, as the kernel's `macsec_decrypt()`
/// does.
///
/// The upper half is taken from `next_pn`, plus one when the header PN is
/// below the lower half of `next_pn` and the two lie in different halves of
/// the 32-bit space, i.e. when the lower half has wrapped since. 802.1AE
/// 10.6.2 words this with the lowest acceptable PN (`next_pn` less the
/// replay window). The two agree but for a frame of the replay window behind
/// a 2^32 boundary of `next_pn` (next PN 0x1_0000_0003, window 4, header PN
/// 0xffff_ffff): 802.1AE recovers 0xffff_ffff and takes it, the kernel's rule
/// 0x1_ffff_ffff, whose ICV then fails. Which one the EIP-160 follows is not
/// in the sources used here; this model follows the kernel.
pub const fn recover_xpn_pn(hdr_pn: u32, next_pn: u64) -> u64 {
    // Truncations intended: split the PN into its halves.
    let lower = next_pn as u32;
    let mut upper = (next_pn >> 32) as u32;
    if hdr_pn < lower && (hdr_pn >> 31) != (lower >> 31) {
        // The kernel's pn_t halves wrap the same way.
        upper = upper.wrapping_add(1);
    }
    ((upper as u64) << 32) | hdr_pn as u64
}

/// Returns `buf` split at `mid`, or `None` when `mid` lies past its end
/// (`split_at_mut` would panic).
fn split_mut(buf: &mut [u8], mid: usize) -> Option<(&mut [u8], &mut [u8])> {
    if mid > buf.len() {
        None
    } else {
        Some(buf.split_at_mut(mid))
    }
}

/// Copies `src` into `dst` at `at`; `None` when it does not fit.
fn put(dst: &mut [u8], at: usize, src: &[u8]) -> Option<()> {
    let end = at.checked_add(src.len())?;
    // Same lengths by construction; a zip has no mismatch panic to compile in.
    for (d, s) in dst.get_mut(at..end)?.iter_mut().zip(src) {
        *d = *s;
    }
    Some(())
}

/// How a transmit SA protects frames: what the EIP-160 takes from an egress
/// transform record and its flow control word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TxConfig {
    /// The SCI of the transmit SC: the IV's SCI, and the SecTAG's SCI when
    /// `include_sci` is set.
    pub sci: Sci,
    /// The cipher suite.
    pub suite: CipherSuite,
    /// The association number of the SA, 0 to 3.
    pub an: u8,
    /// Put the SCI in the SecTAG (TCI.SC).
    pub include_sci: bool,
    /// Set TCI.ES (the receiver then derives the SCI from the source address).
    pub end_station: bool,
    /// Set TCI.SCB.
    pub scb: bool,
    /// Encrypt the user data (TCI.E and TCI.C); otherwise integrity only.
    pub encrypt: bool,
    /// Octets of user data left in clear, but authenticated, when encrypting
    /// (802.1AE confidentiality offset: 0, 30 or 50). Larger than the user
    /// data means none of it is encrypted.
    pub conf_offset: u8,
}

/// Why a frame cannot be protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProtectError {
    /// The plaintext frame has no EtherType after its addresses.
    FrameTooShort,
    /// The output buffer cannot hold the secure frame.
    OutputTooSmall {
        /// Octets the secure frame needs.
        needed: usize,
    },
    /// The AN does not fit in two bits.
    AnOutOfRange,
    /// SC was asked for together with ES or SCB; no receiver accepts that.
    ScWithEsOrScb,
    /// The GCM implementation refused the input.
    Cipher,
    /// PN 0 is never sent (802.1AE 10.5.2: the first PN is 1).
    ZeroPn,
    /// The PN does not fit in 32 bits and the suite is not XPN: the SA is
    /// exhausted.
    PnTooLarge,
}

/// Protects the plaintext frame `plain` (`DA || SA || user data`, no FCS)
/// with packet number `pn`, writes the secure frame to the start of `out` and
/// returns its length.
///
/// The SecTAG gets SL = user data length when under 48 octets. On error
/// nothing meaningful has been written to `out`.
pub fn protect<G: AeadGcm + ?Sized>(
    gcm: &G,
    cfg: &TxConfig,
    pn: u64,
    plain: &[u8],
    out: &mut [u8],
) -> Result<usize, ProtectError> {
    protect_with_tags(gcm, cfg, pn, plain, 0, out)
}

/// [`protect`] for a frame whose first `tags_len` octets after the source
/// address stay in clear in front of the SecTAG, neither encrypted nor
/// authenticated (the EIP-160's tag bypass: VLAN tags in clear). The ICV is
/// the one of the frame without them.
pub fn protect_with_tags<G: AeadGcm + ?Sized>(
    gcm: &G,
    cfg: &TxConfig,
    pn: u64,
    plain: &[u8],
    tags_len: usize,
    out: &mut [u8],
) -> Result<usize, ProtectError> {
    let addrs = plain
        .get(..MAC_HDR_LEN)
        .ok_or(ProtectError::FrameTooShort)?;
    let tags_end = MAC_HDR_LEN
        .checked_add(tags_len)
        .ok_or(ProtectError::FrameTooShort)?;
    let tags = plain
        .get(MAC_HDR_LEN..tags_end)
        .ok_or(ProtectError::FrameTooShort)?;
    let user = plain
        .get(tags_end..)
        .filter(|u| u.len() >= 2)
        .ok_or(ProtectError::FrameTooShort)?;
    let len = protect_parts(gcm, cfg, pn, addrs, user, out)?;
    let total = len
        .checked_add(tags_len)
        .ok_or(ProtectError::FrameTooShort)?;
    insert_at(out, len, MAC_HDR_LEN, tags).ok_or(ProtectError::OutputTooSmall { needed: total })?;
    Ok(total)
}

/// Moves `buf[at..len]` right by `ins.len()` and writes `ins` at `at`; `None`
/// when `buf` is too short.
fn insert_at(buf: &mut [u8], len: usize, at: usize, ins: &[u8]) -> Option<()> {
    if ins.is_empty() {
        return Some(());
    }
    let shift = ins.len();
    if len.checked_add(shift)? > buf.len() || at > len {
        return None;
    }
    for i in (at..len).rev() {
        let b = *buf.get(i)?;
        *buf.get_mut(i + shift)? = b;
    }
    put(buf, at, ins)
}

/// Copies `buf[from..from + n]` to `buf[to..]` with `to <= from`.
fn move_down(buf: &mut [u8], from: usize, to: usize, n: usize) -> Option<()> {
    if to > from {
        return None;
    }
    for i in 0..n {
        let b = *buf.get(from.checked_add(i)?)?;
        *buf.get_mut(to.checked_add(i)?)? = b;
    }
    Some(())
}

/// Protects the frame made of `addrs` (DA and SA) and `user` (the user data
/// from its EtherType on) into `out`; see [`protect`].
fn protect_parts<G: AeadGcm + ?Sized>(
    gcm: &G,
    cfg: &TxConfig,
    pn: u64,
    addrs: &[u8],
    user: &[u8],
    out: &mut [u8],
) -> Result<usize, ProtectError> {
    if cfg.an > AN_MASK {
        return Err(ProtectError::AnOutOfRange);
    }
    if cfg.include_sci && (cfg.end_station || cfg.scb) {
        return Err(ProtectError::ScWithEsOrScb);
    }
    if pn == 0 {
        return Err(ProtectError::ZeroPn);
    }
    if !cfg.suite.is_xpn() && pn > u64::from(u32::MAX) {
        return Err(ProtectError::PnTooLarge);
    }

    let tag = SecTag {
        es: cfg.end_station,
        scb: cfg.scb,
        e: cfg.encrypt,
        c: cfg.encrypt,
        an: cfg.an,
        sl: short_length(user.len()),
        // Truncation intended: the SecTAG carries the low 32 bits of an XPN
        // PN, and all of a GCM-AES one (checked above).
        pn: pn as u32,
        sci: if cfg.include_sci { Some(cfg.sci) } else { None },
    };
    let hdr = MAC_HDR_LEN + tag.encoded_len();
    let body_end = hdr.checked_add(user.len());
    let total = body_end.and_then(|b| b.checked_add(ICV_LEN));
    let (Some(body_end), Some(total)) = (body_end, total) else {
        return Err(ProtectError::FrameTooShort);
    };
    let too_small = ProtectError::OutputTooSmall { needed: total };
    let frame = out.get_mut(..total).ok_or(too_small)?;

    put(frame, 0, addrs).ok_or(too_small)?;
    let sectag_out = frame.get_mut(MAC_HDR_LEN..).ok_or(too_small)?;
    // Cannot fail: the AN was checked and SL is below 48.
    tag.encode(sectag_out).map_err(|_| too_small)?;
    put(frame, hdr, user).ok_or(too_small)?;

    let aad_end = if cfg.encrypt {
        hdr + usize::from(cfg.conf_offset).min(user.len())
    } else {
        body_end
    };
    let iv = cfg.suite.iv(&cfg.sci, pn);
    let (body, icv_out) = split_mut(frame, body_end).ok_or(too_small)?;
    let (aad, text) = split_mut(body, aad_end).ok_or(too_small)?;
    let icv = gcm.seal(&iv, aad, text).map_err(|_| ProtectError::Cipher)?;
    let icv_out: &mut [u8; TAG_LEN] = icv_out.try_into().map_err(|_| too_small)?;
    *icv_out = icv;
    Ok(total)
}

/// How a receive SA verifies frames: what the EIP-160 takes from an ingress
/// transform record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RxConfig {
    /// The SCI of the receive SC, used in the GCM-AES IV.
    pub sci: Sci,
    /// The cipher suite.
    pub suite: CipherSuite,
    /// Octets of user data the peer left in clear when encrypting (see
    /// [`TxConfig::conf_offset`]).
    pub conf_offset: u8,
}

/// Why a received frame was not delivered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerifyError {
    /// The frame is not a valid MACsec frame.
    SecTag(SecTagError),
    /// The output buffer cannot hold the plaintext frame.
    OutputTooSmall {
        /// Octets the plaintext frame needs.
        needed: usize,
    },
    /// The [`Parsed`] given does not describe the frame given.
    FrameMismatch,
    /// The ICV does not match: wrong key, SCI or PN, or a modified frame.
    Auth,
    /// An encrypted frame cannot be delivered without checking it.
    Encrypted,
}

impl From<SecTagError> for VerifyError {
    fn from(e: SecTagError) -> Self {
        VerifyError::SecTag(e)
    }
}

/// A frame that passed [`verify`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verified {
    /// Its SecTAG and layout.
    pub frame: Parsed,
    /// Its full packet number (recovered to 64 bits with XPN).
    pub pn: u64,
    /// Length of the plaintext frame written to the output.
    pub len: usize,
}

/// Parses, authenticates and decrypts the secure frame `secure` (no FCS),
/// writes the plaintext frame (`DA || SA || user data`) to the start of `out`
/// and returns what was found.
///
/// `next_pn` is the SA's next expected PN; only XPN uses it, to recover the
/// upper half of the PN ([`recover_xpn_pn`]). Replay checking is left to the
/// caller, which gets the recovered PN back. When the ICV check fails, the
/// octets of `out` the plaintext frame would have taken are zeroed, so that
/// unauthenticated data never leaves by mistake.
pub fn verify<G: AeadGcm + ?Sized>(
    gcm: &G,
    cfg: &RxConfig,
    next_pn: u64,
    secure: &[u8],
    out: &mut [u8],
) -> Result<Verified, VerifyError> {
    let frame = sectag::parse(secure, cfg.suite.is_xpn())?;
    let hdr_pn = frame.tag().pn;
    let pn = if cfg.suite.is_xpn() {
        recover_xpn_pn(hdr_pn, next_pn)
    } else {
        u64::from(hdr_pn)
    };
    let len = open(gcm, cfg, &frame, pn, secure, out)?;
    Ok(Verified { frame, pn, len })
}

/// The parts of a secure frame that survive or check the transform.
struct Parts<'a> {
    /// Destination and source address.
    addrs: &'a [u8],
    /// VLAN tags in clear before the SecTAG.
    tags: &'a [u8],
    /// The secure data, between SecTAG and ICV.
    data: &'a [u8],
}

/// Finds the parts of `secure` that `frame` describes.
fn parts<'a>(frame: &Parsed, secure: &'a [u8]) -> Result<Parts<'a>, VerifyError> {
    if secure.len() != frame.frame_len() {
        return Err(VerifyError::FrameMismatch);
    }
    let data_end = frame.header_len() + frame.data_len();
    let addrs = secure.get(..MAC_HDR_LEN);
    let tags = secure.get(MAC_HDR_LEN..frame.sectag_offset());
    let data = secure.get(frame.header_len()..data_end);
    match (addrs, tags, data) {
        (Some(addrs), Some(tags), Some(data)) => Ok(Parts { addrs, tags, data }),
        _ => Err(VerifyError::FrameMismatch),
    }
}

/// Authenticates and decrypts `secure`, already parsed into `frame`, with
/// the full packet number `pn`; writes the plaintext frame to `out` and
/// returns its length.
///
/// This is [`verify`] for a caller that parsed the frame itself (to look up
/// the SA by SCI and AN first) and recovered the PN itself. VLAN tags in
/// clear before the SecTAG ([`Parsed::tags_len`]) are not authenticated and
/// stay in the plaintext frame, after the source address; such a frame
/// needs `out` to hold the secure frame without its tags, the others only
/// the plaintext frame.
pub fn open<G: AeadGcm + ?Sized>(
    gcm: &G,
    cfg: &RxConfig,
    frame: &Parsed,
    pn: u64,
    secure: &[u8],
    out: &mut [u8],
) -> Result<usize, VerifyError> {
    let Parts { addrs, tags, data } = parts(frame, secure)?;
    if !tags.is_empty() {
        return open_tags_in_clear(gcm, cfg, frame, pn, secure, out);
    }
    let plain_len = MAC_HDR_LEN + data.len();
    let too_small = VerifyError::OutputTooSmall { needed: plain_len };
    let icv: [u8; ICV_LEN] = secure
        .get(frame.header_len() + data.len()..)
        .and_then(|i| i.try_into().ok())
        .ok_or(VerifyError::FrameMismatch)?;
    let dst = out.get_mut(..plain_len).ok_or(too_small)?;
    put(dst, 0, addrs).ok_or(too_small)?;
    put(dst, MAC_HDR_LEN, data).ok_or(too_small)?;

    let iv = cfg.suite.iv(&cfg.sci, pn);
    let result = if frame.encrypted() {
        let clear = usize::from(cfg.conf_offset).min(data.len());
        let aad = secure.get(..frame.header_len() + clear);
        let text = split_mut(dst, MAC_HDR_LEN + clear).map(|(_, t)| t);
        match (aad, text) {
            (Some(aad), Some(text)) => gcm.open(&iv, aad, text, &icv),
            _ => return Err(VerifyError::FrameMismatch),
        }
    } else {
        let aad = secure
            .get(..frame.header_len() + data.len())
            .ok_or(VerifyError::FrameMismatch)?;
        gcm.open(&iv, aad, &mut [], &icv)
    };
    if result.is_err() {
        dst.fill(0);
        return Err(VerifyError::Auth);
    }
    Ok(plain_len)
}

/// [`open`] for a frame with VLAN tags in clear before its SecTAG: the ICV
/// covers the frame without them, so the frame is put together without the
/// tags in `out`, opened in place, and the tags go back in.
fn open_tags_in_clear<G: AeadGcm + ?Sized>(
    gcm: &G,
    cfg: &RxConfig,
    frame: &Parsed,
    pn: u64,
    secure: &[u8],
    out: &mut [u8],
) -> Result<usize, VerifyError> {
    let Parts { addrs, tags, data } = parts(frame, secure)?;
    let tags_len = tags.len();
    // The frame as the ICV covers it, without the tags: DA SA SecTAG data ICV.
    let hdr = frame.header_len() - tags_len;
    let data_len = data.len();
    let untagged_len = frame.frame_len() - tags_len;
    let plain_len = MAC_HDR_LEN + tags_len + data_len;
    let too_small = VerifyError::OutputTooSmall {
        needed: untagged_len.max(plain_len),
    };
    let buf = out.get_mut(..untagged_len).ok_or(too_small)?;
    put(buf, 0, addrs).ok_or(too_small)?;
    let sectag = secure
        .get(frame.sectag_offset()..)
        .ok_or(VerifyError::FrameMismatch)?;
    put(buf, MAC_HDR_LEN, sectag).ok_or(too_small)?;

    let icv: [u8; ICV_LEN] = buf
        .get(hdr + data_len..)
        .and_then(|i| i.try_into().ok())
        .ok_or(VerifyError::FrameMismatch)?;
    let iv = cfg.suite.iv(&cfg.sci, pn);
    let result = if frame.encrypted() {
        let clear = usize::from(cfg.conf_offset).min(data_len);
        match split_mut(buf, hdr + clear) {
            Some((aad, rest)) => match rest.get_mut(..data_len - clear) {
                Some(text) => gcm.open(&iv, aad, text, &icv),
                None => return Err(VerifyError::FrameMismatch),
            },
            None => return Err(VerifyError::FrameMismatch),
        }
    } else {
        let aad = buf
            .get(..hdr + data_len)
            .ok_or(VerifyError::FrameMismatch)?;
        gcm.open(&iv, aad, &mut [], &icv)
    };
    if result.is_err() {
        buf.fill(0);
        return Err(VerifyError::Auth);
    }
    // DA SA data, then the tags back in after the source address.
    move_down(out, hdr, MAC_HDR_LEN + tags_len, data_len).ok_or(too_small)?;
    put(out, MAC_HDR_LEN, tags).ok_or(too_small)?;
    Ok(plain_len)
}

/// Removes the SecTAG and ICV of the integrity-only frame `secure`, already
/// parsed into `frame`, without checking the ICV; writes the frame to `out`
/// and returns its length.
///
/// This is what validateFrames = Disabled delivers, and what Check delivers
/// for an integrity-only frame whose ICV failed (802.1AE 10.6.5). Encrypted
/// frames are refused: their user data is ciphertext.
pub fn strip_unchecked(
    frame: &Parsed,
    secure: &[u8],
    out: &mut [u8],
) -> Result<usize, VerifyError> {
    if frame.encrypted() {
        return Err(VerifyError::Encrypted);
    }
    let Parts { addrs, tags, data } = parts(frame, secure)?;
    let plain_len = MAC_HDR_LEN + tags.len() + data.len();
    let too_small = VerifyError::OutputTooSmall { needed: plain_len };
    let dst = out.get_mut(..plain_len).ok_or(too_small)?;
    put(dst, 0, addrs).ok_or(too_small)?;
    put(dst, MAC_HDR_LEN, tags).ok_or(too_small)?;
    put(dst, MAC_HDR_LEN + tags.len(), data).ok_or(too_small)?;
    Ok(plain_len)
}
