// SPDX-License-Identifier: GPL-2.0

//! VSC8584 register map: PHY identity, clause-22 pages and the MACsec banks.
//!
//! Addresses and field positions follow the VSC8584 datasheet as the upstream
//! C driver (`drivers/net/phy/mscc/`) uses them.

/// PHY identifier of the VSC8584 (revision B), as read from MII registers 2 and 3.
pub const PHY_ID_VSC8584: u32 = 0x0007_07c1;

/// PHY identifier of the VSC8582, the two-port part of the family (`mscc.h`).
pub const PHY_ID_VSC8582: u32 = 0x0007_07b1;

/// Clause-22 register that selects the page the registers 16-30 belong to.
pub const EXT_PAGE_ACCESS: u8 = 31;

/// Clause-22 register pages used by the driver.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u16)]
pub enum Page {
    /// IEEE standard registers.
    Standard = 0x0000,
    /// Extended page 1.
    Extended = 0x0001,
    /// Extended page 2.
    Extended2 = 0x0002,
    /// Extended page 3.
    Extended3 = 0x0003,
    /// Extended page 4: the CSR and MACsec indirect access window.
    Extended4 = 0x0004,
    /// General-purpose registers of the package (8051 micro-controller, GPIOs).
    Gpio = 0x0010,
    /// IEEE 1588 block: registers 16-18 are an indirect window onto its CSRs.
    Ptp1588 = 0x1588,
    /// Test registers (analog tuning, token-ring clock).
    Test = 0x2a30,
    /// Token-ring registers (DSP tuning, written through registers 16-18).
    TokenRing = 0x52b5,
}

/// The [`Page`] numbers as plain `u16` constants, usable as `match` patterns
/// on a value of the page register.
pub mod page {
    use super::Page;

    /// [`Page::Standard`].
    pub const STANDARD: u16 = Page::Standard as u16;
    /// [`Page::Extended`].
    pub const EXTENDED: u16 = Page::Extended as u16;
    /// [`Page::Extended2`].
    pub const EXTENDED2: u16 = Page::Extended2 as u16;
    /// [`Page::Extended3`].
    pub const EXTENDED3: u16 = Page::Extended3 as u16;
    /// [`Page::Extended4`].
    pub const EXTENDED4: u16 = Page::Extended4 as u16;
    /// [`Page::Gpio`].
    pub const GPIO: u16 = Page::Gpio as u16;
    /// [`Page::Ptp1588`].
    pub const PTP1588: u16 = Page::Ptp1588 as u16;
    /// [`Page::Test`].
    pub const TEST: u16 = Page::Test as u16;
    /// [`Page::TokenRing`].
    pub const TOKEN_RING: u16 = Page::TokenRing as u16;
}

/// Page-4 registers of the 32-bit indirect access window (see [`super::indirect`]).
pub mod window {
    /// Data bits 15:0.
    pub const DATA_LO: u8 = 17;
    /// Data bits 31:16.
    pub const DATA_HI: u8 = 18;
    /// Command: start/done, read, low target bits, register address.
    pub const CMD: u8 = 19;
    /// High target bits.
    pub const TARGET: u8 = 20;

    /// `CMD` bit 15: written 1 to start an access; reads 1 once it has completed.
    pub const CMD_START: u16 = 1 << 15;
    /// `CMD` bit 14: the access is a read.
    pub const CMD_READ: u16 = 1 << 14;
}

/// Register banks behind the indirect window, by target id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Bank {
    /// Flow-control buffer.
    FcBuffer = 0x04,
    /// Host-side MAC.
    HostMac = 0x05,
    /// Line-side MAC.
    LineMac = 0x06,
    /// Macro control (SerDes).
    MacroCtrl = 0x07,
    /// IEEE 1588 processor 0.
    Proc0 = 0x0e,
    /// IEEE 1588 processor 2.
    Proc2 = 0x0f,
    /// MACsec ingress engine (EIP-160).
    MacsecIngress = 0x38,
    /// MACsec egress engine (EIP-160).
    MacsecEgress = 0x3c,
}

impl Bank {
    /// Returns whether the bank is one of the two MACsec engines, which take
    /// 14-bit register addresses instead of 12-bit ones.
    pub const fn is_macsec(self) -> bool {
        matches!(self, Bank::MacsecIngress | Bank::MacsecEgress)
    }

    /// Highest register address the bank decodes.
    pub const fn max_addr(self) -> u16 {
        if self.is_macsec() {
            0x3fff
        } else {
            0x0fff
        }
    }
}

/// Registers of a MACsec engine bank (the same offsets in ingress and egress).
pub mod macsec {
    /// Transform record `rec`, word `word` (records are 32 words apart).
    pub const fn xform_rec(rec: u16, word: u16) -> u16 {
        (rec << 5) + word
    }
    /// Engine enable: clock, soft reset, bypass, MACsec enable, speed.
    pub const ENA_CFG: u16 = 0x800;
    /// SAM match entry `i`: MAC source address bytes 0-3.
    pub const fn sam_mac_sa_match_lo(i: u16) -> u16 {
        0x1000 + 16 * i
    }
    /// Set bits enable SAM entries.
    pub const SAM_ENTRY_SET1: u16 = 0x1808;
    /// Set bits disable SAM entries.
    pub const SAM_ENTRY_CLEAR1: u16 = 0x180c;
    /// Set bits toggle SAM entries, all in one atomic step.
    pub const SAM_ENTRY_TOGGLE1: u16 = 0x1804;
    /// Flow control word of SAM entry `i`.
    pub const fn sam_flow_ctrl(i: u16) -> u16 {
        0x1c00 + i
    }
    /// Counter control (reset all, saturate, clear on read).
    pub const COUNT_CONTROL: u16 = 0x3204;
    /// Interrupt status (15:0) and enables (31:16).
    pub const INTR_CTRL_STATUS: u16 = 0x3d04;
    /// Number of SAM entries (flows) per direction.
    pub const NUM_SAM_ENTRIES: u16 = 16;

    /// `ENA_CFG` bit 0: clock enable.
    pub const ENA_CFG_CLK_ENA: u32 = 1 << 0;
    /// `ENA_CFG` bit 1: software reset of the engine logic.
    pub const ENA_CFG_SW_RST: u32 = 1 << 1;
    /// `ENA_CFG` bit 8: the engine passes every frame through unchanged.
    pub const ENA_CFG_BYPASS_ENA: u32 = 1 << 8;
    /// `ENA_CFG` bit 9: MACsec processing enable.
    pub const ENA_CFG_MACSEC_ENA: u32 = 1 << 9;
    /// SAM match entry `i`: miscellaneous match (classes, AN, TCI, priority).
    pub const fn sam_misc_match(i: u16) -> u16 {
        0x1004u16.wrapping_add(i.wrapping_mul(16))
    }
    /// Bitmap of the enabled SAM entries (changed through SET1/CLEAR1/TOGGLE1).
    pub const SAM_ENTRY_ENABLE1: u16 = 0x1800;
    /// Number of frames in the classification pipeline.
    pub const SAM_IN_FLIGHT: u16 = 0x1810;
    /// First per-SA statistics counter (SA `i` at `SA_STATS + 32 * i`).
    pub const SA_STATS: u16 = 0x2000;
    /// Words of statistics per SA.
    pub const SA_STATS_STRIDE: u16 = 32;
    /// First per-VLAN-priority statistics counter (user priority `u` at `+ 32 * u`).
    pub const VLAN_STATS: u16 = 0x3000;
    /// First global statistics counter.
    pub const GLOBAL_STATS: u16 = 0x3100;
    /// One past the last global statistics counter.
    pub const GLOBAL_STATS_END: u16 = 0x3200;
    /// `COUNT_CONTROL` bit 0: clear every counter (set-only, falls back to 0).
    pub const COUNT_CONTROL_RESET_ALL: u32 = 1 << 0;
    /// `COUNT_CONTROL` bit 1: plain read/write access to the counters.
    pub const COUNT_CONTROL_DEBUG_ACCESS: u32 = 1 << 1;
    /// `COUNT_CONTROL` bit 2: counters stop at their maximum instead of wrapping.
    pub const COUNT_CONTROL_SATURATE: u32 = 1 << 2;
    /// `COUNT_CONTROL` bit 3: a read clears the counter word (clear on read).
    pub const COUNT_CONTROL_AUTO_CNTR_RESET: u32 = 1 << 3;
    /// Per-counter increment enables (SA and VLAN counters).
    pub const COUNT_INCEN1: u16 = 0x3205;
    /// Per-counter increment enables (global counters).
    pub const COUNT_INCEN2: u16 = 0x3206;
    /// Maximum frame size for VLAN frames of user priority `up`.
    pub const fn vlan_mtu_check(up: u16) -> u16 {
        0x3c40u16.wrapping_add(up)
    }
    /// Maximum frame size for frames without a VLAN tag.
    pub const NON_VLAN_MTU_CHECK: u16 = 0x3c48;
    /// Crypto-core context control (context size, MACsec EtherType).
    pub const STATUS_CONTEXT_CTRL: u16 = 0x3d02;
    /// `INTR_CTRL_STATUS` bit 4: outbound sequence number passed the threshold.
    pub const INTR_SEQ_THRESHOLD: u16 = 1 << 4;
    /// `INTR_CTRL_STATUS` bit 5: outbound sequence number roll-over.
    pub const INTR_ROLLOVER: u16 = 1 << 5;
    /// `INTR_CTRL_STATUS` bit 15: interrupt output, an OR of the enabled status bits.
    pub const INTR_PIN: u16 = 1 << 15;
    /// Shift of the enables (31:16) over the status bits (15:0) in `INTR_CTRL_STATUS`.
    pub const INTR_ENABLE_SHIFT: u32 = 16;
    /// Block context updates (the driver writes 0x3).
    pub const BLOCK_CTX_UPDATE: u16 = 0x3d0c;
    /// Next-PN update: PN bits 31:0 to write into a context.
    pub const NEXT_PN_LOWER: u16 = 0x3d20;
    /// Next-PN update: PN bits 63:32 (64-bit sequence numbers only).
    pub const NEXT_PN_UPPER: u16 = 0x3d21;
    /// Next-PN update: context id of the record to update.
    pub const NEXT_PN_CONTEXT_ID: u16 = 0x3d22;
    /// Next-PN update control: bit 0 starts an in-place update of a context.
    pub const NEXT_PN_CTRL: u16 = 0x3d23;
    /// `NEXT_PN_CTRL` bit 0: start the update; falls back to 0 when done.
    pub const NEXT_PN_CTRL_ENABLE_UPDATE: u32 = 1 << 0;
    /// Enable control of the advanced interrupt controller (EIP-201 `AIC_ENABLE_CTRL`).
    pub const AIC_CTRL: u16 = 0x3e02;
    /// Read: the inputs of the advanced interrupt controller that saw an edge and are enabled;
    /// write 1s to clear them (EIP-201 `AIC_ENABLED_STAT`; MESA `egr.h:5392-5394`).
    pub const AIC_ENABLED_STAT: u16 = 0x3e04;
    /// Write 1s to disable inputs of the advanced interrupt controller (`AIC_ENABLE_CLR`).
    pub const AIC_ENABLE_CLR: u16 = 0x3e05;
    /// The inputs of the egress engine's interrupt controller (it has four).
    pub const AIC_EGRESS_INPUTS: u32 = 0xf;
    /// Sticky error bits, the interrupt controller's output among them; write 1s to clear
    /// (`MACSEC_STICKY`, MESA `ingr.h:169`, cleared by writing back what was read, `api.c:1001`).
    pub const STICKY: u16 = 0x802;
    /// `STICKY` bit 3: the interrupt controller's output (the bit `STICKY_MASK_ENG_IRQ` opens).
    pub const STICKY_ENG_IRQ: u32 = 1 << 3;
    /// Which sticky error bits (`MACSEC_STICKY`, 0x802) raise the engine's interrupt.
    pub const STICKY_MASK: u16 = 0x803;
    /// `STICKY_MASK` bit 3: the interrupt controller's output reaches the PHY's interrupt
    /// (MESA's `ENG_IRQ_STICKY_MASK`).
    pub const STICKY_MASK_ENG_IRQ: u32 = 1 << 3;
    /// Engine configuration 2 (counter counts and options), read-only.
    pub const EIP160_CONFIG2: u16 = 0x3ffd;
    /// Engine configuration (number of SAs), read-only.
    pub const EIP160_CONFIG: u16 = 0x3ffe;
    /// Engine version (EIP number 160 = 0xa0 and its complement), read-only.
    pub const EIP160_VERSION: u16 = 0x3fff;
}

/// IEEE standard registers and VSC85xx main-page registers (page 0).
pub mod mii {
    /// Basic mode control.
    pub const BMCR: u8 = 0;
    /// `BMCR` bit 15: software reset, self-clearing.
    pub const BMCR_RESET: u16 = 1 << 15;
    /// `BMCR` bit 9: restart auto-negotiation, self-clearing.
    pub const BMCR_ANRESTART: u16 = 1 << 9;
    /// Basic mode status.
    pub const BMSR: u8 = 1;
    /// `BMSR` bit 2: link is up.
    pub const BMSR_LSTATUS: u16 = 1 << 2;
    /// `BMSR` bit 5: auto-negotiation complete.
    pub const BMSR_ANEGCOMPLETE: u16 = 1 << 5;
    /// PHY identifier bits 31:16.
    pub const PHYSID1: u8 = 2;
    /// PHY identifier bits 15:0.
    pub const PHYSID2: u8 = 3;
    /// Auto-negotiation advertisement.
    pub const ADVERTISE: u8 = 4;
    /// Link partner ability.
    pub const LPA: u8 = 5;
    /// 1000BASE-T control.
    pub const CTRL1000: u8 = 9;
    /// 1000BASE-T status.
    pub const STAT1000: u8 = 10;
    /// Extended status.
    pub const ESTATUS: u8 = 15;
    /// Bypass control (auto-MDIX, parallel detection).
    pub const BYPASS_CONTROL: u8 = 18;
    /// `BYPASS_CONTROL` bit 3: parallel detection ignores the advertised abilities.
    pub const PARALLEL_DET_IGNORE_ADVERTISED: u16 = 1 << 3;
    /// Extended control and status.
    pub const EXT_CNTL_STATUS: u8 = 22;
    /// `EXT_CNTL_STATUS` bit 0: writes to this PHY go to every PHY of the package.
    pub const SMI_BROADCAST_WR_EN: u16 = 1 << 0;
    /// Extended PHY control 1 (media and MAC interface selection).
    pub const EXT_PHY_CNTL_1: u8 = 23;
    /// `EXT_PHY_CNTL_1` bits 10:8: media operating mode, 0 for copper.
    pub const MEDIA_OP_MODE_MASK: u16 = 0x0700;
    /// `EXT_PHY_CNTL_1` bit 12: MAC interface, 0 for (Q)SGMII, 1 for 1000BASE-X.
    pub const MAC_IF_SELECTION_MASK: u16 = 1 << 12;
    /// Interrupt mask.
    pub const INT_MASK: u8 = 25;
    /// Interrupt status, cleared by reading it.
    pub const INT_STATUS: u8 = 26;
    /// `INT_MASK`/`INT_STATUS` bit 15: MDINT, the interrupt output.
    pub const INT_MDINT: u16 = 1 << 15;
    /// `INT_MASK`/`INT_STATUS` bit 13: link state change.
    pub const INT_LINK_CHG: u16 = 1 << 13;
    /// `INT_MASK`/`INT_STATUS` bit 5: extended interrupt (MACsec, see [`super::ext2`]).
    pub const INT_EXT: u16 = 1 << 5;
    /// Auxiliary control and status.
    pub const AUX_CNTL: u8 = 28;
    /// LED mode selection: four bits per LED, LED 0 in bits 3:0.
    pub const LED_MODE_SEL: u8 = 29;
}

/// Extended page 1 registers.
pub mod ext1 {
    /// ActiPHY control; bit 9 says whether package addresses are reversed.
    pub const ACTIPHY_CNTL: u8 = 20;
    /// `ACTIPHY_CNTL` bit 9: PHY 0 of the package sits at the highest MDIO address.
    pub const PHY_ADDR_REVERSED: u16 = 1 << 9;
    /// Extended PHY control 4; bits 15:11 hold the PHY's address within the package.
    pub const EXT_PHY_CNTL_4: u8 = 23;
    /// Shift of the package address field in `EXT_PHY_CNTL_4`.
    pub const PHY_CNTL_4_ADDR_SHIFT: u32 = 11;
    /// VeriPHY control 2: 8051 CRC start address in, CRC result out.
    pub const VERIPHY_CNTL_2: u8 = 25;
    /// VeriPHY control 3: 8051 CRC length in bytes.
    pub const VERIPHY_CNTL_3: u8 = 26;
}

/// Extended page 2 registers.
pub mod ext2 {
    /// Copper PMD transmit control (the pre-init tuning writes 0x028e to it).
    pub const CU_PMD_TX_CNTL: u8 = 16;
    /// Extended interrupt enables.
    pub const EXTENDED_INT: u8 = 28;
    /// `EXTENDED_INT` bit 9: route the egress MACsec interrupt to `INT_STATUS` EXT.
    pub const EXTENDED_INT_MS_EGR: u16 = 1 << 9;
}

/// Extended page 3 registers.
pub mod ext3 {
    /// SerDes transmit CRC error counter (the pre-init tuning writes 0x2000 to it).
    pub const SERDES_TX_CRC_ERR_CNT: u8 = 22;
}

/// Registers of the GPIO page, shared by the PHYs of a package: the 8051 micro-controller.
pub mod gpio {
    /// 8051 control and status.
    pub const DW8051_CNTL_STATUS: u8 = 0;
    /// `DW8051_CNTL_STATUS` bit 13: auto-increment `INT_MEM_ADDR` on each memory access.
    pub const AUTOINC_ADDR: u16 = 1 << 13;
    /// ROM address of patch trap `x` (1-4).
    pub const fn trap_rom_addr(x: u8) -> u8 {
        x.wrapping_mul(2).wrapping_add(1)
    }
    /// RAM address patch trap `x` (1-4) jumps to.
    pub const fn patch_ram_addr(x: u8) -> u8 {
        x.wrapping_add(1).wrapping_mul(2)
    }
    /// Address in the 8051 internal memory for `INT_MEM_CNTL` accesses.
    pub const INT_MEM_ADDR: u8 = 11;
    /// 8051 internal memory access: memory select, write enable, data byte.
    pub const INT_MEM_CNTL: u8 = 12;
    /// `INT_MEM_CNTL` bits 14:13: memory select.
    pub const INT_MEM_SEL_MASK: u16 = 0x6000;
    /// `INT_MEM_CNTL` memory select: patch RAM.
    pub const READ_PRAM: u16 = 0x4000;
    /// `INT_MEM_CNTL` bit 12: the access writes the data byte.
    pub const INT_MEM_WRITE_EN: u16 = 1 << 12;
    /// GPIO control 2 (COMA mode pin).
    pub const GPIO_CONTROL_2: u8 = 14;
    /// 8051 command register.
    pub const PROC_CMD: u8 = 18;
    /// `PROC_CMD` bit 15: written 1 to start a command, reads 1 while it runs.
    pub const PROC_CMD_NCOMPLETED: u16 = 1 << 15;
    /// `PROC_CMD` bit 14: the command failed.
    pub const PROC_CMD_FAILED: u16 = 1 << 14;
    /// `PROC_CMD` bits 3:0: the command code.
    pub const PROC_CMD_CODE_MASK: u16 = 0x000f;
    /// Command code: CRC-16 over 8051 memory (start in ext1 reg 25, length in reg 26).
    pub const PROC_CMD_CRC16: u16 = 0x0008;
    /// Command code: no operation.
    pub const PROC_CMD_NOP: u16 = 0x000f;
    /// MAC interface configuration and fast link failure.
    pub const MAC_CFG_FASTLINK: u8 = 19;
    /// Start of the 8051 firmware patch the C driver checks.
    pub const FW_START_ADDR: u16 = 0xe800;
    /// CRC the 8051 reports for a correctly patched VSC8584 rev B
    /// (`microchip/mscc_vsc8584_revb_int8051_fb48.bin`).
    pub const FW_CRC: u16 = 0xfb48;
}

/// Registers of the IEEE 1588 page: an indirect window onto the timestamping CSRs.
pub mod ptp {
    /// Block interface unit address and control.
    pub const BIU_ADDR_CNTL: u8 = 16;
    /// `BIU_ADDR_CNTL` bit 15: written 1 to start an access, reads 1 once done.
    pub const BIU_ADDR_EXE: u16 = 1 << 15;
    /// `BIU_ADDR_CNTL` bit 14: the access is a read.
    pub const BIU_ADDR_READ: u16 = 1 << 14;
    /// Shift of the block id (3 bits) in `BIU_ADDR_CNTL`.
    pub const BIU_BLK_ID_SHIFT: u32 = 11;
    /// CSR address bits of `BIU_ADDR_CNTL`.
    pub const BIU_CSR_ADDR_MASK: u16 = 0x07ff;
    /// Data bits 15:0.
    pub const CSR_DATA_LSB: u8 = 17;
    /// Data bits 31:16.
    pub const CSR_DATA_MSB: u8 = 18;
}

/// Registers of the macro control bank (target 0x07): the package's SerDes and PLLs.
pub mod macro_ctrl {
    /// LC-PLL configuration 2 (FSM disable).
    pub const PLL5G_CFG2: u16 = 0x08;
    /// LC-PLL macro configuration bus register.
    pub const MCB_LCPLL_CFG: u16 = 0x11;
    /// 6G SerDes input buffer status 0; bit 8 = calibration done.
    pub const S6G_IB_STATUS0: u16 = 0x2f;
    /// `S6G_IB_STATUS0` bit 8: input buffer calibration done.
    pub const IB_STATUS0_CAL_DONE: u32 = 1 << 8;
    /// 6G SerDes PLL status; bit 12 = calibration still running.
    pub const S6G_PLL_STATUS: u16 = 0x31;
    /// `S6G_PLL_STATUS` bit 12: PLL calibration not yet done.
    pub const PLL_STATUS_CAL_BUSY: u32 = 1 << 12;
    /// 6G SerDes macro configuration bus register.
    pub const MCB_S6G_CFG: u16 = 0x3f;
    /// MCB register bit 31: copy the CSRs to the macro; falls back to 0 when done.
    pub const MCB_WRITE: u32 = 1 << 31;
    /// MCB register bit 30: copy the macro to the CSRs; falls back to 0 when done.
    pub const MCB_READ: u32 = 1 << 30;
}
