// SPDX-License-Identifier: GPL-2.0

//! What the engines cannot do, refused before anything is written: each refusal has its error
//! number and the message the user reads (netlink extack), NUL-terminated.

use super::types::{Cipher, SaConfig, SecYConfig};
use crate::logic::error::{Errno, Error, Result};

/// The refusals, by name, so that the tests and the kernel shell can refer to them.
pub mod msg {
    /// The ICV is not 16 octets.
    pub const ICV_LEN: &str = "the PHY only makes 16-octet ICVs\0";
    /// The encoding SA is not 0-3.
    pub const ENCODING_SA: &str = "encoding SA out of range (0-3)\0";
    /// An AN is not 0-3.
    pub const AN: &str = "association number out of range (0-3)\0";
    /// ES and SC together.
    pub const ES_WITH_SCI: &str = "a SecTAG with ES set carries no SCI\0";
    /// SCB and SC together.
    pub const SCB_WITH_SCI: &str = "a SecTAG with SCB set carries no SCI\0";
    /// The XPN replay window is too large.
    pub const XPN_WINDOW: &str = "the XPN replay window is at most 2^30\0";
    /// The SecY's address is not a unicast address.
    pub const MAC: &str = "the SecY's MAC address must be unicast and not zero\0";
    /// Another SecY has the SCI.
    pub const SECY_EXISTS: &str = "a SecY with this SCI exists on this PHY\0";
    /// Another SecY has the address.
    pub const MAC_IN_USE: &str =
        "another SecY on this PHY has this MAC address: the PHY tells SecYs apart by address\0";
    /// The SecY table is full.
    pub const SECY_TABLE: &str = "the PHY offloads at most 8 SecYs\0";
    /// No flow for a SecY.
    pub const SECY_FLOWS: &str = "no SAM flow left for the SecY (16 per direction)\0";
    /// Unknown SecY.
    pub const NO_SECY: &str = "no such SecY offloaded on this PHY\0";
    /// The cipher suite changes.
    pub const CIPHER_CHANGE: &str = "the cipher suite of an offloaded SecY cannot change\0";
    /// A transmit SA exists for the AN.
    pub const TX_EXISTS: &str = "a transmit SA with this AN exists\0";
    /// No flow for a transmit SA.
    pub const TX_FLOWS: &str = "no egress SAM flow left for the transmit SA\0";
    /// Unknown transmit SA.
    pub const NO_TX: &str = "no transmit SA with this AN\0";
    /// PN 0.
    pub const PN_ZERO: &str = "packet number 0 is not valid\0";
    /// A PN beyond 32 bits without XPN.
    pub const PN_32: &str = "packet number beyond 32 bits without XPN\0";
    /// The receive channel exists.
    pub const SC_EXISTS: &str = "this receive channel exists\0";
    /// Another SecY receives the SCI.
    pub const SC_OTHER_SECY: &str = "another SecY on this PHY receives this SCI\0";
    /// The channel table is full.
    pub const SC_TABLE: &str = "the PHY offloads at most 16 receive channels\0";
    /// No flows for the SCI-less entries a second channel needs.
    pub const SC_FLOWS: &str =
        "no ingress SAM flows left for the SCI-less entries a second receive channel needs\0";
    /// Unknown channel.
    pub const NO_SC: &str = "no such receive channel\0";
    /// A receive SA exists for the AN.
    pub const RX_EXISTS: &str = "a receive SA with this AN exists in the channel\0";
    /// No flow for a receive SA.
    pub const RX_FLOWS: &str = "no ingress SAM flow left for the receive SA\0";
    /// Unknown receive SA.
    pub const NO_RX: &str = "no receive SA with this AN\0";
    /// The engines were not brought up.
    pub const NOT_INIT: &str = "the MACsec engines of the PHY are not initialised\0";
    /// Too many control EtherTypes.
    pub const BYPASS_COUNT: &str = "at most 8 control EtherTypes bypass MACsec, EAPOL included\0";
    /// A PN switch margin out of range.
    pub const PN_MARGIN: &str = "the PN switch margin is 1 to 2^31\0";
    /// Not an EtherType the classifier can let through.
    pub const BYPASS_TYPE: &str = "not a control EtherType (below 0x0600, MACsec or a VLAN tag)\0";
}

/// A refusal.
pub const fn refuse(errno: Errno, m: &'static str) -> Error {
    Error::refused(errno, m)
}

/// Checks an association number.
pub fn an(an: u8) -> Result {
    if an > 3 {
        return Err(refuse(Errno::Inval, msg::AN));
    }
    Ok(())
}

/// Checks a PN for a SecY of `cipher`.
pub fn pn(cipher: Cipher, pn: u64) -> Result {
    if pn == 0 {
        return Err(refuse(Errno::Inval, msg::PN_ZERO));
    }
    if !cipher.is_xpn() && pn > u64::from(u32::MAX) {
        return Err(refuse(Errno::Inval, msg::PN_32));
    }
    Ok(())
}

/// Checks an SA of a SecY of `cipher`.
pub fn sa(cipher: Cipher, sa: &SaConfig) -> Result {
    an(sa.an)?;
    pn(cipher, sa.next_pn)
}

/// Largest replay window with XPN (802.1AE-2018 10.7.8, Linux `MACSEC_XPN_MAX_REPLAY_WINDOW`).
pub const XPN_MAX_WINDOW: u32 = 1 << 30;

/// Checks the settings of a SecY on their own.
pub fn secy(cfg: &SecYConfig) -> Result {
    if cfg.icv_len != 16 {
        return Err(refuse(Errno::OpNotSupp, msg::ICV_LEN));
    }
    if cfg.encoding_sa > 3 {
        return Err(refuse(Errno::Inval, msg::ENCODING_SA));
    }
    if cfg.send_sci && cfg.end_station {
        return Err(refuse(Errno::Inval, msg::ES_WITH_SCI));
    }
    if cfg.send_sci && cfg.scb {
        return Err(refuse(Errno::Inval, msg::SCB_WITH_SCI));
    }
    if cfg.cipher.is_xpn() && cfg.replay_window > XPN_MAX_WINDOW {
        return Err(refuse(Errno::Inval, msg::XPN_WINDOW));
    }
    if cfg.mac[0] & 1 != 0 || cfg.mac == [0; 6] {
        return Err(refuse(Errno::Inval, msg::MAC));
    }
    Ok(())
}
