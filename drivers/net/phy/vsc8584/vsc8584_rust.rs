// SPDX-License-Identifier: GPL-2.0

//! Rust driver for the MACsec engine of the Microchip VSC8584 PHY family.
//!
//! C version of this driver: `drivers/net/phy/mscc/mscc_macsec.c`.
//!
//! This is the start of the driver: it registers a PHY driver for the
//! VSC8584 and carries the hardware encodings (in [`hw`], pure Rust shared
//! with the host tests). The MACsec offload operations come with the Rust
//! MACsec abstraction.

use kernel::{
    c_str,
    net::phy::{self, DeviceId, Driver},
    prelude::*,
};

pub mod hw;
mod kunit;
pub mod logic;

kernel::module_phy_driver! {
    drivers: [PhyVsc8584],
    device_table: [
        DeviceId::new_with_driver::<PhyVsc8584>()
    ],
    name: "vsc8584_rust",
    author: "rsmacsec developers",
    description: "Microchip VSC8584 MACsec PHY offload driver (Rust)",
    license: "GPL",
}

struct PhyVsc8584;

#[vtable]
impl Driver for PhyVsc8584 {
    const NAME: &'static CStr = c_str!("Microchip VSC8584 (rsmacsec)");
    const PHY_DEVICE_ID: DeviceId = DeviceId::new_with_exact_mask(hw::regs::PHY_ID_VSC8584);

    fn probe(_dev: &mut phy::Device) -> Result<impl PinInit<Self, Error>> {
        Ok(Self)
    }
}
