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
    // The upper half (0) is written once, the lower half each time it changes.
    assert_eq!(m.writes_to(window::DATA_HI), 1);
    assert_eq!(m.writes_to(window::DATA_LO), 8);
    assert_eq!(m.log.len(), 1 + 1 + 4 + 7 * 3 + 1);
}

/// Frames of the log from `from` on, as (register, is a write).
fn frames(m: &SimMdio, from: usize) -> Vec<(u8, bool)> {
    m.log[from..].iter().map(|a| (a.1, a.3)).collect()
}

#[test]
fn a_data_half_is_written_only_when_the_register_does_not_hold_it() {
    let mut m = SimMdio::new(BASE);
    let mut w = Window::new(&mut m, BASE);
    w.write32(Bank::MacsecEgress, 0x1000, 0x1234_5678).unwrap();
    // Same upper half: only the lower half, the command and its poll.
    w.write32(Bank::MacsecEgress, 0x1001, 0x1234_0000).unwrap();
    // Same lower half.
    w.write32(Bank::MacsecEgress, 0x1002, 0x0000_0000).unwrap();
    // Both halves held already: the command and its poll.
    w.write32(Bank::MacsecEgress, 0x1003, 0x0000_0000).unwrap();
    w.finish().unwrap();
    let (cmd, lo, hi) = (window::CMD, window::DATA_LO, window::DATA_HI);
    assert_eq!(
        frames(&m, 2),
        [
            (lo, true),
            (hi, true),
            (cmd, true),
            (cmd, false),
            (lo, true),
            (cmd, true),
            (cmd, false),
            (hi, true),
            (cmd, true),
            (cmd, false),
            (cmd, true),
            (cmd, false),
            (EXT_PAGE_ACCESS, true),
        ]
    );
    let egr = m.pkg.macsec(0, Engine::Egress).unwrap();
    let got: Vec<u32> = (0x1000..0x1004).map(|a| egr.peek(a)).collect();
    assert_eq!(got, [0x1234_5678, 0x1234_0000, 0, 0]);
}

#[test]
fn a_read_leaves_its_value_in_the_data_registers() {
    let mut m = SimMdio::new(BASE);
    let mut w = Window::new(&mut m, BASE);
    w.write32(Bank::MacsecEgress, 0x1000, 0xaaaa_bbbb).unwrap();
    w.write32(Bank::MacsecEgress, 0x1001, 0xcccc_dddd).unwrap();
    assert_eq!(w.read32(Bank::MacsecEgress, 0x1000).unwrap(), 0xaaaa_bbbb);
    // The registers hold what was read, not what was last written.
    w.write32(Bank::MacsecEgress, 0x1002, 0xaaaa_bbbb).unwrap();
    w.write32(Bank::MacsecEgress, 0x1003, 0xcccc_dddd).unwrap();
    w.finish().unwrap();
    let egr = m.pkg.macsec(0, Engine::Egress).unwrap();
    let got: Vec<u32> = (0x1000..0x1004).map(|a| egr.peek(a)).collect();
    assert_eq!(got, [0xaaaa_bbbb, 0xcccc_dddd, 0xaaaa_bbbb, 0xcccc_dddd]);
    // Page, target, 2 x 4 for the writes, 4 for the read, 2 for the copy, 4, restore.
    assert_eq!(m.log.len(), 2 + 8 + 4 + 2 + 4 + 1);
}

#[test]
fn a_failed_access_forgets_what_the_data_registers_hold() {
    let mut m = SimMdio::new(BASE);
    let before = m.pkg.accesses();
    // Page, target, then the first write: lower half, upper half, command, poll. The second
    // write (same value) fails on its command, after which the data registers are not trusted.
    m.pkg.faults_mut().fail_access(before + 7, MdioError::Io);
    let mut w = Window::new(&mut m, BASE);
    w.write32(Bank::MacsecEgress, 0x1000, 0x1111_2222).unwrap();
    assert_eq!(
        w.write32(Bank::MacsecEgress, 0x1001, 0x1111_2222),
        Err(Error::Mdio(-5))
    );
    // Someone may have changed them meanwhile (here: a test reaching past the window).
    w.write32(Bank::MacsecEgress, 0x1002, 0x1111_2222).unwrap();
    w.finish().unwrap();
    let n = m.log.len();
    // The third write put both halves again.
    assert_eq!(
        frames(&m, n - 5),
        [
            (window::DATA_LO, true),
            (window::DATA_HI, true),
            (window::CMD, true),
            (window::CMD, false),
            (EXT_PAGE_ACCESS, true),
        ]
    );
    assert_eq!(
        m.pkg.macsec(0, Engine::Egress).unwrap().peek(0x1002),
        0x1111_2222
    );
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
