package parser

import (
	"slices"
	"testing"

	"github.com/armgen/armgen/internal/benchinput"
)

// The parser's stages, measured apart: the node tree (Tree), kin-openapi's
// typed document (Decode), both with the keyword checks (Read), the IR
// build from read files (Build), and the whole of Parse. Run them with
// make bench; every input is served from memory.

// prepare gets a case's input and parses it once, which reads every file
// it consists of into memory and proves that it parses.
func prepare(b *testing.B, c benchinput.Case) benchinput.Input {
	b.Helper()
	in := c.Get(b)
	if _, diags := Parse(in.Files, optionsOf(in)); diags.HasErrors() {
		b.Fatalf("%s does not parse: %v", in.Name, diags)
	}
	b.SetBytes(int64(in.Bytes()))
	b.ReportAllocs()
	return in
}

func BenchmarkTree(b *testing.B) {
	for _, c := range benchinput.Cases() {
		b.Run(c.Name, func(b *testing.B) {
			in := prepare(b, c)
			data := readAll(b, in)
			done := in.Start(b)
			for b.Loop() {
				for name, d := range data {
					var errs []syntaxError
					if isYAML(name, d) {
						_, errs = parseYAML(d, DefaultLimits)
					} else {
						_, errs = parseJSON(d, DefaultLimits)
					}
					if len(errs) > 0 {
						b.Fatal(errs[0].msg)
					}
				}
			}
			done()
		})
	}
}

func BenchmarkDecode(b *testing.B) {
	for _, c := range benchinput.Cases() {
		b.Run(c.Name, func(b *testing.B) {
			in := prepare(b, c)
			// As the loader has kin-openapi decode them: the inputs with
			// all their sections' members, the files reached through $refs
			// without their sections, what it reads counted.
			var files []*file
			for name, d := range readAll(b, in) {
				t, _ := parseTree(name, trimBOM(d))
				files = append(files, &file{name: name, tree: t, input: slices.Contains(in.Files, name)})
			}
			if !slices.ContainsFunc(files, func(f *file) bool { return f.input }) {
				b.Fatal("no input among the files read")
			}
			done := in.Start(b)
			for b.Loop() {
				meter := &decodeMeter{limit: int64(DefaultLimits.MaxDecodeBytes)}
				for _, f := range files {
					f.meter = meter
					if _, err := f.decode(); err != nil || len(f.diags) > 0 {
						b.Fatal(err, f.diags)
					}
				}
			}
			done()
		})
	}
}

func BenchmarkRead(b *testing.B) {
	for _, c := range benchinput.Cases() {
		b.Run(c.Name, func(b *testing.B) {
			in := prepare(b, c)
			done := in.Start(b)
			for b.Loop() {
				loadAll(b, in)
			}
			done()
		})
	}
}

func BenchmarkBuild(b *testing.B) {
	for _, c := range benchinput.Cases() {
		b.Run(c.Name, func(b *testing.B) {
			in := prepare(b, c)
			for b.Loop() {
				// Building caches what it decodes in the files, so each
				// round starts from freshly read ones.
				b.StopTimer()
				l, inputs := loadAll(b, in)
				bl := newBuilder(l)
				b.StartTimer()
				bl.build(inputs)
				if bl.diags.HasErrors() || l.diags.HasErrors() {
					b.Fatal(append(bl.diags, l.diags...).Sort())
				}
			}
			in.PerDefinition(b)
		})
	}
}

func BenchmarkParse(b *testing.B) {
	for _, c := range benchinput.Cases() {
		b.Run(c.Name, func(b *testing.B) {
			in := prepare(b, c)
			done := in.Start(b)
			for b.Loop() {
				if _, diags := Parse(in.Files, optionsOf(in)); diags.HasErrors() {
					b.Fatal(diags)
				}
			}
			done()
		})
	}
}

// readAll returns the content of every file of the input, by the name the
// parser read it under.
func readAll(b *testing.B, in benchinput.Input) map[string][]byte {
	out := map[string][]byte{}
	for _, name := range in.Read() {
		data, err := in.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		out[name] = data
	}
	return out
}

func parseTree(name string, data []byte) (*node, []syntaxError) {
	if isYAML(name, data) {
		return parseYAML(data, DefaultLimits)
	}
	return parseJSON(data, DefaultLimits)
}

// loadAll reads every file of the input the way Parse does, the inputs
// first.
func loadAll(b *testing.B, in benchinput.Input) (*loader, []*file) {
	l := newLoader(optionsOf(in), in.Files[0])
	var inputs []*file
	for _, name := range in.Files {
		inputs = append(inputs, l.load(name, true, ""))
	}
	for _, name := range in.Read() {
		if !slices.Contains(in.Files, name) {
			l.load(name, false, "")
		}
	}
	if l.diags.HasErrors() {
		b.Fatal(l.diags.Sort())
	}
	return l, inputs
}

func optionsOf(in benchinput.Input) Options {
	return Options{ReadFile: in.ReadFile, Root: in.Root}
}
