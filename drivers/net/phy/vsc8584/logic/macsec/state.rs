// SPDX-License-Identifier: GPL-2.0

//! The MACsec state the kernel configured on one PHY: SecYs, transmit SAs, receive channels and
//! receive SAs, and which SAM flow each of them owns.
//!
//! Fixed-size tables (no allocation). Every field is plain data whose all-zero value is the empty
//! state, so that the tables can live in zeroed memory. An operation changes a copy of the state
//! and the driver keeps the copy only when the hardware took it (see [`super::shadow`]).

use super::types::{Cipher, SaKey, Sci, SecYConfig, Validate};

/// SAM flows (entries, flow control words, transform records) per direction.
pub const FLOWS: usize = 16;
/// SecYs per PHY (MESA's `max_secy` on 1G parts). Each takes one flow per direction.
pub const MAX_SECY: usize = 8;
/// Slots of the transmit SA, receive channel and receive SA pools. A transmit or receive SA
/// takes at least one flow, so no more than 16 of each can exist.
pub const POOL: usize = 16;
/// Association numbers.
pub const ANS: usize = 4;

/// Bit `n` of a mask of flows or pool slots (0 beyond the mask).
pub fn bit(n: usize) -> u16 {
    u32::try_from(n)
        .ok()
        .and_then(|n| 1u16.checked_shl(n))
        .unwrap_or(0)
}

/// What a flow is used for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[repr(u8)]
pub enum Owner {
    /// Free.
    #[default]
    Free,
    /// The guard of SecY `n`: what its frames meet when no SA takes them.
    Guard(u8),
    /// Transmit SA `n` (egress).
    TxSa(u8),
    /// Receive SA `n` (ingress), the entry of its SecTAGs with an SCI, or of every SecTAG when
    /// the PHY has a single receive channel.
    RxSa(u8),
    /// Receive SA `n` (ingress), the entry of its SecTAGs without an SCI from the channel's MAC
    /// address (the implicit SCI of 802.1AE 9.9 is that address and port 1).
    RxSaImplicit(u8),
}

/// A SecY.
#[derive(Clone, Copy, Debug)]
pub struct SecY {
    /// The slot is in use.
    pub used: bool,
    /// Its settings.
    pub cfg: SecYConfig,
    /// The MACsec device is up.
    pub up: bool,
    /// Its egress guard flow.
    pub guard_egress: u8,
    /// Its ingress guard flow.
    pub guard_ingress: u8,
    /// The hardware switched the encoding SA at the PN switch point and the kernel has not
    /// taken it over yet: `cfg.encoding_sa` is the hardware's, `kernel_encoding_sa` the one the
    /// kernel last set, which its requests still carry until it learns of the switch.
    pub switched: bool,
    /// The encoding SA the kernel last set, while `switched`.
    pub kernel_encoding_sa: u8,
}

/// A transmit SA.
#[derive(Clone, Copy, Debug)]
pub struct TxSa {
    /// The slot is in use.
    pub used: bool,
    /// The SecY (slot).
    pub secy: u8,
    /// Association number.
    pub an: u8,
    /// In use (802.1AE `inUse`).
    pub active: bool,
    /// Keys.
    pub key: SaKey,
    /// The next PN as programmed: the record holds `pn - 1`. The engine moves on from there.
    pub pn: u64,
    /// The next apply writes `pn` even though the record exists (a PN set lower).
    pub force_pn: bool,
    /// The PHY lost its state and the last PN sent is unknown: the SA sends nothing (its flow is
    /// not in use) until the kernel sets a PN, so that no PN is used twice with the key.
    pub pn_lost: bool,
    /// Its flow was enabled since its PN was last known exactly: it may have sent frames, and
    /// only its record knows the last PN.
    pub sent: bool,
    /// Its flow.
    pub flow: u8,
}

/// A receive channel.
#[derive(Clone, Copy, Debug)]
pub struct RxSc {
    /// The slot is in use.
    pub used: bool,
    /// The SecY (slot).
    pub secy: u8,
    /// The peer's SCI.
    pub sci: Sci,
    /// Receiving (`ip macsec set ... rx sci ... on|off`).
    pub active: bool,
}

/// A receive SA.
#[derive(Clone, Copy, Debug)]
pub struct RxSa {
    /// The slot is in use.
    pub used: bool,
    /// The receive channel (slot).
    pub sc: u8,
    /// Association number.
    pub an: u8,
    /// In use.
    pub active: bool,
    /// Keys.
    pub key: SaKey,
    /// The next PN expected, as programmed.
    pub pn: u64,
    /// The next apply writes `pn` even though the records exist (a PN set lower).
    pub force_pn: bool,
    /// Its flow.
    pub flow: u8,
    /// It has a second flow, for SCI-less SecTAGs.
    pub has_implicit: bool,
    /// The second flow.
    pub flow_implicit: u8,
}

const EMPTY_KEY: SaKey = SaKey {
    key: [0; 32],
    hash_key: [0; 16],
    ssci: 0,
    salt: [0; 12],
};

const EMPTY_CFG: SecYConfig = SecYConfig {
    sci: [0; 8],
    mac: [0; 6],
    cipher: Cipher::GcmAes128,
    icv_len: 0,
    protect: false,
    encrypt: false,
    send_sci: false,
    end_station: false,
    scb: false,
    encoding_sa: 0,
    validate: Validate::Disabled,
    replay_protect: false,
    replay_window: 0,
};

impl SecY {
    /// An unused slot.
    pub const EMPTY: Self = Self {
        used: false,
        cfg: EMPTY_CFG,
        up: false,
        guard_egress: 0,
        guard_ingress: 0,
        switched: false,
        kernel_encoding_sa: 0,
    };
}

impl TxSa {
    /// An unused slot.
    pub const EMPTY: Self = Self {
        used: false,
        secy: 0,
        an: 0,
        active: false,
        key: EMPTY_KEY,
        pn: 0,
        force_pn: false,
        pn_lost: false,
        sent: false,
        flow: 0,
    };

    /// Takes in that the engine's record shows `seq` as the last PN sent: the next PN is at
    /// least one more, or, after the last 64-bit PN, there is none and the SA is spent (held
    /// out of use and reported, as a lost PN is).
    pub fn sent_up_to(&mut self, seq: u64) {
        match seq.checked_add(1) {
            Some(next) => self.pn = self.pn.max(next),
            None => self.pn_lost = true,
        }
    }
}

impl RxSc {
    /// An unused slot.
    pub const EMPTY: Self = Self {
        used: false,
        secy: 0,
        sci: [0; 8],
        active: false,
    };
}

impl RxSa {
    /// An unused slot.
    pub const EMPTY: Self = Self {
        used: false,
        sc: 0,
        an: 0,
        active: false,
        key: EMPTY_KEY,
        pn: 0,
        force_pn: false,
        flow: 0,
        has_implicit: false,
        flow_implicit: 0,
    };
}

/// Direction of an engine.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    /// Line to host: verify.
    Ingress = 0,
    /// Host to line: protect.
    Egress = 1,
}

impl Dir {
    /// Both directions.
    pub const BOTH: [Dir; 2] = [Dir::Ingress, Dir::Egress];

    /// Index into per-direction tables.
    pub const fn idx(self) -> usize {
        self as usize
    }
}

/// The whole configuration of one PHY.
#[derive(Clone, Copy, Debug)]
pub struct State {
    /// SecYs.
    pub secy: [SecY; MAX_SECY],
    /// Transmit SAs.
    pub tx: [TxSa; POOL],
    /// Receive channels.
    pub sc: [RxSc; POOL],
    /// Receive SAs.
    pub rx: [RxSa; POOL],
    /// What each flow is for, per direction.
    pub owner: [[Owner; FLOWS]; 2],
    /// The epoch of each flow's record: a new owner gets a new record (and context identifier).
    pub epoch: [[u32; FLOWS]; 2],
}

impl State {
    /// No SecY.
    pub const EMPTY: Self = Self {
        secy: [SecY::EMPTY; MAX_SECY],
        tx: [TxSa::EMPTY; POOL],
        sc: [RxSc::EMPTY; POOL],
        rx: [RxSa::EMPTY; POOL],
        owner: [[Owner::Free; FLOWS]; 2],
        epoch: [[0; FLOWS]; 2],
    };

    /// The slot of the SecY named `sci`.
    pub fn find_secy(&self, sci: &Sci) -> Option<usize> {
        self.secy.iter().position(|s| s.used && s.cfg.sci == *sci)
    }

    /// The SecY of slot `i`.
    pub fn secy(&self, i: usize) -> Option<&SecY> {
        self.secy.get(i).filter(|s| s.used)
    }

    /// The transmit SA `an` of SecY `secy`.
    pub fn find_tx(&self, secy: usize, an: u8) -> Option<usize> {
        self.tx
            .iter()
            .position(|t| t.used && usize::from(t.secy) == secy && t.an == an)
    }

    /// The receive channel `sci` of SecY `secy`.
    pub fn find_sc(&self, secy: usize, sci: &Sci) -> Option<usize> {
        self.sc
            .iter()
            .position(|c| c.used && usize::from(c.secy) == secy && c.sci == *sci)
    }

    /// The receive channel `sci` of any SecY.
    pub fn find_sc_any(&self, sci: &Sci) -> Option<usize> {
        self.sc.iter().position(|c| c.used && c.sci == *sci)
    }

    /// The receive SA `an` of channel `sc`.
    pub fn find_rx(&self, sc: usize, an: u8) -> Option<usize> {
        self.rx
            .iter()
            .position(|r| r.used && usize::from(r.sc) == sc && r.an == an)
    }

    /// The number of receive channels of the PHY.
    pub fn sc_count(&self) -> usize {
        self.sc.iter().filter(|c| c.used).count()
    }

    /// The number of active receive channels of SecY `secy` (the kernel's `n_rx_sc`).
    pub fn active_sc_count(&self, secy: usize) -> usize {
        self.sc
            .iter()
            .filter(|c| c.used && c.active && usize::from(c.secy) == secy)
            .count()
    }

    /// Whether the PHY receives as a point-to-point link: with a single receive channel, every
    /// SecTAG of an AN goes to its SA, with or without an SCI (802.1AE 9.9: a SecTAG without SCI
    /// and ES names the only peer).
    pub fn point_to_point(&self) -> bool {
        self.sc_count() == 1
    }

    /// Whether receive SA `rx` needs an entry for SCI-less SecTAGs besides the one for SecTAGs
    /// with its channel's SCI: on a PHY with several channels, the implicit SCI of a SecTAG
    /// without SCI is its source address and port 1 (802.1AE 9.9, Linux `macsec_frame_sci`), so
    /// only channels of port 1 can be named that way.
    pub fn needs_implicit(&self, rx: usize) -> bool {
        let Some(sa) = self.rx.get(rx).filter(|r| r.used) else {
            return false;
        };
        let Some(sc) = self.sc.get(usize::from(sa.sc)) else {
            return false;
        };
        !self.point_to_point() && sc.sci[6] == 0 && sc.sci[7] == 1
    }

    /// A free slot of `pool`.
    pub fn free_slot<T>(pool: &[T], used: impl Fn(&T) -> bool) -> Option<usize> {
        pool.iter().position(|x| !used(x))
    }

    /// The flows of direction `dir` that are free.
    pub fn free_flows(&self, dir: Dir) -> u16 {
        let mut m = 0u16;
        if let Some(owners) = self.owner.get(dir.idx()) {
            for (i, o) in owners.iter().enumerate() {
                if *o == Owner::Free {
                    m |= 1 << i;
                }
            }
        }
        m
    }

    /// Gives flow `flow` of `dir` to `owner`, with a new record of epoch `epoch`, which the
    /// caller takes from a counter that no rollback resets (an epoch is never used twice, so a
    /// record written by an operation that failed is never mistaken for a later one).
    pub fn take_flow(&mut self, dir: Dir, flow: u8, owner: Owner, epoch: u32) {
        let f = usize::from(flow);
        if let Some(o) = self.owner.get_mut(dir.idx()).and_then(|v| v.get_mut(f)) {
            *o = owner;
        }
        if let Some(e) = self.epoch.get_mut(dir.idx()).and_then(|v| v.get_mut(f)) {
            *e = epoch;
        }
    }

    /// Frees flow `flow` of `dir`.
    pub fn free_flow(&mut self, dir: Dir, flow: u8) {
        if let Some(o) = self
            .owner
            .get_mut(dir.idx())
            .and_then(|v| v.get_mut(usize::from(flow)))
        {
            *o = Owner::Free;
        }
    }

    /// The owner of flow `flow` of `dir`.
    pub fn owner(&self, dir: Dir, flow: usize) -> Owner {
        self.owner
            .get(dir.idx())
            .and_then(|v| v.get(flow))
            .copied()
            .unwrap_or_default()
    }

    /// The epoch of flow `flow` of `dir`.
    pub fn epoch(&self, dir: Dir, flow: usize) -> u32 {
        self.epoch
            .get(dir.idx())
            .and_then(|v| v.get(flow))
            .copied()
            .unwrap_or(0)
    }

    /// Whether any SecY uses an XPN cipher suite.
    pub fn any_xpn(&self) -> bool {
        self.secy.iter().any(|s| s.used && s.cfg.cipher.is_xpn())
    }

    /// The strictest validateFrames of the SecYs (for tagged frames of no known channel).
    pub fn strictest_validate(&self) -> Validate {
        let mut v = Validate::Disabled;
        for s in self.secy.iter().filter(|s| s.used) {
            v = match (v, s.cfg.validate) {
                (_, Validate::Strict) | (Validate::Strict, _) => Validate::Strict,
                (_, Validate::Check) | (Validate::Check, _) => Validate::Check,
                _ => Validate::Disabled,
            };
        }
        v
    }

    /// Whether frames of SecY `secy` carry the SCI: the SecY's setting, or, as Linux's
    /// `macsec_send_sci()`, when it has several active receive channels and neither ES nor SCB.
    pub fn include_sci(&self, secy: usize) -> bool {
        let Some(s) = self.secy(secy) else {
            return false;
        };
        let c = &s.cfg;
        c.send_sci || (self.active_sc_count(secy) > 1 && !c.end_station && !c.scb)
    }
}
