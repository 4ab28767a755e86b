// SPDX-License-Identifier: GPL-2.0

//! How long the bring-up waits for the hardware.
//!
//! Every wait is a bounded number of polls: a few without delay (the hardware is usually done
//! by the time the bus has carried the next frame), then polls each after a delay, until about
//! the deadline the C driver uses; then the wait fails with a timeout, which the C driver does
//! not always report.

/// A bounded poll: `fast` polls without delay, then `slow` polls each after `delay_us`.
#[derive(Clone, Copy, Debug)]
pub(super) struct Patience {
    fast: u32,
    slow: u32,
    delay_us: u32,
}

impl Patience {
    /// An 8051 command: the C driver polls for 500 ms without sleeping.
    pub(super) const COMMAND: Self = Self {
        fast: 8,
        slow: 500,
        delay_us: 1000,
    };

    /// A transfer on a macro configuration bus, or a calibration of the SerDes or PLL: the C
    /// driver waits 200 to 500 ms, sleeping about 1 ms (4 ms for the LC-PLL bus) between polls.
    pub(super) const MACRO: Self = Self {
        fast: 1,
        slow: 500,
        delay_us: 1000,
    };

    /// The number of polls.
    pub(super) const fn polls(self) -> u32 {
        self.fast.saturating_add(self.slow)
    }

    /// The delay before poll `n` (counted from 0), if any.
    pub(super) const fn delay_before(self, n: u32) -> Option<u32> {
        if n < self.fast {
            None
        } else {
            Some(self.delay_us)
        }
    }
}
