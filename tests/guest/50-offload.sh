#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# MACsec offloaded to our Rust driver (vsc8584_rust; mscc.ko is not loaded):
# port 0 offloads its SecY to the simulated PHY, port 1 (in namespace peer)
# runs the kernel's software MACsec ("sw") or offloads to the PHY too ("hw"),
# for each cipher suite with encryption on and off. Each run pings both ways,
# checks that the counters of both sides equal the frames sent, and leaves
# the capture of the wire to the host, which decrypts it on its own
# (scripts/check.sh: the "wire-offload" suite).
. /tests/tap.sh
plan 67
M=/lib/modules/rsmacsec
D=/sys/kernel/debug/vsc8584_sim
IP0=198.51.100.1
IP1=198.51.100.2
# The SAKs (port 0 sends with the first, port 1 with the second), the salts
# and SSCIs of the XPN runs. The host check reads them from here.
KEY128_0=4f1c2a9b7d4e6f0a1b2c3d4e5f607182
KEY128_1=93c0ffee00112233445566778899aabb
KEY256_0=7a3e5d1c9b0f2e4d6c8a1b3f5e7d9c0b2a4f6e8d1c3b5a7f9e0d2c4b6a8f1e3d
KEY256_1=1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0aa
SALT0=e630e81a48de86a21c66fa6d
SALT1=5ab0c1d2e3f405162738495a
SSCI0=1
SSCI1=2

grep -q '^vsc8584_rust ' /proc/modules && ! grep -q '^mscc ' /proc/modules &&
	insmod $M/vsc8584_sim.ko &&
	[ "$(basename "$(readlink /sys/bus/mdio_bus/devices/vsc8584-sim:08/driver)")" = \
		"Microchip VSC8584 (rsmacsec)" ]
check "our driver alone binds to the simulated package"

ip netns add peer && ip link set vsim1 netns peer &&
	ip link set vsim0 up && ip -n peer link set vsim1 up &&
	carrier vsim0 && carrier vsim1 "ip netns exec peer"
check "port 1 in its own namespace, both links up"

mac0=$(cat /sys/class/net/vsim0/address)
mac1=$(ip netns exec peer cat /sys/class/net/vsim1/address)

# run MODE CIPHER ENCRYPT: one configuration, 4 checks.
run() {
	mode=$1 cipher=$2 enc=$3 name=wire-offload-$1-$2-$3.pcap
	case $cipher in
	gcm-aes-128) k0=$KEY128_0 k1=$KEY128_1 sa0="pn 1" sa1="pn 1" ;;
	gcm-aes-256) k0=$KEY256_0 k1=$KEY256_1 sa0="pn 1" sa1="pn 1" ;;
	gcm-aes-xpn-128) k0=$KEY128_0 k1=$KEY128_1
		sa0="xpn 1 ssci $SSCI0 salt $SALT0" sa1="xpn 1 ssci $SSCI1 salt $SALT1" ;;
	gcm-aes-xpn-256) k0=$KEY256_0 k1=$KEY256_1
		sa0="xpn 1 ssci $SSCI0 salt $SALT0" sa1="xpn 1 ssci $SSCI1 salt $SALT1" ;;
	esac
	off1=
	[ $mode = hw ] && off1="offload phy"
	ip link add link vsim0 ms0 type macsec port 1 cipher $cipher encrypt $enc offload phy &&
		ip macsec add ms0 tx sa 0 $sa0 on key 00 $k0 &&
		ip macsec add ms0 rx port 1 address $mac1 &&
		ip macsec add ms0 rx port 1 address $mac1 sa 0 $sa1 on key 01 $k1 &&
		ip addr add $IP0/24 dev ms0 && ip link set ms0 up &&
		ip neigh add $IP1 lladdr $mac1 dev ms0 nud permanent &&
		ip -n peer link add link vsim1 ms1 type macsec port 1 cipher $cipher encrypt $enc $off1 &&
		ip -n peer macsec add ms1 tx sa 0 $sa1 on key 01 $k1 &&
		ip -n peer macsec add ms1 rx port 1 address $mac0 &&
		ip -n peer macsec add ms1 rx port 1 address $mac0 sa 0 $sa0 on key 00 $k0 &&
		ip -n peer addr add $IP1/24 dev ms1 && ip -n peer link set ms1 up &&
		ip -n peer neigh add $IP0 lladdr $mac0 dev ms1 nud permanent
	check "$mode $cipher encrypt $enc: SecYs and SAs on both ports"

	echo clear >$D/wire.pcap &&
		ping -c 3 -W 5 $IP1 >/tmp/ping.out && grep -q ' 3 packets received' /tmp/ping.out &&
		ip netns exec peer ping -c 3 -W 5 $IP0 >/tmp/ping.out &&
		grep -q ' 3 packets received' /tmp/ping.out
	check "$mode $cipher encrypt $enc: ping both ways"

	col=OutPktsEncrypted
	[ $enc = off ] && col=OutPktsProtected
	got="$(sa_stat "" ms0 tx 0 $col) $(sa_stat "" ms0 rx 0 InPktsOK) $(sa_stat peer ms1 tx 0 $col) $(sa_stat peer ms1 rx 0 InPktsOK)"
	[ "$got" = "6 6 6 6" ] || ip -s macsec show ms0 | sed 's/^/# /'
	[ "$got" = "6 6 6 6" ]
	check "$mode $cipher encrypt $enc: $col and InPktsOK of both sides are the 6 frames each way ($got)"

	echo "RSMACSEC-FILE-BEGIN $name"
	base64 $D/wire.pcap
	echo "RSMACSEC-FILE-END $name"
	ip link del ms0 && ip -n peer link del ms1
	check "$mode $cipher encrypt $enc: capture handed over, SecYs deleted"
}

for mode in sw hw; do
	for cipher in gcm-aes-128 gcm-aes-256 gcm-aes-xpn-128 gcm-aes-xpn-256; do
		for enc in on off; do
			run $mode $cipher $enc
		done
	done
done

ip -n peer link set vsim1 netns 1 && ip netns del peer &&
	ip link set vsim0 down && ip link set vsim1 down && misuse_clean && rmmod vsc8584_sim
check "tear down: namespace, ports; no misuse of the simulated hardware"
finish
