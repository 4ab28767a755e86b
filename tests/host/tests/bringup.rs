// SPDX-License-Identifier: GPL-2.0

//! The driver's bring-up (`logic::bringup`) against the simulator's register model of a whole
//! package: where each PHY sits, the package initialisation (8051 firmware CRC check and
//! download, tuning broadcast to every PHY, LC-PLL and host SerDes), the data path and media of
//! each PHY, the interrupt, what each costs in MDIO accesses, and that every failure of the
//! hardware comes back as an error.
//!
//! The values the tests expect are written here from the upstream C driver (`mscc_main.c`,
//! `mscc_serdes.c`, `mscc_macsec.c`, `mscc.h`, `mscc_mac.h`, `mscc_fc_buffer.h`, Linux 6.12),
//! never from the driver's `hw/`: the driver passes by agreeing with them.

use rsmacsec_host::logic::bringup::irq::{self, Events};
use rsmacsec_host::logic::bringup::locate::{locate, Placement};
use rsmacsec_host::logic::bringup::package::{self, Firmware};
use rsmacsec_host::logic::bringup::phy;
use rsmacsec_host::logic::bringup::HostInterface;
use rsmacsec_host::logic::error::{Errno, Error, Result};
use rsmacsec_host::logic::mdio::Mdio;
use rsmacsec_host::logic::window::Window;
use rsmacsec_host::regs::fault::{CrcMode, MdioError, MicroFault};
use rsmacsec_host::regs::package::Package;
use rsmacsec_host::regs::{Engine, Variants};

const BASE: u8 = 8;
/// What the guest's initramfs holds as the 8051 patch file.
const FW: &[u8] = b"rsmacsec simulated 8051 firmware\n";

/// The simulated package as the driver's MDIO bus, seen from the PHY at `addr`.
struct SimMdio {
    pkg: Box<Package>,
    addr: u8,
    /// Microseconds waited.
    waited_us: u64,
    /// The accesses that succeeded, in order: (address, register, value, is a write).
    log: Vec<(u8, u8, u16, bool)>,
}

impl SimMdio {
    fn new(addr: u8) -> Self {
        Self::on(Package::new(BASE), addr)
    }

    fn on(pkg: Package, addr: u8) -> Self {
        Self {
            pkg: Box::new(pkg),
            addr,
            waited_us: 0,
            log: Vec::new(),
        }
    }

    /// MDIO accesses that `f` makes.
    fn count<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> (T, u64) {
        let before = self.pkg.accesses();
        let r = f(self);
        (r, self.pkg.accesses() - before)
    }

    /// The same bus, seen from the PHY at address `index` of the package.
    fn serving(&mut self, index: usize) -> &mut Self {
        self.addr = self.pkg.mdio_addr(index).unwrap();
        self
    }

    fn gpio(&self, reg: u8) -> u16 {
        self.pkg.micro().read(reg)
    }

    fn commands(&self) -> Vec<u16> {
        let mut log = [0; 16];
        let n = self.pkg.micro().command_log(&mut log);
        log[..n].to_vec()
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

    fn delay_us(&mut self, us: u32) {
        self.waited_us += u64::from(us);
    }
}

/// Registers of the C driver that the tests read back (`mscc.h`).
mod c {
    pub const PAGE_EXT1: u16 = 1;
    pub const PAGE_EXT2: u16 = 2;
    pub const PAGE_EXT3: u16 = 3;
    pub const PAGE_TEST: u16 = 0x2a30;
    pub const PAGE_TR: u16 = 0x52b5;
    pub const BYPASS_CONTROL: u8 = 18;
    pub const EXT_CNTL_STATUS: u8 = 22;
    pub const EXT_PHY_CNTL_1: u8 = 23;
    pub const INT_MASK: u8 = 25;
    pub const LED_MODE_SEL: u8 = 29;
    pub const EXTENDED_INT: u8 = 28;
    pub const DW8051_CNTL_STATUS: u8 = 0;
    pub const INT_MEM_CNTL: u8 = 12;
    pub const GPIO_CONTROL_2: u8 = 14;
    pub const MAC_CFG_FASTLINK: u8 = 19;
    /// `MSCC_TRAP_ROM_ADDR(1)`, `MSCC_PATCH_RAM_ADDR(1)`.
    pub const TRAP_ROM_ADDR_1: u8 = 3;
    pub const PATCH_RAM_ADDR_1: u8 = 4;
    /// `PROC_CMD_NCOMPLETED | cmd` of `vsc8584_cmd()`.
    pub const CMD_CRC16: u16 = 0x8008;
    pub const CMD_NOP: u16 = 0x800f;
    /// `MCB_ACCESS_MAC_CONF | RST_CONF_PORT | READ_MOD_WRITE_PORT | SGMII_MAC / QSGMII_MAC`.
    pub const CMD_SGMII_MAC: u16 = 0x80f0;
    pub const CMD_QSGMII_MAC: u16 = 0x80e0;
    /// `FIBER_MEDIA_CONF | FIBER_PORT(p) | FIBER_DISABLE | READ_MOD_WRITE_PORT |
    /// RST_CONF_PORT | FIBER_100BASE_FX` (and `FIBER_1000BASE_X`, 0).
    pub const fn cmd_fiber_off(port: u8, fx100: bool) -> u16 {
        0x8000 | 0x0001 | (0x0100 << port) | 0x0020 | 0x0040 | 0x0080 | if fx100 { 0x10 } else { 0 }
    }
}

/// Targets of the window (`mscc_macsec.h`, `mscc.h`).
mod target {
    pub const FC_BUFFER: u8 = 0x04;
    pub const HOST_MAC: u8 = 0x05;
    pub const LINE_MAC: u8 = 0x06;
    pub const PROC_0: u8 = 0x0e;
    pub const PROC_2: u8 = 0x0f;
}

#[test]
fn each_phy_finds_its_place_and_the_base_of_its_package() {
    for reversed in [false, true] {
        let pkg = if reversed {
            Package::new_reversed(BASE)
        } else {
            Package::new(BASE)
        };
        let mut m = SimMdio::on(pkg, BASE);
        for index in 0..4u8 {
            let (placement, n) = m.serving(index.into()).count(locate);
            assert_eq!(
                placement,
                Ok(Placement {
                    index,
                    base: if reversed { BASE + 3 } else { BASE }
                }),
                "reversed {reversed}"
            );
            // Page 1, two reads, the standard page again.
            assert_eq!(n, 4);
            assert_eq!(m.pkg.phy(index.into()).unwrap().page(), 0);
        }
    }
}

#[test]
fn a_place_outside_the_bus_is_refused() {
    // PHY 0 of a reversed package at 30-33 would sit at address 33.
    let mut m = SimMdio::on(Package::new_reversed(30), 30);
    assert_eq!(
        locate(&mut m),
        Err(Error::refused(
            Errno::NoDev,
            "the PHY reports a place outside any package\0"
        ))
    );
}

/// Runs the package initialisation on a fresh package with `crc`, from PHY 1.
fn init_package(crc: CrcMode, host: HostInterface) -> (SimMdio, Result<Firmware>) {
    let mut m = SimMdio::new(BASE + 1);
    m.pkg.faults_mut().set_crc_mode(crc);
    let r = package::init(&mut m, BASE, host, FW);
    (m, r)
}

/// What every PHY of a package holds after the C driver's broadcast tuning
/// (`vsc8584_config_pre_init()`).
fn assert_tuned(m: &mut SimMdio) {
    for i in 0..4 {
        let p = m.pkg.phy_mut(i).unwrap();
        assert_eq!(p.page(), 0, "phy {i} is back on the standard page");
        assert_eq!(
            p.std(c::EXT_CNTL_STATUS) & 1,
            0,
            "phy {i}: broadcast is off"
        );
        assert_eq!(p.std(c::INT_MASK), 0, "phy {i}");
        assert_eq!(p.std(c::BYPASS_CONTROL) & 0x0008, 0x0008, "phy {i}");
        assert_eq!(p.ext(c::PAGE_EXT3, 22), 0x2000, "phy {i}");
        assert_eq!(p.ext(c::PAGE_EXT2, 16), 0x028e, "phy {i}");
        assert_eq!(p.read_paged(c::PAGE_TEST, 5), 0x1f20, "phy {i}");
        assert_eq!(
            p.read_paged(c::PAGE_TEST, 8) & 0x8000,
            0,
            "phy {i}: TR clock on"
        );
        // The last DSP write: 0x048a := 0x00000912.
        assert_eq!(p.read_paged(c::PAGE_TR, 16), 0x8000 | 0x048a, "phy {i}");
        assert_eq!(p.read_paged(c::PAGE_TR, 17), 0x0912, "phy {i}");
        assert_eq!(p.read_paged(c::PAGE_TR, 18), 0x0000, "phy {i}");
    }
}

/// What the 8051 holds once the C driver has restarted it with patch vector 0.
fn assert_8051_running_patched(m: &SimMdio) {
    // MICRO_NSOFT_RESET | RUN_FROM_INT_ROM | MICRO_PATCH_EN | DW8051_CLK_EN | MICRO_CLK_EN.
    assert_eq!(m.gpio(c::DW8051_CNTL_STATUS), 0xc098);
    assert_eq!(m.gpio(c::TRAP_ROM_ADDR_1), 0x1e48);
    assert_eq!(m.gpio(c::PATCH_RAM_ADDR_1), 0x1e4f);
    // Releasing a patched 8051 leaves the patch RAM (READ_RAM), patch vector 0 included.
    assert_eq!(m.gpio(c::INT_MEM_CNTL), 0);
    // The COMA mode pin is an output driven low.
    assert_eq!(m.gpio(c::GPIO_CONTROL_2) & 0x3000, 0);
}

#[test]
fn a_package_whose_8051_is_patched_gets_no_download() {
    let (mut m, r) = init_package(CrcMode::Good, HostInterface::Sgmii);
    assert_eq!(
        r,
        Ok(Firmware {
            crc_found: 0xfb48,
            downloaded: false
        })
    );
    assert_eq!(m.pkg.micro().patch_bytes(), 0);
    assert_eq!(
        m.commands(),
        [
            c::CMD_CRC16,
            c::CMD_CRC16,
            c::CMD_NOP,
            c::CMD_SGMII_MAC,
            c::CMD_SGMII_MAC
        ]
    );
    // The CRC covers the file and the byte the download adds, from 0xe800.
    let phy0 = m.pkg.phy(0).unwrap();
    assert_eq!(phy0.ext(c::PAGE_EXT1, 26), FW.len() as u16 + 1);
    assert_eq!(m.gpio(c::MAC_CFG_FASTLINK) & 0xc000, 0x0000);
    assert_8051_running_patched(&m);
    assert_tuned(&mut m);
    // The LC-PLL reset waits 10 + 110 ms, the MAC configuration 10 ms; nothing else waits on
    // instantaneous hardware.
    assert_eq!(m.waited_us, 130_000);
}

#[test]
fn a_package_whose_8051_is_not_patched_gets_the_download() {
    let (m, r) = init_package(CrcMode::BadUntilPatched, HostInterface::Sgmii);
    assert_eq!(
        r,
        Ok(Firmware {
            crc_found: 0,
            downloaded: true
        })
    );
    // Every byte of the file, after the one the download starts with.
    assert_eq!(m.pkg.micro().patch_bytes(), FW.len() as u32 + 1);
    // The first CRC, the 8051 stopped for the download, the CRC again, stopped for patch
    // vector 0, the MAC interface twice.
    assert_eq!(
        m.commands(),
        [
            c::CMD_CRC16,
            c::CMD_NOP,
            c::CMD_CRC16,
            c::CMD_NOP,
            c::CMD_SGMII_MAC,
            c::CMD_SGMII_MAC
        ]
    );
    assert_8051_running_patched(&m);
}

#[test]
fn a_crc_still_wrong_after_the_download_is_an_error() {
    let (m, r) = init_package(CrcMode::Bad, HostInterface::Sgmii);
    assert_eq!(
        r,
        Err(Error::refused(
            Errno::Io,
            "the 8051 firmware CRC is wrong after the download\0"
        ))
    );
    assert_eq!(m.pkg.micro().patch_bytes(), FW.len() as u32 + 1);
}

#[test]
fn a_failed_8051_command_is_an_error() {
    let mut m = SimMdio::new(BASE);
    m.pkg.faults_mut().set_micro(MicroFault::Failed);
    assert_eq!(
        package::init(&mut m, BASE, HostInterface::Sgmii, FW),
        Err(Error::refused(Errno::Io, "the 8051 failed a command\0"))
    );
    // It was the first command, the CRC: nothing was downloaded.
    assert_eq!(m.commands(), [c::CMD_CRC16]);
    assert_eq!(m.pkg.micro().patch_bytes(), 0);
}

#[test]
fn a_stuck_8051_command_times_out_after_half_a_second() {
    let mut m = SimMdio::new(BASE);
    m.pkg.faults_mut().set_micro(MicroFault::Stuck);
    assert_eq!(
        package::init(&mut m, BASE, HostInterface::Sgmii, FW),
        Err(Error::Timeout)
    );
    // The LC-PLL's 120 ms, then the command's 500 polls of 1 ms.
    assert_eq!(m.waited_us, 120_000 + 500_000);
    // The standard page is selected again on PHY 0.
    assert_eq!(m.pkg.phy(0).unwrap().page(), 0);
}

#[test]
fn a_stuck_macro_configuration_bus_times_out() {
    let mut m = SimMdio::new(BASE);
    m.pkg.faults_mut().set_mcb_stuck(true);
    assert_eq!(
        package::init(&mut m, BASE, HostInterface::Sgmii, FW),
        Err(Error::Timeout)
    );
    // The first transfer (LC-PLL to CSRs) waited its 500 polls of 1 ms, nothing ran after.
    assert_eq!(m.waited_us, 500_000);
    assert!(m.commands().is_empty());
}

#[test]
fn a_firmware_beyond_the_8051_code_space_is_refused_before_the_bus() {
    let mut m = SimMdio::new(BASE);
    // 0xe800 + 0x1800 would end at 0x10000, past the code space.
    let fw = vec![0u8; 0x1800];
    assert_eq!(
        m.count(|m| package::init(m, BASE, HostInterface::Sgmii, &fw)),
        (
            Err(Error::refused(
                Errno::Inval,
                "the 8051 firmware does not fit its patch RAM\0"
            )),
            0
        )
    );
    let fw = vec![0u8; 0x17ff];
    assert!(package::init(&mut m, BASE, HostInterface::Sgmii, &fw).is_ok());
}

/// A bus on which nothing answers: every read returns all ones, as MDIO does then.
struct DeadBus;

impl Mdio for DeadBus {
    fn addr(&self) -> u8 {
        BASE
    }

    fn read(&mut self, _addr: u8, _reg: u8) -> Result<u16> {
        Ok(0xffff)
    }

    fn write(&mut self, _addr: u8, _reg: u8, _val: u16) -> Result {
        Ok(())
    }

    fn delay_us(&mut self, _us: u32) {}
}

#[test]
fn a_bus_where_nothing_answers_fails_at_once() {
    // The window's completion bit reads set, so only the all-ones value gives it away.
    assert_eq!(
        package::init(&mut DeadBus, BASE, HostInterface::Sgmii, FW),
        Err(Error::refused(
            Errno::Io,
            "the SerDes macro reads all ones\0"
        ))
    );
    // Address 31 within a package: no package has it.
    assert_eq!(locate(&mut DeadBus).map_err(|_| ()), Err(()));
}

/// The MACRO_CTRL words `vsc85xx_sd6g_config_v2()` leaves, written from `mscc_serdes.c`.
mod sd6g {
    pub fn pll5g_cfg0(selbgv820: u32) -> u32 {
        0x7036f145 | (selbgv820 << 23)
    }
    /// `vsc85xx_sd6g_pll_cfg_wr(3, ctrl, ena)`: ena << 21 | ctrl << 8 | 3 << 7.
    pub fn pll_cfg(ctrl: u32, ena: u32) -> u32 {
        (ena << 21) | (ctrl << 8) | (3 << 7)
    }
    pub fn common_cfg(sys_rst: u32, ena_lane: u32, qrate: u32, if_mode: u32) -> u32 {
        (sys_rst << 31) | (ena_lane << 18) | (qrate << 6) | (if_mode << 4)
    }
    pub fn des_cfg(bw_ana: u32, cpmd_sel: u32) -> u32 {
        (6 << 13) | (2 << 10) | (cpmd_sel << 8) | (5 << 5) | (bw_ana << 1)
    }
    pub fn ib_cfg0(sig_det_clk_sel: u32, cal_ena: u32) -> u32 {
        0x60a85837 | (13 << 25) | (sig_det_clk_sel << 16) | (cal_ena << 3)
    }
    pub fn ib_cfg1(tsdet: u32, frc_offset: u32, filt_offset: u32) -> u32 {
        (8 << 17) + (tsdet << 12) + (15 << 8) + 0xe0 + (filt_offset << 4) + frc_offset
    }
}

/// Checks the 6G SerDes and LC-PLL as the C driver leaves them for `host`.
fn assert_serdes(m: &SimMdio, host: HostInterface) {
    let (ctrl, qrate, if_mode, bw_ana) = match host {
        HostInterface::Sgmii => (60, 1, 1, 3),
        HostInterface::Qsgmii => (120, 0, 3, 5),
    };
    let mc = m.pkg.macro_ctrl();
    let expect = [
        (0x06, sd6g::pll5g_cfg0(4)),
        // FSM released, gain cleared, tuned.
        (0x08, 0),
        // Slave 0 of both macro buses, no operation pending.
        (0x11, 1),
        (0x3f, 1),
        (0x21, sd6g::des_cfg(bw_ana, 0)),
        (0x22, sd6g::ib_cfg0(7, 1)),
        (0x23, sd6g::ib_cfg1(5, 0, 1)),
        (0x24, 0x0f878010 | (3 << 28) | (13 << 5) | 5),
        (0x25, (31 << 16) | (1 << 8) | 31),
        (0x26, (63 << 24) | (63 << 16) | (2 << 8) | 63),
        (0x2b, sd6g::pll_cfg(ctrl, 1)),
        (0x2c, sd6g::common_cfg(1, 1, qrate, if_mode)),
        (0x2e, 768),
        (0x35, 0),
        (0x37, 0),
        (0x3b, 0),
    ];
    for (reg, val) in expect {
        assert_eq!(mc.peek(reg), val, "MACRO_CTRL {reg:#04x} for {host:?}");
    }
}

#[test]
fn the_host_serdes_is_configured_for_sgmii() {
    let (m, r) = init_package(CrcMode::Good, HostInterface::Sgmii);
    assert!(r.is_ok());
    assert_serdes(&m, HostInterface::Sgmii);
}

#[test]
fn the_host_serdes_is_configured_for_qsgmii() {
    let (m, r) = init_package(CrcMode::Good, HostInterface::Qsgmii);
    assert!(r.is_ok());
    assert_serdes(&m, HostInterface::Qsgmii);
    assert_eq!(m.gpio(c::MAC_CFG_FASTLINK) & 0xc000, 0x4000);
    assert_eq!(&m.commands()[3..], [c::CMD_QSGMII_MAC, c::CMD_QSGMII_MAC]);
}

/// A snapshot of what the package initialisation sets.
///
/// Not the 8051's memory address (GPIO register 11): the simulated 8051 counts any partial
/// download as the patch, so a retry after a download that failed half-way finds the CRC good
/// and leaves the address where the failed download left it.
fn package_state(m: &mut SimMdio) -> Vec<u32> {
    let mut s: Vec<u32> = (0..31)
        .filter(|r| *r != 11)
        .map(|r| m.gpio(r).into())
        .collect();
    s.extend((0..0x40).map(|r| m.pkg.macro_ctrl().peek(r)));
    for i in 0..4 {
        let p = m.pkg.phy_mut(i).unwrap();
        s.extend((16..31).map(|r| u32::from(p.std(r))));
        s.push(p.page().into());
        for page in [c::PAGE_EXT2, c::PAGE_EXT3] {
            s.extend((16..31).map(|r| u32::from(p.ext(page, r))));
        }
        for page in [c::PAGE_TEST, c::PAGE_TR] {
            s.extend((0..31).map(|r| u32::from(p.read_paged(page, r))));
        }
    }
    s
}

#[test]
fn every_mdio_failure_of_the_package_init_is_reported_and_a_retry_recovers() {
    let (mut good, r) = init_package(CrcMode::BadUntilPatched, HostInterface::Qsgmii);
    assert!(r.is_ok());
    let total = good.pkg.accesses();
    // The access that switches broadcast off: the last write of std register 22 to PHY 0.
    let broadcast_off = good
        .log
        .iter()
        .rposition(|&(addr, reg, _, write)| write && addr == BASE && reg == c::EXT_CNTL_STATUS)
        .unwrap() as u64
        + 1;
    let before = good.log[broadcast_off as usize - 2];
    assert_eq!(
        before,
        (BASE, 31, 0, true),
        "the standard page selected just before"
    );
    let want = package_state(&mut good);
    for nth in 1..=total {
        let mut m = SimMdio::new(BASE + 1);
        m.pkg.faults_mut().set_crc_mode(CrcMode::BadUntilPatched);
        m.pkg.faults_mut().fail_access(nth, MdioError::Io);
        let r = package::init(&mut m, BASE, HostInterface::Qsgmii, FW);
        assert_eq!(r, Err(Error::Mdio(-5)), "access {nth} of {total} failed");
        assert_eq!(m.pkg.faults().injected(), 1);
        // Broadcast never outlives the failure, unless the failure was the write that ends it,
        // or the selection of the standard page just before.
        let bcast = m.pkg.phy(0).unwrap().std(c::EXT_CNTL_STATUS) & 1;
        assert!(
            bcast == 0 || nth == broadcast_off || nth + 1 == broadcast_off,
            "broadcast left on by access {nth}"
        );
        // The retry starts from the beginning and ends where a run without a fault ends.
        let r = package::init(&mut m, BASE, HostInterface::Qsgmii, FW);
        assert!(r.is_ok(), "retry after access {nth}: {r:?}");
        assert_eq!(package_state(&mut m), want, "retry after access {nth}");
    }
}

/// Runs the per-PHY data path init of the PHY at address `index` through its window.
fn init_datapath(m: &mut SimMdio, index: usize) -> Result {
    let addr = m.serving(index).addr;
    let mut w = Window::new(m, addr);
    phy::init_datapath(&mut w, index as u8)?;
    w.finish()
}

#[test]
fn the_data_path_holds_what_the_c_driver_writes() {
    for index in 0..4 {
        let mut m = SimMdio::new(BASE);
        assert_eq!(init_datapath(&mut m, index), Ok(()));
        let p = m.pkg.phy(index).unwrap();
        assert_eq!(p.page(), 0);
        for (t, host) in [(target::HOST_MAC, true), (target::LINE_MAC, false)] {
            // RX_CLK_ENA | TX_CLK_ENA | RX_ENA | TX_ENA.
            assert_eq!(p.csr(t, 0x00), 0x0011_0011);
            // DISABLE_DIC clear.
            assert_eq!(p.csr(t, 0x01), 0);
            assert_eq!(p.csr(t, 0x02), 10240);
            // SFD, PRM, OOR, INR checks.
            assert_eq!(p.csr(t, 0x07), 0x0001_0111);
            assert_eq!(p.csr(t, 0x08), 0);
            // Strip/insert FCS and preamble, LPI relay; TX padding on the host side.
            let pad = if host { 1 << 25 } else { 0 };
            assert_eq!(p.csr(t, 0x0a), 0x0001_1111 | pad);
            // Pause mode 2, pause value 0xffff.
            assert_eq!(p.csr(t, 0x0b), 0xffff_0002);
            assert_eq!(p.csr(t, 0x0c), 0xffff);
            // Host: timer and drop; line: react, drop, mode, early detect.
            let rx = if host { 0x1010 } else { 0x0001_0111 };
            assert_eq!(p.csr(t, 0x0d), rx);
            // The statistics (0x1c-0x3f) are left alone.
        }
        let fc = target::FC_BUFFER;
        assert_eq!(p.csr(fc, 0x07), 4 | (5 << 16));
        assert_eq!(p.csr(fc, 0x01), (1 << 24) | (1 << 12) | (1 << 16));
        assert_eq!(p.csr(fc, 0x02), 8 | (9 << 16));
        assert_eq!(p.csr(fc, 0x04), 5119 << 16);
        assert_eq!(p.csr(fc, 0x00), 0x11);
        // PROTOCOL_MODE 4 on the 1588 processor of the PHY's pair, the other untouched.
        let (mine, other) = if index < 2 {
            (target::PROC_0, target::PROC_2)
        } else {
            (target::PROC_2, target::PROC_0)
        };
        assert_eq!(p.csr(mine, 0x02), 4, "phy {index}");
        assert_eq!(p.csr(other, 0x02), 0, "phy {index}");
        // Nothing reached the other PHYs.
        for j in (0..4).filter(|j| *j != index) {
            assert_eq!(m.pkg.phy(j).unwrap().csrs().count(), 0);
        }
    }
}

#[test]
fn the_data_path_keeps_the_bits_it_does_not_own() {
    let mut m = SimMdio::new(BASE);
    let p = m.pkg.phy_mut(1).unwrap();
    // Bits the C driver's read-modify-writes keep: a MODE_CFG bit, MAXLEN_TAG_CHK, an LFS bit,
    // an FC buffer mode bit.
    p.set_csr(target::HOST_MAC, 0x01, 0x0000_0041);
    p.set_csr(target::HOST_MAC, 0x02, 0x0001_05ee);
    p.set_csr(target::LINE_MAC, 0x08, 0x0000_0003);
    p.set_csr(target::FC_BUFFER, 0x01, 0x0000_0010);
    p.set_csr(target::PROC_0, 0x02, 0x0000_0105);
    assert_eq!(init_datapath(&mut m, 1), Ok(()));
    let p = m.pkg.phy(1).unwrap();
    assert_eq!(p.csr(target::HOST_MAC, 0x01), 0x40);
    assert_eq!(p.csr(target::HOST_MAC, 0x02), 0x0001_0000 | 10240);
    assert_eq!(p.csr(target::LINE_MAC, 0x08), 0x2);
    assert_eq!(
        p.csr(target::FC_BUFFER, 0x01),
        0x10 | (1 << 24) | (1 << 12) | (1 << 16)
    );
    assert_eq!(p.csr(target::PROC_0, 0x02), 0x104);
}

#[test]
fn the_media_of_each_phy_is_set_and_its_fibre_serdes_disabled() {
    for index in 0..4u8 {
        let mut m = SimMdio::new(BASE);
        let p = m.pkg.phy_mut(index.into()).unwrap();
        // A part strapped for 1000BASE-X fibre, with another bit of the register set.
        p.write_std(c::EXT_PHY_CNTL_1, 0x1720);
        m.serving(index.into());
        assert_eq!(phy::init_media(&mut m, BASE, index), Ok(()));
        assert_eq!(
            m.commands(),
            [
                c::cmd_fiber_off(index, true),
                c::cmd_fiber_off(index, false)
            ]
        );
        let p = m.pkg.phy(index.into()).unwrap();
        assert_eq!(p.std(c::EXT_PHY_CNTL_1), 0x0020);
        assert_eq!(p.std(c::LED_MODE_SEL), 0x8021);
        assert_eq!(m.pkg.phy(0).unwrap().page(), 0);
        assert_eq!(p.page(), 0);
    }
}

/// Opens the egress engine's path to the PHY interrupt for the roll-over (status bit 5), as
/// the shell does.
fn enable_engine_rollover(m: &mut SimMdio) {
    let addr = m.addr;
    let mut w = Window::new(m, addr);
    irq::enable_macsec(&mut w, 1 << 5).unwrap();
    w.finish().unwrap();
}

/// Closes it.
fn disable_engine(m: &mut SimMdio) {
    let addr = m.addr;
    let mut w = Window::new(m, addr);
    irq::disable_macsec(&mut w).unwrap();
    w.finish().unwrap();
}

#[test]
fn the_engine_path_to_the_interrupt_is_opened_as_the_c_driver_and_mesa_do() {
    let mut m = SimMdio::new(BASE);
    m.serving(3);
    // A part whose MACSEC_STICKY_MASK powers up closed: the C driver's interrupt would never
    // come; MESA's set-up opens it.
    let mut v = Variants::new();
    v.set("sticky_mask_reset=closed").unwrap();
    m.pkg.set_variants(v);
    irq::enable(&mut m).unwrap();
    assert!(!m.pkg.raise_macsec_intr(3, Engine::Egress, 1 << 5));
    let egr = m.pkg.macsec(3, Engine::Egress).unwrap();
    assert_eq!(egr.peek(0x803), 0);
    // The event stays latched in the engine; opening the path drops it.
    enable_engine_rollover(&mut m);
    let egr = m.pkg.macsec(3, Engine::Egress).unwrap();
    // AIC_ENABLE_CTRL 0xf and the roll-over enable (bit 21): mscc_macsec.c:1008-1010;
    // ENG_IRQ_STICKY_MASK (bit 3): MESA api.c:190-191.
    assert_eq!(egr.peek(0x3e02), 0xf);
    assert_eq!(egr.peek(0x3d04), 1 << 21);
    assert_eq!(egr.peek(0x803), 0x8);
    assert!(!m.pkg.irq_pending(3));
    assert!(m.pkg.raise_macsec_intr(3, Engine::Egress, 1 << 5));
    assert_eq!(irq::take_events(&mut m).map(|e| e.macsec), Ok(true));
    // Closed again: the enable and the AIC inputs are off, a new event goes nowhere.
    disable_engine(&mut m);
    let egr = m.pkg.macsec(3, Engine::Egress).unwrap();
    assert_eq!(egr.peek(0x3d04), 0);
    assert_eq!(egr.peek(0x3e02), 0);
    // A threshold event is not enabled either.
    assert!(!m.pkg.raise_macsec_intr(3, Engine::Egress, 1 << 5));
    assert!(!m.pkg.raise_macsec_intr(3, Engine::Egress, 1 << 4));
    assert_eq!(m.pkg.phy(3).unwrap().int_status() & 0x20, 0);
}

#[test]
fn the_interrupt_reports_link_changes_and_macsec_events() {
    let mut m = SimMdio::new(BASE);
    m.serving(2);
    // An event from before the driver came: dropped by enabling.
    m.pkg.set_link(2, true);
    assert_eq!(irq::enable(&mut m), Ok(()));
    let p = m.pkg.phy(2).unwrap();
    assert_eq!(p.std(c::INT_MASK), 0x8000 | 0x2000 | 0x0020);
    assert_eq!(p.ext(c::PAGE_EXT2, c::EXTENDED_INT), 0x0200);
    assert_eq!(p.page(), 0);
    assert!(!m.pkg.irq_pending(2));

    m.pkg.set_link(2, false);
    assert!(m.pkg.irq_pending(2));
    assert_eq!(
        m.count(irq::take_events),
        (
            Ok(Events {
                link_change: true,
                macsec: false
            }),
            1
        )
    );
    assert!(!m.pkg.irq_pending(2));
    assert_eq!(irq::take_events(&mut m).map(Events::any), Ok(false));

    enable_engine_rollover(&mut m);
    assert!(m.pkg.raise_macsec_intr(2, Engine::Egress, 1 << 5));
    assert!(m.pkg.irq_pending(2));
    assert_eq!(
        irq::take_events(&mut m),
        Ok(Events {
            link_change: false,
            macsec: true
        })
    );
    assert!(!m.pkg.irq_pending(2));
    // The other PHYs of the package saw nothing.
    for j in [0, 1, 3] {
        assert_eq!(m.pkg.phy(j).unwrap().std(c::INT_MASK), 0);
    }
}

#[test]
fn a_disabled_interrupt_stays_quiet() {
    let mut m = SimMdio::new(BASE);
    m.serving(1);
    irq::enable(&mut m).unwrap();
    enable_engine_rollover(&mut m);
    m.pkg.set_link(1, true);
    assert!(m.pkg.irq_pending(1));
    assert_eq!(irq::disable(&mut m), Ok(()));
    disable_engine(&mut m);
    assert!(!m.pkg.irq_pending(1));
    let p = m.pkg.phy(1).unwrap();
    assert_eq!(p.std(c::INT_MASK), 0);
    assert_eq!(p.ext(c::PAGE_EXT2, c::EXTENDED_INT), 0);
    assert_eq!(p.page(), 0);
    // Neither a link change nor a MACsec event reaches the output now.
    m.pkg.set_link(1, false);
    assert!(!m.pkg.raise_macsec_intr(1, Engine::Egress, 1 << 5));
    assert!(!m.pkg.irq_pending(1));
}

#[test]
fn an_mdio_error_in_the_interrupt_path_is_reported() {
    let mut m = SimMdio::new(BASE);
    let next = m.pkg.accesses() + 1;
    m.pkg.faults_mut().fail_access(next, MdioError::Timeout);
    assert_eq!(irq::take_events(&mut m), Err(Error::Mdio(-110)));
    for nth in 1..=5 {
        let mut m = SimMdio::new(BASE);
        m.pkg.faults_mut().fail_access(nth, MdioError::Io);
        assert_eq!(irq::enable(&mut m), Err(Error::Mdio(-5)), "access {nth}");
        let mut m = SimMdio::new(BASE);
        m.pkg.faults_mut().fail_access(nth, MdioError::Io);
        assert_eq!(irq::disable(&mut m), Err(Error::Mdio(-5)), "access {nth}");
    }
}

#[test]
fn every_mdio_failure_of_a_phy_init_is_reported() {
    let mut good = SimMdio::new(BASE);
    let (r, datapath) = good.count(|m| init_datapath(m, 3));
    assert!(r.is_ok());
    let (r, media) = good.count(|m| phy::init_media(m, BASE, 3));
    assert!(r.is_ok());
    for nth in 1..=datapath {
        let mut m = SimMdio::new(BASE);
        m.pkg.faults_mut().fail_access(nth, MdioError::Io);
        assert_eq!(
            init_datapath(&mut m, 3),
            Err(Error::Mdio(-5)),
            "access {nth}"
        );
    }
    for nth in 1..=media {
        let mut m = SimMdio::new(BASE);
        m.serving(3);
        m.pkg.faults_mut().fail_access(nth, MdioError::Io);
        assert_eq!(
            phy::init_media(&mut m, BASE, 3),
            Err(Error::Mdio(-5)),
            "access {nth}"
        );
    }
}

#[test]
fn a_stuck_window_fails_the_data_path_init_in_bounded_time() {
    let mut m = SimMdio::new(BASE);
    m.pkg.faults_mut().set_window_stuck(2, true);
    assert_eq!(init_datapath(&mut m, 2), Err(Error::Timeout));
    assert_eq!(m.waited_us, 500_000);
    assert_eq!(m.pkg.phy(2).unwrap().page(), 0);
}

/// The MDIO accesses of the bring-up, on hardware that answers at once.
///
/// Per PHY, the upstream C driver needs about 8 accesses per 32-bit register (it selects and
/// restores the page around each one) and clears 72 statistics registers the driver never
/// reads.
#[test]
fn the_bring_up_costs_this_many_mdio_accesses() {
    let (m, r) = init_package(CrcMode::Good, HostInterface::Sgmii);
    assert!(r.is_ok());
    let package = m.pkg.accesses();
    let (m, r) = init_package(CrcMode::BadUntilPatched, HostInterface::Sgmii);
    assert!(r.is_ok());
    let package_download = m.pkg.accesses();

    let mut m = SimMdio::new(BASE + 1);
    let (_, locate) = m.count(|m| locate(m).unwrap());
    let (_, datapath) = m.count(|m| init_datapath(m, 1).unwrap());
    let (_, media) = m.count(|m| phy::init_media(m, BASE, 1).unwrap());
    let (_, enable) = m.count(|m| irq::enable(m).unwrap());
    let (_, engine) = m.count(enable_engine_rollover);
    let (_, events) = m.count(|m| irq::take_events(m).unwrap());
    eprintln!(
        "bring-up MDIO accesses: package {package} ({package_download} with the {}-byte \
         download), locate {locate}, per-PHY data path {datapath}, media {media}, interrupt \
         enable {enable} + {engine} for the engine's path, interrupt {events}",
        FW.len()
    );
    assert_eq!(
        (
            package,
            package_download,
            locate,
            datapath,
            media,
            enable,
            engine,
            events
        ),
        (660, 711, 4, 144, 9, 5, 16, 1)
    );
}
