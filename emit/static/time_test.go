package static

import (
	"testing"
	"time"
)

// HTTP dates come in the shapes the test server's body-datetime-rfc1123
// scenarios send: names in any case, a one-digit day, a year past 9999.
func TestParseRFC1123(t *testing.T) {
	for in, want := range map[string]time.Time{
		"Fri, 31 Dec 9999 23:59:59 GMT": time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC),
		"fri, 31 dec 9999 23:59:59 gmt": time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC),
		"Sat, 1 Jan 10000 00:00:00 GMT": time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		"Mon, 01 Jan 0001 00:00:00 GMT": time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC),
		"01 Jan 2024 10:00:00 UTC":      time.Date(2024, 1, 1, 10, 0, 0, 0, time.UTC),
	} {
		got, err := parseRFC1123(in)
		if err != nil || !got.Equal(want) {
			t.Errorf("parseRFC1123(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "Tue, 00 Jan 0001 00:00:00 GMT", "Mon, 31 Feb 2024 00:00:00 GMT",
		"Mon, 01 Foo 2024 00:00:00 GMT", "Mon, 01 Jan 2024 25:00:00 GMT", "1 Jan 2024 00:00:00 PDT", "2024-01-01T00:00:00Z"} {
		if got, err := parseRFC1123(bad); err == nil {
			t.Errorf("parseRFC1123(%q) = %v, want an error", bad, got)
		}
	}
}
