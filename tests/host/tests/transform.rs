// SPDX-License-Identifier: GPL-2.0

//! The transform core beyond the Annex C vectors: IV construction, XPN PN
//! recovery, parameter and length errors, the confidentiality offset, and
//! protect/verify round trips over every frame length and TCI combination.

mod common;

use aes_gcm::aead::{AeadInPlace, KeyInit};
use aes_gcm::{Aes128Gcm, Nonce};
use common::vectors::{ANNEX_C, XPN_SALT, XPN_SSCI};
use common::{Gcm, Rng};
use rsmacsec_host::engine::sectag::{self, Sci, SecTagError, TCI_C, TCI_E, TCI_ES, TCI_SC};
use rsmacsec_host::engine::transform::{
    gcm_iv, open, protect, recover_xpn_pn, strip_unchecked, verify, xpn_iv, CipherSuite,
    ProtectError, RxConfig, TxConfig, VerifyError,
};

const KEY: [u8; 16] = [
    0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10,
];
const SCI: u64 = 0x5254_0012_3456_0001;
const XPN: CipherSuite = CipherSuite::Xpn {
    ssci: XPN_SSCI,
    salt: XPN_SALT,
};

fn tx(suite: CipherSuite) -> TxConfig {
    TxConfig {
        sci: Sci::from_u64(SCI),
        suite,
        an: 1,
        include_sci: true,
        end_station: false,
        scb: false,
        encrypt: true,
        conf_offset: 0,
    }
}

fn rx(suite: CipherSuite) -> RxConfig {
    RxConfig {
        sci: Sci::from_u64(SCI),
        suite,
        conf_offset: 0,
    }
}

/// A plaintext frame with `user_len` octets of user data (EtherType 0x0800).
fn plain(user_len: usize) -> Vec<u8> {
    let mut f = vec![
        0xd6, 0x09, 0xb1, 0xf0, 0x56, 0x63, 0x52, 0x54, 0x00, 0x12, 0x34, 0x56,
    ];
    f.extend(
        [0x08, 0x00]
            .iter()
            .copied()
            .chain((2..user_len).map(|i| i as u8))
            .take(user_len),
    );
    f
}

#[test]
fn ivs_as_802_1ae_builds_them() {
    // C.1.1: SCI || PN.
    assert_eq!(
        gcm_iv(&Sci::from_u64(0x1215_3524_c089_5e81), 0xb2c2_8465),
        [0x12, 0x15, 0x35, 0x24, 0xc0, 0x89, 0x5e, 0x81, 0xb2, 0xc2, 0x84, 0x65]
    );
    // C.1.3 and C.5.4 (IVs quoted in 802.1AEbw Annex C and by scapy).
    assert_eq!(
        xpn_iv(XPN_SSCI, 0xb0df_459c_b2c2_8465, &XPN_SALT),
        [0x9c, 0x00, 0x29, 0x02, 0xf8, 0x01, 0xc3, 0x3e, 0xae, 0xa4, 0x7e, 0x08]
    );
    assert_eq!(
        XPN.iv(&Sci::from_u64(0), 0xb0df_459c_76d4_57ed),
        [0x9c, 0x00, 0x29, 0x02, 0xf8, 0x01, 0xc3, 0x3e, 0x6a, 0xb2, 0xad, 0x80]
    );
    // The GCM suite ignores the upper half of the PN.
    let sci = Sci::from_u64(SCI);
    assert_eq!(CipherSuite::Gcm.iv(&sci, 0x1_0000_0005), gcm_iv(&sci, 5));
    assert!(XPN.is_xpn());
    assert!(!CipherSuite::Gcm.is_xpn());
}

#[test]
fn xpn_pn_recovery_follows_the_kernel() {
    // Same half as the reference: upper half unchanged, above or below.
    assert_eq!(recover_xpn_pn(0x10, 0x5_0000_0001), 0x5_0000_0010);
    assert_eq!(recover_xpn_pn(0x10, 0x5_0000_0020), 0x5_0000_0010);
    assert_eq!(recover_xpn_pn(0x8000_0000, 0x5_ffff_ffff), 0x5_8000_0000);
    // Below the reference and in the other half: the lower half wrapped.
    assert_eq!(recover_xpn_pn(0x0, 0x5_ffff_ffff), 0x6_0000_0000);
    assert_eq!(recover_xpn_pn(0x7fff_ffff, 0x5_8000_0000), 0x6_7fff_ffff);
    // Above the reference in the other half: the kernel keeps the epoch
    // (it never decrements).
    assert_eq!(recover_xpn_pn(0xffff_fff0, 0x5_0000_0010), 0x5_ffff_fff0);
    // The upper half wraps like the kernel's u32, without a panic.
    assert_eq!(recover_xpn_pn(0x1, 0xffff_ffff_ffff_ffff), 0x1);
}

#[test]
fn protect_parameter_errors() {
    let gcm = Gcm::new(&KEY);
    let mut out = [0u8; 256];
    let p = plain(60);
    let bad = |cfg: TxConfig, pn: u64| {
        let mut out = [0u8; 256];
        protect(&gcm, &cfg, pn, &p, &mut out)
    };
    assert_eq!(
        bad(
            TxConfig {
                an: 4,
                ..tx(CipherSuite::Gcm)
            },
            1
        ),
        Err(ProtectError::AnOutOfRange)
    );
    assert_eq!(
        bad(
            TxConfig {
                end_station: true,
                ..tx(CipherSuite::Gcm)
            },
            1
        ),
        Err(ProtectError::ScWithEsOrScb)
    );
    assert_eq!(
        bad(
            TxConfig {
                scb: true,
                ..tx(XPN)
            },
            1
        ),
        Err(ProtectError::ScWithEsOrScb)
    );
    assert_eq!(bad(tx(CipherSuite::Gcm), 0), Err(ProtectError::ZeroPn));
    assert_eq!(bad(tx(XPN), 0), Err(ProtectError::ZeroPn));
    assert_eq!(
        bad(tx(CipherSuite::Gcm), 0x1_0000_0000),
        Err(ProtectError::PnTooLarge)
    );
    assert!(bad(tx(CipherSuite::Gcm), 0xffff_ffff).is_ok());
    assert!(bad(tx(XPN), u64::MAX).is_ok());

    // A frame needs its addresses and an EtherType.
    for len in 0..14 {
        assert_eq!(
            protect(&gcm, &tx(CipherSuite::Gcm), 1, &p[..len], &mut out),
            Err(ProtectError::FrameTooShort),
            "length {len}"
        );
    }
    assert_eq!(
        protect(&gcm, &tx(CipherSuite::Gcm), 1, &p[..14], &mut out),
        Ok(14 + 16 + 16)
    );
    // The output must hold DA SA SecTAG data ICV.
    let needed = 72 + 16 + 16;
    for len in [0, 12, 27, needed - 1] {
        assert_eq!(
            protect(&gcm, &tx(CipherSuite::Gcm), 1, &p, &mut out[..len]),
            Err(ProtectError::OutputTooSmall { needed }),
        );
    }
}

#[test]
fn protect_puts_the_low_pn_half_in_the_sectag_with_xpn() {
    let gcm = Gcm::new(&KEY);
    let mut out = [0u8; 256];
    let len = protect(&gcm, &tx(XPN), 0x1234_5678_0000_0000, &plain(60), &mut out).unwrap();
    assert_eq!(out[16..20], [0, 0, 0, 0]);
    // PN 0 in the header is legal with XPN; the receiver recovers the rest.
    let mut back = [0u8; 256];
    let ok = verify(
        &gcm,
        &rx(XPN),
        0x1234_5677_ffff_fff0,
        &out[..len],
        &mut back,
    )
    .unwrap();
    assert_eq!(ok.pn, 0x1234_5678_0000_0000);
    assert_eq!(back[..ok.len], plain(60)[..]);
}

#[test]
fn round_trip_every_length_and_tci_combination() {
    let mut rng = Rng(0x0123_4567);
    for suite in [CipherSuite::Gcm, XPN] {
        for key in [&KEY[..], &[0x5a; 32][..]] {
            let gcm = Gcm::new(key);
            for user_len in 2..=130 {
                for flags in 0..8u8 {
                    let cfg = TxConfig {
                        an: flags & 3,
                        include_sci: flags & 1 != 0,
                        end_station: flags & 1 == 0 && flags & 2 != 0,
                        encrypt: flags & 4 != 0,
                        ..tx(suite)
                    };
                    let p = plain(user_len);
                    let pn = if suite.is_xpn() {
                        rng.next_u64() | 1
                    } else {
                        (rng.next_u64() >> 32) | 1
                    };
                    let mut out = [0u8; 256];
                    let len = protect(&gcm, &cfg, pn, &p, &mut out).unwrap();
                    let tag_len = if cfg.include_sci { 16 } else { 8 };
                    assert_eq!(len, p.len() + tag_len + 16);
                    let want_sl = if user_len < 48 { user_len as u8 } else { 0 };
                    assert_eq!(out[15], want_sl);
                    let tci = out[14];
                    assert_eq!(tci & 3, cfg.an);
                    assert_eq!(tci & TCI_SC != 0, cfg.include_sci);
                    assert_eq!(tci & TCI_ES != 0, cfg.end_station);
                    assert_eq!(tci & (TCI_E | TCI_C) != 0, cfg.encrypt);
                    let clear = out[12 + tag_len..len - 16] == p[12..];
                    assert_eq!(clear, !cfg.encrypt, "user data in clear");

                    let mut back = [0u8; 256];
                    let ok = verify(&gcm, &rx(suite), pn, &out[..len], &mut back).unwrap();
                    assert_eq!(back[..ok.len], p[..]);
                    assert_eq!(ok.pn, pn);
                }
            }
        }
    }
}

#[test]
fn confidentiality_offset_leaves_the_first_octets_clear_but_covered() {
    let gcm = Gcm::new(&KEY);
    for offset in [0u8, 30, 50, 200] {
        let cfg = TxConfig {
            conf_offset: offset,
            ..tx(CipherSuite::Gcm)
        };
        let p = plain(100);
        let mut out = [0u8; 256];
        let len = protect(&gcm, &cfg, 9, &p, &mut out).unwrap();
        let hdr = 12 + 16;
        let clear = usize::from(offset).min(100);
        assert_eq!(out[hdr..hdr + clear], p[12..12 + clear]);
        if clear < 100 {
            assert_ne!(out[hdr + clear..hdr + 100], p[12 + clear..]);
        }

        // Independently: AAD = DA SA SecTAG and the clear octets; the rest
        // is GCM plaintext.
        let reference = Aes128Gcm::new_from_slice(&KEY).unwrap();
        let mut text = p[12 + clear..].to_vec();
        let iv = gcm_iv(&Sci::from_u64(SCI), 9);
        let icv = reference
            .encrypt_in_place_detached(Nonce::from_slice(&iv), &out[..hdr + clear], &mut text)
            .unwrap();
        assert_eq!(out[hdr + clear..len - 16], text[..]);
        assert_eq!(out[len - 16..len], icv[..]);

        // The receiver needs the same offset.
        let mut back = [0u8; 256];
        let rxc = RxConfig {
            conf_offset: offset,
            ..rx(CipherSuite::Gcm)
        };
        let ok = verify(&gcm, &rxc, 9, &out[..len], &mut back).unwrap();
        assert_eq!(back[..ok.len], p[..]);
        if offset != 0 && clear < 100 {
            let r = verify(&gcm, &rx(CipherSuite::Gcm), 9, &out[..len], &mut back);
            assert_eq!(r, Err(VerifyError::Auth));
        }
        // A flipped clear octet fails too.
        if clear > 0 {
            let mut bad = out[..len].to_vec();
            bad[hdr] ^= 1;
            let r = verify(&gcm, &rxc, 9, &bad, &mut back);
            assert_eq!(r, Err(VerifyError::Auth));
        }
    }
}

#[test]
fn verify_reports_sectag_errors() {
    let gcm = Gcm::new(&KEY);
    let mut out = [0u8; 256];
    let v = &ANNEX_C[0];
    let mut f = v.secure();
    f[14] |= 0x80;
    assert_eq!(
        verify(&gcm, &rx(CipherSuite::Gcm), 1, &f, &mut out),
        Err(VerifyError::SecTag(SecTagError::Version))
    );
    assert_eq!(
        verify(&gcm, &rx(CipherSuite::Gcm), 1, &v.plain(), &mut out),
        Err(VerifyError::SecTag(SecTagError::NotMacsec))
    );
    // A zero header PN is only rejected without XPN.
    let mut f = v.secure();
    f[16..20].fill(0);
    assert_eq!(
        verify(&gcm, &rx(CipherSuite::Gcm), 1, &f, &mut out),
        Err(VerifyError::SecTag(SecTagError::ZeroPn))
    );
    assert_eq!(
        verify(&gcm, &rx(XPN), 1, &f, &mut out),
        Err(VerifyError::Auth)
    );
}

#[test]
fn open_refuses_a_parse_of_another_frame() {
    let gcm = Gcm::new(&KEY);
    let mut out = [0u8; 256];
    let a = &ANNEX_C[0]; // 86 octets
    let b = &ANNEX_C[4]; // 84 octets
    let parsed = sectag::parse(&a.secure(), false).unwrap();
    assert_eq!(
        open(&gcm, &a.rx(), &parsed, a.pn64(), &b.secure(), &mut out),
        Err(VerifyError::FrameMismatch)
    );
    assert_eq!(
        strip_unchecked(&parsed, &b.secure(), &mut out),
        Err(VerifyError::FrameMismatch)
    );
    // The right one works through open() as through verify().
    let len = open(
        &Gcm::new(&a.key()),
        &a.rx(),
        &parsed,
        a.pn64(),
        &a.secure(),
        &mut out,
    )
    .unwrap();
    assert_eq!(out[..len], a.plain()[..]);
}

#[test]
fn strip_unchecked_delivers_integrity_only_frames_and_refuses_encrypted_ones() {
    for v in ANNEX_C {
        let mut secure = v.secure();
        let parsed = sectag::parse(&secure, v.is_xpn()).unwrap();
        let mut out = [0u8; 256];
        if v.encrypt {
            assert_eq!(
                strip_unchecked(&parsed, &secure, &mut out),
                Err(VerifyError::Encrypted)
            );
            continue;
        }
        // Even with a broken ICV: this is validateFrames Disabled/Check.
        let last = secure.len() - 1;
        secure[last] ^= 0xff;
        let len = strip_unchecked(&parsed, &secure, &mut out).unwrap();
        assert_eq!(out[..len], v.plain()[..], "{}", v.name);
        assert_eq!(
            strip_unchecked(&parsed, &secure, &mut out[..len - 1]),
            Err(VerifyError::OutputTooSmall { needed: len })
        );
    }
}

#[test]
fn random_frames_never_panic_verify() {
    let gcm = Gcm::new(&KEY);
    let mut rng = Rng(0xfeed_f00d);
    let mut buf = [0u8; 160];
    for _ in 0..20000 {
        let len = rng.below(buf.len() + 1);
        rng.fill(&mut buf[..len]);
        if len >= 16 && rng.below(4) != 0 {
            // MACsec, with a TCI that passes the checks most of the time.
            buf[12] = 0x88;
            buf[13] = 0xe5;
            buf[14] &= !0x80;
            if buf[14] & TCI_SC != 0 {
                buf[14] &= !(TCI_ES | 0x10);
            }
            if buf[14] & TCI_E != 0 {
                buf[14] |= TCI_C;
            } else {
                buf[14] &= !TCI_C;
            }
            buf[15] &= 0x3f;
        }
        let suite = if rng.below(2) == 0 {
            CipherSuite::Gcm
        } else {
            XPN
        };
        let out_len = rng.below(200);
        let mut out = [0u8; 200];
        let r = verify(
            &gcm,
            &rx(suite),
            rng.next_u64(),
            &buf[..len],
            &mut out[..out_len],
        );
        // Random ICVs do not authenticate.
        assert!(r.is_err());
    }
}
