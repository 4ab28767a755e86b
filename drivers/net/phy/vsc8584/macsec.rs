// SPDX-License-Identifier: GPL-2.0

//! The kernel side of the MACsec offload: each request of the MACsec core becomes the plain
//! values of [`crate::logic::macsec`], and the logic's answers become the kernel's (an errno
//! with the message the user sees, counters, the hardware's packet numbers).

use crate::logic::{
    error::Error as LogicError,
    macsec::types::{
        Cipher, DevCounters, RxSaCounters, SaConfig, SaKey, Sci, SecYConfig, TxSaCounters, Validate,
    },
};
use crate::mdio;
use kernel::{
    c_str,
    crypto::aes::Aes,
    net::phy::macsec::{
        CipherSuite, Context, DevStats, RxSaStats, RxScStats, TxSaStats, TxScStats, ValidateFrames,
    },
    prelude::*,
    str::CStr,
};

/// The SCI of the abstraction as the logic takes it, in wire order.
pub(crate) fn sci(sci: kernel::net::phy::macsec::Sci) -> Sci {
    sci.to_bytes()
}

/// The settings of the SecY a request is about.
pub(crate) fn secy_config(ctx: &Context<'_>) -> Result<SecYConfig> {
    let secy = ctx.secy();
    let tx = secy.tx_sc();
    Ok(SecYConfig {
        sci: sci(secy.sci()),
        mac: secy.address(),
        cipher: cipher(secy.cipher_suite()?),
        icv_len: u8::try_from(secy.icv_len()).map_err(|_| EINVAL)?,
        protect: secy.protect_frames(),
        encrypt: tx.encrypt(),
        send_sci: tx.send_sci(),
        end_station: tx.end_station(),
        scb: tx.scb(),
        encoding_sa: tx.encoding_sa().get(),
        validate: validate(secy.validate_frames()?),
        replay_protect: secy.replay_protect(),
        replay_window: secy.replay_window(),
    })
}

/// The cipher suite of the abstraction as the logic names it.
pub(crate) fn cipher(suite: CipherSuite) -> Cipher {
    match suite {
        CipherSuite::GcmAes128 => Cipher::GcmAes128,
        CipherSuite::GcmAes256 => Cipher::GcmAes256,
        CipherSuite::GcmAesXpn128 => Cipher::GcmAesXpn128,
        CipherSuite::GcmAesXpn256 => Cipher::GcmAesXpn256,
    }
}

/// The validation mode of the abstraction as the logic names it.
pub(crate) fn validate(mode: ValidateFrames) -> Validate {
    match mode {
        ValidateFrames::Disabled => Validate::Disabled,
        ValidateFrames::Check => Validate::Check,
        ValidateFrames::Strict => Validate::Strict,
    }
}

/// The key material of an SA: the key (16 or 32 bytes), the GCM hash subkey H = AES_K(0^128)
/// the transform record carries, and for XPN the SSCI and the salt.
pub(crate) fn sa_key(key: &[u8], ssci: Option<u32>, salt: Option<[u8; 12]>) -> Result<SaKey> {
    let mut out = SaKey {
        key: [0; 32],
        // `Aes::new` refuses a key of any other length than 16, 24 or 32 bytes.
        hash_key: Aes::new(key)?.encrypt_block(&[0; 16]),
        ssci: ssci.unwrap_or(0),
        salt: salt.unwrap_or([0; 12]),
    };
    out.key
        .get_mut(..key.len())
        .ok_or(EINVAL)?
        .copy_from_slice(key);
    Ok(out)
}

/// The transmit SA a request adds.
pub(crate) fn tx_sa_config(ctx: &Context<'_>) -> Result<SaConfig> {
    let (an, sa) = ctx.assoc_num().zip(ctx.tx_sa()).ok_or(EINVAL)?;
    Ok(SaConfig {
        an: an.get(),
        next_pn: sa.next_pn(),
        active: sa.is_active(),
        key: sa_key(ctx.key().ok_or(EINVAL)?.as_bytes(), sa.ssci(), sa.salt())?,
    })
}

/// The receive SA a request adds.
pub(crate) fn rx_sa_config(ctx: &Context<'_>) -> Result<SaConfig> {
    let (an, sa) = ctx.assoc_num().zip(ctx.rx_sa()).ok_or(EINVAL)?;
    Ok(SaConfig {
        an: an.get(),
        next_pn: sa.next_pn(),
        active: sa.is_active(),
        key: sa_key(ctx.key().ok_or(EINVAL)?.as_bytes(), sa.ssci(), sa.salt())?,
    })
}

/// Overwrites the key material of `cfg`, which the logic has copied into its shadow.
pub(crate) fn wipe(cfg: &mut SaConfig) {
    // A volatile write the compiler cannot drop: the key must not stay on the stack.
    // SAFETY: `cfg.key` is a valid, aligned, exclusively borrowed value.
    unsafe {
        core::ptr::write_volatile(
            &mut cfg.key,
            SaKey {
                key: [0; 32],
                hash_key: [0; 16],
                ssci: 0,
                salt: [0; 12],
            },
        )
    };
}

/// The next packet number of an SA as the kernel keeps it: without extended packet numbers
/// (`xpn`) a spent SA (the hardware past 2^32 - 1) reads 0, as in the MACsec core.
pub(crate) fn kernel_pn(xpn: bool, pn: u64) -> u64 {
    if xpn || pn <= u64::from(u32::MAX) {
        pn
    } else {
        0
    }
}

fn saturate(v: u64) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

/// The counters of a transmit SA as the MACsec core reports them.
pub(crate) fn tx_sa_stats(c: &TxSaCounters) -> TxSaStats {
    TxSaStats {
        out_pkts_protected: saturate(c.pkts.saturating_sub(c.encrypted_pkts)),
        out_pkts_encrypted: saturate(c.encrypted_pkts),
    }
}

/// The counters of the transmit channel.
pub(crate) fn tx_sc_stats(c: &TxSaCounters) -> TxScStats {
    TxScStats {
        out_pkts_protected: c.pkts.saturating_sub(c.encrypted_pkts),
        out_pkts_encrypted: c.encrypted_pkts,
        out_octets_protected: c.octets.saturating_sub(c.encrypted_octets),
        out_octets_encrypted: c.encrypted_octets,
    }
}

/// The counters of a receive SA.
pub(crate) fn rx_sa_stats(c: &RxSaCounters) -> RxSaStats {
    RxSaStats {
        in_pkts_ok: saturate(c.ok),
        in_pkts_invalid: saturate(c.invalid),
        in_pkts_not_valid: saturate(c.not_valid),
        in_pkts_not_using_sa: saturate(c.not_using_sa),
        in_pkts_unused_sa: saturate(c.unused_sa),
    }
}

/// The counters of a receive channel. The engine counts the octets of decrypted and of only
/// validated frames together; they are reported as decrypted.
pub(crate) fn rx_sc_stats(c: &RxSaCounters) -> RxScStats {
    RxScStats {
        in_octets_validated: 0,
        in_octets_decrypted: c.octets,
        in_pkts_unchecked: c.unchecked,
        in_pkts_delayed: c.delayed,
        in_pkts_ok: c.ok,
        in_pkts_invalid: c.invalid,
        in_pkts_late: c.late,
        in_pkts_not_valid: c.not_valid,
        in_pkts_not_using_sa: c.not_using_sa,
        in_pkts_unused_sa: c.unused_sa,
    }
}

/// The device-wide counters.
pub(crate) fn dev_stats(c: &DevCounters) -> DevStats {
    DevStats {
        out_pkts_untagged: c.out_untagged,
        in_pkts_untagged: c.in_untagged,
        out_pkts_too_long: c.out_too_long,
        in_pkts_no_tag: c.in_no_tag,
        in_pkts_bad_tag: c.in_bad_tag,
        in_pkts_unknown_sci: c.in_unknown_sci,
        in_pkts_no_sci: c.in_no_sci,
        in_pkts_overrun: c.in_overrun,
    }
}

/// What the user is told about an error of the logic.
pub(crate) fn message(e: LogicError) -> &'static CStr {
    match e {
        LogicError::Refused { msg, .. } => {
            CStr::from_bytes_with_nul(msg.as_bytes()).unwrap_or(c_str!("refused by the PHY"))
        }
        LogicError::Mdio(_) | LogicError::Timeout => {
            c_str!("the PHY did not answer; nothing was changed")
        }
        LogicError::Unrecovered(_) => {
            c_str!("the PHY did not answer; it is reprogrammed at its next initialisation")
        }
    }
}

/// Turns an error of the logic into the kernel's, telling the user why through the request;
/// a refused request that has no extended ack (an address change) says it in the log instead.
pub(crate) fn error(ctx: &Context<'_>, addr: u8, e: LogicError) -> Error {
    let told = ctx.set_err_msg(message(e));
    match e {
        LogicError::Refused { msg, .. } if !told => {
            pr_info!(
                "PHY {addr}: MACsec: refused: {}\n",
                msg.trim_end_matches('\0')
            );
            mdio::to_kernel(e)
        }
        LogicError::Refused { .. } => mdio::to_kernel(e),
        _ => mdio::report(addr, "MACsec", e),
    }
}
