package emit

import (
	"go/format"
	"go/parser"
	"go/token"
	"strings"
	"testing"
	"unicode"
)

// Any text a spec gives becomes comment lines Go accepts and gofmt keeps:
// byte-order marks, zero-width and bidirectional characters, controls and
// broken UTF-8 among them.
func TestCommentSafe(t *testing.T) {
	texts := []string{
		"\ufeffThe name of the pool.",
		"Zero\u200bwidth\u200cjoiners\u200d and \u2060word joiner.",
		"A NUL\x00 and an escape \x1b[31mred\x1b[0m.",
		"Windows\r\nline ends\r\n",
		"Line\u2028separator and\u2029paragraph.",
		"Right-to-left \u202eoverride\u202c and isolates \u2066x\u2069.",
		"Broken \xff\xfe UTF-8.",
		"Soft\u00adhyphen, tab\there, del\x7f, C1 \u0085.",
		"*/ ends no line comment /*",
	}
	for _, text := range texts {
		lines := commentLines(text)
		if len(lines) == 0 {
			t.Errorf("%q: no comment", text)
			continue
		}
		for _, l := range lines {
			for _, r := range l {
				if r != '\t' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029') {
					t.Errorf("%q: %U is left in %q", text, r, l)
				}
			}
		}
		src := "package p\n\n" + strings.Join(lines, "\n") + "\nvar X int\n"
		if _, err := parser.ParseFile(token.NewFileSet(), "x.go", src, parser.ParseComments); err != nil {
			t.Errorf("%q: not Go: %v\n%s", text, err, src)
			continue
		}
		// As each file is rendered: gofmt lays the doc comment out, and
		// nothing it writes is unsafe either.
		out, err := format.Source([]byte(src))
		if err != nil {
			t.Errorf("%q: gofmt refuses it: %v\n%s", text, err, src)
			continue
		}
		for _, r := range string(out) {
			if r != '\t' && r != '\n' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r)) {
				t.Errorf("%q: gofmt's output holds %U:\n%s", text, r, out)
			}
		}
	}
	if got := commentSafe("plain text"); got != "plain text" {
		t.Errorf("plain text changed: %q", got)
	}
}
