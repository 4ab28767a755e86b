// SPDX-License-Identifier: GPL-2.0

//! The MACsec offload: SecYs, channels and associations mapped onto the flows and transform
//! records of the PHY's two EIP-160 engines.
//!
//! * [`types`]: the plain values the operations take and give;
//! * [`validate`]: what is refused, with its error number and message;
//! * [`state`]: the configuration and which flow each part of it owns;
//! * [`sam`], [`record`]: the encodings of SAM entries and transform records;
//! * [`render`]: from the state to the registers of each engine;
//! * [`shadow`]: what the driver programmed, and the one routine that changes the hardware;
//! * [`counters`]: clear-on-read counters accumulated in 64 bits;
//! * [`offload`]: [`Offload`], the operations, each a transaction.

pub mod counters;
pub mod offload;
pub mod record;
pub mod render;
pub mod sam;
pub mod shadow;
pub mod state;
pub mod types;
pub mod validate;

pub use offload::Offload;
