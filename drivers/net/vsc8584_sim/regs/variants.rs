// SPDX-License-Identifier: GPL-2.0

//! Behaviours the documentation leaves open, selectable at run time.
//!
//! Where MESA is silent or contradicts itself and a driver could come to
//! depend on the answer, the simulator makes the answer a variant: the
//! default is the choice `Documentation/simulator.rst` argues for, the other
//! is there so that a test can prove a driver works either way. debugfs
//! (`variants`) lists and sets them as `name=value`.

/// How software clears status bits of `INTR_CTRL_STATUS`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum IntrClear {
    /// A status bit written 0 clears, written 1 stays: MESA reads the
    /// register and writes it back with the handled bits cleared
    /// (`api.c:5517-5533`).
    WriteZero = 0,
    /// A status bit written 1 clears, as the field name INTR_CLR_STATUS
    /// suggests (`egr.h:6372`).
    WriteOne = 1,
}

/// What `MACSEC_STICKY_MASK` holds after power-on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum StickyMaskReset {
    /// ENG_IRQ enabled (0x8): the C driver's roll-over interrupt works
    /// without writing the mask, as it must have on silicon.
    Open = 0,
    /// 0: a driver must enable ENG_IRQ itself, as MESA does
    /// (`api.c:5439-5441`).
    Closed = 1,
}

/// Whether the SCI and TCI/AN compares of a SAM entry apply to frames
/// without a valid SecTAG.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum SamUntaggedSci {
    /// They are skipped: the compares are "only for an actual MACsec
    /// packet" (`ingr.h:982-998`), so an entry that allows the untagged
    /// class matches untagged frames whatever its SCI and AN.
    Skip = 0,
    /// An entry comparing SCI or TCI/AN never matches such a frame.
    NoMatch = 1,
}

/// Whether a next-PN update must name the context the record holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum NextPnContextId {
    /// `NEXT_PN_CONTEXT_ID` is not compared: MESA writes the record index
    /// there (`api.c:4890`) although its ingress records alternate between
    /// two context ids (`api.c:336-351`).
    Ignore = 0,
    /// The update only happens when `NEXT_PN_CONTEXT_ID` equals word 1 of
    /// the record.
    Match = 1,
}

/// The variants in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Variants {
    /// See [`IntrClear`].
    pub intr_clear: IntrClear,
    /// See [`StickyMaskReset`].
    pub sticky_mask_reset: StickyMaskReset,
    /// Input of the AIC that the crypto engine's interrupt drives (0-3):
    /// no source says which; MESA and the C driver enable all four
    /// (`api.c:5434-5436`, `mscc_macsec.c:1008`).
    pub aic_input: u8,
    /// See [`SamUntaggedSci`].
    pub sam_untagged_sci: SamUntaggedSci,
    /// See [`NextPnContextId`].
    pub next_pn_context_id: NextPnContextId,
}

impl Default for Variants {
    fn default() -> Self {
        Self::new()
    }
}

/// Why a variant setting was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadVariant;

impl Variants {
    /// The defaults.
    pub const fn new() -> Self {
        Self {
            intr_clear: IntrClear::WriteZero,
            sticky_mask_reset: StickyMaskReset::Open,
            aic_input: 0,
            sam_untagged_sci: SamUntaggedSci::Skip,
            next_pn_context_id: NextPnContextId::Ignore,
        }
    }

    /// Applies one `name=value` setting (surrounding white space ignored).
    pub fn set(&mut self, setting: &str) -> Result<(), BadVariant> {
        let (name, value) = setting.trim().split_once('=').ok_or(BadVariant)?;
        match (name.trim(), value.trim()) {
            ("intr_clear", "w0c") => self.intr_clear = IntrClear::WriteZero,
            ("intr_clear", "w1c") => self.intr_clear = IntrClear::WriteOne,
            ("sticky_mask_reset", "open") => self.sticky_mask_reset = StickyMaskReset::Open,
            ("sticky_mask_reset", "closed") => self.sticky_mask_reset = StickyMaskReset::Closed,
            ("aic_input", "0") => self.aic_input = 0,
            ("aic_input", "1") => self.aic_input = 1,
            ("aic_input", "2") => self.aic_input = 2,
            ("aic_input", "3") => self.aic_input = 3,
            ("sam_untagged_sci", "skip") => self.sam_untagged_sci = SamUntaggedSci::Skip,
            ("sam_untagged_sci", "nomatch") => self.sam_untagged_sci = SamUntaggedSci::NoMatch,
            ("next_pn_context_id", "ignore") => self.next_pn_context_id = NextPnContextId::Ignore,
            ("next_pn_context_id", "match") => self.next_pn_context_id = NextPnContextId::Match,
            _ => return Err(BadVariant),
        }
        Ok(())
    }

    /// Writes `name=value (choices)` for every variant, one a line.
    pub fn show(&self, w: &mut impl core::fmt::Write) -> core::fmt::Result {
        let intr = match self.intr_clear {
            IntrClear::WriteZero => "w0c",
            IntrClear::WriteOne => "w1c",
        };
        let sticky = match self.sticky_mask_reset {
            StickyMaskReset::Open => "open",
            StickyMaskReset::Closed => "closed",
        };
        let sam = match self.sam_untagged_sci {
            SamUntaggedSci::Skip => "skip",
            SamUntaggedSci::NoMatch => "nomatch",
        };
        let next_pn = match self.next_pn_context_id {
            NextPnContextId::Ignore => "ignore",
            NextPnContextId::Match => "match",
        };
        writeln!(w, "intr_clear={intr} (w0c|w1c)")?;
        writeln!(w, "sticky_mask_reset={sticky} (open|closed)")?;
        writeln!(w, "aic_input={} (0|1|2|3)", self.aic_input)?;
        writeln!(w, "sam_untagged_sci={sam} (skip|nomatch)")?;
        writeln!(w, "next_pn_context_id={next_pn} (ignore|match)")
    }

    /// `MACSEC_STICKY_MASK` after power-on.
    pub const fn sticky_mask_reset_value(&self) -> u32 {
        match self.sticky_mask_reset {
            StickyMaskReset::Open => crate::regdesc::ctl::STICKY_MASK_RESET_OPEN,
            StickyMaskReset::Closed => 0,
        }
    }
}
