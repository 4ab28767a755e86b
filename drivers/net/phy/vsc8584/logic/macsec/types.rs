// SPDX-License-Identifier: GPL-2.0

//! What the MACsec offload operations are given and give back: plain values, converted from
//! the kernel's SecY, channels and associations by the kernel shell (`macsec.rs`).

/// A secure channel identifier, in wire order (MAC address, then port, big endian).
pub type Sci = [u8; 8];

/// The cipher suite of a SecY.
///
/// `repr(u8)` with the first variant 0, as for [`Validate`]: the driver's tables are valid when
/// all-zero, so that the kernel can allocate them zeroed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Cipher {
    /// GCM-AES-128.
    GcmAes128,
    /// GCM-AES-256.
    GcmAes256,
    /// GCM-AES-XPN-128 (64-bit packet numbers).
    GcmAesXpn128,
    /// GCM-AES-XPN-256 (64-bit packet numbers).
    GcmAesXpn256,
}

impl Cipher {
    /// Key length in bytes.
    pub const fn key_len(self) -> usize {
        match self {
            Cipher::GcmAes128 | Cipher::GcmAesXpn128 => 16,
            Cipher::GcmAes256 | Cipher::GcmAesXpn256 => 32,
        }
    }

    /// Whether packet numbers are 64 bits wide.
    pub const fn is_xpn(self) -> bool {
        matches!(self, Cipher::GcmAesXpn128 | Cipher::GcmAesXpn256)
    }

    /// The last packet number of an SA.
    pub const fn max_pn(self) -> u64 {
        if self.is_xpn() {
            u64::MAX
        } else {
            u32::MAX as u64
        }
    }
}

/// What [`super::Offload::handle_interrupt`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Served {
    /// How many events it wrote at the start of `events`: each was carried out in the engine
    /// and the state, and is for the kernel to follow whatever `result` says.
    pub events: usize,
    /// Whether every access worked.
    pub result: crate::logic::error::Result,
}

impl Served {
    /// The number of events when every access worked, else the error.
    pub fn all_ok(self) -> crate::logic::error::Result<usize> {
        self.result.map(|()| self.events)
    }
}

/// What the egress engine's interrupt made the driver do, for the kernel to follow
/// ([`super::Offload::handle_interrupt`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TxEvent {
    /// The encoding SA of SecY `sci` reached the PN switch point and the hardware now sends
    /// with the pre-installed SA `to`; `from` is the encoding SA the kernel last set.
    Switched {
        /// The SecY.
        sci: Sci,
        /// The encoding SA as the kernel knows it.
        from: u8,
        /// The encoding SA of the hardware.
        to: u8,
    },
    /// Transmit SA `an` of SecY `sci` used its last PN with no SA to switch to: it is out of
    /// use (its SecY's frames are dropped, never sent in clear).
    Wrapped {
        /// The SecY.
        sci: Sci,
        /// The association number.
        an: u8,
    },
}

/// How received frames are validated (IEEE 802.1AE `validateFrames`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Validate {
    /// Not validated; the SecTAG is removed.
    Disabled,
    /// Validated; frames that fail are still delivered.
    Check,
    /// Frames that fail are dropped.
    Strict,
}

/// The settings of a SecY.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SecYConfig {
    /// SCI of the transmit secure channel; identifies the SecY.
    pub sci: Sci,
    /// MAC address of the MACsec device: its frames, and only them, are protected.
    pub mac: [u8; 6],
    /// Cipher suite.
    pub cipher: Cipher,
    /// Length of the ICV in bytes (the hardware only makes 16).
    pub icv_len: u8,
    /// Transmitted frames are protected.
    pub protect: bool,
    /// Transmitted frames are encrypted, not only integrity-protected.
    pub encrypt: bool,
    /// The SCI is included in transmitted SecTAGs: the kernel's `tx_sc.send_sci` as set. The
    /// logic also includes it when the SecY has several active receive channels and neither ES
    /// nor SCB, as the kernel's `macsec_send_sci()` does for software MACsec.
    pub send_sci: bool,
    /// The ES bit is set in transmitted SecTAGs.
    pub end_station: bool,
    /// The SCB bit is set in transmitted SecTAGs.
    pub scb: bool,
    /// Association number of the transmit SA in use.
    pub encoding_sa: u8,
    /// Validation of received frames.
    pub validate: Validate,
    /// Replay protection on receive.
    pub replay_protect: bool,
    /// Replay window, in packets.
    pub replay_window: u32,
}

/// Key material of a secure association.
///
/// `Debug` never shows it; the shell wipes its copy after the call, and the logic wipes what it
/// keeps (the shadow of the transform records) when the SA goes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct SaKey {
    /// The SAK; only the first `Cipher::key_len` bytes count.
    pub key: [u8; 32],
    /// The GCM hash subkey H = AES_K(0^128), which the transform record carries. The kernel
    /// computes it with the crypto library, the host tests with RustCrypto.
    pub hash_key: [u8; 16],
    /// Short SCI of an XPN SA (host order); 0 without XPN.
    pub ssci: u32,
    /// Salt of an XPN SA; zeros without XPN.
    pub salt: [u8; 12],
}

impl core::fmt::Debug for SaKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("SaKey([redacted])")
    }
}

/// A transmit or receive secure association to install.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SaConfig {
    /// Association number (0 to 3).
    pub an: u8,
    /// Next packet number to send (transmit) or to expect (receive).
    pub next_pn: u64,
    /// The SA is in use.
    pub active: bool,
    /// Keys.
    pub key: SaKey,
}

/// Counters of a transmit SA (or, summed, of a transmit channel), accumulated in 64 bits by the
/// logic.
///
/// The engine has one frame and one octet counter per SA; the logic splits them by the SecY's
/// `encrypt` setting at the time (it reads the counters when the setting changes), so that
/// `OutPktsEncrypted` = `encrypted_pkts` and `OutPktsProtected` = `pkts - encrypted_pkts`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TxSaCounters {
    /// Frames protected, encrypted or only integrity-protected.
    pub pkts: u64,
    /// Octets of user data of those frames.
    pub octets: u64,
    /// Of `pkts`, the frames that were encrypted.
    pub encrypted_pkts: u64,
    /// Of `octets`, those encrypted.
    pub encrypted_octets: u64,
}

/// Counters of a receive SA, accumulated in 64 bits by the logic.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RxSaCounters {
    /// Frames validated (InPktsOK).
    pub ok: u64,
    /// Frames that failed validation but were delivered (InPktsInvalid).
    pub invalid: u64,
    /// Frames that failed validation and were dropped (InPktsNotValid).
    pub not_valid: u64,
    /// Frames for the SA while not in use, dropped (InPktsNotUsingSA).
    pub not_using_sa: u64,
    /// Frames for the SA while not in use, delivered (InPktsUnusedSA).
    pub unused_sa: u64,
    /// Frames received with validation disabled (InPktsUnchecked).
    pub unchecked: u64,
    /// Frames below the replay window, delivered (InPktsDelayed).
    pub delayed: u64,
    /// Frames below the replay window, dropped (InPktsLate).
    pub late: u64,
    /// Octets of user data validated or decrypted: the engine counts both in one counter
    /// (`InOctetsDecrypted/Validated`), so they are not told apart.
    pub octets: u64,
}

impl RxSaCounters {
    /// Adds `o` to `self`.
    pub fn add(&mut self, o: &Self) {
        self.ok = self.ok.wrapping_add(o.ok);
        self.invalid = self.invalid.wrapping_add(o.invalid);
        self.not_valid = self.not_valid.wrapping_add(o.not_valid);
        self.not_using_sa = self.not_using_sa.wrapping_add(o.not_using_sa);
        self.unused_sa = self.unused_sa.wrapping_add(o.unused_sa);
        self.unchecked = self.unchecked.wrapping_add(o.unchecked);
        self.delayed = self.delayed.wrapping_add(o.delayed);
        self.late = self.late.wrapping_add(o.late);
        self.octets = self.octets.wrapping_add(o.octets);
    }
}

impl TxSaCounters {
    /// Adds `o` to `self`.
    pub fn add(&mut self, o: &Self) {
        self.pkts = self.pkts.wrapping_add(o.pkts);
        self.octets = self.octets.wrapping_add(o.octets);
        self.encrypted_pkts = self.encrypted_pkts.wrapping_add(o.encrypted_pkts);
        self.encrypted_octets = self.encrypted_octets.wrapping_add(o.encrypted_octets);
    }
}

/// Counters of a SecY (the kernel's `macsec_dev_stats`), accumulated in 64 bits.
///
/// `out_untagged`, `in_untagged` and `in_no_tag` are the SecY's own (its guard entries count
/// them); `out_too_long` sums its transmit SAs; `in_bad_tag`, `in_unknown_sci` and `in_no_sci`
/// are the engine's, for all SecYs of the PHY together (a frame the engine cannot attribute has no
/// SecY); the engine has no overrun, so `in_overrun` stays 0.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DevCounters {
    /// OutPktsUntagged.
    pub out_untagged: u64,
    /// OutPktsTooLong.
    pub out_too_long: u64,
    /// InPktsUntagged.
    pub in_untagged: u64,
    /// InPktsNoTag.
    pub in_no_tag: u64,
    /// InPktsBadTag.
    pub in_bad_tag: u64,
    /// InPktsUnknownSCI.
    pub in_unknown_sci: u64,
    /// InPktsNoSCI.
    pub in_no_sci: u64,
    /// InPktsOverrun.
    pub in_overrun: u64,
}
