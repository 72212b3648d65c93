// Package benchinput provides the specs armgen's benchmarks measure: the
// embedded default, the full upstream Batch 2024-02-01 spec, the largest of
// the reference specs in ../shared/specs/visible-arm-roots.txt (with the
// files it references), and synthetic specs of any size. Files are served
// from memory once read, so benchmarks measure armgen, not the disk.
package benchinput

import (
	"bufio"
	"cmp"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/armgen/armgen/internal/synth"
	"github.com/armgen/armgen/internal/testutil"
	"github.com/armgen/armgen/spec"
)

// Input is one spec to measure.
type Input struct {
	// Name labels the benchmark: default, batch, largest, synth-N.
	Name string
	// Files are the spec files, as given to parser.Parse.
	Files []string
	// Root is the parser's $ref root ("" for its default).
	Root string
	// Definitions is the synthetic size; 0 for real specs.
	Definitions int
	cache       *cache
}

// ReadFile reads a file of the input, from memory after the first time.
// It is safe for concurrent use.
func (in Input) ReadFile(name string) ([]byte, error) { return in.cache.read(name) }

// Read lists the files read so far, in name order: after one parse, every
// file the input consists of.
func (in Input) Read() []string { return in.cache.names() }

// Bytes is the size of the files read so far.
func (in Input) Bytes() int { return in.cache.size() }

// cache serves files from memory, reading each from its source once.
type cache struct {
	mu    sync.Mutex
	src   func(string) ([]byte, error)
	files map[string][]byte
}

func newCache(src func(string) ([]byte, error)) *cache {
	return &cache{src: src, files: map[string][]byte{}}
}

func (c *cache) read(name string) ([]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if b, ok := c.files[name]; ok {
		return b, nil
	}
	b, err := c.src(name)
	if err != nil {
		return nil, err
	}
	c.files[name] = b
	return b, nil
}

func (c *cache) names() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]string, 0, len(c.files))
	for n := range c.files {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

func (c *cache) size() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, b := range c.files {
		n += len(b)
	}
	return n
}

// Default is the embedded default spec (spec/).
func Default() Input {
	return Input{Name: "default", Files: []string{spec.Default},
		cache: newCache(func(name string) ([]byte, error) { return fs.ReadFile(spec.FS, name) })}
}

// Batch is the full upstream Batch 2024-02-01 spec. It skips tb (fails it
// under CI=true) when ../shared is absent.
func Batch(tb testing.TB) Input {
	return Input{Name: "batch", Files: []string{filepath.ToSlash(testutil.BatchSpec(tb, "2024-02-01"))}, cache: newCache(os.ReadFile)}
}

// Largest is the reference spec in visible-arm-roots.txt that is largest
// together with the files it references.
func Largest(tb testing.TB) Input {
	tb.Helper()
	root, err := LargestRoot(testutil.Specs(tb), filepath.Join(testutil.Shared(tb), "specs", "visible-arm-roots.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return Input{Name: "largest", Files: []string{filepath.ToSlash(root)}, cache: newCache(os.ReadFile)}
}

// Synthetic is synth.Spec(n), served as synth.json.
func Synthetic(n int) Input {
	data := synth.Spec(n)
	return Input{Name: fmt.Sprintf("synth-%d", n), Files: []string{synth.Name}, Definitions: n,
		cache: newCache(func(name string) ([]byte, error) {
			if name != synth.Name {
				return nil, fs.ErrNotExist
			}
			return data, nil
		})}
}

// ScaleSizes are the definition counts of the scale curve.
var ScaleSizes = []int{10, 100, 1000, 10000}

// refFile finds the file part of each "$ref" in a JSON spec.
var refFile = regexp.MustCompile(`"\$ref"\s*:\s*"([^"#]+)`)

// Roots reads the list of reference roots (paths relative to specs, one
// a line) and returns their paths.
func Roots(specs, list string) ([]string, error) {
	f, err := os.Open(list)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var roots []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		rel := strings.TrimSpace(sc.Text())
		if rel == "" || strings.HasPrefix(rel, "#") {
			continue
		}
		roots = append(roots, filepath.ToSlash(filepath.Join(specs, rel)))
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(roots) == 0 {
		return nil, fmt.Errorf("%s lists no specs", list)
	}
	return roots, nil
}

// File is a spec read from disk (and then from memory).
func File(name string) Input {
	return Input{Name: path.Base(name), Files: []string{name}, cache: newCache(os.ReadFile)}
}

// LargestRoot returns the root in the list (see Roots) whose file and the
// files it reaches through $ref weigh the most in bytes; example files do
// not count, since armgen does not read them unless asked.
func LargestRoot(specs, list string) (string, error) {
	roots, err := Roots(specs, list)
	if err != nil {
		return "", err
	}
	type sized struct {
		name string
		size int64
	}
	var all []sized
	for _, name := range roots {
		size, err := closureSize(name)
		if err != nil {
			return "", err
		}
		all = append(all, sized{name, size})
	}
	best := slices.MaxFunc(all, func(a, b sized) int {
		return cmp.Or(cmp.Compare(a.size, b.size), strings.Compare(b.name, a.name))
	})
	return best.name, nil
}

// closureSize adds up the sizes of a file and every file its $refs reach.
func closureSize(root string) (int64, error) {
	seen := map[string]bool{}
	var total int64
	todo := []string{path.Clean(root)}
	for len(todo) > 0 {
		name := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		if seen[name] {
			continue
		}
		seen[name] = true
		data, err := os.ReadFile(name)
		if err != nil {
			return 0, err
		}
		total += int64(len(data))
		for _, m := range refFile.FindAllSubmatch(data, -1) {
			ref := string(m[1])
			if strings.Contains(ref, "/examples/") || strings.HasPrefix(ref, "examples/") {
				continue
			}
			todo = append(todo, path.Join(path.Dir(name), ref))
		}
	}
	return total, nil
}

// Case is an input a benchmark runs on, got inside the sub-benchmark so
// that a missing ../shared skips only the inputs that need it.
type Case struct {
	Name string
	Get  func(testing.TB) Input
}

// Cases are the real specs and the synthetic sizes of the scale curve.
func Cases() []Case {
	cases := []Case{
		{"default", func(testing.TB) Input { return Default() }},
		{"batch", Batch},
		{"largest", Largest},
	}
	for _, n := range ScaleSizes {
		cases = append(cases, Case{fmt.Sprintf("synth-%d", n), func(testing.TB) Input { return synthetic(n) }})
	}
	return cases
}

// synthetic memoizes Synthetic: the largest takes a moment to write, and
// its files never change.
func synthetic(n int) Input {
	synthMu.Lock()
	defer synthMu.Unlock()
	if in, ok := synthMemo[n]; ok {
		return in
	}
	in := Synthetic(n)
	synthMemo[n] = in
	return in
}

var (
	synthMu   sync.Mutex
	synthMemo = map[int]Input{}
)

// PerDefinition reports a benchmark's time per synthetic definition
// (ns/def), the scale curve's measure; real specs report nothing.
func (in Input) PerDefinition(b *testing.B) {
	if in.Definitions > 0 && b.N > 0 {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(in.Definitions), "ns/def")
	}
}

// Start begins a benchmark's loop; the function it returns ends it and
// reports, besides PerDefinition, the process's CPU time per operation
// (cpu-ns/op: user and system, all threads). CPU time suffers less than
// wall time when other work shares the machine, and shows what running
// files in parallel costs in total.
func (in Input) Start(b *testing.B) (done func()) {
	start := cpuTime()
	return func() {
		if cpu := cpuTime() - start; cpu > 0 && b.N > 0 {
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
		}
		in.PerDefinition(b)
	}
}
