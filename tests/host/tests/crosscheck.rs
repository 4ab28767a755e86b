// SPDX-License-Identifier: GPL-2.0

//! The driver's hardware description (`drivers/net/phy/vsc8584/hw/`)
//! against the simulator's (`drivers/net/vsc8584_sim/regdesc/`), field by
//! field wherever both define one.
//!
//! The two are written separately from MESA and the C driver and share no
//! code, so they agree here only by both being right (or by both citing the
//! same wrong line, which `tests/regmap.rs` checks against MESA's tables for
//! the simulator's side). A field only one of them has is not compared.

use rsmacsec_host::hw::eip160 as d;
use rsmacsec_host::hw::regs as dr;
use rsmacsec_host::regdesc as s;
use rsmacsec_host::regdesc::stats::Counter;
use rsmacsec_host::regdesc::Field;

/// A field of the simulator as the driver writes it: a one-bit mask.
fn bit(f: Field) -> u32 {
    assert_eq!(f.width, 1, "{f:?}");
    f.mask()
}

/// The value `v` in field `f`, as a driver's `x << SHIFT` writes it.
fn at(f: Field, v: u32) -> u32 {
    f.put(v)
}

#[test]
fn mdio_pages_window_and_targets() {
    use s::mdio;
    assert_eq!(dr::PHY_ID_VSC8584, mdio::PHY_ID_VSC8584);
    assert_eq!(dr::EXT_PAGE_ACCESS, mdio::PAGE_REG);
    let pages = [
        (dr::page::STANDARD, mdio::page::STANDARD),
        (dr::page::EXTENDED, mdio::page::EXT1),
        (dr::page::EXTENDED2, mdio::page::EXT2),
        (dr::page::EXTENDED3, mdio::page::EXT3),
        (dr::page::EXTENDED4, mdio::page::EXT4),
        (dr::page::GPIO, mdio::page::GPIO),
        (dr::page::PTP1588, mdio::page::PTP1588),
        (dr::page::TEST, mdio::page::TEST),
        (dr::page::TOKEN_RING, mdio::page::TOKEN_RING),
    ];
    for (drv, sim) in pages {
        assert_eq!(drv, sim);
    }
    assert_eq!(
        (
            dr::window::DATA_LO,
            dr::window::DATA_HI,
            dr::window::CMD,
            dr::window::TARGET
        ),
        (
            mdio::window::DATA_LO,
            mdio::window::DATA_HI,
            mdio::window::CMD,
            mdio::window::TARGET
        )
    );
    assert_eq!(dr::window::CMD_START, mdio::window::CMD_START);
    assert_eq!(dr::window::CMD_READ, mdio::window::CMD_READ);
    let banks = [
        (dr::Bank::FcBuffer, mdio::target::FC_BUFFER),
        (dr::Bank::HostMac, mdio::target::HOST_MAC),
        (dr::Bank::LineMac, mdio::target::LINE_MAC),
        (dr::Bank::MacroCtrl, mdio::target::MACRO_CTRL),
        (dr::Bank::Proc0, mdio::target::PROC_0),
        (dr::Bank::Proc2, mdio::target::PROC_2),
        (dr::Bank::MacsecIngress, mdio::target::MACSEC_INGR),
        (dr::Bank::MacsecEgress, mdio::target::MACSEC_EGR),
    ];
    for (drv, sim) in banks {
        assert_eq!(drv as u8, sim, "{drv:?}");
        let max = if drv.is_macsec() {
            mdio::window::ADDR_MACSEC
        } else {
            mdio::window::ADDR_CSR
        };
        assert_eq!(drv.max_addr(), max, "{drv:?}");
    }
}

#[test]
fn mdio_registers_and_bits() {
    use s::mdio::{ext1, ext2, gpio, mii, ptp};
    let regs = [
        (dr::mii::BMCR, mii::BMCR),
        (dr::mii::BMSR, mii::BMSR),
        (dr::mii::PHYSID1, mii::PHYSID1),
        (dr::mii::PHYSID2, mii::PHYSID2),
        (dr::mii::ADVERTISE, mii::ADVERTISE),
        (dr::mii::LPA, mii::LPA),
        (dr::mii::CTRL1000, mii::CTRL1000),
        (dr::mii::STAT1000, mii::STAT1000),
        (dr::mii::ESTATUS, mii::ESTATUS),
        (dr::mii::EXT_CNTL_STATUS, mii::EXT_CNTL_STATUS),
        (dr::mii::INT_MASK, mii::INT_MASK),
        (dr::mii::INT_STATUS, mii::INT_STATUS),
        (dr::ext1::ACTIPHY_CNTL, ext1::ACTIPHY_CNTL),
        (dr::ext1::EXT_PHY_CNTL_4, ext1::EXT_PHY_CNTL_4),
        (dr::ext1::VERIPHY_CNTL_2, ext1::VERIPHY_CNTL_2),
        (dr::ext1::VERIPHY_CNTL_3, ext1::VERIPHY_CNTL_3),
        (dr::ext2::EXTENDED_INT, ext2::EXTENDED_INT),
        (dr::gpio::DW8051_CNTL_STATUS, gpio::DW8051_CNTL_STATUS),
        (dr::gpio::INT_MEM_ADDR, gpio::INT_MEM_ADDR),
        (dr::gpio::INT_MEM_CNTL, gpio::INT_MEM_CNTL),
        (dr::gpio::PROC_CMD, gpio::PROC_CMD),
        (dr::ptp::BIU_ADDR_CNTL, ptp::BIU_ADDR_CNTL),
        (dr::ptp::CSR_DATA_LSB, ptp::CSR_DATA_LSB),
        (dr::ptp::CSR_DATA_MSB, ptp::CSR_DATA_MSB),
    ];
    for (k, (drv, sim)) in regs.iter().enumerate() {
        assert_eq!(drv, sim, "register pair {k}");
    }
    let bits = [
        (dr::mii::BMCR_RESET, mii::BMCR_RESET),
        (dr::mii::BMCR_ANRESTART, mii::BMCR_ANRESTART),
        (dr::mii::BMSR_LSTATUS, mii::BMSR_LSTATUS),
        (dr::mii::BMSR_ANEGCOMPLETE, mii::BMSR_ANEGCOMPLETE),
        (dr::mii::SMI_BROADCAST_WR_EN, mii::SMI_BROADCAST_WR_EN),
        (dr::mii::INT_MDINT, mii::INT_MDINT),
        (dr::mii::INT_LINK_CHG, mii::INT_LINK_CHG),
        (dr::mii::INT_EXT, mii::INT_EXT),
        (dr::ext1::PHY_ADDR_REVERSED, ext1::PHY_ADDR_REVERSED),
        (dr::ext2::EXTENDED_INT_MS_EGR, ext2::EXTENDED_INT_MS_EGR),
        (dr::gpio::AUTOINC_ADDR, gpio::AUTOINC_ADDR),
        (dr::gpio::INT_MEM_SEL_MASK, gpio::INT_MEM_SEL),
        (dr::gpio::READ_PRAM, gpio::READ_PRAM),
        (dr::gpio::INT_MEM_WRITE_EN, gpio::INT_MEM_WRITE_EN),
        (dr::gpio::PROC_CMD_NCOMPLETED, gpio::PROC_CMD_NCOMPLETED),
        (dr::gpio::PROC_CMD_FAILED, gpio::PROC_CMD_FAILED),
        (dr::gpio::PROC_CMD_CODE_MASK, gpio::PROC_CMD_CODE),
        (dr::gpio::PROC_CMD_CRC16, gpio::PROC_CMD_CRC16),
        (dr::gpio::FW_START_ADDR, gpio::FW_START_ADDR),
        (dr::gpio::FW_CRC, gpio::FW_CRC),
        (dr::ptp::BIU_ADDR_EXE, ptp::BIU_ADDR_EXE),
        (dr::ptp::BIU_ADDR_READ, ptp::BIU_ADDR_READ),
        (dr::ptp::BIU_CSR_ADDR_MASK, ptp::BIU_CSR_ADDR),
    ];
    for (k, (drv, sim)) in bits.iter().enumerate() {
        assert_eq!(drv, sim, "bit pair {k}");
    }
    assert_eq!(dr::ext1::PHY_CNTL_4_ADDR_SHIFT, ext1::PHY_CNTL_4_ADDR_POS);
    assert_eq!(dr::ptp::BIU_BLK_ID_SHIFT, ptp::BIU_BLK_ID_POS);
}

#[test]
fn macro_ctrl_registers() {
    use s::macro_ctrl as m;
    let d = &dr::macro_ctrl::PLL5G_CFG2;
    assert_eq!(*d, m::PLL5G_CFG2);
    assert_eq!(dr::macro_ctrl::MCB_LCPLL_CFG, m::MCB_LCPLL_CFG);
    assert_eq!(dr::macro_ctrl::S6G_IB_STATUS0, m::S6G_IB_STATUS0);
    assert_eq!(dr::macro_ctrl::IB_STATUS0_CAL_DONE, m::IB_STATUS0_CAL_DONE);
    assert_eq!(dr::macro_ctrl::S6G_PLL_STATUS, m::S6G_PLL_STATUS);
    assert_eq!(dr::macro_ctrl::PLL_STATUS_CAL_BUSY, m::PLL_STATUS_CAL_BUSY);
    assert_eq!(dr::macro_ctrl::MCB_S6G_CFG, m::MCB_S6G_CFG);
    assert_eq!(dr::macro_ctrl::MCB_WRITE, m::MCB_WRITE);
    assert_eq!(dr::macro_ctrl::MCB_READ, m::MCB_READ);
}

#[test]
fn macsec_bank_addresses() {
    use dr::macsec as m;
    use s::{aic, classifier as c, crypto, ctl, ident, postproc as p, sam, stats, xform};
    for i in 0..16 {
        for w in 0..24 {
            assert_eq!(m::xform_rec(i, w), xform::addr(i, w));
        }
        assert_eq!(
            m::sam_mac_sa_match_lo(i),
            sam::entry(i) + sam::MAC_SA_MATCH_LO
        );
        assert_eq!(m::sam_misc_match(i), sam::entry(i) + sam::MISC_MATCH);
        assert_eq!(m::sam_flow_ctrl(i), sam::flow_ctrl(i));
        assert_eq!(d::sam::entry(i), sam::entry(i));
    }
    for up in 0..8 {
        assert_eq!(m::vlan_mtu_check(up), p::vlan_mtu_check(up));
    }
    let regs = [
        (m::ENA_CFG, ctl::ENA_CFG),
        (m::SAM_ENTRY_ENABLE1, sam::ENTRY_ENABLE1),
        (m::SAM_ENTRY_TOGGLE1, sam::ENTRY_TOGGLE1),
        (m::SAM_ENTRY_SET1, sam::ENTRY_SET1),
        (m::SAM_ENTRY_CLEAR1, sam::ENTRY_CLEAR1),
        (m::SAM_IN_FLIGHT, sam::IN_FLIGHT),
        (m::SA_STATS, stats::SA_BASE),
        (m::SA_STATS_STRIDE, stats::SA_STRIDE),
        (m::VLAN_STATS, stats::VLAN_BASE),
        (m::GLOBAL_STATS, stats::GLOBAL_BASE),
        (m::COUNT_CONTROL, stats::COUNT_CONTROL),
        (m::COUNT_INCEN1, stats::COUNT_INCEN1),
        (m::COUNT_INCEN2, stats::COUNT_INCEN2),
        (m::NON_VLAN_MTU_CHECK, p::NON_VLAN_MTU_CHECK),
        (m::STATUS_CONTEXT_CTRL, crypto::CONTEXT_CTRL),
        (m::INTR_CTRL_STATUS, crypto::INTR_CTRL_STATUS),
        (m::BLOCK_CTX_UPDATE, crypto::BLOCK_CTX_UPDATE),
        (m::NEXT_PN_LOWER, crypto::NEXT_PN_LOWER),
        (m::NEXT_PN_UPPER, crypto::NEXT_PN_UPPER),
        (m::NEXT_PN_CONTEXT_ID, crypto::NEXT_PN_CONTEXT_ID),
        (m::NEXT_PN_CTRL, crypto::NEXT_PN_CTRL),
        (m::AIC_CTRL, aic::AIC_ENABLE_CTRL),
        (m::EIP160_CONFIG2, ident::EIP160_CONFIG2),
        (m::EIP160_CONFIG, ident::EIP160_CONFIG),
        (m::EIP160_VERSION, ident::EIP160_VERSION),
        (d::nm::PARAMS, c::SAM_NM_PARAMS),
        (d::nm::FLOW_NCP, c::SAM_NM_FLOW_NCP),
        (d::nm::FLOW_CP, c::SAM_NM_FLOW_CP),
        (d::nm::MISC_CONTROL, c::MISC_CONTROL),
        (d::threshold::SEQ_NUM_THRESH, crypto::SEQ_NUM_THRESH),
        (
            d::threshold::SEQ_NUM_THRESH_64_LO,
            crypto::SEQ_NUM_THRESH_LOWER,
        ),
        (
            d::threshold::SEQ_NUM_THRESH_64_HI,
            crypto::SEQ_NUM_THRESH_UPPER,
        ),
    ];
    for (drv, sim) in regs {
        assert_eq!(drv, sim, "{drv:#06x}");
    }
    // The global counters end where the counter controls begin.
    assert_eq!(m::GLOBAL_STATS_END, 0x3200);
    const { assert!(stats::GLOBAL_BASE + stats::INGRESS_GLOBAL_WORDS <= m::GLOBAL_STATS_END) };
    assert_eq!(m::NUM_SAM_ENTRIES, sam::ENTRIES);
}

#[test]
fn macsec_bank_bits() {
    use dr::macsec as m;
    use s::crypto::{intr, next_pn_ctrl};
    use s::ctl::ena_cfg;
    use s::stats::count_control as cc;
    let bits = [
        (m::ENA_CFG_CLK_ENA, bit(ena_cfg::CLK_ENA)),
        (m::ENA_CFG_SW_RST, bit(ena_cfg::SW_RST)),
        (m::ENA_CFG_BYPASS_ENA, bit(ena_cfg::MACSEC_BYPASS_ENA)),
        (m::ENA_CFG_MACSEC_ENA, bit(ena_cfg::MACSEC_ENA)),
        (m::COUNT_CONTROL_RESET_ALL, bit(cc::RESET_ALL)),
        (m::COUNT_CONTROL_DEBUG_ACCESS, bit(cc::DEBUG_ACCESS)),
        (m::COUNT_CONTROL_SATURATE, bit(cc::SATURATE_CNTRS)),
        (m::COUNT_CONTROL_AUTO_CNTR_RESET, bit(cc::AUTO_CNTR_RESET)),
        (
            m::NEXT_PN_CTRL_ENABLE_UPDATE,
            bit(next_pn_ctrl::ENABLE_UPDATE),
        ),
        (u32::from(m::INTR_SEQ_THRESHOLD), intr::SEQ_THRESHOLD),
        (u32::from(m::INTR_ROLLOVER), intr::SEQ_ROLLOVER),
        (u32::from(m::INTR_PIN), intr::PIN),
    ];
    for (k, (drv, sim)) in bits.iter().enumerate() {
        assert_eq!(drv, sim, "bit pair {k}");
    }
    assert_eq!(m::INTR_ENABLE_SHIFT, intr::ENABLE.lsb);
}

#[test]
fn sam_entry_words_and_bits() {
    use d::sam::{mask as dm, misc as dmi};
    use s::sam::{self as ss, mask, misc};
    let words = [
        (d::sam::MAC_SA_LO, ss::MAC_SA_MATCH_LO),
        (d::sam::MAC_SA_HI, ss::MAC_SA_MATCH_HI),
        (d::sam::MAC_DA_LO, ss::MAC_DA_MATCH_LO),
        (d::sam::MAC_DA_HI, ss::MAC_DA_MATCH_HI),
        (d::sam::MISC, ss::MISC_MATCH),
        (d::sam::SCI_LO, ss::SCI_MATCH_LO),
        (d::sam::SCI_HI, ss::SCI_MATCH_HI),
        (d::sam::MASK, ss::MASK),
    ];
    for (drv, sim) in words {
        assert_eq!(drv, sim);
    }
    let bits = [
        (dmi::VLAN_VALID, bit(misc::VLAN_VALID)),
        (dmi::CONTROL_PACKET, bit(misc::CONTROL_PACKET)),
        (dmi::UNTAGGED, bit(misc::UNTAGGED)),
        (dmi::TAGGED, bit(misc::TAGGED)),
        (dmi::BAD_TAG, bit(misc::BAD_TAG)),
        (dmi::KAY_TAG, bit(misc::KAY_TAG)),
        (dm::MAC_SA, mask::MAC_SA_MASK.mask()),
        (dm::ETYPE, bit(mask::MAC_ETYPE_MASK)),
        (dm::VLAN_VALID, bit(mask::VLAN_VLD_MASK)),
        (dm::VLAN_UP, bit(mask::VLAN_UP_MASK)),
        (dm::VLAN_ID, bit(mask::VLAN_ID_MASK)),
        (dm::CTL_PACKET, bit(mask::CTL_PACKET_MASK)),
        (dm::SCI, bit(mask::MACSEC_SCI_MASK)),
    ];
    for (k, (drv, sim)) in bits.iter().enumerate() {
        assert_eq!(drv, sim, "bit pair {k}");
    }
    let shifts = [
        (dmi::VLAN_UP_SHIFT, misc::VLAN_UP.lsb),
        (dmi::PRIORITY_SHIFT, misc::MATCH_PRIORITY.lsb),
        (dmi::AN_SHIFT, misc::AN.lsb),
        (dmi::TCI_SHIFT, misc::TCI.lsb),
        (dm::MAC_DA_SHIFT, mask::MAC_DA_MASK.lsb),
        (dm::AN_SHIFT, misc::AN.lsb),
        (dm::TCI_SHIFT, misc::TCI.lsb),
    ];
    for (k, (drv, sim)) in shifts.iter().enumerate() {
        assert_eq!(drv, sim, "shift pair {k}");
    }
    // The mask's AN and TCI compare bits sit over the fields they compare.
    assert_eq!(mask::TCI_AN_MASK.lsb, misc::MACSEC_TCI_AN.lsb);
}

#[test]
fn flow_control_words() {
    use d::flow as df;
    use s::sam::flow;
    let values = [
        (df::TYPE_MASK, flow::FLOW_TYPE.mask()),
        (df::TYPE_BYPASS, flow::TYPE_BYPASS),
        (df::TYPE_DROP, flow::TYPE_DROP),
        (df::TYPE_INGRESS, flow::TYPE_INGRESS),
        (df::TYPE_EGRESS, flow::TYPE_EGRESS),
        (df::DROP_CRC_ERROR, flow::DROP_CRC_ERROR),
        (df::DROP_PKT_ERROR, flow::DROP_PKT_ERROR),
        (df::DROP_INTERNAL, flow::DROP_INTERNAL),
        (df::DROP_NONE, flow::DROP_NONE),
        (df::PROTECT_FRAME, bit(flow::PROTECT_FRAME)),
        (df::REPLAY_PROTECT, bit(flow::REPLAY_PROTECT)),
        (df::SA_IN_USE, bit(flow::SA_IN_USE)),
        (df::INCLUDE_SCI, bit(flow::INCLUDE_SCI)),
        (df::USE_ES, bit(flow::USE_ES)),
        (df::USE_SCB, bit(flow::USE_SCB)),
        (df::VALIDATE_DISABLED, flow::VALIDATE_DISABLED),
        (df::VALIDATE_CHECK, flow::VALIDATE_CHECK),
        (df::VALIDATE_STRICT, flow::VALIDATE_STRICT),
        (df::CONF_PROTECT, bit(flow::CONF_PROTECT)),
    ];
    for (k, (drv, sim)) in values.iter().enumerate() {
        assert_eq!(drv, sim, "value pair {k}");
    }
    let shifts = [
        (df::DEST_PORT_SHIFT, flow::DEST_PORT.lsb),
        (df::DROP_ACTION_SHIFT, flow::DROP_ACTION.lsb),
        (df::VALIDATE_SHIFT, flow::VALIDATE_FRAMES.lsb),
        (df::TAG_BYPASS_SHIFT, flow::TAG_BYPASS_SIZE.lsb),
        (df::CONF_OFFSET_SHIFT, flow::CONFIDENTIALITY_OFFSET.lsb),
    ];
    for (k, (drv, sim)) in shifts.iter().enumerate() {
        assert_eq!(drv, sim, "shift pair {k}");
    }
    // What the C driver writes for an RX SA flow decodes the same way.
    let word = df::TYPE_INGRESS
        | 2 << df::DEST_PORT_SHIFT
        | df::DROP_INTERNAL << df::DROP_ACTION_SHIFT
        | df::VALIDATE_STRICT << df::VALIDATE_SHIFT
        | df::REPLAY_PROTECT;
    let sim = at(flow::FLOW_TYPE, flow::TYPE_INGRESS)
        | at(flow::DEST_PORT, flow::PORT_CONTROLLED)
        | at(flow::DROP_ACTION, flow::DROP_INTERNAL)
        | at(flow::VALIDATE_FRAMES, flow::VALIDATE_STRICT)
        | bit(flow::REPLAY_PROTECT);
    assert_eq!(word, sim);
}

#[test]
fn non_match_lanes() {
    use s::classifier::{misc_control, nm_lane};
    for (k, shift) in d::nm::LANE_SHIFT.iter().enumerate() {
        assert_eq!(*shift, nm_lane::SHIFT[k]);
    }
    assert_eq!(d::nm::LANE_DROP, bit(nm_lane::FLOW_TYPE));
    assert_eq!(d::nm::LANE_DROP_ACTION_SHIFT, nm_lane::DROP_ACTION.lsb);
    assert_eq!(d::nm::STATIC_BYPASS, bit(misc_control::STATIC_BYPASS));
}

#[test]
fn transform_records() {
    use d::record as dr;
    use s::xform::{self, control};
    assert_eq!(dr::CONTROL, xform::CONTROL);
    assert_eq!(dr::CONTEXT_ID, xform::CONTEXT_ID);
    assert_eq!(dr::KEY, xform::KEY);
    assert_eq!(dr::HASH_WORDS, xform::HASH_WORDS);
    assert_eq!(dr::TYPE_MASK, control::TYPE.mask());
    assert_eq!(dr::TYPE_EGRESS, control::TYPE_EGRESS);
    assert_eq!(dr::TYPE_INGRESS, control::TYPE_INGRESS);
    assert_eq!(dr::UPDATE_SEQ, bit(control::UPDATE_SEQ));
    assert_eq!(dr::CRYPTO_ALG_SHIFT, control::CRYPTO_ALG.lsb);
    assert_eq!(dr::AN_SHIFT, control::AN.lsb);
    assert_eq!(dr::SEQ_TYPE_SHIFT, control::SEQ_TYPE.lsb);
    assert_eq!(dr::SEQ_32, control::SEQ_32);
    assert_eq!(dr::SEQ_64, control::SEQ_64);
    for alg in [dr::ALG_AES128, dr::ALG_AES192, dr::ALG_AES256, 0, 4, 8] {
        assert_eq!(dr::key_words(alg), xform::key_words(alg), "alg {alg}");
    }
    assert_eq!(
        (dr::ALG_AES128, dr::ALG_AES192, dr::ALG_AES256),
        (
            control::ALG_AES128,
            control::ALG_AES192,
            control::ALG_AES256
        )
    );
    // Every layout: both ciphers, both engines, both PN sizes.
    for kw in [4, 6, 8] {
        for ingress in [false, true] {
            for xpn in [false, true] {
                let drv = dr::layout(kw, ingress, xpn);
                let sim = xform::layout(kw, ingress, xpn);
                let what = format!("key words {kw}, ingress {ingress}, xpn {xpn}");
                assert_eq!(drv.seq, sim.seq, "{what}: seq");
                assert_eq!(drv.window, sim.window, "{what}: window");
                assert_eq!(drv.salt, sim.salt, "{what}: salt");
                assert_eq!(drv.sci, sim.sci, "{what}: sci");
            }
        }
    }
}

#[test]
fn the_xpn_egress_record_has_the_salt_after_a_zero_word() {
    // Issue 9 item 1, on the driver's side: AES-128 words 13-15, AES-256
    // words 17-19 (`vtss_macsec_api.c`, the XPN cases of the record
    // builder), not the word right after the sequence number.
    assert_eq!(d::record::layout(4, false, true).salt, Some(13));
    assert_eq!(d::record::layout(8, false, true).salt, Some(17));
    assert_eq!(d::record::layout(4, false, true).sci, Some(16));
    assert_eq!(d::record::layout(8, true, true).sci, None);
}

#[test]
fn counters() {
    use d::stats::{in_global as dig, in_sa as dis, out_global as dog, out_sa as dos};
    use s::stats::{egress_global as eg, egress_sa as es, ingress_global as ig, ingress_sa as is};
    let pairs: [(u16, Counter); 46] = [
        (
            dis::OCTETS_DECRYPTED_VALIDATED,
            is::IN_OCTETS_DECRYPTED_VALIDATED,
        ),
        (dis::PKTS_UNCHECKED, is::IN_PKTS_UNCHECKED),
        (dis::PKTS_DELAYED, is::IN_PKTS_DELAYED),
        (dis::PKTS_LATE, is::IN_PKTS_LATE),
        (dis::PKTS_OK, is::IN_PKTS_OK),
        (dis::PKTS_INVALID, is::IN_PKTS_INVALID),
        (dis::PKTS_NOT_VALID, is::IN_PKTS_NOT_VALID),
        (dis::PKTS_NOT_USING_SA, is::IN_PKTS_NOT_USING_SA),
        (dis::PKTS_UNUSED_SA, is::IN_PKTS_UNUSED_SA),
        (dis::PKTS_UNTAGGED_HIT, is::IN_PKTS_UNTAGGED_HIT),
        (dis::UCAST, is::IF_IN_UCAST_PKTS),
        (dis::MCAST, is::IF_IN_MULTICAST_PKTS),
        (dis::BCAST, is::IF_IN_BROADCAST_PKTS),
        (
            dos::OCTETS_ENCRYPTED_PROTECTED,
            es::OUT_OCTETS_ENCRYPTED_PROTECTED,
        ),
        (
            dos::PKTS_ENCRYPTED_PROTECTED,
            es::OUT_PKTS_ENCRYPTED_PROTECTED,
        ),
        (dos::PKTS_TOO_LONG, es::OUT_PKTS_TOO_LONG),
        (dos::UCAST, es::IF_OUT_UCAST_PKTS),
        (dos::MCAST, es::IF_OUT_MULTICAST_PKTS),
        (dos::BCAST, es::IF_OUT_BROADCAST_PKTS),
        (dig::TRANSFORM_ERROR_PKTS, ig::TRANSFORM_ERROR_PKTS),
        (dig::PKTS_CTRL, ig::IN_PKTS_CTRL),
        (dig::PKTS_NO_TAG, ig::IN_PKTS_NO_TAG),
        (dig::PKTS_UNTAGGED, ig::IN_PKTS_UNTAGGED),
        (dig::PKTS_TAGGED, ig::IN_PKTS_TAGGED),
        (dig::PKTS_BAD_TAG, ig::IN_PKTS_BAD_TAG),
        (dig::PKTS_UNTAGGED_MISS, ig::IN_PKTS_UNTAGGED_MISS),
        (dig::PKTS_NO_SCI, ig::IN_PKTS_NO_SCI),
        (dig::PKTS_UNKNOWN_SCI, ig::IN_PKTS_UNKNOWN_SCI),
        (
            dig::CONSIST_CHECK_CONTROLLED_NOT_PASS,
            ig::IN_CONSIST_CHECK_CONTROLLED_NOT_PASS,
        ),
        (
            dig::CONSIST_CHECK_UNCONTROLLED_NOT_PASS,
            ig::IN_CONSIST_CHECK_UNCONTROLLED_NOT_PASS,
        ),
        (
            dig::CONSIST_CHECK_CONTROLLED_PASS,
            ig::IN_CONSIST_CHECK_CONTROLLED_PASS,
        ),
        (
            dig::CONSIST_CHECK_UNCONTROLLED_PASS,
            ig::IN_CONSIST_CHECK_UNCONTROLLED_PASS,
        ),
        (dig::OVERSIZE_PKTS, ig::IN_OVERSIZE_PKTS),
        (dig::UCAST, ig::IF_IN_UCAST_PKTS),
        (dig::MCAST, ig::IF_IN_MULTICAST_PKTS),
        (dig::BCAST, ig::IF_IN_BROADCAST_PKTS),
        (dig::OCTETS, ig::IF_IN_OCTETS),
        (dog::TRANSFORM_ERROR_PKTS, eg::TRANSFORM_ERROR_PKTS),
        (dog::PKTS_CTRL, eg::OUT_PKTS_CTRL),
        (dog::PKTS_UNKNOWN_SA, eg::OUT_PKTS_UNKNOWN_SA),
        (dog::PKTS_UNTAGGED, eg::OUT_PKTS_UNTAGGED),
        (dog::OVERSIZE_PKTS, eg::OUT_OVERSIZE_PKTS),
        (dog::UCAST, eg::IF_OUT_UCAST_PKTS),
        (dog::MCAST, eg::IF_OUT_MULTICAST_PKTS),
        (dog::BCAST, eg::IF_OUT_BROADCAST_PKTS),
        (dog::OCTETS, eg::IF_OUT_OCTETS),
    ];
    for (drv, sim) in pairs {
        assert_eq!(drv, sim.offset, "{}", sim.name);
    }
    // The driver's list is the whole of the simulator's.
    let all = is::ALL.len() + es::ALL.len() + ig::ALL.len() + eg::ALL.len();
    assert_eq!(pairs.len(), all);
    assert_eq!(d::stats::UPPER_BITS, 8);
}

#[test]
fn the_path_of_the_engine_interrupt() {
    use dr::macsec as m;
    use s::{aic, ctl};
    assert_eq!(m::AIC_ENABLE_CLR, aic::AIC_ENABLE_CLR);
    assert_eq!(m::AIC_ENABLED_STAT, aic::AIC_ENABLED_STAT);
    assert_eq!(m::STICKY, ctl::STICKY);
    assert_eq!(m::STICKY_ENG_IRQ, bit(ctl::sticky::ENG_IRQ));
    assert_eq!(m::AIC_EGRESS_INPUTS, aic::EGRESS_BITS);
    assert_eq!(m::STICKY_MASK, ctl::STICKY_MASK);
    assert_eq!(m::STICKY_MASK_ENG_IRQ, bit(ctl::sticky::ENG_IRQ));
}
