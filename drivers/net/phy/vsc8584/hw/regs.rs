// SPDX-License-Identifier: GPL-2.0

//! VSC8584 register map: PHY identity, clause-22 pages and the MACsec banks.
//!
//! Addresses and field positions follow the VSC8584 datasheet as the upstream
//! C driver (`drivers/net/phy/mscc/`) uses them.

/// PHY identifier of the VSC8584 (revision B), as read from MII registers 2 and 3.
pub const PHY_ID_VSC8584: u32 = 0x0007_07c1;

/// Clause-22 register that selects the page the registers 16-30 belong to.
pub const EXT_PAGE_ACCESS: u8 = 31;

/// Clause-22 register pages used by the driver.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u16)]
pub enum Page {
    /// IEEE standard registers.
    Standard = 0x0000,
    /// Extended page 1.
    Extended = 0x0001,
    /// Extended page 2.
    Extended2 = 0x0002,
    /// Extended page 3.
    Extended3 = 0x0003,
    /// Extended page 4: the CSR and MACsec indirect access window.
    Extended4 = 0x0004,
    /// General-purpose registers of the package (8051 micro-controller, GPIOs).
    Gpio = 0x0010,
}

/// Page-4 registers of the 32-bit indirect access window (see [`super::indirect`]).
pub mod window {
    /// Data bits 15:0.
    pub const DATA_LO: u8 = 17;
    /// Data bits 31:16.
    pub const DATA_HI: u8 = 18;
    /// Command: start/done, read, low target bits, register address.
    pub const CMD: u8 = 19;
    /// High target bits.
    pub const TARGET: u8 = 20;

    /// `CMD` bit 15: written 1 to start an access; reads 1 once it has completed.
    pub const CMD_START: u16 = 1 << 15;
    /// `CMD` bit 14: the access is a read.
    pub const CMD_READ: u16 = 1 << 14;
}

/// Register banks behind the indirect window, by target id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Bank {
    /// Flow-control buffer.
    FcBuffer = 0x04,
    /// Host-side MAC.
    HostMac = 0x05,
    /// Line-side MAC.
    LineMac = 0x06,
    /// Macro control (SerDes).
    MacroCtrl = 0x07,
    /// IEEE 1588 processor 0.
    Proc0 = 0x0e,
    /// IEEE 1588 processor 2.
    Proc2 = 0x0f,
    /// MACsec ingress engine (EIP-160).
    MacsecIngress = 0x38,
    /// MACsec egress engine (EIP-160).
    MacsecEgress = 0x3c,
}

impl Bank {
    /// Returns whether the bank is one of the two MACsec engines, which take
    /// 14-bit register addresses instead of 12-bit ones.
    pub const fn is_macsec(self) -> bool {
        matches!(self, Bank::MacsecIngress | Bank::MacsecEgress)
    }

    /// Highest register address the bank decodes.
    pub const fn max_addr(self) -> u16 {
        if self.is_macsec() {
            0x3fff
        } else {
            0x0fff
        }
    }
}

/// Registers of a MACsec engine bank (the same offsets in ingress and egress).
pub mod macsec {
    /// Transform record `rec`, word `word` (records are 32 words apart).
    pub const fn xform_rec(rec: u16, word: u16) -> u16 {
        (rec << 5) + word
    }
    /// Engine enable: clock, soft reset, bypass, MACsec enable, speed.
    pub const ENA_CFG: u16 = 0x800;
    /// SAM match entry `i`: MAC source address bytes 0-3.
    pub const fn sam_mac_sa_match_lo(i: u16) -> u16 {
        0x1000 + 16 * i
    }
    /// Set bits enable SAM entries.
    pub const SAM_ENTRY_SET1: u16 = 0x1808;
    /// Set bits disable SAM entries.
    pub const SAM_ENTRY_CLEAR1: u16 = 0x180c;
    /// Set bits toggle SAM entries, all in one atomic step.
    pub const SAM_ENTRY_TOGGLE1: u16 = 0x1804;
    /// Flow control word of SAM entry `i`.
    pub const fn sam_flow_ctrl(i: u16) -> u16 {
        0x1c00 + i
    }
    /// Counter control (reset all, saturate, clear on read).
    pub const COUNT_CONTROL: u16 = 0x3204;
    /// Interrupt status (15:0) and enables (31:16).
    pub const INTR_CTRL_STATUS: u16 = 0x3d04;
    /// Number of SAM entries (flows) per direction.
    pub const NUM_SAM_ENTRIES: u16 = 16;
}
