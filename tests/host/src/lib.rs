// SPDX-License-Identifier: GPL-2.0

//! The host tests' view of rsmacsec's pure Rust parts.
//!
//! The driver's hardware description and the simulator are two crates
//! (`driver/` and `sim/`) that know nothing of each other; only the tests
//! see both, to run one against the other and to compare the two
//! descriptions of the hardware (`tests/crosscheck.rs`).

#![no_std]

pub use vsc8584_driver_hw::{hw, logic};
pub use vsc8584_sim_core::{engine, regdesc, regs};
