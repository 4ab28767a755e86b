#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# What each MACsec operation costs on the MDIO bus, our driver against the
# upstream C driver (mscc.ko), on the same kernel and simulated package: the
# same operation script runs twice, once with each driver, from a freshly
# loaded simulator (power-on registers). The simulator counts the clause-22
# frames (debugfs "accesses", "reads"); the counts do not depend on timing.
#
# For each operation the table gives both drivers' frames (reads/writes), the
# ratio, and a lower bound: the 32-bit registers whose value the operation
# must change (those that differ in the simulator's register dumps before and
# after it, with our driver) times 4 frames, what one 32-bit access of any
# value takes on the page-4 window (two data halves, the command, one
# completion poll). The window keeps a data half that already holds the
# value, so single accesses may take 2 or 3 frames and an operation can come
# in under the bound. The time is the frames at 2.5 MHz MDC (64 clock cycles
# a frame: 25.6 us). A dump changes no register: its bound is "-".
#
# The table goes to the host as bench.md (`make bench` prints it and keeps
# it in out/bench.md). Gate: our full bring-up of a SecY (SecY + TX SA + RX
# SC + RX SA) costs at most half the C driver's frames.
. /tests/tap.sh
plan 7
M=/lib/modules/rsmacsec
D=/sys/kernel/debug/vsc8584_sim
KEY0=6b1f3c5a7e9d0b2c4f6e8a1d3c5b7a90
KEY0B=0f1e2d3c4b5a69788796a5b4c3d2e1f0
KEY1=a1b2c3d4e5f60718293a4b5c6d7e8f90
H1=02:00:00:00:00:02
AM=02:00:00:00:00:30
OPS="bringup add_secy add_txsa add_rxsc add_rxsa dev_open dump upd_secy_encrypt add_txsa_an1 switch_encodingsa update_pn del_secy"

# The 32-bit registers of ports 0 and 1 (MACsec engines and the other banks),
# one "view:address value" line each.
regs() {
	for p in 0 1; do
		for v in ingress.regs egress.regs csr.regs; do
			sed "s|^|$p.$v:|" $D/phy$p/$v
		done
	done | sort
}

# measure DRIVER OP COMMAND...: runs COMMAND and appends
# "OP FRAMES READS CHANGED RC" to /tmp/bench.DRIVER.
measure() {
	_drv=$1 _op=$2
	shift 2
	regs >/tmp/regs.before
	_a=$(cat $D/accesses) _r=$(cat $D/reads)
	"$@" >/dev/null 2>&1
	_rc=$?
	_b=$(cat $D/accesses) _s=$(cat $D/reads)
	regs >/tmp/regs.after
	_c=$(cat /tmp/regs.before /tmp/regs.after | sort | uniq -u | cut -d' ' -f1 | sort -u | wc -l)
	echo "$_op $((_b - _a)) $((_s - _r)) $_c $_rc" >>/tmp/bench.$_drv
}

# Waits (bounded, 10 s) until the bus is quiet: no access for half a second
# (the links came up, their interrupts were served).
quiet() {
	_i=0 _prev=-1
	while [ "$(cat $D/accesses)" != "$_prev" ]; do
		_prev=$(cat $D/accesses)
		_i=$((_i + 1))
		[ $_i -le 20 ] || return 1
		sleep 0.5
	done
}

bringup() {
	ip link set vsim0 up && ip link set vsim1 up &&
		carrier vsim0 && carrier vsim1 && quiet
}

# run DRIVER: the operation script.
run() {
	rm -f /tmp/bench.$1
	quiet
	measure $1 bringup bringup
	measure $1 add_secy ip link add link vsim0 msb address $AM type macsec port 1 offload phy
	measure $1 add_txsa ip macsec add msb tx sa 0 pn 1 on key 00 $KEY0
	measure $1 add_rxsc ip macsec add msb rx port 1 address $H1
	measure $1 add_rxsa ip macsec add msb rx port 1 address $H1 sa 0 pn 1 on key 10 $KEY1
	measure $1 dev_open ip link set msb up
	measure $1 dump ip -s macsec show msb
	measure $1 upd_secy_encrypt ip link set msb type macsec encrypt on
	measure $1 add_txsa_an1 ip macsec add msb tx sa 1 pn 1 on key 01 $KEY0B
	measure $1 switch_encodingsa ip link set msb type macsec encodingsa 1
	measure $1 update_pn ip macsec set msb tx sa 0 pn 100
	measure $1 del_secy ip link del msb
	ip link set vsim0 down && ip link set vsim1 down
}

grep -q '^vsc8584_rust ' /proc/modules && insmod $M/vsc8584_sim.ko && run rust &&
	[ "$(awk '$5 != 0' /tmp/bench.rust)" = "" ]
check "our driver: every operation of the script succeeded ($(wc -l </tmp/bench.rust) measured)"

rmmod vsc8584_sim && rmmod vsc8584_rust && insmod $M/mscc.ko &&
	insmod $M/vsc8584_sim.ko && run mscc
check "the C driver: the script ran ($(awk '$5 != 0 { printf "%s ", $1 }' /tmp/bench.mscc)failed)"

# Its misuse of the simulated hardware is not what this script measures.
echo clear >$D/misuse
rmmod mscc && rmmod vsc8584_sim && insmod $M/vsc8584_rust.ko
check "back to our driver"

# The table. An operation the C driver refuses or has no callback for (the
# dump reads no counter) is "n/a" there.
awk -v ops="$OPS" '
	FNR == 1 { drv = (FILENAME ~ /rust$/) ? "rust" : "mscc" }
	{ f[drv, $1] = $2; r[drv, $1] = $3; c[drv, $1] = $4; rc[drv, $1] = $5 }
	function fr(d, o) {
		return sprintf("%d (%d/%d)", f[d, o], r[d, o], f[d, o] - r[d, o])
	}
	function us(n) { return sprintf("%.1f ms", n * 25.6 / 1000) }
	END {
		print "| operation | ours: frames (reads/writes) | C driver | ours/C | lower bound | ours/bound | ours at 2.5 MHz | C at 2.5 MHz |"
		print "|---|---:|---:|---:|---:|---:|---:|---:|"
		n = split(ops, o, " ")
		for (i = 1; i <= n; i++) {
			k = o[i]
			na = rc["mscc", k] != 0 || (k == "dump" && f["mscc", k] == 0)
			lb = 4 * c["rust", k]
			theirs = "n/a"
			ratio = "-"
			ctime = "n/a"
			if (!na) {
				theirs = fr("mscc", k)
				ctime = us(f["mscc", k])
				if (f["mscc", k] > 0)
					ratio = sprintf("%.2f", f["rust", k] / f["mscc", k])
			}
			bound = "-"
			rb = "-"
			if (k != "dump") {
				bound = sprintf("%d (%d regs)", lb, c["rust", k])
				if (lb > 0)
					rb = sprintf("%.2f", f["rust", k] / lb)
			}
			printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", k, fr("rust", k), theirs, ratio, bound, rb, us(f["rust", k]), ctime
		}
		ours = 0
		theirs = 0
		bound = 0
		split("add_secy add_txsa add_rxsc add_rxsa", b, " ")
		for (i = 1; i <= 4; i++) {
			ours += f["rust", b[i]]; theirs += f["mscc", b[i]]; bound += 4 * c["rust", b[i]]
		}
		printf "| full bring-up of a SecY (SecY + TX SA + RX SC + RX SA) | %d | %d | %.2f | %d | %.2f | %s | %s |\n",
			ours, theirs, ours / theirs, bound, ours / bound, us(ours), us(theirs)
	}' /tmp/bench.rust /tmp/bench.mscc >/tmp/bench.md
cat >>/tmp/bench.md <<'EOF'

del_secy: ours also writes zeros over the key and H of every record it frees;
the C driver disables the flows and leaves the keys in the engine.
EOF
sed 's/^/# /' /tmp/bench.md
grep -q '^| full bring-up' /tmp/bench.md
check "the table of $(grep -c '^| [a-z_]* |' /tmp/bench.md) operations"

echo "RSMACSEC-FILE-BEGIN bench.md"
base64 /tmp/bench.md
echo "RSMACSEC-FILE-END bench.md"

sum() { awk '$1 ~ /^add_(secy|txsa|rxsc|rxsa)$/ { s += $2 } END { print s }' /tmp/bench.$1; }
ours=$(sum rust) theirs=$(sum mscc)
[ "$ours" -gt 0 ] && [ $((2 * ours)) -le "$theirs" ]
check "full bring-up of a SecY: ours $ours frames, at most half the C driver's $theirs"

# The host test that puts the bring-up against the floor of any order of its
# writes takes these figures: when they change, it and driver.rst change too.
[ "$ours" = 190 ] && [ "$theirs" = 576 ]
check "full bring-up: ours $ours and the C driver's $theirs frames, as tests/host/tests/macsec_costs.rs has them"

sw=$(awk '$1 == "switch_encodingsa" { print $3 " " $2 - $3 }' /tmp/bench.rust)
[ "${sw% *}" = 1 ] && [ "${sw#* }" -le 6 ]
check "TX SA switch: one 32-bit write, polled once (reads/writes: ${sw% *}/${sw#* }; page, target, data halves, command, restore)"
finish
