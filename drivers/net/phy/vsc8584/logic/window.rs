// SPDX-License-Identifier: GPL-2.0

//! 32-bit access to the register banks behind the page-4 indirect window.
//!
//! The MACsec engines, the host and line MACs, the flow-control buffer and the serdes macro are
//! banks of 32-bit registers that clause-22 MDIO reaches through registers 17 to 20 of extended
//! page 4 ([`crate::hw::indirect`] encodes the accesses). [`Window`] runs that protocol over
//! [`Mdio`]: it selects page 4 once for a whole batch of accesses, writes the target register
//! and each data half only when it changes, polls for completion, and restores the standard
//! page at the end.
//!
//! A batch runs under the bus lock ([`Mdio`]'s contract), so no one else uses the window
//! between two of its accesses: registers 17 to 20 hold what this window last wrote to them or,
//! for the data halves, what the last read brought in (a read command loads them, a write
//! command leaves them alone). What they hold is forgotten when an access fails, since a failed
//! MDIO frame may or may not have landed.

use super::error::{Error, Result};
use super::mdio::Mdio;
use crate::hw::indirect::{self, Dir};
use crate::hw::regs::{page, window, Bank, EXT_PAGE_ACCESS};

/// 32-bit registers of the banks of the PHY, as the driver core uses them.
pub trait Bus {
    /// Reads register `addr` of `bank`.
    fn read32(&mut self, bank: Bank, addr: u16) -> Result<u32>;

    /// Writes `val` to register `addr` of `bank`.
    fn write32(&mut self, bank: Bank, addr: u16, val: u32) -> Result;
}

/// Polls of the command register that do not wait, then polls that wait [`POLL_DELAY_US`]: the
/// hardware completes an access within microseconds, and gives up after about half a second like
/// the C driver (which, however, never reports it).
const FAST_POLLS: u32 = 8;
/// Polls that wait before each read of the command register.
const SLOW_POLLS: u32 = 500;
/// Wait before each slow poll, in microseconds.
const POLL_DELAY_US: u32 = 1000;

/// The indirect window of one PHY, for a batch of accesses.
///
/// The MACsec engines of a PHY sit behind its own window; the serdes macro and the other
/// package-wide banks behind the window of the package's base PHY.
pub struct Window<'a, M: Mdio> {
    mdio: &'a mut M,
    /// MDIO address of the PHY whose window is used.
    addr: u8,
    /// Page 4 was selected by this window and not restored yet.
    selected: bool,
    /// What register 20 holds, when this window wrote it.
    target: Option<u16>,
    /// What the data registers 17 and 18 hold, when this window knows it.
    data: [Option<u16>; 2],
}

impl<'a, M: Mdio> Window<'a, M> {
    /// Makes the window of the PHY at MDIO address `addr`. Nothing is written before the first
    /// access.
    pub fn new(mdio: &'a mut M, addr: u8) -> Self {
        Self {
            mdio,
            addr,
            selected: false,
            target: None,
            data: [None; 2],
        }
    }

    /// Waits for at least `us` microseconds, between the polls of a register behind the window
    /// that the hardware sets when it is done (a calibration, a macro bus transfer).
    pub fn delay_us(&mut self, us: u32) {
        self.mdio.delay_us(us);
    }

    /// Restores the standard page if this window selected page 4, and returns the error of
    /// that write. Dropping the window restores it too, without a report.
    pub fn finish(mut self) -> Result {
        self.restore()
    }

    fn restore(&mut self) -> Result {
        if self.selected {
            self.selected = false;
            self.mdio
                .write(self.addr, EXT_PAGE_ACCESS, page::STANDARD)?;
        }
        Ok(())
    }

    /// Selects page 4 and writes the target register of `cmd` when they are not in place.
    fn prepare(&mut self, cmd: &indirect::Command) -> Result {
        if !self.selected {
            self.mdio
                .write(self.addr, EXT_PAGE_ACCESS, page::EXTENDED4)?;
            self.selected = true;
            self.target = None;
            self.data = [None; 2];
        }
        if self.target != Some(cmd.target) {
            self.target = None;
            self.mdio.write(self.addr, window::TARGET, cmd.target)?;
            self.target = Some(cmd.target);
        }
        Ok(())
    }

    /// Puts `val` into data register `reg` (17 or 18) unless it holds it already.
    fn put_data(&mut self, half: usize, reg: u8, val: u16) -> Result {
        if self.data[half] != Some(val) {
            self.data[half] = None;
            self.mdio.write(self.addr, reg, val)?;
            self.data[half] = Some(val);
        }
        Ok(())
    }

    /// Reads data register `reg` (17 or 18), which then holds what was read.
    fn get_data(&mut self, half: usize, reg: u8) -> Result<u16> {
        self.data[half] = None;
        let val = self.mdio.read(self.addr, reg)?;
        self.data[half] = Some(val);
        Ok(val)
    }

    /// Starts the access `cmd` and waits until the hardware reports it done.
    fn run(&mut self, cmd: &indirect::Command) -> Result {
        self.mdio.write(self.addr, window::CMD, cmd.cmd)?;
        for poll in 0..FAST_POLLS + SLOW_POLLS {
            if poll >= FAST_POLLS {
                self.mdio.delay_us(POLL_DELAY_US);
            }
            if indirect::is_done(self.mdio.read(self.addr, window::CMD)?) {
                return Ok(());
            }
        }
        Err(Error::Timeout)
    }

    fn encode(bank: Bank, addr: u16, dir: Dir) -> Result<indirect::Command> {
        indirect::encode(bank, addr, dir).map_err(|_| {
            Error::refused(
                super::error::Errno::Inval,
                "register address beyond the bank\0",
            )
        })
    }
}

impl<M: Mdio> Bus for Window<'_, M> {
    fn read32(&mut self, bank: Bank, addr: u16) -> Result<u32> {
        let cmd = Self::encode(bank, addr, Dir::Read)?;
        self.prepare(&cmd)?;
        // The read loads the data registers with a value not known yet.
        self.data = [None; 2];
        self.run(&cmd)?;
        let lo = self.get_data(0, window::DATA_LO)?;
        let hi = self.get_data(1, window::DATA_HI)?;
        Ok(indirect::join(lo, hi))
    }

    fn write32(&mut self, bank: Bank, addr: u16, val: u32) -> Result {
        let cmd = Self::encode(bank, addr, Dir::Write)?;
        self.prepare(&cmd)?;
        let (lo, hi) = indirect::split(val);
        self.put_data(0, window::DATA_LO, lo)?;
        self.put_data(1, window::DATA_HI, hi)?;
        self.run(&cmd).inspect_err(|_| self.data = [None; 2])
    }
}

impl<M: Mdio> Drop for Window<'_, M> {
    fn drop(&mut self) {
        // The error is reported by `finish`, which callers use on the success path.
        let _ = self.restore();
    }
}
