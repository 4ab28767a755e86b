// SPDX-License-Identifier: GPL-2.0

//! Sample: a PHY driver that offloads MACsec through `kernel::net::phy::macsec`.
//!
//! The "hardware" is a table in memory: the driver accepts one SecY per PHY with the
//! GCM-AES-128 or GCM-AES-256 cipher suite and keeps the next packet number of each transmit
//! SA. What it shows:
//!
//! - per-device state created in `probe`, protected by a mutex, dropped on unbind;
//! - the offload operations getting that state and a typed view of the request;
//! - refusing a request with an errno and a message the user sees (`ip` prints it);
//! - never logging a key.

use kernel::{
    c_str,
    net::phy::{
        self,
        macsec::{self, CipherSuite, Context, TxSaStats},
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

/// What the sample "hardware" holds for one PHY.
#[derive(Default)]
struct State {
    /// SCI of the offloaded SecY, if there is one.
    secy: Option<u64>,
    /// Next packet number of each transmit SA, by association number.
    tx_next_pn: [Option<u64>; macsec::NUM_AN as usize],
}

struct SamplePhy;

#[vtable]
impl Driver for SamplePhy {
    type Data = Pin<KBox<Mutex<State>>>;

    const NAME: &'static CStr = c_str!("rsmacsec sample MACsec PHY");
    // A made-up identifier: this sample binds to no real PHY.
    const PHY_DEVICE_ID: DeviceId = DeviceId::new_with_exact_mask(0x0f0f_0f00);
    const MACSEC_OPS: Option<macsec::Table<Self>> = Some(macsec::ops::<Self>());

    fn probe(_dev: &mut phy::Device) -> Result<Self::Data> {
        KBox::pin_init(new_mutex!(State::default(), "rust_phy_macsec"), GFP_KERNEL)
    }
}

#[vtable]
impl macsec::Operations for SamplePhy {
    fn add_secy(_dev: &mut phy::Device, data: Pin<&Mutex<State>>, ctx: &Context<'_>) -> Result {
        let secy = ctx.secy();
        match secy.cipher_suite()? {
            CipherSuite::GcmAes128 | CipherSuite::GcmAes256 => {}
            CipherSuite::GcmAesXpn128 | CipherSuite::GcmAesXpn256 => {
                ctx.set_err_msg(c_str!("the sample PHY has no extended packet numbering"));
                return Err(EOPNOTSUPP);
            }
        }
        let mut state = data.lock();
        if state.secy.is_some() {
            ctx.set_err_msg(c_str!("the sample PHY offloads one SecY"));
            return Err(EBUSY);
        }
        state.secy = Some(secy.sci().to_u64());
        pr_info!("SecY {:016x} offloaded\n", secy.sci().to_u64());
        Ok(())
    }

    fn del_secy(_dev: &mut phy::Device, data: Pin<&Mutex<State>>, _ctx: &Context<'_>) -> Result {
        *data.lock() = State::default();
        Ok(())
    }

    fn add_txsa(_dev: &mut phy::Device, data: Pin<&Mutex<State>>, ctx: &Context<'_>) -> Result {
        let sa = ctx.tx_sa().ok_or(EINVAL)?;
        // The key would be written to the hardware here; `{:?}` of a key never shows it.
        let key = ctx.key().ok_or(EINVAL)?;
        pr_info!("TX SA {} added, {:?}\n", sa.assoc_num().get(), key);
        data.lock().tx_next_pn[usize::from(sa.assoc_num().get())] = Some(sa.next_pn());
        Ok(())
    }

    fn upd_txsa(_dev: &mut phy::Device, data: Pin<&Mutex<State>>, ctx: &Context<'_>) -> Result {
        let sa = ctx.tx_sa().ok_or(EINVAL)?;
        let mut state = data.lock();
        let slot = &mut state.tx_next_pn[usize::from(sa.assoc_num().get())];
        if slot.is_none() {
            return Err(ENOENT);
        }
        if ctx.update_pn() {
            *slot = Some(sa.next_pn());
        }
        Ok(())
    }

    fn del_txsa(_dev: &mut phy::Device, data: Pin<&Mutex<State>>, ctx: &Context<'_>) -> Result {
        let sa = ctx.tx_sa().ok_or(EINVAL)?;
        data.lock().tx_next_pn[usize::from(sa.assoc_num().get())] = None;
        Ok(())
    }

    fn get_tx_sa_stats(
        _dev: &mut phy::Device,
        data: Pin<&Mutex<State>>,
        ctx: &Context<'_>,
    ) -> Result<TxSaStats> {
        let sa = ctx.tx_sa().ok_or(EINVAL)?;
        // The sample hardware never sends a frame: its counters of a known SA stay at zero.
        data.lock().tx_next_pn[usize::from(sa.assoc_num().get())].ok_or(ENOENT)?;
        Ok(TxSaStats::default())
    }
}
