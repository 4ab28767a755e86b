// SPDX-License-Identifier: GPL-2.0

//! The MACsec offload: SecYs, channels and associations mapped onto the flows and transform
//! records of the PHY's two EIP-160 engines.

pub mod types;
