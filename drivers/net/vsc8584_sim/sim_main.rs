// SPDX-License-Identifier: GPL-2.0

//! Simulator of a Microchip VSC8584 PHY package and its MACsec engines.
//!
//! There is no VSC8584 board here, so this module is the hardware: an MDIO
//! bus carrying a package of four PHYs (identifier 0x000707c1, or the module
//! parameter `phy_id`) whose
//! registers behave as the real ones do for the drivers (see [`regs`]).
//!
//! The register model and the MACsec engines' frame path are pure Rust
//! shared with the host tests (`tests/host`); AES-GCM comes from the kernel's
//! crypto library (`kernel::crypto::aes_gcm`). The device, the MDIO bus, the
//! two Ethernet ports, the wire between them and debugfs are C glue
//! (`sim_dev.c`, `sim_mdio.c`, `sim_port.c`, `sim_wire.c`, `sim_debugfs.c`):
//! Linux 6.12 has no Rust abstraction for them.

use kernel::{crypto::aes_gcm::AesGcm, error::to_result, prelude::*};

pub mod engine;
pub mod regdesc;
pub mod regs;

use engine::datapath::{self, GcmFactory, Outcome};
use engine::gcm::{AeadGcm, AuthError, SealError, IV_LEN, TAG_LEN};
use engine::report::{self, SliceWriter};
use regs::fault::MdioError;
use regs::package::Package;
use regs::Engine;

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

/// Makes every PHY of the package report `id` in MII registers 2/3, called by
/// the C glue with the module parameter `phy_id` before the bus exists.
#[no_mangle]
pub extern "C" fn vsc8584_sim_set_phy_id(id: u32) {
    // SAFETY: No bus exists yet, or the C glue holds its `mdio_lock`.
    unsafe { package() }.set_phy_id(id);
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

/// Number of MDIO reads to the package so far (of the accesses), for debugfs.
#[no_mangle]
pub extern "C" fn vsc8584_sim_reads() -> u64 {
    // SAFETY: The C glue holds the bus's `mdio_lock`.
    unsafe { package() }.reads()
}

/// The engine's AES-GCM, on lib/crypto's aesgcm.
struct KernelGcm(AesGcm);

impl AeadGcm for KernelGcm {
    fn seal(
        &self,
        iv: &[u8; IV_LEN],
        aad: &[u8],
        data: &mut [u8],
    ) -> Result<[u8; TAG_LEN], SealError> {
        self.0
            .encrypt_in_place(iv, aad, data)
            .map_err(|_| SealError)
    }

    fn open(
        &self,
        iv: &[u8; IV_LEN],
        aad: &[u8],
        data: &mut [u8],
        tag: &[u8; TAG_LEN],
    ) -> Result<(), AuthError> {
        self.0
            .decrypt_in_place(iv, aad, data, tag)
            .map_err(|_| AuthError)
    }
}

/// Expands transform record keys for the engine.
struct KernelGcmFactory;

impl GcmFactory for KernelGcmFactory {
    type Gcm = KernelGcm;

    fn expand(&self, key: &[u8]) -> Option<KernelGcm> {
        AesGcm::new(key).ok().map(KernelGcm)
    }
}

// The C glue sizes engine output buffers with VSC8584_SIM_ENGINE_EXPANSION
// (include/rsmacsec/vsc8584_sim.h): the SecTAG with SCI and the ICV.
const _: () = assert!(datapath::max_out_len(0) == 32);

/// Runs the frame `frame[..len]` (from the destination address, no FCS)
/// through MACsec engine `egress ? egress : ingress` of PHY `phy` and writes
/// what leaves it to `out[..cap]`. Returns the length of that frame, or -1
/// when the engine dropped it.
///
/// # Safety
///
/// `frame` must be valid for reads of `len` bytes and `out` for writes of
/// `cap` bytes, the two must not overlap, and the caller must hold the
/// simulator bus's `mdio_lock`.
#[no_mangle]
pub unsafe extern "C" fn vsc8584_sim_engine(
    phy: u8,
    egress: bool,
    frame: *const u8,
    len: usize,
    out: *mut u8,
    cap: usize,
) -> core::ffi::c_int {
    // SAFETY: The caller guarantees that `frame` is valid for `len` bytes.
    let frame = unsafe { core::slice::from_raw_parts(frame, len) };
    // SAFETY: The caller guarantees that `out` is valid for `cap` bytes and does not overlap
    // `frame`.
    let out = unsafe { core::slice::from_raw_parts_mut(out, cap) };
    let engine = if egress {
        Engine::Egress
    } else {
        Engine::Ingress
    };
    // SAFETY: The caller holds the bus's `mdio_lock`.
    let package = unsafe { package() };
    match datapath::run(package, phy.into(), engine, &KernelGcmFactory, frame, out) {
        Outcome::Forward(n) => n.try_into().unwrap_or(-1),
        Outcome::Drop(_) => -1,
    }
}

/// Writes text view `view` of PHY `phy` to `buf[..cap]`: the non-zero
/// registers (0) or the counters (1) of the ingress MACsec engine, the same
/// (2, 3) of the egress engine, or the non-zero registers of the other banks
/// (4). Returns the length written, -ENOSPC when `cap` is too small, or
/// -EINVAL for an unknown PHY or view.
///
/// # Safety
///
/// `buf` must be valid for writes of `cap` bytes, and the caller must hold
/// the simulator bus's `mdio_lock`.
#[no_mangle]
pub unsafe extern "C" fn vsc8584_sim_dump(phy: u8, view: u8, buf: *mut u8, cap: usize) -> isize {
    // SAFETY: The caller guarantees that `buf` is valid for `cap` bytes.
    let buf = unsafe { core::slice::from_raw_parts_mut(buf, cap) };
    // SAFETY: The caller holds the bus's `mdio_lock`.
    let Some(phy) = (unsafe { package() }).phy(phy.into()) else {
        return EINVAL.to_errno() as isize;
    };
    let bank = |egress| {
        phy.macsec(if egress {
            Engine::Egress
        } else {
            Engine::Ingress
        })
    };
    let mut w = SliceWriter::new(buf);
    let done = match view {
        0..=3 => {
            let bank = bank(view & 2 != 0);
            if view & 1 != 0 {
                report::dump_counters(bank, &mut w)
            } else {
                report::dump_registers(bank, &mut w)
            }
        }
        4 => report::dump_csrs(phy, &mut w),
        5 => phy.trace().show(&mut w),
        _ => return EINVAL.to_errno() as isize,
    };
    match done {
        Ok(()) => w.len() as isize,
        Err(_) => ENOSPC.to_errno() as isize,
    }
}

/// Writes the misuse the engines recorded (debugfs `misuse`: a `total N`
/// line, then one line per kind and register) to `buf[..cap]`. Returns the
/// length written or -ENOSPC.
///
/// # Safety
///
/// `buf` must be valid for writes of `cap` bytes, and the caller must hold
/// the simulator bus's `mdio_lock`.
#[no_mangle]
pub unsafe extern "C" fn vsc8584_sim_misuse(buf: *mut u8, cap: usize) -> isize {
    // SAFETY: The caller guarantees that `buf` is valid for `cap` bytes.
    let buf = unsafe { core::slice::from_raw_parts_mut(buf, cap) };
    let mut w = SliceWriter::new(buf);
    // SAFETY: The caller holds the bus's `mdio_lock`.
    match (unsafe { package() }).show_misuse(&mut w) {
        Ok(()) => w.len() as isize,
        Err(_) => ENOSPC.to_errno() as isize,
    }
}

/// Forgets the recorded misuse, called by the debugfs glue when a test that
/// provoked it on purpose has checked it.
#[no_mangle]
pub extern "C" fn vsc8584_sim_misuse_clear() {
    // SAFETY: The C glue holds the bus's `mdio_lock`.
    unsafe { package() }.clear_misuse();
}

/// Writes the variants in force (debugfs `variants`) to `buf[..cap]`.
/// Returns the length written or -ENOSPC.
///
/// # Safety
///
/// `buf` must be valid for writes of `cap` bytes, and the caller must hold
/// the simulator bus's `mdio_lock`.
#[no_mangle]
pub unsafe extern "C" fn vsc8584_sim_variants(buf: *mut u8, cap: usize) -> isize {
    // SAFETY: The caller guarantees that `buf` is valid for `cap` bytes.
    let buf = unsafe { core::slice::from_raw_parts_mut(buf, cap) };
    let mut w = SliceWriter::new(buf);
    // SAFETY: The caller holds the bus's `mdio_lock`.
    match (unsafe { package() }).variants().show(&mut w) {
        Ok(()) => w.len() as isize,
        Err(_) => ENOSPC.to_errno() as isize,
    }
}

/// Applies the variant setting `name=value` in `cmd[..len]`. Returns 0 or
/// -EINVAL.
///
/// # Safety
///
/// `cmd` must be valid for reads of `len` bytes, and the caller must hold
/// the simulator bus's `mdio_lock`.
#[no_mangle]
pub unsafe extern "C" fn vsc8584_sim_set_variant(cmd: *const u8, len: usize) -> core::ffi::c_int {
    // SAFETY: The caller guarantees that `cmd` is valid for `len` bytes.
    let cmd = unsafe { core::slice::from_raw_parts(cmd, len) };
    let Ok(cmd) = core::str::from_utf8(cmd) else {
        return EINVAL.to_errno();
    };
    // SAFETY: The caller holds the bus's `mdio_lock`.
    let package = unsafe { package() };
    let mut variants = *package.variants();
    match variants.set(cmd) {
        Ok(()) => {
            package.set_variants(variants);
            0
        }
        Err(_) => EINVAL.to_errno(),
    }
}

/// Writes `val` to register `addr` of a MACsec engine of PHY `phy` the way a
/// bus write through the page-4 window does, checks and side effects
/// included (debugfs `macsec_write`: a test provoking misuse on purpose).
/// Returns `-EINVAL` for a PHY the package does not have.
#[no_mangle]
pub extern "C" fn vsc8584_sim_macsec_write(
    phy: u8,
    egress: bool,
    addr: u16,
    val: u32,
) -> core::ffi::c_int {
    let engine = if egress {
        Engine::Egress
    } else {
        Engine::Ingress
    };
    // SAFETY: The C glue holds the bus's `mdio_lock`.
    let package = unsafe { package() };
    let Some(bank) = package.macsec_mut(phy.into(), engine) else {
        return EINVAL.to_errno();
    };
    bank.write(addr, val);
    package.update_irqs();
    0
}

/// Reports the misuse the engines recorded on the console, for the test
/// harness: `make check` fails on a non-zero total.
fn report_misuse(package: &Package) {
    pr_info!("misuse total {}\n", package.misuse_total());
    for i in 0..regs::PHYS {
        let Some(phy) = package.phy(i) else {
            continue;
        };
        for (engine, name) in [(Engine::Ingress, "ingress"), (Engine::Egress, "egress")] {
            for e in phy.macsec(engine).misuse().entries() {
                pr_info!(
                    "misuse phy{} {} {} addr={:#06x} value={:#010x} detail={:#010x} count={}\n",
                    i,
                    name,
                    e.kind.name(),
                    e.addr,
                    e.value,
                    e.detail,
                    e.count
                );
            }
        }
    }
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
        // SAFETY: The bus is gone: nothing else touches the package.
        report_misuse(unsafe { package() });
    }
}
