// SPDX-License-Identifier: GPL-2.0

//! Misuse of the hardware: accesses a driver should not make, which the
//! real part would take silently and act on in a way no documentation
//! promises. The register model records them here and debugfs (`misuse`)
//! lists them, so that a driver relying on undocumented behaviour is caught:
//! `make check` fails when a test leaves one behind.
//!
//! The log is bounded: it keeps the first [`ENTRIES`] distinct kinds and
//! addresses with their count, and counts everything.

use core::fmt::{self, Write};

/// What was done wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A write set bits no documentation describes for the register.
    ReservedBits,
    /// A write to an address where no register is described.
    Undescribed,
    /// A write to a read-only register.
    ReadOnly,
    /// A write setting bits whose effect the simulator does not model.
    Unmodelled,
    /// A transform record word written while its SAM entry is enabled: the
    /// engine may be using the record for a frame at that moment.
    RecordWhileEnabled,
    /// A `SAM_ENTRY_TOGGLE1` write that left two enabled egress MACsec flows
    /// whose match is identical (one SecY): the lower index carries all
    /// traffic, the other none.
    ToggleTwoTxFlows,
    /// A next-PN update that named no sequence number word.
    NextPnAddress,
    /// A transform record word written while `SAM_IN_FLIGHT.UNSAFE` is not 0:
    /// frames that may still use an SA whose entry was just disabled are in
    /// the pipeline (MESA `ingr.h:1176-1185`).
    RecordWhileInFlight,
}

impl Kind {
    /// Name in the debugfs listing.
    pub const fn name(self) -> &'static str {
        match self {
            Kind::ReservedBits => "reserved-bits",
            Kind::Undescribed => "undescribed-register",
            Kind::ReadOnly => "read-only",
            Kind::Unmodelled => "unmodelled",
            Kind::RecordWhileEnabled => "record-while-enabled",
            Kind::ToggleTwoTxFlows => "toggle-two-tx-flows",
            Kind::NextPnAddress => "next-pn-address",
            Kind::RecordWhileInFlight => "record-while-in-flight",
        }
    }
}

/// One kind of misuse at one address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// What.
    pub kind: Kind,
    /// Register address.
    pub addr: u16,
    /// The value written (the last one, for repeated misuse).
    pub value: u32,
    /// The offending bits, or what else identifies the misuse.
    pub detail: u32,
    /// How often.
    pub count: u32,
}

/// Distinct entries kept per engine.
pub const ENTRIES: usize = 8;

/// The misuse of one engine.
#[derive(Clone, Debug, Default)]
pub struct Log {
    entries: [Option<Entry>; ENTRIES],
    total: u32,
}

impl Log {
    /// An empty log.
    pub const fn new() -> Self {
        Self {
            entries: [None; ENTRIES],
            total: 0,
        }
    }

    /// Records misuse `kind` of register `addr` by writing `value`.
    pub fn record(&mut self, kind: Kind, addr: u16, value: u32, detail: u32) {
        self.total = self.total.saturating_add(1);
        for slot in self.entries.iter_mut() {
            match slot {
                Some(e) if e.kind == kind && e.addr == addr => {
                    e.count = e.count.saturating_add(1);
                    e.value = value;
                    e.detail = detail;
                    return;
                }
                Some(_) => {}
                None => {
                    *slot = Some(Entry {
                        kind,
                        addr,
                        value,
                        detail,
                        count: 1,
                    });
                    return;
                }
            }
        }
    }

    /// Misuse recorded since the last [`Log::clear`], kept or not.
    pub fn total(&self) -> u32 {
        self.total
    }

    /// The kept entries, oldest first.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().flatten()
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        *self = Self::new();
    }

    /// Writes one line per kept entry, each prefixed with `prefix`.
    pub fn show(&self, prefix: &str, w: &mut impl Write) -> fmt::Result {
        for e in self.entries() {
            writeln!(
                w,
                "{prefix} {} addr={:#06x} value={:#010x} detail={:#010x} count={}",
                e.kind.name(),
                e.addr,
                e.value,
                e.detail,
                e.count
            )?;
        }
        Ok(())
    }
}
