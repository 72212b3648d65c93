package static

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// newRequest builds a request to endpoint + path: the path is already
// escaped, query is encoded sorted, and a non-nil body is sent as JSON,
// without read-only properties (or as is, when it is an io.Reader).
func newRequest(ctx context.Context, method, endpoint, path string, query url.Values, body any, contentType string) (*http.Request, error) {
	u := strings.TrimSuffix(endpoint, "/") + path
	if len(query) > 0 {
		sep := "?"
		if strings.Contains(u, "?") {
			sep = "&"
		}
		u += sep + query.Encode()
	}
	var reader io.Reader
	switch b := body.(type) {
	case nil:
	case io.Reader:
		reader = b
	default:
		data, err := marshalRequest(body)
		if err != nil {
			return nil, fmt.Errorf("encoding the request body: %w", err)
		}
		reader = bytes.NewReader(data)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, reader)
	if err != nil {
		return nil, err
	}
	if s, ok := reader.(io.ReadSeeker); ok && req.GetBody == nil {
		seekBody(req, s) // so that a retry can send it again
	}
	if reader != nil && contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	return req, nil
}

// appendRawQuery adds name=value to a request's query with the value as it
// is: the spec says it is encoded already (x-ms-skip-url-encoding).
func appendRawQuery(u *url.URL, name, value string) {
	if u.RawQuery != "" {
		u.RawQuery += "&"
	}
	u.RawQuery += url.QueryEscape(name) + "=" + value
}

// A validation error is returned before any request is built, when an
// argument breaks a constraint of the spec.
func invalid(name string, value any, why string) error {
	return fmt.Errorf("invalid %s %#v: %s", name, value, why)
}

// patterns holds the compiled spec patterns. A map under a mutex rather
// than a sync.Map, whose generic internals every package that uses one
// compiles again (a hundred functions).
var patterns struct {
	sync.Mutex
	m map[string]*regexp.Regexp
}

// pattern compiles a spec pattern once, on first use, so packages with
// many patterns cost nothing at init.
func pattern(expr string) *regexp.Regexp {
	patterns.Lock()
	defer patterns.Unlock()
	re, ok := patterns.m[expr]
	if !ok {
		if patterns.m == nil {
			patterns.m = map[string]*regexp.Regexp{}
		}
		re = regexp.MustCompile(expr)
		patterns.m[expr] = re
	}
	return re
}

// checkString enforces a string argument's constraints; max < 0 means no
// maximum, expr "" no pattern.
func checkString(name, value string, required bool, min, max int, expr string) error {
	n := utf8.RuneCountInString(value)
	switch {
	case required && value == "":
		return invalid(name, value, "must not be empty")
	case n < min:
		return invalid(name, value, fmt.Sprintf("must be at least %d characters", min))
	case max >= 0 && n > max:
		return invalid(name, value, fmt.Sprintf("must be at most %d characters", max))
	case expr != "" && !pattern(expr).MatchString(value):
		return invalid(name, value, "must match "+expr)
	}
	return nil
}

// checkNumber enforces a number argument's bounds.
func checkNumber(name string, value float64, min, max *float64, exclusiveMin, exclusiveMax bool, multipleOf *float64) error {
	switch {
	case min != nil && (value < *min || exclusiveMin && value == *min):
		return invalid(name, value, fmt.Sprintf("must be more than %v", *min))
	case max != nil && (value > *max || exclusiveMax && value == *max):
		return invalid(name, value, fmt.Sprintf("must be less than %v", *max))
	case multipleOf != nil && *multipleOf != 0 && value/(*multipleOf) != float64(int64(value/(*multipleOf))):
		return invalid(name, value, fmt.Sprintf("must be a multiple of %v", *multipleOf))
	}
	return nil
}

// checkItems enforces an array argument's length.
func checkItems(name string, n int, min, max int) error {
	switch {
	case n < min:
		return invalid(name, n, fmt.Sprintf("must have at least %d items", min))
	case max >= 0 && n > max:
		return invalid(name, n, fmt.Sprintf("must have at most %d items", max))
	}
	return nil
}

// checkUnique enforces uniqueItems on an array argument.
func checkUnique[T comparable](name string, values []T) error {
	seen := make(map[T]bool, len(values))
	for _, v := range values {
		if seen[v] {
			return invalid(name, v, "is listed twice; the items must be unique")
		}
		seen[v] = true
	}
	return nil
}

// checker is a model with constraints somewhere inside: its check method
// enforces them, naming the failing value from at.
type checker interface {
	check(at string) error
}

// checkEach checks each model of an array or map (map keys in order).
func checkEach(at string, values any) error {
	v := reflect.ValueOf(values)
	switch v.Kind() {
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			if err := checkOne(fmt.Sprintf("%s[%d]", at, i), v.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(a.String(), b.String()) })
		for _, k := range keys {
			if err := checkOne(fmt.Sprintf("%s[%q]", at, k.String()), v.MapIndex(k)); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkOne(at string, v reflect.Value) error {
	switch {
	case v.Kind() == reflect.Pointer:
		if v.IsNil() {
			return nil
		}
	case v.CanAddr():
		v = v.Addr()
	default:
		p := reflect.New(v.Type())
		p.Elem().Set(v)
		v = p
	}
	if c, ok := v.Interface().(checker); ok {
		return c.check(at)
	}
	return nil
}

// decodeJSON reads a response body into v and closes it. An empty body
// leaves v as it is.
func decodeJSON(resp *http.Response, v any) error {
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("reading the response body: %w", err)
	}
	if noBody(data) {
		return nil
	}
	if m, ok := v.(json.Unmarshaler); ok {
		err = m.UnmarshalJSON(data) // a model's, which checks the text itself
	} else {
		err = json.Unmarshal(data, v)
	}
	if err != nil {
		return fmt.Errorf("decoding the %d response: %w", resp.StatusCode, err)
	}
	return nil
}

// drain discards a body the operation does not use, so the connection can
// be reused.
func drain(resp *http.Response) {
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	resp.Body.Close()
}

// readBody reads and closes a response body, for errors and raw bodies.
func readBody(resp *http.Response) []byte {
	defer resp.Body.Close()
	data, _ := io.ReadAll(io.LimitReader(resp.Body, 8<<20))
	return data
}

var errNoResponse = errors.New("the transport returned neither a response nor an error")

// send passes a request to the doer, refusing a nil response; a nil body
// (which http.Client never gives, but a Doer of the caller's may) reads
// as empty.
func send(d interface {
	Do(*http.Request) (*http.Response, error)
}, req *http.Request) (*http.Response, error) {
	resp, err := d.Do(req)
	if err != nil {
		return nil, err
	}
	if resp == nil {
		return nil, errNoResponse
	}
	if resp.Body == nil {
		resp.Body = http.NoBody
	}
	return resp, nil
}
