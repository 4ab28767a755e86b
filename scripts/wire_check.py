#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check a capture of the simulated wire, independently of the guest.

Reads the pcap the guest's tap produced (its own parser: no library shared
with the kernel side) and checks what crossed the cable. Prints TAP.

    wire_check.py CAPTURE
        plain frames: the guest's pings crossed the wire both ways.
    wire_check.py --macsec SA[,SA...] CAPTURE
        MACsec: every frame on the wire is a MACsec frame that decrypts under
        one of the SAKs (AES-GCM from Python's `cryptography`, not the
        kernel's), the PNs of each SC strictly increase, and the decrypted
        frames hold the pings of the guest test in both directions.
        An SA is KEY (GCM-AES, IV = SCI || PN) or KEY:SALT:SSCI[:PN] for XPN
        (IV = (SSCI || 64-bit PN) XOR SALT): the upper half of the PN, which
        the wire does not carry, is recovered from PN (the first one the SA
        sends, 1 by default) and then from the frames already seen.
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


def sectag(frame):
    """Parses the SecTAG of a MACsec frame: (tci, an, pn, sci, header length)."""
    if len(frame) < 14 + 8 + 16 or struct.unpack("!H", frame[12:14])[0] != ETH_P_MACSEC:
        return None
    tci = frame[14] & 0xFC
    pn = struct.unpack("!I", frame[16:20])[0]
    if tci & 0x20:
        return tci, frame[14] & 3, pn, frame[20:28], 28
    # No SCI in the SecTAG (ES, SCB or neither): the source address and port 1
    # (802.1AE 9.9, Linux macsec_frame_sci).
    return tci, frame[14] & 3, pn, frame[6:12] + b"\x00\x01", 20


class Sa:
    """The key material of a secure association as the check needs it."""

    def __init__(self, key, salt=None, ssci=None, first_pn=1):
        self.key, self.salt, self.ssci = key, salt, ssci
        # The last full packet number seen per SCI, for XPN recovery.
        self.last = {}
        self.first_pn = first_pn

    @classmethod
    def parse(cls, spec):
        """KEY, or KEY:SALT:SSCI[:PN] for XPN (hex, PN decimal)."""
        parts = spec.split(":")
        if len(parts) == 1:
            return cls(bytes.fromhex(parts[0]))
        pn = int(parts[3]) if len(parts) > 3 else 1
        return cls(bytes.fromhex(parts[0]), bytes.fromhex(parts[1]), int(parts[2], 16), pn)

    def full_pn(self, sci, pn):
        """The packet number of a frame: as on the wire without XPN; with XPN the
        64-bit one nearest above the last seen whose lower half is `pn`."""
        if self.salt is None:
            return pn
        last = self.last.get(sci, self.first_pn - 1)
        high = last >> 32
        cands = [((high + d) << 32) | pn for d in (-1, 0, 1) if 0 <= high + d < 1 << 32]
        return min(cands, key=lambda c: abs(c - (last + 1)))

    def iv(self, sci, pn):
        if self.salt is None:
            return sci + struct.pack("!I", pn)
        plain = struct.pack("!IQ", self.ssci, pn)
        return bytes(a ^ b for a, b in zip(plain, self.salt))


def unprotect(frame, sas):
    """Decrypts or verifies a MACsec frame under the first SA that authenticates
    it. Returns (plain frame, sci, full pn, sa index) or None."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    tag = sectag(frame)
    if not tag:
        return None
    tci, _an, wire_pn, sci, hdr = tag
    body, icv = frame[hdr:-16], frame[-16:]
    for i, sa in enumerate(sas):
        pn = sa.full_pn(sci, wire_pn)
        iv = sa.iv(sci, pn)
        try:
            if tci & 0x08:
                data = AESGCM(sa.key).decrypt(iv, body + icv, frame[:hdr])
            else:
                AESGCM(sa.key).decrypt(iv, icv, frame[:hdr] + body)
                data = body
        except InvalidTag:
            continue
        sa.last[sci] = pn
        return frame[:12] + data, sci, pn, i
    return None


def check_macsec(all_frames, keys, local, peer, pings):
    results = []
    sas = [k if isinstance(k, Sa) else Sa(k) for k in keys]
    opened = [unprotect(f, sas) for f in all_frames]
    clear = sum(1 for f in all_frames if not sectag(f))
    results.append((clear == 0 and len(all_frames) > 0, f"{len(all_frames) - clear} MACsec frames, {clear} other frames on the wire"))
    bad = sum(1 for o, f in zip(opened, all_frames) if o is None and sectag(f))
    results.append((bad == 0, f"{bad} MACsec frames fail to authenticate under the SAKs"))
    last, regress, per_sc = {}, 0, {}
    for o in filter(None, opened):
        _plain, sci, pn, _key = o
        if sci in last and pn <= last[sci]:
            regress += 1
        last[sci] = pn
        per_sc[sci] = per_sc.get(sci, 0) + 1
    counts = ", ".join(f"{sci.hex()}: {n}" for sci, n in sorted(per_sc.items()))
    results.append((regress == 0 and len(per_sc) == 2 and set(per_sc.values()) == {2 * pings}, f"2 SCs, {2 * pings} frames each, PNs strictly increasing ({counts}; {regress} out of order)"))
    echoes = [e for e in (icmp_echo(o[0]) for o in opened if o) if e]
    for src, dst in ((local, peer), (peer, local)):
        req = sum(1 for e in echoes if e == (src, dst, 8))
        rep = sum(1 for e in echoes if e == (dst, src, 0))
        results.append((req == rep == pings, f"decrypted: {req} echo requests {src} -> {dst}, {rep} replies (expected {pings})"))
    return results


def tap(results):
    """Prints (ok, description) pairs as TAP; returns the exit status."""
    print(f"1..{len(results)}")
    for i, (ok, what) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {what}")
    return 0 if all(ok for ok, _ in results) else 1


def main(path, local="192.0.2.1", peer="192.0.2.2", pings=2, keys=None):
    results = []
    try:
        all_frames = list(frames(path))
        results.append((True, f"{path}: valid pcap with {len(all_frames)} frames"))
    except (OSError, ValueError) as e:
        all_frames = []
        results.append((False, f"{path}: {e}"))
    if keys:
        results += check_macsec(all_frames, keys, local, peer, pings)
    else:
        echoes = [e for e in map(icmp_echo, all_frames) if e]
        req = sum(1 for e in echoes if e == (local, peer, 8))
        rep = sum(1 for e in echoes if e == (peer, local, 0))
        results.append((req == pings, f"{req} echo requests {local} -> {peer} on the wire (expected {pings})"))
        results.append((rep == pings, f"{rep} echo replies {peer} -> {local} on the wire (expected {pings})"))
    return tap(results)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--macsec":
        sys.exit(main(sys.argv[3], "198.51.100.1", "198.51.100.2", 3,
                      [Sa.parse(k) for k in sys.argv[2].split(",")]))
    sys.exit(main(sys.argv[1]))
