#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# What `make demo` shows: our Rust modules loaded (their KUnit results are
# printed above by the kernel at load time), the simulated VSC8584 package,
# brought up by our Rust driver (vsc8584_rust; the C driver mscc.ko is not
# loaded), a MACsec SecY offloaded to it, and traffic across the simulated
# wire between that offloaded SecY and the kernel's software MACsec, with
# the counters our driver reads from the hardware; then MKA: wpa_supplicant
# on both ports agrees on the keys, and rotates them when it sees the PHY's
# PN pass 0xC0000000.
# The guest scripts' helpers (tap.sh: iproute2's ip, not busybox's applet;
# sample: the static-key sample).
. /tests/tap.sh
say() { printf '\n### %s\n' "$*"; }
M=/lib/modules/rsmacsec
BUS=/sys/bus/mdio_bus

say "kernel"
uname -a
say "our modules are loaded"
grep -E '^(vsc8584_rust|rust_phy_macsec) ' /proc/modules
say "phylib drivers"
ls $BUS/drivers

say "the simulated VSC8584 package: four PHYs on their own MDIO bus"
insmod $M/vsc8584_sim.ko
for p in $BUS/devices/vsc8584-sim:*; do
	echo "${p##*/}: phy_id $(cat $p/phy_id), driver: $(basename "$(readlink $p/driver)")"
done

say "the ports come up; our driver initialises the PHYs (mscc.ko is not loaded)"
grep -c '^mscc ' /proc/modules
a0=$(cat /sys/kernel/debug/vsc8584_sim/accesses)
ip link set vsim0 up
ip link set vsim1 up
# The link change arrives as a PHY interrupt; wait for it (at most 10 s).
i=0
while [ "$(cat /sys/class/net/vsim0/carrier)$(cat /sys/class/net/vsim1/carrier)" != 11 ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
echo "$(($(cat /sys/kernel/debug/vsc8584_sim/accesses) - a0)) MDIO accesses"
dmesg | grep 'vsc8584_rust: PHY'
grep vsc8584-sim /proc/interrupts
ip -br link show vsim0
ip -br link show vsim1

say "port 1 moves to its own network namespace"
ip netns add peer 2>/dev/null
ip link set vsim1 netns peer
ip -n peer link set vsim1 up
mac0=$(cat /sys/class/net/vsim0/address)
mac1=$(ip netns exec peer cat /sys/class/net/vsim1/address)

say "port 0: the static-key sample (samples/mka/): a SecY offloaded to the simulated PHY by our Rust driver, TX SA 1 pre-installed"
a0=$(cat /sys/kernel/debug/vsc8584_sim/accesses)
sample "" vsim0 $mac1
echo "the sample (SecY, 2 TX SAs, RX SC and SA, open, a dump of the counters): $(($(cat /sys/kernel/debug/vsc8584_sim/accesses) - a0)) MDIO accesses"
ip addr add 198.51.100.1/24 dev macsec0

say "port 1: the sample's mirror, in the kernel's software MACsec"
sample peer vsim1 $mac0 peer
ip -n peer addr add 198.51.100.2/24 dev macsec0

say "ping across the wire: encrypted by the PHY one way, by software the other"
ping -c 3 -W 5 198.51.100.2

say "what the simulated PHY's engines counted (debugfs)"
D=/sys/kernel/debug/vsc8584_sim
for f in egress ingress; do
	echo "PHY 0 $f engine:"
	grep '^sa' $D/phy0/$f.counters
done
echo "wire:"
cat $D/wire
say "what our driver reports from the hardware counters (ip -s macsec show)"
ip -s macsec show macsec0
say "the engines' global counters (ethtool --phy-statistics)"
/sbin/ethtool --phy-statistics vsim0 | head -n 12
say "what the software SecY counted"
ip -n peer -s macsec show macsec0

ip link del macsec0
ip -n peer link del macsec0

say "MKA: wpa_supplicant on both ports with a pre-shared CAK (samples/mka/), port 0's SecY offloaded"
for n in 0 1; do
	sed -e "s|^ctrl_interface=.*|ctrl_interface=/var/run/wpa$n|" \
		-e "s|^\(\s*macsec_offload=\).*|\1$((1 - n))|" /tests/mka.conf >/tmp/mka$n.conf
done
wpa_supplicant -B -D macsec_linux -i vsim0 -c /tmp/mka0.conf -P /tmp/wpa0.pid
ip netns exec peer wpa_supplicant -B -D macsec_linux -i vsim1 -c /tmp/mka1.conf -P /tmp/wpa1.pid
st() { ${2:+ip netns exec peer} wpa_cli -p /var/run/wpa$1 -i vsim$1 status; }
i=0
until st 0 | grep -qx Secured=Yes && st 1 peer | grep -qx Secured=Yes || [ $i -ge 600 ]; do
	sleep 0.1
	i=$((i + 1))
done
echo "Secured after $i tenths of a second"
st 0 | grep -E '^(Secured|Is Key Server|Number of Keys)'
ip -d link show macsec0 | grep -o 'offload phy'
ip addr add 198.51.100.1/24 dev macsec0
ip link set macsec0 up
ip -n peer addr add 198.51.100.2/24 dev macsec0
ip -n peer link set macsec0 up
ping -c 3 198.51.100.2

say "MKA rotates the SAK when it sees the PHY's TX PN pass 0xC0000000"
enc() { ip macsec show macsec0 | sed -n 's/.*TXSC: [0-9a-f]* on SA \([0-3]\).*/\1/p'; }
an=$(enc)
ip macsec set macsec0 tx sa $an pn 3221225372
ip macsec show macsec0 | grep -E "TXSC|^ +$an: PN"
i=0
while [ "$(enc)" = "$an" ] && [ $i -lt 30 ]; do
	rawframe send macsec0 88b5 20 $mac1 >/dev/null
	sleep 0.5
	i=$((i + 1))
done
echo "the encoding SA went from $an to $(enc) after $((i * 20)) frames"
ping -c 3 198.51.100.2
ip -s macsec show macsec0
for pid in $(cat /tmp/wpa0.pid /tmp/wpa1.pid); do
	kill $pid
	i=0
	while kill -0 $pid 2>/dev/null && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
done

say "cleaning up"
ip -n peer link set vsim1 netns 1
ip netns del peer
ip link set vsim0 down
ip link set vsim1 down
rmmod vsc8584_sim && rmmod vsc8584_rust && rmmod rust_phy_macsec && echo "all unloaded"
