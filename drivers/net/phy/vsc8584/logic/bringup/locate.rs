// SPDX-License-Identifier: GPL-2.0

//! Where a PHY sits in its package.
//!
//! Each PHY reports its address within the package (0 to 3) in ext1 register 23, and whether
//! the package's MDIO addresses run backwards (PHY 0 at the highest) in ext1 register 20.

use crate::hw::regs::{ext1, page};
use crate::logic::error::{Errno, Error, Result};
use crate::logic::mdio::Mdio;
use crate::logic::paged::Paged;

/// PHYs in a package.
const PACKAGE_PHYS: u8 = 4;
/// MDIO addresses on a bus.
const MDIO_ADDRS: u8 = 32;

/// The place of a PHY in its package.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placement {
    /// The PHY's address within the package, 0 to 3.
    pub index: u8,
    /// The MDIO address of the package's PHY 0, through which the package-wide registers are
    /// reached (and the package is joined).
    pub base: u8,
}

/// Finds the place of the PHY the driver serves (`m.addr()`) in its package.
///
/// Fails with `ENODEV` when what the PHY reports cannot be: an address within the package
/// beyond 3, or a PHY 0 outside the bus (the C driver computes such an address and uses it).
pub fn locate<M: Mdio>(m: &mut M) -> Result<Placement> {
    let addr = m.addr();
    let mut p = Paged::new(m, addr);
    let cntl4 = p.read(page::EXTENDED, ext1::EXT_PHY_CNTL_4)?;
    let actiphy = p.read(page::EXTENDED, ext1::ACTIPHY_CNTL)?;
    p.finish()?;

    let index = (cntl4 >> ext1::PHY_CNTL_4_ADDR_SHIFT) as u8 & 0x1f;
    let base = if actiphy & ext1::PHY_ADDR_REVERSED != 0 {
        addr.checked_add(index)
    } else {
        addr.checked_sub(index)
    };
    match base {
        Some(base) if index < PACKAGE_PHYS && base < MDIO_ADDRS => Ok(Placement { index, base }),
        _ => Err(Error::refused(
            Errno::NoDev,
            "the PHY reports a place outside any package\0",
        )),
    }
}
