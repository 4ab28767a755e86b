# SPDX-License-Identifier: GPL-2.0
# Minimal TAP writer and shared helpers for the guest test scripts (sourced,
# busybox sh). Usage: plan N; <command>; check "description"; ...; finish
# busybox sh runs its own applets before anything on PATH, and its ip
# applet knows nothing of MACsec: always use iproute2's.
ip() { /sbin/ip "$@"; }

_tap_n=0
_tap_failed=0
plan() { echo "1..$1"; }
# Reports the exit status of the command run just before it.
check() {
	_tap_rc=$?
	_tap_n=$((_tap_n + 1))
	if [ $_tap_rc -eq 0 ]; then
		echo "ok $_tap_n - $1"
	else
		echo "not ok $_tap_n - $1"
		_tap_failed=$((_tap_failed + 1))
	fi
}
finish() { [ $_tap_failed -eq 0 ]; exit $?; }

# The first line of the simulator's debugfs misuse, "total N" (nothing when
# the simulator is not loaded).
misuse_total() { head -n 1 /sys/kernel/debug/vsc8584_sim/misuse 2>/dev/null; }
# Succeeds when the simulator is loaded and nothing misused its hardware.
misuse_clean() { [ "$(misuse_total)" = "total 0" ]; }

# frames_recv NS IF ETHERTYPE COUNT [VID]: starts rawframe counting COUNT
# frames of ETHERTYPE (tagged with VLAN VID if given) on IF, in namespace NS
# ("" for this one), in the background, and waits (bounded, 5 s) until it
# listens; it gives up 5 s after the last frame.
frames_recv() {
	rm -f /tmp/ready
	${1:+ip netns exec $1} rawframe recv $2 $3 $4 5000 /tmp/ready $5 >/tmp/recv.out &
	_recv_pid=$!
	_i=0
	while [ ! -e /tmp/ready ]; do
		_i=$((_i + 1))
		[ $_i -le 100 ] || return 1
		sleep 0.05
	done
}
# Waits for the receiver frames_recv started; succeeds when it got its count.
frames_received() {
	wait $_recv_pid
	_rc=$?
	echo "# $(cat /tmp/recv.out)"
	return $_rc
}

# pings COUNT ADDR [NS]: COUNT pings of ADDR (from namespace NS), all answered.
pings() {
	${3:+ip netns exec $3} ping -c $1 -i 0.2 -W 2 $2 >/tmp/ping.out 2>&1 &&
		grep -q " $1 packets received" /tmp/ping.out
}

# sample NS ARGS...: runs samples/mka/static-key-offload.sh with ARGS (in
# namespace NS, "" for this one) as a user would, with iproute2's ip.
sample() {
	_ns=$1
	shift
	${_ns:+ip netns exec $_ns} sh -c 'ip() { /sbin/ip "$@"; }; . "$0"' \
		/tests/static-key-offload.sh "$@"
}

# eventually CMD...: waits (bounded, 10 s) until CMD succeeds.
eventually() {
	_i=0
	until "$@"; do
		_i=$((_i + 1))
		[ $_i -le 100 ] || return 1
		sleep 0.1
	done
}

# ports H0 H1: the simulator under our driver (loaded already), vsim0 with
# address H0, vsim1 with H1 in namespace peer, both links up.
ports() {
	grep -q '^vsc8584_rust ' /proc/modules && insmod /lib/modules/rsmacsec/vsc8584_sim.ko &&
		ip link set vsim0 address $1 && ip link set vsim1 address $2 &&
		ip netns add peer && ip link set vsim1 netns peer &&
		ip link set vsim0 up && ip -n peer link set vsim1 up &&
		carrier vsim0 && carrier vsim1 "ip netns exec peer"
}

# sa_pn NS DEV SIDE AN: the PN of SA AN of macsec device DEV (in namespace
# NS, "" for this one) as ip macsec show prints it: the next PN of TX SA AN
# (SIDE "tx"), or the lowest PN of RX SA AN in the first RX SC that has one
# (SIDE "rx"). With XPN, iproute2 6.1 prints only the low 32 bits ("%u")
# followed by "SSCI" without a space (fixed in later iproute2).
sa_pn() {
	ip ${1:+-n $1} macsec show $2 | awk -v side="$3" -v an="$4" '
		/TXSC:/ { where = "tx" } /RXSC:/ { where = "rx" }
		where == side && $1 == an ":" && $2 == "PN" { sub(/(,|SSCI).*/, "", $3); print $3; exit }'
}

# sa_stat NS DEV SIDE AN COLUMN: the counter COLUMN of the same SA, as
# ip -s macsec show prints it.
sa_stat() {
	ip ${1:+-n $1} -s macsec show $2 | awk -v side="$3" -v an="$4" -v col="$5" '
		/TXSC:/ { where = "tx" } /RXSC:/ { where = "rx" }
		where == side && $1 == an ":" && $2 == "PN" { getline; n = split($0, names); getline
			split($0, vals); for (i = 2; i <= n; i++) if (names[i] == col) print vals[i - 1]; exit }'
}

# txpn AN: the next PN of TX SA AN of macsec0.
txpn() { sa_pn "" macsec0 tx $1; }

# Waits (bounded, 10 s) until port $1 has carrier: phylib polls the PHY or
# takes its interrupt. $2 runs the read elsewhere, e.g. "ip netns exec peer".
carrier() { eventually has_carrier "$1" "$2"; }
# has_carrier PORT [PREFIX]: port PORT has carrier now.
has_carrier() { [ "$($2 cat /sys/class/net/$1/carrier 2>/dev/null)" = 1 ]; }
