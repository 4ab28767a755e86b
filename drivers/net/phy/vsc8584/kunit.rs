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
