// SPDX-License-Identifier: GPL-2.0

//! Encoding of the page-4 indirect window through which the 32-bit registers
//! of the MACsec engines and the other banks are reached over clause-22 MDIO.
//!
//! A 32-bit access writes the high target bits to register 20, then (for a
//! write, after the data in registers 17 and 18) a command to register 19, and
//! polls register 19 until bit 15 reads back set.

use super::regs::{window, Bank};

/// Why an indirect access cannot be encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EncodeError {
    /// The address lies beyond what the bank decodes.
    AddrOutOfRange {
        /// The bank that was addressed.
        bank: Bank,
        /// The rejected address.
        addr: u16,
    },
}

/// The two command words of one indirect access.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Command {
    /// Value for page-4 register 20 (target bits 5:2).
    pub target: u16,
    /// Value for page-4 register 19 (start, direction, target bits 1:0, address).
    pub cmd: u16,
}

/// Direction of an indirect access.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    /// Read a 32-bit register.
    Read,
    /// Write a 32-bit register.
    Write,
}

/// Encodes an access to register `addr` of `bank`.
///
/// The MACsec banks take a 14-bit address and no low target bits; the other
/// banks take a 12-bit address with the two low target bits in 13:12.
pub const fn encode(bank: Bank, addr: u16, dir: Dir) -> Result<Command, EncodeError> {
    if addr > bank.max_addr() {
        return Err(EncodeError::AddrOutOfRange { bank, addr });
    }
    let id = bank as u16;
    let low = if bank.is_macsec() {
        0
    } else {
        (id & 0x3) << 12
    };
    let read = match dir {
        Dir::Read => window::CMD_READ,
        Dir::Write => 0,
    };
    Ok(Command {
        target: id >> 2,
        cmd: window::CMD_START | read | low | addr,
    })
}

/// Splits a 32-bit value into the words for registers 17 (bits 15:0) and 18 (bits 31:16).
pub const fn split(value: u32) -> (u16, u16) {
    (value as u16, (value >> 16) as u16)
}

/// Joins the words read from registers 17 and 18 into a 32-bit value.
pub const fn join(lo: u16, hi: u16) -> u32 {
    ((hi as u32) << 16) | lo as u32
}

/// Returns whether a value read back from register 19 says the access completed.
pub const fn is_done(cmd: u16) -> bool {
    cmd & window::CMD_START != 0
}
