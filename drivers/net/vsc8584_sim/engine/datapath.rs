// SPDX-License-Identifier: GPL-2.0

//! One frame through one EIP-160 engine, driven by its register bank.
//!
//! This is the frame path of the simulated PHY: the egress engine between
//! the host MAC and the line (protect), the ingress engine between the line
//! and the host MAC (verify and strip). Per frame:
//!
//! 1. `ENA_CFG`: in bypass the frame passes unchanged and uncounted; with the
//!    block disabled, unclocked or held in reset it is lost;
//! 2. parse and classify ([`classify`]): VLAN tags, MACsec class, control
//!    packet; control packets count `In/OutPktsCtrl`, tagged ingress frames
//!    `InPktsTagged`;
//! 3. SAM lookup ([`sam::lookup`]). No match: the lane of the frame's class
//!    in `SAM_NM_FLOW_CP` (control packets) or `SAM_NM_FLOW_NCP` bypasses or
//!    drops it; on ingress a tagged frame counts `InPktsNoSCI` (Strict or C
//!    set, by the global `VALIDATE_FRAMES`) or `InPktsUnknownSCI`, and with
//!    `NM_MACSEC_EN` that decides its fate instead of the lane;
//! 4. a hit: the flow control word of the entry. Bypass and drop flows count
//!    on the SA's shared counter (`HitDropReserved`); MACsec flows run the
//!    transform of this direction with the entry's record
//!    ([`egress`], [`ingress`]); `MISC_CONTROL.STATIC_BYPASS` passes their
//!    frames unchanged instead;
//! 5. post-processing of what leaves ([`post`]): the ingress consistency
//!    check (no entries: `IG_CC_CONTROL`'s non-match action), the MTU check
//!    on the frame as it leaves, then the SA, interface and VLAN counters.
//!
//! Egress PNs: the record holds the last PN sent. A frame takes seq + 1; the
//! frame whose increment would pass the maximum (2^32 - 1, or 2^64 - 1 with
//! XPN) raises the roll-over status and is dropped, and with
//! `BLOCK_CTX_UPDATE` set the sequence number stays at the maximum. A PN at
//! or above `SEQ_NUM_THRESH` (equal to it with `THRESHOLD_MODE`) raises the
//! threshold status.
//!
//! Ingress, as 802.1AE 10.6 with the flow's validateFrames: untagged frames
//! are dropped by Strict (`InPktsNoTag`) or passed (`InPktsUntagged`); an SA
//! not in use drops encrypted or Strict frames (`NotUsingSA`) and strips the
//! others unchecked (`UnusedSA`); Disabled strips integrity-only frames
//! unchecked (`Unchecked`); with `REPLAY_PROTECT` a PN below seq - window is
//! `Late`; an ICV failure is `NotValid`, except that Check delivers an
//! integrity-only frame stripped (`Invalid`); a valid frame is `OK`, or
//! `Delayed` below the window, and moves seq to PN + 1 when that is higher.

use super::classify::{self, Class, Frame};
use super::gcm::AeadGcm;
use super::record::{Record, RecordError};
use super::sam;
use super::sectag::{MAC_HDR_LEN, TCI_C};
use super::transform::{self, ProtectError, RxConfig, TxConfig, VerifyError};
use crate::regdesc::classifier::{self, misc_control, nm_lane};
use crate::regdesc::crypto::{self, block_ctx, context_ctrl, intr};
use crate::regdesc::ctl::{self, ena_cfg};
use crate::regdesc::postproc::{self, ig_cc_control, mtu, pp_ctrl};
use crate::regdesc::sam::{self as samreg, flow};
use crate::regdesc::stats::{
    egress_global as eg, egress_sa as esa, ingress_global as ig, ingress_sa as isa, vlan as vl,
    Counter,
};
use crate::regs::macsec_bank::{CounterSet, Engine, MacsecBank};
use crate::regs::Package;

/// Builds the AES-GCM implementation for a key: lib/crypto in the kernel,
/// RustCrypto on the host.
pub trait GcmFactory {
    /// The cipher for one key.
    type Gcm: AeadGcm;

    /// Expands `key` (16, 24 or 32 octets), or `None` when that fails.
    fn expand(&self, key: &[u8]) -> Option<Self::Gcm>;
}

/// Why the engine did not pass a frame on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DropReason {
    /// Shorter than an Ethernet header.
    Runt,
    /// The block is disabled, unclocked or held in reset (`ENA_CFG`).
    EngineOff,
    /// No SAM entry matched and the non-match flow drops.
    NonMatch,
    /// The matching flow is a drop flow.
    DropFlow,
    /// The transform record is unusable.
    Record(RecordError),
    /// The flow's transform is not the one of this engine, or a field of
    /// the flow control word holds a reserved value.
    WrongFlowType,
    /// The egress SA's PN rolled over.
    PnExhausted,
    /// The frame exceeds the MTU check.
    TooLong,
    /// The key could not be expanded.
    Key,
    /// Protection failed (see the error).
    Protect(ProtectError),
    /// The frame's SA is not in use.
    NotUsingSa,
    /// Below the replay window.
    Late,
    /// Failed validation.
    NotValid(VerifyError),
    /// A frame without SecTAG on a Strict SA flow.
    NoTag,
    /// An invalid SecTAG.
    BadTag,
    /// A tagged frame of no known SC, with `NM_MACSEC_EN`.
    NoSci,
    /// The ingress consistency check dropped it.
    Consistency,
}

/// What became of a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Passed on; the frame is the first `len` octets of the output buffer.
    Forward(usize),
    /// Dropped.
    Drop(DropReason),
}

/// Output buffer space a frame of `len` octets may need: SecTAG with SCI
/// and ICV.
pub const fn max_out_len(len: usize) -> usize {
    len + super::sectag::SECTAG_SCI_LEN + super::sectag::ICV_LEN
}

/// Copies `frame` to `out` unchanged and returns its length.
fn copy(frame: &[u8], out: &mut [u8]) -> Option<usize> {
    let dst = out.get_mut(..frame.len())?;
    for (d, s) in dst.iter_mut().zip(frame) {
        *d = *s;
    }
    Some(frame.len())
}

/// Copies `frame` to `out` unchanged.
fn pass(frame: &[u8], out: &mut [u8]) -> Outcome {
    match copy(frame, out) {
        Some(n) => Outcome::Forward(n),
        None => Outcome::Drop(DropReason::Protect(ProtectError::OutputTooSmall {
            needed: frame.len(),
        })),
    }
}

/// The SA counters a frame leaving through an SA flow still owes, counted
/// once post-processing let it go.
#[derive(Clone, Copy, Debug)]
struct SaOut {
    /// The SA (flow, record) index.
    index: u16,
    /// Egress: count it as protected.
    protected: bool,
    /// Octets of user data to count, if the octet counter counts it.
    octets: Option<u64>,
}

/// The engine's decision on a frame, before post-processing.
#[derive(Clone, Copy, Debug)]
enum Fate {
    /// `len` octets in the output buffer leave towards destination port
    /// `dest`.
    Forward {
        len: usize,
        dest: u32,
        sa: Option<SaOut>,
    },
    /// Dropped.
    Drop(DropReason),
}

impl Fate {
    fn unchanged(frame: &[u8], out: &mut [u8], dest: u32, sa: Option<SaOut>) -> Self {
        match copy(frame, out) {
            Some(len) => Fate::Forward { len, dest, sa },
            None => Fate::Drop(DropReason::Protect(ProtectError::OutputTooSmall {
                needed: frame.len(),
            })),
        }
    }
}

/// Whether drop action `action` lets the frame through. Actions 0 and 1
/// pass it with a bad CRC or an error flag, which the next MAC discards: the
/// simulator drops it at once.
fn drop_action_passes(action: u32) -> bool {
    action == flow::DROP_NONE
}

fn count_global(bank: &mut MacsecBank, c: &Counter) {
    bank.count(CounterSet::Global, c, 1);
}

fn count_sa(bank: &mut MacsecBank, sa: u16, c: &Counter, inc: u64) {
    bank.count(CounterSet::Sa(sa), c, inc);
}

/// Unicast, multicast or broadcast counter of a destination address.
fn cast<'a>(da: &[u8; 6], uc: &'a Counter, mc: &'a Counter, bc: &'a Counter) -> &'a Counter {
    if da.iter().all(|b| *b == 0xff) {
        bc
    } else if da.first().is_some_and(|b| b & 1 != 0) {
        mc
    } else {
        uc
    }
}

/// Runs `frame` (from the destination address, no FCS) through `bank` and
/// writes what leaves the engine into `out`, which should hold
/// [`max_out_len`] octets. Returns the outcome and the `INTR_CTRL_STATUS`
/// bits the frame raised.
pub fn process<F: GcmFactory>(
    bank: &mut MacsecBank,
    gcm: &F,
    frame: &[u8],
    out: &mut [u8],
) -> (Outcome, u32) {
    let (outcome, intr, _) = process_sa(bank, gcm, frame, out);
    (outcome, intr)
}

/// [`process`], and the SA (flow) index of a frame protected on egress.
fn process_sa<F: GcmFactory>(
    bank: &mut MacsecBank,
    gcm: &F,
    frame: &[u8],
    out: &mut [u8],
) -> (Outcome, u32, Option<u16>) {
    let ena = bank.peek(ctl::ENA_CFG);
    if ena_cfg::MACSEC_BYPASS_ENA.is_set(ena) {
        return (pass(frame, out), 0, None);
    }
    if !ena_cfg::CLK_ENA.is_set(ena)
        || ena_cfg::SW_RST.is_set(ena)
        || !ena_cfg::MACSEC_ENA.is_set(ena)
    {
        return (Outcome::Drop(DropReason::EngineOff), 0, None);
    }
    let Ok(parsed) = classify::classify(bank, frame) else {
        return (Outcome::Drop(DropReason::Runt), 0, None);
    };
    let ingress = bank.is_ingress();
    if parsed.control {
        count_global(
            bank,
            if ingress {
                &ig::IN_PKTS_CTRL
            } else {
                &eg::OUT_PKTS_CTRL
            },
        );
    }
    if ingress && parsed.class == Class::Tagged {
        count_global(bank, &ig::IN_PKTS_TAGGED);
    }
    let mut intr = 0;
    let fate = match sam::lookup(bank, &parsed) {
        None => non_match(bank, &parsed, frame, out),
        Some(i) => hit(bank, gcm, i, &parsed, frame, out, &mut intr),
    };
    let sa = match fate {
        Fate::Forward { sa: Some(sa), .. } if sa.protected => Some(sa.index),
        _ => None,
    };
    let outcome = post(bank, &parsed, fate);
    (outcome, intr, sa)
}

/// A frame no SAM entry matched.
fn non_match(bank: &mut MacsecBank, parsed: &Frame, frame: &[u8], out: &mut [u8]) -> Fate {
    let lanes = bank.peek(if parsed.control {
        classifier::SAM_NM_FLOW_CP
    } else {
        classifier::SAM_NM_FLOW_NCP
    });
    let shift = nm_lane::SHIFT
        .get(parsed.class.index())
        .copied()
        .unwrap_or(0);
    let lane = (lanes >> shift) & 0xff;
    let dest = nm_lane::DEST_PORT.get(lane);
    let drops =
        nm_lane::FLOW_TYPE.is_set(lane) && !drop_action_passes(nm_lane::DROP_ACTION.get(lane));
    let by_lane = |out: &mut [u8]| {
        if drops {
            Fate::Drop(DropReason::NonMatch)
        } else {
            Fate::unchanged(frame, out, dest, None)
        }
    };
    if !bank.is_ingress() {
        if !parsed.control {
            count_global(bank, &eg::OUT_PKTS_UNKNOWN_SA);
        }
        return by_lane(out);
    }
    match parsed.class {
        Class::Untagged => {
            count_global(bank, &ig::IN_PKTS_UNTAGGED_MISS);
            by_lane(out)
        }
        Class::BadTag => {
            let fate = by_lane(out);
            if matches!(fate, Fate::Drop(_)) {
                count_global(bank, &ig::IN_PKTS_BAD_TAG);
            }
            fate
        }
        Class::Kay => by_lane(out),
        Class::Tagged => {
            let misc = bank.peek(classifier::MISC_CONTROL);
            let validate = misc_control::VALIDATE_FRAMES.get(misc);
            let no_sci = validate == flow::VALIDATE_STRICT || parsed.tci_an & TCI_C != 0;
            count_global(
                bank,
                if no_sci {
                    &ig::IN_PKTS_NO_SCI
                } else {
                    &ig::IN_PKTS_UNKNOWN_SCI
                },
            );
            if !misc_control::NM_MACSEC_EN.is_set(misc) {
                by_lane(out)
            } else if no_sci {
                Fate::Drop(DropReason::NoSci)
            } else {
                // *Choice*: an unknown SC the frame is not dropped for passes
                // unchanged, as Linux's software MACsec passes it.
                Fate::unchanged(frame, out, flow::PORT_UNCONTROLLED, None)
            }
        }
    }
}

/// A frame that hit SAM entry `i`.
fn hit<F: GcmFactory>(
    bank: &mut MacsecBank,
    gcm: &F,
    i: u16,
    parsed: &Frame,
    frame: &[u8],
    out: &mut [u8],
    intr: &mut u32,
) -> Fate {
    let ctrl = bank.peek(samreg::flow_ctrl(i));
    let dest = flow::DEST_PORT.get(ctrl);
    let ingress = bank.is_ingress();
    // The shared counter at +4 also counts hits of bypass and drop flows
    // ("HitDropReserved", `ingr.h:3696`, `egr.h:3896`).
    let hit_drop = if ingress {
        &isa::IN_PKTS_UNCHECKED
    } else {
        &esa::OUT_PKTS_ENCRYPTED_PROTECTED
    };
    let static_bypass = misc_control::STATIC_BYPASS.is_set(bank.peek(classifier::MISC_CONTROL));
    match (flow::FLOW_TYPE.get(ctrl), ingress) {
        (flow::TYPE_BYPASS, _) => {
            count_sa(bank, i, hit_drop, 1);
            Fate::unchanged(frame, out, dest, None)
        }
        (flow::TYPE_DROP, _) => {
            count_sa(bank, i, hit_drop, 1);
            if drop_action_passes(flow::DROP_ACTION.get(ctrl)) {
                Fate::unchanged(frame, out, dest, None)
            } else {
                Fate::Drop(DropReason::DropFlow)
            }
        }
        (flow::TYPE_EGRESS, false) | (flow::TYPE_INGRESS, true) if static_bypass => {
            Fate::unchanged(frame, out, dest, None)
        }
        (flow::TYPE_EGRESS, false) => {
            egress(bank, gcm, &Hit::new(i, ctrl, parsed, frame), out, intr)
        }
        (flow::TYPE_INGRESS, true) => {
            ingress_flow(bank, gcm, &Hit::new(i, ctrl, parsed, frame), out, intr)
        }
        _ => {
            count_global(bank, &ig::TRANSFORM_ERROR_PKTS);
            Fate::Drop(DropReason::WrongFlowType)
        }
    }
}

/// A frame and the SAM entry it hit.
#[derive(Clone, Copy)]
struct Hit<'a> {
    /// Index of the entry, of its flow control word and of its record.
    index: u16,
    /// The flow control word.
    ctrl: u32,
    /// What the parser found.
    parsed: &'a Frame,
    /// The frame.
    frame: &'a [u8],
}

impl<'a> Hit<'a> {
    fn new(index: u16, ctrl: u32, parsed: &'a Frame, frame: &'a [u8]) -> Self {
        Self {
            index,
            ctrl,
            parsed,
            frame,
        }
    }
}

/// Whether the octet counters count frames of an SA flow whose
/// protectFrames / validateFrames is off (`PP_CTRL.MACSEC_OCTET_INCR_MODE`).
fn octets_always(bank: &MacsecBank) -> bool {
    pp_ctrl::MACSEC_OCTET_INCR_MODE.is_set(bank.peek(postproc::PP_CTRL))
}

/// The egress transform of the flow `hit` names.
fn egress<F: GcmFactory>(
    bank: &mut MacsecBank,
    gcm: &F,
    hit: &Hit<'_>,
    out: &mut [u8],
    intr: &mut u32,
) -> Fate {
    let Hit {
        index: i,
        ctrl,
        parsed: _,
        frame,
    } = *hit;
    let dest = flow::DEST_PORT.get(ctrl);
    if !flow::SA_IN_USE.is_set(ctrl) {
        // *Choice*: an egress MACsec flow without its SA in use has no SA:
        // "egress packets for which SA is not found" (`egr.h:4357-4358`).
        count_global(bank, &eg::OUT_PKTS_UNKNOWN_SA);
        return Fate::Drop(DropReason::NotUsingSa);
    }
    // 4-octet tags left in clear: 0, 1 or 2 (`egr.h:1615-1617`).
    let tags_len = match flow::TAG_BYPASS_SIZE.get(ctrl) {
        n @ 0..=2 => n as usize * 4,
        _ => {
            count_global(bank, &eg::TRANSFORM_ERROR_PKTS);
            return Fate::Drop(DropReason::WrongFlowType);
        }
    };
    let user = frame.len().saturating_sub(MAC_HDR_LEN + tags_len) as u64;
    if !flow::PROTECT_FRAME.is_set(ctrl) {
        count_global(bank, &eg::OUT_PKTS_UNTAGGED);
        let sa = SaOut {
            index: i,
            protected: false,
            octets: octets_always(bank).then_some(user),
        };
        return Fate::unchanged(frame, out, dest, Some(sa));
    }
    let rec = match Record::read(bank, i) {
        Ok(rec) => rec,
        Err(e) => {
            *intr |= intr::CONTEXT_ERROR;
            count_global(bank, &eg::TRANSFORM_ERROR_PKTS);
            return Fate::Drop(DropReason::Record(e));
        }
    };
    let last = rec.seq(bank);
    if last >= rec.max_seq() {
        // "roll-over (increment from maximum to zero)" (`egr.h:6354-6356`):
        // the increment itself is the event. The frame is lost as a
        // transform error; a blocked context update keeps the maximum.
        *intr |= intr::SEQ_ROLLOVER;
        count_global(bank, &eg::TRANSFORM_ERROR_PKTS);
        let blocked = block_ctx::BLOCK_CTX_UPDATES.get(bank.peek(crypto::BLOCK_CTX_UPDATE)) != 0;
        if !blocked && rec.updates_seq() {
            rec.set_seq(bank, 0);
        }
        return Fate::Drop(DropReason::PnExhausted);
    }
    let pn = last + 1;
    let Some(cipher) = gcm.expand(rec.key()) else {
        count_global(bank, &eg::TRANSFORM_ERROR_PKTS);
        return Fate::Drop(DropReason::Key);
    };
    let cfg = TxConfig {
        sci: rec.sci,
        suite: rec.suite,
        an: rec.an,
        include_sci: flow::INCLUDE_SCI.is_set(ctrl),
        end_station: flow::USE_ES.is_set(ctrl),
        scb: flow::USE_SCB.is_set(ctrl),
        encrypt: flow::CONF_PROTECT.is_set(ctrl),
        conf_offset: flow::CONFIDENTIALITY_OFFSET.get(ctrl) as u8,
    };
    let len = match transform::protect_with_tags(&cipher, &cfg, pn, frame, tags_len, out) {
        Ok(len) => len,
        Err(e) => {
            count_global(bank, &eg::TRANSFORM_ERROR_PKTS);
            return Fate::Drop(DropReason::Protect(e));
        }
    };
    if rec.updates_seq() {
        rec.set_seq(bank, pn);
    }
    let thresh = if rec.suite.is_xpn() {
        (u64::from(bank.peek(crypto::SEQ_NUM_THRESH_UPPER)) << 32)
            | u64::from(bank.peek(crypto::SEQ_NUM_THRESH_LOWER))
    } else {
        u64::from(bank.peek(crypto::SEQ_NUM_THRESH))
    };
    let equal_only = context_ctrl::THRESHOLD_MODE.is_set(bank.peek(crypto::CONTEXT_CTRL));
    if (equal_only && pn == thresh) || (!equal_only && pn >= thresh) {
        *intr |= intr::SEQ_THRESHOLD;
    }
    let sa = SaOut {
        index: i,
        protected: true,
        octets: Some(user),
    };
    Fate::Forward {
        len,
        dest,
        sa: Some(sa),
    }
}

/// Strips the integrity-only frame of `hit` without checking it, counting
/// `counter` on its SA.
fn strip(
    bank: &mut MacsecBank,
    hit: &Hit<'_>,
    counter: &Counter,
    tag: &super::sectag::Parsed,
    octets: bool,
    out: &mut [u8],
) -> Fate {
    match transform::strip_unchecked(tag, hit.frame, out) {
        Ok(len) => {
            count_sa(bank, hit.index, counter, 1);
            let sa = SaOut {
                index: hit.index,
                protected: false,
                octets: octets.then_some(tag.data_len() as u64),
            };
            Fate::Forward {
                len,
                dest: flow::DEST_PORT.get(hit.ctrl),
                sa: Some(sa),
            }
        }
        Err(e) => {
            count_sa(bank, hit.index, &isa::IN_PKTS_NOT_VALID, 1);
            Fate::Drop(DropReason::NotValid(e))
        }
    }
}

/// The ingress transform of the flow `hit` names.
fn ingress_flow<F: GcmFactory>(
    bank: &mut MacsecBank,
    gcm: &F,
    hit: &Hit<'_>,
    out: &mut [u8],
    intr: &mut u32,
) -> Fate {
    let Hit {
        index: i,
        ctrl,
        parsed,
        frame,
    } = *hit;
    let validate = flow::VALIDATE_FRAMES.get(ctrl);
    let dest = flow::DEST_PORT.get(ctrl);
    match parsed.class {
        Class::Untagged => {
            count_sa(bank, i, &isa::IN_PKTS_UNTAGGED_HIT, 1);
            if validate == flow::VALIDATE_STRICT {
                count_global(bank, &ig::IN_PKTS_NO_TAG);
                return Fate::Drop(DropReason::NoTag);
            }
            count_global(bank, &ig::IN_PKTS_UNTAGGED);
            let sa = SaOut {
                index: i,
                protected: false,
                octets: None,
            };
            return Fate::unchanged(frame, out, dest, Some(sa));
        }
        Class::BadTag => {
            count_global(bank, &ig::IN_PKTS_BAD_TAG);
            return Fate::Drop(DropReason::BadTag);
        }
        Class::Tagged | Class::Kay => {}
    }
    let Some(tag) = parsed.sectag else {
        count_global(bank, &ig::TRANSFORM_ERROR_PKTS);
        return Fate::Drop(DropReason::BadTag);
    };
    let rec = match Record::read(bank, i) {
        Ok(rec) => rec,
        Err(e) => {
            *intr |= intr::CONTEXT_ERROR;
            count_global(bank, &ig::TRANSFORM_ERROR_PKTS);
            return Fate::Drop(DropReason::Record(e));
        }
    };
    // PN 0 is legal only with XPN (802.1AE 10.6.2, and what CHECK_PN is
    // for, `ingr.h:2007-2010`).
    if tag.tag().pn == 0 && !rec.suite.is_xpn() {
        count_global(bank, &ig::IN_PKTS_BAD_TAG);
        return Fate::Drop(DropReason::BadTag);
    }
    let changed = tag.tag().c;
    let count_octets = octets_always(bank) || validate != flow::VALIDATE_DISABLED;
    if !flow::SA_IN_USE.is_set(ctrl) {
        if changed || validate == flow::VALIDATE_STRICT {
            count_sa(bank, i, &isa::IN_PKTS_NOT_USING_SA, 1);
            return Fate::Drop(DropReason::NotUsingSa);
        }
        return strip(bank, hit, &isa::IN_PKTS_UNUSED_SA, &tag, count_octets, out);
    }
    if validate == flow::VALIDATE_DISABLED && !changed {
        return strip(bank, hit, &isa::IN_PKTS_UNCHECKED, &tag, count_octets, out);
    }
    let next = rec.seq(bank);
    let pn = if rec.suite.is_xpn() {
        transform::recover_xpn_pn(tag.tag().pn, next)
    } else {
        u64::from(tag.tag().pn)
    };
    let lowest = next.saturating_sub(rec.window(bank));
    if flow::REPLAY_PROTECT.is_set(ctrl) && pn < lowest {
        count_sa(bank, i, &isa::IN_PKTS_LATE, 1);
        return Fate::Drop(DropReason::Late);
    }
    let Some(cipher) = gcm.expand(rec.key()) else {
        count_global(bank, &ig::TRANSFORM_ERROR_PKTS);
        return Fate::Drop(DropReason::Key);
    };
    let cfg = RxConfig {
        sci: rec.sci,
        suite: rec.suite,
        conf_offset: flow::CONFIDENTIALITY_OFFSET.get(ctrl) as u8,
    };
    match transform::open(&cipher, &cfg, &tag, pn, frame, out) {
        Ok(len) => {
            let counter = if pn < lowest {
                &isa::IN_PKTS_DELAYED
            } else {
                &isa::IN_PKTS_OK
            };
            count_sa(bank, i, counter, 1);
            if rec.updates_seq() && pn >= next {
                rec.set_seq(bank, pn.saturating_add(1));
            }
            let sa = SaOut {
                index: i,
                protected: false,
                octets: count_octets.then_some(tag.data_len() as u64),
            };
            Fate::Forward {
                len,
                dest,
                sa: Some(sa),
            }
        }
        Err(VerifyError::Auth) if validate == flow::VALIDATE_CHECK && !changed => {
            strip(bank, hit, &isa::IN_PKTS_INVALID, &tag, count_octets, out)
        }
        Err(e) => {
            count_sa(bank, i, &isa::IN_PKTS_NOT_VALID, 1);
            Fate::Drop(DropReason::NotValid(e))
        }
    }
}

/// What happens to a frame after the transform: the consistency check
/// (ingress), the MTU check on the frame as it leaves, and the counters of
/// what leaves.
fn post(bank: &mut MacsecBank, parsed: &Frame, fate: Fate) -> Outcome {
    let ingress = bank.is_ingress();
    let vlan = parsed.vlan.map(|_| CounterSet::Vlan(parsed.up));
    let dropped = |bank: &mut MacsecBank, reason| {
        if let Some(set) = vlan {
            bank.count(set, &vl::DROPPED_PKTS_VL, 1);
        }
        Outcome::Drop(reason)
    };
    let (len, dest, sa) = match fate {
        Fate::Drop(reason) => return dropped(bank, reason),
        Fate::Forward { len, dest, sa } => (len, dest, sa),
    };

    if ingress {
        // No consistency check entry is modelled: every frame takes the
        // non-match action (`ingr.h:5621-5643`).
        let cc = bank.peek(postproc::IG_CC_CONTROL);
        let act = if parsed.control {
            ig_cc_control::NON_MATCH_CTRL_ACT
        } else {
            ig_cc_control::NON_MATCH_ACT
        };
        let passes = act.is_set(cc);
        let counter = match (dest, passes) {
            (flow::PORT_CONTROLLED, true) => Some(&ig::IN_CONSIST_CHECK_CONTROLLED_PASS),
            (flow::PORT_CONTROLLED, false) => Some(&ig::IN_CONSIST_CHECK_CONTROLLED_NOT_PASS),
            (flow::PORT_UNCONTROLLED, true) => Some(&ig::IN_CONSIST_CHECK_UNCONTROLLED_PASS),
            (flow::PORT_UNCONTROLLED, false) => Some(&ig::IN_CONSIST_CHECK_UNCONTROLLED_NOT_PASS),
            _ => None,
        };
        if let Some(c) = counter {
            count_global(bank, c);
        }
        if !passes {
            return dropped(bank, DropReason::Consistency);
        }
    }

    let check = match parsed.vlan {
        Some(_) => bank.peek(postproc::vlan_mtu_check(u16::from(parsed.up & 7))),
        None => bank.peek(postproc::NON_VLAN_MTU_CHECK),
    };
    if len > mtu::COMPARE.get(check) as usize {
        match vlan {
            Some(set) => bank.count(set, &vl::OVERSIZE_PKTS_VL, 1),
            None => count_global(
                bank,
                if ingress {
                    &ig::IN_OVERSIZE_PKTS
                } else {
                    &eg::OUT_OVERSIZE_PKTS
                },
            ),
        }
        if mtu::COMP_DROP.is_set(check) {
            if let (Some(sa), false) = (sa, ingress) {
                count_sa(bank, sa.index, &esa::OUT_PKTS_TOO_LONG, 1);
            }
            return dropped(bank, DropReason::TooLong);
        }
    }

    let da = &parsed.da;
    if let Some(sa) = sa {
        let (octets, uc, mc, bc) = if ingress {
            (
                &isa::IN_OCTETS_DECRYPTED_VALIDATED,
                &isa::IF_IN_UCAST_PKTS,
                &isa::IF_IN_MULTICAST_PKTS,
                &isa::IF_IN_BROADCAST_PKTS,
            )
        } else {
            (
                &esa::OUT_OCTETS_ENCRYPTED_PROTECTED,
                &esa::IF_OUT_UCAST_PKTS,
                &esa::IF_OUT_MULTICAST_PKTS,
                &esa::IF_OUT_BROADCAST_PKTS,
            )
        };
        if sa.protected {
            count_sa(bank, sa.index, &esa::OUT_PKTS_ENCRYPTED_PROTECTED, 1);
        }
        if let Some(n) = sa.octets {
            count_sa(bank, sa.index, octets, n);
        }
        count_sa(bank, sa.index, cast(da, uc, mc, bc), 1);
    }
    let (octets, uc, mc, bc) = if ingress {
        (
            &ig::IF_IN_OCTETS,
            &ig::IF_IN_UCAST_PKTS,
            &ig::IF_IN_MULTICAST_PKTS,
            &ig::IF_IN_BROADCAST_PKTS,
        )
    } else {
        (
            &eg::IF_OUT_OCTETS,
            &eg::IF_OUT_UCAST_PKTS,
            &eg::IF_OUT_MULTICAST_PKTS,
            &eg::IF_OUT_BROADCAST_PKTS,
        )
    };
    count_global(bank, cast(da, uc, mc, bc));
    bank.count(CounterSet::Global, octets, len as u64);
    if let Some(set) = vlan {
        bank.count(set, &vl::PKTS_VL, 1);
        bank.count(set, &vl::OCTETS_VL, len as u64);
    }
    Outcome::Forward(len)
}

/// Runs `frame` through MACsec engine `engine` of PHY `phy` of `package`
/// and raises the interrupt status the frame caused (which may latch the
/// PHY's interrupt); a protected frame and a threshold event go into the
/// PHY's switch trace (`regs::trace`). [`Engine::Egress`] is the host-to-line direction.
pub fn run<F: GcmFactory>(
    package: &mut Package,
    phy: usize,
    engine: Engine,
    gcm: &F,
    frame: &[u8],
    out: &mut [u8],
) -> Outcome {
    let Some(bank) = package.macsec_mut(phy, engine) else {
        return pass(frame, out);
    };
    let (outcome, intr, sa) = process_sa(bank, gcm, frame, out);
    if let (Some(sa), Some(p)) = (sa, package.phy_mut(phy)) {
        if matches!(outcome, Outcome::Forward(_)) {
            p.trace_mut().frame(sa);
        }
        if intr & intr::SEQ_THRESHOLD != 0 {
            p.trace_mut().threshold(sa);
        }
    }
    if intr != 0 {
        package.raise_macsec_intr(phy, engine, intr);
    }
    outcome
}
