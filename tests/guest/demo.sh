#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# What `make demo` shows: our Rust modules loaded (their KUnit results are
# printed above by the kernel at load time), the simulated VSC8584 package,
# and a MACsec SecY offloaded to it.
# busybox sh prefers its own ip applet, which knows nothing of MACsec.
ip() { /sbin/ip "$@"; }
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

say "the upstream C driver (mscc) takes fresh PHYs over"
# Ours has no interrupt support yet; phylib would poll the PHYs it bound for good.
rmmod vsc8584_sim
rmmod vsc8584_rust
insmod $M/mscc.ko
insmod $M/vsc8584_sim.ko
for p in $BUS/devices/vsc8584-sim:*; do
	echo "${p##*/}: driver: $(basename "$(readlink $p/driver)")"
done

say "the ports come up; the C driver initialises the PHYs"
a0=$(cat /sys/kernel/debug/vsc8584_sim/accesses)
ip link set vsim0 up
ip link set vsim1 up
echo "$(($(cat /sys/kernel/debug/vsc8584_sim/accesses) - a0)) MDIO accesses"
# The link change arrives as a PHY interrupt; wait for it (at most 10 s).
i=0
while [ "$(cat /sys/class/net/vsim0/carrier)$(cat /sys/class/net/vsim1/carrier)" != 11 ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
grep vsc8584-sim /proc/interrupts
ip -br link show vsim0
ip -br link show vsim1

say "a MACsec SecY offloaded to the simulated PHY"
ip link add link vsim0 macsec0 type macsec port 1 encrypt on offload phy
ip macsec add macsec0 tx sa 0 pn 1 on key 01 00112233445566778899aabbccddeeff
ip macsec add macsec0 rx port 1 address 02:00:00:00:00:01
ip macsec add macsec0 rx port 1 address 02:00:00:00:00:01 sa 0 pn 1 on key 02 ffeeddccbbaa99887766554433221100
ip macsec show macsec0

say "cleaning up"
ip link del macsec0
ip link set vsim0 down
ip link set vsim1 down
rmmod mscc && rmmod vsc8584_sim && rmmod rust_phy_macsec && echo "all unloaded"
