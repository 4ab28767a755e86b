// SPDX-License-Identifier: GPL-2.0

//! The shadow of what the driver programmed, and the one routine that changes the hardware.
//!
//! An operation never writes registers directly. It computes the registers it wants (a
//! [`Target`], rendered from the new state by [`super::render`]) and [`apply`] brings the engine
//! there from what the [`Shadow`] says it holds, writing only the words that differ, in an order
//! that keeps the engine safe at every step:
//!
//! 1. the *fence*: when a guard entry that drops frames (a SecY's own frames on egress, plain
//!    frames to a strict SecY on ingress) must be disabled to rewrite it, the non-match action for
//!    untagged frames drops first, so that no frame of that SecY leaves or enters in clear while
//!    its entries are rewritten (only an address change or a restore does this);
//! 2. entries that go away or whose match or record changes are disabled (`SAM_ENTRY_CLEAR1`,
//!    one write), and the engine is asked whether frames are still in flight on them before their
//!    records are touched: a record is never written while its entry is enabled;
//! 3. the words that differ: flow control words (one write each, atomic, also on enabled entries:
//!    an `encrypt` change is hitless), match words and records, the engine-wide words;
//! 4. entries that come are enabled (`SAM_ENTRY_SET1`, one write); when no entry had to be
//!    disabled for a rewrite, every enable change of the operation is one `SAM_ENTRY_TOGGLE1`
//!    write instead, so that switching the encoding SA takes one atomic write;
//! 5. the fence is lifted.
//!
//! The shadow knows, word by word, whether it knows the hardware: a write that failed may or may
//! not have reached it, so its word becomes unknown, and the next apply writes it whatever it
//! holds. After an engine reset everything is unknown and an apply programs everything. Every
//! word an apply writes is marked *touched*, so that a failed operation is undone by applying the
//! shadow as it was before, restricted to the touched words ([`rollback_target`]).
//!
//! Sequence numbers are the engine's: it moves them with every frame. A target cares about them
//! only when a record is new (its flow got a new owner: the record's *epoch* changed) or when the
//! operation sets a PN below the engine's; before overwriting a live sequence number, [`apply`]
//! reads it, so that a rollback restores the value the engine had, not a stale one.

use super::record::MAX_WORDS;
use super::sam::WORDS as SAM_WORDS;
use super::state::{bit, Dir, FLOWS};
use super::types::Cipher;
use crate::hw::eip160::{cp, in_flight, nm, sam};
use crate::hw::regs::{macsec as ms, Bank};
use crate::logic::error::{Error, Result};
use crate::logic::window::Bus;

/// Engine-wide registers the driver keeps in the image, in the order they are written.
pub const GLOBALS: usize = 14;
/// Index of `SAM_NM_FLOW_NCP` in the globals (written last, it carries the fence).
pub const G_NM_NCP: usize = 13;
/// Index of `SAM_NM_FLOW_CP`.
pub const G_NM_CP: usize = 0;
/// Index of `SAM_NM_PARAMS`.
pub const G_NM_PARAMS: usize = 1;
/// Index of `MISC_CONTROL`.
pub const G_MISC_CONTROL: usize = 2;
/// Index of the first control packet EtherType rule.
pub const G_CP_RULE0: usize = 3;
/// Index of `CP_MATCH_MODE` (after the rules).
pub const G_CP_MODE: usize = 11;
/// Index of `CP_MATCH_ENABLE` (after the rules and the mode).
pub const G_CP_ENABLE: usize = 12;

/// The address of global `g`.
pub const fn global_addr(g: usize) -> u16 {
    match g {
        G_NM_CP => nm::FLOW_CP,
        G_NM_PARAMS => nm::PARAMS,
        G_MISC_CONTROL => nm::MISC_CONTROL,
        G_CP_MODE => cp::MATCH_MODE,
        G_CP_ENABLE => cp::MATCH_ENABLE,
        G_NM_NCP => nm::FLOW_NCP,
        _ => cp::mac_da_et_match((g - G_CP_RULE0) as u16),
    }
}

/// The registers of one flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FlowRegs {
    /// SAM entry words `MAC_SA_LO` to `EXT`.
    pub sam: [u32; SAM_WORDS],
    /// `SAM_FLOW_CTRL`.
    pub ctrl: u32,
    /// Transform record words.
    pub rec: [u32; MAX_WORDS],
    /// Which record this is (not a register): see [`super::state::State::epoch`].
    pub epoch: u32,
}

impl FlowRegs {
    /// All zero.
    pub const ZERO: Self = Self {
        sam: [0; SAM_WORDS],
        ctrl: 0,
        rec: [0; MAX_WORDS],
        epoch: 0,
    };
}

/// The registers of one engine that the driver manages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Image {
    /// The flows.
    pub flows: [FlowRegs; FLOWS],
    /// `SAM_ENTRY_ENABLE1`.
    pub enabled: u16,
    /// The engine-wide words ([`global_addr`]).
    pub globals: [u32; GLOBALS],
}

impl Image {
    /// All zero.
    pub const ZERO: Self = Self {
        flows: [FlowRegs::ZERO; FLOWS],
        enabled: 0,
        globals: [0; GLOBALS],
    };
}

/// Which words of a flow count: known (shadow), cared for (target) or touched (apply).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FlowMarks {
    /// SAM words, bit `w` for word `w`.
    pub sam: u16,
    /// The flow control word.
    pub ctrl: bool,
    /// Record words, bit `w` for word `w`.
    pub rec: u32,
    /// The record's epoch.
    pub epoch: bool,
}

impl FlowMarks {
    /// Nothing.
    pub const NONE: Self = Self {
        sam: 0,
        ctrl: false,
        rec: 0,
        epoch: false,
    };

    /// Whether nothing is marked.
    pub const fn is_empty(&self) -> bool {
        self.sam == 0 && !self.ctrl && self.rec == 0 && !self.epoch
    }
}

/// Marks over an engine's image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marks {
    /// The flows.
    pub flows: [FlowMarks; FLOWS],
    /// The bits of `SAM_ENTRY_ENABLE1`.
    pub enabled: u16,
    /// The globals, bit `g` for global `g`.
    pub globals: u16,
}

impl Marks {
    /// Nothing marked.
    pub const NONE: Self = Self {
        flows: [FlowMarks::NONE; FLOWS],
        enabled: 0,
        globals: 0,
    };

    /// Whether nothing is marked.
    pub fn is_empty(&self) -> bool {
        self.enabled == 0 && self.globals == 0 && self.flows.iter().all(FlowMarks::is_empty)
    }
}

/// What the driver believes one engine holds.
#[derive(Clone, Copy, Debug)]
pub struct Shadow {
    /// The values.
    pub image: Image,
    /// Which of them are known to be in the hardware.
    pub known: Marks,
}

impl Shadow {
    /// Nothing known (after an engine reset, before anything was written).
    pub const UNKNOWN: Self = Self {
        image: Image::ZERO,
        known: Marks::NONE,
    };

    /// Whether the shadow knows every word `care` marks and they equal `target`'s.
    pub fn matches(&self, target: &Image, care: &Marks) -> bool {
        for (i, (t, c)) in target.flows.iter().zip(care.flows.iter()).enumerate() {
            let (Some(s), Some(k)) = (self.image.flows.get(i), self.known.flows.get(i)) else {
                return false;
            };
            for w in 0..SAM_WORDS {
                if c.sam & (1 << w) != 0 && (k.sam & (1 << w) == 0 || s.sam.get(w) != t.sam.get(w))
                {
                    return false;
                }
            }
            if c.ctrl && (!k.ctrl || s.ctrl != t.ctrl) {
                return false;
            }
            for w in 0..MAX_WORDS {
                if c.rec & (1 << w) != 0 && (k.rec & (1 << w) == 0 || s.rec.get(w) != t.rec.get(w))
                {
                    return false;
                }
            }
        }
        let en = care.enabled;
        if self.known.enabled & en != en || (self.image.enabled ^ target.enabled) & en != 0 {
            return false;
        }
        for g in 0..GLOBALS {
            if care.globals & (1 << g) != 0
                && (self.known.globals & (1 << g) == 0
                    || self.image.globals.get(g) != target.globals.get(g))
            {
                return false;
            }
        }
        true
    }
}

/// Where an engine should be.
#[derive(Clone, Copy, Debug)]
pub struct Target {
    /// The values.
    pub image: Image,
    /// Which values count. For records: the words to keep up to date on an existing record
    /// (sequence numbers only when forced).
    pub care: Marks,
    /// Per flow, the record words to write when the record is new (its epoch differs).
    pub rec_new: [u32; FLOWS],
    /// Per flow, the sequence number words of its record.
    pub seq: [u32; FLOWS],
    /// Flows whose entries drop a SecY's frames: disabling them for a rewrite needs the fence.
    pub guarded: u16,
    /// `SAM_NM_FLOW_NCP` while the fence is up.
    pub fence: u32,
    /// Flows whose record epoch the shadow must not claim to know after the apply (a rollback
    /// of a record whose epoch was not known before).
    pub forget_epoch: u16,
}

impl Target {
    /// Cares for nothing.
    pub const EMPTY: Self = Self {
        image: Image::ZERO,
        care: Marks::NONE,
        rec_new: [0; FLOWS],
        seq: [0; FLOWS],
        guarded: 0,
        fence: 0,
        forget_epoch: 0,
    };
}

/// The bank of a direction.
pub const fn bank(dir: Dir) -> Bank {
    match dir {
        Dir::Ingress => Bank::MacsecIngress,
        Dir::Egress => Bank::MacsecEgress,
    }
}

/// One register word the shadow keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Word {
    /// SAM word `w` of entry `i`.
    Sam(usize, usize),
    /// The flow control word of flow `i`.
    Ctrl(usize),
    /// Record word `w` of flow `i`.
    Rec(usize, usize),
    /// Global `g`.
    Global(usize),
}

impl Word {
    fn addr(self) -> u16 {
        match self {
            Word::Sam(i, w) => sam::entry(i as u16) + w as u16,
            Word::Ctrl(i) => ms::sam_flow_ctrl(i as u16),
            Word::Rec(i, w) => ms::xform_rec(i as u16, w as u16),
            Word::Global(g) => global_addr(g),
        }
    }

    fn value(self, img: &Image) -> Option<u32> {
        match self {
            Word::Sam(i, w) => img.flows.get(i)?.sam.get(w).copied(),
            Word::Ctrl(i) => Some(img.flows.get(i)?.ctrl),
            Word::Rec(i, w) => img.flows.get(i)?.rec.get(w).copied(),
            Word::Global(g) => img.globals.get(g).copied(),
        }
    }

    fn set_value(self, img: &mut Image, v: u32) {
        let slot = match self {
            Word::Sam(i, w) => img.flows.get_mut(i).and_then(|f| f.sam.get_mut(w)),
            Word::Ctrl(i) => img.flows.get_mut(i).map(|f| &mut f.ctrl),
            Word::Rec(i, w) => img.flows.get_mut(i).and_then(|f| f.rec.get_mut(w)),
            Word::Global(g) => img.globals.get_mut(g),
        };
        if let Some(x) = slot {
            *x = v;
        }
    }

    fn marked(self, m: &Marks) -> bool {
        match self {
            Word::Sam(i, w) => m.flows.get(i).is_some_and(|f| f.sam & (1 << w) != 0),
            Word::Ctrl(i) => m.flows.get(i).is_some_and(|f| f.ctrl),
            Word::Rec(i, w) => m.flows.get(i).is_some_and(|f| f.rec & (1 << w) != 0),
            Word::Global(g) => m.globals & (1 << g) != 0,
        }
    }

    fn mark(self, m: &mut Marks, on: bool) {
        match self {
            Word::Sam(i, w) => {
                if let Some(f) = m.flows.get_mut(i) {
                    f.sam = if on {
                        f.sam | (1 << w)
                    } else {
                        f.sam & !(1 << w)
                    };
                }
            }
            Word::Ctrl(i) => {
                if let Some(f) = m.flows.get_mut(i) {
                    f.ctrl = on;
                }
            }
            Word::Rec(i, w) => {
                if let Some(f) = m.flows.get_mut(i) {
                    f.rec = if on {
                        f.rec | (1 << w)
                    } else {
                        f.rec & !(1 << w)
                    };
                }
            }
            Word::Global(g) => {
                m.globals = if on {
                    m.globals | (1 << g)
                } else {
                    m.globals & !(1 << g)
                };
            }
        }
    }
}

/// Polls of `SAM_IN_FLIGHT` before giving up.
const IN_FLIGHT_POLLS: u32 = 64;

/// One engine under change: its shadow, the marks of what this operation wrote, and the shadow
/// as it was before the operation.
///
/// With `learn` set (every operation but `init`, which has nothing to go back to), a word the
/// shadow does not know is read before it is first written, into the shadow and into `before`:
/// a rollback can then put back exactly what the engine held, and a word that already holds what
/// the target wants is not written at all. Sequence numbers, which the engine moves, are always
/// read before they are written.
///
/// Except in a *dead* flow: one that belonged to nothing when the operation began, its entry
/// known disabled. Its match words, flow control word and record do nothing (no frame reaches
/// them, and no SA will take them over as they are), so reading them would only cost MDIO
/// frames: they are written without being read (a sequence number always, whatever the shadow
/// says: the engine moved it while the entry was on), and `before` takes them as zero, so that a
/// rollback clears what the operation wrote there (keys included) instead of restoring values
/// nobody uses. This is what makes the first use of a flow after `init` cost its writes only.
/// A disabled flow that belongs to an SA is not dead: its record is the SA's, kept for the
/// switch that enables the entry, and a rollback must put back its very words and PN.
pub struct Change<'a> {
    /// The direction.
    pub dir: Dir,
    /// The shadow.
    pub shadow: &'a mut Shadow,
    /// What this operation wrote.
    pub touched: &'a mut Marks,
    /// The shadow before the operation.
    pub before: &'a mut Shadow,
    /// Read unknown words before writing them.
    pub learn: bool,
    /// The flows that belonged to nothing when the operation began.
    pub unowned: u16,
}

/// The flow a word belongs to, `None` for an engine-wide word.
fn flow_of(word: Word) -> Option<usize> {
    match word {
        Word::Sam(i, _) | Word::Ctrl(i) | Word::Rec(i, _) => Some(i),
        Word::Global(_) => None,
    }
}

impl Change<'_> {
    /// Learns `word` from the engine if it is unknown (or the engine's own) and this operation
    /// has not touched it yet.
    fn learn<B: Bus>(&mut self, bus: &mut B, word: Word, engines: bool) -> Result {
        if !self.learn || word.marked(self.touched) {
            return Ok(());
        }
        if word.marked(&self.shadow.known) && !engines {
            return Ok(());
        }
        if self.dead(word) {
            if engines {
                // The engine moved it while the entry was on: what the shadow says is only what
                // was last written, so it is written whatever the shadow says.
                word.mark(&mut self.shadow.known, false);
            }
            if engines || !word.marked(&self.before.known) {
                word.set_value(&mut self.before.image, 0);
                word.mark(&mut self.before.known, true);
            }
            return Ok(());
        }
        let v = bus.read32(bank(self.dir), word.addr())?;
        for sh in [&mut *self.shadow, &mut *self.before] {
            word.set_value(&mut sh.image, v);
            word.mark(&mut sh.known, true);
        }
        Ok(())
    }

    /// Whether `word` belongs to a flow that had no owner and whose entry was known disabled
    /// before the operation.
    fn dead(&self, word: Word) -> bool {
        let off = self.before.known.enabled & !self.before.image.enabled & self.unowned;
        flow_of(word).is_some_and(|i| off & bit(i) != 0)
    }

    /// Makes `word` hold `val`: learns it if needed, and writes it unless the shadow knows it
    /// holds `val` already. With `engines` (a sequence number) the shadow does not know the word
    /// afterwards: the engine moves it with every frame and with a PN raise, so the value the
    /// shadow last saw must not pass for the word's when a later record of the flow puts
    /// something else there.
    fn put<B: Bus>(&mut self, bus: &mut B, word: Word, val: u32, engines: bool) -> Result {
        self.learn(bus, word, engines)?;
        self.write_learned(bus, word, val, engines)
    }

    /// [`Change::put`] for a word already learned in this operation.
    fn write_learned<B: Bus>(
        &mut self,
        bus: &mut B,
        word: Word,
        val: u32,
        engines: bool,
    ) -> Result {
        let holds = word.marked(&self.shadow.known)
            && word.value(&self.shadow.image) == Some(val)
            && (!engines || self.learn);
        if !holds {
            word.mark(self.touched, true);
            word.mark(&mut self.shadow.known, false);
            bus.write32(bank(self.dir), word.addr(), val)?;
            word.set_value(&mut self.shadow.image, val);
        }
        word.mark(&mut self.shadow.known, !engines);
        Ok(())
    }

    /// Writes one of `SAM_ENTRY_SET1/CLEAR1/TOGGLE1` with `bits`.
    fn write_enables<B: Bus>(&mut self, bus: &mut B, reg: u16, bits: u16) -> Result {
        let known = self.shadow.known.enabled;
        self.touched.enabled |= bits;
        self.shadow.known.enabled &= !bits;
        bus.write32(bank(self.dir), reg, u32::from(bits))?;
        let img = &mut self.shadow.image.enabled;
        match reg {
            ms::SAM_ENTRY_SET1 => {
                *img |= bits;
                self.shadow.known.enabled = known | bits;
            }
            ms::SAM_ENTRY_CLEAR1 => {
                *img &= !bits;
                self.shadow.known.enabled = known | bits;
            }
            _ => {
                // A toggle is only used with every bit known.
                *img ^= bits;
                self.shadow.known.enabled = known;
            }
        }
        Ok(())
    }

    /// Learns the entry enables if the shadow does not know them all.
    fn learn_enables<B: Bus>(&mut self, bus: &mut B) -> Result {
        if !self.learn || self.shadow.known.enabled == u16::MAX || self.touched.enabled != 0 {
            return Ok(());
        }
        let v = bus.read32(bank(self.dir), ms::SAM_ENTRY_ENABLE1)? as u16;
        for sh in [&mut *self.shadow, &mut *self.before] {
            sh.image.enabled = v;
            sh.known.enabled = u16::MAX;
        }
        Ok(())
    }

    /// Waits until no frame is in flight on entries just disabled.
    fn wait_in_flight<B: Bus>(&mut self, bus: &mut B) -> Result {
        for _ in 0..IN_FLIGHT_POLLS {
            let v = bus.read32(bank(self.dir), ms::SAM_IN_FLIGHT)?;
            if v & in_flight::UNSAFE_MASK == 0 {
                return Ok(());
            }
        }
        Err(Error::Timeout)
    }
}

/// Whether word `w` of a marked set differs between `have` (known where `known`) and `want`.
fn differs(bit: u32, known: u32, have: u32, want: u32) -> bool {
    known & bit == 0 || have != want
}

/// The record words flow `i` must write to reach `t`.
fn rec_writes(change: &Change<'_>, t: &Target, i: usize) -> (u32, bool) {
    let (Some(tf), Some(care), Some(sf), Some(k)) = (
        t.image.flows.get(i),
        t.care.flows.get(i),
        change.shadow.image.flows.get(i),
        change.shadow.known.flows.get(i),
    ) else {
        return (0, false);
    };
    if !care.epoch {
        return (0, false);
    }
    let new = !k.epoch || sf.epoch != tf.epoch;
    let cared = if new {
        t.rec_new.get(i).copied().unwrap_or(0)
    } else {
        care.rec
    };
    // Sequence numbers are the engine's: what the shadow says of them is only what was last
    // written, so a sequence number the target cares for is always written.
    let mut m = cared & t.seq.get(i).copied().unwrap_or(0);
    for w in 0..MAX_WORDS {
        let bit = 1u32 << w;
        if cared & bit != 0
            && differs(
                bit,
                k.rec,
                sf.rec.get(w).copied().unwrap_or(0),
                tf.rec.get(w).copied().unwrap_or(0),
            )
        {
            m |= bit;
        }
    }
    (m, new)
}

/// The SAM words flow `i` must write to reach `t`.
fn sam_writes(change: &Change<'_>, t: &Target, i: usize) -> u16 {
    let (Some(tf), Some(care), Some(sf), Some(k)) = (
        t.image.flows.get(i),
        t.care.flows.get(i),
        change.shadow.image.flows.get(i),
        change.shadow.known.flows.get(i),
    ) else {
        return 0;
    };
    let mut m = 0u16;
    for w in 0..SAM_WORDS {
        let bit = 1u16 << w;
        if care.sam & bit != 0
            && differs(
                u32::from(bit),
                u32::from(k.sam),
                sf.sam.get(w).copied().unwrap_or(0),
                tf.sam.get(w).copied().unwrap_or(0),
            )
        {
            m |= bit;
        }
    }
    m
}

/// Brings one engine from its shadow to `t`, in the order the module documentation gives.
/// On error the shadow says what is known of the hardware and `touched` what may have changed.
pub fn apply<B: Bus>(bus: &mut B, change: &mut Change<'_>, t: &Target) -> Result {
    change.learn_enables(bus)?;
    let mut sam_w = [0u16; FLOWS];
    let mut rec_w = [0u32; FLOWS];
    let mut new_rec = 0u16;
    let mut rewrite = 0u16;
    for i in 0..FLOWS {
        let s = sam_writes(change, t, i);
        let (r, new) = rec_writes(change, t, i);
        if let (Some(a), Some(b)) = (sam_w.get_mut(i), rec_w.get_mut(i)) {
            *a = s;
            *b = r;
        }
        if new {
            new_rec |= 1 << i;
        }
        if s != 0 || r != 0 {
            rewrite |= 1 << i;
        }
    }
    let want = t.image.enabled;
    let en_known = change.shadow.known.enabled;
    let maybe_on = (change.shadow.image.enabled & en_known) | !en_known;

    // 1. The fence.
    let fence = rewrite & t.guarded & maybe_on != 0;
    if fence {
        change.put(bus, Word::Global(G_NM_NCP), t.fence, false)?;
    }

    // 2. Disable.
    let toggle = rewrite == 0 && en_known == u16::MAX;
    if !toggle {
        let off = maybe_on & (!want | rewrite);
        if off != 0 {
            change.write_enables(bus, ms::SAM_ENTRY_CLEAR1, off)?;
            if off & rewrite != 0 {
                change.wait_in_flight(bus)?;
            }
        }
    }

    // 3. Words.
    for i in 0..FLOWS {
        let bit = 1u16 << i;
        let r = rec_w.get(i).copied().unwrap_or(0);
        let seq = t.seq.get(i).copied().unwrap_or(0);
        let (Some(tf), Some(care)) = (t.image.flows.get(i), t.care.flows.get(i)) else {
            continue;
        };
        if care.ctrl {
            change.put(bus, Word::Ctrl(i), tf.ctrl, false)?;
        }
        let s = sam_w.get(i).copied().unwrap_or(0);
        for w in 0..SAM_WORDS {
            if s & (1 << w) != 0 {
                let v = tf.sam.get(w).copied().unwrap_or(0);
                change.put(bus, Word::Sam(i, w), v, false)?;
            }
        }
        if new_rec & bit != 0 {
            if let Some(k) = change.shadow.known.flows.get_mut(i) {
                k.epoch = false;
            }
            if let Some(tch) = change.touched.flows.get_mut(i) {
                tch.epoch = true;
            }
        }
        // Both words of a 64-bit sequence number are read before either is written: if the
        // operation then fails beyond repair, the PN the engine held is known whole
        // ([`learned_seq`]).
        for w in 0..MAX_WORDS {
            if r & seq & (1 << w) != 0 {
                change.learn(bus, Word::Rec(i, w), true)?;
            }
        }
        // The control word last: a context is complete before it is named.
        for n in 1..=MAX_WORDS {
            let w = n % MAX_WORDS;
            if r & (1 << w) != 0 {
                let v = tf.rec.get(w).copied().unwrap_or(0);
                if seq & (1 << w) != 0 {
                    change.write_learned(bus, Word::Rec(i, w), v, true)?;
                } else {
                    change.put(bus, Word::Rec(i, w), v, false)?;
                }
            }
        }
        if care.epoch {
            if let (Some(s), Some(k)) = (
                change.shadow.image.flows.get_mut(i),
                change.shadow.known.flows.get_mut(i),
            ) {
                s.epoch = tf.epoch;
                k.epoch = t.forget_epoch & bit == 0;
            }
        }
    }
    for g in 0..GLOBALS {
        if g == G_NM_NCP || t.care.globals & (1 << g) == 0 {
            continue;
        }
        let v = t.image.globals.get(g).copied().unwrap_or(0);
        change.put(bus, Word::Global(g), v, false)?;
    }

    // 4. Enable.
    if toggle {
        let flip = change.shadow.image.enabled ^ want;
        if flip != 0 {
            change.write_enables(bus, ms::SAM_ENTRY_TOGGLE1, flip)?;
        }
    } else {
        let known = change.shadow.known.enabled;
        let on = want & !(change.shadow.image.enabled & known);
        if on != 0 {
            change.write_enables(bus, ms::SAM_ENTRY_SET1, on)?;
        }
    }

    // 5. The fence comes down (or the non-match word changes).
    if t.care.globals & (1 << G_NM_NCP) != 0 {
        let v = t.image.globals.get(G_NM_NCP).copied().unwrap_or(0);
        change.put(bus, Word::Global(G_NM_NCP), v, false)?;
    }
    Ok(())
}

/// The sequence number of flow `i` (a record of `cipher`) as the engine held it before an
/// operation that wrote it: `None` unless the operation touched it and read it first.
pub fn learned_seq(
    before: &Shadow,
    touched: &Marks,
    i: usize,
    cipher: Cipher,
    ingress: bool,
) -> Option<u64> {
    let mask = super::record::seq_mask(cipher, ingress);
    let known = before.known.flows.get(i)?.rec;
    if touched.flows.get(i)?.rec & mask == 0 || known & mask != mask {
        return None;
    }
    let at = usize::from(super::record::layout(cipher, ingress).seq);
    let rec = &before.image.flows.get(i)?.rec;
    let lo = u64::from(*rec.get(at)?);
    let hi = if cipher.is_xpn() {
        u64::from(*rec.get(at + 1)?)
    } else {
        0
    };
    Some(hi << 32 | lo)
}

/// The target that undoes an operation: the words it touched, as `before` knew them, with the
/// entries enabled as `enabled` says (`t` is the state before the operation, rendered).
///
/// The non-match word for untagged frames keeps the rendered value and is always cared for: the
/// rollback may raise the fence where the operation did not (the state before needs it, the new
/// one did not), and must then lower it although the operation never touched that word.
pub fn rollback_target(t: &mut Target, before: &Shadow, touched: &Marks, enabled: u16) {
    let unfenced = t.image.globals.get(G_NM_NCP).copied().unwrap_or(0);
    t.image = before.image;
    t.image.enabled = enabled;
    if let Some(x) = t.image.globals.get_mut(G_NM_NCP) {
        *x = unfenced;
    }
    t.forget_epoch = 0;
    t.care = Marks::NONE;
    t.care.enabled = u16::MAX;
    for i in 0..FLOWS {
        let (Some(c), Some(tch), Some(k)) = (
            t.care.flows.get_mut(i),
            touched.flows.get(i),
            before.known.flows.get(i),
        ) else {
            continue;
        };
        c.sam = tch.sam & k.sam;
        c.ctrl = tch.ctrl && k.ctrl;
        c.rec = tch.rec & k.rec;
        c.epoch = tch.epoch || c.rec != 0;
        if c.epoch && !k.epoch {
            // The words go back, but which record they make up was not known before either.
            t.forget_epoch |= 1 << i;
        }
        if let Some(r) = t.rec_new.get_mut(i) {
            *r = c.rec;
        }
        if let Some(s) = t.seq.get_mut(i) {
            *s = 0;
        }
    }
    t.care.globals = (touched.globals & before.known.globals) | 1 << G_NM_NCP;
}
