package emit

import (
	"go/format"
	"testing"

	"github.com/armgen/armgen/internal/benchinput"
	"github.com/armgen/armgen/ir"
	"github.com/armgen/armgen/parser"
)

// The emitter's stages, measured apart (make bench): Emit names and
// builds every file with jennifer, rendered unformatted, Format runs gofmt
// over them, one file after another, and Generate is the whole of
// emit.Generate (naming, building and formatting, files and the parts of
// models.go in parallel).

// parsed parses a case's input, skipping inputs armgen cannot generate yet.
func parsed(b *testing.B, c benchinput.Case) (benchinput.Input, *ir.API) {
	b.Helper()
	in := c.Get(b)
	api, diags := parser.Parse(in.Files, parser.Options{ReadFile: in.ReadFile, Root: in.Root})
	if diags.HasErrors() {
		b.Fatalf("%s does not parse: %v", in.Name, diags)
	}
	if _, diags := Generate(api, Options{Package: "bench", unformatted: true}); diags.HasErrors() {
		b.Skipf("%s: armgen does not generate this spec yet: %v", in.Name, diags[0])
	}
	b.ReportAllocs()
	return in, api
}

func BenchmarkEmit(b *testing.B) {
	for _, c := range benchinput.Cases() {
		b.Run(c.Name, func(b *testing.B) {
			in, api := parsed(b, c)
			done := in.Start(b)
			for b.Loop() {
				Generate(api, Options{Package: "bench", unformatted: true})
			}
			done()
		})
	}
}

func BenchmarkFormat(b *testing.B) {
	for _, c := range benchinput.Cases() {
		b.Run(c.Name, func(b *testing.B) {
			in, api := parsed(b, c)
			g, _ := newGen(api, Options{Package: "bench", unformatted: true})
			var files []File
			for _, j := range g.jobs() { // unformatted: every job builds its file whole
				content, err := g.render(j.name, g.newFile, j.build)
				if err != nil {
					b.Fatal(err)
				}
				files = append(files, File{Name: j.name, Content: content})
			}
			size := 0
			for _, f := range files {
				size += len(f.Content)
			}
			b.SetBytes(int64(size))
			done := in.Start(b)
			for b.Loop() {
				for _, f := range files {
					if _, err := format.Source(f.Content); err != nil {
						b.Fatalf("%s: %v", f.Name, err)
					}
				}
			}
			done()
		})
	}
}

func BenchmarkGenerate(b *testing.B) {
	for _, c := range benchinput.Cases() {
		b.Run(c.Name, func(b *testing.B) {
			in, api := parsed(b, c)
			done := in.Start(b)
			for b.Loop() {
				if _, diags := Generate(api, Options{Package: "bench"}); diags.HasErrors() {
					b.Fatal(diags)
				}
			}
			done()
		})
	}
}
