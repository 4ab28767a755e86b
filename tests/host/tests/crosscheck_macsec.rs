// SPDX-License-Identifier: GPL-2.0

//! The encodings the driver's MACsec logic added to `hw/eip160.rs` against the simulator's
//! register description, field by field (as `crosscheck.rs` does for the rest), and the record
//! control words against MESA's constants.

use rsmacsec_host::hw::eip160 as d;
use rsmacsec_host::hw::regs::macsec as dm;
use rsmacsec_host::regdesc as s;
use rsmacsec_host::regdesc::Field;

fn bit(f: Field) -> u32 {
    assert_eq!(f.width, 1, "{f:?}");
    f.mask()
}

#[test]
fn sam_words_tci_and_ports() {
    assert_eq!(d::sam::EXT, s::sam::EXT_MATCH);
    assert_eq!(d::sam::WORDS, s::sam::EXT_MATCH + 1);
    assert_eq!(d::sam::ETYPE_SHIFT, s::sam::sa_hi::ETHER_TYPE.lsb);
    assert_eq!(d::sam::VLAN_ID_SHIFT, s::sam::da_hi::VLAN_ID.lsb);
    assert_eq!(
        d::sam::VLAN_ID_MASK << d::sam::VLAN_ID_SHIFT,
        s::sam::da_hi::VLAN_ID.mask()
    );
    // The TCI field holds the TCI octet's bits 7:2.
    assert_eq!(s::sam::misc::TCI.width, 6);
    assert_eq!(d::sam::misc::TCI_SHIFT, s::sam::misc::TCI.lsb);
    assert_eq!(d::sam::tci::SC << 2, 0x20);
    assert_eq!(d::sam::tci::ES << 2, 0x40);
    assert_eq!(
        d::sam::mask::MAC_ALL_OCTETS,
        s::sam::mask::MAC_SA_MASK.mask()
    );
    assert_eq!(d::flow::PORT_CONTROLLED, s::sam::flow::PORT_CONTROLLED);
    assert_eq!(d::flow::PORT_UNCONTROLLED, s::sam::flow::PORT_UNCONTROLLED);
    assert_eq!(d::flow::PORT_COMMON, 0);
}

#[test]
fn non_match_flows_params_and_misc_control() {
    use s::classifier::{misc_control, nm_lane, nm_params};
    assert_eq!(d::nm::LANE_DEST_PORT_SHIFT, nm_lane::DEST_PORT.lsb);
    assert_eq!(d::nm::LANE_DROP_ACTION_SHIFT, nm_lane::DROP_ACTION.lsb);
    assert_eq!(d::nm::LANE_DROP, bit(nm_lane::FLOW_TYPE));
    assert_eq!(
        [
            d::nm::LANE_UNTAGGED,
            d::nm::LANE_TAGGED,
            d::nm::LANE_BAD_TAG,
            d::nm::LANE_KAY
        ]
        .map(|l| d::nm::LANE_SHIFT[l]),
        nm_lane::SHIFT
    );
    let p = [
        (d::nm::params::COMP_ETYPE, nm_params::COMP_ETYPE),
        (d::nm::params::CHECK_V, nm_params::CHECK_V),
        (d::nm::params::CHECK_KAY, nm_params::CHECK_KAY),
        (d::nm::params::CHECK_C_E, nm_params::CHECK_C_E),
        (d::nm::params::CHECK_SC, nm_params::CHECK_SC),
        (d::nm::params::CHECK_SL, nm_params::CHECK_SL),
        (d::nm::params::CHECK_PN, nm_params::CHECK_PN),
    ];
    for (drv, sim) in p {
        assert_eq!(drv, bit(sim));
    }
    assert_eq!(
        d::nm::params::MACSEC_ETYPE_SWAPPED << d::nm::params::ETYPE_SHIFT,
        nm_params::MACSEC_TAG_VALUE.put(0xe588)
    );
    assert_eq!(d::nm::PARAMS, s::classifier::SAM_NM_PARAMS);
    assert_eq!(
        d::nm::MC_LATENCY_FIX_MASK,
        misc_control::MC_LATENCY_FIX.mask()
    );
    assert_eq!(d::nm::NM_MACSEC_EN, bit(misc_control::NM_MACSEC_EN));
    assert_eq!(
        d::nm::MISC_VALIDATE_SHIFT,
        misc_control::VALIDATE_FRAMES.lsb
    );
    assert_eq!(
        d::nm::XFORM_REC_SIZE_SHIFT,
        misc_control::XFORM_REC_SIZE.lsb
    );
}

#[test]
fn control_packet_classifier() {
    use s::classifier as c;
    for i in 0..10 {
        assert_eq!(d::cp::mac_da_match(i), c::cp_mac_da_match(i));
        assert_eq!(d::cp::mac_da_et_match(i), c::cp_mac_da_et_match(i));
    }
    assert_eq!(d::cp::ETYPE_SHIFT, c::cp_da_et::ETHER_TYPE_MATCH.lsb);
    assert_eq!(d::cp::MATCH_MODE, c::CP_MATCH_MODE);
    assert_eq!(d::cp::MATCH_ENABLE, c::CP_MATCH_ENABLE);
    assert_eq!(
        d::cp::MODE_ETYPE_SEL_SHIFT,
        c::cp_mode::ETYPE_SEL_9_TO_0.lsb
    );
    assert_eq!(
        d::cp::ENABLE_ETYPE_SHIFT,
        c::cp_enable::ETYPE_ENABLE_7_TO_0.lsb
    );
    assert_eq!(
        d::cp::ETYPE_RULES as u32,
        c::cp_enable::ETYPE_ENABLE_7_TO_0.width
    );
}

#[test]
fn record_control_words_are_mesas() {
    use s::xform::control as c;
    assert_eq!(d::record::IV0, bit(c::IV0));
    assert_eq!(d::record::IV1, bit(c::IV1));
    assert_eq!(d::record::IV2, bit(c::IV2));
    assert_eq!(d::record::IV_IN_SEQ, bit(c::IV_IN_SEQ));
    assert_eq!(d::record::ENCRYPT_AUTH, bit(c::ENCRYPT_AUTH));
    assert_eq!(d::record::KEY_IN_CTX, bit(c::KEY_IN_CTX));
    assert_eq!(d::record::DIGEST_TYPE_SHIFT, c::DIGEST_TYPE.lsb);
    assert_eq!(d::record::AUTH_ALG_SHIFT, c::AUTH_ALG.lsb);
    assert_eq!(d::record::SEQ_MASK, bit(c::SEQ_MASK));
    assert_eq!(d::record::CONTEXT_ID_BIT, bit(c::CONTEXT_ID));
    // MESA's words (`get_xform_value`), the algorithm and AN bits 0.
    assert_eq!(d::record::control_egress(0, 0, false), 0x9241_e066);
    assert_eq!(d::record::control_egress(0, 0, true), 0xa241_e066);
    assert_eq!(d::record::control_ingress(0, false), 0xd241_e06f);
    assert_eq!(d::record::control_ingress(0, true), 0xe241_a0ef);
    assert_eq!(
        d::record::control_egress(d::record::ALG_AES256, 3, false),
        0x9241_e066 | 7 << 17 | 3 << 26
    );
    assert_eq!(d::record::context_words(true), s::xform::INGRESS_WORDS);
    assert_eq!(d::record::context_words(false), s::xform::EGRESS_WORDS);
}

#[test]
fn next_pn_in_flight_and_setup() {
    use s::crypto::next_pn_ctrl as n;
    assert_eq!(d::next_pn::WRITTEN, bit(n::NEXT_PN_WRITTEN));
    assert_eq!(d::next_pn::SEQ_NUM_SIZE, bit(n::SEQ_NUM_SIZE));
    assert_eq!(d::next_pn::CTX_ADDR_SHIFT, n::NEXT_PN_CTX_ADDR.lsb);
    assert_eq!(dm::NEXT_PN_CTRL_ENABLE_UPDATE, bit(n::ENABLE_UPDATE));
    // MESA's formula for ingress AES-128 (`api.c`: (record * 80 + 10 * 4) >> 4).
    assert_eq!(d::next_pn::ctx_addr(3, 10, true), (3 * 80 + 40) >> 4);
    assert_eq!(d::next_pn::ctx_addr(3, 10, false), (3 * 96 + 40) >> 4);
    assert_eq!(d::in_flight::UNSAFE_MASK, s::sam::in_flight::UNSAFE.mask());

    assert_eq!(d::setup::FC_CFG, s::ctl::FC_CFG);
    assert_eq!(d::setup::PP_CTRL, s::postproc::PP_CTRL);
    assert_eq!(
        d::setup::PP_CTRL_MACSEC_OCTET_INCR_MODE,
        bit(s::postproc::pp_ctrl::MACSEC_OCTET_INCR_MODE)
    );
    assert_eq!(d::setup::IG_CC_CONTROL, s::postproc::IG_CC_CONTROL);
    assert_eq!(
        d::setup::IG_CC_NON_MATCH_ACT,
        bit(s::postproc::ig_cc_control::NON_MATCH_ACT)
    );
    assert_eq!(
        d::setup::IG_CC_NON_MATCH_CTRL_ACT,
        bit(s::postproc::ig_cc_control::NON_MATCH_CTRL_ACT)
    );
    assert_eq!(d::setup::IG_CP_TAG, s::postproc::IG_CP_TAG);
    assert_eq!(d::setup::SAM_CP_TAG, s::classifier::SAM_CP_TAG);
    use s::classifier::cp_tag;
    assert_eq!(d::setup::CP_TAG_PARSE_QINQ, bit(cp_tag::PARSE_QINQ));
    assert_eq!(d::setup::CP_TAG_PARSE_STAG, bit(cp_tag::PARSE_STAG));
    assert_eq!(d::setup::CP_TAG_PARSE_QTAG, bit(cp_tag::PARSE_QTAG));
    assert_eq!(d::setup::MTU_COMPARE_MASK, s::postproc::mtu::COMPARE.mask());
    assert_eq!(d::setup::MTU_COMP_DROP, bit(s::postproc::mtu::COMP_DROP));
    assert_eq!(
        d::setup::ENA_CFG_SPEED_MODE_SHIFT,
        s::ctl::ena_cfg::MACSEC_SPEED_MODE.lsb
    );
    use s::crypto::context_ctrl;
    assert_eq!(
        context_ctrl::CTX_SIZE.get(d::setup::CONTEXT_CTRL_INGRESS),
        u32::from(d::record::context_words(true))
    );
    assert_eq!(
        context_ctrl::CTX_SIZE.get(d::setup::CONTEXT_CTRL_EGRESS),
        u32::from(d::record::context_words(false))
    );
}
