// SPDX-License-Identifier: GPL-2.0

//! The package's LC-PLL and its 6G SerDes towards the host, in the MACRO_CTRL bank behind the
//! window of the package's PHY 0.
//!
//! The bank holds a copy of the macros' settings: a write to a macro configuration bus (MCB)
//! register copies the copy into the macro, or the macro's state into the copy; the hardware
//! clears the operation bit when the transfer is done.

use super::poll::Patience;
use super::HostInterface;
use crate::hw::regs::{macro_ctrl, Bank};
use crate::hw::serdes::{self, *};
use crate::logic::error::{Errno, Error, Result};
use crate::logic::mdio::Mdio;
use crate::logic::window::{Bus, Window};

/// Copies the CSRs of slave 0 of MCB register `mcb` into the macro.
fn commit<M: Mdio>(w: &mut Window<'_, M>, mcb: u16) -> Result {
    transfer(w, mcb, macro_ctrl::MCB_WRITE)
}

/// Copies the state of slave 0 of MCB register `mcb` into the CSRs.
fn update<M: Mdio>(w: &mut Window<'_, M>, mcb: u16) -> Result {
    transfer(w, mcb, macro_ctrl::MCB_READ)
}

/// Starts the MCB operation `op` on slave 0 of `mcb` and waits until the hardware clears it.
fn transfer<M: Mdio>(w: &mut Window<'_, M>, mcb: u16, op: u32) -> Result {
    w.write32(Bank::MacroCtrl, mcb, op | serdes::MCB_SLAVE_0)?;
    wait(w, mcb, |v| v & op == 0)
}

/// Polls MACRO_CTRL register `reg` until `done` says so.
///
/// A register that reads all ones is a bus that answers nothing (every MDIO read then returns
/// 0xffff, the window's completion bit included): that fails at once, as in the C driver.
fn wait<M: Mdio>(w: &mut Window<'_, M>, reg: u16, done: impl Fn(u32) -> bool) -> Result {
    let patience = Patience::MACRO;
    for n in 0..patience.polls() {
        if let Some(us) = patience.delay_before(n) {
            w.delay_us(us);
        }
        let v = w.read32(Bank::MacroCtrl, reg)?;
        if v == u32::MAX {
            return Err(Error::refused(
                Errno::Io,
                "the SerDes macro reads all ones\0",
            ));
        }
        if done(v) {
            return Ok(());
        }
    }
    Err(Error::Timeout)
}

/// Polls a SerDes status register, refreshing it from the macro before each read.
fn calibrated<M: Mdio>(w: &mut Window<'_, M>, status: u16, done: impl Fn(u32) -> bool) -> Result {
    let patience = Patience::MACRO;
    for n in 0..patience.polls() {
        if let Some(us) = patience.delay_before(n) {
            w.delay_us(us);
        }
        update(w, macro_ctrl::MCB_S6G_CFG)?;
        if done(w.read32(Bank::MacroCtrl, status)?) {
            return Ok(());
        }
    }
    Err(Error::Timeout)
}

/// Replaces the bits of `mask` in MACRO_CTRL register `reg` with those of `set`.
fn modify<M: Mdio>(w: &mut Window<'_, M>, reg: u16, mask: u32, set: u32) -> Result {
    let v = w.read32(Bank::MacroCtrl, reg)?;
    w.write32(Bank::MacroCtrl, reg, (v & !mask) | (set & mask))
}

/// Writes MACRO_CTRL register `reg`.
fn write<M: Mdio>(w: &mut Window<'_, M>, reg: u16, val: u32) -> Result {
    w.write32(Bank::MacroCtrl, reg, val)
}

/// Resets the LC-PLL: its state machine is held disabled for 10 ms, then released, and the PLL
/// gets 110 ms to lock.
pub(super) fn reset_lcpll<M: Mdio>(w: &mut Window<'_, M>) -> Result {
    for disable in [true, false] {
        update(w, macro_ctrl::MCB_LCPLL_CFG)?;
        let fsm = if disable { PLL5G_CFG2_FSM_DIS } else { 0 };
        modify(w, macro_ctrl::PLL5G_CFG2, PLL5G_CFG2_FSM_DIS, fsm)?;
        commit(w, macro_ctrl::MCB_LCPLL_CFG)?;
        w.delay_us(if disable { 10_000 } else { 110_000 });
    }
    Ok(())
}

/// The settings of the 6G SerDes that depend on the host interface.
#[derive(Clone, Copy)]
pub(super) struct Mode {
    /// PLL state machine control data.
    pll_ctrl: u32,
    /// `COMMON_CFG` rate.
    qrate: u32,
    /// `COMMON_CFG` interface mode.
    if_mode: u32,
    /// `DES_CFG` analog bandwidth.
    bw_ana: u32,
}

impl Mode {
    /// The settings of the 6G SerDes for `host`.
    pub(super) const fn of(host: HostInterface) -> Self {
        match host {
            HostInterface::Sgmii => Self {
                pll_ctrl: 60,
                qrate: 1,
                if_mode: 1,
                bw_ana: 3,
            },
            HostInterface::Qsgmii => Self {
                pll_ctrl: 120,
                qrate: 0,
                if_mode: 3,
                bw_ana: 5,
            },
        }
    }
}

/// Input buffer termination adjustment.
const IB_RTRM_ADJ: u32 = 13;
/// Input buffer signal detect clock in mission mode.
const IB_SIG_DET_CLK_MM: u32 = 7;
/// Input buffer signal detect clock during the calibration.
const IB_SIG_DET_CLK_CAL: u32 = 0;
/// Input buffer signal detect threshold in mission mode.
const IB_TSDET_MM: u32 = 5;
/// Input buffer signal detect threshold during the calibration.
const IB_TSDET_CAL: u32 = 16;
/// Clock cycles the input buffer calibration gets from software (rev. B).
const IB_CAL_CLOCKS: u32 = 5;

/// Calibrates the 6G SerDes: always in SGMII mode, as the C driver does, whatever the host
/// interface; [`configure`] then sets the mode for the host.
///
/// The LC-PLL is detuned meanwhile and tuned again at the end.
pub(super) fn calibrate<M: Mdio>(w: &mut Window<'_, M>) -> Result {
    let cal = Mode::of(HostInterface::Sgmii);
    let s6g = macro_ctrl::MCB_S6G_CFG;
    modify(
        w,
        macro_ctrl::PLL5G_CFG2,
        PLL5G_CFG2_GAIN_MASK | PLL5G_CFG2_ENA_GAIN,
        PLL5G_CFG2_ENA_GAIN,
    )?;

    // The RC-PLL in reset, the lane configured for the calibration.
    write(w, PLL_CFG, pll_cfg(cal.pll_ctrl, false))?;
    write(
        w,
        COMMON_CFG,
        common_cfg(false, false, 0, cal.qrate, cal.if_mode),
    )?;
    commit(w, s6g)?;
    write(w, DES_CFG, des_cfg(6, 2, 5, cal.bw_ana, 0))?;
    write(
        w,
        IB_CFG0,
        ib_cfg0(IB_RTRM_ADJ, IB_SIG_DET_CLK_MM, 0, false),
    )?;
    write(w, IB_CFG1, ib_cfg1(8, IB_TSDET_MM, 15, false, true))?;
    write(w, IB_CFG2, ib_cfg2(3, 13, 5))?;
    write(w, IB_CFG3, ib_levels(0, 31, 1, 31))?;
    write(w, IB_CFG4, ib_levels(63, 63, 2, 63))?;
    write(
        w,
        COMMON_CFG,
        common_cfg(true, true, 0, cal.qrate, cal.if_mode),
    )?;
    write(w, MISC_CFG, 1)?;
    commit(w, s6g)?;

    // The RC-PLL's state machine runs until the PLL is calibrated.
    write(w, PLL_CFG, pll_cfg(cal.pll_ctrl, true))?;
    commit(w, s6g)?;
    calibrated(w, macro_ctrl::S6G_PLL_STATUS, |v| {
        v & macro_ctrl::PLL_STATUS_CAL_BUSY == 0
    })?;

    // The lane out of reset; a frequency offset on the receive side for the calibration.
    write(w, MISC_CFG, 0)?;
    write(
        w,
        COMMON_CFG,
        common_cfg(true, true, 0, cal.qrate, cal.if_mode),
    )?;
    commit(w, s6g)?;
    write(w, GP_CFG, GP_CFG_CAL_CLK_LOW)?;
    write(w, IB_DFT_CFG2, ib_dft_cfg2(0, 2, false, false, false, true))?;
    write(w, DFT_CFG0, dft_cfg0(0, 0, true))?;
    write(w, DES_CFG, des_cfg(6, 2, 5, cal.bw_ana, 2))?;
    commit(w, s6g)?;

    // The input buffer calibration, clocked by software.
    write(w, IB_CFG1, ib_cfg1(8, IB_TSDET_CAL, 15, true, false))?;
    write(
        w,
        IB_CFG0,
        ib_cfg0(IB_RTRM_ADJ, IB_SIG_DET_CLK_CAL, 0, false),
    )?;
    commit(w, s6g)?;
    write(
        w,
        IB_CFG0,
        ib_cfg0(IB_RTRM_ADJ, IB_SIG_DET_CLK_CAL, 0, true),
    )?;
    commit(w, s6g)?;
    for _ in 0..IB_CAL_CLOCKS {
        write(w, GP_CFG, GP_CFG_CAL_CLK_HIGH)?;
        commit(w, s6g)?;
        write(w, GP_CFG, GP_CFG_CAL_CLK_LOW)?;
        commit(w, s6g)?;
    }
    write(w, IB_CFG1, ib_cfg1(8, IB_TSDET_CAL, 15, true, true))?;
    commit(w, s6g)?;
    write(w, IB_CFG1, ib_cfg1(8, IB_TSDET_CAL, 15, false, true))?;
    commit(w, s6g)?;
    calibrated(w, macro_ctrl::S6G_IB_STATUS0, |v| {
        v & macro_ctrl::IB_STATUS0_CAL_DONE != 0
    })?;

    // Mission mode settings; the transmitter enabled; no frequency offset.
    write(w, IB_CFG0, ib_cfg0(IB_RTRM_ADJ, IB_SIG_DET_CLK_MM, 0, true))?;
    write(w, IB_CFG1, ib_cfg1(8, IB_TSDET_MM, 15, false, true))?;
    commit(w, s6g)?;
    write(
        w,
        COMMON_CFG,
        common_cfg(true, true, 0, cal.qrate, cal.if_mode),
    )?;
    commit(w, s6g)?;
    write(
        w,
        IB_DFT_CFG2,
        ib_dft_cfg2(0, 0, false, false, false, false),
    )?;
    write(w, DFT_CFG0, dft_cfg0(0, 0, false))?;
    write(w, DES_CFG, des_cfg(6, 2, 5, cal.bw_ana, 0))?;
    commit(w, s6g)?;

    // The LC-PLL tuned again; the RC-PLL in reset for the final configuration.
    modify(w, macro_ctrl::PLL5G_CFG2, PLL5G_CFG2_ENA_GAIN, 0)?;
    write(w, PLL_CFG, pll_cfg(cal.pll_ctrl, false))?;
    write(
        w,
        COMMON_CFG,
        common_cfg(false, true, 0, cal.qrate, cal.if_mode),
    )?;
    commit(w, s6g)
}

/// Configures the calibrated 6G SerDes for `host`, after the 8051 has configured the MAC
/// interface of the package for it.
pub(super) fn configure<M: Mdio>(w: &mut Window<'_, M>, host: HostInterface) -> Result {
    let mode = Mode::of(host);
    let s6g = macro_ctrl::MCB_S6G_CFG;
    update(w, macro_ctrl::MCB_LCPLL_CFG)?;
    update(w, s6g)?;
    write(w, PLL5G_CFG0, pll5g_cfg0(4))?;
    commit(w, macro_ctrl::MCB_LCPLL_CFG)?;
    write(w, DES_CFG, des_cfg(6, 2, 5, mode.bw_ana, 0))?;
    write(w, IB_CFG0, ib_cfg0(IB_RTRM_ADJ, IB_SIG_DET_CLK_MM, 0, true))?;
    write(w, IB_CFG1, ib_cfg1(8, IB_TSDET_MM, 15, false, true))?;
    write(
        w,
        COMMON_CFG,
        common_cfg(true, true, 0, mode.qrate, mode.if_mode),
    )?;
    write(w, IB_CFG2, ib_cfg2(3, 13, 5))?;
    write(w, IB_CFG3, ib_levels(0, 31, 1, 31))?;
    write(w, IB_CFG4, ib_levels(63, 63, 2, 63))?;
    write(w, MISC_CFG, 1)?;
    commit(w, s6g)?;

    write(w, PLL_CFG, pll_cfg(mode.pll_ctrl, true))?;
    commit(w, s6g)?;
    calibrated(w, macro_ctrl::S6G_PLL_STATUS, |v| {
        v & macro_ctrl::PLL_STATUS_CAL_BUSY == 0
    })?;

    // The lane out of reset.
    write(w, MISC_CFG, 0)?;
    commit(w, s6g)
}
