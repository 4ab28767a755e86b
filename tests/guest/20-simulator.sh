#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The simulated VSC8584 package appears on its own MDIO bus, looks like a
# VSC8584 to phylib, and both our Rust driver and the unmodified upstream C
# driver (mscc) bind to it.
. /tests/tap.sh
plan 7
M=/lib/modules/rsmacsec
BUS=/sys/bus/mdio_bus
PHYS="vsc8584-sim:08 vsc8584-sim:09 vsc8584-sim:0a vsc8584-sim:0b"

insmod $M/vsc8584_sim.ko
check "insmod vsc8584_sim"

n=0
for p in $PHYS; do [ -d $BUS/devices/$p ] && n=$((n + 1)); done
[ $n -eq 4 ]
check "the bus carries 4 PHYs at MDIO addresses 8-11 (found $n)"

ids=$(for p in $PHYS; do cat $BUS/devices/$p/phy_id; done | sort -u)
[ "$ids" = 0x000707c1 ]
check "every PHY identifies as a VSC8584 rev B ($ids)"

drv=$(basename "$(readlink $BUS/devices/vsc8584-sim:08/driver)")
[ "$drv" = "Microchip VSC8584 (rsmacsec)" ]
check "the Rust driver binds to the simulated PHY ($drv)"

for p in $PHYS; do echo $p >"$BUS/drivers/Microchip VSC8584 (rsmacsec)/unbind"; done
insmod $M/mscc.ko
check "insmod mscc (the upstream C driver)"

n=0
for p in $PHYS; do
	d=$(basename "$(readlink $BUS/devices/$p/driver)")
	[ "$d" = "Microsemi GE VSC8584 SyncE" ] && n=$((n + 1))
done
[ $n -eq 4 ]
check "the C driver probes all 4 simulated PHYs (bound: $n)"

rmmod mscc && rmmod vsc8584_sim && [ ! -d $BUS/devices/vsc8584-sim:08 ]
check "rmmod mscc and vsc8584_sim remove the bus"
finish
