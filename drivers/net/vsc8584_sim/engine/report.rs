// SPDX-License-Identifier: GPL-2.0

//! Text views of an engine for debugfs: its register file and its counters.
//!
//! Both read the bank without side effects ([`MacsecBank::peek`]), so looking
//! at a counter in debugfs does not clear it the way a driver read does.

use core::fmt::{self, Write};

use crate::regdesc::sam;
use crate::regdesc::stats::{self, Counter};
use crate::regs::macsec_bank::{CounterSet, MacsecBank};
use crate::regs::phy::Phy;

/// Number of word addresses of a bank.
const BANK_WORDS: u16 = 0x4000;

/// Writes `addr value` for every non-zero word of `bank`, in address order.
pub fn dump_registers(bank: &MacsecBank, w: &mut impl Write) -> fmt::Result {
    for addr in 0..BANK_WORDS {
        let v = bank.peek(addr);
        if v != 0 {
            writeln!(w, "{addr:#06x} {v:#010x}")?;
        }
    }
    Ok(())
}

/// Writes `target address value` for every non-zero register of the PHY's
/// other banks behind the page-4 window (host/line MAC, FC buffer, 1588
/// processors, ...), then how many writes their store had to drop.
pub fn dump_csrs(phy: &Phy, w: &mut impl Write) -> fmt::Result {
    for (target, addr, v) in phy.csrs() {
        writeln!(w, "{target:#04x} {addr:#06x} {v:#010x}")?;
    }
    writeln!(w, "dropped writes: {}", phy.dropped_csr_writes())
}

/// Writes `name value` for every global counter, then `sa<i> name value`
/// for every non-zero per-SA counter of the 16 SAs, then `vlan<up> name
/// value` for every non-zero per-VLAN counter. The names are MESA's
/// (`crate::regdesc::stats`); a chained octet counter shows as one value.
pub fn dump_counters(bank: &MacsecBank, w: &mut impl Write) -> fmt::Result {
    let (global, per_sa): (&[Counter], &[Counter]) = if bank.is_ingress() {
        (&stats::ingress_global::ALL, &stats::ingress_sa::ALL)
    } else {
        (&stats::egress_global::ALL, &stats::egress_sa::ALL)
    };
    for c in global {
        writeln!(w, "{} {}", c.name, bank.counter(CounterSet::Global, c))?;
    }
    for sa in 0..sam::ENTRIES {
        for c in per_sa {
            let v = bank.counter(CounterSet::Sa(sa), c);
            if v != 0 {
                writeln!(w, "sa{sa} {} {v}", c.name)?;
            }
        }
    }
    for up in 0..stats::VLAN_SETS as u8 {
        for c in &stats::vlan::ALL {
            let v = bank.counter(CounterSet::Vlan(up), c);
            if v != 0 {
                writeln!(w, "vlan{up} {} {v}", c.name)?;
            }
        }
    }
    Ok(())
}

/// A [`Write`] into a byte buffer that fails once the buffer is full.
pub struct SliceWriter<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl<'a> SliceWriter<'a> {
    /// Writes into `buf` from its start.
    pub fn new(buf: &'a mut [u8]) -> Self {
        Self { buf, len: 0 }
    }

    /// Octets written so far.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether nothing was written yet.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl Write for SliceWriter<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        let dst = self.buf.get_mut(self.len..end).ok_or(fmt::Error)?;
        for (d, b) in dst.iter_mut().zip(s.bytes()) {
            *d = b;
        }
        self.len = end;
        Ok(())
    }
}
