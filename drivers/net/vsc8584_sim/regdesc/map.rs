// SPDX-License-Identifier: GPL-2.0

//! Every register of a MACsec engine bank the simulator describes: address,
//! reset value, the bits that are described and how a bus access behaves.
//!
//! The register model resets its storage from this map and checks every bus
//! write against it: a write to an address nothing here describes, to a
//! read-only register, or that sets bits no source describes, is reported as
//! misuse (`regs/misuse.rs`), so that a driver relying on behaviour the
//! documentation does not give is caught.

use super::{aic, classifier, crypto, ctl, ident, postproc, sam, stats, xform, Dir};

/// How a bus access to a register behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Read/write storage (the register's effect is in the model).
    Rw,
    /// Read-only: writes have no effect.
    Ro,
    /// Write-1 action: each 1 written acts once; reads return 0.
    Action,
    /// Sticky status: set by the hardware, a 1 written clears the bit.
    W1c,
    /// A statistics counter word (see [`super::stats`]).
    Counter,
    /// Read/write with a side effect the model implements (self-clearing
    /// command bits, status bits the hardware sets).
    Special,
}

/// One register, or a replicated set of them (each replica possibly a run
/// of several words alike, such as the words of a transform record).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reg {
    /// Name as the documentation gives it.
    pub name: &'static str,
    /// Address of the first replica.
    pub addr: u16,
    /// Consecutive words of one replica.
    pub words: u16,
    /// Number of replicas.
    pub count: u16,
    /// Distance between replicas, in words.
    pub stride: u16,
    /// The engines that have the register.
    pub dir: Dir,
    /// Value after power-on.
    pub reset: u32,
    /// Bits the documentation describes; the others are reserved.
    pub defined: u32,
    /// Behaviour of bus accesses.
    pub access: Access,
    /// Described bits whose effect the simulator does not implement: a
    /// write setting one is reported, since the driver then relies on
    /// behaviour the simulator cannot vouch for.
    pub unmodelled: u32,
}

impl Reg {
    /// A register that exists once.
    pub const fn one(
        name: &'static str,
        addr: u16,
        dir: Dir,
        reset: u32,
        defined: u32,
        access: Access,
    ) -> Self {
        Self {
            name,
            addr,
            words: 1,
            count: 1,
            stride: 1,
            dir,
            reset,
            defined,
            access,
            unmodelled: 0,
        }
    }

    /// Each replica is a run of `words` words alike.
    pub const fn words(self, words: u16) -> Self {
        Self { words, ..self }
    }

    /// The simulator stores the register but implements none of its effect.
    pub const fn unmodelled(self) -> Self {
        self.unmodelled_bits(u32::MAX)
    }

    /// The simulator does not implement what bits `bits` do.
    pub const fn unmodelled_bits(self, bits: u32) -> Self {
        Self {
            unmodelled: bits,
            ..self
        }
    }

    /// `count` replicas `stride` words apart.
    pub const fn many(self, count: u16, stride: u16) -> Self {
        Self {
            count,
            stride,
            ..self
        }
    }

    /// Whether `addr` is one of the replicas.
    pub const fn covers(&self, addr: u16) -> bool {
        if addr < self.addr {
            return false;
        }
        let off = addr - self.addr;
        if self.count <= 1 {
            return off < self.words;
        }
        let stride = if self.stride == 0 { 1 } else { self.stride };
        off % stride < self.words && off / stride < self.count
    }
}

/// The register lists of every area of a bank.
pub const AREAS: [&[Reg]; 14] = [
    xform::REGS,
    ctl::REGS,
    sam::REGS,
    classifier::REGS,
    &stats::INGRESS_SA_REGS,
    &stats::EGRESS_SA_REGS,
    &stats::VLAN_REGS,
    &stats::INGRESS_GLOBAL_REGS,
    &stats::EGRESS_GLOBAL_REGS,
    stats::REGS,
    postproc::REGS,
    crypto::REGS,
    aic::REGS,
    ident::REGS,
];

/// The description of register `addr` of the ingress (`ingress`) or egress
/// engine, if the simulator has one.
pub fn lookup(addr: u16, ingress: bool) -> Option<&'static Reg> {
    AREAS
        .iter()
        .flat_map(|area| area.iter())
        .find(|r| r.dir.applies(ingress) && r.covers(addr))
}

/// Reset value of register `addr` (0 for an address nothing describes).
/// Evaluated at compile time for the bank's power-on image.
pub const fn reset_value(addr: u16, ingress: bool) -> u32 {
    let mut a = 0;
    while a < AREAS.len() {
        let area = AREAS[a];
        let mut i = 0;
        while i < area.len() {
            let r = &area[i];
            if r.dir.applies(ingress) && r.covers(addr) {
                return r.reset;
            }
            i += 1;
        }
        a += 1;
    }
    0
}
