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
from PN 1 on, consecutive. Prints TAP with a fixed plan: a missing capture
fails its checks.
"""

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wire_check import Sa, frames, unprotect  # noqa: E402

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPT = os.path.join(TOP, "tests", "guest", "75-offload-rollover.sh")
RUNS = (("32", "START32", "S32", False), ("xpn", "START64", "S64", True))
CHECKS = 4
FRAMES = 400


def settings():
    with open(SCRIPT) as f:
        return dict(re.findall(r"^([A-Z0-9]+)=(\S+)$", f.read(), re.M))


def check_run(fr, s, start, point, xpn):
    """Yields (ok, what) for the capture `fr` of one run."""
    a0 = bytes.fromhex(s["A0"].replace(":", ""))
    if xpn:
        sas = [Sa(bytes.fromhex(s["KEY0"]), bytes.fromhex(s["SALT0"]), int(s["SSCI0"], 16), start),
               Sa(bytes.fromhex(s["KEY1"]), bytes.fromhex(s["SALT1"]), int(s["SSCI1"], 16), 1)]
    else:
        sas = [Sa(bytes.fromhex(s["KEY0"])), Sa(bytes.fromhex(s["KEY1"]))]
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


def main(out_dir):
    s = settings()
    results = []
    for name, start, point, xpn in RUNS:
        path = os.path.join(out_dir, f"wire-rollover-{name}.pcap")
        try:
            fr = list(frames(path))
        except (OSError, ValueError) as e:
            results += [(False, f"{name}: {path}: {e}")] * CHECKS
            continue
        got = [(ok, f"{name}: {what}") for ok, what in
               check_run(fr, s, int(s[start]), int(s[point]), xpn)]
        results += got + [(False, f"{name}: check missing")] * (CHECKS - len(got))
    print(f"1..{len(RUNS) * CHECKS}")
    for i, (ok, what) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {i} - {what}")
    return 0 if all(ok for ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(TOP, "out")))
