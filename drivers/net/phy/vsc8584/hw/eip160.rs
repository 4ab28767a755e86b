// SPDX-License-Identifier: GPL-2.0

//! Field encodings of the EIP-160 MACsec engine of the VSC8584: SAM match
//! entries, flow control words, the non-match flow, transform records and the
//! statistics counters.
//!
//! The register addresses are in [`super::regs::macsec`]; this file says what
//! the bits inside them mean. The SAM, flow control and record encodings are
//! those the upstream C driver (`drivers/net/phy/mscc/mscc_macsec.h`) and
//! Microchip's MESA write. Multi-octet match values (MAC addresses, EtherType,
//! SCI, key, salt) are packed in wire order, first octet in bits 7:0 of the
//! word (`u32::from_le_bytes`).

/// Words of one SAM match entry; entry `i` starts at `0x1000 + 16 * i`.
pub mod sam {
    /// First word of SAM match entry `i`.
    pub const fn entry(i: u16) -> u16 {
        0x1000u16.wrapping_add(i.wrapping_mul(16))
    }
    /// MAC source address octets 0-3.
    pub const MAC_SA_LO: u16 = 0;
    /// MAC source address octets 4-5 (15:0) and EtherType (31:16).
    pub const MAC_SA_HI: u16 = 1;
    /// MAC destination address octets 0-3.
    pub const MAC_DA_LO: u16 = 2;
    /// MAC destination address octets 4-5 (15:0) and VLAN ID (27:16).
    pub const MAC_DA_HI: u16 = 3;
    /// Classes, VLAN flags, priority, AN and TCI ([`misc`]).
    pub const MISC: u16 = 4;
    /// SCI octets 0-3.
    pub const SCI_LO: u16 = 5;
    /// SCI octets 4-7.
    pub const SCI_HI: u16 = 6;
    /// Which fields take part in the match ([`mask`]).
    pub const MASK: u16 = 7;
    /// Inner VLAN ID and priority.
    pub const EXT: u16 = 8;
    /// Words of an entry the driver programs (`MAC_SA_LO` to `EXT`).
    pub const WORDS: u16 = 9;

    /// `MAC_SA_HI`: the EtherType (bits 31:16), stored byte-swapped
    /// (`mscc_macsec.h:166`, the C driver writes `htons(0x888e)`).
    pub const ETYPE_SHIFT: u32 = 16;
    /// `MAC_DA_HI`: the VLAN ID (bits 27:16) (MESA `ingr.h:618-641`).
    pub const VLAN_ID_SHIFT: u32 = 16;
    /// Width mask of the VLAN ID.
    pub const VLAN_ID_MASK: u32 = 0xfff;

    /// Bits of the 6-bit TCI field of `MISC` and `MASK` (bits 31:26): the
    /// TCI octet shifted right by 2, so that AN is not part of it.
    pub mod tci {
        /// Version (must be 0).
        pub const V: u32 = 0x80 >> 2;
        /// End station.
        pub const ES: u32 = 0x40 >> 2;
        /// SCI present.
        pub const SC: u32 = 0x20 >> 2;
        /// Single copy broadcast.
        pub const SCB: u32 = 0x10 >> 2;
        /// Encrypted.
        pub const E: u32 = 0x08 >> 2;
        /// Changed text.
        pub const C: u32 = 0x04 >> 2;
    }

    /// Bits of the `MISC` word.
    pub mod misc {
        /// The frame has a VLAN tag.
        pub const VLAN_VALID: u32 = 1 << 0;
        /// User priority of the VLAN tag (bits 6:4).
        pub const VLAN_UP_SHIFT: u32 = 4;
        /// The frame is a control packet (no control packet rule is ever set).
        pub const CONTROL_PACKET: u32 = 1 << 7;
        /// Class: no SecTAG.
        pub const UNTAGGED: u32 = 1 << 8;
        /// Class: a valid MACsec SecTAG.
        pub const TAGGED: u32 = 1 << 9;
        /// Class: EtherType 0x88e5 with an invalid SecTAG.
        pub const BAD_TAG: u32 = 1 << 10;
        /// Class: a SecTAG of the KaY (E=1, C=0).
        pub const KAY_TAG: u32 = 1 << 11;
        /// Entry priority (bits 19:16): the highest wins, then the lowest index.
        pub const PRIORITY_SHIFT: u32 = 16;
        /// Association number to match (bits 25:24).
        pub const AN_SHIFT: u32 = 24;
        /// TCI bits V, ES, SC, SCB, E, C to match (bits 31:26, TCI octet >> 2).
        pub const TCI_SHIFT: u32 = 26;
    }

    /// Bits of the `MASK` word.
    pub mod mask {
        /// One bit per MAC source address octet (bits 5:0); bit 0 is the
        /// *last* octet received (MESA `ingr.h:842-844`).
        pub const MAC_SA: u32 = 0x3f;
        /// All six octets of an address, as an octet mask.
        pub const MAC_ALL_OCTETS: u32 = 0x3f;
        /// One bit per MAC destination address octet (bits 11:6).
        pub const MAC_DA_SHIFT: u32 = 6;
        /// Compare the EtherType.
        pub const ETYPE: u32 = 1 << 12;
        /// Compare `MISC.VLAN_VALID`.
        pub const VLAN_VALID: u32 = 1 << 13;
        /// Compare the VLAN user priority.
        pub const VLAN_UP: u32 = 1 << 17;
        /// Compare the VLAN ID.
        pub const VLAN_ID: u32 = 1 << 18;
        /// Compare `MISC.CONTROL_PACKET`.
        pub const CTL_PACKET: u32 = 1 << 20;
        /// Compare the inner VLAN user priority (in `EXT`) (MESA `ingr.h:965`).
        pub const VLAN_UP_INNER: u32 = 1 << 21;
        /// Compare the inner VLAN ID (in `EXT`) (MESA `ingr.h:978`).
        pub const VLAN_ID_INNER: u32 = 1 << 22;
        /// Compare the SCI.
        pub const SCI: u32 = 1 << 23;
        /// Which AN bits to compare (bits 25:24).
        pub const AN_SHIFT: u32 = 24;
        /// Which TCI bits to compare (bits 31:26).
        pub const TCI_SHIFT: u32 = 26;
    }
}

/// Bits of `SAM_FLOW_CTRL(i)`: what happens to a frame entry `i` matched.
pub mod flow {
    /// Flow type (bits 1:0).
    pub const TYPE_MASK: u32 = 0x3;
    /// Flow type: pass the frame unchanged.
    pub const TYPE_BYPASS: u32 = 0;
    /// Flow type: apply the drop action.
    pub const TYPE_DROP: u32 = 1;
    /// Flow type: ingress transform (verify and strip).
    pub const TYPE_INGRESS: u32 = 2;
    /// Flow type: egress transform (protect).
    pub const TYPE_EGRESS: u32 = 3;
    /// Destination port (bits 3:2): 0 common, 2 controlled, 3 uncontrolled.
    pub const DEST_PORT_SHIFT: u32 = 2;
    /// Destination port: common (`mscc_macsec.h:37`).
    pub const PORT_COMMON: u32 = 0;
    /// Destination port: controlled (`mscc_macsec.h:39`).
    pub const PORT_CONTROLLED: u32 = 2;
    /// Destination port: uncontrolled (`mscc_macsec.h:40`).
    pub const PORT_UNCONTROLLED: u32 = 3;
    /// Drop action (bits 7:6).
    pub const DROP_ACTION_SHIFT: u32 = 6;
    /// Drop action: pass with a corrupted CRC.
    pub const DROP_CRC_ERROR: u32 = 0;
    /// Drop action: pass flagged as a bad packet.
    pub const DROP_PKT_ERROR: u32 = 1;
    /// Drop action: drop inside the engine.
    pub const DROP_INTERNAL: u32 = 2;
    /// Drop action: do not drop.
    pub const DROP_NONE: u32 = 3;
    /// Egress: protect frames (802.1AE protectFrames).
    pub const PROTECT_FRAME: u32 = 1 << 16;
    /// Ingress: replay protection (802.1AE replayProtect).
    pub const REPLAY_PROTECT: u32 = 1 << 16;
    /// The flow's SA is in use; otherwise it counts NotUsingSA / UnknownSA.
    pub const SA_IN_USE: u32 = 1 << 17;
    /// Egress: put the SCI into the SecTAG.
    pub const INCLUDE_SCI: u32 = 1 << 18;
    /// Egress: set TCI.ES.
    pub const USE_ES: u32 = 1 << 19;
    /// Egress: set TCI.SCB.
    pub const USE_SCB: u32 = 1 << 20;
    /// Ingress: validateFrames (bits 20:19).
    pub const VALIDATE_SHIFT: u32 = 19;
    /// validateFrames Disabled.
    pub const VALIDATE_DISABLED: u32 = 0;
    /// validateFrames Check.
    pub const VALIDATE_CHECK: u32 = 1;
    /// validateFrames Strict.
    pub const VALIDATE_STRICT: u32 = 2;
    /// Number of VLAN tags left in clear before the SecTAG (bits 22:21).
    pub const TAG_BYPASS_SHIFT: u32 = 21;
    /// Confidentiality offset in octets (bits 30:24).
    pub const CONF_OFFSET_SHIFT: u32 = 24;
    /// Egress: encrypt (confidentiality); otherwise integrity only.
    pub const CONF_PROTECT: u32 = 1 << 31;
}

/// The flow of frames no SAM entry matched.
pub mod nm {
    /// Non-match parameters (MACsec EtherType and SecTAG checks).
    pub const PARAMS: u16 = 0x1e50;
    /// Non-match action for non-control frames, one octet per class.
    pub const FLOW_NCP: u16 = 0x1e51;
    /// Non-match action for control frames, one octet per class.
    pub const FLOW_CP: u16 = 0x1e52;
    /// Bit shift of the octet of class untagged, tagged, bad tag, KaY.
    pub const LANE_SHIFT: [u32; 4] = [0, 8, 16, 24];
    /// In a lane: flow type, 0 bypass, 1 drop.
    pub const LANE_DROP: u32 = 1 << 0;
    /// In a lane: drop action (bits 7:6), as [`super::flow`].
    pub const LANE_DROP_ACTION_SHIFT: u32 = 6;
    /// In a lane: destination port (bits 3:2), as [`super::flow`].
    pub const LANE_DEST_PORT_SHIFT: u32 = 2;
    /// Lane of frames without a SecTAG.
    pub const LANE_UNTAGGED: usize = 0;
    /// Lane of frames with a valid SecTAG.
    pub const LANE_TAGGED: usize = 1;
    /// Lane of frames with an invalid SecTAG.
    pub const LANE_BAD_TAG: usize = 2;
    /// Lane of frames for the KaY (E=1, C=0).
    pub const LANE_KAY: usize = 3;

    /// Bits of `PARAMS` (MESA `ingr.h:1955-2025`): the SecTAG checks that
    /// decide the tagged, bad-tag and KaY classes.
    pub mod params {
        /// Compare the EtherType with the MACsec EtherType.
        pub const COMP_ETYPE: u32 = 1 << 0;
        /// The V bit must be 0.
        pub const CHECK_V: u32 = 1 << 1;
        /// E=1 with C=0 is a frame for the KaY.
        pub const CHECK_KAY: u32 = 1 << 2;
        /// C=1 with E=0 is illegal.
        pub const CHECK_C_E: u32 = 1 << 3;
        /// SC with ES or SCB is illegal.
        pub const CHECK_SC: u32 = 1 << 4;
        /// The short length must be in range.
        pub const CHECK_SL: u32 = 1 << 5;
        /// The PN must not be 0: MESA clears it for XPN SAs, whose PN low
        /// word is 0 once every 2^32 frames (`api.c:4719-4727`).
        pub const CHECK_PN: u32 = 1 << 6;
        /// The MACsec EtherType (bits 31:16), byte-swapped.
        pub const ETYPE_SHIFT: u32 = 16;
        /// 0x88e5, byte-swapped as the register holds it.
        pub const MACSEC_ETYPE_SWAPPED: u32 = 0xe588;
    }

    /// `MISC_CONTROL` bits 5:0: latency fix (`mscc_macsec.h`, the C driver
    /// writes 57 on ingress, 40 on egress).
    pub const MC_LATENCY_FIX_MASK: u32 = 0x3f;
    /// `MISC_CONTROL` bit 9: 802.1AE processing of tagged frames of no SC.
    pub const NM_MACSEC_EN: u32 = 1 << 9;
    /// `MISC_CONTROL` bits 11:10: validateFrames for tagged frames of no
    /// SC, as [`super::flow`]'s `VALIDATE_*`.
    pub const MISC_VALIDATE_SHIFT: u32 = 10;
    /// `MISC_CONTROL` bits 25:24: transform record size (1: 80 octets,
    /// 2: 96 octets; the C driver writes 1 on ingress, 2 on egress).
    pub const XFORM_REC_SIZE_SHIFT: u32 = 24;
    /// Record size 80 octets (20 words).
    pub const XFORM_REC_SIZE_80: u32 = 1;
    /// Record size 96 octets (24 words).
    pub const XFORM_REC_SIZE_96: u32 = 2;
    /// Engine-wide controls: static bypass, record size, latency.
    pub const MISC_CONTROL: u16 = 0x1e5f;
    /// `MISC_CONTROL` bit 8: every frame bypasses the engine.
    pub const STATIC_BYPASS: u32 = 1 << 8;
}

/// Transform records: 32 words apart (`regs::macsec::xform_rec`).
pub mod record {
    /// Control word.
    pub const CONTROL: u16 = 0;
    /// Context identifier.
    pub const CONTEXT_ID: u16 = 1;
    /// First key word; the key takes 4 (AES-128), 6 or 8 (AES-256) words,
    /// followed by the 4 words of the GHASH key H.
    pub const KEY: u16 = 2;
    /// Words of the GHASH key H.
    pub const HASH_WORDS: u16 = 4;

    /// Control word: record type (bits 3:0).
    pub const TYPE_MASK: u32 = 0xf;
    /// Record type of an egress (protect) record.
    pub const TYPE_EGRESS: u32 = 0x6;
    /// Record type of an ingress (verify) record.
    pub const TYPE_INGRESS: u32 = 0xf;
    /// Control word: IV word 0 comes from the context (bit 5).
    pub const IV0: u32 = 1 << 5;
    /// Control word: IV word 1 comes from the context (bit 6).
    pub const IV1: u32 = 1 << 6;
    /// Control word: IV word 2 comes from the context (bit 7).
    pub const IV2: u32 = 1 << 7;
    /// Control word: update the sequence number after each frame.
    pub const UPDATE_SEQ: u32 = 1 << 13;
    /// Control word: the sequence number is part of the IV (bit 14).
    pub const IV_IN_SEQ: u32 = 1 << 14;
    /// Control word: encrypt/decrypt and authenticate (bit 15).
    pub const ENCRYPT_AUTH: u32 = 1 << 15;
    /// Control word: the key is in the context (bit 16).
    pub const KEY_IN_CTX: u32 = 1 << 16;
    /// Control word: digest type (bits 22:21).
    pub const DIGEST_TYPE_SHIFT: u32 = 21;
    /// Digest type of GCM (`mscc_macsec.h`: 2).
    pub const DIGEST_GCM: u32 = 2;
    /// Control word: authentication algorithm (bits 25:23).
    pub const AUTH_ALG_SHIFT: u32 = 23;
    /// Authentication algorithm GHASH (`mscc_macsec.h`: 4).
    pub const AUTH_GHASH: u32 = 4;
    /// Control word: check the sequence number against the window (ingress,
    /// bit 30).
    pub const SEQ_MASK: u32 = 1 << 30;
    /// Control word: the record carries a context identifier (bit 31).
    pub const CONTEXT_ID_BIT: u32 = 1 << 31;

    /// The control word of an egress record for cipher `alg`, association
    /// number `an` and 32-bit or 64-bit (`xpn`) PNs: MESA's 0x9241e066 and
    /// 0xa241e066 (`api.c`, `get_xform_value`), the same as the C driver's
    /// 32-bit word, spelt out field by field.
    pub const fn control_egress(alg: u32, an: u8, xpn: bool) -> u32 {
        let seq = if xpn { SEQ_64 } else { SEQ_32 };
        TYPE_EGRESS
            | IV0
            | IV1
            | UPDATE_SEQ
            | IV_IN_SEQ
            | ENCRYPT_AUTH
            | KEY_IN_CTX
            | (alg << CRYPTO_ALG_SHIFT)
            | (DIGEST_GCM << DIGEST_TYPE_SHIFT)
            | (AUTH_GHASH << AUTH_ALG_SHIFT)
            | (((an & 3) as u32) << AN_SHIFT)
            | (seq << SEQ_TYPE_SHIFT)
            | CONTEXT_ID_BIT
    }

    /// The control word of an ingress record: MESA's 0xd241e06f (32-bit
    /// PNs) and 0xe241a0ef (XPN: IV2 from the context, the sequence number
    /// not in the IV).
    pub const fn control_ingress(alg: u32, xpn: bool) -> u32 {
        let common = TYPE_INGRESS
            | IV0
            | IV1
            | UPDATE_SEQ
            | ENCRYPT_AUTH
            | KEY_IN_CTX
            | (alg << CRYPTO_ALG_SHIFT)
            | (DIGEST_GCM << DIGEST_TYPE_SHIFT)
            | (AUTH_GHASH << AUTH_ALG_SHIFT)
            | SEQ_MASK
            | CONTEXT_ID_BIT;
        if xpn {
            common | IV2 | (SEQ_64 << SEQ_TYPE_SHIFT)
        } else {
            common | IV_IN_SEQ | (SEQ_32 << SEQ_TYPE_SHIFT)
        }
    }

    /// Words of a record the engine fetches as its context: 20 on ingress,
    /// 24 on egress (`CONTEXT_CTRL` 0xe5880214 / 0xe5880218, whose low
    /// octet is the context size in words).
    pub const fn context_words(ingress: bool) -> u16 {
        if ingress {
            20
        } else {
            24
        }
    }
    /// Control word: cipher (bits 20:17).
    pub const CRYPTO_ALG_SHIFT: u32 = 17;
    /// Cipher AES-CTR-128.
    pub const ALG_AES128: u32 = 5;
    /// Cipher AES-CTR-192.
    pub const ALG_AES192: u32 = 6;
    /// Cipher AES-CTR-256.
    pub const ALG_AES256: u32 = 7;
    /// Control word: AN of egress frames (bits 27:26).
    pub const AN_SHIFT: u32 = 26;
    /// Control word: sequence number type (bits 29:28).
    pub const SEQ_TYPE_SHIFT: u32 = 28;
    /// Sequence number type: 32-bit PN (GCM-AES).
    pub const SEQ_32: u32 = 1;
    /// Sequence number type: 64-bit PN (GCM-AES-XPN).
    pub const SEQ_64: u32 = 2;

    /// Key length in words for cipher `alg`, if it is one.
    pub const fn key_words(alg: u32) -> Option<u16> {
        match alg {
            ALG_AES128 => Some(4),
            ALG_AES192 => Some(6),
            ALG_AES256 => Some(8),
            _ => None,
        }
    }

    /// Word offsets after key and H, for a key of `key_words` words, as
    /// MESA's record builder lays them out (`vtss_macsec_api.c`, the
    /// 32-bit and the XPN cases).
    ///
    /// 32-bit PN: `seq`; egress: the SCI at `seq + 1`; ingress: the replay
    /// window at `seq + 1`, the SCI at `seq + 2`. 64-bit PN: `seq` low and
    /// high; egress: 0 at `seq + 2`, the three words of
    /// `salt XOR (SSCI || 0^64)` at `seq + 3`, the SCI at `seq + 6`;
    /// ingress: the window at `seq + 2`, the salt words at `seq + 3` and no
    /// SCI.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct Layout {
        /// Sequence number: the last PN sent (egress) or the next PN expected
        /// (ingress); low word first for 64-bit PNs.
        pub seq: u16,
        /// Ingress replay window.
        pub window: Option<u16>,
        /// First of the three salt words (64-bit PN).
        pub salt: Option<u16>,
        /// The SCI (two words).
        pub sci: Option<u16>,
    }

    /// The layout of a record with `key_words` key words.
    pub const fn layout(key_words: u16, ingress: bool, xpn: bool) -> Layout {
        let seq = KEY + key_words + HASH_WORDS;
        match (ingress, xpn) {
            (false, false) => Layout {
                seq,
                window: None,
                salt: None,
                sci: Some(seq + 1),
            },
            (true, false) => Layout {
                seq,
                window: Some(seq + 1),
                salt: None,
                sci: Some(seq + 2),
            },
            (false, true) => Layout {
                seq,
                window: None,
                salt: Some(seq + 3),
                sci: Some(seq + 6),
            },
            (true, true) => Layout {
                seq,
                window: Some(seq + 2),
                salt: Some(seq + 3),
                sci: None,
            },
        }
    }
}

/// Statistics counters, as MESA reads them (`vtss_macsec_api.c`, the
/// counter functions; the register headers `vtss_malibu_regs_macsec_*.h`).
///
/// A counter is 40 bits, a low word and 8 bits in the next word, except the
/// 64-bit interface octet counters. An octet counter is one 80-bit counter
/// of two such 40-bit halves, the second counting the overflows of the
/// first. Per SA: SA `i` (the SA of SAM entry `i`) at
/// `regs::macsec::SA_STATS + 32 * i` plus the offsets below; per VLAN user
/// priority `up` at `regs::macsec::VLAN_STATS + 32 * up`; global ones at
/// `regs::macsec::GLOBAL_STATS`.
pub mod stats {
    /// Bits of a 40-bit counter beyond the low word.
    pub const UPPER_BITS: u32 = 8;

    /// Per-SA counters of the ingress engine.
    pub mod in_sa {
        /// Octets decrypted or validated (80-bit, 4 words).
        pub const OCTETS_DECRYPTED_VALIDATED: u16 = 0;
        /// Frames delivered without validation; also hits of a bypass or
        /// drop flow.
        pub const PKTS_UNCHECKED: u16 = 4;
        /// Valid frames below the lowest acceptable PN, delivered.
        pub const PKTS_DELAYED: u16 = 6;
        /// Frames below the lowest acceptable PN, dropped.
        pub const PKTS_LATE: u16 = 8;
        /// Valid frames.
        pub const PKTS_OK: u16 = 10;
        /// Invalid integrity-only frames delivered (validate Check).
        pub const PKTS_INVALID: u16 = 12;
        /// Invalid frames dropped.
        pub const PKTS_NOT_VALID: u16 = 14;
        /// Frames for an SA not in use, dropped (encrypted, or Strict).
        pub const PKTS_NOT_USING_SA: u16 = 16;
        /// Frames for an SA not in use, delivered.
        pub const PKTS_UNUSED_SA: u16 = 18;
        /// Frames without a SecTAG that hit the SA's entry.
        pub const PKTS_UNTAGGED_HIT: u16 = 20;
        /// Unicast frames.
        pub const UCAST: u16 = 22;
        /// Multicast frames.
        pub const MCAST: u16 = 24;
        /// Broadcast frames.
        pub const BCAST: u16 = 26;
    }

    /// Per-SA counters of the egress engine.
    pub mod out_sa {
        /// Octets encrypted or protected (80-bit, 4 words).
        pub const OCTETS_ENCRYPTED_PROTECTED: u16 = 0;
        /// Frames encrypted or protected; also hits of a bypass or drop
        /// flow.
        pub const PKTS_ENCRYPTED_PROTECTED: u16 = 4;
        /// Frames over the MTU, dropped.
        pub const PKTS_TOO_LONG: u16 = 6;
        /// Unicast frames.
        pub const UCAST: u16 = 8;
        /// Multicast frames.
        pub const MCAST: u16 = 10;
        /// Broadcast frames.
        pub const BCAST: u16 = 12;
    }

    /// Global counters of the ingress engine.
    pub mod in_global {
        /// Frames a transform failed on.
        pub const TRANSFORM_ERROR_PKTS: u16 = 0;
        /// Control packets.
        pub const PKTS_CTRL: u16 = 2;
        /// Frames without a SecTAG dropped by Strict.
        pub const PKTS_NO_TAG: u16 = 4;
        /// Frames without a SecTAG, not Strict.
        pub const PKTS_UNTAGGED: u16 = 6;
        /// Frames with a SecTAG.
        pub const PKTS_TAGGED: u16 = 8;
        /// Frames with an invalid SecTAG, dropped.
        pub const PKTS_BAD_TAG: u16 = 10;
        /// Frames without a SecTAG matching no entry.
        pub const PKTS_UNTAGGED_MISS: u16 = 12;
        /// Frames of an unknown SC, dropped.
        pub const PKTS_NO_SCI: u16 = 14;
        /// Frames of an unknown SC, not dropped.
        pub const PKTS_UNKNOWN_SCI: u16 = 16;
        /// Consistency check: controlled port, failed.
        pub const CONSIST_CHECK_CONTROLLED_NOT_PASS: u16 = 18;
        /// Consistency check: uncontrolled port, failed.
        pub const CONSIST_CHECK_UNCONTROLLED_NOT_PASS: u16 = 20;
        /// Consistency check: controlled port, passed.
        pub const CONSIST_CHECK_CONTROLLED_PASS: u16 = 22;
        /// Consistency check: uncontrolled port, passed.
        pub const CONSIST_CHECK_UNCONTROLLED_PASS: u16 = 24;
        /// Frames without a VLAN tag over the MTU.
        pub const OVERSIZE_PKTS: u16 = 26;
        /// Unicast frames.
        pub const UCAST: u16 = 28;
        /// Multicast frames.
        pub const MCAST: u16 = 30;
        /// Broadcast frames.
        pub const BCAST: u16 = 32;
        /// Octets (64-bit).
        pub const OCTETS: u16 = 34;
    }

    /// Global counters of the egress engine.
    pub mod out_global {
        /// Frames a transform failed on (a PN roll-over among them).
        pub const TRANSFORM_ERROR_PKTS: u16 = 0;
        /// Control packets.
        pub const PKTS_CTRL: u16 = 2;
        /// Frames for which no SA was found.
        pub const PKTS_UNKNOWN_SA: u16 = 4;
        /// Frames sent unprotected (protectFrames off).
        pub const PKTS_UNTAGGED: u16 = 6;
        /// Frames without a VLAN tag over the MTU.
        pub const OVERSIZE_PKTS: u16 = 8;
        /// Unicast frames.
        pub const UCAST: u16 = 10;
        /// Multicast frames.
        pub const MCAST: u16 = 12;
        /// Broadcast frames.
        pub const BCAST: u16 = 14;
        /// Octets (64-bit).
        pub const OCTETS: u16 = 16;
    }
}

/// PN threshold of the egress engine: a frame sent with a PN at or above it
/// (or, with `CONTEXT_CTRL.THRESHOLD_MODE`, equal to it) raises
/// `INTR_SEQ_THRESHOLD`. There is no value that disables the event: leave
/// the interrupt disabled instead.
pub mod threshold {
    /// Threshold for 32-bit PNs.
    pub const SEQ_NUM_THRESH: u16 = 0x3d08;
    /// Threshold for 64-bit PNs, low word.
    pub const SEQ_NUM_THRESH_64_LO: u16 = 0x3d09;
    /// Threshold for 64-bit PNs, high word.
    pub const SEQ_NUM_THRESH_64_HI: u16 = 0x3d0a;
}

/// Engine set-up registers that only the initialisation writes, with the
/// values the C driver writes (`mscc_macsec.c`, `vsc8584_macsec_block_init`,
/// `vsc8584_macsec_classification`, `vsc8584_macsec_integrity_checks`).
pub mod setup {
    /// Egress flow-control buffer configuration (`MSCC_MS_FC_CFG`).
    pub const FC_CFG: u16 = 0x804;
    /// `FC_CFG`: buffer enable.
    pub const FC_CFG_FCBUF_ENA: u32 = 1 << 0;
    /// `FC_CFG`: low threshold (bits 7:4).
    pub const FC_CFG_LOW_THRESH_SHIFT: u32 = 4;
    /// `FC_CFG`: high threshold (bits 11:8).
    pub const FC_CFG_HIGH_THRESH_SHIFT: u32 = 8;
    /// `FC_CFG`: low bytes value (bits 14:12).
    pub const FC_CFG_LOW_BYTES_VAL_SHIFT: u32 = 12;
    /// `FC_CFG`: high bytes value (bits 18:16).
    pub const FC_CFG_HIGH_BYTES_VAL_SHIFT: u32 = 16;
    /// `FC_CFG` as the C driver writes it: enabled, thresholds 1 and 4,
    /// byte values 4 and 6.
    pub const FC_CFG_VALUE: u32 = FC_CFG_FCBUF_ENA
        | (1 << FC_CFG_LOW_THRESH_SHIFT)
        | (4 << FC_CFG_HIGH_THRESH_SHIFT)
        | (4 << FC_CFG_LOW_BYTES_VAL_SHIFT)
        | (6 << FC_CFG_HIGH_BYTES_VAL_SHIFT);
    /// `ENA_CFG` bits 12:10: speed mode (the C driver writes 5).
    pub const ENA_CFG_SPEED_MODE_SHIFT: u32 = 10;
    /// Speed mode the C driver uses.
    pub const SPEED_MODE: u32 = 5;
    /// `CONTEXT_CTRL` of the ingress engine: MACsec EtherType, 20-word
    /// contexts.
    pub const CONTEXT_CTRL_INGRESS: u32 = 0xe588_0214;
    /// `CONTEXT_CTRL` of the egress engine: 24-word contexts (rev B, which
    /// XPN egress records need).
    pub const CONTEXT_CTRL_EGRESS: u32 = 0xe588_0218;
    /// Latency fix of the ingress engine.
    pub const LATENCY_FIX_INGRESS: u32 = 57;
    /// Latency fix of the egress engine.
    pub const LATENCY_FIX_EGRESS: u32 = 40;
    /// Post-processor control (`MSCC_MS_PP_CTRL`).
    pub const PP_CTRL: u16 = 0x3c4b;
    /// `PP_CTRL` bit 0: octet counters count every frame of an SA flow.
    pub const PP_CTRL_MACSEC_OCTET_INCR_MODE: u32 = 1 << 0;
    /// `BLOCK_CTX_UPDATE` value: no context update for errored frames (a
    /// PN roll-over keeps the maximum).
    pub const BLOCK_CTX_UPDATE_VALUE: u32 = 0x3;
    /// `VLAN_MTU_CHECK` / `NON_VLAN_MTU_CHECK` bits 14:0: the largest frame.
    pub const MTU_COMPARE_MASK: u32 = 0x7fff;
    /// `VLAN_MTU_CHECK` / `NON_VLAN_MTU_CHECK` bit 15: drop larger frames.
    pub const MTU_COMP_DROP: u32 = 1 << 15;
    /// The MTU the C driver programs.
    pub const MTU: u32 = 32761;
    /// VLAN tag parsing (`MSCC_MS_SAM_CP_TAG`).
    pub const SAM_CP_TAG: u16 = 0x1e40;
    /// Parse QinQ (bit 29), STAG (bit 30) and QTAG (bit 31) tags.
    pub const CP_TAG_PARSE_QINQ: u32 = 1 << 29;
    /// Parse STAGs.
    pub const CP_TAG_PARSE_STAG: u32 = 1 << 30;
    /// Parse QTAGs.
    pub const CP_TAG_PARSE_QTAG: u32 = 1 << 31;
    /// Ingress consistency check control (`MSCC_MS_PARAMS2_IG_CC_CONTROL`).
    pub const IG_CC_CONTROL: u16 = 0x3a10;
    /// `IG_CC_CONTROL` bit 14: pass control frames no check entry matched.
    pub const IG_CC_NON_MATCH_CTRL_ACT: u32 = 1 << 14;
    /// `IG_CC_CONTROL` bit 15: pass frames no check entry matched.
    pub const IG_CC_NON_MATCH_ACT: u32 = 1 << 15;
    /// Ingress post-processor VLAN tag parsing (`MSCC_MS_PARAMS2_IG_CP_TAG`),
    /// bits as `SAM_CP_TAG`.
    pub const IG_CP_TAG: u16 = 0x3a14;
}

/// The control packet classifier (MESA `ingr.h:1385-1771`): frames it
/// recognises are control packets, which the SAM entries of SAs exclude and
/// the non-match flow `nm::FLOW_CP` passes.
pub mod cp {
    /// Rule `i` (0-9): MAC destination address octets 0-3.
    pub const fn mac_da_match(i: u16) -> u16 {
        0x1e00u16.wrapping_add(i.wrapping_mul(2))
    }
    /// Rule `i` (0-9): MAC destination address octets 4-5 (15:0) and the
    /// EtherType (31:16, byte-swapped).
    pub const fn mac_da_et_match(i: u16) -> u16 {
        0x1e01u16.wrapping_add(i.wrapping_mul(2))
    }
    /// Shift of the EtherType in `mac_da_et_match`.
    pub const ETYPE_SHIFT: u32 = 16;
    /// Rules 0-7 can compare the EtherType alone ("8 Etypes for Viper",
    /// MESA `api.c:2459-2463`).
    pub const ETYPE_RULES: usize = 8;
    /// Which EtherType each rule compares: bit `8 + i` set, the one after
    /// the VLAN tags; clear, the one after the source address.
    pub const MATCH_MODE: u16 = 0x1e3e;
    /// Shift of the per-rule EtherType selection in `MATCH_MODE`.
    pub const MODE_ETYPE_SEL_SHIFT: u32 = 8;
    /// Which rules are on.
    pub const MATCH_ENABLE: u16 = 0x1e3f;
    /// Shift of the per-rule EtherType enables (rules 0-7) in
    /// `MATCH_ENABLE`.
    pub const ENABLE_ETYPE_SHIFT: u32 = 8;
}

/// The in-place next-PN update (MESA `api.c`,
/// `vtss_macsec_rx_sa_next_pn_update_priv`): the engine writes the PN into
/// a context's sequence number if it is larger.
pub mod next_pn {
    /// `NEXT_PN_CTRL` bit 1: the last update wrote the sequence number.
    pub const WRITTEN: u32 = 1 << 1;
    /// `NEXT_PN_CTRL` bit 2: the sequence number is 64 bits wide.
    pub const SEQ_NUM_SIZE: u32 = 1 << 2;
    /// `NEXT_PN_CTRL` bits 31:4: address of the 16-octet block of the
    /// context holding the sequence number.
    pub const CTX_ADDR_SHIFT: u32 = 4;

    /// The block address of sequence number word `seq_word` of record
    /// `rec` for `NEXT_PN_CTRL`: (rec * context octets + seq_word * 4) / 16.
    pub const fn ctx_addr(rec: u16, seq_word: u16, ingress: bool) -> u32 {
        let ctx = super::record::context_words(ingress) as u32;
        ((rec as u32) * ctx * 4 + (seq_word as u32) * 4) >> 4
    }
}

/// `SAM_IN_FLIGHT`: frames that may still use an entry just disabled.
pub mod in_flight {
    /// Bits 5:0: frames that were in the pipeline when an enable dropped;
    /// the record may be rewritten once it reads 0 (MESA `ingr.h:1176-1190`).
    pub const UNSAFE_MASK: u32 = 0x3f;
}
