#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check a capture of the simulated wire, independently of the guest.

Reads the pcap the guest's tap produced (its own parser: no library shared
with the kernel side) and checks what crossed the cable. Prints TAP.

For now the MACsec engines are not in the simulator's frame path, so the
capture holds plain frames: the check is that the ping of the guest test
crossed the wire in both directions, with the addresses it used.
"""

import struct
import sys

ETH_P_IP = 0x0800
ETH_P_ARP = 0x0806
ETH_P_MACSEC = 0x88E5


def frames(path):
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 24:
        raise ValueError("no pcap global header")
    magic, major, minor, _zone, _sig, snaplen, link = struct.unpack("<IHHiIII", data[:24])
    if magic != 0xA1B2C3D4 or (major, minor) != (2, 4) or link != 1:
        raise ValueError(f"not a little-endian Ethernet pcap v2.4: {magic:#x} {major}.{minor} link {link}")
    off = 24
    while off < len(data):
        if off + 16 > len(data):
            raise ValueError("truncated record header")
        _sec, _usec, incl, orig = struct.unpack("<IIII", data[off:off + 16])
        off += 16
        if incl != orig or incl > snaplen or off + incl > len(data):
            raise ValueError(f"bad record length {incl}/{orig}")
        yield data[off:off + incl]
        off += incl


def icmp_echo(frame):
    """Returns (src, dst, type) of an IPv4 ICMP echo frame, or None."""
    if len(frame) < 14 + 20 + 8 or struct.unpack("!H", frame[12:14])[0] != ETH_P_IP:
        return None
    ip = frame[14:]
    ihl = (ip[0] & 0xF) * 4
    if ip[0] >> 4 != 4 or ip[9] != 1 or len(ip) < ihl + 8:
        return None
    icmp_type = ip[ihl]
    if icmp_type not in (0, 8):
        return None
    return ".".join(map(str, ip[12:16])), ".".join(map(str, ip[16:20])), icmp_type


def main(path, local="192.0.2.1", peer="192.0.2.2", pings=2):
    results = []
    try:
        all_frames = list(frames(path))
        results.append((True, f"{path}: valid pcap with {len(all_frames)} frames"))
    except (OSError, ValueError) as e:
        all_frames = []
        results.append((False, f"{path}: {e}"))
    echoes = [e for e in map(icmp_echo, all_frames) if e]
    req = sum(1 for e in echoes if e == (local, peer, 8))
    rep = sum(1 for e in echoes if e == (peer, local, 0))
    results.append((req == pings, f"{req} echo requests {local} -> {peer} on the wire (expected {pings})"))
    results.append((rep == pings, f"{rep} echo replies {peer} -> {local} on the wire (expected {pings})"))
    print(f"1..{len(results)}")
    for i, (ok, what) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {what}")
    return 0 if all(ok for ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
