#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The Rust PHY driver module is loaded and registered with phylib, and the
# guest has what the end-to-end tests need (iproute2 with MACsec, the
# kernel's software MACsec).
. /tests/tap.sh
plan 6

grep -q '^vsc8584_rust ' /proc/modules
check "vsc8584_rust is loaded"

drv="/sys/bus/mdio_bus/drivers/Microchip VSC8584 (rsmacsec)"
test -d "$drv"
check "phylib lists the driver: $drv"

test -d "/sys/bus/mdio_bus/drivers/rsmacsec sample MACsec PHY"
check "the MACsec abstraction sample is registered"

ip macsec help 2>&1 | grep -q '^Usage: ip macsec'
check "iproute2 ip has macsec support"

ip link add rsm-dummy0 type dummy &&
	ip link add link rsm-dummy0 rsm-macsec0 type macsec port 1 encrypt on &&
	ip macsec add rsm-macsec0 tx sa 0 pn 1 on key 01 00112233445566778899aabbccddeeff &&
	ip macsec show rsm-macsec0 | grep -q 'offload: off'
check "software MACsec SecY with a TX SA on a dummy device"

# There is no PHY on a dummy device: PHY offload must be refused.
out=$(ip link add link rsm-dummy0 rsm-macsec1 type macsec port 2 offload phy 2>&1)
rc=$?
[ $rc -ne 0 ] && echo "$out" | grep -q 'Operation not supported'
check "offload phy without a PHY is refused with EOPNOTSUPP (rc=$rc: $out)"
ip link del rsm-macsec0 2>/dev/null
ip link del rsm-dummy0 2>/dev/null
finish
