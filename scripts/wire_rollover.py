#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The host check of tests/guest/75-offload-rollover.sh: the wire of each run
(32-bit PNs and XPN), decrypted here with Python's AES-GCM (`cryptography`,
through scripts/wire_check.py's SecTAG parser), under the SAKs, salts and
SSCIs the guest script uses (read from it).

    wire_rollover.py OUT_DIR

Each run sends 400 frames from ms0 while its encoding SA reaches the switch
point: every frame on the wire must be MACsec from ms0 and authenticate under
SA 0 or SA 1 with the AN of that SA; SA 0's frames come first, with
consecutive PNs from the start PN to past the switch point; then SA 1's,
from PN 1 on, consecutive. Then three more captures: "nonext" (no next SA:
SA 0's PNs end at 2^32 - 1, nothing wraps), "xpnwrap" (one XPN SA across
2^32: consecutive 64-bit PNs while the wire's low word wraps) and "user" (the
encoding SA changed by the user under traffic: 400 frames, none lost). Prints
TAP with a fixed plan: a missing capture fails its checks.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wire_check import Sa, frames, tap, unprotect  # noqa: E402

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPT = os.path.join(TOP, "tests", "guest", "75-offload-rollover.sh")
RUNS = (("32", "START32", "S32", False), ("xpn", "START64", "S64", True))
CHECKS = 4
FRAMES = 400
# The other captures: name, checks.
OTHERS = (("nonext", 2), ("xpnwrap", 2), ("user", 2))


def settings():
    with open(SCRIPT) as f:
        return dict(re.findall(r"^([A-Z0-9]+)=(\S+)$", f.read(), re.M))


def check_run(fr, s, start, point, xpn):
    """Yields (ok, what) for the capture `fr` of one run."""
    a0 = bytes.fromhex(s["A0"].replace(":", ""))
    sas = sas_of(s, xpn, start)
    mine = [f for f in fr if f[6:12] == a0]
    yield len(fr) == FRAMES and len(mine) == FRAMES, \
        f"{len(fr)} frames on the wire, {len(mine)} from ms0 (want {FRAMES} and {FRAMES})"
    opened = [unprotect(f, sas) for f in mine]
    bad = sum(1 for o, f in zip(opened, mine) if not o or o[3] != f[14] & 3)
    yield bad == 0, f"{bad} frames fail to authenticate under the SA of their AN"
    seq = [(o[3], o[2]) for o in opened if o]
    n0 = next((i for i, (an, _) in enumerate(seq) if an == 1), len(seq))
    pn0 = [pn for an, pn in seq[:n0]]
    pn1 = [pn for an, pn in seq[n0:]]
    ok = all(an == 0 for an, _ in seq[:n0]) and all(an == 1 for an, _ in seq[n0:]) and \
        pn0 == list(range(start, start + len(pn0))) and pn0 and pn0[-1] >= point
    yield ok, f"SA 0 first: {len(pn0)} frames, PNs {start}..{pn0[-1] if pn0 else '-'} " \
        f"consecutive, to the switch point {point} or past it"
    ok = pn1 == list(range(1, 1 + len(pn1))) and len(pn1) > 0 and len(pn0) + len(pn1) == FRAMES
    yield ok, f"then SA 1: {len(pn1)} frames, PNs 1..{len(pn1)} consecutive; none lost"


def sas_of(s, xpn, first_pn=1):
    if xpn:
        return [Sa(bytes.fromhex(s["KEY0"]), bytes.fromhex(s["SALT0"]), int(s["SSCI0"], 16), first_pn),
                Sa(bytes.fromhex(s["KEY1"]), bytes.fromhex(s["SALT1"]), int(s["SSCI1"], 16), 1)]
    return [Sa(bytes.fromhex(s["KEY0"])), Sa(bytes.fromhex(s["KEY1"]))]


def opened(fr, s, xpn, first_pn=1):
    """(AN, full PN) of each frame of the capture, None for one that fails to
    authenticate under the SA of its AN or is not from ms0."""
    a0 = bytes.fromhex(s["A0"].replace(":", ""))
    sas = sas_of(s, xpn, first_pn)
    out = []
    for f in fr:
        o = unprotect(f, sas) if f[6:12] == a0 else None
        out.append((o[3], o[2]) if o and o[3] == f[14] & 3 else None)
    return out


def check_nonext(fr, s):
    start, last = int(s["LAST100"]), (1 << 32) - 1
    got = opened(fr, s, False)
    yield len(fr) == 100 and None not in got, \
        f"{len(fr)} frames on the wire (want 100), {got.count(None)} fail to authenticate"
    pns = [o[1] for o in got if o and o[0] == 0]
    yield pns == list(range(start, last + 1)), \
        f"SA 0 only, PNs {pns[:1]}..{pns[-1:]} consecutive up to 2^32 - 1: nothing wrapped"


def check_xpnwrap(fr, s):
    start = int(s["XPNWRAP"])
    got = opened(fr, s, True, start)
    yield len(fr) == 200 and None not in got, \
        f"{len(fr)} frames on the wire (want 200), {got.count(None)} fail to authenticate"
    pns = [o[1] for o in got if o and o[0] == 0]
    low = [pn & 0xffffffff for pn in pns]
    yield pns == list(range(start, start + 200)) and min(low) == 0, \
        f"PNs {start}..{start + 199} consecutive across 2^32 (the wire's low word wraps to 0)"


def check_user(fr, s):
    got = opened(fr, s, False)
    yield len(fr) == 400 and None not in got, \
        f"{len(fr)} frames on the wire (want 400), {got.count(None)} fail to authenticate"
    n0 = next((i for i, o in enumerate(got) if o and o[0] == 1), len(got))
    pn0 = [o[1] for o in got[:n0] if o and o[0] == 0]
    pn1 = [o[1] for o in got[n0:] if o and o[0] == 1]
    ok = pn0 == list(range(1, 1 + len(pn0))) and pn1 == list(range(1, 1 + len(pn1))) and \
        len(pn0) + len(pn1) == 400 and len(pn1) > 0
    yield ok, f"SA 0's {len(pn0)} frames, then SA 1's {len(pn1)}, each from PN 1, consecutive"


def checked(out_dir, name, n, check):
    """The results of `check` (a generator of (ok, what) for the frames) on the
    capture `name`: `n` of them, a missing capture or check failing."""
    path = os.path.join(out_dir, f"wire-rollover-{name}.pcap")
    try:
        fr = list(frames(path))
    except (OSError, ValueError) as e:
        return [(False, f"{name}: {path}: {e}")] * n
    got = [(ok, f"{name}: {what}") for ok, what in check(fr)]
    return got + [(False, f"{name}: check missing")] * (n - len(got))


def main(out_dir):
    s = settings()
    results = []
    for name, start, point, xpn in RUNS:
        results += checked(out_dir, name, CHECKS,
                           lambda fr: check_run(fr, s, int(s[start]), int(s[point]), xpn))
    checks = {"nonext": check_nonext, "xpnwrap": check_xpnwrap, "user": check_user}
    for name, n in OTHERS:
        results += checked(out_dir, name, n, lambda fr: checks[name](fr, s))
    return tap(results)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(TOP, "out")))
