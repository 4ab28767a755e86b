// SPDX-License-Identifier: GPL-2.0

//! What a driver wrote between a PN threshold event of an egress engine and
//! the first frame that left on another SA: the cost of a hardware-triggered
//! SA switch, as the hardware sees it.
//!
//! The egress engine raises `SEQ_THRESHOLD` when a frame's PN reaches the
//! threshold (`datapath.rs`). From that frame on, every 32-bit register
//! write through the PHY's page-4 window is noted (target and address), until
//! a protected frame leaves on an SA other than the one that raised the
//! event. The last such switch is kept for debugfs (`phy<N>/switch`).

use core::fmt::{self, Write};

/// Writes noted per switch; more are counted, not named.
pub const NOTED: usize = 16;

/// One completed switch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Switch {
    /// The SA (flow) index whose frame raised the threshold event.
    pub from: u16,
    /// The SA index of the first frame that left on another SA.
    pub to: u16,
    /// Register writes in between.
    pub writes: usize,
    /// The first [`NOTED`] of them: target id and address.
    pub noted: [(u8, u16); NOTED],
}

/// The trace of one PHY.
#[derive(Clone, Copy, Debug, Default)]
pub struct SwitchTrace {
    /// The switch under way: the threshold was raised, no frame left on
    /// another SA yet.
    open: Option<Switch>,
    /// The last completed switch.
    last: Option<Switch>,
}

impl SwitchTrace {
    /// Nothing seen yet.
    pub const fn new() -> Self {
        Self {
            open: None,
            last: None,
        }
    }

    /// A frame on SA `sa` raised the threshold event. A switch already under
    /// way keeps its start.
    pub fn threshold(&mut self, sa: u16) {
        if self.open.is_none() {
            self.open = Some(Switch {
                from: sa,
                to: sa,
                writes: 0,
                noted: [(0, 0); NOTED],
            });
        }
    }

    /// A 32-bit register write through the window.
    pub fn write(&mut self, target: u8, addr: u16) {
        if let Some(s) = self.open.as_mut() {
            if let Some(slot) = s.noted.get_mut(s.writes) {
                *slot = (target, addr);
            }
            s.writes = s.writes.saturating_add(1);
        }
    }

    /// A protected frame left on SA `sa`.
    pub fn frame(&mut self, sa: u16) {
        if let Some(mut s) = self.open.filter(|s| s.from != sa) {
            s.to = sa;
            self.last = Some(s);
            self.open = None;
        }
    }

    /// The last completed switch.
    pub fn last(&self) -> Option<&Switch> {
        self.last.as_ref()
    }

    /// Writes `from <sa> to <sa> writes <n>:` and the noted writes as
    /// `<target>:<addr>` in hex, or `none`, and a newline.
    pub fn show(&self, w: &mut impl Write) -> fmt::Result {
        let Some(s) = self.last.as_ref() else {
            return writeln!(w, "none");
        };
        write!(w, "from {} to {} writes {}:", s.from, s.to, s.writes)?;
        for (target, addr) in s.noted.iter().take(s.writes) {
            write!(w, " {target:#04x}:{addr:#06x}")?;
        }
        writeln!(w)
    }
}
