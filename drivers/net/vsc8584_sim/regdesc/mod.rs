// SPDX-License-Identifier: GPL-2.0

//! The simulator's own description of the VSC8584 registers: what the
//! hardware has, written from Microchip's documentation, not from any driver.
//!
//! The simulator shares no code with the drivers it tests. If it decoded the
//! registers with a driver's encodings, a wrong field would be wrong on both
//! sides and every test would pass. Every register and field below therefore
//! cites where the fact comes from, as `file:line`:
//!
//! * Microchip MESA, `microchip-ung/mesa` at commit
//!   de9093a0ad61f218b5276a1e2ac48f25c09c83a8 (release 2025.12-1). MESA drives
//!   the EIP-160 MACsec engines of the VSC8584 ("Viper") and the 10G Malibu
//!   PHYs with the same code, and its Malibu register headers carry the
//!   datasheet text:
//!   - `ingr.h`: `mepa/vtss/src/phy_10g/chips/malibu/vtss_malibu_regs_macsec_ingr.h`
//!   - `egr.h`: `mepa/vtss/src/phy_10g/chips/malibu/vtss_malibu_regs_macsec_egr.h`
//!   - `api.c`: `mepa/vtss/src/macsec/vtss_macsec_api.c`
//!   - `common.c`: `mepa/vtss/src/common/vtss_phy_common.c`
//!
//!   The egress addresses of `egr.h` carry +0x8000: on the 10G part one target
//!   holds both engines and `common.c:666-668` takes 0x8000 off for the
//!   egress target. The VSC8584 has a target of its own per engine (0x38 and
//!   0x3c, `mscc_macsec.h:69-70`), so its egress registers sit at the same
//!   offsets as the ingress ones; the citations of `egr.h` below give the
//!   egress fact, the address without the 0x8000.
//! * Where MESA is silent, the Linux 6.12.117 C driver, `drivers/net/phy/mscc/`
//!   (`mscc.h`, `mscc_macsec.h`, `mscc_macsec.c`, `mscc_main.c`,
//!   `mscc_serdes.c`, `mscc_ptp.h`) and `include/uapi/linux/mii.h`.
//!
//! Facts carry over; the code is this simulator's. Where MESA is silent or
//! contradicts itself, the choice made is marked *choice* and listed in
//! `Documentation/simulator.rst` ("Choices where MESA is silent").
//!
//! Nothing here has behaviour: the register model (`regs/`) and the data path
//! (`engine/`) use these descriptions. [`map`] lists every register of a
//! MACsec engine bank with its reset value, its described bits and how it is
//! accessed, which is what the model checks bus writes against.

pub mod aic;
pub mod classifier;
pub mod crypto;
pub mod ctl;
pub mod ident;
pub mod macro_ctrl;
pub mod map;
pub mod mdio;
pub mod postproc;
pub mod sam;
pub mod stats;
pub mod xform;

/// A field of a register: `width` bits starting at bit `lsb`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// Lowest bit of the field.
    pub lsb: u32,
    /// Number of bits, 1 to 32.
    pub width: u32,
}

impl Field {
    /// A one-bit field.
    pub const fn bit(lsb: u32) -> Self {
        Self { lsb, width: 1 }
    }

    /// A field of `width` bits from bit `lsb`.
    pub const fn bits(lsb: u32, width: u32) -> Self {
        Self { lsb, width }
    }

    /// The bits of the field in the register.
    pub const fn mask(self) -> u32 {
        let ones = match 1u64.checked_shl(self.width) {
            Some(v) => v - 1,
            None => u64::MAX,
        };
        ((ones as u32) as u64).wrapping_shl(self.lsb) as u32
    }

    /// The value of the field in register value `word`.
    pub const fn get(self, word: u32) -> u32 {
        (word & self.mask()).wrapping_shr(self.lsb)
    }

    /// `value` placed in the field (bits beyond the field are dropped).
    pub const fn put(self, value: u32) -> u32 {
        value.wrapping_shl(self.lsb) & self.mask()
    }

    /// Whether any bit of the field is set in `word` (for one-bit fields:
    /// whether the bit is set).
    pub const fn is_set(self, word: u32) -> bool {
        word & self.mask() != 0
    }
}

/// Which engine of a PHY a register or fact belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    /// Both engines.
    Both,
    /// The ingress engine (line to host, target 0x38).
    Ingress,
    /// The egress engine (host to line, target 0x3c).
    Egress,
}

impl Dir {
    /// Whether the fact applies to the engine `ingress` says.
    pub const fn applies(self, ingress: bool) -> bool {
        match self {
            Dir::Both => true,
            Dir::Ingress => ingress,
            Dir::Egress => !ingress,
        }
    }
}
