package static

import (
	"strings"
	"testing"
)

func TestErrorText(t *testing.T) {
	for _, c := range []struct {
		code, message, requestID string
		body                     []byte
		want                     string
	}{
		{"NotFound", "no such account", "r1", []byte(`{"error":{}}`),
			"GET https://h/a: 404 Not Found: NotFound: no such account (request id r1)"},
		{"NotFound", "", "", nil, "GET https://h/a: 404 Not Found: NotFound"},
		{"", "gone", "", nil, "GET https://h/a: 404 Not Found: gone"},
		// Without code and message, the body says what it can.
		{"", "", "", []byte("<html>busy</html>"), "GET https://h/a: 404 Not Found: <html>busy</html>"},
		{"", "", "", []byte(strings.Repeat("x", 300)), "GET https://h/a: 404 Not Found: " + strings.Repeat("x", 200) + "…"},
		{"", "", "r2", nil, "GET https://h/a: 404 Not Found (request id r2)"},
	} {
		if got := errorText("GET", "https://h/a", 404, c.code, c.message, c.requestID, c.body); got != c.want {
			t.Errorf("got  %q\nwant %q", got, c.want)
		}
	}
}
