// SPDX-License-Identifier: GPL-2.0

//! Sample: a PHY driver that offloads MACsec through the Rust PHY abstractions.
//!
//! The PHY is driven by phylib's generic code; the "MACsec hardware" is a table in memory that
//! accepts one SecY per PHY with the GCM-AES-128 or GCM-AES-256 cipher suite. Frames cross the
//! PHY unchanged. Each dump of the SecY stands for eight more frames sent on the encoding SA, so
//! that the counters and packet numbers the sample reports move. What it shows:
//!
//! - the driver type is the per-device object: made in `probe`, with a mutex for the state its
//!   callbacks share, dropped when the driver is unbound;
//! - the MACsec operations get that object and typed views of the request, and refuse what the
//!   "hardware" cannot do with an errno and a message the user sees (`ip` prints it);
//! - the counters of an SA come from the SA the request names, and the "hardware" packet number
//!   goes back to the kernel, where `ip macsec show` and an MKA daemon read it;
//! - ethtool PHY statistics (`ethtool --phy-statistics`);
//! - a key is never logged.
//!
//! The identifier is made up; the rsmacsec simulator presents it with `phy_id=0x0f0f0f00`.

use kernel::{
    c_str,
    net::phy::{
        self,
        macsec::{self, AssocNum, CipherSuite, Context, Sci, TxSaStats, TxScStats},
        DeviceId, Driver,
    },
    new_mutex,
    prelude::*,
    sync::Mutex,
};

kernel::module_phy_driver! {
    drivers: [SamplePhy],
    device_table: [DeviceId::new_with_driver::<SamplePhy>()],
    name: "rust_phy_macsec",
    author: "rsmacsec developers",
    description: "Rust sample of a MACsec offloading PHY driver",
    license: "GPL",
}

/// Frames the "hardware" pretends to send on the encoding SA between two dumps of the SecY.
const FRAMES_PER_DUMP: u64 = 8;

/// A transmit SA of the "hardware".
#[derive(Clone, Copy)]
struct TxSa {
    /// The next packet number the hardware will send.
    next_pn: u64,
    /// Frames sent with this SA.
    frames: u64,
}

/// What the "hardware" of one PHY holds.
#[derive(Default)]
struct State {
    /// The offloaded SecY: its SCI, and whether it encrypts.
    secy: Option<(Sci, bool)>,
    /// The association number the SecY transmits with.
    encoding_sa: u8,
    /// The transmit SAs, by association number.
    tx: [Option<TxSa>; macsec::NUM_AN as usize],
    /// Offload requests served, for ethtool.
    requests: u64,
}

impl State {
    fn tx_sa(&mut self, an: AssocNum) -> Result<&mut TxSa> {
        self.tx[usize::from(an.get())].as_mut().ok_or(ENOENT)
    }
}

#[pin_data]
struct SamplePhy {
    #[pin]
    state: Mutex<State>,
}

#[vtable]
impl Driver for SamplePhy {
    const NAME: &'static CStr = c_str!("rsmacsec sample MACsec PHY");
    const PHY_DEVICE_ID: DeviceId = DeviceId::new_with_exact_mask(0x0f0f_0f00);
    const STATS: &'static [&'static CStr] = &[c_str!("macsec_requests"), c_str!("macsec_secys")];

    fn probe(_dev: &mut phy::Device) -> Result<impl PinInit<Self, Error>> {
        Ok(try_pin_init!(SamplePhy {
            state <- new_mutex!(State::default(), "rust_phy_macsec"),
        }? Error))
    }

    fn get_stats(&self, _dev: &mut phy::Device, values: &mut [u64]) {
        let state = self.state.lock();
        if let [requests, secys] = values {
            *requests = state.requests;
            *secys = u64::from(state.secy.is_some());
        }
    }

    fn macsec_add_secy(&self, _dev: &mut phy::Device, ctx: &Context<'_>) -> Result {
        let secy = ctx.secy();
        match secy.cipher_suite()? {
            CipherSuite::GcmAes128 | CipherSuite::GcmAes256 => {}
            CipherSuite::GcmAesXpn128 | CipherSuite::GcmAesXpn256 => {
                ctx.set_err_msg(c_str!("the sample PHY has no extended packet numbering"));
                return Err(EOPNOTSUPP);
            }
        }
        let mut state = self.state.lock();
        if state.secy.is_some() {
            ctx.set_err_msg(c_str!("the sample PHY offloads one SecY"));
            return Err(EBUSY);
        }
        *state = State {
            secy: Some((secy.sci(), secy.tx_sc().encrypt())),
            encoding_sa: secy.tx_sc().encoding_sa().get(),
            requests: state.requests + 1,
            ..State::default()
        };
        pr_info!("SecY {:016x} offloaded\n", secy.sci().to_u64());
        Ok(())
    }

    fn macsec_upd_secy(&self, _dev: &mut phy::Device, ctx: &Context<'_>) -> Result {
        let secy = ctx.secy();
        let mut state = self.state.lock();
        state.secy = Some((secy.sci(), secy.tx_sc().encrypt()));
        state.encoding_sa = secy.tx_sc().encoding_sa().get();
        state.requests += 1;
        Ok(())
    }

    fn macsec_del_secy(&self, _dev: &mut phy::Device, _ctx: &Context<'_>) -> Result {
        let mut state = self.state.lock();
        *state = State {
            requests: state.requests + 1,
            ..State::default()
        };
        Ok(())
    }

    fn macsec_add_txsa(&self, _dev: &mut phy::Device, ctx: &Context<'_>) -> Result {
        let (an, sa) = ctx.assoc_num().zip(ctx.tx_sa()).ok_or(EINVAL)?;
        // The key would be written to the hardware here; `{:?}` of a key never shows it.
        let key = ctx.key().ok_or(EINVAL)?;
        pr_info!("TX SA {} added, {:?}\n", an.get(), key);
        let mut state = self.state.lock();
        state.tx[usize::from(an.get())] = Some(TxSa {
            next_pn: sa.next_pn(),
            frames: 0,
        });
        state.requests += 1;
        Ok(())
    }

    fn macsec_upd_txsa(&self, _dev: &mut phy::Device, ctx: &Context<'_>) -> Result {
        let (an, sa) = ctx.assoc_num().zip(ctx.tx_sa()).ok_or(EINVAL)?;
        let mut state = self.state.lock();
        let hw = state.tx_sa(an)?;
        if ctx.update_pn() {
            hw.next_pn = sa.next_pn();
        }
        state.requests += 1;
        Ok(())
    }

    fn macsec_del_txsa(&self, _dev: &mut phy::Device, ctx: &Context<'_>) -> Result {
        let an = ctx.assoc_num().ok_or(EINVAL)?;
        let mut state = self.state.lock();
        state.tx[usize::from(an.get())] = None;
        state.requests += 1;
        Ok(())
    }

    fn macsec_add_rxsc(&self, _dev: &mut phy::Device, _ctx: &Context<'_>) -> Result {
        self.state.lock().requests += 1;
        Ok(())
    }

    fn macsec_del_rxsc(&self, _dev: &mut phy::Device, _ctx: &Context<'_>) -> Result {
        self.state.lock().requests += 1;
        Ok(())
    }

    fn macsec_add_rxsa(&self, _dev: &mut phy::Device, _ctx: &Context<'_>) -> Result {
        self.state.lock().requests += 1;
        Ok(())
    }

    fn macsec_del_rxsa(&self, _dev: &mut phy::Device, _ctx: &Context<'_>) -> Result {
        self.state.lock().requests += 1;
        Ok(())
    }

    fn macsec_get_tx_sa_stats(
        &self,
        _dev: &mut phy::Device,
        ctx: &Context<'_>,
    ) -> Result<TxSaStats> {
        let (an, sa) = ctx.assoc_num().zip(ctx.tx_sa()).ok_or(EINVAL)?;
        let mut state = self.state.lock();
        let encrypt = state.secy.ok_or(ENOENT)?.1;
        let hw = state.tx_sa(an)?;
        // What the hardware reached goes back to the kernel's SA.
        sa.set_next_pn(hw.next_pn)?;
        let frames = u32::try_from(hw.frames).unwrap_or(u32::MAX);
        Ok(if encrypt {
            TxSaStats {
                out_pkts_encrypted: frames,
                ..Default::default()
            }
        } else {
            TxSaStats {
                out_pkts_protected: frames,
                ..Default::default()
            }
        })
    }

    fn macsec_get_tx_sc_stats(
        &self,
        _dev: &mut phy::Device,
        _ctx: &Context<'_>,
    ) -> Result<TxScStats> {
        let mut state = self.state.lock();
        // A dump asks for the counters of the channel before those of its SAs: the "hardware"
        // sends here, on the encoding SA if it is in use.
        let encoding_sa = usize::from(state.encoding_sa);
        if let Some(hw) = state.tx[encoding_sa].as_mut() {
            hw.next_pn += FRAMES_PER_DUMP;
            hw.frames += FRAMES_PER_DUMP;
        }
        let frames = state.tx.iter().flatten().map(|sa| sa.frames).sum();
        Ok(match state.secy {
            Some((_, true)) => TxScStats {
                out_pkts_encrypted: frames,
                ..Default::default()
            },
            Some((_, false)) => TxScStats {
                out_pkts_protected: frames,
                ..Default::default()
            },
            None => TxScStats::default(),
        })
    }
}
