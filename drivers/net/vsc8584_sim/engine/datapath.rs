// SPDX-License-Identifier: GPL-2.0

//! One frame through one EIP-160 engine, driven by its register bank.
//!
//! This is the frame path of the simulated PHY: the egress engine between
//! the host MAC and the line (protect), the ingress engine between the line
//! and the host MAC (verify and strip). Per frame:
//!
//! 1. engine off (`ENA_CFG` without clock or MACsec enable, `BYPASS_ENA`, or
//!    `MISC_CONTROL.STATIC_BYPASS`): the frame passes unchanged, uncounted;
//! 2. parse and classify ([`classify`]);
//! 3. SAM lookup ([`sam::lookup`]); no match: the non-match lane of the
//!    frame's class in `SAM_NM_FLOW_NCP` bypasses or drops it;
//! 4. the flow control word of the winning entry: bypass, drop, or the
//!    transform of this direction with the entry's transform record.
//!
//! Egress: `PROTECT_FRAME` clear passes the frame in clear. Otherwise the PN
//! is the record's sequence number plus one (the record holds the last PN
//! used) and is written back. A 32-bit sequence number of 0xffffffff cannot
//! be incremented: the frame is dropped and `OUT_PKTS_PN_EXHAUSTED` counts it.
//! Sending PN 0xffffffff (or 2^64 - 1) raises `INTR_ROLLOVER`, the event the
//! C driver's interrupt handler looks for; a PN at or above the non-zero
//! `SEQ_NUM_THRESH` raises `INTR_SEQ_THRESHOLD`.
//!
//! Ingress, as 802.1AE 10.6 with the flow's validateFrames:
//!
//! * `SA_IN_USE` clear: Strict drops (`NotUsingSA`), otherwise an
//!   integrity-only frame is stripped unchecked (`UnusedSA`);
//! * Disabled: integrity-only frames are stripped unchecked (`Unchecked`),
//!   encrypted ones dropped (`NotValid`);
//! * with `REPLAY_PROTECT`, a PN below `seq - window` (the record's next PN
//!   less the replay window) is dropped (`Late`) before decryption;
//! * an ICV failure drops (`NotValid`), except that Check delivers an
//!   integrity-only frame stripped (`Invalid`);
//! * a valid frame is delivered stripped: `OK`, or `Delayed` when below the
//!   window without replay protection; the sequence number becomes PN + 1
//!   if that is higher.
//!
//! Octet counters count the user data (the secure data of the frame).

use super::classify::{self, Class};
use super::gcm::AeadGcm;
use super::record::{Record, RecordError};
use super::sam;
use super::sectag::MAC_HDR_LEN;
use super::transform::{self, ProtectError, RxConfig, TxConfig, VerifyError};
use crate::hw::eip160::{flow, nm, stats, threshold};
use crate::hw::regs::{macsec, Bank};
use crate::regs::macsec_bank::MacsecBank;
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
    /// No SAM entry matched and the non-match flow drops.
    NonMatch,
    /// The matching flow is a drop flow.
    DropFlow,
    /// The transform record is unusable.
    Record(RecordError),
    /// The flow's transform is not the one of this engine.
    WrongFlowType,
    /// The egress SA has no PN left.
    PnExhausted,
    /// The frame exceeds the MTU check.
    TooLong,
    /// The key could not be expanded.
    Key,
    /// Protection failed (see the error).
    Protect(ProtectError),
    /// The frame's SA is not in use (validate Strict).
    NotUsingSa,
    /// Below the replay window.
    Late,
    /// Failed validation (bad ICV, bad SecTAG for the SA, encrypted without
    /// validation).
    NotValid(VerifyError),
    /// An ingress flow matched a frame without a valid SecTAG.
    NotTagged,
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

/// Copies `frame` to `out` unchanged.
fn pass(frame: &[u8], out: &mut [u8]) -> Outcome {
    match out.get_mut(..frame.len()) {
        Some(dst) => {
            for (d, s) in dst.iter_mut().zip(frame) {
                *d = *s;
            }
            Outcome::Forward(frame.len())
        }
        None => Outcome::Drop(DropReason::Protect(ProtectError::OutputTooSmall {
            needed: frame.len(),
        })),
    }
}

/// Returns whether the engine processes frames at all.
pub fn enabled(bank: &MacsecBank) -> bool {
    let ena = bank.peek(macsec::ENA_CFG);
    let on = macsec::ENA_CFG_CLK_ENA | macsec::ENA_CFG_MACSEC_ENA;
    ena & on == on
        && ena & macsec::ENA_CFG_BYPASS_ENA == 0
        && bank.peek(nm::MISC_CONTROL) & nm::STATIC_BYPASS == 0
}

/// Adds one to global counter `off`.
fn count_global(bank: &mut MacsecBank, off: u16) {
    bank.add_counter(macsec::GLOBAL_STATS + off, 1, stats::UPPER_BITS);
}

/// Adds `inc` to counter `off` of SA `sa`.
fn count_sa(bank: &mut MacsecBank, sa: u16, off: u16, inc: u64) {
    let addr = macsec::SA_STATS + sa * macsec::SA_STATS_STRIDE + off;
    bank.add_counter(addr, inc, stats::UPPER_BITS);
}

/// Whether drop action `action` (2 bits) lets the frame through. Actions 0
/// and 1 pass it with a bad CRC or an error flag, which the next MAC
/// discards: the simulator drops it at once.
fn drop_action_passes(action: u32) -> bool {
    action & 0x3 == flow::DROP_NONE
}

/// Runs `frame` (from the destination address, no FCS) through `bank` and
/// writes what leaves the engine into `out`, which should hold
/// [`max_out_len`] octets. Returns the outcome and the interrupt status bits
/// the frame raised.
pub fn process<F: GcmFactory>(
    bank: &mut MacsecBank,
    gcm: &F,
    frame: &[u8],
    out: &mut [u8],
) -> (Outcome, u16) {
    if !enabled(bank) {
        return (pass(frame, out), 0);
    }
    let Ok(parsed) = classify::classify(frame) else {
        return (Outcome::Drop(DropReason::Runt), 0);
    };
    if bank.is_ingress() && parsed.class == Class::BadTag {
        count_global(bank, stats::IN_PKTS_BAD_TAG);
    }
    let Some(i) = sam::lookup(bank, &parsed) else {
        let lanes = bank.peek(nm::FLOW_NCP);
        let shift = nm::LANE_SHIFT
            .get(parsed.class.index())
            .copied()
            .unwrap_or(0);
        let lane = (lanes >> shift) & 0xff;
        let drops =
            lane & nm::LANE_DROP != 0 && !drop_action_passes(lane >> nm::LANE_DROP_ACTION_SHIFT);
        return if drops {
            count_global(bank, stats::NON_MATCH_DROP);
            (Outcome::Drop(DropReason::NonMatch), 0)
        } else {
            count_global(bank, stats::NON_MATCH_PASS);
            (pass(frame, out), 0)
        };
    };
    let ctrl = bank.peek(macsec::sam_flow_ctrl(i));
    match (ctrl & flow::TYPE_MASK, bank.is_ingress()) {
        (flow::TYPE_BYPASS, _) => {
            count_global(bank, stats::BYPASS);
            (pass(frame, out), 0)
        }
        (flow::TYPE_DROP, _) => {
            if drop_action_passes(ctrl >> flow::DROP_ACTION_SHIFT) {
                return (pass(frame, out), 0);
            }
            count_global(bank, stats::DROP);
            (Outcome::Drop(DropReason::DropFlow), 0)
        }
        (flow::TYPE_EGRESS, false) => egress(bank, gcm, &Hit::new(i, ctrl, &parsed, frame), out),
        (flow::TYPE_INGRESS, true) => (
            ingress(bank, gcm, &Hit::new(i, ctrl, &parsed, frame), out),
            0,
        ),
        _ => {
            count_global(bank, stats::TRANSFORM_ERROR);
            (Outcome::Drop(DropReason::WrongFlowType), 0)
        }
    }
}

/// Checks the frame length against the MTU check of its VLAN priority.
fn too_long(bank: &MacsecBank, parsed: &classify::Frame, len: usize) -> bool {
    let reg = match parsed.vlan {
        Some(v) => macsec::vlan_mtu_check(u16::from(v.up & 0x7)),
        None => macsec::NON_VLAN_MTU_CHECK,
    };
    let check = bank.peek(reg);
    // Bits 14:0 compare value, bit 15 drop when larger.
    check & (1 << 15) != 0 && len > (check & 0x7fff) as usize
}

/// A frame and the SAM entry it hit.
#[derive(Clone, Copy)]
struct Hit<'a> {
    /// Index of the entry, of its flow control word and of its record.
    index: u16,
    /// The flow control word.
    ctrl: u32,
    /// What the parser found.
    parsed: &'a classify::Frame,
    /// The frame.
    frame: &'a [u8],
}

impl<'a> Hit<'a> {
    fn new(index: u16, ctrl: u32, parsed: &'a classify::Frame, frame: &'a [u8]) -> Self {
        Self {
            index,
            ctrl,
            parsed,
            frame,
        }
    }
}

/// The egress transform of the flow `hit` names.
fn egress<F: GcmFactory>(
    bank: &mut MacsecBank,
    gcm: &F,
    hit: &Hit<'_>,
    out: &mut [u8],
) -> (Outcome, u16) {
    let Hit {
        index: i,
        ctrl,
        parsed,
        frame,
    } = *hit;
    if ctrl & flow::SA_IN_USE == 0 {
        count_global(bank, stats::TRANSFORM_ERROR);
        return (Outcome::Drop(DropReason::NotUsingSa), 0);
    }
    if ctrl & flow::PROTECT_FRAME == 0 {
        count_global(bank, stats::OUT_PKTS_UNTAGGED);
        return (pass(frame, out), 0);
    }
    if too_long(bank, parsed, frame.len()) {
        count_global(bank, stats::OVERSIZE);
        count_sa(bank, i, stats::OUT_PKTS_TOO_LONG, 1);
        return (Outcome::Drop(DropReason::TooLong), 0);
    }
    let rec = match Record::read(bank, i) {
        Ok(rec) => rec,
        Err(e) => {
            count_global(bank, stats::TRANSFORM_ERROR);
            return (Outcome::Drop(DropReason::Record(e)), 0);
        }
    };
    let last = rec.seq(bank);
    let max = if rec.suite.is_xpn() {
        u64::MAX
    } else {
        u64::from(u32::MAX)
    };
    if last >= max {
        count_global(bank, stats::TRANSFORM_ERROR);
        count_sa(bank, i, stats::OUT_PKTS_PN_EXHAUSTED, 1);
        return (Outcome::Drop(DropReason::PnExhausted), 0);
    }
    let pn = last + 1;
    let Some(cipher) = gcm.expand(rec.key()) else {
        count_global(bank, stats::TRANSFORM_ERROR);
        return (Outcome::Drop(DropReason::Key), 0);
    };
    let encrypt = ctrl & flow::CONF_PROTECT != 0;
    let cfg = TxConfig {
        sci: rec.sci,
        suite: rec.suite,
        an: rec.an,
        include_sci: ctrl & flow::INCLUDE_SCI != 0,
        end_station: ctrl & flow::USE_ES != 0,
        scb: ctrl & flow::USE_SCB != 0,
        encrypt,
        conf_offset: ((ctrl >> flow::CONF_OFFSET_SHIFT) & 0x7f) as u8,
    };
    let len = match transform::protect(&cipher, &cfg, pn, frame, out) {
        Ok(len) => len,
        Err(e) => {
            count_global(bank, stats::TRANSFORM_ERROR);
            return (Outcome::Drop(DropReason::Protect(e)), 0);
        }
    };
    if rec.updates_seq() {
        rec.set_seq(bank, pn);
    }
    let user = frame.len().saturating_sub(MAC_HDR_LEN) as u64;
    let (octets, pkts) = if encrypt {
        (stats::OUT_OCTETS_ENCRYPTED, stats::OUT_PKTS_ENCRYPTED)
    } else {
        (stats::OUT_OCTETS_PROTECTED, stats::OUT_PKTS_PROTECTED)
    };
    count_sa(bank, i, octets, user);
    count_sa(bank, i, pkts, 1);

    let mut intr = 0;
    if pn == max {
        intr |= macsec::INTR_ROLLOVER;
    }
    let thresh = if rec.suite.is_xpn() {
        (u64::from(bank.peek(threshold::SEQ_NUM_THRESH_64_HI)) << 32)
            | u64::from(bank.peek(threshold::SEQ_NUM_THRESH_64_LO))
    } else {
        u64::from(bank.peek(threshold::SEQ_NUM_THRESH))
    };
    if thresh != 0 && pn >= thresh {
        intr |= macsec::INTR_SEQ_THRESHOLD;
    }
    (Outcome::Forward(len), intr)
}

/// Strips an integrity-only frame without checking it, counting `counter`.
fn strip(
    bank: &mut MacsecBank,
    i: u16,
    counter: u16,
    tag: &super::sectag::Parsed,
    frame: &[u8],
    out: &mut [u8],
) -> Outcome {
    match transform::strip_unchecked(tag, frame, out) {
        Ok(len) => {
            count_sa(bank, i, counter, 1);
            Outcome::Forward(len)
        }
        Err(e) => {
            count_sa(bank, i, stats::IN_PKTS_NOT_VALID, 1);
            Outcome::Drop(DropReason::NotValid(e))
        }
    }
}

/// The ingress transform of the flow `hit` names.
fn ingress<F: GcmFactory>(
    bank: &mut MacsecBank,
    gcm: &F,
    hit: &Hit<'_>,
    out: &mut [u8],
) -> Outcome {
    let Hit {
        index: i,
        ctrl,
        parsed,
        frame,
    } = *hit;
    let validate = (ctrl >> flow::VALIDATE_SHIFT) & 0x3;
    let Some(tag) = parsed.sectag else {
        count_global(bank, stats::TRANSFORM_ERROR);
        return Outcome::Drop(DropReason::NotTagged);
    };
    if ctrl & flow::SA_IN_USE == 0 {
        if validate == flow::VALIDATE_STRICT {
            count_sa(bank, i, stats::IN_PKTS_NOT_USING_SA, 1);
            return Outcome::Drop(DropReason::NotUsingSa);
        }
        return strip(bank, i, stats::IN_PKTS_UNUSED_SA, &tag, frame, out);
    }
    if validate == flow::VALIDATE_DISABLED {
        return strip(bank, i, stats::IN_PKTS_UNCHECKED, &tag, frame, out);
    }
    let rec = match Record::read(bank, i) {
        Ok(rec) => rec,
        Err(e) => {
            count_global(bank, stats::TRANSFORM_ERROR);
            return Outcome::Drop(DropReason::Record(e));
        }
    };
    // Re-check the SecTAG with the SA's cipher suite (PN 0 is only legal
    // with XPN).
    let tag = match super::sectag::parse(frame, rec.suite.is_xpn()) {
        Ok(tag) => tag,
        Err(e) => {
            count_sa(bank, i, stats::IN_PKTS_NOT_VALID, 1);
            return Outcome::Drop(DropReason::NotValid(VerifyError::SecTag(e)));
        }
    };
    let next = rec.seq(bank);
    let pn = if rec.suite.is_xpn() {
        transform::recover_xpn_pn(tag.tag().pn, next)
    } else {
        u64::from(tag.tag().pn)
    };
    let lowest = next.saturating_sub(rec.window(bank));
    let replay = ctrl & flow::REPLAY_PROTECT != 0;
    if replay && pn < lowest {
        count_sa(bank, i, stats::IN_PKTS_LATE, 1);
        return Outcome::Drop(DropReason::Late);
    }
    let Some(cipher) = gcm.expand(rec.key()) else {
        count_global(bank, stats::TRANSFORM_ERROR);
        return Outcome::Drop(DropReason::Key);
    };
    let cfg = RxConfig {
        sci: rec.sci,
        suite: rec.suite,
        conf_offset: 0,
    };
    match transform::open(&cipher, &cfg, &tag, pn, frame, out) {
        Ok(len) => {
            let user = tag.data_len() as u64;
            let octets = if tag.encrypted() {
                stats::IN_OCTETS_DECRYPTED
            } else {
                stats::IN_OCTETS_VALIDATED
            };
            count_sa(bank, i, octets, user);
            let counter = if pn < lowest {
                stats::IN_PKTS_DELAYED
            } else {
                stats::IN_PKTS_OK
            };
            count_sa(bank, i, counter, 1);
            if rec.updates_seq() && pn >= next {
                rec.set_seq(bank, pn.saturating_add(1));
            }
            Outcome::Forward(len)
        }
        Err(VerifyError::Auth) if validate == flow::VALIDATE_CHECK && !tag.encrypted() => {
            strip(bank, i, stats::IN_PKTS_INVALID, &tag, frame, out)
        }
        Err(e) => {
            count_sa(bank, i, stats::IN_PKTS_NOT_VALID, 1);
            Outcome::Drop(DropReason::NotValid(e))
        }
    }
}

/// Runs `frame` through MACsec engine `bank` of PHY `phy` of `package` and
/// raises the interrupt status the frame caused (which may latch the PHY's
/// interrupt). `Bank::MacsecEgress` is the host-to-line direction.
pub fn run<F: GcmFactory>(
    package: &mut Package,
    phy: usize,
    bank: Bank,
    gcm: &F,
    frame: &[u8],
    out: &mut [u8],
) -> Outcome {
    let Some(engine) = package.macsec_mut(phy, bank) else {
        return pass(frame, out);
    };
    let (outcome, intr) = process(engine, gcm, frame, out);
    if intr != 0 {
        package.raise_macsec_intr(phy, bank, intr);
    }
    outcome
}
