// SPDX-License-Identifier: GPL-2.0

//! Clause-22 access to the PHYs of the package, as the driver core needs it.

use super::error::Result;

/// Clause-22 registers of the PHYs on the MDIO bus, and time.
///
/// The kernel implements it on the MDIO bus of the PHY with the bus lock held for the whole
/// operation, so that a sequence of accesses (a page selection, a command and its completion) is
/// never interleaved with another user of the bus. The host tests implement it with the
/// simulator's register model.
pub trait Mdio {
    /// Returns the MDIO address of the PHY the driver serves.
    fn addr(&self) -> u8;

    /// Reads register `reg` (0 to 31) of the PHY at MDIO address `addr`.
    fn read(&mut self, addr: u8, reg: u8) -> Result<u16>;

    /// Writes `val` to register `reg` (0 to 31) of the PHY at MDIO address `addr`.
    fn write(&mut self, addr: u8, reg: u8, val: u16) -> Result;

    /// Waits for at least `us` microseconds, for hardware that needs time (the host tests,
    /// whose simulated hardware is instantaneous, do not wait).
    fn delay_us(&mut self, us: u32);
}
