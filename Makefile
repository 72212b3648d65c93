# armgen's tasks. `make generate` and `make test` are the two a fresh clone needs.
GO ?= go

.PHONY: generate test golden check bench bench-scale bench-peers bench-runtime fuzz conformance

# Regenerate generated/ from spec/ (go:generate lines in generated/*/generate.go).
generate:
	$(GO) generate ./generated/...

# Everything: vet, every test (golden, generated, CLI, reference specs when
# ../shared is present), the azidentity example module, and the conformance
# run against the AutoRest test server.
test:
	$(GO) vet ./...
	$(GO) test ./...
	cd examples/azure && $(GO) vet ./... && $(GO) test ./...
	$(MAKE) conformance

# Clients generated from the AutoRest test server's Swagger files, tested
# against the server (pinned in conformance/package.json, installed with npm
# ci, run on 127.0.0.1 and stopped afterwards), and the coverage report.
# Skips without node unless CI=true. RUN=regexp runs some tests only.
conformance:
	$(GO) run ./conformance/run $(if $(RUN),-run '$(RUN)')

# Rewrite golden/*/want and stderr.txt from the current generator; review the diff.
golden:
	$(GO) test ./golden -update

# What CI checks besides tests: formatting, vet, and generated/ up to date.
check:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1; }
	$(GO) vet ./...
	$(GO) run ./cmd/armgen -out generated/batch -package batch -check

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

# Encoding and decoding Batch example payloads with the generated types.
bench-runtime:
	@mkdir -p bench/out
	$(GO) run ./bench/runtime -o bench/out/runtime.txt

# benchstat, installed outside the module (it is no dependency of armgen).
$(BENCHSTAT):
	GOBIN=$(BENCH_TOOLS) $(GO) install golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da
