// SPDX-License-Identifier: GPL-2.0

//! MDIO errors and the fault injection knobs of the simulated package.
//!
//! The simulator is the only hardware the drivers meet, so it has to be able to
//! misbehave the way a board does: an MDIO transaction that fails, an indirect
//! access whose completion bit never comes, an 8051 command that hangs or
//! fails, firmware that is not patched yet. Tests set these knobs directly;
//! in the kernel they sit behind debugfs files.
//!
//! Every enum here is `#[repr(u8)]` with a variant 0, so that an all-zero
//! [`Faults`] (as found in zeroed memory) is valid and means "no fault".

/// Why an MDIO transaction failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum MdioError {
    /// No PHY of the package answers at this MDIO address.
    NoDevice = 0,
    /// The register number is above 31 (clause 22 has five address bits).
    BadRegister = 1,
    /// An injected bus error (the kernel glue reports it as -EIO).
    Io = 2,
    /// An injected timeout (the kernel glue reports it as -ETIMEDOUT).
    Timeout = 3,
}

/// Injected misbehaviour of the 8051 command register (GPIO page, register 18).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum MicroFault {
    /// Commands complete at once.
    None = 0,
    /// `PROC_CMD_NCOMPLETED` (bit 15) stays set: `vsc8584_cmd()` times out.
    Stuck = 1,
    /// Commands end with `PROC_CMD_FAILED` (bit 14): `vsc8584_cmd()` returns -EIO.
    Failed = 2,
}

/// What the 8051 `PROC_CMD_CRC16` command reports in ext1 register 25.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CrcMode {
    /// Always the expected CRC 0xfb48: the firmware counts as already patched,
    /// so the C driver skips the download.
    Good = 0,
    /// 0 until a patch has been written to the 8051 patch RAM, 0xfb48 after:
    /// makes the C driver download the firmware.
    BadUntilPatched = 1,
    /// Always a wrong CRC (the driver patches, then only warns).
    Bad = 2,
}

/// Fault injection state of one package.
#[derive(Clone, Debug)]
pub struct Faults {
    /// Accesses to go until the first injected failure (1 = the next one).
    fail_in: u64,
    /// Failures still to inject, `u32::MAX` meaning forever; 0 = disarmed.
    fail_left: u32,
    /// The error the failing accesses return.
    fail_error: MdioError,
    /// Bit `i` set: the page-4 window of PHY `i` never completes an access.
    window_stuck: u8,
    /// Polls of page-4 register 19 that read "busy" before an access completes.
    window_delay: u32,
    /// The MACRO_CTRL MCB trigger bits 31/30 never fall back to 0.
    mcb_stuck: bool,
    /// Behaviour of the 8051 command register.
    micro: MicroFault,
    /// CRC reported by `PROC_CMD_CRC16`.
    crc: CrcMode,
    /// Accesses failed so far.
    injected: u64,
}

impl Default for Faults {
    fn default() -> Self {
        Self::new()
    }
}

impl Faults {
    /// No fault armed.
    pub const fn new() -> Self {
        Self {
            fail_in: 0,
            fail_left: 0,
            fail_error: MdioError::NoDevice,
            window_stuck: 0,
            window_delay: 0,
            mcb_stuck: false,
            micro: MicroFault::None,
            crc: CrcMode::Good,
            injected: 0,
        }
    }

    /// Disarms every fault and zeroes the count of injected failures.
    pub fn clear(&mut self) {
        *self = Self::new();
    }

    /// Makes the `nth` MDIO access from now fail with `error` (1 = the next
    /// one), once. `nth == 0` disarms.
    pub fn fail_access(&mut self, nth: u64, error: MdioError) {
        self.fail_accesses(nth, 1, error);
    }

    /// Makes `count` consecutive MDIO accesses fail with `error`, starting with
    /// the `nth` from now; `count == u32::MAX` keeps failing until
    /// [`Faults::clear`]. `nth == 0` or `count == 0` disarms.
    pub fn fail_accesses(&mut self, nth: u64, count: u32, error: MdioError) {
        if nth == 0 || count == 0 {
            self.fail_in = 0;
            self.fail_left = 0;
            return;
        }
        self.fail_in = nth;
        self.fail_left = count;
        self.fail_error = error;
    }

    /// Number of MDIO accesses failed by injection so far.
    pub fn injected(&self) -> u64 {
        self.injected
    }

    /// Called once per MDIO access: says whether this access must fail.
    pub(crate) fn on_access(&mut self) -> Result<(), MdioError> {
        if self.fail_left == 0 {
            return Ok(());
        }
        if self.fail_in > 1 {
            self.fail_in -= 1;
            return Ok(());
        }
        // Triggered: this access and the next `fail_left - 1` ones fail.
        self.fail_in = 0;
        if self.fail_left != u32::MAX {
            self.fail_left -= 1;
        }
        self.injected = self.injected.saturating_add(1);
        Err(self.fail_error)
    }

    /// Keeps (or no longer keeps) the page-4 completion bit of PHY `phy` (its
    /// address within the package, 0-3) from ever reading 1. A pending access
    /// completes at the first poll after the fault is lifted.
    pub fn set_window_stuck(&mut self, phy: usize, stuck: bool) {
        let Some(bit) = phy_bit(phy) else {
            return;
        };
        if stuck {
            self.window_stuck |= bit;
        } else {
            self.window_stuck &= !bit;
        }
    }

    /// Returns whether the page-4 window of PHY `phy` is stuck.
    pub fn window_stuck(&self, phy: usize) -> bool {
        phy_bit(phy).is_some_and(|bit| self.window_stuck & bit != 0)
    }

    /// Makes every indirect access read "busy" for `polls` reads of register 19
    /// before it completes (0 = immediate completion, the default).
    pub fn set_window_delay(&mut self, polls: u32) {
        self.window_delay = polls;
    }

    /// Polls an indirect access stays busy for.
    pub fn window_delay(&self) -> u32 {
        self.window_delay
    }

    /// Keeps the MACRO_CTRL MCB trigger bits (31 write, 30 read) from clearing.
    pub fn set_mcb_stuck(&mut self, stuck: bool) {
        self.mcb_stuck = stuck;
    }

    /// Returns whether the MCB trigger bits are stuck.
    pub fn mcb_stuck(&self) -> bool {
        self.mcb_stuck
    }

    /// Sets how the 8051 answers commands.
    pub fn set_micro(&mut self, fault: MicroFault) {
        self.micro = fault;
    }

    /// How the 8051 answers commands.
    pub fn micro(&self) -> MicroFault {
        self.micro
    }

    /// Sets what `PROC_CMD_CRC16` reports.
    pub fn set_crc_mode(&mut self, mode: CrcMode) {
        self.crc = mode;
    }

    /// What `PROC_CMD_CRC16` reports.
    pub fn crc_mode(&self) -> CrcMode {
        self.crc
    }
}

/// Bit of PHY `phy` in an 8-bit per-PHY mask.
fn phy_bit(phy: usize) -> Option<u8> {
    u32::try_from(phy).ok().and_then(|p| 1u8.checked_shl(p))
}
