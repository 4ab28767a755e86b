// SPDX-License-Identifier: GPL-2.0

//! The per-PHY banks around the MACsec engines: the host and line MACs, the flow-control buffer
//! and the IEEE 1588 processors, as the upstream C driver programs them (`mscc_mac.h`,
//! `mscc_fc_buffer.h`, `mscc_macsec.c`).
//!
//! Frames from the host go host MAC, egress engine, line MAC; the MACsec tag and ICV make them
//! longer on the line, and the flow-control buffer absorbs the difference by pausing the host.

/// Registers of the host and line MAC banks ([`super::regs::Bank::HostMac`],
/// [`super::regs::Bank::LineMac`]), at the same addresses in both.
pub mod mac {
    /// Clock and data path enables.
    pub const ENA_CFG: u16 = 0x00;
    /// `ENA_CFG` bit 0: receive clock enable.
    pub const ENA_CFG_RX_CLK_ENA: u32 = 1 << 0;
    /// `ENA_CFG` bit 4: transmit clock enable.
    pub const ENA_CFG_TX_CLK_ENA: u32 = 1 << 4;
    /// `ENA_CFG` bit 16: receive enable.
    pub const ENA_CFG_RX_ENA: u32 = 1 << 16;
    /// `ENA_CFG` bit 20: transmit enable.
    pub const ENA_CFG_TX_ENA: u32 = 1 << 20;

    /// Mode configuration.
    pub const MODE_CFG: u16 = 0x01;
    /// `MODE_CFG` bit 0: disable the deficit idle count.
    pub const MODE_CFG_DISABLE_DIC: u32 = 1 << 0;

    /// Maximum frame length.
    pub const MAXLEN_CFG: u16 = 0x02;
    /// `MAXLEN_CFG` bits 15:0: the maximum length.
    pub const MAXLEN_CFG_MAX_LEN_MASK: u32 = 0xffff;
    /// The maximum frame length the C driver sets: jumbo frames plus the MACsec expansion.
    pub const MAX_LEN: u32 = 10240;

    /// Advanced frame checks.
    pub const ADV_CHK_CFG: u16 = 0x07;
    /// `ADV_CHK_CFG` bit 0: in-range length errors are checked.
    pub const ADV_CHK_CFG_INR_ERR_ENA: u32 = 1 << 0;
    /// `ADV_CHK_CFG` bit 4: out-of-range length errors are checked.
    pub const ADV_CHK_CFG_OOR_ERR_ENA: u32 = 1 << 4;
    /// `ADV_CHK_CFG` bit 8: the preamble is checked.
    pub const ADV_CHK_CFG_PRM_CHK_ENA: u32 = 1 << 8;
    /// `ADV_CHK_CFG` bit 16: the start-of-frame delimiter is checked.
    pub const ADV_CHK_CFG_SFD_CHK_ENA: u32 = 1 << 16;

    /// Link fault signalling.
    pub const LFS_CFG: u16 = 0x08;
    /// `LFS_CFG` bit 0: link fault signalling enable.
    pub const LFS_CFG_LFS_MODE_ENA: u32 = 1 << 0;

    /// Frame information: FCS and preamble handling between the MAC and the engine.
    pub const PKTINF_CFG: u16 = 0x0a;
    /// `PKTINF_CFG` bit 0: strip the FCS of received frames.
    pub const PKTINF_CFG_STRIP_FCS_ENA: u32 = 1 << 0;
    /// `PKTINF_CFG` bit 4: insert an FCS into transmitted frames.
    pub const PKTINF_CFG_INSERT_FCS_ENA: u32 = 1 << 4;
    /// `PKTINF_CFG` bit 8: strip the preamble of received frames.
    pub const PKTINF_CFG_STRIP_PREAMBLE_ENA: u32 = 1 << 8;
    /// `PKTINF_CFG` bit 12: insert a preamble into transmitted frames.
    pub const PKTINF_CFG_INSERT_PREAMBLE_ENA: u32 = 1 << 12;
    /// `PKTINF_CFG` bit 16: relay low-power idle.
    pub const PKTINF_CFG_LPI_RELAY_ENA: u32 = 1 << 16;
    /// `PKTINF_CFG` bit 25: pad short transmitted frames (host MAC).
    pub const PKTINF_CFG_ENABLE_TX_PADDING: u32 = 1 << 25;

    /// Pause frame generation.
    pub const PAUSE_CFG_TX_FRAME_CTRL: u16 = 0x0b;
    /// `PAUSE_CFG_TX_FRAME_CTRL` bits 1:0: the pause mode.
    pub const PAUSE_TX_MODE_MASK: u32 = 0x3;
    /// Pause mode 2, the one the C driver sets.
    pub const PAUSE_TX_MODE_2: u32 = 2;
    /// `PAUSE_CFG_TX_FRAME_CTRL` bits 31:16: the pause value of generated frames.
    pub const fn pause_tx_value(quanta: u32) -> u32 {
        quanta << 16
    }

    /// Pause frame generation 2.
    pub const PAUSE_CFG_TX_FRAME_CTRL_2: u16 = 0x0c;
    /// `PAUSE_CFG_TX_FRAME_CTRL_2` bits 15:0, all set by the C driver.
    pub const PAUSE_TX_CTRL_2_LOW: u32 = 0xffff;

    /// Pause frame reception.
    pub const PAUSE_CFG_RX_FRAME_CTRL: u16 = 0x0d;
    /// `PAUSE_CFG_RX_FRAME_CTRL` bit 0: the pause mode.
    pub const PAUSE_RX_MODE: u32 = 1 << 0;
    /// `PAUSE_CFG_RX_FRAME_CTRL` bit 4: received pause frames are dropped.
    pub const PAUSE_RX_FRAME_DROP_ENA: u32 = 1 << 4;
    /// `PAUSE_CFG_RX_FRAME_CTRL` bit 8: the MAC reacts to received pause frames.
    pub const PAUSE_RX_REACT_ENA: u32 = 1 << 8;
    /// `PAUSE_CFG_RX_FRAME_CTRL` bit 12: the pause timer runs.
    pub const PAUSE_RX_TIMER_ENA: u32 = 1 << 12;
    /// `PAUSE_CFG_RX_FRAME_CTRL` bit 16: pause frames are detected early.
    pub const PAUSE_RX_EARLY_PAUSE_DETECT_ENA: u32 = 1 << 16;
}

/// Registers of the flow-control buffer bank ([`super::regs::Bank::FcBuffer`]).
pub mod fc_buffer {
    /// Enables.
    pub const ENA_CFG: u16 = 0x00;
    /// `ENA_CFG` bit 0: transmit path enable.
    pub const ENA_CFG_TX_ENA: u32 = 1 << 0;
    /// `ENA_CFG` bit 4: receive path enable.
    pub const ENA_CFG_RX_ENA: u32 = 1 << 4;

    /// Mode configuration.
    pub const MODE_CFG: u16 = 0x01;
    /// `MODE_CFG` bit 12: receive rate adaptation.
    pub const MODE_CFG_RX_PPM_RATE_ADAPT_ENA: u32 = 1 << 12;
    /// `MODE_CFG` bit 16: transmit rate adaptation.
    pub const MODE_CFG_TX_PPM_RATE_ADAPT_ENA: u32 = 1 << 16;
    /// `MODE_CFG` bit 24: the buffer sends pause frames to the host.
    pub const MODE_CFG_PAUSE_GEN_ENA: u32 = 1 << 24;

    /// Rate adaptation thresholds: transmit threshold (bits 15:0), transmit offset (19:16).
    pub const PPM_RATE_ADAPT_THRESH_CFG: u16 = 0x02;
    /// The `PPM_RATE_ADAPT_THRESH_CFG` value of the C driver: threshold 8, offset 9.
    pub const PPM_RATE_ADAPT_THRESH: u32 = 8 | (9 << 16);

    /// Transmit data queue: start (bits 15:0) and end (31:16) in the buffer memory.
    pub const TX_DATA_QUEUE_CFG: u16 = 0x04;
    /// The `TX_DATA_QUEUE_CFG` value of the C driver: the queue spans entries 0 to 5119.
    pub const TX_DATA_QUEUE: u32 = 5119 << 16;

    /// Read thresholds: transmit (bits 15:0) and receive (31:16).
    pub const FC_READ_THRESH_CFG: u16 = 0x07;
    /// The `FC_READ_THRESH_CFG` value of the C driver: transmit 4, receive 5.
    pub const FC_READ_THRESH: u32 = 4 | (5 << 16);
}

/// Registers of the IEEE 1588 processor banks ([`super::regs::Bank::Proc0`] serves PHYs 0 and
/// 1 of the package, [`super::regs::Bank::Proc2`] PHYs 2 and 3).
pub mod proc1588 {
    /// Mode control; bits 2:0 select the protocol.
    pub const STAT_MODE_CTL: u16 = 0x02;
    /// `STAT_MODE_CTL` bits 2:0: the protocol mode.
    pub const PROTOCOL_MODE_MASK: u32 = 0x7;
    /// The protocol mode the C driver sets when it brings the MACsec data path up (it does not
    /// say what mode 4 means).
    pub const PROTOCOL_MODE_4: u32 = 4;
}
