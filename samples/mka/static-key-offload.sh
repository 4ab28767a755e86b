#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# MACsec with static keys on a PHY that offloads it: the SecY on IFACE is
# offloaded to the PHY (vsc8584_rust), the peer at PEER_MAC runs MACsec with
# the mirror configuration (this script with "peer": the same keys the other
# way round, software MACsec). Without MKA, the keys and PNs are yours to
# manage: never reuse a PN with a key; the PHY switches to the next TX SA by
# itself before the PN runs out (pn_switch_margin), if there is one.
#
# Usage: static-key-offload.sh IFACE PEER_MAC          the side with the PHY
#        static-key-offload.sh IFACE PEER_MAC peer     its peer, in software
#
# tests/guest/57-static-sample.sh runs both sides.
set -e
IFACE=${1:?interface}
PEER=${2:?peer MAC address}
# The SAKs (16 octets for GCM-AES-128, hex): the PHY side's for AN 0 and
# AN 1, the peer's for AN 0. Replace them with your own random keys.
PHY0=8a51c2f3e4d5a6b7c8d9e0f1a2b3c4d5
PHY1=1f2e3d4c5b6a79880716253443526170
PEER0=a1b2c3d4e5f60718293a4b5c6d7e8f90

if [ "${3:-}" = peer ]; then
	# The mirror: sends with the peer's SAK, receives both of the PHY
	# side's SAs (AN 1 is where the PHY side goes next).
	ip link add link "$IFACE" macsec0 type macsec port 1 encrypt on
	ip macsec add macsec0 tx sa 0 pn 1 on key 10 "$PEER0"
	ip macsec add macsec0 rx port 1 address "$PEER"
	ip macsec add macsec0 rx port 1 address "$PEER" sa 0 pn 1 on key 00 "$PHY0"
	ip macsec add macsec0 rx port 1 address "$PEER" sa 1 pn 1 on key 01 "$PHY1"
	ip link set macsec0 up
	exit 0
fi

# The SecY: port 1 of the SCI, frames encrypted, offloaded to the PHY. An
# address of the parent's is the default; "address" gives another.
ip link add link "$IFACE" macsec0 type macsec port 1 encrypt on offload phy
# TX SA 0 sends first; TX SA 1 is pre-installed in the PHY and takes over
# at the switch point (or when told: ip link set macsec0 type macsec
# encodingsa 1). Key identifiers (00, 01) are 16 octets in the kernel.
ip macsec add macsec0 tx sa 0 pn 1 on key 00 "$PHY0"
ip macsec add macsec0 tx sa 1 pn 1 on key 01 "$PHY1"
# The peer's secure channel (its SCI: its address and port 1) and its SA.
ip macsec add macsec0 rx port 1 address "$PEER"
ip macsec add macsec0 rx port 1 address "$PEER" sa 0 pn 1 on key 10 "$PEER0"
ip link set macsec0 up
# Counters and the PNs the PHY reached:
ip -s macsec show macsec0
