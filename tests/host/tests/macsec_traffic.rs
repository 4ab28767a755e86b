// SPDX-License-Identifier: GPL-2.0

//! The driver's MACsec logic (`logic::macsec::Offload`) on the simulated package, frames
//! included: what the egress engine seals is opened by the test's own 802.1AE implementation on
//! RustCrypto, and what the ingress engine opens was sealed by it. Every cipher suite, encrypt on
//! and off, SCI-less peers, several SecYs, the EAPOL bypass, the validation of plain frames,
//! `update_pn`, the counters, and a restore after the PHY lost its state.

mod macsec_support;

use macsec_support::*;
use rsmacsec_host::hw::regs::{macsec as ms, Bank};
use rsmacsec_host::logic::macsec::state::{Dir, Owner};
use rsmacsec_host::logic::macsec::types::{Cipher, SecYConfig, TxEvent, Validate};
use rsmacsec_host::logic::window::Bus;

const IPV4: u16 = 0x0800;

/// A rig with SecY `cfg` up, a transmit SA (AN `cfg.encoding_sa`, next PN `tx_pn`) and a receive
/// channel from PEER (port 1) with a receive SA (AN 0, next PN 1).
fn link(cfg: &SecYConfig, tx_pn: u64) -> (Rig, PeerSa, PeerSa) {
    let mut r = Rig::new();
    let tx = PeerSa::new(cfg.cipher, 1, cfg.sci, cfg.encoding_sa);
    let rx = PeerSa::new(cfg.cipher, 2, sci(PEER, 1), 0);
    r.op(|o, b| o.add_secy(b, cfg)).unwrap();
    r.op(|o, b| o.add_txsa(b, cfg.sci, &tx.config(tx_pn, true)))
        .unwrap();
    r.op(|o, b| o.add_rxsc(b, cfg.sci, rx.sci, true)).unwrap();
    r.op(|o, b| o.add_rxsa(b, cfg.sci, rx.sci, &rx.config(1, true)))
        .unwrap();
    r.op(|o, b| o.dev_open(b, cfg.sci)).unwrap();
    (r, tx, rx)
}

#[test]
fn every_cipher_suite_with_and_without_encryption_both_ways() {
    for cipher in CIPHERS {
        for encrypt in [false, true] {
            let mut cfg = secy(MAC_A, cipher);
            cfg.encrypt = encrypt;
            // XPN: start just below a 2^32 boundary, so that the high half is exercised.
            let start = if cipher.is_xpn() { 0x1_ffff_fffe } else { 1 };
            let (mut r, tx, rx) = link(&cfg, start);
            for k in 0..3u64 {
                let plain = frame(PEER, MAC_A, IPV4, 60 + k as usize, k as u8);
                let wire = r.egress(&plain).expect("sent");
                let o = open(&tx, start + k, &wire)
                    .unwrap_or_else(|e| panic!("{cipher:?} encrypt {encrypt} frame {k}: {e}"));
                assert_eq!(o.plain, plain);
                assert_eq!(u64::from(o.pn), (start + k) & 0xffff_ffff);
                assert_eq!(o.an, 0);
                assert_eq!(o.sci, Some(cfg.sci));
                assert_eq!(o.tci & 0x0c, if encrypt { 0x0c } else { 0 });
                if !encrypt {
                    assert_eq!(&wire[28..wire.len() - 16], &plain[12..]);
                }
                // From the peer, sealed by the test.
                let opts = TxOpts {
                    encrypt,
                    include_sci: true,
                    ..TxOpts::default()
                };
                let pn = if cipher.is_xpn() {
                    0x2_0000_0000 + k
                } else {
                    1 + k
                };
                if cipher.is_xpn() && k == 0 {
                    r.op(|o, b| o.upd_rxsa(b, cfg.sci, rx.sci, 0, true, Some(pn)))
                        .unwrap();
                }
                let sealed = seal(&rx, pn, opts, &frame(MAC_A, PEER, IPV4, 70, 9));
                let got = r.ingress(&sealed).expect("received");
                assert_eq!(got, frame(MAC_A, PEER, IPV4, 70, 9));
            }
            let (c, next) = r.op(|o, b| o.tx_sa_stats(b, cfg.sci, 0)).unwrap();
            assert_eq!(next, start + 3, "{cipher:?}");
            assert_eq!(c.pkts, 3);
            assert_eq!(c.encrypted_pkts, if encrypt { 3 } else { 0 });
            assert_eq!(c.octets, (62 + 63 + 64) as u64);
            let (rc, rnext) = r.op(|o, b| o.rx_sa_stats(b, cfg.sci, rx.sci, 0)).unwrap();
            assert_eq!(rc.ok, 3, "{cipher:?} {encrypt}");
            assert_eq!(rc.octets, 3 * 72);
            let want = if cipher.is_xpn() { 0x2_0000_0003 } else { 4 };
            assert_eq!(rnext, want);
            r.assert_clean();
        }
    }
}

#[test]
fn the_parents_plain_frames_stay_plain_and_only_the_secys_are_protected() {
    let cfg = secy(MAC_A, Cipher::GcmAes128);
    let (mut r, tx, _) = link(&cfg, 1);
    let parent = frame(PEER, PARENT, IPV4, 80, 1);
    assert_eq!(r.egress(&parent), Some(parent.clone()));
    let mine = frame(PEER, MAC_A, IPV4, 80, 1);
    let wire = r.egress(&mine).unwrap();
    assert_eq!(open(&tx, 1, &wire).unwrap().plain, mine);
    // Plain frames to the parent come in.
    let to_parent = frame(PARENT, PEER, IPV4, 80, 2);
    assert_eq!(r.ingress(&to_parent), Some(to_parent.clone()));
    r.assert_clean();
}

#[test]
fn a_strict_secy_drops_plain_frames_to_its_address_a_checking_one_passes_them() {
    let mut cfg = secy(MAC_A, Cipher::GcmAes128);
    let (mut r, _, _) = link(&cfg, 1);
    let plain = frame(MAC_A, PEER, IPV4, 80, 3);
    assert_eq!(r.ingress(&plain), None);
    // A VLAN-tagged plain frame to it too.
    let tagged = {
        let mut f = plain[..12].to_vec();
        f.extend([0x81, 0x00, 0x00, 0x05]);
        f.extend(&plain[12..]);
        f
    };
    assert_eq!(r.ingress(&tagged), None);
    let d = r.op(|o, b| o.dev_stats(b, cfg.sci)).unwrap();
    assert_eq!((d.in_no_tag, d.in_untagged), (2, 0));
    cfg.validate = Validate::Check;
    r.op(|o, b| o.upd_secy(b, &cfg)).unwrap();
    assert_eq!(r.ingress(&plain), Some(plain.clone()));
    let d = r.op(|o, b| o.dev_stats(b, cfg.sci)).unwrap();
    assert_eq!((d.in_no_tag, d.in_untagged), (2, 1));
    r.assert_clean();
}

/// validateFrames of the SecY reaches its receive flows: a frame whose ICV is wrong (integrity
/// only) is dropped as not valid with Strict, delivered as invalid with Check, and delivered
/// unchecked with Disabled (802.1AE 10.6.5), each setting made by `upd_secy` (the counters add
/// up).
#[test]
fn a_frame_with_a_wrong_icv_is_handled_as_validate_frames_says() {
    let mut cfg = secy(MAC_A, Cipher::GcmAes128);
    let (mut r, _, rx) = link(&cfg, 1);
    let g = frame(MAC_A, PEER, IPV4, 40, 7);
    let opts = TxOpts {
        include_sci: true,
        ..TxOpts::default()
    };
    let cases = [
        (Validate::Strict, false, (1, 0, 0)),
        (Validate::Check, true, (1, 1, 0)),
        (Validate::Disabled, true, (1, 1, 1)),
    ];
    for ((validate, delivered, counts), pn) in cases.into_iter().zip(1u64..) {
        cfg.validate = validate;
        r.op(|o, b| o.upd_secy(b, &cfg)).unwrap();
        let mut w = seal(&rx, pn, opts, &g);
        if let Some(last) = w.last_mut() {
            *last ^= 1;
        }
        let got = r.ingress(&w);
        assert_eq!(got, delivered.then(|| g.clone()), "{validate:?}");
        let (c, _) = r.op(|o, b| o.rx_sa_stats(b, cfg.sci, rx.sci, 0)).unwrap();
        assert_eq!(
            (c.not_valid, c.invalid, c.unchecked),
            counts,
            "{validate:?}"
        );
    }
    r.assert_clean();
}

#[test]
fn eapol_passes_both_ways_also_while_the_device_is_down() {
    let cfg = secy(MAC_A, Cipher::GcmAes256);
    let (mut r, _, _) = link(&cfg, 1);
    let pae = [0x01, 0x80, 0xc2, 0x00, 0x00, 0x03];
    let out = frame(pae, MAC_A, 0x888e, 60, 4);
    let inn = frame(pae, PEER, 0x888e, 60, 5);
    let unicast_in = frame(MAC_A, PEER, 0x888e, 60, 6);
    for up in [true, false] {
        if !up {
            r.op(|o, b| o.dev_stop(b, cfg.sci)).unwrap();
        }
        assert_eq!(r.egress(&out), Some(out.clone()), "up {up}");
        assert_eq!(r.ingress(&inn), Some(inn.clone()), "up {up}");
        // Even to the strict SecY's own address.
        assert_eq!(r.ingress(&unicast_in), Some(unicast_in.clone()), "up {up}");
    }
    // Down, the SecY's address is the parent's business again: plain both ways.
    let f = frame(PEER, MAC_A, IPV4, 60, 7);
    assert_eq!(r.egress(&f), Some(f.clone()));
    r.assert_clean();
}

#[test]
fn more_control_ethertypes_bypass_through_the_classifier() {
    let mut r = Rig::bare();
    r.off
        .set_bypass_ethertypes(&[0x88cc, 0x8809, 0x88f7])
        .unwrap();
    r.op(|o, b| o.init(b)).unwrap();
    let cfg = secy(MAC_A, Cipher::GcmAes128);
    let tx = PeerSa::new(cfg.cipher, 1, cfg.sci, 0);
    r.op(|o, b| o.add_secy(b, &cfg)).unwrap();
    r.op(|o, b| o.add_txsa(b, cfg.sci, &tx.config(1, true)))
        .unwrap();
    r.op(|o, b| o.dev_open(b, cfg.sci)).unwrap();
    for et in [0x888e, 0x88cc, 0x8809, 0x88f7] {
        let f = frame(PEER, MAC_A, et, 60, 1);
        assert_eq!(r.egress(&f), Some(f.clone()), "{et:#x}");
        let g = frame(MAC_A, PEER, et, 60, 1);
        assert_eq!(r.ingress(&g), Some(g.clone()), "{et:#x}");
    }
    // Anything else from the SecY is protected, plain to it dropped.
    let f = frame(PEER, MAC_A, 0x88b5, 60, 1);
    assert_ne!(r.egress(&f), Some(f.clone()));
    assert_eq!(r.ingress(&frame(MAC_A, PEER, 0x88b5, 60, 1)), None);
    r.assert_clean();
}

#[test]
fn each_transmit_sa_carries_its_own_an_and_switching_is_one_toggle() {
    let mut cfg = secy(MAC_A, Cipher::GcmAes128);
    let (mut r, tx0, _) = link(&cfg, 1);
    let tx1 = PeerSa::new(cfg.cipher, 7, cfg.sci, 1);
    r.op(|o, b| o.add_txsa(b, cfg.sci, &tx1.config(100, true)))
        .unwrap();
    let f = frame(PEER, MAC_A, IPV4, 50, 1);
    assert_eq!(open(&tx0, 1, &r.egress(&f).unwrap()).unwrap().an, 0);
    cfg.encoding_sa = 1;
    r.op(|o, b| o.upd_secy(b, &cfg)).unwrap();
    // One register write, the toggle of both entries.
    assert_eq!(r.cost.writes.len(), 1, "{:x?}", r.cost.writes);
    assert_eq!(r.cost.writes[0].1, ms::SAM_ENTRY_TOGGLE1);
    let o = open(&tx1, 100, &r.egress(&f).unwrap()).unwrap();
    assert_eq!((o.an, o.pn), (1, 100));
    // And back: SA 0 goes on from its PN.
    cfg.encoding_sa = 0;
    r.op(|o, b| o.upd_secy(b, &cfg)).unwrap();
    let o = open(&tx0, 2, &r.egress(&f).unwrap()).unwrap();
    assert_eq!((o.an, o.pn), (0, 2));
    r.assert_clean();
}

#[test]
fn encrypt_changes_without_losing_sas_or_pns() {
    let mut cfg = secy(MAC_A, Cipher::GcmAesXpn256);
    let (mut r, tx, rx) = link(&cfg, 5);
    let f = frame(PEER, MAC_A, IPV4, 50, 1);
    assert_eq!(open(&tx, 5, &r.egress(&f).unwrap()).unwrap().tci & 0x0c, 0);
    cfg.encrypt = true;
    r.op(|o, b| o.upd_secy(b, &cfg)).unwrap();
    // Only flow control words, no record, no enable change.
    for w in &r.cost.writes {
        assert_eq!(w.1 & 0xfc00, 0x1c00, "{:x?}", r.cost.writes);
    }
    let o = open(&tx, 6, &r.egress(&f).unwrap()).unwrap();
    assert_eq!((o.pn, o.tci & 0x0c), (6, 0x0c));
    // The receive side goes on too.
    let s = seal(
        &rx,
        1,
        TxOpts {
            include_sci: true,
            ..Default::default()
        },
        &frame(MAC_A, PEER, IPV4, 40, 1),
    );
    assert!(r.ingress(&s).is_some());
    let (c, _) = r.op(|o, b| o.tx_sa_stats(b, cfg.sci, 0)).unwrap();
    assert_eq!((c.pkts, c.encrypted_pkts), (2, 1));
    r.assert_clean();
}

#[test]
fn two_receive_channels_with_the_same_an_are_independent() {
    let cfg = secy(MAC_A, Cipher::GcmAes128);
    let (mut r, _, rx1) = link(&cfg, 1);
    let rx2 = PeerSa::new(cfg.cipher, 3, sci(PEER2, 1), 0);
    r.op(|o, b| o.add_rxsc(b, cfg.sci, rx2.sci, true)).unwrap();
    r.op(|o, b| o.add_rxsa(b, cfg.sci, rx2.sci, &rx2.config(1, true)))
        .unwrap();
    let opts = TxOpts {
        include_sci: true,
        ..Default::default()
    };
    let f1 = frame(MAC_A, PEER, IPV4, 50, 1);
    let f2 = frame(MAC_A, PEER2, IPV4, 50, 2);
    assert_eq!(r.ingress(&seal(&rx1, 1, opts, &f1)), Some(f1.clone()));
    assert_eq!(r.ingress(&seal(&rx2, 1, opts, &f2)), Some(f2.clone()));
    // Deleting one leaves the other; the frames of the first pass to the host as they came
    // (a SecTAG of no SA of the PHY: the kernel's software path counts and drops them).
    r.op(|o, b| o.del_rxsa(b, cfg.sci, rx1.sci, 0)).unwrap();
    let s1 = seal(&rx1, 2, opts, &f1);
    assert_eq!(r.ingress(&s1), Some(s1.clone()));
    assert_eq!(r.ingress(&seal(&rx2, 2, opts, &f2)), Some(f2.clone()));
    let (c, _) = r.op(|o, b| o.rx_sa_stats(b, cfg.sci, rx2.sci, 0)).unwrap();
    assert_eq!(c.ok, 2);
    // The deleted SA's count stays in its channel.
    let sc = r.op(|o, b| o.rx_sc_stats(b, cfg.sci, rx1.sci)).unwrap();
    assert_eq!(sc.ok, 1);
    r.assert_clean();
}

#[test]
fn a_receive_channel_turned_off_takes_nothing() {
    let cfg = secy(MAC_A, Cipher::GcmAes128);
    let (mut r, _, rx) = link(&cfg, 1);
    let opts = TxOpts {
        include_sci: true,
        ..Default::default()
    };
    let f = frame(MAC_A, PEER, IPV4, 50, 1);
    r.op(|o, b| o.upd_rxsc(b, cfg.sci, rx.sci, false)).unwrap();
    assert_eq!(r.ingress(&seal(&rx, 1, opts, &f)), None);
    r.op(|o, b| o.upd_rxsc(b, cfg.sci, rx.sci, true)).unwrap();
    assert_eq!(r.ingress(&seal(&rx, 2, opts, &f)), Some(f.clone()));
    let (c, _) = r.op(|o, b| o.rx_sa_stats(b, cfg.sci, rx.sci, 0)).unwrap();
    assert_eq!((c.ok, c.not_using_sa), (1, 1));
    r.assert_clean();
}

/// The replay window of the SecY: a frame older than the newest one received comes in while it
/// is within the window and is late (dropped) below it, and a wider window set later takes
/// older frames. With XPN the PNs have a high half, which the engine recovers from the next PN
/// it expects (the window stays within one 2^32 range: see `recover_xpn_pn()` of the simulator
/// for a frame of the window behind a boundary).
#[test]
fn the_replay_window_takes_older_frames_within_it_and_drops_those_below() {
    for cipher in CIPHERS {
        let mut cfg = secy(MAC_A, cipher);
        cfg.replay_protect = true;
        cfg.replay_window = 4;
        let base = if cipher.is_xpn() { 0x7_0000_0000 } else { 0 };
        let mut r = Rig::new();
        let rx = PeerSa::new(cipher, 2, sci(PEER, 1), 0);
        r.op(|o, b| o.add_secy(b, &cfg)).unwrap();
        r.op(|o, b| o.add_rxsc(b, cfg.sci, rx.sci, true)).unwrap();
        r.op(|o, b| o.add_rxsa(b, cfg.sci, rx.sci, &rx.config(base + 1, true)))
            .unwrap();
        r.op(|o, b| o.dev_open(b, cfg.sci)).unwrap();
        let opts = TxOpts {
            include_sci: true,
            ..TxOpts::default()
        };
        let mut got = Vec::new();
        let mut take = |r: &mut Rig, pn: u64| {
            let g = frame(MAC_A, PEER, IPV4, 40, pn as u8);
            let back = r.ingress(&seal(&rx, base + pn, opts, &g));
            assert!(back.is_none() || back == Some(g), "{cipher:?} PN {pn}");
            got.push((pn, back.is_some()));
        };
        // After PN 10 the lowest acceptable PN is 11 - 4 = 7.
        for pn in [10, 7, 6] {
            take(&mut r, pn);
        }
        // A window of 8: the lowest acceptable PN is 3.
        cfg.replay_window = 8;
        r.op(|o, b| o.upd_secy(b, &cfg)).unwrap();
        for pn in [6, 2] {
            take(&mut r, pn);
        }
        let want = [(10, true), (7, true), (6, false), (6, true), (2, false)];
        assert_eq!(got, want, "{cipher:?}");
        let (c, next) = r.op(|o, b| o.rx_sa_stats(b, cfg.sci, rx.sci, 0)).unwrap();
        assert_eq!((c.ok, c.late, next), (3, 2, base + 11), "{cipher:?}");
        r.assert_clean();
    }
}

#[test]
fn peers_without_sci_are_received_point_to_point_and_by_their_address() {
    for cipher in CIPHERS {
        let cfg = secy(MAC_A, cipher);
        let (mut r, _, rx) = link(&cfg, 1);
        // Point to point (one channel): SC=0, with and without ES.
        for (k, es) in [false, true].into_iter().enumerate() {
            let opts = TxOpts {
                es,
                ..Default::default()
            };
            let f = frame(MAC_A, PEER, IPV4, 50, k as u8);
            let got = r.ingress(&seal(&rx, 1 + k as u64, opts, &f));
            assert_eq!(got, Some(f), "{cipher:?} es {es}");
        }
        // A second channel: frames without SCI are matched by their source address (the
        // implicit SCI is address and port 1); those of the other channel stay apart.
        let rx2 = PeerSa::new(cipher, 4, sci(PEER2, 1), 0);
        r.op(|o, b| o.add_rxsc(b, cfg.sci, rx2.sci, true)).unwrap();
        r.op(|o, b| o.add_rxsa(b, cfg.sci, rx2.sci, &rx2.config(1, true)))
            .unwrap();
        let es = TxOpts {
            es: true,
            ..Default::default()
        };
        let f1 = frame(MAC_A, PEER, IPV4, 50, 1);
        let f2 = frame(MAC_A, PEER2, IPV4, 50, 2);
        assert_eq!(r.ingress(&seal(&rx, 3, es, &f1)), Some(f1.clone()));
        assert_eq!(r.ingress(&seal(&rx2, 1, es, &f2)), Some(f2.clone()));
        let with = TxOpts {
            include_sci: true,
            ..Default::default()
        };
        assert_eq!(r.ingress(&seal(&rx, 4, with, &f1)), Some(f1.clone()));
        // Back to one channel: the SCI-less entries go, point to point again.
        r.op(|o, b| o.del_rxsc(b, cfg.sci, rx2.sci)).unwrap();
        assert_eq!(r.ingress(&seal(&rx, 5, TxOpts::default(), &f1)), Some(f1));
        r.assert_clean();
    }
}

#[test]
fn two_secys_each_protect_their_own_frames() {
    let a = secy(MAC_A, Cipher::GcmAes128);
    let mut b_cfg = secy(MAC_B, Cipher::GcmAesXpn128);
    b_cfg.encrypt = true;
    let (mut r, txa, _) = link(&a, 1);
    let txb = PeerSa::new(b_cfg.cipher, 9, b_cfg.sci, 0);
    let rxb = PeerSa::new(b_cfg.cipher, 10, sci(PEER2, 1), 2);
    r.op(|o, b| o.add_secy(b, &b_cfg)).unwrap();
    r.op(|o, b| o.add_txsa(b, b_cfg.sci, &txb.config(1, true)))
        .unwrap();
    r.op(|o, b| o.add_rxsc(b, b_cfg.sci, rxb.sci, true))
        .unwrap();
    r.op(|o, b| o.add_rxsa(b, b_cfg.sci, rxb.sci, &rxb.config(1, true)))
        .unwrap();
    r.op(|o, b| o.dev_open(b, b_cfg.sci)).unwrap();
    let fa = frame(PEER, MAC_A, IPV4, 40, 1);
    let fb = frame(PEER2, MAC_B, IPV4, 40, 2);
    assert_eq!(open(&txa, 1, &r.egress(&fa).unwrap()).unwrap().plain, fa);
    let ob = open(&txb, 1, &r.egress(&fb).unwrap()).unwrap();
    assert_eq!((ob.plain, ob.tci & 0x0c), (fb, 0x0c));
    let parent = frame(PEER, PARENT, IPV4, 40, 3);
    assert_eq!(r.egress(&parent), Some(parent.clone()));
    let g = frame(MAC_B, PEER2, IPV4, 40, 4);
    let opts = TxOpts {
        include_sci: true,
        encrypt: true,
        ..Default::default()
    };
    assert_eq!(r.ingress(&seal(&rxb, 1, opts, &g)), Some(g));
    // The same address twice is refused.
    let mut c = secy(MAC_A, Cipher::GcmAes128);
    c.sci = sci(MAC_A, 2);
    assert_refused(
        r.op(|o, b| o.add_secy(b, &c)),
        rsmacsec_host::logic::error::Errno::Inval,
        rsmacsec_host::logic::macsec::validate::msg::MAC_IN_USE,
    );
    // Stopping one leaves the other.
    r.op(|o, b| o.dev_stop(b, a.sci)).unwrap();
    assert_eq!(r.egress(&fa), Some(fa.clone()));
    assert!(open(
        &txb,
        2,
        &r.egress(&frame(PEER2, MAC_B, IPV4, 40, 2)).unwrap()
    )
    .is_ok());
    r.assert_clean();
}

#[test]
fn a_new_address_moves_the_classification_without_a_leak() {
    let mut cfg = secy(MAC_A, Cipher::GcmAes128);
    let (mut r, tx, _) = link(&cfg, 1);
    cfg.mac = MAC_B;
    r.op(|o, b| o.upd_secy(b, &cfg)).unwrap();
    // The fence went up and came down.
    assert_eq!(r.writes_to(Bank::MacsecEgress, 0x1e51), 2);
    let old = frame(PEER, MAC_A, IPV4, 40, 1);
    assert_eq!(r.egress(&old), Some(old.clone()));
    let new = frame(PEER, MAC_B, IPV4, 40, 1);
    let o = open(&tx, 1, &r.egress(&new).unwrap()).unwrap();
    assert_eq!(o.plain, new);
    assert_eq!(r.ingress(&frame(MAC_B, PEER, IPV4, 40, 1)), None);
    r.assert_clean();
}

/// A record rewritten in place (the PN of the encoding SA set lower) is written only once the
/// frames that were in the pipeline when its entry went off have left: the driver polls
/// `SAM_IN_FLIGHT` until `UNSAFE` reads 0 (one frame leaves per read in the simulator), and the
/// simulator counts a record word written before that as misuse.
#[test]
fn a_record_is_rewritten_only_once_the_frames_in_flight_have_left() {
    let cfg = secy(MAC_A, Cipher::GcmAes128);
    let (mut r, tx, _) = link(&cfg, 1);
    let f = frame(PEER, MAC_A, IPV4, 40, 1);
    for pn in 1..=3 {
        assert_eq!(open(&tx, pn, &r.egress(&f).unwrap()).unwrap().pn, pn as u32);
    }
    r.m.pkg
        .macsec_mut(0, engine(Dir::Egress))
        .unwrap()
        .hold_frames(5);
    r.op(|o, b| o.upd_txsa(b, cfg.sci, 0, true, Some(2)))
        .unwrap();
    let polls = r
        .cost
        .reads
        .iter()
        .filter(|a| a.1 == ms::SAM_IN_FLIGHT)
        .count();
    assert_eq!(polls, 6, "5 frames leave, then UNSAFE reads 0");
    assert_eq!(open(&tx, 2, &r.egress(&f).unwrap()).unwrap().pn, 2);
    r.assert_clean();
}

#[test]
fn update_pn_moves_up_in_place_and_down_by_rewriting() {
    for cipher in CIPHERS {
        let cfg = secy(MAC_A, cipher);
        let (mut r, tx, rx) = link(&cfg, 10);
        let f = frame(PEER, MAC_A, IPV4, 40, 1);
        assert_eq!(open(&tx, 10, &r.egress(&f).unwrap()).unwrap().pn, 10);
        let up = if cipher.is_xpn() { 0x5_0000_0010 } else { 1000 };
        r.op(|o, b| o.upd_txsa(b, cfg.sci, 0, true, Some(up)))
            .unwrap();
        // In place: the next-PN registers, no record word, no enable change.
        assert_eq!(r.writes_to(Bank::MacsecEgress, ms::SAM_ENTRY_CLEAR1), 0);
        assert_eq!(r.writes_to(Bank::MacsecEgress, ms::NEXT_PN_CTRL), 2);
        let w = r.egress(&f).unwrap();
        let o = open(&tx, up, &w).unwrap_or_else(|e| panic!("{cipher:?} {e} {:02x?}", &w[..24]));
        assert_eq!(u64::from(o.pn), up & 0xffff_ffff);
        assert_eq!(r.op(|o, b| o.tx_sa_stats(b, cfg.sci, 0)).unwrap().1, up + 1);
        r.op(|o, b| o.upd_txsa(b, cfg.sci, 0, true, Some(3)))
            .unwrap();
        assert_eq!(open(&tx, 3, &r.egress(&f).unwrap()).unwrap().pn, 3);
        // Receive: a higher lowest PN makes older frames late (replay protection on).
        let mut c = cfg;
        c.replay_protect = true;
        r.op(|o, b| o.upd_secy(b, &c)).unwrap();
        let rup = if cipher.is_xpn() { 0x5_0000_0100 } else { 500 };
        r.op(|o, b| o.upd_rxsa(b, cfg.sci, rx.sci, 0, true, Some(rup)))
            .unwrap();
        let g = frame(MAC_A, PEER, IPV4, 40, 2);
        let opts = TxOpts {
            include_sci: true,
            ..Default::default()
        };
        let low = if cipher.is_xpn() { 0x5_0000_0007 } else { 7 };
        assert_eq!(r.ingress(&seal(&rx, low, opts, &g)), None);
        assert_eq!(r.ingress(&seal(&rx, rup + 1, opts, &g)), Some(g.clone()));
        let (rc, next) = r.op(|o, b| o.rx_sa_stats(b, cfg.sci, rx.sci, 0)).unwrap();
        assert_eq!((rc.late, rc.ok, next), (1, 1, rup + 2), "{cipher:?}");
        // And lower again.
        r.op(|o, b| o.upd_rxsa(b, cfg.sci, rx.sci, 0, true, Some(low)))
            .unwrap();
        assert_eq!(r.ingress(&seal(&rx, low, opts, &g)), Some(g.clone()));
        r.assert_clean();
    }
}

#[test]
fn a_flow_another_cipher_suite_takes_over_gets_every_word_of_its_new_record() {
    // An XPN receive SA (flow 1) whose lowest PN the engine raised past 2^32: the high word of
    // its sequence number is 1, though the driver last wrote 0 there.
    let a = secy(MAC_A, Cipher::GcmAesXpn256);
    let (mut r, _, rx) = link(&a, 1);
    assert!(matches!(
        r.off.state().owner(Dir::Ingress, 1),
        Owner::RxSa(_)
    ));
    r.op(|o, b| o.upd_rxsa(b, a.sci, rx.sci, 0, true, Some(0x1_0000_0005)))
        .unwrap();
    r.op(|o, b| o.del_secy(b, a.sci)).unwrap();
    // GCM-AES-256 receive SAs until one takes flow 1 (flows whose counters are clean go
    // first): there that word is the replay window, 0.
    let mut b = secy(MAC_B, Cipher::GcmAes256);
    b.replay_protect = true;
    r.op(|o, x| o.add_secy(x, &b)).unwrap();
    let mut port = 0;
    while matches!(r.off.state().owner(Dir::Ingress, 1), Owner::Free) {
        port += 1;
        let peer = PeerSa::new(b.cipher, 5, sci(PEER, port), 0);
        r.op(|o, x| o.add_rxsc(x, b.sci, peer.sci, true)).unwrap();
        r.op(|o, x| o.add_rxsa(x, b.sci, peer.sci, &peer.config(1, true)))
            .unwrap();
    }
    assert_eq!(r.peek(Dir::Ingress, (1 << 5) + 15), 0, "replay window");
    r.assert_clean();
}

#[test]
fn counters_are_exact_and_read_once() {
    let cfg = secy(MAC_A, Cipher::GcmAes128);
    let (mut r, _, rx) = link(&cfg, 1);
    let f = frame(PEER, MAC_A, IPV4, 100, 1);
    for _ in 0..5 {
        r.egress(&f).unwrap();
    }
    let (c, _) = r.op(|o, b| o.tx_sa_stats(b, cfg.sci, 0)).unwrap();
    assert_eq!((c.pkts, c.octets), (5, 5 * 102));
    // Clear-on-read: read again, the totals stay, nothing is counted twice.
    let (c2, _) = r.op(|o, b| o.tx_sa_stats(b, cfg.sci, 0)).unwrap();
    assert_eq!(c2, c);
    // Each counter word read once per call.
    let mut seen = std::collections::HashSet::new();
    for a in &r.cost.reads {
        assert!(seen.insert((a.0 as u8, a.1)), "read twice: {a:x?}");
    }
    let opts = TxOpts {
        include_sci: true,
        ..Default::default()
    };
    let g = frame(MAC_A, PEER, IPV4, 60, 2);
    let mut bad = seal(&rx, 1, opts, &g);
    let n = bad.len();
    bad[n - 1] ^= 1;
    assert_eq!(r.ingress(&bad), None);
    assert!(r.ingress(&seal(&rx, 2, opts, &g)).is_some());
    let (rc, _) = r.op(|o, b| o.rx_sa_stats(b, cfg.sci, rx.sci, 0)).unwrap();
    assert_eq!((rc.ok, rc.not_valid, rc.octets), (1, 1, 62));
    // A channel the PHY does not know. With a single channel (point to point) every SecTAG of
    // its AN goes to it and fails there; with two, the SCI tells them apart and the engine counts
    // the stranger globally (InPktsNoSCI: the engine-wide validateFrames is strict).
    let stranger = PeerSa::new(cfg.cipher, 50, sci(PARENT, 1), 0);
    assert_eq!(r.ingress(&seal(&stranger, 1, opts, &g)), None);
    let (rc, _) = r.op(|o, b| o.rx_sa_stats(b, cfg.sci, rx.sci, 0)).unwrap();
    assert_eq!(rc.not_valid, 2);
    let rx2 = PeerSa::new(cfg.cipher, 3, sci(PEER2, 2), 0);
    r.op(|o, b| o.add_rxsc(b, cfg.sci, rx2.sci, true)).unwrap();
    let s = seal(&stranger, 2, opts, &g);
    assert_eq!(r.ingress(&s), Some(s.clone()));
    let d = r.op(|o, b| o.dev_stats(b, cfg.sci)).unwrap();
    assert_eq!((d.in_no_sci, d.in_unknown_sci), (1, 0));
    let mut all = vec![0u64; rsmacsec_host::logic::macsec::Offload::STAT_NAMES.len()];
    r.op(|o, b| o.global_stats(b, &mut all)).unwrap();
    assert_eq!(all[4], 4, "InPktsTagged");
    assert_eq!(all[18 + 5], 5, "unicast frames out");
    for n in rsmacsec_host::logic::macsec::Offload::STAT_NAMES {
        assert!(
            n.len() <= 32 && n.ends_with('\0') && !n[..n.len() - 1].contains('\0'),
            "{n}"
        );
    }
    r.assert_clean();
}

#[test]
fn init_restores_everything_after_an_engine_reset_with_exact_pns() {
    let cfg = secy(MAC_A, Cipher::GcmAesXpn128);
    let (mut r, tx, rx) = link(&cfg, 1);
    let f = frame(PEER, MAC_A, IPV4, 40, 1);
    for pn in 1..=3 {
        assert_eq!(open(&tx, pn, &r.egress(&f).unwrap()).unwrap().pn, pn as u32);
    }
    // The engines are reset (as config_init does): the records stay readable, so the PNs are
    // known exactly.
    r.op(|o, b| {
        b.write32(Bank::MacsecEgress, ms::ENA_CFG, ms::ENA_CFG_SW_RST)?;
        b.write32(Bank::MacsecIngress, ms::ENA_CFG, ms::ENA_CFG_SW_RST)?;
        o.init(b)
    })
    .unwrap();
    assert_eq!(r.off.lost_tx_pns().count(), 0);
    assert_eq!(open(&tx, 4, &r.egress(&f).unwrap()).unwrap().pn, 4);
    let g = frame(MAC_A, PEER, IPV4, 40, 2);
    let opts = TxOpts {
        include_sci: true,
        ..Default::default()
    };
    assert_eq!(r.ingress(&seal(&rx, 1, opts, &g)), Some(g.clone()));
    let (c, _) = r.op(|o, b| o.tx_sa_stats(b, cfg.sci, 0)).unwrap();
    assert_eq!(c.pkts, 4, "counters read before the reset are kept");
    r.assert_clean();
}

#[test]
fn init_after_power_loss_restores_and_holds_the_transmit_sa_whose_pn_is_lost() {
    let mut cfg = secy(MAC_A, Cipher::GcmAes128);
    let (mut r, tx, rx) = link(&cfg, 1);
    let tx1 = PeerSa::new(cfg.cipher, 8, cfg.sci, 1);
    r.op(|o, b| o.add_txsa(b, cfg.sci, &tx1.config(50, true)))
        .unwrap();
    let f = frame(PEER, MAC_A, IPV4, 40, 1);
    r.egress(&f).unwrap();
    r.m.pkg.reset();
    r.op(|o, b| o.init(b)).unwrap();
    // SA 0 sent frames: its PN is gone with the PHY. SA 1 never sent: exact.
    let lost: Vec<_> = r.off.lost_tx_pns().collect();
    assert_eq!(lost, vec![(cfg.sci, 0)]);
    assert_eq!(
        r.egress(&f),
        None,
        "never with a PN that may have been used"
    );
    // Receive goes on.
    let g = frame(MAC_A, PEER, IPV4, 40, 2);
    let opts = TxOpts {
        include_sci: true,
        ..Default::default()
    };
    assert_eq!(r.ingress(&seal(&rx, 1, opts, &g)), Some(g.clone()));
    // The kernel moves to SA 1 (MKA) or sets a PN: traffic flows.
    cfg.encoding_sa = 1;
    r.op(|o, b| o.upd_secy(b, &cfg)).unwrap();
    assert_eq!(open(&tx1, 50, &r.egress(&f).unwrap()).unwrap().pn, 50);
    r.op(|o, b| o.upd_txsa(b, cfg.sci, 0, true, Some(1000)))
        .unwrap();
    assert_eq!(r.off.lost_tx_pns().count(), 0);
    cfg.encoding_sa = 0;
    r.op(|o, b| o.upd_secy(b, &cfg)).unwrap();
    assert_eq!(open(&tx, 1000, &r.egress(&f).unwrap()).unwrap().pn, 1000);
    r.assert_clean();
}

#[test]
fn init_holds_an_xpn_sa_that_sent_its_last_pn() {
    // The last 64-bit PN sent: no next PN exists to program, so init holds the SA out of use
    // and reports it, rather than programming that last PN again.
    let cfg = secy(MAC_A, Cipher::GcmAesXpn128);
    let (mut r, tx, _) = link(&cfg, u64::MAX);
    let f = frame(PEER, MAC_A, IPV4, 40, 1);
    let o = open(&tx, u64::MAX, &r.egress(&f).unwrap()).unwrap();
    assert_eq!(o.pn, u32::MAX);
    r.op(|o, b| o.init(b)).unwrap();
    let lost: Vec<_> = r.off.lost_tx_pns().collect();
    assert_eq!(lost, vec![(cfg.sci, 0)]);
    assert_eq!(r.egress(&f), None, "PN 2^64 - 1 again");
    r.assert_clean();
}

#[test]
fn a_pn_roll_over_takes_the_sa_out_of_use_and_nothing_leaves_in_clear() {
    for cipher in [Cipher::GcmAes128, Cipher::GcmAesXpn128] {
        let mut cfg = secy(MAC_A, cipher);
        let last = cipher.max_pn();
        let (mut r, tx, _) = link(&cfg, last - 1);
        // The next SA is added, but not in use: there is nothing to switch to.
        let tx1 = PeerSa::new(cipher, 6, cfg.sci, 1);
        r.op(|o, b| o.add_txsa(b, cfg.sci, &tx1.config(1, false)))
            .unwrap();
        // The bring-up's interrupt set-up: roll-over and threshold enabled in the egress engine.
        enable_pn_events(&mut r);
        let f = frame(PEER, MAC_A, IPV4, 40, 1);
        let mut events = [TxEvent::Wrapped { sci: [0; 8], an: 0 }; 16];
        // PN last - 1, past the switch point with PNs left and no SA to switch to: nothing
        // to do, and the threshold event is disabled until the transmit SAs change.
        let o = open(&tx, last - 1, &r.egress(&f).unwrap()).unwrap();
        assert_eq!(u64::from(o.pn), (last - 1) & 0xffff_ffff);
        assert_eq!(
            r.op(|o, b| o.handle_interrupt(b, &mut events).all_ok()),
            Ok(0)
        );
        let thresh_on = u32::from(ms::INTR_SEQ_THRESHOLD) << ms::INTR_ENABLE_SHIFT;
        assert_eq!(r.peek(Dir::Egress, ms::INTR_CTRL_STATUS) & thresh_on, 0);
        // The last PN leaves; the next frame has none: the engine drops it and raises the
        // roll-over, and the SA goes out of use.
        let o = open(&tx, last, &r.egress(&f).unwrap()).unwrap();
        assert_eq!(u64::from(o.pn), last & 0xffff_ffff);
        assert_eq!(r.egress(&f), None);
        assert_eq!(
            r.peek(Dir::Egress, ms::INTR_CTRL_STATUS) & 0x20,
            u32::from(ms::INTR_ROLLOVER)
        );
        assert_eq!(
            r.op(|o, b| o.handle_interrupt(b, &mut events).all_ok()),
            Ok(1),
            "{cipher:?}"
        );
        assert_eq!(
            events[0],
            TxEvent::Wrapped {
                sci: cfg.sci,
                an: 0
            }
        );
        assert_eq!(r.peek(Dir::Egress, ms::INTR_CTRL_STATUS) & 0x30, 0);
        assert_eq!(r.egress(&f), None, "the guard drops, nothing in clear");
        assert_eq!(
            r.op(|o, b| o.handle_interrupt(b, &mut events).all_ok()),
            Ok(0)
        );
        // MKA moves on to the next SA.
        r.op(|o, b| o.upd_txsa(b, cfg.sci, 1, true, None)).unwrap();
        cfg.encoding_sa = 1;
        r.op(|o, b| o.upd_secy(b, &cfg)).unwrap();
        assert_eq!(open(&tx1, 1, &r.egress(&f).unwrap()).unwrap().an, 1);
        r.assert_clean();
    }
}

#[test]
fn an_offload_in_zeroed_memory_is_a_new_one() {
    let size = std::mem::size_of::<rsmacsec_host::logic::macsec::Offload>();
    eprintln!("Offload: {size} octets");
    assert!(size <= 28 * 1024, "{size}");
    let mut r = Rig::bare();
    // SAFETY: every field of Offload is an integer, a bool, an array of them or a repr(u8)
    // enum whose variant 0 is the empty value; all-zero is Offload::new().
    r.off = unsafe { Box::<rsmacsec_host::logic::macsec::Offload>::new_zeroed().assume_init() };
    assert_eq!(
        format!("{:?}", r.off.state()),
        format!("{:?}", rsmacsec_host::logic::macsec::Offload::new().state())
    );
    r.op(|o, b| o.init(b)).unwrap();
    let cfg = secy(MAC_A, Cipher::GcmAes128);
    let tx = PeerSa::new(cfg.cipher, 1, cfg.sci, 0);
    r.op(|o, b| o.add_secy(b, &cfg)).unwrap();
    r.op(|o, b| o.add_txsa(b, cfg.sci, &tx.config(1, true)))
        .unwrap();
    r.op(|o, b| o.dev_open(b, cfg.sci)).unwrap();
    let f = frame(PEER, MAC_A, IPV4, 40, 1);
    assert_eq!(open(&tx, 1, &r.egress(&f).unwrap()).unwrap().plain, f);
    r.assert_clean();
}

#[test]
fn the_sci_goes_in_as_linux_puts_it_in() {
    // send_sci off: no SCI with one active channel; with two, Linux's macsec_send_sci() puts it
    // in (neither ES nor SCB), so the offloaded SecY does too; with ES or SCB set it does not.
    let mut cfg = secy(MAC_A, Cipher::GcmAes128);
    cfg.send_sci = false;
    let (mut r, tx, _) = link(&cfg, 1);
    let f = frame(PEER, MAC_A, IPV4, 40, 1);
    assert_eq!(open(&tx, 1, &r.egress(&f).unwrap()).unwrap().sci, None);
    let other = sci(PEER2, 1);
    r.op(|o, b| o.add_rxsc(b, cfg.sci, other, true)).unwrap();
    assert_eq!(
        open(&tx, 2, &r.egress(&f).unwrap()).unwrap().sci,
        Some(cfg.sci)
    );
    r.op(|o, b| o.upd_rxsc(b, cfg.sci, other, false)).unwrap();
    assert_eq!(open(&tx, 3, &r.egress(&f).unwrap()).unwrap().sci, None);
    // ES set: never.
    cfg.end_station = true;
    r.op(|o, b| o.upd_secy(b, &cfg)).unwrap();
    r.op(|o, b| o.upd_rxsc(b, cfg.sci, other, true)).unwrap();
    let o = open(&tx, 4, &r.egress(&f).unwrap()).unwrap();
    assert_eq!((o.sci, o.tci & 0x50), (None, 0x40));
    // SCB set instead: never either, and the SCB bit says why.
    cfg.end_station = false;
    cfg.scb = true;
    r.op(|o, b| o.upd_secy(b, &cfg)).unwrap();
    let o = open(&tx, 5, &r.egress(&f).unwrap()).unwrap();
    assert_eq!((o.sci, o.tci & 0x50), (None, 0x10));
    r.assert_clean();
}

#[test]
fn an_inactive_encoding_sa_sends_nothing() {
    let cfg = secy(MAC_A, Cipher::GcmAes256);
    let (mut r, tx, _) = link(&cfg, 1);
    let f = frame(PEER, MAC_A, IPV4, 40, 1);
    r.op(|o, b| o.upd_txsa(b, cfg.sci, 0, false, None)).unwrap();
    assert_eq!(r.egress(&f), None);
    let d = r.op(|o, b| o.dev_stats(b, cfg.sci)).unwrap();
    assert_eq!(d.out_untagged, 0);
    r.op(|o, b| o.upd_txsa(b, cfg.sci, 0, true, None)).unwrap();
    assert_eq!(open(&tx, 1, &r.egress(&f).unwrap()).unwrap().plain, f);
    r.assert_clean();
}

#[test]
fn vlan_subinterfaces_on_the_macsec_device_carry_traffic() {
    // A VLAN device on top of macsec0: the tag is part of the SecY's user data, protected
    // (and encrypted) like the rest, as software MACsec does.
    let mut cfg = secy(MAC_A, Cipher::GcmAes128);
    cfg.encrypt = true;
    let (mut r, tx, rx) = link(&cfg, 1);
    let tagged = |da, sa| {
        let mut f = frame(da, sa, 0x8100, 0, 0);
        f.truncate(14);
        f.extend([0x00, 0x2a]);
        f.extend(0x0800u16.to_be_bytes());
        f.extend((0..50u8).map(|i| i ^ 0x33));
        f
    };
    let out = tagged(PEER, MAC_A);
    let wire = r.egress(&out).unwrap();
    assert_eq!(&wire[12..14], &[0x88, 0xe5], "the SecTAG comes first");
    assert_eq!(open(&tx, 1, &wire).unwrap().plain, out);
    let inn = tagged(MAC_A, PEER);
    let opts = TxOpts {
        include_sci: true,
        encrypt: true,
        ..Default::default()
    };
    assert_eq!(r.ingress(&seal(&rx, 1, opts, &inn)), Some(inn.clone()));
    r.assert_clean();
}
