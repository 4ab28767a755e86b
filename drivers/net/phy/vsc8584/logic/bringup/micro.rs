// SPDX-License-Identifier: GPL-2.0

//! The package's 8051 micro-controller: its commands, its reset, its firmware CRC and the
//! download of its patch, on the GPIO page of the package's PHY 0 (through a [`Paged`] sequence
//! on that PHY).

use super::poll::Patience;
use crate::hw::micro as m8051;
use crate::hw::regs::{ext1, gpio, page};
use crate::logic::error::{Errno, Error, Result};
use crate::logic::mdio::Mdio;
use crate::logic::paged::Paged;

/// Starts 8051 command `cmd` (code and flags, without the start bit) and waits until the 8051
/// has carried it out.
///
/// The 8051 clears `PROC_CMD_NCOMPLETED` when done, or sets `PROC_CMD_FAILED`.
pub(super) fn command<M: Mdio>(p: &mut Paged<'_, M>, cmd: u16) -> Result {
    p.write(page::GPIO, gpio::PROC_CMD, gpio::PROC_CMD_NCOMPLETED | cmd)?;
    let patience = Patience::COMMAND;
    for n in 0..patience.polls() {
        if let Some(us) = patience.delay_before(n) {
            p.delay_us(us);
        }
        let status = p.read(page::GPIO, gpio::PROC_CMD)?;
        if status & gpio::PROC_CMD_FAILED != 0 {
            return Err(Error::refused(Errno::Io, "the 8051 failed a command\0"));
        }
        if status & gpio::PROC_CMD_NCOMPLETED == 0 {
            return Ok(());
        }
    }
    Err(Error::Timeout)
}

/// Asks the 8051 for the CRC-16 of `len` bytes of its code from the start of the patch.
pub(super) fn firmware_crc<M: Mdio>(p: &mut Paged<'_, M>, len: u16) -> Result<u16> {
    p.write(page::EXTENDED, ext1::VERIPHY_CNTL_2, gpio::FW_START_ADDR)?;
    p.write(page::EXTENDED, ext1::VERIPHY_CNTL_3, len)?;
    command(p, gpio::PROC_CMD_CRC16)?;
    // The 8051 answers in the register that held the start address.
    p.read(page::EXTENDED, ext1::VERIPHY_CNTL_2)
}

/// Stops the 8051 in a state where its patch RAM can be written: the last command done, patch
/// trap 4 parked, the 8051 in software reset.
pub(super) fn assert_reset<M: Mdio>(p: &mut Paged<'_, M>) -> Result {
    let trap4 = m8051::en_patch_ram_trap_addr(4);
    command(p, gpio::PROC_CMD_NOP)?;
    p.modify(page::GPIO, gpio::INT_MEM_CNTL, trap4, 0)?;
    p.write(page::GPIO, gpio::trap_rom_addr(4), m8051::PARKED_TRAP_ADDR)?;
    p.write(page::GPIO, gpio::patch_ram_addr(4), m8051::PARKED_TRAP_ADDR)?;
    p.modify(page::GPIO, gpio::INT_MEM_CNTL, trap4, trap4)?;
    // A no-operation code without the start bit: nothing for the 8051 to pick up when it stops.
    p.write(page::GPIO, gpio::PROC_CMD, gpio::PROC_CMD_NOP)?;
    p.modify(
        page::GPIO,
        gpio::DW8051_CNTL_STATUS,
        m8051::MICRO_NSOFT_RESET,
        0,
    )?;
    p.write(
        page::GPIO,
        gpio::PROC_CMD,
        m8051::PROC_CMD_MCB_ACCESS_MAC_CONF,
    )?;
    p.modify(page::GPIO, gpio::INT_MEM_CNTL, trap4, 0)
}

/// Lets the 8051 run from its ROM, with the patch traps enabled when `patched`.
pub(super) fn release<M: Mdio>(p: &mut Paged<'_, M>, patched: bool) -> Result {
    let mut enable = m8051::RUN_FROM_INT_ROM | m8051::MICRO_CLK_EN | m8051::DW8051_CLK_EN;
    if patched {
        enable |= m8051::MICRO_PATCH_EN;
        // Leaves the patch RAM, as the C driver does before it releases a patched 8051.
        p.write(page::GPIO, gpio::INT_MEM_CNTL, m8051::READ_RAM)?;
    }
    p.write(page::GPIO, gpio::DW8051_CNTL_STATUS, enable)?;
    p.write(
        page::GPIO,
        gpio::DW8051_CNTL_STATUS,
        enable | m8051::MICRO_NSOFT_RESET,
    )
}

/// Writes `fw` into the 8051's patch RAM, one byte per write, with the 8051 stopped.
///
/// The download starts with one byte of its own, which is why the CRC covers the firmware's
/// length plus one.
pub(super) fn download<M: Mdio>(p: &mut Paged<'_, M>, fw: &[u8]) -> Result {
    assert_reset(p)?;
    p.write(
        page::GPIO,
        gpio::DW8051_CNTL_STATUS,
        m8051::RUN_FROM_INT_ROM
            | gpio::AUTOINC_ADDR
            | m8051::PATCH_RAM_CLK
            | m8051::MICRO_CLK_EN
            | m8051::MICRO_CLK_DIVIDE_2,
    )?;
    let write_pram = gpio::READ_PRAM | gpio::INT_MEM_WRITE_EN;
    p.write(page::GPIO, gpio::INT_MEM_CNTL, write_pram | 2)?;
    p.write(page::GPIO, gpio::INT_MEM_ADDR, 0)?;
    for byte in fw {
        p.write(
            page::GPIO,
            gpio::INT_MEM_CNTL,
            write_pram | u16::from(*byte),
        )?;
    }
    p.write(page::GPIO, gpio::INT_MEM_CNTL, m8051::READ_RAM)
}
