// SPDX-License-Identifier: GPL-2.0

//! The frame path of the simulated EIP-160 MACsec engine.
//!
//! [`datapath`] runs one frame through one engine as its register bank
//! configures it: [`classify`] parses the frame, [`sam`] finds the SAM entry
//! it hits, [`record`] decodes that entry's transform record, and
//! [`transform`] does what IEEE 802.1AE-2018 (with the XPN cipher suites of
//! 802.1AEbw) defines for one frame: insert or parse the SecTAG ([`sectag`]),
//! run GCM-AES and append or check the ICV. Replay checks, validateFrames
//! policy, counters and interrupt events are in [`datapath`].
//!
//! The core is pure Rust: `core` only, no allocation, no `unsafe`. The same
//! files compile into the kernel simulator module and into the host test crate
//! (`tests/host`), where the IEEE 802.1AE Annex C vectors run through them.
//! AES-GCM itself is reached through the [`gcm::AeadGcm`] trait, so the kernel
//! plugs in lib/crypto's `aesgcm_*` and the host a RustCrypto cipher.
//!
//! Every frame byte is attacker-controlled: nothing in here may panic on any
//! input. Frames are only read through bounds-checked accessors, and every
//! problem comes back as an error value.
//!
//! Frames are handled without their FCS: a plaintext frame is
//! `DA || SA || user data` (user data starting at the EtherType), a secure
//! frame is `DA || SA || SecTAG || secure data || ICV`.

pub mod classify;
pub mod datapath;
pub mod gcm;
pub mod record;
pub mod report;
pub mod sam;
pub mod sectag;
pub mod transform;
