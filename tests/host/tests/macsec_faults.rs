// SPDX-License-Identifier: GPL-2.0

//! Every MACsec operation is a transaction: for each operation, an MDIO error is injected at
//! every one of its accesses in turn. Each time the operation fails with that error, the
//! registers of both engines are word for word what they were (counters aside: a counter read is
//! kept in the driver's totals), the logic's state is unchanged and agrees with the hardware, and
//! the operation then succeeds and the traffic is right. Two errors in a row make the rollback
//! fail too: the error says so, and `init` reprograms the engines from the state.

mod macsec_support;

use macsec_support::*;
use rsmacsec_host::logic::error::{Error, Result};
use rsmacsec_host::logic::macsec::types::{Cipher, SecYConfig, Validate};
use rsmacsec_host::logic::macsec::Offload;
use rsmacsec_host::logic::window::Bus;
use rsmacsec_host::regs::fault::MdioError;

const IPV4: u16 = 0x0800;

type OpFn = fn(&mut Offload, &mut dyn DynBus, &Ctx) -> Result;

/// `Bus` as a trait object, so that operations fit in a table.
trait DynBus {
    fn read(&mut self, bank: rsmacsec_host::hw::regs::Bank, addr: u16) -> Result<u32>;
    fn write(&mut self, bank: rsmacsec_host::hw::regs::Bank, addr: u16, val: u32) -> Result;
}

impl<B: Bus> DynBus for B {
    fn read(&mut self, bank: rsmacsec_host::hw::regs::Bank, addr: u16) -> Result<u32> {
        self.read32(bank, addr)
    }
    fn write(&mut self, bank: rsmacsec_host::hw::regs::Bank, addr: u16, val: u32) -> Result {
        self.write32(bank, addr, val)
    }
}

struct Dyn<'a>(&'a mut dyn DynBus);

impl Bus for Dyn<'_> {
    fn read32(&mut self, bank: rsmacsec_host::hw::regs::Bank, addr: u16) -> Result<u32> {
        self.0.read(bank, addr)
    }
    fn write32(&mut self, bank: rsmacsec_host::hw::regs::Bank, addr: u16, val: u32) -> Result {
        self.0.write(bank, addr, val)
    }
}

/// What the scenario is made of.
struct Ctx {
    a: SecYConfig,
    b: SecYConfig,
    tx0: PeerSa,
    tx1: PeerSa,
    rx: PeerSa,
    rx2: PeerSa,
}

fn ctx(cipher: Cipher) -> Ctx {
    let a = secy(MAC_A, cipher);
    let b = secy(MAC_B, cipher);
    Ctx {
        tx0: PeerSa::new(cipher, 1, a.sci, 0),
        tx1: PeerSa::new(cipher, 2, a.sci, 1),
        rx: PeerSa::new(cipher, 3, sci(PEER, 1), 0),
        rx2: PeerSa::new(cipher, 4, sci(PEER2, 1), 1),
        a,
        b,
    }
}

/// SecY A up with transmit SAs 0 (encoding, 2 frames sent) and 1 (next PN 100), a channel from PEER with SA 0
/// (1 frame received); SecY B down with nothing.
fn prepared(c: &Ctx) -> Rig {
    let mut r = Rig::new();
    r.op(|o, b| o.add_secy(b, &c.a)).unwrap();
    r.op(|o, b| o.add_secy(b, &c.b)).unwrap();
    r.op(|o, b| o.add_txsa(b, c.a.sci, &c.tx0.config(1, true)))
        .unwrap();
    r.op(|o, b| o.add_txsa(b, c.a.sci, &c.tx1.config(100, true)))
        .unwrap();
    r.op(|o, b| o.add_rxsc(b, c.a.sci, c.rx.sci, true)).unwrap();
    r.op(|o, b| o.add_rxsa(b, c.a.sci, c.rx.sci, &c.rx.config(1, true)))
        .unwrap();
    r.op(|o, b| o.dev_open(b, c.a.sci)).unwrap();
    let f = frame(PEER, MAC_A, IPV4, 40, 1);
    r.egress(&f).unwrap();
    r.egress(&f).unwrap();
    let opts = TxOpts {
        include_sci: true,
        ..Default::default()
    };
    r.ingress(&seal(&c.rx, 1, opts, &frame(MAC_A, PEER, IPV4, 40, 2)))
        .unwrap();
    r
}

fn with_cfg(c: &Ctx, f: fn(&mut SecYConfig)) -> SecYConfig {
    let mut x = c.a;
    f(&mut x);
    x
}

/// The operations, each from `prepared`.
fn ops() -> Vec<(&'static str, OpFn)> {
    vec![
        ("add_secy", |o, b, c| {
            let mut d = secy(PEER2, c.a.cipher);
            d.validate = Validate::Check;
            o.add_secy(&mut Dyn(b), &d)
        }),
        ("del_secy", |o, b, c| o.del_secy(&mut Dyn(b), c.a.sci)),
        ("dev_open", |o, b, c| o.dev_open(&mut Dyn(b), c.b.sci)),
        ("dev_stop", |o, b, c| o.dev_stop(&mut Dyn(b), c.a.sci)),
        ("upd_secy encoding SA", |o, b, c| {
            o.upd_secy(&mut Dyn(b), &with_cfg(c, |x| x.encoding_sa = 1))
        }),
        ("upd_secy encrypt", |o, b, c| {
            o.upd_secy(&mut Dyn(b), &with_cfg(c, |x| x.encrypt = true))
        }),
        ("upd_secy address", |o, b, c| {
            o.upd_secy(&mut Dyn(b), &with_cfg(c, |x| x.mac = PEER2))
        }),
        ("upd_secy address, check", |o, b, c| {
            // The strict guard is rewritten; the new settings need no fence, the old ones do:
            // a rollback raises the fence the operation never raised, and lowers it again.
            o.upd_secy(
                &mut Dyn(b),
                &with_cfg(c, |x| {
                    x.mac = PEER2;
                    x.validate = Validate::Check;
                }),
            )
        }),
        ("upd_secy replay window", |o, b, c| {
            o.upd_secy(
                &mut Dyn(b),
                &with_cfg(c, |x| {
                    x.replay_protect = true;
                    x.replay_window = 32;
                }),
            )
        }),
        ("upd_secy protect off, check", |o, b, c| {
            o.upd_secy(
                &mut Dyn(b),
                &with_cfg(c, |x| {
                    x.protect = false;
                    x.validate = Validate::Check;
                }),
            )
        }),
        ("add_txsa", |o, b, c| {
            let sa = PeerSa::new(c.a.cipher, 9, c.a.sci, 2);
            o.add_txsa(&mut Dyn(b), c.a.sci, &sa.config(7, true))
        }),
        ("upd_txsa PN down", |o, b, c| {
            o.upd_txsa(&mut Dyn(b), c.a.sci, 0, true, Some(1))
        }),
        ("upd_txsa PN down, next SA", |o, b, c| {
            // SA 1's entry is off, its record live: a rollback puts its PN back, not zero.
            o.upd_txsa(&mut Dyn(b), c.a.sci, 1, true, Some(1))
        }),
        ("upd_txsa off", |o, b, c| {
            o.upd_txsa(&mut Dyn(b), c.a.sci, 0, false, None)
        }),
        ("del_txsa", |o, b, c| o.del_txsa(&mut Dyn(b), c.a.sci, 0)),
        ("add_rxsc (two channels)", |o, b, c| {
            o.add_rxsc(&mut Dyn(b), c.a.sci, c.rx2.sci, true)
        }),
        ("upd_rxsc", |o, b, c| {
            o.upd_rxsc(&mut Dyn(b), c.a.sci, c.rx.sci, false)
        }),
        ("del_rxsc", |o, b, c| {
            o.del_rxsc(&mut Dyn(b), c.a.sci, c.rx.sci)
        }),
        ("add_rxsa", |o, b, c| {
            let sa = PeerSa::new(c.a.cipher, 8, c.rx.sci, 3);
            o.add_rxsa(&mut Dyn(b), c.a.sci, c.rx.sci, &sa.config(1, true))
        }),
        ("upd_rxsa PN down", |o, b, c| {
            o.upd_rxsa(&mut Dyn(b), c.a.sci, c.rx.sci, 0, true, Some(1))
        }),
        ("del_rxsa", |o, b, c| {
            o.del_rxsa(&mut Dyn(b), c.a.sci, c.rx.sci, 0)
        }),
    ]
}

fn run(r: &mut Rig, op: OpFn, c: &Ctx) -> Result {
    r.op(|o, b| op(o, b, c))
}

/// Traffic after the operation succeeded: A's frames leave protected unless A is down, stopped or
/// no longer protecting, and the engines are consistent.
fn traffic(r: &mut Rig) {
    let f = frame(PEER, PARENT, IPV4, 40, 9);
    assert_eq!(r.egress(&f), Some(f.clone()), "the parent's frames pass");
    r.assert_clean();
}

#[test]
fn an_mdio_error_at_any_access_of_any_operation_leaves_everything_as_it_was() {
    let mut total = 0u64;
    for cipher in [Cipher::GcmAes128, Cipher::GcmAesXpn256] {
        let c = ctx(cipher);
        for (name, op) in ops() {
            let mut r = prepared(&c);
            run(&mut r, op, &c).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            let n = r.cost.mdio;
            assert!(n > 0, "{name}");
            // The last access is the window's page restore, after the operation.
            for k in 1..n {
                let mut r = prepared(&c);
                let regs = r.regs_reachable();
                let state = format!("{:?}", r.off.state());
                r.m.pkg.faults_mut().fail_access(k, MdioError::Io);
                let e = run(&mut r, op, &c);
                r.m.pkg.faults_mut().clear();
                assert_eq!(e, Err(Error::Mdio(-5)), "{name}, access {k} of {n}");
                let now = r.regs_reachable();
                if now != regs {
                    let d: Vec<_> = (0..now.len())
                        .filter(|&x| now[x] != regs[x])
                        .map(|x| (x, regs[x], now[x]))
                        .collect();
                    panic!(
                        "{name}, access {k} of {n}: registers changed {d:x?}\n{:x?}",
                        r.cost.writes
                    );
                }
                assert_eq!(
                    format!("{:?}", r.off.state()),
                    state,
                    "{name}, access {k}: state changed"
                );
                r.assert_clean();
                run(&mut r, op, &c).unwrap_or_else(|e| panic!("{name} after {k}: {e:?}"));
                traffic(&mut r);
                total += 1;
            }
        }
    }
    eprintln!("{total} faults injected, each rolled back");
}

#[test]
fn a_raised_pn_is_the_one_thing_a_rollback_does_not_lower() {
    let c = ctx(Cipher::GcmAes128);
    let op: OpFn = |o, b, c| o.upd_txsa(&mut Dyn(b), c.a.sci, 0, true, Some(1000));
    let mut r = prepared(&c);
    run(&mut r, op, &c).unwrap();
    let n = r.cost.mdio;
    for k in 1..n {
        let mut r = prepared(&c);
        let state = format!("{:?}", r.off.state());
        r.m.pkg.faults_mut().fail_access(k, MdioError::Io);
        let e = run(&mut r, op, &c);
        r.m.pkg.faults_mut().clear();
        assert_eq!(e, Err(Error::Mdio(-5)), "access {k}");
        assert_eq!(format!("{:?}", r.off.state()), state, "access {k}");
        r.assert_clean();
        // The engine sends either where it was (PN 3) or from the new PN: never lower.
        let f = frame(PEER, MAC_A, IPV4, 40, 1);
        let pn = open(&c.tx0, 0, &r.egress(&f).unwrap()).map(|o| o.pn);
        assert!(matches!(pn, Ok(3) | Ok(1000)), "access {k}: {pn:?}");
    }
}

#[test]
fn a_failed_rollback_is_reported_and_init_repairs_it() {
    let c = ctx(Cipher::GcmAes256);
    let mut unrecovered = 0;
    for (name, op) in ops() {
        let mut r = prepared(&c);
        run(&mut r, op, &c).unwrap();
        let n = r.cost.mdio;
        for k in (1..n).step_by(7) {
            let mut r = prepared(&c);
            r.m.pkg.faults_mut().fail_accesses(k, 2, MdioError::Timeout);
            let e = run(&mut r, op, &c);
            r.m.pkg.faults_mut().clear();
            match e {
                Err(Error::Unrecovered(-110)) => {
                    unrecovered += 1;
                    assert!(r.off.unrecovered());
                }
                Err(Error::Mdio(-110)) => {}
                other => panic!("{name}, access {k}: {other:?}"),
            }
            // Whatever the hardware holds now, init makes it the state again.
            r.op(|o, b| o.init(b)).unwrap();
            assert!(!r.off.unrecovered());
            r.assert_clean();
            let f = frame(PEER, MAC_A, IPV4, 40, 1);
            let up = r
                .off
                .state()
                .secy
                .iter()
                .any(|y| y.used && y.up && y.cfg.mac == MAC_A);
            if up {
                let w = r.egress(&f);
                assert_ne!(w, Some(f.clone()), "{name}, {k}: A's frame left in clear");
            }
        }
    }
    assert!(unrecovered > 10, "{unrecovered}");
}

#[test]
fn init_fails_cleanly_and_a_second_init_works() {
    let c = ctx(Cipher::GcmAesXpn128);
    let mut r = prepared(&c);
    r.op(|o, b| o.init(b)).unwrap();
    let n = r.cost.mdio;
    for k in (1..n).step_by(5) {
        let mut r = prepared(&c);
        r.m.pkg.faults_mut().fail_access(k, MdioError::Io);
        assert!(r.op(|o, b| o.init(b)).is_err(), "access {k}");
        r.m.pkg.faults_mut().clear();
        r.op(|o, b| o.init(b)).unwrap();
        r.assert_clean();
        // The encoding SA's PN survived in the record: it goes on from 3.
        let f = frame(PEER, MAC_A, IPV4, 40, 1);
        let o = open(&c.tx0, 3, &r.egress(&f).unwrap()).unwrap();
        assert_eq!(o.pn, 3, "access {k}");
    }
}

#[test]
fn a_pn_set_lower_by_a_request_whose_rollback_failed_is_not_used_again() {
    // SA 0 sent PNs 1 and 2; a request to set PN 1 fails with two errors in a row, the second
    // in the rollback, wherever they fall. After init, SA 0 goes on above PN 2.
    let c = ctx(Cipher::GcmAes128);
    let down: OpFn = |o, b, c| o.upd_txsa(&mut Dyn(b), c.a.sci, 0, true, Some(1));
    let mut r = prepared(&c);
    run(&mut r, down, &c).unwrap();
    let n = r.cost.mdio;
    let mut unrecovered = 0;
    for k in 1..n {
        let mut r = prepared(&c);
        r.m.pkg.faults_mut().fail_accesses(k, 2, MdioError::Io);
        let e = run(&mut r, down, &c);
        r.m.pkg.faults_mut().clear();
        if e == Err(Error::Unrecovered(-5)) {
            unrecovered += 1;
        }
        r.op(|o, b| o.init(b)).unwrap();
        let f = frame(PEER, MAC_A, IPV4, 40, 1);
        let o = open(&c.tx0, 0, &r.egress(&f).unwrap()).unwrap();
        assert!(o.pn > 2, "access {k} of {n}: {e:?}, then PN {}", o.pn);
        r.assert_clean();
    }
    assert!(unrecovered > 0);
}

#[test]
fn a_receive_pn_set_lower_by_a_request_whose_rollback_failed_does_not_open_a_replay() {
    // Receive SA 0 with replay protection took PNs 1 to 3; a request to expect PN 1 again fails
    // with two errors in a row, the second in the rollback, wherever they fall. After init, PN 3
    // is a replay still and PN 4 comes in.
    for cipher in [Cipher::GcmAes128, Cipher::GcmAesXpn256] {
        let mut cfg = secy(MAC_A, cipher);
        cfg.replay_protect = true;
        let rx = PeerSa::new(cipher, 3, sci(PEER, 1), 0);
        let opts = TxOpts {
            include_sci: true,
            ..Default::default()
        };
        let g = |n: u8| frame(MAC_A, PEER, IPV4, 40, n);
        let prepared = || {
            let mut r = Rig::new();
            r.op(|o, b| o.add_secy(b, &cfg)).unwrap();
            r.op(|o, b| o.add_rxsc(b, cfg.sci, rx.sci, true)).unwrap();
            r.op(|o, b| o.add_rxsa(b, cfg.sci, rx.sci, &rx.config(1, true)))
                .unwrap();
            r.op(|o, b| o.dev_open(b, cfg.sci)).unwrap();
            for pn in 1..=3 {
                assert_eq!(r.ingress(&seal(&rx, pn, opts, &g(1))), Some(g(1)));
            }
            r
        };
        let down = |r: &mut Rig| r.op(|o, b| o.upd_rxsa(b, cfg.sci, rx.sci, 0, true, Some(1)));
        let mut r = prepared();
        down(&mut r).unwrap();
        let n = r.cost.mdio;
        let mut unrecovered = 0;
        for k in 1..n {
            let mut r = prepared();
            r.m.pkg.faults_mut().fail_accesses(k, 2, MdioError::Io);
            let e = down(&mut r);
            r.m.pkg.faults_mut().clear();
            if e == Err(Error::Unrecovered(-5)) {
                unrecovered += 1;
            }
            r.op(|o, b| o.init(b)).unwrap();
            let at = format!("{cipher:?} access {k} of {n}: {e:?}");
            assert_eq!(
                r.ingress(&seal(&rx, 3, opts, &g(2))),
                None,
                "{at}: a replay"
            );
            assert_eq!(r.ingress(&seal(&rx, 4, opts, &g(3))), Some(g(3)), "{at}");
            r.assert_clean();
        }
        assert!(unrecovered > 0, "{cipher:?}");
    }
}
