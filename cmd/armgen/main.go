// Command armgen generates a Go package from an Azure Resource Manager
// OpenAPI (Swagger 2.0) spec. See the README for usage.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
)

// memoryLimit is the heap armgen aims to stay under. Below it the garbage
// collector runs as usual (real specs need a few tens of MiB); only very
// large specs reach it, where collecting more often keeps the process far
// from the memory a CI runner has. GOMEMLIMIT overrides it.
const memoryLimit = 400 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
