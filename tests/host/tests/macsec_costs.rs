// SPDX-License-Identifier: GPL-2.0

//! What each MACsec operation costs on the bus: 32-bit register writes and reads, and MDIO
//! frames as the simulated package counts them (`Package::accesses`, page selection and restore
//! included). Printed with `--nocapture` (Documentation/driver.rst has the table), and bounded,
//! so that a change that makes an operation much dearer fails here.

mod macsec_support;

use macsec_support::*;
use rsmacsec_host::hw::regs::macsec as ms;
use rsmacsec_host::logic::macsec::types::{Cipher, Validate};

struct Row {
    name: &'static str,
    writes: usize,
    reads: usize,
    mdio: u64,
}

fn measure(cipher: Cipher) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut r = Rig::bare();
    let rec = |r: &Rig, name: &'static str| Row {
        name,
        writes: r.cost.writes.len(),
        reads: r.cost.reads.len(),
        mdio: r.cost.mdio,
    };
    r.op(|o, b| o.init(b)).unwrap();
    rows.push(rec(&r, "init (no SecY)"));
    let mut a = secy(MAC_A, cipher);
    let tx0 = PeerSa::new(cipher, 1, a.sci, 0);
    let tx1 = PeerSa::new(cipher, 2, a.sci, 1);
    let rx = PeerSa::new(cipher, 3, sci(PEER, 1), 0);
    let rx2 = PeerSa::new(cipher, 4, sci(PEER2, 1), 0);
    r.op(|o, b| o.add_secy(b, &a)).unwrap();
    rows.push(rec(&r, "add_secy"));
    r.op(|o, b| o.add_txsa(b, a.sci, &tx0.config(1, true)))
        .unwrap();
    rows.push(rec(&r, "add_txsa (flow first used)"));
    r.op(|o, b| o.add_txsa(b, a.sci, &tx1.config(1, true)))
        .unwrap();
    r.op(|o, b| o.add_rxsc(b, a.sci, rx.sci, true)).unwrap();
    rows.push(rec(&r, "add_rxsc"));
    r.op(|o, b| o.add_rxsa(b, a.sci, rx.sci, &rx.config(1, true)))
        .unwrap();
    rows.push(rec(&r, "add_rxsa (point to point)"));
    r.op(|o, b| o.dev_open(b, a.sci)).unwrap();
    rows.push(rec(&r, "dev_open"));
    let f = frame(PEER, MAC_A, 0x0800, 60, 1);
    r.egress(&f).unwrap();
    a.encoding_sa = 1;
    r.op(|o, b| o.upd_secy(b, &a)).unwrap();
    rows.push(rec(&r, "upd_secy encoding SA"));
    a.encrypt = true;
    r.op(|o, b| o.upd_secy(b, &a)).unwrap();
    rows.push(rec(&r, "upd_secy encrypt"));
    a.replay_protect = true;
    a.replay_window = 64;
    r.op(|o, b| o.upd_secy(b, &a)).unwrap();
    rows.push(rec(&r, "upd_secy replay window"));
    a.validate = Validate::Check;
    r.op(|o, b| o.upd_secy(b, &a)).unwrap();
    rows.push(rec(&r, "upd_secy validate"));
    a.mac = MAC_B;
    r.op(|o, b| o.upd_secy(b, &a)).unwrap();
    rows.push(rec(&r, "upd_secy address"));
    r.op(|o, b| o.upd_txsa(b, a.sci, 1, true, Some(1 << 20)))
        .unwrap();
    rows.push(rec(&r, "upd_txsa PN up (in place)"));
    r.op(|o, b| o.upd_txsa(b, a.sci, 1, true, Some(5))).unwrap();
    rows.push(rec(&r, "upd_txsa PN down"));
    r.op(|o, b| o.upd_rxsa(b, a.sci, rx.sci, 0, true, Some(1 << 20)))
        .unwrap();
    rows.push(rec(&r, "upd_rxsa PN up (in place)"));
    r.op(|o, b| o.tx_sa_stats(b, a.sci, 1)).unwrap();
    rows.push(rec(&r, "tx_sa_stats"));
    r.op(|o, b| o.rx_sa_stats(b, a.sci, rx.sci, 0)).unwrap();
    rows.push(rec(&r, "rx_sa_stats"));
    r.op(|o, b| o.dev_stats(b, a.sci)).unwrap();
    rows.push(rec(&r, "dev_stats"));
    let mut g = [0u64; 27];
    r.op(|o, b| o.global_stats(b, &mut g)).unwrap();
    rows.push(rec(&r, "global_stats"));
    r.op(|o, b| o.add_rxsc(b, a.sci, rx2.sci, true)).unwrap();
    rows.push(rec(&r, "add_rxsc (second: SCI-less entry)"));
    r.op(|o, b| o.del_txsa(b, a.sci, 0)).unwrap();
    rows.push(rec(&r, "del_txsa"));
    r.op(|o, b| o.add_txsa(b, a.sci, &tx0.config(1, true)))
        .unwrap();
    rows.push(rec(&r, "add_txsa (flow reused)"));
    r.op(|o, b| o.del_rxsa(b, a.sci, rx.sci, 0)).unwrap();
    rows.push(rec(&r, "del_rxsa"));
    r.op(|o, b| o.del_rxsc(b, a.sci, rx2.sci)).unwrap();
    rows.push(rec(&r, "del_rxsc"));
    r.op(|o, b| o.dev_stop(b, a.sci)).unwrap();
    rows.push(rec(&r, "dev_stop"));
    r.op(|o, b| o.dev_open(b, a.sci)).unwrap();
    r.op(|o, b| o.init(b)).unwrap();
    rows.push(rec(&r, "init (restore: 1 SecY, 2 TX SAs, 1 channel)"));
    r.op(|o, b| o.del_secy(b, a.sci)).unwrap();
    rows.push(rec(&r, "del_secy"));
    r.assert_clean();
    rows
}

#[test]
fn what_each_operation_costs_on_the_bus() {
    for cipher in [Cipher::GcmAes128, Cipher::GcmAesXpn256] {
        eprintln!("\n{cipher:?}: writes reads MDIO-frames");
        for row in measure(cipher) {
            eprintln!(
                "  {:<46} {:>4} {:>4} {:>6}",
                row.name, row.writes, row.reads, row.mdio
            );
            // Each 32-bit access is 4 or 5 frames in a batch, plus page select, target and
            // restore; no operation but init goes beyond 100 accesses.
            let accesses = (row.writes + row.reads) as u64;
            assert!(row.mdio <= 5 * accesses + 8, "{}", row.name);
            if !row.name.starts_with("init") {
                assert!(accesses <= 100, "{}: {accesses}", row.name);
            }
        }
    }
}

#[test]
fn the_hitless_changes_are_single_writes() {
    let mut r = Rig::new();
    let mut a = secy(MAC_A, Cipher::GcmAes256);
    let tx0 = PeerSa::new(a.cipher, 1, a.sci, 0);
    let tx1 = PeerSa::new(a.cipher, 2, a.sci, 1);
    r.op(|o, b| o.add_secy(b, &a)).unwrap();
    r.op(|o, b| o.add_txsa(b, a.sci, &tx0.config(1, true)))
        .unwrap();
    r.op(|o, b| o.add_txsa(b, a.sci, &tx1.config(1, true)))
        .unwrap();
    r.op(|o, b| o.dev_open(b, a.sci)).unwrap();
    a.encoding_sa = 1;
    r.op(|o, b| o.upd_secy(b, &a)).unwrap();
    assert_eq!(
        r.cost.writes.iter().map(|w| w.1).collect::<Vec<_>>(),
        [ms::SAM_ENTRY_TOGGLE1]
    );
    assert!(r.cost.reads.is_empty());
    // encrypt: the flow control word of each transmit SA, nothing else.
    a.encrypt = true;
    r.op(|o, b| o.upd_secy(b, &a)).unwrap();
    let mut ctrl: Vec<u16> = r.cost.writes.iter().map(|w| w.1).collect();
    ctrl.sort();
    assert_eq!(ctrl.len(), 2);
    assert!(ctrl.iter().all(|a| (0x1c00..0x1c10).contains(a)));
    // The device going up or down: one enable write per engine.
    r.op(|o, b| o.dev_stop(b, a.sci)).unwrap();
    assert_eq!(r.cost.writes.len(), 2);
    r.op(|o, b| o.dev_open(b, a.sci)).unwrap();
    assert_eq!(r.cost.writes.len(), 2);
    r.assert_clean();
}
