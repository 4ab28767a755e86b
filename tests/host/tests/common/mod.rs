// SPDX-License-Identifier: GPL-2.0

//! Test support shared by the engine tests: the host implementation of the
//! engine's GCM trait on RustCrypto, and a hex parser for vectors.

// Each test file uses a different subset of this module.
#![allow(dead_code)]

pub mod bench;
pub mod eip160;
pub mod mscc;
pub mod vectors;

use aes_gcm::aead::{AeadInPlace, KeyInit};
use aes_gcm::{Aes128Gcm, Aes256Gcm, Nonce, Tag};
use rsmacsec_host::engine::datapath::GcmFactory;
use rsmacsec_host::engine::gcm::{AeadGcm, AuthError, SealError, IV_LEN, TAG_LEN};

/// AES-GCM on RustCrypto: the host counterpart of lib/crypto's aesgcm.
pub enum Gcm {
    /// A 128-bit key.
    Aes128(Box<Aes128Gcm>),
    /// A 256-bit key.
    Aes256(Box<Aes256Gcm>),
}

impl Gcm {
    /// Expands `key`, which must be 16 or 32 octets long.
    pub fn new(key: &[u8]) -> Self {
        match key.len() {
            16 => Gcm::Aes128(Box::new(Aes128Gcm::new_from_slice(key).unwrap())),
            32 => Gcm::Aes256(Box::new(Aes256Gcm::new_from_slice(key).unwrap())),
            n => panic!("no AES key has {n} octets"),
        }
    }
}

impl AeadGcm for Gcm {
    fn seal(
        &self,
        iv: &[u8; IV_LEN],
        aad: &[u8],
        data: &mut [u8],
    ) -> Result<[u8; TAG_LEN], SealError> {
        let nonce = Nonce::from_slice(iv);
        let tag = match self {
            Gcm::Aes128(c) => c.encrypt_in_place_detached(nonce, aad, data),
            Gcm::Aes256(c) => c.encrypt_in_place_detached(nonce, aad, data),
        };
        // Only inputs beyond 2^36 octets fail; frames never are.
        tag.map(Into::into).map_err(|_| SealError)
    }

    fn open(
        &self,
        iv: &[u8; IV_LEN],
        aad: &[u8],
        data: &mut [u8],
        tag: &[u8; TAG_LEN],
    ) -> Result<(), AuthError> {
        let nonce = Nonce::from_slice(iv);
        let tag = Tag::from_slice(tag);
        match self {
            Gcm::Aes128(c) => c.decrypt_in_place_detached(nonce, aad, data, tag),
            Gcm::Aes256(c) => c.decrypt_in_place_detached(nonce, aad, data, tag),
        }
        .map_err(|_| AuthError)
    }
}

/// Builds [`Gcm`]s for the engine's data path.
pub struct HostGcm;

impl GcmFactory for HostGcm {
    type Gcm = Gcm;

    fn expand(&self, key: &[u8]) -> Option<Gcm> {
        match key.len() {
            16 | 32 => Some(Gcm::new(key)),
            _ => None,
        }
    }
}

/// Parses hex digits, ignoring whitespace.
pub fn hex(s: &str) -> Vec<u8> {
    let digits: Vec<u8> = s
        .bytes()
        .filter(|b| !b.is_ascii_whitespace())
        .map(|b| match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            b'A'..=b'F' => b - b'A' + 10,
            _ => panic!("not a hex digit: {:?}", b as char),
        })
        .collect();
    assert!(digits.len().is_multiple_of(2), "odd number of hex digits");
    digits.chunks(2).map(|p| p[0] << 4 | p[1]).collect()
}

/// A tiny deterministic generator (xorshift64*), so that the randomised tests
/// are reproducible without a dependency.
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A random number below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Fills `buf` with random octets.
    pub fn fill(&mut self, buf: &mut [u8]) {
        for b in buf {
            *b = self.next_u64() as u8;
        }
    }
}
