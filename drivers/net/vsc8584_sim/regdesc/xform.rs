// SPDX-License-Identifier: GPL-2.0

//! Transform records: the key, sequence number and IV material of each SA,
//! which the crypto engine fetches as the context of a frame.
//!
//! Record `r` is at `32 * r` (XFORM_REC_DATA0..19, `ingr.h:332-541`;
//! XFORM_REC_DATA20..23 on egress, `egr.h:790-823`) and belongs to SAM entry
//! and flow `r`. MESA writes 20 words on ingress and 24 on egress
//! (`api.c:2773`, `api.c:2802`), which is the record size CONTEXT_CTRL
//! and MISC_CONTROL announce (80 and 96 octets).
//!
//! The word layout is MESA's record builder: `api.c:2557-2644` for 32-bit
//! PNs, `api.c:2646-2765` for 64-bit PNs (XPN). The bits of the control word
//! are named in the C driver (`mscc_macsec.h:15-34`); MESA writes the same
//! constants (`api.c:2569-2571`, `api.c:2659-2661`).

use super::map::{Access, Reg};
use super::{Dir, Field};

/// Records per engine (16 SAs on the 1G parts: `EIP160_CONFIG.NR_OF_SA`,
/// `ingr.h:6775`; `mscc_macsec.h:13`).
pub const RECORDS: u16 = 16;
/// Words between records (the `ri * 32` of `ingr.h:332`).
pub const STRIDE: u16 = 32;
/// Words of an ingress record (`api.c:2773`).
pub const INGRESS_WORDS: u16 = 20;
/// Words of an egress record on the rev-B engine (`api.c:2773`).
pub const EGRESS_WORDS: u16 = 24;

/// Address of word `word` of record `rec` (`mscc_macsec.h:118`).
pub const fn addr(rec: u16, word: u16) -> u16 {
    rec.wrapping_mul(STRIDE).wrapping_add(word)
}

/// The record words of both engines.
pub const REGS: &[Reg] = &[
    // ingr.h:332-541
    Reg::one(
        "XFORM_REC_DATA",
        0x0000,
        Dir::Ingress,
        0,
        u32::MAX,
        Access::Rw,
    )
    .words(INGRESS_WORDS)
    .many(RECORDS, STRIDE),
    // ingr.h:332-541, egr.h:790-823
    Reg::one(
        "XFORM_REC_DATA",
        0x0000,
        Dir::Egress,
        0,
        u32::MAX,
        Access::Rw,
    )
    .words(EGRESS_WORDS)
    .many(RECORDS, STRIDE),
];

/// Word 0: the control word.
pub const CONTROL: u16 = 0;
/// Word 1: the context identifier (`api.c:2574`).
pub const CONTEXT_ID: u16 = 1;
/// Word 2: the first key word; the key is followed by the 4 words of the
/// GHASH key H (`api.c:2578-2580`, `api.c:2614-2616`).
pub const KEY: u16 = 2;
/// Words of H.
pub const HASH_WORDS: u16 = 4;

/// Fields of the control word (`mscc_macsec.h:15-34`).
pub mod control {
    use super::Field;

    /// Record type (`mscc_macsec.h:15-16`).
    pub const TYPE: Field = Field::bits(0, 4);
    /// Type of an egress (outbound) record.
    pub const TYPE_EGRESS: u32 = 0x6;
    /// Type of an ingress (inbound) record.
    pub const TYPE_INGRESS: u32 = 0xf;
    /// IV word 0 from the context (`mscc_macsec.h:17`).
    pub const IV0: Field = Field::bit(5);
    /// IV word 1 from the context (`mscc_macsec.h:18`).
    pub const IV1: Field = Field::bit(6);
    /// IV word 2 from the context (`mscc_macsec.h:19`); set in MESA's XPN
    /// ingress word 0xE241A0EF (`api.c:2661`).
    pub const IV2: Field = Field::bit(7);
    /// Write the sequence number back after each frame (`mscc_macsec.h:20`).
    pub const UPDATE_SEQ: Field = Field::bit(13);
    /// The IV carries the sequence number (`mscc_macsec.h:21`).
    pub const IV_IN_SEQ: Field = Field::bit(14);
    /// Encrypt and authenticate (`mscc_macsec.h:22`).
    pub const ENCRYPT_AUTH: Field = Field::bit(15);
    /// The key is in the context (`mscc_macsec.h:23`).
    pub const KEY_IN_CTX: Field = Field::bit(16);
    /// Cipher (`mscc_macsec.h:24-27`): 5 AES-128, 6 AES-192, 7 AES-256.
    pub const CRYPTO_ALG: Field = Field::bits(17, 4);
    /// AES-CTR-128.
    pub const ALG_AES128: u32 = 5;
    /// AES-CTR-192.
    pub const ALG_AES192: u32 = 6;
    /// AES-CTR-256.
    pub const ALG_AES256: u32 = 7;
    /// Digest type (`mscc_macsec.h:28`), 2 for GCM.
    pub const DIGEST_TYPE: Field = Field::bits(21, 2);
    /// Authentication algorithm (`mscc_macsec.h:29-30`), 4 for GHASH.
    pub const AUTH_ALG: Field = Field::bits(23, 3);
    /// AN put into the SecTAG of egress frames (`mscc_macsec.h:31`,
    /// `api.c:2569`).
    pub const AN: Field = Field::bits(26, 2);
    /// Sequence number type (`mscc_macsec.h:32`): 1 is a 32-bit PN, 2 a
    /// 64-bit one (MESA's XPN words, `api.c:2659-2661`).
    pub const SEQ_TYPE: Field = Field::bits(28, 2);
    /// 32-bit sequence numbers.
    pub const SEQ_32: u32 = 1;
    /// 64-bit sequence numbers.
    pub const SEQ_64: u32 = 2;
    /// The record holds a replay window ("mask", `mscc_macsec.h:33`).
    pub const SEQ_MASK: Field = Field::bit(30);
    /// The record holds a context identifier (`mscc_macsec.h:34`).
    pub const CONTEXT_ID: Field = Field::bit(31);
}

/// Key words of cipher `alg` (`control::CRYPTO_ALG`), if it is an AES one.
pub const fn key_words(alg: u32) -> Option<u16> {
    match alg {
        control::ALG_AES128 => Some(4),
        control::ALG_AES192 => Some(6),
        control::ALG_AES256 => Some(8),
        _ => None,
    }
}

/// Where the words after key and H are, for one kind of record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    /// The sequence number: the last PN sent (egress, `api.c:5179`) or the
    /// next PN expected (ingress, `api.c:2586`). Two words, low first, with
    /// 64-bit PNs (`api.c:2673-2683`).
    pub seq: u16,
    /// The replay window ("mask"), ingress only (`api.c:2592`,
    /// `api.c:2689-2690`).
    pub window: Option<u16>,
    /// The three words IS0..IS2 = salt XOR (SSCI || 0^64), 64-bit PNs only
    /// (`api.c:2697-2704`).
    pub salt: Option<u16>,
    /// The SCI, two words: egress always, ingress with 32-bit PNs only
    /// (`api.c:2590-2605`, `api.c:2706-2710`).
    pub sci: Option<u16>,
}

/// The layout of a record with `key_words` key words, of the ingress engine
/// or not, with 64-bit PNs (`xpn`) or not.
///
/// With 32-bit PNs (`api.c:2581-2605`, key of 4 words): seq at 10, then on
/// egress the SCI at 11-12, on ingress the window at 11 and the SCI at
/// 12-13. With 64-bit PNs (`api.c:2671-2712`): seq at 10-11; egress: 0 at
/// 12, IS0..IS2 at 13-15, SCI at 16-17; ingress: window at 12, IS0..IS2 at
/// 13-15 and no SCI. An AES-256 key moves all of them by 4 words
/// (`api.c:2611-2640`, `api.c:2715-2761`).
pub const fn layout(key_words: u16, ingress: bool, xpn: bool) -> Layout {
    let seq = KEY + key_words + HASH_WORDS;
    match (xpn, ingress) {
        (false, false) => Layout {
            seq,
            window: None,
            salt: None,
            sci: Some(seq + 1),
        },
        (false, true) => Layout {
            seq,
            window: Some(seq + 1),
            salt: None,
            sci: Some(seq + 2),
        },
        (true, false) => Layout {
            seq,
            window: None,
            salt: Some(seq + 3),
            sci: Some(seq + 6),
        },
        (true, true) => Layout {
            seq,
            window: Some(seq + 2),
            salt: Some(seq + 3),
            sci: None,
        },
    }
}

/// Largest replay window a 64-bit-PN ingress record may hold: MESA writes 0
/// for anything above 2^30 (`api.c:34`, `api.c:2689`).
pub const XPN_MAX_WINDOW: u32 = 1 << 30;
