// SPDX-License-Identifier: GPL-2.0

//! [`Offload`]: the MACsec operations of one PHY, each a transaction.
//!
//! An operation checks its request against the state (refusals write nothing), builds the new
//! state in a scratch copy, allocates flows, renders both engines from it and applies them
//! ([`super::shadow::apply`]), ingress first (a peer's frames are received before ours are
//! protected). If an access fails, the words the operation touched are put back from the shadow
//! as it was before, and the state stays the old one; the error is returned, or
//! [`Error::Unrecovered`] when putting back failed too.

use super::counters::{self, Totals, TxRaw};
use super::record;
use super::render::{self, context_id, Bypass, ETH_P_PAE};
use super::shadow::{self, bank, Change, Marks, Shadow, Target};
use super::state::{bit, Dir, Owner, RxSa, RxSc, SecY, State, TxSa, FLOWS, MAX_SECY, POOL};
use super::types::{
    Cipher, DevCounters, RxSaCounters, SaConfig, Sci, SecYConfig, Served, TxEvent, TxSaCounters,
    Validate,
};
use super::validate::{self, msg, refuse};
use crate::hw::eip160::{next_pn, record as hwrec, setup, threshold};
use crate::hw::regs::macsec as ms;
use crate::logic::error::{Errno, Error, Result};
use crate::logic::window::Bus;

/// A PN to move up in place with the engine's next-PN update.
#[derive(Clone, Copy, Debug)]
struct PnRaise {
    dir: Dir,
    /// Flows (one, or two for a receive SA with an SCI-less entry).
    flows: [Option<u8>; 2],
    /// The sequence number to write.
    seq: u64,
}

/// The MACsec state of one PHY (its ingress and egress engines).
///
/// About 23 KiB: the kernel shell allocates it (all-zero is a valid [`Offload::new`]) and never
/// puts one on the stack.
pub struct Offload {
    /// What the kernel configured, as the hardware holds it.
    state: State,
    /// The state an operation builds.
    work: State,
    /// What each engine holds, as far as the driver knows.
    shadow: [Shadow; 2],
    /// The shadow before the current operation.
    before: [Shadow; 2],
    /// What the current operation wrote.
    touched: [Marks; 2],
    /// Scratch for rendering.
    target: Target,
    /// Counters read so far, and per-flow counter hygiene.
    totals: Totals,
    /// The control EtherTypes that bypass the engines.
    bypass: Bypass,
    /// The last record epoch given out (see [`State::take_flow`]).
    epoch: u32,
    /// How many PNs before the last one of an SA the hardware switches to the next SA
    /// ([`Offload::set_pn_margin`]); 0 (all-zero memory) is [`DEFAULT_PN_MARGIN`].
    pn_margin: u64,
    /// No SA could take over from an encoding SA past the switch point: the threshold event is
    /// disabled (it would come with every frame) until the transmit SAs change.
    parked: bool,
    /// `init` ran.
    ready: bool,
    /// A rollback failed since the last `init`.
    unrecovered: bool,
    /// Transmit SA slots whose counters and PN the current dump read already (bit `n`).
    ///
    /// A dump (`ip -s macsec show`) asks for a SecY's transmit SC stats, its device stats, each
    /// transmit SA's, then per receive SC the SC's and each SA's. An SC's stats sum its SAs', so
    /// they read them; the SA stats that follow in the same dump take those values instead of
    /// reading again, and every counter is read once per dump. Any other call forgets them.
    fresh_tx: u16,
    /// Receive SA slots whose counters and PN the current dump read already.
    fresh_rx: u16,
}

impl Default for Offload {
    fn default() -> Self {
        Self::new()
    }
}

/// Clears bit `n` of `mask` and returns whether it was set.
fn take(mask: &mut u16, n: usize) -> bool {
    let was = *mask & bit(n) != 0;
    *mask &= !bit(n);
    was
}

/// Which flows an operation wipes (their key goes), per direction.
type Wipe = [u16; 2];

/// The element of a per-direction pair for `dir` (constant indices: no bounds check to fail).
fn of<T>(pair: &[T; 2], dir: Dir) -> &T {
    match dir {
        Dir::Ingress => &pair[0],
        Dir::Egress => &pair[1],
    }
}

/// The same, mutable.
fn of_mut<T>(pair: &mut [T; 2], dir: Dir) -> &mut T {
    match dir {
        Dir::Ingress => &mut pair[0],
        Dir::Egress => &mut pair[1],
    }
}

impl Offload {
    /// Nothing configured, engines not initialised.
    pub const fn new() -> Self {
        Self {
            state: State::EMPTY,
            work: State::EMPTY,
            shadow: [Shadow::UNKNOWN; 2],
            before: [Shadow::UNKNOWN; 2],
            touched: [Marks::NONE; 2],
            target: Target::EMPTY,
            totals: Totals::ZERO,
            bypass: Bypass {
                types: [0; 8],
                len: 0,
            },
            epoch: 0,
            pn_margin: 0,
            parked: false,
            ready: false,
            unrecovered: false,
            fresh_tx: 0,
            fresh_rx: 0,
        }
    }

    /// Sets how many PNs before the last one of an SA the hardware switches to the next SA (taken
    /// at the next [`Offload::init`]): `margin` from 1 to 2^31.
    pub fn set_pn_margin(&mut self, margin: u64) -> Result {
        if !(1..=MAX_PN_MARGIN).contains(&margin) {
            return Err(refuse(Errno::Inval, msg::PN_MARGIN));
        }
        self.pn_margin = margin;
        Ok(())
    }

    /// The first PN at which an SA of `cipher` is switched: `pn_margin` PNs are left from it.
    pub fn switch_point(&self, cipher: Cipher) -> u64 {
        let margin = match self.pn_margin {
            0 => DEFAULT_PN_MARGIN,
            m => m.min(MAX_PN_MARGIN),
        };
        cipher.max_pn() - (margin - 1)
    }

    /// Programs the switch points into the egress engine's PN thresholds, compared with the
    /// PN of every frame sent (`THRESHOLD_MODE` 0: at or above).
    fn arm_threshold<B: Bus>(&mut self, bus: &mut B) -> Result {
        let b = bank(Dir::Egress);
        let short = self.switch_point(Cipher::GcmAes128) as u32;
        let long = self.switch_point(Cipher::GcmAesXpn128);
        bus.write32(b, threshold::SEQ_NUM_THRESH, short)?;
        bus.write32(b, threshold::SEQ_NUM_THRESH_64_LO, long as u32)?;
        bus.write32(b, threshold::SEQ_NUM_THRESH_64_HI, (long >> 32) as u32)
    }

    /// Enables the threshold event again after [`Offload::handle_interrupt`] disabled it, once
    /// the transmit SAs changed (an SA to switch to may have come). Only while the interrupt
    /// set-up has the egress events enabled (the roll-over's enable says so). A failure leaves
    /// it disabled, to be tried at the next change; the roll-over stays armed meanwhile.
    fn rearm<B: Bus>(&mut self, bus: &mut B) {
        if !self.parked {
            return;
        }
        let b = bank(Dir::Egress);
        let on = |bit: u16| u32::from(bit) << ms::INTR_ENABLE_SHIFT;
        let Ok(v) = bus.read32(b, ms::INTR_CTRL_STATUS) else {
            return;
        };
        if v & on(ms::INTR_ROLLOVER) == 0 {
            return;
        }
        // The status bits written back as read are left as they are.
        if bus
            .write32(b, ms::INTR_CTRL_STATUS, v | on(ms::INTR_SEQ_THRESHOLD))
            .is_ok()
        {
            self.parked = false;
        }
    }

    /// Names of the engines' global counters, for `ethtool --phy-statistics`, in the order of
    /// [`Offload::global_stats`].
    pub const STAT_NAMES: &'static [&'static str] = &counters::STAT_NAMES;

    /// Whether SecY `sci` is offloaded here.
    pub fn holds(&self, sci: &Sci) -> bool {
        self.state.find_secy(sci).is_some()
    }

    /// The configuration, for the tests and the debug output of the shell.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// What the driver believes engine `dir` holds.
    pub fn shadow(&self, dir: Dir) -> &Shadow {
        of(&self.shadow, dir)
    }

    /// Whether a rollback failed since the last `init` (the shadow then has words it does not
    /// know, which the next operation reprograms).
    pub fn unrecovered(&self) -> bool {
        self.unrecovered
    }

    /// The control EtherTypes in effect (EAPOL first).
    pub fn bypass_in_effect(&self) -> &Bypass {
        if self.bypass.len == 0 {
            &Bypass::EAPOL
        } else {
            &self.bypass
        }
    }

    /// The bypass list in effect (EAPOL first).
    fn bypass(&self) -> Bypass {
        if self.bypass.len == 0 {
            Bypass::EAPOL
        } else {
            self.bypass
        }
    }

    /// Control EtherTypes to pass in clear in both directions besides EAPOL (0x888e, always),
    /// through the control packet classifier. At most 8 with EAPOL; duplicates count once. Takes
    /// effect at the next `init` or the next operation that writes the engines.
    pub fn set_bypass_ethertypes(&mut self, types: &[u16]) -> Result {
        let mut b = Bypass::EAPOL;
        for &t in types {
            if t < 0x0600 || t == 0x88e5 || t == 0x8100 || t == 0x88a8 || t == 0x9100 {
                return Err(refuse(Errno::Inval, msg::BYPASS_TYPE));
            }
            let n = usize::from(b.len);
            if b.types.iter().take(n).any(|x| *x == t) {
                continue;
            }
            match b.types.get_mut(n) {
                Some(slot) => *slot = t,
                None => return Err(refuse(Errno::NoSpc, msg::BYPASS_COUNT)),
            }
            b.len += 1;
        }
        self.bypass = b;
        Ok(())
    }

    fn ensure_ready(&self) -> Result {
        if self.ready {
            Ok(())
        } else {
            Err(refuse(Errno::NoDev, msg::NOT_INIT))
        }
    }

    fn secy_slot(&self, sci: &Sci) -> Result<usize> {
        self.state
            .find_secy(sci)
            .ok_or(refuse(Errno::NoEnt, msg::NO_SECY))
    }

    fn cfg(&self, s: usize) -> Result<SecYConfig> {
        self.state
            .secy(s)
            .map(|y| y.cfg)
            .ok_or(refuse(Errno::NoEnt, msg::NO_SECY))
    }

    /// A new record epoch for a flow whose last epoch was `prev`: never given before, and of the
    /// other parity, so that the flow's context identifier alternates.
    fn next_epoch(&mut self, prev: u32) -> u32 {
        let mut e = self.epoch.wrapping_add(1);
        if (e ^ prev) & 1 == 0 {
            e = e.wrapping_add(1);
        }
        self.epoch = e;
        e
    }

    /// Gives a free flow of `dir` in the work state to `owner`: one whose counters hold nothing
    /// if there is one, else the lowest; `clean` reads the leftover counters of a flow first.
    fn alloc<B: Bus>(
        &mut self,
        bus: &mut B,
        dir: Dir,
        owner: Owner,
        clean: bool,
    ) -> Result<Option<u8>> {
        let free = self.work.free_flows(dir);
        if free == 0 {
            return Ok(None);
        }
        let mut pick = None;
        for i in 0..FLOWS {
            if free & (1 << i) == 0 {
                continue;
            }
            let dirty = of(&self.totals.dirty, dir).get(i).copied().unwrap_or(0);
            if dirty == 0 {
                pick = Some(i);
                break;
            }
            if pick.is_none() {
                pick = Some(i);
            }
        }
        let Some(i) = pick else {
            return Ok(None);
        };
        if let Some(d) = self.totals.dirty_mut(dir, i) {
            if clean {
                let mut pairs = *d;
                let r = counters::clear(bus, dir, i, &mut pairs);
                *d = pairs;
                r?;
            }
            // From now on the flow counts for its owner.
            *d |= owner_counters(owner);
        }
        let prev = self.work.epoch(dir, i);
        let e = self.next_epoch(prev);
        self.work.take_flow(dir, i as u8, owner, e);
        Ok(Some(i as u8))
    }

    /// Makes the SCI-less entries of the work state's receive SAs match what the channels need
    /// ([`State::needs_implicit`]), allocating or freeing flows; freed flows go into `wipe`.
    fn fix_implicit<B: Bus>(&mut self, bus: &mut B, wipe: &mut Wipe) -> Result {
        for n in 0..POOL {
            let want = self.work.needs_implicit(n);
            let Some(sa) = self.work.rx.get(n).copied() else {
                continue;
            };
            if !sa.used {
                continue;
            }
            if want && !sa.has_implicit {
                let f = self
                    .alloc(bus, Dir::Ingress, Owner::RxSaImplicit(n as u8), true)?
                    .ok_or(refuse(Errno::NoSpc, msg::SC_FLOWS))?;
                if let Some(r) = self.work.rx.get_mut(n) {
                    r.has_implicit = true;
                    r.flow_implicit = f;
                }
            } else if !want && sa.has_implicit {
                self.work.free_flow(Dir::Ingress, sa.flow_implicit);
                *of_mut(wipe, Dir::Ingress) |= 1 << sa.flow_implicit;
                if let Some(r) = self.work.rx.get_mut(n) {
                    r.has_implicit = false;
                }
            }
        }
        Ok(())
    }

    /// The receive SAs of the work state that need an SCI-less entry and have none.
    fn implicit_missing(&self) -> usize {
        (0..POOL)
            .filter(|&n| {
                self.work.needs_implicit(n) && self.work.rx.get(n).is_some_and(|r| !r.has_implicit)
            })
            .count()
    }

    fn mark_dirty(&mut self, dir: Dir, flow: u8, pairs: u32) {
        if let Some(d) = self.totals.dirty_mut(dir, usize::from(flow)) {
            *d |= pairs;
        }
    }

    /// Renders engine `dir` from `from` (the work state, or the old one) into the target.
    fn render(&mut self, dir: Dir, from_work: bool, wipe: u16) {
        let bypass = self.bypass();
        let st = if from_work { &self.work } else { &self.state };
        render::render(
            st,
            dir,
            of(&self.shadow, dir),
            &bypass,
            wipe,
            &mut self.target,
        );
    }

    /// The change of engine `dir` towards the target; `self.state` is the state before the
    /// operation.
    fn change(&mut self, dir: Dir, learn: bool) -> (Change<'_>, &Target) {
        (
            Change {
                dir,
                shadow: of_mut(&mut self.shadow, dir),
                touched: of_mut(&mut self.touched, dir),
                before: of_mut(&mut self.before, dir),
                learn,
                unowned: self.state.free_flows(dir),
            },
            &self.target,
        )
    }

    /// Applies the work state to both engines, then `raise`, then `post` (counter reads that
    /// belong to the operation).
    fn forward<B: Bus>(
        &mut self,
        bus: &mut B,
        wipe: Wipe,
        raise: Option<PnRaise>,
        post: Post,
    ) -> Result {
        for dir in Dir::BOTH {
            self.render(dir, true, *of(&wipe, dir));
            let (mut c, t) = self.change(dir, true);
            shadow::apply(bus, &mut c, t)?;
        }
        if let Some(r) = raise {
            self.raise_pn(bus, &r)?;
        }
        self.post(bus, post)
    }

    /// Runs the operation whose new state is in `self.work`.
    fn commit<B: Bus>(
        &mut self,
        bus: &mut B,
        wipe: Wipe,
        raise: Option<PnRaise>,
        post: Post,
    ) -> Result {
        self.forget_fresh();
        self.before = self.shadow;
        self.touched = [Marks::NONE; 2];
        match self.forward(bus, wipe, raise, post) {
            Ok(()) => {
                let on = of(&self.shadow, Dir::Egress).image.enabled;
                for t in self.work.tx.iter_mut() {
                    t.force_pn = false;
                    if t.used && on & (1 << t.flow) != 0 {
                        t.sent = true;
                    }
                }
                for r in self.work.rx.iter_mut() {
                    r.force_pn = false;
                }
                self.state = self.work;
                self.scrub();
                Ok(())
            }
            Err(e) => {
                let undone = self.rollback(bus);
                if undone.is_err() {
                    self.keep_used_pns();
                }
                self.work = self.state;
                self.scrub();
                match undone {
                    Ok(()) => Err(e),
                    Err(_) => {
                        self.unrecovered = true;
                        Err(Error::Unrecovered(e.bus_errno().unwrap_or(-5)))
                    }
                }
            }
        }
    }

    /// Puts back the words the failed operation touched, egress first (the reverse order).
    fn rollback<B: Bus>(&mut self, bus: &mut B) -> Result {
        let mut result = Ok(());
        for dir in [Dir::Egress, Dir::Ingress] {
            if of(&self.touched, dir).is_empty() {
                continue;
            }
            self.render(dir, false, 0);
            let enabled = self.target.image.enabled;
            shadow::rollback_target(
                &mut self.target,
                of(&self.before, dir),
                of(&self.touched, dir),
                enabled,
            );
            let (mut c, t) = self.change(dir, true);
            let r = shadow::apply(bus, &mut c, t);
            if r.is_err() && result.is_ok() {
                result = r;
            }
        }
        result
    }

    /// After a rollback that failed, the sequence numbers the operation wrote are unknown, and
    /// `init` trusts a record's only above the state's PN. What the engine held before the
    /// operation wrote them (read first, into `before`) is a floor then: the state's PN takes
    /// it, so that a PN set lower by a request that failed is not used again with the key.
    fn keep_used_pns(&mut self) {
        let (before, touched) = (&self.before, &self.touched);
        let learned = |dir: Dir, flow: u8, cipher: Cipher| {
            let (b, t) = (of(before, dir), of(touched, dir));
            shadow::learned_seq(b, t, usize::from(flow), cipher, dir == Dir::Ingress)
        };
        let secys = &self.state.secy;
        let cipher = |s: u8| secys.get(usize::from(s)).map(|y| y.cfg.cipher);
        for t in self.state.tx.iter_mut().filter(|t| t.used) {
            if let Some(seq) = cipher(t.secy).and_then(|c| learned(Dir::Egress, t.flow, c)) {
                t.sent_up_to(seq);
            }
        }
        for r in self.state.rx.iter_mut().filter(|r| r.used) {
            let sc = self.state.sc.get(usize::from(r.sc));
            let Some(c) = sc.and_then(|sc| cipher(sc.secy)) else {
                continue;
            };
            // A receive record holds the next PN it expects, on each of the SA's flows.
            for f in [Some(r.flow), r.has_implicit.then_some(r.flow_implicit)]
                .into_iter()
                .flatten()
            {
                if let Some(seq) = learned(Dir::Ingress, f, c) {
                    r.pn = r.pn.max(seq);
                }
            }
        }
    }

    /// Wipes the scratch copies (they hold keys).
    fn scrub(&mut self) {
        self.target = Target::EMPTY;
        self.before = [Shadow::UNKNOWN; 2];
        self.work = self.state;
    }

    // ---- init ------------------------------------------------------------------------------

    /// Brings both engines up (at `config_init`, after a soft reset, on resume) and, when SecYs
    /// are configured, reprograms everything from the state: the PHY may have lost it.
    ///
    /// Before resetting the engines it reads what they still hold: a record that survived gives
    /// the exact PN the SA reached, and the counters are added to the totals. A transmit SA that
    /// may have sent frames and whose record did not survive has an unknown PN: it is restored
    /// not in use (its frames are dropped, never sent with a PN used before) and listed by
    /// [`Offload::lost_tx_pns`], so that the shell tells the kernel (`macsec_pn_wrapped()`),
    /// which then has the SA replaced; setting a PN (`update_pn`) brings it back. A receive SA
    /// whose record did not survive restarts from the last PN the driver saw.
    ///
    /// The engines' interrupt enables are left alone: the PHY's interrupt set-up owns them.
    pub fn init<B: Bus>(&mut self, bus: &mut B) -> Result {
        self.ready = false;
        self.forget_fresh();
        self.recover(bus)?;
        self.shadow = [Shadow::UNKNOWN; 2];
        self.touched = [Marks::NONE; 2];
        self.before = [Shadow::UNKNOWN; 2];
        self.totals.dirty = [[0; FLOWS]; 2];
        for dir in Dir::BOTH {
            block_setup(bus, dir)?;
        }
        // A rested threshold event stays rested: its enable is the interrupt set-up's.
        self.arm_threshold(bus)?;
        self.work = self.state;
        for dir in Dir::BOTH {
            self.render(dir, true, 0);
            let (mut c, t) = self.change(dir, false);
            shadow::apply(bus, &mut c, t)?;
        }
        for dir in Dir::BOTH {
            bus.write32(
                bank(dir),
                ms::ENA_CFG,
                ms::ENA_CFG_CLK_ENA
                    | ms::ENA_CFG_MACSEC_ENA
                    | (setup::SPEED_MODE << setup::ENA_CFG_SPEED_MODE_SHIFT),
            )?;
        }
        let on = of(&self.shadow, Dir::Egress).image.enabled;
        for t in self.state.tx.iter_mut() {
            t.force_pn = false;
            if t.used && on & (1 << t.flow) != 0 {
                t.sent = true;
            }
        }
        for r in self.state.rx.iter_mut() {
            r.force_pn = false;
        }
        self.mark_all_dirty();
        self.scrub();
        self.ready = true;
        self.unrecovered = false;
        Ok(())
    }

    /// Marks the flows in use as counting.
    fn mark_all_dirty(&mut self) {
        for dir in Dir::BOTH {
            for i in 0..FLOWS {
                let pairs = owner_counters(self.state.owner(dir, i));
                self.mark_dirty(dir, i as u8, pairs);
            }
        }
    }

    /// Reads what the engines still hold before `init` resets them (see [`Offload::init`]).
    fn recover<B: Bus>(&mut self, bus: &mut B) -> Result {
        if !self.state.secy.iter().any(|s| s.used) {
            return Ok(());
        }
        for n in 0..POOL {
            let Some(sa) = self.state.tx.get(n).copied().filter(|t| t.used) else {
                continue;
            };
            let Ok(cfg) = self.cfg(usize::from(sa.secy)) else {
                continue;
            };
            let flow = usize::from(sa.flow);
            let ctx = context_id(flow, self.state.epoch(Dir::Egress, flow));
            let control =
                hwrec::control_egress(record::alg(cfg.cipher).0, sa.an, cfg.cipher.is_xpn());
            let alive = self.record_alive(bus, Dir::Egress, flow, control, ctx)?;
            if alive {
                let seq = read_seq(bus, Dir::Egress, flow, cfg.cipher)?;
                let mut raw = TxRaw::default();
                let r = counters::read_tx(bus, flow, &mut raw);
                self.account_tx(n, &cfg, &raw);
                r?;
                if let Some(t) = self.state.tx.get_mut(n) {
                    t.sent_up_to(seq);
                    // Exact again: only what is sent from now on moves it.
                    t.sent = false;
                }
            } else if sa.sent {
                if let Some(t) = self.state.tx.get_mut(n) {
                    t.pn_lost = true;
                }
            }
        }
        for n in 0..POOL {
            let Some(sa) = self.state.rx.get(n).copied().filter(|r| r.used) else {
                continue;
            };
            let Some(sc) = self.state.sc.get(usize::from(sa.sc)).copied() else {
                continue;
            };
            let Ok(cfg) = self.cfg(usize::from(sc.secy)) else {
                continue;
            };
            let control = hwrec::control_ingress(record::alg(cfg.cipher).0, cfg.cipher.is_xpn());
            let mut best = sa.pn.max(self.totals.rx_seen.get(n).copied().unwrap_or(0));
            let flows = [Some(sa.flow), sa.has_implicit.then_some(sa.flow_implicit)];
            for f in flows.into_iter().flatten() {
                let flow = usize::from(f);
                let ctx = context_id(flow, self.state.epoch(Dir::Ingress, flow));
                if self.record_alive(bus, Dir::Ingress, flow, control, ctx)? {
                    best = best.max(read_seq(bus, Dir::Ingress, flow, cfg.cipher)?);
                    let mut acc = RxSaCounters::default();
                    let r = counters::read_rx(bus, flow, &mut acc);
                    if let Some(t) = self.totals.rx.get_mut(n) {
                        t.add(&acc);
                    }
                    r?;
                }
            }
            if let Some(r) = self.state.rx.get_mut(n) {
                r.pn = best;
            }
        }
        for s in 0..MAX_SECY {
            if self.state.secy(s).is_some() {
                self.read_guard(bus, s, Dir::Egress)?;
                self.read_guard(bus, s, Dir::Ingress)?;
            }
        }
        let mut g = self.totals.global;
        let r = (0..counters::N_GLOBALS).try_for_each(|k| match g.get_mut(k) {
            Some(acc) => counters::read_global(bus, k, acc),
            None => Ok(()),
        });
        self.totals.global = g;
        r
    }

    /// Whether flow `flow`'s record still is the one the driver wrote.
    fn record_alive<B: Bus>(
        &mut self,
        bus: &mut B,
        dir: Dir,
        flow: usize,
        control: u32,
        ctx: u32,
    ) -> Result<bool> {
        let c = bus.read32(bank(dir), ms::xform_rec(flow as u16, hwrec::CONTROL))?;
        if c != control {
            return Ok(false);
        }
        let x = bus.read32(bank(dir), ms::xform_rec(flow as u16, hwrec::CONTEXT_ID))?;
        Ok(x == ctx)
    }

    /// The transmit SAs whose PN the PHY lost (see [`Offload::init`]): the SecY's SCI and the AN.
    pub fn lost_tx_pns(&self) -> impl Iterator<Item = (Sci, u8)> + '_ {
        self.state
            .tx
            .iter()
            .filter(|t| t.used && t.pn_lost)
            .filter_map(|t| {
                self.state
                    .secy(usize::from(t.secy))
                    .map(|s| (s.cfg.sci, t.an))
            })
    }

    // ---- SecY ------------------------------------------------------------------------------

    /// Offloads a SecY (down: its entries are programmed, not enabled).
    pub fn add_secy<B: Bus>(&mut self, bus: &mut B, cfg: &SecYConfig) -> Result {
        self.ensure_ready()?;
        validate::secy(cfg)?;
        if self.state.find_secy(&cfg.sci).is_some() {
            return Err(refuse(Errno::Exist, msg::SECY_EXISTS));
        }
        if self.mac_taken(&cfg.mac, None) {
            return Err(refuse(Errno::Inval, msg::MAC_IN_USE));
        }
        let s = State::free_slot(&self.state.secy, |y| y.used)
            .ok_or(refuse(Errno::NoSpc, msg::SECY_TABLE))?;
        if self.state.free_flows(Dir::Egress) == 0 || self.state.free_flows(Dir::Ingress) == 0 {
            return Err(refuse(Errno::NoSpc, msg::SECY_FLOWS));
        }
        self.work = self.state;
        let ge = self.alloc(bus, Dir::Egress, Owner::Guard(s as u8), true)?;
        let gi = self.alloc(bus, Dir::Ingress, Owner::Guard(s as u8), true)?;
        let (Some(ge), Some(gi)) = (ge, gi) else {
            self.work = self.state;
            return Err(refuse(Errno::NoSpc, msg::SECY_FLOWS));
        };
        if let Some(y) = self.work.secy.get_mut(s) {
            *y = SecY {
                used: true,
                cfg: *cfg,
                up: false,
                guard_egress: ge,
                guard_ingress: gi,
                switched: false,
                kernel_encoding_sa: 0,
            };
        }
        self.commit(bus, [0, 0], None, Post::None)?;
        let t = &mut self.totals;
        for v in [
            &mut t.out_untagged,
            &mut t.out_no_sa,
            &mut t.in_untagged,
            &mut t.in_no_tag,
            &mut t.too_long_retired,
        ] {
            if let Some(x) = v.get_mut(s) {
                *x = 0;
            }
        }
        if let Some(x) = t.tx_retired.get_mut(s) {
            *x = TxSaCounters::default();
        }
        Ok(())
    }

    fn mac_taken(&self, mac: &[u8; 6], except: Option<usize>) -> bool {
        self.state
            .secy
            .iter()
            .enumerate()
            .any(|(i, y)| y.used && Some(i) != except && y.cfg.mac == *mac)
    }

    /// Changes the settings of the SecY `cfg.sci`: only what changed is written; its SAs, their
    /// PNs and its channels stay. A new encoding SA is one `SAM_ENTRY_TOGGLE1` write, `encrypt`
    /// and the other flow settings one write per flow, a new replay window one record word per
    /// receive SA (each briefly disabled), a new address the match words of its entries
    /// (behind the fence).
    ///
    /// After a switch at the PN switch point, the kernel's requests carry the encoding SA it set
    /// before until it takes the switch over (its own update of the SecY with the new one): that
    /// one means the hardware's; another one is the user's choice and is switched to.
    pub fn upd_secy<B: Bus>(&mut self, bus: &mut B, cfg: &SecYConfig) -> Result {
        self.ensure_ready()?;
        let s = self.secy_slot(&cfg.sci)?;
        validate::secy(cfg)?;
        let old = self.cfg(s)?;
        let mut cfg = *cfg;
        let mut switched = false;
        if let Some(y) = self.state.secy.get(s).filter(|y| y.switched) {
            if cfg.encoding_sa == y.kernel_encoding_sa {
                cfg.encoding_sa = old.encoding_sa;
                switched = true;
            }
        }
        let cfg = &cfg;
        if old.cipher != cfg.cipher {
            return Err(refuse(Errno::Inval, msg::CIPHER_CHANGE));
        }
        if self.mac_taken(&cfg.mac, Some(s)) {
            return Err(refuse(Errno::Inval, msg::MAC_IN_USE));
        }
        // Counters whose meaning the change alters are read under the old settings first.
        if old.encrypt != cfg.encrypt {
            for n in 0..POOL {
                let Some(t) = self.state.tx.get(n).copied().filter(|t| t.used) else {
                    continue;
                };
                if usize::from(t.secy) == s {
                    let mut raw = TxRaw::default();
                    let r = counters::read_tx(bus, usize::from(t.flow), &mut raw);
                    self.account_tx(n, &old, &raw);
                    r?;
                }
            }
        }
        if old.protect != cfg.protect {
            self.read_guard(bus, s, Dir::Egress)?;
        }
        if (old.validate == Validate::Strict) != (cfg.validate == Validate::Strict) {
            self.read_guard(bus, s, Dir::Ingress)?;
        }
        self.work = self.state;
        if let Some(y) = self.work.secy.get_mut(s) {
            y.cfg = *cfg;
            y.switched = switched;
        }
        self.commit(bus, [0, 0], None, Post::None)?;
        self.rearm(bus);
        Ok(())
    }

    /// Removes a SecY with its channels and SAs.
    pub fn del_secy<B: Bus>(&mut self, bus: &mut B, sci: Sci) -> Result {
        self.ensure_ready()?;
        let s = self.secy_slot(&sci)?;
        self.work = self.state;
        let mut wipe: Wipe = [0, 0];
        for dir in Dir::BOTH {
            for i in 0..FLOWS {
                let mine = match self.work.owner(dir, i) {
                    Owner::Guard(g) => usize::from(g) == s,
                    Owner::TxSa(n) => self
                        .work
                        .tx
                        .get(usize::from(n))
                        .is_some_and(|t| usize::from(t.secy) == s),
                    Owner::RxSa(n) | Owner::RxSaImplicit(n) => self
                        .work
                        .rx
                        .get(usize::from(n))
                        .and_then(|r| self.work.sc.get(usize::from(r.sc)))
                        .is_some_and(|c| usize::from(c.secy) == s),
                    Owner::Free => false,
                };
                if mine {
                    if !matches!(self.work.owner(dir, i), Owner::Guard(_)) {
                        *of_mut(&mut wipe, dir) |= 1 << i;
                    }
                    self.work.free_flow(dir, i as u8);
                }
            }
        }
        for t in self.work.tx.iter_mut() {
            if t.used && usize::from(t.secy) == s {
                *t = TxSa::EMPTY;
            }
        }
        for c in 0..POOL {
            let mine = self
                .work
                .sc
                .get(c)
                .is_some_and(|x| x.used && usize::from(x.secy) == s);
            if mine {
                for r in self.work.rx.iter_mut() {
                    if r.used && usize::from(r.sc) == c {
                        *r = RxSa::EMPTY;
                    }
                }
                if let Some(x) = self.work.sc.get_mut(c) {
                    *x = RxSc::EMPTY;
                }
            }
        }
        if let Some(y) = self.work.secy.get_mut(s) {
            *y = SecY::EMPTY;
        }
        if let Err(e) = self.fix_implicit(bus, &mut wipe) {
            self.work = self.state;
            return Err(e);
        }
        self.commit(bus, wipe, None, Post::None)
    }

    /// The MACsec device went up: its entries are enabled.
    pub fn dev_open<B: Bus>(&mut self, bus: &mut B, sci: Sci) -> Result {
        self.set_up(bus, sci, true)
    }

    /// The MACsec device went down: its entries are disabled, its frames are the parent's again.
    /// The EAPOL bypass stays (it is not a SecY's).
    pub fn dev_stop<B: Bus>(&mut self, bus: &mut B, sci: Sci) -> Result {
        self.set_up(bus, sci, false)
    }

    fn set_up<B: Bus>(&mut self, bus: &mut B, sci: Sci, up: bool) -> Result {
        self.ensure_ready()?;
        let s = self.secy_slot(&sci)?;
        self.work = self.state;
        if let Some(y) = self.work.secy.get_mut(s) {
            y.up = up;
        }
        self.commit(bus, [0, 0], None, Post::None)?;
        self.rearm(bus);
        Ok(())
    }

    // ---- transmit SAs ----------------------------------------------------------------------

    /// Adds transmit SA `sa.an` of SecY `sci`; its record carries its own AN.
    pub fn add_txsa<B: Bus>(&mut self, bus: &mut B, sci: Sci, sa: &SaConfig) -> Result {
        self.ensure_ready()?;
        let s = self.secy_slot(&sci)?;
        let cfg = self.cfg(s)?;
        validate::sa(cfg.cipher, sa)?;
        if self.state.find_tx(s, sa.an).is_some() {
            return Err(refuse(Errno::Exist, msg::TX_EXISTS));
        }
        let n = State::free_slot(&self.state.tx, |t| t.used)
            .ok_or(refuse(Errno::NoSpc, msg::TX_FLOWS))?;
        if self.state.free_flows(Dir::Egress) == 0 {
            return Err(refuse(Errno::NoSpc, msg::TX_FLOWS));
        }
        self.work = self.state;
        let Some(f) = self.alloc(bus, Dir::Egress, Owner::TxSa(n as u8), true)? else {
            self.work = self.state;
            return Err(refuse(Errno::NoSpc, msg::TX_FLOWS));
        };
        if let Some(t) = self.work.tx.get_mut(n) {
            *t = TxSa {
                used: true,
                secy: s as u8,
                an: sa.an,
                active: sa.active,
                key: sa.key,
                pn: sa.next_pn,
                force_pn: false,
                pn_lost: false,
                sent: false,
                flow: f,
            };
        }
        self.commit(bus, [0, 0], None, Post::None)?;
        if let Some(c) = self.totals.tx.get_mut(n) {
            *c = TxSaCounters::default();
        }
        if let Some(c) = self.totals.tx_too_long.get_mut(n) {
            *c = 0;
        }
        if let Some(c) = self.totals.tx_seen.get_mut(n) {
            *c = sa.next_pn;
        }
        self.rearm(bus);
        Ok(())
    }

    /// Changes transmit SA `an`: in use or not, and with `next_pn` its PN. A higher PN moves the
    /// record in place (the engine's next-PN update, hitless); a lower one rewrites the sequence
    /// number with the entry briefly disabled.
    pub fn upd_txsa<B: Bus>(
        &mut self,
        bus: &mut B,
        sci: Sci,
        an: u8,
        active: bool,
        next_pn: Option<u64>,
    ) -> Result {
        self.ensure_ready()?;
        let s = self.secy_slot(&sci)?;
        let cfg = self.cfg(s)?;
        validate::an(an)?;
        let n = self
            .state
            .find_tx(s, an)
            .ok_or(refuse(Errno::NoEnt, msg::NO_TX))?;
        if let Some(pn) = next_pn {
            validate::pn(cfg.cipher, pn)?;
        }
        let sa = self.state.tx.get(n).copied().unwrap_or(TxSa::EMPTY);
        self.work = self.state;
        let mut raise = None;
        if let Some(pn) = next_pn {
            let hw = read_seq(bus, Dir::Egress, usize::from(sa.flow), cfg.cipher)?;
            let want = pn.wrapping_sub(1);
            if let Some(t) = self.work.tx.get_mut(n) {
                t.pn_lost = false;
                t.sent = false;
                t.pn = pn;
                if want > hw {
                    raise = Some(PnRaise {
                        dir: Dir::Egress,
                        flows: [Some(sa.flow), None],
                        seq: want,
                    });
                } else if want < hw {
                    t.force_pn = true;
                }
            }
        }
        if let Some(t) = self.work.tx.get_mut(n) {
            t.active = active;
        }
        self.commit(bus, [0, 0], raise, Post::None)?;
        if let (Some(pn), Some(seen)) = (next_pn, self.totals.tx_seen.get_mut(n)) {
            *seen = pn;
        }
        self.rearm(bus);
        Ok(())
    }

    /// Removes transmit SA `an`; its last counts go to the SecY's totals.
    pub fn del_txsa<B: Bus>(&mut self, bus: &mut B, sci: Sci, an: u8) -> Result {
        self.ensure_ready()?;
        let s = self.secy_slot(&sci)?;
        validate::an(an)?;
        let n = self
            .state
            .find_tx(s, an)
            .ok_or(refuse(Errno::NoEnt, msg::NO_TX))?;
        let flow = self.state.tx.get(n).map(|t| t.flow).unwrap_or(0);
        self.work = self.state;
        self.work.free_flow(Dir::Egress, flow);
        if let Some(t) = self.work.tx.get_mut(n) {
            *t = TxSa::EMPTY;
        }
        let mut wipe: Wipe = [0, 0];
        *of_mut(&mut wipe, Dir::Egress) = 1 << flow;
        self.commit(bus, wipe, None, Post::RetireTx { n, secy: s, flow })?;
        if let Some(c) = self.totals.tx.get_mut(n) {
            *c = TxSaCounters::default();
        }
        Ok(())
    }

    // ---- receive channels ------------------------------------------------------------------

    /// Adds receive channel `rx_sci` to SecY `sci`.
    pub fn add_rxsc<B: Bus>(&mut self, bus: &mut B, sci: Sci, rx_sci: Sci, active: bool) -> Result {
        self.ensure_ready()?;
        let s = self.secy_slot(&sci)?;
        if self.state.find_sc(s, &rx_sci).is_some() {
            return Err(refuse(Errno::Exist, msg::SC_EXISTS));
        }
        if self.state.find_sc_any(&rx_sci).is_some() {
            return Err(refuse(Errno::Exist, msg::SC_OTHER_SECY));
        }
        let c = State::free_slot(&self.state.sc, |x| x.used)
            .ok_or(refuse(Errno::NoSpc, msg::SC_TABLE))?;
        self.work = self.state;
        if let Some(x) = self.work.sc.get_mut(c) {
            *x = RxSc {
                used: true,
                secy: s as u8,
                sci: rx_sci,
                active,
            };
        }
        // Going from one channel to two gives the SAs of port-1 channels their SCI-less entry:
        // refused before anything is read or written if the flows are not there.
        if self.implicit_missing() > self.work.free_flows(Dir::Ingress).count_ones() as usize {
            self.work = self.state;
            return Err(refuse(Errno::NoSpc, msg::SC_FLOWS));
        }
        let mut wipe: Wipe = [0, 0];
        if let Err(e) = self.fix_implicit(bus, &mut wipe) {
            self.work = self.state;
            return Err(e);
        }
        self.commit(bus, wipe, None, Post::None)?;
        if let Some(x) = self.totals.rx_retired.get_mut(c) {
            *x = RxSaCounters::default();
        }
        Ok(())
    }

    /// Turns receive channel `rx_sci` on or off: off, its SAs are not in use (their frames are
    /// dropped if encrypted or validated strictly, 802.1AE 10.6.1).
    pub fn upd_rxsc<B: Bus>(&mut self, bus: &mut B, sci: Sci, rx_sci: Sci, active: bool) -> Result {
        self.ensure_ready()?;
        let s = self.secy_slot(&sci)?;
        let c = self
            .state
            .find_sc(s, &rx_sci)
            .ok_or(refuse(Errno::NoEnt, msg::NO_SC))?;
        self.work = self.state;
        if let Some(x) = self.work.sc.get_mut(c) {
            x.active = active;
        }
        self.commit(bus, [0, 0], None, Post::None)
    }

    /// Removes receive channel `rx_sci` with its SAs.
    pub fn del_rxsc<B: Bus>(&mut self, bus: &mut B, sci: Sci, rx_sci: Sci) -> Result {
        self.ensure_ready()?;
        let s = self.secy_slot(&sci)?;
        let c = self
            .state
            .find_sc(s, &rx_sci)
            .ok_or(refuse(Errno::NoEnt, msg::NO_SC))?;
        self.work = self.state;
        let mut wipe: Wipe = [0, 0];
        for n in 0..POOL {
            let Some(r) = self.work.rx.get(n).copied() else {
                continue;
            };
            if !r.used || usize::from(r.sc) != c {
                continue;
            }
            self.work.free_flow(Dir::Ingress, r.flow);
            *of_mut(&mut wipe, Dir::Ingress) |= 1 << r.flow;
            if r.has_implicit {
                self.work.free_flow(Dir::Ingress, r.flow_implicit);
                *of_mut(&mut wipe, Dir::Ingress) |= 1 << r.flow_implicit;
            }
            if let Some(x) = self.work.rx.get_mut(n) {
                *x = RxSa::EMPTY;
            }
        }
        if let Some(x) = self.work.sc.get_mut(c) {
            *x = RxSc::EMPTY;
        }
        if let Err(e) = self.fix_implicit(bus, &mut wipe) {
            self.work = self.state;
            return Err(e);
        }
        self.commit(bus, wipe, None, Post::None)
    }

    // ---- receive SAs -----------------------------------------------------------------------

    /// Adds receive SA `sa.an` to channel `rx_sci` of SecY `sci`.
    pub fn add_rxsa<B: Bus>(
        &mut self,
        bus: &mut B,
        sci: Sci,
        rx_sci: Sci,
        sa: &SaConfig,
    ) -> Result {
        self.ensure_ready()?;
        let s = self.secy_slot(&sci)?;
        let cfg = self.cfg(s)?;
        let c = self
            .state
            .find_sc(s, &rx_sci)
            .ok_or(refuse(Errno::NoEnt, msg::NO_SC))?;
        validate::sa(cfg.cipher, sa)?;
        if self.state.find_rx(c, sa.an).is_some() {
            return Err(refuse(Errno::Exist, msg::RX_EXISTS));
        }
        let n = State::free_slot(&self.state.rx, |r| r.used)
            .ok_or(refuse(Errno::NoSpc, msg::RX_FLOWS))?;
        let implicit = !self.state.point_to_point()
            && self
                .state
                .sc
                .get(c)
                .is_some_and(|x| x.sci[6] == 0 && x.sci[7] == 1);
        let need = 1 + usize::from(implicit);
        if need > self.state.free_flows(Dir::Ingress).count_ones() as usize {
            return Err(refuse(Errno::NoSpc, msg::RX_FLOWS));
        }
        self.work = self.state;
        let Some(f) = self.alloc(bus, Dir::Ingress, Owner::RxSa(n as u8), true)? else {
            self.work = self.state;
            return Err(refuse(Errno::NoSpc, msg::RX_FLOWS));
        };
        if let Some(r) = self.work.rx.get_mut(n) {
            *r = RxSa {
                used: true,
                sc: c as u8,
                an: sa.an,
                active: sa.active,
                key: sa.key,
                pn: sa.next_pn,
                force_pn: false,
                flow: f,
                has_implicit: false,
                flow_implicit: 0,
            };
        }
        let mut wipe: Wipe = [0, 0];
        if let Err(e) = self.fix_implicit(bus, &mut wipe) {
            self.work = self.state;
            return Err(match e {
                Error::Refused { .. } => refuse(Errno::NoSpc, msg::RX_FLOWS),
                e => e,
            });
        }
        self.commit(bus, wipe, None, Post::None)?;
        if let Some(x) = self.totals.rx.get_mut(n) {
            *x = RxSaCounters::default();
        }
        if let Some(x) = self.totals.rx_seen.get_mut(n) {
            *x = sa.next_pn;
        }
        Ok(())
    }

    /// Changes receive SA `an`: in use or not, and with `next_pn` the next PN it expects (the
    /// lowest acceptable is that less the replay window). Higher moves in place, lower rewrites.
    pub fn upd_rxsa<B: Bus>(
        &mut self,
        bus: &mut B,
        sci: Sci,
        rx_sci: Sci,
        an: u8,
        active: bool,
        next_pn: Option<u64>,
    ) -> Result {
        self.ensure_ready()?;
        let s = self.secy_slot(&sci)?;
        let cfg = self.cfg(s)?;
        let c = self
            .state
            .find_sc(s, &rx_sci)
            .ok_or(refuse(Errno::NoEnt, msg::NO_SC))?;
        validate::an(an)?;
        let n = self
            .state
            .find_rx(c, an)
            .ok_or(refuse(Errno::NoEnt, msg::NO_RX))?;
        if let Some(pn) = next_pn {
            validate::pn(cfg.cipher, pn)?;
        }
        let sa = self.state.rx.get(n).copied().unwrap_or(RxSa::EMPTY);
        self.work = self.state;
        let mut raise = None;
        if let Some(pn) = next_pn {
            let mut hw = read_seq(bus, Dir::Ingress, usize::from(sa.flow), cfg.cipher)?;
            if sa.has_implicit {
                hw = hw.max(read_seq(
                    bus,
                    Dir::Ingress,
                    usize::from(sa.flow_implicit),
                    cfg.cipher,
                )?);
            }
            if let Some(r) = self.work.rx.get_mut(n) {
                r.pn = pn;
                if pn > hw {
                    raise = Some(PnRaise {
                        dir: Dir::Ingress,
                        flows: [Some(sa.flow), sa.has_implicit.then_some(sa.flow_implicit)],
                        seq: pn,
                    });
                } else if pn < hw {
                    r.force_pn = true;
                }
            }
        }
        if let Some(r) = self.work.rx.get_mut(n) {
            r.active = active;
        }
        self.commit(bus, [0, 0], raise, Post::None)?;
        if let (Some(pn), Some(seen)) = (next_pn, self.totals.rx_seen.get_mut(n)) {
            *seen = pn;
        }
        Ok(())
    }

    /// Removes receive SA `an`; its last counts go to the channel's totals.
    pub fn del_rxsa<B: Bus>(&mut self, bus: &mut B, sci: Sci, rx_sci: Sci, an: u8) -> Result {
        self.ensure_ready()?;
        let s = self.secy_slot(&sci)?;
        let c = self
            .state
            .find_sc(s, &rx_sci)
            .ok_or(refuse(Errno::NoEnt, msg::NO_SC))?;
        validate::an(an)?;
        let n = self
            .state
            .find_rx(c, an)
            .ok_or(refuse(Errno::NoEnt, msg::NO_RX))?;
        let sa = self.state.rx.get(n).copied().unwrap_or(RxSa::EMPTY);
        self.work = self.state;
        let mut wipe: Wipe = [0, 0];
        self.work.free_flow(Dir::Ingress, sa.flow);
        *of_mut(&mut wipe, Dir::Ingress) |= 1 << sa.flow;
        if sa.has_implicit {
            self.work.free_flow(Dir::Ingress, sa.flow_implicit);
            *of_mut(&mut wipe, Dir::Ingress) |= 1 << sa.flow_implicit;
        }
        if let Some(x) = self.work.rx.get_mut(n) {
            *x = RxSa::EMPTY;
        }
        let post = Post::RetireRx {
            n,
            sc: c,
            flows: [Some(sa.flow), sa.has_implicit.then_some(sa.flow_implicit)],
        };
        self.commit(bus, wipe, None, post)?;
        if let Some(x) = self.totals.rx.get_mut(n) {
            *x = RxSaCounters::default();
        }
        Ok(())
    }

    // ---- PNs -------------------------------------------------------------------------------

    fn raise_pn<B: Bus>(&mut self, bus: &mut B, r: &PnRaise) -> Result {
        for f in r.flows.into_iter().flatten() {
            let flow = usize::from(f);
            let Some((cipher, _)) = self.flow_cipher(r.dir, flow) else {
                continue;
            };
            let xpn = cipher.is_xpn();
            let ingress = r.dir == Dir::Ingress;
            let seq_word = record::layout(cipher, ingress).seq;
            let ctx = context_id(flow, self.work.epoch(r.dir, flow));
            let b = bank(r.dir);
            bus.write32(b, ms::NEXT_PN_LOWER, r.seq as u32)?;
            if xpn {
                bus.write32(b, ms::NEXT_PN_UPPER, (r.seq >> 32) as u32)?;
            }
            bus.write32(b, ms::NEXT_PN_CONTEXT_ID, ctx)?;
            let mut ctrl =
                next_pn::ctx_addr(flow as u16, seq_word, ingress) << next_pn::CTX_ADDR_SHIFT;
            if xpn {
                ctrl |= next_pn::SEQ_NUM_SIZE;
            }
            bus.write32(b, ms::NEXT_PN_CTRL, ctrl)?;
            bus.write32(b, ms::NEXT_PN_CTRL, ctrl | ms::NEXT_PN_CTRL_ENABLE_UPDATE)?;
        }
        Ok(())
    }

    /// The cipher of the SA owning flow `flow` of `dir` in the work state.
    fn flow_cipher(&self, dir: Dir, flow: usize) -> Option<(Cipher, usize)> {
        let secy = match self.work.owner(dir, flow) {
            Owner::TxSa(n) => usize::from(self.work.tx.get(usize::from(n))?.secy),
            Owner::RxSa(n) | Owner::RxSaImplicit(n) => {
                let r = self.work.rx.get(usize::from(n))?;
                usize::from(self.work.sc.get(usize::from(r.sc))?.secy)
            }
            _ => return None,
        };
        Some((self.work.secy(secy)?.cfg.cipher, secy))
    }

    // ---- interrupts ------------------------------------------------------------------------

    /// Serves the egress engine's interrupt status (the PHY's interrupt handler calls it when
    /// `INT_STATUS.EXT` says the MACsec block raised it) and writes what it did into `events`
    /// ([`Served`]).
    ///
    /// The threshold event says that a frame left with a PN at or past the switch point
    /// ([`Offload::switch_point`]), the roll-over that one found no PN left. For each encoding
    /// SA past the switch point, the next transmit SA of its SecY in AN order that is installed,
    /// in use and below the switch point takes over: its entry, programmed in full when it was
    /// added, is enabled and the old one disabled in one `SAM_ENTRY_TOGGLE1` write, computed from
    /// the enables read back from the engine ([`TxEvent::Switched`]). With no such SA, an SA that
    /// has used its last PN is taken out of use (its SecY's frames are then dropped by its guard,
    /// never sent in clear, [`TxEvent::Wrapped`]); one that has PNs left goes on, and the
    /// threshold event is disabled until the transmit SAs change, so that it does not come with
    /// every frame.
    ///
    /// Then the handled status bits are cleared by writing them 0, as MESA does, and also when
    /// handling failed: the interrupt controller sees the edges of the engine's output, so a
    /// status bit left set would hide every later event, while a cleared one comes again with
    /// the next frame past the switch point, and the switch is tried again. A switch that
    /// failed is rolled back; one that was made is reported even if the clear fails after it.
    pub fn handle_interrupt<B: Bus>(&mut self, bus: &mut B, events: &mut [TxEvent]) -> Served {
        let fail = |e| Served {
            events: 0,
            result: Err(e),
        };
        if let Err(e) = self.ensure_ready() {
            return fail(e);
        }
        self.forget_fresh();
        let b = bank(Dir::Egress);
        let status = match bus.read32(b, ms::INTR_CTRL_STATUS) {
            Ok(v) => v,
            Err(e) => return fail(e),
        };
        let handled = u32::from(ms::INTR_ROLLOVER | ms::INTR_SEQ_THRESHOLD);
        if status & handled == 0 {
            return Served {
                events: 0,
                result: Ok(()),
            };
        }
        let mut park = false;
        let done = match self.find_switches(bus, events, &mut park) {
            Ok(n) if n > 0 => self.switch(bus).map(|()| n),
            other => other,
        };
        self.work = self.state;
        let mut write = status & !handled;
        if park {
            write &= !(u32::from(ms::INTR_SEQ_THRESHOLD) << ms::INTR_ENABLE_SHIFT);
        }
        let cleared = bus.write32(b, ms::INTR_CTRL_STATUS, write);
        // Also when the write failed: it may have reached the engine, and the next change of
        // the transmit SAs then enables the event again (a write that changes nothing if not).
        self.parked |= park;
        match done {
            Ok(n) => Served {
                events: n,
                result: cleared,
            },
            Err(e) => fail(e),
        }
    }

    /// Finds the encoding SAs past the switch point, puts their switches (or their end) into
    /// `self.work` and `events`, and returns how many; `park` is set when an SA past the switch
    /// point has neither a successor nor its last PN used.
    fn find_switches<B: Bus>(
        &mut self,
        bus: &mut B,
        events: &mut [TxEvent],
        park: &mut bool,
    ) -> Result<usize> {
        let on = of(&self.shadow, Dir::Egress).image.enabled;
        let known = of(&self.shadow, Dir::Egress).known.enabled;
        self.work = self.state;
        let mut n_events = 0;
        for n in 0..POOL {
            let Some(t) = self.state.tx.get(n).copied().filter(|t| t.used && t.active) else {
                continue;
            };
            if (on | !known) & (1 << t.flow) == 0 {
                continue;
            }
            let s = usize::from(t.secy);
            let cfg = self.cfg(s)?;
            let seq = read_seq(bus, Dir::Egress, usize::from(t.flow), cfg.cipher)?;
            if seq < self.switch_point(cfg.cipher) {
                continue;
            }
            let event = match self.next_tx(bus, s, t.an, cfg.cipher)? {
                Some(to) => {
                    let Some(y) = self.work.secy.get_mut(s) else {
                        continue;
                    };
                    let from = if y.switched {
                        y.kernel_encoding_sa
                    } else {
                        y.cfg.encoding_sa
                    };
                    y.switched = true;
                    y.kernel_encoding_sa = from;
                    y.cfg.encoding_sa = to;
                    TxEvent::Switched {
                        sci: cfg.sci,
                        from,
                        to,
                    }
                }
                None if seq >= cfg.cipher.max_pn() => {
                    if let Some(w) = self.work.tx.get_mut(n) {
                        w.active = false;
                    }
                    TxEvent::Wrapped {
                        sci: cfg.sci,
                        an: t.an,
                    }
                }
                None => {
                    *park = true;
                    continue;
                }
            };
            if let Some(slot) = events.get_mut(n_events) {
                *slot = event;
                n_events += 1;
            }
        }
        Ok(n_events)
    }

    /// Applies the switches in `self.work`. The switch is an XOR of the enable bits: it starts
    /// from what the engine holds, read here into the shadow, not from what the shadow believes.
    fn switch<B: Bus>(&mut self, bus: &mut B) -> Result {
        let v = bus.read32(bank(Dir::Egress), ms::SAM_ENTRY_ENABLE1)? as u16;
        let sh = of_mut(&mut self.shadow, Dir::Egress);
        sh.image.enabled = v;
        sh.known.enabled = u16::MAX;
        self.commit(bus, [0, 0], None, Post::None)
    }

    /// The SA that takes over from transmit SA `an` of SecY `s` at the switch point: the next in
    /// AN order that is installed, in use, with a known PN, and below the switch point.
    fn next_tx<B: Bus>(&self, bus: &mut B, s: usize, an: u8, cipher: Cipher) -> Result<Option<u8>> {
        for k in 1..4 {
            let a = (an + k) % 4;
            let Some(n) = self.state.find_tx(s, a) else {
                continue;
            };
            let Some(t) = self.state.tx.get(n).filter(|t| t.active && !t.pn_lost) else {
                continue;
            };
            if read_seq(bus, Dir::Egress, usize::from(t.flow), cipher)? < self.switch_point(cipher)
            {
                return Ok(Some(a));
            }
        }
        Ok(None)
    }

    // ---- counters --------------------------------------------------------------------------

    fn post<B: Bus>(&mut self, bus: &mut B, post: Post) -> Result {
        match post {
            Post::None => Ok(()),
            Post::RetireTx { n, secy, flow } => {
                let cfg = self.cfg(secy)?;
                let mut raw = TxRaw::default();
                let mut pairs = counters::TX_COUNTERS;
                let r = counters::read_tx(bus, usize::from(flow), &mut raw);
                self.account_tx(n, &cfg, &raw);
                r?;
                // What is left (unicast, multicast, broadcast) is cleared.
                pairs &= !0xf;
                let r = counters::clear(bus, Dir::Egress, usize::from(flow), &mut pairs);
                if let Some(d) = self.totals.dirty_mut(Dir::Egress, usize::from(flow)) {
                    *d = pairs;
                }
                r?;
                let t = &mut self.totals;
                if let (Some(c), Some(ret)) = (t.tx.get(n).copied(), t.tx_retired.get_mut(secy)) {
                    ret.add(&c);
                }
                if let (Some(c), Some(ret)) = (
                    t.tx_too_long.get(n).copied(),
                    t.too_long_retired.get_mut(secy),
                ) {
                    *ret = ret.wrapping_add(c);
                }
                Ok(())
            }
            Post::RetireRx { n, sc, flows } => {
                for f in flows.into_iter().flatten() {
                    let mut acc = RxSaCounters::default();
                    let r = counters::read_rx(bus, usize::from(f), &mut acc);
                    if let Some(t) = self.totals.rx.get_mut(n) {
                        t.add(&acc);
                    }
                    r?;
                    let mut pairs = counters::RX_COUNTERS & !0x3ff;
                    let r = counters::clear(bus, Dir::Ingress, usize::from(f), &mut pairs);
                    if let Some(d) = self.totals.dirty_mut(Dir::Ingress, usize::from(f)) {
                        *d = pairs;
                    }
                    r?;
                }
                let t = &mut self.totals;
                if let (Some(c), Some(ret)) = (t.rx.get(n).copied(), t.rx_retired.get_mut(sc)) {
                    ret.add(&c);
                }
                Ok(())
            }
        }
    }

    /// Adds a read of transmit SA `n`'s counters to its totals, as encrypted or only protected
    /// by `cfg`.
    fn account_tx(&mut self, n: usize, cfg: &SecYConfig, raw: &TxRaw) {
        if let Some(t) = self.totals.tx.get_mut(n) {
            t.pkts = t.pkts.wrapping_add(raw.pkts);
            t.octets = t.octets.wrapping_add(raw.octets);
            if cfg.encrypt {
                t.encrypted_pkts = t.encrypted_pkts.wrapping_add(raw.pkts);
                t.encrypted_octets = t.encrypted_octets.wrapping_add(raw.octets);
            }
        }
        if let Some(t) = self.totals.tx_too_long.get_mut(n) {
            *t = t.wrapping_add(raw.too_long);
        }
    }

    /// Reads the hits of SecY `s`'s guard on `dir` into the total its settings name.
    fn read_guard<B: Bus>(&mut self, bus: &mut B, s: usize, dir: Dir) -> Result {
        let Some(y) = self.state.secy(s).copied() else {
            return Ok(());
        };
        let (flow, total) = match dir {
            Dir::Egress => (
                y.guard_egress,
                if y.cfg.protect {
                    self.totals.out_no_sa.get_mut(s)
                } else {
                    self.totals.out_untagged.get_mut(s)
                },
            ),
            Dir::Ingress => (
                y.guard_ingress,
                if y.cfg.validate == Validate::Strict {
                    self.totals.in_no_tag.get_mut(s)
                } else {
                    self.totals.in_untagged.get_mut(s)
                },
            ),
        };
        match total {
            Some(t) => counters::read_guard(bus, dir, usize::from(flow), t),
            None => Ok(()),
        }
    }

    /// The counters of transmit SA `an` of SecY `sci`, and the next PN the engine will send.
    pub fn tx_sa_stats<B: Bus>(
        &mut self,
        bus: &mut B,
        sci: Sci,
        an: u8,
    ) -> Result<(TxSaCounters, u64)> {
        self.ensure_ready()?;
        let s = self.secy_slot(&sci)?;
        validate::an(an)?;
        let n = self
            .state
            .find_tx(s, an)
            .ok_or(refuse(Errno::NoEnt, msg::NO_TX))?;
        let next = if take(&mut self.fresh_tx, n) {
            self.totals.tx_seen.get(n).copied().unwrap_or(0)
        } else {
            self.refresh_tx(bus, s, n)?
        };
        Ok((self.totals.tx.get(n).copied().unwrap_or_default(), next))
    }

    /// Forgets what the current dump read: anything but a stats call may change it.
    fn forget_fresh(&mut self) {
        self.fresh_tx = 0;
        self.fresh_rx = 0;
    }

    /// Reads transmit SA `n`'s counters and PN; returns the next PN.
    fn refresh_tx<B: Bus>(&mut self, bus: &mut B, s: usize, n: usize) -> Result<u64> {
        let cfg = self.cfg(s)?;
        let flow = usize::from(self.state.tx.get(n).map(|t| t.flow).unwrap_or(0));
        let mut raw = TxRaw::default();
        let r = counters::read_tx(bus, flow, &mut raw);
        self.account_tx(n, &cfg, &raw);
        r?;
        let next = read_seq(bus, Dir::Egress, flow, cfg.cipher)?.wrapping_add(1);
        if let Some(seen) = self.totals.tx_seen.get_mut(n) {
            *seen = next;
        }
        Ok(next)
    }

    /// The counters of the transmit channel of SecY `sci`: its SAs', the deleted ones included.
    pub fn tx_sc_stats<B: Bus>(&mut self, bus: &mut B, sci: Sci) -> Result<TxSaCounters> {
        self.ensure_ready()?;
        let s = self.secy_slot(&sci)?;
        let mut sum = self.totals.tx_retired.get(s).copied().unwrap_or_default();
        for n in 0..POOL {
            if self
                .state
                .tx
                .get(n)
                .is_some_and(|t| t.used && usize::from(t.secy) == s)
            {
                self.refresh_tx(bus, s, n)?;
                self.fresh_tx |= bit(n);
                if let Some(c) = self.totals.tx.get(n) {
                    sum.add(c);
                }
            }
        }
        Ok(sum)
    }

    /// The counters of receive SA `an` of channel `rx_sci`, and the next PN it expects.
    pub fn rx_sa_stats<B: Bus>(
        &mut self,
        bus: &mut B,
        sci: Sci,
        rx_sci: Sci,
        an: u8,
    ) -> Result<(RxSaCounters, u64)> {
        self.ensure_ready()?;
        let s = self.secy_slot(&sci)?;
        let c = self
            .state
            .find_sc(s, &rx_sci)
            .ok_or(refuse(Errno::NoEnt, msg::NO_SC))?;
        validate::an(an)?;
        let n = self
            .state
            .find_rx(c, an)
            .ok_or(refuse(Errno::NoEnt, msg::NO_RX))?;
        let next = if take(&mut self.fresh_rx, n) {
            self.totals.rx_seen.get(n).copied().unwrap_or(0)
        } else {
            self.refresh_rx(bus, s, n)?
        };
        Ok((self.totals.rx.get(n).copied().unwrap_or_default(), next))
    }

    fn refresh_rx<B: Bus>(&mut self, bus: &mut B, s: usize, n: usize) -> Result<u64> {
        let cfg = self.cfg(s)?;
        let sa = self.state.rx.get(n).copied().unwrap_or(RxSa::EMPTY);
        let mut next = 0u64;
        for f in [Some(sa.flow), sa.has_implicit.then_some(sa.flow_implicit)]
            .into_iter()
            .flatten()
        {
            let mut acc = RxSaCounters::default();
            let r = counters::read_rx(bus, usize::from(f), &mut acc);
            if let Some(t) = self.totals.rx.get_mut(n) {
                t.add(&acc);
            }
            r?;
            next = next.max(read_seq(bus, Dir::Ingress, usize::from(f), cfg.cipher)?);
        }
        if let Some(seen) = self.totals.rx_seen.get_mut(n) {
            *seen = next;
        }
        Ok(next)
    }

    /// The counters of receive channel `rx_sci`: its SAs', the deleted ones included.
    pub fn rx_sc_stats<B: Bus>(
        &mut self,
        bus: &mut B,
        sci: Sci,
        rx_sci: Sci,
    ) -> Result<RxSaCounters> {
        self.ensure_ready()?;
        let s = self.secy_slot(&sci)?;
        let c = self
            .state
            .find_sc(s, &rx_sci)
            .ok_or(refuse(Errno::NoEnt, msg::NO_SC))?;
        let mut sum = self.totals.rx_retired.get(c).copied().unwrap_or_default();
        for n in 0..POOL {
            if self
                .state
                .rx
                .get(n)
                .is_some_and(|r| r.used && usize::from(r.sc) == c)
            {
                self.refresh_rx(bus, s, n)?;
                self.fresh_rx |= bit(n);
                if let Some(x) = self.totals.rx.get(n) {
                    sum.add(x);
                }
            }
        }
        Ok(sum)
    }

    /// The counters of SecY `sci` (see [`DevCounters`]).
    pub fn dev_stats<B: Bus>(&mut self, bus: &mut B, sci: Sci) -> Result<DevCounters> {
        self.ensure_ready()?;
        let s = self.secy_slot(&sci)?;
        self.read_guard(bus, s, Dir::Egress)?;
        self.read_guard(bus, s, Dir::Ingress)?;
        let mut too_long = self.totals.too_long_retired.get(s).copied().unwrap_or(0);
        for n in 0..POOL {
            let Some(t) = self.state.tx.get(n).copied().filter(|t| t.used) else {
                continue;
            };
            if usize::from(t.secy) != s {
                continue;
            }
            // The transmit SC's stats, first in the dump, read it already.
            let fresh = self.fresh_tx & bit(n) != 0;
            if let Some(acc) = self.totals.tx_too_long.get_mut(n) {
                if !fresh {
                    counters::acc40(
                        bus,
                        Dir::Egress,
                        counters::sa_base(usize::from(t.flow))
                            + crate::hw::eip160::stats::out_sa::PKTS_TOO_LONG,
                        acc,
                    )?;
                }
                too_long = too_long.wrapping_add(*acc);
            }
        }
        for k in [
            counters::G_IN_BAD_TAG,
            counters::G_IN_NO_SCI,
            counters::G_IN_UNKNOWN_SCI,
        ] {
            if let Some(acc) = self.totals.global.get_mut(k) {
                counters::read_global(bus, k, acc)?;
            }
        }
        let t = &self.totals;
        let g = |k: usize| t.global.get(k).copied().unwrap_or(0);
        let at = |v: &[u64; MAX_SECY]| v.get(s).copied().unwrap_or(0);
        Ok(DevCounters {
            out_untagged: at(&t.out_untagged),
            out_too_long: too_long,
            in_untagged: at(&t.in_untagged),
            in_no_tag: at(&t.in_no_tag),
            in_bad_tag: g(counters::G_IN_BAD_TAG),
            in_unknown_sci: g(counters::G_IN_UNKNOWN_SCI),
            in_no_sci: g(counters::G_IN_NO_SCI),
            in_overrun: 0,
        })
    }

    /// Reads the engines' global counters into the totals and copies them, in
    /// [`Offload::STAT_NAMES`] order, into `out` (as many as fit).
    pub fn global_stats<B: Bus>(&mut self, bus: &mut B, out: &mut [u64]) -> Result {
        self.ensure_ready()?;
        for k in 0..counters::N_GLOBALS {
            if let Some(acc) = self.totals.global.get_mut(k) {
                counters::read_global(bus, k, acc)?;
            }
        }
        for (o, v) in out.iter_mut().zip(self.totals.global.iter()) {
            *o = *v;
        }
        Ok(())
    }
}

/// The counter pairs a flow of `owner` moves.
const fn owner_counters(owner: Owner) -> u32 {
    match owner {
        Owner::Free => 0,
        Owner::Guard(_) => counters::GUARD_COUNTERS,
        Owner::TxSa(_) => counters::TX_COUNTERS,
        Owner::RxSa(_) | Owner::RxSaImplicit(_) => counters::RX_COUNTERS,
    }
}

/// Counter reads that are part of an operation.
#[derive(Clone, Copy, Debug)]
enum Post {
    /// None.
    None,
    /// The last counts of transmit SA `n` of SecY `secy`, whose flow was `flow`.
    RetireTx { n: usize, secy: usize, flow: u8 },
    /// The last counts of receive SA `n` of channel `sc`, whose flows were `flows`.
    RetireRx {
        n: usize,
        sc: usize,
        flows: [Option<u8>; 2],
    },
}

/// The engine set-up of `vsc8584_macsec_block_init` up to the enable, which comes once the
/// flows are programmed: reset, context size, counters clear-on-read and cleared, MTU checks,
/// VLAN parsing, the ingress consistency check passing what it has no entry for.
fn block_setup<B: Bus>(bus: &mut B, dir: Dir) -> Result {
    let b = bank(dir);
    let ingress = dir == Dir::Ingress;
    bus.write32(b, ms::ENA_CFG, ms::ENA_CFG_SW_RST | ms::ENA_CFG_BYPASS_ENA)?;
    bus.write32(b, ms::ENA_CFG, ms::ENA_CFG_CLK_ENA)?;
    bus.write32(
        b,
        ms::STATUS_CONTEXT_CTRL,
        if ingress {
            setup::CONTEXT_CTRL_INGRESS
        } else {
            setup::CONTEXT_CTRL_EGRESS
        },
    )?;
    bus.write32(b, ms::COUNT_CONTROL, ms::COUNT_CONTROL_AUTO_CNTR_RESET)?;
    bus.write32(b, setup::PP_CTRL, setup::PP_CTRL_MACSEC_OCTET_INCR_MODE)?;
    bus.write32(b, ms::BLOCK_CTX_UPDATE, setup::BLOCK_CTX_UPDATE_VALUE)?;
    bus.write32(
        b,
        ms::COUNT_CONTROL,
        ms::COUNT_CONTROL_AUTO_CNTR_RESET | ms::COUNT_CONTROL_RESET_ALL,
    )?;
    let mtu = setup::MTU | setup::MTU_COMP_DROP;
    bus.write32(b, ms::NON_VLAN_MTU_CHECK, mtu)?;
    for up in 0..8 {
        bus.write32(b, ms::vlan_mtu_check(up), mtu)?;
    }
    if !ingress {
        bus.write32(b, setup::FC_CFG, setup::FC_CFG_VALUE)?;
    }
    let parse = setup::CP_TAG_PARSE_QINQ | setup::CP_TAG_PARSE_STAG | setup::CP_TAG_PARSE_QTAG;
    bus.write32(b, setup::SAM_CP_TAG, parse)?;
    if ingress {
        bus.write32(
            b,
            setup::IG_CC_CONTROL,
            setup::IG_CC_NON_MATCH_CTRL_ACT | setup::IG_CC_NON_MATCH_ACT,
        )?;
        bus.write32(b, setup::IG_CP_TAG, parse)?;
    }
    Ok(())
}

/// Reads the sequence number of flow `flow`'s record (both words with XPN, high word read
/// around the low one so that a carry between the reads is seen).
pub fn read_seq<B: Bus>(bus: &mut B, dir: Dir, flow: usize, cipher: Cipher) -> Result<u64> {
    let at = record::layout(cipher, dir == Dir::Ingress).seq;
    let b = bank(dir);
    let word = |w: u16| ms::xform_rec(flow as u16, w);
    if !cipher.is_xpn() {
        return Ok(u64::from(bus.read32(b, word(at))?));
    }
    let hi = bus.read32(b, word(at + 1))?;
    let lo = bus.read32(b, word(at))?;
    let hi2 = bus.read32(b, word(at + 1))?;
    if hi2 == hi {
        return Ok((u64::from(hi) << 32) | u64::from(lo));
    }
    let lo2 = bus.read32(b, word(at))?;
    Ok((u64::from(hi2) << 32) | u64::from(lo2))
}

/// The EtherType of EAPOL, re-exported for the shell's module parameter handling.
pub const EAPOL: u16 = ETH_P_PAE;

/// The default number of PNs left when the hardware switches to the next SA: 2^20 frames last
/// 0.7 s at the 1.49 million minimum-size frames per second of 1 Gb/s, a hundred times what the
/// interrupt and the switch (a few register accesses over MDIO, about 50 frames at 2.5 MHz)
/// take.
pub const DEFAULT_PN_MARGIN: u64 = 1 << 20;
/// The largest margin: half the 32-bit PN space.
pub const MAX_PN_MARGIN: u64 = 1 << 31;
