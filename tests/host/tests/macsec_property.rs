// SPDX-License-Identifier: GPL-2.0

//! Random sequences of MACsec operations, with MDIO errors injected at random accesses, against
//! a reference model of what the kernel expects (which SecYs, channels and SAs exist with what
//! settings, and which request is refused with which errno and message).
//!
//! After every step: the logic's state equals the model; the registers of both engines are what
//! that state renders to and the shadow knows them ([`check_consistent`]: nothing is left
//! half-programmed); the flows and their owners agree; the simulator saw no misuse. At the end
//! of every sequence the traffic is checked: each up SecY's frames leave sealed by its encoding
//! SA with the expected AN and PN (or are dropped when it has none), never in clear, and a frame
//! each receive SA's peer seals comes in as plaintext.

mod macsec_support;

use macsec_support::*;
use rsmacsec_host::logic::error::{Errno, Error, Result};
use rsmacsec_host::logic::macsec::types::{Cipher, Sci, SecYConfig, Validate};
use rsmacsec_host::logic::macsec::validate::msg;
use rsmacsec_host::regs::fault::MdioError;
use std::collections::BTreeMap;

/// Sequences in `make check`; `RSMACSEC_PROPERTY=count[:first]` runs others ([`sequences`]).
const SEQUENCES: u64 = 1000;
const STEPS: usize = 80;

const IPV4: u16 = 0x0800;

#[derive(Clone, Debug)]
struct MTx {
    active: bool,
    pn: u64,
    seed: u8,
    /// PNs that PN changes which failed may have left in the engine (a raise sticks, a
    /// rewrite may be torn); a PN change that works forgets them.
    maybe: Vec<u64>,
}

#[derive(Clone, Debug)]
struct MRx {
    active: bool,
    pn: u64,
    seed: u8,
    /// As [`MTx::maybe`].
    maybe: Vec<u64>,
}

#[derive(Clone, Debug)]
struct MSc {
    sci: Sci,
    active: bool,
    sas: BTreeMap<u8, MRx>,
}

#[derive(Clone, Debug)]
struct MSecY {
    cfg: SecYConfig,
    up: bool,
    tx: BTreeMap<u8, MTx>,
    scs: Vec<MSc>,
}

#[derive(Clone, Debug, Default)]
struct Model {
    secys: Vec<MSecY>,
}

type Refusal = (Errno, &'static str);

impl Model {
    fn find(&self, sci: &Sci) -> Option<usize> {
        self.secys.iter().position(|s| s.cfg.sci == *sci)
    }

    fn sc_count(&self) -> usize {
        self.secys.iter().map(|s| s.scs.len()).sum()
    }

    fn egress_free(&self) -> usize {
        16 - self.secys.len() - self.secys.iter().map(|s| s.tx.len()).sum::<usize>()
    }

    fn ingress_used_with(&self, sc_count: usize) -> usize {
        let mut n = self.secys.len();
        for y in &self.secys {
            for c in &y.scs {
                let implicit = sc_count != 1 && c.sci[6..] == [0, 1];
                n += c.sas.len() * (1 + usize::from(implicit));
            }
        }
        n
    }

    fn ingress_free(&self) -> usize {
        16 - self.ingress_used_with(self.sc_count())
    }

    fn check_secy(cfg: &SecYConfig) -> std::result::Result<(), Refusal> {
        if cfg.icv_len != 16 {
            return Err((Errno::OpNotSupp, msg::ICV_LEN));
        }
        if cfg.encoding_sa > 3 {
            return Err((Errno::Inval, msg::ENCODING_SA));
        }
        if cfg.send_sci && cfg.end_station {
            return Err((Errno::Inval, msg::ES_WITH_SCI));
        }
        if cfg.send_sci && cfg.scb {
            return Err((Errno::Inval, msg::SCB_WITH_SCI));
        }
        if cfg.cipher.is_xpn() && cfg.replay_window > 1 << 30 {
            return Err((Errno::Inval, msg::XPN_WINDOW));
        }
        if cfg.mac[0] & 1 != 0 || cfg.mac == [0; 6] {
            return Err((Errno::Inval, msg::MAC));
        }
        Ok(())
    }

    fn check_pn(cipher: Cipher, pn: u64) -> std::result::Result<(), Refusal> {
        if pn == 0 {
            return Err((Errno::Inval, msg::PN_ZERO));
        }
        if !cipher.is_xpn() && pn > u64::from(u32::MAX) {
            return Err((Errno::Inval, msg::PN_32));
        }
        Ok(())
    }

    fn check_an(an: u8) -> std::result::Result<(), Refusal> {
        if an > 3 {
            return Err((Errno::Inval, msg::AN));
        }
        Ok(())
    }

    fn mac_taken(&self, mac: &[u8; 6], except: Option<usize>) -> bool {
        self.secys
            .iter()
            .enumerate()
            .any(|(i, y)| Some(i) != except && y.cfg.mac == *mac)
    }

    fn secy(&self, sci: &Sci) -> std::result::Result<usize, Refusal> {
        self.find(sci).ok_or((Errno::NoEnt, msg::NO_SECY))
    }

    fn sc(&self, s: usize, rx: &Sci) -> std::result::Result<usize, Refusal> {
        self.secys[s]
            .scs
            .iter()
            .position(|c| c.sci == *rx)
            .ok_or((Errno::NoEnt, msg::NO_SC))
    }

    /// Applies `op` to the model if the driver should accept it; returns the refusal otherwise.
    fn apply(&mut self, op: &Op) -> std::result::Result<(), Refusal> {
        match *op {
            Op::AddSecY(cfg) => {
                Self::check_secy(&cfg)?;
                if self.find(&cfg.sci).is_some() {
                    return Err((Errno::Exist, msg::SECY_EXISTS));
                }
                if self.mac_taken(&cfg.mac, None) {
                    return Err((Errno::Inval, msg::MAC_IN_USE));
                }
                if self.secys.len() == 8 {
                    return Err((Errno::NoSpc, msg::SECY_TABLE));
                }
                if self.egress_free() == 0 || self.ingress_free() == 0 {
                    return Err((Errno::NoSpc, msg::SECY_FLOWS));
                }
                self.secys.push(MSecY {
                    cfg,
                    up: false,
                    tx: BTreeMap::new(),
                    scs: Vec::new(),
                });
            }
            Op::UpdSecY(cfg) => {
                let s = self.secy(&cfg.sci)?;
                Self::check_secy(&cfg)?;
                if self.secys[s].cfg.cipher != cfg.cipher {
                    return Err((Errno::Inval, msg::CIPHER_CHANGE));
                }
                if self.mac_taken(&cfg.mac, Some(s)) {
                    return Err((Errno::Inval, msg::MAC_IN_USE));
                }
                self.secys[s].cfg = cfg;
            }
            Op::DelSecY(sci) => {
                let s = self.secy(&sci)?;
                self.secys.remove(s);
            }
            Op::Up(sci, up) => {
                let s = self.secy(&sci)?;
                self.secys[s].up = up;
            }
            Op::AddTx(sci, an, pn, active, seed) => {
                let s = self.secy(&sci)?;
                Self::check_an(an)?;
                Self::check_pn(self.secys[s].cfg.cipher, pn)?;
                if self.secys[s].tx.contains_key(&an) {
                    return Err((Errno::Exist, msg::TX_EXISTS));
                }
                if self.egress_free() == 0 {
                    return Err((Errno::NoSpc, msg::TX_FLOWS));
                }
                self.secys[s].tx.insert(
                    an,
                    MTx {
                        active,
                        pn,
                        seed,
                        maybe: Vec::new(),
                    },
                );
            }
            Op::UpdTx(sci, an, active, pn) => {
                let s = self.secy(&sci)?;
                Self::check_an(an)?;
                if !self.secys[s].tx.contains_key(&an) {
                    return Err((Errno::NoEnt, msg::NO_TX));
                }
                if let Some(pn) = pn {
                    Self::check_pn(self.secys[s].cfg.cipher, pn)?;
                }
                let t = self.secys[s].tx.get_mut(&an).unwrap();
                t.active = active;
                if let Some(pn) = pn {
                    t.pn = pn;
                    t.maybe.clear();
                }
            }
            Op::DelTx(sci, an) => {
                let s = self.secy(&sci)?;
                Self::check_an(an)?;
                if self.secys[s].tx.remove(&an).is_none() {
                    return Err((Errno::NoEnt, msg::NO_TX));
                }
            }
            Op::AddSc(sci, rx, active) => {
                let s = self.secy(&sci)?;
                if self.secys[s].scs.iter().any(|c| c.sci == rx) {
                    return Err((Errno::Exist, msg::SC_EXISTS));
                }
                if self.secys.iter().any(|y| y.scs.iter().any(|c| c.sci == rx)) {
                    return Err((Errno::Exist, msg::SC_OTHER_SECY));
                }
                if self.sc_count() == 16 {
                    return Err((Errno::NoSpc, msg::SC_TABLE));
                }
                let after = self.ingress_used_with(self.sc_count() + 1);
                if after > 16 {
                    return Err((Errno::NoSpc, msg::SC_FLOWS));
                }
                self.secys[s].scs.push(MSc {
                    sci: rx,
                    active,
                    sas: BTreeMap::new(),
                });
            }
            Op::UpdSc(sci, rx, active) => {
                let s = self.secy(&sci)?;
                let c = self.sc(s, &rx)?;
                self.secys[s].scs[c].active = active;
            }
            Op::DelSc(sci, rx) => {
                let s = self.secy(&sci)?;
                let c = self.sc(s, &rx)?;
                self.secys[s].scs.remove(c);
            }
            Op::AddRx(sci, rx, an, pn, active, seed) => {
                let s = self.secy(&sci)?;
                let c = self.sc(s, &rx)?;
                Self::check_an(an)?;
                Self::check_pn(self.secys[s].cfg.cipher, pn)?;
                if self.secys[s].scs[c].sas.contains_key(&an) {
                    return Err((Errno::Exist, msg::RX_EXISTS));
                }
                let implicit = self.sc_count() != 1 && rx[6..] == [0, 1];
                if 1 + usize::from(implicit) > self.ingress_free() {
                    return Err((Errno::NoSpc, msg::RX_FLOWS));
                }
                self.secys[s].scs[c].sas.insert(
                    an,
                    MRx {
                        active,
                        pn,
                        seed,
                        maybe: Vec::new(),
                    },
                );
            }
            Op::UpdRx(sci, rx, an, active, pn) => {
                let s = self.secy(&sci)?;
                let c = self.sc(s, &rx)?;
                Self::check_an(an)?;
                if !self.secys[s].scs[c].sas.contains_key(&an) {
                    return Err((Errno::NoEnt, msg::NO_RX));
                }
                if let Some(pn) = pn {
                    Self::check_pn(self.secys[s].cfg.cipher, pn)?;
                }
                let r = self.secys[s].scs[c].sas.get_mut(&an).unwrap();
                r.active = active;
                if let Some(pn) = pn {
                    r.pn = pn;
                    r.maybe.clear();
                }
            }
            Op::DelRx(sci, rx, an) => {
                let s = self.secy(&sci)?;
                let c = self.sc(s, &rx)?;
                Self::check_an(an)?;
                if self.secys[s].scs[c].sas.remove(&an).is_none() {
                    return Err((Errno::NoEnt, msg::NO_RX));
                }
            }
            Op::Stats(sci) => {
                self.secy(&sci)?;
            }
            Op::Init => {}
        }
        Ok(())
    }

    /// A PN raise that may have reached the engine although the operation failed.
    fn note_maybe(&mut self, op: &Op) {
        match *op {
            Op::UpdTx(sci, an, _, Some(pn)) => {
                if let Some(t) = self.find(&sci).and_then(|s| self.secys[s].tx.get_mut(&an)) {
                    t.maybe.push(pn);
                }
            }
            Op::UpdRx(sci, rx, an, _, Some(pn)) => {
                if let Some(s) = self.find(&sci) {
                    if let Some(c) = self.secys[s].scs.iter_mut().find(|c| c.sci == rx) {
                        if let Some(r) = c.sas.get_mut(&an) {
                            r.maybe.push(pn);
                        }
                    }
                }
            }
            _ => {}
        }
    }
}

#[derive(Clone, Copy, Debug)]
enum Op {
    AddSecY(SecYConfig),
    UpdSecY(SecYConfig),
    DelSecY(Sci),
    Up(Sci, bool),
    AddTx(Sci, u8, u64, bool, u8),
    UpdTx(Sci, u8, bool, Option<u64>),
    DelTx(Sci, u8),
    AddSc(Sci, Sci, bool),
    UpdSc(Sci, Sci, bool),
    DelSc(Sci, Sci),
    AddRx(Sci, Sci, u8, u64, bool, u8),
    UpdRx(Sci, Sci, u8, bool, Option<u64>),
    DelRx(Sci, Sci, u8),
    Stats(Sci),
    Init,
}

const MACS: [[u8; 6]; 5] = [
    [0x02, 0, 0, 0, 0x0a, 1],
    [0x02, 0, 0, 0, 0x0a, 2],
    [0x02, 0, 0, 0, 0x0a, 3],
    [0x02, 0, 0, 0, 0x0a, 4],
    [0x03, 0, 0, 0, 0x0a, 5], // multicast: refused
];
const PEERS: [[u8; 6]; 4] = [
    [0x02, 0, 0, 0, 0xe0, 1],
    [0x02, 0, 0, 0, 0xe0, 2],
    [0x02, 0, 0, 0, 0xe0, 3],
    [0x02, 0, 0, 0, 0xe0, 4],
];

fn pick<T: Copy>(g: &mut Rng, v: &[T]) -> T {
    v[g.below(v.len())]
}

/// An SCI of an existing SecY mostly, sometimes of none.
fn some_secy(g: &mut Rng, m: &Model) -> Sci {
    if !m.secys.is_empty() && g.chance(90) {
        m.secys[g.below(m.secys.len())].cfg.sci
    } else {
        sci(pick(g, &MACS), 1)
    }
}

fn some_rx(g: &mut Rng, m: &Model, s: &Sci) -> Sci {
    if let Some(i) = m.find(s) {
        if !m.secys[i].scs.is_empty() && g.chance(75) {
            let scs = &m.secys[i].scs;
            return scs[g.below(scs.len())].sci;
        }
    }
    sci(pick(g, &PEERS), 1 + g.below(2) as u16)
}

/// An AN of an existing transmit SA of `s` mostly (`exists`), or a free one, sometimes any.
fn some_tx_an(g: &mut Rng, m: &Model, s: &Sci, exists: bool) -> u8 {
    if let Some(i) = m.find(s) {
        let have: Vec<u8> = m.secys[i].tx.keys().copied().collect();
        let pool: Vec<u8> = if exists {
            have
        } else {
            (0..4).filter(|a| !have.contains(a)).collect()
        };
        if !pool.is_empty() && g.chance(85) {
            return pick(g, &pool);
        }
    }
    g.below(5) as u8
}

/// The same for receive SAs of channel `rx` of `s`.
fn some_rx_an(g: &mut Rng, m: &Model, s: &Sci, rx: &Sci, exists: bool) -> u8 {
    if let Some(c) = m
        .find(s)
        .and_then(|i| m.secys[i].scs.iter().find(|c| c.sci == *rx))
    {
        let have: Vec<u8> = c.sas.keys().copied().collect();
        let pool: Vec<u8> = if exists {
            have
        } else {
            (0..4).filter(|a| !have.contains(a)).collect()
        };
        if !pool.is_empty() && g.chance(85) {
            return pick(g, &pool);
        }
    }
    g.below(5) as u8
}

fn some_pn(g: &mut Rng, cipher: Cipher) -> u64 {
    match g.below(10) {
        0 if g.chance(50) => 0,
        1 if !cipher.is_xpn() && g.chance(50) => 1 << 32,
        2 if cipher.is_xpn() => 0x1_0000_0000 + g.below(1000) as u64,
        _ => 1 + g.below(100_000) as u64,
    }
}

fn some_cfg(g: &mut Rng, base: SecYConfig) -> SecYConfig {
    let mut c = base;
    if g.chance(15) {
        // Something the driver refuses.
        match g.below(6) {
            0 => c.icv_len = 8,
            1 => c.encoding_sa = 4,
            2 => c.cipher = pick(g, &CIPHERS),
            3 => {
                c.cipher = Cipher::GcmAesXpn128;
                c.replay_window = (1 << 30) + 1;
            }
            4 => c.mac = [0x03, 0, 0, 0, 0x0a, 5],
            _ => {
                c.send_sci = true;
                c.end_station = true;
            }
        }
        return c;
    }
    for _ in 0..1 + g.below(2) {
        match g.below(9) {
            0 | 1 => c.encoding_sa = g.below(4) as u8,
            2 => c.encrypt = !c.encrypt,
            3 => c.protect = !c.protect,
            4 => c.validate = pick(g, &[Validate::Disabled, Validate::Check, Validate::Strict]),
            5 => {
                c.replay_protect = !c.replay_protect;
                c.replay_window = g.below(64) as u32;
            }
            6 => c.mac = pick(g, &MACS[..4]),
            7 => {
                c.send_sci = !c.send_sci;
                c.end_station = !c.send_sci && g.chance(50);
            }
            _ => c.scb = g.chance(30) && !c.send_sci,
        }
    }
    c
}

fn gen(g: &mut Rng, m: &Model) -> Op {
    let roll = if m.secys.is_empty() && g.chance(80) {
        0
    } else {
        g.below(40)
    };
    // Receive SA operations on a SecY without channel mostly add a channel first.
    let roll = match roll {
        26..=35 => {
            let s = some_secy(g, m);
            let none = m.find(&s).is_none_or(|i| m.secys[i].scs.is_empty());
            if none && g.chance(70) {
                return Op::AddSc(s, sci(pick(g, &PEERS), 1 + g.below(2) as u16), g.chance(85));
            }
            roll
        }
        r => r,
    };
    match roll {
        0..=3 => {
            let mac = if g.chance(95) {
                pick(g, &MACS[..4])
            } else {
                MACS[4]
            };
            let mut c = secy(mac, pick(g, &CIPHERS));
            c.sci = sci(
                if g.chance(90) { mac } else { pick(g, &MACS) },
                1 + g.below(2) as u16,
            );
            Op::AddSecY(some_cfg(g, c))
        }
        4..=7 => {
            let s = some_secy(g, m);
            let base = m
                .find(&s)
                .map(|i| m.secys[i].cfg)
                .unwrap_or_else(|| secy(s[..6].try_into().unwrap(), Cipher::GcmAes128));
            let mut c = some_cfg(g, base);
            c.sci = s;
            Op::UpdSecY(c)
        }
        8 => Op::DelSecY(some_secy(g, m)),
        9..=11 => Op::Up(some_secy(g, m), g.chance(70)),
        12..=16 => {
            let s = some_secy(g, m);
            let cipher = m
                .find(&s)
                .map(|i| m.secys[i].cfg.cipher)
                .unwrap_or(Cipher::GcmAes128);
            let an = some_tx_an(g, m, &s, false);
            Op::AddTx(s, an, some_pn(g, cipher), g.chance(80), g.below(200) as u8)
        }
        17..=19 => {
            let s = some_secy(g, m);
            let cipher = m
                .find(&s)
                .map(|i| m.secys[i].cfg.cipher)
                .unwrap_or(Cipher::GcmAes128);
            let pn = g.chance(50).then(|| some_pn(g, cipher));
            let an = some_tx_an(g, m, &s, true);
            Op::UpdTx(s, an, g.chance(70), pn)
        }
        20 => {
            let s = some_secy(g, m);
            Op::DelTx(s, some_tx_an(g, m, &s, true))
        }
        21..=23 => {
            let s = some_secy(g, m);
            Op::AddSc(s, some_rx(g, m, &s), g.chance(85))
        }
        24 => {
            let s = some_secy(g, m);
            Op::UpdSc(s, some_rx(g, m, &s), g.chance(60))
        }
        25 => {
            let s = some_secy(g, m);
            Op::DelSc(s, some_rx(g, m, &s))
        }
        26..=31 => {
            let s = some_secy(g, m);
            let cipher = m
                .find(&s)
                .map(|i| m.secys[i].cfg.cipher)
                .unwrap_or(Cipher::GcmAes128);
            let rx = some_rx(g, m, &s);
            Op::AddRx(
                s,
                rx,
                some_rx_an(g, m, &s, &rx, false),
                some_pn(g, cipher),
                g.chance(80),
                g.below(200) as u8,
            )
        }
        32..=34 => {
            let s = some_secy(g, m);
            let cipher = m
                .find(&s)
                .map(|i| m.secys[i].cfg.cipher)
                .unwrap_or(Cipher::GcmAes128);
            let rx = some_rx(g, m, &s);
            let pn = g.chance(50).then(|| some_pn(g, cipher));
            let an = some_rx_an(g, m, &s, &rx, true);
            Op::UpdRx(s, rx, an, g.chance(70), pn)
        }
        35 => {
            let s = some_secy(g, m);
            let rx = some_rx(g, m, &s);
            let an = some_rx_an(g, m, &s, &rx, true);
            Op::DelRx(s, rx, an)
        }
        36..=38 => Op::Stats(some_secy(g, m)),
        _ => Op::Init,
    }
}

fn tx_sa(cfg: &SecYConfig, an: u8, seed: u8) -> PeerSa {
    PeerSa::new(cfg.cipher, seed, cfg.sci, an)
}

fn rx_sa(cfg: &SecYConfig, rx: Sci, an: u8, seed: u8) -> PeerSa {
    PeerSa::new(cfg.cipher, seed, rx, an)
}

fn run(r: &mut Rig, m: &Model, op: &Op) -> Result {
    match *op {
        Op::AddSecY(c) => r.op(|o, b| o.add_secy(b, &c)),
        Op::UpdSecY(c) => r.op(|o, b| o.upd_secy(b, &c)),
        Op::DelSecY(s) => r.op(|o, b| o.del_secy(b, s)),
        Op::Up(s, true) => r.op(|o, b| o.dev_open(b, s)),
        Op::Up(s, false) => r.op(|o, b| o.dev_stop(b, s)),
        Op::AddTx(s, an, pn, active, seed) => {
            let cfg = m
                .find(&s)
                .map(|i| m.secys[i].cfg)
                .unwrap_or(secy(MAC_A, Cipher::GcmAes128));
            let c = tx_sa(&cfg, an, seed).config(pn, active);
            let mut c = c;
            c.an = an;
            r.op(|o, b| o.add_txsa(b, s, &c))
        }
        Op::UpdTx(s, an, active, pn) => r.op(|o, b| o.upd_txsa(b, s, an, active, pn)),
        Op::DelTx(s, an) => r.op(|o, b| o.del_txsa(b, s, an)),
        Op::AddSc(s, rx, active) => r.op(|o, b| o.add_rxsc(b, s, rx, active)),
        Op::UpdSc(s, rx, active) => r.op(|o, b| o.upd_rxsc(b, s, rx, active)),
        Op::DelSc(s, rx) => r.op(|o, b| o.del_rxsc(b, s, rx)),
        Op::AddRx(s, rx, an, pn, active, seed) => {
            let cfg = m
                .find(&s)
                .map(|i| m.secys[i].cfg)
                .unwrap_or(secy(MAC_A, Cipher::GcmAes128));
            let mut c = rx_sa(&cfg, rx, an, seed).config(pn, active);
            c.an = an;
            r.op(|o, b| o.add_rxsa(b, s, rx, &c))
        }
        Op::UpdRx(s, rx, an, active, pn) => r.op(|o, b| o.upd_rxsa(b, s, rx, an, active, pn)),
        Op::DelRx(s, rx, an) => r.op(|o, b| o.del_rxsa(b, s, rx, an)),
        Op::Stats(s) => r.op(|o, b| {
            o.dev_stats(b, s)?;
            let mut v = [0u64; 27];
            o.global_stats(b, &mut v)
        }),
        Op::Init => r.op(|o, b| o.init(b)),
    }
}

/// The logic's state equals the model.
#[track_caller]
fn same(r: &Rig, m: &Model) {
    let st = r.off.state();
    let used: Vec<_> = st.secy.iter().enumerate().filter(|(_, y)| y.used).collect();
    assert_eq!(used.len(), m.secys.len(), "SecYs");
    for (i, y) in used {
        let ms = &m.secys[m.find(&y.cfg.sci).expect("a SecY the model lacks")];
        assert_eq!((y.cfg, y.up), (ms.cfg, ms.up));
        let tx: BTreeMap<u8, (bool, u64)> = st
            .tx
            .iter()
            .filter(|t| t.used && t.secy as usize == i)
            .map(|t| (t.an, (t.active, t.pn)))
            .collect();
        let want: BTreeMap<u8, (bool, u64)> =
            ms.tx.iter().map(|(a, t)| (*a, (t.active, t.pn))).collect();
        assert_eq!(tx, want, "transmit SAs of {:02x?}", y.cfg.sci);
        let mut scs = 0;
        for (c, sc) in st
            .sc
            .iter()
            .enumerate()
            .filter(|(_, c)| c.used && c.secy as usize == i)
        {
            scs += 1;
            let msc = ms
                .scs
                .iter()
                .find(|x| x.sci == sc.sci)
                .expect("a channel the model lacks");
            assert_eq!(sc.active, msc.active);
            let rx: BTreeMap<u8, (bool, u64)> = st
                .rx
                .iter()
                .filter(|x| x.used && x.sc as usize == c)
                .map(|x| (x.an, (x.active, x.pn)))
                .collect();
            let want: BTreeMap<u8, (bool, u64)> = msc
                .sas
                .iter()
                .map(|(a, x)| (*a, (x.active, x.pn)))
                .collect();
            assert_eq!(rx, want);
        }
        assert_eq!(scs, ms.scs.len());
    }
}

/// The traffic of the model's configuration.
fn traffic(r: &mut Rig, m: &Model) {
    for y in &m.secys {
        let c = &y.cfg;
        let f = frame(PEER, c.mac, IPV4, 46, 3);
        let out = r.egress(&f);
        if !y.up {
            assert_eq!(
                out,
                Some(f.clone()),
                "a down SecY's address is the parent's"
            );
            continue;
        }
        if !c.protect {
            assert_eq!(out, Some(f.clone()), "protect off");
            continue;
        }
        match y.tx.get(&c.encoding_sa) {
            Some(t) if t.active => {
                let w = out.expect("an active encoding SA sends");
                let sa = tx_sa(c, c.encoding_sa, t.seed);
                let pns: Vec<u64> = std::iter::once(t.pn)
                    .chain(t.maybe.iter().copied())
                    .collect();
                let ok = pns.iter().any(|pn| {
                    open(&sa, *pn, &w).is_ok_and(|o| {
                        o.an == c.encoding_sa && u64::from(o.pn) == pn & 0xffff_ffff && o.plain == f
                    })
                });
                assert!(ok, "{:02x?} AN {} PN {:?}", c.sci, c.encoding_sa, pns);
            }
            _ => assert_eq!(out, None, "no SA: dropped, never in clear"),
        }
    }
    // Receive: an SA of an active channel takes its peer's frame.
    for y in &m.secys {
        if !y.up {
            continue;
        }
        let c = &y.cfg;
        for sc in &y.scs {
            for (an, x) in &sc.sas {
                if !sc.active || !x.active || !x.maybe.is_empty() {
                    continue;
                }
                let sa = rx_sa(c, sc.sci, *an, x.seed);
                let opts = TxOpts {
                    include_sci: true,
                    encrypt: true,
                    ..Default::default()
                };
                let mut peer_mac = [0u8; 6];
                peer_mac.copy_from_slice(&sc.sci[..6]);
                let plain = frame(c.mac, peer_mac, IPV4, 46, *an);
                let got = r.ingress(&seal(&sa, x.pn, opts, &plain));
                assert_eq!(
                    got,
                    Some(plain),
                    "{:02x?} channel {:02x?} AN {an}",
                    c.sci,
                    sc.sci
                );
                // The engine moved its window: the model follows.
            }
        }
    }
}

#[test]
fn random_operations_with_mdio_faults_against_the_model() {
    let mut steps = 0usize;
    let mut faults = 0usize;
    let mut refusals = 0usize;
    let mut unrecovered = 0usize;
    let mut hist = BTreeMap::new();
    let mut peak = [0usize; 2];
    let range = sequences("RSMACSEC_PROPERTY", SEQUENCES);
    let count = range.end - range.start;
    for seq in range {
        let mut g = Rng(0x9e37_79b9_7f4a_7c15 ^ (seq + 1).wrapping_mul(0x1234_5678_9abc_def1));
        let mut r = Rig::new();
        let mut m = Model::default();
        for step in 0..STEPS {
            let op = gen(&mut g, &m);
            let mut next = m.clone();
            let want = next.apply(&op);
            let fault = g.chance(30);
            let double = fault && g.chance(15);
            if fault {
                let k = 1 + g.below(300) as u64;
                r.m.pkg
                    .faults_mut()
                    .fail_accesses(k, if double { 2 } else { 1 }, MdioError::Io);
            }
            let before = r.m.pkg.faults().injected();
            let got = run(&mut r, &m, &op);
            let fired = r.m.pkg.faults().injected() != before;
            r.m.pkg.faults_mut().clear();
            let ctx = || format!("sequence {seq} step {step} {op:?}");
            match (&want, &got) {
                (Err((e, msg)), Err(Error::Refused { errno, msg: m2 })) => {
                    assert_eq!((errno, *m2), (e, *msg), "{}", ctx());
                    assert!(!fired, "{}: a refusal used the bus", ctx());
                    refusals += 1;
                    *hist.entry(*msg).or_insert(0usize) += 1;
                }
                (Ok(()), Ok(())) => m = next,
                (Ok(()), Err(Error::Mdio(-5))) if fired => {
                    faults += 1;
                    m.note_maybe(&op);
                    if matches!(op, Op::Init) {
                        // An init that failed left the engines half set up and the driver not
                        // ready: the shell tries again.
                        assert!(
                            matches!(
                                r.op(|o, b| o.dev_stats(b, [0; 8])),
                                Err(Error::Refused {
                                    errno: Errno::NoDev,
                                    ..
                                })
                            ),
                            "{}",
                            ctx()
                        );
                        r.op(|o, b| o.init(b)).unwrap();
                        adopt_pns(&r, &mut m);
                    }
                }
                (Ok(()), Err(Error::Unrecovered(-5))) if fired => {
                    unrecovered += 1;
                    assert!(r.off.unrecovered());
                    m.note_maybe(&op);
                    // As the shell would: the engines are reprogrammed from the state.
                    r.op(|o, b| o.init(b)).unwrap();
                    adopt_pns(&r, &mut m);
                }
                _ => panic!("{}: model {want:?}, driver {got:?}", ctx()),
            }
            if matches!(op, Op::Init) && got.is_ok() {
                adopt_pns(&r, &mut m);
            }
            let ok = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                same(&r, &m);
                r.assert_clean();
            }));
            let st = r.off.state();
            for d in rsmacsec_host::logic::macsec::state::Dir::BOTH {
                let used = 16 - st.free_flows(d).count_ones() as usize;
                peak[d.idx()] = peak[d.idx()].max(used);
            }
            if ok.is_err() {
                panic!("{}: fault {fault} fired {fired} got {got:?}", ctx());
            }
            steps += 1;
        }
        let ok = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            traffic(&mut r, &m);
            r.assert_clean();
        }));
        if ok.is_err() {
            panic!("sequence {seq}: the traffic at the end");
        }
    }
    eprintln!(
        "{count} sequences, {steps} steps: {faults} rolled back after an MDIO error, \
         {unrecovered} unrecovered and repaired by init, {refusals} refused"
    );
    eprintln!("refusals: {hist:#?}");
    eprintln!("most flows in use: ingress {}, egress {}", peak[0], peak[1]);
    // The run exercised what it is for (a replay of one sequence need not).
    if count >= 100 {
        assert!(faults > 100 && refusals > 100 && unrecovered > 0);
    }
}

/// Whether `got` is what failed writes of the `maybe` values over `pn` can leave: one of them,
/// or, with a 64-bit sequence number (XPN), one half of `pn` and one of a value, the write
/// stopped between the two words. `off` is what the record holds less than the PN (1 for
/// transmit: the last PN sent).
fn left_by(got: u64, pn: u64, maybe: &[u64], off: u64) -> bool {
    let lo = 0xffff_ffffu64;
    let a = pn.wrapping_sub(off);
    !maybe.is_empty()
        && (got == pn
            || maybe.iter().any(|&q| {
                let b = q.wrapping_sub(off);
                got == q
                    || [(a & !lo) | (b & lo), (b & !lo) | (a & lo)]
                        .iter()
                        .any(|x| x.wrapping_add(off) == got)
            }))
}

/// After init the logic adopts the PNs the records hold; a raise that may have reached the
/// engine is then known.
fn adopt_pns(r: &Rig, m: &mut Model) {
    let st = r.off.state();
    for (i, y) in st.secy.iter().enumerate().filter(|(_, y)| y.used) {
        let Some(s) = m.find(&y.cfg.sci) else {
            continue;
        };
        for t in st.tx.iter().filter(|t| t.used && t.secy as usize == i) {
            if let Some(mt) = m.secys[s].tx.get_mut(&t.an) {
                if left_by(t.pn, mt.pn, &mt.maybe, 1) {
                    mt.pn = t.pn;
                    mt.maybe.clear();
                }
            }
        }
        for (c, sc) in st
            .sc
            .iter()
            .enumerate()
            .filter(|(_, c)| c.used && c.secy as usize == i)
        {
            let Some(msc) = m.secys[s].scs.iter_mut().find(|x| x.sci == sc.sci) else {
                continue;
            };
            for x in st.rx.iter().filter(|x| x.used && x.sc as usize == c) {
                if let Some(mx) = msc.sas.get_mut(&x.an) {
                    if left_by(x.pn, mx.pn, &mx.maybe, 0) {
                        mx.pn = x.pn;
                        mx.maybe.clear();
                    }
                }
            }
        }
    }
}
