# SPDX-License-Identifier: GPL-2.0
#
# rsmacsec developer targets. Kbuild itself reads ./Kbuild when the kernel
# build descends here with M=.

.PHONY: all check demo bench host-test setup kernel modules checkpatch patches-each clean

all: check

# Every test: host cargo tests, pipeline self-tests, KUnit and guest scripts.
check:
	@bash scripts/check.sh

# Boot the guest and show the driver at work.
demo:
	@bash scripts/demo.sh

# MDIO frames of every MACsec operation, our driver against the C driver.
bench:
	@bash scripts/bench.sh

host-test:
	cd tests/host && RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc /usr/bin/cargo test

setup:
	@bash scripts/setup.sh

kernel: setup
	@bash scripts/kernel.sh

modules: kernel
	@bash scripts/modules.sh

# checkpatch.pl --strict on every patch of the series.
patches-each:
	@bash scripts/patches-each.sh

checkpatch:
	@bash scripts/checkpatch.sh

clean:
	rm -rf out tests/host/target
	find drivers samples \( -name '*.o' -o -name '*.ko' -o -name '*.mod' -o -name '*.mod.c' \
		-o -name '.*.cmd' -o -name '*.d' -o -name 'modules.order' \) -delete 2>/dev/null || true
	rm -f Module.symvers modules.order
