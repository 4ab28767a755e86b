# SPDX-License-Identifier: GPL-2.0
"""Self-tests of scripts/results.py: a broken run must never read as a pass."""

import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "scripts"))
import results  # noqa: E402

KUNIT_OK = """\
[    3.100000] RSMACSEC-GUEST-START mode=check kernel=6.12.117
[    3.200000] KTAP version 1
[    3.200001] 1..1
[    3.200002]     KTAP version 1
[    3.200003]     # Subtest: vsc8584_rust_hw
[    3.200004]     # module: vsc8584_rust
[    3.200005]     1..2
[    3.200006]     ok 1 macsec_read_uses_14_bit_address
[    3.200007]     ok 2 data_words_round_trip
[    3.200008] # vsc8584_rust_hw: pass:2 fail:0 skip:0 total:2
[    3.200009] # Totals: pass:2 fail:0 skip:0 total:2
[    3.200010] ok 1 vsc8584_rust_hw
RSMACSEC-TAP-BEGIN 10-module
1..2
ok 1 - vsc8584_rust is loaded
ok 2 - phylib lists the driver
RSMACSEC-TAP-END 10-module rc=0
[    4.000000] vsc8584_sim: VSC8584 package at MDIO addresses 8..11
[    5.000000] vsc8584_sim: misuse total 0
RSMACSEC-GUEST-DONE
"""

SIM_LOAD = "[    6.000000] vsc8584_sim: VSC8584 package at MDIO addresses 8..11\n"
SIM_CLEAN = "[    7.000000] vsc8584_sim: misuse total 0\n"
SIM_MISUSED = (
    "[    7.000000] vsc8584_sim: misuse total 2\n"
    "[    7.000001] vsc8584_sim: misuse phy0 egress reserved-bits addr=0x1c05 "
    "value=0x0000ff03 detail=0x0000ff00 count=2\n"
)


def with_sim(*events):
    """KUNIT_OK with more simulator console lines before the done marker."""
    return KUNIT_OK.replace("RSMACSEC-GUEST-DONE", "".join(events) + "RSMACSEC-GUEST-DONE")


class ParseTest(unittest.TestCase):
    def counts(self, text, **kw):
        r = results.parse(text, **kw)
        return r.passed, r.failed, r.skipped

    def test_clean_run(self):
        self.assertEqual(self.counts(KUNIT_OK), (4, 0, 0))

    def test_boot_time_suites_count_too(self):
        boot = (
            "[ 0.5] KTAP version 1\n[ 0.5] 1..1\n"
            "[ 0.5]     KTAP version 1\n[ 0.5]     # Subtest: rust_kernel_crypto_aes\n"
            "[ 0.5]     1..1\n[ 0.6]     not ok 1 fips197_aes128\n"
            "[ 0.6] not ok 1 rust_kernel_crypto_aes\n"
        )
        r = results.parse(boot + KUNIT_OK)
        self.assertEqual((r.passed, r.failed), (4, 1))
        self.assertIn("FAIL kunit rust_kernel_crypto_aes.fips197_aes128", r.lines)

    def test_empty_boot_time_run_counts_nothing(self):
        text = "[ 0.5] KTAP version 1\n[ 0.5] 1..0\n" + KUNIT_OK
        self.assertEqual(self.counts(text), (4, 0, 0))

    def test_failed_kunit_case(self):
        text = KUNIT_OK.replace("    ok 2 data_words_round_trip", "    not ok 2 data_words_round_trip")
        text = text.replace("ok 1 vsc8584_rust_hw", "not ok 1 vsc8584_rust_hw")
        r = results.parse(text)
        self.assertEqual((r.passed, r.failed), (3, 1))
        self.assertIn("FAIL kunit vsc8584_rust_hw.data_words_round_trip", r.lines)

    def test_skipped_kunit_case(self):
        text = KUNIT_OK.replace("    ok 2 data_words_round_trip",
                                "    ok 2 data_words_round_trip # SKIP no hardware")
        self.assertEqual(self.counts(text), (3, 0, 1))

    def test_no_kunit_case_is_a_failure(self):
        text = "RSMACSEC-GUEST-START mode=check\nRSMACSEC-GUEST-DONE\n"
        self.assertEqual(self.counts(text, expect_simulator=False), (0, 1, 0))
        self.assertEqual(self.counts(text, expect_kunit=False, expect_simulator=False), (0, 0, 0))

    def test_panic_without_done_marker(self):
        text = KUNIT_OK.replace("RSMACSEC-GUEST-DONE\n", "")
        text += "[    4.0] Kernel panic - not syncing: sysrq triggered crash\n"
        r = results.parse(text)
        self.assertEqual(r.failed, 2)  # the panic line and the missing marker
        self.assertIn("FAIL guest: run did not complete  (panic, hang or timeout; see the console log)",
                      r.lines)

    def test_hang_is_a_failure(self):
        text = KUNIT_OK.split("RSMACSEC-TAP-END")[0]
        r = results.parse(text)
        # The script did not finish, the run did not complete, and the
        # simulator's misuse was never reported.
        self.assertEqual(r.failed, 3)

    def test_sanitizer_reports_fail_the_run(self):
        for report in [
            "BUG: KASAN: slab-use-after-free in foo+0x1/0x2",
            "WARNING: possible circular locking dependency detected",
            "BUG: sleeping function called from invalid context at mm/slub.c:1",
            "unreferenced object 0xffff888003a1b2c0 (size 64):",
            "WARNING: CPU: 0 PID: 1 at drivers/foo.c:12 bar+0x5/0x10",
            "Oops: general protection fault, probably for non-canonical address",
            "RSMACSEC-INSMOD-FAILED vsc8584_rust.ko",
        ]:
            with self.subTest(report=report):
                text = KUNIT_OK.replace("RSMACSEC-GUEST-DONE", "[ 5.0] " + report + "\nRSMACSEC-GUEST-DONE")
                self.assertEqual(self.counts(text), (4, 1, 0))

    def test_script_plan_mismatch_and_exit_status(self):
        text = KUNIT_OK.replace("1..2\nok 1 - vsc8584", "1..3\nok 1 - vsc8584")
        self.assertEqual(self.counts(text), (4, 1, 0))
        text = KUNIT_OK.replace("rc=0", "rc=1")
        self.assertEqual(self.counts(text), (4, 1, 0))

    def test_kernel_ktap_inside_a_script_block_is_not_the_script_s(self):
        text = KUNIT_OK.replace("ok 1 - vsc8584_rust is loaded\n",
                                "ok 1 - vsc8584_rust is loaded\n[ 9.0] ok 1 vsc8584_rust_hw\n")
        self.assertEqual(self.counts(text), (4, 0, 0))

    def test_failed_script_check(self):
        text = KUNIT_OK.replace("ok 2 - phylib", "not ok 2 - phylib")
        self.assertEqual(self.counts(text), (3, 1, 0))

class MisuseGateTest(unittest.TestCase):
    def parse(self, text):
        return results.parse(text)

    def test_every_clean_load_passes(self):
        r = self.parse(with_sim(SIM_LOAD, SIM_CLEAN, SIM_LOAD, SIM_CLEAN))
        self.assertEqual((r.passed, r.failed), (4, 0))

    def test_misuse_left_behind_fails(self):
        r = self.parse(with_sim(SIM_LOAD, SIM_MISUSED))
        self.assertEqual(r.failed, 1)
        self.assertTrue(any("load 2 left misuse behind (total 2)" in l and
                            "reserved-bits addr=0x1c05" in l for l in r.lines), r.lines)

    def test_a_load_without_its_report_fails(self):
        # Loaded again before the report, and once more at the end of the run.
        r = self.parse(with_sim(SIM_LOAD, SIM_LOAD, SIM_CLEAN, SIM_LOAD))
        self.assertEqual(r.failed, 2)
        self.assertIn("FAIL simulator: load 2 never reported its misuse  "
                      "(the module did not unload; see the console log)", r.lines)
        self.assertTrue(any("load 4 never reported" in l for l in r.lines), r.lines)

    def test_a_run_without_the_simulator_fails(self):
        text = KUNIT_OK.replace(
            "[    4.000000] vsc8584_sim: VSC8584 package at MDIO addresses 8..11\n", "")
        text = text.replace("[    5.000000] vsc8584_sim: misuse total 0\n", "")
        r = self.parse(text)
        self.assertEqual(r.failed, 1)
        self.assertIn("FAIL simulator: never loaded  (its misuse cannot have been checked)",
                      r.lines)
        # Unless the caller says the run has no simulator.
        self.assertEqual(results.parse(text, expect_simulator=False).failed, 0)

    def test_a_report_without_a_load_proves_nothing(self):
        text = KUNIT_OK.replace(
            "[    4.000000] vsc8584_sim: VSC8584 package at MDIO addresses 8..11\n", "")
        self.assertEqual(self.parse(text).failed, 1)


if __name__ == "__main__":
    unittest.main()
