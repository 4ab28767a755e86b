// SPDX-License-Identifier: GPL-2.0

//! A test bench for one simulated engine: the C driver's block
//! initialisation, SAM entries, flows and transform records written as the
//! C driver and MESA write them (with the facts of [`super::eip160`]), a
//! frame run and counter reads over the bus.

use super::eip160::{class, crypto, flow, post, record, sam, stats};
use super::{Gcm, HostGcm};
use rsmacsec_host::engine::datapath::{self, Outcome};
use rsmacsec_host::engine::sectag::Sci;
use rsmacsec_host::engine::transform::{protect, protect_with_tags, CipherSuite, TxConfig};
use rsmacsec_host::regs::macsec_bank::MacsecBank;

/// An engine bank after the C driver's block initialisation
/// (`mscc_macsec.c:175-242`, `vsc8584_macsec_classification`,
/// `vsc8584_macsec_flow_default_action` with bypass,
/// `vsc8584_macsec_integrity_checks`), enabled at 1G.
pub fn engine(ingress: bool) -> MacsecBank {
    let mut b = MacsecBank::new(ingress);
    b.write(0x800, 1 << 1 | 1 << 8);
    b.write(0x800, 1);
    b.write(
        crypto::CONTEXT_CTRL,
        if ingress { 0xe588_0214 } else { 0xe588_0218 },
    );
    b.write(
        class::MISC_CONTROL,
        class::misc_latency_fix(if ingress { 57 } else { 40 })
            | class::misc_rec_size(if ingress { 1 } else { 2 }),
    );
    let cc = b.read(stats::COUNT_CONTROL);
    b.write(stats::COUNT_CONTROL, cc | stats::AUTO_CNTR_RESET);
    b.write(post::PP_CTRL, post::PP_OCTET_INCR_MODE);
    b.write(crypto::BLOCK_CTX_UPDATE, 3);
    let cc = b.read(stats::COUNT_CONTROL);
    b.write(stats::COUNT_CONTROL, cc | stats::RESET_ALL);
    b.write(post::NON_VLAN_MTU_CHECK, 32761 | post::MTU_DROP);
    for up in 0..8 {
        b.write(post::vlan_mtu_check(up), 32761 | post::MTU_DROP);
    }
    b.write(
        class::CP_TAG,
        class::CP_TAG_PARSE_STAG | class::CP_TAG_PARSE_QTAG | class::CP_TAG_PARSE_QINQ,
    );
    set_nm(&mut b, false);
    if ingress {
        let cc = b.read(post::IG_CC_CONTROL);
        b.write(
            post::IG_CC_CONTROL,
            cc | post::IG_CC_NON_MATCH_CTRL_ACT | post::IG_CC_NON_MATCH_ACT,
        );
        b.write(
            post::IG_CP_TAG,
            class::CP_TAG_PARSE_STAG | class::CP_TAG_PARSE_QTAG | class::CP_TAG_PARSE_QINQ,
        );
    }
    b.write(0x800, 1 | 1 << 9 | 5 << 10);
    b
}

/// The non-match action of every class of both lanes, bypass or drop, as
/// `vsc8584_macsec_flow_default_action`.
pub fn set_nm(b: &mut MacsecBank, drop: bool) {
    let port = if b.is_ingress() {
        flow::PORT_UNCONTROLLED
    } else {
        flow::PORT_COMMON
    };
    let all = (0..4).fold(0, |acc, class| {
        acc | class::nm_lane(class, drop, port, flow::DROP_INTERNAL)
    });
    b.write(class::NM_FLOW_NCP, all);
    b.write(class::NM_FLOW_CP, all);
}

/// A SAM entry: classes, priority, optional AN, SCI and EtherType.
#[derive(Clone, Copy, Default)]
pub struct Entry {
    pub classes: u32,
    pub priority: u32,
    pub an: Option<u8>,
    pub sci: Option<Sci>,
    pub etype: Option<u16>,
}

/// Writes SAM entry `i` as `vsc8584_macsec_flow` (`mscc_macsec.c:370-446`).
pub fn write_entry(b: &mut MacsecBank, i: u16, e: Entry) {
    let mut misc = e.classes | sam::misc::priority(e.priority);
    let mut mask = 0;
    if let Some(an) = e.an {
        misc |= sam::misc::an(u32::from(an));
        mask |= sam::mask::an(3);
    }
    if let Some(sci) = e.sci {
        misc |= sam::misc::tci(1 << 3);
        mask |= sam::mask::tci(1 << 3) | sam::mask::SCI;
        let v = u64::from_le_bytes(sci.0);
        b.write(sam::sci_lo(i), v as u32);
        b.write(sam::sci_hi(i), (v >> 32) as u32);
    }
    if let Some(etype) = e.etype {
        mask |= sam::mask::ETYPE;
        b.write(sam::sa_hi(i), u32::from(etype.swap_bytes()) << 16);
    }
    b.write(sam::misc(i), misc);
    b.write(sam::mask(i), mask);
}

/// Enables entry `i` and marks its SA in use, as `vsc8584_macsec_flow_enable`.
pub fn enable(b: &mut MacsecBank, i: u16) {
    b.write(sam::ENTRY_SET1, 1 << i);
    let ctrl = b.read(flow::ctrl(i));
    b.write(flow::ctrl(i), ctrl | flow::SA_IN_USE);
}

/// Writes `bytes` as record words from `word` on, first octet in bits 7:0.
pub fn write_words(b: &mut MacsecBank, rec: u16, word: u16, bytes: &[u8]) {
    for (k, chunk) in bytes.chunks(4).enumerate() {
        let mut w = [0u8; 4];
        w[..chunk.len()].copy_from_slice(chunk);
        b.write(record::word(rec, word + k as u16), u32::from_le_bytes(w));
    }
}

/// An SA's parameters.
#[derive(Clone, Debug)]
pub struct Sa {
    pub key: Vec<u8>,
    pub an: u8,
    pub sci: Sci,
    /// Egress: last PN sent. Ingress: next PN expected.
    pub seq: u64,
    pub window: u32,
    /// XPN: SSCI and salt.
    pub xpn: Option<(u32, [u8; 12])>,
}

impl Sa {
    /// A test SA: AES-128, AN 0, SCI 00:11:22:33:44:55/1.
    pub fn test(seq: u64) -> Self {
        Sa {
            key: (1..=16).collect(),
            an: 0,
            sci: Sci::new([0, 0x11, 0x22, 0x33, 0x44, 0x55], 1),
            seq,
            window: 0,
            xpn: None,
        }
    }

    pub fn key_words(&self) -> u16 {
        (self.key.len() / 4) as u16
    }

    /// The cipher suite a peer uses for it.
    pub fn suite(&self) -> CipherSuite {
        match self.xpn {
            None => CipherSuite::Gcm,
            Some((ssci, salt)) => CipherSuite::Xpn { ssci, salt },
        }
    }
}

/// Writes transform record `rec` for `sa` the way MESA lays it out
/// (`api.c:2557-2765`; the C driver's 32-bit records are the same).
pub fn write_record(b: &mut MacsecBank, rec: u16, sa: &Sa) {
    let ingress = b.is_ingress();
    let alg = match sa.key.len() {
        16 => record::ALG_AES128,
        32 => record::ALG_AES256,
        n => panic!("key of {n} octets"),
    };
    let base = match (ingress, sa.xpn.is_some()) {
        (false, false) => record::CTL_EGRESS,
        (true, false) => record::CTL_INGRESS,
        (false, true) => record::CTL_EGRESS_XPN,
        (true, true) => record::CTL_INGRESS_XPN,
    };
    let an = if ingress { 0 } else { u32::from(sa.an) };
    b.write(
        record::word(rec, 0),
        base | record::alg(alg) | record::an(an),
    );
    b.write(record::word(rec, 1), u32::from(rec));
    write_words(b, rec, record::KEY, &sa.key);
    let (seq, window, salt, sci) = record::layout(sa.key_words(), ingress, sa.xpn.is_some());
    // H: the simulator derives it from the key; MESA writes AES_K(0).
    b.write(record::word(rec, seq), sa.seq as u32);
    if sa.xpn.is_some() {
        b.write(record::word(rec, seq + 1), (sa.seq >> 32) as u32);
    }
    if let Some(w) = window {
        b.write(record::word(rec, w), sa.window);
    }
    if let (Some(at), Some((ssci, s))) = (salt, sa.xpn) {
        let mut is = s;
        for (d, x) in is.iter_mut().zip(ssci.to_be_bytes()) {
            *d ^= x;
        }
        write_words(b, rec, at, &is);
    }
    if let Some(at) = sci {
        write_words(b, rec, at, &sa.sci.0);
    }
}

/// The sequence number of record `rec` (both words with XPN).
pub fn seq(b: &MacsecBank, rec: u16, sa: &Sa) -> u64 {
    let (at, ..) = record::layout(sa.key_words(), b.is_ingress(), sa.xpn.is_some());
    let lo = u64::from(b.peek(record::word(rec, at)));
    if sa.xpn.is_some() {
        lo | u64::from(b.peek(record::word(rec, at + 1))) << 32
    } else {
        lo
    }
}

/// Programs egress flow `i`: every untagged frame, priority 8, protected
/// with the `extra` flow bits.
pub fn tx_flow(b: &mut MacsecBank, i: u16, sa: &Sa, extra: u32) {
    write_entry(
        b,
        i,
        Entry {
            classes: sam::misc::UNTAGGED,
            priority: 8,
            ..Default::default()
        },
    );
    b.write(
        flow::ctrl(i),
        flow::TYPE_EGRESS
            | flow::dest(flow::PORT_CONTROLLED)
            | flow::drop_action(flow::DROP_INTERNAL)
            | flow::PROTECT_FRAME
            | extra,
    );
    write_record(b, i, sa);
    enable(b, i);
}

/// Programs ingress flow `i` for `sa`: tagged and untagged frames of its AN
/// (and SCI), validateFrames `validate`, replay protection or not.
pub fn rx_flow(b: &mut MacsecBank, i: u16, sa: &Sa, match_sci: bool, validate: u32, replay: bool) {
    write_entry(
        b,
        i,
        Entry {
            classes: sam::misc::TAGGED | sam::misc::UNTAGGED,
            priority: 8,
            an: Some(sa.an),
            sci: match_sci.then_some(sa.sci),
            ..Default::default()
        },
    );
    let mut ctrl = flow::TYPE_INGRESS
        | flow::dest(flow::PORT_CONTROLLED)
        | flow::drop_action(flow::DROP_INTERNAL)
        | flow::validate(validate);
    if replay {
        ctrl |= flow::REPLAY_PROTECT;
    }
    b.write(flow::ctrl(i), ctrl);
    if sa.xpn.is_some() {
        // MESA clears CHECK_PN for XPN SAs (`api.c:4719-4727`).
        let nm = b.read(class::NM_PARAMS);
        b.write(class::NM_PARAMS, nm & !class::NM_CHECK_PN);
    }
    write_record(b, i, sa);
    enable(b, i);
}

/// Runs `frame` through `b`: the outcome, what left (empty if dropped) and
/// the interrupt status bits raised.
pub fn run(b: &mut MacsecBank, frame: &[u8]) -> (Outcome, Vec<u8>, u32) {
    let mut out = vec![0u8; datapath::max_out_len(frame.len())];
    let (o, intr) = datapath::process(b, &HostGcm, frame, &mut out);
    if let Outcome::Forward(n) = o {
        out.truncate(n);
    } else {
        out.clear();
    }
    (o, out, intr)
}

/// Reads a 40-bit counter at `addr` over the bus (lower, then upper word).
pub fn read40(b: &mut MacsecBank, addr: u16) -> u64 {
    let lo = u64::from(b.read(addr));
    let hi = u64::from(b.read(addr + 1));
    hi << 32 | lo
}

/// Counter `off` of SA `sa`.
pub fn sa_ctr(b: &mut MacsecBank, sa: u16, off: u16) -> u64 {
    read40(b, stats::sa(sa) + off)
}

/// Global counter `off`.
pub fn glob(b: &mut MacsecBank, off: u16) -> u64 {
    read40(b, stats::GLOBAL + off)
}

/// Counter `off` of VLAN priority `up`.
pub fn vlan_ctr(b: &mut MacsecBank, up: u16, off: u16) -> u64 {
    read40(b, stats::vlan(up) + off)
}

/// A 100-octet unicast IPv4-ish frame from 00:11:22:33:44:55.
pub fn plain_frame() -> Vec<u8> {
    let mut f = vec![
        0x02, 0, 0, 0, 0, 2, 0, 0x11, 0x22, 0x33, 0x44, 0x55, 0x08, 0x00,
    ];
    f.extend((0..86).map(|i| i as u8));
    f
}

/// `frame` with an 802.1Q tag (TPID `tpid`, priority `up`, VLAN `vid`)
/// inserted after the addresses.
pub fn with_tag(frame: &[u8], tpid: u16, up: u8, vid: u16) -> Vec<u8> {
    let tci = u16::from(up) << 13 | vid;
    let mut f = frame[..12].to_vec();
    f.extend(tpid.to_be_bytes());
    f.extend(tci.to_be_bytes());
    f.extend(&frame[12..]);
    f
}

/// The peer's view of an SA: how it protects `plain` with `pn`.
pub fn tx_config(sa: &Sa, encrypt: bool) -> TxConfig {
    TxConfig {
        sci: sa.sci,
        suite: sa.suite(),
        an: sa.an,
        include_sci: true,
        end_station: false,
        scb: false,
        encrypt,
        conf_offset: 0,
    }
}

/// `plain` protected by `sa` with `pn`, as a peer sends it (SCI included).
pub fn secure_frame(sa: &Sa, pn: u64, encrypt: bool, plain: &[u8]) -> Vec<u8> {
    let mut out = vec![0u8; plain.len() + 32];
    let n = protect(
        &Gcm::new(&sa.key),
        &tx_config(sa, encrypt),
        pn,
        plain,
        &mut out,
    )
    .unwrap();
    out.truncate(n);
    out
}

/// [`secure_frame`] with the first `tags_len` octets after the addresses
/// left in clear in front of the SecTAG.
pub fn secure_frame_tags(
    sa: &Sa,
    pn: u64,
    encrypt: bool,
    plain: &[u8],
    tags_len: usize,
) -> Vec<u8> {
    let mut out = vec![0u8; plain.len() + 32];
    let cfg = tx_config(sa, encrypt);
    let n = protect_with_tags(&Gcm::new(&sa.key), &cfg, pn, plain, tags_len, &mut out).unwrap();
    out.truncate(n);
    out
}
