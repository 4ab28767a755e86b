// SPDX-License-Identifier: GPL-2.0

//! What rsmacsec knows about the VSC8584 hardware, as pure Rust.
//!
//! Nothing in here touches the kernel: the same files are compiled into the
//! kernel module and into the host test crate (`tests/host`), so that the
//! encodings are checked in milliseconds on the host and again in the guest.
//! Only `core` may be used.

pub mod datapath;
pub mod eip160;
pub mod indirect;
pub mod micro;
pub mod regs;
pub mod serdes;
pub mod tuning;
