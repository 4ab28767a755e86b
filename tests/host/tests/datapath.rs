// SPDX-License-Identifier: GPL-2.0

//! The engine's frame path driven by its register bank, programmed over the
//! bus the way the upstream C driver (mscc_macsec.c) and MESA program it:
//! Annex C vectors through SAM + flow + record, SAM priorities, the replay
//! window, the validateFrames matrix, PN exhaustion and its interrupt, the
//! non-match flow and the counters.

mod common;

use common::vectors::{for_all, Vector, XPN_SALT, XPN_SSCI};
use common::{Gcm, HostGcm};
use rsmacsec_host::engine::datapath::{self, DropReason, Outcome};
use rsmacsec_host::engine::report::{dump_counters, dump_csrs, dump_registers, SliceWriter};
use rsmacsec_host::engine::sectag::Sci;
use rsmacsec_host::engine::transform::{protect, CipherSuite, TxConfig, VerifyError};
use rsmacsec_host::hw::eip160::{flow, nm, record, sam, stats, threshold};
use rsmacsec_host::hw::regs::macsec;
use rsmacsec_host::regs::macsec_bank::MacsecBank;
use rsmacsec_host::regs::Package;

/// Egress control word of the C driver (32-bit PN), without cipher and AN.
const CTL_EGRESS: u32 = 0x9241_e066;
/// Ingress control word of the C driver (32-bit PN), without cipher.
const CTL_INGRESS: u32 = 0xd241_e06f;
/// MESA's egress control word for XPN.
const CTL_EGRESS_XPN: u32 = 0xa241_e066;
/// MESA's ingress control word for XPN.
const CTL_INGRESS_XPN: u32 = 0xe241_a0ef;

const DEST_CONTROLLED: u32 = 2 << flow::DEST_PORT_SHIFT;
const DROP_INTERNAL: u32 = flow::DROP_INTERNAL << flow::DROP_ACTION_SHIFT;

/// An engine bank after the C driver's block initialisation: enabled,
/// non-match flows bypass, MTU checks at 32761 octets with drop.
fn engine(ingress: bool) -> MacsecBank {
    let mut b = MacsecBank::new(ingress);
    b.write(
        macsec::ENA_CFG,
        macsec::ENA_CFG_SW_RST | macsec::ENA_CFG_BYPASS_ENA,
    );
    b.write(macsec::ENA_CFG, macsec::ENA_CFG_CLK_ENA);
    b.write(macsec::NON_VLAN_MTU_CHECK, 32761 | 1 << 15);
    for up in 0..8 {
        b.write(macsec::vlan_mtu_check(up), 32761 | 1 << 15);
    }
    set_nm(&mut b, false);
    b.write(
        macsec::ENA_CFG,
        macsec::ENA_CFG_CLK_ENA | macsec::ENA_CFG_MACSEC_ENA | 5 << 10,
    );
    b.write(macsec::COUNT_CONTROL, macsec::COUNT_CONTROL_AUTO_CNTR_RESET);
    b
}

/// The non-match action of every class: bypass or drop (C driver's
/// `vsc8584_macsec_flow_default_action`).
fn set_nm(b: &mut MacsecBank, drop: bool) {
    let lane = u32::from(drop) | DROP_INTERNAL;
    let all = lane | lane << 8 | lane << 16 | lane << 24;
    b.write(nm::FLOW_NCP, all);
    b.write(nm::FLOW_CP, all);
}

/// A SAM entry: classes, priority, optional AN and SCI match and EtherType.
#[derive(Clone, Copy, Default)]
struct Entry {
    classes: u32,
    priority: u32,
    an: Option<u8>,
    sci: Option<Sci>,
    etype: Option<u16>,
}

fn write_entry(b: &mut MacsecBank, i: u16, e: Entry) {
    let base = sam::entry(i);
    let mut misc = e.classes | e.priority << sam::misc::PRIORITY_SHIFT;
    let mut mask = 0;
    if let Some(an) = e.an {
        misc |= u32::from(an) << sam::misc::AN_SHIFT;
        mask |= 3 << sam::mask::AN_SHIFT;
    }
    if let Some(sci) = e.sci {
        // TCI.SC and the SCI, as the C driver matches RX SAs.
        misc |= 1 << (3 + sam::misc::TCI_SHIFT);
        mask |= 1 << (3 + sam::mask::TCI_SHIFT) | sam::mask::SCI;
        let v = u64::from_le_bytes(sci.0);
        b.write(base + sam::SCI_LO, v as u32);
        b.write(base + sam::SCI_HI, (v >> 32) as u32);
    }
    if let Some(etype) = e.etype {
        mask |= sam::mask::ETYPE;
        let swapped = u32::from(etype.swap_bytes());
        b.write(base + sam::MAC_SA_HI, swapped << 16);
    }
    b.write(base + sam::MISC, misc);
    b.write(base + sam::MASK, mask);
}

/// Enables entry `i` and marks its SA in use, as `vsc8584_macsec_flow_enable`.
fn enable(b: &mut MacsecBank, i: u16) {
    b.write(macsec::SAM_ENTRY_SET1, 1 << i);
    let ctrl = b.read(macsec::sam_flow_ctrl(i));
    b.write(macsec::sam_flow_ctrl(i), ctrl | flow::SA_IN_USE);
}

/// Writes `bytes` as record words from `word` on, first octet in bits 7:0.
fn write_words(b: &mut MacsecBank, rec: u16, word: u16, bytes: &[u8]) {
    for (k, chunk) in bytes.chunks(4).enumerate() {
        let mut w = [0u8; 4];
        w[..chunk.len()].copy_from_slice(chunk);
        b.write(
            macsec::xform_rec(rec, word + k as u16),
            u32::from_le_bytes(w),
        );
    }
}

/// An SA's parameters.
#[derive(Clone)]
struct Sa {
    key: Vec<u8>,
    an: u8,
    sci: Sci,
    /// Egress: last PN sent. Ingress: next PN expected.
    seq: u64,
    window: u32,
    xpn: Option<(u32, [u8; 12])>,
}

/// Writes transform record `rec` for `sa`, as the C driver (32-bit PN) or
/// MESA (XPN) lays it out.
fn write_record(b: &mut MacsecBank, rec: u16, sa: &Sa) {
    let ingress = b.is_ingress();
    let alg = match sa.key.len() {
        16 => record::ALG_AES128,
        32 => record::ALG_AES256,
        n => panic!("key of {n} octets"),
    };
    let base = match (ingress, sa.xpn.is_some()) {
        (false, false) => CTL_EGRESS,
        (true, false) => CTL_INGRESS,
        (false, true) => CTL_EGRESS_XPN,
        (true, true) => CTL_INGRESS_XPN,
    };
    let an = if ingress { 0 } else { u32::from(sa.an) };
    let ctl = base | alg << record::CRYPTO_ALG_SHIFT | an << record::AN_SHIFT;
    b.write(macsec::xform_rec(rec, record::CONTROL), ctl);
    b.write(macsec::xform_rec(rec, record::CONTEXT_ID), u32::from(rec));
    write_words(b, rec, record::KEY, &sa.key);
    let kw = (sa.key.len() / 4) as u16;
    let l = record::layout(kw, ingress, sa.xpn.is_some());
    // H is not used by the simulator (it derives it from the key).
    b.write(macsec::xform_rec(rec, l.seq), sa.seq as u32);
    if sa.xpn.is_some() {
        b.write(macsec::xform_rec(rec, l.seq + 1), (sa.seq >> 32) as u32);
    }
    if ingress {
        b.write(macsec::xform_rec(rec, l.window), sa.window);
    }
    if let Some((ssci, salt)) = sa.xpn {
        let mut is = salt;
        for (d, s) in is.iter_mut().zip(ssci.to_be_bytes()) {
            *d ^= s;
        }
        write_words(b, rec, l.iv, &is);
    }
    write_words(b, rec, l.sci, &sa.sci.0);
}

/// Programs egress flow `i`: every untagged frame, priority 8, protected.
fn tx_flow(b: &mut MacsecBank, i: u16, sa: &Sa, extra: u32) {
    write_entry(
        b,
        i,
        Entry {
            classes: sam::misc::UNTAGGED,
            priority: 8,
            ..Default::default()
        },
    );
    b.write(
        macsec::sam_flow_ctrl(i),
        flow::TYPE_EGRESS | DEST_CONTROLLED | DROP_INTERNAL | flow::PROTECT_FRAME | extra,
    );
    write_record(b, i, sa);
    enable(b, i);
}

/// Programs ingress flow `i` for `sa` with validateFrames `validate`.
fn rx_flow(b: &mut MacsecBank, i: u16, sa: &Sa, match_sci: bool, validate: u32, replay: bool) {
    write_entry(
        b,
        i,
        Entry {
            classes: sam::misc::TAGGED | sam::misc::UNTAGGED,
            priority: 8,
            an: Some(sa.an),
            sci: match_sci.then_some(sa.sci),
            ..Default::default()
        },
    );
    let mut ctrl =
        flow::TYPE_INGRESS | DEST_CONTROLLED | DROP_INTERNAL | validate << flow::VALIDATE_SHIFT;
    if replay {
        ctrl |= flow::REPLAY_PROTECT;
    }
    b.write(macsec::sam_flow_ctrl(i), ctrl);
    write_record(b, i, sa);
    enable(b, i);
}

fn run(b: &mut MacsecBank, frame: &[u8]) -> (Outcome, Vec<u8>, u16) {
    let mut out = vec![0u8; datapath::max_out_len(frame.len())];
    let (o, intr) = datapath::process(b, &HostGcm, frame, &mut out);
    if let Outcome::Forward(n) = o {
        out.truncate(n);
    } else {
        out.clear();
    }
    (o, out, intr)
}

/// Reads counter `off` of SA `sa` (clear on read, as the driver sets it).
fn sa_counter(b: &mut MacsecBank, sa: u16, off: u16) -> u64 {
    let addr = macsec::SA_STATS + sa * macsec::SA_STATS_STRIDE + off;
    let lo = u64::from(b.read(addr));
    let hi = u64::from(b.read(addr + 1));
    hi << 32 | lo
}

fn global_counter(b: &mut MacsecBank, off: u16) -> u64 {
    let lo = u64::from(b.read(macsec::GLOBAL_STATS + off));
    let hi = u64::from(b.read(macsec::GLOBAL_STATS + off + 1));
    hi << 32 | lo
}

fn seq_word(b: &MacsecBank, rec: u16, kw: u16, ingress: bool) -> u32 {
    let l = record::layout(kw, ingress, false);
    b.peek(macsec::xform_rec(rec, l.seq))
}

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
        tx_flow(&mut b, 1, &vector_sa(v, v.pn64() - 1), flags);
        let (o, out, _) = run(&mut b, &v.plain());
        if o != Outcome::Forward(v.secure().len()) || out != v.secure() {
            return Err(format!(
                "{o:?}\n   got {out:02x?}\n  want {:02x?}",
                v.secure()
            ));
        }
        let kw = (v.key().len() / 4) as u16;
        let l = record::layout(kw, false, v.is_xpn());
        let seq = b.peek(macsec::xform_rec(1, l.seq));
        if seq != v.pn {
            return Err(format!(
                "seq word {seq:#x} after the frame, want {:#x}",
                v.pn
            ));
        }
        let (octets, pkts) = if v.encrypt {
            (stats::OUT_OCTETS_ENCRYPTED, stats::OUT_PKTS_ENCRYPTED)
        } else {
            (stats::OUT_OCTETS_PROTECTED, stats::OUT_PKTS_PROTECTED)
        };
        let got = (sa_counter(&mut b, 1, pkts), sa_counter(&mut b, 1, octets));
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
        rx_flow(
            &mut b,
            2,
            &vector_sa(v, v.pn64()),
            v.sc,
            flow::VALIDATE_STRICT,
            true,
        );
        let (o, out, _) = run(&mut b, &v.secure());
        if o != Outcome::Forward(v.plain().len()) || out != v.plain() {
            return Err(format!("{o:?}: {out:02x?}"));
        }
        let ok = sa_counter(&mut b, 2, stats::IN_PKTS_OK);
        if ok != 1 {
            return Err(format!("InPktsOK {ok}"));
        }
        // The next expected PN moved past the frame's.
        let kw = (v.key().len() / 4) as u16;
        let l = record::layout(kw, true, v.is_xpn());
        let lo = b.peek(macsec::xform_rec(2, l.seq));
        if lo != v.pn.wrapping_add(1) {
            return Err(format!("next PN {lo:#x}"));
        }
        Ok(())
    });
}

/// A test SA: AES-128, AN 0, SCI 00:11:22:33:44:55/1.
fn test_sa(seq: u64) -> Sa {
    Sa {
        key: (1..=16).collect(),
        an: 0,
        sci: Sci::new([0, 0x11, 0x22, 0x33, 0x44, 0x55], 1),
        seq,
        window: 0,
        xpn: None,
    }
}

/// A 100-octet IPv4-ish frame.
fn plain_frame() -> Vec<u8> {
    let mut f = vec![
        0x02, 0, 0, 0, 0, 2, 0, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x00,
    ];
    f.extend((0..86).map(|i| i as u8));
    f
}

/// `plain` protected by `sa` with `pn`, as a peer would send it.
fn secure_frame(sa: &Sa, pn: u64, encrypt: bool, plain: &[u8]) -> Vec<u8> {
    let cfg = TxConfig {
        sci: sa.sci,
        suite: CipherSuite::Gcm,
        an: sa.an,
        include_sci: true,
        end_station: false,
        scb: false,
        encrypt,
        conf_offset: 0,
    };
    let mut out = vec![0u8; plain.len() + 32];
    let n = protect(&Gcm::new(&sa.key), &cfg, pn, plain, &mut out).unwrap();
    out.truncate(n);
    out
}

#[test]
fn engine_off_passes_frames_unchanged_and_uncounted() {
    let mut b = MacsecBank::new(false);
    tx_flow(&mut b, 1, &test_sa(0), flow::CONF_PROTECT);
    let f = plain_frame();
    assert_eq!(run(&mut b, &f), (Outcome::Forward(f.len()), f.clone(), 0));
    // Enabled but in bypass mode: still unchanged.
    b.write(
        macsec::ENA_CFG,
        macsec::ENA_CFG_CLK_ENA | macsec::ENA_CFG_MACSEC_ENA | macsec::ENA_CFG_BYPASS_ENA,
    );
    assert_eq!(run(&mut b, &f).1, f);
    assert_eq!(sa_counter(&mut b, 1, stats::OUT_PKTS_ENCRYPTED), 0);
}

#[test]
fn egress_pn_is_pre_incremented_and_written_back() {
    let mut b = engine(false);
    // The C driver writes next_pn (here 1) into the seq word; the engine
    // holds the last PN sent, so the first frame carries PN 2.
    tx_flow(
        &mut b,
        1,
        &test_sa(1),
        flow::CONF_PROTECT | flow::INCLUDE_SCI,
    );
    let f = plain_frame();
    for pn in 2u32..5 {
        let (o, out, intr) = run(&mut b, &f);
        assert_eq!(o, Outcome::Forward(f.len() + 16 + 16));
        assert_eq!(intr, 0);
        assert_eq!(&out[12..14], &[0x88, 0xe5]);
        assert_eq!(out[14], 0x2c, "TCI SC|E|C, AN 0");
        assert_eq!(u32::from_be_bytes(out[16..20].try_into().unwrap()), pn);
        assert_eq!(out, secure_frame(&test_sa(0), pn.into(), true, &f));
        assert_eq!(seq_word(&b, 1, 4, false), pn);
    }
}

#[test]
fn the_mka_bypass_flow_outranks_the_tx_sa_flow() {
    let mut b = engine(false);
    tx_flow(&mut b, 1, &test_sa(1), flow::CONF_PROTECT);
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
    b.write(macsec::sam_flow_ctrl(0), flow::TYPE_BYPASS | DROP_INTERNAL);
    enable(&mut b, 0);
    let mut eapol = plain_frame();
    eapol[12..14].copy_from_slice(&[0x88, 0x8e]);
    assert_eq!(run(&mut b, &eapol).1, eapol);
    assert_eq!(global_counter(&mut b, stats::BYPASS), 1);
    // Anything else is protected by the TX SA.
    let (o, out, _) = run(&mut b, &plain_frame());
    assert_eq!(o, Outcome::Forward(plain_frame().len() + 8 + 16));
    assert_eq!(&out[12..14], &[0x88, 0xe5]);
}

#[test]
fn sam_priority_wins_then_the_lowest_index() {
    let mut b = engine(false);
    // Entry 3 protects with AN 3, entry 5 with AN 1, both priority 8.
    let mut sa3 = test_sa(10);
    sa3.an = 3;
    let mut sa5 = test_sa(10);
    sa5.an = 1;
    tx_flow(&mut b, 5, &sa5, 0);
    tx_flow(&mut b, 3, &sa3, 0);
    let f = plain_frame();
    assert_eq!(run(&mut b, &f).1[14] & 3, 3, "tie: the lowest index wins");
    // Entry 5 at priority 9 wins over index 3.
    let misc = b.peek(sam::entry(5) + sam::MISC);
    b.write(sam::entry(5) + sam::MISC, misc & !(0xf << 16) | 9 << 16);
    assert_eq!(run(&mut b, &f).1[14] & 3, 1, "the higher priority wins");
    // A disabled entry never matches, whatever its priority.
    b.write(macsec::SAM_ENTRY_CLEAR1, 1 << 5);
    assert_eq!(run(&mut b, &f).1[14] & 3, 3);
    // TOGGLE1 swaps both in one step: now only entry 5 is enabled.
    b.write(macsec::SAM_ENTRY_TOGGLE1, 1 << 5 | 1 << 3);
    assert_eq!(b.entry_enables(), 1 << 5);
    assert_eq!(run(&mut b, &f).1[14] & 3, 1);
}

#[test]
fn sci_an_and_class_select_the_rx_sa() {
    let mut b = engine(true);
    set_nm(&mut b, true);
    let sa = test_sa(1);
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
        f.clone(),
    ] {
        assert_eq!(run(&mut b, &frame).0, Outcome::Drop(DropReason::NonMatch));
    }
    assert_eq!(global_counter(&mut b, stats::NON_MATCH_DROP), 3);
    assert_eq!(sa_counter(&mut b, 4, stats::IN_PKTS_OK), 1);
}

#[test]
fn replay_window_drops_late_frames_and_counts_delayed_ones() {
    let f = plain_frame();
    for replay in [true, false] {
        let mut b = engine(true);
        let mut sa = test_sa(1);
        sa.window = 2;
        rx_flow(&mut b, 1, &sa, true, flow::VALIDATE_STRICT, replay);
        // PN 10 moves the next PN to 11: lowest acceptable is 9.
        assert_eq!(run(&mut b, &secure_frame(&sa, 10, true, &f)).1, f);
        assert_eq!(seq_word(&b, 1, 4, true), 11);
        // 9 is inside the window, 8 is not.
        assert_eq!(run(&mut b, &secure_frame(&sa, 9, true, &f)).1, f);
        let late = run(&mut b, &secure_frame(&sa, 8, true, &f)).0;
        if replay {
            assert_eq!(late, Outcome::Drop(DropReason::Late));
            assert_eq!(sa_counter(&mut b, 1, stats::IN_PKTS_LATE), 1);
            assert_eq!(sa_counter(&mut b, 1, stats::IN_PKTS_DELAYED), 0);
        } else {
            assert_eq!(late, Outcome::Forward(f.len()));
            assert_eq!(sa_counter(&mut b, 1, stats::IN_PKTS_DELAYED), 1);
        }
        assert_eq!(sa_counter(&mut b, 1, stats::IN_PKTS_OK), 2);
        // An older frame never moves the next PN back.
        assert_eq!(seq_word(&b, 1, 4, true), 11);
    }
}

#[test]
fn validate_frames_matrix() {
    let f = plain_frame();
    let sa = test_sa(1);
    let mut wrong = sa.clone();
    wrong.key = vec![0xee; 16];
    // (validate, encrypted, valid ICV) -> (delivered, counter)
    let cases = [
        (flow::VALIDATE_STRICT, false, true, true, stats::IN_PKTS_OK),
        (flow::VALIDATE_STRICT, true, true, true, stats::IN_PKTS_OK),
        (
            flow::VALIDATE_STRICT,
            false,
            false,
            false,
            stats::IN_PKTS_NOT_VALID,
        ),
        (
            flow::VALIDATE_STRICT,
            true,
            false,
            false,
            stats::IN_PKTS_NOT_VALID,
        ),
        (flow::VALIDATE_CHECK, false, true, true, stats::IN_PKTS_OK),
        (flow::VALIDATE_CHECK, true, true, true, stats::IN_PKTS_OK),
        (
            flow::VALIDATE_CHECK,
            false,
            false,
            true,
            stats::IN_PKTS_INVALID,
        ),
        (
            flow::VALIDATE_CHECK,
            true,
            false,
            false,
            stats::IN_PKTS_NOT_VALID,
        ),
        (
            flow::VALIDATE_DISABLED,
            false,
            true,
            true,
            stats::IN_PKTS_UNCHECKED,
        ),
        (
            flow::VALIDATE_DISABLED,
            false,
            false,
            true,
            stats::IN_PKTS_UNCHECKED,
        ),
        (
            flow::VALIDATE_DISABLED,
            true,
            true,
            false,
            stats::IN_PKTS_NOT_VALID,
        ),
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
        assert_eq!(sa_counter(&mut b, 6, counter), 1, "{what}");
        if !valid && validate == flow::VALIDATE_STRICT {
            assert_eq!(o, Outcome::Drop(DropReason::NotValid(VerifyError::Auth)));
        }
    }
}

#[test]
fn sa_not_in_use_drops_in_strict_and_strips_otherwise() {
    let f = plain_frame();
    let sa = test_sa(1);
    for (validate, delivered, counter) in [
        (flow::VALIDATE_STRICT, false, stats::IN_PKTS_NOT_USING_SA),
        (flow::VALIDATE_CHECK, true, stats::IN_PKTS_UNUSED_SA),
    ] {
        let mut b = engine(true);
        rx_flow(&mut b, 1, &sa, true, validate, true);
        let ctrl = b.peek(macsec::sam_flow_ctrl(1));
        b.write(macsec::sam_flow_ctrl(1), ctrl & !flow::SA_IN_USE);
        let (o, out, _) = run(&mut b, &secure_frame(&sa, 3, false, &f));
        assert_eq!(matches!(o, Outcome::Forward(_)), delivered);
        if delivered {
            assert_eq!(out, f);
        }
        assert_eq!(sa_counter(&mut b, 1, counter), 1);
    }
}

#[test]
fn pn_exhaustion_raises_rollover_and_stops_the_sa() {
    let mut b = engine(false);
    tx_flow(&mut b, 2, &test_sa(0xffff_fffd), flow::CONF_PROTECT);
    b.write(
        macsec::INTR_CTRL_STATUS,
        u32::from(macsec::INTR_ROLLOVER | macsec::INTR_SEQ_THRESHOLD | macsec::INTR_PIN) << 16,
    );
    b.write(threshold::SEQ_NUM_THRESH, 0xffff_ffff);
    let f = plain_frame();
    let (o, _, intr) = run(&mut b, &f);
    assert_eq!((o, intr), (Outcome::Forward(f.len() + 8 + 16), 0));
    // The last PN: both events.
    let (o, out, intr) = run(&mut b, &f);
    assert_eq!(o, Outcome::Forward(f.len() + 8 + 16));
    assert_eq!(&out[16..20], &[0xff; 4]);
    assert_eq!(intr, macsec::INTR_ROLLOVER | macsec::INTR_SEQ_THRESHOLD);
    // What the C driver's interrupt handler reads: seq word 0xffffffff.
    assert_eq!(seq_word(&b, 2, 4, false), 0xffff_ffff);
    // No PN left: dropped, never wrapped.
    assert_eq!(run(&mut b, &f).0, Outcome::Drop(DropReason::PnExhausted));
    assert_eq!(seq_word(&b, 2, 4, false), 0xffff_ffff);
    assert_eq!(sa_counter(&mut b, 2, stats::OUT_PKTS_PN_EXHAUSTED), 1);
    assert_eq!(sa_counter(&mut b, 2, stats::OUT_PKTS_ENCRYPTED), 2);
}

#[test]
fn xpn_sa_carries_on_past_32_bits() {
    let mut b = engine(false);
    let mut sa = test_sa(0xffff_ffff);
    sa.xpn = Some((0x1234_5678, [7; 12]));
    tx_flow(&mut b, 1, &sa, flow::CONF_PROTECT | flow::INCLUDE_SCI);
    let f = plain_frame();
    let (o, out, intr) = run(&mut b, &f);
    assert_eq!((o, intr), (Outcome::Forward(f.len() + 32), 0));
    // Lower half 0 in the SecTAG, upper half in the record.
    assert_eq!(&out[16..20], &[0; 4]);
    let l = record::layout(4, false, true);
    assert_eq!(b.peek(macsec::xform_rec(1, l.seq)), 0);
    assert_eq!(b.peek(macsec::xform_rec(1, l.seq + 1)), 1);
    // A receiver with the same SA (next PN 2^32) accepts it.
    let mut rx = engine(true);
    let mut rsa = sa.clone();
    rsa.seq = 1 << 32;
    rx_flow(&mut rx, 0, &rsa, true, flow::VALIDATE_STRICT, true);
    assert_eq!(run(&mut rx, &out).1, f);
}

#[test]
fn oversize_frames_are_dropped_by_the_mtu_check() {
    let mut b = engine(false);
    tx_flow(&mut b, 1, &test_sa(1), 0);
    b.write(macsec::NON_VLAN_MTU_CHECK, 99 | 1 << 15);
    let f = plain_frame();
    assert_eq!(run(&mut b, &f).0, Outcome::Drop(DropReason::TooLong));
    assert_eq!(sa_counter(&mut b, 1, stats::OUT_PKTS_TOO_LONG), 1);
    b.write(macsec::NON_VLAN_MTU_CHECK, 100 | 1 << 15);
    assert!(matches!(run(&mut b, &f).0, Outcome::Forward(_)));
}

#[test]
fn non_match_lanes_follow_the_frame_class() {
    let mut b = engine(true);
    // Untagged frames pass, tagged ones are dropped.
    let lane_drop = 1 | DROP_INTERNAL;
    b.write(
        nm::FLOW_NCP,
        DROP_INTERNAL | lane_drop << 8 | DROP_INTERNAL << 16,
    );
    let f = plain_frame();
    assert_eq!(run(&mut b, &f).1, f);
    let tagged = secure_frame(&test_sa(0), 1, true, &f);
    assert_eq!(run(&mut b, &tagged).0, Outcome::Drop(DropReason::NonMatch));
    // A bad tag (V bit set) passes through its own lane.
    let mut bad = tagged.clone();
    bad[14] |= 0x80;
    assert_eq!(run(&mut b, &bad).1, bad);
    assert_eq!(global_counter(&mut b, stats::IN_PKTS_BAD_TAG), 1);
    assert_eq!(global_counter(&mut b, stats::NON_MATCH_PASS), 2);
    // Drop action "no drop" lets a dropping lane's frames through.
    b.write(nm::FLOW_NCP, (1 | flow::DROP_NONE << 6) << 8);
    assert_eq!(run(&mut b, &tagged).1, tagged);
    // A frame shorter than an Ethernet header is dropped.
    assert_eq!(run(&mut b, &f[..13]).0, Outcome::Drop(DropReason::Runt));
}

#[test]
fn bad_records_and_flows_are_transform_errors() {
    let f = plain_frame();
    let mut b = engine(false);
    tx_flow(&mut b, 1, &test_sa(1), 0);
    // An ingress record in the egress engine.
    b.write(macsec::xform_rec(1, 0), CTL_INGRESS);
    assert!(matches!(
        run(&mut b, &f).0,
        Outcome::Drop(DropReason::Record(_))
    ));
    // An ingress flow in the egress engine.
    let ctrl = b.peek(macsec::sam_flow_ctrl(1));
    b.write(macsec::sam_flow_ctrl(1), ctrl & !3 | flow::TYPE_INGRESS);
    assert_eq!(run(&mut b, &f).0, Outcome::Drop(DropReason::WrongFlowType));
    assert_eq!(global_counter(&mut b, stats::TRANSFORM_ERROR), 2);
    // A drop flow.
    b.write(macsec::sam_flow_ctrl(1), flow::TYPE_DROP | DROP_INTERNAL);
    assert_eq!(run(&mut b, &f).0, Outcome::Drop(DropReason::DropFlow));
    // Egress flow with protectFrames off passes in clear.
    tx_flow(&mut b, 1, &test_sa(1), 0);
    let ctrl = b.peek(macsec::sam_flow_ctrl(1));
    b.write(macsec::sam_flow_ctrl(1), ctrl & !flow::PROTECT_FRAME);
    assert_eq!(run(&mut b, &f).1, f);
    assert_eq!(global_counter(&mut b, stats::OUT_PKTS_UNTAGGED), 1);
}

#[test]
fn counters_clear_on_read_and_saturate() {
    let mut b = engine(false);
    tx_flow(&mut b, 1, &test_sa(1), 0);
    let f = plain_frame();
    run(&mut b, &f);
    run(&mut b, &f);
    assert_eq!(sa_counter(&mut b, 1, stats::OUT_PKTS_PROTECTED), 2);
    assert_eq!(sa_counter(&mut b, 1, stats::OUT_OCTETS_PROTECTED), 2 * 88);
    assert_eq!(sa_counter(&mut b, 1, stats::OUT_PKTS_PROTECTED), 0);
    assert_eq!(sa_counter(&mut b, 1, stats::OUT_OCTETS_PROTECTED), 0);

    // 40-bit counters: preset to the maximum through DEBUG_ACCESS, then one
    // more frame wraps to 0, or stays at the maximum with SATURATE.
    let pkts = macsec::SA_STATS + macsec::SA_STATS_STRIDE + stats::OUT_PKTS_PROTECTED;
    for (saturate, want) in [(false, 0), (true, 0xff_ffff_ffff)] {
        b.write(macsec::COUNT_CONTROL, macsec::COUNT_CONTROL_DEBUG_ACCESS);
        b.write(pkts, 0xffff_ffff);
        b.write(pkts + 1, 0xff);
        let sat = if saturate {
            macsec::COUNT_CONTROL_SATURATE
        } else {
            0
        };
        b.write(
            macsec::COUNT_CONTROL,
            macsec::COUNT_CONTROL_AUTO_CNTR_RESET | sat,
        );
        run(&mut b, &f);
        assert_eq!(sa_counter(&mut b, 1, stats::OUT_PKTS_PROTECTED), want);
    }
}

#[test]
fn debugfs_views_show_registers_and_counters_without_clearing_them() {
    let mut b = engine(false);
    tx_flow(&mut b, 1, &test_sa(1), flow::CONF_PROTECT);
    run(&mut b, &plain_frame());
    let mut regs = String::new();
    dump_registers(&b, &mut regs).unwrap();
    assert!(regs.contains("0x0800 0x00001601\n"), "{regs}");
    assert!(regs.contains("0x1c01 0x8003008b\n"), "{regs}");
    let mut counters = String::new();
    dump_counters(&b, &mut counters).unwrap();
    assert!(counters.starts_with("TransformError 0\n"), "{counters}");
    assert!(counters.contains("sa1 OutPktsEncrypted 1\n"), "{counters}");
    assert!(
        counters.contains("sa1 OutOctetsEncrypted 88\n"),
        "{counters}"
    );
    // Looking did not clear them.
    assert_eq!(sa_counter(&mut b, 1, stats::OUT_PKTS_ENCRYPTED), 1);
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
