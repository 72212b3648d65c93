// Package coverage turns what the AutoRest test server counted into armgen's
// conformance report: per Swagger file, how many of its scenarios were
// exercised by a passing test, and which scenarios are neither exercised nor
// knowingly left out (which fails the run).
package coverage

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// Categories are the server's coverage categories the report counts: the
// scenarios every generator is measured by. ("optional" and "dpg" are
// extras some generators choose.)
var Categories = []string{"vanilla", "azure"}

// Mapping is the output of conformance/scenarios.js.
type Mapping struct {
	Scenarios []Scenario `json:"scenarios"`
	// Files lists each Swagger file's operations.
	Files map[string][]Op `json:"files"`
}

// Scenario is one scenario the server counts.
type Scenario struct {
	Name     string   `json:"name"`
	Category string   `json:"category"`
	Module   string   `json:"module"`
	Files    []string `json:"files"`
}

// Op is one operation of a Swagger file: method (lower case) and path template.
type Op struct {
	Method string `json:"method"`
	Path   string `json:"path"`
}

// Hit is one request the server counted for a scenario (from the loopback
// preload's hits file).
type Hit struct {
	Category string `json:"category"`
	Name     string `json:"name"`
	Method   string `json:"method"`
	Path     string `json:"path"`
}

// ReadHits reads the hits file, one JSON object per line.
func ReadHits(r io.Reader) ([]Hit, error) {
	var hits []Hit
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var h Hit
		if err := json.Unmarshal([]byte(line), &h); err != nil {
			return nil, fmt.Errorf("hits: %w", err)
		}
		hits = append(hits, h)
	}
	return hits, sc.Err()
}

// NotCovered is the checked-in list of scenarios knowingly not covered:
// scenario name → reason.
type NotCovered map[string]string

// ParseNotCovered reads the list. Lines starting with "== " set the reason
// of the scenario names that follow, one per line; "#" starts a comment.
func ParseNotCovered(r io.Reader) (NotCovered, error) {
	out := NotCovered{}
	reason := ""
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "== "):
			reason = strings.TrimSpace(strings.TrimPrefix(line, "== "))
		case strings.ContainsAny(line, " \t"):
			return nil, fmt.Errorf("line %d: %q: one scenario name per line", n, line)
		case reason == "":
			return nil, fmt.Errorf("line %d: scenario %s has no reason (a \"== reason\" line must come first)", n, line)
		default:
			if _, dup := out[line]; dup {
				return nil, fmt.Errorf("line %d: scenario %s is listed twice", n, line)
			}
			out[line] = reason
		}
	}
	return out, sc.Err()
}

// Input is everything a report is made of.
type Input struct {
	Mapping Mapping
	// Counts are the server's reports by category: scenario → hit count.
	Counts map[string]map[string]int
	Hits   []Hit
	// Tests are the results of the Go tests by scenario name (the last
	// element of the test's name): true when it passed.
	Tests      map[string]bool
	NotCovered NotCovered
	// Files are the Swagger files in scope, in report order.
	Files []string
}

// FileReport is one Swagger file's line of the report.
type FileReport struct {
	File       string
	Scenarios  []string // in scope for this file
	Passed     []string // exercised, and the test of that name passed
	NotCovered []string // knowingly not covered
}

// Report is the whole report.
type Report struct {
	Files []FileReport
	// Total counts each scenario once, however many files share it.
	Total, Passed, NotCovered int
	// Problems fail the run.
	Problems []string
}

// Build computes the report.
func Build(in Input) Report {
	inScope := map[string]bool{}
	for _, f := range in.Files {
		inScope[f] = true
	}
	var rep Report
	byFile := map[string]*FileReport{}
	for _, f := range in.Files {
		byFile[f] = &FileReport{File: f}
	}
	hitsOf := map[string][]Hit{}
	for _, h := range in.Hits {
		hitsOf[h.Name] = append(hitsOf[h.Name], h)
	}
	known := map[string]bool{}
	for _, s := range in.Mapping.Scenarios {
		known[s.Name] = true
		if !slices.Contains(Categories, s.Category) {
			continue
		}
		files := narrow(s, hitsOf[s.Name], in.Mapping.Files)
		var mine []string
		for _, f := range files {
			if inScope[f] {
				mine = append(mine, f)
			}
		}
		if len(mine) == 0 {
			if _, listed := in.NotCovered[s.Name]; listed {
				rep.Problems = append(rep.Problems, fmt.Sprintf("%s is listed in not-covered.txt but belongs to none of the files in scope (%s)", s.Name, strings.Join(files, ", ")))
			}
			continue
		}
		count := in.Counts[s.Category][s.Name]
		passed, tested := in.Tests[s.Name]
		reason, listed := in.NotCovered[s.Name]
		ok := count > 0 && tested && passed
		rep.Total++
		switch {
		case ok && listed:
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s (%s) is exercised and passes, but not-covered.txt lists it (%s): remove it from the list", s.Name, strings.Join(mine, ", "), reason))
		case ok:
			rep.Passed++
		case listed:
			rep.NotCovered++
		case tested && !passed:
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s (%s): its test failed", s.Name, strings.Join(mine, ", ")))
		case tested && count == 0:
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s (%s): its test passed but the server did not count the scenario (the request was not the one the server expects)", s.Name, strings.Join(mine, ", ")))
		default:
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s (%s) is neither exercised by a test of that name nor listed in not-covered.txt", s.Name, strings.Join(mine, ", ")))
		}
		for _, f := range mine {
			fr := byFile[f]
			fr.Scenarios = append(fr.Scenarios, s.Name)
			switch {
			case ok && !listed:
				fr.Passed = append(fr.Passed, s.Name)
			case listed:
				fr.NotCovered = append(fr.NotCovered, s.Name)
			}
		}
	}
	for name := range in.NotCovered {
		if !known[name] {
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s is listed in not-covered.txt but the server has no such scenario", name))
		}
	}
	for _, f := range in.Files {
		rep.Files = append(rep.Files, *byFile[f])
	}
	sort.Strings(rep.Problems)
	return rep
}

// narrow keeps, of the files the mapping gives a scenario, those with an
// operation that matches a request the server counted it for; when no
// request matches any (an LRO is counted on its polling URL), the mapping
// stands.
func narrow(s Scenario, hits []Hit, ops map[string][]Op) []string {
	if len(hits) == 0 || len(s.Files) < 2 {
		return s.Files
	}
	var out []string
	for _, f := range s.Files {
		if slices.ContainsFunc(ops[f], func(o Op) bool {
			return slices.ContainsFunc(hits, func(h Hit) bool {
				return strings.EqualFold(h.Method, o.Method) && templateRegexp(o.Path).MatchString(h.Path)
			})
		}) {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return s.Files
	}
	return out
}

var templateParam = regexp.MustCompile(`\{[^}]*\}`)

// templateRegexp matches the request paths of a path template.
func templateRegexp(template string) *regexp.Regexp {
	parts := templateParam.Split(template, -1)
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile("(?i)^" + strings.Join(parts, "[^/]*") + "/?$")
}

// Write prints the report.
func (r Report) Write(w io.Writer) {
	width := 0
	for _, f := range r.Files {
		width = max(width, len(f.File))
	}
	fmt.Fprintln(w, "AutoRest test server coverage (scenarios exercised by a passing test / scenarios of the file):")
	for _, f := range r.Files {
		line := fmt.Sprintf("  %-*s %4d/%-4d", width, f.File, len(f.Passed), len(f.Scenarios))
		if len(f.NotCovered) > 0 {
			line += fmt.Sprintf("  (%d knowingly not covered)", len(f.NotCovered))
		}
		fmt.Fprintln(w, line)
	}
	fmt.Fprintf(w, "  %-*s %4d/%-4d  (%d knowingly not covered; a scenario shared by files counts once)\n", width, "total", r.Passed, r.Total, r.NotCovered)
	for _, p := range r.Problems {
		fmt.Fprintln(w, "conformance: "+p)
	}
}
