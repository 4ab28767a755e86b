// SPDX-License-Identifier: GPL-2.0

//! The advanced interrupt controller (EIP-201) of an engine: edge-detected
//! inputs, raw and enabled status, enable set and clear. Its output is the
//! engine interrupt that `MACSEC_STICKY.ENG_IRQ` latches ([`super::ctl`]).

use super::map::{Access, Reg};
use super::Dir;

/// Input polarity, fixed to rising edge (`ingr.h:6430`, text at
/// `egr.h:5293-5297`).
pub const AIC_POL_CTRL: u16 = 0x3e00;
/// Input type, fixed to edge detection (`ingr.h:6453`, text at
/// `egr.h:5316-5320`).
pub const AIC_TYPE_CTRL: u16 = 0x3e01;
/// Input enables (`ingr.h:6476`); the C driver writes 0xf to the egress one
/// (`mscc_macsec.c:1008`), MESA sets 0xf (`api.c:5434-5436`).
pub const AIC_ENABLE_CTRL: u16 = 0x3e02;
/// Read: inputs that saw an edge; write: 1s set enables (AIC_ENABLE_SET)
/// (`ingr.h:6499`, text at `egr.h:5362-5373`).
pub const AIC_RAW_STAT: u16 = 0x3e03;
/// Read: raw status of the enabled inputs; write 1 to clear the raw status
/// (`ingr.h:6529`, text at `egr.h:5392-5394`).
pub const AIC_ENABLED_STAT: u16 = 0x3e04;
/// Write 1s to clear enables (`ingr.h:6554`, text at `egr.h:5417-5423`;
/// MESA disables its events so, `api.c:5444-5446`).
pub const AIC_ENABLE_CLR: u16 = 0x3e05;
/// Number of inputs (`ingr.h:6579`, text at `egr.h:5442-5446`).
pub const AIC_OPTIONS: u16 = 0x3e06;
/// Module version (`ingr.h:6602`).
pub const AIC_VERSION: u16 = 0x3e07;

/// Inputs of the ingress AIC (`egr.h:5445`).
pub const INGRESS_INPUTS: u32 = 5;
/// Inputs of the egress AIC (`egr.h:5446`).
pub const EGRESS_INPUTS: u32 = 4;
/// The ingress input bits.
pub const INGRESS_BITS: u32 = 0x1f;
/// The egress input bits.
pub const EGRESS_BITS: u32 = 0x0f;

/// The registers.
pub const REGS: &[Reg] = &[
    Reg::one(
        "AIC_POL_CTRL",
        AIC_POL_CTRL,
        Dir::Ingress,
        INGRESS_BITS,
        INGRESS_BITS,
        Access::Ro,
    ),
    Reg::one(
        "AIC_POL_CTRL",
        AIC_POL_CTRL,
        Dir::Egress,
        EGRESS_BITS,
        EGRESS_BITS,
        Access::Ro,
    ),
    Reg::one(
        "AIC_TYPE_CTRL",
        AIC_TYPE_CTRL,
        Dir::Ingress,
        INGRESS_BITS,
        INGRESS_BITS,
        Access::Ro,
    ),
    Reg::one(
        "AIC_TYPE_CTRL",
        AIC_TYPE_CTRL,
        Dir::Egress,
        EGRESS_BITS,
        EGRESS_BITS,
        Access::Ro,
    ),
    // *Choice*: enables reset 0.
    Reg::one(
        "AIC_ENABLE_CTRL",
        AIC_ENABLE_CTRL,
        Dir::Ingress,
        0,
        INGRESS_BITS,
        Access::Rw,
    ),
    Reg::one(
        "AIC_ENABLE_CTRL",
        AIC_ENABLE_CTRL,
        Dir::Egress,
        0,
        EGRESS_BITS,
        Access::Rw,
    ),
    Reg::one(
        "AIC_RAW_STAT",
        AIC_RAW_STAT,
        Dir::Ingress,
        0,
        INGRESS_BITS,
        Access::Special,
    ),
    Reg::one(
        "AIC_RAW_STAT",
        AIC_RAW_STAT,
        Dir::Egress,
        0,
        EGRESS_BITS,
        Access::Special,
    ),
    Reg::one(
        "AIC_ENABLED_STAT",
        AIC_ENABLED_STAT,
        Dir::Ingress,
        0,
        INGRESS_BITS,
        Access::W1c,
    ),
    Reg::one(
        "AIC_ENABLED_STAT",
        AIC_ENABLED_STAT,
        Dir::Egress,
        0,
        EGRESS_BITS,
        Access::W1c,
    ),
    Reg::one(
        "AIC_ENABLE_CLR",
        AIC_ENABLE_CLR,
        Dir::Ingress,
        0,
        INGRESS_BITS,
        Access::Action,
    ),
    Reg::one(
        "AIC_ENABLE_CLR",
        AIC_ENABLE_CLR,
        Dir::Egress,
        0,
        EGRESS_BITS,
        Access::Action,
    ),
    Reg::one(
        "AIC_OPTIONS",
        AIC_OPTIONS,
        Dir::Ingress,
        INGRESS_INPUTS,
        0x3f,
        Access::Ro,
    ),
    Reg::one(
        "AIC_OPTIONS",
        AIC_OPTIONS,
        Dir::Egress,
        EGRESS_INPUTS,
        0x3f,
        Access::Ro,
    ),
    // *Choice*: the version is not documented; it reads 0.
    Reg::one(
        "AIC_VERSION",
        AIC_VERSION,
        Dir::Both,
        0,
        u32::MAX,
        Access::Ro,
    ),
];
