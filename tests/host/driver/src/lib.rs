// SPDX-License-Identifier: GPL-2.0

//! The Rust driver's pure parts, its hardware description (`hw/`) and its
//! logic (`logic/`), compiled for the host: the very files the driver module
//! compiles.

#![no_std]

#[path = "../../../../drivers/net/phy/vsc8584/hw/mod.rs"]
pub mod hw;

#[path = "../../../../drivers/net/phy/vsc8584/logic/mod.rs"]
pub mod logic;
