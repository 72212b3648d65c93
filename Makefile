# armgen's tasks. `make generate` and `make test` are the two a fresh clone needs.
GO ?= go
# How long `make fuzz` runs each fuzz target; `make test` runs them briefly.
FUZZTIME ?= 1m
FUZZ_TARGETS = ./parser:FuzzReadSpec ./parser:FuzzResolve ./cmd/armgen:FuzzPipeline \
	./emit/static:FuzzLeaves ./emit/static:FuzzWrites \
	./internal/codecfuzz:FuzzScalars ./internal/codecfuzz:FuzzContainers ./internal/codecfuzz:FuzzPolymorphic \
	./internal/codecfuzz:FuzzAdditional ./internal/codecfuzz:FuzzResources
# The commit whose reflective JSON codec is the oracle of internal/codecfuzz
# (its legacy package) and the base of make bench-runtime.
CODEC_BASE ?= e8f72c308d74bfafeba2985754c8873cfdce85f5

.PHONY: generate test golden check bench bench-scale bench-peers bench-runtime fuzz conformance codecfuzz-legacy

# Regenerate generated/ from spec/ (go:generate lines in generated/*/generate.go),
# and internal/codecfuzz/current from its spec.
generate:
	$(GO) generate ./generated/... ./internal/codecfuzz/...

# Rebuild internal/codecfuzz/legacy, the reflective codec's package of the
# codec fuzzing spec, with armgen as it was at CODEC_BASE.
codecfuzz-legacy:
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf $$tmp' EXIT; \
	git archive $(CODEC_BASE) | tar -x -C $$tmp; \
	(cd $$tmp && $(GO) build -o armgen ./cmd/armgen); \
	$$tmp/armgen -spec internal/codecfuzz/spec.json -out internal/codecfuzz/legacy -package legacy

# Everything: vet, every test (golden, generated, CLI, reference specs when
# ../shared is present) in shuffled order, concurrent generations under the
# race detector (also a spec large enough to be read and written in
# parallel parts), each fuzz target for a few seconds, the azidentity example
# module, and the conformance run against the AutoRest test server.
test:
	$(GO) vet ./...
	$(GO) test -shuffle=on ./...
	$(GO) test -race -run '^(TestConcurrentGenerations|TestParallelPartsDeterminism)$$' ./cmd/armgen
	$(MAKE) fuzz FUZZTIME=3s
	cd examples/azure && $(GO) vet ./... && $(GO) test ./...
	$(MAKE) conformance

# Clients generated from the AutoRest test server's Swagger files, tested
# against the server (pinned in conformance/package.json, installed with npm
# ci, run on 127.0.0.1 and stopped afterwards), and the coverage report.
# Skips without node unless CI=true. RUN=regexp runs some tests only.
conformance:
	$(GO) run ./conformance/run $(if $(RUN),-run '$(RUN)')

# Rewrite golden/testdata/*/want and stderr.txt from the current generator,
# and parser/testdata/ir (the IR of each golden spec); review the diff.
golden:
	$(GO) test ./golden -update
	$(GO) test ./parser -run '^TestIRGolden$$' -update

# What CI checks besides tests: formatting, vet, and generated/ up to date.
check:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1; }
	$(GO) vet ./...
	$(GO) run ./cmd/armgen -out generated/batch -package batch -fakes -check

# Run each fuzz target for FUZZTIME (make fuzz FUZZTIME=10m). A failing
# input is written to the package's testdata/fuzz and from then on runs
# with every go test: commit it with the fix.
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		echo "$(GO) test -fuzz $${t#*:} -fuzztime $(FUZZTIME) $${t%%:*}"; \
		$(GO) test -run '^$$' -fuzz "^$${t#*:}$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 10s $${t%%:*}; \
	done

# Benchmarks (see bench/README.md). BENCH picks benchmarks, BENCH_COUNT the
# runs of each for benchstat; results go to bench/out/bench.txt.
BENCH ?= .
BENCH_COUNT ?= 6
BENCH_PKGS = ./parser ./emit/naming ./emit ./cmd/armgen
BENCH_TOOLS ?= $(or $(TMPDIR),/tmp)/armgen-bench-tools
BENCHSTAT = $(BENCH_TOOLS)/benchstat

bench: $(BENCHSTAT)
	@mkdir -p bench/out
	$(GO) test -run '^$$' -bench '$(BENCH)' -benchmem -count $(BENCH_COUNT) -timeout 60m $(BENCH_PKGS) | tee bench/out/bench.txt
	$(BENCHSTAT) bench/out/bench.txt

# The scale curve: synthetic specs of 10 to 10,000 definitions, per definition.
bench-scale:
	$(GO) run ./bench/scale

# armgen against oapi-codegen v2.8.2 and ogen v1.24.0 on the full Batch spec,
# as whole processes; installs the peers into a temporary folder. Not part of
# make test.
bench-peers:
	$(GO) run ./bench/peers

# Encoding and decoding Batch example payloads with the generated types,
# this checkout's against CODEC_BASE's in one run; and the cold build of
# their packages. BENCH_COUNT runs of each benchmark.
bench-runtime: $(BENCHSTAT)
	@mkdir -p bench/out
	$(GO) run ./bench/runtime -base $(CODEC_BASE) -count $(BENCH_COUNT) -benchstat $(BENCHSTAT) -o bench/out/runtime.txt

# benchstat, installed outside the module (it is no dependency of armgen).
$(BENCHSTAT):
	GOBIN=$(BENCH_TOOLS) $(GO) install golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da
