#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Our PHY driver unloads cleanly: it is unregistered from phylib. (The sample
# keeps the module reference phylib leaked in 35-phy-macsec-sample.)
. /tests/tap.sh
plan 2

rmmod vsc8584_rust
check "rmmod vsc8584_rust"

test ! -e "/sys/bus/mdio_bus/drivers/Microchip VSC8584 (rsmacsec)"
check "the driver is gone from the MDIO bus"
finish
