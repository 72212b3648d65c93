package static

import (
	"strings"
	"testing"
)

func TestErrorText(t *testing.T) {
	for _, c := range []struct {
		code, message, requestID string
		body                     []byte
		tries                    int
		want                     string
	}{
		{"NotFound", "no such account", "r1", []byte(`{"error":{}}`), 1,
			"GET https://h/a: 404 Not Found: NotFound: no such account (request id r1)"},
		{"NotFound", "", "", nil, 0, "GET https://h/a: 404 Not Found: NotFound"},
		{"", "gone", "", nil, 1, "GET https://h/a: 404 Not Found: gone"},
		// Without code and message, the body says what it can.
		{"", "", "", []byte("<html>busy</html>"), 1, "GET https://h/a: 404 Not Found: <html>busy</html>"},
		{"", "", "", []byte(strings.Repeat("x", 300)), 1, "GET https://h/a: 404 Not Found: " + strings.Repeat("x", 200) + "…"},
		{"", "", "r2", nil, 1, "GET https://h/a: 404 Not Found (request id r2)"},
		// A retried request says how often it was tried.
		{"Busy", "", "r3", nil, 4, "GET https://h/a: 404 Not Found: Busy (request id r3) (after 4 tries)"},
	} {
		if got := errorText("GET", "https://h/a", 404, c.code, c.message, c.requestID, c.body, c.tries); got != c.want {
			t.Errorf("got  %q\nwant %q", got, c.want)
		}
	}
}
