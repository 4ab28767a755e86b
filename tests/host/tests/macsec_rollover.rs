// SPDX-License-Identifier: GPL-2.0

//! Packet-number rollover by the hardware: the encoding SA crosses the switch point, the PN
//! threshold event reaches the driver's logic, and the pre-installed next SA takes over with one
//! `SAM_ENTRY_TOGGLE1` write; frames sealed before and after open under the right SA with
//! consecutive PNs, none is lost. Then what happens without a next SA, when the kernel's
//! requests still carry the old encoding SA, and with several SecYs.

mod macsec_support;

use macsec_support::*;
use rsmacsec_host::hw::regs::{macsec as ms, Bank};
use rsmacsec_host::logic::error::Error;
use rsmacsec_host::logic::macsec::state::Dir;
use rsmacsec_host::logic::macsec::types::{Cipher, SecYConfig, Served, TxEvent};
use rsmacsec_host::logic::macsec::Offload;
use rsmacsec_host::regs::fault::MdioError;

const IPV4: u16 = 0x0800;
const NONE: TxEvent = TxEvent::Wrapped { sci: [0; 8], an: 0 };

/// SecY `cfg` up with transmit SA 0 at `pn0` (encoding) and SA 1 at PN 1 (installed, in use,
/// not encoding), the PN events enabled.
fn rig(cfg: &SecYConfig, pn0: u64) -> (Rig, PeerSa, PeerSa) {
    let mut r = Rig::new();
    let tx0 = PeerSa::new(cfg.cipher, 1, cfg.sci, 0);
    let tx1 = PeerSa::new(cfg.cipher, 2, cfg.sci, 1);
    r.op(|o, b| o.add_secy(b, cfg)).unwrap();
    r.op(|o, b| o.add_txsa(b, cfg.sci, &tx0.config(pn0, true)))
        .unwrap();
    r.op(|o, b| o.add_txsa(b, cfg.sci, &tx1.config(1, true)))
        .unwrap();
    r.op(|o, b| o.dev_open(b, cfg.sci)).unwrap();
    enable_pn_events(&mut r);
    (r, tx0, tx1)
}

fn status(r: &Rig) -> u32 {
    r.peek(Dir::Egress, ms::INTR_CTRL_STATUS)
}

#[test]
fn the_switch_points_are_programmed_with_the_margin() {
    let r = Rig::new();
    let s32 = r.off.switch_point(Cipher::GcmAes128);
    let s64 = r.off.switch_point(Cipher::GcmAesXpn256);
    assert_eq!(s32, (1 << 32) - (1 << 20));
    assert_eq!(s64, 0u64.wrapping_sub(1 << 20));
    assert_eq!(r.peek(Dir::Egress, 0x3d08), s32 as u32);
    assert_eq!(r.peek(Dir::Egress, 0x3d09), s64 as u32);
    assert_eq!(r.peek(Dir::Egress, 0x3d0a), (s64 >> 32) as u32);
    // Threshold mode 0: the event comes with every PN at or above the threshold.
    assert_eq!(r.peek(Dir::Egress, 0x3d02) & (1 << 10), 0);

    let mut o = Offload::new();
    assert!(o.set_pn_margin(0).is_err());
    assert!(o.set_pn_margin((1 << 31) + 1).is_err());
    o.set_pn_margin(300).unwrap();
    assert_eq!(o.switch_point(Cipher::GcmAes256), u64::from(u32::MAX) - 299);
    let mut r = Rig::bare();
    r.off.set_pn_margin(300).unwrap();
    r.op(|o, b| o.init(b)).unwrap();
    assert_eq!(r.peek(Dir::Egress, 0x3d08), u32::MAX - 299);
}

#[test]
fn the_next_sa_takes_over_at_the_switch_point_with_one_write_and_no_frame_lost() {
    for cipher in CIPHERS {
        let cfg = secy(MAC_A, cipher);
        let point = Rig::new().off.switch_point(cipher);
        let (mut r, tx0, tx1) = rig(&cfg, point - 3);
        let f = frame(PEER, MAC_A, IPV4, 64, 7);
        let mut events = [NONE; 4];
        // Three frames below the switch point: no event.
        for pn in point - 3..point {
            let o = open(&tx0, pn, &r.egress(&f).unwrap()).unwrap();
            assert_eq!((o.an, u64::from(o.pn)), (0, pn & 0xffff_ffff), "{cipher:?}");
        }
        assert_eq!(status(&r) & 0x30, 0, "{cipher:?}");
        // The frame with the switch point's PN leaves on SA 0 and raises the threshold event.
        let o = open(&tx0, point, &r.egress(&f).unwrap()).unwrap();
        assert_eq!(u64::from(o.pn), point & 0xffff_ffff);
        assert_eq!(
            status(&r) & 0x30,
            u32::from(ms::INTR_SEQ_THRESHOLD),
            "{cipher:?}"
        );
        // The interrupt: SA 1 takes over.
        assert_eq!(
            r.op(|o, b| o.handle_interrupt(b, &mut events).all_ok()),
            Ok(1)
        );
        assert_eq!(
            events[0],
            TxEvent::Switched {
                sci: cfg.sci,
                from: 0,
                to: 1
            }
        );
        // The switch itself: one write of SAM_ENTRY_TOGGLE1, nothing else written to the SAM
        // or a record; the interrupt's status cleared.
        assert_eq!(r.writes_to(Bank::MacsecEgress, ms::SAM_ENTRY_TOGGLE1), 1);
        let other: Vec<_> = r
            .cost
            .writes
            .iter()
            .filter(|w| w.1 != ms::SAM_ENTRY_TOGGLE1 && w.1 != ms::INTR_CTRL_STATUS)
            .collect();
        assert!(other.is_empty(), "{cipher:?}: {other:x?}");
        assert_eq!(status(&r) & 0x30, 0);
        // The next frames leave on SA 1 from its PN 1; SA 0 keeps the PN it reached.
        for pn in 1..4 {
            let o = open(&tx1, pn, &r.egress(&f).unwrap()).unwrap();
            assert_eq!((o.an, o.pn), (1, pn as u32), "{cipher:?}");
        }
        assert_eq!(status(&r) & 0x30, 0, "SA 1 is below the switch point");
        // What the simulator saw between the event and the first frame on SA 1: the toggle
        // and the status clear, nothing else.
        let sw = *r.m.pkg.phy(0).unwrap().trace().last().unwrap();
        let mut seen: Vec<_> = sw.noted[..sw.writes].to_vec();
        seen.sort_unstable();
        let egr = 0x3c;
        assert_eq!(
            seen,
            [(egr, ms::SAM_ENTRY_TOGGLE1), (egr, ms::INTR_CTRL_STATUS)],
            "{cipher:?}"
        );
        let st = r.off.state();
        assert_eq!(st.secy[0].cfg.encoding_sa, 1);
        assert!(st.secy[0].switched);
        let (c, next) = r.op(|o, b| o.tx_sa_stats(b, cfg.sci, 0)).unwrap();
        assert_eq!(next, point + 1, "SA 0's next PN, as the hardware has it");
        assert_eq!(c.pkts, 4);
        let (c, next) = r.op(|o, b| o.tx_sa_stats(b, cfg.sci, 1)).unwrap();
        assert_eq!((c.pkts, next), (3, 4));
        r.assert_clean();
    }
}

#[test]
fn requests_with_the_old_encoding_sa_keep_the_switch_until_the_kernel_takes_it_over() {
    let mut cfg = secy(MAC_A, Cipher::GcmAes128);
    let point = Rig::new().off.switch_point(cfg.cipher);
    let (mut r, tx0, tx1) = rig(&cfg, point);
    let f = frame(PEER, MAC_A, IPV4, 64, 7);
    let mut events = [NONE; 4];
    open(&tx0, point, &r.egress(&f).unwrap()).unwrap();
    assert_eq!(
        r.op(|o, b| o.handle_interrupt(b, &mut events).all_ok()),
        Ok(1)
    );
    // A settings change the kernel sends before it learned of the switch still names SA 0:
    // the hardware stays on SA 1.
    cfg.encrypt = false;
    r.op(|o, b| o.upd_secy(b, &cfg)).unwrap();
    assert_eq!(r.writes_to(Bank::MacsecEgress, ms::SAM_ENTRY_TOGGLE1), 0);
    let o = open(&tx1, 1, &r.egress(&f).unwrap()).unwrap();
    assert_eq!((o.an, o.pn, o.tci & 0x0c), (1, 1, 0));
    // The kernel takes the switch over: its update names SA 1 and writes nothing.
    cfg.encoding_sa = 1;
    r.op(|o, b| o.upd_secy(b, &cfg)).unwrap();
    assert!(r.cost.writes.is_empty(), "{:x?}", r.cost.writes);
    assert!(!r.off.state().secy[0].switched);
    // From then on SA 0 is the user's choice again (it has PNs left): one toggle back.
    cfg.encoding_sa = 0;
    r.op(|o, b| o.upd_secy(b, &cfg)).unwrap();
    assert_eq!(r.writes_to(Bank::MacsecEgress, ms::SAM_ENTRY_TOGGLE1), 1);
    assert_eq!(open(&tx0, point + 1, &r.egress(&f).unwrap()).unwrap().an, 0);
    r.assert_clean();
}

#[test]
fn without_a_next_sa_the_threshold_rests_until_one_comes_then_it_switches() {
    let cfg = secy(MAC_A, Cipher::GcmAes256);
    let point = Rig::new().off.switch_point(cfg.cipher);
    let mut r = Rig::new();
    let tx0 = PeerSa::new(cfg.cipher, 1, cfg.sci, 0);
    let tx2 = PeerSa::new(cfg.cipher, 3, cfg.sci, 2);
    r.op(|o, b| o.add_secy(b, &cfg)).unwrap();
    r.op(|o, b| o.add_txsa(b, cfg.sci, &tx0.config(point, true)))
        .unwrap();
    r.op(|o, b| o.dev_open(b, cfg.sci)).unwrap();
    enable_pn_events(&mut r);
    let thresh_on = u32::from(ms::INTR_SEQ_THRESHOLD) << ms::INTR_ENABLE_SHIFT;
    let f = frame(PEER, MAC_A, IPV4, 64, 7);
    let mut events = [NONE; 4];
    open(&tx0, point, &r.egress(&f).unwrap()).unwrap();
    assert_eq!(
        r.op(|o, b| o.handle_interrupt(b, &mut events).all_ok()),
        Ok(0)
    );
    assert_eq!(
        status(&r) & (thresh_on | 0x30),
        0,
        "event handled and disabled"
    );
    // SA 0 goes on: its PNs are not spent.
    open(&tx0, point + 1, &r.egress(&f).unwrap()).unwrap();
    assert_eq!(status(&r) & 0x8000, 0, "no interrupt while it rests");
    // An SA that is not in use changes nothing; the next SA in use re-arms the event, and the
    // next frame makes the switch.
    r.op(|o, b| o.add_txsa(b, cfg.sci, &tx2.config(10, true)))
        .unwrap();
    assert_eq!(status(&r) & thresh_on, thresh_on);
    open(&tx0, point + 2, &r.egress(&f).unwrap()).unwrap();
    assert_eq!(
        r.op(|o, b| o.handle_interrupt(b, &mut events).all_ok()),
        Ok(1)
    );
    assert_eq!(
        events[0],
        TxEvent::Switched {
            sci: cfg.sci,
            from: 0,
            to: 2
        }
    );
    assert_eq!(open(&tx2, 10, &r.egress(&f).unwrap()).unwrap().an, 2);
    r.assert_clean();
}

#[test]
fn a_rest_that_may_have_reached_the_engine_is_armed_again_by_the_next_sa() {
    let cfg = secy(MAC_A, Cipher::GcmAes128);
    let point = Rig::new().off.switch_point(cfg.cipher);
    let thresh_on = u32::from(ms::INTR_SEQ_THRESHOLD) << ms::INTR_ENABLE_SHIFT;
    let f = frame(PEER, MAC_A, IPV4, 64, 7);
    let tx0 = PeerSa::new(cfg.cipher, 1, cfg.sci, 0);
    let tx2 = PeerSa::new(cfg.cipher, 3, cfg.sci, 2);
    let rested = || {
        let mut r = Rig::new();
        r.op(|o, b| o.add_secy(b, &cfg)).unwrap();
        r.op(|o, b| o.add_txsa(b, cfg.sci, &tx0.config(point, true)))
            .unwrap();
        r.op(|o, b| o.dev_open(b, cfg.sci)).unwrap();
        enable_pn_events(&mut r);
        r.egress(&f).unwrap();
        r
    };
    let mut events = [NONE; 4];
    let mut r = rested();
    assert_eq!(
        r.op(|o, b| o.handle_interrupt(b, &mut events).all_ok()),
        Ok(0)
    );
    let n = r.cost.mdio;
    // An error at any access, the write that disables the threshold event included (it may
    // have reached the engine): the next SA in use still arms the event again.
    for k in 1..n {
        let mut r = rested();
        r.m.pkg.faults_mut().fail_access(k, MdioError::Io);
        let s = r.op(|o, b| Ok(o.handle_interrupt(b, &mut events))).unwrap();
        r.m.pkg.faults_mut().clear();
        assert_eq!(
            s,
            Served {
                events: 0,
                result: Err(Error::Mdio(-5))
            },
            "access {k}"
        );
        r.op(|o, b| o.add_txsa(b, cfg.sci, &tx2.config(10, true)))
            .unwrap();
        assert_eq!(status(&r) & thresh_on, thresh_on, "access {k} of {n}");
        open(&tx0, point + 1, &r.egress(&f).unwrap()).unwrap();
        assert_eq!(
            r.op(|o, b| o.handle_interrupt(b, &mut events).all_ok()),
            Ok(1),
            "access {k}"
        );
        assert_eq!(open(&tx2, 10, &r.egress(&f).unwrap()).unwrap().an, 2);
        r.assert_clean();
    }
}

#[test]
fn a_next_sa_past_the_switch_point_itself_is_not_taken() {
    let cfg = secy(MAC_A, Cipher::GcmAes128);
    let point = Rig::new().off.switch_point(cfg.cipher);
    let (mut r, tx0, tx1) = rig(&cfg, point);
    // SA 1's last PN sent would be the switch point itself: it would switch again at once.
    r.op(|o, b| o.upd_txsa(b, cfg.sci, 1, true, Some(point + 1)))
        .unwrap();
    let f = frame(PEER, MAC_A, IPV4, 64, 7);
    let mut events = [NONE; 4];
    open(&tx0, point, &r.egress(&f).unwrap()).unwrap();
    assert_eq!(
        r.op(|o, b| o.handle_interrupt(b, &mut events).all_ok()),
        Ok(0)
    );
    assert_eq!(r.off.state().secy[0].cfg.encoding_sa, 0);
    // One below: taken at the next event, and its first frame has PN `point`.
    r.op(|o, b| o.upd_txsa(b, cfg.sci, 1, true, Some(point)))
        .unwrap();
    open(&tx0, point + 1, &r.egress(&f).unwrap()).unwrap();
    assert_eq!(
        r.op(|o, b| o.handle_interrupt(b, &mut events).all_ok()),
        Ok(1)
    );
    let o = open(&tx1, point, &r.egress(&f).unwrap()).unwrap();
    assert_eq!((o.an, u64::from(o.pn)), (1, point & 0xffff_ffff));
    r.assert_clean();
}

#[test]
fn with_several_secys_only_the_one_past_the_switch_point_switches() {
    let a = secy(MAC_A, Cipher::GcmAes128);
    let b_cfg = secy(MAC_B, Cipher::GcmAesXpn128);
    let pa = Rig::new().off.switch_point(a.cipher);
    let pb = Rig::new().off.switch_point(b_cfg.cipher);
    let (mut r, _a0, a1) = rig(&a, 100);
    let b0 = PeerSa::new(b_cfg.cipher, 4, b_cfg.sci, 0);
    let b3 = PeerSa::new(b_cfg.cipher, 5, b_cfg.sci, 3);
    r.op(|o, bus| o.add_secy(bus, &b_cfg)).unwrap();
    r.op(|o, bus| o.add_txsa(bus, b_cfg.sci, &b0.config(pb, true)))
        .unwrap();
    r.op(|o, bus| o.add_txsa(bus, b_cfg.sci, &b3.config(7, true)))
        .unwrap();
    r.op(|o, bus| o.dev_open(bus, b_cfg.sci)).unwrap();
    let fa = frame(PEER, MAC_A, IPV4, 64, 7);
    let fb = frame(PEER, MAC_B, IPV4, 64, 8);
    let mut events = [NONE; 4];
    r.egress(&fa).unwrap();
    open(&b0, pb, &r.egress(&fb).unwrap()).unwrap();
    assert_eq!(
        r.op(|o, bus| o.handle_interrupt(bus, &mut events).all_ok()),
        Ok(1)
    );
    assert_eq!(
        events[0],
        TxEvent::Switched {
            sci: b_cfg.sci,
            from: 0,
            to: 3
        }
    );
    assert_eq!(open(&b3, 7, &r.egress(&fb).unwrap()).unwrap().an, 3);
    assert_eq!(r.off.state().secy[0].cfg.encoding_sa, 0);
    assert!(r.egress(&fa).is_some());
    // SecY A's SA 1 is untouched and below its switch point.
    let _ = (a1, pa);
    r.assert_clean();
}

#[test]
fn a_second_secy_switches_after_the_first_was_deleted() {
    let mut r = Rig::new();
    enable_pn_events(&mut r);
    for cipher in [Cipher::GcmAes128, Cipher::GcmAesXpn128] {
        let mut cfg = secy(MAC_A, cipher);
        let point = r.off.switch_point(cipher);
        let tx0 = PeerSa::new(cipher, 1, cfg.sci, 0);
        let tx1 = PeerSa::new(cipher, 2, cfg.sci, 1);
        r.op(|o, b| o.add_secy(b, &cfg)).unwrap();
        r.op(|o, b| o.add_txsa(b, cfg.sci, &tx0.config(point - 2, true)))
            .unwrap();
        r.op(|o, b| o.add_txsa(b, cfg.sci, &tx1.config(1, true)))
            .unwrap();
        r.op(|o, b| o.dev_open(b, cfg.sci)).unwrap();
        let f = frame(PEER, MAC_A, IPV4, 64, 7);
        let mut events = [NONE; 4];
        for pn in point - 2..=point + 1 {
            open(&tx0, pn, &r.egress(&f).unwrap()).unwrap();
        }
        assert_ne!(status(&r) & 0x10, 0, "{cipher:?}: threshold status");
        assert_eq!(
            r.op(|o, b| o.handle_interrupt(b, &mut events).all_ok()),
            Ok(1),
            "{cipher:?}"
        );
        cfg.encoding_sa = 1;
        r.op(|o, b| o.upd_secy(b, &cfg)).unwrap();
        assert_eq!(open(&tx1, 1, &r.egress(&f).unwrap()).unwrap().an, 1);
        r.op(|o, b| o.del_secy(b, cfg.sci)).unwrap();
    }
    r.assert_clean();
}

#[test]
fn the_switch_starts_from_the_enables_the_engine_holds() {
    let cfg = secy(MAC_A, Cipher::GcmAes128);
    let point = Rig::new().off.switch_point(cfg.cipher);
    let (mut r, tx0, tx1) = rig(&cfg, point);
    let f = frame(PEER, MAC_A, IPV4, 64, 7);
    let mut events = [NONE; 4];
    open(&tx0, point, &r.egress(&f).unwrap()).unwrap();
    // Behind the driver's back, the entry of SA 1 got enabled too: a toggle computed from the
    // shadow would disable both.
    let flows: Vec<u8> = r
        .off
        .state()
        .tx
        .iter()
        .filter(|t| t.used)
        .map(|t| t.flow)
        .collect();
    let both = flows.iter().fold(0u32, |m, f| m | 1 << f);
    r.m.pkg
        .macsec_mut(0, engine(Dir::Egress))
        .unwrap()
        .poke(ms::SAM_ENTRY_ENABLE1, both);
    assert_eq!(
        r.op(|o, b| o.handle_interrupt(b, &mut events).all_ok()),
        Ok(1)
    );
    assert_eq!(r.writes_to(Bank::MacsecEgress, ms::SAM_ENTRY_TOGGLE1), 1);
    let sa1 = flows[1];
    assert_eq!(r.peek(Dir::Egress, ms::SAM_ENTRY_ENABLE1) & both, 1 << sa1);
    assert_eq!(open(&tx1, 1, &r.egress(&f).unwrap()).unwrap().an, 1);
    r.assert_clean();
}

#[test]
fn an_xpn_frame_whose_pn_low_word_is_zero_passes_a_phy_without_secy() {
    // A SecY in software above a PHY that offloads nothing: every MACsec frame passes the
    // ingress engine unchanged, also the one in 2^32 whose PN field is 0 under XPN.
    let mut r = Rig::new();
    let peer = PeerSa::new(Cipher::GcmAesXpn128, 9, sci(PEER, 1), 0);
    let f = frame(MAC_A, PEER, IPV4, 64, 3);
    let opts = TxOpts {
        include_sci: true,
        encrypt: true,
        ..Default::default()
    };
    for pn in [(1u64 << 32) - 1, 1 << 32, (1 << 32) + 1] {
        let wire = seal(&peer, pn, opts, &f);
        assert_eq!(r.ingress(&wire), Some(wire.clone()), "PN {pn:#x}");
    }
    // Once a 32-bit SecY is offloaded, the engine checks the PN again (as MESA does).
    let cfg = secy(MAC_A, Cipher::GcmAes128);
    r.op(|o, b| o.add_secy(b, &cfg)).unwrap();
    assert_ne!(
        r.peek(Dir::Ingress, 0x1e50) & (1 << 6),
        0,
        "SAM_NM_PARAMS.CHECK_PN"
    );
    r.assert_clean();
}

#[test]
fn an_mdio_error_in_the_switch_leaves_it_made_and_reported_or_undone_and_coming_again() {
    for cipher in [Cipher::GcmAes128, Cipher::GcmAesXpn256] {
        let cfg = secy(MAC_A, cipher);
        let point = Rig::new().off.switch_point(cipher);
        let f = frame(PEER, MAC_A, IPV4, 64, 7);
        let mut events = [NONE; 4];
        let switched = TxEvent::Switched {
            sci: cfg.sci,
            from: 0,
            to: 1,
        };
        let (mut r, _, _) = rig(&cfg, point);
        r.egress(&f).unwrap();
        assert_eq!(
            r.op(|o, b| o.handle_interrupt(b, &mut events).all_ok()),
            Ok(1)
        );
        let n = r.cost.mdio;
        let (mut made, mut undone) = (0, 0);
        // The last access is the window's page restore, after the switch.
        for k in 1..n {
            let (mut r, tx0, tx1) = rig(&cfg, point);
            r.egress(&f).unwrap();
            r.m.pkg.faults_mut().fail_access(k, MdioError::Io);
            let s = r.op(|o, b| Ok(o.handle_interrupt(b, &mut events))).unwrap();
            r.m.pkg.faults_mut().clear();
            let at = format!("{cipher:?}, access {k} of {n}");
            assert_eq!(s.result, Err(Error::Mdio(-5)), "{at}");
            r.assert_clean();
            let st = r.off.state().secy[0];
            if s.events == 1 {
                // Made (the status clear failed after it): reported, and it stands.
                made += 1;
                assert_eq!(
                    (events[0], st.cfg.encoding_sa, st.switched),
                    (switched, 1, true)
                );
                let o = open(&tx1, 1, &r.egress(&f).unwrap()).unwrap();
                assert_eq!((o.an, o.pn), (1, 1), "{at}");
                continue;
            }
            // Undone, and the status cleared all the same (unless reading it failed): else the
            // interrupt controller, which sees edges, would never bring another event.
            undone += 1;
            assert_eq!((s.events, st.cfg.encoding_sa, st.switched), (0, 0, false));
            let first = r.cost.reads.len() == 1 && r.cost.writes.is_empty();
            assert!(
                status(&r) & 0x30 == 0 || first,
                "{at}: the status is left set"
            );
            // The next frame leaves on SA 0, raises the event again, and the switch is made.
            let o = open(&tx0, point + 1, &r.egress(&f).unwrap()).unwrap();
            assert_eq!(u64::from(o.pn), (point + 1) & 0xffff_ffff);
            assert_eq!(status(&r) & 0x30, u32::from(ms::INTR_SEQ_THRESHOLD));
            assert_eq!(
                r.op(|o, b| o.handle_interrupt(b, &mut events).all_ok()),
                Ok(1)
            );
            assert_eq!(events[0], switched);
            let o = open(&tx1, 1, &r.egress(&f).unwrap()).unwrap();
            assert_eq!((o.an, o.pn), (1, 1), "{at}");
            r.assert_clean();
        }
        // Both happened: the status clear is the last write.
        assert!(made > 0 && undone > 0, "{made} {undone}");
    }
}

/// One transmit SA of the random test: its key (a fresh one for every SA added), the PN its
/// next frame must not go below, and the last PN seen on the wire with its key.
struct Sent {
    sa: PeerSa,
    floor: u64,
    last: Option<u64>,
}

/// A SecY of the random test: its settings, whether it exists and is up, its SAs by AN.
struct Tested {
    cfg: SecYConfig,
    exists: bool,
    up: bool,
    sas: [Option<Sent>; 4],
}

impl Tested {
    fn max_pn(&self) -> u64 {
        self.cfg.cipher.max_pn()
    }
}

/// Sequences in `make check`; `RSMACSEC_ROLLOVER=count[:first]` runs others ([`sequences`]).
const RANDOM_SEQUENCES: u64 = 1500;

/// One or two SecYs on a port, each with its own cipher suite: SAs added with fresh keys near
/// the switch point, the end or low, set in and out of use, PNs set up and down, SAs deleted,
/// encoding SAs changed, devices up and down, SecYs deleted and added again, `init` again (as
/// `config_init` runs it, half of the time after a power loss), frames and interrupts, with an
/// MDIO error injected at a random access of a quarter of the steps (`init` included). Every
/// frame of an up SecY leaves sealed by the SA of its AN with a PN above every earlier one of
/// that key, or is dropped, never in clear; after every step every record's next PN is at or
/// above the one set and past every one sent.
#[test]
fn random_switches_with_mdio_errors_never_reuse_a_pn_nor_send_in_clear() {
    const STEPS: usize = 100;
    let (mut switches, mut failed, mut resets) = (0, 0, 0);
    let range = sequences("RSMACSEC_ROLLOVER", RANDOM_SEQUENCES);
    let count = range.end - range.start;
    for seq in range {
        let mut g = Rng(0x7a3c_55e1_0f0f_9d21 ^ (seq + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let mut r = Rig::new();
        let mut ys: Vec<Tested> = [MAC_A, MAC_B][..1 + g.below(2)]
            .iter()
            .map(|&mac| Tested {
                cfg: secy(mac, CIPHERS[g.below(4)]),
                exists: true,
                up: true,
                sas: [None, None, None, None],
            })
            .collect();
        for y in &ys {
            r.op(|o, b| o.add_secy(b, &y.cfg)).unwrap();
            r.op(|o, b| o.dev_open(b, y.cfg.sci)).unwrap();
        }
        enable_pn_events(&mut r);
        let mut seed = 0u8;
        let mut events = [NONE; 16];
        for step in 0..STEPS {
            let at = format!("sequence {seq} step {step}");
            if g.chance(25) {
                let within = if g.chance(50) { 30 } else { 120 };
                let k = 1 + g.below(within) as u64;
                let n = if g.chance(15) { 2 } else { 1 };
                r.m.pkg.faults_mut().fail_accesses(k, n, MdioError::Io);
            }
            let which = g.below(ys.len());
            let an = g.below(4) as u8;
            let y = &mut ys[which];
            let sci = y.cfg.sci;
            let point = r.off.switch_point(y.cfg.cipher);
            let result = match g.below(10) {
                0 | 1 => {
                    // Frames of an up SecY: sealed by the SA of their AN with a PN above every
                    // earlier one of its key and at least the one set, or dropped. Those of a
                    // SecY down or deleted are its parent's and leave as they are.
                    r.m.pkg.faults_mut().clear();
                    for _ in 0..1 + g.below(3) {
                        let f = frame(PEER, y.cfg.mac, IPV4, 48, step as u8);
                        let Some(w) = r.egress(&f) else {
                            continue;
                        };
                        if !(y.exists && y.up) {
                            assert_eq!(w, f, "{at}: a frame of a SecY down was changed");
                            continue;
                        }
                        assert_ne!(w, f, "{at}: a frame left in clear");
                        let a = usize::from(w[14] & 3);
                        let s = y.sas[a].as_mut();
                        let s = s.unwrap_or_else(|| panic!("{at}: AN {a}"));
                        // The PN's high half (XPN) is the one of the next PN expected, or
                        // one more if the low half wrapped since.
                        let base = s.last.map_or(s.floor, |l| l.saturating_add(1)).max(s.floor);
                        let o = open(&s.sa, base, &w)
                            .or_else(|_| open(&s.sa, base.wrapping_add(1 << 32), &w))
                            .unwrap_or_else(|e| panic!("{at}: {e}"));
                        let mut pn = (base & !0xffff_ffff) | u64::from(o.pn);
                        if pn < base {
                            pn = pn.wrapping_add(1 << 32);
                        }
                        assert!(pn >= s.floor, "{at}: AN {a} PN {pn} below {}", s.floor);
                        assert!(s.last.is_none_or(|l| pn > l), "{at}: AN {a} PN {pn} again");
                        s.last = Some(pn);
                    }
                    Ok(())
                }
                2 | 9 => {
                    // The interrupt, as the shell serves it: the events go to the core, which
                    // takes a switch over with a changelink naming the new encoding SA.
                    let s = r.op(|o, b| Ok(o.handle_interrupt(b, &mut events))).unwrap();
                    r.m.pkg.faults_mut().clear();
                    for e in events.iter().take(s.events) {
                        if let TxEvent::Switched { sci, to, .. } = *e {
                            let y = ys.iter_mut().find(|y| y.exists && y.cfg.sci == sci);
                            let y = y.unwrap_or_else(|| panic!("{at}: a switch of no SecY"));
                            switches += 1;
                            y.cfg.encoding_sa = to;
                            let _ = r.op(|o, b| o.upd_secy(b, &y.cfg));
                        }
                    }
                    s.result
                }
                3 if y.exists && y.sas[usize::from(an)].is_none() => {
                    seed = seed.wrapping_add(1);
                    let sa = PeerSa::new(y.cfg.cipher, seed, sci, an);
                    let pn = match g.below(3) {
                        0 => point - g.below(4) as u64,
                        1 => 1 + g.below(100) as u64,
                        _ => y.max_pn() - g.below(3) as u64,
                    };
                    let c = sa.config(pn, g.chance(70));
                    let res = r.op(|o, b| o.add_txsa(b, sci, &c));
                    if res.is_ok() {
                        y.sas[usize::from(an)] = Some(Sent {
                            sa,
                            floor: pn,
                            last: None,
                        });
                    }
                    res
                }
                3 | 4 if y.sas[usize::from(an)].is_some() => {
                    let max = y.max_pn();
                    let s = y.sas[usize::from(an)].as_mut().unwrap();
                    // A PN set up (the engine moves it up in place), or down (the record is
                    // rewritten; the user then allows the PNs from there again).
                    let up = s
                        .last
                        .map_or(s.floor, |l| l.saturating_add(1))
                        .max(s.floor)
                        .saturating_add(g.below(8) as u64);
                    let down = 1 + g.below(s.floor.min(1000) as usize) as u64;
                    let pn = match g.below(3) {
                        0 if up <= max => Some(up),
                        1 => Some(down),
                        _ => None,
                    };
                    let res = r.op(|o, b| o.upd_txsa(b, sci, an, g.chance(70), pn));
                    if let (Ok(()), Some(p)) = (res, pn) {
                        if s.last.is_some_and(|l| p <= l) {
                            s.last = None;
                        }
                        s.floor = p;
                    }
                    res
                }
                5 if y.sas[usize::from(an)].is_some() && g.chance(30) => {
                    let res = r.op(|o, b| o.del_txsa(b, sci, an));
                    if res.is_ok() {
                        y.sas[usize::from(an)] = None;
                    }
                    res
                }
                6 if y.exists && (!y.up || g.chance(25)) => {
                    let up = !y.up;
                    let res = if up {
                        r.op(|o, b| o.dev_open(b, sci))
                    } else {
                        r.op(|o, b| o.dev_stop(b, sci))
                    };
                    if res.is_ok() {
                        y.up = up;
                    }
                    res
                }
                7 if g.chance(15) => {
                    // A SecY deleted (its SAs with it), or added again, down, without SAs.
                    let res = if y.exists {
                        r.op(|o, b| o.del_secy(b, sci))
                    } else {
                        r.op(|o, b| o.add_secy(b, &y.cfg))
                    };
                    if res.is_ok() {
                        y.exists = !y.exists;
                        y.up = false;
                        y.sas = [None, None, None, None];
                    }
                    res
                }
                8 if g.chance(8) => {
                    // config_init again (it resets the engines, whose records stay
                    // readable), after a loss of the PHY's power half of the time, as the shell
                    // runs it: the error is reported, and the next config_init finds the
                    // engines as this one left them.
                    resets += 1;
                    if g.chance(50) {
                        r.m.pkg.reset();
                    }
                    let res = r.op(|o, b| o.init(b));
                    r.m.pkg.faults_mut().clear();
                    if res.is_err() {
                        failed += 1;
                        r.op(|o, b| o.init(b)).unwrap();
                    }
                    enable_pn_events(&mut r);
                    Ok(())
                }
                _ if y.exists => {
                    let mut c = y.cfg;
                    c.encoding_sa = an;
                    let res = r.op(|o, b| o.upd_secy(b, &c));
                    if res.is_ok() {
                        y.cfg = c;
                    }
                    res
                }
                _ => Ok(()),
            };
            r.m.pkg.faults_mut().clear();
            match result {
                Ok(()) => {}
                Err(Error::Mdio(-5)) => failed += 1,
                Err(Error::Unrecovered(-5)) => {
                    failed += 1;
                    r.op(|o, b| o.init(b)).unwrap();
                }
                Err(e) => panic!("{at}: {e:?}"),
            }
            r.assert_clean();
            check_records(&r, &ys, &at);
        }
    }
    eprintln!(
        "{count} sequences: {switches} switches, {resets} resets, {failed} operations failed"
    );
    if count >= RANDOM_SEQUENCES {
        assert!(
            switches > 50 && resets > 100 && failed > 100,
            "{switches} {resets} {failed}"
        );
    }
}

/// Every installed transmit SA's record goes on from at least the PN set and past the last one
/// sent, whatever failed (an SA whose PN the engines lost sends nothing, and the last PN of an
/// XPN SA, once sent, has no next one).
fn check_records(r: &Rig, ys: &[Tested], at: &str) {
    let state = r.off.state();
    for t in state.tx.iter().filter(|t| t.used && !t.pn_lost) {
        let owner = state.secy.get(usize::from(t.secy)).map(|s| s.cfg.sci);
        let y = ys.iter().find(|y| y.exists && Some(y.cfg.sci) == owner);
        let y = y.unwrap_or_else(|| panic!("{at}: an SA of no SecY"));
        let cipher = y.cfg.cipher;
        let s = y.sas[usize::from(t.an)].as_ref().unwrap();
        let word = rsmacsec_host::logic::macsec::record::layout(cipher, false).seq;
        let addr = (u16::from(t.flow) << 5) + word;
        let hi = if cipher.is_xpn() {
            u64::from(r.peek(Dir::Egress, addr + 1))
        } else {
            0
        };
        let seq = (hi << 32) | u64::from(r.peek(Dir::Egress, addr));
        let Some(next) = seq.checked_add(1) else {
            continue;
        };
        let an = t.an;
        assert!(
            next >= s.floor,
            "{at}: AN {an} next PN {next} below {}",
            s.floor
        );
        assert!(
            s.last.is_none_or(|l| next > l),
            "{at}: AN {an} next PN {next}"
        );
    }
}
