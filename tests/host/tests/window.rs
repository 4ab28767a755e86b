// SPDX-License-Identifier: GPL-2.0

//! The driver's indirect-window protocol (`logic::window`) against the
//! simulator's register model of a whole package: 32-bit accesses land in the
//! right bank, page 4 is selected once per batch and restored, the target
//! register is written only when it changes, and faults are reported.

use rsmacsec_host::hw::regs::{window, Bank, EXT_PAGE_ACCESS};
use rsmacsec_host::logic::error::{Error, Result};
use rsmacsec_host::logic::mdio::Mdio;
use rsmacsec_host::logic::window::{Bus, Window};
use rsmacsec_host::regs::fault::MdioError;
use rsmacsec_host::regs::package::Package;
use rsmacsec_host::regs::Engine;

const BASE: u8 = 8;

/// The simulated package as the driver's MDIO bus, for the PHY at `addr`.
struct SimMdio {
    pkg: Box<Package>,
    addr: u8,
    /// Every access, in order: (address, register, value, is a write).
    log: Vec<(u8, u8, u16, bool)>,
    delays: u32,
}

impl SimMdio {
    fn new(addr: u8) -> Self {
        Self {
            pkg: Box::new(Package::new(BASE)),
            addr,
            log: Vec::new(),
            delays: 0,
        }
    }

    fn writes_to(&self, reg: u8) -> usize {
        self.log.iter().filter(|a| a.3 && a.1 == reg).count()
    }
}

fn errno(e: MdioError) -> Error {
    Error::Mdio(match e {
        MdioError::Timeout => -110,
        _ => -5,
    })
}

impl Mdio for SimMdio {
    fn addr(&self) -> u8 {
        self.addr
    }

    fn read(&mut self, addr: u8, reg: u8) -> Result<u16> {
        let v = self.pkg.mdio_read(addr, reg).map_err(errno)?;
        self.log.push((addr, reg, v, false));
        Ok(v)
    }

    fn write(&mut self, addr: u8, reg: u8, val: u16) -> Result {
        self.pkg.mdio_write(addr, reg, val).map_err(errno)?;
        self.log.push((addr, reg, val, true));
        Ok(())
    }

    fn delay_us(&mut self, _us: u32) {
        self.delays += 1;
    }
}

#[test]
fn macsec_registers_of_each_phy_through_its_window() {
    let mut m = SimMdio::new(BASE + 2);
    {
        let mut w = Window::new(&mut m, BASE + 2);
        // SAM_MAC_SA_MATCH_LO of entry 3 (0x1000 + 16 * 3), egress; a record word, ingress.
        w.write32(Bank::MacsecEgress, 0x1030, 0xdead_beef).unwrap();
        w.write32(Bank::MacsecIngress, 0x0065, 0x0123_4567).unwrap();
        assert_eq!(w.read32(Bank::MacsecEgress, 0x1030).unwrap(), 0xdead_beef);
        assert_eq!(w.read32(Bank::MacsecIngress, 0x0065).unwrap(), 0x0123_4567);
        w.finish().unwrap();
    }
    let egr = m.pkg.macsec(2, Engine::Egress).unwrap();
    assert_eq!(egr.peek(0x1030), 0xdead_beef);
    assert_eq!(
        m.pkg.macsec(2, Engine::Ingress).unwrap().peek(0x0065),
        0x0123_4567
    );
    // Other PHYs of the package are untouched.
    assert_eq!(m.pkg.macsec(1, Engine::Egress).unwrap().peek(0x1030), 0);
    // Page 4 selected once, the standard page restored once; the target
    // register written once per change of bank (egress, ingress, egress, ingress).
    let pages: Vec<u16> = m
        .log
        .iter()
        .filter(|a| a.3 && a.1 == EXT_PAGE_ACCESS)
        .map(|a| a.2)
        .collect();
    assert_eq!(pages, [4, 0]);
    assert_eq!(m.writes_to(window::TARGET), 4);
    assert_eq!(m.pkg.mdio_read(BASE + 2, EXT_PAGE_ACCESS).unwrap(), 0);
}

#[test]
fn a_batch_on_one_bank_writes_the_target_once() {
    let mut m = SimMdio::new(BASE);
    let mut w = Window::new(&mut m, BASE);
    for i in 0..8 {
        w.write32(Bank::MacsecIngress, 0x1000 + i, i.into())
            .unwrap();
    }
    w.finish().unwrap();
    assert_eq!(m.writes_to(window::TARGET), 1);
    // Eight commands, each polled once: the simulator completes at once.
    assert_eq!(m.writes_to(window::CMD), 8);
    assert_eq!(m.log.len(), 1 + 1 + 8 * 4 + 1);
}

#[test]
fn dropping_the_window_restores_the_page() {
    let mut m = SimMdio::new(BASE);
    {
        let mut w = Window::new(&mut m, BASE);
        w.read32(Bank::MacsecEgress, 0x0800).unwrap();
    }
    assert_eq!(m.pkg.mdio_read(BASE, EXT_PAGE_ACCESS).unwrap(), 0);
}

#[test]
fn a_stuck_window_times_out_after_waiting() {
    let mut m = SimMdio::new(BASE + 1);
    m.pkg.faults_mut().set_window_stuck(1, true);
    let mut w = Window::new(&mut m, BASE + 1);
    assert_eq!(
        w.write32(Bank::MacsecEgress, 0x0800, 1),
        Err(Error::Timeout)
    );
    drop(w);
    // It gave up after waiting about half a second, not at once, nor never.
    assert_eq!(m.delays, 500);
}

#[test]
fn an_mdio_error_is_reported_as_it_came() {
    let mut m = SimMdio::new(BASE);
    let before = m.pkg.accesses();
    // The third access of the batch (register 17 after page and target) fails.
    m.pkg.faults_mut().fail_access(before + 3, MdioError::Io);
    let mut w = Window::new(&mut m, BASE);
    assert_eq!(
        w.write32(Bank::MacsecEgress, 0x0800, 1),
        Err(Error::Mdio(-5))
    );
}

#[test]
fn an_address_beyond_the_bank_is_refused_before_the_bus() {
    let mut m = SimMdio::new(BASE);
    let mut w = Window::new(&mut m, BASE);
    assert!(matches!(
        w.read32(Bank::HostMac, 0x1000),
        Err(Error::Refused { .. })
    ));
    drop(w);
    assert!(m.log.is_empty());
}
