// SPDX-License-Identifier: GPL-2.0

//! Clause-22 registers of one PHY by page, for a sequence of accesses.
//!
//! Registers 16 to 30 mean something else on each page that register 31 selects. [`Paged`]
//! writes register 31 only when an access needs another page than the one selected, and
//! selects the standard page again at the end. Everyone who changes the page puts the standard
//! page back when done (phylib's paged accesses do, so do [`Paged`] and
//! [`super::window::Window`]), so a sequence starts on it.

use super::error::Result;
use super::mdio::Mdio;
use crate::hw::regs::{page, EXT_PAGE_ACCESS};

/// The paged registers of the PHY at one MDIO address, for a sequence of accesses.
pub struct Paged<'a, M: Mdio> {
    mdio: &'a mut M,
    addr: u8,
    /// The page selected, as far as this sequence knows: `None` after a failed selection.
    page: Option<u16>,
}

impl<'a, M: Mdio> Paged<'a, M> {
    /// Starts a sequence on the PHY at MDIO address `addr`, whose standard page is selected.
    pub fn new(mdio: &'a mut M, addr: u8) -> Self {
        Self {
            mdio,
            addr,
            page: Some(page::STANDARD),
        }
    }

    /// The MDIO address of the PHY.
    pub fn addr(&self) -> u8 {
        self.addr
    }

    /// Selects `page` unless it is selected already.
    pub fn select(&mut self, page: u16) -> Result {
        if self.page != Some(page) {
            // Unknown until the write succeeds: a failed write may or may not have landed.
            self.page = None;
            self.mdio.write(self.addr, EXT_PAGE_ACCESS, page)?;
            self.page = Some(page);
        }
        Ok(())
    }

    /// Reads register `reg` of page `page`.
    pub fn read(&mut self, page: u16, reg: u8) -> Result<u16> {
        self.select(page)?;
        self.mdio.read(self.addr, reg)
    }

    /// Writes `val` to register `reg` of page `page`.
    pub fn write(&mut self, page: u16, reg: u8, val: u16) -> Result {
        self.select(page)?;
        self.mdio.write(self.addr, reg, val)
    }

    /// Replaces the bits of `mask` in register `reg` of page `page` with those of `set`.
    ///
    /// Writes even when nothing changes: some of these registers act on every write (the 8051's
    /// memory access register writes a byte each time).
    pub fn modify(&mut self, page: u16, reg: u8, mask: u16, set: u16) -> Result {
        let old = self.read(page, reg)?;
        self.write(page, reg, (old & !mask) | (set & mask))
    }

    /// Waits for at least `us` microseconds.
    pub fn delay_us(&mut self, us: u32) {
        self.mdio.delay_us(us);
    }

    /// Selects the standard page again and returns the error of that write. Dropping the
    /// sequence does it too, without a report.
    pub fn finish(mut self) -> Result {
        self.select(page::STANDARD)
    }
}

impl<M: Mdio> Drop for Paged<'_, M> {
    fn drop(&mut self) {
        // The error is reported by `finish`, which callers use on the success path.
        let _ = self.select(page::STANDARD);
    }
}
