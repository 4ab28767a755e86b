// SPDX-License-Identifier: GPL-2.0

//! The package's LC-PLL and 6G SerDes macro (the host (Q)SGMII interface), in the MACRO_CTRL
//! bank ([`super::regs::Bank::MacroCtrl`]).
//!
//! The CSRs are copied to the macro and back through the macro configuration bus (MCB)
//! registers of [`super::regs::macro_ctrl`]. The words are those the upstream C driver writes
//! (`mscc_serdes.c`, `mscc_main.c`): the encoders below place each field where the C driver
//! does, so that the values match bit for bit, including the quirks noted on them.

/// LC-PLL configuration 0.
pub const PLL5G_CFG0: u16 = 0x06;
/// 6G SerDes deserializer configuration.
pub const DES_CFG: u16 = 0x21;
/// 6G SerDes input buffer configuration 0.
pub const IB_CFG0: u16 = 0x22;
/// 6G SerDes input buffer configuration 1.
pub const IB_CFG1: u16 = 0x23;
/// 6G SerDes input buffer configuration 2.
pub const IB_CFG2: u16 = 0x24;
/// 6G SerDes input buffer configuration 3.
pub const IB_CFG3: u16 = 0x25;
/// 6G SerDes input buffer configuration 4.
pub const IB_CFG4: u16 = 0x26;
/// 6G SerDes PLL configuration.
pub const PLL_CFG: u16 = 0x2b;
/// 6G SerDes common configuration.
pub const COMMON_CFG: u16 = 0x2c;
/// 6G SerDes general purpose configuration (drives the calibration clock).
pub const GP_CFG: u16 = 0x2e;
/// 6G SerDes DFT configuration 0.
pub const DFT_CFG0: u16 = 0x35;
/// 6G SerDes input buffer DFT configuration 2 (frequency offset generation).
pub const IB_DFT_CFG2: u16 = 0x37;
/// 6G SerDes miscellaneous configuration: bit 0 holds the lane in reset.
pub const MISC_CFG: u16 = 0x3b;

/// Slave 0 of a macro configuration bus: the only macro of each bus the driver uses.
pub const MCB_SLAVE_0: u32 = 1 << 0;

/// `PLL5G_CFG2` bit 1: the LC-PLL state machine is disabled (the PLL is held in reset).
pub const PLL5G_CFG2_FSM_DIS: u32 = 1 << 1;
/// `PLL5G_CFG2` bits 9:5: the LC-PLL gain.
pub const PLL5G_CFG2_GAIN_MASK: u32 = 0x1f << 5;
/// `PLL5G_CFG2` bit 0: the gain is enabled (the PLL is detuned while the SerDes calibrates).
pub const PLL5G_CFG2_ENA_GAIN: u32 = 1 << 0;

/// `PLL5G_CFG0`: its constant bits, with `selbgv820` from bit 23.
pub const fn pll5g_cfg0(selbgv820: u32) -> u32 {
    0x7036_f145 | (selbgv820 << 23)
}

/// `PLL_CFG` with the state machine control data `ctrl_data` (from bit 8) and the start bit
/// `start` (bit 21).
///
/// The C driver also writes 3 at bit 7 (its argument `pll_ena_offs`, shifted by the position it
/// names `FSM_ENA`), so bits 8:7 are always set, whatever the control data says in bit 8.
pub const fn pll_cfg(ctrl_data: u32, start: bool) -> u32 {
    ((start as u32) << 21) | (ctrl_data << 8) | (3 << 7)
}

/// `COMMON_CFG`: system reset release (bit 31), lane enable (bit 18), loops (from bit 8), rate
/// (from bit 6: 1 for SGMII, 0 for QSGMII) and interface mode (from bit 4: 1 for SGMII, 3 for
/// QSGMII).
///
/// The C driver takes a transmitter power-down argument too but never writes it.
pub const fn common_cfg(
    sys_rst: bool,
    ena_lane: bool,
    ena_loop: u32,
    qrate: u32,
    if_mode: u32,
) -> u32 {
    ((sys_rst as u32) << 31)
        | ((ena_lane as u32) << 18)
        | (ena_loop << 8)
        | (qrate << 6)
        | (if_mode << 4)
}

/// `DES_CFG`: PHY control (from bit 13), MBTR control (from bit 10), CPMD selection (from bit
/// 8), bandwidth hysteresis (from bit 5) and analog bandwidth (from bit 1).
pub const fn des_cfg(
    phy_ctrl: u32,
    mbtr_ctrl: u32,
    bw_hyst: u32,
    bw_ana: u32,
    cpmd_sel: u32,
) -> u32 {
    (phy_ctrl << 13) | (mbtr_ctrl << 10) | (cpmd_sel << 8) | (bw_hyst << 5) | (bw_ana << 1)
}

/// `IB_CFG0`: its constant bits, termination adjustment (from bit 25), signal detect clock
/// (from bit 16), pattern offset (from bit 8) and calibration enable (bit 3).
pub const fn ib_cfg0(
    rtrm_adj: u32,
    sig_det_clk_sel: u32,
    pat_sel_offset: u32,
    cal_ena: bool,
) -> u32 {
    0x60a8_5837
        | (rtrm_adj << 25)
        | (sig_det_clk_sel << 16)
        | (pat_sel_offset << 8)
        | ((cal_ena as u32) << 3)
}

/// `IB_CFG1`: JTAG threshold (from bit 17), signal detect threshold (from bit 12), scaling
/// (from bit 8), the constant filter bits 0xe0, filter offset (bit 4) and forced offset (bit 0).
pub const fn ib_cfg1(
    tjtag: u32,
    tsdet: u32,
    scaly: u32,
    frc_offset: bool,
    filt_offset: bool,
) -> u32 {
    (tjtag << 17)
        | (tsdet << 12)
        | (scaly << 8)
        | 0xe0
        | ((filt_offset as u32) << 4)
        | (frc_offset as u32)
}

/// `IB_CFG2`: its constant bits, infinite-value threshold (from bit 28), calibration threshold
/// (from bit 5) and regulator setting (from bit 0).
pub const fn ib_cfg2(tinfv: u32, tcalv: u32, ureg: u32) -> u32 {
    0x0f87_8010 | (tinfv << 28) | (tcalv << 5) | ureg
}

/// `IB_CFG3` (initial values) and `IB_CFG4` (maximum values): high pass (from bit 24), middle
/// (from bit 16), low pass (from bit 8) and offset (from bit 0).
pub const fn ib_levels(hp: u32, mid: u32, lp: u32, offset: u32) -> u32 {
    (hp << 24) | (mid << 16) | (lp << 8) | offset
}

/// `IB_DFT_CFG2`: jitter amplitude (from bit 8), frequency step (from bit 4), jitter enable
/// (bit 3), waveform (bit 2), frequency offset direction (bit 1) and enable (bit 0).
pub const fn ib_dft_cfg2(
    ji_ampl: u32,
    step_freq: u32,
    ji_ena: bool,
    waveform: bool,
    dir: bool,
    ena: bool,
) -> u32 {
    (ji_ampl << 8)
        | (step_freq << 4)
        | ((ji_ena as u32) << 3)
        | ((waveform as u32) << 2)
        | ((dir as u32) << 1)
        | (ena as u32)
}

/// `DFT_CFG0`: PRBS selection (from bit 20), test mode (from bit 16) and receive DFT enable
/// (bit 2).
pub const fn dft_cfg0(prbs_sel: u32, test_mode: u32, rx_dft_ena: bool) -> u32 {
    (prbs_sel << 20) | (test_mode << 16) | ((rx_dft_ena as u32) << 2)
}

/// `GP_CFG` while the input buffer calibration is clocked by software: the value with the
/// clock low.
pub const GP_CFG_CAL_CLK_LOW: u32 = 768;
/// `GP_CFG` with the software calibration clock high (bit 0).
pub const GP_CFG_CAL_CLK_HIGH: u32 = 769;
