package coverage

import (
	"bytes"
	"slices"
	"strings"
	"testing"
)

func TestParseNotCovered(t *testing.T) {
	nc, err := ParseNotCovered(strings.NewReader("# comment\n\n== pagers\nPagingSingle\nPagingMultiple\n== pollers\nLROPut200\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(nc) != 3 || nc["PagingSingle"] != "pagers" || nc["LROPut200"] != "pollers" {
		t.Fatalf("got %v", nc)
	}
	for _, bad := range []string{"PagingSingle\n", "== r\nA\nA\n", "== r\nA B\n"} {
		if _, err := ParseNotCovered(strings.NewReader(bad)); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestBuild(t *testing.T) {
	m := Mapping{
		Scenarios: []Scenario{
			{Name: "getA", Category: "vanilla", Files: []string{"a.json"}},
			{Name: "getB", Category: "vanilla", Files: []string{"a.json"}},
			{Name: "getShared", Category: "vanilla", Files: []string{"a.json", "b.json"}},
			{Name: "multiQ", Category: "vanilla", Files: []string{"a.json", "b.json"}},
			{Name: "azureC", Category: "azure", Files: []string{"b.json"}},
			{Name: "optional", Category: "optional", Files: []string{"a.json"}},
			{Name: "other", Category: "vanilla", Files: []string{"c.json"}},
			{Name: "weak", Category: "vanilla", Files: []string{"b.json"}},
			{Name: "broken", Category: "vanilla", Files: []string{"b.json"}},
			{Name: "stale", Category: "vanilla", Files: []string{"b.json"}},
			{Name: "missing", Category: "vanilla", Files: []string{"b.json"}},
		},
		Files: map[string][]Op{
			"a.json": {{"get", "/a"}, {"get", "/q/csv"}, {"get", "/shared"}},
			"b.json": {{"get", "/q/{format}"}, {"get", "/shared"}},
		},
	}
	in := Input{
		Mapping: m,
		Files:   []string{"a.json", "b.json"},
		Counts: map[string]map[string]int{
			"vanilla": {"getA": 1, "getShared": 2, "multiQ": 1, "stale": 1, "broken": 1},
			"azure":   {"azureC": 0},
		},
		Hits:  []Hit{{Name: "multiQ", Method: "GET", Path: "/q/multi"}, {Name: "getShared", Method: "GET", Path: "/shared"}},
		Tests: map[string]bool{"getA": true, "getShared": true, "multiQ": true, "weak": true, "broken": false, "stale": true},
		NotCovered: NotCovered{
			"getB": "no B", "azureC": "no C", "stale": "old", "other": "out of scope", "ghost": "gone",
		},
	}
	r := Build(in)
	if r.Total != 9 || r.Passed != 3 || r.NotCovered != 2 {
		t.Errorf("total %d passed %d not covered %d, want 9 3 2", r.Total, r.Passed, r.NotCovered)
	}
	a, b := r.Files[0], r.Files[1]
	// multiQ was counted for /q/multi, which only b.json's template matches.
	if want := []string{"getA", "getB", "getShared"}; !slices.Equal(a.Scenarios, want) {
		t.Errorf("a.json scenarios %v, want %v", a.Scenarios, want)
	}
	if want := []string{"getA", "getShared"}; !slices.Equal(a.Passed, want) {
		t.Errorf("a.json passed %v, want %v", a.Passed, want)
	}
	if want := []string{"getShared", "multiQ"}; !slices.Equal(b.Passed, want) {
		t.Errorf("b.json passed %v, want %v", b.Passed, want)
	}
	problems := strings.Join(r.Problems, "\n")
	for _, want := range []string{
		"broken (b.json): its test failed",
		"weak (b.json): its test passed but the server did not count",
		"missing (b.json) is neither exercised",
		"stale (b.json) is exercised and passes, but not-covered.txt lists it",
		"other is listed in not-covered.txt but belongs to none of the files in scope",
		"ghost is listed in not-covered.txt but the server has no such scenario",
	} {
		if !strings.Contains(problems, want) {
			t.Errorf("problems lack %q:\n%s", want, problems)
		}
	}
	if len(r.Problems) != 6 {
		t.Errorf("%d problems, want 6:\n%s", len(r.Problems), problems)
	}
	var out bytes.Buffer
	r.Write(&out)
	if !strings.Contains(out.String(), "total") || !strings.Contains(out.String(), "3/9") {
		t.Errorf("report:\n%s", out.String())
	}
}
