#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The host check of tests/guest/85-mka.sh: the SAKs MKA agreed, recovered
from the wire, and every MACsec frame decrypted with them.

    wire_mka.py OUT_DIR

The CAK and CKN are read from the guest script. From them this file derives
the KEK (IEEE 802.1X-2020 6.2.1: AES-CMAC in counter mode over "IEEE8021
KEK" and the first 16 octets of the CKN), takes each Distributed SAK
parameter set out of the MKPDUs on the wire and unwraps the SAK (RFC 3394,
Python's `cryptography`). Then every frame of each capture must be an MKPDU
or a MACsec frame that authenticates under one of those SAKs, with the PNs
of each (SCI, SAK) strictly increasing: no PN is used twice with a key.
Nothing of the guest's MACsec or MKA code is used. Prints TAP with a fixed
plan: a capture that is missing fails its checks.
"""

import os
import re
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wire_check import Sa, frames, sectag, tap, unprotect  # noqa: E402

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPT = os.path.join(TOP, "tests", "guest", "85-mka.sh")

ETH_P_PAE = 0x888E
EAPOL_MKA = 5
PARAM_DIST_SAK = 4
PARAM_ICV = 255
ICV_LEN = 16

CAPTURES = ["gcm-aes-128", "gcm-aes-256", "integrity", "replay", "port", "rekey", "switchpoint",
            "participants"]
CHECKS_PER_CAPTURE = 3
PLAN = CHECKS_PER_CAPTURE * len(CAPTURES)


def settings():
    """The NAME=value lines of the guest script."""
    with open(SCRIPT) as f:
        return dict(re.findall(r"^([A-Z0-9]+)=(\S+)$", f.read(), re.M))


def kdf(key, label, context, bits):
    """The KDF of IEEE 802.1X-2020 6.2.1 (SP 800-108 counter mode, AES-CMAC):
    i (1 octet) | label | 0x00 | context | L (2 octets, in bits)."""
    from cryptography.hazmat.primitives.cmac import CMAC
    from cryptography.hazmat.primitives.ciphers import algorithms

    out = b""
    i = 1
    while len(out) * 8 < bits:
        c = CMAC(algorithms.AES(key))
        c.update(bytes([i]) + label + b"\x00" + context + struct.pack("!H", bits))
        out += c.finalize()
        i += 1
    return out[:bits // 8]


def kek(cak, ckn):
    return kdf(cak, b"IEEE8021 KEK", (ckn[:16] + bytes(16))[:16], 8 * len(cak))


def distributed_saks(frame):
    """The wrapped SAKs (key number, wrapped key) of an MKPDU, or []."""
    if len(frame) < 18 or struct.unpack("!H", frame[12:14])[0] != ETH_P_PAE:
        return []
    if frame[15] != EAPOL_MKA:
        return []
    length = struct.unpack("!H", frame[16:18])[0]
    pdu = frame[18:18 + length]
    end = len(pdu) - ICV_LEN
    off, found = 0, []
    first = True
    while off + 4 <= end:
        kind = pdu[off]
        body = ((pdu[off + 2] & 0x0F) << 8) | pdu[off + 3]
        if not first and kind == PARAM_ICV:
            break
        if not first and kind == PARAM_DIST_SAK and body:
            b = pdu[off + 4:off + 4 + body]
            number = struct.unpack("!I", b[:4])[0]
            # GCM-AES-128 (the default suite): no cipher suite field.
            wrapped = b[4:] if body == 28 else b[12:]
            found.append((number, wrapped))
        first = False
        off += 4 + ((body + 3) & ~3)
    return found


def check(path, key_wrap):
    """The three checks of one capture."""
    from cryptography.hazmat.primitives.keywrap import InvalidUnwrap, aes_key_unwrap

    name = os.path.basename(path)
    try:
        all_frames = list(frames(path))
    except (OSError, ValueError) as e:
        return [(False, f"{name}: {e}")] * CHECKS_PER_CAPTURE
    saks, bad_wrap = {}, 0
    for f in all_frames:
        for number, wrapped in distributed_saks(f):
            try:
                saks.setdefault(aes_key_unwrap(key_wrap, wrapped), number)
            except InvalidUnwrap:
                bad_wrap += 1
    results = [(len(saks) > 0 and bad_wrap == 0,
                f"{name}: {len(saks)} SAKs distributed, unwrapped with the KEK of the CAK "
                f"({bad_wrap} fail)")]
    sas = [Sa(k) for k in saks]
    macsec = [f for f in all_frames if sectag(f)]
    other = [f for f in all_frames if not sectag(f)
             and struct.unpack("!H", f[12:14])[0] != ETH_P_PAE]
    opened = [unprotect(f, sas) for f in macsec]
    bad = sum(1 for o in opened if o is None)
    results.append((len(macsec) > 0 and bad == 0 and not other,
                    f"{name}: {len(macsec)} MACsec frames, {bad} fail to authenticate; "
                    f"{len(other)} frames neither MKA nor MACsec"))
    last, regress, per = {}, 0, {}
    for o in filter(None, opened):
        _plain, sci, pn, k = o
        key = (sci, k)
        if key in last and pn <= last[key]:
            regress += 1
        last[key] = pn
        per[key] = per.get(key, 0) + 1
    counts = ", ".join(f"{sci.hex()} SAK {k}: {n}" for (sci, k), n in sorted(per.items()))
    results.append((regress == 0 and len(per) >= 2,
                    f"{name}: PNs strictly increasing per SC and SAK ({counts}; "
                    f"{regress} repeated or out of order)"))
    return results


def main(out_dir):
    s = settings()
    key_wrap = kek(bytes.fromhex(s["CAK"]), bytes.fromhex(s["CKN"]))
    results = []
    for c in CAPTURES:
        results += check(os.path.join(out_dir, f"wire-mka-{c}.pcap"), key_wrap)
    assert len(results) == PLAN
    return tap(results)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
