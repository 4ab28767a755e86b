#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The defects of the upstream C driver's MACsec offload
# (research/anchors-macsec.md 1.8), each turned into a check that our Rust
# driver passes and the C driver fails. Port 0 offloads SecY ms0 (an address
# of its own) to the simulated PHY, port 1 (namespace peer) runs the kernel's
# software MACsec: ms1 and, for a second channel, ms2.
#
#  1. changelinks (encrypt, encodingsa) keep the SAs, their PNs and traffic
#     (C driver: upd_secy deletes every flow);
#  2. the TX SA of AN 1 sends AN 1 (C driver: the AN of the encoding SA at
#     creation), also checked on the wire by the host;
#  3. two RX SCs with the same AN are independent (C driver: SAs are found by
#     AN alone, an RX SC cannot be turned off);
#  4. a peer sending no SCI (plain, ES, SCB) is received, with one or two
#     RX SCs (C driver: only SecTAGs with an SCI match);
#  5. the parent's plain traffic stays plain (C driver: every frame is
#     protected);
#  6. EAPOL passes both ways while ms0 is down and up (C driver: dev_stop
#     disables the EAPOL bypass too, the strict default drops it);
#  7. update_pn is applied by the hardware, TX and RX (C driver: EINVAL);
#  8. a new address of ms0 keeps traffic, and so does a VLAN on ms0;
#  9. the per-SA counters of `ip -s macsec show` are exact throughout.
# Then what each MACsec operation costs on the MDIO bus (TAP diagnostics
# "# mdio <operation>: N"), each below a bound.
#
# DEFECTS_DRIVER=mscc runs the same checks with the C driver (mscc.ko):
# 65-offload-defects-mscc.sh does, and proves which of them it fails.
# The captures of the wire go to the host (scripts/wire_defects.py).
. /tests/tap.sh
plan 77
M=/lib/modules/rsmacsec
D=/sys/kernel/debug/vsc8584_sim
DRIVER=${DEFECTS_DRIVER:-rust}
# The SAKs: ms0 sends with KEY0 on AN 0 and KEY0B on AN 1, ms1 with KEY1,
# ms2 with KEY2. The host check reads them from here.
KEY0=6b1f3c5a7e9d0b2c4f6e8a1d3c5b7a90
KEY0B=0f1e2d3c4b5a69788796a5b4c3d2e1f0
KEY1=a1b2c3d4e5f60718293a4b5c6d7e8f90
KEY2=5e4d3c2b1a0f9e8d7c6b5a4938271605
# Fixed addresses, so that the host check knows who sent what: the ports,
# ms0 (and the address it changes to), the peer's second SecY ms2.
H0=02:00:00:00:00:01
H1=02:00:00:00:00:02
A0=02:00:00:00:00:10
A0NEW=02:00:00:00:00:11
A2=02:00:00:00:00:21
SCI0=0200000000100001
SCI1=0200000000020001
SCI2=0200000000210002
IP0=198.51.100.1
IP1=198.51.100.2
P0=192.0.2.1
P1=192.0.2.2
V0=203.0.113.1
V1=203.0.113.2
# Local experimental EtherTypes for one-way frames (rawframe).
ETYPE=88b5
ETYPE2=88b6

mdio() { cat $D/accesses; }

# "name=value" lines of `ip -s macsec show $1` (in namespace $2): secy.X,
# txsc.X, txsa<AN>.X, rxsc<SCI>.X, rxsa<SCI>.<AN>.X, and for each SA its
# .PN and .state.
stats() {
	ip ${2:+-n $2} -s macsec show $1 | awk '
		/TXSC:/ { sec = "secy"; sc = "" }
		/RXSC:/ { sc = $2; sub(/,$/, "", sc); sec = "rxsc" sc }
		/^ +[0-3]: PN/ {
			an = $1; sub(/:/, "", an)
			sec = (sc == "") ? "txsa" an : "rxsa" sc "." an
			pn = $3; sub(/,/, "", pn); st = $5; sub(/,/, "", st)
			print sec ".PN=" pn
			print sec ".state=" st
		}
		/stats:/ {
			n = split($0, names)
			getline
			split($0, vals)
			for (i = 2; i <= n; i++)
				print sec "." names[i] "=" vals[i - 1]
			# The SecY counters come first, then those of the TX SC.
			if (sec == "secy")
				sec = "txsc"
		}'
}

# The values of the counters $3... of `stats $1 $2`, space separated.
values() {
	_s=$(stats $1 $2)
	shift 2
	for _k in "$@"; do
		_v=$(echo "$_s" | sed -n "s/^$_k=//p")
		printf '%s ' "${_v:-?}"
	done
}

# expect WANT DEV NS COUNTER...: the counters are WANT (space separated);
# prints them as a diagnostic when they are not.
expect() {
	_want=$1
	shift
	got=$(values "$@")
	got=${got% }
	[ "$got" = "$_want" ] && return 0
	echo "# got \"$got\", want \"$_want\" ($*)"
	return 1
}

# Polls (bounded, 10 s) until counter $3 of `stats $1 $2` is $4.
until_stat() { eventually stat_is "$@"; }
stat_is() { [ "$(values $1 "$2" $3)" = "$4 " ]; }

# recv NS IF COUNT [VID]: frames_recv of $RECV_TYPE; received waits for it.
recv() { frames_recv "$1" $2 $RECV_TYPE $3 $4; }
received() { frames_received; }
RECV_TYPE=$ETYPE

# Hands the capture of the wire to the host as wire-defects-$1.pcap, then
# clears it (only with our driver: the host checks those).
dump() {
	if [ "$DRIVER" = rust ]; then
		echo "RSMACSEC-FILE-BEGIN wire-defects-$1.pcap"
		base64 $D/wire.pcap
		echo "RSMACSEC-FILE-END wire-defects-$1.pcap"
	fi
	echo clear >$D/wire.pcap
}

if [ "$DRIVER" = mscc ]; then
	rmmod vsc8584_rust && insmod $M/mscc.ko && insmod $M/vsc8584_sim.ko
else
	grep -q '^vsc8584_rust ' /proc/modules && ! grep -q '^mscc ' /proc/modules &&
		insmod $M/vsc8584_sim.ko
fi
check "$DRIVER: the driver binds to the simulated package"

ip link set vsim0 address $H0 && ip link set vsim1 address $H1 &&
	ip netns add peer && ip link set vsim1 netns peer &&
	ip link set vsim0 up && ip -n peer link set vsim1 up &&
	carrier vsim0 && carrier vsim1 "ip netns exec peer"
check "port 1 in its own namespace, both links up"

# fresh: a new pair of SecYs for a section, so that what a driver got wrong in
# one section does not fail the next. ms0 has TX SAs on AN 0 (PN 1) and AN 1
# (PN 1000), encoding SA 0, and an RX SC for ms1; ms1 receives both of ms0's
# SAs. Static neighbours: no ARP, every frame on the wire is one of ours.
fresh() {
	ip link del ms0 2>/dev/null
	ip -n peer link del ms1 2>/dev/null
	ip -n peer link del ms2 2>/dev/null
	echo clear >$D/wire.pcap
	ip link add link vsim0 ms0 address $A0 type macsec port 1 encrypt on offload phy &&
		ip macsec add ms0 tx sa 0 pn 1 on key 00 $KEY0 &&
		ip macsec add ms0 tx sa 1 pn 1000 on key 01 $KEY0B &&
		ip macsec add ms0 rx port 1 address $H1 &&
		ip macsec add ms0 rx port 1 address $H1 sa 0 pn 1 on key 10 $KEY1 &&
		ip addr add $IP0/24 dev ms0 && ip link set ms0 up &&
		ip neigh add $IP1 lladdr $H1 dev ms0 nud permanent &&
		ip -n peer link add link vsim1 ms1 type macsec port 1 encrypt on &&
		ip -n peer macsec add ms1 tx sa 0 pn 1 on key 10 $KEY1 &&
		ip -n peer macsec add ms1 rx port 1 address $A0 &&
		ip -n peer macsec add ms1 rx port 1 address $A0 sa 0 pn 1 on key 00 $KEY0 &&
		ip -n peer macsec add ms1 rx port 1 address $A0 sa 1 pn 1 on key 01 $KEY0B &&
		ip -n peer addr add $IP1/24 dev ms1 && ip -n peer link set ms1 up &&
		ip -n peer neigh add $IP0 lladdr $A0 dev ms1 nud permanent
}

# --- 1. changelinks keep the SAs and their PNs ---------------------------
fresh
check "1: ms0 offloaded with TX SAs on AN 0 and 1, ms1 in software receiving both"

pings 3 $IP1
check "1: ping before any changelink"

expect "3 4 3 3" ms0 "" txsa0.OutPktsEncrypted txsa0.PN rxsa$SCI1.0.InPktsOK rxsc$SCI1.InPktsOK &&
	expect "3" ms1 peer rxsa$SCI0.0.InPktsOK
check "1: TX SA 0 encrypted 3 (next PN 4), RX SA 0 took 3, the peer took 3 on AN 0"

ip link set ms0 type macsec encrypt off && pings 3 $IP1
check "1: encrypt off (changelink): ping still answered"

expect "3 3 7 1000" ms0 "" txsa0.OutPktsEncrypted txsa0.OutPktsProtected txsa0.PN txsa1.PN &&
	expect "6" ms1 peer rxsa$SCI0.0.InPktsOK
check "1: TX SA 0 kept its PN across encrypt off (7) and counted 3 protected, 3 encrypted"

ip link set ms0 type macsec encrypt on && pings 3 $IP1
check "1: encrypt on (changelink): ping still answered"

expect "6 3 10" ms0 "" txsa0.OutPktsEncrypted txsa0.OutPktsProtected txsa0.PN
check "1: TX SA 0 kept its PN (10) and counters across encrypt on"

# --- 2. the TX SA of AN 1 sends AN 1 -------------------------------------
echo clear >$D/wire.pcap
ip link set ms0 type macsec encodingsa 1 && pings 3 $IP1
check "2: encodingsa 1 (changelink): ping still answered"

# The peer finds its SA by the AN of the SecTAG: AN 1 with KEY0B, or nothing.
expect "3 1003 10" ms0 "" txsa1.OutPktsEncrypted txsa1.PN txsa0.PN &&
	expect "9 3 0" ms1 peer rxsa$SCI0.0.InPktsOK rxsa$SCI0.1.InPktsOK rxsa$SCI0.1.InPktsNotValid
check "2: TX SA 1 sent PNs 1000-1002, the peer took them on its SA of AN 1; TX SA 0 stays at PN 10"
dump an1

ip link set ms0 type macsec encodingsa 0 && pings 3 $IP1 &&
	expect "9 13 3 1003" ms0 "" txsa0.OutPktsEncrypted txsa0.PN txsa1.OutPktsEncrypted txsa1.PN
check "2: back to encodingsa 0: TX SA 0 goes on from PN 10, TX SA 1 keeps 1003"

# --- 3. two RX SCs with the same AN --------------------------------------
# ms2 cannot receive from ms0 (the kernel gives an SCI to one SecY per
# parent), so its traffic is one way: rawframe frames of EtherType $ETYPE2,
# ms1's of $ETYPE, counted on ms0.
fresh && ip -n peer link add link vsim1 ms2 address $A2 type macsec port 2 encrypt on &&
	ip -n peer macsec add ms2 tx sa 0 pn 1 on key 20 $KEY2 &&
	ip -n peer link set ms2 up &&
	ip macsec add ms0 rx port 2 address $A2 &&
	ip macsec add ms0 rx port 2 address $A2 sa 0 pn 1 on key 20 $KEY2
check "3: fresh SecYs, ms2 on the peer (port 2), a second RX SC on ms0 with an SA on AN 0 too"

# from_both N: N frames from ms2, then N from ms1 (in that order on the
# wire: once ms0 has ms1's, ms2's were handled).
from_both() {
	ip netns exec peer rawframe send ms2 $ETYPE2 $1 $A0 >/dev/null &&
		ip netns exec peer rawframe send ms1 $ETYPE $1 $A0 >/dev/null
}

RECV_TYPE=$ETYPE2
recv "" ms0 3 && ip netns exec peer rawframe send ms2 $ETYPE2 3 $A0 >/dev/null && received
check "3: ms0 receives 3 frames from ms2 (SC 2)"

RECV_TYPE=$ETYPE
recv "" ms0 3 && ip netns exec peer rawframe send ms1 $ETYPE 3 $A0 >/dev/null && received
check "3: ms0 receives 3 frames from ms1 (SC 1)"

expect "3 0 3" ms0 "" rxsa$SCI2.0.InPktsOK rxsa$SCI2.0.InPktsNotUsingSA rxsa$SCI1.0.InPktsOK
check "3: per SC: 3 OK on each"

recv "" ms0 3 && ip macsec set ms0 rx port 2 address $A2 off && from_both 3 && received &&
	expect "3 3 6 3" ms0 "" rxsa$SCI2.0.InPktsOK rxsa$SCI2.0.InPktsNotUsingSA \
		rxsa$SCI1.0.InPktsOK rxsc$SCI2.InPktsNotUsingSA
check "3: RX SC 2 off: its 3 frames dropped as not using SA, SC 1 takes its 3"

recv "" ms0 3 && ip macsec set ms0 rx port 2 address $A2 on &&
	ip macsec set ms0 rx port 2 address $A2 sa 0 off && from_both 3 && received &&
	expect "3 6 9" ms0 "" rxsa$SCI2.0.InPktsOK rxsa$SCI2.0.InPktsNotUsingSA rxsa$SCI1.0.InPktsOK
check "3: SC 2 on, its SA 0 off: SC 2 drops 3 more, SC 1's SA 0 (same AN) takes 3"

recv "" ms0 3 && ip macsec del ms0 rx port 2 address $A2 sa 0 && from_both 3 && received &&
	expect "3 6 12 on" ms0 "" rxsc$SCI2.InPktsOK rxsc$SCI2.InPktsNotUsingSA \
		rxsa$SCI1.0.InPktsOK rxsa$SCI1.0.state
check "3: SA 0 of SC 2 deleted: SC 1's SA 0 still in use and takes 3; SC 2 keeps its counts"

recv "" ms0 3 && ip macsec del ms0 rx port 2 address $A2 &&
	ip netns exec peer rawframe send ms1 $ETYPE 3 $A0 >/dev/null && received &&
	expect "15" ms0 "" rxsa$SCI1.0.InPktsOK && pings 1 $IP1
check "3: SC 2 deleted: SC 1 takes 3 more, ping answered"

# --- 4. peers that send no SCI -------------------------------------------
fresh
check "4: fresh SecYs"

before4=$(values ms0 "" secy.InPktsNoSCI secy.InPktsUnknownSCI)
before4=${before4% }
# nosci SETTINGS: ms1 sends with SETTINGS (a changelink of its own), three
# pings answered.
nosci() {
	ip -n peer link set ms1 type macsec $1 && pings 3 $IP1
}

nosci "send_sci off"
check "4: one RX SC, the peer sends no SCI: ping answered"

nosci "end_station on"
check "4: one RX SC, the peer sets ES: ping answered"

nosci "end_station off scb on"
check "4: one RX SC, the peer sets SCB: ping answered"

# A second RX SC: SecTAGs without an SCI from ms1's address and port 1.
ip macsec add ms0 rx port 2 address $A2 && nosci "scb off" && nosci "end_station on"
check "4: two RX SCs: SecTAGs without SCI, plain and ES, still reach SC 1"

expect "15 $before4" ms0 "" rxsa$SCI1.0.InPktsOK secy.InPktsNoSCI secy.InPktsUnknownSCI
check "4: the 15 replies without SCI counted on SC 1's SA 0, none counted without SC ($before4 before)"
dump nosci

# --- 5. the parent's traffic stays plain ---------------------------------
fresh && pings 3 $IP1
check "5: fresh SecYs, ping through ms0"

echo clear >$D/wire.pcap
ip addr add $P0/24 dev vsim0 && ip -n peer addr add $P1/24 dev vsim1 &&
	ip neigh add $P1 lladdr $H1 dev vsim0 nud permanent &&
	ip -n peer neigh add $P0 lladdr $H0 dev vsim1 nud permanent &&
	pings 3 $P1
check "5: plain IP on the parent ports answered while ms0 is up"

expect "3 3 0 0" ms0 "" txsa0.OutPktsEncrypted rxsa$SCI1.0.InPktsOK \
	secy.OutPktsUntagged secy.InPktsUntagged
check "5: none of it went through ms0 (its SAs counted the 3 pings through ms0 only)"
dump plain

ip addr del $P0/24 dev vsim0 && ip -n peer addr del $P1/24 dev vsim1
check "5: parent addresses removed"

# --- 6. EAPOL both ways, ms0 down and up ----------------------------------
fresh && ip link set ms0 down
check "6: fresh SecYs, ms0 down"

RECV_TYPE=888e
recv peer vsim1 3 && rawframe send vsim0 888e 3 >/dev/null && received
check "6: ms0 down: 3 EAPOL frames from port 0 reach port 1"

recv "" vsim0 3 && ip netns exec peer rawframe send vsim1 888e 3 >/dev/null && received
check "6: ms0 down: 3 EAPOL frames from port 1 reach port 0"

# (Down, ms0 lost its neighbours, the permanent one included: put it back.)
ip link set ms0 up && ip neigh replace $IP1 lladdr $H1 dev ms0 nud permanent
check "6: ms0 up"

recv peer vsim1 3 && rawframe send vsim0 888e 3 >/dev/null && received
check "6: ms0 up: 3 EAPOL frames from port 0 reach port 1"

recv "" vsim0 3 && ip netns exec peer rawframe send vsim1 888e 3 >/dev/null && received
check "6: ms0 up: 3 EAPOL frames from port 1 reach port 0"
RECV_TYPE=$ETYPE
dump eapol

pings 1 $IP1 && expect "1 1" ms0 "" txsa0.OutPktsEncrypted rxsa$SCI1.0.InPktsOK
check "6: ms0 up carries traffic"

# --- 7. update_pn --------------------------------------------------------
fresh && ip macsec set ms0 tx sa 0 pn 5000 && expect "5000 on" ms0 "" txsa0.PN txsa0.state
check "7: fresh SecYs, TX SA 0 set to PN 5000"

echo clear >$D/wire.pcap
pings 2 $IP1 && expect "5002" ms0 "" txsa0.PN && expect "5002" ms1 peer rxsa$SCI0.0.PN
check "7: the next 2 frames carry PNs 5000 and 5001 (the peer's next PN is 5002)"
dump pn

# With replay protection, a lowest PN above the peer's: its frames are late.
ip link set ms0 type macsec replay on window 0 &&
	ip macsec set ms0 rx port 1 address $H1 sa 0 pn 7000 &&
	expect "7000" ms0 "" rxsa$SCI1.0.PN
check "7: replay protection on, RX SA 0 set to PN 7000"

# The replies are lost: wait for their count, not for time.
ping -c 2 -i 0.2 -W 1 $IP1 >/dev/null
rc=$?
[ $rc != 0 ] && until_stat ms0 "" rxsc$SCI1.InPktsLate 2 &&
	expect "2 2" ms0 "" rxsc$SCI1.InPktsLate rxsa$SCI1.0.InPktsOK
check "7: the peer's 2 replies (PN below 7000) are dropped late"

ip -n peer macsec set ms1 tx sa 0 pn 7000 && pings 2 $IP1 &&
	expect "2 4 7002" ms0 "" rxsc$SCI1.InPktsLate rxsa$SCI1.0.InPktsOK rxsa$SCI1.0.PN
check "7: the peer sends from PN 7000: its replies are taken, RX SA 0 expects 7002"

# --- 8. a VLAN on ms0, a new address of ms0 --------------------------------
# VLAN 5 on top of each MACsec device: the tag travels inside the SecTAG.
fresh && ip link add link ms0 name ms0.5 type vlan id 5 &&
	ip addr add $V0/24 dev ms0.5 && ip link set ms0.5 up &&
	ip neigh add $V1 lladdr $H1 dev ms0.5 nud permanent &&
	ip -n peer link add link ms1 name ms1.5 type vlan id 5 &&
	ip -n peer addr add $V1/24 dev ms1.5 && ip -n peer link set ms1.5 up &&
	ip -n peer neigh add $V0 lladdr $A0 dev ms1.5 nud permanent
check "8: fresh SecYs, VLAN 5 on top of ms0 and of ms1"

pings 3 $V1
check "8: ping over the VLAN devices on top of ms0 and ms1"

expect "3 3" ms0 "" txsa0.OutPktsEncrypted rxsa$SCI1.0.InPktsOK
check "8: the tagged frames went through the SAs"
dump vlan

# Linux keeps the SCI when the address changes: the peer's RX SC stays; only
# the address the peer sends to changes (and ms0's neighbours are flushed).
ip link set ms0 address $A0NEW && [ "$(ip macsec show ms0 | awk '/TXSC:/ { print $2 }')" = $SCI0 ] &&
	ip neigh replace $IP1 lladdr $H1 dev ms0 nud permanent &&
	ip -n peer neigh replace $IP0 lladdr $A0NEW dev ms1 nud permanent
check "8: ms0's address changed, its SCI did not"

pings 3 $IP1 && expect "6 6" ms0 "" txsa0.OutPktsEncrypted rxsa$SCI1.0.InPktsOK
check "8: ping answered from the new address, through the SAs"
dump address

ip link del ms0 && ip -n peer link del ms1
check "the SecYs are deleted"

# --- the cost of each operation on the MDIO bus ----------------------------
# SecY msm on port 0, down, a fresh one; each operation alone is measured
# with the simulator's access counter (no traffic, nothing else on the bus).
# The bounds are about twice what each takes today: an operation whose bus
# traffic doubles fails. A dump (`ip -s macsec show`, a dump of every SecY)
# calls get_dev_stats, get_tx_sc_stats, get_tx_sa_stats per TX SA,
# get_rx_sc_stats per RX SC and get_rx_sa_stats per RX SA; an SC's counters
# sum its SAs', and the SA stats that follow in the same dump take what the
# SC's read, so an SA costs a dump its own reads once.
AM=02:00:00:00:00:30
# cost NAME BOUND COMMAND...: runs COMMAND, prints its accesses; succeeds
# when it succeeded and stayed below BOUND.
cost() {
	_name=$1 _bound=$2
	shift 2
	_a=$(mdio)
	"$@" >/dev/null 2>&1
	_rc=$?
	_b=$(mdio)
	n=$((_b - _a))
	echo "# mdio $_name: $n"
	[ $_rc = 0 ] && [ $n -lt $_bound ]
}
show() { ip -s macsec show msm; }

cost add_secy 260 ip link add link vsim0 msm address $AM type macsec port 1 offload phy
check "mdio: add_secy below 260 accesses ($n)"

cost dump_secy 90 show
check "mdio: ip -s macsec show, SecY alone (get_dev_stats, get_tx_sc_stats) below 90 ($n)"
dump0=$n

cost add_txsa 330 ip macsec add msm tx sa 0 pn 1 on key 00 $KEY0
check "mdio: add_txsa below 330 ($n)"

cost dump_txsa 270 show
check "mdio: ip -s macsec show with a TX SA below 270 ($n)"
echo "# mdio the counters of a TX SA in a dump (read once, for the SC's sum): $((n - dump0))"
dump1=$n

cost add_rxsc 50 ip macsec add msm rx port 1 address $H1
check "mdio: add_rxsc below 50 ($n)"

cost add_rxsa 330 ip macsec add msm rx port 1 address $H1 sa 0 pn 1 on key 10 $KEY1
check "mdio: add_rxsa below 330 ($n)"

cost dump_rxsa 620 show
check "mdio: ip -s macsec show with a TX SA and an RX SA below 620 ($n)"
echo "# mdio the counters of an RX SA in a dump (read once, for the SC's sum): $((n - dump1))"

# A second channel: the SA of the first (port 1) gets its SCI-less entry.
cost add_rxsc_second 330 ip macsec add msm rx port 2 address $A2
check "mdio: add_rxsc of a second channel below 330 ($n)"

cost del_rxsc_second 330 ip macsec del msm rx port 2 address $A2
check "mdio: del_rxsc of the second channel below 330 ($n)"

cost dev_open 30 ip link set msm up
check "mdio: dev_open below 30 ($n)"

cost upd_txsa_pn 50 ip macsec set msm tx sa 0 pn 100
check "mdio: upd_txsa with a higher PN below 50 ($n)"

cost upd_txsa_off 20 ip macsec set msm tx sa 0 off
check "mdio: upd_txsa off below 20 ($n)"

cost upd_rxsa_pn 50 ip macsec set msm rx port 1 address $H1 sa 0 pn 100
check "mdio: upd_rxsa with a higher PN below 50 ($n)"

cost upd_rxsc 20 ip macsec set msm rx port 1 address $H1 off
check "mdio: upd_rxsc off below 20 ($n)"

cost upd_secy_encrypt 80 ip link set msm type macsec encrypt on
check "mdio: upd_secy (changelink encrypt on) below 80 ($n)"

cost add_txsa_an1 330 ip macsec add msm tx sa 1 pn 1 on key 01 $KEY0B
check "mdio: add_txsa of AN 1 below 330 ($n)"

cost upd_secy_encodingsa 20 ip link set msm type macsec encodingsa 1
check "mdio: upd_secy (changelink encodingsa 1) below 20 ($n)"

cost upd_secy_address 120 ip link set msm address 02:00:00:00:00:31
check "mdio: upd_secy (new address) below 120 ($n)"

cost dev_stop 30 ip link set msm down
check "mdio: dev_stop below 30 ($n)"

cost del_txsa 190 ip macsec del msm tx sa 0
check "mdio: del_txsa below 190 ($n)"

cost upd_rxsa_off 20 ip macsec set msm rx port 1 address $H1 sa 0 off
check "mdio: upd_rxsa off below 20 ($n)"

cost del_rxsa 290 ip macsec del msm rx port 1 address $H1 sa 0
check "mdio: del_rxsa below 290 ($n)"

cost del_rxsc 50 ip macsec del msm rx port 1 address $H1
check "mdio: del_rxsc below 50 ($n)"

cost del_secy 90 ip link del msm
check "mdio: del_secy below 90 ($n)"

# The interrupt: a TX SA two frames from the end of its PNs. The first frame
# takes PN 2^32 - 1, the second rolls over: the PHY drops it and interrupts,
# the driver turns the SA off. The dumps that wait for it are subtracted.
ip link add link vsim0 msm address $AM type macsec port 1 offload phy &&
	ip macsec add msm tx sa 0 pn 4294967295 on key 00 $KEY0 && ip link set msm up
check "mdio: a TX SA at PN 2^32 - 1"

cost dump_wrap 270 ip macsec show msm
d=$n
_a=$(mdio)
rawframe send msm $ETYPE 2 >/dev/null
k=0
while ! ip macsec show msm | grep -q "0: PN [0-9]*, state off"; do
	k=$((k + 1))
	[ $k -le 100 ] || break
	sleep 0.1
done
_b=$(mdio)
n=$((_b - _a - (k + 1) * d))
echo "# mdio interrupt (PN roll-over, the SA turned off): $n"
ip macsec show msm | grep -q "0: PN [0-9]*, state off" && [ $n -lt 50 ]
check "mdio: the roll-over interrupt below 50 ($n)"

ip link del msm
check "mdio: SecY deleted"

ip -n peer link set vsim1 netns 1 && ip netns del peer &&
	ip link set vsim0 down && ip link set vsim1 down && misuse_clean
check "tear down: namespace, ports; no misuse of the simulated hardware ($(misuse_total))"

# The simulator's unload report must say "misuse total 0" for the run to
# pass: with the C driver, whose misuse is not what this script tests, the
# record is cleared (it was checked just above).
[ "$DRIVER" = mscc ] && echo clear >$D/misuse
if [ "$DRIVER" = mscc ]; then
	rmmod mscc && rmmod vsc8584_sim && insmod $M/vsc8584_rust.ko
else
	rmmod vsc8584_sim
fi
check "the simulator unloads"
finish

