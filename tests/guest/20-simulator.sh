#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The simulated VSC8584 package appears on its own MDIO bus, looks like a
# VSC8584 to phylib, both our Rust driver and the unmodified upstream C driver
# (mscc) bind to it, the C driver initialises it when a port goes up and runs
# its MACsec offload operations against it, and the wire carries frames
# between the two ports.
. /tests/tap.sh
plan 28
M=/lib/modules/rsmacsec
BUS=/sys/bus/mdio_bus
PHYS="vsc8584-sim:08 vsc8584-sim:09 vsc8584-sim:0a vsc8584-sim:0b"
KEY0=00112233445566778899aabbccddeeff
KEY1=ffeeddccbbaa99887766554433221100
D=/sys/kernel/debug/vsc8584_sim

# MDIO accesses to the simulated package so far.
mdio() { cat $D/accesses; }

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

misuse_clean
check "the Rust driver left no misuse ($(misuse_total))"

# With another identifier (the module parameter phy_id), the package is some
# other part: both VSC8584 drivers are loaded and neither binds, a test
# driver matching the made-up identifier does.
rmmod vsc8584_sim && insmod $M/mscc.ko && insmod $M/vsc8584_sim.ko phy_id=0x0f0f0f00
check "insmod mscc, then the simulator with phy_id=0x0f0f0f00"

ids=$(for p in $PHYS; do cat $BUS/devices/$p/phy_id; done | sort -u)
[ "$ids" = 0x0f0f0f00 ] && [ "$(cat /sys/module/vsc8584_sim/parameters/phy_id)" = 252645120 ]
check "every PHY reports the phy_id parameter ($ids)"

# The sample MACsec PHY driver (loaded at boot) matches exactly 0x0f0f0f00.
drvs=$(for p in $PHYS; do
	basename "$(readlink $BUS/devices/$p/driver)"
done | sort -u)
[ "$drvs" = "rsmacsec sample MACsec PHY" ]
check "neither VSC8584 driver binds, the sample driver of 0x0f0f0f00 does ($drvs)"

misuse_clean
check "the sample driver left no misuse ($(misuse_total))"

# phylib turns a PHY's interrupt into polling for good when a driver without
# interrupt support binds, as ours does for now: give the C driver fresh PHYs.
rmmod vsc8584_sim && rmmod vsc8584_rust && insmod $M/vsc8584_sim.ko
check "the simulator again, as a VSC8584, with only the upstream C driver (mscc) loaded"

n=0
for p in $PHYS; do
	d=$(basename "$(readlink $BUS/devices/$p/driver)")
	[ "$d" = "Microsemi GE VSC8584 SyncE" ] && n=$((n + 1))
done
[ $n -eq 4 ]
check "the C driver probes all 4 simulated PHYs (bound: $n)"

# An MDIO error fails the C driver's PHY initialisation as a broken bus would:
# the very next access (the soft reset's BMCR read) returns -EIO.
echo "1 1 io" >$D/fail_access
out=$(ip link set vsim0 up 2>&1)
rc=$?
[ $rc -ne 0 ] && echo "$out" | grep -q "Input/output error" &&
	[ "$(cat /sys/class/net/vsim0/flags)" = 0x1002 ]
check "an injected MDIO error fails bringing the port up with EIO, the port stays down (rc=$rc: $out)"

a0=$(mdio)
ip link set vsim0 up && ip link set vsim1 up
a1=$(mdio)
check "both ports go up: the C driver's config_init (8051 firmware, MACsec block) succeeds ($((a1 - a0)) MDIO accesses)"

carrier vsim0 && carrier vsim1
check "the link comes up on both ends"

irqs=$(awk '/vsc8584-sim:08/ { for (i = 2; $i ~ /^[0-9]+$/; i++) s += $i; print s }' /proc/interrupts)
[ "${irqs:-0}" -gt 0 ]
check "the link change reached phylib as an interrupt of the PHY (${irqs:-no} interrupts)"

ip netns add peer && ip link set vsim1 netns peer &&
	ip addr add 192.0.2.1/24 dev vsim0 &&
	ip -n peer addr add 192.0.2.2/24 dev vsim1 && ip -n peer link set vsim1 up &&
	ip netns exec peer ip link set lo up
check "port 1 moves into its own network namespace"

ip -n peer link show vsim1 >/dev/null && carrier_peer=$(ip netns exec peer cat /sys/class/net/vsim1/carrier)
ping -c 2 -W 5 192.0.2.2 >/dev/null
check "the wire carries IP between the two ports (carrier $carrier_peer)"

# The capture goes to the host, which checks it on its own (scripts/wire_check.py).
echo "RSMACSEC-FILE-BEGIN wire-plain.pcap"
base64 $D/wire.pcap
rc=$?
echo "RSMACSEC-FILE-END wire-plain.pcap"
[ $rc -eq 0 ]
check "the tap on the wire serves a pcap file"

peer_mac=$(ip -n peer link show vsim1 | awk '/link\/ether/ { print $2 }')
ip link add link vsim0 ms0 type macsec port 1 encrypt on offload phy
check "ip link add ... type macsec offload phy: the C driver offloads a SecY to the simulator"

a0=$(mdio)
ip macsec add ms0 tx sa 0 pn 1 on key 01 $KEY0
a1=$(mdio)
check "TX SA 0 offloaded (C driver add_txsa, $((a1 - a0)) MDIO accesses)"

ip macsec add ms0 rx port 1 address $peer_mac &&
	ip macsec add ms0 rx port 1 address $peer_mac sa 0 pn 1 on key 02 $KEY1
check "RX SC and RX SA 0 offloaded (C driver add_rxsc, add_rxsa)"

ip macsec show ms0 | grep -q 'offload: phy'
check "ip macsec show reports offload: phy"

ip link set ms0 up && ip link set ms0 down && ip link del ms0
check "the offloaded SecY goes up, down and away (dev_open, dev_stop, del_secy)"

misuse_clean
check "the C driver's programming left no misuse in debugfs ($(misuse_total))"

# Misuse on purpose: reserved bits 15:8 of an egress flow control word.
echo "0 egress 1c05 ff03" >$D/macsec_write && misuse_total | grep -qx "total 1" &&
	grep -qx "phy0 egress reserved-bits addr=0x1c05 value=0x0000ff03 detail=0x0000ff00 count=1" \
		$D/misuse
check "reserved bits written on purpose are listed in debugfs misuse ($(misuse_total))"

echo clear >$D/misuse && misuse_clean
check "debugfs misuse clears once the test has checked it ($(misuse_total))"

grep -qx "intr_clear=w0c (w0c|w1c)" $D/variants && echo intr_clear=w1c >$D/variants &&
	grep -qx "intr_clear=w1c (w0c|w1c)" $D/variants &&
	! echo intr_clear=w2c 2>/dev/null >$D/variants && echo intr_clear=w0c >$D/variants
check "debugfs variants lists the behaviours MESA leaves open and selects one"

ip -n peer link set vsim1 netns 1 && ip netns del peer &&
	ip link set vsim0 down && ip link set vsim1 down &&
	rmmod mscc && rmmod vsc8584_sim && [ ! -d $BUS/devices/vsc8584-sim:08 ] &&
	insmod $M/vsc8584_rust.ko
check "the ports go down, mscc and vsc8584_sim unload, the bus is gone, vsc8584_rust is back"
finish
