// SPDX-License-Identifier: GPL-2.0

//! The tuning every PHY of the package needs after power-on, written once through PHY 0 with
//! SMI broadcast on: each write to PHY 0 then lands in all PHYs of the package, page selections
//! included (reads answer from PHY 0 alone).

use crate::hw::regs::{ext2, ext3, mii, page};
use crate::hw::tuning::{self, test, token_ring};
use crate::logic::error::Result;
use crate::logic::mdio::Mdio;
use crate::logic::paged::Paged;

/// Masks every PHY's interrupts and writes the tuning to every PHY of the package, through the
/// sequence `p` on PHY 0.
///
/// Broadcast is switched off again even when a write fails: left on, it would copy the next
/// writes to PHY 0 (the first per-PHY settings of the retry) into its siblings.
pub(super) fn broadcast<M: Mdio>(p: &mut Paged<'_, M>) -> Result {
    let cntl = p.read(page::STANDARD, mii::EXT_CNTL_STATUS)?;
    p.write(
        page::STANDARD,
        mii::EXT_CNTL_STATUS,
        cntl | mii::SMI_BROADCAST_WR_EN,
    )?;
    let written = write_all(p);
    // What was read before, not read again: the fewer accesses stand between a failure and
    // the end of broadcast, the fewer failures can leave it on.
    let off = p.write(
        page::STANDARD,
        mii::EXT_CNTL_STATUS,
        cntl & !mii::SMI_BROADCAST_WR_EN,
    );
    written.and(off)
}

/// The broadcast writes themselves.
fn write_all<M: Mdio>(p: &mut Paged<'_, M>) -> Result {
    // No PHY may interrupt before its driver enables it (the mask of a sibling that is not
    // bound may hold anything since power-on).
    p.write(page::STANDARD, mii::INT_MASK, 0)?;
    p.modify(
        page::STANDARD,
        mii::BYPASS_CONTROL,
        mii::PARALLEL_DET_IGNORE_ADVERTISED,
        mii::PARALLEL_DET_IGNORE_ADVERTISED,
    )?;
    p.write(
        page::EXTENDED3,
        ext3::SERDES_TX_CRC_ERR_CNT,
        tuning::SERDES_TX_CRC_ERR_CNT,
    )?;
    p.write(page::TEST, test::REG5, test::TEST_5)?;
    p.modify(
        page::TEST,
        test::REG8,
        test::TR_CLK_DISABLE,
        test::TR_CLK_DISABLE,
    )?;
    p.write(
        page::TOKEN_RING,
        token_ring::CNTL,
        token_ring::write(tuning::DSP_2FA4),
    )?;
    p.modify(
        page::TOKEN_RING,
        token_ring::MSB,
        tuning::DSP_2FA4_LOW_MASK,
        tuning::DSP_2FA4_LOW,
    )?;
    p.write(
        page::TOKEN_RING,
        token_ring::CNTL,
        token_ring::write(tuning::DSP_0FA4),
    )?;
    dsp_writes(p, &tuning::DSP_WRITES_1)?;
    p.write(
        page::EXTENDED2,
        ext2::CU_PMD_TX_CNTL,
        tuning::CU_PMD_TX_CNTL,
    )?;
    dsp_writes(p, &tuning::DSP_WRITES_2)?;
    p.modify(page::TEST, test::REG8, test::TR_CLK_DISABLE, 0)
}

/// Writes the DSP registers of `writes` through the token-ring page.
fn dsp_writes<M: Mdio>(p: &mut Paged<'_, M>, writes: &[(u16, u32)]) -> Result {
    for &(addr, val) in writes {
        p.write(page::TOKEN_RING, token_ring::MSB, (val >> 16) as u16)?;
        p.write(page::TOKEN_RING, token_ring::LSB, val as u16)?;
        p.write(page::TOKEN_RING, token_ring::CNTL, token_ring::write(addr))?;
    }
    Ok(())
}
