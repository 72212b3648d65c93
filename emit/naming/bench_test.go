package naming_test

import (
	"testing"

	"github.com/armgen/armgen/emit/naming"
	"github.com/armgen/armgen/internal/benchinput"
	"github.com/armgen/armgen/parser"
)

// BenchmarkAssign measures naming a parsed API (make bench). An API whose
// names collide still costs the whole pass, so its errors do not stop the
// benchmark.
func BenchmarkAssign(b *testing.B) {
	for _, c := range benchinput.Cases() {
		b.Run(c.Name, func(b *testing.B) {
			in := c.Get(b)
			api, diags := parser.Parse(in.Files, parser.Options{ReadFile: in.ReadFile, Root: in.Root})
			if diags.HasErrors() {
				b.Fatalf("%s does not parse: %v", in.Name, diags)
			}
			b.ReportAllocs()
			done := in.Start(b)
			for b.Loop() {
				naming.Assign(api, "bench")
			}
			done()
		})
	}
}
