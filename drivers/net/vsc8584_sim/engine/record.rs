// SPDX-License-Identifier: GPL-2.0

//! Transform records as the engine reads them from its register bank: which
//! cipher, key, AN, sequence number and IV an SA uses.

use super::sectag::Sci;
use super::transform::{CipherSuite, SALT_LEN};
use crate::hw::eip160::record::{self, Layout};
use crate::hw::regs::macsec;
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
    /// SCI of the SecTAG (egress) and of the IV (GCM-AES).
    pub sci: Sci,
    /// AN put into the SecTAG (egress).
    pub an: u8,
    /// Where the words are.
    pub layout: Layout,
}

impl Record {
    /// Decodes record `index` of `bank` for the bank's direction.
    pub fn read(bank: &MacsecBank, index: u16) -> Result<Self, RecordError> {
        let word = |w: u16| bank.peek(macsec::xform_rec(index, w));
        let control = word(record::CONTROL);
        let ingress = bank.is_ingress();
        let want = if ingress {
            record::TYPE_INGRESS
        } else {
            record::TYPE_EGRESS
        };
        if control & record::TYPE_MASK != want {
            return Err(RecordError::WrongType);
        }
        let alg = (control >> record::CRYPTO_ALG_SHIFT) & 0xf;
        let key_words = record::key_words(alg).ok_or(RecordError::BadCipher)?;
        let xpn = match (control >> record::SEQ_TYPE_SHIFT) & 0x3 {
            record::SEQ_32 => false,
            record::SEQ_64 => true,
            _ => return Err(RecordError::BadSeqType),
        };
        let layout = record::layout(key_words, ingress, xpn);

        let mut key = [0; MAX_KEY_LEN];
        for (w, chunk) in key.chunks_exact_mut(4).take(key_words.into()).enumerate() {
            let bytes = word(record::KEY + w as u16).to_le_bytes();
            for (d, s) in chunk.iter_mut().zip(bytes) {
                *d = s;
            }
        }
        let sci_words = (u64::from(word(layout.sci + 1)) << 32) | u64::from(word(layout.sci));
        // The driver writes `lower_32_bits()`/`upper_32_bits()` of the SCI
        // as it lies in memory: wire order, read as a little-endian u64.
        let sci = Sci(sci_words.to_le_bytes());
        let suite = if xpn {
            // The record holds salt XOR (SSCI || 0^64): the IV is then
            // (0^32 || PN) XOR those words, which `xpn_iv` with SSCI 0 gives.
            let mut salt = [0; SALT_LEN];
            for (w, chunk) in salt.chunks_exact_mut(4).enumerate() {
                let bytes = word(layout.iv + w as u16).to_le_bytes();
                for (d, s) in chunk.iter_mut().zip(bytes) {
                    *d = s;
                }
            }
            CipherSuite::Xpn { ssci: 0, salt }
        } else {
            CipherSuite::Gcm
        };
        Ok(Record {
            index,
            control,
            key,
            key_len: usize::from(key_words) * 4,
            suite,
            sci,
            an: ((control >> record::AN_SHIFT) & 0x3) as u8,
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
        let lo = bank.peek(macsec::xform_rec(self.index, self.layout.seq));
        if self.suite.is_xpn() {
            let hi = bank.peek(macsec::xform_rec(self.index, self.layout.seq + 1));
            (u64::from(hi) << 32) | u64::from(lo)
        } else {
            u64::from(lo)
        }
    }

    /// Stores `seq` as the sequence number.
    pub fn set_seq(&self, bank: &mut MacsecBank, seq: u64) {
        bank.poke(macsec::xform_rec(self.index, self.layout.seq), seq as u32);
        if self.suite.is_xpn() {
            bank.poke(
                macsec::xform_rec(self.index, self.layout.seq + 1),
                (seq >> 32) as u32,
            );
        }
    }

    /// The ingress replay window.
    pub fn window(&self, bank: &MacsecBank) -> u64 {
        u64::from(bank.peek(macsec::xform_rec(self.index, self.layout.window)))
    }

    /// Whether the sequence number is updated after each frame.
    pub fn updates_seq(&self) -> bool {
        self.control & record::UPDATE_SEQ != 0
    }
}
