#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Extract the register facts of a MESA EIP-160 register header.

Reads a Malibu MACsec register header of Microchip MESA
(mepa/vtss/src/phy_10g/chips/malibu/vtss_malibu_regs_macsec_{ingr,egr}.h)
and prints one line per register:

    name  address  count  stride  described-bits  line

address is the word address of instance 0 with the 10G part's +0x8000 of
the egress target taken off; count and stride describe the replication
("@param ri", 1 and 0 when there is none); described-bits is the OR of the
register's field macros, 0xffffffff for a register whose one field spans it
(MESA emits no field macro then); line is the line of the register's
VTSS_IOREG definition in the header, for citations.

With --fields it prints one line per field instead:

    register  field  lsb  width  line

The output is a table of facts the host test tests/regmap.rs checks the
simulator's register description against. Usage:

    git -C mesa show HEAD:<header> | mesa_regtable.py [--fields] > table.tsv
"""

import re
import sys

REG = re.compile(
    r'^#define VTSS_(MACSEC_(?:INGR|EGR)_\w+?)(\(ri\))?\s+VTSS_IOREG\(0x1f, 1, '
    r'(0x[0-9a-f]+)(?: \| \(ri(?: \* (\d+))?\))?\)')
BIT = re.compile(r'^#define\s+VTSS_F_(\w+)\s+VTSS_BIT\((\d+)\)')
MASK = re.compile(r'^#define\s+VTSS_M_(\w+)\s+VTSS_ENCODE_BITMASK\((\d+),(\d+)\)')
PARAM = re.compile(r'@param ri (?:Replicator|Register): \w+, (\d+)-(\d+)')


def main():
    fields = '--fields' in sys.argv[1:]
    regs = []
    field_rows = []
    count = 1
    for no, line in enumerate(sys.stdin, 1):
        m = PARAM.search(line)
        if m:
            count = int(m.group(2)) - int(m.group(1)) + 1
            continue
        m = REG.match(line)
        if m:
            name, replicated, addr, stride = m.groups()
            n = count if replicated else 1
            stride = int(stride) if stride else (1 if replicated else 0)
            regs.append([name, int(addr, 16) & 0x7fff, n, stride, 0, no])
            count = 1
            continue
        for pat in (BIT, MASK):
            m = pat.match(line)
            if not m or not regs:
                continue
            field = m.group(1)
            reg = regs[-1]
            if not field.startswith(reg[0] + '_'):
                continue
            if pat is BIT:
                lsb, width = int(m.group(2)), 1
            else:
                lsb, width = int(m.group(2)), int(m.group(3))
            reg[4] |= ((1 << width) - 1) << lsb
            short = field[len(reg[0]) + 1:]
            field_rows.append(f'{reg[0]}\t{short}\t{lsb}\t{width}\t{no}')
    if fields:
        print('\n'.join(field_rows))
        return
    for name, addr, n, stride, bits, no in regs:
        bits = bits or 0xffffffff
        print(f'{name}\t{addr:#06x}\t{n}\t{stride}\t{bits:#010x}\t{no}')


if __name__ == '__main__':
    main()
