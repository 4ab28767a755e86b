#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Packet-number rollover by the hardware (our driver, port 0 offloaded, port
# 1 in software in namespace peer): TX SA 0 starts 200 PNs below the switch
# point (2^32 - 2^20, or 2^64 - 2^20 with XPN, the default margin of the
# module parameter pn_switch_margin), TX SA 1 is pre-installed. Traffic
# flows in bursts across the switch point; the PN threshold interrupt makes
# the driver switch to SA 1 (one register write), the MACsec core takes the
# switch over (`ip macsec show`, `ip monitor link`), the peer receives every
# frame, and the host decrypts the wire (scripts/wire_rollover.py): SA 0's
# PNs run on without a gap past the switch point, then SA 1's from 1. Then:
# no next SA (the last PN is 2^32 - 1, nothing wraps, the SA goes off), XPN
# across 2^32 on one SA, the encoding SA changed by the user under traffic
# (no frame lost), and two SecYs on one PHY of which only the one past the
# switch point switches.
. /tests/tap.sh
plan 36
M=/lib/modules/rsmacsec
D=/sys/kernel/debug/vsc8584_sim
# The SAKs, salts and SSCIs; the host check reads them from here.
KEY0=8a51c2f3e4d5a6b7c8d9e0f1a2b3c4d5
KEY1=1f2e3d4c5b6a79880716253443526170
SALT0=0102030405060708090a0b0c
SALT1=a1a2a3a4a5a6a7a8a9aaabac
SSCI0=00000001
SSCI1=00000002
H1=02:00:00:00:00:02
A0=02:00:00:00:00:40
SCI0=0200000000400001
S32=4293918720
S64=18446744073708503040
START32=4293918520
START64=18446744073708502840
LAST100=4294967196
XPNWRAP=4294967196
ETYPE=88b5

# recv N: rawframe counts N frames ms1 receives (namespace peer); received
# waits for it.
recv() { frames_recv peer ms1 $ETYPE $1; }
received() { frames_received; }

# The next PN of TX SA $1 of ms0, or of RX SA $1 of ms1 with $2 = peer. With
# XPN only the low 32 bits (sa_pn): the checks compare low halves there, and
# the host check of the wire sees the 64-bit PNs.
pn() {
	if [ "$2" = peer ]; then
		sa_pn peer ms1 rx $1
	else
		sa_pn "" ms0 tx $1
	fi
}
# Counter $2 of RX SA $1 of ms1, or of device $3 in namespace peer.
rxstat() { sa_stat peer ${3:-ms1} rx $1 $2; }
# pndiff A B: A - B for PNs up to 2^64 - 1 (beyond the shell's arithmetic) that
# differ by less than 10^9 and agree above their last 9 digits; fails if not.
pndiff() {
	[ "${1%?????????}" = "${2%?????????}" ] || return 1
	echo $((1${1#"${1%?????????}"} - 1${2#"${2%?????????}"}))
}
# drained N [DEV]: waits (bounded, 10 s) until the peer's ms1 (or DEV) took N
# frames on its SAs 0 and 1, so that the next burst does not overflow the
# simulated port's transmit queue (256 frames).
drained() { eventually took "$@"; }
took() { [ $(($(rxstat 0 InPktsOK $2) + $(rxstat 1 InPktsOK $2))) -ge $1 ]; }
# The encoding SA of ms0 as the kernel has it ("TXSC: ... on SA N").
encoding() { ip macsec show ms0 | sed -n 's/.*TXSC: [0-9a-f]* on SA \([0-3]\).*/\1/p'; }
on_sa1() { [ "$(encoding)" = 1 ]; }

grep -q '^vsc8584_rust ' /proc/modules && insmod $M/vsc8584_sim.ko &&
	ip link set vsim1 address $H1 && ip netns add peer && ip link set vsim1 netns peer &&
	ip link set vsim0 up && ip -n peer link set vsim1 up &&
	carrier vsim0 && carrier vsim1 "ip netns exec peer"
check "our driver on the simulated package, port 1 in namespace peer, links up"

# run NAME CIPHER SA0 SA1: the scenario for one cipher suite; SA0/SA1 are the
# PN options of the SAs (pn or xpn, with salt and SSCI). SA 0 starts 200
# below the switch point: START32 and S32 are also the low halves of
# START64 and S64.
run() {
	name=$1 cipher=$2 start=$START32 point=$S32
	ip link add link vsim0 ms0 address $A0 type macsec port 1 cipher $cipher encrypt on offload phy &&
		ip macsec add ms0 tx sa 0 $3 on key 00 $KEY0 &&
		ip macsec add ms0 tx sa 1 $4 on key 01 $KEY1 &&
		ip link set ms0 up &&
		ip -n peer link add link vsim1 ms1 type macsec port 1 cipher $cipher encrypt on &&
		ip -n peer macsec add ms1 rx port 1 address $A0 &&
		ip -n peer macsec add ms1 rx port 1 address $A0 sa 0 $3 on key 00 $KEY0 &&
		ip -n peer macsec add ms1 rx port 1 address $A0 sa 1 $4 on key 01 $KEY1 &&
		ip -n peer link set ms1 up &&
		[ "$(pn 0)" = $start ] && [ "$(encoding)" = 0 ]
	check "$name: ms0 offloaded, TX SA 0 200 PNs below the switch point, SA 1 pre-installed"

	echo clear >$D/wire.pcap
	ip monitor link >/tmp/monitor 2>&1 &
	mon=$!
	# Traffic in bursts of 50 until the switch: the first 200 frames are below the
	# switch point, the fifth burst crosses it.
	sent=0
	recv 400 && for b in 1 2 3 4 5 6; do
		rawframe send ms0 $ETYPE 50 $H1 >/dev/null || break
		sent=$((sent + 50))
		drained $sent || break
		[ $b -lt 5 ] || [ "$(encoding)" != 1 ] || break
	done
	eventually on_sa1
	check "$name: the kernel shows encoding SA 1 after the switch ($sent frames sent)"

	# Then traffic on SA 1 up to 400 frames in all.
	rawframe send ms0 $ETYPE $((400 - sent)) $H1 >/dev/null && received
	check "$name: the peer received all 400 frames, across the switch"

	# What the simulator saw between the threshold event and the first frame
	# on SA 1: one SAM_ENTRY_TOGGLE1 write (egress 0x1804) and the event's
	# clears (INTR_CTRL_STATUS 0x3d04, AIC_ENABLED_STAT 0x3e04, MACSEC_STICKY
	# 0x0802), each once, nothing else.
	sw=$(cat $D/phy0/switch)
	echo "# switch: $sw"
	set -- $(echo "$sw" | sed 's/^from [0-9]* to [0-9]* writes [0-9]*://')
	[ "$(echo "$sw" | sed -n 's/^from [0-9]* to [0-9]* writes \([0-9]*\):.*/\1/p')" = $# ] &&
		[ "$(printf '%s\n' "$@" | grep -c '^0x3c:0x1804$')" = 1 ] &&
		[ -z "$(printf '%s\n' "$@" | grep -v -e '^0x3c:0x1804$' -e '^0x3c:0x3d04$' \
			-e '^0x3c:0x3e04$' -e '^0x3c:0x0802$')" ] &&
		[ -z "$(printf '%s\n' "$@" | sort | uniq -d)" ]
	check "$name: between the threshold event and the first frame on SA 1: one register write (the toggle) + the event's clears ($# writes)"

	kill $mon
	wait $mon 2>/dev/null
	grep -q "ms0@vsim0" /tmp/monitor
	check "$name: ip monitor link announced the change of ms0"

	p0=$(pn 0) p1=$(pn 1)
	echo "# TX SA 0 next PN $p0, TX SA 1 next PN $p1"
	d0=$(pndiff $p0 $start) && past=$(pndiff $p0 $point) &&
		[ $p1 -gt 1 ] && [ $past -gt 0 ] && [ $((d0 + p1 - 1)) = 400 ]
	check "$name: SA 0 went past the switch point, SA 1 took over; together 400 PNs, none skipped"

	ok0=$(rxstat 0 InPktsOK) ok1=$(rxstat 1 InPktsOK)
	echo "# peer: $ok0 on SA 0, $ok1 on SA 1"
	[ $((ok0 + ok1)) = 400 ] && [ "$ok1" -gt 0 ] &&
		[ "$(rxstat 0 InPktsNotValid)$(rxstat 1 InPktsNotValid)" = 00 ] &&
		[ "$(pn 1 peer)" = "$p1" ]
	check "$name: the peer counted 400 valid frames, $ok1 of them on SA 1, and expects SA 1's next PN"

	echo "RSMACSEC-FILE-BEGIN wire-rollover-$name.pcap"
	base64 $D/wire.pcap
	echo "RSMACSEC-FILE-END wire-rollover-$name.pcap"

	ip macsec show ms0 | grep -q "^ *0: PN .* state on"
	check "$name: SA 0 stays in use (its PNs are not spent); no pn_wrapped was reported"

	ip link set ms0 type macsec encrypt off && [ "$(encoding)" = 1 ] &&
		recv 10 && rawframe send ms0 $ETYPE 10 $H1 >/dev/null && received &&
		[ "$(rxstat 1 InPktsOK)" = $((ok1 + 10)) ]
	check "$name: a later changelink keeps SA 1: 10 more frames on it"

	ip link del ms0 && ip -n peer link del ms1
	check "$name: SecYs deleted"
}

run 32 gcm-aes-128 "pn $START32" "pn 1"
run xpn gcm-aes-xpn-128 "xpn $START64 ssci $SSCI0 salt $SALT0" "xpn 1 ssci $SSCI1 salt $SALT1"

# pair CIPHER SA0 [SA1]: ms0 offloaded with TX SA 0 (and SA 1), ms1 receiving
# them; the capture cleared.
pair() {
	ip link add link vsim0 ms0 address $A0 type macsec port 1 cipher $1 encrypt on offload phy &&
		ip macsec add ms0 tx sa 0 $2 on key 00 $KEY0 &&
		{ [ -z "$3" ] || ip macsec add ms0 tx sa 1 $3 on key 01 $KEY1; } &&
		ip link set ms0 up &&
		ip -n peer link add link vsim1 ms1 type macsec port 1 cipher $1 encrypt on &&
		ip -n peer macsec add ms1 rx port 1 address $A0 &&
		ip -n peer macsec add ms1 rx port 1 address $A0 sa 0 $2 on key 00 $KEY0 &&
		{ [ -z "$3" ] || ip -n peer macsec add ms1 rx port 1 address $A0 sa 1 $3 on key 01 $KEY1; } &&
		ip -n peer link set ms1 up && echo clear >$D/wire.pcap
}
# capture NAME: hands the wire to the host as wire-rollover-NAME.pcap.
capture() {
	echo "RSMACSEC-FILE-BEGIN wire-rollover-$1.pcap"
	base64 $D/wire.pcap
	echo "RSMACSEC-FILE-END wire-rollover-$1.pcap"
}

# No next SA: SA 0 has 100 PNs left. It sends up to PN 2^32 - 1, then the
# engine drops (nothing wraps), the driver stops the SA and the kernel marks
# it off.
pair gcm-aes-128 "pn $LAST100"
check "nonext: ms0 with TX SA 0 at PN $LAST100 and no other SA"

recv 100 && rawframe send ms0 $ETYPE 150 $H1 >/dev/null && received
check "nonext: of 150 frames, the 100 with PNs up to 2^32 - 1 reach the peer"

sa0_off() { ip macsec show ms0 | grep -q "^ *0: PN .* state off"; }
eventually sa0_off && [ "$(rxstat 0 InPktsOK)" = 100 ]
check "nonext: TX SA 0 is off (macsec_pn_wrapped), the peer counted 100"
capture nonext

ip link del ms0 && ip -n peer link del ms1
check "nonext: SecYs deleted"

# XPN across 2^32 on one SA: the low word of the PN on the wire wraps.
pair gcm-aes-xpn-128 "xpn $XPNWRAP ssci $SSCI0 salt $SALT0" &&
	recv 200 && rawframe send ms0 $ETYPE 200 $H1 >/dev/null && received &&
	[ "$(rxstat 0 InPktsOK)" = 200 ]
check "xpnwrap: 200 frames from PN 2^32 - 100 on, across 2^32, all received"
capture xpnwrap

ip link del ms0 && ip -n peer link del ms1
check "xpnwrap: SecYs deleted"

# The user changes the encoding SA while frames flow.
pair gcm-aes-128 "pn 1" "pn 1"
check "user: ms0 with TX SAs 0 and 1"

recv 400 && { rawframe send ms0 $ETYPE 200 $H1 >/dev/null & } &&
	ip link set ms0 type macsec encodingsa 1 && wait $! && drained 200 &&
	rawframe send ms0 $ETYPE 200 $H1 >/dev/null && received && [ "$(encoding)" = 1 ]
check "user: encodingsa 1 under traffic, 400 frames sent, 400 received"
echo "# peer: $(rxstat 0 InPktsOK) on SA 0, $(rxstat 1 InPktsOK) on SA 1"
capture user

ip link del ms0 && ip -n peer link del ms1
check "user: SecYs deleted"

# Two SecYs on port 0: ms0 (port 1) starts 200 PNs below the switch point,
# ms2 (port 2, an address of its own) far below it; both have a next SA. The
# peer receives ms0 on ms1 and ms2 on ms3. Only ms0 switches.
A2=02:00:00:00:00:42
pair gcm-aes-128 "pn $START32" "pn 1" &&
	ip link add link vsim0 ms2 address $A2 type macsec port 2 encrypt on offload phy &&
	ip macsec add ms2 tx sa 0 pn 1 on key 00 $KEY1 &&
	ip macsec add ms2 tx sa 1 pn 1 on key 01 $KEY0 && ip link set ms2 up &&
	ip -n peer link add link vsim1 ms3 type macsec port 2 encrypt on &&
	ip -n peer macsec add ms3 rx port 2 address $A2 &&
	ip -n peer macsec add ms3 rx port 2 address $A2 sa 0 pn 1 on key 00 $KEY1 &&
	ip -n peer macsec add ms3 rx port 2 address $A2 sa 1 pn 1 on key 01 $KEY0 &&
	ip -n peer link set ms3 up
check "two: ms0 200 PNs below the switch point and ms2 at PN 1 on one PHY, each with a next SA"

# 300 frames of ms0 in bursts (the switch after the 201st), 50 of ms2 before
# the first burst and 50 after the last.
sent=0
rawframe send ms2 $ETYPE 50 $H1 >/dev/null && drained 50 ms3 && for b in 1 2 3 4 5 6; do
	rawframe send ms0 $ETYPE 50 $H1 >/dev/null || break
	sent=$((sent + 50))
	drained $sent ms1 || break
done && rawframe send ms2 $ETYPE 50 $H1 >/dev/null && drained 100 ms3
eventually on_sa1
e2=$(ip macsec show ms2 | sed -n 's/.*TXSC: [0-9a-f]* on SA \([0-3]\).*/\1/p')
[ $sent = 300 ] && [ "$(encoding)" = 1 ] && [ "$e2" = 0 ]
check "two: ms0 switched to SA 1, ms2 still sends on SA 0 ($sent frames of ms0 sent)"

echo "# ms1: $(rxstat 0 InPktsOK ms1) on SA 0, $(rxstat 1 InPktsOK ms1) on SA 1; ms3: $(rxstat 0 InPktsOK ms3) on SA 0, $(rxstat 1 InPktsOK ms3) on SA 1"
ok0=$(rxstat 0 InPktsOK ms1) ok1=$(rxstat 1 InPktsOK ms1)
[ $ok0 -ge 201 ] && [ $ok1 -gt 0 ] && [ $((ok0 + ok1)) = 300 ] &&
	[ "$(rxstat 0 InPktsOK ms3)" = 100 ] && [ "$(rxstat 1 InPktsOK ms3)" = 0 ]
check "two: the peer took ms0's 300 frames (SA 0 up to the switch point and past it until the switch, then SA 1), ms2's 100 all on SA 0"

ip macsec show ms2 | grep "^ *[01]: PN" | sed 's/^ */# ms2 SA /'
ip macsec show ms2 | grep -q "^ *0: PN 101, state on" &&
	ip macsec show ms2 | grep -q "^ *1: PN 1, state on" &&
	ip link del ms2 && ip link del ms0 && ip -n peer link del ms3 && ip -n peer link del ms1
check "two: ms2's SA 0 at PN 101, its SA 1 untouched at PN 1; SecYs deleted"

ip -n peer link set vsim1 netns 1 && ip netns del peer &&
	ip link set vsim0 down && ip link set vsim1 down && misuse_clean
check "tear down; no misuse of the simulated hardware ($(misuse_total))"

rmmod vsc8584_sim
check "the simulator unloads"
finish
