#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Read the results of a guest run from its serial console log.

Counts KUnit cases (KTAP printed by the kernel when our modules load) and the
TAP results of the guest test scripts (printed between RSMACSEC-TAP-BEGIN and
RSMACSEC-TAP-END markers by the guest's /init), and turns everything that
means the run cannot be trusted into failures of their own:

- the guest never printed RSMACSEC-GUEST-DONE (panic, hang, timeout);
- a kernel report on the console: KASAN, lockdep, kmemleak, WARNING, BUG,
  Oops, panic, a failed module load;
- a script that exits non-zero, or whose TAP plan does not match its results;
- a run with no KUnit case at all, when one was expected;
- misuse of the simulated hardware: every load of the simulator
  ("vsc8584_sim: VSC8584 package at ...") must be followed by its unload
  report "vsc8584_sim: misuse total 0"; a non-zero total, a load without its
  report, or a run in which the simulator never loaded fails (a test that
  provokes misuse on purpose clears it through debugfs once checked).

Prints one line per result and, last, "suite: N passed, N failed". Writes the
counts as JSON when asked to (--json), for scripts/check.sh to add up.
"""

import argparse
import json
import re
import sys

TIMESTAMP = re.compile(r"^\[\s*\d+\.\d+\]\s?")
KTAP_RESULT = re.compile(r"^(\s*)(ok|not ok) (\d+)(?: -)? ?([^#]*?)\s*(?:#\s*(.*))?$")
KTAP_SUBTEST = re.compile(r"^(\s*)# Subtest: (\S+)")
TAP_RESULT = re.compile(r"^(ok|not ok) (\d+)(?: -)? ?([^#]*?)\s*(?:#\s*(.*))?$")
TAP_PLAN = re.compile(r"^1\.\.(\d+)")

# Kernel reports that fail a run wherever they appear.
REPORTS = [
    (re.compile(r"BUG: KASAN"), "KASAN report"),
    (re.compile(r"WARNING: possible .*(locking|lock dependency)|"
                r"WARNING: suspicious RCU|WARNING: inconsistent lock state|"
                r"INFO: possible (recursive|circular) locking|"
                r"BUG: sleeping function called from invalid context|"
                r"BUG: scheduling while atomic"), "lockdep / atomic-sleep report"),
    (re.compile(r"unreferenced object 0x"), "kmemleak report"),
    (re.compile(r"kmemleak: \d+ new suspected memory leaks"), "kmemleak report"),
    (re.compile(r"------------\[ cut here \]------------|WARNING: CPU: \d+"), "kernel WARNING"),
    (re.compile(r"BUG: |kernel BUG at"), "kernel BUG"),
    (re.compile(r"Oops: |general protection fault"), "kernel Oops"),
    (re.compile(r"Kernel panic - not syncing"), "kernel panic"),
    (re.compile(r"RSMACSEC-INSMOD-FAILED (\S+)"), "module load failed"),
]


SIM_LOAD = re.compile(r"vsc8584_sim: VSC8584 package at MDIO addresses")
SIM_MISUSE_TOTAL = re.compile(r"vsc8584_sim: misuse total (\d+)")
SIM_MISUSE_ENTRY = re.compile(r"vsc8584_sim: misuse (phy\d .*)")


class Results:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.skipped = 0
        self.lines = []

    def add(self, ok, name, note=""):
        if ok is None:
            self.skipped += 1
            word = "SKIP"
        elif ok:
            self.passed += 1
            word = "PASS"
        else:
            self.failed += 1
            word = "FAIL"
        self.lines.append(f"{word} {name}" + (f"  ({note})" if note else ""))


def strip(line):
    return TIMESTAMP.sub("", line.rstrip("\r\n"))


def parse_ktap(lines, res):
    """Counts KUnit test cases: result lines that do not close a subtest."""
    suites = []  # stack of (indent, name)
    for line in lines:
        m = KTAP_SUBTEST.match(line)
        if m:
            suites.append((len(m.group(1)), m.group(2)))
            continue
        m = KTAP_RESULT.match(line)
        if not m:
            continue
        indent, status, name, directive = len(m.group(1)), m.group(2), m.group(4), m.group(5) or ""
        if suites and indent < suites[-1][0] and name == suites[-1][1]:
            suite = suites.pop()
            if status != "ok" and not any(l.startswith("FAIL kunit " + suite[1] + ".") for l in res.lines):
                res.add(False, f"kunit {suite[1]}", "suite failed")
            continue
        if not suites:
            continue  # the run's own summary line, not a case
        suite = suites[-1][1]
        skip = directive.upper().startswith("SKIP")
        res.add(None if skip else status == "ok", f"kunit {suite}.{name}", directive)


def parse_scripts(raw_lines, res):
    current = None
    body = []
    for raw in raw_lines:
        if TIMESTAMP.match(raw):
            continue  # a kernel message (a module's KTAP, say), not the script's output
        line = raw.rstrip("\r\n")
        if line.startswith("RSMACSEC-TAP-BEGIN "):
            current, body = line.split()[1], []
            continue
        if line.startswith("RSMACSEC-TAP-END ") and current is not None:
            rc = line.rsplit("rc=", 1)[-1]
            plan, seen = None, 0
            for b in body:
                m = TAP_PLAN.match(b)
                if m:
                    plan = int(m.group(1))
                    continue
                m = TAP_RESULT.match(b)
                if m:
                    seen += 1
                    directive = m.group(4) or ""
                    skip = directive.upper().startswith("SKIP")
                    res.add(None if skip else m.group(1) == "ok",
                            f"guest {current}: {m.group(3)}", directive)
            if plan is None or plan != seen:
                res.add(False, f"guest {current}: plan", f"planned {plan}, ran {seen}")
            if rc != "0":
                res.add(False, f"guest {current}: exit status", f"rc={rc}")
            current = None
            continue
        if current is not None:
            body.append(line)
    if current is not None:
        res.add(False, f"guest {current}: did not finish")


BASE64 = re.compile(r"^[A-Za-z0-9+/=]+$")


def check_misuse(lines, res):
    """Fails the run for simulator loads that left misuse behind, that never
    reported (no unload, a crash), and for a run without any load."""
    loads = 0
    pending = False
    total = None
    entries = []

    def close():
        if total is None:
            res.add(False, f"simulator: load {loads} never reported its misuse",
                    "the module did not unload; see the console log")
        elif total:
            res.add(False, f"simulator: load {loads} left misuse behind (total {total})",
                    "; ".join(entries)[:300])

    for l in lines:
        if SIM_LOAD.search(l):
            if pending:
                close()
            loads += 1
            pending, total, entries = True, None, []
            continue
        m = SIM_MISUSE_TOTAL.search(l)
        if m and pending and total is None:
            total = int(m.group(1))
            continue
        m = SIM_MISUSE_ENTRY.search(l)
        if m and pending:
            entries.append(m.group(1))
    if pending:
        close()
    if not loads:
        res.add(False, "simulator: never loaded", "its misuse cannot have been checked")


def extract_files(text, out_dir):
    """Writes the files the guest printed in base64 between RSMACSEC-FILE-BEGIN
    and RSMACSEC-FILE-END markers into out_dir; returns their names."""
    import base64
    import os
    names, name, chunks = [], None, []
    for line in (strip(l) for l in text.splitlines()):
        if line.startswith("RSMACSEC-FILE-BEGIN "):
            name, chunks = os.path.basename(line.split()[1]), []
        elif line.startswith("RSMACSEC-FILE-END ") and name:
            with open(os.path.join(out_dir, name), "wb") as f:
                f.write(base64.b64decode("".join(chunks)))
            names.append(name)
            name = None
        elif name and BASE64.match(line):
            chunks.append(line)
    return names


def parse(text, expect_kunit=True, expect_done=True, expect_simulator=True):
    lines = [strip(l) for l in text.splitlines()]
    res = Results()
    # Built-in suites (the kernel crate's) run at boot, module suites when
    # the guest's /init loads the module: both count.
    parse_ktap(lines, res)
    if expect_kunit and not any(l.startswith(("PASS kunit", "FAIL kunit")) for l in res.lines):
        res.add(False, "kunit: no test case ran")
    parse_scripts(text.splitlines(), res)
    for l in lines:
        for pattern, what in REPORTS:
            if pattern.search(l):
                res.add(False, f"console: {what}", l.strip()[:160])
                break
    if expect_simulator:
        check_misuse(lines, res)
    if expect_done and "RSMACSEC-GUEST-DONE" not in lines:
        res.add(False, "guest: run did not complete", "panic, hang or timeout; see the console log")
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("log", help="serial console log of the guest")
    ap.add_argument("--suite", default="guest", help="name used in the closing line")
    ap.add_argument("--json", help="write the counts here")
    ap.add_argument("--no-kunit", action="store_true", help="do not require a KUnit case")
    ap.add_argument("--no-simulator", action="store_true",
                    help="do not require the simulator's misuse reports")
    ap.add_argument("--files", help="write the files the guest printed into this directory")
    args = ap.parse_args()
    with open(args.log, errors="replace") as f:
        text = f.read()
    res = parse(text, expect_kunit=not args.no_kunit, expect_simulator=not args.no_simulator)
    if args.files:
        for name in extract_files(text, args.files):
            print(f"file from the guest: {args.files}/{name}")
    for l in res.lines:
        print(l)
    print(f"{args.suite}: {res.passed} passed, {res.failed} failed, {res.skipped} skipped")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"passed": res.passed, "failed": res.failed, "skipped": res.skipped}, f)
    return 1 if res.failed else 0


if __name__ == "__main__":
    sys.exit(main())
