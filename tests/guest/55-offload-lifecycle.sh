#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Our driver's MACsec state across the PHY's life (mscc.ko is not loaded):
# the bypass_ethertypes module parameter (taken, refused, programmed into
# both engines' control packet classifiers), an offloaded SecY across a
# down/up of its parent (the MAC disconnects the PHY, config_init runs again
# and restores the engines: packet numbers go on, counters accumulate), a
# SecY deleted or stopped while the PHY was detached (the MACsec core does
# not tell the driver: it asks the core when the PHY is attached again), and
# the driver unbound and bound again, with a SecY offloaded (the core stops
# it: nothing in clear) and without.
. /tests/tap.sh
plan 20
M=/lib/modules/rsmacsec
D=/sys/kernel/debug/vsc8584_sim
BUS=/sys/bus/mdio_bus
DRV="$BUS/drivers/Microchip VSC8584 (rsmacsec)"
P=/sys/module/vsc8584_rust/parameters/bypass_ethertypes
IP0=198.51.100.1
IP1=198.51.100.2
K0=3f0c5e8a1d2b4c6e7f8091a2b3c4d5e6
K1=c6d5e4b3a291807f6e4c2b1d8a5e0c3f
# The SecY's own address: the parent's plain frames stay plain.
MS0=02:00:5e:10:00:01

# Three pings each way, all answered.
both_ways() { pings 3 $IP1 && pings 3 $IP0 peer; }
secy0() {
	ip link add link vsim0 ms0 address $MS0 type macsec port 1 encrypt on offload phy &&
		ip macsec add ms0 tx sa 0 pn 1 on key 00 $K0 &&
		ip macsec add ms0 rx port 1 address $mac1 &&
		ip macsec add ms0 rx port 1 address $mac1 sa 0 pn 1 on key 01 $K1 &&
		ip addr add $IP0/24 dev ms0 && ip link set ms0 up &&
		ip neigh add $IP1 lladdr $mac1 dev ms0 nud permanent
}

# --- The module parameter ---
grep -q '^vsc8584_rust ' /proc/modules && [ -z "$(cat $P)" ]
check "bypass_ethertypes is empty by default (EAPOL only)"

rmmod vsc8584_rust && ! insmod $M/vsc8584_rust.ko bypass_ethertypes=1536,2,3,4,5,6,7,8 2>/dev/null &&
	! grep -q '^vsc8584_rust ' /proc/modules
check "8 bypass EtherTypes besides EAPOL: the module does not load"

dmesg -c >/dev/null
insmod $M/vsc8584_rust.ko bypass_ethertypes=0x8100 && insmod $M/vsc8584_sim.ko &&
	[ ! -e $BUS/devices/vsc8584-sim:08/driver ] &&
	dmesg | grep -q 'PHY 8: module parameter bypass_ethertypes: not a control EtherType'
check "a VLAN tag as bypass EtherType: the driver refuses the PHYs and says why"

rmmod vsc8584_sim && rmmod vsc8584_rust &&
	insmod $M/vsc8584_rust.ko bypass_ethertypes=0x88cc,0x8809 && [ "$(cat $P)" = "35020,34825" ]
check "bypass_ethertypes=0x88cc,0x8809 is taken ($(cat $P))"

insmod $M/vsc8584_sim.ko && ip netns add peer && ip link set vsim1 netns peer &&
	ip link set vsim0 up && ip -n peer link set vsim1 up &&
	carrier vsim0 && carrier vsim1 "ip netns exec peer"
check "the ports come up, port 1 in namespace peer"

# Rules 0-2 of the classifier (EAPOL, LLDP, LACP), EtherType byte-swapped in
# bits 31:16; rules 0-2 enabled (bits 10:8 of 0x1e3f).
for e in ingress egress; do
	grep -q '^0x1e01 0x8e880000$' $D/phy0/$e.regs && grep -q '^0x1e03 0xcc880000$' $D/phy0/$e.regs &&
		grep -q '^0x1e05 0x09880000$' $D/phy0/$e.regs && grep -q '^0x1e3f 0x00000700$' $D/phy0/$e.regs
	check "the $e engine's control packet classifier passes EAPOL, LLDP and LACP"
done

# --- Down and up with an offloaded SecY ---
mac0=$(cat /sys/class/net/vsim0/address)
mac1=$(ip netns exec peer cat /sys/class/net/vsim1/address)
secy0 &&
	ip -n peer link add link vsim1 ms1 type macsec port 1 encrypt on &&
	ip -n peer macsec add ms1 tx sa 0 pn 1 on key 01 $K1 &&
	ip -n peer macsec add ms1 rx port 1 address $MS0 &&
	ip -n peer macsec add ms1 rx port 1 address $MS0 sa 0 pn 1 on key 00 $K0 &&
	ip -n peer addr add $IP1/24 dev ms1 && ip -n peer link set ms1 up &&
	ip -n peer neigh add $IP0 lladdr $MS0 dev ms1 nud permanent &&
	both_ways && [ "$(sa_pn "" ms0 tx 0) $(sa_stat "" ms0 tx 0 OutPktsEncrypted)" = "7 6" ]
check "an offloaded SecY with its own address talks to the software peer (TX PN 7, 6 frames)"

ip link set vsim0 down && ip link set vsim0 up && carrier vsim0 && both_ways &&
	got="$(sa_pn "" ms0 tx 0) $(sa_stat "" ms0 tx 0 OutPktsEncrypted) $(sa_stat "" ms0 rx 0 InPktsOK)" &&
	[ "$got" = "13 12 12" ]
check "down and up (config_init again): the PN goes on and the counters accumulate ($got)"

# --- A SecY deleted while the PHY is detached ---
# The MAC disconnects the PHY when it goes down: the MACsec core finds no
# PHY and frees the SecY without calling the driver.
ip link set vsim0 down && ip link del ms0 && ip link set vsim0 up && carrier vsim0 &&
	secy0 && both_ways && [ "$(sa_pn "" ms0 tx 0)" = 7 ]
check "a SecY deleted while the port was down can be made again, and it works"

# --- A SecY stopped while the PHY is detached ---
# The engines' registers with the SecY stopped the ordinary way, then with
# it stopped while the PHY was detached, once the PHY is back: the same.
# Not compared: the counters (0x2000-0x31ff: per SA, per VLAN, global; init
# reads them into the driver's totals, which clears them) and the status
# bits 15:0 of INTR_CTRL_STATUS (0x3d04; init acknowledges them).
regs() {
	cat $D/phy0/ingress.regs $D/phy0/egress.regs |
		sed -e '/^0x2... /d' -e '/^0x3[01].. /d' -e 's/^\(0x3d04 0x....\)..../\1/' >$1
}
ip link set ms0 down && regs /tmp/stopped &&
	ip link set ms0 up && ip link set vsim0 down && ip link set ms0 down &&
	ip link set vsim0 up && carrier vsim0 &&
	regs /tmp/stopped-detached &&
	{ cmp -s /tmp/stopped /tmp/stopped-detached ||
		{ diff /tmp/stopped /tmp/stopped-detached | grep "^[-+]0x" | sed 's/^/# /'; false; }; } &&
	ip link set ms0 up && both_ways
check "a SecY stopped while the port was down is stopped in the PHY when it comes back"

# --- Unbound and bound again ---
# Only while the PHY is detached: phylib cannot stop a port whose PHY has an
# interrupt and lost its driver (phy_disconnect() calls into the NULL
# driver), and a PHY bound again while attached is never started.
#
# First with ms0 offloaded: the new binding resets the engines and has none
# of ms0's keys, so the core must neither hand ms0's frames to the PHY (they
# would leave in clear) nor deliver frames addressed to ms0 (no hardware
# checked them). The driver has the core stop ms0 when the PHY is attached.
ctr() { ${3:+ip netns exec $3} cat /sys/class/net/$1/statistics/$2; }
dmesg -c >/dev/null
ip link set vsim0 down && echo vsc8584-sim:08 >"$DRV/unbind" && echo vsc8584-sim:08 >"$DRV/bind" &&
	ip link set vsim0 up && carrier vsim0 &&
	dmesg | grep -q 'ms0: its PHY.s driver does not have it: dropping its frames until it is deleted' &&
	dmesg | grep -q 'PHY 8: 1 MACsec device(s) offloaded before this driver was bound'
check "bound again with ms0 offloaded: the driver has the core stop ms0, and both say so"

# In clear, the requests would even be answered: the peer takes them on
# vsim1 for ms1's address, and answers through ms1.
dropped=$(ctr ms0 tx_dropped) wire=$(ctr vsim1 rx_packets peer)
answered=no
pings 3 $IP1 && answered=yes
got="answered $answered, dropped $(($(ctr ms0 tx_dropped) - dropped)), on the wire $(($(ctr vsim1 rx_packets peer) - wire))"
[ "$got" = "answered no, dropped 3, on the wire 0" ]
check "ms0's frames are dropped, none reaches the wire ($got)"

received=$(ctr ms0 rx_packets)
answered=no
pings 3 $IP0 peer && answered=yes
got="answered $answered, received $(($(ctr ms0 rx_packets) - received))"
[ "$got" = "answered no, received 0" ]
check "the peer's frames to ms0 are not delivered to it, nor decrypted in software ($got)"

! ip macsec add ms0 tx sa 1 pn 1 on key 02 $K0 2>/dev/null && ip link del ms0
check "ms0 takes no new SA, and can be deleted"

# An orphaned SecY without channels or SAs may go back to software.
ip link add link vsim0 ms2 address 02:00:5e:10:00:02 type macsec port 2 offload phy &&
	ip link set vsim0 down && echo vsc8584-sim:08 >"$DRV/unbind" && echo vsc8584-sim:08 >"$DRV/bind" &&
	ip link set vsim0 up && carrier vsim0 && ! ip link set ms2 up 2>/dev/null &&
	ip macsec offload ms2 off && ip link set ms2 up && ip macsec show ms2 | grep -q 'offload: off' &&
	ip link del ms2
check "an orphaned SecY without SAs does not come up, moves to software, then does"

# Then detached without a SecY.
ip link set vsim0 down && echo vsc8584-sim:08 >"$DRV/unbind" &&
	[ ! -e $BUS/devices/vsc8584-sim:08/driver ] && echo vsc8584-sim:08 >"$DRV/bind" &&
	[ -e $BUS/devices/vsc8584-sim:08/driver ]
check "the driver unbinds from the detached PHY, its state freed, and binds again"

ip link set vsim0 up && carrier vsim0 && secy0 && both_ways && [ "$(sa_pn "" ms0 tx 0)" = 7 ]
check "bound again: a new offloaded SecY works"

ip link del ms0 && ip -n peer link del ms1 &&
	ip -n peer link set vsim1 netns 1 && ip netns del peer &&
	ip link set vsim0 down && ip link set vsim1 down && misuse_clean &&
	rmmod vsc8584_sim && rmmod vsc8584_rust && insmod $M/vsc8584_rust.ko
check "tear down; no misuse of the simulated hardware; the driver loaded again without parameters"

dmesg | grep -i 'kasan\|bug:\|leak\|lockdep\|warning:' >/tmp/bad
[ ! -s /tmp/bad ]
check "no KASAN, lockdep or other warning in the log ($(head -c 200 /tmp/bad))"
finish
