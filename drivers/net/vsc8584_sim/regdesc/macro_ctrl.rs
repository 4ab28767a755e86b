// SPDX-License-Identifier: GPL-2.0

//! The MACRO_CTRL bank (target 0x07): the package's SerDes and PLL macros,
//! which the C driver's package initialisation configures and polls.

/// LC-PLL configuration 2 (`mscc.h:105`).
pub const PLL5G_CFG2: u16 = 0x08;
/// LC-PLL macro configuration bus register (`mscc.h:106`,
/// `mscc_main.c:1307`).
pub const MCB_LCPLL_CFG: u16 = 0x11;
/// 6G SerDes input buffer status 0 (`mscc.h:114`).
pub const S6G_IB_STATUS0: u16 = 0x2f;
/// `S6G_IB_STATUS0` bit 8: calibration done (`mscc_serdes.c:481-482`).
pub const IB_STATUS0_CAL_DONE: u32 = 1 << 8;
/// 6G SerDes PLL status (`mscc.h:113`).
pub const S6G_PLL_STATUS: u16 = 0x31;
/// `S6G_PLL_STATUS` bit 12: calibration running (`mscc_serdes.c:388-389`).
pub const PLL_STATUS_CAL_BUSY: u32 = 1 << 12;
/// 6G SerDes macro configuration bus register (`mscc.h:111`).
pub const MCB_S6G_CFG: u16 = 0x3f;
/// MCB: copy the CSRs to the macro; falls back to 0 when done (`mscc.h:101`,
/// polled by `mscc_main.c:1875-1880`).
pub const MCB_WRITE: u32 = 1 << 31;
/// MCB: copy the macro to the CSRs; falls back to 0 when done
/// (`mscc.h:102`).
pub const MCB_READ: u32 = 1 << 30;
