// SPDX-License-Identifier: GPL-2.0

//! Simulator of a Microchip VSC8584 PHY package and its MACsec engines.
//!
//! There is no VSC8584 board here, so this module is the hardware: an MDIO
//! bus carrying a package of four PHYs (identifier 0x000707c1) whose
//! registers behave as the real ones do for the drivers (see [`regs`]).
//!
//! The register model is pure Rust shared with the host tests (`tests/host`).
//! The device, the MDIO bus and the two Ethernet ports are registered by C
//! glue (`sim_dev.c`, `sim_mdio.c`, `sim_port.c`): Linux 6.12 has no Rust
//! abstraction for them.

use kernel::{error::to_result, prelude::*};

#[path = "../phy/vsc8584/hw/mod.rs"]
pub mod hw;

pub mod engine;
pub mod regs;

use regs::fault::MdioError;
use regs::package::Package;

/// MDIO address of PHY 0 of the package.
const BASE_ADDR: u8 = 8;

module! {
    type: Vsc8584Sim,
    name: "vsc8584_sim",
    author: "rsmacsec developers",
    description: "Simulated Microchip VSC8584 PHY package with MACsec engines",
    license: "GPL",
}

/// The simulated package.
///
/// Only touched by the MDIO accessors below, which the MDIO core serialises
/// with the bus's `mdio_lock`, and before the bus exists or after it is gone.
static mut PACKAGE: Package = Package::new(BASE_ADDR);

extern "C" {
    fn vsc8584_sim_register(base: u8) -> core::ffi::c_int;
    fn vsc8584_sim_unregister();
}

/// Returns the package.
///
/// # Safety
///
/// The caller must hold the simulator bus's `mdio_lock`, or no bus may exist.
unsafe fn package() -> &'static mut Package {
    // SAFETY: The caller guarantees exclusive access.
    unsafe { &mut *core::ptr::addr_of_mut!(PACKAGE) }
}

/// What an MDIO controller reports for a failed access.
fn errno(err: MdioError) -> core::ffi::c_int {
    match err {
        // Nobody drives the bus: a real MDIO read returns all ones.
        MdioError::NoDevice => 0xffff,
        MdioError::BadRegister => EINVAL.to_errno(),
        MdioError::Io | MdioError::Timeout => EIO.to_errno(),
    }
}

/// Clause-22 read of the simulated package, called by the C glue.
#[no_mangle]
pub extern "C" fn vsc8584_sim_mdio_read(addr: u8, regnum: u8) -> core::ffi::c_int {
    // SAFETY: The MDIO core calls the bus's read with its `mdio_lock` held.
    match unsafe { package() }.mdio_read(addr, regnum) {
        Ok(val) => val.into(),
        Err(err) => errno(err),
    }
}

/// Clause-22 write to the simulated package, called by the C glue.
#[no_mangle]
pub extern "C" fn vsc8584_sim_mdio_write(addr: u8, regnum: u8, val: u16) -> core::ffi::c_int {
    // SAFETY: The MDIO core calls the bus's write with its `mdio_lock` held.
    match unsafe { package() }.mdio_write(addr, regnum, val) {
        Ok(()) => 0,
        Err(MdioError::NoDevice) => 0,
        Err(err) => errno(err),
    }
}

/// Sets the copper link of PHY `phy` of the package, called by the C glue.
#[no_mangle]
pub extern "C" fn vsc8584_sim_set_link(phy: u8, up: bool) {
    // SAFETY: The C glue holds the bus's `mdio_lock`.
    unsafe { package() }.set_link(phy.into(), up);
}

/// The interrupt outputs (MDINT) of the package's PHYs, bit `i` for PHY `i`,
/// called by the C glue after every access that may change them.
#[no_mangle]
pub extern "C" fn vsc8584_sim_irq_lines() -> u8 {
    // SAFETY: The C glue holds the bus's `mdio_lock`.
    let package = unsafe { package() };
    (0..4).fold(0, |lines, phy| {
        lines | (u8::from(package.irq_pending(phy)) << phy)
    })
}

/// Arms fault injection, called by the debugfs glue: the `nth` MDIO access
/// from now and the `count - 1` after it fail (`nth == 0` disarms), as a bus
/// error or, with `timeout`, as a timeout.
#[no_mangle]
pub extern "C" fn vsc8584_sim_fail_accesses(nth: u64, count: u32, timeout: bool) {
    let err = if timeout {
        MdioError::Timeout
    } else {
        MdioError::Io
    };
    // SAFETY: The C glue holds the bus's `mdio_lock`.
    unsafe { package() }
        .faults_mut()
        .fail_accesses(nth, count, err);
}

/// Keeps the page-4 completion bit of PHY `phy` from ever reading 1 (or lets
/// it go), called by the debugfs glue.
#[no_mangle]
pub extern "C" fn vsc8584_sim_set_window_stuck(phy: u8, stuck: bool) {
    // SAFETY: The C glue holds the bus's `mdio_lock`.
    unsafe { package() }
        .faults_mut()
        .set_window_stuck(phy.into(), stuck);
}

/// Number of MDIO accesses to the package so far, for debugfs.
#[no_mangle]
pub extern "C" fn vsc8584_sim_accesses() -> u64 {
    // SAFETY: The C glue holds the bus's `mdio_lock`.
    unsafe { package() }.accesses()
}

struct Vsc8584Sim;

impl kernel::Module for Vsc8584Sim {
    fn init(_module: &'static ThisModule) -> Result<Self> {
        // `PACKAGE` starts in its power-on state: every load of the module gets a fresh copy.
        // SAFETY: Plain call into the C glue of this module.
        to_result(unsafe { vsc8584_sim_register(BASE_ADDR) })?;
        pr_info!(
            "VSC8584 package at MDIO addresses {}..{}\n",
            BASE_ADDR,
            BASE_ADDR + 3
        );
        Ok(Vsc8584Sim)
    }
}

impl Drop for Vsc8584Sim {
    fn drop(&mut self) {
        // SAFETY: Plain call into the C glue of this module, which registered the device in
        // `init`.
        unsafe { vsc8584_sim_unregister() };
    }
}
