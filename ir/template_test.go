package ir

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
)

func TestParseTemplate(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Template
	}{
		{"", nil},
		{"/things", Template{{Text: "/things"}}},
		{"/things/{name}", Template{{Text: "/things/"}, {Param: "name"}}},
		{"{vault}{dnsSuffix}", Template{{Param: "vault"}, {Param: "dnsSuffix"}}},
		{"/a/{b}/c{d}e", Template{{Text: "/a/"}, {Param: "b"}, {Text: "/c"}, {Param: "d"}, {Text: "e"}}},
		// Braces that enclose no name the one way are text.
		{"/a/{b", Template{{Text: "/a/{b"}}},
		{"/a/}b{", Template{{Text: "/a/}b{"}}},
		{"/a/{b{c}", Template{{Text: "/a/{b"}, {Param: "c"}}},
		{"/a/{{c}}", Template{{Text: "/a/{"}, {Param: "c"}, {Text: "}"}}},
		// A name is any characters but braces.
		{"/x/{a b.c-d}", Template{{Text: "/x/"}, {Param: "a b.c-d"}}},
		{"/things?op={op}", Template{{Text: "/things?op="}, {Param: "op"}}},
	} {
		got, err := ParseTemplate(c.in)
		if err != nil {
			t.Errorf("ParseTemplate(%q): %v", c.in, err)
			continue
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseTemplate(%q) = %#v, want %#v", c.in, got, c.want)
		}
		if got.String() != c.in {
			t.Errorf("ParseTemplate(%q).String() = %q", c.in, got.String())
		}
	}
}

func TestParseTemplateRefusesEmptyNames(t *testing.T) {
	for in, at := range map[string]string{"{}": "byte 0", "/things/{}": "byte 8", "/a/{b}/{}/c": "byte 7", "/a{/{}": "byte 4"} {
		if got, err := ParseTemplate(in); err == nil || !strings.Contains(err.Error(), at) {
			t.Errorf("ParseTemplate(%q) = %v, %v; want an error at %s", in, got, err, at)
		}
	}
}

// TestParseTemplateIsTheRegexp holds the parser to the rule armgen read
// templates by before it had one, \{([^{}]+)\}, on templates of every
// shape of braces: the same parameters at the same places.
func TestParseTemplateIsTheRegexp(t *testing.T) {
	re := regexp.MustCompile(`\{([^{}]+)\}`)
	alphabet := []string{"{", "}", "a", "/", "b"}
	var walk func(s string, depth int)
	checked := 0
	walk = func(s string, depth int) {
		if depth == 0 {
			return
		}
		for _, c := range alphabet {
			in := s + c
			walk(in, depth-1)
			got, err := ParseTemplate(in)
			if strings.Contains(in, "{}") {
				if err == nil {
					t.Errorf("ParseTemplate(%q) took {}", in)
				}
				continue
			}
			if err != nil {
				t.Errorf("ParseTemplate(%q): %v", in, err)
				continue
			}
			var want []string
			for _, m := range re.FindAllStringSubmatch(in, -1) {
				want = append(want, m[1])
			}
			if !reflect.DeepEqual(got.Params(), want) || got.String() != in {
				t.Errorf("ParseTemplate(%q) = %#v, the regexp finds %q", in, got, want)
			}
			checked++
		}
	}
	walk("", 7)
	if checked < 10000 {
		t.Errorf("only %d templates checked", checked)
	}
}

func TestTemplatePathAndPrefix(t *testing.T) {
	tpl, err := ParseTemplate("/things/{name}?op=restart&x={x}")
	if err != nil {
		t.Fatal(err)
	}
	if got := tpl.Path().String(); got != "/things/{name}" {
		t.Errorf("Path() = %q", got)
	}
	if got := tpl.Path().Params(); !reflect.DeepEqual(got, []string{"name"}) {
		t.Errorf("Path().Params() = %q", got)
	}
	if got := tpl.WithPrefix("/base").String(); got != "/base/things/{name}?op=restart&x={x}" {
		t.Errorf("WithPrefix = %q", got)
	}
	if got := tpl.WithPrefix("/base"); got[0].Text != "/base/things/" {
		t.Errorf("WithPrefix does not join text: %#v", got)
	}
	host, _ := ParseTemplate("{vault}.example")
	if got := host.WithPrefix("https://"); !reflect.DeepEqual(got, Template{{Text: "https://"}, {Param: "vault"}, {Text: ".example"}}) {
		t.Errorf("WithPrefix = %#v", got)
	}
	// The template itself is not changed.
	if tpl[0].Text != "/things/" {
		t.Errorf("WithPrefix changed its template: %#v", tpl)
	}
	if got := (Template{{Text: "?a"}}).Path(); len(got) != 0 {
		t.Errorf("Path of a query only = %#v", got)
	}
}
