// SPDX-License-Identifier: GPL-2.0

//! The pure Rust parts of rsmacsec, compiled for the host.
//!
//! The files are the very ones the kernel modules compile (included with
//! `#[path]`), so a host test exercises the code that runs in the kernel.

#![no_std]

#[path = "../../../drivers/net/phy/vsc8584/hw/mod.rs"]
pub mod hw;

#[path = "../../../drivers/net/vsc8584_sim/engine/mod.rs"]
pub mod engine;

#[path = "../../../drivers/net/vsc8584_sim/regs/mod.rs"]
pub mod regs;
