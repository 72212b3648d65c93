// Command scale prints armgen's scale curve (make bench-scale): the cost
// of generating synthetic specs of 10, 100, 1,000 and 10,000 definitions
// (internal/synth), per definition, as a whole process (wall and CPU time,
// peak RSS) and in process by stage (parse, generate), with allocations.
// A flat curve means no pass grows faster than the spec: the goal is a
// cost per definition at 10,000 definitions within 1.5× of that at 1,000.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"github.com/armgen/armgen/bench/internal/proc"
	"github.com/armgen/armgen/emit"
	"github.com/armgen/armgen/internal/synth"
	"github.com/armgen/armgen/ir"
	"github.com/armgen/armgen/parser"
)

func main() {
	sizes := flag.String("sizes", "10,100,1000,10000", "definition counts")
	runs := flag.Int("runs", 7, "whole-process runs per size")
	stages := flag.Bool("stages", true, "also measure parse and generate in process")
	flag.Parse()
	var ns []int
	for _, s := range strings.Split(*sizes, ",") {
		var n int
		if _, err := fmt.Sscan(s, &n); err != nil || n < 4 {
			fmt.Fprintf(os.Stderr, "scale: bad size %q\n", s)
			os.Exit(2)
		}
		ns = append(ns, n)
	}
	if err := run(ns, *runs, *stages, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "scale:", err)
		os.Exit(1)
	}
}

type point struct {
	n          int
	specBytes  int
	lines      int
	wall, cpu  time.Duration
	rss        int64
	parse, gen testing.BenchmarkResult
}

func run(sizes []int, runs int, stages bool, w io.Writer) error {
	work, err := os.MkdirTemp("", "armgen-scale-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	bin := filepath.Join(work, "armgen")
	build := exec.Command("go", "build", "-o", bin, "./cmd/armgen")
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	var points []point
	for _, n := range sizes {
		p := point{n: n}
		data := synth.Spec(n)
		p.specBytes = len(data)
		spec := filepath.Join(work, fmt.Sprintf("synth-%d.json", n))
		if err := os.WriteFile(spec, data, 0o644); err != nil {
			return err
		}
		var results []proc.Result
		for r := range runs {
			out := filepath.Join(work, fmt.Sprintf("out-%d-%d", n, r))
			res, err := proc.Run("", nil, bin, "-spec", spec, "-out", out, "-package", "synth")
			if err != nil {
				return err
			}
			results = append(results, res)
			if r == runs-1 {
				p.lines = countLines(out)
			}
			os.RemoveAll(out)
		}
		var walls, cpus []time.Duration
		var rsss []int64
		for _, r := range results {
			walls, cpus, rsss = append(walls, r.Wall), append(cpus, r.CPU), append(rsss, r.PeakRSS)
		}
		p.wall, p.cpu, p.rss = proc.Median(walls), proc.Median(cpus), proc.MedianInt(rsss)
		if stages {
			p.parse, p.gen = measureStages(data)
		}
		points = append(points, p)
		fmt.Fprintf(w, "%d definitions: %s\n", n, proc.Ms(p.wall))
	}
	report(w, points, runs, stages)
	return nil
}

// measureStages times parse and generate in process.
func measureStages(data []byte) (parse, gen testing.BenchmarkResult) {
	opts := parser.Options{ReadFile: func(string) ([]byte, error) { return data, nil }}
	var api *ir.API
	parse = testing.Benchmark(func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			api, _ = parser.Parse([]string{synth.Name}, opts)
		}
	})
	gen = testing.Benchmark(func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			emit.Generate(api, emit.Options{Package: "synth"})
		}
	})
	return parse, gen
}

func countLines(dir string) int {
	n := 0
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		n += strings.Count(string(b), "\n")
	}
	return n
}

func report(w io.Writer, points []point, runs int, stages bool) {
	fmt.Fprintf(w, "\nScale curve (synthetic specs; whole process, median of %d runs; stages in process):\n\n", runs)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight|tabwriter.Debug)
	header := "defs\tspec\tGo lines\twall\twall/def\t×prev\tCPU/def\tpeak RSS\tRSS/def\t"
	if stages {
		header += "parse/def\tgenerate/def\tallocs/def\tB/def\t"
	}
	fmt.Fprintln(tw, header)
	for i, p := range points {
		per := float64(p.wall.Nanoseconds()) / float64(p.n)
		prev := "—"
		if i > 0 {
			q := points[i-1]
			prev = fmt.Sprintf("%.2f×", per/(float64(q.wall.Nanoseconds())/float64(q.n)))
		}
		fmt.Fprintf(tw, "%d\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%.1f KiB\t", p.n, kib(p.specBytes), p.lines, proc.Ms(p.wall),
			us(per), prev, us(float64(p.cpu.Nanoseconds())/float64(p.n)), proc.MiB(p.rss), float64(p.rss)/float64(p.n)/1024)
		if stages {
			allocs := (p.parse.AllocsPerOp() + p.gen.AllocsPerOp()) / int64(p.n)
			bytes := (p.parse.AllocedBytesPerOp() + p.gen.AllocedBytesPerOp()) / int64(p.n)
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t", us(float64(p.parse.NsPerOp())/float64(p.n)), us(float64(p.gen.NsPerOp())/float64(p.n)), allocs, bytes)
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
	// What the curve is for: the cost per definition stays flat as specs
	// grow, within 1.5× from 1,000 to 10,000 definitions. Whole seconds
	// depend on the machine and its load; the ratio much less.
	var p1k, p10k *point
	for i := range points {
		switch points[i].n {
		case 1000:
			p1k = &points[i]
		case 10000:
			p10k = &points[i]
		}
	}
	if p1k != nil && p10k != nil {
		wall := (float64(p10k.wall) / 10000) / (float64(p1k.wall) / 1000)
		cpu := (float64(p10k.cpu) / 10000) / (float64(p1k.cpu) / 1000)
		verdict := "linear: within the goal of 1.5×"
		if wall > 1.5 || cpu > 1.5 {
			verdict = "NOT linear: past the goal of 1.5×"
		}
		fmt.Fprintf(w, "\nper definition, 10,000 vs 1,000: wall %.2f×, CPU %.2f× (%s)\n", wall, cpu, verdict)
	}
	if p10k != nil {
		fmt.Fprintf(w, "10,000 definitions: %s wall, %s CPU, %s peak RSS\n", proc.Ms(p10k.wall), proc.Ms(p10k.cpu), proc.MiB(p10k.rss))
	}
}

func kib(b int) string { return fmt.Sprintf("%.0f KiB", float64(b)/1024) }

func us(ns float64) string { return fmt.Sprintf("%.1f µs", ns/1000) }
