// SPDX-License-Identifier: GPL-2.0

//! The initialisation of each PHY, after its package's: the data path around its MACsec engines
//! and its media.

use super::micro;
use crate::hw::datapath::{fc_buffer, mac, proc1588};
use crate::hw::micro as m8051;
use crate::hw::regs::{mii, page, Bank};
use crate::logic::error::Result;
use crate::logic::mdio::Mdio;
use crate::logic::paged::Paged;
use crate::logic::window::Bus;

/// Replaces the bits of `mask` in register `addr` of `bank` with those of `set`.
fn modify<B: Bus>(bus: &mut B, bank: Bank, addr: u16, mask: u32, set: u32) -> Result {
    let v = bus.read32(bank, addr)?;
    bus.write32(bank, addr, (v & !mask) | (set & mask))
}

/// Sets up the data path around the MACsec engines of the PHY at address `index` (0-3) within
/// its package, through `bus`, the window of that PHY: host and line MACs, flow-control buffer
/// and the mode of the 1588 processor the PHY shares with its neighbour.
///
/// Unlike the C driver, this does not clear the MACs' statistics counters (36 writes per MAC):
/// the driver never reads them.
pub fn init_datapath<B: Bus>(bus: &mut B, index: u8) -> Result {
    init_mac(bus, Bank::HostMac)?;
    init_mac(bus, Bank::LineMac)?;
    init_fc_buffer(bus)?;
    let proc = if index < 2 { Bank::Proc0 } else { Bank::Proc2 };
    modify(
        bus,
        proc,
        proc1588::STAT_MODE_CTL,
        proc1588::PROTOCOL_MODE_MASK,
        proc1588::PROTOCOL_MODE_4,
    )
}

/// The host MAC faces the host's (Q)SGMII, the line MAC the copper PHY; the MACsec engines sit
/// between them.
fn init_mac<B: Bus>(bus: &mut B, bank: Bank) -> Result {
    let host = bank == Bank::HostMac;
    modify(
        bus,
        bank,
        mac::PAUSE_CFG_TX_FRAME_CTRL,
        mac::PAUSE_TX_MODE_MASK | mac::pause_tx_value(0xffff),
        mac::PAUSE_TX_MODE_2 | mac::pause_tx_value(0xffff),
    )?;
    modify(
        bus,
        bank,
        mac::PAUSE_CFG_TX_FRAME_CTRL_2,
        mac::PAUSE_TX_CTRL_2_LOW,
        mac::PAUSE_TX_CTRL_2_LOW,
    )?;
    // The host MAC drops the host's pause frames and times them; the line MAC obeys the link
    // partner's.
    let rx_pause = if host {
        mac::PAUSE_RX_TIMER_ENA | mac::PAUSE_RX_FRAME_DROP_ENA
    } else {
        mac::PAUSE_RX_REACT_ENA
            | mac::PAUSE_RX_FRAME_DROP_ENA
            | mac::PAUSE_RX_MODE
            | mac::PAUSE_RX_EARLY_PAUSE_DETECT_ENA
    };
    modify(bus, bank, mac::PAUSE_CFG_RX_FRAME_CTRL, rx_pause, rx_pause)?;
    let padding = if host {
        mac::PKTINF_CFG_ENABLE_TX_PADDING
    } else {
        0
    };
    bus.write32(
        bank,
        mac::PKTINF_CFG,
        mac::PKTINF_CFG_STRIP_FCS_ENA
            | mac::PKTINF_CFG_INSERT_FCS_ENA
            | mac::PKTINF_CFG_LPI_RELAY_ENA
            | mac::PKTINF_CFG_STRIP_PREAMBLE_ENA
            | mac::PKTINF_CFG_INSERT_PREAMBLE_ENA
            | padding,
    )?;
    modify(bus, bank, mac::MODE_CFG, mac::MODE_CFG_DISABLE_DIC, 0)?;
    modify(
        bus,
        bank,
        mac::MAXLEN_CFG,
        mac::MAXLEN_CFG_MAX_LEN_MASK,
        mac::MAX_LEN,
    )?;
    bus.write32(
        bank,
        mac::ADV_CHK_CFG,
        mac::ADV_CHK_CFG_SFD_CHK_ENA
            | mac::ADV_CHK_CFG_PRM_CHK_ENA
            | mac::ADV_CHK_CFG_OOR_ERR_ENA
            | mac::ADV_CHK_CFG_INR_ERR_ENA,
    )?;
    modify(bus, bank, mac::LFS_CFG, mac::LFS_CFG_LFS_MODE_ENA, 0)?;
    bus.write32(
        bank,
        mac::ENA_CFG,
        mac::ENA_CFG_RX_CLK_ENA
            | mac::ENA_CFG_TX_CLK_ENA
            | mac::ENA_CFG_RX_ENA
            | mac::ENA_CFG_TX_ENA,
    )
}

/// The flow-control buffer holds frames the egress engine made longer and pauses the host when
/// it fills.
fn init_fc_buffer<B: Bus>(bus: &mut B) -> Result {
    let fc = Bank::FcBuffer;
    bus.write32(fc, fc_buffer::FC_READ_THRESH_CFG, fc_buffer::FC_READ_THRESH)?;
    let mode = fc_buffer::MODE_CFG_PAUSE_GEN_ENA
        | fc_buffer::MODE_CFG_RX_PPM_RATE_ADAPT_ENA
        | fc_buffer::MODE_CFG_TX_PPM_RATE_ADAPT_ENA;
    modify(bus, fc, fc_buffer::MODE_CFG, mode, mode)?;
    bus.write32(
        fc,
        fc_buffer::PPM_RATE_ADAPT_THRESH_CFG,
        fc_buffer::PPM_RATE_ADAPT_THRESH,
    )?;
    // The C driver reads this register first, but replaces both of its fields: all 32 bits.
    bus.write32(fc, fc_buffer::TX_DATA_QUEUE_CFG, fc_buffer::TX_DATA_QUEUE)?;
    let ena = fc_buffer::ENA_CFG_TX_ENA | fc_buffer::ENA_CFG_RX_ENA;
    modify(bus, fc, fc_buffer::ENA_CFG, ena, ena)
}

/// The LED modes the C driver uses when the device tree names none: link/activity at 1000,
/// at 100, at any speed, and duplex/collision, for LEDs 0 to 3.
const LED_MODES: u16 = 0x8021;

/// Sets up the media side of the PHY the driver serves (`m.addr()`), the PHY at address
/// `index` (0-3) in the package whose PHY 0 sits at MDIO address `base`: its fibre SerDes
/// disabled (through the package's 8051), copper media, the (Q)SGMII MAC interface, the LEDs.
///
/// The media settings take effect at the next soft reset, which the caller issues.
///
/// The C driver disables the fibre SerDes of one PHY only, the one that initialises the
/// package; every PHY does it here, for itself.
pub fn init_media<M: Mdio>(m: &mut M, base: u8, index: u8) -> Result {
    let mut p = Paged::new(m, base);
    for mode in [
        m8051::PROC_CMD_FIBER_100BASE_FX,
        m8051::PROC_CMD_FIBER_1000BASE_X,
    ] {
        micro::command(
            &mut p,
            m8051::PROC_CMD_FIBER_MEDIA_CONF
                | m8051::proc_cmd_fiber_port(index)
                | m8051::PROC_CMD_FIBER_DISABLE
                | m8051::PROC_CMD_READ_MOD_WRITE_PORT
                | m8051::PROC_CMD_RST_CONF_PORT
                | mode,
        )?;
    }
    p.finish()?;

    let addr = m.addr();
    let mut p = Paged::new(m, addr);
    // Copper media (0) and the SGMII MAC interface (0), which QSGMII uses too.
    p.modify(
        page::STANDARD,
        mii::EXT_PHY_CNTL_1,
        mii::MEDIA_OP_MODE_MASK | mii::MAC_IF_SELECTION_MASK,
        0,
    )?;
    // Four LEDs of four bits fill the register: nothing to keep.
    p.write(page::STANDARD, mii::LED_MODE_SEL, LED_MODES)?;
    p.finish()
}
