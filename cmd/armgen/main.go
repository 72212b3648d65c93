// Command armgen generates a Go package from an Azure Resource Manager
// OpenAPI (Swagger 2.0) spec. See the README for usage.
package main

import (
	"context"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
)

// memoryLimit is the heap armgen aims to stay under. Below it the garbage
// collector runs as usual (real specs need a few tens of MiB); only very
// large specs reach it, where collecting more often keeps the process far
// from the memory a CI runner has. GOMEMLIMIT overrides it.
const memoryLimit = 400 << 20

// smallSpecs is the input size under which armgen lets the heap grow
// further between collections (GOGC=400): a generation is short and most
// of what it allocates dies young, so for the usual spec (a few hundred
// KiB) most collections are saved at the cost of a few MiB. Larger
// inputs keep the default: their heap would meet the memory limit, where
// the collector runs all the time.
const smallSpecs = 4 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		beforeGenerate = func(files []string) {
			if inputSize(files) < smallSpecs {
				debug.SetGCPercent(400)
			}
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// inputSize adds up the sizes of the spec files given (the embedded
// default is small: its name is no file here).
func inputSize(files []string) int64 {
	var n int64
	for _, f := range files {
		if info, err := os.Stat(filepath.FromSlash(f)); err == nil {
			n += info.Size()
		}
	}
	return n
}
