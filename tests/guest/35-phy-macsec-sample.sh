#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The Rust PHY and MACsec abstractions through the real phylib and MACsec
# core: the sample driver (samples/rust_phy_macsec) binds to the simulated
# PHYs, presented with its identifier, offloads a SecY on each port, reports
# the counters and the packet number of the SA each request names, serves
# ethtool's PHY statistics, refuses what it cannot do with its own message,
# and survives being unbound from a PHY under a running offloaded SecY.
. /tests/tap.sh
plan 18
M=/lib/modules/rsmacsec
BUS=/sys/bus/mdio_bus
SAMPLE="$BUS/drivers/rsmacsec sample MACsec PHY"
PHY0=vsc8584-sim:08
D=/sys/kernel/debug/vsc8584_sim
KEY0=3f8e1c2a9b7d4e6f0a1b2c3d4e5f6071
KEY1=c0ffee00112233445566778899aabbcc
IP0=198.51.100.1
IP1=198.51.100.2

insmod $M/vsc8584_sim.ko phy_id=0x0f0f0f00 &&
	[ "$(basename "$(readlink $BUS/devices/$PHY0/driver)")" = "rsmacsec sample MACsec PHY" ]
check "the sample driver binds to a simulated PHY presented with its identifier"

ip netns add peer && ip link set vsim1 netns peer &&
	ip link set vsim0 up && ip -n peer link set vsim1 up &&
	carrier vsim0 && carrier vsim1 "ip netns exec peer"
check "port 1 in its own namespace, both links up"

out=$(ip link add link vsim0 ms0 type macsec port 1 cipher gcm-aes-xpn-128 offload phy 2>&1)
rc=$?
[ $rc -ne 0 ] && echo "$out" | grep -q "Error: the sample PHY has no extended packet numbering"
check "XPN is refused with the driver's message ($out)"

mac0=$(cat /sys/class/net/vsim0/address)
mac1=$(ip netns exec peer cat /sys/class/net/vsim1/address)
ip link add link vsim0 ms0 type macsec port 1 encrypt on offload phy &&
	ip macsec add ms0 tx sa 0 pn 100 on key 00 $KEY0 &&
	ip macsec add ms0 tx sa 1 pn 1000 on key 01 $KEY1 &&
	ip macsec add ms0 rx port 1 address $mac1 &&
	ip macsec add ms0 rx port 1 address $mac1 sa 0 pn 1 on key 02 $KEY1 &&
	ip addr add $IP0/24 dev ms0 && ip link set ms0 up &&
	ip -n peer link add link vsim1 ms1 type macsec port 1 encrypt on offload phy &&
	ip -n peer macsec add ms1 tx sa 0 pn 1 on key 02 $KEY1 &&
	ip -n peer macsec add ms1 rx port 1 address $mac0 &&
	ip -n peer macsec add ms1 rx port 1 address $mac0 sa 0 pn 100 on key 00 $KEY0 &&
	ip -n peer addr add $IP1/24 dev ms1 && ip -n peer link set ms1 up &&
	ip -d link show ms0 | grep -q "offload phy"
check "both ports offload a SecY with its SAs to the sample driver"

ip neigh add $IP1 lladdr $mac1 dev ms0 nud permanent &&
	ip -n peer neigh add $IP0 lladdr $mac0 dev ms1 nud permanent &&
	ping -c 3 -W 5 $IP1 >/tmp/ping.out && grep -q ' 3 packets received' /tmp/ping.out &&
	ip netns exec peer ping -c 3 -W 5 $IP0 >/tmp/ping.out &&
	grep -q ' 3 packets received' /tmp/ping.out
check "ping both ways between the offloaded SecYs (the sample leaves frames unchanged)"

# Each dump asks the driver for the counters of the TX SC, then for those of
# each SA before it reads the SA's packet number. The sample sends 8 frames on
# the encoding SA (0) per dump and writes its packet number back.
show1=$(ip macsec show ms0)
show2=$(ip -s macsec show ms0)
echo "$show1" | grep -q "0: PN 108, state on" && echo "$show1" | grep -q "1: PN 1000, state on"
check "the packet number of the encoding SA comes from the driver (PN 108), the other stays (PN 1000)"

echo "$show2" | grep -q "0: PN 116, state on"
check "a second dump sees the driver's packet number move (PN 116)"

# The statistics line after "N: PN" holds the counters of SA N only, the one
# after "TXSC:" (past the SecY's) those of the channel.
sa0=$(echo "$show2" | awk '/ 0: PN 116/ { getline; getline; print $2; exit }')
sa1=$(echo "$show2" | awk '/ 1: PN 1000/ { getline; getline; print $2; exit }')
sc=$(echo "$show2" | awk '/TXSC:/ { getline; getline; getline; getline; print $2; exit }')
[ "$sa0 $sa1 $sc" = "16 0 16" ] || echo "$show2" | sed 's/^/# /'
[ "$sa0 $sa1 $sc" = "16 0 16" ]
check "per-SA counters reach the SA they belong to (OutPktsEncrypted SA0 $sa0, SA1 $sa1, TXSC $sc)"

stats=$(/sbin/ethtool --phy-statistics vsim0)
echo "$stats" | grep -q "macsec_secys: 1" && echo "$stats" | grep -q "macsec_requests: 5"
check "ethtool reads the driver's PHY statistics ($(echo $stats | tr -s ' '))"

echo $PHY0 >"$SAMPLE/unbind" && [ ! -e $BUS/devices/$PHY0/driver ]
check "the sample driver is unbound from port 0's PHY through sysfs, SecY still up"

ping -c 3 -W 5 $IP1 >/tmp/ping.out && grep -q ' 3 packets received' /tmp/ping.out &&
	ip netns exec peer ping -c 3 -W 5 $IP0 >/tmp/ping.out &&
	grep -q ' 3 packets received' /tmp/ping.out
check "traffic after the unbind: the receive path finds operations, no oops"

out=$(ip macsec add ms0 tx sa 2 pn 1 on key 03 $KEY1 2>&1)
rc=$?
[ $rc -ne 0 ] && echo "$out" | grep -q "Error: the PHY driver of the device was unbound"
check "a new SA is refused with a message ($out)"

ip -s macsec show ms0 | grep -q "0: PN 116, state on"
check "the SecY can still be shown: the kernel keeps the last packet number it learned"

ip link del ms0 && ! ip link show ms0 2>/dev/null
check "the SecY can be deleted after the unbind"

# phylib only starts a PHY from the state a fresh binding leaves: stop the
# port while the PHY has no driver, bind, start it again.
ip link set vsim0 down && echo $PHY0 >"$SAMPLE/bind" && ip link set vsim0 up && carrier vsim0 &&
	ip link add link vsim0 ms0 type macsec port 1 encrypt on offload phy &&
	ip link del ms0
check "bound again, the driver offloads a new SecY"

# The sample leaves frames unchanged: the tap saw the pings in clear. A test
# can make the tap forget what it saw, to capture only its own frames.
[ "$(wc -c <$D/wire.pcap)" -gt 24 ] && echo clear >$D/wire.pcap &&
	[ "$(wc -c <$D/wire.pcap)" = 24 ]
check "the wire tap forgets its frames on request (a bare pcap header left)"

ip -n peer link del ms1 && ip -n peer link set vsim1 netns 1 && ip netns del peer &&
	ip link set vsim0 down && ip link set vsim1 down && rmmod vsc8584_sim
check "tear down: SecY, namespace, simulator"

# phylib 6.12 takes a reference on the driver's module when a PHY is attached
# and drops it on detach only if a driver is still bound: detaching port 0
# while unbound leaked one. The sample stays loaded for the rest of the run.
refs=$(cat /sys/module/rust_phy_macsec/refcnt)
[ "$refs" = 1 ]
check "the module reference phylib leaks across the unbind is the only one left ($refs)"
finish
