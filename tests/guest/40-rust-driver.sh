#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Our Rust driver brings the simulated package up on its own, with nothing of
# the C driver loaded: the package initialisation with the 8051 firmware file
# (CRC checked), each PHY's own initialisation, the link of both ports served
# by the PHY interrupt (no polling), plain IP across the wire both ways. An
# MDIO error during the bring-up fails `ip link set up` with EIO and a retry
# brings the port up. The VSC8582 identifier gets the VSC8582 driver, and the
# driver unloads cleanly.
. /tests/tap.sh
plan 21
M=/lib/modules/rsmacsec
BUS=/sys/bus/mdio_bus
D=/sys/kernel/debug/vsc8584_sim
PHYS="vsc8584-sim:08 vsc8584-sim:09 vsc8584-sim:0a vsc8584-sim:0b"
IP0=203.0.113.1
IP1=203.0.113.2
FW=microchip/mscc_vsc8584_revb_int8051_fb48.bin

# MDIO accesses to the simulated package so far.
mdio() { cat $D/accesses; }
# Interrupts of PHY $1 (vsc8584-sim:08) so far, 0 before phylib requested it.
irqs() { awk -v p="$1" '$0 ~ p { for (i = 2; $i ~ /^[0-9]+$/; i++) s += $i } END { print s + 0 }' /proc/interrupts; }
# Drivers bound to the simulated PHYs, one line each.
bound() { for p in $PHYS; do basename "$(readlink $BUS/devices/$p/driver)"; done; }
# Lines of the kernel log since the last `dmesg -c` matching $1.
logged() { dmesg | grep -c "$1"; }
# Waits (bounded, 10 s) until port $1 has no carrier.
no_carrier() { eventually carrier_lost $1; }
carrier_lost() { ! has_carrier $1; }

grep -q '^vsc8584_rust ' /proc/modules && ! grep -q '^mscc ' /proc/modules
check "vsc8584_rust is loaded and mscc is not"

dmesg -c >/dev/null
insmod $M/vsc8584_sim.ko && [ "$(bound | sort -u)" = "Microchip VSC8584 (rsmacsec)" ]
check "the Rust driver binds to all 4 simulated PHYs ($(bound | sort | uniq -c | xargs))"

# The 100th access from now is in the package initialisation: phylib's soft
# reset comes first (a few accesses), then the LC-PLL reset and the tuning.
echo "100 1 io" >$D/fail_access
out=$(ip link set vsim0 up 2>&1)
rc=$?
[ $rc -ne 0 ] && echo "$out" | grep -q "Input/output error" &&
	[ "$(cat /sys/class/net/vsim0/flags)" = 0x1002 ] &&
	[ "$(logged 'package initialisation: an MDIO access failed (-5)')" = 1 ]
check "an MDIO error in the package initialisation fails ip link set up with EIO, the port stays down (rc=$rc: $out)"

dmesg -c >/dev/null
a0=$(mdio)
ip link set vsim0 up
rc=$?
a1=$(mdio)
[ $rc = 0 ] && [ "$(logged "8051 firmware CRC 0xfb48, 33-byte patch $FW already in place")" = 1 ]
check "the retry brings port 0 up: the package is initialised again, the firmware file is loaded and the 8051 CRC is right ($((a1 - a0)) MDIO accesses for the package and PHY 0)"

a0=$(mdio)
ip link set vsim1 up
rc=$?
a1=$(mdio)
[ $rc = 0 ] && [ "$(logged 'package of PHY 8 up')" = 1 ]
check "port 1 comes up with its own initialisation only ($((a1 - a0)) MDIO accesses for PHY 1)"

carrier vsim0 && carrier vsim1
check "the link comes up on both ports"

i0=$(irqs vsc8584-sim:08)
i1=$(irqs vsc8584-sim:09)
[ "$i0" -gt 0 ] && [ "$i1" -gt 0 ]
check "the link changes reached phylib as PHY interrupts (PHY 0: $i0, PHY 1: $i1)"

# phylib polls a PHY without interrupt every second; ours is not polled.
b0=$(mdio)
sleep 3
b1=$(mdio)
[ "$b0" = "$b1" ]
check "nobody polls the PHYs: no MDIO access in 3 idle seconds ($((b1 - b0)))"

ip netns add peer && ip link set vsim1 netns peer &&
	ip addr add $IP0/24 dev vsim0 &&
	ip -n peer addr add $IP1/24 dev vsim1 && ip -n peer link set vsim1 up &&
	ip netns exec peer ip link set lo up && carrier vsim1 "ip netns exec peer"
check "port 1 moves into its own network namespace and comes up again"

ping -c 2 -W 5 $IP1 >/dev/null
check "IP from port 0 to port 1"

ip netns exec peer ping -c 2 -W 5 $IP0 >/dev/null
check "IP from port 1 to port 0"

i0=$(irqs vsc8584-sim:08)
ip -n peer link set vsim1 down && no_carrier vsim0
check "port 1 goes down: port 0 loses its carrier"

i1=$(irqs vsc8584-sim:08)
[ "$i1" -gt "$i0" ]
check "the link loss came as an interrupt of PHY 0 ($i0 -> $i1)"

ip -n peer link set vsim1 up && carrier vsim0 && ping -c 1 -W 5 $IP1 >/dev/null
check "port 1 up again: the link and IP come back"

[ "$(logged 'vsc8584_rust')" = 1 ] && [ "$(logged 'vsc8584_rust: PHY 8: package of PHY 8 up')" = 1 ]
check "the driver logged nothing but the package bring-up ($(dmesg | grep vsc8584_rust | tail -n 1))"

ip -n peer link set vsim1 netns 1 && ip netns del peer &&
	ip link set vsim0 down && ip link set vsim1 down && misuse_clean
check "the ports go down; the driver left no misuse ($(misuse_total))"

dmesg -c >/dev/null
rmmod vsc8584_sim && insmod $M/vsc8584_sim.ko phy_id=0x000707b1 &&
	[ "$(bound | sort -u)" = "Microchip VSC8582 (rsmacsec)" ]
check "a package that identifies as a VSC8582 gets the VSC8582 driver ($(bound | sort -u | xargs))"

ip link set vsim0 up && ip link set vsim1 up && carrier vsim0 && carrier vsim1 &&
	[ "$(logged 'package of PHY 8 up')" = 1 ]
check "the VSC8582's package is brought up and both links come up"

ip link set vsim0 down && ip link set vsim1 down && misuse_clean
check "the ports go down; no misuse ($(misuse_total))"

rmmod vsc8584_rust && [ ! -e "$BUS/drivers/Microchip VSC8582 (rsmacsec)" ] &&
	[ ! -e "$BUS/drivers/Microchip VSC8584 (rsmacsec)" ] &&
	[ -z "$(dmesg | grep vsc8584 | grep -i 'warn\|bug\|error\|fail')" ]
check "vsc8584_rust unloads from bound PHYs cleanly"

rmmod vsc8584_sim && insmod $M/vsc8584_rust.ko
check "the simulator unloads; vsc8584_rust is back"
finish
