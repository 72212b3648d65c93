package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/armgen/armgen/internal/benchinput"
	"github.com/armgen/armgen/parser"
)

// BenchmarkEndToEnd is the whole pipeline in memory: parse, name, emit,
// format (make bench). Inputs are served from memory.
func BenchmarkEndToEnd(b *testing.B) {
	for _, c := range benchinput.Cases() {
		b.Run(c.Name, func(b *testing.B) {
			in := c.Get(b)
			opts := parser.Options{ReadFile: in.ReadFile, Root: in.Root}
			if files, diags := generate(in.Files, opts, "bench", false, nil); files == nil {
				b.Skipf("%s: armgen does not generate this spec yet: %v", in.Name, diags[0])
			}
			b.SetBytes(int64(in.Bytes()))
			b.ReportAllocs()
			done := in.Start(b)
			for b.Loop() {
				generate(in.Files, opts, "bench", false, nil)
			}
			done()
		})
	}
}

// BenchmarkRun is the command as users run it, less the process: flags,
// reading the spec from disk, generating, and writing a fresh directory.
func BenchmarkRun(b *testing.B) {
	for _, c := range benchinput.Cases() {
		b.Run(c.Name, func(b *testing.B) {
			in := c.Get(b)
			tmp := b.TempDir()
			var args []string
			switch {
			case in.Name == "default":
				// No -spec: the embedded default.
			case in.Definitions > 0:
				name := filepath.Join(tmp, "synth.json")
				data, _ := in.ReadFile(in.Files[0])
				if err := os.WriteFile(name, data, 0o644); err != nil {
					b.Fatal(err)
				}
				args = append(args, "-spec", name)
			default:
				for _, f := range in.Files {
					args = append(args, "-spec", filepath.FromSlash(f))
				}
			}
			i := 0
			next := func() []string {
				i++
				return append(args, "-out", filepath.Join(tmp, "out"+strconv.Itoa(i)), "-package", "bench")
			}
			if code := run(context.Background(), next(), io.Discard, io.Discard); code != 0 {
				b.Skipf("%s: armgen does not generate this spec yet (exit %d)", in.Name, code)
			}
			b.ReportAllocs()
			done := in.Start(b)
			for b.Loop() {
				if code := run(context.Background(), next(), io.Discard, io.Discard); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
			done()
		})
	}
}
