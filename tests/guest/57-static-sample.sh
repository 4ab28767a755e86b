#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The static-key sample (samples/mka/static-key-offload.sh) as a user runs
# it: port 0 with the PHY side, offloaded to our driver, port 1 in namespace
# peer with the mirror, in software. IP crosses both ways; then TX SA 0 is
# set 10 PNs below the switch point (2^32 - 2^20, the default
# pn_switch_margin) and frames go: the TX SA 1 the sample pre-installed
# takes over in hardware and the peer receives every frame, on both SAs.
. /tests/tap.sh
plan 7
H0=02:00:00:00:00:01
H1=02:00:00:00:00:02
IP0=198.51.100.1
IP1=198.51.100.2
ETYPE=88b5

# rxok AN: the frames port 1 took on its RX SA AN.
rxok() { sa_stat peer macsec0 rx $1 InPktsOK; }

ports $H0 $H1
check "our driver on the simulated package, port 1 in namespace peer, links up"

sample "" vsim0 $H1 >/tmp/sample.out 2>&1 && sample peer vsim1 $H0 peer &&
	ip -d link show macsec0 | grep -q "offload phy" &&
	! ip netns exec peer ip -d link show macsec0 | grep -q "offload phy" &&
	grep -q "TXSC: 0200000000010001 on SA 0" /tmp/sample.out &&
	[ "$(txpn 0) $(txpn 1)" = "1 1" ]
check "the sample: port 0 offloaded to the PHY (TX SA 0, SA 1 pre-installed), the mirror on port 1 in software"
sed 's/^/# /' /tmp/sample.out

# Permanent neighbours: no ARP frame may take a PN the count below expects
# (an ARP probe, 5 s after the peer's ping, used to be answered in it).
ip addr add $IP0/24 dev macsec0 && ip -n peer addr add $IP1/24 dev macsec0 &&
	ip neigh add $IP1 lladdr $H1 dev macsec0 nud permanent &&
	ip -n peer neigh add $IP0 lladdr $H0 dev macsec0 nud permanent &&
	pings 3 $IP1 && pings 3 $IP0 peer
check "ping both ways through the sample's SAs"

# 30 frames from 10 below the switch point: the threshold event comes with
# the 11th; frames leave on SA 0 until the interrupt is served and the
# switch made (how many depends on the guest's pace). Then 10 more, on SA 1.
ok0=$(rxok 0)
ip macsec set macsec0 tx sa 0 pn 4293918710 && frames_recv peer macsec0 $ETYPE 30 &&
	rawframe send macsec0 $ETYPE 30 $H1 >/dev/null && frames_received
check "30 frames from PN 4293918710 of TX SA 0 (10 below the switch point) all reach the peer"

# The MACsec core takes the switch over in a work item: wait for it.
on_sa1() { ip macsec show macsec0 | grep -q "TXSC: 0200000000010001 on SA 1"; }
eventually on_sa1 &&
	frames_recv peer macsec0 $ETYPE 10 && rawframe send macsec0 $ETYPE 10 $H1 >/dev/null &&
	frames_received
check "the pre-installed TX SA 1 took over (the kernel shows it); 10 more frames reach the peer"

p0=$(txpn 0) p1=$(txpn 1) on0=$(($(rxok 0) - ok0)) on1=$(rxok 1)
echo "# TX SA 0 next PN $p0, TX SA 1 next PN $p1; the peer took $on0 on SA 0, $on1 on SA 1"
[ "$p0" -gt 4293918720 ] && [ $((p0 - 4293918710 + p1 - 1)) = 40 ] &&
	[ $((on0 + on1)) = 40 ] && [ "$on1" -ge 10 ]
check "40 PNs used across the switch point, none skipped; the peer counted them on SA 0 and SA 1"

ip link del macsec0 && ip -n peer link del macsec0 &&
	ip -n peer link set vsim1 netns 1 && ip netns del peer &&
	ip link set vsim0 down && ip link set vsim1 down && misuse_clean && rmmod vsc8584_sim
check "tear down; no misuse of the simulated hardware; the simulator unloads"
finish
