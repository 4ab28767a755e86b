#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The checks of 60-offload-defects.sh can fail: run with the upstream C
# driver (mscc.ko) instead of ours, the check of each defect that
# Documentation/driver.rst lists fails. The C driver's whole run is printed
# as diagnostics ("# | ..."), its MDIO costs ("# | # mdio ...") included.
. /tests/tap.sh
plan 11
DEFECTS_DRIVER=mscc sh /tests/60-offload-defects.sh >/tmp/mscc.tap 2>&1
sed 's/^/# | /' /tmp/mscc.tap

grep -qx '1\.\.77' /tmp/mscc.tap && [ "$(grep -c '^\(not \)\?ok ' /tmp/mscc.tap)" = 77 ]
check "the C driver's run of 60-offload-defects.sh ran all its 77 checks"

# fails WHAT DESCRIPTION: the check DESCRIPTION of 60-offload-defects.sh
# failed with the C driver.
fails() {
	grep -q "^not ok [0-9]* - $2\$" /tmp/mscc.tap
	check "C driver fails: $1 (\"$2\")"
}

fails "a changelink (encrypt) stops the traffic" \
	"1: encrypt off (changelink): ping still answered"
fails "a changelink (encodingsa) stops the traffic" \
	"2: encodingsa 1 (changelink): ping still answered"
fails "the TX SA of AN 1 does not send AN 1" \
	"2: TX SA 1 sent PNs 1000-1002, the peer took them on its SA of AN 1; TX SA 0 stays at PN 10"
fails "two RX SCs with the same AN are not independent" \
	"3: SC 2 on, its SA 0 off: SC 2 drops 3 more, SC 1's SA 0 (same AN) takes 3"
fails "a peer that sends no SCI is not received" \
	"4: one RX SC, the peer sends no SCI: ping answered"
fails "the parent's plain traffic is captured" \
	"5: plain IP on the parent ports answered while ms0 is up"
fails "EAPOL does not pass while the MACsec device is down" \
	"6: ms0 down: 3 EAPOL frames from port 0 reach port 1"
fails "update_pn is refused" \
	"7: fresh SecYs, TX SA 0 set to PN 5000"
fails "the counters do not move" \
	"1: TX SA 0 encrypted 3 (next PN 4), RX SA 0 took 3, the peer took 3 on AN 0"
fails "a new address of the SecY stops the traffic" \
	"8: ping answered from the new address, through the SAs"
finish
