package fake

import (
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Parameters: the fake reads each from where the spec puts it, as text in
// the spec's format, into the Go value the func takes. A format is a list
// of words: a collection format (csv, ssv, tsv, pipes, multi), raw for a
// query value sent as it is (x-ms-skip-url-encoding), prefix for a header
// collection (x-ms-header-collection-prefix, whose name is the prefix),
// and the encoding of a value: date-time (the default for a time), date,
// rfc1123, unixtime, base64url (base64 is the default for bytes).

// arg reads a parameter the method takes as an argument into dst; it is
// an error for one to be missing, but for a part of a parameterized host,
// which a client given an endpoint does not send.
func (r *request) arg(in, name string, dst any, format string) {
	r.param(in, name, dst, format, in != "host")
}

// opt reads an optional parameter into dst, a field of the options: left
// as it is when the request does not carry it.
func (r *request) opt(in, name string, dst any, format string) {
	r.param(in, name, dst, format, false)
}

func (r *request) param(in, name string, dst any, format string, required bool) {
	if r.bad != nil {
		return
	}
	words := strings.Fields(format)
	texts := r.texts(in, name, words)
	if texts == nil {
		if required {
			r.bad = fmt.Errorf("the %s parameter %s is missing", in, name)
		}
		return
	}
	if err := setText(reflect.ValueOf(dst).Elem(), texts, words); err != nil {
		r.bad = fmt.Errorf("the %s parameter %s: %w", in, name, err)
	}
}

// texts finds a parameter's text, nil when the request lacks it; for a
// header collection, "key=value" per header.
func (r *request) texts(in, name string, words []string) []string {
	switch in {
	case "path", "host":
		if v, ok := r.vars[name]; ok {
			return []string{v}
		}
	case "query":
		if slices.Contains(words, "raw") {
			return rawQuery(r.req.URL.RawQuery, name)
		}
		return r.query[name]
	case "header":
		if slices.Contains(words, "prefix") {
			var kv []string
			for k, v := range r.req.Header {
				if len(k) > len(name) && strings.EqualFold(k[:len(name)], name) && len(v) > 0 {
					kv = append(kv, strings.ToLower(k[len(name):])+"="+v[0])
				}
			}
			slices.Sort(kv)
			return kv
		}
		return r.req.Header.Values(name)
	case "form":
		return r.formValues()[name]
	}
	return nil
}

// rawQuery finds a query parameter's values as they were sent.
func rawQuery(query, name string) []string {
	var out []string
	for pair := range strings.SplitSeq(query, "&") {
		k, v, _ := strings.Cut(pair, "=")
		if key, err := url.QueryUnescape(k); err == nil && key == name {
			out = append(out, v)
		}
	}
	return out
}

var timeType = reflect.TypeFor[time.Time]()

// setText sets v from the text of a parameter in the format words says.
func setText(v reflect.Value, texts []string, words []string) error {
	switch {
	case v.Kind() == reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		if err := setText(p.Elem(), texts, words); err != nil {
			return err
		}
		v.Set(p)
		return nil
	case slices.Contains(words, "prefix") && v.Kind() == reflect.Map:
		m := reflect.MakeMapWithSize(v.Type(), len(texts))
		for _, t := range texts {
			key, value, _ := strings.Cut(t, "=")
			elem := reflect.New(v.Type().Elem()).Elem()
			if err := setText(elem, []string{value}, nil); err != nil {
				return err
			}
			m.SetMapIndex(reflect.ValueOf(key).Convert(v.Type().Key()), elem)
		}
		v.Set(m)
		return nil
	case v.Type() == timeType:
		t, err := parseTime(texts[0], words)
		if err == nil {
			v.Set(reflect.ValueOf(t))
		}
		return err
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8:
		enc := base64.StdEncoding
		if slices.Contains(words, "base64url") {
			enc = base64.RawURLEncoding
			texts = []string{strings.TrimRight(texts[0], "=")}
		}
		b, err := enc.DecodeString(texts[0])
		if err == nil {
			v.SetBytes(b)
		}
		return err
	case v.Kind() == reflect.Slice:
		items := texts
		if !slices.Contains(words, "multi") {
			items = nil
			if texts[0] == "" {
				v.SetZero() // an empty array sends an empty value
				return nil
			}
			items = strings.Split(texts[0], separator(words))
		}
		s := reflect.MakeSlice(v.Type(), len(items), len(items))
		for i, item := range items {
			if err := setText(s.Index(i), []string{item}, words); err != nil {
				return err
			}
		}
		v.Set(s)
		return nil
	}
	text := texts[0]
	switch v.Kind() {
	case reflect.String:
		v.SetString(text)
	case reflect.Bool:
		b, err := strconv.ParseBool(text)
		if err != nil {
			return err
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(text, 10, v.Type().Bits())
		if err != nil {
			return err
		}
		v.SetInt(n)
	case reflect.Float32, reflect.Float64:
		f, err := strconv.ParseFloat(text, v.Type().Bits())
		if err != nil {
			return err
		}
		v.SetFloat(f)
	default:
		return fmt.Errorf("the fake cannot read a %s from text", v.Type())
	}
	return nil
}

// separator is the separator of an array's items in one value.
func separator(words []string) string {
	for _, w := range words {
		switch w {
		case "ssv":
			return " "
		case "tsv":
			return "\t"
		case "pipes":
			return "|"
		}
	}
	return ","
}

// parseTime reads a time in the format the words name.
func parseTime(s string, words []string) (time.Time, error) {
	for _, w := range words {
		switch w {
		case "date":
			return time.Parse(time.DateOnly, s)
		case "rfc1123":
			return http.ParseTime(s)
		case "unixtime":
			n, err := strconv.ParseInt(s, 10, 64)
			return time.Unix(n, 0).UTC(), err
		}
	}
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t, nil
	}
	// Azure also sends date-times without a zone, meaning UTC.
	return time.Parse("2006-01-02T15:04:05.999999999", s)
}

// formatText writes a value as header text in the format words names; ok
// is false for a nil value, which is not sent.
func formatText(v reflect.Value, words []string) (string, bool, error) {
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return "", false, nil
		}
		v = v.Elem()
	}
	switch {
	case v.Type() == timeType:
		t := v.Interface().(time.Time)
		for _, w := range words {
			switch w {
			case "date":
				return t.Format(time.DateOnly), true, nil
			case "rfc1123":
				return t.UTC().Format(http.TimeFormat), true, nil
			case "unixtime":
				return strconv.FormatInt(t.Unix(), 10), true, nil
			}
		}
		return t.Format(time.RFC3339Nano), true, nil
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8:
		if v.IsNil() {
			return "", false, nil
		}
		if slices.Contains(words, "base64url") {
			return base64.RawURLEncoding.EncodeToString(v.Bytes()), true, nil
		}
		return base64.StdEncoding.EncodeToString(v.Bytes()), true, nil
	case v.Kind() == reflect.Slice:
		if v.IsNil() {
			return "", false, nil
		}
		items := make([]string, v.Len())
		for i := range items {
			item, _, err := formatText(v.Index(i), words)
			if err != nil {
				return "", false, err
			}
			items[i] = item
		}
		return strings.Join(items, separator(words)), true, nil
	}
	switch v.Kind() {
	case reflect.String:
		return v.String(), true, nil
	case reflect.Bool:
		return strconv.FormatBool(v.Bool()), true, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10), true, nil
	case reflect.Float32, reflect.Float64:
		return strconv.FormatFloat(v.Float(), 'g', -1, v.Type().Bits()), true, nil
	}
	return "", false, errors.New("the fake cannot write a " + v.Type().String() + " as text")
}
