// SPDX-License-Identifier: GPL-2.0

//! The management plane of the simulated VSC8584: the register model of a
//! package of four PHYs, as the MDIO bus sees it.
//!
//! This is what makes the unmodified upstream C driver
//! (drivers/net/phy/mscc/) and the Rust driver believe there is a VSC8584 on
//! the bus: paged clause-22 registers, the page-4 indirect window onto the
//! 32-bit banks (two EIP-160 MACsec engines per PHY, MACs, FC buffer,
//! MACRO_CTRL), the 8051 command register and firmware CRC of the package
//! initialisation, self-clearing command bits, write-1 entry bitmaps,
//! clear-on-read counters and sticky interrupt status. Unknown registers are
//! plain storage. The frame path (what the MACsec engine does with the
//! records and flows stored here) is not in this module.
//!
//! Entry point: [`Package`], with [`Package::mdio_read`] and
//! [`Package::mdio_write`]. Fault injection: [`Faults`].
//!
//! Like the rest of the simulator core this is pure Rust, `core` only, no
//! allocation and no `unsafe`; register numbers, addresses and values come
//! from the bus and are never trusted (no indexing that can panic, no
//! arithmetic that can overflow). The register facts come from the
//! simulator's own description, [`crate::regdesc`], never from a driver.

pub mod fault;
pub mod macro_ctrl;
pub mod macsec_bank;
pub mod micro;
pub mod misuse;
pub mod package;
pub mod phy;
pub mod sparse;
pub mod trace;
pub mod variants;
pub mod window;

pub use fault::{CrcMode, Faults, MdioError, MicroFault};
pub use macsec_bank::Engine;
pub use package::{Package, PHYS};
pub use variants::Variants;
