#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The host check of tests/guest/60-offload-defects.sh: the captures of the
wire its sections hand over, parsed and decrypted here with a SecTAG parser of
this file and Python's AES-GCM (`cryptography`), nothing of the guest's.

    wire_defects.py OUT_DIR

The SAKs and addresses are read from the guest script. Prints TAP with a
fixed plan: a capture that is missing fails all its checks.
"""

import os
import re
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wire_check import Sa, frames, icmp_echo, sectag, tap, unprotect  # noqa: E402

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPT = os.path.join(TOP, "tests", "guest", "60-offload-defects.sh")

ETH_P_PAE = 0x888E
ETH_P_8021Q = 0x8100
TCI_ES, TCI_SC, TCI_SCB = 0x40, 0x20, 0x10

PLAN = 13


def settings():
    """The NAME=value lines of the guest script."""
    with open(SCRIPT) as f:
        return dict(re.findall(r"^([A-Z0-9]+)=(\S+)$", f.read(), re.M))


def mac(s):
    return bytes.fromhex(s.replace(":", ""))


class Tag:
    """A MACsec frame: its SecTAG (scripts/wire_check.py parses it) and what
    follows."""

    def __init__(self, frame, tag):
        self.frame = frame
        self.src = frame[6:12]
        self.tci, self.an, self.pn, self.sci, _hdr = tag

    @staticmethod
    def parse(frame):
        tag = sectag(frame)
        return Tag(frame, tag) if tag else None

    def open(self, key):
        """The frame as sent (SecTAG and ICV gone), or None if it does not
        authenticate under `key`."""
        opened = unprotect(self.frame, [Sa(key)])
        return opened[0] if opened else None


def flags(t):
    names = [n for n, b in (("SC", TCI_SC), ("ES", TCI_ES), ("SCB", TCI_SCB)) if t.tci & b]
    return "+".join(names) or "none"


def load(out_dir, name):
    path = os.path.join(out_dir, f"wire-defects-{name}.pcap")
    try:
        return list(frames(path)), None
    except (OSError, ValueError) as e:
        return None, f"{path}: {e}"


def check_an1(fr, s):
    ms0 = [Tag.parse(f) for f in fr if f[6:12] == mac(s["A0"])]
    ms1 = [Tag.parse(f) for f in fr if f[6:12] == mac(s["H1"])]
    ok = len(fr) == 6 and all(ms0) and all(ms1) and len(ms0) == len(ms1) == 3
    yield ok, f"an1: 6 MACsec frames, 3 from ms0 and 3 from ms1 ({len(fr)} frames)"
    got = [(t.an, t.sci.hex(), t.pn) for t in ms0 if t]
    want = [(1, s["SCI0"], pn) for pn in (1000, 1001, 1002)]
    yield got == want, f"an1: ms0's frames carry AN 1, its SCI and PNs 1000-1002 ({got})"
    plain = [t.open(bytes.fromhex(s["KEY0B"])) for t in ms0 if t]
    echoes = [icmp_echo(p) if p else None for p in plain]
    want = [(s["IP0"], s["IP1"], 8)] * 3
    yield echoes == want, f"an1: they decrypt under the SAK of AN 1 to 3 echo requests ({echoes})"
    got = [(t.an, t.pn, icmp_echo(t.open(bytes.fromhex(s["KEY1"])) or b"")) for t in ms1 if t]
    want = [(0, pn, (s["IP1"], s["IP0"], 0)) for pn in (10, 11, 12)]
    yield got == want, f"an1: ms1's replies carry AN 0, PNs 10-12, and decrypt ({got})"


def check_nosci(fr, s):
    ms0 = [Tag.parse(f) for f in fr if f[6:12] == mac(s["A0"])]
    ms1 = [Tag.parse(f) for f in fr if f[6:12] == mac(s["H1"])]
    ok = len(fr) == 30 and len(ms0) == len(ms1) == 15 and all(ms0) and all(ms1) and \
        all(t.tci & TCI_SC and t.sci.hex() == s["SCI0"] and t.an == 0 for t in ms0)
    yield ok, f"nosci: 30 MACsec frames, ms0's 15 with its SCI on AN 0 ({len(fr)} frames)"
    got = [flags(t) for t in ms1 if t]
    want = ["none"] * 3 + ["ES"] * 3 + ["SCB"] * 3 + ["none"] * 3 + ["ES"] * 3
    yield got == want, f"nosci: ms1's SecTAGs carry no SCI: plain, ES, SCB, plain, ES ({' '.join(got)})"
    key = bytes.fromhex(s["KEY1"])
    echoes = [icmp_echo(t.open(key) or b"") for t in ms1 if t]
    pns = [t.pn for t in ms1 if t]
    consecutive = len(pns) == 15 and pns == list(range(pns[0], pns[0] + 15))
    ok = echoes == [(s["IP1"], s["IP0"], 0)] * 15 and consecutive and \
        all(t.sci.hex() == s["SCI1"] for t in ms1 if t)
    yield ok, f"nosci: ms1's frames decrypt with the implicit SCI {s['SCI1']} to 15 echo replies, PNs {pns[:1]}+1.."


def check_plain(fr, s):
    req = [f for f in fr if f[6:12] == mac(s["H0"]) and icmp_echo(f) == (s["P0"], s["P1"], 8)]
    rep = [f for f in fr if f[6:12] == mac(s["H1"]) and icmp_echo(f) == (s["P1"], s["P0"], 0)]
    macsec = sum(1 for f in fr if Tag.parse(f))
    ok = len(fr) == 6 and len(req) == 3 and len(rep) == 3 and macsec == 0
    yield ok, f"plain: the parent's pings are plain: {len(req)} requests, {len(rep)} replies, {macsec} MACsec frames of {len(fr)}"


def check_eapol(fr, s):
    got = [(f[6:12].hex(":"), f[:6].hex(":")) for f in fr
           if struct.unpack("!H", f[12:14])[0] == ETH_P_PAE and f[14:23] == b"rawframe "]
    pae = "01:80:c2:00:00:03"
    want = ([(s["H0"], pae)] * 3 + [(s["H1"], pae)] * 3) * 2
    ok = len(fr) == 12 and got == want
    yield ok, f"eapol: 12 EAPOL frames in clear, 3 each way with ms0 down, then up ({len(got)} of {len(fr)})"


def check_pn(fr, s):
    ms0 = [Tag.parse(f) for f in fr if f[6:12] == mac(s["A0"])]
    key = bytes.fromhex(s["KEY0"])
    got = [(t.an, t.pn, icmp_echo(t.open(key) or b"")) for t in ms0 if t]
    want = [(0, pn, (s["IP0"], s["IP1"], 8)) for pn in (5000, 5001)]
    yield got == want, f"pn: after update_pn, ms0 sends PNs 5000 and 5001 on AN 0, echo requests ({got})"


def untag(frame, vid):
    """`frame` without its VLAN tag, or None if it has no tag of `vid`."""
    if not frame or len(frame) < 18 or struct.unpack("!HH", frame[12:16]) != (ETH_P_8021Q, vid):
        return None
    return frame[:12] + frame[16:]


def check_vlan(fr, s):
    k0, k1 = bytes.fromhex(s["KEY0"]), bytes.fromhex(s["KEY1"])
    sent = [Tag.parse(f) for f in fr if f[6:12] == mac(s["A0"])]
    back = [Tag.parse(f) for f in fr if f[6:12] == mac(s["H1"])]
    sent = [icmp_echo(untag(t.open(k0), 5) or b"") if t else None for t in sent]
    back = [icmp_echo(untag(t.open(k1), 5) or b"") if t else None for t in back]
    ok = len(fr) == 6 and sent == [(s["V0"], s["V1"], 8)] * 3 and back == [(s["V1"], s["V0"], 0)] * 3
    yield ok, f"vlan: 3 echoes each way, MACsec, the VLAN 5 tag inside the SecTAG ({sent}, {back} of {len(fr)})"


def check_address(fr, s):
    new, old = mac(s["A0NEW"]), mac(s["A0"])
    mine = [f for f in fr if f[6:12] in (new, old)]
    tags = [Tag.parse(f) for f in mine]
    ok = len(fr) == 6 and len(mine) == 3 and all(f[6:12] == new for f in mine) and \
        all(t and t.tci & TCI_SC and t.sci.hex() == s["SCI0"] for t in tags)
    yield ok, f"address: ms0's 3 frames come from its new address, MACsec with the SCI it had ({len(mine)} of {len(fr)})"
    k0, k1 = bytes.fromhex(s["KEY0"]), bytes.fromhex(s["KEY1"])
    sent = [t.open(k0) if t else None for t in tags]
    back = [Tag.parse(f) for f in fr if f[6:12] == mac(s["H1"])]
    back = [t.open(k1) if t else None for t in back]
    ok = [icmp_echo(p or b"") for p in sent] == [(s["IP0"], s["IP1"], 8)] * 3 and \
        [icmp_echo(p or b"") for p in back] == [(s["IP1"], s["IP0"], 0)] * 3 and \
        all(p and p[:6] == new for p in back)
    yield ok, "address: they decrypt to 3 echo requests; the 3 replies go to the new address"


CHECKS = [("an1", check_an1, 4), ("nosci", check_nosci, 3), ("plain", check_plain, 1),
          ("eapol", check_eapol, 1), ("pn", check_pn, 1), ("vlan", check_vlan, 1),
          ("address", check_address, 2)]


def main(out_dir):
    s = settings()
    results = []
    for name, fn, n in CHECKS:
        fr, err = load(out_dir, name)
        if err:
            results += [(False, f"{name}: {err}")] * n
            continue
        got = list(fn(fr, s))
        results += got + [(False, f"{name}: check missing")] * (n - len(got))
    assert len(results) == PLAN
    return tap(results)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(TOP, "out")))
