// SPDX-License-Identifier: GPL-2.0

//! The logic of the driver, as pure Rust (named `logic`, not `core`, which would shadow the
//! `core` crate).
//!
//! Everything the driver decides (the register sequences that bring the PHY up, the flows and
//! transform records of the MACsec offload, the shadow of what was programmed, the counters) lives
//! here, generic over the [`mdio::Mdio`] trait: the kernel module implements it with the MDIO bus
//! of the PHY, the host tests with the simulator's register model. So the very code that runs in
//! the kernel is tested on the host against the simulated hardware in milliseconds.
//!
//! Only `core` may be used, like in [`crate::hw`], whose encodings this code uses.

pub mod bringup;
pub mod error;
pub mod macsec;
pub mod mdio;
pub mod paged;
pub mod window;
