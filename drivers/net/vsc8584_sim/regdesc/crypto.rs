// SPDX-License-Identifier: GPL-2.0

//! The crypto engine's control and status: context size, the PN threshold
//! and roll-over interrupts, blocking of context updates on errors, and the
//! autonomous next-PN update.

use super::map::{Access, Reg};
use super::{Dir, Field};

/// Context size and fetch mode (`ingr.h:7237`, `egr.h:6096`).
pub const CONTEXT_CTRL: u16 = 0x3d02;
/// Interrupt status (15:0) and enables (31:16) (`ingr.h:7476`,
/// `egr.h:6335`).
pub const INTR_CTRL_STATUS: u16 = 0x3d04;
/// PN threshold for 32-bit sequence numbers (`egr.h:6439`).
pub const SEQ_NUM_THRESH: u16 = 0x3d08;
/// PN threshold for 64-bit sequence numbers, low word (`egr.h:6448`).
pub const SEQ_NUM_THRESH_LOWER: u16 = 0x3d09;
/// PN threshold for 64-bit sequence numbers, high word (`egr.h:6457`).
pub const SEQ_NUM_THRESH_UPPER: u16 = 0x3d0a;
/// Block context updates (`egr.h:6466`).
pub const BLOCK_CTX_UPDATE: u16 = 0x3d0c;
/// Next-PN update: the PN, low word (`ingr.h:7629`).
pub const NEXT_PN_LOWER: u16 = 0x3d20;
/// Next-PN update: the PN, high word (`ingr.h:7638`).
pub const NEXT_PN_UPPER: u16 = 0x3d21;
/// Next-PN update: context identifier (`ingr.h:7647`).
pub const NEXT_PN_CONTEXT_ID: u16 = 0x3d22;
/// Next-PN update control (`ingr.h:7656`).
pub const NEXT_PN_CTRL: u16 = 0x3d23;

/// Fields of `CONTEXT_CTRL`.
pub mod context_ctrl {
    use super::Field;

    /// Context size in words (`ingr.h:7252`, text at `ingr.h:7241-7247`):
    /// MESA and the C driver write 0x14 on ingress, 0x18 on egress
    /// (`api.c:1645`, `api.c:1680`; `mscc_macsec.c:189-190`).
    pub const CTX_SIZE: Field = Field::bits(0, 8);
    /// 1: the threshold event fires when the next PN equals
    /// `SEQ_NUM_THRESH`; 0: when it equals or exceeds it (`ingr.h:7267`,
    /// text at `ingr.h:7258-7262`).
    pub const THRESHOLD_MODE: Field = Field::bit(10);
    /// The MACsec EtherType put into SecTAGs, reset 0xE588 (0x88E5 in
    /// little-endian order) (`ingr.h:7280`, text at `ingr.h:7271-7275`).
    pub const MACSEC_ETYPE: Field = Field::bits(16, 16);
    /// Bit 9, which both MESA and the C driver write 1 (their 0xE5880214 and
    /// 0xE5880218) without a description; it counts as described.
    pub const VENDOR_BIT9: Field = Field::bit(9);
    /// Reset: the EtherType (`ingr.h:7273`). *Choice*: the rest 0.
    pub const RESET: u32 = 0xe588_0000;
}

/// Bits of `INTR_CTRL_STATUS`: status bit `n`, its enable at `n + 16`
/// (`egr.h:6339-6412`).
pub mod intr {
    use super::Field;

    /// Status bits (`egr.h:6372`): cleared as `crate::regs::Variants`
    /// selects (MESA writes the value read back with the bit cleared,
    /// `api.c:5517-5533`; the field is named CLR_STATUS).
    pub const STATUS: Field = Field::bits(0, 16);
    /// Enables of the status bits (`egr.h:6412`).
    pub const ENABLE: Field = Field::bits(16, 16);
    /// Status: input error, E2 (`egr.h:6339-6340`).
    pub const INPUT_ERROR: u32 = 1 << 0;
    /// Status: processing error, E0/E1/E3/E4 (`egr.h:6344-6346`).
    pub const PROCESSING_ERROR: u32 = 1 << 2;
    /// Status: context error, E5/E6 (`egr.h:6347-6349`).
    pub const CONTEXT_ERROR: u32 = 1 << 3;
    /// Status: an outbound sequence number reached the threshold
    /// (`egr.h:6350-6353`; MESA's threshold event, `api.c:5378`).
    pub const SEQ_THRESHOLD: u32 = 1 << 4;
    /// Status: an outbound sequence number increment rolled over "from
    /// maximum to zero" (`egr.h:6354-6356`; `api.c:5379`).
    pub const SEQ_ROLLOVER: u32 = 1 << 5;
    /// Status: fatal error, never set by this engine (`egr.h:6358-6360`).
    pub const FATAL: u32 = 1 << 14;
    /// Status bit 15: the interrupt output, an OR of the enabled status
    /// bits when enable bit 31 is set (`egr.h:6361-6367`).
    pub const PIN: u32 = 1 << 15;
    /// Status bits the engine can raise.
    pub const RAISABLE: u32 = 0x403d;
}

/// Fields of `BLOCK_CTX_UPDATE`.
pub mod block_ctx {
    use super::Field;

    /// "If both the bit in this register and the related input bit for a
    /// frame are set to one, the context update for that frame is blocked"
    /// (`egr.h:6477`, text at `egr.h:6470-6472`). MESA and the C driver
    /// write 3 (`api.c:1725-1726`, `mscc_macsec.c:204`).
    pub const BLOCK_CTX_UPDATES: Field = Field::bits(0, 2);
}

/// Fields of `NEXT_PN_CTRL`.
pub mod next_pn_ctrl {
    use super::Field;

    /// Write 1 to start an update; reads 1 until it is done
    /// (`ingr.h:7671`, text at `ingr.h:7660-7666`).
    pub const ENABLE_UPDATE: Field = Field::bit(0);
    /// Read-only: the last update wrote the context, the programmed PN being
    /// above the one there (`ingr.h:7684`, text at `ingr.h:7675-7679`).
    pub const NEXT_PN_WRITTEN: Field = Field::bit(1);
    /// The PN is 64 bits (`ingr.h:7695`).
    pub const SEQ_NUM_SIZE: Field = Field::bit(2);
    /// 16-octet aligned pointer to the context word holding the sequence
    /// number (`ingr.h:7706`, text at `ingr.h:7699-7701`). MESA computes it
    /// as (record * record octets + seq word * 4) >> 4 (`api.c:4896-4901`).
    pub const NEXT_PN_CTX_ADDR: Field = Field::bits(4, 28);
}

/// The registers.
pub const REGS: &[Reg] = &[
    // ingr.h:6884: token processing control and status of the crypto
    // engine; neither MESA nor the C driver touches it. *Choice*: reset 0.
    Reg::one(
        "TOKEN_CTRL_STATUS",
        0x3d00,
        Dir::Both,
        0,
        0xbf82_ffff,
        Access::Rw,
    )
    .unmodelled(),
    // ingr.h:7063: which protocols and algorithms the engine accepts; not
    // touched by MESA or the C driver. *Choice*: reset 0.
    Reg::one(
        "PTCL_ALGO_EN",
        0x3d01,
        Dir::Both,
        0,
        0xc000_1fff,
        Access::Rw,
    )
    .unmodelled(),
    // ingr.h:7237-7280.
    Reg::one(
        "CONTEXT_CTRL",
        CONTEXT_CTRL,
        Dir::Both,
        context_ctrl::RESET,
        0xffff_06ff,
        Access::Rw,
    ),
    // ingr.h:7291: the status of the frame in the engine, never in flight
    // between two bus accesses here.
    Reg::one("CONTEXT_STATUS", 0x3d03, Dir::Both, 0, u32::MAX, Access::Ro),
    // egr.h:6335-6412. *Choice*: reset 0.
    Reg::one(
        "INTR_CTRL_STATUS",
        INTR_CTRL_STATUS,
        Dir::Both,
        0,
        u32::MAX,
        Access::Special,
    ),
    // ingr.h:7564: software interrupt, not modelled.
    Reg::one("SOFTWARE_INTR", 0x3d05, Dir::Both, 0, u32::MAX, Access::Rw).unmodelled(),
    // egr.h:6439-6457.
    Reg::one(
        "SEQ_NUM_THRESH",
        SEQ_NUM_THRESH,
        Dir::Both,
        0,
        u32::MAX,
        Access::Rw,
    )
    .words(3),
    // egr.h:6466-6477. *Choice*: reset 0.
    Reg::one(
        "BLOCK_CTX_UPDATE",
        BLOCK_CTX_UPDATE,
        Dir::Both,
        0,
        0x3,
        Access::Rw,
    ),
    // ingr.h:7629-7647.
    Reg::one("NEXT_PN", NEXT_PN_LOWER, Dir::Both, 0, u32::MAX, Access::Rw).words(3),
    // ingr.h:7656-7706.
    Reg::one(
        "NEXT_PN_CTRL",
        NEXT_PN_CTRL,
        Dir::Both,
        0,
        0xffff_fff7,
        Access::Special,
    ),
    // ingr.h:7721, ingr.h:7920: the crypto engine's type and version.
    // *Choice*: they read 0, nothing documents their values.
    Reg::one(
        "FRAME_ENGINE_TYPE",
        0x3dfe,
        Dir::Both,
        0,
        0xc5ff_ffff,
        Access::Ro,
    ),
    Reg::one(
        "FRAME_ENGINE_VERSION",
        0x3dff,
        Dir::Both,
        0,
        0x0fff_ffff,
        Access::Ro,
    ),
];
