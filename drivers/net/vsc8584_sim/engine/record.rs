// SPDX-License-Identifier: GPL-2.0

//! Transform records as the engine reads them from its register bank: which
//! cipher, key, AN, sequence number and IV an SA uses. The word layout is
//! MESA's (`crate::regdesc::xform`).

use super::sectag::Sci;
use super::transform::{CipherSuite, SALT_LEN};
use crate::regdesc::xform::{self, control, Layout};
use crate::regs::macsec_bank::MacsecBank;

/// Longest key: AES-256.
pub const MAX_KEY_LEN: usize = 32;

/// Why a record cannot be used for a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// The record type is not the one of the engine's direction.
    WrongType,
    /// The control word names no AES cipher.
    BadCipher,
    /// The sequence number type is neither 32 nor 64 bits.
    BadSeqType,
}

/// A transform record, decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Record {
    /// Index of the record (and of its SAM entry and SA counters).
    pub index: u16,
    /// The control word.
    pub control: u32,
    /// The key, in its first `key_len` octets.
    pub key: [u8; MAX_KEY_LEN],
    /// Octets of key: 16, 24 or 32.
    pub key_len: usize,
    /// Cipher suite and IV material.
    pub suite: CipherSuite,
    /// SCI of the SecTAG (egress) and of the IV (GCM-AES); zero when the
    /// record has none (an XPN ingress record).
    pub sci: Sci,
    /// AN put into the SecTAG (egress).
    pub an: u8,
    /// Where the words are.
    pub layout: Layout,
}

/// Reads `out.len()` octets from the words at `first` of record `index`,
/// the first octet in bits 7:0 of each word.
fn read_words(bank: &MacsecBank, index: u16, first: u16, out: &mut [u8]) {
    for (w, chunk) in out.chunks_mut(4).enumerate() {
        let word = bank.peek(xform::addr(index, first.wrapping_add(w as u16)));
        for (d, s) in chunk.iter_mut().zip(word.to_le_bytes()) {
            *d = s;
        }
    }
}

impl Record {
    /// Decodes record `index` of `bank` for the bank's direction.
    pub fn read(bank: &MacsecBank, index: u16) -> Result<Self, RecordError> {
        let control = bank.peek(xform::addr(index, xform::CONTROL));
        let ingress = bank.is_ingress();
        let want = if ingress {
            control::TYPE_INGRESS
        } else {
            control::TYPE_EGRESS
        };
        if control::TYPE.get(control) != want {
            return Err(RecordError::WrongType);
        }
        let key_words =
            xform::key_words(control::CRYPTO_ALG.get(control)).ok_or(RecordError::BadCipher)?;
        let xpn = match control::SEQ_TYPE.get(control) {
            control::SEQ_32 => false,
            control::SEQ_64 => true,
            _ => return Err(RecordError::BadSeqType),
        };
        let layout = xform::layout(key_words, ingress, xpn);
        let key_len = usize::from(key_words) * 4;

        let mut key = [0; MAX_KEY_LEN];
        if let Some(k) = key.get_mut(..key_len) {
            read_words(bank, index, xform::KEY, k);
        }
        // The SCI words hold the SCI as it goes on the wire, first octet in
        // bits 7:0 of the first word (`api.c:2590-2598`).
        let mut sci = [0; 8];
        if let Some(at) = layout.sci {
            read_words(bank, index, at, &mut sci);
        }
        let suite = match layout.salt {
            Some(at) => {
                // IS0..IS2 = salt XOR (SSCI || 0^64): the IV is then
                // (0^32 || PN) XOR those words, which `xpn_iv` with SSCI 0
                // gives.
                let mut salt = [0; SALT_LEN];
                read_words(bank, index, at, &mut salt);
                CipherSuite::Xpn { ssci: 0, salt }
            }
            None => CipherSuite::Gcm,
        };
        Ok(Record {
            index,
            control,
            key,
            key_len,
            suite,
            sci: Sci(sci),
            an: control::AN.get(control) as u8,
            layout,
        })
    }

    /// The key octets.
    pub fn key(&self) -> &[u8] {
        self.key.get(..self.key_len).unwrap_or(&[])
    }

    /// The sequence number word(s): last PN sent (egress) or next PN
    /// expected (ingress).
    pub fn seq(&self, bank: &MacsecBank) -> u64 {
        read_seq(bank, self.index, self.layout.seq, self.suite.is_xpn())
    }

    /// Stores `seq` as the sequence number.
    pub fn set_seq(&self, bank: &mut MacsecBank, seq: u64) {
        write_seq(bank, self.index, self.layout.seq, self.suite.is_xpn(), seq);
    }

    /// The ingress replay window (0 for a record without one).
    pub fn window(&self, bank: &MacsecBank) -> u64 {
        match self.layout.window {
            Some(w) => u64::from(bank.peek(xform::addr(self.index, w))),
            None => 0,
        }
    }

    /// Whether the sequence number is updated after each frame.
    pub fn updates_seq(&self) -> bool {
        control::UPDATE_SEQ.is_set(self.control)
    }

    /// The largest sequence number of the record's type.
    pub fn max_seq(&self) -> u64 {
        if self.suite.is_xpn() {
            u64::MAX
        } else {
            u64::from(u32::MAX)
        }
    }
}

/// The sequence number at word `seq` of record `index`, 64 bits when `wide`.
pub fn read_seq(bank: &MacsecBank, index: u16, seq: u16, wide: bool) -> u64 {
    let lo = u64::from(bank.peek(xform::addr(index, seq)));
    if wide {
        let hi = u64::from(bank.peek(xform::addr(index, seq.wrapping_add(1))));
        (hi << 32) | lo
    } else {
        lo
    }
}

/// Stores `value` as the sequence number at word `seq` of record `index`.
pub fn write_seq(bank: &mut MacsecBank, index: u16, seq: u16, wide: bool, value: u64) {
    // Truncations intended: the low and high words.
    bank.poke(xform::addr(index, seq), value as u32);
    if wide {
        bank.poke(
            xform::addr(index, seq.wrapping_add(1)),
            (value >> 32) as u32,
        );
    }
}
