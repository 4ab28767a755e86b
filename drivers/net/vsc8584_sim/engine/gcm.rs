// SPDX-License-Identifier: GPL-2.0

//! The AES-GCM primitive the transform core needs, as a trait.
//!
//! The engine never holds a cipher of its own: the kernel simulator implements
//! [`AeadGcm`] on top of lib/crypto's `aesgcm_expandkey()`/`aesgcm_encrypt()`/
//! `aesgcm_decrypt()` (CRYPTO_LIB_AESGCM), the host tests on top of RustCrypto.
//! Both are plain 96-bit-IV GCM with a 16-octet tag, which is all the MACsec
//! cipher suites use (802.1AE 14.5, 14.6); the key length (128 or 256 bits)
//! is fixed when the implementor is built from the SAK, so the trait does not
//! carry it.
//!
//! The methods work in place on one buffer so that the engine can encrypt a
//! frame inside the caller's output buffer without a bounce copy, and the
//! associated data is a separate slice so that it can be a prefix of that same
//! buffer (the transform splits it with `split_at_mut`).

/// Length in octets of a GCM initialisation vector as MACsec builds it.
pub const IV_LEN: usize = 12;

/// Length in octets of the GCM tag, which MACsec sends as the ICV.
pub const TAG_LEN: usize = 16;

/// The tag computed over a received frame did not match its ICV.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AuthError;

/// The implementation cannot process inputs this long (lib/crypto takes
/// `int` lengths); frames never are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SealError;

/// AES-GCM with a 96-bit IV and a 16-octet tag, for one key.
///
/// Implementations must be deterministic functions of the key and the
/// arguments (no internal state changes between calls), because the engine
/// calls them for frames of independent SAs in any order.
pub trait AeadGcm {
    /// Encrypts `data` in place under `iv`, authenticating `aad` and the
    /// ciphertext, and returns the tag.
    ///
    /// `data` may be empty, which turns GCM into GMAC over `aad`: that is how
    /// integrity-only MACsec frames are protected.
    fn seal(
        &self,
        iv: &[u8; IV_LEN],
        aad: &[u8],
        data: &mut [u8],
    ) -> Result<[u8; TAG_LEN], SealError>;

    /// Checks `tag` over `aad` and the ciphertext in `data`, and on success
    /// decrypts `data` in place.
    ///
    /// On failure the content of `data` is unspecified; the engine never
    /// delivers it (it wipes its output instead).
    fn open(
        &self,
        iv: &[u8; IV_LEN],
        aad: &[u8],
        data: &mut [u8],
        tag: &[u8; TAG_LEN],
    ) -> Result<(), AuthError>;
}
