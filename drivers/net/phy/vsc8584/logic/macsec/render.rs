// SPDX-License-Identifier: GPL-2.0

//! From the state to the registers: what every flow, the entry enables and the engine-wide words
//! of one engine must hold.
//!
//! Egress, per SecY (its frames are those whose source address is the SecY's):
//!
//! * the *guard* (priority 4): drops them while the SecY is up and protects frames, passes them
//!   when it does not protect;
//! * one entry per transmit SA (priority 8), the same match, enabled only for the encoding SA
//!   while it is active, the SecY up and protecting: switching SA enables one and disables the
//!   other in one `SAM_ENTRY_TOGGLE1` write, and nothing of the SecY ever leaves in clear.
//!
//! Ingress, per SecY:
//!
//! * the *guard* (priority 4): frames without SecTAG to the SecY's address, dropped when it
//!   validates strictly (Linux delivers a PHY-offloaded SecY's frames by destination address,
//!   so a plain frame let through would count as authentic), passed to the controlled port
//!   otherwise (802.1AE 10.6: `InPktsUntagged`);
//! * per receive SA, one entry for SecTAGs of its AN with its channel's SCI; on a PHY with a
//!   single receive channel (point to point), the entry takes every SecTAG of its AN, with or
//!   without SCI; on a PHY with several, SA of a channel of port 1 have a second entry for SecTAGs
//!   without SCI from the channel's address (their implicit SCI).
//!
//! Control packets (the classifier's EtherTypes, EAPOL always) match no entry and pass both ways
//! through the non-match flow of control packets, whatever the SecYs do. Other frames no entry
//! takes pass too: the parent device's traffic, and SecTAGs of no known channel (to the host,
//! which counts them as Linux does); bad SecTAGs are dropped.

use super::record::{self, RecordSpec};
use super::sam::{self, Class, Match};
use super::shadow::{
    Shadow, Target, G_CP_ENABLE, G_CP_MODE, G_CP_RULE0, G_MISC_CONTROL, G_NM_CP, G_NM_NCP,
    G_NM_PARAMS,
};
use super::state::{Dir, Owner, State, FLOWS};
use super::types::{Cipher, Validate};
use crate::hw::eip160::{cp, flow, nm, record as hwrec, setup};

/// The control EtherTypes that bypass the engines: EAPOL first, always.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bypass {
    /// The EtherTypes.
    pub types: [u16; cp::ETYPE_RULES],
    /// How many of them count.
    pub len: u8,
}

/// EAPOL, the MKA frames.
pub const ETH_P_PAE: u16 = 0x888e;

impl Bypass {
    /// EAPOL only.
    pub const EAPOL: Self = Self {
        types: [ETH_P_PAE, 0, 0, 0, 0, 0, 0, 0],
        len: 1,
    };
}

/// The words to wipe in the record of a flow that was freed: the key and H of any cipher.
pub const WIPE_WORDS: u32 = 0xfff << hwrec::KEY;

fn validate_code(v: Validate) -> u32 {
    match v {
        Validate::Disabled => flow::VALIDATE_DISABLED,
        Validate::Check => flow::VALIDATE_CHECK,
        Validate::Strict => flow::VALIDATE_STRICT,
    }
}

/// A lane of the non-match flows.
const fn lane(drop: bool, dest: u32) -> u32 {
    let t = if drop { nm::LANE_DROP } else { 0 };
    t | (dest << nm::LANE_DEST_PORT_SHIFT) | (flow::DROP_INTERNAL << nm::LANE_DROP_ACTION_SHIFT)
}

/// `lanes` (untagged, tagged, bad tag, KaY) as a non-match word.
fn lanes(l: [u32; 4]) -> u32 {
    l.iter()
        .zip(nm::LANE_SHIFT.iter())
        .fold(0, |acc, (v, s)| acc | (v << s))
}

/// The non-match action for frames that are not control packets; `fence` drops untagged ones.
pub fn nm_ncp(dir: Dir, fence: bool) -> u32 {
    match dir {
        Dir::Egress => {
            let pass = lane(false, flow::PORT_COMMON);
            let untagged = lane(fence, flow::PORT_COMMON);
            lanes([untagged, pass, pass, pass])
        }
        Dir::Ingress => {
            let pass = lane(false, flow::PORT_UNCONTROLLED);
            let untagged = lane(fence, flow::PORT_UNCONTROLLED);
            lanes([untagged, pass, lane(true, flow::PORT_UNCONTROLLED), pass])
        }
    }
}

/// The non-match action for control packets: they pass.
pub fn nm_cp(dir: Dir) -> u32 {
    let dest = match dir {
        Dir::Egress => flow::PORT_COMMON,
        Dir::Ingress => flow::PORT_UNCONTROLLED,
    };
    let pass = lane(false, dest);
    lanes([pass; 4])
}

/// `SAM_NM_PARAMS` of the ingress engine: every SecTAG check on, but the PN check off when
/// `xpn`: an XPN SecY's PN has a low word of 0 once every 2^32 frames (MESA clears it for XPN
/// SecYs). With no SecY offloaded it is off too: every MACsec frame then passes to a SecY in
/// software, which may use XPN, and a check here would drop those frames as bad tags.
pub fn nm_params(xpn: bool) -> u32 {
    use nm::params::*;
    let pn = if xpn { 0 } else { CHECK_PN };
    COMP_ETYPE
        | CHECK_V
        | CHECK_KAY
        | CHECK_C_E
        | CHECK_SC
        | CHECK_SL
        | pn
        | (MACSEC_ETYPE_SWAPPED << ETYPE_SHIFT)
}

/// `MISC_CONTROL`: the C driver's latency fix and record size, and on ingress the validateFrames
/// for tagged frames of no channel (which decides `InPktsNoSCI` against `InPktsUnknownSCI`).
pub fn misc_control(dir: Dir, validate: Validate) -> u32 {
    match dir {
        Dir::Ingress => {
            setup::LATENCY_FIX_INGRESS
                | (nm::XFORM_REC_SIZE_80 << nm::XFORM_REC_SIZE_SHIFT)
                | (validate_code(validate) << nm::MISC_VALIDATE_SHIFT)
        }
        Dir::Egress => {
            setup::LATENCY_FIX_EGRESS | (nm::XFORM_REC_SIZE_96 << nm::XFORM_REC_SIZE_SHIFT)
        }
    }
}

/// The context identifier of a record of epoch `epoch` in flow `flow`: consecutive records of a
/// flow alternate between two identifiers, as MESA does, so that the engine's context cache never
/// serves the previous record's key.
pub const fn context_id(flow: usize, epoch: u32) -> u32 {
    (flow as u32 & 0xf) | ((epoch & 1) << 4)
}

/// The guard of SecY `s` on `dir`.
fn guard(state: &State, dir: Dir, s: usize) -> Option<(Match, u32, bool, bool)> {
    let secy = state.secy(s)?;
    let c = &secy.cfg;
    Some(match dir {
        Dir::Egress => {
            let mut m = Match::new(Class::Untagged, sam::PRIORITY_GUARD);
            m.mac_sa = Some(c.mac);
            let ctrl = if c.protect {
                flow::TYPE_DROP
                    | (flow::PORT_CONTROLLED << flow::DEST_PORT_SHIFT)
                    | (flow::DROP_INTERNAL << flow::DROP_ACTION_SHIFT)
            } else {
                flow::TYPE_BYPASS
                    | (flow::PORT_COMMON << flow::DEST_PORT_SHIFT)
                    | (flow::DROP_INTERNAL << flow::DROP_ACTION_SHIFT)
            };
            (m, ctrl, secy.up, secy.up && c.protect)
        }
        Dir::Ingress => {
            let mut m = Match::new(Class::Untagged, sam::PRIORITY_GUARD);
            m.mac_da = Some(c.mac);
            let strict = c.validate == Validate::Strict;
            let kind = if strict {
                flow::TYPE_DROP
            } else {
                flow::TYPE_BYPASS
            };
            let ctrl = kind
                | (flow::PORT_CONTROLLED << flow::DEST_PORT_SHIFT)
                | (flow::DROP_INTERNAL << flow::DROP_ACTION_SHIFT);
            (m, ctrl, secy.up, secy.up && strict)
        }
    })
}

/// Everything a crypto flow needs besides its match.
struct CryptoFlow<'a> {
    spec: RecordSpec<'a>,
    ctrl: u32,
    enabled: bool,
    force_seq: bool,
}

fn tx_flow(state: &State, n: usize, flow_idx: usize) -> Option<(Match, CryptoFlow<'_>)> {
    let sa = state.tx.get(n).filter(|t| t.used)?;
    let s = usize::from(sa.secy);
    let secy = state.secy(s)?;
    let c = &secy.cfg;
    let mut m = Match::new(Class::Untagged, sam::PRIORITY_SA);
    m.mac_sa = Some(c.mac);
    let mut ctrl = flow::TYPE_EGRESS
        | (flow::PORT_CONTROLLED << flow::DEST_PORT_SHIFT)
        | (flow::DROP_INTERNAL << flow::DROP_ACTION_SHIFT)
        | flow::PROTECT_FRAME;
    if !sa.pn_lost {
        ctrl |= flow::SA_IN_USE;
    }
    if c.encrypt {
        ctrl |= flow::CONF_PROTECT;
    }
    if state.include_sci(s) {
        ctrl |= flow::INCLUDE_SCI;
    }
    if c.end_station {
        ctrl |= flow::USE_ES;
    }
    if c.scb {
        ctrl |= flow::USE_SCB;
    }
    let enabled = secy.up && c.protect && c.encoding_sa == sa.an && sa.active;
    let spec = RecordSpec {
        ingress: false,
        cipher: c.cipher,
        key: &sa.key,
        an: sa.an,
        seq: sa.pn.wrapping_sub(1),
        window: 0,
        sci: c.sci,
        ctx: context_id(flow_idx, state.epoch(Dir::Egress, flow_idx)),
    };
    Some((
        m,
        CryptoFlow {
            spec,
            ctrl,
            enabled,
            force_seq: sa.force_pn,
        },
    ))
}

fn rx_flow(
    state: &State,
    n: usize,
    flow_idx: usize,
    implicit: bool,
) -> Option<(Match, CryptoFlow<'_>)> {
    let sa = state.rx.get(n).filter(|r| r.used)?;
    let sc = state.sc.get(usize::from(sa.sc)).filter(|c| c.used)?;
    let s = usize::from(sc.secy);
    let secy = state.secy(s)?;
    let c = &secy.cfg;
    let mut m = Match::new(Class::Tagged, sam::PRIORITY_SA);
    m.an = Some(sa.an);
    if implicit {
        m.tci = Some(sam::TCI_WITHOUT_SCI);
        let mut mac = [0u8; 6];
        for (d, s) in mac.iter_mut().zip(sc.sci.iter()) {
            *d = *s;
        }
        m.mac_sa = Some(mac);
    } else if !state.point_to_point() {
        m.tci = Some(sam::TCI_WITH_SCI);
        m.sci = Some(sc.sci);
    }
    let mut ctrl = flow::TYPE_INGRESS
        | (flow::PORT_CONTROLLED << flow::DEST_PORT_SHIFT)
        | (flow::DROP_INTERNAL << flow::DROP_ACTION_SHIFT)
        | (validate_code(c.validate) << flow::VALIDATE_SHIFT);
    if c.replay_protect {
        ctrl |= flow::REPLAY_PROTECT;
    }
    if sa.active && sc.active {
        ctrl |= flow::SA_IN_USE;
    }
    let spec = RecordSpec {
        ingress: true,
        cipher: c.cipher,
        key: &sa.key,
        an: sa.an,
        seq: sa.pn,
        window: c.replay_window,
        sci: sc.sci,
        ctx: context_id(flow_idx, state.epoch(Dir::Ingress, flow_idx)),
    };
    Some((
        m,
        CryptoFlow {
            spec,
            ctrl,
            enabled: secy.up,
            force_seq: sa.force_pn,
        },
    ))
}

/// Renders the registers of engine `dir` for `state` into `t`. Free flows keep what `shadow`
/// holds, except that flows in `wipe` lose their key and their flow control word.
pub fn render(
    state: &State,
    dir: Dir,
    shadow: &Shadow,
    bypass: &Bypass,
    wipe: u16,
    t: &mut Target,
) {
    let ingress = dir == Dir::Ingress;
    t.image.enabled = 0;
    t.care = super::shadow::Marks::NONE;
    t.care.enabled = u16::MAX;
    t.guarded = 0;
    t.forget_epoch = 0;
    for i in 0..FLOWS {
        let bit = 1u16 << i;
        let (Some(tf), Some(care), Some(rec_new), Some(seq), Some(sf)) = (
            t.image.flows.get_mut(i),
            t.care.flows.get_mut(i),
            t.rec_new.get_mut(i),
            t.seq.get_mut(i),
            shadow.image.flows.get(i),
        ) else {
            continue;
        };
        *tf = *sf;
        *rec_new = 0;
        *seq = 0;
        let crypto = match state.owner(dir, i) {
            Owner::Free => {
                if wipe & bit != 0 {
                    // The key and H of the record the flow held; if the shadow does not know
                    // the cipher, every word a key may take, read first (one of them may be a
                    // sequence number the engine moved).
                    let known = shadow.known.flows.get(i).is_some_and(|k| k.rec & 1 != 0);
                    let words = hwrec::key_words((sf.rec[0] >> hwrec::CRYPTO_ALG_SHIFT) & 0xf)
                        .filter(|_| known)
                        .map(|kw| ((1u32 << (kw + hwrec::HASH_WORDS)) - 1) << hwrec::KEY);
                    let mask = words.unwrap_or(WIPE_WORDS);
                    tf.ctrl = 0;
                    for (w, v) in tf.rec.iter_mut().enumerate() {
                        if mask & (1 << w) != 0 {
                            *v = 0;
                        }
                    }
                    care.ctrl = true;
                    care.rec = mask;
                    care.epoch = true;
                    *rec_new = mask;
                    if words.is_none() {
                        *seq = mask;
                    }
                }
                None
            }
            Owner::Guard(s) => {
                if let Some((m, ctrl, on, guarded)) = guard(state, dir, usize::from(s)) {
                    tf.sam = m.words();
                    tf.ctrl = ctrl;
                    care.sam = sam::cared(&tf.sam);
                    care.ctrl = true;
                    if on {
                        t.image.enabled |= bit;
                    }
                    if guarded {
                        t.guarded |= bit;
                    }
                }
                None
            }
            Owner::TxSa(n) if !ingress => tx_flow(state, usize::from(n), i),
            Owner::RxSa(n) if ingress => rx_flow(state, usize::from(n), i, false),
            Owner::RxSaImplicit(n) if ingress => rx_flow(state, usize::from(n), i, true),
            _ => None,
        };
        if let Some((m, f)) = crypto {
            let cipher: Cipher = f.spec.cipher;
            tf.sam = m.words();
            tf.ctrl = f.ctrl;
            tf.rec = record::build(&f.spec);
            tf.epoch = state.epoch(dir, i);
            let all = (1u32 << record::len(cipher, ingress)) - 1;
            let seq_words = record::seq_mask(cipher, ingress);
            care.sam = sam::cared(&tf.sam);
            care.ctrl = true;
            care.epoch = true;
            care.rec = if f.force_seq { all } else { all & !seq_words };
            *rec_new = all;
            *seq = seq_words;
            if f.enabled {
                t.image.enabled |= bit;
            }
        }
    }
    t.care.globals = 0;
    let mut set = |g: usize, v: u32| {
        if let Some(x) = t.image.globals.get_mut(g) {
            *x = v;
        }
        t.care.globals |= 1 << g;
    };
    set(G_NM_NCP, nm_ncp(dir, false));
    set(G_NM_CP, nm_cp(dir));
    set(
        G_MISC_CONTROL,
        misc_control(dir, state.strictest_validate()),
    );
    if ingress {
        let none = !state.secy.iter().any(|y| y.used);
        set(G_NM_PARAMS, nm_params(none || state.any_xpn()));
    }
    let n = usize::from(bypass.len).min(cp::ETYPE_RULES);
    for (k, et) in bypass.types.iter().take(n).enumerate() {
        set(
            G_CP_RULE0 + k,
            u32::from(et.swap_bytes()) << cp::ETYPE_SHIFT,
        );
    }
    let rules = ((1u32 << n) - 1) & 0xff;
    set(G_CP_MODE, rules << cp::MODE_ETYPE_SEL_SHIFT);
    set(G_CP_ENABLE, rules << cp::ENABLE_ETYPE_SHIFT);
    t.fence = nm_ncp(dir, true);
}
