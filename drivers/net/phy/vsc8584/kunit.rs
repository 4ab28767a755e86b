// SPDX-License-Identifier: GPL-2.0

//! KUnit tests of the driver, run in the guest when the module is loaded.
//!
//! The host tests (`tests/host`) cover the same pure code exhaustively; these
//! cases prove that it behaves the same once built for the kernel.

#[kernel::kunit::kunit_tests(vsc8584_rust_hw)]
mod tests {
    use crate::hw::indirect::{self, Command, Dir, EncodeError};
    use crate::hw::regs::{macsec, Bank};

    #[test]
    fn macsec_read_uses_14_bit_address() {
        let cmd = indirect::encode(Bank::MacsecIngress, macsec::ENA_CFG, Dir::Read);
        assert_eq!(
            cmd,
            Ok(Command {
                target: 0x0e,
                cmd: 0xc800
            })
        );
        let cmd = indirect::encode(Bank::MacsecEgress, macsec::INTR_CTRL_STATUS, Dir::Write);
        assert_eq!(
            cmd,
            Ok(Command {
                target: 0x0f,
                cmd: 0xbd04
            })
        );
    }

    #[test]
    fn other_banks_carry_low_target_bits() {
        let cmd = indirect::encode(Bank::LineMac, 0x02, Dir::Write);
        assert_eq!(
            cmd,
            Ok(Command {
                target: 0x01,
                cmd: 0xa002
            })
        );
    }

    #[test]
    fn out_of_range_address_is_refused() {
        assert_eq!(
            indirect::encode(Bank::HostMac, 0x1000, Dir::Read),
            Err(EncodeError::AddrOutOfRange {
                bank: Bank::HostMac,
                addr: 0x1000
            })
        );
    }

    #[test]
    fn data_words_round_trip() {
        let (lo, hi) = indirect::split(0xe588_0214);
        assert_eq!((lo, hi), (0x0214, 0xe588));
        assert_eq!(indirect::join(lo, hi), 0xe588_0214);
        assert!(indirect::is_done(0x8000));
        assert!(!indirect::is_done(0x4800));
    }
}

/// The kernel shell: what it makes of the MACsec core's requests and of the logic's answers.
/// The whole path (`ip macsec` to the engine and back) runs in the guest scripts; these cases
/// pin the conversions that need the kernel (its AES, its errnos, its strings).
#[kernel::kunit::kunit_tests(vsc8584_rust_shell)]
mod shell {
    use crate::logic::error::{Errno, Error as LogicError};
    use crate::logic::macsec::render::Bypass;
    use crate::logic::macsec::types::{Cipher, TxSaCounters, Validate};
    use crate::logic::macsec::{counters::N_GLOBALS, Offload};
    use crate::macsec;
    use kernel::net::phy::macsec::{CipherSuite, ValidateFrames};
    use kernel::prelude::*;

    #[test]
    fn every_cipher_suite_and_validation_mode_has_its_own_match() {
        assert_eq!(macsec::cipher(CipherSuite::GcmAes128), Cipher::GcmAes128);
        assert_eq!(macsec::cipher(CipherSuite::GcmAes256), Cipher::GcmAes256);
        assert_eq!(
            macsec::cipher(CipherSuite::GcmAesXpn128),
            Cipher::GcmAesXpn128
        );
        assert_eq!(
            macsec::cipher(CipherSuite::GcmAesXpn256),
            Cipher::GcmAesXpn256
        );
        assert_eq!(
            macsec::validate(ValidateFrames::Disabled),
            Validate::Disabled
        );
        assert_eq!(macsec::validate(ValidateFrames::Check), Validate::Check);
        assert_eq!(macsec::validate(ValidateFrames::Strict), Validate::Strict);
    }

    /// H = AES_K(0^128), from the kernel's AES library: the zero keys (FIPS-197 style known
    /// answers) and test case 3 of the GCM specification (McGrew and Viega).
    #[test]
    fn the_hash_subkey_is_the_key_applied_to_zero() {
        let cases: [(&[u8], [u8; 16]); 3] = [
            (
                &[0; 16],
                *b"\x66\xe9\x4b\xd4\xef\x8a\x2c\x3b\x88\x4c\xfa\x59\xca\x34\x2b\x2e",
            ),
            (
                &[0; 32],
                *b"\xdc\x95\xc0\x78\xa2\x40\x89\x89\xad\x48\xa2\x14\x92\x84\x20\x87",
            ),
            (
                b"\xfe\xff\xe9\x92\x86\x65\x73\x1c\x6d\x6a\x8f\x94\x67\x30\x83\x08",
                *b"\xb8\x3b\x53\x37\x08\xbf\x53\x5d\x0a\xa6\xe5\x29\x80\xd5\x3b\x78",
            ),
        ];
        for (key, h) in cases {
            assert_eq!(macsec::sa_key(key, None, None).map(|sa| sa.hash_key), Ok(h));
        }
    }

    #[test]
    fn the_key_salt_and_ssci_are_carried_as_given() {
        let key = [0x5a; 16];
        let salt = [0xc3; 12];
        let sa = macsec::sa_key(&key, Some(0x0102_0304), Some(salt));
        assert!(sa.is_ok());
        if let Ok(sa) = sa {
            assert_eq!(sa.key[..16], key);
            assert_eq!(sa.key[16..], [0; 16]);
            assert_eq!((sa.ssci, sa.salt), (0x0102_0304, salt));
        }
        // Without XPN, no SSCI and no salt.
        let sa = macsec::sa_key(&[0x5a; 32], None, None);
        assert_eq!(
            sa.map(|sa| (sa.key, sa.ssci, sa.salt)),
            Ok(([0x5a; 32], 0, [0; 12]))
        );
    }

    #[test]
    fn a_key_of_another_length_is_refused() {
        for len in [0, 15, 20, 33] {
            let key = [0u8; 40];
            assert_eq!(macsec::sa_key(&key[..len], None, None).err(), Some(EINVAL));
        }
    }

    #[test]
    fn a_spent_32_bit_pn_reads_zero_and_an_xpn_is_kept() {
        let max = u64::from(u32::MAX);
        assert_eq!(macsec::kernel_pn(false, max), max);
        assert_eq!(macsec::kernel_pn(false, max + 1), 0);
        assert_eq!(macsec::kernel_pn(true, max + 1), max + 1);
        assert_eq!(macsec::kernel_pn(true, 1 << 40), 1 << 40);
    }

    #[test]
    fn sa_counters_split_protected_from_encrypted_and_saturate() {
        let c = TxSaCounters {
            pkts: 10,
            encrypted_pkts: 7,
            octets: 1000,
            encrypted_octets: 700,
        };
        let sa = macsec::tx_sa_stats(&c);
        assert_eq!((sa.out_pkts_protected, sa.out_pkts_encrypted), (3, 7));
        let sc = macsec::tx_sc_stats(&c);
        assert_eq!(
            (sc.out_octets_protected, sc.out_octets_encrypted),
            (300, 700)
        );
        // The SA counters of the kernel are 32 bits wide; the hardware's 64-bit ones saturate.
        let c = TxSaCounters {
            pkts: 1 << 33,
            encrypted_pkts: 1 << 33,
            octets: 0,
            encrypted_octets: 0,
        };
        assert_eq!(macsec::tx_sa_stats(&c).out_pkts_encrypted, u32::MAX);
        assert_eq!(macsec::tx_sc_stats(&c).out_pkts_encrypted, 1 << 33);
    }

    #[test]
    fn errors_become_their_message() {
        let refused = LogicError::refused(Errno::OpNotSupp, "the ICV must be 16 bytes\0");
        assert_eq!(
            macsec::message(refused).as_bytes(),
            b"the ICV must be 16 bytes"
        );
        // A message without its NUL (a bug of the logic) still tells the user something.
        let broken = LogicError::refused(Errno::Inval, "no NUL");
        assert_eq!(macsec::message(broken).as_bytes(), b"refused by the PHY");
        assert_eq!(
            macsec::message(LogicError::Mdio(-5)).as_bytes(),
            b"the PHY did not answer; nothing was changed"
        );
        assert_eq!(
            macsec::message(LogicError::Unrecovered(-5)).as_bytes(),
            b"the PHY did not answer; it is reprogrammed at its next initialisation"
        );
    }

    #[test]
    fn the_ethtool_strings_are_the_counters_names() {
        assert_eq!(crate::STATS.len(), N_GLOBALS);
        for (name, logic) in crate::STATS.iter().zip(Offload::STAT_NAMES) {
            assert!(!name.is_empty());
            assert_eq!(name.as_bytes_with_nul(), logic.as_bytes());
        }
    }

    /// The offload state is made in zeroed memory on the heap (it is too big for the stack):
    /// that must be a valid, fresh state.
    #[test]
    fn an_offload_made_in_zeroed_memory_is_fresh() {
        let o = KBox::<Offload>::init(kernel::init::zeroed(), GFP_KERNEL);
        assert!(o.is_ok());
        if let Ok(mut o) = o {
            assert_eq!(*o.bypass_in_effect(), Bypass::EAPOL);
            assert!(!o.unrecovered());
            assert_eq!(o.lost_tx_pns().count(), 0);
            // The module parameter's path: a VLAN tag is no control EtherType, LLDP is.
            let e = o.set_bypass_ethertypes(&[0x8100]);
            assert!(matches!(
                e,
                Err(LogicError::Refused {
                    errno: Errno::Inval,
                    ..
                })
            ));
            assert_eq!(*o.bypass_in_effect(), Bypass::EAPOL);
            assert!(o.set_bypass_ethertypes(&[0x88cc, 0x88cc]).is_ok());
            assert_eq!(o.bypass_in_effect().types[..3], [0x888e, 0x88cc, 0]);
            assert_eq!(o.bypass_in_effect().len, 2);
        }
    }
}
