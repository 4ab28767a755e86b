// SPDX-License-Identifier: GPL-2.0

//! The behaviours MESA leaves open, each variant selected and observed, and
//! the next-PN update MESA's lowest-PN update relies on.

mod common;

use common::bench::*;
use common::eip160::{crypto, flow};
use rsmacsec_host::engine::datapath::{DropReason, Outcome};
use rsmacsec_host::regs::macsec_bank::MacsecBank;
use rsmacsec_host::regs::Variants;

fn with(setting: &str, ingress: bool) -> MacsecBank {
    let mut v = Variants::new();
    v.set(setting).unwrap();
    let mut b = MacsecBank::new(ingress);
    b.set_variants(v);
    b
}

#[test]
fn variants_parse_show_and_refuse_nonsense() {
    let mut v = Variants::new();
    let mut text = String::new();
    v.show(&mut text).unwrap();
    assert_eq!(
        text,
        "intr_clear=w0c (w0c|w1c)\n\
         sticky_mask_reset=open (open|closed)\n\
         aic_input=0 (0|1|2|3)\n\
         sam_untagged_sci=skip (skip|nomatch)\n\
         next_pn_context_id=ignore (ignore|match)\n"
    );
    for bad in ["", "intr_clear", "intr_clear=w2c", "aic_input=4", "x=1"] {
        assert!(v.set(bad).is_err(), "{bad}");
    }
    assert_eq!(v, Variants::new());
    v.set(" aic_input = 2\n").unwrap();
    assert_eq!(v.aic_input, 2);
}

#[test]
fn intr_status_clears_by_writing_zero_or_one() {
    let rollover = crypto::INTR_ROLLOVER;
    let thresh = crypto::INTR_SEQ_THRESHOLD;
    for (setting, keep_written) in [("intr_clear=w0c", true), ("intr_clear=w1c", false)] {
        let mut b = with(setting, false);
        b.raise_intr(rollover | thresh);
        // MESA: read, clear the handled bit, write back (`api.c:5517-5533`).
        let v = b.read(crypto::INTR_CTRL_STATUS);
        assert_eq!(v & 0xffff, rollover | thresh);
        b.write(crypto::INTR_CTRL_STATUS, v & !rollover);
        let left = b.read(crypto::INTR_CTRL_STATUS) & 0xffff;
        if keep_written {
            assert_eq!(left, thresh, "{setting}");
        } else {
            assert_eq!(left, rollover, "{setting}");
        }
    }
}

#[test]
fn the_sticky_mask_resets_open_or_closed() {
    assert_eq!(MacsecBank::new(false).read(0x803), 0x8);
    assert_eq!(with("sticky_mask_reset=closed", false).read(0x803), 0);
    // A power-on reset takes the variant's value again.
    let mut b = with("sticky_mask_reset=closed", true);
    b.write(0x803, 0x8);
    b.reset();
    assert_eq!(b.read(0x803), 0);
}

#[test]
fn the_engine_interrupt_drives_the_chosen_aic_input() {
    for input in 0..4u32 {
        let mut b = with(&format!("aic_input={input}"), false);
        b.write(0x3e02, 0xf);
        b.write(crypto::INTR_CTRL_STATUS, crypto::INTR_ROLLOVER << 16);
        assert!(!b.update_irq());
        b.raise_intr(crypto::INTR_ROLLOVER);
        assert!(b.update_irq(), "sticky ENG_IRQ, mask open");
        assert_eq!(b.read(0x3e03), 1 << input);
        assert_eq!(b.read(0x802), 0x8);
    }
}

#[test]
fn untagged_frames_skip_or_fail_the_sci_compare() {
    let f = plain_frame();
    let sa = Sa::test(1);
    for (setting, want) in [
        ("sam_untagged_sci=skip", Outcome::Drop(DropReason::NoTag)),
        ("sam_untagged_sci=nomatch", Outcome::Forward(f.len())),
    ] {
        let mut b = engine(true);
        let mut v = Variants::new();
        v.set(setting).unwrap();
        b.set_variants(v);
        rx_flow(&mut b, 0, &sa, true, flow::VALIDATE_STRICT, true);
        // Skip: the entry (classes tagged and untagged) takes the frame and
        // Strict drops it. No match: the non-match flow bypasses it.
        assert_eq!(run(&mut b, &f).0, want, "{setting}");
    }
}

/// An ingress engine with RX SA flow `rec` (AES-128, or XPN) whose next PN
/// is 10, and MESA's next-PN update of it to `pn` (`api.c:4883-4908`).
fn next_pn(setting: &str, rec: u16, xpn: bool, pn: u64, context_id: u32) -> (MacsecBank, Sa) {
    let mut b = engine(true);
    let mut v = Variants::new();
    v.set(setting).unwrap();
    b.set_variants(v);
    let mut sa = Sa::test(10);
    if xpn {
        sa.xpn = Some((1, [2; 12]));
    }
    rx_flow(&mut b, rec, &sa, true, flow::VALIDATE_STRICT, true);
    b.write(crypto::NEXT_PN_LOWER, pn as u32);
    if xpn {
        b.write(crypto::NEXT_PN_UPPER, (pn >> 32) as u32);
    }
    b.write(crypto::NEXT_PN_CONTEXT_ID, context_id);
    let addr = (u32::from(rec) * 80 + 10 * 4) >> 4;
    let size = if xpn { crypto::NEXT_PN_64 } else { 0 };
    b.write(crypto::NEXT_PN_CTRL, crypto::next_pn_ctx_addr(addr) | size);
    let v = b.read(crypto::NEXT_PN_CTRL);
    b.write(crypto::NEXT_PN_CTRL, v | crypto::NEXT_PN_ENABLE);
    (b, sa)
}

fn written(b: &mut MacsecBank) -> bool {
    let v = b.read(crypto::NEXT_PN_CTRL);
    assert_eq!(v & crypto::NEXT_PN_ENABLE, 0, "the update is done");
    v & crypto::NEXT_PN_WRITTEN != 0
}

#[test]
fn next_pn_updates_only_move_the_sequence_number_up() {
    for rec in [0, 3, 15] {
        let (mut b, sa) = next_pn("next_pn_context_id=ignore", rec, false, 500, 0);
        assert!(written(&mut b));
        assert_eq!(seq(&b, rec, &sa), 500);
        assert_eq!(b.misuse().total(), 0);
        let (mut b, sa) = next_pn("next_pn_context_id=ignore", rec, false, 10, 0);
        assert!(!written(&mut b), "equal: no update");
        assert_eq!(seq(&b, rec, &sa), 10);
        let (mut b, sa) = next_pn("next_pn_context_id=ignore", rec, false, 3, 0);
        assert!(!written(&mut b));
        assert_eq!(seq(&b, rec, &sa), 10);
    }
    // 64-bit: both words.
    let (mut b, sa) = next_pn("next_pn_context_id=ignore", 2, true, 0x5_0000_0001, 2);
    assert!(written(&mut b));
    assert_eq!(seq(&b, 2, &sa), 0x5_0000_0001);
    // And the SA accepts frames from there on, rejects older ones as late.
    let f = plain_frame();
    assert_eq!(
        run(&mut b, &secure_frame(&sa, 0x5_0000_0000, true, &f)).0,
        Outcome::Drop(DropReason::Late)
    );
    assert_eq!(
        run(&mut b, &secure_frame(&sa, 0x5_0000_0001, true, &f)).1,
        f
    );
}

#[test]
fn next_pn_updates_can_be_made_to_check_the_context_id() {
    // The record's context id is its index (word 1, as MESA writes it).
    let (mut b, _) = next_pn("next_pn_context_id=match", 4, false, 500, 3);
    assert!(!written(&mut b));
    let (mut b, sa) = next_pn("next_pn_context_id=match", 4, false, 500, 4);
    assert!(written(&mut b));
    assert_eq!(seq(&b, 4, &sa), 500);
    let (mut b, _) = next_pn("next_pn_context_id=ignore", 4, false, 500, 3);
    assert!(written(&mut b));
}
