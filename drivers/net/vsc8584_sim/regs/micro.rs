// SPDX-License-Identifier: GPL-2.0

//! The GPIO page (0x10), shared by the four PHYs of a package: GPIO control
//! and the 8051 micro-controller that runs the package's firmware.
//!
//! What the C driver (mscc_main.c) does with it, and what the model answers:
//!
//! * `vsc8584_cmd()` writes `PROC_CMD` (register 18) = `0x8000 | cmd` and polls
//!   until bit 15 (`PROC_CMD_NCOMPLETED`) reads 0 or bit 14
//!   (`PROC_CMD_FAILED`) reads 1; bit 14 gives -EIO, a 500 ms timeout
//!   -ETIMEDOUT. Here a command completes during the write: register 18 then
//!   reads the command with bits 15 and 14 clear. [`MicroFault`] makes it hang
//!   or fail instead.
//! * `PROC_CMD_CRC16` (code 8): the 8051 computes a CRC over the memory range
//!   given in ext1 registers 25 (start) and 26 (length) of PHY 0 and writes it
//!   to ext1 register 25. Reading and writing PHY 0's registers is the
//!   package's part; what CRC is reported is decided by [`CrcMode`].
//! * `vsc8584_micro_assert_reset()` also writes `PROC_CMD` without bit 15
//!   (`PROC_CMD_NOP`, then 0): that is no command, just storage.
//! * `vsc8584_patch_fw()` downloads the firmware one byte per write of
//!   `INT_MEM_CNTL` (register 12) with `READ_PRAM | INT_MEM_WRITE_EN | byte`,
//!   the address (register 11) auto-incrementing when `DW8051_CNTL_STATUS`
//!   (register 0) has `AUTOINC_ADDR`. The model counts the bytes (the patch
//!   RAM contents themselves are not kept).
//! * Registers 0, 3-12 (8051 control, patch traps), 14 (COMA mode) and 19
//!   (`MAC_CFG_FASTLINK`) are otherwise plain storage, as is everything else.
//!
//! [`MicroFault`]: super::fault::MicroFault
//! [`CrcMode`]: super::fault::CrcMode

use super::fault::MicroFault;
use crate::regdesc::mdio::gpio;

/// Registers 0-30 of the GPIO page (31 is each PHY's page register).
const REGS: usize = 31;
/// Commands remembered in the log.
pub const LOG_LEN: usize = 16;

/// The GPIO page of one package.
#[derive(Clone, Debug)]
pub struct Micro {
    regs: [u16; REGS],
    /// Bytes written to the 8051 patch RAM since power-on.
    patch_bytes: u32,
    /// Commands started so far (saturating).
    commands: u32,
    /// The last [`LOG_LEN`] command words written (bit 15 set), oldest first
    /// once the log has wrapped.
    log: [u16; LOG_LEN],
}

impl Default for Micro {
    fn default() -> Self {
        Self::new()
    }
}

impl Micro {
    /// The GPIO page after power-on: every register 0, nothing logged.
    pub const fn new() -> Self {
        Self {
            regs: [0; REGS],
            patch_bytes: 0,
            commands: 0,
            log: [0; LOG_LEN],
        }
    }

    /// Back to the power-on state, in place.
    pub fn reset(&mut self) {
        self.regs = [0; REGS];
        self.patch_bytes = 0;
        self.commands = 0;
        self.log = [0; LOG_LEN];
    }

    /// Reads GPIO register `reg` (0-30; others read 0).
    pub fn read(&self, reg: u8) -> u16 {
        self.regs.get(usize::from(reg)).copied().unwrap_or(0)
    }

    /// Writes GPIO register `reg` without side effects.
    pub fn poke(&mut self, reg: u8, val: u16) {
        if let Some(r) = self.regs.get_mut(usize::from(reg)) {
            *r = val;
        }
    }

    /// Writes GPIO register `reg` with its side effects. Returns the command
    /// (register 18 value without bit 15) if the write started one that
    /// completed successfully, so that the package can carry out what the
    /// command does outside this page (the CRC).
    pub fn write(&mut self, reg: u8, val: u16, fault: MicroFault) -> Option<u16> {
        match reg {
            gpio::PROC_CMD if val & gpio::PROC_CMD_NCOMPLETED != 0 => {
                self.log_command(val);
                let cmd = val & !(gpio::PROC_CMD_NCOMPLETED | gpio::PROC_CMD_FAILED);
                match fault {
                    MicroFault::None => {
                        self.poke(reg, cmd);
                        Some(cmd)
                    }
                    MicroFault::Stuck => {
                        self.poke(reg, val);
                        None
                    }
                    MicroFault::Failed => {
                        self.poke(reg, cmd | gpio::PROC_CMD_FAILED);
                        None
                    }
                }
            }
            gpio::INT_MEM_CNTL => {
                self.poke(reg, val);
                if val & gpio::INT_MEM_SEL == gpio::READ_PRAM && val & gpio::INT_MEM_WRITE_EN != 0 {
                    self.patch_bytes = self.patch_bytes.saturating_add(1);
                    if self.read(gpio::DW8051_CNTL_STATUS) & gpio::AUTOINC_ADDR != 0 {
                        let addr = self.read(gpio::INT_MEM_ADDR).wrapping_add(1);
                        self.poke(gpio::INT_MEM_ADDR, addr);
                    }
                }
                None
            }
            _ => {
                self.poke(reg, val);
                None
            }
        }
    }

    fn log_command(&mut self, val: u16) {
        let slot = (self.commands as usize) % LOG_LEN;
        if let Some(s) = self.log.get_mut(slot) {
            *s = val;
        }
        self.commands = self.commands.saturating_add(1);
    }

    /// Bytes written to the 8051 patch RAM since power-on.
    pub fn patch_bytes(&self) -> u32 {
        self.patch_bytes
    }

    /// Number of commands started since power-on.
    pub fn commands(&self) -> u32 {
        self.commands
    }

    /// Copies the logged command words (with bit 15), oldest first, into
    /// `out`; returns how many were copied (at most [`LOG_LEN`]).
    pub fn command_log(&self, out: &mut [u16]) -> usize {
        let total = self.commands as usize;
        let n = total.min(LOG_LEN);
        let first = total - n;
        let mut copied = 0;
        for (i, o) in out.iter_mut().take(n).enumerate() {
            if let Some(v) = self.log.get((first + i) % LOG_LEN) {
                *o = *v;
                copied += 1;
            }
        }
        copied
    }
}
