// SPDX-License-Identifier: GPL-2.0

//! Text views of an engine for debugfs: its register file and its counters.
//!
//! Both read the bank without side effects ([`MacsecBank::peek`]), so looking
//! at a counter in debugfs does not clear it the way a driver read does.

use core::fmt::{self, Write};

use crate::hw::eip160::stats;
use crate::hw::regs::macsec;
use crate::regs::macsec_bank::MacsecBank;
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

/// Names and offsets of the per-SA counters of an ingress engine.
const INGRESS_SA: [(&str, u16); 10] = [
    ("InOctetsDecrypted", stats::IN_OCTETS_DECRYPTED),
    ("InOctetsValidated", stats::IN_OCTETS_VALIDATED),
    ("InPktsUnchecked", stats::IN_PKTS_UNCHECKED),
    ("InPktsDelayed", stats::IN_PKTS_DELAYED),
    ("InPktsLate", stats::IN_PKTS_LATE),
    ("InPktsOK", stats::IN_PKTS_OK),
    ("InPktsInvalid", stats::IN_PKTS_INVALID),
    ("InPktsNotValid", stats::IN_PKTS_NOT_VALID),
    ("InPktsNotUsingSA", stats::IN_PKTS_NOT_USING_SA),
    ("InPktsUnusedSA", stats::IN_PKTS_UNUSED_SA),
];

/// Names and offsets of the per-SA counters of an egress engine.
const EGRESS_SA: [(&str, u16); 6] = [
    ("OutOctetsEncrypted", stats::OUT_OCTETS_ENCRYPTED),
    ("OutOctetsProtected", stats::OUT_OCTETS_PROTECTED),
    ("OutPktsEncrypted", stats::OUT_PKTS_ENCRYPTED),
    ("OutPktsProtected", stats::OUT_PKTS_PROTECTED),
    ("OutPktsTooLong", stats::OUT_PKTS_TOO_LONG),
    ("OutPktsPnExhausted", stats::OUT_PKTS_PN_EXHAUSTED),
];

/// Names and offsets of the global counters.
const GLOBAL: [(&str, u16); 8] = [
    ("TransformError", stats::TRANSFORM_ERROR),
    ("NonMatchPass", stats::NON_MATCH_PASS),
    ("NonMatchDrop", stats::NON_MATCH_DROP),
    ("Bypass", stats::BYPASS),
    ("Drop", stats::DROP),
    ("InPktsBadTag", stats::IN_PKTS_BAD_TAG),
    ("Oversize", stats::OVERSIZE),
    ("OutPktsUntagged", stats::OUT_PKTS_UNTAGGED),
];

/// The 40-bit counter whose low word is at `addr`.
fn counter(bank: &MacsecBank, addr: u16) -> u64 {
    let hi = u64::from(bank.peek(addr.wrapping_add(1)) & 0xff);
    (hi << 32) | u64::from(bank.peek(addr))
}

/// Writes `name value` for the global counters, then `sa<i> name value` for
/// every non-zero per-SA counter of the 16 SAs.
pub fn dump_counters(bank: &MacsecBank, w: &mut impl Write) -> fmt::Result {
    for (name, off) in GLOBAL {
        writeln!(w, "{name} {}", counter(bank, macsec::GLOBAL_STATS + off))?;
    }
    let per_sa: &[(&str, u16)] = if bank.is_ingress() {
        &INGRESS_SA
    } else {
        &EGRESS_SA
    };
    for sa in 0..macsec::NUM_SAM_ENTRIES {
        let base = macsec::SA_STATS + sa * macsec::SA_STATS_STRIDE;
        for &(name, off) in per_sa {
            let v = counter(bank, base + off);
            if v != 0 {
                writeln!(w, "sa{sa} {name} {v}")?;
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
