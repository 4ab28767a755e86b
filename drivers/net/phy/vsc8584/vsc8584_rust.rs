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
    net::phy::{
        self,
        macsec::{
            self as phy_macsec, Context, DevStats, RxSaStats, RxScStats, TxSaStats, TxScStats,
        },
        DeviceId, Driver, Interface, IrqReturn, LockedBus,
    },
    new_mutex,
    prelude::*,
    sync::Mutex,
};

pub mod hw;
mod kunit;
pub mod logic;
mod macsec;
mod mdio;

use hw::regs::{EXT_PAGE_ACCESS, PHY_ID_VSC8582, PHY_ID_VSC8584};
use logic::bringup::{irq, locate::Placement, package, phy as phy_init, HostInterface};
use logic::macsec::{counters::N_GLOBALS, state::MAX_SECY, types::TxEvent, Offload};
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
    params: {
        bypass_ethertypes: [u16; 7] {
            default: [],
            description: "EtherTypes passed in clear besides EAPOL, e.g. 0x88cc,0x8809,0x88f7",
        },
        pn_switch_margin: u64 {
            default: 1048576,
            description: "PNs left when the hardware switches to the next SA (1 to 2^31)",
        },
    },
}

/// The patch of the package's 8051, the file the C driver loads.
const FIRMWARE: &CStr = c_str!("microchip/mscc_vsc8584_revb_int8051_fb48.bin");

/// The events of the egress MACsec engine that raise the PHY's interrupt: a packet number past
/// the switch point (the threshold) and a packet number roll-over.
const MACSEC_EVENTS: u16 = hw::regs::macsec::INTR_SEQ_THRESHOLD | hw::regs::macsec::INTR_ROLLOVER;

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
    /// The MACsec state of the PHY's two engines (tens of KiB: made in place on the heap).
    offload: KBox<Offload>,
}

// SAFETY: All-zero bytes are a valid `Offload`, equal to `Offload::new()`: its fields are
// integers, booleans, arrays of them and `repr(u8)` enums whose zero is a variant, which the host
// test `an_offload_in_zeroed_memory_is_a_new_one` checks. So `KBox::init(zeroed())` makes one
// without a copy on the stack.
unsafe impl kernel::init::Zeroable for Offload {}

/// The names of the engines' global counters, as ethtool strings (made at build time from the
/// logic's, which end with a NUL).
const STATS: [&CStr; N_GLOBALS] = {
    let mut names = [c_str!(""); N_GLOBALS];
    let mut i = 0;
    while i < N_GLOBALS {
        names[i] = match CStr::from_bytes_with_nul(Offload::STAT_NAMES[i].as_bytes()) {
            Ok(name) => name,
            Err(_) => panic!("a counter name of the MACsec logic does not end with a NUL"),
        };
        i += 1;
    }
    names
};

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
        // The engines first, as the C driver does; with SecYs offloaded, this reprograms them.
        state.offload.init(&mut window)?;
        phy_init::init_datapath(&mut window, index)?;
        window.finish()?;
        phy_init::init_media(bus, base, index)
    }

    /// Serves the events of the PHY's egress MACsec engine (a packet number past the switch
    /// point, or one that rolled over), which the PHY's interrupt reported: the logic switches
    /// to the next SA or stops the spent one, and the MACsec core is told.
    fn macsec_event(&self, dev: &mut phy::Device) -> Result {
        let addr = dev.addr();
        let mut events = [TxEvent::Wrapped { sci: [0; 8], an: 0 }; 16];
        let (n, done) = {
            let mut state = self.state.lock();
            let mut bus = dev.lock_bus();
            let mut window = Window::new(&mut *bus, addr);
            let served = state.offload.handle_interrupt(&mut window, &mut events);
            // Acknowledged even when handling failed: else no later event would come.
            let acked = irq::ack_macsec(&mut window);
            (served.events, window.finish().and(served.result).and(acked))
        };
        // What the engines did is reported even when an access failed after it: the kernel
        // must know which SA sends.
        for event in events.iter().take(n) {
            match *event {
                TxEvent::Switched { sci, from, to } => Self::switched(dev, sci, from, to),
                TxEvent::Wrapped { sci, an } => Self::pn_wrapped(dev, sci, an),
            }
        }
        done.map_err(|e| mdio::report(addr, "MACsec event", e))
    }

    /// Tells the MACsec core that the hardware switched the SecY `sci` from the encoding SA
    /// `from` to `to` at the PN switch point.
    fn switched(dev: &mut phy::Device, sci: logic::macsec::types::Sci, from: u8, to: u8) {
        #[cfg(CONFIG_MACSEC)]
        if let (Some(f), Some(t)) = (
            phy_macsec::AssocNum::new(from),
            phy_macsec::AssocNum::new(to),
        ) {
            let sci = phy_macsec::Sci::from_bytes(sci);
            if phy_macsec::encoding_sa_switched(dev, sci, f, t).is_err() {
                pr_warn!(
                    "PHY {}: SecY {:016x} switched to SA {to}, but is no longer offloaded\n",
                    dev.addr(),
                    sci.to_u64()
                );
            }
        }
    }

    /// Tells the MACsec core that the transmit SA `an` of the SecY `sci` used its last packet
    /// number: the hardware stopped it, the kernel marks it inactive.
    fn pn_wrapped(dev: &mut phy::Device, sci: logic::macsec::types::Sci, an: u8) {
        #[cfg(CONFIG_MACSEC)]
        if let Some(an) = phy_macsec::AssocNum::new(an) {
            let sci = phy_macsec::Sci::from_bytes(sci);
            if phy_macsec::pn_wrapped(dev, sci, an).is_err() {
                pr_warn!(
                    "PHY {}: SA {} of SecY {:016x}: spent, but no longer offloaded\n",
                    dev.addr(),
                    an.get(),
                    sci.to_u64()
                );
            }
        }
    }

    /// Drops the SecY `sci` if the MACsec core deleted it while the PHY was detached from its
    /// network device, and stops it if the core stopped it then (`up`: the driver's view): the
    /// core could not tell the driver.
    fn reconcile(&self, dev: &mut phy::Device, sci: logic::macsec::types::Sci, up: bool) {
        #[cfg(CONFIG_MACSEC)]
        {
            let done = match phy_macsec::secy_running(dev, phy_macsec::Sci::from_bytes(sci)) {
                Err(e) if e == ENOENT => self.engines(dev, |o, bus| o.del_secy(bus, sci)),
                Ok(false) if up => self.engines(dev, |o, bus| o.dev_stop(bus, sci)),
                _ => Ok(()),
            };
            if let Err(e) = done {
                let addr = dev.addr();
                mdio::report(addr, "a SecY deleted or stopped while detached", e);
            }
        }
    }

    /// Stops the SecYs offloaded to the PHY other than `ours`: a previous binding's (after an
    /// unbind and a bind, or a reload of the module). Their records and entries are gone with the
    /// engines' reset and this binding does not have their keys, so the core must not hand their
    /// frames to the PHY, which would send them in clear, nor take frames addressed to them as
    /// checked.
    fn orphan_others(dev: &mut phy::Device, ours: impl Iterator<Item = logic::macsec::types::Sci>) {
        #[cfg(CONFIG_MACSEC)]
        {
            let mut scis = [phy_macsec::Sci::from_bytes([0; 8]); MAX_SECY];
            let mut n = 0;
            for (slot, sci) in scis.iter_mut().zip(ours) {
                *slot = phy_macsec::Sci::from_bytes(sci);
                n += 1;
            }
            let addr = dev.addr();
            match phy_macsec::orphan_unknown(dev, scis.get(..n).unwrap_or(&[])) {
                Ok(0) => {}
                Ok(stopped) => pr_warn!(
                    "PHY {addr}: {stopped} MACsec device(s) offloaded before this driver was \
                     bound: their frames are dropped until they are deleted\n"
                ),
                // Not attached: the next config_init, at the attachment, does it.
                Err(e) if e == ENODEV => {}
                Err(e) => pr_err!("PHY {addr}: the SecYs of an earlier binding: {e:?}\n"),
            }
        }
    }

    /// Runs `f` on the PHY's engines, under the state lock and the MDIO bus lock for the whole
    /// operation.
    fn engines<R>(
        &self,
        dev: &mut phy::Device,
        f: impl FnOnce(&mut Offload, &mut Window<'_, LockedBus<'_>>) -> logic::error::Result<R>,
    ) -> logic::error::Result<R> {
        let addr = dev.addr();
        let mut state = self.state.lock();
        let mut bus = dev.lock_bus();
        let mut window = Window::new(&mut *bus, addr);
        let ret = f(&mut state.offload, &mut window);
        let restored = window.finish();
        let value = ret?;
        // The operation is done; a failure to put the standard page back does not undo it, and
        // the next access through the window selects the page it needs again.
        if let Err(e) = restored {
            mdio::report(addr, "restoring the standard page", e);
        }
        Ok(value)
    }

    /// Runs the MACsec operation `f` of the logic for the request `ctx`: a failure becomes the
    /// request's errno and message.
    fn offload<R>(
        &self,
        dev: &mut phy::Device,
        ctx: &Context<'_>,
        f: impl FnOnce(&mut Offload, &mut Window<'_, LockedBus<'_>>) -> logic::error::Result<R>,
    ) -> Result<R> {
        let addr = dev.addr();
        self.engines(dev, f)
            .map_err(|e| macsec::error(ctx, addr, e))
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
        let mut offload: KBox<Offload> = KBox::init(kernel::init::zeroed(), GFP_KERNEL)?;
        offload
            .set_bypass_ethertypes(module_parameters::bypass_ethertypes.values())
            .map_err(|e| mdio::report(addr, "module parameter bypass_ethertypes", e))?;
        offload
            .set_pn_margin(module_parameters::pn_switch_margin.get())
            .map_err(|e| mdio::report(addr, "module parameter pn_switch_margin", e))?;
        dev.package_join(placement.base)?;
        Ok(try_pin_init!(Self {
            state <- new_mutex!(
                PhyState {
                    placement,
                    package_pending: false,
                    offload,
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
        // A transmit SA whose packet number the PHY lost (its engines were powered down) is
        // held out of use: sending again from a guessed number could reuse one with the key.
        let mut lost = [([0u8; 8], 0u8); 16];
        let mut n = 0;
        for (slot, sa) in lost.iter_mut().zip(state.offload.lost_tx_pns()) {
            *slot = sa;
            n += 1;
        }
        // What the PHY's SecYs were when the PHY was last attached.
        let mut secys = [([0u8; 8], false); MAX_SECY];
        let mut held = 0;
        for (slot, secy) in secys
            .iter_mut()
            .zip(state.offload.state().secy.iter().filter(|s| s.used))
        {
            *slot = (secy.cfg.sci, secy.up);
            held += 1;
        }
        drop(state);
        for (sci, an) in lost.iter().take(n) {
            Self::pn_wrapped(dev, *sci, *an);
        }
        for (sci, up) in secys.iter().take(held) {
            self.reconcile(dev, *sci, *up);
        }
        Self::orphan_others(dev, secys.iter().take(held).map(|(sci, _)| *sci));
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

    const STATS: &'static [&'static CStr] = &STATS;

    fn get_stats(&self, dev: &mut phy::Device, values: &mut [u64]) {
        let addr = dev.addr();
        let mut state = self.state.lock();
        let mut bus = dev.lock_bus();
        let mut window = Window::new(&mut *bus, addr);
        let read = state.offload.global_stats(&mut window, values);
        if let Err(e) = window.finish().and(read) {
            mdio::report(addr, "reading the MACsec counters", e);
        }
    }

    fn macsec_add_secy(&self, dev: &mut phy::Device, ctx: &Context<'_>) -> Result {
        let cfg = macsec::secy_config(ctx)?;
        self.offload(dev, ctx, |o, bus| o.add_secy(bus, &cfg))?;
        if ctx.real_dev_address() == Some(cfg.mac) {
            // Not silent: the PHY tells frames apart by their source address only.
            pr_info!(
                "PHY {}: SecY {:016x} has the address of its parent device: while it is up, \
                 the PHY protects the parent's frames from that address too (give the MACsec \
                 device an address of its own to keep them plain)\n",
                dev.addr(),
                u64::from_be_bytes(cfg.sci)
            );
        }
        Ok(())
    }

    fn macsec_upd_secy(&self, dev: &mut phy::Device, ctx: &Context<'_>) -> Result {
        let cfg = macsec::secy_config(ctx)?;
        self.offload(dev, ctx, |o, bus| o.upd_secy(bus, &cfg))
    }

    fn macsec_del_secy(&self, dev: &mut phy::Device, ctx: &Context<'_>) -> Result {
        let sci = macsec::sci(ctx.secy().sci());
        self.offload(dev, ctx, |o, bus| o.del_secy(bus, sci))
    }

    fn macsec_dev_open(&self, dev: &mut phy::Device, ctx: &Context<'_>) -> Result {
        let sci = macsec::sci(ctx.secy().sci());
        self.offload(dev, ctx, |o, bus| o.dev_open(bus, sci))
    }

    fn macsec_dev_stop(&self, dev: &mut phy::Device, ctx: &Context<'_>) -> Result {
        let sci = macsec::sci(ctx.secy().sci());
        // Deleting a MACsec device that is up deletes the SecY (mdo_del_secy), then stops the
        // device: there is nothing left to stop then.
        if !self.state.lock().offload.holds(&sci) {
            return Ok(());
        }
        self.offload(dev, ctx, |o, bus| o.dev_stop(bus, sci))
    }

    fn macsec_add_txsa(&self, dev: &mut phy::Device, ctx: &Context<'_>) -> Result {
        let sci = macsec::sci(ctx.secy().sci());
        let mut sa = macsec::tx_sa_config(ctx)?;
        let ret = self.offload(dev, ctx, |o, bus| o.add_txsa(bus, sci, &sa));
        macsec::wipe(&mut sa);
        ret
    }

    fn macsec_upd_txsa(&self, dev: &mut phy::Device, ctx: &Context<'_>) -> Result {
        let sci = macsec::sci(ctx.secy().sci());
        let (an, sa) = ctx.assoc_num().zip(ctx.tx_sa()).ok_or(EINVAL)?;
        let pn = ctx.update_pn().then(|| sa.next_pn());
        self.offload(dev, ctx, |o, bus| {
            o.upd_txsa(bus, sci, an.get(), sa.is_active(), pn)
        })
    }

    fn macsec_del_txsa(&self, dev: &mut phy::Device, ctx: &Context<'_>) -> Result {
        let sci = macsec::sci(ctx.secy().sci());
        let an = ctx.assoc_num().ok_or(EINVAL)?;
        self.offload(dev, ctx, |o, bus| o.del_txsa(bus, sci, an.get()))
    }

    fn macsec_add_rxsc(&self, dev: &mut phy::Device, ctx: &Context<'_>) -> Result {
        let sci = macsec::sci(ctx.secy().sci());
        let sc = ctx.rx_sc().ok_or(EINVAL)?;
        let rx_sci = macsec::sci(sc.sci());
        self.offload(dev, ctx, |o, bus| {
            o.add_rxsc(bus, sci, rx_sci, sc.is_active())
        })
    }

    fn macsec_upd_rxsc(&self, dev: &mut phy::Device, ctx: &Context<'_>) -> Result {
        let sci = macsec::sci(ctx.secy().sci());
        let sc = ctx.rx_sc().ok_or(EINVAL)?;
        let rx_sci = macsec::sci(sc.sci());
        self.offload(dev, ctx, |o, bus| {
            o.upd_rxsc(bus, sci, rx_sci, sc.is_active())
        })
    }

    fn macsec_del_rxsc(&self, dev: &mut phy::Device, ctx: &Context<'_>) -> Result {
        let sci = macsec::sci(ctx.secy().sci());
        let rx_sci = macsec::sci(ctx.rx_sc().ok_or(EINVAL)?.sci());
        self.offload(dev, ctx, |o, bus| o.del_rxsc(bus, sci, rx_sci))
    }

    fn macsec_add_rxsa(&self, dev: &mut phy::Device, ctx: &Context<'_>) -> Result {
        let sci = macsec::sci(ctx.secy().sci());
        let rx_sci = macsec::sci(ctx.rx_sc().ok_or(EINVAL)?.sci());
        let mut sa = macsec::rx_sa_config(ctx)?;
        let ret = self.offload(dev, ctx, |o, bus| o.add_rxsa(bus, sci, rx_sci, &sa));
        macsec::wipe(&mut sa);
        ret
    }

    fn macsec_upd_rxsa(&self, dev: &mut phy::Device, ctx: &Context<'_>) -> Result {
        let sci = macsec::sci(ctx.secy().sci());
        let rx_sci = macsec::sci(ctx.rx_sc().ok_or(EINVAL)?.sci());
        let (an, sa) = ctx.assoc_num().zip(ctx.rx_sa()).ok_or(EINVAL)?;
        let pn = ctx.update_pn().then(|| sa.next_pn());
        self.offload(dev, ctx, |o, bus| {
            o.upd_rxsa(bus, sci, rx_sci, an.get(), sa.is_active(), pn)
        })
    }

    fn macsec_del_rxsa(&self, dev: &mut phy::Device, ctx: &Context<'_>) -> Result {
        let sci = macsec::sci(ctx.secy().sci());
        let rx_sci = macsec::sci(ctx.rx_sc().ok_or(EINVAL)?.sci());
        let an = ctx.assoc_num().ok_or(EINVAL)?;
        self.offload(dev, ctx, |o, bus| o.del_rxsa(bus, sci, rx_sci, an.get()))
    }

    fn macsec_get_dev_stats(&self, dev: &mut phy::Device, ctx: &Context<'_>) -> Result<DevStats> {
        let sci = macsec::sci(ctx.secy().sci());
        let c = self.offload(dev, ctx, |o, bus| o.dev_stats(bus, sci))?;
        Ok(macsec::dev_stats(&c))
    }

    fn macsec_get_tx_sc_stats(
        &self,
        dev: &mut phy::Device,
        ctx: &Context<'_>,
    ) -> Result<TxScStats> {
        let sci = macsec::sci(ctx.secy().sci());
        let c = self.offload(dev, ctx, |o, bus| o.tx_sc_stats(bus, sci))?;
        Ok(macsec::tx_sc_stats(&c))
    }

    fn macsec_get_tx_sa_stats(
        &self,
        dev: &mut phy::Device,
        ctx: &Context<'_>,
    ) -> Result<TxSaStats> {
        let sci = macsec::sci(ctx.secy().sci());
        let (an, sa) = ctx.assoc_num().zip(ctx.tx_sa()).ok_or(EINVAL)?;
        let (c, pn) = self.offload(dev, ctx, |o, bus| o.tx_sa_stats(bus, sci, an.get()))?;
        // The dump reads the packet number right after: it shows the hardware's.
        sa.set_next_pn(macsec::kernel_pn(ctx.secy().is_xpn(), pn))?;
        Ok(macsec::tx_sa_stats(&c))
    }

    fn macsec_get_rx_sc_stats(
        &self,
        dev: &mut phy::Device,
        ctx: &Context<'_>,
    ) -> Result<RxScStats> {
        let sci = macsec::sci(ctx.secy().sci());
        let rx_sci = macsec::sci(ctx.rx_sc().ok_or(EINVAL)?.sci());
        let c = self.offload(dev, ctx, |o, bus| o.rx_sc_stats(bus, sci, rx_sci))?;
        Ok(macsec::rx_sc_stats(&c))
    }

    fn macsec_get_rx_sa_stats(
        &self,
        dev: &mut phy::Device,
        ctx: &Context<'_>,
    ) -> Result<RxSaStats> {
        let sci = macsec::sci(ctx.secy().sci());
        let rx_sci = macsec::sci(ctx.rx_sc().ok_or(EINVAL)?.sci());
        let (an, sa) = ctx.assoc_num().zip(ctx.rx_sa()).ok_or(EINVAL)?;
        let (c, pn) = self.offload(dev, ctx, |o, bus| o.rx_sa_stats(bus, sci, rx_sci, an.get()))?;
        sa.set_next_pn(macsec::kernel_pn(ctx.secy().is_xpn(), pn))?;
        Ok(macsec::rx_sa_stats(&c))
    }

    fn read_page(bus: &mut LockedBus<'_>) -> Result<u16> {
        bus.read(EXT_PAGE_ACCESS.into())
    }

    fn write_page(bus: &mut LockedBus<'_>, page: u16) -> Result {
        bus.write(EXT_PAGE_ACCESS.into(), page)
    }
}
