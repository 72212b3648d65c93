# armgen's tasks. `make generate` and `make test` are the two a fresh clone needs.
GO ?= go
# How long `make fuzz` runs each fuzz target; `make test` runs them briefly.
FUZZTIME ?= 1m
FUZZ_TARGETS = ./parser:FuzzReadSpec ./parser:FuzzResolve ./cmd/armgen:FuzzPipeline

.PHONY: generate test golden check bench fuzz conformance

# Regenerate generated/ from spec/ (go:generate lines in generated/*/generate.go).
generate:
	$(GO) generate ./generated/...

# Everything: vet, every test (golden, generated, CLI, reference specs when
# ../shared is present) in shuffled order, concurrent generations under the
# race detector, each fuzz target for a few seconds, the azidentity example
# module, and the conformance run against the AutoRest test server.
test:
	$(GO) vet ./...
	$(GO) test -shuffle=on ./...
	$(GO) test -race -run '^TestConcurrentGenerations$$' ./cmd/armgen
	$(MAKE) fuzz FUZZTIME=3s
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

# Run each fuzz target for FUZZTIME (make fuzz FUZZTIME=10m). A failing
# input is written to the package's testdata/fuzz and from then on runs
# with every go test: commit it with the fix.
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		echo "$(GO) test -fuzz $${t#*:} -fuzztime $(FUZZTIME) $${t%%:*}"; \
		$(GO) test -run '^$$' -fuzz "^$${t#*:}$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 10s $${t%%:*}; \
	done

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./parser ./emit ./cmd/armgen
