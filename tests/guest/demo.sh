#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# What `make demo` shows: the Rust module loaded, its driver registered with
# phylib, its KUnit results (printed above by the kernel at load time), and
# the MACsec tooling of the guest.
# busybox sh prefers its own ip applet, which knows nothing of MACsec.
ip() { /sbin/ip "$@"; }
say() { printf '\n### %s\n' "$*"; }
say "kernel"
uname -a
say "our module is loaded"
grep vsc8584_rust /proc/modules
say "phylib drivers (ours is 'Microchip VSC8584 (rsmacsec)')"
ls /sys/bus/mdio_bus/drivers
say "module information"
cat /sys/module/vsc8584_rust/taint 2>/dev/null; echo
say "a software MACsec SecY on a dummy port, for comparison"
ip link add demo0 type dummy
ip link add link demo0 macsec0 type macsec port 1 encrypt on
ip macsec add macsec0 tx sa 0 pn 1 on key 01 00112233445566778899aabbccddeeff
ip macsec show macsec0
say "PHY offload needs a PHY: not on a dummy port"
ip link add link demo0 macsec1 type macsec port 2 offload phy
say "unloading the module"
rmmod vsc8584_rust && echo "vsc8584_rust unloaded"
