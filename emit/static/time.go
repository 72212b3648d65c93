package static

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// format: date-time is written in RFC 3339 and read in what Azure
// services send: any number of fractional digits (often seven), none, and
// no zone at all, which Azure means as UTC.
func parseDateTime(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	upper := strings.ToUpper(strings.Replace(s, " ", "T", 1))
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04:05.999999999Z0700", "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, upper); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date-time", s)
}

// parseUTC reads the form of date-time Azure sends most, in UTC
// ("2024-02-29T12:34:56.1234567Z"), without copying the text; ok is false
// for any other form, which parseDateTime reads. What it reads it reads
// as time.Parse does.
func parseUTC(s []byte) (time.Time, bool) {
	if len(s) < len("2006-01-02T15:04:05Z") || s[len(s)-1] != 'Z' ||
		s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	ok := true
	num := func(b []byte, max int) int {
		n := 0
		for _, c := range b {
			if c < '0' || c > '9' {
				ok = false
			}
			n = n*10 + int(c-'0')
		}
		if n > max {
			ok = false
		}
		return n
	}
	year, month, day := num(s[0:4], 9999), num(s[5:7], 12), num(s[8:10], 31)
	hour, minute, sec := num(s[11:13], 23), num(s[14:16], 59), num(s[17:19], 59)
	if !ok || month < 1 || day < 1 || day > daysIn(month, year) {
		return time.Time{}, false
	}
	nsec := 0
	if frac := s[19 : len(s)-1]; len(frac) > 0 {
		if frac[0] != '.' || len(frac) < 2 || len(frac) > 10 {
			return time.Time{}, false
		}
		nsec = num(frac[1:], 999999999)
		for range 10 - len(frac) {
			nsec *= 10
		}
		if !ok {
			return time.Time{}, false
		}
	}
	return time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC), true
}

func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// parseDate reads format: date, "2006-01-02".
func parseDate(s string) (time.Time, error) { return time.Parse(time.DateOnly, s) }

// format: date-time-rfc1123 is always written in GMT as HTTP dates are
// ("Mon, 02 Jan 2006 15:04:05 GMT").
func parseRFC1123(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC1123, time.RFC1123Z, time.RFC850, time.ANSIC} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	if t, ok := parseRFC1123Loose(s); ok {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("%q is not an RFC 1123 date-time", s)
}

var months = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
}

// parseRFC1123Loose reads what time.Parse's fixed layouts refuse but HTTP
// dates allow (RFC 7231 asks recipients to be case-insensitive): names in
// any case, a one-digit day, and a year past 9999: "fri, 1 jan 10000
// 00:00:00 gmt". The weekday is not checked, as time.Parse does not.
func parseRFC1123Loose(s string) (time.Time, bool) {
	f := strings.Fields(s)
	if len(f) == 6 && strings.HasSuffix(f[0], ",") {
		f = f[1:]
	}
	if len(f) != 5 || !strings.EqualFold(f[4], "GMT") && !strings.EqualFold(f[4], "UTC") {
		return time.Time{}, false
	}
	day, err1 := strconv.Atoi(f[0])
	month, ok := months[strings.ToLower(f[1])]
	year, err2 := strconv.Atoi(f[2])
	clock, err3 := time.Parse(time.TimeOnly, f[3])
	if err1 != nil || !ok || err2 != nil || err3 != nil || day < 1 || day > 31 || year < 0 {
		return time.Time{}, false
	}
	t := time.Date(year, month, day, clock.Hour(), clock.Minute(), clock.Second(), 0, time.UTC)
	if t.Day() != day {
		return time.Time{}, false // 31 Feb
	}
	return t, true
}

// unixTime reads format: unixtime, whole seconds since the epoch, from
// the text of a JSON number: a fraction or an exponent is cut to whole
// seconds.
func unixTime(text string) (time.Time, error) {
	secs, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		f, ferr := strconv.ParseFloat(text, 64)
		if ferr != nil {
			return time.Time{}, err
		}
		secs = int64(f)
	}
	return time.Unix(secs, 0).UTC(), nil
}

// Formatting for URLs and headers, where the same formats travel unquoted.

func formatDateTime(t time.Time) string { return t.Format(time.RFC3339Nano) }
func formatDate(t time.Time) string     { return t.Format(time.DateOnly) }
func formatRFC1123(t time.Time) string  { return t.UTC().Format(http.TimeFormat) }
func formatUnixTime(t time.Time) string { return strconv.FormatInt(t.Unix(), 10) }
func formatBase64URL(b []byte) string   { return base64.RawURLEncoding.EncodeToString(b) }
