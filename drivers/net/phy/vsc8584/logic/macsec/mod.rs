// SPDX-License-Identifier: GPL-2.0

//! The MACsec offload: SecYs, channels and associations mapped onto the flows and transform
//! records of the PHY's two EIP-160 engines.
//!
//! * [`types`]: the plain values the operations take and give;
//! * [`sam`], [`record`]: the encodings of SAM entries and transform records.

pub mod record;
pub mod sam;
pub mod types;
