# SPDX-License-Identifier: GPL-2.0
"""Self-tests of scripts/wire_mka.py: the SAK comes out of an MKPDU only with
the right CAK, and a frame under another key fails the capture."""

import os
import struct
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts"))
import wire_mka  # noqa: E402
from test_wire_check import pcap, protect  # noqa: E402

CAK = bytes.fromhex("0123456789abcdef0123456789abcdef")
CKN = bytes.fromhex("6162636465666768")
SAK = bytes(range(100, 116))
SCI = bytes.fromhex("0200000000010001")


def param(kind, octet1, body):
    pad = bytes(-len(body) % 4)
    return bytes([kind, octet1]) + struct.pack("!H", len(body)) + body + pad


def mkpdu(sak, cak=CAK, suite=None):
    """An MKPDU: a basic parameter set, a live peer list, a distributed SAK
    (GCM-AES-128 form without a cipher suite, or with `suite`) and the ICV."""
    from cryptography.hazmat.primitives.keywrap import aes_key_wrap

    wrapped = aes_key_wrap(wire_mka.kek(cak, CKN), sak)
    basic = bytes([3, 16]) + struct.pack("!H", 8 + 12 + 4 + 4 + len(CKN)) + SCI + bytes(20) + CKN
    body = basic + param(1, 0, bytes(16))
    dist = struct.pack("!I", 1) + (suite or b"") + wrapped
    body += param(4, 0x40, dist) + bytes(16)
    eapol = bytes([3, 5]) + struct.pack("!H", len(body)) + body
    return b"\x01\x80\xc2\x00\x00\x03" + b"\x02" * 6 + b"\x88\x8e" + eapol


def frame():
    plain = b"\x02" * 6 + b"\x04" * 6 + b"\x88\xb5" + bytes(46)
    return plain


class WireMkaTest(unittest.TestCase):
    def run_check(self, frames):
        with tempfile.NamedTemporaryFile(suffix=".pcap") as f:
            f.write(pcap(frames))
            f.flush()
            return wire_mka.check(f.name, wire_mka.kek(CAK, CKN))

    def test_the_sak_comes_out_with_the_kek_of_the_cak(self):
        self.assertEqual(wire_mka.distributed_saks(mkpdu(SAK))[0][0], 1)
        from cryptography.hazmat.primitives.keywrap import aes_key_unwrap

        wrapped = wire_mka.distributed_saks(mkpdu(SAK))[0][1]
        self.assertEqual(aes_key_unwrap(wire_mka.kek(CAK, CKN), wrapped), SAK)
        wrapped = wire_mka.distributed_saks(mkpdu(bytes(32), suite=bytes(8)))[0][1]
        self.assertEqual(aes_key_unwrap(wire_mka.kek(CAK, CKN), wrapped), bytes(32))

    def test_a_capture_under_the_distributed_sak_passes(self):
        frames = [mkpdu(SAK)] + [protect(frame(), SAK, pn, SCI) for pn in (1, 2)]
        frames += [protect(frame(), SAK, pn, SCI[:7] + b"\x02") for pn in (1, 2)]
        self.assertTrue(all(ok for ok, _ in self.run_check(frames)))

    def test_another_cak_unwraps_nothing(self):
        other = bytes(16)
        frames = [mkpdu(SAK, cak=other), protect(frame(), SAK, 1, SCI)]
        results = self.run_check(frames)
        self.assertFalse(results[0][0])
        self.assertFalse(results[1][0])

    def test_a_repeated_pn_fails(self):
        frames = [mkpdu(SAK)] + [protect(frame(), SAK, pn, SCI) for pn in (1, 2, 2)]
        frames += [protect(frame(), SAK, 1, SCI[:7] + b"\x02")]
        results = self.run_check(frames)
        self.assertTrue(results[1][0])
        self.assertFalse(results[2][0])

    def test_a_plain_frame_fails(self):
        frames = [mkpdu(SAK), protect(frame(), SAK, 1, SCI), frame()]
        self.assertFalse(self.run_check(frames)[1][0])


if __name__ == "__main__":
    unittest.main()
