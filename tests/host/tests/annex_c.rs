// SPDX-License-Identifier: GPL-2.0

//! The IEEE 802.1AE-2018 Annex C vectors through the engine's transform core:
//! protect must produce the secure frame octet for octet, verify must give the
//! plaintext frame back, and any modification must fail authentication.

mod common;

use common::vectors::{for_all, Vector, ANNEX_C, DPDK_64B, XPN_PN_HI};
use common::Gcm;
use rsmacsec_host::engine::sectag::{self, Sci, SecTagError};
use rsmacsec_host::engine::transform::{protect, verify, ProtectError, VerifyError};

/// The SA's next expected PN for a receiver that just accepted nothing older
/// than the vector.
fn next_pn(v: &Vector) -> u64 {
    v.pn64()
}

#[test]
fn there_are_32_distinct_annex_c_vectors() {
    assert_eq!(ANNEX_C.len(), 32);
    let mut names: Vec<&str> = ANNEX_C.iter().map(|v| v.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), 32);
    let integrity = ANNEX_C.iter().filter(|v| !v.encrypt).count();
    assert_eq!(integrity, 16);
}

fn check_protect(v: &Vector) -> Result<(), String> {
    let gcm = Gcm::new(&v.key());
    let expected = v.secure();
    let mut out = vec![0u8; 256];
    let len = protect(&gcm, &v.tx(), v.pn64(), &v.plain(), &mut out)
        .map_err(|e| format!("protect failed: {e:?}"))?;
    if out[..len] != expected[..] {
        return Err(format!(
            "secure frame differs\n   got {:02x?}\n  want {:02x?}",
            &out[..len],
            expected
        ));
    }
    Ok(())
}

#[test]
fn protect_gives_the_secure_frame_of_every_vector() {
    for_all(check_protect);
}

fn check_verify(v: &Vector) -> Result<(), String> {
    let gcm = Gcm::new(&v.key());
    let plain = v.plain();
    let mut out = vec![0u8; 256];
    let ok = verify(&gcm, &v.rx(), next_pn(v), &v.secure(), &mut out)
        .map_err(|e| format!("verify failed: {e:?}"))?;
    if out[..ok.len] != plain[..] {
        return Err(format!("plaintext differs: {:02x?}", &out[..ok.len]));
    }
    if ok.pn != v.pn64() {
        return Err(format!("PN {:#x}, want {:#x}", ok.pn, v.pn64()));
    }
    if ok.frame.sci() != Some(Sci::from_u64(v.sci)) {
        return Err(format!("SCI {:x?}", ok.frame.sci()));
    }
    let tag = ok.frame.tag();
    if (tag.an, tag.es, tag.sci.is_some(), tag.e, tag.c, tag.pn)
        != (v.an, v.es, v.sc, v.encrypt, v.encrypt, v.pn)
    {
        return Err(format!("SecTAG {tag:?}"));
    }
    Ok(())
}

#[test]
fn verify_gives_the_plaintext_frame_of_every_vector() {
    for_all(check_verify);
}

#[test]
fn output_buffer_of_exactly_the_frame_length_is_enough() {
    for_all(|v| {
        let gcm = Gcm::new(&v.key());
        let (plain, secure) = (v.plain(), v.secure());
        let mut out = vec![0u8; secure.len()];
        protect(&gcm, &v.tx(), v.pn64(), &plain, &mut out).map_err(|e| format!("{e:?}"))?;
        let mut short = vec![0u8; secure.len() - 1];
        let e = protect(&gcm, &v.tx(), v.pn64(), &plain, &mut short);
        if e != Err(ProtectError::OutputTooSmall {
            needed: secure.len(),
        }) {
            return Err(format!("protect into a short buffer: {e:?}"));
        }
        let mut back = vec![0u8; plain.len()];
        verify(&gcm, &v.rx(), next_pn(v), &out, &mut back).map_err(|e| format!("{e:?}"))?;
        let mut short = vec![0u8; plain.len() - 1];
        let e = verify(&gcm, &v.rx(), next_pn(v), &out, &mut short);
        if e != Err(VerifyError::OutputTooSmall {
            needed: plain.len(),
        }) {
            return Err(format!("verify into a short buffer: {e:?}"));
        }
        Ok(())
    });
}

/// The first octet of the secure data.
fn data_start(v: &Vector) -> usize {
    12 + if v.sc { 16 } else { 8 }
}

#[test]
fn one_bit_flipped_in_icv_or_data_fails_authentication() {
    for_all(|v| {
        let gcm = Gcm::new(&v.key());
        let secure = v.secure();
        let mut out = vec![0u8; 256];
        // Addresses, secure data and ICV: every bit of them is covered by the
        // ICV and none is looked at by the SecTAG checks.
        let covered = (0..12).chain(data_start(v)..secure.len());
        for i in covered {
            for bit in 0..8 {
                let mut bad = secure.clone();
                bad[i] ^= 1 << bit;
                let r = verify(&gcm, &v.rx(), next_pn(v), &bad, &mut out);
                if r != Err(VerifyError::Auth) {
                    return Err(format!("octet {i} bit {bit}: {r:?}"));
                }
                if out.iter().any(|&b| b != 0) {
                    return Err(format!("octet {i} bit {bit}: output not wiped"));
                }
            }
        }
        Ok(())
    });
}

#[test]
fn one_bit_flipped_in_the_sectag_is_rejected() {
    for_all(|v| {
        let gcm = Gcm::new(&v.key());
        let secure = v.secure();
        let mut out = vec![0u8; 256];
        for i in 12..data_start(v) {
            for bit in 0..8 {
                let mut bad = secure.clone();
                bad[i] ^= 1 << bit;
                match verify(&gcm, &v.rx(), next_pn(v), &bad, &mut out) {
                    Err(VerifyError::Auth) | Err(VerifyError::SecTag(_)) => {}
                    r => return Err(format!("octet {i} bit {bit}: {r:?}")),
                }
            }
        }
        Ok(())
    });
}

#[test]
fn wrong_key_sci_or_pn_fails_authentication() {
    for_all(|v| {
        let secure = v.secure();
        let mut out = vec![0u8; 256];
        let mut key = v.key();
        key[0] ^= 0x80;
        let r = verify(&Gcm::new(&key), &v.rx(), next_pn(v), &secure, &mut out);
        if r != Err(VerifyError::Auth) {
            return Err(format!("wrong key: {r:?}"));
        }
        let gcm = Gcm::new(&v.key());
        let mut rx = v.rx();
        rx.sci = Sci::from_u64(v.sci ^ 1);
        let r = verify(&gcm, &rx, next_pn(v), &secure, &mut out);
        // The XPN IV has no SCI in it (the SSCI stands for it).
        let want = if v.is_xpn() {
            Ok(())
        } else {
            Err(VerifyError::Auth)
        };
        if r.map(|_| ()) != want {
            return Err(format!("wrong SCI: {r:?}"));
        }
        if v.is_xpn() {
            // A receiver one 2^32 epoch behind recovers the wrong upper half.
            let behind = next_pn(v) - (1 << 32);
            let r = verify(&gcm, &v.rx(), behind, &secure, &mut out);
            if r != Err(VerifyError::Auth) {
                return Err(format!("wrong PN epoch: {r:?}"));
            }
        }
        Ok(())
    });
}

#[test]
fn xpn_upper_half_is_recovered_from_the_next_pn() {
    for v in ANNEX_C.iter().filter(|v| v.is_xpn()) {
        let hi = u64::from(XPN_PN_HI) << 32;
        let mut refs = vec![
            // Early in the epoch: the header PN is above the reference.
            hi | 1,
            // The frame itself is the next expected one.
            v.pn64(),
        ];
        if v.pn < 0x8000_0000 {
            // The receiver still expects a PN at the end of the previous
            // epoch, and the frame's PN is below it in the other half: the
            // lower half wrapped, the upper half is one more.
            refs.push((hi - (1 << 32)) | 0xffff_fff0);
        } else {
            // A late frame: below the reference but in the same half, so
            // still in the reference's epoch.
            refs.push(hi | u64::from(v.pn + 0x100));
        }
        for next in refs {
            let gcm = Gcm::new(&v.key());
            let mut out = vec![0u8; 256];
            let ok = verify(&gcm, &v.rx(), next, &v.secure(), &mut out)
                .unwrap_or_else(|e| panic!("{} next_pn {next:#x}: {e:?}", v.name));
            assert_eq!(ok.pn, v.pn64(), "{}", v.name);
            assert_eq!(out[..ok.len], v.plain()[..], "{}", v.name);
        }
    }
}

#[test]
fn implicit_sci_comes_from_the_source_address() {
    for v in ANNEX_C.iter().filter(|v| v.es) {
        let parsed = sectag::parse(&v.secure(), v.is_xpn()).unwrap();
        let sa: [u8; 6] = v.plain()[6..12].try_into().unwrap();
        assert_eq!(parsed.sci(), Some(Sci::new(sa, 1)), "{}", v.name);
        assert_eq!(parsed.sci(), Some(Sci::from_u64(v.sci)), "{}", v.name);
        assert_eq!(parsed.tag().sci, None, "{}", v.name);
    }
}

#[test]
fn every_truncation_of_every_vector_is_rejected() {
    for_all(|v| {
        let gcm = Gcm::new(&v.key());
        let secure = v.secure();
        let mut out = vec![0u8; 256];
        for len in 0..secure.len() {
            match verify(&gcm, &v.rx(), next_pn(v), &secure[..len], &mut out) {
                Err(VerifyError::SecTag(
                    SecTagError::Truncated | SecTagError::SlMismatch | SecTagError::ShortWithoutSl,
                )) => {}
                // Cutting a frame whose SL is 0 down to 48 octets or more of
                // secure data keeps its SecTAG valid: only the ICV catches it.
                Err(VerifyError::Auth) if len >= data_start(v) + 48 + 16 => {}
                r => return Err(format!("length {len}: {r:?}")),
            }
        }
        Ok(())
    });
}

#[test]
fn dpdk_extra_vector_also_matches() {
    check_protect(&DPDK_64B).unwrap();
    check_verify(&DPDK_64B).unwrap();
}
