# SPDX-License-Identifier: GPL-2.0
"""Self-tests of scripts/wire_check.py: a wrong capture must not pass."""

import io
import os
import struct
import sys
import tempfile
import unittest
from contextlib import redirect_stdout

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts"))
import wire_check  # noqa: E402


def echo(src, dst, icmp_type):
    ip = bytes([0x45, 0, 0, 28, 0, 0, 0, 0, 64, 1, 0, 0]) + bytes(src) + bytes(dst)
    return b"\x02" * 6 + b"\x04" * 6 + b"\x08\x00" + ip + bytes([icmp_type, 0, 0, 0, 0, 1, 0, 1])


def pcap(frames, magic=0xA1B2C3D4):
    out = struct.pack("<IHHiIII", magic, 2, 4, 0, 0, 65535, 1)
    for f in frames:
        out += struct.pack("<IIII", 1, 2, len(f), len(f)) + f
    return out


A, B = (192, 0, 2, 1), (192, 0, 2, 2)
C, D = (198, 51, 100, 1), (198, 51, 100, 2)
KEY_C, KEY_D = bytes(range(16)), bytes(range(16, 32))


def protect(frame, key, pn, sci):
    """A MACsec frame (E=C=1, SC=1, AN 0) as a peer would send it."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    hdr = frame[:12] + b"\x88\xe5" + bytes([0x2C, 0]) + struct.pack("!I", pn) + sci
    return hdr + AESGCM(key).encrypt(sci + struct.pack("!I", pn), frame[12:], hdr)


def protect_xpn(frame, key, pn, sci, salt, ssci):
    """An XPN MACsec frame (E=C=1, SC=1, AN 0): the wire carries the lower PN."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    hdr = frame[:12] + b"\x88\xe5" + bytes([0x2C, 0]) + struct.pack("!I", pn & 0xFFFFFFFF) + sci
    iv = bytes(a ^ b for a, b in zip(struct.pack("!IQ", ssci, pn), salt))
    return hdr + AESGCM(key).encrypt(iv, frame[12:], hdr)


SALT = bytes.fromhex("e630e81a48de86a21c66fa6d")


def macsec_pings(n=3):
    """n pings each way between C and D, C sending with KEY_C, D with KEY_D."""
    sci_c, sci_d = b"\x02" * 6 + b"\x00\x01", b"\x04" * 6 + b"\x00\x01"
    frames, pn_c, pn_d = [], 1, 1
    for src, dst in ((C, D), (D, C)):
        for _ in range(n):
            for s, d, t in ((src, dst, 8), (dst, src, 0)):
                if s == C:
                    pn_c += 1
                    frames.append(protect(echo(s, d, t), KEY_C, pn_c, sci_c))
                else:
                    pn_d += 1
                    frames.append(protect(echo(s, d, t), KEY_D, pn_d, sci_d))
    return frames


class WireCheckTest(unittest.TestCase):
    def run_check(self, data):
        with tempfile.NamedTemporaryFile(suffix=".pcap") as f:
            f.write(data)
            f.flush()
            out = io.StringIO()
            with redirect_stdout(out):
                rc = wire_check.main(f.name)
        return rc, out.getvalue()

    def run_macsec(self, frames, keys=(KEY_C, KEY_D)):
        with tempfile.NamedTemporaryFile(suffix=".pcap") as f:
            f.write(pcap(frames))
            f.flush()
            out = io.StringIO()
            with redirect_stdout(out):
                rc = wire_check.main(f.name, "198.51.100.1", "198.51.100.2", 3, list(keys))
        return rc, out.getvalue()

    def test_macsec_pings_pass(self):
        rc, out = self.run_macsec(macsec_pings())
        self.assertEqual(rc, 0, out)
        self.assertIn("ok 2 - 12 MACsec frames, 0 other frames", out)

    def test_macsec_clear_frame_fails(self):
        rc, out = self.run_macsec(macsec_pings() + [echo(C, D, 8)])
        self.assertEqual(rc, 1)
        self.assertIn("not ok 2 - 12 MACsec frames, 1 other frames", out)

    def test_macsec_repeated_pn_fails(self):
        frames = macsec_pings()
        rc, out = self.run_macsec(frames + [frames[0]])
        self.assertEqual(rc, 1)
        self.assertIn("not ok 4 - 2 SCs, 6 frames each, PNs strictly increasing", out)
        self.assertIn("1 out of order", out)

    def test_macsec_wrong_key_fails(self):
        rc, out = self.run_macsec(macsec_pings(), keys=(KEY_C, bytes(16)))
        self.assertEqual(rc, 1)
        self.assertIn("not ok 3 - 6 MACsec frames fail to authenticate", out)

    def xpn_pings(self, first_c):
        """Pings each way, C with XPN from `first_c` (crossing 2^32), D with PN from 1."""
        sci_c, sci_d = b"\x02" * 6 + b"\x00\x01", b"\x04" * 6 + b"\x00\x01"
        frames, pn_c, pn_d = [], first_c, 1
        for src, dst in ((C, D), (D, C)):
            for _ in range(3):
                for s, d, t in ((src, dst, 8), (dst, src, 0)):
                    if s == C:
                        frames.append(protect_xpn(echo(s, d, t), KEY_C, pn_c, sci_c, SALT, 0x11))
                        pn_c += 1
                    else:
                        frames.append(protect_xpn(echo(s, d, t), KEY_D, pn_d, sci_d, SALT, 0x22))
                        pn_d += 1
        return frames

    def test_macsec_xpn_across_two_to_the_32_passes(self):
        first = (1 << 32) - 2
        sas = [wire_check.Sa(KEY_C, SALT, 0x11, first), wire_check.Sa(KEY_D, SALT, 0x22)]
        rc, out = self.run_macsec(self.xpn_pings(first), keys=sas)
        self.assertEqual(rc, 0, out)

    def test_macsec_xpn_wrong_salt_or_ssci_fails(self):
        first = (1 << 32) - 2
        for sas in (
            [wire_check.Sa(KEY_C, bytes(12), 0x11, first), wire_check.Sa(KEY_D, SALT, 0x22)],
            [wire_check.Sa(KEY_C, SALT, 0x12, first), wire_check.Sa(KEY_D, SALT, 0x22)],
        ):
            rc, out = self.run_macsec(self.xpn_pings(first), keys=sas)
            self.assertEqual(rc, 1)
            self.assertIn("not ok 3 - 6 MACsec frames fail to authenticate", out)

    def test_macsec_xpn_spec_parses(self):
        sa = wire_check.Sa.parse(KEY_C.hex() + ":" + SALT.hex() + ":11:4294967294")
        self.assertEqual((sa.key, sa.salt, sa.ssci, sa.first_pn), (KEY_C, SALT, 0x11, 4294967294))
        self.assertIsNone(wire_check.Sa.parse(KEY_C.hex()).salt)

    def test_macsec_corrupted_frame_fails(self):
        frames = macsec_pings()
        frames[3] = frames[3][:30] + bytes([frames[3][30] ^ 1]) + frames[3][31:]
        rc, out = self.run_macsec(frames)
        self.assertEqual(rc, 1)
        self.assertIn("not ok 3 - 1 MACsec frames fail", out)

    def test_two_pings_pass(self):
        rc, out = self.run_check(pcap([echo(A, B, 8), echo(B, A, 0)] * 2))
        self.assertEqual(rc, 0, out)
        self.assertNotIn("not ok", out)

    def test_missing_reply_fails(self):
        rc, out = self.run_check(pcap([echo(A, B, 8), echo(B, A, 0), echo(A, B, 8)]))
        self.assertEqual(rc, 1)
        self.assertIn("not ok 3 - 1 echo replies", out)

    def test_truncated_capture_fails(self):
        rc, out = self.run_check(pcap([echo(A, B, 8), echo(B, A, 0)] * 2)[:-3])
        self.assertEqual(rc, 1)
        self.assertIn("not ok 1", out)

    def test_wrong_magic_fails(self):
        rc, _ = self.run_check(pcap([echo(A, B, 8)] * 2, magic=0xD4C3B2A1))
        self.assertEqual(rc, 1)


if __name__ == "__main__":
    unittest.main()
