// SPDX-License-Identifier: GPL-2.0

//! The analog and DSP tuning the package needs after power-on, broadcast to its PHYs: values
//! "determined through characterization by PHY engineers", as the upstream C driver says
//! (`vsc8584_config_pre_init()` in `mscc_main.c`). They mean nothing more than that.

/// Registers of the test page ([`super::regs::Page::Test`]).
pub mod test {
    /// Test register 5 (the tuning writes [`TEST_5`] to it).
    pub const REG5: u8 = 5;
    /// The value of test register 5.
    pub const TEST_5: u16 = 0x1f20;
    /// Test register 8.
    pub const REG8: u8 = 8;
    /// Test register 8 bit 15: the token-ring clock is disabled (while the DSP is tuned).
    pub const TR_CLK_DISABLE: u16 = 0x8000;
}

/// Registers of the token-ring page ([`super::regs::Page::TokenRing`]): an indirect window onto
/// the DSP's 24-bit registers.
pub mod token_ring {
    /// Control: the access (bit 15 for a write) and the DSP register address (bits 14:0).
    pub const CNTL: u8 = 16;
    /// Data bits 15:0.
    pub const LSB: u8 = 17;
    /// Data bits 23:16.
    pub const MSB: u8 = 18;
    /// `CNTL` bit 15: write the data registers to the DSP register.
    pub const WRITE: u16 = 0x8000;
    /// `CNTL` bits 14:0: the DSP register address.
    pub const ADDR_MASK: u16 = 0x7fff;

    /// The command that writes DSP register `addr`.
    pub const fn write(addr: u16) -> u16 {
        WRITE | (addr & ADDR_MASK)
    }
}

/// The value of ext3 [`super::regs::ext3::SERDES_TX_CRC_ERR_CNT`].
pub const SERDES_TX_CRC_ERR_CNT: u16 = 0x2000;
/// The value of ext2 [`super::regs::ext2::CU_PMD_TX_CNTL`].
pub const CU_PMD_TX_CNTL: u16 = 0x028e;

/// DSP register whose data bits 6:0 the tuning sets to [`DSP_2FA4_LOW`] (the C driver issues a
/// write command for it before it reads the data register).
pub const DSP_2FA4: u16 = 0x2fa4;
/// Bits 6:0 of the most significant data word of DSP register 0x2fa4.
pub const DSP_2FA4_LOW_MASK: u16 = 0x007f;
/// The value of those bits.
pub const DSP_2FA4_LOW: u16 = 0x0019;
/// The DSP register written with the data of [`DSP_2FA4`].
pub const DSP_0FA4: u16 = 0x0fa4;

/// DSP registers written with the test page's token-ring clock disabled: (address, value).
pub const DSP_WRITES_1: [(u16, u32); 22] = [
    (0x07fa, 0x0050_100f),
    (0x1688, 0x0004_9f81),
    (0x0f90, 0x0068_8980),
    (0x03a4, 0x0000_d8f0),
    (0x0fc0, 0x0000_0400),
    (0x0f82, 0x0012_b002),
    (0x1686, 0x0000_0004),
    (0x168c, 0x00d2_c46f),
    (0x17a2, 0x0000_0620),
    (0x16a0, 0x00ee_ffdd),
    (0x16a6, 0x0007_1448),
    (0x16a4, 0x0013_132f),
    (0x16a8, 0x0000_0000),
    (0x0ffc, 0x00c0_a028),
    (0x0fe8, 0x0091_b06c),
    (0x0fea, 0x0004_1600),
    (0x0f80, 0x00ff_faff),
    (0x0fec, 0x0090_1809),
    (0x0ffe, 0x00b0_1007),
    (0x16b0, 0x00ee_ff00),
    (0x16b2, 0x0000_7000),
    (0x16b4, 0x0000_0814),
];

/// DSP registers written after the copper PMD transmit control: (address, value).
pub const DSP_WRITES_2: [(u16, u32); 3] = [
    (0x0486, 0x0008_a518),
    (0x0488, 0x006d_c696),
    (0x048a, 0x0000_0912),
];
