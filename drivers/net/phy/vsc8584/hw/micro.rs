// SPDX-License-Identifier: GPL-2.0

//! The 8051 micro-controller of the package, on the GPIO page: its control bits, the patch
//! traps, the commands the bring-up gives it, and the GPIO registers next to it.
//!
//! The register numbers are in [`super::regs::gpio`]; the values here are those the upstream C
//! driver (`mscc.h`, `mscc_main.c`) writes.

/// `DW8051_CNTL_STATUS` bit 15: the 8051 runs (0 holds it in software reset).
pub const MICRO_NSOFT_RESET: u16 = 0x8000;
/// `DW8051_CNTL_STATUS` bit 14: run from the internal ROM.
pub const RUN_FROM_INT_ROM: u16 = 0x4000;
/// `DW8051_CNTL_STATUS` bit 12: clock the patch RAM (for a download).
pub const PATCH_RAM_CLK: u16 = 0x1000;
/// `DW8051_CNTL_STATUS` bit 7: the patch traps are enabled.
pub const MICRO_PATCH_EN: u16 = 0x0080;
/// `DW8051_CNTL_STATUS` bit 4: 8051 core clock enable.
pub const DW8051_CLK_EN: u16 = 0x0010;
/// `DW8051_CNTL_STATUS` bit 3: micro-controller clock enable.
pub const MICRO_CLK_EN: u16 = 0x0008;
/// `DW8051_CNTL_STATUS` bits 1:0: clock divider, the value for a division by two.
pub const MICRO_CLK_DIVIDE_2: u16 = 0x0001;

/// `INT_MEM_CNTL` memory select: the 8051's RAM (no patch RAM access).
pub const READ_RAM: u16 = 0x0000;
/// `INT_MEM_CNTL` bit 8: patch vector 0 is enabled.
pub const PATCH_VEC_ZERO_EN: u16 = 0x0100;

/// `INT_MEM_CNTL` enable bit of patch trap `x` (1-4).
pub const fn en_patch_ram_trap_addr(x: u8) -> u16 {
    0x0100 << (x.wrapping_sub(1) & 0x3)
}

/// ROM and RAM address that park patch trap 4 while the 8051 is reset.
pub const PARKED_TRAP_ADDR: u16 = 0x005b;
/// ROM address patch vector 0 traps: the 6G SerDes configuration routine.
pub const ROM_TRAP_SERDES_6G_CFG: u16 = 0x1e48;
/// Patch RAM address patch vector 0 jumps to: skips the input buffer calibration polling, which
/// the driver does itself.
pub const RAM_TRAP_SERDES_6G_CFG: u16 = 0x1e4f;

/// Command code: configure the MAC interface through the macro configuration bus.
pub const PROC_CMD_MCB_ACCESS_MAC_CONF: u16 = 0x0000;
/// Command code: configure the fibre media of the ports given in bits 11:8.
pub const PROC_CMD_FIBER_MEDIA_CONF: u16 = 0x0001;
/// Command flag: reset the configuration of the port.
pub const PROC_CMD_RST_CONF_PORT: u16 = 0x0080;
/// Command flag: read-modify-write the port configuration.
pub const PROC_CMD_READ_MOD_WRITE_PORT: u16 = 0x0040;
/// MAC configuration: SGMII.
pub const PROC_CMD_SGMII_MAC: u16 = 0x0030;
/// MAC configuration: QSGMII.
pub const PROC_CMD_QSGMII_MAC: u16 = 0x0020;
/// Fibre media configuration: disable the SerDes media.
pub const PROC_CMD_FIBER_DISABLE: u16 = 0x0020;
/// Fibre media configuration: the 100BASE-FX mode.
pub const PROC_CMD_FIBER_100BASE_FX: u16 = 0x0010;
/// Fibre media configuration: the 1000BASE-X mode.
pub const PROC_CMD_FIBER_1000BASE_X: u16 = 0x0000;

/// Port selection bit of port `port` (0-3) in a fibre media command.
pub const fn proc_cmd_fiber_port(port: u8) -> u16 {
    0x0100 << (port & 0x3)
}

/// `MAC_CFG_FASTLINK` bits 15:14: the MAC interface of the package.
pub const MAC_CFG_MASK: u16 = 0xc000;
/// `MAC_CFG_FASTLINK` MAC interface: SGMII.
pub const MAC_CFG_SGMII: u16 = 0x0000;
/// `MAC_CFG_FASTLINK` MAC interface: QSGMII.
pub const MAC_CFG_QSGMII: u16 = 0x4000;

/// `GPIO_CONTROL_2` bit 13: the COMA_MODE pin is an input (1) or an output (0).
pub const COMA_MODE_INPUT: u16 = 0x2000;
/// `GPIO_CONTROL_2` bit 12: the value driven on COMA_MODE when it is an output.
pub const COMA_MODE_OUTPUT: u16 = 0x1000;

/// Highest 8051 code address plus one: the patch starting at
/// [`super::regs::gpio::FW_START_ADDR`] must end below it.
pub const CODE_SPACE_END: u32 = 0x1_0000;
