// SPDX-License-Identifier: GPL-2.0

//! Why an operation of the driver failed.

/// The error numbers the driver answers, as the kernel names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Errno {
    /// `EINVAL`: the request is malformed or contradicts the state.
    Inval,
    /// `ENOSPC`: the hardware has no room left (flows, records).
    NoSpc,
    /// `EOPNOTSUPP`: the hardware cannot do what is asked.
    OpNotSupp,
    /// `EEXIST`: the object exists already.
    Exist,
    /// `ENOENT`: the object does not exist.
    NoEnt,
    /// `EBUSY`: the object is in use.
    Busy,
    /// `EIO`: the hardware answered wrongly.
    Io,
    /// `ETIMEDOUT`: the hardware did not complete in time.
    TimedOut,
    /// `ENODEV`: the device is not there (or not this one).
    NoDev,
}

/// An error of the driver core.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Error {
    /// An MDIO access failed; the value is the (negative) kernel error number it returned.
    Mdio(i32),
    /// The hardware did not complete a command in time.
    Timeout,
    /// An operation failed on the bus (the error number, as [`Error::Mdio`], or `-ETIMEDOUT` for
    /// [`Error::Timeout`]) and undoing what it had already written failed too: the hardware may
    /// hold part of the new configuration although the driver's state is the old one. The
    /// driver's shadow knows which registers it is unsure of; the next operation or `init`
    /// reprograms them. The kernel shell should log it and may re-run `init`.
    Unrecovered(i32),
    /// The request is refused: the error number, and a message for the user (the netlink
    /// extack), which ends with a NUL so that the kernel can use it as a C string.
    Refused {
        /// The error number.
        errno: Errno,
        /// What the user is told, NUL-terminated.
        msg: &'static str,
    },
}

/// `ETIMEDOUT`, as the kernel numbers it.
pub const ETIMEDOUT: i32 = 110;

impl Error {
    /// The negative kernel error number of a bus failure ([`Error::Mdio`], [`Error::Timeout`],
    /// [`Error::Unrecovered`]); `None` for a refusal.
    pub const fn bus_errno(&self) -> Option<i32> {
        match *self {
            Error::Mdio(e) | Error::Unrecovered(e) => Some(e),
            Error::Timeout => Some(-ETIMEDOUT),
            Error::Refused { .. } => None,
        }
    }

    /// Makes a refusal with `msg`, which must end with a NUL.
    pub const fn refused(errno: Errno, msg: &'static str) -> Self {
        Error::Refused { errno, msg }
    }
}

/// The result of an operation of the driver core.
pub type Result<T = ()> = core::result::Result<T, Error>;
