#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# What our driver refuses, and how: each refused configuration fails with its
# error number and the driver's message (the netlink extack, which ip prints
# as "Error: ..."; nlerrno.so shows the errno next to it), and leaves the
# hardware (every register and counter of the simulated PHYs) and the
# kernel's view (`ip macsec show`, `ip -d link show`) exactly as before.
# A refusal decided on the driver's shadow costs no MDIO access at all.
# Then the same for requests the hardware fails halfway (an MDIO access
# made to fail): the driver undoes what it wrote.
. /tests/tap.sh
plan 36
M=/lib/modules/rsmacsec
D=/sys/kernel/debug/vsc8584_sim
K=00112233445566778899aabbccddeeff
H1=02:00:00:00:00:02
A0=02:00:00:00:07:00
A1=02:00:00:00:07:01
A9=02:00:00:00:07:09

EINVAL="Invalid argument"
ENOSPC="No space left on device"
EOPNOTSUPP="Operation not supported"
EEXIST="File exists"
EIO="Input/output error"

# What must not change: every register and counter of the PHY of port 0
# (phy0, the one every SecY here is offloaded to), and what the kernel shows
# of its devices and SecYs.
state() {
	for f in $D/phy0/*; do
		echo "== $f"
		cat $f
	done
	ip macsec show
	ip -d link show
}

# refused ERRNO MESSAGE IP-ARGS...: `ip IP-ARGS` fails with ERRNO and prints
# "Error: MESSAGE." (MESSAGE "-": none, a request without extack), nothing
# changes; with REFUSED_ACCESSES set (the default 0), it costs that many MDIO
# accesses, "any" for any number. REFUSED_FAULT, if set, is written to
# fail_access just before the request (reading the register dumps would
# take the fault otherwise) and disarmed after it.
refused() {
	_errno=$1 _msg=$2
	shift 2
	state >/tmp/before
	_a=$(cat $D/accesses)
	[ -z "$REFUSED_FAULT" ] || echo "$REFUSED_FAULT" >$D/fail_access
	LD_PRELOAD=/lib/nlerrno.so /sbin/ip "$@" >/tmp/refused.out 2>&1
	_rc=$?
	[ -z "$REFUSED_FAULT" ] || echo "0 0 io" >$D/fail_access
	_b=$(cat $D/accesses)
	state >/tmp/after
	n=$((_b - _a))
	sed 's/^/# /' /tmp/refused.out
	echo "# MDIO accesses: $n"
	[ $_rc != 0 ] || { echo "# the request succeeded"; return 1; }
	grep -qxF "errno: $_errno" /tmp/refused.out || { echo "# errno is not: $_errno"; return 1; }
	if [ "$_msg" != - ]; then
		grep -qxF "Error: $_msg." /tmp/refused.out || { echo "# message is not: $_msg"; return 1; }
	fi
	cmp -s /tmp/before /tmp/after || { diff /tmp/before /tmp/after | head -n 20 | sed 's/^/# /'; return 1; }
	[ "${REFUSED_ACCESSES:-0}" = any ] || [ $n = "${REFUSED_ACCESSES:-0}" ] ||
		{ echo "# want ${REFUSED_ACCESSES:-0} MDIO accesses"; return 1; }
}

# secy NAME ADDRESS [ARGS...]: an offloaded SecY on port 0, port 1.
secy() {
	_n=$1 _addr=$2
	shift 2
	ip link add link vsim0 $_n address $_addr type macsec port 1 "$@" offload phy
}
# txsas SECY AN...: transmit SAs of SecY SECY.
txsas() {
	_y=$1
	shift
	for _an in "$@"; do
		ip macsec add $_y tx sa $_an pn 1 on key 0$_an $K || return 1
	done
}
# rxsas SECY PORT ADDRESS AN...: receive SAs of channel (ADDRESS, PORT).
rxsas() {
	_y=$1 _p=$2 _addr=$3
	shift 3
	for _an in "$@"; do
		ip macsec add $_y rx port $_p address $_addr sa $_an pn 1 on key 1$_an $K || return 1
	done
}
# secys FIRST LAST: offloaded SecYs tFIRST..tLAST, each with its address.
secys() {
	for _i in $(seq $1 $2); do
		secy t$_i 02:00:00:00:08:0$_i || return 1
	done
}
unsecys() {
	for _i in $(seq $1 $2); do
		ip link del t$_i || return 1
	done
}

grep -q '^vsc8584_rust ' /proc/modules && ! grep -q '^mscc ' /proc/modules &&
	insmod $M/vsc8584_sim.ko && ip link set vsim0 up && ip link set vsim1 up &&
	carrier vsim0
check "our driver on the simulated package, the ports up"

secy ms0 $A0 && txsas ms0 0 && ip macsec add ms0 rx port 1 address $H1 &&
	rxsas ms0 1 $H1 0 && ip link set ms0 up &&
	secy ms1 $A1 && ip link set ms1 up
check "SecY ms0 (TX SA 0, RX SC and SA 0, up) and SecY ms1 offloaded"

# --- the SecY's settings ---------------------------------------------------
refused "$EOPNOTSUPP" "the PHY only makes 16-octet ICVs" \
	link add link vsim0 r0 address $A9 type macsec port 1 icvlen 8 offload phy
check "refused: a SecY with an 8-octet ICV"

refused "$EOPNOTSUPP" "the PHY only makes 16-octet ICVs" \
	link add link vsim0 r0 address $A9 type macsec port 1 cipher gcm-aes-xpn-256 icvlen 12 offload phy
check "refused: an XPN-256 SecY with a 12-octet ICV"

refused "$EINVAL" "the SecY's MAC address must be unicast and not zero" \
	link add link vsim0 r0 address 03:00:00:00:00:01 type macsec port 1 offload phy
check "refused: a SecY with a multicast address"

refused "$EINVAL" "another SecY on this PHY has this MAC address: the PHY tells SecYs apart by address" \
	link add link vsim0 r0 address $A0 type macsec port 2 offload phy
check "refused: a SecY with the address of another SecY of the PHY"

# Linux lets ES or SCB join an SCI that the SecY sends (its default, or set
# before); 802.1AE 9.5 does not: the engine would build SecTAGs no receiver
# takes.
refused "$EINVAL" "a SecTAG with ES set carries no SCI" \
	link add link vsim0 r0 address $A9 type macsec port 1 end_station on offload phy
check "refused: a SecY with ES set that sends its SCI"

refused "$EINVAL" "a SecTAG with SCB set carries no SCI" \
	link add link vsim0 r0 address $A9 type macsec port 1 scb on offload phy
check "refused: a SecY with SCB set that sends its SCI"

refused "$EINVAL" "a SecTAG with SCB set carries no SCI" link set ms0 type macsec scb on
check "refused: SCB set on a SecY that sends its SCI (changelink)"

ip link add link vsim0 r0 address $A9 type macsec port 1 send_sci off end_station on offload phy &&
	refused "$EINVAL" "a SecTAG with ES set carries no SCI" link set r0 type macsec send_sci on &&
	ip link del r0
check "refused: sending the SCI on a SecY with ES set (changelink)"

# Software SecYs asked to move to the PHY (macsec_update_offload).
ip link add link vsim0 sw0 address $A9 type macsec port 3 icvlen 8 &&
	ip link add link vsim0 sw1 address $A0 type macsec port 4 &&
	ip link add link vsim0 sw2 address 03:00:00:00:00:02 type macsec port 5
check "software SecYs sw0 (8-octet ICV), sw1 (the address of ms0), sw2 (a multicast address)"

refused "$EOPNOTSUPP" "the PHY only makes 16-octet ICVs" link set sw0 type macsec offload phy
check "refused: offloading a software SecY with an 8-octet ICV"

refused "$EINVAL" "another SecY on this PHY has this MAC address: the PHY tells SecYs apart by address" \
	link set sw1 type macsec offload phy
check "refused: offloading a software SecY with the address of an offloaded one"

refused "$EINVAL" "the SecY's MAC address must be unicast and not zero" \
	link set sw2 type macsec offload phy
check "refused: offloading a software SecY with a multicast address"

# An address change has no extack (ndo_set_mac_address): the driver logs why.
refused "$EINVAL" - link set ms1 address $A0 &&
	dmesg | tail -n 3 | grep -qF "MACsec: refused: another SecY on this PHY has this MAC address"
check "refused: a new address of ms1 that ms0 has (the reason in the kernel log)"

# --- tables ----------------------------------------------------------------
secys 2 7
check "SecYs t2-t7: 8 on the PHY"

refused "$ENOSPC" "the PHY offloads at most 8 SecYs" \
	link add link vsim0 r0 address $A9 type macsec port 1 offload phy
check "refused: a ninth SecY"

ip link del sw0 && ip link add link vsim0 sw0 address $A9 type macsec port 3
check "software SecY sw0 again, with a 16-octet ICV"

refused "$ENOSPC" "the PHY offloads at most 8 SecYs" link set sw0 type macsec offload phy
check "refused: offloading a ninth SecY"

unsecys 2 7 && for p in $(seq 2 16); do
	ip macsec add ms0 rx port $p address $H1 || break
done
check "SecYs t2-t7 deleted; receive channels of ports 2-16 on ms0: 16 on the PHY"

refused "$ENOSPC" "the PHY offloads at most 16 receive channels" macsec add ms1 rx port 17 address $H1
check "refused: a seventeenth receive channel"

for p in $(seq 3 16); do
	ip macsec del ms0 rx port $p address $H1 || break
done
check "receive channels of ports 3-16 deleted"

# --- flows -----------------------------------------------------------------
# Ingress, 16 flows: a guard per SecY, an entry per receive SA, and on a PHY
# with several channels one more for each SA of a port-1 channel (SecTAGs
# without SCI). Now: 2 guards, SA 0 of (H1, 1) and its second entry = 4;
# SAs 0-3 of (H1, 2) = 8; SecYs t2-t6 = 13; SAs 0 and 1 of (A9, 2) on ms1 = 15.
rxsas ms0 2 $H1 0 1 2 3 && secys 2 6 && ip macsec add ms1 rx port 2 address $A9 &&
	rxsas ms1 2 $A9 0 1
check "ingress: 15 of 16 flows in use"

refused "$ENOSPC" "no ingress SAM flow left for the receive SA" \
	macsec add ms0 rx port 1 address $H1 sa 1 pn 1 on key 11 $K
check "refused: a receive SA of a port-1 channel, which needs two flows, with one left"

rxsas ms1 2 $A9 2
check "ingress: 16 of 16 flows in use"

refused "$ENOSPC" "no ingress SAM flow left for the receive SA" \
	macsec add ms1 rx port 2 address $A9 sa 3 pn 1 on key 13 $K
check "refused: a receive SA with no ingress flow left"

refused "$ENOSPC" "no SAM flow left for the SecY (16 per direction)" \
	link add link vsim0 r0 address 02:00:00:00:08:07 type macsec port 1 offload phy
check "refused: a SecY with no ingress flow left"

# Egress, 16 flows: a guard per SecY and an entry per transmit SA. With
# SecYs ms0 (SA 0), ms1, t2, t3 = 5; SAs 0-3 of ms1 and t2, 0-2 of t3 = 16.
unsecys 3 6 && ip macsec del ms1 rx port 2 address $A9 && secys 3 3 &&
	txsas ms1 0 1 2 3 && txsas t2 0 1 2 3 && txsas t3 0 1 2
check "egress: 16 of 16 flows in use (ms0, ms1, t2, t3)"

refused "$ENOSPC" "no egress SAM flow left for the transmit SA" \
	macsec add t3 tx sa 3 pn 1 on key 03 $K
check "refused: a transmit SA with no egress flow left"

refused "$ENOSPC" "no SAM flow left for the SecY (16 per direction)" \
	link add link vsim0 r0 address 02:00:00:00:08:07 type macsec port 1 offload phy
check "refused: a SecY with no egress flow left"

ip link add link vsim0 r0 address 02:00:00:00:08:07 type macsec port 1 &&
	refused "$ENOSPC" "no SAM flow left for the SecY (16 per direction)" \
		link set r0 type macsec offload phy && ip link del r0
check "refused: offloading a software SecY with no egress flow left"

# --- requests the hardware fails halfway -----------------------------------
# The driver undoes what it wrote; the request fails with the MDIO error.
REFUSED_ACCESSES=any
REFUSED_FAULT="20 1 io"
refused "$EIO" "the PHY did not answer; nothing was changed" link set ms0 type macsec encrypt on
check "an MDIO error halfway through a changelink: undone, EIO"

REFUSED_FAULT="30 1 io"
ip macsec set ms1 tx sa 3 off && ip macsec del ms1 tx sa 3 &&
	refused "$EIO" "the PHY did not answer; nothing was changed" \
		macsec add ms0 tx sa 1 pn 1 on key 01 $K
check "an MDIO error halfway through adding a transmit SA: undone, EIO"

REFUSED_FAULT="50 1 io"
ip macsec set t3 tx sa 1 off &&
	refused "$EIO" "the PHY did not answer; nothing was changed" macsec del t3 tx sa 1
check "an MDIO error halfway through deleting a transmit SA: undone, EIO"
REFUSED_ACCESSES= REFUSED_FAULT=

ip link del sw0 && ip link del sw1 && ip link del sw2 && unsecys 2 3 && ip link del ms1 && ip link del ms0 &&
	ip link set vsim0 down && misuse_clean
check "everything deleted; no misuse of the simulated hardware ($(misuse_total))"

rmmod vsc8584_sim
check "the simulator unloads"
finish
