// SPDX-License-Identifier: GPL-2.0

//! The PHY's interrupt: link changes, and the events of its egress MACsec engine.
//!
//! `INT_STATUS` latches events and clears when read; `INT_MASK` selects those that drive the
//! interrupt output (MDINT). An event of the egress engine travels: the engine's status bit in
//! `INTR_CTRL_STATUS`, enabled there, into an input of its interrupt controller (AIC), enabled
//! there, into `MACSEC_STICKY` bit 3, enabled in `MACSEC_STICKY_MASK`, into the PHY through
//! ext2 register 28 bit 9 (`MS_EGR`), which latches `INT_STATUS` bit 5 (EXT). This module opens
//! and closes that path; which event it was, and its acknowledgement in the engine, are the
//! MACsec offload's.
//!
//! Every access here is to the PHY the driver serves (`m.addr()`, or the window of that PHY),
//! whose standard page is selected between sequences.

use crate::hw::regs::{ext2, macsec, mii, page, Bank};
use crate::logic::error::Result;
use crate::logic::mdio::Mdio;
use crate::logic::paged::Paged;
use crate::logic::window::Bus;

/// The events the driver enables, with the output itself.
pub const MASK: u16 = mii::INT_MDINT | mii::INT_LINK_CHG | mii::INT_EXT;

/// The events of one interrupt.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Events {
    /// The link went up or down: phylib's state machine must look.
    pub link_change: bool,
    /// The egress MACsec engine has an event pending (a packet number reached its threshold or
    /// rolled over): the MACsec offload must look.
    pub macsec: bool,
}

impl Events {
    /// Returns whether the interrupt brought anything the driver enabled.
    pub const fn any(self) -> bool {
        self.link_change || self.macsec
    }
}

/// Enables the interrupt for link changes and MACsec events, dropping the events latched so
/// far.
pub fn enable<M: Mdio>(m: &mut M) -> Result {
    let addr = m.addr();
    let mut p = Paged::new(m, addr);
    p.read(page::STANDARD, mii::INT_STATUS)?;
    p.write(
        page::EXTENDED2,
        ext2::EXTENDED_INT,
        ext2::EXTENDED_INT_MS_EGR,
    )?;
    p.write(page::STANDARD, mii::INT_MASK, MASK)?;
    p.finish()
}

/// Disables the interrupt and the route of the MACsec events to it, and drops the events
/// latched so far, so that the output is quiet.
pub fn disable<M: Mdio>(m: &mut M) -> Result {
    let addr = m.addr();
    let mut p = Paged::new(m, addr);
    p.write(page::STANDARD, mii::INT_MASK, 0)?;
    p.write(page::EXTENDED2, ext2::EXTENDED_INT, 0)?;
    p.read(page::STANDARD, mii::INT_STATUS)?;
    p.finish()
}

/// Lets the egress engine's `events` (status bits of `INTR_CTRL_STATUS`, such as
/// [`macsec::INTR_ROLLOVER`]) raise its interrupt, through `bus`, the window of the PHY.
///
/// The C driver enables the roll-over alone; MESA also opens `MACSEC_STICKY_MASK`, whose
/// power-on value no source gives. Writing the status bits 0 drops events latched before.
pub fn enable_macsec<B: Bus>(bus: &mut B, events: u16) -> Result {
    let egr = Bank::MacsecEgress;
    let mask = bus.read32(egr, macsec::STICKY_MASK)?;
    bus.write32(egr, macsec::STICKY_MASK, mask | macsec::STICKY_MASK_ENG_IRQ)?;
    bus.write32(egr, macsec::AIC_CTRL, macsec::AIC_EGRESS_INPUTS)?;
    bus.write32(
        egr,
        macsec::INTR_CTRL_STATUS,
        u32::from(events) << macsec::INTR_ENABLE_SHIFT,
    )
}

/// Acknowledges an interrupt of the egress engine once its status bits are cleared
/// ([`crate::logic::macsec::Offload::handle_interrupt`]): the interrupt controller latches the
/// edge of the engine's output and `MACSEC_STICKY` latches the controller's output, and while
/// they stay set no later event reaches the PHY's interrupt. Both are write-1-to-clear.
pub fn ack_macsec<B: Bus>(bus: &mut B) -> Result {
    let egr = Bank::MacsecEgress;
    bus.write32(egr, macsec::AIC_ENABLED_STAT, macsec::AIC_EGRESS_INPUTS)?;
    bus.write32(egr, macsec::STICKY, macsec::STICKY_ENG_IRQ)
}

/// Stops every event of the egress engine from raising its interrupt.
pub fn disable_macsec<B: Bus>(bus: &mut B) -> Result {
    let egr = Bank::MacsecEgress;
    bus.write32(egr, macsec::INTR_CTRL_STATUS, 0)?;
    bus.write32(egr, macsec::AIC_ENABLE_CLR, macsec::AIC_EGRESS_INPUTS)
}

/// Reads, and so acknowledges, the events of an interrupt.
pub fn take_events<M: Mdio>(m: &mut M) -> Result<Events> {
    let addr = m.addr();
    let status = m.read(addr, mii::INT_STATUS)?;
    Ok(Events {
        link_change: status & mii::INT_LINK_CHG != 0,
        macsec: status & mii::INT_EXT != 0,
    })
}
