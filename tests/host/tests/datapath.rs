// SPDX-License-Identifier: GPL-2.0

//! The engine's frame path driven by its register bank, programmed over the
//! bus the way the upstream C driver (mscc_macsec.c) and MESA program it:
//! Annex C vectors through SAM + flow + record (MESA's record layouts, XPN
//! included), SAM priorities, the replay window, the validateFrames matrix,
//! PN roll-over and threshold, the MTU check and the counters.

mod common;

use common::bench::*;
use common::eip160::{class, crypto, flow, post, record, sam, stats};
use common::vectors::{for_all, Vector, XPN_SALT, XPN_SSCI};
use rsmacsec_host::engine::datapath::{DropReason, Outcome};
use rsmacsec_host::engine::report::{dump_counters, dump_csrs, dump_registers, SliceWriter};
use rsmacsec_host::engine::sectag::Sci;
use rsmacsec_host::engine::transform::VerifyError;
use rsmacsec_host::regs::macsec_bank::MacsecBank;
use rsmacsec_host::regs::Package;
use stats::{eg, esa, ig, isa};

fn vector_sa(v: &Vector, seq: u64) -> Sa {
    Sa {
        key: v.key(),
        an: v.an,
        sci: Sci::from_u64(v.sci),
        seq,
        window: 0,
        xpn: v.is_xpn().then_some((XPN_SSCI, XPN_SALT)),
    }
}

#[test]
fn annex_c_vectors_leave_the_egress_engine_bit_exact() {
    for_all(|v| {
        let mut b = engine(false);
        let flags = if v.sc { flow::INCLUDE_SCI } else { 0 }
            | if v.es { flow::USE_ES } else { 0 }
            | if v.encrypt { flow::CONF_PROTECT } else { 0 };
        let sa = vector_sa(v, v.pn64() - 1);
        tx_flow(&mut b, 1, &sa, flags);
        let (o, out, _) = run(&mut b, &v.plain());
        if o != Outcome::Forward(v.secure().len()) || out != v.secure() {
            return Err(format!(
                "{o:?}\n   got {out:02x?}\n  want {:02x?}",
                v.secure()
            ));
        }
        // The record holds the PN just sent, both words with XPN.
        let got = seq(&b, 1, &sa);
        if got != v.pn64() {
            return Err(format!(
                "seq {got:#x} after the frame, want {:#x}",
                v.pn64()
            ));
        }
        let got = (
            sa_ctr(&mut b, 1, esa::PKTS),
            read40(&mut b, stats::sa(1) + esa::OCTETS),
        );
        let want = (1, (v.plain().len() - 12) as u64);
        if got != want {
            return Err(format!("counters {got:?}, want {want:?}"));
        }
        Ok(())
    });
}

#[test]
fn annex_c_vectors_leave_the_ingress_engine_as_plaintext() {
    for_all(|v| {
        let mut b = engine(true);
        let sa = vector_sa(v, v.pn64());
        rx_flow(&mut b, 2, &sa, v.sc, flow::VALIDATE_STRICT, true);
        let (o, out, _) = run(&mut b, &v.secure());
        if o != Outcome::Forward(v.plain().len()) || out != v.plain() {
            return Err(format!("{o:?}: {out:02x?}"));
        }
        let ok = sa_ctr(&mut b, 2, isa::OK);
        if ok != 1 {
            return Err(format!("InPktsOK {ok}"));
        }
        // The next expected PN moved past the frame's, both words with XPN.
        let next = seq(&b, 2, &sa);
        if next != v.pn64() + 1 {
            return Err(format!("next PN {next:#x}"));
        }
        Ok(())
    });
}

#[test]
fn an_xpn_record_in_the_c_drivers_layout_fails() {
    // The layout a driver might guess for XPN egress, the SCI right after
    // the 64-bit sequence number and the salt after it: the simulator must
    // not produce the Annex C frame from it.
    for_all(|v| {
        if !v.is_xpn() {
            return Ok(());
        }
        let mut b = engine(false);
        let flags = if v.sc { flow::INCLUDE_SCI } else { 0 }
            | if v.encrypt { flow::CONF_PROTECT } else { 0 };
        let sa = vector_sa(v, v.pn64() - 1);
        tx_flow(&mut b, 1, &sa, flags);
        let (s, ..) = record::layout(sa.key_words(), false, true);
        b.write(sam::ENTRY_CLEAR1, 1 << 1);
        write_words(&mut b, 1, s + 2, &sa.sci.0);
        let mut is = XPN_SALT;
        for (d, x) in is.iter_mut().zip(XPN_SSCI.to_be_bytes()) {
            *d ^= x;
        }
        write_words(&mut b, 1, s + 4, &is);
        b.write(record::word(1, s + 7), 0);
        b.write(sam::ENTRY_SET1, 1 << 1);
        let (_, out, _) = run(&mut b, &v.plain());
        if out == v.secure() {
            return Err("the wrong layout produced the vector".into());
        }
        Ok(())
    });
}

#[test]
fn engine_bypass_passes_frames_unchanged_and_off_loses_them() {
    // Power-on: bypass (ENA_CFG reset 0x102, a choice).
    let mut b = MacsecBank::new(false);
    assert_eq!(b.read(0x800), 0x102);
    tx_flow(&mut b, 1, &Sa::test(0), flow::CONF_PROTECT);
    let f = plain_frame();
    assert_eq!(run(&mut b, &f), (Outcome::Forward(f.len()), f.clone(), 0));
    // Enabled but in bypass mode: still unchanged, and not counted.
    b.write(0x800, 1 | 1 << 9 | 1 << 8);
    assert_eq!(run(&mut b, &f).1, f);
    assert_eq!(b.peek(stats::sa(1) + esa::PKTS), 0);
    // Clocked, out of reset, not enabled: frames are lost.
    b.write(0x800, 1);
    assert_eq!(run(&mut b, &f).0, Outcome::Drop(DropReason::EngineOff));
    // Enabled but held in reset: lost too.
    b.write(0x800, 1 | 1 << 1 | 1 << 9);
    assert_eq!(run(&mut b, &f).0, Outcome::Drop(DropReason::EngineOff));
}

#[test]
fn egress_pn_is_pre_incremented_and_written_back() {
    let mut b = engine(false);
    // The C driver writes next_pn (here 1) into the seq word; the engine
    // holds the last PN sent, so the first frame carries PN 2.
    let sa = Sa::test(1);
    tx_flow(&mut b, 1, &sa, flow::CONF_PROTECT | flow::INCLUDE_SCI);
    let f = plain_frame();
    for pn in 2u32..5 {
        let (o, out, intr) = run(&mut b, &f);
        assert_eq!(o, Outcome::Forward(f.len() + 16 + 16));
        // SEQ_NUM_THRESH resets to 0: every PN is at or above it.
        assert_eq!(intr, crypto::INTR_SEQ_THRESHOLD);
        assert_eq!(&out[12..14], &[0x88, 0xe5]);
        assert_eq!(out[14], 0x2c, "TCI SC|E|C, AN 0");
        assert_eq!(u32::from_be_bytes(out[16..20].try_into().unwrap()), pn);
        assert_eq!(out, secure_frame(&sa, pn.into(), true, &f));
        assert_eq!(seq(&b, 1, &sa), u64::from(pn));
    }
}

#[test]
fn aes_256_records_move_the_words_after_the_key() {
    let mut sa = Sa::test(41);
    sa.key = (0..32).map(|i| 0xa0 ^ i).collect();
    let f = plain_frame();
    let mut tx = engine(false);
    tx_flow(&mut tx, 3, &sa, flow::CONF_PROTECT | flow::INCLUDE_SCI);
    let (_, out, _) = run(&mut tx, &f);
    assert_eq!(out, secure_frame(&sa, 42, true, &f));
    assert_eq!(tx.peek(record::word(3, 14)), 42);
    let mut rx = engine(true);
    sa.seq = 42;
    rx_flow(&mut rx, 0, &sa, true, flow::VALIDATE_STRICT, true);
    assert_eq!(run(&mut rx, &out).1, f);
    assert_eq!(rx.peek(record::word(0, 14)), 43);
}

#[test]
fn the_mka_bypass_flow_outranks_the_tx_sa_flow() {
    let mut b = engine(false);
    tx_flow(&mut b, 1, &Sa::test(1), flow::CONF_PROTECT);
    write_entry(
        &mut b,
        0,
        Entry {
            classes: sam::misc::UNTAGGED,
            priority: 15,
            etype: Some(0x888e),
            ..Default::default()
        },
    );
    b.write(
        flow::ctrl(0),
        flow::TYPE_BYPASS | flow::drop_action(flow::DROP_INTERNAL),
    );
    enable(&mut b, 0);
    let mut eapol = plain_frame();
    eapol[12..14].copy_from_slice(&[0x88, 0x8e]);
    assert_eq!(run(&mut b, &eapol).1, eapol);
    // A bypass hit counts on the entry's shared counter (HitDropReserved).
    assert_eq!(sa_ctr(&mut b, 0, esa::PKTS), 1);
    assert_eq!(sa_ctr(&mut b, 1, esa::PKTS), 0);
    // Anything else is protected by the TX SA.
    let (o, out, _) = run(&mut b, &plain_frame());
    assert_eq!(o, Outcome::Forward(plain_frame().len() + 8 + 16));
    assert_eq!(&out[12..14], &[0x88, 0xe5]);
    assert_eq!(sa_ctr(&mut b, 1, esa::PKTS), 1);
}

#[test]
fn sam_priority_wins_then_the_lowest_index() {
    let mut b = engine(false);
    // Entry 3 protects with AN 3, entry 5 with AN 1, both priority 8.
    let mut sa3 = Sa::test(10);
    sa3.an = 3;
    let mut sa5 = Sa::test(10);
    sa5.an = 1;
    tx_flow(&mut b, 5, &sa5, 0);
    tx_flow(&mut b, 3, &sa3, 0);
    let f = plain_frame();
    assert_eq!(run(&mut b, &f).1[14] & 3, 3, "tie: the lowest index wins");
    // Entry 5 at priority 9 wins over index 3.
    let misc = b.peek(sam::misc(5));
    b.write(sam::misc(5), misc & !(0xf << 16) | sam::misc::priority(9));
    assert_eq!(run(&mut b, &f).1[14] & 3, 1, "the higher priority wins");
    // A disabled entry never matches, whatever its priority.
    b.write(sam::ENTRY_CLEAR1, 1 << 5);
    assert_eq!(run(&mut b, &f).1[14] & 3, 3);
    // TOGGLE1 swaps both in one step: now only entry 5 is enabled.
    b.write(sam::ENTRY_TOGGLE1, 1 << 5 | 1 << 3);
    assert_eq!(b.read(sam::ENTRY_ENABLE1), 1 << 5);
    assert_eq!(run(&mut b, &f).1[14] & 3, 1);
    assert_eq!(b.misuse().total(), 0);
}

#[test]
fn sci_an_and_class_select_the_rx_sa() {
    let mut b = engine(true);
    set_nm(&mut b, true);
    let sa = Sa::test(1);
    rx_flow(&mut b, 4, &sa, true, flow::VALIDATE_STRICT, true);
    let f = plain_frame();
    let good = secure_frame(&sa, 7, true, &f);
    assert_eq!(run(&mut b, &good).1, f);

    // Another AN, another SCI, or no SecTAG at all: no entry, non-match drop.
    let mut other_an = sa.clone();
    other_an.an = 2;
    let mut other_sci = sa.clone();
    other_sci.sci = Sci::new([0, 0x11, 0x22, 0x33, 0x44, 0x55], 2);
    for frame in [
        secure_frame(&other_an, 8, true, &f),
        secure_frame(&other_sci, 8, true, &f),
    ] {
        assert_eq!(run(&mut b, &frame).0, Outcome::Drop(DropReason::NonMatch));
    }
    // The entry matches untagged frames too: Strict drops them (NoTag).
    assert_eq!(run(&mut b, &f).0, Outcome::Drop(DropReason::NoTag));
    // Encrypted frames of an unknown SC count as InPktsNoSCI (C set).
    assert_eq!(glob(&mut b, ig::NO_SCI), 2);
    assert_eq!(glob(&mut b, ig::UNKNOWN_SCI), 0);
    assert_eq!(glob(&mut b, ig::TAGGED), 3);
    assert_eq!(glob(&mut b, ig::NO_TAG), 1);
    assert_eq!(sa_ctr(&mut b, 4, isa::UNTAGGED_HIT), 1);
    assert_eq!(sa_ctr(&mut b, 4, isa::OK), 1);
}

#[test]
fn untagged_frames_hitting_an_rx_flow_follow_validate_frames() {
    let f = plain_frame();
    for (validate, passes) in [
        (flow::VALIDATE_STRICT, false),
        (flow::VALIDATE_CHECK, true),
        (flow::VALIDATE_DISABLED, true),
    ] {
        let mut b = engine(true);
        rx_flow(&mut b, 1, &Sa::test(1), true, validate, true);
        let (o, out, _) = run(&mut b, &f);
        if passes {
            assert_eq!(out, f);
            assert_eq!(glob(&mut b, ig::UNTAGGED), 1);
        } else {
            assert_eq!(o, Outcome::Drop(DropReason::NoTag));
            assert_eq!(glob(&mut b, ig::NO_TAG), 1);
        }
        assert_eq!(sa_ctr(&mut b, 1, isa::UNTAGGED_HIT), 1);
    }
}

#[test]
fn replay_window_drops_late_frames_and_counts_delayed_ones() {
    let f = plain_frame();
    for replay in [true, false] {
        let mut b = engine(true);
        let mut sa = Sa::test(1);
        sa.window = 2;
        rx_flow(&mut b, 1, &sa, true, flow::VALIDATE_STRICT, replay);
        // PN 10 moves the next PN to 11: lowest acceptable is 9.
        assert_eq!(run(&mut b, &secure_frame(&sa, 10, true, &f)).1, f);
        assert_eq!(seq(&b, 1, &sa), 11);
        // 9 is inside the window, 8 is not.
        assert_eq!(run(&mut b, &secure_frame(&sa, 9, true, &f)).1, f);
        let late = run(&mut b, &secure_frame(&sa, 8, true, &f)).0;
        if replay {
            assert_eq!(late, Outcome::Drop(DropReason::Late));
            assert_eq!(sa_ctr(&mut b, 1, isa::LATE), 1);
            assert_eq!(sa_ctr(&mut b, 1, isa::DELAYED), 0);
        } else {
            assert_eq!(late, Outcome::Forward(f.len()));
            assert_eq!(sa_ctr(&mut b, 1, isa::DELAYED), 1);
        }
        assert_eq!(sa_ctr(&mut b, 1, isa::OK), 2);
        // An older frame never moves the next PN back.
        assert_eq!(seq(&b, 1, &sa), 11);
    }
}

#[test]
fn validate_frames_matrix() {
    let f = plain_frame();
    let sa = Sa::test(1);
    let mut wrong = sa.clone();
    wrong.key = vec![0xee; 16];
    use flow::{VALIDATE_CHECK as CHECK, VALIDATE_DISABLED as DISABLED, VALIDATE_STRICT as STRICT};
    // (validate, encrypted, valid ICV) -> (delivered, counter), 802.1AE
    // 10.6.4/10.6.5: a frame with C set is always decrypted and verified.
    let cases = [
        (STRICT, false, true, true, isa::OK),
        (STRICT, true, true, true, isa::OK),
        (STRICT, false, false, false, isa::NOT_VALID),
        (STRICT, true, false, false, isa::NOT_VALID),
        (CHECK, false, true, true, isa::OK),
        (CHECK, true, true, true, isa::OK),
        (CHECK, false, false, true, isa::INVALID),
        (CHECK, true, false, false, isa::NOT_VALID),
        (DISABLED, false, true, true, isa::UNCHECKED),
        (DISABLED, false, false, true, isa::UNCHECKED),
        (DISABLED, true, true, true, isa::OK),
        (DISABLED, true, false, false, isa::NOT_VALID),
    ];
    let counters = [
        isa::UNCHECKED,
        isa::OK,
        isa::INVALID,
        isa::NOT_VALID,
        isa::LATE,
        isa::DELAYED,
    ];
    for (validate, encrypt, valid, delivered, counter) in cases {
        let mut b = engine(true);
        rx_flow(&mut b, 6, &sa, true, validate, true);
        let sender = if valid { &sa } else { &wrong };
        let (o, out, _) = run(&mut b, &secure_frame(sender, 5, encrypt, &f));
        let what = format!("validate {validate} encrypt {encrypt} valid {valid}: {o:?}");
        assert_eq!(matches!(o, Outcome::Forward(_)), delivered, "{what}");
        if delivered {
            assert_eq!(out, f, "{what}");
        }
        for c in counters {
            let want = u64::from(c == counter);
            assert_eq!(sa_ctr(&mut b, 6, c), want, "{what}: counter at {c}");
        }
        if !delivered {
            assert_eq!(o, Outcome::Drop(DropReason::NotValid(VerifyError::Auth)));
        }
    }
}

#[test]
fn sa_not_in_use_drops_encrypted_or_strict_and_strips_the_rest() {
    let f = plain_frame();
    let sa = Sa::test(1);
    for (validate, encrypt, delivered, counter) in [
        (flow::VALIDATE_STRICT, false, false, isa::NOT_USING_SA),
        (flow::VALIDATE_CHECK, false, true, isa::UNUSED_SA),
        (flow::VALIDATE_CHECK, true, false, isa::NOT_USING_SA),
        (flow::VALIDATE_DISABLED, false, true, isa::UNUSED_SA),
    ] {
        let mut b = engine(true);
        rx_flow(&mut b, 1, &sa, true, validate, true);
        let ctrl = b.read(flow::ctrl(1));
        b.write(flow::ctrl(1), ctrl & !flow::SA_IN_USE);
        let (o, out, _) = run(&mut b, &secure_frame(&sa, 3, encrypt, &f));
        let what = format!("validate {validate} encrypt {encrypt}: {o:?}");
        assert_eq!(matches!(o, Outcome::Forward(_)), delivered, "{what}");
        if delivered {
            assert_eq!(out, f, "{what}");
        }
        assert_eq!(sa_ctr(&mut b, 1, counter), 1, "{what}");
    }
}

#[test]
fn pn_zero_is_a_bad_tag_without_xpn() {
    let mut b = engine(true);
    let sa = Sa::test(0);
    rx_flow(&mut b, 1, &sa, true, flow::VALIDATE_CHECK, false);
    let f = plain_frame();
    let mut zero = secure_frame(&sa, 1, false, &f);
    zero[16..20].copy_from_slice(&[0; 4]);
    // CHECK_PN (reset 1) makes it a bad tag: no entry of the tagged class.
    assert_eq!(run(&mut b, &zero).1, zero, "bad tag: non-match bypass");
    assert_eq!(glob(&mut b, ig::BAD_TAG), 0, "counted only when dropped");
    set_nm(&mut b, true);
    assert_eq!(run(&mut b, &zero).0, Outcome::Drop(DropReason::NonMatch));
    assert_eq!(glob(&mut b, ig::BAD_TAG), 1);
    // Without CHECK_PN it classifies as tagged; the SA is not XPN, so the
    // engine still refuses PN 0 as a bad tag.
    let nm = b.read(class::NM_PARAMS);
    b.write(class::NM_PARAMS, nm & !class::NM_CHECK_PN);
    assert_eq!(run(&mut b, &zero).0, Outcome::Drop(DropReason::BadTag));
    assert_eq!(glob(&mut b, ig::BAD_TAG), 1);
}

/// An egress engine with SA flow 2 whose last PN is `last`, roll-over,
/// threshold and the interrupt output enabled, threshold `thresh`.
fn rollover_bench(last: u64, thresh: u32) -> (MacsecBank, Sa) {
    let mut b = engine(false);
    let sa = Sa::test(last);
    tx_flow(&mut b, 2, &sa, flow::CONF_PROTECT);
    b.write(
        crypto::INTR_CTRL_STATUS,
        (crypto::INTR_ROLLOVER | crypto::INTR_SEQ_THRESHOLD | crypto::INTR_PIN) << 16,
    );
    b.write(crypto::SEQ_NUM_THRESH, thresh);
    (b, sa)
}

#[test]
fn pn_roll_over_fires_on_the_frame_after_the_last_pn() {
    let (mut b, sa) = rollover_bench(0xffff_fffd, 0xffff_ffff);
    let f = plain_frame();
    let (o, _, intr) = run(&mut b, &f);
    assert_eq!((o, intr), (Outcome::Forward(f.len() + 8 + 16), 0));
    // The last PN goes out and reaches the threshold; no roll-over yet.
    let (o, out, intr) = run(&mut b, &f);
    assert_eq!(o, Outcome::Forward(f.len() + 8 + 16));
    assert_eq!(&out[16..20], &[0xff; 4]);
    assert_eq!(intr, crypto::INTR_SEQ_THRESHOLD);
    // The next frame's increment rolls over: the event, the frame dropped
    // as a transform error, the sequence number kept at the maximum (the C
    // driver's handler looks for 0xffffffff, mscc_macsec.c:991-998).
    let (o, _, intr) = run(&mut b, &f);
    assert_eq!(o, Outcome::Drop(DropReason::PnExhausted));
    assert_eq!(intr, crypto::INTR_ROLLOVER);
    assert_eq!(seq(&b, 2, &sa), 0xffff_ffff);
    assert_eq!(glob(&mut b, eg::TRANSFORM_ERROR), 1);
    assert_eq!(sa_ctr(&mut b, 2, esa::PKTS), 2);
    // And so does every later one.
    assert_eq!(run(&mut b, &f).0, Outcome::Drop(DropReason::PnExhausted));
    assert_eq!(glob(&mut b, eg::TRANSFORM_ERROR), 1);
}

#[test]
fn pn_roll_over_wraps_when_context_updates_are_not_blocked() {
    let (mut b, sa) = rollover_bench(0xffff_ffff, 0);
    b.write(crypto::BLOCK_CTX_UPDATE, 0);
    let f = plain_frame();
    let (o, _, intr) = run(&mut b, &f);
    assert_eq!(o, Outcome::Drop(DropReason::PnExhausted));
    assert_eq!(intr & crypto::INTR_ROLLOVER, crypto::INTR_ROLLOVER);
    assert_eq!(seq(&b, 2, &sa), 0);
    // The wrapped SA sends PN 1 again: what BLOCK_CTX_UPDATE is there for.
    let (_, out, _) = run(&mut b, &f);
    assert_eq!(&out[16..20], &[0, 0, 0, 1]);
}

#[test]
fn the_threshold_fires_at_or_above_or_only_at_it() {
    let f = plain_frame();
    for (equal_only, want) in [(false, [false, true, true]), (true, [false, true, false])] {
        let (mut b, _) = rollover_bench(3, 5);
        if equal_only {
            let ctl = b.read(crypto::CONTEXT_CTRL);
            b.write(
                crypto::CONTEXT_CTRL,
                ctl | crypto::CONTEXT_CTRL_THRESHOLD_EQUAL,
            );
        }
        for (pn, fires) in (4..).zip(want) {
            let (_, _, intr) = run(&mut b, &f);
            assert_eq!(
                intr == crypto::INTR_SEQ_THRESHOLD,
                fires,
                "equal_only {equal_only}, PN {pn}"
            );
        }
    }
    // XPN SAs compare the 64-bit threshold of LOWER/UPPER, not the 32-bit one.
    let mut b = engine(false);
    let mut sa = Sa::test(0x1_ffff_fffe);
    sa.xpn = Some((1, [3; 12]));
    tx_flow(&mut b, 0, &sa, 0);
    b.write(crypto::SEQ_NUM_THRESH, 1);
    b.write(crypto::SEQ_NUM_THRESH_LOWER, 0);
    b.write(crypto::SEQ_NUM_THRESH_UPPER, 2);
    assert_eq!(run(&mut b, &f).2, 0, "PN 0x1_ffff_ffff");
    assert_eq!(
        run(&mut b, &f).2,
        crypto::INTR_SEQ_THRESHOLD,
        "PN 0x2_0000_0000"
    );
}

#[test]
fn xpn_sa_carries_on_past_32_bits() {
    let mut b = engine(false);
    let mut sa = Sa::test(0xffff_ffff);
    sa.xpn = Some((0x1234_5678, [7; 12]));
    tx_flow(&mut b, 1, &sa, flow::CONF_PROTECT | flow::INCLUDE_SCI);
    let f = plain_frame();
    let (o, out, intr) = run(&mut b, &f);
    let thresh = crypto::INTR_SEQ_THRESHOLD;
    assert_eq!((o, intr), (Outcome::Forward(f.len() + 32), thresh));
    // Lower half 0 in the SecTAG, upper half in the record.
    assert_eq!(&out[16..20], &[0; 4]);
    assert_eq!(seq(&b, 1, &sa), 1 << 32);
    assert_eq!(out, secure_frame(&sa, 1 << 32, true, &f));
    // A receiver with the same SA (next PN 2^32) accepts it.
    let mut rx = engine(true);
    let mut rsa = sa.clone();
    rsa.seq = 1 << 32;
    rx_flow(&mut rx, 0, &rsa, true, flow::VALIDATE_STRICT, true);
    assert_eq!(run(&mut rx, &out).1, f);
    assert_eq!(seq(&rx, 0, &rsa), (1 << 32) + 1);
}

#[test]
fn the_mtu_check_measures_the_frame_that_leaves() {
    let f = plain_frame();
    // Egress: 100 octets in, 132 out (SecTAG with SCI, ICV).
    let mut b = engine(false);
    tx_flow(
        &mut b,
        1,
        &Sa::test(1),
        flow::CONF_PROTECT | flow::INCLUDE_SCI,
    );
    b.write(post::NON_VLAN_MTU_CHECK, 131 | post::MTU_DROP);
    assert_eq!(run(&mut b, &f).0, Outcome::Drop(DropReason::TooLong));
    assert_eq!(sa_ctr(&mut b, 1, esa::TOO_LONG), 1);
    assert_eq!(glob(&mut b, eg::OVERSIZE), 1);
    assert_eq!(sa_ctr(&mut b, 1, esa::PKTS), 0);
    b.write(post::NON_VLAN_MTU_CHECK, 132 | post::MTU_DROP);
    assert_eq!(run(&mut b, &f).0, Outcome::Forward(132));
    // Without COMP_DROP an oversize frame is counted and passes.
    b.write(post::NON_VLAN_MTU_CHECK, 100);
    assert_eq!(run(&mut b, &f).0, Outcome::Forward(132));
    assert_eq!(glob(&mut b, eg::OVERSIZE), 1);
    assert_eq!(sa_ctr(&mut b, 1, esa::TOO_LONG), 0);

    // Ingress: 132 in, 100 out.
    let mut b = engine(true);
    let sa = Sa::test(1);
    rx_flow(&mut b, 1, &sa, true, flow::VALIDATE_STRICT, true);
    b.write(post::NON_VLAN_MTU_CHECK, 100 | post::MTU_DROP);
    assert_eq!(run(&mut b, &secure_frame(&sa, 2, true, &f)).1, f);
    b.write(post::NON_VLAN_MTU_CHECK, 99 | post::MTU_DROP);
    let o = run(&mut b, &secure_frame(&sa, 3, true, &f)).0;
    assert_eq!(o, Outcome::Drop(DropReason::TooLong));
    assert_eq!(glob(&mut b, ig::OVERSIZE), 1);
}

#[test]
fn the_mtu_reset_values_drop_nothing_up_to_1514_or_1518() {
    // Power-on MTU checks: 1514 without VLAN, 1518 per priority, no drop.
    let b = MacsecBank::new(true);
    assert_eq!(b.peek(post::NON_VLAN_MTU_CHECK), 1514);
    for up in 0..8 {
        assert_eq!(b.peek(post::vlan_mtu_check(up)), 1518);
    }
}

#[test]
fn non_match_lanes_follow_the_frame_class() {
    let mut b = engine(true);
    let bypass = |class| class::nm_lane(class, false, flow::PORT_UNCONTROLLED, flow::DROP_INTERNAL);
    let dropping =
        |class| class::nm_lane(class, true, flow::PORT_UNCONTROLLED, flow::DROP_INTERNAL);
    // Untagged and bad-tag frames pass, tagged ones are dropped.
    b.write(
        class::NM_FLOW_NCP,
        bypass(0) | dropping(1) | bypass(2) | bypass(3),
    );
    let f = plain_frame();
    assert_eq!(run(&mut b, &f).1, f);
    assert_eq!(glob(&mut b, ig::UNTAGGED_MISS), 1);
    let tagged = secure_frame(&Sa::test(0), 1, true, &f);
    assert_eq!(run(&mut b, &tagged).0, Outcome::Drop(DropReason::NonMatch));
    assert_eq!(glob(&mut b, ig::NO_SCI), 1);
    // A bad tag (V bit set) passes through its own lane, uncounted.
    let mut bad = tagged.clone();
    bad[14] |= 0x80;
    assert_eq!(run(&mut b, &bad).1, bad);
    assert_eq!(glob(&mut b, ig::BAD_TAG), 0);
    b.write(class::NM_FLOW_NCP, dropping(2));
    assert_eq!(run(&mut b, &bad).0, Outcome::Drop(DropReason::NonMatch));
    assert_eq!(glob(&mut b, ig::BAD_TAG), 1);
    // Without CHECK_V the V bit is no reason for a bad tag.
    let nm = b.read(class::NM_PARAMS);
    b.write(class::NM_PARAMS, nm & !class::NM_CHECK_V);
    assert_eq!(run(&mut b, &bad).1, bad);
    // Drop action "no drop" lets a dropping lane's frames through.
    b.write(
        class::NM_FLOW_NCP,
        class::nm_lane(1, true, 0, flow::DROP_NONE),
    );
    assert_eq!(run(&mut b, &tagged).1, tagged);
    // A frame shorter than an Ethernet header is dropped.
    assert_eq!(run(&mut b, &f[..13]).0, Outcome::Drop(DropReason::Runt));
    // The frames the C driver's lanes passed crossed the consistency check
    // towards the uncontrolled port; the others went to the common port.
    assert_eq!(glob(&mut b, ig::CC_UNCONTROLLED_PASS), 2);
}

#[test]
fn egress_frames_without_a_flow_count_as_unknown_sa() {
    let mut b = engine(false);
    let f = plain_frame();
    assert_eq!(run(&mut b, &f).1, f);
    assert_eq!(glob(&mut b, eg::UNKNOWN_SA), 1);
    set_nm(&mut b, true);
    assert_eq!(run(&mut b, &f).0, Outcome::Drop(DropReason::NonMatch));
    assert_eq!(glob(&mut b, eg::UNKNOWN_SA), 1);
    // A MACsec flow whose SA is not in use has no SA either.
    tx_flow(&mut b, 1, &Sa::test(1), 0);
    let ctrl = b.read(flow::ctrl(1));
    b.write(flow::ctrl(1), ctrl & !flow::SA_IN_USE);
    assert_eq!(run(&mut b, &f).0, Outcome::Drop(DropReason::NotUsingSa));
    assert_eq!(glob(&mut b, eg::UNKNOWN_SA), 1);
}

#[test]
fn bad_records_and_flows_are_transform_errors() {
    let f = plain_frame();
    let mut b = engine(false);
    tx_flow(&mut b, 1, &Sa::test(1), 0);
    // An ingress record in the egress engine (written with the entry off).
    b.write(sam::ENTRY_CLEAR1, 1 << 1);
    b.write(record::word(1, 0), record::CTL_INGRESS);
    b.write(sam::ENTRY_SET1, 1 << 1);
    assert!(matches!(
        run(&mut b, &f).0,
        Outcome::Drop(DropReason::Record(_))
    ));
    // An ingress flow in the egress engine.
    let ctrl = b.read(flow::ctrl(1));
    b.write(flow::ctrl(1), ctrl & !3 | flow::TYPE_INGRESS);
    assert_eq!(run(&mut b, &f).0, Outcome::Drop(DropReason::WrongFlowType));
    assert_eq!(glob(&mut b, eg::TRANSFORM_ERROR), 2);
    // A drop flow: counted on the entry's shared counter.
    b.write(
        flow::ctrl(1),
        flow::TYPE_DROP | flow::drop_action(flow::DROP_INTERNAL),
    );
    assert_eq!(run(&mut b, &f).0, Outcome::Drop(DropReason::DropFlow));
    assert_eq!(sa_ctr(&mut b, 1, esa::PKTS), 1);
    assert_eq!(b.misuse().total(), 0);
}

#[test]
fn protect_frames_off_sends_in_clear_and_tag_bypass_leaves_vlan_tags_in_clear() {
    let f = plain_frame();
    let mut b = engine(false);
    let sa = Sa::test(1);
    tx_flow(&mut b, 1, &sa, 0);
    let ctrl = b.read(flow::ctrl(1));
    b.write(flow::ctrl(1), ctrl & !flow::PROTECT_FRAME);
    assert_eq!(run(&mut b, &f).1, f);
    assert_eq!(glob(&mut b, eg::UNTAGGED), 1);
    assert_eq!(sa_ctr(&mut b, 1, esa::PKTS), 0);

    // A VLAN-tagged frame, one tag in clear before the SecTAG. The entry
    // matches the untagged class of VLAN frames (the class is about the
    // MACsec tag).
    let vf = with_tag(&f, 0x8100, 5, 100);
    b.write(
        flow::ctrl(1),
        ctrl | flow::tag_bypass(1) | flow::CONF_PROTECT | flow::INCLUDE_SCI,
    );
    let (_, out, _) = run(&mut b, &vf);
    assert_eq!(&out[12..16], &[0x81, 0x00, 0xa0, 100]);
    assert_eq!(&out[16..18], &[0x88, 0xe5]);
    assert_eq!(out, secure_frame_tags(&sa, 2, true, &vf, 4));
    // Two tags the flow does not leave in clear are protected with the data.
    b.write(flow::ctrl(1), ctrl | flow::CONF_PROTECT | flow::INCLUDE_SCI);
    let (_, out, _) = run(&mut b, &vf);
    assert_eq!(out, secure_frame(&sa, 3, true, &vf));
    // TAG_BYPASS_SIZE 3 has no meaning: a transform error.
    b.write(flow::ctrl(1), ctrl | flow::tag_bypass(3));
    assert_eq!(run(&mut b, &vf).0, Outcome::Drop(DropReason::WrongFlowType));
    assert_eq!(glob(&mut b, eg::TRANSFORM_ERROR), 1);
}

#[test]
fn sectag_after_vlan_finds_the_sectag_behind_tags_in_clear() {
    let f = plain_frame();
    let sa = Sa::test(10);
    let vf = with_tag(&f, 0x8100, 3, 7);
    let secure = secure_frame_tags(&sa, 11, true, &vf, 4);
    let mut b = engine(true);
    rx_flow(&mut b, 2, &sa, true, flow::VALIDATE_STRICT, true);
    set_nm(&mut b, true);
    // Without SECTAG_AFTER_VLAN the frame has no SecTAG after its
    // addresses: an untagged frame for the Strict flow.
    assert_eq!(run(&mut b, &secure).0, Outcome::Drop(DropReason::NoTag));
    let hdr = b.read(class::HDR_EXT_CTRL);
    b.write(class::HDR_EXT_CTRL, hdr | class::HDR_SECTAG_AFTER_VLAN);
    assert_eq!(run(&mut b, &secure).1, vf);
    assert_eq!(sa_ctr(&mut b, 2, isa::OK), 1);
    // Counted on the VLAN's priority set.
    assert_eq!(vlan_ctr(&mut b, 3, stats::vl::PKTS), 1);
}

#[test]
fn counters_clear_on_read_saturate_and_chain() {
    let mut b = engine(false);
    tx_flow(&mut b, 1, &Sa::test(1), 0);
    let f = plain_frame();
    run(&mut b, &f);
    run(&mut b, &f);
    assert_eq!(sa_ctr(&mut b, 1, esa::PKTS), 2);
    assert_eq!(sa_ctr(&mut b, 1, esa::OCTETS), 2 * 88);
    assert_eq!(sa_ctr(&mut b, 1, esa::UCAST), 2);
    assert_eq!(sa_ctr(&mut b, 1, esa::PKTS), 0);
    assert_eq!(sa_ctr(&mut b, 1, esa::OCTETS), 0);
    // The interface counters count what left: 124 octets each.
    let octets = u64::from(b.read(stats::GLOBAL + eg::OCTETS))
        | u64::from(b.read(stats::GLOBAL + eg::OCTETS + 1)) << 32;
    assert_eq!(octets, 2 * 124);
    assert_eq!(glob(&mut b, eg::UCAST), 2);

    // 40-bit counters: preset to the maximum through DEBUG_ACCESS, then one
    // more frame wraps to 0, or stays at the maximum with SATURATE.
    let pkts = stats::sa(1) + esa::PKTS;
    for (saturate, want) in [(false, 0), (true, 0xff_ffff_ffff)] {
        b.write(stats::COUNT_CONTROL, stats::DEBUG_ACCESS);
        b.write(pkts, 0xffff_ffff);
        b.write(pkts + 1, 0xff);
        let sat = if saturate { stats::SATURATE } else { 0 };
        b.write(stats::COUNT_CONTROL, stats::AUTO_CNTR_RESET | sat);
        run(&mut b, &f);
        assert_eq!(sa_ctr(&mut b, 1, esa::PKTS), want);
    }
    // Without DEBUG_ACCESS a counter write changes nothing.
    b.write(pkts, 5);
    assert_eq!(b.peek(pkts), 0);

    // The octet counter is two chained 40-bit halves: the second counts
    // the overflows of the first.
    let oct = stats::sa(1) + esa::OCTETS;
    b.write(stats::COUNT_CONTROL, stats::DEBUG_ACCESS);
    b.write(oct, 0xffff_ffff - 9);
    b.write(oct + 1, 0xff);
    b.write(stats::COUNT_CONTROL, stats::AUTO_CNTR_RESET);
    run(&mut b, &f);
    let words: Vec<u32> = (0..4).map(|k| b.read(oct + k)).collect();
    assert_eq!(words, [78, 0, 1, 0]);
    assert_eq!(sa_ctr(&mut b, 1, esa::PKTS), 1);

    // COUNT_INCEN1 bit 2 (OutPktsEncryptedProtected) off: not counted.
    let incen = b.read(stats::COUNT_INCEN1);
    assert_eq!(incen, 0x001f_007f, "egress INCEN1 reset");
    b.write(stats::COUNT_INCEN1, incen & !(1 << 2));
    run(&mut b, &f);
    assert_eq!(sa_ctr(&mut b, 1, esa::PKTS), 0);
    assert_eq!(sa_ctr(&mut b, 1, esa::OCTETS), 88);

    // RESET_ALL clears everything.
    b.write(stats::COUNT_INCEN1, incen);
    run(&mut b, &f);
    b.write(stats::COUNT_CONTROL, stats::RESET_ALL);
    assert_eq!(b.peek(pkts), 0);
    assert_eq!(b.peek(oct), 0);
    assert_eq!(b.peek(stats::GLOBAL + eg::UCAST), 0);
}

#[test]
fn multicast_and_broadcast_destinations_have_their_counters() {
    let mut b = engine(false);
    tx_flow(&mut b, 0, &Sa::test(1), 0);
    let mut f = plain_frame();
    f[..6].copy_from_slice(&[0x01, 0x00, 0x5e, 0, 0, 1]);
    run(&mut b, &f);
    f[..6].copy_from_slice(&[0xff; 6]);
    run(&mut b, &f);
    run(&mut b, &f);
    assert_eq!(sa_ctr(&mut b, 0, esa::MCAST), 1);
    assert_eq!(sa_ctr(&mut b, 0, esa::BCAST), 2);
    assert_eq!(sa_ctr(&mut b, 0, esa::UCAST), 0);
    assert_eq!(glob(&mut b, eg::MCAST), 1);
    assert_eq!(glob(&mut b, eg::BCAST), 2);
}

#[test]
fn static_bypass_keeps_classification_and_skips_the_crypto() {
    let mut b = engine(false);
    tx_flow(&mut b, 1, &Sa::test(1), flow::CONF_PROTECT);
    let misc = b.read(class::MISC_CONTROL);
    b.write(class::MISC_CONTROL, misc | class::MISC_STATIC_BYPASS);
    let f = plain_frame();
    assert_eq!(run(&mut b, &f).1, f);
    // The SA did not move.
    assert_eq!(b.peek(record::word(1, 10)), 1);
    b.write(class::MISC_CONTROL, misc);
    assert_eq!(run(&mut b, &f).0, Outcome::Forward(f.len() + 24));
}

#[test]
fn nm_macsec_en_decides_tagged_frames_of_unknown_scs() {
    let f = plain_frame();
    let sa = Sa::test(0);
    // (global validateFrames, encrypted) -> (counter, dropped)
    for (validate, encrypt, counter, dropped) in [
        (flow::VALIDATE_STRICT, false, ig::NO_SCI, true),
        (flow::VALIDATE_CHECK, true, ig::NO_SCI, true),
        (flow::VALIDATE_CHECK, false, ig::UNKNOWN_SCI, false),
        (flow::VALIDATE_DISABLED, false, ig::UNKNOWN_SCI, false),
    ] {
        let mut b = engine(true);
        let misc = b.read(class::MISC_CONTROL);
        b.write(
            class::MISC_CONTROL,
            misc | class::MISC_NM_MACSEC_EN | class::misc_validate(validate),
        );
        let frame = secure_frame(&sa, 1, encrypt, &f);
        let (o, out, _) = run(&mut b, &frame);
        let what = format!("validate {validate} encrypt {encrypt}: {o:?}");
        if dropped {
            assert_eq!(o, Outcome::Drop(DropReason::NoSci), "{what}");
        } else {
            assert_eq!(out, frame, "{what}");
        }
        assert_eq!(glob(&mut b, counter), 1, "{what}");
    }
    // Without NM_MACSEC_EN the lane decides: the C driver's bypass.
    let mut b = engine(true);
    let frame = secure_frame(&sa, 1, true, &f);
    assert_eq!(run(&mut b, &frame).1, frame);
    assert_eq!(glob(&mut b, ig::NO_SCI), 1);
}

#[test]
fn the_consistency_check_drops_everything_until_its_actions_pass() {
    // IG_CC_CONTROL resets to 0 (a choice): both non-match actions drop.
    let mut b = engine(true);
    b.write(post::IG_CC_CONTROL, 0);
    let f = plain_frame();
    assert_eq!(run(&mut b, &f).0, Outcome::Drop(DropReason::Consistency));
    assert_eq!(glob(&mut b, ig::CC_UNCONTROLLED_NOT_PASS), 1);
    b.write(post::IG_CC_CONTROL, post::IG_CC_NON_MATCH_ACT);
    assert_eq!(run(&mut b, &f).1, f);
    assert_eq!(glob(&mut b, ig::CC_UNCONTROLLED_PASS), 1);
}

#[test]
fn debugfs_views_show_registers_and_counters_without_clearing_them() {
    let mut b = engine(false);
    tx_flow(&mut b, 1, &Sa::test(1), flow::CONF_PROTECT);
    run(&mut b, &plain_frame());
    let mut regs = String::new();
    dump_registers(&b, &mut regs).unwrap();
    assert!(regs.contains("0x0800 0x00001601\n"), "{regs}");
    assert!(regs.contains("0x1c01 0x8003008b\n"), "{regs}");
    let mut counters = String::new();
    dump_counters(&b, &mut counters).unwrap();
    assert!(counters.starts_with("TransformErrorPkts 0\n"), "{counters}");
    assert!(
        counters.contains("sa1 OutPktsEncryptedProtected 1\n"),
        "{counters}"
    );
    assert!(
        counters.contains("sa1 OutOctetsEncryptedProtected 88\n"),
        "{counters}"
    );
    // Looking did not clear them.
    assert_eq!(sa_ctr(&mut b, 1, esa::PKTS), 1);
    // A full buffer is an error, never a panic or an overrun.
    let mut small = [0u8; 10];
    let mut w = SliceWriter::new(&mut small);
    assert!(dump_counters(&b, &mut w).is_err());
    assert_eq!(w.len(), 0);
}

#[test]
fn debugfs_view_of_the_other_banks_lists_what_was_written() {
    let mut package = Package::new(8);
    let phy = package.phy_mut(1).unwrap();
    phy.set_csr(0x06, 0x02, 10240);
    phy.set_csr(0x05, 0x00, 0x0011_0011);
    let mut text = String::new();
    dump_csrs(package.phy(1).unwrap(), &mut text).unwrap();
    assert_eq!(
        text,
        "0x05 0x0000 0x00110011\n0x06 0x0002 0x00002800\ndropped writes: 0\n"
    );
}
