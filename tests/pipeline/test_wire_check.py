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


class WireCheckTest(unittest.TestCase):
    def run_check(self, data):
        with tempfile.NamedTemporaryFile(suffix=".pcap") as f:
            f.write(data)
            f.flush()
            out = io.StringIO()
            with redirect_stdout(out):
                rc = wire_check.main(f.name)
        return rc, out.getvalue()

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
