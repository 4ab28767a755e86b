// SPDX-License-Identifier: GPL-2.0

//! Test support for the driver's MACsec logic against the simulated package: the package as the
//! driver's MDIO bus, a bus that logs the 32-bit accesses, a rig holding a PHY and its
//! `Offload`, and an 802.1AE peer written here on RustCrypto (SecTAG, IV and AAD built by the
//! test, not by the simulator), so that what the engine seals is opened by an independent
//! implementation and what it opens was sealed by one.

#![allow(dead_code)]

use aes::cipher::BlockEncrypt;
use aes_gcm::aead::{AeadInPlace, KeyInit};
use aes_gcm::{Aes128Gcm, Aes256Gcm, Nonce, Tag};
use rsmacsec_host::engine::datapath::{self, GcmFactory, Outcome};
use rsmacsec_host::engine::gcm::{AeadGcm, AuthError, SealError, IV_LEN, TAG_LEN};
use rsmacsec_host::hw::regs::Bank;
use rsmacsec_host::logic::error::{Error, Result};
use rsmacsec_host::logic::macsec::state::Dir;
use rsmacsec_host::logic::macsec::types::{Cipher, SaConfig, SaKey, Sci, SecYConfig, Validate};
use rsmacsec_host::logic::macsec::Offload;
use rsmacsec_host::logic::mdio::Mdio;
use rsmacsec_host::logic::window::{Bus, Window};
use rsmacsec_host::regs::fault::MdioError;
use rsmacsec_host::regs::package::Package;
use rsmacsec_host::regs::Engine;

/// MDIO address of PHY 0 of the package.
pub const BASE: u8 = 8;

/// The simulated package as the driver's MDIO bus.
pub struct SimMdio {
    pub pkg: Box<Package>,
}

fn errno(e: MdioError) -> Error {
    Error::Mdio(match e {
        MdioError::Timeout => -110,
        _ => -5,
    })
}

impl Mdio for SimMdio {
    fn addr(&self) -> u8 {
        BASE
    }

    fn read(&mut self, addr: u8, reg: u8) -> Result<u16> {
        self.pkg.mdio_read(addr, reg).map_err(errno)
    }

    fn write(&mut self, addr: u8, reg: u8, val: u16) -> Result {
        self.pkg.mdio_write(addr, reg, val).map_err(errno)
    }

    fn delay_us(&mut self, _us: u32) {}
}

/// A bus that logs every 32-bit access it passes on.
pub struct LogBus<'a, B: Bus> {
    pub inner: &'a mut B,
    /// Writes: bank, address, value.
    pub writes: Vec<(Bank, u16, u32)>,
    /// Reads: bank, address.
    pub reads: Vec<(Bank, u16)>,
}

impl<B: Bus> Bus for LogBus<'_, B> {
    fn read32(&mut self, bank: Bank, addr: u16) -> Result<u32> {
        self.reads.push((bank, addr));
        self.inner.read32(bank, addr)
    }

    fn write32(&mut self, bank: Bank, addr: u16, val: u32) -> Result {
        self.writes.push((bank, addr, val));
        self.inner.write32(bank, addr, val)
    }
}

/// What the last operation cost.
#[derive(Clone, Debug, Default)]
pub struct Cost {
    pub writes: Vec<(Bank, u16, u32)>,
    pub reads: Vec<(Bank, u16)>,
    /// MDIO frames (`Package::accesses`).
    pub mdio: u64,
}

/// A package whose PHY 0 runs the driver's MACsec logic.
pub struct Rig {
    pub m: SimMdio,
    pub off: Box<Offload>,
    pub cost: Cost,
}

impl Rig {
    /// A fresh package, engines brought up by `Offload::init`.
    pub fn new() -> Self {
        let mut r = Self::bare();
        r.op(|o, b| o.init(b)).expect("init");
        r
    }

    /// A fresh package, nothing done yet.
    pub fn bare() -> Self {
        Self {
            m: SimMdio {
                pkg: Box::new(Package::new(BASE)),
            },
            off: Box::new(Offload::new()),
            cost: Cost::default(),
        }
    }

    /// Runs one operation through a window of PHY 0, logging what it does.
    pub fn op<T>(
        &mut self,
        f: impl FnOnce(&mut Offload, &mut LogBus<'_, Window<'_, SimMdio>>) -> Result<T>,
    ) -> Result<T> {
        let before = self.m.pkg.accesses();
        let mut w = Window::new(&mut self.m, BASE);
        let mut lb = LogBus {
            inner: &mut w,
            writes: Vec::new(),
            reads: Vec::new(),
        };
        let r = f(&mut self.off, &mut lb);
        let (writes, reads) = (lb.writes, lb.reads);
        let _ = w.finish();
        self.cost = Cost {
            writes,
            reads,
            mdio: self.m.pkg.accesses().wrapping_sub(before),
        };
        r
    }

    /// Runs `frame` from the host through the egress engine: what goes on the wire.
    pub fn egress(&mut self, frame: &[u8]) -> Option<Vec<u8>> {
        self.run(Engine::Egress, frame)
    }

    /// Runs `frame` from the wire through the ingress engine: what the host gets.
    pub fn ingress(&mut self, frame: &[u8]) -> Option<Vec<u8>> {
        self.run(Engine::Ingress, frame)
    }

    fn run(&mut self, e: Engine, frame: &[u8]) -> Option<Vec<u8>> {
        let mut out = vec![0u8; datapath::max_out_len(frame.len())];
        match datapath::run(&mut self.m.pkg, 0, e, &HostGcm, frame, &mut out) {
            Outcome::Forward(n) => {
                out.truncate(n);
                Some(out)
            }
            Outcome::Drop(_) => None,
        }
    }

    /// The simulator's misuse log of the package is empty, and the registers are what the
    /// logic's state says ([`check_consistent`]).
    #[track_caller]
    pub fn assert_clean(&self) {
        let mut s = String::new();
        self.m.pkg.show_misuse(&mut s).unwrap();
        assert_eq!(self.m.pkg.misuse_total(), 0, "misuse:\n{s}");
        check_consistent(self);
    }

    /// Peeks a register of engine `dir` of PHY 0.
    pub fn peek(&self, dir: Dir, addr: u16) -> u32 {
        self.m.pkg.macsec(0, engine(dir)).unwrap().peek(addr)
    }

    /// Every register of both engines but the counters (which reads clear and totals keep)
    /// and the next-PN scratch registers.
    pub fn regs(&self) -> Vec<u32> {
        let mut v = Vec::with_capacity(2 * 0x4000);
        for d in Dir::BOTH {
            let b = self.m.pkg.macsec(0, engine(d)).unwrap();
            for a in 0..0x4000u16 {
                let skip = (0x2000..0x3200).contains(&a) || (0x3d20..=0x3d23).contains(&a);
                v.push(if skip { 0 } else { b.peek(a) });
            }
        }
        v
    }

    /// [`Rig::regs`] restricted to the register areas a MACsec operation can reach (records,
    /// control, SAM, classifier, counter control, post-processor, crypto control, AIC): the
    /// fast comparison for tests that take thousands of snapshots.
    pub fn regs_reachable(&self) -> Vec<u32> {
        const AREAS: [(u16, u16); 11] = [
            (0x0000, 0x0200),
            (0x0800, 0x0810),
            (0x1000, 0x1100),
            (0x1800, 0x1820),
            (0x1c00, 0x1c10),
            (0x1e00, 0x1e80),
            (0x3200, 0x3210),
            (0x3a00, 0x3a20),
            (0x3c40, 0x3c50),
            (0x3d00, 0x3d20),
            (0x3e00, 0x3e10),
        ];
        let mut v = Vec::with_capacity(2 * 1500);
        for d in Dir::BOTH {
            let b = self.m.pkg.macsec(0, engine(d)).unwrap();
            for (lo, hi) in AREAS {
                v.extend((lo..hi).map(|a| b.peek(a)));
            }
        }
        v
    }

    /// The number of writes of the last operation to register `addr` of `bank`.
    pub fn writes_to(&self, bank: Bank, addr: u16) -> usize {
        self.cost
            .writes
            .iter()
            .filter(|w| w.0 == bank && w.1 == addr)
            .count()
    }
}

/// The simulator's engine of a direction.
pub fn engine(d: Dir) -> Engine {
    match d {
        Dir::Ingress => Engine::Ingress,
        Dir::Egress => Engine::Egress,
    }
}

/// AES-GCM on RustCrypto for the simulator's engine.
pub enum Gcm {
    Aes128(Box<Aes128Gcm>),
    Aes256(Box<Aes256Gcm>),
}

impl Gcm {
    pub fn new(key: &[u8]) -> Self {
        match key.len() {
            16 => Gcm::Aes128(Box::new(Aes128Gcm::new_from_slice(key).unwrap())),
            32 => Gcm::Aes256(Box::new(Aes256Gcm::new_from_slice(key).unwrap())),
            n => panic!("no AES key has {n} octets"),
        }
    }

    fn seal_(&self, iv: &[u8; 12], aad: &[u8], data: &mut [u8]) -> [u8; 16] {
        let nonce = Nonce::from_slice(iv);
        let tag = match self {
            Gcm::Aes128(c) => c.encrypt_in_place_detached(nonce, aad, data),
            Gcm::Aes256(c) => c.encrypt_in_place_detached(nonce, aad, data),
        };
        tag.unwrap().into()
    }

    fn open_(&self, iv: &[u8; 12], aad: &[u8], data: &mut [u8], tag: &[u8]) -> bool {
        let nonce = Nonce::from_slice(iv);
        let tag = Tag::from_slice(tag);
        match self {
            Gcm::Aes128(c) => c.decrypt_in_place_detached(nonce, aad, data, tag),
            Gcm::Aes256(c) => c.decrypt_in_place_detached(nonce, aad, data, tag),
        }
        .is_ok()
    }
}

impl AeadGcm for Gcm {
    fn seal(
        &self,
        iv: &[u8; IV_LEN],
        aad: &[u8],
        data: &mut [u8],
    ) -> std::result::Result<[u8; TAG_LEN], SealError> {
        Ok(self.seal_(iv, aad, data))
    }

    fn open(
        &self,
        iv: &[u8; IV_LEN],
        aad: &[u8],
        data: &mut [u8],
        tag: &[u8; TAG_LEN],
    ) -> std::result::Result<(), AuthError> {
        if self.open_(iv, aad, data, tag) {
            Ok(())
        } else {
            Err(AuthError)
        }
    }
}

/// Builds [`Gcm`]s for the engine.
pub struct HostGcm;

impl GcmFactory for HostGcm {
    type Gcm = Gcm;

    fn expand(&self, key: &[u8]) -> Option<Gcm> {
        match key.len() {
            16 | 32 => Some(Gcm::new(key)),
            _ => None,
        }
    }
}

/// The GHASH key H = AES_K(0^128), as the kernel shell computes it with lib/crypto.
pub fn hash_key(key: &[u8]) -> [u8; 16] {
    let mut block = aes::Block::default();
    match key.len() {
        16 => aes::Aes128::new_from_slice(key)
            .unwrap()
            .encrypt_block(&mut block),
        32 => aes::Aes256::new_from_slice(key)
            .unwrap()
            .encrypt_block(&mut block),
        n => panic!("no AES key has {n} octets"),
    }
    block.into()
}

/// An SA as both ends know it.
#[derive(Clone, Debug)]
pub struct PeerSa {
    pub key: Vec<u8>,
    /// The SCI of the channel (the transmitter's).
    pub sci: Sci,
    pub an: u8,
    /// XPN: SSCI and salt.
    pub xpn: Option<(u32, [u8; 12])>,
}

impl PeerSa {
    /// A test SA for `cipher`, its key derived from `seed`.
    pub fn new(cipher: Cipher, seed: u8, sci: Sci, an: u8) -> Self {
        let key = (0..cipher.key_len())
            .map(|i| seed.wrapping_mul(31).wrapping_add(i as u8 * 7))
            .collect();
        let xpn = cipher.is_xpn().then(|| {
            let mut salt = [0u8; 12];
            for (i, s) in salt.iter_mut().enumerate() {
                *s = seed ^ (0x5a + i as u8);
            }
            (0x1000_0000 | u32::from(seed), salt)
        });
        Self { key, sci, an, xpn }
    }

    /// The driver's view: the SA configuration for `add_*sa`.
    pub fn config(&self, next_pn: u64, active: bool) -> SaConfig {
        let mut k = [0u8; 32];
        k[..self.key.len()].copy_from_slice(&self.key);
        let (ssci, salt) = self.xpn.unwrap_or((0, [0; 12]));
        SaConfig {
            an: self.an,
            next_pn,
            active,
            key: SaKey {
                key: k,
                hash_key: hash_key(&self.key),
                ssci,
                salt,
            },
        }
    }

    fn iv(&self, pn: u64) -> [u8; 12] {
        let mut iv = [0u8; 12];
        match self.xpn {
            None => {
                iv[..8].copy_from_slice(&self.sci);
                iv[8..].copy_from_slice(&(pn as u32).to_be_bytes());
            }
            Some((ssci, salt)) => {
                iv[..4].copy_from_slice(&ssci.to_be_bytes());
                iv[4..].copy_from_slice(&pn.to_be_bytes());
                for (d, s) in iv.iter_mut().zip(salt) {
                    *d ^= s;
                }
            }
        }
        iv
    }
}

/// How a frame is protected.
#[derive(Clone, Copy, Debug, Default)]
pub struct TxOpts {
    pub encrypt: bool,
    pub include_sci: bool,
    pub es: bool,
    pub scb: bool,
}

/// `plain` (from the destination address, no FCS) protected with `sa` and `pn` (802.1AE 8.1,
/// 9.3-9.9): the SecTAG after the addresses, the user data encrypted or not, the ICV.
pub fn seal(sa: &PeerSa, pn: u64, o: TxOpts, plain: &[u8]) -> Vec<u8> {
    let user = &plain[12..];
    let mut tci = sa.an & 3;
    if o.es {
        tci |= 0x40;
    }
    if o.include_sci {
        tci |= 0x20;
    }
    if o.scb {
        tci |= 0x10;
    }
    if o.encrypt {
        tci |= 0x0c;
    }
    let sl = if user.len() < 48 { user.len() as u8 } else { 0 };
    let mut f = plain[..12].to_vec();
    f.extend([0x88, 0xe5, tci, sl]);
    f.extend((pn as u32).to_be_bytes());
    if o.include_sci {
        f.extend(sa.sci);
    }
    let gcm = Gcm::new(&sa.key);
    let mut data = user.to_vec();
    let icv = if o.encrypt {
        gcm.seal_(&sa.iv(pn), &f, &mut data)
    } else {
        let mut aad = f.clone();
        aad.extend(user);
        gcm.seal_(&sa.iv(pn), &aad, &mut [])
    };
    f.extend(data);
    f.extend(icv);
    f
}

/// A SecTAG'd frame as opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    /// TCI bits V..C (without AN).
    pub tci: u8,
    pub an: u8,
    pub sl: u8,
    /// The PN field.
    pub pn: u32,
    pub sci: Option<Sci>,
    /// The frame as it was before protection.
    pub plain: Vec<u8>,
}

/// Opens `frame` with `sa`; for XPN the PN's high half is `pn_hi`'s.
pub fn open(sa: &PeerSa, pn_hi: u64, frame: &[u8]) -> std::result::Result<Opened, String> {
    if frame.len() < 12 + 8 + 16 || frame[12..14] != [0x88, 0xe5] {
        return Err(format!("no SecTAG: {frame:02x?}"));
    }
    let tci = frame[14] & 0xfc;
    let an = frame[14] & 3;
    let sl = frame[15];
    let pn = u32::from_be_bytes(frame[16..20].try_into().unwrap());
    let (sci, hdr) = if tci & 0x20 != 0 {
        (Some(<Sci>::try_from(&frame[20..28]).unwrap()), 28)
    } else {
        (None, 20)
    };
    if let Some(s) = sci {
        if s != sa.sci {
            return Err(format!("SCI {s:02x?}, want {:02x?}", sa.sci));
        }
    }
    let body = &frame[hdr..frame.len() - 16];
    let icv = &frame[frame.len() - 16..];
    let full = (pn_hi & !0xffff_ffff) | u64::from(pn);
    let iv = sa.iv(full);
    let gcm = Gcm::new(&sa.key);
    let mut data = body.to_vec();
    let ok = if tci & 0x04 != 0 {
        gcm.open_(&iv, &frame[..hdr], &mut data, icv)
    } else {
        let mut aad = frame[..hdr].to_vec();
        aad.extend(body);
        gcm.open_(&iv, &aad, &mut [], icv)
    };
    if !ok {
        return Err("ICV check failed".into());
    }
    let mut plain = frame[..12].to_vec();
    plain.extend(data);
    Ok(Opened {
        tci,
        an,
        sl,
        pn,
        sci,
        plain,
    })
}

/// A plain frame from `sa` to `da` with `n` octets of IPv4-ish payload.
pub fn frame(da: [u8; 6], sa: [u8; 6], etype: u16, n: usize, seed: u8) -> Vec<u8> {
    let mut f = da.to_vec();
    f.extend(sa);
    f.extend(etype.to_be_bytes());
    f.extend((0..n).map(|i| (i as u8).wrapping_mul(13).wrapping_add(seed)));
    f
}

/// An SCI from an address and a port.
pub fn sci(mac: [u8; 6], port: u16) -> Sci {
    let mut s = [0u8; 8];
    s[..6].copy_from_slice(&mac);
    s[6..].copy_from_slice(&port.to_be_bytes());
    s
}

/// Our SecY's address (PHY side), the parent's, and peers'.
pub const MAC_A: [u8; 6] = [0x02, 0x00, 0x00, 0x00, 0x0a, 0x01];
pub const MAC_B: [u8; 6] = [0x02, 0x00, 0x00, 0x00, 0x0b, 0x01];
pub const PARENT: [u8; 6] = [0x02, 0x00, 0x00, 0x00, 0x00, 0x99];
pub const PEER: [u8; 6] = [0x02, 0x00, 0x00, 0x00, 0xee, 0x01];
pub const PEER2: [u8; 6] = [0x02, 0x00, 0x00, 0x00, 0xee, 0x02];

/// A SecY of `mac` with the kernel's defaults for `ip link add ... type macsec` (protect on,
/// encrypt off, send_sci on, strict, no replay protection), port 1.
pub fn secy(mac: [u8; 6], cipher: Cipher) -> SecYConfig {
    SecYConfig {
        sci: sci(mac, 1),
        mac,
        cipher,
        icv_len: 16,
        protect: true,
        encrypt: false,
        send_sci: true,
        end_station: false,
        scb: false,
        encoding_sa: 0,
        validate: Validate::Strict,
        replay_protect: false,
        replay_window: 0,
    }
}

/// The four cipher suites.
pub const CIPHERS: [Cipher; 4] = [
    Cipher::GcmAes128,
    Cipher::GcmAes256,
    Cipher::GcmAesXpn128,
    Cipher::GcmAesXpn256,
];

/// The refusal `e` is `errno` with `msg`.
#[track_caller]
pub fn assert_refused<T: std::fmt::Debug>(
    r: Result<T>,
    errno: rsmacsec_host::logic::error::Errno,
    msg: &str,
) {
    match r {
        Err(Error::Refused { errno: e, msg: m }) => {
            assert_eq!((e, m), (errno, msg));
            assert!(m.ends_with('\0'), "{m:?} is not NUL-terminated");
        }
        other => panic!("want refusal {errno:?} {msg:?}, got {other:?}"),
    }
}

/// A tiny deterministic generator (xorshift64*).
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

/// Checks that the registers of both engines are what the logic's state renders to, word for
/// word as far as the state cares (sequence numbers are the engine's), that the shadow knows them,
/// and that the flows and the state agree on who owns what.
#[track_caller]
pub fn check_consistent(r: &Rig) {
    use rsmacsec_host::logic::macsec::render::{self, Bypass};
    use rsmacsec_host::logic::macsec::shadow::{global_addr, Target, GLOBALS};
    use rsmacsec_host::logic::macsec::state::{Owner, FLOWS};
    let st = r.off.state();
    let mut t = Box::new(Target::EMPTY);
    for dir in Dir::BOTH {
        let sh = r.off.shadow(dir);
        render::render(st, dir, sh, r.off.bypass_in_effect(), 0, &mut t);
        if !sh.matches(&t.image, &t.care) {
            let mut why = Vec::new();
            for i in 0..FLOWS {
                let (tf, c, sf, k) = (
                    &t.image.flows[i],
                    &t.care.flows[i],
                    &sh.image.flows[i],
                    &sh.known.flows[i],
                );
                for w in 0..9 {
                    if c.sam & (1 << w) != 0 && (k.sam & (1 << w) == 0 || sf.sam[w] != tf.sam[w]) {
                        why.push(format!(
                            "flow {i} sam {w}: known {} {:#x} want {:#x}",
                            k.sam & (1 << w) != 0,
                            sf.sam[w],
                            tf.sam[w]
                        ));
                    }
                }
                if c.ctrl && (!k.ctrl || sf.ctrl != tf.ctrl) {
                    why.push(format!(
                        "flow {i} ctrl: known {} {:#x} want {:#x}",
                        k.ctrl, sf.ctrl, tf.ctrl
                    ));
                }
                for w in 0..24 {
                    if c.rec & (1 << w) != 0 && (k.rec & (1 << w) == 0 || sf.rec[w] != tf.rec[w]) {
                        why.push(format!(
                            "flow {i} rec {w}: known {} {:#x} want {:#x}",
                            k.rec & (1 << w) != 0,
                            sf.rec[w],
                            tf.rec[w]
                        ));
                    }
                }
            }
            why.push(format!(
                "enabled known {:#x} {:#x} want {:#x}",
                sh.known.enabled, sh.image.enabled, t.image.enabled
            ));
            for g in 0..GLOBALS {
                if t.care.globals & (1 << g) != 0
                    && (sh.known.globals & (1 << g) == 0
                        || sh.image.globals[g] != t.image.globals[g])
                {
                    why.push(format!(
                        "global {g}: known {} {:#x} want {:#x}",
                        sh.known.globals & (1 << g) != 0,
                        sh.image.globals[g],
                        t.image.globals[g]
                    ));
                }
            }
            panic!("{dir:?}: the shadow does not know what the state renders: {why:#?}");
        }
        let bank = r.m.pkg.macsec(0, engine(dir)).unwrap();
        for i in 0..FLOWS {
            let (tf, c) = (&t.image.flows[i], &t.care.flows[i]);
            for w in 0..9 {
                if c.sam & (1 << w) != 0 {
                    let a = 0x1000 + 16 * i as u16 + w as u16;
                    assert_eq!(bank.peek(a), tf.sam[w], "{dir:?} flow {i} SAM word {w}");
                }
            }
            if c.ctrl {
                assert_eq!(
                    bank.peek(0x1c00 + i as u16),
                    tf.ctrl,
                    "{dir:?} flow {i} ctrl"
                );
            }
            for w in 0..24 {
                if c.rec & (1 << w) != 0 {
                    let a = ((i as u16) << 5) + w as u16;
                    assert_eq!(bank.peek(a), tf.rec[w], "{dir:?} flow {i} record word {w}");
                }
            }
        }
        assert_eq!(
            bank.peek(0x1800),
            u32::from(t.image.enabled),
            "{dir:?} entry enables"
        );
        for g in 0..GLOBALS {
            if t.care.globals & (1 << g) != 0 {
                assert_eq!(
                    bank.peek(global_addr(g)),
                    t.image.globals[g],
                    "{dir:?} global {g}"
                );
            }
        }
        // Owners and owned agree.
        for i in 0..FLOWS {
            let ok = match st.owner(dir, i) {
                Owner::Free => true,
                Owner::Guard(s) => {
                    st.secy[s as usize].used && {
                        let y = &st.secy[s as usize];
                        (if dir == Dir::Egress {
                            y.guard_egress
                        } else {
                            y.guard_ingress
                        }) as usize
                            == i
                    }
                }
                Owner::TxSa(n) => st.tx[n as usize].used && st.tx[n as usize].flow as usize == i,
                Owner::RxSa(n) => st.rx[n as usize].used && st.rx[n as usize].flow as usize == i,
                Owner::RxSaImplicit(n) => {
                    let x = &st.rx[n as usize];
                    x.used && x.has_implicit && x.flow_implicit as usize == i
                }
            };
            assert!(ok, "{dir:?} flow {i} owner {:?}", st.owner(dir, i));
        }
    }
    for (n, x) in st.tx.iter().enumerate() {
        if x.used {
            assert_eq!(st.owner(Dir::Egress, x.flow as usize), Owner::TxSa(n as u8));
        }
    }
    for (n, x) in st.rx.iter().enumerate() {
        if x.used {
            assert_eq!(
                st.owner(Dir::Ingress, x.flow as usize),
                Owner::RxSa(n as u8)
            );
            assert_eq!(
                x.has_implicit,
                st.needs_implicit(n),
                "rx {n} SCI-less entry"
            );
        }
    }
    for (s, y) in st.secy.iter().enumerate() {
        if y.used {
            assert_eq!(
                st.owner(Dir::Egress, y.guard_egress as usize),
                Owner::Guard(s as u8)
            );
            assert_eq!(
                st.owner(Dir::Ingress, y.guard_ingress as usize),
                Owner::Guard(s as u8)
            );
        }
    }
    let _ = Bypass::EAPOL;
}

/// The sequences a random test runs: `default` from 0, unless the environment variable `var`
/// says `count[:first]` (a soak, or another seed base; a failure names its sequence, which
/// `var=1:<sequence>` replays alone).
pub fn sequences(var: &str, default: u64) -> std::ops::Range<u64> {
    let Ok(v) = std::env::var(var) else {
        return 0..default;
    };
    let mut it = v.split(':').map(|x| x.parse::<u64>());
    match (it.next(), it.next(), it.next()) {
        (Some(Ok(n)), None, None) => 0..n,
        (Some(Ok(n)), Some(Ok(first)), None) => first..first + n,
        _ => panic!("{var}={v}: want count[:first]"),
    }
}

/// The bring-up's interrupt set-up of the egress engine: the PN threshold and roll-over events
/// enabled (`vsc8584_rust.rs`, `MACSEC_EVENTS`).
pub fn enable_pn_events(r: &mut Rig) {
    use rsmacsec_host::hw::regs::{macsec as ms, Bank};
    use rsmacsec_host::logic::window::Bus;
    let events = ms::INTR_ROLLOVER | ms::INTR_SEQ_THRESHOLD;
    r.op(|_, b| {
        b.write32(
            Bank::MacsecEgress,
            ms::INTR_CTRL_STATUS,
            u32::from(events) << ms::INTR_ENABLE_SHIFT,
        )
    })
    .unwrap();
}
