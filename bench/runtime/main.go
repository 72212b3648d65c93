// Command runtime benchmarks the code armgen generates for the full Batch
// 2024-02-01 spec (make bench-runtime), against the code armgen wrote at
// a base commit, in one run: decoding and encoding example payloads (a
// BatchAccount, a Pool with a virtual machine configuration, a page of a
// list of pools, a page of 200 pools) with the generated types, and the
// same bytes with map[string]any for scale; then the cold build time and
// compiled size of the Batch package and of the largest of the 30 visible
// reference specs, from both.
//
// The base armgen is built from `git archive <base>`; each armgen writes
// its package into one temporary module, beside testdata/codec_test.go
// and the example files. The test binaries of the two packages run in
// turns, -count times, so that both see the same machine; benchstat
// compares them.
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

// defaultBase is the last commit of the reflective JSON codec (also
// CODEC_BASE in the Makefile).
const defaultBase = "e8f72c308d74bfafeba2985754c8873cfdce85f5"

type config struct {
	spec, largest string // the Batch spec; the largest visible reference spec
	base          string
	count, builds int
	bench         string
	benchtime     string
	benchstat     string
	out           string
}

func main() {
	shared := os.Getenv("ARMGEN_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "shared")
	}
	specs := filepath.Join(shared, "specs", "azure-rest-api-specs", "specification")
	var c config
	flag.StringVar(&c.spec, "spec", filepath.Join(specs, "batch", "resource-manager", "Microsoft.Batch", "stable", "2024-02-01", "BatchManagement.json"), "the Batch spec")
	flag.StringVar(&c.largest, "largest", filepath.Join(specs, "compute", "resource-manager", "Microsoft.Compute", "ComputeRP", "stable", "2024-03-01", "virtualMachineScaleSet.json"),
		"the visible reference spec whose package is largest, for build cost; \"\" to skip")
	flag.StringVar(&c.base, "base", defaultBase, "the git revision of armgen to compare with")
	flag.IntVar(&c.count, "count", 6, "runs of each benchmark, in turns")
	flag.IntVar(&c.builds, "builds", 7, "cold builds of each package, in turns; 0 to skip")
	flag.StringVar(&c.bench, "bench", ".", "go test -bench")
	flag.StringVar(&c.benchtime, "benchtime", "1s", "go test -benchtime")
	flag.StringVar(&c.benchstat, "benchstat", "benchstat", "the benchstat command")
	flag.StringVar(&c.out, "o", "", "also write the report to this file, and the raw results beside it")
	flag.Parse()
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "runtime:", err)
		os.Exit(1)
	}
}

func run(c config) error {
	if _, err := os.Stat(c.spec); err != nil {
		return fmt.Errorf("the spec: %w (set ARMGEN_SHARED or -spec)", err)
	}
	work, err := os.MkdirTemp("", "armgen-runtime-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	var report io.Writer = os.Stdout
	if c.out != "" {
		f, err := os.Create(c.out)
		if err != nil {
			return err
		}
		defer f.Close()
		report = io.MultiWriter(os.Stdout, f)
	}

	fmt.Fprintf(report, "building armgen at %s and this checkout's…\n", c.base)
	armgens, err := buildArmgens(work, c.base)
	if err != nil {
		return err
	}
	mod := filepath.Join(work, "mod")
	if err := module(mod); err != nil {
		return err
	}
	var bins []string
	for _, a := range armgens {
		pkg := filepath.Join(mod, a.name, "batch")
		if err := a.generate(c.spec, pkg); err != nil {
			return err
		}
		if err := benchFiles(pkg, filepath.Join(filepath.Dir(c.spec), "examples"), "example.com/runtimebench/"+a.name+"/batch"); err != nil {
			return err
		}
		bin := filepath.Join(work, a.name+".test")
		if err := command(mod, "go", "test", "-c", "-o", bin, "./"+a.name+"/batch"); err != nil {
			return err
		}
		bins = append(bins, bin)
	}

	fmt.Fprintf(report, "running the benchmarks of both packages in turns, %d times…\n", c.count)
	results := make([]strings.Builder, len(armgens))
	for i := range c.count {
		for j, bin := range bins {
			out, err := benchOnce(bin, filepath.Join(mod, armgens[j].name, "batch"), c.bench, c.benchtime)
			if err != nil {
				return err
			}
			results[j].WriteString(out)
		}
		fmt.Fprintf(os.Stderr, "  round %d of %d\n", i+1, c.count)
	}
	files := make([]string, len(armgens))
	dir := work
	if c.out != "" {
		dir = filepath.Dir(c.out)
	}
	for j, a := range armgens {
		files[j] = filepath.Join(dir, "runtime-"+a.name+".txt")
		if err := os.WriteFile(files[j], []byte(results[j].String()), 0o644); err != nil {
			return err
		}
	}
	sections := []struct {
		title string
		args  []string
	}{
		{"Before (armgen " + short(c.base) + ") and after (this checkout), every codec", []string{"base=" + files[0], "new=" + files[1]}},
		{"After: the generated codec against encoding/json into map[string]any, same run", []string{"-col", "/codec", files[1]}},
		{"Before: the reflective codec against encoding/json into map[string]any, same run", []string{"-col", "/codec", files[0]}},
	}
	for _, s := range sections {
		out, err := exec.Command(c.benchstat, s.args...).CombinedOutput()
		if err != nil {
			return fmt.Errorf("%s: %v\n%s", c.benchstat, err, out)
		}
		fmt.Fprintf(report, "\n## %s\n\n%s", s.title, out)
	}

	if c.builds > 0 {
		targets := []string{c.spec}
		if c.largest != "" {
			targets = append(targets, c.largest)
		}
		if err := buildCost(report, work, armgens, targets, c.builds); err != nil {
			return err
		}
	}
	return nil
}

func short(rev string) string {
	if len(rev) > 12 {
		return rev[:12]
	}
	return rev
}

// benchOnce runs every benchmark of a test binary once, in dir.
func benchOnce(bin, dir, bench, benchtime string) (string, error) {
	cmd := exec.Command(bin, "-test.run", "^$", "-test.bench", bench, "-test.benchmem", "-test.count", "1", "-test.benchtime", benchtime)
	cmd.Dir = dir
	var out strings.Builder
	cmd.Stdout = &out
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("%s: %v\n%s", bin, err, out.String())
	}
	return out.String(), nil
}

// module makes a module for the generated packages.
func module(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/runtimebench\n\ngo 1.26\n"), 0o644)
}

// benchFiles puts the benchmarks and the example payloads beside a
// generated package whose import path is importPath.
func benchFiles(pkg, examplesDir, importPath string) error {
	src, err := os.ReadFile(filepath.Join("bench", "runtime", "testdata", "codec_test.go"))
	if err != nil {
		return err
	}
	src = []byte(strings.ReplaceAll(string(src), "example.com/runtimebench/PKG", importPath))
	src = []byte(strings.ReplaceAll(string(src), "PKG.", "batch."))
	if err := os.WriteFile(filepath.Join(pkg, "codec_test.go"), src, 0o644); err != nil {
		return err
	}
	for _, ex := range examples {
		if err := copyFile(filepath.Join(examplesDir, ex), filepath.Join(pkg, "testdata", ex)); err != nil {
			return err
		}
	}
	return nil
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
