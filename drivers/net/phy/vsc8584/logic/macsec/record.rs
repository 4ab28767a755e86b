// SPDX-License-Identifier: GPL-2.0

//! Transform records: the words of an SA's context, in MESA's layout
//! ([`crate::hw::eip160::record::layout`]).
//!
//! A record holds the control word (direction, cipher, the SA's own AN on egress, PN width),
//! a context identifier, the key and the GHASH key H, the sequence number (egress: the last PN
//! sent, so `next_pn - 1`; ingress: the next PN expected), the ingress replay window, the IV
//! material (the SCI, or for XPN the salt with the SSCI folded into its first word) and zeros up
//! to the end of the layout.

use crate::hw::eip160::record::{self as rec, Layout};
use crate::logic::macsec::types::{Cipher, SaKey, Sci};

/// Words of the largest record the driver writes (the egress context size).
pub const MAX_WORDS: usize = 24;

/// What a record is built from.
#[derive(Clone, Copy, Debug)]
pub struct RecordSpec<'a> {
    /// Ingress (verify) or egress (protect).
    pub ingress: bool,
    /// Cipher suite of the SecY.
    pub cipher: Cipher,
    /// The SA's keys.
    pub key: &'a SaKey,
    /// The SA's AN (egress records carry it).
    pub an: u8,
    /// The sequence number word(s) as the engine holds them.
    pub seq: u64,
    /// Ingress replay window.
    pub window: u32,
    /// The SCI of the IV: the SecY's on egress, the peer's on ingress.
    pub sci: Sci,
    /// Context identifier.
    pub ctx: u32,
}

/// The cipher's algorithm code and key words.
pub const fn alg(cipher: Cipher) -> (u32, u16) {
    match cipher {
        Cipher::GcmAes128 | Cipher::GcmAesXpn128 => (rec::ALG_AES128, 4),
        Cipher::GcmAes256 | Cipher::GcmAesXpn256 => (rec::ALG_AES256, 8),
    }
}

/// The layout of the records of `cipher` in one direction.
pub const fn layout(cipher: Cipher, ingress: bool) -> Layout {
    rec::layout(alg(cipher).1, ingress, cipher.is_xpn())
}

/// The number of words of the record up to the last one the layout uses.
pub const fn len(cipher: Cipher, ingress: bool) -> usize {
    let l = layout(cipher, ingress);
    let seq_end = l.seq as usize + if cipher.is_xpn() { 2 } else { 1 };
    let mut end = seq_end;
    if let Some(w) = l.window {
        if w as usize + 1 > end {
            end = w as usize + 1;
        }
    }
    if let Some(s) = l.salt {
        if s as usize + 3 > end {
            end = s as usize + 3;
        }
    }
    if let Some(s) = l.sci {
        if s as usize + 2 > end {
            end = s as usize + 2;
        }
    }
    end
}

/// The record words of sequence numbers as a bit set (word `i` is bit `i`).
pub const fn seq_mask(cipher: Cipher, ingress: bool) -> u32 {
    let at = layout(cipher, ingress).seq;
    if cipher.is_xpn() {
        3 << at
    } else {
        1 << at
    }
}

/// The record words of the replay window as a bit set.
pub const fn window_mask(cipher: Cipher, ingress: bool) -> u32 {
    match layout(cipher, ingress).window {
        Some(w) => 1 << w,
        None => 0,
    }
}

fn put(words: &mut [u32; MAX_WORDS], at: u16, v: u32) {
    if let Some(w) = words.get_mut(usize::from(at)) {
        *w = v;
    }
}

/// Writes `bytes` as words from `at` on, first octet in bits 7:0.
fn put_bytes(words: &mut [u32; MAX_WORDS], at: u16, bytes: &[u8]) {
    for (k, chunk) in bytes.chunks(4).enumerate() {
        let mut b = [0u8; 4];
        for (d, s) in b.iter_mut().zip(chunk) {
            *d = *s;
        }
        put(words, at.wrapping_add(k as u16), u32::from_le_bytes(b));
    }
}

/// Builds the record of `spec`.
pub fn build(spec: &RecordSpec<'_>) -> [u32; MAX_WORDS] {
    let mut w = [0u32; MAX_WORDS];
    let (alg_code, key_words) = alg(spec.cipher);
    let xpn = spec.cipher.is_xpn();
    let control = if spec.ingress {
        rec::control_ingress(alg_code, xpn)
    } else {
        rec::control_egress(alg_code, spec.an, xpn)
    };
    put(&mut w, rec::CONTROL, control);
    put(&mut w, rec::CONTEXT_ID, spec.ctx);
    let key_len = usize::from(key_words) * 4;
    put_bytes(&mut w, rec::KEY, spec.key.key.get(..key_len).unwrap_or(&[]));
    put_bytes(&mut w, rec::KEY + key_words, &spec.key.hash_key);
    let l = layout(spec.cipher, spec.ingress);
    put(&mut w, l.seq, spec.seq as u32);
    if xpn {
        put(&mut w, l.seq + 1, (spec.seq >> 32) as u32);
    }
    if let Some(at) = l.window {
        put(&mut w, at, spec.window);
    }
    if let Some(at) = l.salt {
        let mut is = spec.key.salt;
        for (d, x) in is.iter_mut().zip(spec.key.ssci.to_be_bytes()) {
            *d ^= x;
        }
        put_bytes(&mut w, at, &is);
    }
    if let Some(at) = l.sci {
        put_bytes(&mut w, at, &spec.sci);
    }
    w
}

/// The words holding key material (the key and H), as a bit set: what is wiped when an SA goes.
pub const fn key_mask(cipher: Cipher) -> u32 {
    let words = alg(cipher).1 + rec::HASH_WORDS;
    ((1u32 << words) - 1) << rec::KEY
}
