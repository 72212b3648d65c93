// Command runtime benchmarks the code armgen generates for the full Batch
// 2024-02-01 spec (make bench-runtime): decoding and encoding example
// payloads (a BatchAccount, a Pool with a virtual machine configuration, a
// page of a list of pools) with the generated types, with allocations, and
// the same with map[string]any for scale.
//
// The Batch package is derived from upstream data and is not committed: it
// is generated here, from this checkout's armgen, into a temporary module,
// with testdata/codec_test.go and the example files beside it.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// examples are the payloads the benchmarks read, from the spec's examples/.
var examples = []string{"BatchAccountGet.json", "PoolGet_UpgradePolicy.json", "PoolList.json"}

func main() {
	shared := os.Getenv("ARMGEN_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "shared")
	}
	spec := flag.String("spec", filepath.Join(shared, "specs", "azure-rest-api-specs", "specification", "batch", "resource-manager",
		"Microsoft.Batch", "stable", "2024-02-01", "BatchManagement.json"), "the Batch spec")
	count := flag.Int("count", 6, "go test -count")
	bench := flag.String("bench", ".", "go test -bench")
	out := flag.String("o", "", "also write the go test output to this file")
	flag.Parse()
	if err := run(*spec, *bench, *count, *out); err != nil {
		fmt.Fprintln(os.Stderr, "runtime:", err)
		os.Exit(1)
	}
}

func run(spec, bench string, count int, outFile string) error {
	if _, err := os.Stat(spec); err != nil {
		return fmt.Errorf("the spec: %w (set ARMGEN_SHARED or -spec)", err)
	}
	work, err := os.MkdirTemp("", "armgen-runtime-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	pkg := filepath.Join(work, "batch")
	if err := command("", "go", "run", "./cmd/armgen", "-spec", spec, "-out", pkg, "-package", "batch"); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(work, "go.mod"), []byte("module example.com/runtimebench\n\ngo 1.26\n"), 0o644); err != nil {
		return err
	}
	if err := copyFile(filepath.Join("bench", "runtime", "testdata", "codec_test.go"), filepath.Join(pkg, "codec_test.go")); err != nil {
		return err
	}
	for _, ex := range examples {
		if err := copyFile(filepath.Join(filepath.Dir(spec), "examples", ex), filepath.Join(pkg, "testdata", ex)); err != nil {
			return err
		}
	}
	var w io.Writer = os.Stdout
	if outFile != "" {
		f, err := os.Create(outFile)
		if err != nil {
			return err
		}
		defer f.Close()
		w = io.MultiWriter(os.Stdout, f)
	}
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", bench, "-benchmem", "-count", fmt.Sprint(count), "./batch")
	cmd.Dir = work
	cmd.Stdout = w
	cmd.Stderr = os.Stderr
	return cmd.Run()
}

func command(dir, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return nil
}

func copyFile(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}
