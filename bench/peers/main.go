// Command peers times armgen against oapi-codegen and ogen on the full
// Batch 2024-02-01 spec, as whole processes (make bench-peers).
//
// It installs the peers with go install into a temporary folder, builds
// armgen from this checkout, converts the spec to OpenAPI 3 with
// kin-openapi for the peers (they do not read Swagger 2.0), then runs the
// tools in alternating order, each into a fresh directory, and reports per
// tool the median wall time and its ratio to armgen's, the median peak
// RSS, the size of what it wrote, and how long `go build` takes to compile
// that package with its dependencies (and the standard library) already
// built: a file with a new nonce before each build makes the package
// itself new to the build cache.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/armgen/armgen/bench/internal/proc"
)

// The peers, pinned.
const (
	oapiCodegen = "github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@v2.8.2"
	ogen        = "github.com/ogen-go/ogen/cmd/ogen@v1.24.0"
)

// ogenClientOnly makes ogen write a client only, as armgen and
// oapi-codegen do; its default also writes a server and OpenTelemetry
// instrumentation.
const ogenClientOnly = `generator:
  features:
    disable:
      - paths/server
      - webhooks/server
      - ogen/otel
      - ogen/unimplemented
`

func main() {
	shared := os.Getenv("ARMGEN_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "shared")
	}
	spec := flag.String("spec", filepath.Join(shared, "specs", "azure-rest-api-specs", "specification", "batch", "resource-manager",
		"Microsoft.Batch", "stable", "2024-02-01", "BatchManagement.json"), "the Swagger 2.0 spec")
	runs := flag.Int("runs", 21, "runs of each tool")
	builds := flag.Int("builds", 5, "cold builds of each output")
	keep := flag.Bool("keep", false, "keep the work directory")
	flag.Parse()
	if err := run(*spec, *runs, *builds, *keep, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "peers:", err)
		os.Exit(1)
	}
}

// tool is one generator under test.
type tool struct {
	name string
	// args are the command and its arguments writing into out.
	args func(out string) []string
	// file names a single output file inside out; "" when the tool
	// writes a directory.
	file string

	runs   []proc.Result
	out    string // the last run's output
	lines  int
	files  int
	bytes  int64
	builds []time.Duration
}

func run(spec string, runs, builds int, keep bool, w io.Writer) error {
	if _, err := os.Stat(spec); err != nil {
		return fmt.Errorf("the spec: %w (set ARMGEN_SHARED or -spec)", err)
	}
	spec, _ = filepath.Abs(spec)
	work, err := os.MkdirTemp("", "armgen-peers-")
	if err != nil {
		return err
	}
	if keep {
		fmt.Fprintln(w, "work directory:", work)
	} else {
		defer os.RemoveAll(work)
	}
	bin := filepath.Join(work, "bin")
	fmt.Fprintln(w, "installing the peers and building armgen…")
	for _, pkg := range []string{oapiCodegen, ogen} {
		if err := goCmd("", []string{"GOBIN=" + bin}, "install", pkg); err != nil {
			return err
		}
	}
	if err := goCmd("", nil, "build", "-o", filepath.Join(bin, "armgen"), "./cmd/armgen"); err != nil {
		return err
	}
	v3 := filepath.Join(work, "spec.v3.json")
	if err := toOpenAPI3(spec, v3); err != nil {
		return err
	}
	ogenConfig := filepath.Join(work, "client-only.yml") // not ogen.yml, which ogen reads by itself
	if err := os.WriteFile(ogenConfig, []byte(ogenClientOnly), 0o644); err != nil {
		return err
	}

	tools := []*tool{
		{name: "armgen", args: func(out string) []string {
			return []string{filepath.Join(bin, "armgen"), "-spec", spec, "-out", out, "-package", "batch"}
		}},
		{name: "oapi-codegen", file: "batch.gen.go", args: func(out string) []string {
			return []string{filepath.Join(bin, "oapi-codegen"), "-generate", "types,client", "-package", "batch",
				"-o", filepath.Join(out, "batch.gen.go"), v3}
		}},
		{name: "ogen", args: func(out string) []string {
			return []string{filepath.Join(bin, "ogen"), "-config", ogenConfig, "-loglevel", "error",
				"-package", "batch", "-target", out, "-clean", v3}
		}},
		{name: "ogen (default: +server, +otel)", args: func(out string) []string {
			return []string{filepath.Join(bin, "ogen"), "-loglevel", "error", "-package", "batch", "-target", out, "-clean", v3}
		}},
	}

	fmt.Fprintf(w, "timing %d runs of each, alternating…\n", runs)
	outs := filepath.Join(work, "out")
	for r := range runs {
		for k := range tools {
			i := (r + k) % len(tools) // a different tool goes first each round
			t := tools[i]
			out := filepath.Join(outs, fmt.Sprintf("%d-%d", i, r))
			if err := os.MkdirAll(out, 0o755); err != nil {
				return err
			}
			args := t.args(out)
			res, err := proc.Run(work, nil, args[0], args[1:]...)
			if err != nil {
				return fmt.Errorf("%s: %w", t.name, err)
			}
			t.runs = append(t.runs, res)
			if t.out != "" {
				os.RemoveAll(t.out)
			}
			t.out = out
		}
	}
	for _, t := range tools {
		if err := t.measureOutput(); err != nil {
			return err
		}
	}

	fmt.Fprintf(w, "compiling each output %d times, the package cold each time…\n", builds)
	for i, t := range tools {
		if err := t.module(filepath.Join(work, "build", fmt.Sprint(i))); err != nil {
			return fmt.Errorf("%s: %w", t.name, err)
		}
	}
	for b := range builds {
		for k := range tools {
			t := tools[(b+k)%len(tools)]
			d, err := t.build(b)
			if err != nil {
				return fmt.Errorf("%s: %w", t.name, err)
			}
			t.builds = append(t.builds, d)
		}
	}
	report(w, tools, spec)
	return nil
}

// goCmd runs the go command from the module root, where make runs this.
func goCmd(dir string, env []string, args ...string) error {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return nil
}

// measureOutput counts the Go files, lines and bytes of the last output.
func (t *tool) measureOutput() error {
	return filepath.WalkDir(t.out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		t.files++
		t.bytes += int64(len(b))
		t.lines += strings.Count(string(b), "\n")
		return nil
	})
}

// module makes the output a module of its own in dir, with its
// dependencies resolved, and builds it once, so that the build cache holds
// every dependency.
func (t *tool) module(dir string) error {
	pkg := filepath.Join(dir, "batch")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.Rename(t.out, pkg); err != nil {
		return err
	}
	t.out = pkg
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/peerbench\n\ngo 1.26\n"), 0o644); err != nil {
		return err
	}
	if err := goCmd(dir, nil, "mod", "tidy"); err != nil {
		return err
	}
	return goCmd(dir, nil, "build", "./batch")
}

// build compiles the package after changing a file of it, so that the
// build cache holds its dependencies but not the package.
func (t *tool) build(round int) (time.Duration, error) {
	nonce := fmt.Sprintf("package batch\n\n// Build %d at %d makes this package new to the build cache.\n", round, time.Now().UnixNano())
	if err := os.WriteFile(filepath.Join(t.out, "zz_nonce.go"), []byte(nonce), 0o644); err != nil {
		return 0, err
	}
	res, err := proc.Run(filepath.Dir(t.out), nil, "go", "build", "./batch")
	if err != nil {
		return 0, err
	}
	return res.Wall, nil
}

func report(w io.Writer, tools []*tool, spec string) {
	base := tools[0]
	baseWall := proc.Median(walls(base.runs))
	fmt.Fprintf(w, "\n%s (peers read it converted to OpenAPI 3 by kin-openapi), %d runs each:\n\n", filepath.Base(spec), len(base.runs))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(tw, "tool\tmedian wall\tmin\tvs armgen\tpeak RSS\tGo files\tlines\tbytes\tgo build (package cold)\t")
	for _, t := range tools {
		wall := proc.Median(walls(t.runs))
		ratio := float64(wall) / float64(baseWall)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%.1f×\t%s\t%d\t%d\t%d\t%s\t\n", t.name, proc.Ms(wall), proc.Ms(minOf(walls(t.runs))),
			ratio, proc.MiB(proc.MedianInt(rss(t.runs))), t.files, t.lines, t.bytes, proc.Ms(proc.Median(t.builds)))
	}
	tw.Flush()
	fmt.Fprintln(w)
	for _, t := range tools[1:] {
		wall := proc.Median(walls(t.runs))
		fmt.Fprintf(w, "armgen is %.1f× faster than %s (median %s vs %s)\n", float64(wall)/float64(baseWall), t.name, proc.Ms(baseWall), proc.Ms(wall))
	}
}

func walls(rs []proc.Result) []time.Duration {
	out := make([]time.Duration, len(rs))
	for i, r := range rs {
		out[i] = r.Wall
	}
	return out
}

func rss(rs []proc.Result) []int64 {
	out := make([]int64, len(rs))
	for i, r := range rs {
		out[i] = r.PeakRSS
	}
	return out
}

func minOf(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	m := ds[0]
	for _, d := range ds[1:] {
		m = min(m, d)
	}
	return m
}
