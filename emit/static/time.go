package static

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"time"
)

var timeType = reflect.TypeFor[time.Time]()

func isTime(t reflect.Type) bool { return t == timeType }

// timeLeaf reads and writes time.Time values as quoted text in one layout,
// reading with parse (which may accept more than the layout).
func timeLeaf(layout string, parse func(string) (time.Time, error)) leaf {
	return leaf{
		is: isTime,
		decode: func(data []byte, dst reflect.Value) error {
			var s string
			if err := json.Unmarshal(data, &s); err != nil {
				return err
			}
			t, err := parse(s)
			if err != nil {
				return err
			}
			dst.Set(reflect.ValueOf(t))
			return nil
		},
		encode: func(v reflect.Value) ([]byte, error) {
			return json.Marshal(v.Interface().(time.Time).Format(layout))
		},
	}
}

// dateTimeLeaf is format: date-time. It writes RFC 3339 and reads what
// Azure services send: any number of fractional digits (often seven), none,
// and no zone at all, which Azure means as UTC.
var dateTimeLeaf = timeLeaf(time.RFC3339Nano, parseDateTime)

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

// dateLeaf is format: date, "2006-01-02".
var dateLeaf = timeLeaf(time.DateOnly, func(s string) (time.Time, error) {
	return time.Parse(time.DateOnly, s)
})

// rfc1123Leaf is format: date-time-rfc1123, always written in GMT as
// HTTP dates are ("Mon, 02 Jan 2006 15:04:05 GMT").
var rfc1123Leaf = leaf{
	is:     isTime,
	decode: timeLeaf(time.RFC1123, parseRFC1123).decode,
	encode: func(v reflect.Value) ([]byte, error) {
		return json.Marshal(formatRFC1123(v.Interface().(time.Time)))
	},
}

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

// unixTimeLeaf is format: unixtime, whole seconds since the epoch as a
// JSON number.
var unixTimeLeaf = leaf{
	is: isTime,
	decode: func(data []byte, dst reflect.Value) error {
		var n json.Number
		if err := json.Unmarshal(data, &n); err != nil {
			return err
		}
		secs, err := strconv.ParseInt(n.String(), 10, 64)
		if err != nil {
			f, ferr := n.Float64()
			if ferr != nil {
				return err
			}
			secs = int64(f)
		}
		dst.Set(reflect.ValueOf(time.Unix(secs, 0).UTC()))
		return nil
	},
	encode: func(v reflect.Value) ([]byte, error) {
		return []byte(strconv.FormatInt(v.Interface().(time.Time).Unix(), 10)), nil
	},
}

var bytesType = reflect.TypeFor[[]byte]()

// base64URLLeaf is format: base64url, written without padding and read
// with or without it.
var base64URLLeaf = leaf{
	is: func(t reflect.Type) bool { return t == bytesType },
	decode: func(data []byte, dst reflect.Value) error {
		var s string
		if err := json.Unmarshal(data, &s); err != nil {
			return err
		}
		b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
		if err != nil {
			return err
		}
		dst.SetBytes(b)
		return nil
	},
	encode: func(v reflect.Value) ([]byte, error) {
		return json.Marshal(base64.RawURLEncoding.EncodeToString(v.Bytes()))
	},
}

// Formatting for URLs and headers, where the same formats travel unquoted.

func formatDateTime(t time.Time) string { return t.Format(time.RFC3339Nano) }
func formatDate(t time.Time) string     { return t.Format(time.DateOnly) }
func formatRFC1123(t time.Time) string  { return t.UTC().Format(http.TimeFormat) }
func formatUnixTime(t time.Time) string { return strconv.FormatInt(t.Unix(), 10) }
func formatBase64URL(b []byte) string   { return base64.RawURLEncoding.EncodeToString(b) }
