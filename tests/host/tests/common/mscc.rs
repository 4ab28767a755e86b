// SPDX-License-Identifier: GPL-2.0

//! The register facts the tests drive the simulator with, written for the
//! tests from the upstream C driver (Linux 6.12 `drivers/net/phy/mscc/`:
//! `mscc.h`, `mscc_macsec.h`, `mscc_ptp.h`) and, for what the C driver does
//! not use, from Microchip MESA (`ingr.h`, `egr.h`, `api.c` as in
//! `drivers/net/vsc8584_sim/regdesc/mod.rs`).
//!
//! Neither the driver's `hw/` nor the simulator's `regdesc/` is used here:
//! a test programs the simulator the way the C driver or MESA does, so that
//! the simulator can only pass by matching them.

/// Clause-22 registers, pages and the page-4 window (`mscc.h`).
pub mod regs {
    use rsmacsec_host::regs::Engine;

    /// `mscc.h:294`.
    pub const PHY_ID_VSC8584: u32 = 0x0007_07c1;
    /// `mscc.h:128`.
    pub const EXT_PAGE_ACCESS: u8 = 31;

    /// `mscc.h:129-142`.
    pub mod page {
        pub const STANDARD: u16 = 0x0000;
        pub const EXTENDED: u16 = 0x0001;
        pub const EXTENDED2: u16 = 0x0002;
        pub const EXTENDED3: u16 = 0x0003;
        pub const EXTENDED4: u16 = 0x0004;
        pub const GPIO: u16 = 0x0010;
        pub const PTP1588: u16 = 0x1588;
        pub const TEST: u16 = 0x2a30;
        pub const TOKEN_RING: u16 = 0x52b5;
    }

    /// `mscc_macsec.h:106-116`.
    pub mod window {
        pub const DATA_LO: u8 = 17;
        pub const DATA_HI: u8 = 18;
        pub const CMD: u8 = 19;
        pub const TARGET: u8 = 20;
        pub const CMD_START: u16 = 1 << 15;
        pub const CMD_READ: u16 = 1 << 14;
    }

    /// `enum macsec_bank` (`mscc_macsec.h:63-70`) and MACRO_CTRL
    /// (`mscc.h:447-449`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    #[repr(u8)]
    pub enum Bank {
        FcBuffer = 0x04,
        HostMac = 0x05,
        LineMac = 0x06,
        MacroCtrl = 0x07,
        Proc0 = 0x0e,
        Proc2 = 0x0f,
        MacsecIngress = 0x38,
        MacsecEgress = 0x3c,
    }

    impl Bank {
        /// The simulated engine behind a MACsec bank.
        pub fn engine(self) -> Engine {
            match self {
                Bank::MacsecIngress => Engine::Ingress,
                _ => Engine::Egress,
            }
        }
    }

    /// MACsec bank registers (`mscc_macsec.h:118-321`; those the C driver
    /// lacks from MESA, cited).
    pub mod macsec {
        pub const fn xform_rec(rec: u16, word: u16) -> u16 {
            (rec << 5) + word
        }
        pub const ENA_CFG: u16 = 0x800;
        pub const ENA_CFG_CLK_ENA: u32 = 1 << 0;
        pub const ENA_CFG_SW_RST: u32 = 1 << 1;
        pub const ENA_CFG_BYPASS_ENA: u32 = 1 << 8;
        pub const ENA_CFG_MACSEC_ENA: u32 = 1 << 9;
        /// `ingr.h:169`, `ingr.h:216`; ENG_IRQ bit 3 `api.c:190-191`.
        pub const STICKY: u16 = 0x802;
        pub const STICKY_MASK: u16 = 0x803;
        pub const STICKY_ENG_IRQ: u32 = 1 << 3;
        pub const fn sam_mac_sa_match_lo(i: u16) -> u16 {
            0x1000 + 16 * i
        }
        pub const fn sam_misc_match(i: u16) -> u16 {
            0x1004 + 16 * i
        }
        pub const SAM_ENTRY_ENABLE1: u16 = 0x1800;
        /// `ingr.h:1115`.
        pub const SAM_ENTRY_TOGGLE1: u16 = 0x1804;
        pub const SAM_ENTRY_SET1: u16 = 0x1808;
        pub const SAM_ENTRY_CLEAR1: u16 = 0x180c;
        /// `ingr.h:1172`.
        pub const SAM_IN_FLIGHT: u16 = 0x1810;
        pub const fn sam_flow_ctrl(i: u16) -> u16 {
            0x1c00 + i
        }
        /// `ingr.h:3610`, `ingr.h:4379`.
        pub const SA_STATS: u16 = 0x2000;
        pub const SA_STATS_STRIDE: u16 = 32;
        pub const VLAN_STATS: u16 = 0x3000;
        pub const GLOBAL_STATS: u16 = 0x3100;
        pub const COUNT_CONTROL: u16 = 0x3204;
        pub const COUNT_CONTROL_RESET_ALL: u32 = 1 << 0;
        pub const COUNT_CONTROL_DEBUG_ACCESS: u32 = 1 << 1;
        pub const COUNT_CONTROL_SATURATE: u32 = 1 << 2;
        pub const COUNT_CONTROL_AUTO_CNTR_RESET: u32 = 1 << 3;
        /// `ingr.h:5290`, `ingr.h:5329`.
        pub const COUNT_INCEN1: u16 = 0x3205;
        pub const COUNT_INCEN2: u16 = 0x3206;
        pub const fn vlan_mtu_check(up: u16) -> u16 {
            0x3c40 + up
        }
        pub const NON_VLAN_MTU_CHECK: u16 = 0x3c48;
        pub const PP_CTRL: u16 = 0x3c4b;
        pub const STATUS_CONTEXT_CTRL: u16 = 0x3d02;
        pub const INTR_CTRL_STATUS: u16 = 0x3d04;
        /// Status bits 4 and 5 (`egr.h:6350-6356`; `mscc_macsec.h:321`).
        pub const INTR_SEQ_THRESHOLD: u32 = 1 << 4;
        pub const INTR_ROLLOVER: u32 = 1 << 5;
        pub const INTR_PIN: u32 = 1 << 15;
        /// `egr.h:6439-6466`.
        pub const SEQ_NUM_THRESH: u16 = 0x3d08;
        pub const SEQ_NUM_THRESH_LOWER: u16 = 0x3d09;
        pub const SEQ_NUM_THRESH_UPPER: u16 = 0x3d0a;
        pub const BLOCK_CTX_UPDATE: u16 = 0x3d0c;
        /// `ingr.h:7629-7706`.
        pub const NEXT_PN_LOWER: u16 = 0x3d20;
        pub const NEXT_PN_UPPER: u16 = 0x3d21;
        pub const NEXT_PN_CONTEXT_ID: u16 = 0x3d22;
        pub const NEXT_PN_CTRL: u16 = 0x3d23;
        /// `mscc_macsec.h:143` (AIC_ENABLE_CTRL); the rest `ingr.h:6430-6602`.
        pub const AIC_CTRL: u16 = 0x3e02;
        pub const AIC_RAW_STAT: u16 = 0x3e03;
        pub const AIC_ENABLED_STAT: u16 = 0x3e04;
        pub const AIC_ENABLE_CLR: u16 = 0x3e05;
        /// `ingr.h:6617-6812`.
        pub const EIP160_CONFIG2: u16 = 0x3ffd;
        pub const EIP160_CONFIG: u16 = 0x3ffe;
        pub const EIP160_VERSION: u16 = 0x3fff;
    }

    /// Standard registers (`include/uapi/linux/mii.h`, `mscc.h`).
    pub mod mii {
        pub const BMCR: u8 = 0;
        pub const BMCR_RESET: u16 = 0x8000;
        pub const BMCR_ANRESTART: u16 = 0x0200;
        pub const BMSR: u8 = 1;
        pub const PHYSID1: u8 = 2;
        pub const PHYSID2: u8 = 3;
        pub const LPA: u8 = 5;
        pub const STAT1000: u8 = 10;
        pub const ESTATUS: u8 = 15;
        pub const BYPASS_CONTROL: u8 = 18;
        pub const EXT_CNTL_STATUS: u8 = 22;
        pub const SMI_BROADCAST_WR_EN: u16 = 0x0001;
        pub const INT_MASK: u8 = 25;
        pub const INT_STATUS: u8 = 26;
        pub const INT_MDINT: u16 = 1 << 15;
        pub const INT_LINK_CHG: u16 = 1 << 13;
        pub const INT_EXT: u16 = 1 << 5;
        pub const LED_MODE_SEL: u8 = 29;
    }

    /// Extended page 1 (`mscc.h:157-168`).
    pub mod ext1 {
        pub const ACTIPHY_CNTL: u8 = 20;
        pub const PHY_ADDR_REVERSED: u16 = 0x0200;
        pub const EXT_PHY_CNTL_4: u8 = 23;
        pub const PHY_CNTL_4_ADDR_SHIFT: u32 = 11;
        pub const VERIPHY_CNTL_2: u8 = 25;
        pub const VERIPHY_CNTL_3: u8 = 26;
    }

    /// Extended page 2 (`mscc.h:195-196`).
    pub mod ext2 {
        pub const EXTENDED_INT: u8 = 28;
        pub const EXTENDED_INT_MS_EGR: u16 = 1 << 9;
    }

    /// Extended page 3 (`mscc.h:200`).
    pub mod ext3 {
        pub const SERDES_TX_CRC_ERR_CNT: u8 = 22;
    }

    /// The GPIO page (`mscc.h:143`, `mscc.h:205-256`, `mscc.h:338-340`).
    pub mod gpio {
        pub const DW8051_CNTL_STATUS: u8 = 0;
        pub const AUTOINC_ADDR: u16 = 0x2000;
        pub const fn trap_rom_addr(x: u8) -> u8 {
            x * 2 + 1
        }
        pub const fn patch_ram_addr(x: u8) -> u8 {
            (x + 1) * 2
        }
        pub const INT_MEM_ADDR: u8 = 11;
        pub const INT_MEM_CNTL: u8 = 12;
        pub const READ_PRAM: u16 = 0x4000;
        pub const INT_MEM_WRITE_EN: u16 = 0x1000;
        pub const GPIO_CONTROL_2: u8 = 14;
        pub const PROC_CMD: u8 = 18;
        pub const PROC_CMD_NCOMPLETED: u16 = 0x8000;
        pub const PROC_CMD_FAILED: u16 = 0x4000;
        pub const PROC_CMD_CRC16: u16 = 0x0008;
        pub const PROC_CMD_NOP: u16 = 0x000f;
        pub const MAC_CFG_FASTLINK: u8 = 19;
        pub const FW_START_ADDR: u16 = 0xe800;
        pub const FW_CRC: u16 = 0xfb48;
    }

    /// The 1588 page (`mscc_ptp.h:12-21`).
    pub mod ptp {
        pub const BIU_ADDR_CNTL: u8 = 16;
        pub const BIU_ADDR_EXE: u16 = 0x8000;
        pub const BIU_ADDR_READ: u16 = 0x4000;
        pub const CSR_DATA_LSB: u8 = 17;
        pub const CSR_DATA_MSB: u8 = 18;
    }

    /// MACRO_CTRL (`mscc.h:101-114`).
    pub mod macro_ctrl {
        pub const PLL5G_CFG2: u16 = 0x08;
        pub const MCB_LCPLL_CFG: u16 = 0x11;
        pub const S6G_IB_STATUS0: u16 = 0x2f;
        pub const S6G_PLL_STATUS: u16 = 0x31;
        pub const MCB_S6G_CFG: u16 = 0x3f;
        pub const MCB_WRITE: u32 = 1 << 31;
        pub const MCB_READ: u32 = 1 << 30;
    }
}
