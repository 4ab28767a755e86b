// SPDX-License-Identifier: GPL-2.0

//! The frame transform core of the simulated EIP-160 MACsec engine.
//!
//! This is what the engine does to one frame once the flow lookup has picked
//! a transform record: insert or parse the SecTAG, run GCM-AES and append or
//! check the ICV, as IEEE 802.1AE-2018 (with the XPN cipher suites of
//! 802.1AEbw) defines it. Replay windows, counters, validateFrames policy and
//! the register file sit on top of it and are not in here.
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

pub mod gcm;
pub mod sectag;
pub mod transform;
