// SPDX-License-Identifier: GPL-2.0

//! Classification before the transform, programmed over the bus as MESA
//! documents it: VLAN tag parsing and matching (Q-in-Q, STAG, priority
//! map), the order of the address octet masks, the MACsec classes and the
//! control packet classifier with its reset constants.

mod common;

use common::bench::*;
use common::eip160::{class, flow, sam, stats};
use rsmacsec_host::engine::datapath::{DropReason, Outcome};
use rsmacsec_host::regs::macsec_bank::MacsecBank;
use stats::{eg, ig};

/// An egress engine whose only flow, entry 0, bypasses frames matching
/// `misc` / `mask` (and `extra` words), with non-matching frames dropped:
/// whether a frame gets through tells whether the entry matched.
fn matcher(misc: u32, mask: u32, words: &[(u16, u32)]) -> MacsecBank {
    let mut b = engine(false);
    set_nm(&mut b, true);
    for (addr, v) in words {
        b.write(*addr, *v);
    }
    b.write(sam::misc(0), misc | sam::misc::priority(1));
    b.write(sam::mask(0), mask);
    b.write(flow::ctrl(0), flow::TYPE_BYPASS);
    b.write(sam::ENTRY_SET1, 1);
    b
}

fn hits(b: &mut MacsecBank, frame: &[u8]) -> bool {
    match run(b, frame).0 {
        Outcome::Forward(_) => true,
        Outcome::Drop(DropReason::NonMatch) => false,
        o => panic!("{o:?}"),
    }
}

#[test]
fn address_masks_select_octets_last_octet_first() {
    let f = plain_frame(); // DA 02:00:00:00:00:02, SA 00:11:22:33:44:55
                           // DA octet 0 (0x02) sits in bits 7:0 of MAC_DA_MATCH_LO; mask bit 5
                           // compares it (bit 0 is the last octet, `ingr.h:858-860`).
    let mut b = matcher(
        sam::misc::UNTAGGED,
        sam::mask::da(1 << 5),
        &[(sam::da_lo(0), 0x0000_0002)],
    );
    assert!(hits(&mut b, &f));
    let mut other = f.clone();
    other[0] = 0x04;
    assert!(!hits(&mut b, &other));
    // Only the last DA octet (0x02, bits 15:8 of MAC_DA_MATCH_HI) with bit 0.
    let mut b = matcher(
        sam::misc::UNTAGGED,
        sam::mask::da(1),
        &[(sam::da_hi(0), 0x0000_0200)],
    );
    assert!(hits(&mut b, &f));
    other = f.clone();
    other[5] = 0x03;
    assert!(!hits(&mut b, &other));
    other = f.clone();
    other[0] = 0x04;
    assert!(hits(&mut b, &other), "octet 0 is not compared");
    // The full source address.
    let mut b = matcher(
        sam::misc::UNTAGGED,
        sam::mask::sa(0x3f),
        &[(sam::sa_lo(0), 0x3322_1100), (sam::sa_hi(0), 0x0000_5544)],
    );
    assert!(hits(&mut b, &f));
    other = f.clone();
    other[11] = 0x56;
    assert!(!hits(&mut b, &other));
}

#[test]
fn vlan_tags_are_parsed_as_cp_tag_and_pp_tags_say() {
    let f = plain_frame();
    let q = with_tag(&f, 0x8100, 5, 100);
    let s = with_tag(&f, 0x88a8, 2, 200);
    let qinq = with_tag(&s, 0x8100, 6, 300);
    let qinq = {
        // Outer STAG 200 prio 2, inner QTAG 300 prio 6.
        let mut v = s[..16].to_vec();
        v.extend(0x8100u16.to_be_bytes());
        v.extend((6u16 << 13 | 300).to_be_bytes());
        v.extend(&s[16..]);
        assert_ne!(v, qinq);
        v
    };
    // VLAN valid + QTAG valid, VLAN ID 100 (MAC_DA_MATCH_HI bits 27:16).
    let misc = sam::misc::UNTAGGED | sam::misc::VLAN_VALID | sam::misc::QTAG_VALID;
    let mask = sam::mask::VLAN_VLD | sam::mask::QTAG_VLD | sam::mask::VLAN_ID;
    let mut b = matcher(misc, mask, &[(sam::da_hi(0), 100 << 16)]);
    assert!(hits(&mut b, &q));
    assert!(!hits(&mut b, &f));
    assert!(!hits(&mut b, &s), "a STAG is not a QTAG");
    assert!(!hits(&mut b, &with_tag(&f, 0x8100, 5, 101)));
    // The C driver parses QTAGs; without PARSE_QTAG the tag is payload.
    b.write(class::CP_TAG, class::CP_TAG_PARSE_STAG);
    assert!(!hits(&mut b, &q));

    // STAG, then Q-in-Q with the inner tag's ID and priority (EXT_MATCH).
    let misc = sam::misc::UNTAGGED
        | sam::misc::VLAN_VALID
        | sam::misc::STAG_VALID
        | sam::misc::QINQ_FOUND
        | sam::misc::up(2);
    let mask = sam::mask::STAG_VLD
        | sam::mask::QINQ_FOUND
        | sam::mask::VLAN_UP
        | sam::mask::VLAN_ID_INNER
        | sam::mask::VLAN_UP_INNER;
    let mut b = matcher(misc, mask, &[(sam::ext(0), 6 << 12 | 300)]);
    assert!(hits(&mut b, &qinq));
    assert!(!hits(&mut b, &s), "no inner tag");
    // Without PARSE_QINQ the inner tag is not looked at.
    b.write(
        class::CP_TAG,
        class::CP_TAG_PARSE_STAG | class::CP_TAG_PARSE_QTAG,
    );
    assert!(!hits(&mut b, &qinq));

    // The second and third STAG EtherTypes (reset 0x9100, 0x9200).
    let misc = sam::misc::UNTAGGED | sam::misc::STAG_VALID;
    let mut b = matcher(misc, sam::mask::STAG_VLD, &[]);
    assert!(hits(&mut b, &with_tag(&f, 0x9100, 0, 1)));
    assert!(hits(&mut b, &with_tag(&f, 0x9200, 0, 1)));
    assert!(!hits(&mut b, &with_tag(&f, 0x9300, 0, 1)));
    // SAM_PP_TAGS holds them byte-swapped: the first STAG as 0x9300.
    b.write(0x1e41, 0x0093_0081);
    assert!(hits(&mut b, &with_tag(&f, 0x9300, 0, 1)));
    assert!(!hits(&mut b, &s));
}

#[test]
fn the_priority_map_and_default_priority_feed_the_up_match() {
    let f = plain_frame();
    // Map priority 5 to 1, every other one to 0, for QTAGs.
    let cp_tag = class::CP_TAG_PARSE_QTAG
        | class::CP_TAG_QTAG_UP_EN
        | class::cp_tag_map(5, 1)
        | class::cp_tag_def_up(4);
    let misc = sam::misc::UNTAGGED | sam::misc::up(1);
    let mut b = matcher(misc, sam::mask::VLAN_UP, &[(class::CP_TAG, cp_tag)]);
    assert!(hits(&mut b, &with_tag(&f, 0x8100, 5, 1)));
    assert!(!hits(&mut b, &with_tag(&f, 0x8100, 1, 1)), "1 maps to 0");
    // Untagged frames take DEF_UP.
    b.write(
        sam::misc(0),
        sam::misc::UNTAGGED | sam::misc::up(4) | sam::misc::priority(1),
    );
    assert!(hits(&mut b, &f));
    // Without QTAG_UP_EN the priority is the tag's own.
    b.write(class::CP_TAG, class::CP_TAG_PARSE_QTAG);
    assert!(hits(&mut b, &with_tag(&f, 0x8100, 4, 1)));
    assert!(!hits(&mut b, &with_tag(&f, 0x8100, 5, 1)));
}

#[test]
fn vlan_counters_count_by_priority() {
    let f = plain_frame();
    let mut b = engine(false);
    tx_flow(&mut b, 0, &Sa::test(1), 0);
    let q = with_tag(&f, 0x8100, 3, 10);
    run(&mut b, &q);
    run(&mut b, &q);
    assert_eq!(vlan_ctr(&mut b, 3, stats::vl::PKTS), 2);
    assert_eq!(vlan_ctr(&mut b, 3, stats::vl::OCTETS), 2 * (104 + 24));
    // Over the priority's own MTU: dropped, counted on the VLAN set.
    b.write(0x3c43, 120 | 1 << 15);
    assert_eq!(run(&mut b, &q).0, Outcome::Drop(DropReason::TooLong));
    assert_eq!(vlan_ctr(&mut b, 3, stats::vl::OVERSIZE), 1);
    assert_eq!(vlan_ctr(&mut b, 3, stats::vl::DROPPED), 1);
    assert_eq!(glob(&mut b, eg::OVERSIZE), 0);
    assert_eq!(vlan_ctr(&mut b, 0, stats::vl::PKTS), 0);
}

#[test]
fn the_kay_class_and_tci_an_bits_are_matched() {
    let f = plain_frame();
    let sa = Sa::test(0);
    // E=1, C=0 is not a legal 802.1AE tag for data: a frame for the KaY
    // when CHECK_KAY (reset 1) is on.
    let mut kay = secure_frame(&sa, 1, false, &f);
    kay[14] |= 0x08;
    let mut b = engine(true);
    set_nm(&mut b, true);
    b.write(sam::misc(0), sam::misc::KAY_TAG | sam::misc::priority(1));
    b.write(flow::ctrl(0), flow::TYPE_BYPASS);
    b.write(sam::ENTRY_SET1, 1);
    assert_eq!(run(&mut b, &kay).1, kay);
    let tagged = secure_frame(&sa, 1, false, &f);
    assert_eq!(run(&mut b, &tagged).0, Outcome::Drop(DropReason::NonMatch));
    // TCI/AN compare per bit: the TCI's SC bit (field bit 3) and AN 0.
    b.write(
        sam::misc(0),
        sam::misc::TAGGED | sam::misc::tci(1 << 3) | sam::misc::priority(1),
    );
    b.write(sam::mask(0), sam::mask::tci(1 << 3) | sam::mask::an(3));
    assert_eq!(run(&mut b, &tagged).1, tagged);
    let mut no_sc = sa.clone();
    no_sc.an = 1;
    let other = secure_frame(&no_sc, 1, false, &f);
    assert_eq!(run(&mut b, &other).0, Outcome::Drop(DropReason::NonMatch));
}

/// An ingress engine where control packets no entry matches are dropped and
/// other frames pass: whether a frame gets through tells whether it was
/// classified as a control packet.
fn cp_bench(words: &[(u16, u32)]) -> MacsecBank {
    let mut b = engine(true);
    let drop_all = (0..4).fold(0, |acc, c| {
        acc | class::nm_lane(c, true, flow::PORT_UNCONTROLLED, flow::DROP_INTERNAL)
    });
    b.write(class::NM_FLOW_CP, drop_all);
    for (a, v) in words {
        b.write(*a, *v);
    }
    b
}

fn is_control(b: &mut MacsecBank, frame: &[u8]) -> bool {
    let before = b.peek(stats::GLOBAL + ig::CTRL);
    let dropped = matches!(run(b, frame).0, Outcome::Drop(DropReason::NonMatch));
    assert_eq!(
        b.peek(stats::GLOBAL + ig::CTRL) - before,
        u32::from(dropped)
    );
    dropped
}

fn to(da: [u8; 6], etype: u16) -> Vec<u8> {
    let mut f = plain_frame();
    f[..6].copy_from_slice(&da);
    f[12..14].copy_from_slice(&etype.to_be_bytes());
    f
}

#[test]
fn control_packet_rules_match_addresses_and_ethertypes() {
    const PAE: [u8; 6] = [0x01, 0x80, 0xc2, 0x00, 0x00, 0x03];
    // Nothing is a control packet until a rule is enabled.
    let mut b = cp_bench(&[]);
    assert!(!is_control(&mut b, &to(PAE, 0x888e)));
    // Rule 2 by address: octets 0-3 in the first word (octet 0 in bits 7:0),
    // 4-5 in the second with the byte-swapped EtherType above.
    let mut b = cp_bench(&[
        (class::cp_da(2), 0x00c2_8001),
        (class::cp_da_et(2), 0x8e88_0300),
        (class::CP_MATCH_ENABLE, class::cp_da_enable(2)),
    ]);
    assert!(is_control(&mut b, &to(PAE, 0x0800)));
    assert!(!is_control(
        &mut b,
        &to([0x01, 0x80, 0xc2, 0, 0, 4], 0x888e)
    ));
    // Rule 2 by EtherType only.
    b.write(class::CP_MATCH_ENABLE, class::cp_etype_enable(2));
    assert!(is_control(&mut b, &to([2; 6], 0x888e)));
    assert!(!is_control(&mut b, &to(PAE, 0x0800)));
    // Rule 8 needs both.
    b.write(class::cp_da(8), 0x00c2_8001);
    b.write(class::cp_da_et(8), 0x8e88_0300);
    b.write(class::CP_MATCH_ENABLE, class::cp_comb_enable(8));
    assert!(is_control(&mut b, &to(PAE, 0x888e)));
    assert!(!is_control(&mut b, &to(PAE, 0x0800)));
    assert!(!is_control(&mut b, &to([2; 6], 0x888e)));
    // EtherType after a VLAN tag with ETYPE_SEL, with the tag parsed.
    b.write(class::CP_MATCH_ENABLE, class::cp_etype_enable(2));
    let tagged = with_tag(&to([2; 6], 0x888e), 0x8100, 0, 5);
    assert!(!is_control(&mut b, &tagged));
    b.write(class::CP_MATCH_MODE, class::cp_etype_after_vlan(2));
    assert!(is_control(&mut b, &tagged));
    // Range: 01-80-C2-00-00-10 to 01-80-C2-00-00-1F.
    let mut b = cp_bench(&[
        (class::CP_DA_START_LO, 0x00c2_8001),
        (class::CP_DA_START_HI, 0x1000),
        (class::CP_DA_END_LO, 0x00c2_8001),
        (class::CP_DA_END_HI, 0x1f00),
        (class::CP_MATCH_ENABLE, class::CP_RANGE_ENABLE),
    ]);
    assert!(is_control(
        &mut b,
        &to([0x01, 0x80, 0xc2, 0, 0, 0x1f], 0x0800)
    ));
    assert!(!is_control(
        &mut b,
        &to([0x01, 0x80, 0xc2, 0, 0, 0x20], 0x0800)
    ));
    assert!(!is_control(
        &mut b,
        &to([0x01, 0x80, 0xc2, 0, 0, 0x0f], 0x0800)
    ));
}

#[test]
fn control_packet_constants_reset_to_the_bridge_and_cisco_groups() {
    // The 44-bit constant resets to 01-80-C2-00-00-0x, the 48-bit one to
    // 01-00-0C-CC-CC-CC (`ingr.h:1544-1593`); only enables are needed.
    let mut b = cp_bench(&[(class::CP_MATCH_ENABLE, class::CP_44_ENABLE)]);
    for last in [0x00, 0x03, 0x0e, 0x0f] {
        assert!(is_control(
            &mut b,
            &to([0x01, 0x80, 0xc2, 0, 0, last], 0x0800)
        ));
    }
    assert!(!is_control(
        &mut b,
        &to([0x01, 0x80, 0xc2, 0, 0, 0x10], 0x0800)
    ));
    let mut b = cp_bench(&[(class::CP_MATCH_ENABLE, class::CP_48_ENABLE)]);
    assert!(is_control(
        &mut b,
        &to([0x01, 0x00, 0x0c, 0xcc, 0xcc, 0xcc], 0x2000)
    ));
    assert!(!is_control(
        &mut b,
        &to([0x01, 0x00, 0x0c, 0xcc, 0xcc, 0xcd], 0x2000)
    ));
}

#[test]
fn control_packets_can_be_matched_by_sam_entries() {
    // MESA's MKA bypass rule: a SAM entry with the control packet flag.
    let mut b = engine(false);
    b.write(class::CP_MATCH_ENABLE, class::CP_44_ENABLE);
    set_nm(&mut b, true);
    b.write(
        sam::misc(0),
        sam::misc::UNTAGGED | sam::misc::CONTROL_PACKET | sam::misc::priority(2),
    );
    b.write(sam::mask(0), sam::mask::CTL_PACKET);
    b.write(flow::ctrl(0), flow::TYPE_BYPASS);
    b.write(sam::ENTRY_SET1, 1);
    let bpdu = to([0x01, 0x80, 0xc2, 0, 0, 0], 0x0026);
    assert_eq!(run(&mut b, &bpdu).1, bpdu);
    assert_eq!(glob(&mut b, eg::CTRL), 1);
    assert_eq!(
        run(&mut b, &plain_frame()).0,
        Outcome::Drop(DropReason::NonMatch)
    );
    // Control packets no entry takes follow SAM_NM_FLOW_CP, not _NCP.
    b.write(sam::ENTRY_CLEAR1, 1);
    b.write(class::NM_FLOW_CP, 0);
    assert_eq!(run(&mut b, &bpdu).1, bpdu);
    assert_eq!(glob(&mut b, eg::UNKNOWN_SA), 1, "the plain frame only");
}
