// SPDX-License-Identifier: GPL-2.0

//! The pure Rust parts of the VSC8584 simulator, compiled for the host.
//!
//! The files are the very ones the simulator module compiles (included with
//! `#[path]`). This crate has no dependency on the driver's crate: the
//! simulator cannot reach the driver's register encodings, not even by
//! accident, so the two can only agree by both being right.

#![no_std]

#[path = "../../../../drivers/net/vsc8584_sim/regdesc/mod.rs"]
pub mod regdesc;

#[path = "../../../../drivers/net/vsc8584_sim/engine/mod.rs"]
pub mod engine;

#[path = "../../../../drivers/net/vsc8584_sim/regs/mod.rs"]
pub mod regs;
