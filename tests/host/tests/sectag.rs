// SPDX-License-Identifier: GPL-2.0

//! SecTAG encoding and the receive validity rules (802.1AE 9.12 as the
//! kernel's macsec_validate_skb() applies them, plus the EIP-160's KaY and
//! SL < 48 rules), each with the exact error it must give.

mod common;

use common::Rng;
use rsmacsec_host::engine::sectag::{
    parse, short_length, EncodeError, Sci, SecTag, SecTagError, ICV_LEN, SECTAG_LEN,
    SECTAG_SCI_LEN, TCI_C, TCI_E, TCI_ES, TCI_SC, TCI_SCB, TCI_V,
};

const DA: [u8; 6] = [0x01, 0x80, 0xc2, 0x00, 0x00, 0x03];
const SA: [u8; 6] = [0x52, 0x54, 0x00, 0x12, 0x34, 0x56];
const SCI: [u8; 8] = [0x52, 0x54, 0x00, 0x12, 0x34, 0x56, 0x00, 0x07];

/// A secure frame with the given SecTAG octets, `data_len` octets of secure
/// data and an ICV (contents irrelevant to the SecTAG checks).
fn frame(tci_an: u8, sl: u8, pn: u32, data_len: usize) -> Vec<u8> {
    let mut f = Vec::new();
    f.extend_from_slice(&DA);
    f.extend_from_slice(&SA);
    f.extend_from_slice(&[0x88, 0xe5, tci_an, sl]);
    f.extend_from_slice(&pn.to_be_bytes());
    if tci_an & TCI_SC != 0 {
        f.extend_from_slice(&SCI);
    }
    f.extend((0..data_len).map(|i| i as u8));
    f.extend_from_slice(&[0xaa; ICV_LEN]);
    f
}

/// An encrypted, SCI-carrying frame's TCI/AN with AN 1.
const TCI_OK: u8 = TCI_SC | TCI_E | TCI_C | 1;

#[test]
fn valid_frames_parse_to_their_fields() {
    let p = parse(&frame(TCI_OK, 0, 7, 48), false).unwrap();
    assert_eq!(
        *p.tag(),
        SecTag {
            es: false,
            scb: false,
            e: true,
            c: true,
            an: 1,
            sl: 0,
            pn: 7,
            sci: Some(Sci(SCI)),
        }
    );
    assert_eq!(p.sci(), Some(Sci(SCI)));
    assert_eq!(p.source(), SA);
    assert_eq!(p.header_len(), 12 + SECTAG_SCI_LEN);
    assert_eq!(p.data_len(), 48);
    assert_eq!(p.frame_len(), 12 + 16 + 48 + 16);
    assert!(p.encrypted());

    // Integrity only, no SCI, AN 3.
    let p = parse(&frame(3, 20, 0xffff_ffff, 20), false).unwrap();
    assert_eq!(p.tag().an, 3);
    assert_eq!(p.tag().pn, 0xffff_ffff);
    assert_eq!((p.tag().e, p.tag().c), (false, false));
    assert_eq!(p.header_len(), 12 + SECTAG_LEN);
    assert!(!p.encrypted());
}

#[test]
fn implicit_sci_only_with_es() {
    let p = parse(&frame(TCI_ES, 0, 1, 60), false).unwrap();
    assert_eq!(p.tag().sci, None);
    assert_eq!(p.sci(), Some(Sci::implicit(SA)));
    assert_eq!(
        p.sci().unwrap().0,
        [0x52, 0x54, 0x00, 0x12, 0x34, 0x56, 0, 1]
    );
    // Neither SC nor ES: the SCI is not in the frame at all.
    let p = parse(&frame(0, 0, 1, 60), false).unwrap();
    assert_eq!(p.sci(), None);
    // SCB without SC is legal (EPON) and implies nothing either.
    let p = parse(&frame(TCI_SCB, 0, 1, 60), false).unwrap();
    assert!(p.tag().scb);
    assert_eq!(p.sci(), None);
    // ES and SCB together are legal as long as SC is clear.
    let p = parse(&frame(TCI_ES | TCI_SCB, 0, 1, 60), false).unwrap();
    assert_eq!(p.sci(), Some(Sci::implicit(SA)));
}

#[test]
fn short_length_rule() {
    // SL announces secure data under 48 octets, exactly.
    for n in 1..48u8 {
        let p = parse(&frame(0, n, 1, n.into()), false).unwrap();
        assert_eq!(p.data_len(), usize::from(n));
        assert_eq!(
            parse(&frame(0, n, 1, usize::from(n) + 1), false),
            Err(SecTagError::SlMismatch)
        );
        assert_eq!(
            parse(&frame(0, n, 1, usize::from(n) - 1), false),
            Err(SecTagError::SlMismatch)
        );
        // SL = 0 with short secure data.
        assert_eq!(
            parse(&frame(0, 0, 1, n.into()), false),
            Err(SecTagError::ShortWithoutSl)
        );
    }
    // 48 octets and more need SL = 0.
    assert!(parse(&frame(0, 0, 1, 48), false).is_ok());
    assert!(parse(&frame(0, 0, 1, 1500), false).is_ok());
    // SL 48 to 63 fits the field but is never valid, even if it matches.
    for sl in 48..64u8 {
        assert_eq!(
            parse(&frame(0, sl, 1, sl.into()), false),
            Err(SecTagError::SlOutOfRange)
        );
    }
    // No secure data at all: SL 0 cannot say so.
    assert_eq!(
        parse(&frame(0, 0, 1, 0), false),
        Err(SecTagError::ShortWithoutSl)
    );
}

#[test]
fn short_length_of_a_data_length() {
    assert_eq!(short_length(0), 0);
    assert_eq!(short_length(1), 1);
    assert_eq!(short_length(42), 42);
    assert_eq!(short_length(47), 47);
    assert_eq!(short_length(48), 0);
    assert_eq!(short_length(usize::MAX), 0);
}

#[test]
fn reserved_sl_bits_are_rejected() {
    for bits in [0x40u8, 0x80, 0xc0] {
        assert_eq!(
            parse(&frame(0, bits | 20, 1, 20), false),
            Err(SecTagError::ReservedSlBits)
        );
    }
}

#[test]
fn sc_with_es_or_scb_is_rejected() {
    for tci in [TCI_SC | TCI_ES, TCI_SC | TCI_SCB, TCI_SC | TCI_ES | TCI_SCB] {
        assert_eq!(
            parse(&frame(tci, 0, 1, 64), false),
            Err(SecTagError::ScWithEsOrScb),
            "TCI {tci:#x}"
        );
    }
}

#[test]
fn version_bit_is_rejected() {
    assert_eq!(
        parse(&frame(TCI_V | TCI_OK, 0, 1, 64), false),
        Err(SecTagError::Version)
    );
    assert_eq!(
        parse(&frame(TCI_V, 0, 1, 64), false),
        Err(SecTagError::Version)
    );
}

#[test]
fn e_without_c_is_a_kay_frame_and_c_without_e_is_invalid() {
    assert_eq!(parse(&frame(TCI_E, 0, 1, 64), false), Err(SecTagError::KaY));
    assert_eq!(
        parse(&frame(TCI_E | TCI_SC, 0, 1, 64), false),
        Err(SecTagError::KaY)
    );
    assert_eq!(
        parse(&frame(TCI_C, 0, 1, 64), false),
        Err(SecTagError::ChangedNotEncrypted)
    );
    assert!(parse(&frame(TCI_E | TCI_C, 0, 1, 64), false).is_ok());
}

#[test]
fn pn_zero_is_only_legal_with_xpn() {
    assert_eq!(
        parse(&frame(TCI_OK, 0, 0, 64), false),
        Err(SecTagError::ZeroPn)
    );
    let p = parse(&frame(TCI_OK, 0, 0, 64), true).unwrap();
    assert_eq!(p.tag().pn, 0);
}

#[test]
fn untagged_frames_are_not_macsec() {
    let mut f = frame(TCI_OK, 0, 1, 64);
    f[12] = 0x08;
    f[13] = 0x00;
    assert_eq!(parse(&f, false), Err(SecTagError::NotMacsec));
    // Even if short, once the EtherType is there.
    assert_eq!(parse(&f[..14], false), Err(SecTagError::NotMacsec));
}

#[test]
fn truncated_frames() {
    let f = frame(TCI_OK, 0, 1, 48);
    // Up to the last octet of the ICV, every prefix is too short; the
    // SecTAG is only judged once it is complete.
    for len in 0..12 + SECTAG_SCI_LEN + ICV_LEN {
        assert_eq!(
            parse(&f[..len], false),
            Err(SecTagError::Truncated),
            "length {len}"
        );
    }
    // With the ICV there but secure data missing, it is the SL rule.
    for len in 12 + SECTAG_SCI_LEN + ICV_LEN..f.len() {
        assert_eq!(
            parse(&f[..len], false),
            Err(SecTagError::ShortWithoutSl),
            "length {len}"
        );
    }
    assert!(parse(&f, false).is_ok());
    // Without SCI the SecTAG is 8 octets shorter.
    let f = frame(TCI_ES, 10, 1, 10);
    assert_eq!(
        parse(&f[..12 + SECTAG_LEN + ICV_LEN - 1], false),
        Err(SecTagError::Truncated)
    );
    assert_eq!(
        parse(&f[..12 + SECTAG_LEN + ICV_LEN], false),
        Err(SecTagError::SlMismatch)
    );
}

#[test]
fn defects_are_reported_in_a_fixed_order() {
    // V, ES+SC, reserved SL bits, E/C, PN 0 and a bad length all at once:
    // the version wins, and then each rule in turn as the earlier ones are
    // fixed.
    let tci = TCI_V | TCI_SC | TCI_ES | TCI_E;
    assert_eq!(
        parse(&frame(tci, 0xc1, 0, 3), false),
        Err(SecTagError::Version)
    );
    let tci = TCI_SC | TCI_ES | TCI_E;
    assert_eq!(
        parse(&frame(tci, 0xc1, 0, 3), false),
        Err(SecTagError::ScWithEsOrScb)
    );
    let tci = TCI_SC | TCI_E;
    assert_eq!(
        parse(&frame(tci, 0xc1, 0, 3), false),
        Err(SecTagError::ReservedSlBits)
    );
    assert_eq!(parse(&frame(tci, 1, 0, 3), false), Err(SecTagError::KaY));
    let tci = TCI_SC | TCI_E | TCI_C;
    assert_eq!(parse(&frame(tci, 1, 0, 3), false), Err(SecTagError::ZeroPn));
    assert_eq!(
        parse(&frame(tci, 1, 1, 3), false),
        Err(SecTagError::SlMismatch)
    );
    assert!(parse(&frame(tci, 3, 1, 3), false).is_ok());
}

#[test]
fn encode_writes_the_wire_format() {
    let tag = SecTag {
        es: false,
        scb: false,
        e: true,
        c: true,
        an: 2,
        sl: 0,
        pn: 0xb2c2_8465,
        sci: Some(Sci::from_u64(0x1215_3524_c089_5e81)),
    };
    assert_eq!(tag.tci_an(), 0x2e);
    assert_eq!(tag.encoded_len(), 16);
    let mut buf = [0u8; 20];
    assert_eq!(tag.encode(&mut buf), Ok(16));
    assert_eq!(
        buf[..16],
        [
            0x88, 0xe5, 0x2e, 0x00, 0xb2, 0xc2, 0x84, 0x65, 0x12, 0x15, 0x35, 0x24, 0xc0, 0x89,
            0x5e, 0x81
        ]
    );
    assert_eq!(buf[16..], [0; 4]);

    let tag = SecTag {
        es: true,
        scb: true,
        e: false,
        c: false,
        an: 1,
        sl: 47,
        pn: 1,
        sci: None,
    };
    assert_eq!(tag.tci_an(), 0x51);
    let mut buf = [0u8; 8];
    assert_eq!(tag.encode(&mut buf), Ok(8));
    assert_eq!(buf, [0x88, 0xe5, 0x51, 47, 0, 0, 0, 1]);
}

#[test]
fn encode_refuses_what_cannot_be_represented() {
    let good = SecTag {
        es: false,
        scb: false,
        e: false,
        c: false,
        an: 0,
        sl: 0,
        pn: 1,
        sci: Some(Sci(SCI)),
    };
    let mut buf = [0u8; 16];
    assert_eq!(
        good.encode(&mut buf[..15]),
        Err(EncodeError::BufferTooSmall { needed: 16 })
    );
    assert_eq!(
        SecTag { an: 4, ..good }.encode(&mut buf),
        Err(EncodeError::AnOutOfRange)
    );
    assert_eq!(
        SecTag { sl: 64, ..good }.encode(&mut buf),
        Err(EncodeError::SlOutOfRange)
    );
    // Representable but invalid tags are written (fault injection needs
    // them): SL 63, and SC together with ES.
    assert_eq!(
        SecTag {
            sl: 63,
            es: true,
            ..good
        }
        .encode(&mut buf),
        Ok(16)
    );
    assert_eq!(buf[2], TCI_ES | TCI_SC);
    assert_eq!(
        parse(&frame(buf[2], 0, 1, 64), false),
        Err(SecTagError::ScWithEsOrScb)
    );
}

#[test]
fn encode_then_parse_round_trips() {
    let mut rng = Rng(0x5ec7a9);
    for _ in 0..2000 {
        let r = rng.next_u64();
        let sc = r & 1 != 0;
        let enc = r & 2 != 0;
        let tag = SecTag {
            es: !sc && r & 4 != 0,
            scb: !sc && r & 8 != 0,
            e: enc,
            c: enc,
            an: (r >> 4) as u8 & 3,
            sl: 0,
            pn: (r >> 32) as u32 | 1,
            sci: sc.then(|| Sci::from_u64(rng.next_u64())),
        };
        let data_len = rng.below(200) + 1;
        let tag = SecTag {
            sl: short_length(data_len),
            ..tag
        };
        let mut f = vec![0u8; 12 + 16 + data_len + ICV_LEN];
        f[..6].copy_from_slice(&DA);
        f[6..12].copy_from_slice(&SA);
        let n = tag.encode(&mut f[12..]).unwrap();
        f.truncate(12 + n + data_len + ICV_LEN);
        let p = parse(&f, false).unwrap();
        assert_eq!(*p.tag(), tag);
        assert_eq!(p.data_len(), data_len);
    }
}

#[test]
fn sci_helpers() {
    let sci = Sci::from_u64(0x1215_3524_c089_5e81);
    assert_eq!(sci.0, [0x12, 0x15, 0x35, 0x24, 0xc0, 0x89, 0x5e, 0x81]);
    assert_eq!(sci.to_u64(), 0x1215_3524_c089_5e81);
    assert_eq!(sci.mac(), [0x12, 0x15, 0x35, 0x24, 0xc0, 0x89]);
    assert_eq!(sci.port(), 0x5e81);
    assert_eq!(Sci::new(sci.mac(), sci.port()), sci);
    assert_eq!(Sci::implicit(SA).to_u64(), 0x5254_0012_3456_0001);
}

#[test]
fn random_octets_never_panic() {
    let mut rng = Rng(0xdead_beef);
    let mut buf = [0u8; 128];
    for _ in 0..20000 {
        let len = rng.below(buf.len() + 1);
        rng.fill(&mut buf[..len]);
        // Make most of them MACsec so that the later checks are reached.
        if len >= 14 && rng.below(4) != 0 {
            buf[12] = 0x88;
            buf[13] = 0xe5;
        }
        let xpn = rng.below(2) == 0;
        if let Ok(p) = parse(&buf[..len], xpn) {
            assert_eq!(p.frame_len(), len);
        }
    }
}
