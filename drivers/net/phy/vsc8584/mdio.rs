// SPDX-License-Identifier: GPL-2.0

//! The logic's view of the hardware ([`Mdio`]) on the kernel's MDIO bus, and the logic's errors
//! as kernel errors.
//!
//! The logic runs its sequences on a [`LockedBus`], the bus of the PHY with its lock held (from
//! [`kernel::net::phy::Device::lock_bus`]): no other user of the bus, a sibling PHY of the
//! package included, comes between two accesses of a sequence.

use crate::logic::error::{Errno, Error as LogicError, Result as LogicResult};
use crate::logic::mdio::Mdio;
use kernel::{
    error::code,
    net::phy::LockedBus,
    prelude::*,
    time::{delay::fsleep, Delta},
};

impl Mdio for LockedBus<'_> {
    fn addr(&self) -> u8 {
        LockedBus::addr(self)
    }

    fn read(&mut self, addr: u8, reg: u8) -> LogicResult<u16> {
        self.read_at(addr, reg.into())
            .map_err(|e| LogicError::Mdio(e.to_errno()))
    }

    fn write(&mut self, addr: u8, reg: u8, val: u16) -> LogicResult {
        self.write_at(addr, reg.into(), val)
            .map_err(|e| LogicError::Mdio(e.to_errno()))
    }

    fn delay_us(&mut self, us: u32) {
        // Sleeping with the bus lock held is allowed (it is a mutex); the waits are those of
        // the hardware, in sequences nothing else may interrupt.
        fsleep(Delta::from_micros(us.into()));
    }
}

/// The kernel error for an error of the logic.
pub(crate) fn to_kernel(e: LogicError) -> Error {
    match e {
        LogicError::Mdio(errno) | LogicError::Unrecovered(errno) => Error::from_errno(errno),
        LogicError::Timeout => code::ETIMEDOUT,
        LogicError::Refused { errno, .. } => match errno {
            Errno::Inval => code::EINVAL,
            Errno::NoSpc => code::ENOSPC,
            Errno::OpNotSupp => code::EOPNOTSUPP,
            Errno::Exist => code::EEXIST,
            Errno::NoEnt => code::ENOENT,
            Errno::Busy => code::EBUSY,
            Errno::Io => code::EIO,
            Errno::TimedOut => code::ETIMEDOUT,
            Errno::NoDev => code::ENODEV,
        },
    }
}

/// Logs that `what` failed on the PHY at MDIO address `addr`, and returns the kernel error.
pub(crate) fn report(addr: u8, what: &str, e: LogicError) -> Error {
    match e {
        LogicError::Mdio(errno) => {
            pr_err!("PHY {addr}: {what}: an MDIO access failed ({errno})\n")
        }
        LogicError::Unrecovered(errno) => pr_err!(
            "PHY {addr}: {what}: an MDIO access failed ({errno}) and so did undoing it: the \
             MACsec engines are reprogrammed at the next initialisation\n"
        ),
        LogicError::Timeout => pr_err!("PHY {addr}: {what}: the hardware did not complete\n"),
        LogicError::Refused { msg, .. } => {
            pr_err!("PHY {addr}: {what}: {}\n", msg.trim_end_matches('\0'))
        }
    }
    to_kernel(e)
}

#[kernel::kunit::kunit_tests(vsc8584_rust_mdio)]
mod tests {
    use super::*;

    #[test]
    fn logic_errors_become_their_errno() {
        assert_eq!(to_kernel(LogicError::Mdio(-5)), code::EIO);
        assert_eq!(to_kernel(LogicError::Mdio(-110)), code::ETIMEDOUT);
        assert_eq!(to_kernel(LogicError::Timeout), code::ETIMEDOUT);
        let refused = |errno| LogicError::refused(errno, "no\0");
        assert_eq!(to_kernel(refused(Errno::Io)), code::EIO);
        assert_eq!(to_kernel(refused(Errno::NoDev)), code::ENODEV);
        assert_eq!(to_kernel(refused(Errno::Inval)), code::EINVAL);
        assert_eq!(to_kernel(refused(Errno::OpNotSupp)), code::EOPNOTSUPP);
    }
}
