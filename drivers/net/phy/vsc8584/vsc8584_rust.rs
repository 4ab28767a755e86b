// SPDX-License-Identifier: GPL-2.0

//! Rust driver for the Microchip VSC8584 and VSC8582 PHYs, with their MACsec engines.
//!
//! C version of this driver: `drivers/net/phy/mscc/` (`mscc_main.c`, `mscc_macsec.c`).
//!
//! This file is the kernel shell: it binds to the PHYs, keeps the state of each, and runs the
//! sequences of the pure logic ([`logic`]) on the MDIO bus with its lock held ([`mdio`]). The
//! bring-up follows the C driver's (see [`logic::bringup`]); IEEE 1588 timestamping is not
//! supported. Link status is phylib's generic code, served by the PHY's interrupt.

use kernel::{
    c_str,
    firmware::Firmware,
    net::phy::{self, DeviceId, Driver, Interface, IrqReturn, LockedBus},
    new_mutex,
    prelude::*,
    sync::Mutex,
};

pub mod hw;
mod kunit;
pub mod logic;
mod mdio;

use hw::regs::{EXT_PAGE_ACCESS, PHY_ID_VSC8582, PHY_ID_VSC8584};
use logic::bringup::{irq, locate::Placement, package, phy as phy_init, HostInterface};
use logic::window::Window;

kernel::module_phy_driver! {
    drivers: [PhyVsc8584, PhyVsc8582],
    device_table: [
        DeviceId::new_with_driver::<PhyVsc8584>(),
        DeviceId::new_with_driver::<PhyVsc8582>(),
    ],
    name: "vsc8584_rust",
    author: "rsmacsec developers",
    description: "Microchip VSC8584 MACsec PHY offload driver (Rust)",
    license: "GPL",
    firmware: ["microchip/mscc_vsc8584_revb_int8051_fb48.bin"],
}

/// The patch of the package's 8051, the file the C driver loads.
const FIRMWARE: &CStr = c_str!("microchip/mscc_vsc8584_revb_int8051_fb48.bin");

/// The events of the egress MACsec engine that raise the PHY's interrupt: the roll-over of a
/// packet number, as in the C driver.
// MACSEC: add `INTR_SEQ_THRESHOLD` here once the offload arms the PN threshold.
const MACSEC_EVENTS: u16 = hw::regs::macsec::INTR_ROLLOVER;

/// Opens the PHY's interrupt to link changes and to the egress MACsec engine's events.
fn interrupts_on(bus: &mut LockedBus<'_>) -> logic::error::Result {
    let addr = bus.addr();
    let mut window = Window::new(bus, addr);
    irq::enable_macsec(&mut window, MACSEC_EVENTS)?;
    window.finish()?;
    irq::enable(bus)
}

/// Closes the PHY's interrupt and the engine's path to it.
fn interrupts_off(bus: &mut LockedBus<'_>) -> logic::error::Result {
    irq::disable(bus)?;
    let addr = bus.addr();
    let mut window = Window::new(bus, addr);
    irq::disable_macsec(&mut window)?;
    window.finish()
}

/// The driver of the VSC8584 (four PHYs per package).
type PhyVsc8584 = Vsc858x<PHY_ID_VSC8584>;
/// The driver of the VSC8582 (two PHYs per package).
type PhyVsc8582 = Vsc858x<PHY_ID_VSC8582>;

/// What the driver keeps for one PHY, under the lock of its [`Vsc858x`] object.
pub(crate) struct PhyState {
    /// The PHY's place in its package.
    placement: Placement,
    /// phylib let this PHY initialise the package and the initialisation has not succeeded
    /// yet: it runs again at the PHY's next `config_init`. (phylib's once-flag is set when the
    /// first PHY asks, whether the initialisation then succeeds or not.)
    package_pending: bool,
    // MACSEC: the offload of the PHY's two engines goes here, `KBox<logic::macsec::Offload>`
    // (about 26 KiB: allocated in `probe`, never on the stack).
}

/// The driver's object for one PHY of a VSC8584 (`ID` [`PHY_ID_VSC8584`]) or VSC8582
/// ([`PHY_ID_VSC8582`]): one type per identifier, as phylib matches one identifier per driver.
#[pin_data]
pub(crate) struct Vsc858x<const ID: u32> {
    /// The state, also reached by the MACsec operations and the interrupt handler.
    #[pin]
    state: Mutex<PhyState>,
}

impl<const ID: u32> Vsc858x<ID> {
    /// Brings up the PHY the driver serves on `bus`, after its package: the data path around
    /// the MACsec engines, then the media.
    fn init_phy(&self, state: &mut PhyState, bus: &mut LockedBus<'_>) -> logic::error::Result {
        let Placement { index, base } = state.placement;
        let addr = bus.addr();
        let mut window = Window::new(bus, addr);
        // MACSEC: the engines first, as the C driver does: `state.offload.init(&mut window)?`.
        phy_init::init_datapath(&mut window, index)?;
        window.finish()?;
        phy_init::init_media(bus, base, index)
    }

    /// Serves the events of the PHY's egress MACsec engine (a packet number that reached its
    /// threshold or rolled over), which the PHY's interrupt reported.
    fn macsec_event(&self, _dev: &mut phy::Device) -> Result {
        // MACSEC: the offload reads and acknowledges the engine's events here.
        Ok(())
    }
}

#[vtable]
impl<const ID: u32> Driver for Vsc858x<ID> {
    const NAME: &'static CStr = if ID == PHY_ID_VSC8582 {
        c_str!("Microchip VSC8582 (rsmacsec)")
    } else {
        c_str!("Microchip VSC8584 (rsmacsec)")
    };
    const PHY_DEVICE_ID: DeviceId = DeviceId::new_with_exact_mask(ID);

    fn probe(dev: &mut phy::Device) -> Result<impl PinInit<Self, Error>> {
        let addr = dev.addr();
        let placement = {
            let mut bus = dev.lock_bus();
            logic::bringup::locate::locate(&mut *bus)
        }
        .map_err(|e| mdio::report(addr, "probe", e))?;
        dev.package_join(placement.base)?;
        Ok(try_pin_init!(Self {
            state <- new_mutex!(
                PhyState {
                    placement,
                    package_pending: false,
                },
                "Vsc858x::state"
            ),
        }? Error))
    }

    fn remove(&self, dev: &mut phy::Device) {
        // phylib keeps the interrupt requested after the driver is gone: the PHY must not
        // raise it any more.
        let addr = dev.addr();
        let disabled = {
            let mut bus = dev.lock_bus();
            interrupts_off(&mut bus)
        };
        if let Err(e) = disabled {
            mdio::report(addr, "disabling the interrupt", e);
        }
    }

    fn soft_reset(&self, dev: &mut phy::Device) -> Result {
        dev.genphy_soft_reset()
    }

    fn config_init(&self, dev: &mut phy::Device) -> Result {
        let addr = dev.addr();
        let host = match dev.interface() {
            Interface::Sgmii => HostInterface::Sgmii,
            Interface::Qsgmii => HostInterface::Qsgmii,
            other => {
                pr_err!("PHY {addr}: the host interface must be SGMII or QSGMII, not {other:?}\n");
                return Err(EINVAL);
            }
        };
        let mut state = self.state.lock();
        if dev.package_init_once() {
            state.package_pending = true;
        }
        if state.package_pending {
            let fw = Firmware::request(FIRMWARE, dev.as_ref()).inspect_err(|e| {
                pr_err!("PHY {addr}: no 8051 firmware {FIRMWARE} ({e:?})\n");
            })?;
            let base = state.placement.base;
            let done = {
                let mut bus = dev.lock_bus();
                package::init(&mut *bus, base, host, fw.data())
            };
            let firmware = done.map_err(|e| mdio::report(addr, "package initialisation", e))?;
            state.package_pending = false;
            pr_info!(
                "PHY {addr}: package of PHY {base} up ({host:?}): 8051 firmware CRC {:#06x}, \
                 {}-byte patch {FIRMWARE} {}\n",
                firmware.crc_found,
                fw.data().len(),
                if firmware.downloaded {
                    "downloaded, CRC now 0xfb48"
                } else {
                    "already in place"
                }
            );
        }
        let done = {
            let mut bus = dev.lock_bus();
            self.init_phy(&mut state, &mut bus)
        };
        done.map_err(|e| mdio::report(addr, "initialisation", e))?;
        drop(state);
        // The media settings take effect with a software reset.
        dev.genphy_soft_reset()
    }

    fn config_intr(&self, dev: &mut phy::Device) -> Result {
        let addr = dev.addr();
        let enable = dev.interrupts_enabled();
        let done = {
            let mut bus = dev.lock_bus();
            if enable {
                interrupts_on(&mut bus)
            } else {
                interrupts_off(&mut bus)
            }
        };
        done.map_err(|e| mdio::report(addr, "interrupt configuration", e))
    }

    fn handle_interrupt(&self, dev: &mut phy::Device) -> IrqReturn {
        let addr = dev.addr();
        let taken = {
            let mut bus = dev.lock_bus();
            irq::take_events(&mut *bus)
        };
        let events = match taken {
            Ok(events) => events,
            Err(e) => {
                mdio::report(addr, "interrupt", e);
                dev.error();
                return IrqReturn::None;
            }
        };
        if events.macsec {
            if let Err(e) = self.macsec_event(dev) {
                pr_err!("PHY {addr}: MACsec event: {e:?}\n");
                dev.error();
            }
        }
        if events.link_change {
            dev.trigger_machine();
        }
        if events.any() {
            IrqReturn::Handled
        } else {
            IrqReturn::None
        }
    }

    fn suspend(&self, dev: &mut phy::Device) -> Result {
        dev.genphy_suspend()
    }

    fn resume(&self, dev: &mut phy::Device) -> Result {
        dev.genphy_resume()
    }

    fn read_page(bus: &mut LockedBus<'_>) -> Result<u16> {
        bus.read(EXT_PAGE_ACCESS.into())
    }

    fn write_page(bus: &mut LockedBus<'_>, page: u16) -> Result {
        bus.write(EXT_PAGE_ACCESS.into(), page)
    }
}
