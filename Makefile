# Fast, secure crash discovery (RFC 6290 QCD) for libreswan 5.2.
#
# The upstream tarball is fetched from Debian's archive, verified,
# unpacked under build/, our new files are laid over it and
# patches/series is applied; upstream's own build does the rest.
# See README.md.

SHELL := /bin/bash
TOP := $(CURDIR)
# make's word lists, libreswan's build and the guests' kernel command
# line all split on white space: say so at once rather than fail later
ifneq ($(words $(CURDIR)),1)
$(error the checkout path "$(CURDIR)" has white space in it; libreswan's build and the UML testbed need a path without spaces: clone or move the checkout there)
endif
BUILD := $(TOP)/build
VERSION := 5.2
TARBALL := $(BUILD)/dl/libreswan_$(VERSION).orig.tar.gz

PATCHED_TREE := $(BUILD)/patched/libreswan-$(VERSION)
STOCK_TREE := $(BUILD)/stock/libreswan-$(VERSION)
PATCHED_DEST := $(BUILD)/install/patched
STOCK_DEST := $(BUILD)/install/stock

# How the KVM test suite configures libreswan (testing/kvm/Makefile),
# less what the UML guests cannot use (seccomp, electric fence).
LSW_FLAGS := INITSYSTEM=systemd NSSDIR=/etc/ipsec.d SD_RESTART_TYPE=no \
	USE_SECCOMP=false USE_EFENCE=false
JOBS ?= $(shell nproc)
SWANTEST := $(TOP)/testing/uml/swantest
# tests at once; each runs 2-4 UML guests in its own namespace (three
# at a time is fastest on 2 cores with the 7.2 guests: docs/testbed.md)
TEST_JOBS ?= 3

OVERLAY := $(shell cd $(TOP) && git ls-files --cached --others --exclude-standard programs lib include configs testing/programs testing/guestbin testing/sanitizers 2>/dev/null)
PATCHES := patches/series $(shell sed -e '/^\#/d' -e 's:^:patches/:' patches/series 2>/dev/null)

.PHONY: all patched stock uml-kernel deps check check-slow check-stock check-upstream \
	check-series export demo bench-recovery bench-scale bench-setup bench-forged bench-flood bench-cost fuzz clean distclean keys

all: patched

deps:
	@$(TOP)/mk/deps.sh

$(BUILD)/.deps-ok: mk/deps.sh
	@$(TOP)/mk/deps.sh
	@mkdir -p $(BUILD) && touch $@

$(TARBALL): | $(BUILD)/.deps-ok
	$(TOP)/mk/fetch.sh $(BUILD)/dl

# -- patched tree: unpack, overlay, patch -------------------------------

# (build/patched/, beside build/stock/: build/libreswan-5.2 was the
# tree's old place, removed when found)
$(BUILD)/patched/.unpacked: $(TARBALL) $(PATCHES)
	rm -rf $(BUILD)/patched $(BUILD)/.patched-* $(BUILD)/libreswan-$(VERSION)
	mkdir -p $(BUILD)/patched
	tar -xzf $(TARBALL) -C $(BUILD)/patched
	$(MAKE) --no-print-directory overlay
	$(TOP)/mk/apply-patches.sh $(TOP)/patches $(PATCHED_TREE)
	touch $@

.PHONY: overlay
overlay:
	@for f in $(OVERLAY); do \
		if ! cmp -s $$f $(PATCHED_TREE)/$$f; then \
			mkdir -p $(PATCHED_TREE)/$$(dirname $$f); \
			cp $$f $(PATCHED_TREE)/$$f; echo "overlay: $$f"; \
		fi; \
	done

patched: $(BUILD)/patched/.unpacked
	@$(MAKE) --no-print-directory overlay
	$(MAKE) -C $(PATCHED_TREE) -j$(JOBS) base $(LSW_FLAGS)
	$(MAKE) -C $(PATCHED_TREE) install-base $(LSW_FLAGS) DESTDIR=$(PATCHED_DEST) >$(BUILD)/install-patched.log
	@$(MAKE) --no-print-directory keys TREE=$(PATCHED_TREE)
	@echo "patched build installed in $(PATCHED_DEST)"

# -- stock tree: the same tarball, nothing of ours ------------------------

$(BUILD)/.stock-unpacked: $(TARBALL)
	rm -rf $(BUILD)/stock
	mkdir -p $(BUILD)/stock
	tar -xzf $(TARBALL) -C $(BUILD)/stock
	touch $@

stock: $(BUILD)/.stock-unpacked
	$(MAKE) -C $(STOCK_TREE) -j$(JOBS) base $(LSW_FLAGS)
	$(MAKE) -C $(STOCK_TREE) install-base $(LSW_FLAGS) DESTDIR=$(STOCK_DEST) >$(BUILD)/install-stock.log
	@$(MAKE) --no-print-directory keys TREE=$(STOCK_TREE) KEYS_FROM=$(PATCHED_TREE)/testing
	@echo "stock build installed in $(STOCK_DEST)"

# -- test keys: what upstream's "./kvm keys" makes, made on the host -----

# (KEYS_FROM: a tree whose keys are made already, copied instead)
keys:
	@$(TOP)/testing/uml/make-keys $(TREE)/testing $(KEYS_FROM)

# -- the guests' kernel --------------------------------------------------

# a UML kernel built from Debian's kernel source with the testbed's
# configuration (testing/uml/kernel/), once per machine: cached outside
# the checkout and linked at build/uml/kernel (testing/uml/kernel-build);
# Debian's packaged kernels are the fallback where they boot
uml-kernel: $(BUILD)/.deps-ok
	@$(TOP)/testing/uml/kernel-build $(BUILD)

# -- tests ------------------------------------------------------------

check:
	@$(TOP)/testing/uml/check

check-stock: stock uml-kernel
	$(SWANTEST) --stock -j $(TEST_JOBS) --retries 1 \
		$$(SWT_TREE=$(STOCK_TREE) testing/uml/list upstream)

# make check with the whole run held to 1/$(SLOWDOWN) of one CPU (a
# cgroup quota; a fraction such as 3.5 is allowed): timeouts must scale
# and nothing may race.  Measured under the 6.12 guest kernel: 1/3 made
# the suite's tests 3.1 times slower (95 min against 31), 1/4 made the
# first test 6.4 times slower (4.4 at 1/3); the default, 4, is the
# factor the suite must survive, with a margin (docs/testbed.md)
SLOWDOWN ?= 4
check-slow:
	@$(TOP)/testing/uml/slow-host $(SLOWDOWN) $(TOP)/testing/uml/check

# all of upstream.list, patched then stock: after any change to a hook
check-upstream: patched stock uml-kernel
	@$(TOP)/testing/uml/check-upstream

# the patch set as packagers and upstream consume it (build/export/):
# a quilt series for the pristine tarball, our new files folded into the
# patches that first build them, the tests last; the same as git
# format-patch mails
export: $(TARBALL)
	@$(TOP)/mk/export

# make export, then: quilt push -a on the pristine tarball and git am on
# a git tree of it give the same tree after every patch, and every
# prefix builds (zero fuzz)
check-series: $(TARBALL)
	@$(TOP)/mk/export --check

# the main job: two gateways, one restarts, recovery stock vs patched
demo:
	@echo "building (first time: installs packages, fetches and builds libreswan 5.2 twice; log in build/demo-build.log) ..."
	@mkdir -p $(BUILD)
	@$(MAKE) --no-print-directory patched stock uml-kernel > $(BUILD)/demo-build.log 2>&1 || \
		{ tail -n 30 $(BUILD)/demo-build.log; exit 1; }
	@$(TOP)/testing/uml/recovery-run demo

# the libFuzzer harnesses of every parser of unauthenticated input
# (testing/fuzz/): FUZZ_RUNS executions each (make check runs each for
# 30 seconds instead)
FUZZ_RUNS ?= 10000000
fuzz: patched
	@$(TOP)/testing/fuzz/run -runs=$(FUZZ_RUNS)

# not a test: figures, N restarts per build
BENCH_RUNS ?= 5
BENCH_SCENARIOS ?=
bench-recovery:
	@mkdir -p $(BUILD)
	@$(MAKE) --no-print-directory patched stock uml-kernel > $(BUILD)/bench-build.log 2>&1 || \
		{ tail -n 30 $(BUILD)/bench-build.log; exit 1; }
	@$(TOP)/testing/uml/recovery-run bench -n $(BENCH_RUNS) --scenarios "$(BENCH_SCENARIOS)"

# not a test: N tunnels between two gateways, one of which restarts;
# stock, QCD and QCD + hints (testing/uml/scale-run)
SCALE_N ?= 10,100,1000
SCALE_CONFIGS ?= stock,qcd,hint
bench-scale:
	@mkdir -p $(BUILD)
	@$(MAKE) --no-print-directory patched stock uml-kernel > $(BUILD)/bench-build.log 2>&1 || \
		{ tail -n 30 $(BUILD)/bench-build.log; exit 1; }
	@$(TOP)/testing/uml/scale-run -n $(SCALE_N) --configs $(SCALE_CONFIGS)

# not a test: the IKE_AUTH rate and pluto's CPU per set-up, stock
# against patched (QCD), interleaved boots, no restart (scale-run
# --setup-only)
SETUP_N ?= 500
SETUP_ROUNDS ?= 3
SETUP_BOOTS ?= 2
bench-setup:
	@mkdir -p $(BUILD)
	@$(MAKE) --no-print-directory patched stock uml-kernel > $(BUILD)/bench-build.log 2>&1 || \
		{ tail -n 30 $(BUILD)/bench-build.log; exit 1; }
	@$(TOP)/testing/uml/scale-run --setup-only $(SETUP_ROUNDS) --boots $(SETUP_BOOTS) -n $(SETUP_N) --configs stock,qcd

# not a test: N tunnels, and forged unauthenticated input at the
# gateway (from its peer's address): what each packet costs and whether
# every tunnel's liveness is still answered (testing/uml/scale-run
# --forged)
FORGED_N ?= 10,100,1000
FORGED_PPS ?= 1500
FORGED_SECONDS ?= 30
bench-forged:
	@mkdir -p $(BUILD)
	@$(MAKE) --no-print-directory patched uml-kernel > $(BUILD)/bench-build.log 2>&1 || \
		{ tail -n 30 $(BUILD)/bench-build.log; exit 1; }
	@$(TOP)/testing/uml/scale-run --forged $(FORGED_PPS) --seconds $(FORGED_SECONDS) -n $(FORGED_N)

# not a test: a third guest floods both gateways with unauthenticated
# traffic while west sets up and recovers its tunnel
# (testing/uml/flood-run, testing/bench/flood.c)
FLOOD_SECONDS ?= 60
FLOOD_CYCLES ?= 10
FLOOD_BUILDS ?= stock,patched
# yes: east and west drop the flood before pluto's sockets (testing/bench/ike-flood-firewall)
FLOOD_FIREWALL ?= no
bench-flood:
	@mkdir -p $(BUILD)
	@$(MAKE) --no-print-directory patched stock uml-kernel > $(BUILD)/bench-build.log 2>&1 || \
		{ tail -n 30 $(BUILD)/bench-build.log; exit 1; }
	@$(TOP)/testing/uml/flood-run --seconds $(FLOOD_SECONDS) --cycles $(FLOOD_CYCLES) --builds $(FLOOD_BUILDS) $(if $(filter yes,$(FLOOD_FIREWALL)),--firewall)

# not a test: what a token, its verification and a SIR cookie cost on
# this host (testing/bench/qcd-cost.c, the library code pluto runs, NSS)
COST_OPS ?= 200000
PATCHED_OBJ = $(BUILD)/patched/libreswan-5.2/OBJ.linux.x86_64/lib
bench-cost: patched
	@mkdir -p $(BUILD)/bench
	@cc -O2 -std=gnu99 -I$(BUILD)/patched/libreswan-5.2/include -I/usr/include/nss -I/usr/include/nspr \
		$(TOP)/testing/bench/qcd-cost.c \
		-Wl,--start-group $(PATCHED_OBJ)/liblswtool/liblswtool.a $(PATCHED_OBJ)/libswan/libswan.a -Wl,--end-group \
		-lnss3 -lnssutil3 -lsmime3 -lssl3 -lplds4 -lplc4 -lnspr4 -lpthread \
		-o $(BUILD)/bench/qcd-cost
	@$(BUILD)/bench/qcd-cost $(COST_OPS)

clean:
	rm -rf $(BUILD)/patched $(BUILD)/stock $(BUILD)/install $(BUILD)/.stock-*

distclean:
	rm -rf $(BUILD)
