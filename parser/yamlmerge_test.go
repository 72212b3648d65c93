package parser

import "testing"

// YAML merge keys: keys written in the mapping win, earlier merge sources
// win over later ones, and the merged keys take the place of the "<<".
func TestYAMLMergeKeys(t *testing.T) {
	src := `
base: &base {a: 1, b: 2}
more: &more {b: 3, c: 4}
thing:
  x: 0
  <<: [*base, *more]
  a: 9
`
	tree, errs := parseYAML([]byte(src), DefaultLimits)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	got := string(tree.get("thing").appendJSON(nil))
	if want := `{"x":0,"b":2,"c":4,"a":9}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}
