package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/armgen/armgen/internal/testutil"
)

// skipPrefix starts the message of an example test armgen generated
// skipped: its example contradicts the spec (emit's skipReason).
const skipPrefix = "the example contradicts the spec: "

// Every reference ARM spec generates with -examples and -fakes, and the 30
// packages and their fakes build and vet, and pass their example tests:
// each example test passes, or is skipped because its example contradicts
// the spec, with that reason. The packages share one module, so that the
// go command is run once to vet them and once to test them.
func TestReferenceARMSpecs(t *testing.T) {
	shared := testutil.Shared(t)
	if testing.Short() {
		t.Skip("skipped with -short: it builds and tests 30 generated packages")
	}
	specs := filepath.Join(shared, "specs", "azure-rest-api-specs")
	roots := referenceRoots(t, shared)
	if len(roots) != 30 {
		t.Errorf("%d reference specs listed, want 30", len(roots))
	}
	mod := tempModule(t)
	for i, root := range roots {
		pkg := sanitize(filepath.Base(root), i)
		armgen(t, "-examples", "-fakes", "-spec", filepath.Join(specs, root), "-out", filepath.Join(mod, pkg), "-package", pkg)
		if _, err := os.Stat(filepath.Join(mod, pkg, "fake", "server.go")); err != nil {
			t.Errorf("%s: no fake package: %v", root, err)
		}
	}
	if msg, err := goCmd(t, mod, "vet", "./..."); err != nil {
		t.Fatalf("go vet of the 30 packages and their fakes: %v\n%s", err, msg)
	}
	out, err := goCmd(t, mod, "test", "-count=1", "-json", "./...")
	res := readTestEvents(t, out)
	if err != nil && len(res.failed) == 0 {
		t.Fatalf("go test of the 30 packages: %v\n%s", err, out)
	}
	for _, f := range res.failed {
		t.Errorf("FAIL %s\n%s", f, res.output[f])
	}
	for test, reason := range res.skipped {
		if !strings.HasPrefix(reason, skipPrefix) {
			t.Errorf("%s is skipped without a reason from the spec: %q", test, reason)
		}
	}
	if res.passed == 0 {
		t.Fatal("no example test passed")
	}
	t.Logf("30 specs: %d example tests passed, %d skipped in whole, %d response subtests skipped", res.passed, res.skippedTests, res.skippedSubtests)
	for _, line := range res.byReason() {
		t.Log("  skipped: " + line)
	}
}

// referenceRoots reads visible-arm-roots.txt.
func referenceRoots(t *testing.T, shared string) []string {
	list, err := os.Open(filepath.Join(shared, "specs", "visible-arm-roots.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer list.Close()
	var roots []string
	sc := bufio.NewScanner(list)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			roots = append(roots, line)
		}
	}
	return roots
}

// testResults are the outcomes of go test -json over example tests.
type testResults struct {
	passed                        int // example tests (not subtests) that passed
	skippedTests, skippedSubtests int
	failed                        []string          // package/test
	skipped                       map[string]string // package/test → reason
	output                        map[string]string // package/test → its output
}

// readTestEvents reads go test -json output.
func readTestEvents(t *testing.T, out string) *testResults {
	res := &testResults{skipped: map[string]string{}, output: map[string]string{}}
	for line := range strings.SplitSeq(out, "\n") {
		if !strings.HasPrefix(line, "{") {
			continue
		}
		var ev struct{ Action, Package, Test, Output string }
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatalf("go test -json: %v: %s", err, line)
		}
		key := ev.Package + "/" + ev.Test
		switch ev.Action {
		case "output":
			res.output[key] += ev.Output
		case "fail":
			if ev.Test != "" {
				res.failed = append(res.failed, key)
			} else if !slices.ContainsFunc(res.failed, func(f string) bool { return strings.HasPrefix(f, ev.Package+"/") }) {
				res.failed = append(res.failed, key) // a build failure, or a panic
			}
		case "pass":
			if strings.HasPrefix(ev.Test, "TestExample") && !strings.Contains(ev.Test, "/") {
				res.passed++
			}
		case "skip":
			if ev.Test == "" {
				continue
			}
			res.skipped[key] = skipMessage(res.output[key])
			if strings.Contains(ev.Test, "/") {
				res.skippedSubtests++
			} else {
				res.skippedTests++
			}
		}
	}
	slices.Sort(res.failed)
	return res
}

// skipMessage finds the reason in a skipped test's output
// ("    examples_test.go:12: the example contradicts …").
func skipMessage(output string) string {
	for line := range strings.SplitSeq(output, "\n") {
		line = strings.TrimSpace(line)
		if _, msg, ok := strings.Cut(line, ": "); ok && strings.HasPrefix(line, "examples_test.go:") {
			return msg
		}
	}
	return output
}

var reasonKind = regexp.MustCompile(`(?: is (an? \w+|null), the spec says (\w+)| is (not a[^,]*|shorter|longer|below|above|listed twice)|: (missing)|(does not match))`)

// byReason counts the skips by the kind of contradiction.
func (r *testResults) byReason() []string {
	counts := map[string]int{}
	for _, reason := range r.skipped {
		kind := "other: " + reason
		if m := reasonKind.FindStringSubmatch(reason); m != nil {
			switch {
			case m[1] != "":
				kind = m[1] + " where the spec says " + m[2]
			default:
				kind = strings.Join(m[3:], "")
			}
		}
		counts[kind]++
	}
	var lines []string
	for kind, n := range counts {
		lines = append(lines, fmt.Sprintf("%d: %s", n, kind))
	}
	slices.Sort(lines)
	return lines
}
