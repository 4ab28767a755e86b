// SPDX-License-Identifier: GPL-2.0

//! The simulated VSC8584 register model driven through MDIO exactly as the
//! upstream C driver drives it (drivers/net/phy/mscc/mscc_main.c and
//! mscc_macsec.c of Linux 6.12): the C functions are transliterated below,
//! access for access, and every check asserts the exact value.

mod common;

use common::mscc::regs::{ext1, ext2, gpio, macro_ctrl, macsec, mii, ptp, Bank, EXT_PAGE_ACCESS};
use rsmacsec_host::regs::macsec_bank::{is_counter, CounterSet, MacsecBank};
use rsmacsec_host::regs::micro::LOG_LEN;
use rsmacsec_host::regs::{CrcMode, MdioError, MicroFault, Package, PHYS};

/// MDIO address of PHY 0 of the package in these tests.
const BASE: u8 = 8;

/// Stand-in for the kernel's jiffies deadlines: how often a C poll loop reads
/// before its deadline passes. The model completes at the first poll, so any
/// budget above 1 gives the driver's behaviour.
const POLL_BUDGET: usize = 50;

use common::mscc::regs::page::{
    EXTENDED as EXT1, EXTENDED2 as EXT2, EXTENDED3 as EXT3, EXTENDED4 as EXT4, GPIO,
    PTP1588 as PTP, STANDARD as STD, TEST, TOKEN_RING as TR,
};

const EIO: i32 = 5;
const ETIMEDOUT: i32 = 110;

/// What the C driver has in `struct phy_device` + `vsc8531_private`: its own
/// MDIO address and the package base address; plus a count of the MDIO
/// transactions it made.
struct Dev<'a> {
    pkg: &'a mut Package,
    addr: u8,
    base_addr: u8,
    transactions: usize,
}

impl<'a> Dev<'a> {
    fn new(pkg: &'a mut Package, addr: u8) -> Self {
        let base_addr = pkg.base();
        Dev {
            pkg,
            addr,
            base_addr,
            transactions: 0,
        }
    }

    /// `__phy_read()`.
    fn read(&mut self, reg: u8) -> u16 {
        self.transactions += 1;
        self.pkg.mdio_read(self.addr, reg).expect("MDIO read")
    }

    /// `__phy_write()`.
    fn write(&mut self, reg: u8, val: u16) {
        self.transactions += 1;
        self.pkg
            .mdio_write(self.addr, reg, val)
            .expect("MDIO write")
    }

    /// `phy_base_read()`.
    fn base_read(&mut self, reg: u8) -> u16 {
        self.transactions += 1;
        self.pkg.mdio_read(self.base_addr, reg).expect("MDIO read")
    }

    /// `phy_base_write()`.
    fn base_write(&mut self, reg: u8, val: u16) {
        self.transactions += 1;
        self.pkg
            .mdio_write(self.base_addr, reg, val)
            .expect("MDIO write")
    }

    /// `phy_read_paged()`.
    fn read_paged(&mut self, page: u16, reg: u8) -> u16 {
        let old = self.select_page(page);
        let v = self.read(reg);
        self.restore_page(old);
        v
    }

    /// `phy_write_paged()`.
    fn write_paged(&mut self, page: u16, reg: u8, val: u16) {
        let old = self.select_page(page);
        self.write(reg, val);
        self.restore_page(old);
    }

    /// `phy_select_page()`: read the page, write it only if it differs.
    fn select_page(&mut self, page: u16) -> u16 {
        let old = self.read(EXT_PAGE_ACCESS);
        if old != page {
            self.write(EXT_PAGE_ACCESS, page);
        }
        old
    }

    /// `phy_restore_page()`: always writes the page back.
    fn restore_page(&mut self, old: u16) {
        self.write(EXT_PAGE_ACCESS, old);
    }

    /// `vsc8584_macsec_phy_read()`, returning the value and the number of
    /// polls of register 19.
    fn macsec_read_polls(&mut self, bank: u32, reg: u32) -> (u32, usize) {
        let old = self.select_page(EXT4);
        self.write(20, (bank >> 2) as u16);
        let bank = if bank >> 2 == 0x1 { bank & 0x3 } else { 0 };
        self.write(19, 0x8000 | 0x4000 | reg as u16 | (bank << 12) as u16);
        let mut polls = 0;
        loop {
            let val = self.read(19);
            polls += 1;
            if polls >= POLL_BUDGET || val & 0x8000 != 0 {
                break;
            }
        }
        let l = self.read(17) as u32;
        let h = self.read(18) as u32;
        self.restore_page(old);
        ((h << 16) | l, polls)
    }

    fn macsec_read(&mut self, bank: u32, reg: u32) -> u32 {
        self.macsec_read_polls(bank, reg).0
    }

    /// `vsc8584_macsec_phy_write()`, returning the polls of register 19 and
    /// the last value they read.
    fn macsec_write_polls(&mut self, bank: u32, reg: u32, val: u32) -> (usize, u16) {
        let old = self.select_page(EXT4);
        self.write(20, (bank >> 2) as u16);
        let bank = if bank >> 2 == 0x1 || bank >> 2 == 0x3 {
            bank & 0x3
        } else {
            0
        };
        self.write(17, val as u16);
        self.write(18, (val >> 16) as u16);
        self.write(19, 0x8000 | reg as u16 | (bank << 12) as u16);
        let mut polls = 0;
        let mut last;
        loop {
            last = self.read(19);
            polls += 1;
            if polls >= POLL_BUDGET || last & 0x8000 != 0 {
                break;
            }
        }
        self.restore_page(old);
        (polls, last)
    }

    fn macsec_write(&mut self, bank: u32, reg: u32, val: u32) {
        self.macsec_write_polls(bank, reg, val);
    }

    /// `vsc85xx_csr_read()` (base PHY; 0xffffffff on timeout).
    fn csr_read(&mut self, target: u32, reg: u32) -> u32 {
        self.base_write(EXT_PAGE_ACCESS, EXT4);
        self.base_write(20, (target >> 2) as u16);
        let target = if target >> 2 == 0x1 || target >> 2 == 0x3 {
            target & 0x3
        } else {
            0
        };
        self.base_write(19, 0x8000 | 0x4000 | reg as u16 | (target << 12) as u16);
        let mut polls = 0;
        let mut val;
        loop {
            val = self.base_read(19);
            polls += 1;
            if polls >= POLL_BUDGET || val & 0x8000 != 0 {
                break;
            }
        }
        if val & 0x8000 == 0 {
            return 0xffff_ffff;
        }
        let l = self.base_read(17) as u32;
        let h = self.base_read(18) as u32;
        self.base_write(EXT_PAGE_ACCESS, STD);
        (h << 16) | l
    }

    /// `vsc85xx_csr_write()` (base PHY; -ETIMEDOUT on timeout).
    fn csr_write(&mut self, target: u32, reg: u32, val: u32) -> Result<(), i32> {
        self.base_write(EXT_PAGE_ACCESS, EXT4);
        self.base_write(20, (target >> 2) as u16);
        self.base_write(17, val as u16);
        self.base_write(18, (val >> 16) as u16);
        let target = if target >> 2 == 0x1 || target >> 2 == 0x3 {
            target & 0x3
        } else {
            0
        };
        self.base_write(19, 0x8000 | reg as u16 | (target << 12) as u16);
        let mut polls = 0;
        let mut v;
        loop {
            v = self.base_read(19);
            polls += 1;
            if polls >= POLL_BUDGET || v & 0x8000 != 0 {
                break;
            }
        }
        if v & 0x8000 == 0 {
            return Err(ETIMEDOUT);
        }
        self.base_write(EXT_PAGE_ACCESS, STD);
        Ok(())
    }

    /// `read_poll_timeout(vsc85xx_csr_read, ..., !(v & op))` of the MCB triggers.
    fn mcb_trig(&mut self, reg: u32, slave: u32, op: u32) -> Result<(), i32> {
        self.csr_write(Bank::MacroCtrl as u32, reg, op | (1 << slave))?;
        for _ in 0..POLL_BUDGET {
            if self.csr_read(Bank::MacroCtrl as u32, reg) & op == 0 {
                return Ok(());
            }
        }
        Err(ETIMEDOUT)
    }

    /// `__phy_write_mcb_s6g()`.
    fn write_mcb_s6g(&mut self, reg: u32, mcb: u32, op: u32) -> Result<(), i32> {
        self.csr_write(Bank::MacroCtrl as u32, reg, op | (1 << mcb))
            .map_err(|_| -22)?;
        let mut val = 0;
        for _ in 0..POLL_BUDGET {
            val = self.csr_read(Bank::MacroCtrl as u32, reg);
            if val == 0xffff_ffff {
                return Err(EIO);
            }
            if val & op == 0 {
                break;
            }
        }
        if val & op != 0 {
            return Err(ETIMEDOUT);
        }
        Ok(())
    }

    /// `vsc8584_cmd()`.
    fn cmd(&mut self, val: u16) -> Result<(), i32> {
        self.base_write(EXT_PAGE_ACCESS, GPIO);
        self.base_write(gpio::PROC_CMD, gpio::PROC_CMD_NCOMPLETED | val);
        let mut reg_val;
        let mut polls = 0;
        loop {
            reg_val = self.base_read(gpio::PROC_CMD);
            polls += 1;
            if polls >= POLL_BUDGET
                || reg_val & gpio::PROC_CMD_NCOMPLETED == 0
                || reg_val & gpio::PROC_CMD_FAILED != 0
            {
                break;
            }
        }
        self.base_write(EXT_PAGE_ACCESS, STD);
        if reg_val & gpio::PROC_CMD_FAILED != 0 {
            return Err(EIO);
        }
        if reg_val & gpio::PROC_CMD_NCOMPLETED != 0 {
            return Err(ETIMEDOUT);
        }
        Ok(())
    }

    /// `vsc8584_micro_deassert_reset()`.
    fn micro_deassert_reset(&mut self, patch_en: bool) {
        self.base_write(EXT_PAGE_ACCESS, GPIO);
        // RUN_FROM_INT_ROM | MICRO_CLK_EN | DW8051_CLK_EN
        let mut enable = 0x4000 | 0x0008 | 0x0010;
        let mut release = 0x8000 | 0x4000 | 0x0010 | 0x0008;
        if patch_en {
            enable |= 0x0080; // MICRO_PATCH_EN
            release |= 0x0080;
            self.base_write(gpio::INT_MEM_CNTL, 0x0000); // READ_RAM
        }
        self.base_write(gpio::DW8051_CNTL_STATUS, enable);
        self.base_write(gpio::DW8051_CNTL_STATUS, release);
        self.base_write(EXT_PAGE_ACCESS, STD);
    }

    /// `vsc8584_micro_assert_reset()`.
    fn micro_assert_reset(&mut self) -> Result<(), i32> {
        self.cmd(gpio::PROC_CMD_NOP)?;
        self.base_write(EXT_PAGE_ACCESS, GPIO);
        let en4 = 0x0100 << 3; // EN_PATCH_RAM_TRAP_ADDR(4)
        let reg = self.base_read(gpio::INT_MEM_CNTL) & !en4;
        self.base_write(gpio::INT_MEM_CNTL, reg);
        self.base_write(gpio::trap_rom_addr(4), 0x005b);
        self.base_write(gpio::patch_ram_addr(4), 0x005b);
        let reg = self.base_read(gpio::INT_MEM_CNTL) | en4;
        self.base_write(gpio::INT_MEM_CNTL, reg);
        self.base_write(gpio::PROC_CMD, gpio::PROC_CMD_NOP);
        let reg = self.base_read(gpio::DW8051_CNTL_STATUS) & !0x8000;
        self.base_write(gpio::DW8051_CNTL_STATUS, reg);
        self.base_write(gpio::PROC_CMD, 0x0000);
        let reg = self.base_read(gpio::INT_MEM_CNTL) & !en4;
        self.base_write(gpio::INT_MEM_CNTL, reg);
        self.base_write(EXT_PAGE_ACCESS, STD);
        Ok(())
    }

    /// `vsc8584_get_fw_crc()`.
    fn get_fw_crc(&mut self, start: u16, size: u16) -> Result<u16, i32> {
        self.base_write(EXT_PAGE_ACCESS, EXT1);
        self.base_write(ext1::VERIPHY_CNTL_2, start);
        self.base_write(ext1::VERIPHY_CNTL_3, size);
        let ret = self.cmd(gpio::PROC_CMD_CRC16);
        let crc = match ret {
            Ok(()) => {
                self.base_write(EXT_PAGE_ACCESS, EXT1);
                Ok(self.base_read(ext1::VERIPHY_CNTL_2))
            }
            Err(e) => Err(e),
        };
        self.base_write(EXT_PAGE_ACCESS, STD);
        crc
    }

    /// `vsc8584_patch_fw()`.
    fn patch_fw(&mut self, fw: &[u8]) -> Result<(), i32> {
        self.micro_assert_reset()?;
        self.base_write(EXT_PAGE_ACCESS, GPIO);
        // RUN_FROM_INT_ROM | AUTOINC_ADDR | PATCH_RAM_CLK | MICRO_CLK_EN | MICRO_CLK_DIVIDE(2)
        self.base_write(
            gpio::DW8051_CNTL_STATUS,
            0x4000 | 0x2000 | 0x1000 | 0x0008 | 1,
        );
        self.base_write(gpio::INT_MEM_CNTL, 0x4000 | 0x1000 | 2);
        self.base_write(gpio::INT_MEM_ADDR, 0x0000);
        for b in fw {
            self.base_write(gpio::INT_MEM_CNTL, 0x4000 | 0x1000 | u16::from(*b));
        }
        self.base_write(gpio::INT_MEM_CNTL, 0x0000);
        self.base_write(EXT_PAGE_ACCESS, STD);
        Ok(())
    }

    /// `vsc8584_csr_write()` (token ring, on the base PHY's current page).
    fn tr_write(&mut self, addr: u16, val: u32) {
        self.base_write(18, (val >> 16) as u16);
        self.base_write(17, val as u16);
        self.base_write(16, 0x8000 | (addr & 0x7fff));
    }

    /// `vsc8584_pll5g_reset()`.
    fn pll5g_reset(&mut self) -> Result<(), i32> {
        let mctl = Bank::MacroCtrl as u32;
        let cfg2 = u32::from(macro_ctrl::PLL5G_CFG2);
        for dis_fsm in [1u32, 0] {
            self.mcb_trig(0x11, 0, 0x4000_0000)?;
            let mut rd = self.csr_read(mctl, cfg2);
            rd &= !(1 << 1);
            rd |= dis_fsm << 1;
            self.csr_write(mctl, cfg2, rd)?;
            self.mcb_trig(0x11, 0, 0x8000_0000)?;
        }
        Ok(())
    }

    /// `vsc8584_config_pre_init()`, with `fw` as the firmware file.
    fn config_pre_init(&mut self, fw: &[u8]) -> Result<(u16, u16), i32> {
        const PRE_INIT1: [(u16, u32); 22] = [
            (0x07fa, 0x0050100f),
            (0x1688, 0x00049f81),
            (0x0f90, 0x00688980),
            (0x03a4, 0x0000d8f0),
            (0x0fc0, 0x00000400),
            (0x0f82, 0x0012b002),
            (0x1686, 0x00000004),
            (0x168c, 0x00d2c46f),
            (0x17a2, 0x00000620),
            (0x16a0, 0x00eeffdd),
            (0x16a6, 0x00071448),
            (0x16a4, 0x0013132f),
            (0x16a8, 0x00000000),
            (0x0ffc, 0x00c0a028),
            (0x0fe8, 0x0091b06c),
            (0x0fea, 0x00041600),
            (0x0f80, 0x00fffaff),
            (0x0fec, 0x00901809),
            (0x0ffe, 0x00b01007),
            (0x16b0, 0x00eeff00),
            (0x16b2, 0x00007000),
            (0x16b4, 0x00000814),
        ];
        const PRE_INIT2: [(u16, u32); 3] = [
            (0x0486, 0x0008a518),
            (0x0488, 0x006dc696),
            (0x048a, 0x00000912),
        ];

        self.pll5g_reset()?;

        self.base_write(EXT_PAGE_ACCESS, STD);
        let reg = self.base_read(mii::EXT_CNTL_STATUS) | mii::SMI_BROADCAST_WR_EN;
        self.base_write(mii::EXT_CNTL_STATUS, reg);
        self.base_write(mii::INT_MASK, 0);
        let reg = self.base_read(mii::BYPASS_CONTROL) | 0x0008;
        self.base_write(mii::BYPASS_CONTROL, reg);
        self.base_write(EXT_PAGE_ACCESS, EXT3);
        self.base_write(22, 0x2000);
        self.base_write(EXT_PAGE_ACCESS, TEST);
        self.base_write(5, 0x1f20);
        let reg = self.base_read(8) | 0x8000;
        self.base_write(8, reg);
        self.base_write(EXT_PAGE_ACCESS, TR);
        self.base_write(16, 0x8000 | 0x2fa4);
        let reg = (self.base_read(18) & !0x007f) | 0x0019;
        self.base_write(18, reg);
        self.base_write(16, 0x8000 | 0x0fa4);
        for (a, v) in PRE_INIT1 {
            self.tr_write(a, v);
        }
        self.base_write(EXT_PAGE_ACCESS, EXT2);
        self.base_write(16, 0x028e);
        self.base_write(EXT_PAGE_ACCESS, TR);
        for (a, v) in PRE_INIT2 {
            self.tr_write(a, v);
        }
        self.base_write(EXT_PAGE_ACCESS, TEST);
        let reg = self.base_read(8) & !0x8000;
        self.base_write(8, reg);
        self.base_write(EXT_PAGE_ACCESS, STD);
        let reg = self.base_read(mii::EXT_CNTL_STATUS) & !mii::SMI_BROADCAST_WR_EN;
        self.base_write(mii::EXT_CNTL_STATUS, reg);

        let size = fw.len() as u16 + 1;
        let crc1 = self.get_fw_crc(gpio::FW_START_ADDR, size)?;
        if crc1 != gpio::FW_CRC {
            self.patch_fw(fw)?;
        }
        self.micro_deassert_reset(false);
        let crc2 = self.get_fw_crc(gpio::FW_START_ADDR, size)?;
        self.micro_assert_reset()?;
        self.base_write(EXT_PAGE_ACCESS, GPIO);
        self.base_write(gpio::trap_rom_addr(1), 0x1e48);
        self.base_write(gpio::patch_ram_addr(1), 0x1e4f);
        let reg = self.base_read(gpio::INT_MEM_CNTL) | 0x0100; // PATCH_VEC_ZERO_EN
        self.base_write(gpio::INT_MEM_CNTL, reg);
        self.micro_deassert_reset(true);
        self.base_write(EXT_PAGE_ACCESS, STD);
        Ok((crc1, crc2))
    }

    /// `vsc8584_config_host_serdes()` for SGMII, with the commands, MCB
    /// transfers and calibration polls of `vsc85xx_sd6g_config_v2()`.
    fn config_host_serdes(&mut self, addr_in_pkg: u16) -> Result<(), i32> {
        self.base_write(EXT_PAGE_ACCESS, GPIO);
        let val = self.base_read(gpio::MAC_CFG_FASTLINK) & !0xc000; // | MAC_CFG_SGMII
        self.base_write(gpio::MAC_CFG_FASTLINK, val);
        self.base_write(EXT_PAGE_ACCESS, STD);
        self.cmd(0x0080 | 0x0040 | 0x0030)?;
        let fiber_port = 0x0100 << (addr_in_pkg % 4);
        self.cmd(0x0001 | fiber_port | 0x0020 | 0x0040 | 0x0080 | 0x0010)?;
        self.cmd(0x0001 | fiber_port | 0x0020 | 0x0040 | 0x0080)?;

        // vsc85xx_sd6g_config_v2(): calibration waits and the mode command.
        let (write, read) = (0x8000_0000, 0x4000_0000);
        let s6g = u32::from(macro_ctrl::MCB_S6G_CFG);
        let lcpll = u32::from(macro_ctrl::MCB_LCPLL_CFG);
        self.base_write(EXT_PAGE_ACCESS, STD);
        self.write_mcb_s6g(s6g, 0, write)?;
        self.poll_macro(u32::from(macro_ctrl::S6G_PLL_STATUS), |v| {
            v & (1 << 12) == 0
        })?;
        self.write_mcb_s6g(s6g, 0, write)?;
        self.poll_macro(u32::from(macro_ctrl::S6G_IB_STATUS0), |v| v & (1 << 8) != 0)?;
        self.base_write(EXT_PAGE_ACCESS, GPIO);
        let cfg = self.base_read(gpio::MAC_CFG_FASTLINK);
        assert_eq!(cfg & 0xc000, 0x0000, "SGMII selected");
        self.cmd(0x0080 | 0x0040 | 0x0030)?;
        self.base_write(EXT_PAGE_ACCESS, STD);
        self.write_mcb_s6g(lcpll, 0, read)?;
        self.write_mcb_s6g(s6g, 0, read)?;
        self.write_mcb_s6g(lcpll, 0, write)?;
        self.poll_macro(u32::from(macro_ctrl::S6G_PLL_STATUS), |v| {
            v & (1 << 12) == 0
        })?;
        self.write_mcb_s6g(s6g, 0, write)
    }

    /// A calibration wait of `vsc85xx_sd6g_config_v2()`: MCB read, CSR read.
    fn poll_macro(&mut self, reg: u32, done: impl Fn(u32) -> bool) -> Result<(), i32> {
        for _ in 0..POLL_BUDGET {
            self.write_mcb_s6g(u32::from(macro_ctrl::MCB_S6G_CFG), 0, 0x4000_0000)?;
            if done(self.csr_read(Bank::MacroCtrl as u32, reg)) {
                return Ok(());
            }
        }
        Err(ETIMEDOUT)
    }

    /// `vsc85xx_coma_mode_release()`.
    fn coma_mode_release(&mut self) {
        self.write(EXT_PAGE_ACCESS, GPIO);
        let v = self.read(gpio::GPIO_CONTROL_2) & !(0x2000 | 0x1000);
        self.write(gpio::GPIO_CONTROL_2, v);
        self.write(EXT_PAGE_ACCESS, STD);
    }

    /// `vsc8584_macsec_block_init()`.
    fn macsec_block_init(&mut self, bank: Bank) {
        let b = bank as u32;
        let ingr = bank == Bank::MacsecIngress;
        self.macsec_write(b, 0x800, (1 << 1) | (1 << 8));
        self.macsec_write(b, 0x800, 1);
        self.macsec_write(b, 0x3d02, if ingr { 0xe5880214 } else { 0xe5880218 });
        self.macsec_write(
            b,
            0x1e5f,
            (if ingr { 57 } else { 40 }) | ((if ingr { 1 } else { 2 }) << 24),
        );
        let val = self.macsec_read(b, 0x3204) | (1 << 3);
        self.macsec_write(b, 0x3204, val);
        self.macsec_write(b, 0x3c4b, 1);
        self.macsec_write(b, 0x3d0c, 0x3);
        let val = self.macsec_read(b, 0x3204) | 1;
        self.macsec_write(b, 0x3204, val);
        self.macsec_write(b, 0x3c48, 32761 | (1 << 15));
        for i in 0..8 {
            self.macsec_write(b, 0x3c40 + i, 32761 | (1 << 15));
        }
        if !ingr {
            let val = self.macsec_read(b, 0x3d04) & !0xffff_0000;
            self.macsec_write(b, 0x3d04, val);
            self.macsec_write(b, 0x804, 1 | (1 << 4) | (4 << 8) | (4 << 12) | (6 << 16));
        }
        self.macsec_write(b, 0x1e40, (1 << 30) | (1 << 31) | (1 << 29));
        let port = if ingr { 3 } else { 0 };
        let lane = (port << 2) | (2 << 6);
        let nm = lane | (lane << 8) | (lane << 16) | (lane << 24);
        self.macsec_write(b, 0x1e51, nm);
        self.macsec_write(b, 0x1e52, nm);
        if ingr {
            let val = self.macsec_read(b, 0x3a10) | (1 << 14) | (1 << 15);
            self.macsec_write(b, 0x3a10, val);
            self.macsec_write(b, 0x3a14, (1 << 30) | (1 << 31) | (1 << 29));
        }
        self.macsec_write(b, 0x800, 1 | (1 << 9) | (5 << 10));
    }

    /// `vsc8584_config_macsec_intr()`.
    fn config_macsec_intr(&mut self) {
        self.write(EXT_PAGE_ACCESS, EXT2);
        self.write(ext2::EXTENDED_INT, ext2::EXTENDED_INT_MS_EGR);
        self.write(EXT_PAGE_ACCESS, STD);
        self.macsec_write(Bank::MacsecEgress as u32, 0x3e02, 0xf);
        self.macsec_write(Bank::MacsecEgress as u32, 0x3d04, 1 << 21);
    }

    /// `vsc85xx_ts_write_csr()` on the base PHY of the pair.
    fn ts_write_csr(&mut self, blk_hw: u16, addr: u16, val: u32) {
        self.write(EXT_PAGE_ACCESS, PTP);
        self.write(ptp::CSR_DATA_MSB, (val >> 16) as u16);
        self.write(ptp::CSR_DATA_LSB, val as u16);
        self.write(ptp::BIU_ADDR_CNTL, 0x8000 | (blk_hw << 11) | addr);
        let mut cnt = 0;
        while self.read(ptp::BIU_ADDR_CNTL) & 0x8000 == 0 && cnt < 8 {
            cnt += 1;
        }
        self.write(EXT_PAGE_ACCESS, STD);
    }

    /// `vsc85xx_ts_read_csr()` on the base PHY of the pair.
    fn ts_read_csr(&mut self, blk_hw: u16, addr: u16) -> u32 {
        self.write(EXT_PAGE_ACCESS, PTP);
        self.write(ptp::BIU_ADDR_CNTL, 0x8000 | 0x4000 | (blk_hw << 11) | addr);
        let mut cnt = 0;
        while self.read(ptp::BIU_ADDR_CNTL) & 0x8000 == 0 && cnt < 8 {
            cnt += 1;
        }
        let v = (u32::from(self.read(ptp::CSR_DATA_MSB)) << 16)
            | u32::from(self.read(ptp::CSR_DATA_LSB));
        self.write(EXT_PAGE_ACCESS, STD);
        v
    }
}

/// Adds `n` to the 40-bit counter at `addr` behind the counter module's
/// back, as a stand-in for frames the engine counted.
fn add40(b: &mut MacsecBank, addr: u16, n: u64) {
    let v = (u64::from(b.peek(addr + 1) & 0xff) << 32 | u64::from(b.peek(addr))) + n;
    b.poke(addr, v as u32);
    b.poke(addr + 1, (v >> 32) as u32 & 0xff);
}

fn pkg() -> Box<Package> {
    Box::new(Package::new(BASE))
}

fn addr(phy: u8) -> u8 {
    BASE + phy
}

#[test]
fn package_is_small_enough_for_kernel_memory() {
    let size = core::mem::size_of::<Package>();
    eprintln!("size_of::<Package>() = {size} bytes");
    assert!(size < 300 * 1024, "{size} bytes");
}

#[test]
fn every_phy_of_the_package_has_the_vsc8584_id() {
    let mut p = pkg();
    for phy in 0..PHYS as u8 {
        assert_eq!(p.mdio_read(addr(phy), mii::PHYSID1), Ok(0x0007));
        assert_eq!(p.mdio_read(addr(phy), mii::PHYSID2), Ok(0x07c1));
        // Read-only.
        p.mdio_write(addr(phy), mii::PHYSID2, 0x1234).unwrap();
        assert_eq!(p.mdio_read(addr(phy), mii::PHYSID2), Ok(0x07c1));
    }
    assert_eq!(
        p.mdio_read(BASE - 1, mii::PHYSID1),
        Err(MdioError::NoDevice)
    );
    assert_eq!(
        p.mdio_read(BASE + 4, mii::PHYSID1),
        Err(MdioError::NoDevice)
    );
    assert_eq!(p.mdio_read(BASE, 32), Err(MdioError::BadRegister));
    assert_eq!(p.mdio_write(BASE + 4, 0, 0), Err(MdioError::NoDevice));
}

#[test]
fn the_phy_id_strap_reaches_every_phy_and_survives_a_reset() {
    let mut p = pkg();
    p.set_phy_id(0x0f0f_0f00);
    for phy in 0..PHYS as u8 {
        assert_eq!(p.mdio_read(addr(phy), mii::PHYSID1), Ok(0x0f0f));
        assert_eq!(p.mdio_read(addr(phy), mii::PHYSID2), Ok(0x0f00));
        // Read-only, whatever the identifier.
        p.mdio_write(addr(phy), mii::PHYSID1, 0x0007).unwrap();
        assert_eq!(p.mdio_read(addr(phy), mii::PHYSID1), Ok(0x0f0f));
    }
    // It stands for the part: a power-on reset keeps it.
    p.reset();
    assert_eq!(p.mdio_read(addr(3), mii::PHYSID2), Ok(0x0f00));
    // And back to a VSC8584 (the module's default).
    p.set_phy_id(0x0007_07c1);
    assert_eq!(p.mdio_read(addr(0), mii::PHYSID2), Ok(0x07c1));
}

#[test]
fn base_address_discovery_as_vsc8584_get_base_addr() {
    for reversed in [false, true] {
        let mut p = Box::new(if reversed {
            Package::new_reversed(BASE)
        } else {
            Package::new(BASE)
        });
        for mdio in BASE..BASE + 4 {
            let mut d = Dev::new(&mut p, mdio);
            d.write(EXT_PAGE_ACCESS, EXT1);
            let a = d.read(ext1::EXT_PHY_CNTL_4) >> ext1::PHY_CNTL_4_ADDR_SHIFT;
            let val = d.read(ext1::ACTIPHY_CNTL);
            d.write(EXT_PAGE_ACCESS, STD);
            let base = if val & ext1::PHY_ADDR_REVERSED != 0 {
                mdio + a as u8
            } else {
                mdio - a as u8
            };
            let expect_a = if reversed {
                BASE + 3 - mdio
            } else {
                mdio - BASE
            };
            assert_eq!(a, u16::from(expect_a));
            assert_eq!(base, if reversed { BASE + 3 } else { BASE });
            assert_eq!(p.mdio_addr(expect_a as usize), Some(mdio));
        }
    }
}

#[test]
fn paged_registers_through_register_31() {
    let mut p = pkg();
    let a = addr(1);
    // Page 0 register 16 and ext2 register 16 are different registers.
    p.mdio_write(a, 16, 0x1111).unwrap();
    p.mdio_write(a, EXT_PAGE_ACCESS, EXT2).unwrap();
    assert_eq!(p.mdio_read(a, EXT_PAGE_ACCESS), Ok(EXT2));
    assert_eq!(p.mdio_read(a, 16), Ok(0x0000));
    p.mdio_write(a, 16, 0x028e).unwrap();
    // Registers 0-15 of an extended page are the standard ones.
    assert_eq!(p.mdio_read(a, mii::PHYSID1), Ok(0x0007));
    p.mdio_write(a, EXT_PAGE_ACCESS, EXT3).unwrap();
    assert_eq!(p.mdio_read(a, 16), Ok(0x0000));
    p.mdio_write(a, EXT_PAGE_ACCESS, STD).unwrap();
    assert_eq!(p.mdio_read(a, 16), Ok(0x1111));
    // The C driver's paged helpers leave the page as they found it.
    let mut d = Dev::new(&mut p, a);
    assert_eq!(d.read_paged(EXT2, 16), 0x028e);
    d.write_paged(TEST, 5, 0x1b20);
    assert_eq!(
        d.transactions,
        4 + 4,
        "read 31, write 31, access, restore 31"
    );
    assert_eq!(p.mdio_read(a, EXT_PAGE_ACCESS), Ok(STD));
    assert_eq!(p.phy(1).unwrap().ext(EXT2, 16), 0x028e);
    // Test page register 5 is not BMCR-page register 5 (LPA).
    assert_eq!(p.mdio_read(a, mii::LPA), Ok(0));
    p.mdio_write(a, EXT_PAGE_ACCESS, TEST).unwrap();
    assert_eq!(p.mdio_read(a, 5), Ok(0x1b20));
    // Other PHYs are untouched.
    p.mdio_write(addr(2), EXT_PAGE_ACCESS, TEST).unwrap();
    assert_eq!(p.mdio_read(addr(2), 5), Ok(0));
}

#[test]
fn gpio_page_is_shared_by_the_package() {
    let mut p = pkg();
    p.mdio_write(addr(0), EXT_PAGE_ACCESS, GPIO).unwrap();
    p.mdio_write(addr(0), gpio::MAC_CFG_FASTLINK, 0x4000)
        .unwrap();
    // GPIO register 2 is not PHYSID1.
    assert_eq!(p.mdio_read(addr(0), 2), Ok(0));
    p.mdio_write(addr(3), EXT_PAGE_ACCESS, GPIO).unwrap();
    assert_eq!(p.mdio_read(addr(3), gpio::MAC_CFG_FASTLINK), Ok(0x4000));
    // But the page register itself is per PHY.
    assert_eq!(p.mdio_read(addr(1), EXT_PAGE_ACCESS), Ok(STD));
}

#[test]
fn unknown_pages_are_plain_storage_with_bounded_slots() {
    let mut p = pkg();
    let a = addr(0);
    for (page, val) in [(0x1234u16, 0xaaaa), (0x0007, 0xbbbb)] {
        p.mdio_write(a, EXT_PAGE_ACCESS, page).unwrap();
        assert_eq!(p.mdio_read(a, 20), Ok(0));
        p.mdio_write(a, 20, val).unwrap();
        p.mdio_write(a, 3, val ^ 1).unwrap();
        assert_eq!(p.mdio_read(a, 20), Ok(val));
        assert_eq!(p.mdio_read(a, 3), Ok(val ^ 1));
    }
    // A third unknown page finds no slot: reads 0, writes are counted as dropped.
    p.mdio_write(a, EXT_PAGE_ACCESS, 0x4444).unwrap();
    p.mdio_write(a, 20, 0xcccc).unwrap();
    assert_eq!(p.mdio_read(a, 20), Ok(0));
    assert_eq!(p.phy(0).unwrap().dropped_writes(), 1);
    p.mdio_write(a, EXT_PAGE_ACCESS, 0x1234).unwrap();
    assert_eq!(p.mdio_read(a, 20), Ok(0xaaaa));
}

#[test]
fn bmcr_reset_self_clears_and_link_drives_status() {
    let mut p = pkg();
    let a = addr(2);
    assert_eq!(p.mdio_read(a, mii::BMCR), Ok(0x1040));
    // genphy_soft_reset(): BMCR |= RESET, then poll until it reads 0.
    p.mdio_write(a, mii::BMCR, 0x1040 | mii::BMCR_RESET | mii::BMCR_ANRESTART)
        .unwrap();
    assert_eq!(p.mdio_read(a, mii::BMCR), Ok(0x1040));
    assert_eq!(p.mdio_read(a, mii::BMSR), Ok(0x7949));
    assert_eq!(p.mdio_read(a, mii::ESTATUS), Ok(0x3000));
    p.set_link(2, true);
    assert_eq!(p.mdio_read(a, mii::BMSR), Ok(0x796d));
    assert_eq!(p.mdio_read(a, mii::LPA), Ok(0x45e1));
    assert_eq!(p.mdio_read(a, mii::STAT1000), Ok(0x3c00));
    // The link change is latched; INT_STATUS clears on read.
    p.mdio_write(
        a,
        mii::INT_MASK,
        mii::INT_MDINT | mii::INT_LINK_CHG | mii::INT_EXT,
    )
    .unwrap();
    assert!(p.irq_pending(2));
    assert_eq!(p.mdio_read(a, mii::INT_STATUS), Ok(0xa000));
    assert_eq!(p.mdio_read(a, mii::INT_STATUS), Ok(0x0000));
    assert!(!p.irq_pending(2));
}

#[test]
fn macsec_32bit_write_and_read_through_the_page4_window() {
    let mut p = pkg();
    let ingr = Bank::MacsecIngress as u32;
    let egr = Bank::MacsecEgress as u32;
    let mut d = Dev::new(&mut p, addr(1));
    d.macsec_write(ingr, 0x3d02, 0xe588_0214);
    assert_eq!(
        d.transactions, 8,
        "read 31, write 31, 20, 17, 18, 19, poll 19, restore 31"
    );
    d.transactions = 0;
    assert_eq!(d.macsec_read(ingr, 0x3d02), 0xe588_0214);
    assert_eq!(
        d.transactions, 8,
        "read 31, write 31, 20, 19, poll 19, read 17, 18, restore 31"
    );
    // A 14-bit address whose bits 13:12 would be target bits on other banks.
    d.macsec_write(egr, 0x3e02, 0xf);
    d.macsec_write(egr, 0x1c05, 0xdead_beef);
    assert_eq!(d.macsec_read(egr, 0x1c05), 0xdead_beef);
    // The page is restored.
    assert_eq!(d.read(EXT_PAGE_ACCESS), STD);

    assert_eq!(
        p.macsec(1, Bank::MacsecIngress.engine())
            .unwrap()
            .peek(0x3d02),
        0xe588_0214
    );
    assert_eq!(
        p.macsec(1, Bank::MacsecEgress.engine())
            .unwrap()
            .peek(0x3d02),
        0xe588_0000
    );
    assert_eq!(
        p.macsec(1, Bank::MacsecEgress.engine())
            .unwrap()
            .peek(0x3e02),
        0xf
    );
    assert_eq!(
        p.macsec(1, Bank::MacsecEgress.engine())
            .unwrap()
            .peek(0x1c05),
        0xdead_beef
    );
    assert_eq!(
        p.macsec(1, Bank::MacsecIngress.engine())
            .unwrap()
            .peek(0x1c05),
        0
    );
    for other in [0, 2, 3] {
        assert_eq!(
            p.macsec(other, Bank::MacsecIngress.engine())
                .unwrap()
                .peek(0x3d02),
            0xe588_0000
        );
        assert_eq!(
            p.macsec(other, Bank::MacsecEgress.engine())
                .unwrap()
                .peek(0x3e02),
            0
        );
    }
    // The window registers read back what the last access left.
    p.mdio_write(addr(1), EXT_PAGE_ACCESS, EXT4).unwrap();
    assert_eq!(p.mdio_read(addr(1), 20), Ok(0xf));
    assert_eq!(p.mdio_read(addr(1), 19), Ok(0x8000 | 0x4000 | 0x1c05));
    assert_eq!(p.mdio_read(addr(1), 17), Ok(0xbeef));
    assert_eq!(p.mdio_read(addr(1), 18), Ok(0xdead));
}

#[test]
fn transform_record_lands_word_by_word() {
    let mut p = pkg();
    let egr = Bank::MacsecEgress as u32;
    let mut d = Dev::new(&mut p, addr(3));
    // vsc8584_macsec_transformation(): 20 words of record 2.
    for w in 0..20u32 {
        d.macsec_write(egr, (2 << 5) + w, 0x9241_e066 ^ w);
    }
    assert_eq!(d.transactions, 20 * 8);
    let bank = p.macsec(3, Bank::MacsecEgress.engine()).unwrap();
    for w in 0..20u16 {
        assert_eq!(
            bank.peek(macsec::xform_rec(2, w)),
            0x9241_e066 ^ u32::from(w)
        );
    }
    assert_eq!(bank.peek(macsec::xform_rec(2, 20)), 0);
    assert_eq!(bank.peek(macsec::xform_rec(1, 0)), 0);
}

#[test]
fn unknown_macsec_addresses_are_plain_storage() {
    let mut p = pkg();
    let ingr = Bank::MacsecIngress as u32;
    let mut d = Dev::new(&mut p, addr(0));
    for (i, a) in [0x0900u32, 0x2fff, 0x3ff0, 0x1300].into_iter().enumerate() {
        d.macsec_write(ingr, a, 0x100 + i as u32);
    }
    for (i, a) in [0x0900u32, 0x2fff, 0x3ff0, 0x1300].into_iter().enumerate() {
        assert_eq!(d.macsec_read(ingr, a), 0x100 + i as u32);
    }
    // The identification registers are read-only constants.
    d.macsec_write(ingr, 0x3fff, 0);
    assert_eq!(d.macsec_read(ingr, 0x3fff), 0x0110_5fa0);
    assert_eq!(d.macsec_read(ingr, 0x3ffe), 0x0001_1010);
    assert_eq!(
        d.macsec_read(Bank::MacsecEgress as u32, 0x3ffe),
        0x0000_1010
    );
}

#[test]
fn sam_entry_set_clear_toggle_bitmaps() {
    let mut p = pkg();
    let ingr = Bank::MacsecIngress as u32;
    let mut d = Dev::new(&mut p, addr(2));
    let enable1 = u32::from(macsec::SAM_ENTRY_ENABLE1);
    let set1 = u32::from(macsec::SAM_ENTRY_SET1);
    let clear1 = u32::from(macsec::SAM_ENTRY_CLEAR1);
    let toggle1 = u32::from(macsec::SAM_ENTRY_TOGGLE1);
    assert_eq!(d.macsec_read(ingr, enable1), 0);
    d.macsec_write(ingr, set1, (1 << 0) | (1 << 3));
    assert_eq!(d.macsec_read(ingr, enable1), 0x0009);
    d.macsec_write(ingr, set1, 1 << 5);
    assert_eq!(d.macsec_read(ingr, enable1), 0x0029);
    d.macsec_write(ingr, clear1, 1 << 3);
    assert_eq!(d.macsec_read(ingr, enable1), 0x0021);
    // TOGGLE1 flips both in one write: entry 0 off, entry 1 on.
    d.macsec_write(ingr, toggle1, (1 << 0) | (1 << 1));
    assert_eq!(d.macsec_read(ingr, enable1), 0x0022);
    // Only 16 entries exist.
    d.macsec_write(ingr, set1, 0xffff_0000);
    assert_eq!(d.macsec_read(ingr, enable1), 0x0022);
    // The action registers read 0.
    for r in [set1, clear1, toggle1] {
        assert_eq!(d.macsec_read(ingr, r), 0);
    }
    let bank = p.macsec(2, Bank::MacsecIngress.engine()).unwrap();
    assert!(bank.entry_enabled(1) && bank.entry_enabled(5));
    assert!(!bank.entry_enabled(0) && !bank.entry_enabled(3) && !bank.entry_enabled(16));
    assert_eq!(
        p.macsec(2, Bank::MacsecEgress.engine())
            .unwrap()
            .entry_enables(),
        0
    );
}

#[test]
fn flow_enable_and_disable_as_the_c_driver() {
    let mut p = pkg();
    let egr = Bank::MacsecEgress as u32;
    let mut d = Dev::new(&mut p, addr(0));
    let idx = 4u32;
    let flow_ctrl = u32::from(macsec::sam_flow_ctrl(idx as u16));
    // vsc8584_macsec_flow(): egress, controlled port, drop action drop, protect.
    d.macsec_write(egr, flow_ctrl, 3 | (2 << 2) | (2 << 6) | (1 << 16));
    // vsc8584_macsec_flow_enable()
    d.macsec_write(egr, u32::from(macsec::SAM_ENTRY_SET1), 1 << idx);
    let val = d.macsec_read(egr, flow_ctrl) | (1 << 17);
    d.macsec_write(egr, flow_ctrl, val);
    assert_eq!(
        p.macsec(0, Bank::MacsecEgress.engine())
            .unwrap()
            .entry_enables(),
        1 << idx
    );
    assert_eq!(
        p.macsec(0, Bank::MacsecEgress.engine())
            .unwrap()
            .peek(0x1c04),
        0x0003_008b
    );
    // vsc8584_macsec_flow_disable()
    let mut d = Dev::new(&mut p, addr(0));
    d.macsec_write(egr, u32::from(macsec::SAM_ENTRY_CLEAR1), 1 << idx);
    let val = d.macsec_read(egr, flow_ctrl) & !(1 << 17);
    d.macsec_write(egr, flow_ctrl, val);
    assert_eq!(
        p.macsec(0, Bank::MacsecEgress.engine())
            .unwrap()
            .entry_enables(),
        0
    );
    assert_eq!(
        p.macsec(0, Bank::MacsecEgress.engine())
            .unwrap()
            .peek(0x1c04),
        0x0001_008b
    );
}

#[test]
fn counters_clear_on_read_with_auto_cntr_reset() {
    let mut p = pkg();
    let ingr = Bank::MacsecIngress as u32;
    let sa3 = macsec::SA_STATS + 3 * macsec::SA_STATS_STRIDE;
    let glob = macsec::GLOBAL_STATS + 0x1c;
    assert!(
        is_counter(sa3, true) && is_counter(glob, true) && !is_counter(macsec::COUNT_CONTROL, true)
    );
    {
        let b = p.macsec_mut(0, Bank::MacsecIngress.engine()).unwrap();
        add40(b, sa3, 5);
        add40(b, glob, 7);
    }
    let mut d = Dev::new(&mut p, addr(0));
    // Without AUTO_CNTR_RESET, reading does not change a counter.
    assert_eq!(d.macsec_read(ingr, sa3.into()), 5);
    assert_eq!(d.macsec_read(ingr, sa3.into()), 5);
    // Counters cannot be written from the bus.
    d.macsec_write(ingr, sa3.into(), 99);
    assert_eq!(d.macsec_read(ingr, sa3.into()), 5);
    // vsc8584_macsec_block_init(): COUNT_CONTROL |= AUTO_CNTR_RESET.
    let val = d.macsec_read(ingr, 0x3204) | macsec::COUNT_CONTROL_AUTO_CNTR_RESET;
    d.macsec_write(ingr, 0x3204, val);
    assert_eq!(d.macsec_read(ingr, 0x3204), 0x8);
    assert_eq!(d.macsec_read(ingr, sa3.into()), 5);
    assert_eq!(d.macsec_read(ingr, sa3.into()), 0);
    assert_eq!(d.macsec_read(ingr, glob.into()), 7);
    assert_eq!(d.macsec_read(ingr, glob.into()), 0);

    // 40-bit counters carry into the upper word; both words clear on read.
    add40(
        p.macsec_mut(0, Bank::MacsecIngress.engine()).unwrap(),
        sa3,
        0xffff_ffff + 3,
    );
    let mut d = Dev::new(&mut p, addr(0));
    assert_eq!(d.macsec_read(ingr, sa3.into()), 2);
    assert_eq!(d.macsec_read(ingr, u32::from(sa3) + 1), 1);
    assert_eq!(d.macsec_read(ingr, u32::from(sa3) + 1), 0);

    // RESET_ALL clears every counter, keeps the other bits, reads back 0.
    add40(
        p.macsec_mut(0, Bank::MacsecIngress.engine()).unwrap(),
        glob,
        11,
    );
    let mut d = Dev::new(&mut p, addr(0));
    let val = d.macsec_read(ingr, 0x3204) | macsec::COUNT_CONTROL_RESET_ALL;
    d.macsec_write(ingr, 0x3204, val);
    assert_eq!(d.macsec_read(ingr, 0x3204), 0x8);
    assert_eq!(
        p.macsec(0, Bank::MacsecIngress.engine())
            .unwrap()
            .peek(glob),
        0
    );

    // DEBUG_ACCESS: no clear on read, counters writable, increments ignored.
    let mut d = Dev::new(&mut p, addr(0));
    d.macsec_write(ingr, 0x3204, 0x8 | 0x2);
    d.macsec_write(ingr, sa3.into(), 42);
    assert_eq!(d.macsec_read(ingr, sa3.into()), 42);
    assert_eq!(d.macsec_read(ingr, sa3.into()), 42);
    // sa3 + 0 is the first half of the SA's octet counter.
    let octets = &rsmacsec_host::regdesc::stats::ingress_sa::IN_OCTETS_DECRYPTED_VALIDATED;
    let b = p.macsec_mut(0, Bank::MacsecIngress.engine()).unwrap();
    b.count(CounterSet::Sa(3), octets, 1);
    assert_eq!(b.peek(sa3), 42);

    // SATURATE: a 40-bit counter stops at 2^40 - 1; glob + 0x1c is
    // ifInUcastPkts (ingr.h:4879).
    let ucast = &rsmacsec_host::regdesc::stats::ingress_global::IF_IN_UCAST_PKTS;
    b.write(macsec::COUNT_CONTROL, 0x4);
    b.poke(glob, 0xffff_fffe);
    b.poke(glob + 1, 0xff);
    b.count(CounterSet::Global, ucast, 10);
    assert_eq!((b.peek(glob), b.peek(glob + 1)), (0xffff_ffff, 0xff));
    // Without it the counter wraps at 40 bits.
    b.write(macsec::COUNT_CONTROL, 0);
    b.count(CounterSet::Global, ucast, 2);
    assert_eq!((b.peek(glob), b.peek(glob + 1)), (1, 0));
}

#[test]
fn c_macsec_block_init_leaves_the_expected_registers() {
    let mut p = pkg();
    // Leftovers that block init must deal with.
    add40(
        p.macsec_mut(2, Bank::MacsecIngress.engine()).unwrap(),
        macsec::SA_STATS,
        9,
    );
    p.macsec_mut(2, Bank::MacsecEgress.engine())
        .unwrap()
        .write(macsec::SAM_ENTRY_SET1, 0x3);
    let mut d = Dev::new(&mut p, addr(2));
    d.macsec_block_init(Bank::MacsecIngress);
    d.macsec_block_init(Bank::MacsecEgress);
    let i = p.macsec(2, Bank::MacsecIngress.engine()).unwrap();
    let e = p.macsec(2, Bank::MacsecEgress.engine()).unwrap();
    assert_eq!(i.peek(macsec::ENA_CFG), 0x0000_1601);
    assert_eq!(e.peek(macsec::ENA_CFG), 0x0000_1601);
    assert_eq!(i.peek(macsec::STATUS_CONTEXT_CTRL), 0xe588_0214);
    assert_eq!(e.peek(macsec::STATUS_CONTEXT_CTRL), 0xe588_0218);
    assert_eq!(i.peek(0x1e5f), 0x0100_0039);
    assert_eq!(e.peek(0x1e5f), 0x0200_0028);
    assert_eq!(i.peek(macsec::COUNT_CONTROL), 0x8);
    assert_eq!(i.peek(macsec::SA_STATS), 0);
    assert_eq!(i.peek(macsec::NON_VLAN_MTU_CHECK), 0xfff9);
    assert_eq!(e.peek(macsec::vlan_mtu_check(7)), 0xfff9);
    assert_eq!(e.peek(0x804), 0x0006_4411);
    assert_eq!(i.peek(0x1e40), 0xe000_0000);
    assert_eq!(i.peek(0x1e51), 0x8c8c_8c8c);
    assert_eq!(e.peek(0x1e52), 0x8080_8080);
    assert_eq!(i.peek(0x3a10), 0x0000_c000);
    assert_eq!(i.peek(0x3a14), 0xe000_0000);
    assert_eq!(e.peek(0x3a10), 0);
    // SW_RST keeps the registers: the entries enabled before still are (the
    // C driver forgets them, a documented defect of its re-init).
    assert_eq!(e.entry_enables(), 0x3);
}

#[test]
fn sw_rst_holds_the_logic_and_keeps_every_register() {
    // "All logic (other than CSR target) is held in reset" (ingr.h:51-52):
    // the registers, counters and status stay as they were.
    let mut p = pkg();
    let b = p.macsec_mut(0, Bank::MacsecEgress.engine()).unwrap();
    b.write(macsec::xform_rec(0, 10), 0x1234);
    b.write(macsec::sam_flow_ctrl(0), 0x3);
    b.write(macsec::SAM_ENTRY_SET1, 0x1);
    add40(b, macsec::SA_STATS, 4);
    b.write(macsec::INTR_CTRL_STATUS, 1 << 21);
    b.raise_intr(macsec::INTR_ROLLOVER);
    b.write(
        macsec::ENA_CFG,
        macsec::ENA_CFG_SW_RST | macsec::ENA_CFG_BYPASS_ENA,
    );
    assert_eq!(b.entry_enables(), 1);
    assert_eq!(b.peek(macsec::SA_STATS), 4);
    assert_eq!(b.read(macsec::INTR_CTRL_STATUS), 0x0020_0020);
    assert_eq!(b.peek(macsec::xform_rec(0, 10)), 0x1234);
    assert_eq!(b.peek(macsec::sam_flow_ctrl(0)), 0x3);
    assert_eq!(b.peek(macsec::ENA_CFG), 0x102);
}

#[test]
fn csr_banks_and_the_proc_read_quirk() {
    let mut p = pkg();
    let mut d = Dev::new(&mut p, addr(1));
    // vsc8584_macsec_mac_init(): HOST_MAC (target 5, reg20 = 1, 19[13:12] = 1).
    d.macsec_write(Bank::HostMac as u32, 0x02, 10240);
    d.macsec_write(Bank::LineMac as u32, 0x02, 1518);
    for i in 0..36 {
        d.macsec_write(Bank::HostMac as u32, 0x1c + i, 0);
    }
    assert_eq!(d.macsec_read(Bank::HostMac as u32, 0x02), 10240);
    assert_eq!(d.macsec_read(Bank::LineMac as u32, 0x02), 1518);
    d.macsec_write(Bank::FcBuffer as u32, 0x05, 5119 << 16);
    assert_eq!(d.macsec_read(Bank::FcBuffer as u32, 0x05), 5119 << 16);
    // __vsc8584_macsec_init(): PROTOCOL_MODE of PROC_0 by read-modify-write.
    // The write path keeps the low target bits (target 0x0e), the read path
    // does not (it reads target 0x0c), exactly as in mscc_macsec.c.
    let val = (d.macsec_read(Bank::Proc0 as u32, 0x2) & !0x7) | 4;
    d.macsec_write(Bank::Proc0 as u32, 0x2, val);
    assert_eq!(d.macsec_read(Bank::Proc0 as u32, 0x2), 0);
    let phy = p.phy(1).unwrap();
    assert_eq!(phy.csr(Bank::Proc0 as u8, 0x2), 4);
    assert_eq!(phy.csr(0x0c, 0x2), 0);
    assert_eq!(phy.csr(Bank::HostMac as u8, 0x02), 10240);
    assert_eq!(phy.dropped_csr_writes(), 0);
    // The CSR path of mscc_main.c keeps the low bits on reads too.
    let mut d = Dev::new(&mut p, addr(1));
    assert_eq!(d.csr_read(Bank::Proc0 as u32, 0x2), 0);
    assert_eq!(p.phy(0).unwrap().csr(Bank::Proc0 as u8, 0x2), 0);
}

#[test]
fn macro_ctrl_mcb_bits_self_clear_and_calibration_reads_done() {
    let mut p = pkg();
    let mctl = Bank::MacroCtrl as u32;
    let mut d = Dev::new(&mut p, addr(2));
    // The CSR path always goes through the base PHY.
    assert_eq!(d.pll5g_reset(), Ok(()));
    assert_eq!(d.csr_read(mctl, 0x11), 0x0000_0001);
    assert_eq!(d.csr_read(mctl, 0x08), 0);
    d.csr_write(mctl, 0x3f, 0x8000_0001).unwrap();
    assert_eq!(d.csr_read(mctl, 0x3f), 0x0000_0001);
    d.csr_write(mctl, 0x3f, 0x4000_0001).unwrap();
    assert_eq!(d.csr_read(mctl, 0x3f), 0x0000_0001);
    d.csr_write(mctl, 0x2b, 0x1234_5678).unwrap();
    assert_eq!(d.csr_read(mctl, 0x2b), 0x1234_5678);
    d.csr_write(mctl, 0x31, 0xffff_ffff).unwrap();
    assert_eq!(d.csr_read(mctl, 0x31), 0xffff_efff);
    assert_eq!(d.csr_read(mctl, 0x2f), 0x0000_0100);
    assert_eq!(p.macro_ctrl().peek(0x11), 1);
    assert_eq!(p.macro_ctrl().read(0x31) & (1 << 12), 0);
    // A stuck MCB makes vsc8584_mcb_rd_trig() time out.
    p.faults_mut().set_mcb_stuck(true);
    let mut d = Dev::new(&mut p, addr(0));
    assert_eq!(d.mcb_trig(0x11, 0, 0x4000_0000), Err(ETIMEDOUT));
    assert_eq!(d.csr_read(mctl, 0x11), 0x4000_0001);
}

/// The exact 8051 command words `vsc8584_config_pre_init()`,
/// `vsc8584_config_host_serdes()` and `vsc85xx_sd6g_config_v2()` write for
/// PHY 0 in SGMII mode.
const CONFIG_INIT_COMMANDS: [u16; 7] = [0x8008, 0x8008, 0x800f, 0x80f0, 0x81f1, 0x81e1, 0x80f0];

fn command_log(p: &Package) -> Vec<u16> {
    let mut out = [0u16; LOG_LEN];
    let n = p.micro().command_log(&mut out);
    out[..n].to_vec()
}

#[test]
fn c_config_init_package_sequence_completes() {
    let mut p = pkg();
    let fw = [0x02u8, 0x80, 0x10, 0x55, 0xaa];
    let mut d = Dev::new(&mut p, addr(0));
    let crcs = d.config_pre_init(&fw);
    assert_eq!(crcs, Ok((0xfb48, 0xfb48)), "no patching needed");
    assert_eq!(d.config_host_serdes(0), Ok(()));
    d.coma_mode_release();

    assert_eq!(command_log(&p), CONFIG_INIT_COMMANDS);
    assert_eq!(p.micro().commands(), 7);
    assert_eq!(p.micro().patch_bytes(), 0);
    // The 8051 state the sequence leaves.
    let m = p.micro();
    assert_eq!(m.read(gpio::DW8051_CNTL_STATUS), 0xc098);
    assert_eq!(m.read(gpio::trap_rom_addr(1)), 0x1e48);
    assert_eq!(m.read(gpio::patch_ram_addr(1)), 0x1e4f);
    assert_eq!(m.read(gpio::trap_rom_addr(4)), 0x005b);
    assert_eq!(m.read(gpio::patch_ram_addr(4)), 0x005b);
    assert_eq!(m.read(gpio::INT_MEM_CNTL), 0x0000);
    assert_eq!(m.read(gpio::PROC_CMD), 0x00f0);
    assert_eq!(m.read(gpio::MAC_CFG_FASTLINK), 0x0000);
    // CRC request and result in PHY 0's ext1 registers 25/26.
    let phy0 = p.phy(0).unwrap();
    assert_eq!(phy0.ext(EXT1, ext1::VERIPHY_CNTL_2), 0xfb48);
    assert_eq!(phy0.ext(EXT1, ext1::VERIPHY_CNTL_3), fw.len() as u16 + 1);
    assert_eq!(p.macro_ctrl().peek(0x11), 0x1);
    assert_eq!(p.macro_ctrl().peek(0x3f), 0x1);
    // The broadcast writes reached every PHY, on each one's own page.
    for i in 0..PHYS {
        let phy = p.phy(i).unwrap();
        assert_eq!(phy.page(), STD, "PHY {i}");
        assert_eq!(phy.std(mii::EXT_CNTL_STATUS), 0, "PHY {i}");
        assert_eq!(phy.std(mii::INT_MASK), 0, "PHY {i}");
        assert_eq!(phy.std(mii::BYPASS_CONTROL), 0x0008, "PHY {i}");
        assert_eq!(phy.ext(EXT3, 22), 0x2000, "PHY {i}");
        assert_eq!(phy.ext(EXT2, 16), 0x028e, "PHY {i}");
    }
    for i in 0..PHYS as u8 {
        p.mdio_write(addr(i), EXT_PAGE_ACCESS, TEST).unwrap();
        assert_eq!(p.mdio_read(addr(i), 5), Ok(0x1f20));
        assert_eq!(p.mdio_read(addr(i), 8), Ok(0x0000));
        p.mdio_write(addr(i), EXT_PAGE_ACCESS, TR).unwrap();
        assert_eq!(p.mdio_read(addr(i), 16), Ok(0x848a));
        assert_eq!(p.mdio_read(addr(i), 17), Ok(0x0912));
        assert_eq!(p.mdio_read(addr(i), 18), Ok(0x0000));
    }
}

#[test]
fn c_firmware_patch_path_when_the_crc_is_wrong() {
    let mut p = pkg();
    p.faults_mut().set_crc_mode(CrcMode::BadUntilPatched);
    let fw: Vec<u8> = (0..16u8).collect();
    let mut d = Dev::new(&mut p, addr(0));
    assert_eq!(d.config_pre_init(&fw), Ok((0x0000, 0xfb48)));
    // One byte from INT_MEM_DATA(2) plus the 16 firmware bytes; the address
    // auto-incremented for the firmware bytes.
    assert_eq!(p.micro().patch_bytes(), 17);
    assert_eq!(p.micro().read(gpio::INT_MEM_ADDR), 16);
    // patch_fw() asserts the reset first (one more NOP command).
    assert_eq!(command_log(&p), [0x8008, 0x800f, 0x8008, 0x800f]);

    let mut p = pkg();
    p.faults_mut().set_crc_mode(CrcMode::Bad);
    let mut d = Dev::new(&mut p, addr(0));
    assert_eq!(d.config_pre_init(&fw), Ok((0x04b7, 0x04b7)));
}

#[test]
fn c_cmd_reports_stuck_and_failed_8051_commands() {
    let mut p = pkg();
    p.faults_mut().set_micro(MicroFault::Stuck);
    let mut d = Dev::new(&mut p, addr(0));
    assert_eq!(d.cmd(gpio::PROC_CMD_NOP), Err(ETIMEDOUT));
    assert_eq!(d.get_fw_crc(0xe800, 100), Err(ETIMEDOUT));
    assert_eq!(p.micro().read(gpio::PROC_CMD), 0x8008);
    // The CRC was not computed.
    assert_eq!(p.phy(0).unwrap().ext(EXT1, ext1::VERIPHY_CNTL_2), 0xe800);

    p.faults_mut().set_micro(MicroFault::Failed);
    let mut d = Dev::new(&mut p, addr(0));
    assert_eq!(d.cmd(gpio::PROC_CMD_NOP), Err(EIO));
    assert_eq!(p.micro().read(gpio::PROC_CMD), 0x400f);
    assert_eq!(d_pre_init_error(&mut p), Err(EIO));

    p.faults_mut().set_micro(MicroFault::None);
    let mut d = Dev::new(&mut p, addr(0));
    assert_eq!(d.cmd(gpio::PROC_CMD_NOP), Ok(()));
    assert_eq!(p.micro().read(gpio::PROC_CMD), 0x000f);
}

fn d_pre_init_error(p: &mut Package) -> Result<(u16, u16), i32> {
    Dev::new(p, addr(0)).config_pre_init(&[1, 2, 3])
}

#[test]
fn kth_mdio_access_fails_with_the_injected_error() {
    let mut p = pkg();
    let a = addr(0);
    p.faults_mut().fail_access(3, MdioError::Io);
    assert_eq!(p.mdio_read(a, mii::PHYSID1), Ok(0x0007));
    assert_eq!(p.mdio_read(a, mii::PHYSID2), Ok(0x07c1));
    assert_eq!(
        p.mdio_write(a, mii::LED_MODE_SEL, 0x1234),
        Err(MdioError::Io)
    );
    assert_eq!(
        p.mdio_read(a, mii::LED_MODE_SEL),
        Ok(0),
        "the failed write had no effect"
    );
    assert_eq!(p.faults().injected(), 1);
    assert_eq!(p.accesses(), 4);

    // A failed read does not consume clear-on-read state.
    p.set_link(0, true);
    p.faults_mut().fail_access(1, MdioError::Timeout);
    assert_eq!(p.mdio_read(a, mii::INT_STATUS), Err(MdioError::Timeout));
    assert_eq!(p.mdio_read(a, mii::INT_STATUS), Ok(mii::INT_LINK_CHG));

    // Address and register errors are not accesses of the package.
    p.faults_mut().fail_access(1, MdioError::Io);
    assert_eq!(p.mdio_read(BASE + 9, 0), Err(MdioError::NoDevice));
    assert_eq!(p.mdio_read(a, 0), Err(MdioError::Io));

    // A run of failures, then recovery.
    p.faults_mut().fail_accesses(2, 3, MdioError::Io);
    let results: Vec<bool> = (0..6)
        .map(|_| p.mdio_read(a, mii::PHYSID1).is_ok())
        .collect();
    assert_eq!(results, [true, false, false, false, true, true]);

    // Forever, until cleared.
    p.faults_mut()
        .fail_accesses(1, u32::MAX, MdioError::Timeout);
    for _ in 0..100 {
        assert_eq!(p.mdio_write(a, 0, 0), Err(MdioError::Timeout));
    }
    p.faults_mut().clear();
    assert_eq!(p.mdio_read(a, mii::PHYSID1), Ok(0x0007));
    assert_eq!(p.faults().injected(), 0);
}

#[test]
fn an_injected_failure_in_the_middle_of_a_32bit_access() {
    // The 6th transaction of vsc8584_macsec_phy_write() is the command write.
    let mut p = pkg();
    p.faults_mut().fail_access(6, MdioError::Io);
    let a = addr(0);
    let r: Vec<Result<(), MdioError>> = [
        (31, EXT4),
        (20, 0xe),
        (17, 0x5678),
        (18, 0x1234),
        (19, 0x8000 | 0x800),
    ]
    .into_iter()
    .map(|(reg, v)| p.mdio_write(a, reg, v))
    .collect();
    assert!(r.iter().all(Result::is_ok));
    // (The 5 writes above are accesses 1-5; the poll is access 6.)
    assert_eq!(p.mdio_read(a, 19), Err(MdioError::Io));
    assert_eq!(p.mdio_read(a, 19), Ok(0x8800));
    assert_eq!(
        p.macsec(0, Bank::MacsecIngress.engine())
            .unwrap()
            .peek(0x800),
        0x1234_5678
    );
}

#[test]
fn stuck_completion_bit_never_reads_1() {
    let mut p = pkg();
    let ingr = Bank::MacsecIngress as u32;
    p.faults_mut().set_window_stuck(1, true);
    assert!(p.faults().window_stuck(1) && !p.faults().window_stuck(0));
    let mut d = Dev::new(&mut p, addr(1));
    let (polls, last) = d.macsec_write_polls(ingr, 0x800, 0x1601);
    assert_eq!(polls, POLL_BUDGET, "the driver polls until its deadline");
    assert_eq!(last, 0x0800, "CMD bit 15 never reads 1");
    // ENA_CFG still holds its power-on value (logic in reset, bypass).
    assert_eq!(
        p.macsec(1, Bank::MacsecIngress.engine())
            .unwrap()
            .peek(0x800),
        0x102
    );
    // A read times out too, and returns whatever registers 17/18 held.
    let mut d = Dev::new(&mut p, addr(1));
    let (v, polls) = d.macsec_read_polls(ingr, 0x800);
    assert_eq!((v, polls), (0x0000_1601, POLL_BUDGET));
    // Other PHYs are fine.
    let mut d = Dev::new(&mut p, addr(0));
    d.macsec_write(ingr, 0x800, 0x1);
    assert_eq!(d.macsec_read(ingr, 0x800), 0x1);
    // Lifting the fault lets the pending access complete at the next poll.
    p.faults_mut().set_window_stuck(1, false);
    p.mdio_write(addr(1), EXT_PAGE_ACCESS, EXT4).unwrap();
    assert_eq!(p.mdio_read(addr(1), 19), Ok(0x8000 | 0x4000 | 0x800));
    assert_eq!(p.mdio_read(addr(1), 17), Ok(0x0102));
    // The stuck write was lost (it was replaced by the read command).
    assert_eq!(
        p.macsec(1, Bank::MacsecIngress.engine())
            .unwrap()
            .peek(0x800),
        0x102
    );
}

#[test]
fn delayed_completion_reads_busy_for_the_configured_polls() {
    let mut p = pkg();
    p.faults_mut().set_window_delay(3);
    let mut d = Dev::new(&mut p, addr(2));
    let (polls, last) = d.macsec_write_polls(Bank::MacsecEgress as u32, 0x3d04, 1 << 21);
    assert_eq!((polls, last), (4, 0xbd04));
    let (v, polls) = d.macsec_read_polls(Bank::MacsecEgress as u32, 0x3d04);
    assert_eq!((v, polls), (1 << 21, 4));
    assert_eq!(p.faults().window_delay(), 3);
}

#[test]
fn macsec_interrupt_reaches_int_status_ext() {
    let mut p = pkg();
    let a = addr(3);
    let mut d = Dev::new(&mut p, a);
    d.macsec_block_init(Bank::MacsecEgress);
    // vsc85xx_config_intr(): ack, vsc8584_config_macsec_intr(), mask.
    d.read(mii::INT_STATUS);
    d.config_macsec_intr();
    d.write(
        mii::INT_MASK,
        mii::INT_MDINT | mii::INT_LINK_CHG | mii::INT_EXT,
    );
    assert!(!p.irq_pending(3));
    // The engine detects a roll-over.
    assert!(p.raise_macsec_intr(3, Bank::MacsecEgress.engine(), macsec::INTR_ROLLOVER));
    assert!(p.irq_pending(3));
    // vsc8584_handle_interrupt(): INT_STATUS, then the egress status.
    let mut d = Dev::new(&mut p, a);
    assert_eq!(d.read(mii::INT_STATUS), mii::INT_MDINT | mii::INT_EXT);
    let cause = d.macsec_read(Bank::MacsecEgress as u32, 0x3d04);
    assert_eq!(
        cause, 0x0020_0020,
        "enable 21, status 5, no pin (enable 31 off)"
    );
    // The chain in between: AIC input 0 latched, MACSEC_STICKY.ENG_IRQ set.
    assert_eq!(d.macsec_read(Bank::MacsecEgress as u32, 0x3e03), 0x1);
    assert_eq!(d.macsec_read(Bank::MacsecEgress as u32, 0x3e04), 0x1);
    assert_eq!(d.macsec_read(Bank::MacsecEgress as u32, 0x802), 0x8);
    assert_eq!(d.read(mii::INT_STATUS), 0);
    assert!(!p.irq_pending(3));
    // The status is sticky and the C driver clears nothing, neither the
    // status nor the AIC nor MACSEC_STICKY: the same event again is no new
    // edge, so no second interrupt (its documented missing acknowledge).
    assert!(!p.raise_macsec_intr(3, Bank::MacsecEgress.engine(), macsec::INTR_ROLLOVER));
    assert!(!p.irq_pending(3));
    // MESA's acknowledge: the status written back with bit 5 cleared
    // (api.c:5517-5533), the AIC raw status and the sticky bit written 1.
    let mut d = Dev::new(&mut p, a);
    let egr = Bank::MacsecEgress as u32;
    let v = d.macsec_read(egr, 0x3d04);
    d.macsec_write(egr, 0x3d04, v & !0x20);
    assert_eq!(d.macsec_read(egr, 0x3d04), 0x0020_0000);
    d.macsec_write(egr, 0x3e04, 0xf);
    d.macsec_write(egr, 0x802, 0x8);
    assert_eq!(d.macsec_read(egr, 0x802), 0);
    assert!(p.raise_macsec_intr(3, Bank::MacsecEgress.engine(), macsec::INTR_ROLLOVER));
    // A disabled status bit is latched but raises nothing.
    assert!(!p.raise_macsec_intr(3, Bank::MacsecEgress.engine(), macsec::INTR_SEQ_THRESHOLD));
    assert_eq!(
        p.macsec(3, Bank::MacsecEgress.engine())
            .unwrap()
            .intr_status(),
        0x30
    );
    // Without ext2 reg 28 MS_EGR nothing reaches INT_STATUS.
    let mut p = pkg();
    let mut d = Dev::new(&mut p, addr(0));
    d.macsec_write(Bank::MacsecEgress as u32, 0x3e02, 0xf);
    d.macsec_write(Bank::MacsecEgress as u32, 0x3d04, 1 << 21);
    assert!(!p.raise_macsec_intr(0, Bank::MacsecEgress.engine(), macsec::INTR_ROLLOVER));
    assert_eq!(p.phy(0).unwrap().int_status(), 0);
}

#[test]
fn intr_pin_bit_follows_enable_31() {
    let mut p = pkg();
    let b = p.macsec_mut(0, Bank::MacsecEgress.engine()).unwrap();
    b.write(macsec::INTR_CTRL_STATUS, (1 << 31) | (1 << 21));
    b.raise_intr(macsec::INTR_ROLLOVER | macsec::INTR_PIN);
    assert_eq!(b.read(macsec::INTR_CTRL_STATUS), 0x8020_8020);
}

#[test]
fn ptp_biu_window_completes_and_stores() {
    let mut p = pkg();
    let mut d = Dev::new(&mut p, addr(0));
    d.ts_write_csr(4, 0x5c, 0x0000_0001);
    d.ts_write_csr(5, 0x10, 0xcafe_f00d);
    assert_eq!(d.ts_read_csr(4, 0x5c), 1);
    assert_eq!(d.ts_read_csr(5, 0x10), 0xcafe_f00d);
    // A never-written CSR reads 0, so the driver's FIFO drain loop ends.
    assert_eq!(d.ts_read_csr(4, 0x5d), 0);
    assert_eq!(p.ptp_csr(0, 5, 0x10), 0xcafe_f00d);
    // PHY 1 is the base of the other pair.
    let mut d = Dev::new(&mut p, addr(1));
    assert_eq!(d.ts_read_csr(5, 0x10), 0);
}

#[test]
fn reset_returns_to_power_on_and_keeps_faults() {
    let mut p = pkg();
    let mut d = Dev::new(&mut p, addr(1));
    d.macsec_write(Bank::MacsecIngress as u32, 0x1000, 0x1234);
    d.write(EXT_PAGE_ACCESS, GPIO);
    d.write(gpio::MAC_CFG_FASTLINK, 0x4000);
    p.faults_mut().set_window_delay(2);
    p.reset();
    assert_eq!(
        p.macsec(1, Bank::MacsecIngress.engine())
            .unwrap()
            .peek(0x1000),
        0
    );
    assert_eq!(
        p.macsec(1, Bank::MacsecIngress.engine())
            .unwrap()
            .peek(0x3c48),
        1514
    );
    assert_eq!(p.micro().read(gpio::MAC_CFG_FASTLINK), 0);
    assert_eq!(p.phy(1).unwrap().page(), STD);
    assert_eq!(p.accesses(), 0);
    assert_eq!(p.faults().window_delay(), 2);
    assert_eq!(p.mdio_read(addr(1), mii::BMCR), Ok(0x1040));
}

#[test]
fn sparse_store_is_sorted_bounded_and_frees_zeroes() {
    use rsmacsec_host::regs::sparse::SparseStore;
    let mut s = SparseStore::<4>::new();
    for (k, v) in [(30u32, 3u32), (10, 1), (20, 2), (40, 4)] {
        assert!(s.set(k, v));
    }
    assert!(!s.set(25, 5), "full");
    assert_eq!(s.dropped(), 1);
    assert_eq!(
        [s.get(10), s.get(20), s.get(25), s.get(30), s.get(40)],
        [1, 2, 0, 3, 4]
    );
    // Writing 0 frees the entry; a zero to an absent key needs no room.
    assert!(s.set(20, 0));
    assert!(s.set(99, 0));
    assert_eq!(s.len(), 3);
    assert!(s.set(25, 5));
    assert!(s.set(10, 11));
    assert_eq!(
        [s.get(10), s.get(20), s.get(25), s.get(30), s.get(40)],
        [11, 0, 5, 3, 4]
    );
    assert!(!s.set(u32::MAX, 7) && s.get(u32::MAX) == 0);
    s.clear();
    assert!(s.is_empty() && s.dropped() == 0 && s.get(25) == 0);
}

/// A small deterministic generator (no dependency needed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as u32
    }
}

#[test]
fn random_mdio_traffic_never_panics() {
    const PAGES: [u16; 11] = [
        STD, EXT1, EXT2, EXT3, EXT4, GPIO, PTP, TEST, TR, 0x1234, 0xffff,
    ];
    let mut p = pkg();
    let mut r = Lcg(0x5eed);
    for i in 0..200_000u32 {
        let a = BASE.wrapping_sub(1).wrapping_add((r.next() % 6) as u8);
        let reg = (r.next() % 34) as u8;
        let val = r.next() as u16;
        let val = match r.next() % 8 {
            0 => PAGES[(r.next() as usize) % PAGES.len()],
            1 => val | 0x8000,
            _ => val,
        };
        let reg = if r.next().is_multiple_of(6) {
            EXT_PAGE_ACCESS
        } else {
            reg
        };
        if r.next().is_multiple_of(2) {
            let _ = p.mdio_read(a, reg);
        } else {
            let _ = p.mdio_write(a, reg, val);
        }
        match i % 5000 {
            0 => {
                p.faults_mut()
                    .fail_accesses(u64::from(r.next() % 10), r.next() % 4, MdioError::Io)
            }
            1 => p
                .faults_mut()
                .set_window_stuck((r.next() % 10) as usize, r.next().is_multiple_of(2)),
            2 => p.faults_mut().set_window_delay(r.next() % 3),
            3 => p.faults_mut().set_micro(MicroFault::Failed),
            4 => p.faults_mut().clear(),
            5 => {
                let phy = (r.next() % 6) as usize;
                let _ = p.raise_macsec_intr(phy, Bank::MacsecEgress.engine(), r.next());
                p.set_link(phy, r.next().is_multiple_of(2));
                if let Some(b) = p.macsec_mut(phy, Bank::MacsecIngress.engine()) {
                    let all = &rsmacsec_host::regdesc::stats::ingress_sa::ALL;
                    let c = &all[(r.next() as usize) % all.len()];
                    let set = CounterSet::Sa((r.next() % 20) as u16);
                    b.count(set, c, u64::from(r.next()) << (r.next() % 40));
                    b.write(r.next() as u16, r.next());
                    let _ = b.read(r.next() as u16);
                }
            }
            _ => {}
        }
    }
    // Still a VSC8584 afterwards.
    p.faults_mut().clear();
    for i in 0..PHYS as u8 {
        p.mdio_write(addr(i), EXT_PAGE_ACCESS, STD).unwrap();
        assert_eq!(p.mdio_read(addr(i), mii::PHYSID2), Ok(0x07c1));
    }
}
