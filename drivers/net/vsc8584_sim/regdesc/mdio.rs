// SPDX-License-Identifier: GPL-2.0

//! The clause-22 registers of a VSC8584 PHY: identity, pages, the standard
//! and extended registers the drivers use, the 8051 of the GPIO page, the
//! 1588 window and the page-4 window onto the 32-bit banks.
//!
//! MESA's VSC8584 code goes through other layers for these, so the source is
//! the Linux 6.12 C driver (`mscc.h`, `mscc_ptp.h`, `mscc_macsec.h`,
//! `mscc_macsec.c`, `mscc_main.c`) and `mii.h`.

/// Identifier of the VSC8584 in MII registers 2/3 (`mscc.h:294`).
pub const PHY_ID_VSC8584: u32 = 0x0007_07c1;

/// The register that selects the page of registers 16-30 (`mscc.h:128`).
pub const PAGE_REG: u8 = 31;

/// Register pages.
pub mod page {
    /// Standard registers (`mscc.h:129`).
    pub const STANDARD: u16 = 0x0000;
    /// Extended page 1 (`mscc.h:130`).
    pub const EXT1: u16 = 0x0001;
    /// Extended page 2 (`mscc.h:131`).
    pub const EXT2: u16 = 0x0002;
    /// Extended page 3 (`mscc.h:132`).
    pub const EXT3: u16 = 0x0003;
    /// Extended page 4: the CSR and MACsec window (`mscc.h:133-135`).
    pub const EXT4: u16 = 0x0004;
    /// GPIO page, shared by the package: the 8051 (`mscc.h:139`).
    pub const GPIO: u16 = 0x0010;
    /// IEEE 1588 (`mscc.h:140`).
    pub const PTP1588: u16 = 0x1588;
    /// Test registers (`mscc.h:141`).
    pub const TEST: u16 = 0x2a30;
    /// Token ring registers (`mscc.h:142`).
    pub const TOKEN_RING: u16 = 0x52b5;
}

/// Standard registers (page 0, and 0-15 of every extended page).
pub mod mii {
    /// Basic mode control (`mii.h:16`).
    pub const BMCR: u8 = 0x00;
    /// `BMCR`: software reset, self-clearing (`mii.h:51`).
    pub const BMCR_RESET: u16 = 0x8000;
    /// `BMCR`: restart auto-negotiation, self-clearing (`mii.h:45`).
    pub const BMCR_ANRESTART: u16 = 0x0200;
    /// Basic mode status (`mii.h:17`).
    pub const BMSR: u8 = 0x01;
    /// `BMSR`: link up (`mii.h:57`).
    pub const BMSR_LSTATUS: u16 = 0x0004;
    /// `BMSR`: auto-negotiation complete (`mii.h:60`).
    pub const BMSR_ANEGCOMPLETE: u16 = 0x0020;
    /// Identifier bits 31:16 (`mii.h:18`).
    pub const PHYSID1: u8 = 0x02;
    /// Identifier bits 15:0 (`mii.h:19`).
    pub const PHYSID2: u8 = 0x03;
    /// Advertisement (`mii.h:20`).
    pub const ADVERTISE: u8 = 0x04;
    /// Link partner ability (`mii.h:21`).
    pub const LPA: u8 = 0x05;
    /// 1000BASE-T control (`mii.h:23`).
    pub const CTRL1000: u8 = 0x09;
    /// 1000BASE-T status (`mii.h:24`).
    pub const STAT1000: u8 = 0x0a;
    /// Extended status (`mii.h:27`).
    pub const ESTATUS: u8 = 0x0f;
    /// Extended control and status (`mscc.h:34`).
    pub const EXT_CNTL_STATUS: u8 = 22;
    /// `EXT_CNTL_STATUS`: writes go to every PHY of the package
    /// (`mscc.h:35`).
    pub const SMI_BROADCAST_WR_EN: u16 = 0x0001;
    /// Interrupt mask (`mscc.h:65`).
    pub const INT_MASK: u8 = 25;
    /// Interrupt status, cleared by reading it (`mscc.h:70`).
    pub const INT_STATUS: u8 = 26;
    /// `INT_MASK`/`INT_STATUS`: the interrupt output (`mscc.h:66`).
    pub const INT_MDINT: u16 = 1 << 15;
    /// Link state change (`mscc.h:67`).
    pub const INT_LINK_CHG: u16 = 1 << 13;
    /// Extended interrupt: MACsec, see [`super::ext2`] (`mscc.h:69`).
    pub const INT_EXT: u16 = 1 << 5;
}

/// Extended page 1.
pub mod ext1 {
    /// ActiPHY control (`mscc.h:157`).
    pub const ACTIPHY_CNTL: u8 = 20;
    /// `ACTIPHY_CNTL`: PHY 0 of the package is at the highest address
    /// (`mscc.h:158`).
    pub const PHY_ADDR_REVERSED: u16 = 0x0200;
    /// Extended PHY control 4 (`mscc.h:163`).
    pub const EXT_PHY_CNTL_4: u8 = 23;
    /// `EXT_PHY_CNTL_4`: address within the package, from bit 11
    /// (`mscc.h:164`; 5 bits, `mscc_main.c:1526-1527`).
    pub const PHY_CNTL_4_ADDR_POS: u32 = 11;
    /// VeriPHY control 2: 8051 CRC start address in, CRC out (`mscc.h:166`,
    /// `mscc_main.c:956`, `mscc_main.c:966`).
    pub const VERIPHY_CNTL_2: u8 = 25;
    /// VeriPHY control 3: CRC length (`mscc.h:168`).
    pub const VERIPHY_CNTL_3: u8 = 26;
}

/// Extended page 2.
pub mod ext2 {
    /// Extended interrupt enables (`mscc.h:195`).
    pub const EXTENDED_INT: u8 = 28;
    /// `EXTENDED_INT`: route the egress MACsec engine's interrupt to
    /// `INT_STATUS.EXT` (`mscc.h:196`, set by `mscc_macsec.c:1005`).
    pub const EXTENDED_INT_MS_EGR: u16 = 1 << 9;
}

/// The GPIO page, shared by the package: the 8051 micro-controller.
pub mod gpio {
    /// 8051 control (`mscc.h:205`).
    pub const DW8051_CNTL_STATUS: u8 = 0;
    /// `DW8051_CNTL_STATUS`: auto-increment the memory address
    /// (`mscc.h:208`).
    pub const AUTOINC_ADDR: u16 = 0x2000;
    /// Internal memory address (`mscc.h:219`).
    pub const INT_MEM_ADDR: u8 = 11;
    /// Internal memory access (`mscc.h:221`).
    pub const INT_MEM_CNTL: u8 = 12;
    /// `INT_MEM_CNTL`: memory select bits (`mscc.h:222-225`).
    pub const INT_MEM_SEL: u16 = 0x6000;
    /// `INT_MEM_CNTL`: select the patch RAM (`mscc.h:223`).
    pub const READ_PRAM: u16 = 0x4000;
    /// `INT_MEM_CNTL`: write the data byte (`mscc.h:226`).
    pub const INT_MEM_WRITE_EN: u16 = 0x1000;
    /// 8051 command (`mscc.h:231`).
    pub const PROC_CMD: u8 = 18;
    /// `PROC_CMD`: written 1 to start, reads 1 while running (`mscc.h:232`).
    pub const PROC_CMD_NCOMPLETED: u16 = 0x8000;
    /// `PROC_CMD`: the command failed (`mscc.h:233`).
    pub const PROC_CMD_FAILED: u16 = 0x4000;
    /// `PROC_CMD`: the command code (`mscc.h:249-253`).
    pub const PROC_CMD_CODE: u16 = 0x000f;
    /// Command: CRC-16 of 8051 memory (`mscc.h:251`).
    pub const PROC_CMD_CRC16: u16 = 0x0008;
    /// Start of the firmware patch the C driver checks (`mscc.h:339`).
    pub const FW_START_ADDR: u16 = 0xe800;
    /// CRC of a correctly patched VSC8584 rev B (`mscc.h:338-340`).
    pub const FW_CRC: u16 = 0xfb48;
}

/// The 1588 page: a window onto the timestamping CSRs (`mscc_ptp.h:12-21`).
pub mod ptp {
    /// Address and control (`mscc_ptp.h:12`).
    pub const BIU_ADDR_CNTL: u8 = 16;
    /// `BIU_ADDR_CNTL`: execute; reads 1 once done (`mscc_ptp.h:13`).
    pub const BIU_ADDR_EXE: u16 = 0x8000;
    /// `BIU_ADDR_CNTL`: a read (`mscc_ptp.h:14`).
    pub const BIU_ADDR_READ: u16 = 0x4000;
    /// `BIU_ADDR_CNTL`: block id from bit 11 (`mscc_ptp.h:16`).
    pub const BIU_BLK_ID_POS: u32 = 11;
    /// `BIU_ADDR_CNTL`: the CSR address (`mscc_ptp.h:17`).
    pub const BIU_CSR_ADDR: u16 = 0x07ff;
    /// Data bits 15:0 (`mscc_ptp.h:20`).
    pub const CSR_DATA_LSB: u8 = 17;
    /// Data bits 31:16 (`mscc_ptp.h:21`).
    pub const CSR_DATA_MSB: u8 = 18;
}

/// The page-4 window onto the 32-bit banks (`mscc_macsec.h:106-116`,
/// `mscc.h:88-98`; used by `mscc_macsec.c:22-94` and `mscc_main.c:728-820`).
pub mod window {
    /// Data bits 15:0 (`mscc_macsec.h:106`).
    pub const DATA_LO: u8 = 17;
    /// Data bits 31:16 (`mscc_macsec.h:107`).
    pub const DATA_HI: u8 = 18;
    /// Command (`mscc_macsec.h:109`).
    pub const CMD: u8 = 19;
    /// High target bits (`mscc_macsec.h:115`).
    pub const TARGET: u8 = 20;
    /// `CMD`: written 1 to start; the drivers poll until it reads 1
    /// (`mscc_macsec.h:113`, `mscc_macsec.c:46-48`).
    pub const CMD_START: u16 = 1 << 15;
    /// `CMD`: a read (`mscc_macsec.h:112`).
    pub const CMD_READ: u16 = 1 << 14;
    /// `CMD`: low target bits of a non-MACsec target (`mscc_macsec.h:111`).
    pub const CMD_TARGET_POS: u32 = 12;
    /// `CMD`: address of a MACsec bank, 14 bits (the MACsec banks take
    /// registers up to 0x3fff, for instance `mscc_macsec.h:143`; the low
    /// target bits are 0 for them, `mscc_macsec.c:39-40`).
    pub const ADDR_MACSEC: u16 = 0x3fff;
    /// `CMD`: address of any other target, 12 bits.
    pub const ADDR_CSR: u16 = 0x0fff;
    /// `TARGET`: target id bits 5:2 (`mscc_macsec.h:116`).
    pub const TARGET_HIGH: u16 = 0x000f;
}

/// Target ids behind the window (`mscc_macsec.h:63-70`, `mscc.h:447-449`).
pub mod target {
    /// FC buffer (`mscc_macsec.h:64`).
    pub const FC_BUFFER: u8 = 0x04;
    /// Host MAC (`mscc_macsec.h:65`).
    pub const HOST_MAC: u8 = 0x05;
    /// Line MAC (`mscc_macsec.h:66`).
    pub const LINE_MAC: u8 = 0x06;
    /// SerDes and PLL macros of the package (`mscc.h:448`).
    pub const MACRO_CTRL: u8 = 0x07;
    /// 1588 processor 0 (`mscc_macsec.h:67`).
    pub const PROC_0: u8 = 0x0e;
    /// 1588 processor 2 (`mscc_macsec.h:68`).
    pub const PROC_2: u8 = 0x0f;
    /// MACsec ingress engine (`mscc_macsec.h:69`).
    pub const MACSEC_INGR: u8 = 0x38;
    /// MACsec egress engine (`mscc_macsec.h:70`).
    pub const MACSEC_EGR: u8 = 0x3c;
}
