#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# MKA on the offloaded PHY: wpa_supplicant (Debian's 2.10 with our
# macsec_offload option, scripts/wpa.sh) runs the MACsec Key Agreement on
# both ports with a pre-shared CAK (samples/mka/: the configuration): port 0
# creates its SecY offloaded to our driver (macsec_offload=1), port 1
# (namespace peer) runs the kernel's software MACsec. For the default cipher
# suite, GCM-AES-256, integrity only, replay protection with a window and
# another SCI port: both sides reach Secured, IP crosses both ways, the PHY
# counted what it protected. Then the PN-driven rekey, three times: port 0's
# TX PN is pushed just below 0xC0000000 and traffic flows on; wpa_supplicant
# reads the PN the hardware reached, starts a new SAK, and no frame is lost;
# then the same just below the hardware switch point. Three rotations by
# participant changes (a third supplicant on port 1's LAN joins, leaves,
# restarts) under traffic both ways, none lost. Last, a wrong CAK on one
# side: never Secured, nothing crosses.
. /tests/tap.sh
plan 64
D=/sys/kernel/debug/vsc8584_sim
H0=02:00:00:00:00:01
H1=02:00:00:00:00:02
IP0=198.51.100.1
IP1=198.51.100.2
CAK=0123456789abcdef0123456789abcdef
CKN=6162636465666768696a6b6c6d6e6f707172737475767778797a303132333435
ETYPE=88b5

# conf N PRIORITY OFFLOAD CAK EXTRA: the configuration of supplicant N, from
# the sample (samples/mka/wpa_supplicant-offload.conf), EXTRA added to the
# network block (";"-separated options).
conf() {
	sed -e "s|^ctrl_interface=.*|ctrl_interface=/var/run/wpa$1|" \
		-e "s|^\(\s*mka_priority=\).*|\1$2|" -e "s|^\(\s*macsec_offload=\).*|\1$3|" \
		-e "s|^\(\s*mka_cak=\).*|\1$4|" -e "s|^\(\s*mka_ckn=\).*|\1$CKN|" \
		/tests/mka.conf | awk -v extra="$5" '/^}/ {
			n = split(extra, x, ";")
			for (i = 1; i <= n; i++) if (x[i] != "") print "\t" x[i]
		} { print }' >/tmp/mka$1.conf
}
# Port 1's supplicant runs on IF1: vsim1, or the bridge br0 when port 1's
# side is a LAN with a third participant.
IF1=vsim1
# cli N ARGS...: wpa_cli of supplicant N (0 here, 1 in namespace peer, 2 in
# namespace third).
cli() {
	_n=$1
	shift
	case $_n in
	0) wpa_cli -p /var/run/wpa0 -i vsim0 "$@" ;;
	1) ip netns exec peer wpa_cli -p /var/run/wpa1 -i $IF1 "$@" ;;
	*) ip netns exec third wpa_cli -p /var/run/wpa2 -i p3b "$@" ;;
	esac
}
field() { cli $1 status | sed -n "s/^$2=//p"; }
secured() { [ "$(field $1 Secured)" = Yes ]; }
# Hundredths of a second since boot.
now() { sed 's/^\([0-9]*\)\.\([0-9]*\) .*/\1\2/' /proc/uptime; }
# Waits (bounded, 60 s of guest time) until both supplicants say Secured;
# prints the tenths of a second it took.
both_secured() {
	_t0=$(now)
	until secured 0 && secured 1; do
		[ $(($(now) - _t0)) -le 6000 ] || return 1
		sleep 0.1
	done
	echo $((($(now) - _t0) / 10))
}
# capture NAME: hands the wire to the host as wire-mka-NAME.pcap
# (scripts/wire_mka.py recovers the SAKs from the MKPDUs with the CAK and
# decrypts every frame).
capture() {
	echo "RSMACSEC-FILE-BEGIN wire-mka-$1.pcap"
	base64 $D/wire.pcap
	echo "RSMACSEC-FILE-END wire-mka-$1.pcap"
}
# gone PID: waits (bounded, 10 s) until process PID has exited.
dead() { ! kill -0 $1 2>/dev/null; }
gone() { eventually dead $1; }
# start CAK1 EXTRA: both supplicants, port 1 with CAK1, EXTRA for both.
start() {
	conf 0 16 1 $CAK "$2" && conf 1 255 0 $1 "$2" &&
		wpa_supplicant -B -D macsec_linux -i vsim0 -c /tmp/mka0.conf -P /tmp/wpa0.pid \
			-f /tmp/wpa0.log &&
		ip netns exec peer wpa_supplicant -B -D macsec_linux -i $IF1 -c /tmp/mka1.conf \
			-P /tmp/wpa1.pid -f /tmp/wpa1.log
}
stop() {
	_p0=$(cat /tmp/wpa0.pid) _p1=$(cat /tmp/wpa1.pid)
	kill $_p0 $_p1 && gone $_p0 && gone $_p1 && ! ip link show macsec0 >/dev/null 2>&1 &&
		! ip -n peer link show macsec0 >/dev/null 2>&1
}
# addrs: the IP addresses on both macsec0, up.
addrs() {
	ip addr add $IP0/24 dev macsec0 && ip link set macsec0 up &&
		ip -n peer addr add $IP1/24 dev macsec0 && ip -n peer link set macsec0 up
}
# txstat COLUMN: the counter COLUMN of port 0's encoding TX SA.
txstat() { sa_stat "" macsec0 tx "$(encoding)" $1; }
# encoding [NS]: the encoding SA of macsec0 (port 0's, or in namespace NS).
encoding() {
	${1:+ip netns exec $1} ip macsec show macsec0 |
		sed -n 's/.*TXSC: [0-9a-f]* on SA \([0-3]\).*/\1/p'
}

ports $H0 $H1
check "our driver on the simulated package, port 1 in namespace peer, links up"

# session NAME EXTRA COLUMN: one MKA session with EXTRA network options, 4
# checks; COLUMN is the TX SA counter the PHY moves (OutPktsEncrypted or,
# integrity only, OutPktsProtected).
session() {
	name=$1
	echo clear >$D/wire.pcap
	start $CAK "$2"
	t=$(both_secured)
	check "$name: both sides Secured after ${t:-?} tenths of a second"
	[ -n "$t" ] || { cli 0 status; cli 1 status; tail -n 30 /tmp/wpa0.log; dmesg | tail -n 5; } |
		sed 's/^/# /'
	for n in 0 1; do
		cli $n status | sed -n "s/^\(Is Key Server\|Number of Keys .*\|actor_sci\)=/# $name: port $n: \1=/p"
	done

	ip -d link show macsec0 | grep -q "offload phy" &&
		! ip netns exec peer ip -d link show macsec0 | grep -q "offload phy" &&
		ip macsec show macsec0 | grep -q "$4"
	check "$name: port 0's SecY is offloaded to the PHY, port 1's in software ($4)"

	addrs && pings 3 $IP1 && pings 3 $IP0 peer
	check "$name: ping both ways through the SAK's secure channels"

	n=$(txstat $3)
	[ "${n:-0}" -ge 6 ]
	check "$name: the PHY protected port 0's frames ($n $3)"
	capture $name

	stop
	check "$name: the supplicants stop, the SecYs are gone"
}

session gcm-aes-128 "" OutPktsEncrypted "cipher suite: GCM-AES-128"
session gcm-aes-256 "macsec_csindex=1" OutPktsEncrypted "cipher suite: GCM-AES-256"
session integrity "macsec_integ_only=1" OutPktsProtected "encrypt off"
session replay "macsec_replay_protect=1;macsec_replay_window=32" OutPktsEncrypted "replay on window 32"
session port "macsec_port=7" OutPktsEncrypted "TXSC: 0200000000010007"

# The PN-driven rekey, three times under traffic. Port 0's encoding SA is set
# 100 PNs below 0xC0000000; frames flow in bursts of 20 (each waited for)
# until wpa_supplicant, which reads the TX next PN from the hardware through
# the MACsec dump, distributes a new SAK and the encoding SA changes; every
# frame sent arrives.
echo clear >$D/wire.pcap && start $CAK "" && t=$(both_secured) && addrs
check "rekey: Secured ($t tenths of a second), addresses set"

# rotate ROUND: one rotation, 3 checks. The encoding SA is set 100 PNs below
# 0xC0000000, bursts of 20 frames (each waited for) flow until the encoding
# SA changes, then one more burst; every frame sent must arrive.
rotate() {
	an0=$(encoding)
	# Never lower a PN: a PN used twice with a key is what MKA is there to prevent.
	[ "$(txpn $an0)" -lt 3221225372 ] && ip macsec set macsec0 tx sa $an0 pn 3221225372 &&
		[ "$(txpn $an0)" = 3221225372 ]
	check "rekey $1: TX SA $an0 set to PN 3221225372 (0xC0000000 - 100)"

	sent=0 got=0 last=
	while [ $sent -lt 600 ] && [ "$(encoding)" = $an0 ]; do
		burst || break
		# The old SA may be gone once the new one is in place: keep its last PN.
		last=$(txpn $an0)
		# MKA speaks every 2 s: traffic at a pace that lets it.
		sleep 0.2
	done
	an1=$(encoding)
	echo "# rekey $1: $sent frames sent, old SA $an0 stopped at next PN $last, new encoding SA $an1"
	[ "$an1" != "$an0" ] && [ "$last" -gt 3221225472 ]
	check "rekey $1: wpa_supplicant saw the hardware PN pass 0xC0000000 and rotated the SAK (SA $an0 -> ${an1:-?}, at next PN ${last:-?})"

	burst
	[ $got = $sent ]
	check "rekey $1: $sent frames sent across the rotation, $got received, $((sent - got)) lost"
}
# burst [N]: N frames (20) from port 0, counted as they arrive on port 1's
# macsec0; sent and got add them up.
burst() {
	_k=${1:-20}
	frames_recv peer macsec0 $ETYPE $_k || return 1
	rawframe send macsec0 $ETYPE $_k $H1 >/dev/null || return 1
	sent=$((sent + _k))
	frames_received >/dev/null || return 1
	got=$((got + _k))
}
# burst_back N: N frames the other way, from port 1 to port 0's macsec0.
burst_back() {
	frames_recv "" macsec0 $ETYPE $1 || return 1
	ip netns exec peer rawframe send macsec0 $ETYPE $1 $H0 >/dev/null || return 1
	sent=$((sent + $1))
	frames_received >/dev/null || return 1
	got=$((got + $1))
}
rotate 1
rotate 2
rotate 3
pings 3 $IP1 && pings 3 $IP0 peer
check "rekey: ping both ways on the third new SAK"

n=$(txstat OutPktsEncrypted)
[ "${n:-0}" -ge 20 ] && [ "$(txpn $an1)" -lt 1000 ]
check "rekey: the new SA $an1 sends from a low PN ($(txpn $an1)), the PHY encrypted $n frames on it"
capture rekey

stop
check "rekey: the supplicants stop, the SecYs are gone"

# The rekey near the hardware switch point (2^32 - 2^20, the default
# pn_switch_margin), before MKA has rotated: port 0's encoding SA is set 10
# PNs below it and 30 frames go at once. wpa_supplicant never leaves a next
# TX SA in use beside the encoding one (it sets the new SA in use and makes
# it the encoding SA in two calls in a row), so the engine has no SA to
# switch to: the SA goes on into its margin, nothing is lost or sent in
# clear, no PN wraps, and MKA, which sees the PN, rotates as it does at
# 0xC0000000.
echo clear >$D/wire.pcap && start $CAK "" && t=$(both_secured) && addrs
check "switch point: Secured ($t tenths of a second), addresses set"

an0=$(encoding)
ip macsec set macsec0 tx sa $an0 pn 4293918710 && [ "$(txpn $an0)" = 4293918710 ]
check "switch point: TX SA $an0 set to PN 4293918710 (10 below the switch point 0xFFF00000)"

sent=0 got=0
burst 30
last=$(txpn $an0)
[ $got = 30 ] && [ "$(encoding)" = $an0 ] && [ "$last" = 4293918740 ]
check "switch point: 30 frames crossed it on SA $an0 (next PN ${last:-?}), no SA to switch to: the SA goes on"

_t0=$(now)
while [ $(($(now) - _t0)) -le 3000 ] && [ "$(encoding)" = $an0 ]; do
	burst || break
	last=$(txpn $an0)
	sleep 0.2
done
an1=$(encoding)
echo "# switch point: $sent frames sent, SA $an0 stopped at next PN $last, new encoding SA $an1"
# The simulator's trace from the threshold event to the first frame on
# another SA: the event's clears, then wpa_supplicant's new SAs and the switch.
echo "# switch point: $(cat $D/phy0/switch)"
[ -n "$an1" ] && [ "$an1" != $an0 ] && [ "$last" -gt 4293918720 ] && [ "$last" -lt 4294967295 ]
check "switch point: wpa_supplicant rotated the SAK within the margin (SA $an0 -> ${an1:-?} at next PN ${last:-?})"

burst
[ $got = $sent ] && [ "$(txpn $an1)" -lt 1000 ]
check "switch point: $sent frames sent across, $got received, $((sent - got)) lost; the new SA from a low PN ($(txpn $an1))"
capture switchpoint

stop
check "switch point: the supplicants stop, the SecYs are gone"

# Participant changes: port 1's side becomes a LAN, the bridge br0 in
# namespace peer with vsim1 and a veth to namespace third, where a third
# supplicant runs software MACsec on p3b (address H3). br0 forwards MKPDUs
# (group_fwd_mask bit 3: 01:80:c2:00:00:03). Port 0 stays key server
# (priority 16). A live peer that joins, or whose life time runs out, makes
# the key server distribute a new SAK to the live peers; traffic between
# port 0 and port 1 flows on through each rotation.
H3=02:00:00:00:00:03
SCI3=0200000000030001
ip netns add third && ip -n peer link add br0 address $H1 type bridge group_fwd_mask 8 &&
	ip -n peer link add p3a type veth peer name p3b netns third &&
	ip -n third link set p3b address $H3 &&
	ip -n peer link set vsim1 master br0 && ip -n peer link set p3a master br0 &&
	ip -n peer link set br0 up && ip -n peer link set p3a up && ip -n third link set p3b up
check "participants: port 1 on bridge br0, a veth to namespace third"

IF1=br0
echo clear >$D/wire.pcap && start $CAK "" && t=$(both_secured) && addrs && pings 3 $IP1 && pings 3 $IP0 peer
check "participants: ports 0 and 1 Secured ($t tenths of a second), ping both ways"

third() {
	conf 2 255 0 $CAK "" &&
		ip netns exec third wpa_supplicant -B -D macsec_linux -i p3b -c /tmp/mka2.conf \
			-P /tmp/wpa2.pid -f /tmp/wpa2.log
}
third_stop() {
	_p=$(cat /tmp/wpa2.pid) && kill $_p && gone $_p && ! ip -n third link show macsec0 >/dev/null 2>&1
}
rxsc3() { ip macsec show macsec0 | grep -q "RXSC: $SCI3"; }

# at_rest LIVE: waits (bounded: 60 s of guest time) until MKA is at rest:
# port 0, the key server, has LIVE live peers, ports 0 and 1 send on the
# same SA, and all that and the third's member identifier stay so for 8 s.
# That is longer than the MKA life time (6 s), the time a member identifier
# a participant gave up stays live, and the time within which
# wpa_supplicant drops a new SAK after the last one. Without it, a change
# that comes too soon makes no rotation: a joining supplicant can give up
# its member identifier (it failed to decode a peer's SAK use), and the old
# one expiring rotates the SAK just before the change.
at_rest() {
	_live=$1 _t0=$(now) _since=$(now) _last=
	while [ $(($(now) - _t0)) -le 6000 ]; do
		_e0=$(encoding) _e1=$(encoding peer) _lp=$(field 0 live_peers)
		_s="SA $_e0/$_e1, $_lp live, MI $(field 2 mi)"
		[ "$_s" = "$_last" ] || _last=$_s _since=$(now)
		if [ -n "$_e0" ] && [ "$_e0" = "$_e1" ] && [ "$_lp" = "$_live" ] &&
			[ $(($(now) - _since)) -ge 800 ]; then
			echo "# at rest after $((($(now) - _t0) / 10)) tenths of a second: $_s"
			return 0
		fi
		sleep 0.5
	done
	echo "# MKA not at rest in 60 s: $_last"
	return 1
}

# change ROUND LIVE WHAT ACTION...: once MKA is at rest with LIVE live
# peers, ACTION changes the participants; bursts of 10 frames each way
# (each waited for) flow until port 0 and port 1 both send on a new SA
# (bounded: 40 s of guest time), then one more each way. 3 checks.
change() {
	_round=$1 _live=$2 _what=$3
	shift 3
	at_rest $_live && a0=$(encoding) a1=$(encoding peer) && "$@"
	check "participants $_round: $_what"
	sent=0 got=0 _t0=$(now)
	while [ $(($(now) - _t0)) -le 4000 ]; do
		burst 10 && burst_back 10 || break
		[ "$(encoding)" != "$a0" ] && [ "$(encoding peer)" != "$a1" ] && break
		sleep 0.3
	done
	_t=$((($(now) - _t0) / 10))
	b0=$(encoding) b1=$(encoding peer)
	[ "$b0" != "$a0" ] && [ "$b1" != "$a1" ] && [ "$b0" = "$b1" ]
	check "participants $_round: a new SAK: port 0 SA $a0 -> ${b0:-?}, port 1 SA $a1 -> ${b1:-?}, $_t tenths of a second after"
	burst 10 && burst_back 10
	[ $got = $sent ]
	check "participants $_round: $sent frames sent both ways across the rotation, $got received, $((sent - got)) lost"
}

change 1 1 "a third participant joins" third
secured 2 && rxsc3
check "participants 1: the third is Secured, port 0 (offloaded) has an RX SC for it ($SCI3)"
change 2 2 "the third participant leaves (its supplicant stops)" third_stop
! rxsc3
check "participants 2: its MKA life time ran out: port 0's RX SC for it is gone"
change 3 1 "the third participant restarts (a new member identifier)" third
secured 2 && rxsc3 && pings 3 $IP1 && pings 3 $IP0 peer
check "participants 3: the third is Secured again; ping both ways"
capture participants

third_stop && stop && ip netns del third && ip -n peer link set vsim1 nomaster &&
	ip -n peer link del br0
check "participants: the three supplicants stop, the SecYs are gone, the bridge too"
IF1=vsim1

# The EtherTypes of the frames of pcap file $1, one per line (hex).
pcap_types() {
	od -An -v -tu1 $1 | tr -s ' ' '\n' | sed '/^$/d' | awk '
		NR > 24 { b[n++] = $1 }
		END {
			i = 0
			while (i + 16 <= n) {
				len = b[i + 8] + 256 * b[i + 9] + 65536 * b[i + 10]
				printf "%02x%02x\n", b[i + 28], b[i + 29]
				i += 16 + len
			}
		}'
}

# A wrong CAK on port 1: never Secured; no data frame crosses, in clear or
# not, while port 0 tries to ping through its MACsec device (if MKA made one).
echo clear >$D/wire.pcap && start fedcba9876543210fedcba9876543210 ""
check "wrong CAK: both supplicants run"

_t0=$(now)
while [ $(($(now) - _t0)) -lt 1000 ]; do
	secured 0 || secured 1 && break
	sleep 0.2
done
if ip link show macsec0 >/dev/null 2>&1; then
	ip addr add $IP0/24 dev macsec0 && ip link set macsec0 up &&
		ip neigh add $IP1 lladdr $H1 dev macsec0 nud permanent
	ping -c 2 -W 1 $IP1 >/dev/null 2>&1 && echo "# ping answered"
fi
types=$(pcap_types $D/wire.pcap | sort | uniq -c | xargs)
echo "# wrong CAK: frames on the wire by EtherType: $types"
! secured 0 && ! secured 1 && [ -n "$types" ] &&
	[ -z "$(pcap_types $D/wire.pcap | grep -v '^888e$')" ]
check "wrong CAK: not Secured after 10 s; only MKA frames (EAPOL, 888e) on the wire"

stop
check "wrong CAK: the supplicants stop"

ip -n peer link set vsim1 netns 1 && ip netns del peer &&
	ip link set vsim0 down && ip link set vsim1 down && misuse_clean &&
	rmmod vsc8584_sim
check "tear down; no misuse of the simulated hardware; the simulator unloads"
finish
