#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Our modules unload cleanly: the PHY driver is unregistered from phylib.
. /tests/tap.sh
plan 3

rmmod vsc8584_rust
check "rmmod vsc8584_rust"

test ! -e "/sys/bus/mdio_bus/drivers/Microchip VSC8584 (rsmacsec)"
check "the driver is gone from the MDIO bus"

rmmod rust_phy_macsec
check "rmmod rust_phy_macsec"
finish
