// SPDX-License-Identifier: GPL-2.0

//! The wrapper control registers of an engine (MACSEC_CTL_REGS): enable,
//! reset and bypass of the block, its sticky error bits and their interrupt
//! mask, and (egress) the flow control towards the FC buffer.

use super::map::{Access, Reg};
use super::{Dir, Field};

/// Mode configuration (`ingr.h:31`).
pub const ENA_CFG: u16 = 0x0800;
/// Control configuration: source ports of MAC control and data frames
/// (`ingr.h:111`).
pub const CTL_CFG: u16 = 0x0801;
/// Error sticky bits (`ingr.h:169`).
pub const STICKY: u16 = 0x0802;
/// Interrupt mask of the sticky bits (`ingr.h:216`).
pub const STICKY_MASK: u16 = 0x0803;
/// Egress: flow control towards the FC buffer (`egr.h:261`).
pub const FC_CFG: u16 = 0x0804;
/// Ingress: fixed and maximum latency (`ingr.h:261`).
pub const IGR_LATENCY_CFG: u16 = 0x0804;

/// Fields of `ENA_CFG`.
pub mod ena_cfg {
    use super::Field;

    /// Clock enable (`ingr.h:44`).
    pub const CLK_ENA: Field = Field::bit(0);
    /// Software reset: "all logic (other than CSR target) is held in reset"
    /// (`ingr.h:57`, text at `ingr.h:49-52`).
    pub const SW_RST: Field = Field::bit(1);
    /// Bypass: takes priority over `MACSEC_ENA` (`ingr.h:71`, text at
    /// `ingr.h:60-66`).
    pub const MACSEC_BYPASS_ENA: Field = Field::bit(8);
    /// MACsec block enable (`ingr.h:84`).
    pub const MACSEC_ENA: Field = Field::bit(9);
    /// Speed mode, 5 = 1G (`ingr.h:100`, text at `ingr.h:88-95`).
    pub const MACSEC_SPEED_MODE: Field = Field::bits(10, 3);
}

/// Fields of `STICKY` and `STICKY_MASK` (bit `n` of the mask enables bit `n`
/// of the sticky register towards the PHY's interrupt).
pub mod sticky {
    use super::Field;

    /// The crypto engine's interrupt, through the AIC. The headers do not
    /// describe it; MESA names the mask bit ENG_IRQ_STICKY_MASK and sets it
    /// to enable its events (`api.c:190-191`, `api.c:5439-5441`).
    pub const ENG_IRQ: Field = Field::bit(3);
    /// Packet FIFO overflow (`ingr.h:183`, mask `ingr.h:228`).
    pub const PKT64TO128_FIFO_OVERFLOW: Field = Field::bit(5);
    /// ECC error in the SA store (`ingr.h:195`, mask `ingr.h:240`).
    pub const SA_STORE_RAM_INTEGRITY_ERROR: Field = Field::bit(6);
    /// ECC error in the statistics RAM (`ingr.h:207`, mask `ingr.h:252`).
    pub const STAT_RAM_INTEGRITY_ERROR: Field = Field::bit(7);
    /// Every described bit.
    pub const ALL: u32 = 0x0000_00e8;
}

/// `STICKY_MASK` after power-on with [`crate::regs::Variants`]'s default:
/// the engine interrupt enabled. *Choice*: no source gives the reset value;
/// the C driver never writes the register (`mscc_macsec.c:1002-1011`) and
/// its roll-over interrupt was developed on silicon, so it must be open.
pub const STICKY_MASK_RESET_OPEN: u32 = 0x0000_0008;

/// `ENA_CFG` after power-on. *Choice*: clock off, logic in reset, bypass:
/// the state MESA leaves a disabled block in (`api.c:1812-1818`), in which
/// the PHY forwards frames unchanged.
pub const ENA_CFG_RESET: u32 = 0x0000_0102;

/// The registers.
pub const REGS: &[Reg] = &[
    // ingr.h:31-100.
    Reg::one(
        "MACSEC_ENA_CFG",
        ENA_CFG,
        Dir::Both,
        ENA_CFG_RESET,
        0x0000_1f03,
        Access::Rw,
    ),
    // ingr.h:111-160: which port MAC control and data frames count for.
    Reg::one(
        "MACSEC_CTL_CFG",
        CTL_CFG,
        Dir::Both,
        0,
        0x0000_001f,
        Access::Rw,
    )
    .unmodelled(),
    // ingr.h:169-207 plus ENG_IRQ (api.c:190-191). Cleared by writing back
    // the value read (api.c:1001, api.c:1005): write 1 to clear.
    Reg::one(
        "MACSEC_STICKY",
        STICKY,
        Dir::Both,
        0,
        sticky::ALL,
        Access::W1c,
    ),
    // ingr.h:216-252 plus ENG_IRQ_STICKY_MASK (api.c:190-191).
    Reg::one(
        "MACSEC_STICKY_MASK",
        STICKY_MASK,
        Dir::Both,
        STICKY_MASK_RESET_OPEN,
        sticky::ALL,
        Access::Rw,
    ),
    // egr.h:261-359. It tunes back-pressure towards the FC buffer; the
    // simulated wire never back-pressures, so it has nothing to change.
    Reg::one(
        "MACSEC_FC_CFG",
        FC_CFG,
        Dir::Egress,
        0,
        0x0007_7ff3,
        Access::Rw,
    ),
    // egr.h:370: stalls the egress path for PTP, not modelled.
    Reg::one(
        "MACSEC_PTP_STALL_CFG",
        0x0805,
        Dir::Egress,
        0,
        0x0000_007f,
        Access::Rw,
    )
    .unmodelled(),
    // ingr.h:261-295. Latency: nothing to change in a model without time.
    Reg::one(
        "MACSEC_IGR_LATENCY_CFG",
        IGR_LATENCY_CFG,
        Dir::Ingress,
        0,
        0x0000_0fff,
        Access::Rw,
    ),
];
