// SPDX-License-Identifier: GPL-2.0

//! The misuse log: every kind of access the register model flags, what it
//! records, its bound, and that the C driver's own programming leaves it
//! empty (the guest gate relies on that).

mod common;

use common::bench::*;
use common::eip160::{crypto, flow, record, sam, stats};
use rsmacsec_host::regs::macsec_bank::MacsecBank;
use rsmacsec_host::regs::misuse::{Entry, Kind};

fn entries(b: &MacsecBank) -> Vec<Entry> {
    b.misuse().entries().copied().collect()
}

fn only(b: &MacsecBank) -> (Kind, u16, u32) {
    let e = entries(b);
    assert_eq!(e.len(), 1, "{e:?}");
    (e[0].kind, e[0].addr, e[0].detail)
}

#[test]
fn the_c_drivers_programming_is_no_misuse() {
    for ingress in [false, true] {
        let mut b = engine(ingress);
        let sa = Sa::test(1);
        if ingress {
            rx_flow(&mut b, 0, &sa, true, flow::VALIDATE_STRICT, true);
        } else {
            tx_flow(&mut b, 0, &sa, flow::CONF_PROTECT | flow::INCLUDE_SCI);
        }
        run(&mut b, &plain_frame());
        glob(&mut b, 0);
        // The C driver's block init reads the status and writes it back
        // with the enables cleared (mscc_macsec.c:220-223).
        let v = b.read(crypto::INTR_CTRL_STATUS);
        b.write(crypto::INTR_CTRL_STATUS, v);
        b.write(sam::ENTRY_CLEAR1, 1);
        assert_eq!(b.misuse().total(), 0, "{:?}", entries(&b));
    }
}

#[test]
fn reserved_bits_are_flagged_and_still_stored() {
    let mut b = engine(false);
    // Egress flow control bits 15:8 are not described (`egr.h:1481-1651`).
    let v = flow::TYPE_EGRESS | 0x0000_5a00;
    b.write(flow::ctrl(3), v);
    assert_eq!(only(&b), (Kind::ReservedBits, flow::ctrl(3), 0x5a00));
    assert_eq!(b.read(flow::ctrl(3)), v);
    // The same bits in ENA_CFG (described 12:8, 1:0).
    b.misuse_mut().clear();
    b.write(0x800, 0x1601 | 1 << 20);
    assert_eq!(only(&b), (Kind::ReservedBits, 0x800, 1 << 20));
    // The SCI match words are reserved on egress.
    b.misuse_mut().clear();
    b.write(sam::sci_lo(0), 1);
    assert_eq!(only(&b), (Kind::ReservedBits, sam::sci_lo(0), 1));
    // And described on ingress.
    let mut i = engine(true);
    i.write(sam::sci_lo(0), 1);
    assert_eq!(i.misuse().total(), 0);
}

#[test]
fn undescribed_and_read_only_registers_are_flagged() {
    let mut b = engine(true);
    // Nothing is described at 0x0900; writing 0 there is harmless.
    b.write(0x0900, 0);
    assert_eq!(b.misuse().total(), 0);
    b.write(0x0900, 7);
    assert_eq!(only(&b), (Kind::Undescribed, 0x0900, 7));
    // EIP160_VERSION is read-only and keeps its value.
    b.misuse_mut().clear();
    let version = b.read(0x3fff);
    b.write(0x3fff, 0);
    assert_eq!(only(&b), (Kind::ReadOnly, 0x3fff, 0));
    assert_eq!(b.read(0x3fff), version);
    // Counters are writable only with DEBUG_ACCESS.
    b.misuse_mut().clear();
    b.write(stats::GLOBAL, 5);
    assert_eq!(only(&b), (Kind::ReadOnly, stats::GLOBAL, 0));
    b.misuse_mut().clear();
    b.write(stats::COUNT_CONTROL, stats::DEBUG_ACCESS);
    b.write(stats::GLOBAL, 5);
    assert_eq!(b.misuse().total(), 0);
    assert_eq!(b.read(stats::GLOBAL), 5);
}

#[test]
fn unmodelled_features_are_flagged() {
    let mut b = engine(true);
    // Header bypass match words (`ingr.h:1049-1082`).
    b.write(sam::sa_lo(2) + 9, 0x1234);
    assert_eq!(only(&b), (Kind::Unmodelled, 0x1029, 0x1234));
    // The EtherType rules 10-17 the 1G part lacks.
    b.misuse_mut().clear();
    b.write(0x1e14, 0x8e88_0000);
    assert_eq!(only(&b), (Kind::Unmodelled, 0x1e14, 0x8e88_0000));
    // Drop-non-reserved of a non-match lane.
    b.misuse_mut().clear();
    b.write(0x1e51, 1 << 4);
    assert_eq!(only(&b), (Kind::Unmodelled, 0x1e51, 1 << 4));
}

#[test]
fn a_record_written_while_its_entry_is_enabled_is_flagged() {
    let mut b = engine(false);
    tx_flow(&mut b, 5, &Sa::test(1), 0);
    assert_eq!(b.misuse().total(), 0);
    b.write(record::word(5, 10), 7);
    assert_eq!(only(&b), (Kind::RecordWhileEnabled, record::word(5, 10), 5));
    // Another record is free to change.
    b.misuse_mut().clear();
    b.write(record::word(6, 10), 7);
    assert_eq!(b.misuse().total(), 0);
}

#[test]
fn a_record_written_before_the_frames_in_flight_left_is_flagged() {
    let mut b = engine(false);
    tx_flow(&mut b, 5, &Sa::test(1), 0);
    // Nothing in the pipeline: an enable that drops leaves UNSAFE at 0.
    b.write(sam::ENTRY_CLEAR1, 1 << 5);
    assert_eq!(b.read(sam::IN_FLIGHT), 0);
    b.write(record::word(5, 10), 7);
    assert_eq!(b.misuse().total(), 0);
    // Two frames in it when the entry goes off: UNSAFE is loaded, one frame leaves per read.
    b.write(sam::ENTRY_SET1, 1 << 5);
    b.hold_frames(2);
    b.write(sam::ENTRY_CLEAR1, 1 << 5);
    b.write(record::word(5, 10), 8);
    assert_eq!(
        only(&b),
        (Kind::RecordWhileInFlight, record::word(5, 10), 2)
    );
    b.misuse_mut().clear();
    let reads: Vec<u32> = (0..3).map(|_| b.read(sam::IN_FLIGHT)).collect();
    assert_eq!(reads, [0x0202, 0x0101, 0]);
    b.write(record::word(5, 10), 9);
    assert_eq!(b.misuse().total(), 0);
    // LOAD_UNSAFE loads it from the frames in the pipeline too.
    b.hold_frames(1);
    b.write(sam::IN_FLIGHT, 1 << 31);
    assert_eq!(b.read(sam::IN_FLIGHT), 0x0101);
    assert_eq!(b.read(sam::IN_FLIGHT), 0);
    assert_eq!(b.misuse().total(), 0, "{:?}", entries(&b));
}

#[test]
fn a_toggle_leaving_two_identical_tx_flows_enabled_is_flagged() {
    let mut b = engine(false);
    tx_flow(&mut b, 1, &Sa::test(1), 0);
    tx_flow(&mut b, 2, &Sa::test(1), 0);
    b.write(sam::ENTRY_CLEAR1, 1 << 2);
    // The switch MESA makes: one off, one on, in one write.
    b.write(sam::ENTRY_TOGGLE1, 1 << 1 | 1 << 2);
    assert_eq!(b.misuse().total(), 0);
    assert_eq!(b.read(sam::ENTRY_ENABLE1), 1 << 2);
    // A toggle of one entry only: both on.
    b.write(sam::ENTRY_TOGGLE1, 1 << 1);
    assert_eq!(
        only(&b),
        (Kind::ToggleTwoTxFlows, sam::ENTRY_TOGGLE1, 0b110)
    );
}

#[test]
fn a_next_pn_update_naming_no_sequence_number_is_flagged() {
    let mut b = engine(true);
    rx_flow(&mut b, 1, &Sa::test(1), true, flow::VALIDATE_STRICT, true);
    // Word 0-3 of record 1 (its control word), not its sequence number.
    b.write(crypto::NEXT_PN_LOWER, 100);
    b.write(
        crypto::NEXT_PN_CTRL,
        crypto::next_pn_ctx_addr(5) | crypto::NEXT_PN_ENABLE,
    );
    assert_eq!(only(&b), (Kind::NextPnAddress, crypto::NEXT_PN_CTRL, 20));
    assert_eq!(b.read(crypto::NEXT_PN_CTRL) & crypto::NEXT_PN_WRITTEN, 0);
    // A 64-bit update of a 32-bit record.
    b.misuse_mut().clear();
    b.write(
        crypto::NEXT_PN_CTRL,
        crypto::next_pn_ctx_addr(7) | crypto::NEXT_PN_64 | crypto::NEXT_PN_ENABLE,
    );
    assert_eq!(only(&b).0, Kind::NextPnAddress);
}

#[test]
fn the_log_keeps_eight_entries_and_counts_everything() {
    let mut b = engine(true);
    for k in 0..10u16 {
        b.write(0x0900 + k, 1);
    }
    b.write(0x0900, 1);
    assert_eq!(b.misuse().total(), 11);
    let e = entries(&b);
    assert_eq!(e.len(), 8);
    assert_eq!((e[0].addr, e[0].count), (0x0900, 2));
    let mut text = String::new();
    b.misuse().show("ingress", &mut text).unwrap();
    assert!(
        text.starts_with(
            "ingress undescribed-register addr=0x0900 value=0x00000001 detail=0x00000001 count=2\n"
        ),
        "{text}"
    );
    assert_eq!(text.lines().count(), 8);
    b.misuse_mut().clear();
    assert_eq!(b.misuse().total(), 0);
}
