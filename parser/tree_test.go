package parser

import (
	"encoding/json"
	"testing"
)

// appendString writes what encoding/json writes, with or without it.
func TestAppendString(t *testing.T) {
	for _, s := range []string{"", "plain", "with space", `quote"`, `back\slash`, "<b>&amp;", "tab\tnew\nline",
		"\x00\x1f", "é ü ß", "日本", "line\u2028sep\u2029", "\U0001F600", "~/#{}[]:,", "\x7f"} {
		want, _ := json.Marshal(s)
		if got := appendString(nil, s); string(got) != string(want) {
			t.Errorf("%q: %s, want %s", s, got, want)
		}
	}
}
