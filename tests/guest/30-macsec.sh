#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# MACsec end to end across the simulated wire: port 0 offloads its SecY to
# the PHY (the unmodified upstream C driver programs the simulated EIP-160),
# port 1 runs the kernel's software MACsec in its own network namespace.
# IP crosses both ways, the counters of both sides agree with each other,
# corrupted and dropped wire frames are caught, and a PN roll-over raises the
# PHY interrupt that makes the C driver retire the exhausted TX SA. The wire
# capture goes to the host, which decrypts it on its own
# (scripts/wire_check.py --macsec).
. /tests/tap.sh
plan 21
M=/lib/modules/rsmacsec
D=/sys/kernel/debug/vsc8584_sim
# The SAKs: the offload side sends with KEY0, the software side with KEY1.
KEY0=3f8e1c2a9b7d4e6f0a1b2c3d4e5f6071
KEY1=c0ffee00112233445566778899aabbcc
IP0=198.51.100.1
IP1=198.51.100.2

# "section.Name=value" lines of `ip -s macsec show DEV`, section being secy,
# txsc, txsa, rxsc or rxsa. $2 is an optional "-n peer".
macsec_stats() {
	ip $2 -s macsec show $1 | awk '
		BEGIN { sec = "secy" }
		/TXSC:/ { sec = "txsc" }
		/RXSC:/ { sec = "rxsc" }
		/^ +[0-3]: PN/ { sec = (sec ~ /^rx/) ? "rxsa" : "txsa" }
		/stats:/ {
			n = split($0, names)
			getline
			split($0, vals)
			for (i = 2; i <= n; i++)
				print sec "." names[i] "=" vals[i - 1]
		}'
}

# Value of counter $1 ("section.Name") in the output of macsec_stats, $2.
stat() { echo "$2" | awk -F= -v k="$1" '$1 == k { print $2; exit }'; }

# Sum over the SAs of hardware counter $3 of engine $2 (ingress|egress) of
# PHY $1, as the simulator's debugfs shows it.
hw() { awk -v k="$3" '$2 == k { s += $3 } END { print s + 0 }' $D/phy$1/$2.counters; }
# Global hardware counter $3 of engine $2 of PHY $1.
hw_global() { awk -v k="$3" '$1 == k { print $2 }' $D/phy$1/$2.counters; }
wire() { awk -v k="$1" '$1 == k { print $2 }' $D/wire; }

rmmod vsc8584_rust && insmod $M/mscc.ko && insmod $M/vsc8584_sim.ko
check "the upstream C driver (mscc) binds to a fresh simulated package"

ip netns add peer && ip link set vsim1 netns peer &&
	ip link set vsim0 up && ip -n peer link set vsim1 up &&
	carrier vsim0 && carrier vsim1 "ip netns exec peer"
check "port 1 in its own namespace, both links up"

mac0=$(cat /sys/class/net/vsim0/address)
mac1=$(ip netns exec peer cat /sys/class/net/vsim1/address)
ip link add link vsim0 ms0 type macsec port 1 encrypt on offload phy &&
	ip macsec add ms0 tx sa 0 pn 1 on key 00 $KEY0 &&
	ip macsec add ms0 rx port 1 address $mac1 &&
	ip macsec add ms0 rx port 1 address $mac1 sa 0 pn 1 on key 01 $KEY1 &&
	ip addr add $IP0/24 dev ms0 && ip link set ms0 up
check "port 0: SecY, TX SA and RX SA offloaded to the PHY (C driver)"

# What the C driver wrote, as the simulator's debugfs shows it: SAM entries 0
# (MKA bypass) and 1 (the SA) enabled in both engines, egress record 1 for
# GCM-AES-128 with AN 0, and (config_init) the host MAC's clocks and
# receive/transmit enables.
grep -qx "0x1800 0x00000003" $D/phy0/egress.regs &&
	grep -qx "0x1800 0x00000003" $D/phy0/ingress.regs &&
	grep -qx "0x0020 0x924be066" $D/phy0/egress.regs &&
	grep -qx "0x05 0x0000 0x00110011" $D/phy0/csr.regs
check "debugfs register dumps: entries 0 and 1 enabled, egress record 1 control word 0x924be066, host MAC enabled"

ip -n peer link add link vsim1 ms1 type macsec port 1 encrypt on &&
	ip -n peer macsec add ms1 tx sa 0 pn 1 on key 01 $KEY1 &&
	ip -n peer macsec add ms1 rx port 1 address $mac0 &&
	ip -n peer macsec add ms1 rx port 1 address $mac0 sa 0 pn 1 on key 00 $KEY0 &&
	ip -n peer addr add $IP1/24 dev ms1 && ip -n peer link set ms1 up
check "port 1: the same SAs in the kernel's software MACsec"

# Static neighbours: no ARP, so every frame on the wire is one of the pings
# and the counters below are exact.
ip neigh add $IP1 lladdr $mac1 dev ms0 nud permanent &&
	ip -n peer neigh add $IP0 lladdr $mac0 dev ms1 nud permanent
check "static neighbours on both SecYs"

ping -c 3 -W 5 $IP1 >/tmp/ping.out && grep -q ' 3 packets received' /tmp/ping.out
check "ping from the offloaded side to the software side: $(grep -o '[0-9]* packets received' /tmp/ping.out)"

ip netns exec peer ping -c 3 -W 5 $IP0 >/tmp/ping.out && grep -q ' 3 packets received' /tmp/ping.out
check "ping from the software side to the offloaded side: $(grep -o '[0-9]* packets received' /tmp/ping.out)"

S=$(macsec_stats ms1 "-n peer")
sw_rx_ok=$(stat rxsa.InPktsOK "$S")
sw_tx=$(stat txsa.OutPktsEncrypted "$S")
hw_tx=$(hw 0 egress OutPktsEncryptedProtected)
hw_rx_ok=$(hw 0 ingress InPktsOK)
[ "$hw_tx $sw_rx_ok $sw_tx $hw_rx_ok" = "6 6 6 6" ] || {
	ip -n peer -s macsec show ms1
	cat $D/phy0/egress.counters $D/phy0/ingress.counters $D/wire
} | sed 's/^/# /'
[ "$hw_tx" = 6 ] && [ "$sw_rx_ok" = 6 ]
check "6 frames encrypted by the PHY, 6 accepted by the software RX SA ($hw_tx, $sw_rx_ok)"

[ "$sw_tx" = 6 ] && [ "$hw_rx_ok" = 6 ]
check "6 frames encrypted by software, 6 accepted by the PHY ($sw_tx, $hw_rx_ok)"

bad="$(stat rxsa.InPktsNotValid "$S") $(stat rxsc.InPktsLate "$S") $(hw 0 ingress InPktsNotValid)"
bad="$bad $(hw_global 0 egress TransformErrorPkts) $(hw_global 0 ingress TransformErrorPkts)"
[ "$bad" = "0 0 0 0 0" ]
check "no invalid, late or failed frame anywhere (NotValid Late NotValid TransformErrorPkts x2: $bad)"

frames=$(wire carried)
[ "$frames" = 12 ]
check "the wire carried those 12 frames and nothing else ($frames)"

# The capture goes to the host, which decrypts it with its own AES-GCM.
echo "RSMACSEC-FILE-BEGIN wire-macsec.pcap"
base64 $D/wire.pcap
rc=$?
echo "RSMACSEC-FILE-END wire-macsec.pcap"
[ $rc -eq 0 ]
check "the tap serves the MACsec capture"

# A bit flipped on the cable: whichever side receives it drops it as invalid.
echo "1 corrupt" >$D/wire_fault
ping -c 1 -W 2 $IP1 >/dev/null
S=$(macsec_stats ms1 "-n peer")
nv=$(($(stat rxsa.InPktsNotValid "$S") + $(hw 0 ingress InPktsNotValid)))
[ "$(wire fault_corrupted)" = 1 ] && [ $nv = 1 ]
check "a corrupted wire frame fails the ICV check (InPktsNotValid: $nv)"

echo "1 drop" >$D/wire_fault
ping -c 1 -W 2 $IP1 >/dev/null
[ "$(wire fault_dropped)" = 1 ]
check "the wire can lose a frame"

ping -c 2 -W 5 $IP1 >/dev/null
check "traffic flows again after the faults"

# PN exhaustion: a TX SA added at PN 0xfffffffe. The C driver writes next_pn
# itself into the record, which holds the last PN sent, so its first frame
# carries 0xffffffff (the driver's egress PN is one ahead, a known defect).
# The next frame's increment rolls over (egr.h:6354-6356): the hardware drops
# it as a transform error and raises the roll-over interrupt; the sequence
# number stays at 0xffffffff (BLOCK_CTX_UPDATE), where the C driver's handler
# finds the SA and disables it (macsec_pn_wrapped). The PN never wraps.
irq0=$(awk '/vsc8584-sim:08/ { for (i = 2; $i ~ /^[0-9]+$/; i++) s += $i; print s }' /proc/interrupts)
ip macsec set ms0 tx sa 0 off && ip macsec del ms0 tx sa 0 &&
	ip macsec add ms0 tx sa 0 pn 4294967294 on key 00 $KEY0
check "TX SA 0 re-added at PN 4294967294"

te0=$(hw_global 0 egress TransformErrorPkts)
ping -c 2 -W 2 $IP1 >/dev/null
i=0
while ! ip macsec show ms0 | grep -q "0: PN [0-9]*, state off"; do
	i=$((i + 1))
	[ $i -le 50 ] || break
	sleep 0.1
done
irq1=$(awk '/vsc8584-sim:08/ { for (i = 2; $i ~ /^[0-9]+$/; i++) s += $i; print s }' /proc/interrupts)
te1=$(hw_global 0 egress TransformErrorPkts)
ip macsec show ms0 | grep -q "0: PN [0-9]*, state off" && [ "$irq1" -gt "$irq0" ] &&
	[ $((te1 - te0)) = 1 ]
check "the frame after PN 0xffffffff rolls over: dropped (TransformErrorPkts $te0 -> $te1), interrupt, the C driver turns TX SA 0 off (IRQs $irq0 -> $irq1)"

drops0=$(hw_global 0 egress OutPktsUnknownSA)
ping -c 1 -W 2 $IP1 >/dev/null
rc=$?
drops1=$(hw_global 0 egress OutPktsUnknownSA)
[ $rc -ne 0 ] && [ "$drops1" -gt "$drops0" ]
check "with the SA retired, the PHY sends nothing in clear: no SA, dropped (OutPktsUnknownSA $drops0 -> $drops1)"

misuse_clean
check "the C driver's MACsec offload left no misuse ($(misuse_total))"

ip link del ms0 && ip -n peer link del ms1 && ip -n peer link set vsim1 netns 1 &&
	ip netns del peer && ip link set vsim0 down && ip link set vsim1 down &&
	rmmod mscc && rmmod vsc8584_sim && insmod $M/vsc8584_rust.ko
check "tear down: SecYs, namespace, modules; vsc8584_rust is back"
finish
