// SPDX-License-Identifier: GPL-2.0

//! The bring-up of a VSC8584 (or VSC8582) package and of each of its PHYs, up to the point
//! where the MACsec engines are initialised (that is [`super::macsec`]'s business).
//!
//! The order, as the kernel shell drives it:
//!
//! 1. probe: [`locate::locate`] finds the PHY's place in its package and the MDIO address of
//!    the package's PHY 0, which the package-wide registers (the GPIO page with the 8051, the
//!    MACRO_CTRL bank) are reached through;
//! 2. the first PHY of the package brought up runs [`package::init`]: the LC-PLL reset, the
//!    tuning broadcast to every PHY, the 8051's firmware (CRC check, download of the patch when
//!    the CRC is not the expected one, CRC check again), the host SerDes for SGMII or QSGMII,
//!    and the release of the COMA mode;
//! 3. every PHY runs [`phy::init_datapath`] (host and line MACs, flow-control buffer, 1588
//!    processor mode) and [`phy::init_media`] (fibre SerDes off, copper media, (Q)SGMII MAC
//!    interface, LEDs), then a soft reset makes the media settings take effect;
//! 4. [`irq`] enables the PHY's interrupt (link change, and the egress MACsec engine's events)
//!    and tells which events an interrupt brought.
//!
//! The sequences are the upstream C driver's (`vsc8584_config_init()` and what it calls):
//! register facts carry over. What differs is on purpose and said where it happens: every MDIO
//! access is checked and every failure reported, every wait is bounded, the 8051's answers are
//! checked (the C driver only warns when the CRC is still wrong after the download), and
//! accesses are batched by page.

pub mod irq;
pub mod locate;
mod micro;
pub mod package;
pub mod phy;
mod poll;
mod serdes;
mod tuning;

/// The interface between the package and the host's MAC: the 6G SerDes of the package runs
/// either, and the hardware supports no other for the MACsec path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostInterface {
    /// One SGMII lane per PHY.
    Sgmii,
    /// The four PHYs of the package share one QSGMII lane.
    Qsgmii,
}
