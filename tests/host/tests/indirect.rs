// SPDX-License-Identifier: GPL-2.0

//! Encoding of the page-4 indirect window, checked against the values the
//! upstream C driver writes (drivers/net/phy/mscc/mscc_macsec.c).

use rsmacsec_host::hw::indirect::{encode, is_done, join, split, Command, Dir, EncodeError};
use rsmacsec_host::hw::regs::{macsec, Bank};

const ALL_BANKS: [Bank; 8] = [
    Bank::FcBuffer,
    Bank::HostMac,
    Bank::LineMac,
    Bank::MacroCtrl,
    Bank::Proc0,
    Bank::Proc2,
    Bank::MacsecIngress,
    Bank::MacsecEgress,
];

#[test]
fn macsec_banks_use_target_high_bits_only() {
    assert_eq!(
        encode(Bank::MacsecIngress, macsec::ENA_CFG, Dir::Read),
        Ok(Command {
            target: 0x0e,
            cmd: 0xc800
        })
    );
    assert_eq!(
        encode(Bank::MacsecEgress, 0x3e02, Dir::Write),
        Ok(Command {
            target: 0x0f,
            cmd: 0xbe02
        })
    );
}

#[test]
fn non_macsec_banks_put_low_target_bits_in_13_12() {
    // FC_BUFFER -> 1/0, HOST_MAC -> 1/1, LINE_MAC -> 1/2, MACRO_CTRL -> 1/3.
    for (bank, low) in [
        (Bank::FcBuffer, 0u16),
        (Bank::HostMac, 1),
        (Bank::LineMac, 2),
        (Bank::MacroCtrl, 3),
    ] {
        let c = encode(bank, 0x17, Dir::Write).unwrap();
        assert_eq!(c.target, 1, "{bank:?}");
        assert_eq!(c.cmd, 0x8000 | (low << 12) | 0x17, "{bank:?}");
    }
    let c = encode(Bank::Proc2, 0x2, Dir::Read).unwrap();
    assert_eq!(
        c,
        Command {
            target: 3,
            cmd: 0xc000 | (3 << 12) | 0x2
        }
    );
}

#[test]
fn every_in_range_address_encodes_and_decodes_back() {
    for bank in ALL_BANKS {
        for addr in 0..=bank.max_addr() {
            for dir in [Dir::Read, Dir::Write] {
                let c = encode(bank, addr, dir).unwrap();
                let addr_bits = if bank.is_macsec() { 0x3fff } else { 0x0fff };
                assert_eq!(c.cmd & addr_bits, addr);
                assert_eq!(c.cmd & 0x4000 != 0, dir == Dir::Read);
                assert!(is_done(c.cmd), "the start bit doubles as the done bit");
                let id = (c.target << 2)
                    | if bank.is_macsec() {
                        0
                    } else {
                        (c.cmd >> 12) & 3
                    };
                assert_eq!(id, bank as u16);
            }
        }
    }
}

#[test]
fn first_out_of_range_address_is_refused() {
    for bank in ALL_BANKS {
        let addr = bank.max_addr() + 1;
        assert_eq!(
            encode(bank, addr, Dir::Write),
            Err(EncodeError::AddrOutOfRange { bank, addr })
        );
    }
}

#[test]
fn data_split_and_join_are_inverse() {
    for v in [
        0u32,
        1,
        0xffff,
        0x1_0000,
        0xe588_0214,
        0xe588_0218,
        u32::MAX,
    ] {
        let (lo, hi) = split(v);
        assert_eq!(join(lo, hi), v);
    }
    assert_eq!(split(0xe588_0214), (0x0214, 0xe588));
}

#[test]
fn macsec_register_addresses_match_the_c_driver() {
    assert_eq!(macsec::xform_rec(0, 0), 0x000);
    assert_eq!(macsec::xform_rec(15, 19), 0x1f3);
    assert_eq!(macsec::sam_mac_sa_match_lo(3), 0x1030);
    assert_eq!(macsec::sam_flow_ctrl(15), 0x1c0f);
    assert_eq!(macsec::SAM_ENTRY_SET1, 0x1808);
    assert_eq!(macsec::SAM_ENTRY_CLEAR1, 0x180c);
    assert_eq!(macsec::INTR_CTRL_STATUS, 0x3d04);
}
