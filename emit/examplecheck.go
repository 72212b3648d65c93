package emit

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/armgen/armgen/ir"
)

// An example is test data its authors wrote by hand, and some contradict
// their spec: a string "true" where the spec says boolean, an array where
// it says object. Replayed, such an example fails for a reason that is no
// fault of the client, so each is checked here, at generation time, the
// way the generated package will read it: its test is generated skipped,
// with the contradiction as the reason. An example that agrees with its
// spec is never skipped, so these checks accept exactly what the package
// accepts: the parsers of date-times, dates and the like below mirror
// those of emit/static, and the constraints those of the request
// builders' checks.

// exampleCheck walks one example value against its type.
type exampleCheck struct {
	api *ir.API
	// request is set for values the client sends: read-only properties
	// are not sent (nor checked), and constraints are enforced, as the
	// request builder enforces them.
	request bool
	// polymorphic reports whether a model is held as its family's
	// interface, which the request builder does not check.
	polymorphic func(t *ir.Type) bool
}

// decodeExample reads example JSON keeping numbers as written.
func decodeExampleJSON(text string) (any, error) {
	d := json.NewDecoder(strings.NewReader(text))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// value checks v, the JSON value at at (a path such as $.properties.x),
// against t and its constraints c. elem is set for array elements and map
// values, where a null the spec does not allow cannot be kept. It returns
// the first contradiction, "" when there is none.
func (x *exampleCheck) value(at string, t *ir.Type, c ir.Constraints, v any, elem bool) string {
	if v == nil {
		// A property's null is kept as it is (in Extra); an element's
		// becomes the zero value unless the spec allows null.
		if !elem || t.Nullable || t.Kind == ir.KindAny {
			return ""
		}
		return at + ": null, the spec says " + specName(x.api, t) + " (not x-nullable)"
	}
	wrong := func() string {
		return at + ": " + shortValue(v) + " is " + jsonKind(v) + ", the spec says " + specName(x.api, t)
	}
	switch t.Kind {
	case ir.KindAny, ir.KindStream:
		return ""
	case ir.KindBool:
		if _, ok := v.(bool); !ok {
			return wrong()
		}
	case ir.KindInt32, ir.KindInt64:
		n, ok := v.(json.Number)
		if !ok {
			return wrong()
		}
		bits := 64
		if t.Kind == ir.KindInt32 {
			bits = 32
		}
		if _, err := strconv.ParseInt(n.String(), 10, 64); err != nil {
			return wrong() // 1.5 is a number, the spec says integer
		}
		if _, err := strconv.ParseInt(n.String(), 10, bits); err != nil {
			return at + ": " + n.String() + " is out of the range of int" + strconv.Itoa(bits) + ", the format the spec gives"
		}
		return x.number(at, n, c)
	case ir.KindUnixTime:
		n, ok := v.(json.Number)
		if !ok {
			return wrong()
		}
		// Read as whole seconds: a fraction does not come back.
		if _, err := strconv.ParseInt(n.String(), 10, 64); err != nil {
			return at + ": " + n.String() + " is not a whole number of seconds, which the spec's unixtime is"
		}
	case ir.KindFloat32, ir.KindFloat64:
		n, ok := v.(json.Number)
		if !ok {
			return wrong()
		}
		return x.number(at, n, c)
	case ir.KindString, ir.KindDuration, ir.KindTime:
		s, ok := v.(string)
		if !ok {
			return wrong()
		}
		return x.text(at, s, c)
	case ir.KindBytes:
		s, ok := v.(string)
		if !ok {
			return wrong()
		}
		if _, err := base64.StdEncoding.DecodeString(s); err != nil {
			return at + ": " + shortValue(v) + " is not base64, the format (byte) the spec gives"
		}
	case ir.KindBase64URL:
		s, ok := v.(string)
		if !ok {
			return wrong()
		}
		if _, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "=")); err != nil {
			return at + ": " + shortValue(v) + " is not base64url, the format the spec gives"
		}
	case ir.KindDate, ir.KindDateTime, ir.KindDateTimeRFC1123:
		s, ok := v.(string)
		if !ok {
			return wrong()
		}
		if !parsesAs(t.Kind, s) {
			return at + ": " + shortValue(v) + " is not a " + t.Kind.String() + ", the format the spec gives"
		}
	case ir.KindEnum:
		e := x.api.EnumByKey(t.Ref)
		if e == nil {
			return ""
		}
		// Only the base type counts: the package accepts values an enum
		// does not list, and checks no constraint on them.
		return x.value(at, &ir.Type{Kind: e.Base, Format: e.Format}, ir.Constraints{}, v, elem)
	case ir.KindArray:
		list, ok := v.([]any)
		if !ok {
			return wrong()
		}
		if x.request {
			if p := x.items(at, t.Elem, list, c); p != "" {
				return p
			}
		}
		for i, e := range list {
			if p := x.value(at+"["+strconv.Itoa(i)+"]", t.Elem, ir.Constraints{}, e, true); p != "" {
				return p
			}
		}
	case ir.KindMap:
		obj, ok := v.(map[string]any)
		if !ok {
			return wrong()
		}
		for _, k := range sortedKeys(obj) {
			if p := x.value(at+member(k), t.Elem, ir.Constraints{}, obj[k], true); p != "" {
				return p
			}
		}
	case ir.KindModel:
		obj, ok := v.(map[string]any)
		if !ok {
			return wrong()
		}
		return x.model(at, t, obj)
	}
	return ""
}

// model checks an object against a model, or the member of its family
// that the discriminator picks.
func (x *exampleCheck) model(at string, t *ir.Type, obj map[string]any) string {
	m := x.concrete(x.api.ModelByKey(t.Ref), obj)
	if m == nil {
		return ""
	}
	// The request builder checks constraints of the models it sends, but
	// not through a family's interface.
	checked := x.request && !x.polymorphic(t)
	saved := x.request
	defer func() { x.request = saved }()
	props := map[string]*ir.Property{}
	for _, p := range m.Properties {
		props[p.Name] = p
		_, set := obj[p.Name]
		switch {
		case set:
		case p.Const != "" && p.Required && (!saved || !p.ReadOnly):
			// The package writes the fixed value whether it was read or not.
			return at + member(p.Name) + ": missing, but the spec fixes it to " + p.Const + " and the package always sends it"
		case p.Discriminator && m.DiscriminatorValue != "":
			// So it does the discriminator of a family member.
			return at + member(p.Name) + ": missing, but the spec requires the discriminator, which the package always sends (" + strconv.Quote(m.DiscriminatorValue) + ")"
		}
	}
	for _, k := range sortedKeys(obj) {
		p := props[k]
		if p == nil {
			if m.AdditionalProperties != nil {
				x.request = saved && checked
				if problem := x.value(at+member(k), m.AdditionalProperties, ir.Constraints{}, obj[k], true); problem != "" {
					return problem
				}
			}
			continue
		}
		if saved && p.ReadOnly && !p.Discriminator {
			continue // not sent; stripped from what the request is compared with
		}
		x.request = saved && checked
		if problem := x.value(at+member(k), p.Type, p.Constraints, obj[k], false); problem != "" {
			return problem
		}
	}
	return ""
}

// concrete is the model a value of m decodes into: the family member its
// discriminator names, else m.
func (x *exampleCheck) concrete(m *ir.Model, obj map[string]any) *ir.Model {
	if m == nil || m.Discriminator == "" {
		return m
	}
	kind, ok := obj[m.Discriminator].(string)
	if !ok {
		return m
	}
	for _, key := range m.Children {
		if c := x.api.ModelByKey(key); c != nil && c.DiscriminatorValue == kind {
			return c
		}
	}
	return m
}

// number enforces a number's constraints, as checkNumber does.
func (x *exampleCheck) number(at string, n json.Number, c ir.Constraints) string {
	if !x.request {
		return ""
	}
	v, err := n.Float64()
	if err != nil {
		return ""
	}
	switch {
	case c.Minimum != nil && (v < *c.Minimum || c.ExclusiveMinimum && v == *c.Minimum):
		return fmt.Sprintf("%s: %s is below the spec's minimum %v", at, n, *c.Minimum)
	case c.Maximum != nil && (v > *c.Maximum || c.ExclusiveMaximum && v == *c.Maximum):
		return fmt.Sprintf("%s: %s is above the spec's maximum %v", at, n, *c.Maximum)
	case c.MultipleOf != nil && *c.MultipleOf != 0 && v/(*c.MultipleOf) != float64(int64(v/(*c.MultipleOf))):
		return fmt.Sprintf("%s: %s is not a multiple of %v, as the spec says", at, n, *c.MultipleOf)
	}
	return ""
}

// text enforces a string's constraints, as checkString does.
func (x *exampleCheck) text(at, s string, c ir.Constraints) string {
	if !x.request {
		return ""
	}
	n := utf8.RuneCountInString(s)
	switch {
	case c.MinLength != nil && int64(n) < *c.MinLength:
		return fmt.Sprintf("%s: %s is shorter than the spec's minLength %d", at, shortValue(s), *c.MinLength)
	case c.MaxLength != nil && int64(n) > *c.MaxLength:
		return fmt.Sprintf("%s: %s is longer than the spec's maxLength %d", at, shortValue(s), *c.MaxLength)
	case c.Pattern != "":
		// A pattern Go cannot compile is not checked by the package either.
		if re, err := regexp.Compile(c.Pattern); err == nil && !re.MatchString(s) {
			return fmt.Sprintf("%s: %s does not match the spec's pattern %s", at, shortValue(s), c.Pattern)
		}
	}
	return ""
}

// items enforces an array's length and uniqueness, as checkItems and
// checkUnique do.
func (x *exampleCheck) items(at string, elem *ir.Type, list []any, c ir.Constraints) string {
	switch {
	case c.MinItems != nil && int64(len(list)) < *c.MinItems:
		return fmt.Sprintf("%s: %d items, fewer than the spec's minItems %d", at, len(list), *c.MinItems)
	case c.MaxItems != nil && int64(len(list)) > *c.MaxItems:
		return fmt.Sprintf("%s: %d items, more than the spec's maxItems %d", at, len(list), *c.MaxItems)
	case c.UniqueItems && comparableElem(elem):
		seen := map[string]bool{}
		for _, e := range list {
			b, _ := json.Marshal(e)
			key := string(b)
			if seen[key] {
				return fmt.Sprintf("%s: %s is listed twice, but the spec says the items are unique", at, key)
			}
			seen[key] = true
		}
	}
	return ""
}

// parsesAs reports whether the package's reader of a date or time format
// accepts s. The layouts are those of emit/static/time.go.
func parsesAs(kind ir.Kind, s string) bool {
	switch kind {
	case ir.KindDate:
		_, err := time.Parse(time.DateOnly, s)
		return err == nil
	case ir.KindDateTime:
		if _, err := time.Parse(time.RFC3339Nano, s); err == nil {
			return true
		}
		upper := strings.ToUpper(strings.Replace(s, " ", "T", 1))
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04:05.999999999Z0700", "2006-01-02T15:04"} {
			if _, err := time.Parse(layout, upper); err == nil {
				return true
			}
		}
		return false
	case ir.KindDateTimeRFC1123:
		for _, layout := range []string{time.RFC1123, time.RFC1123Z, time.RFC850, time.ANSIC} {
			if _, err := time.Parse(layout, s); err == nil {
				return true
			}
		}
		return rfc1123Loose(s)
	}
	return true
}

// rfc1123Loose is parseRFC1123Loose of emit/static/time.go, reporting
// only whether it reads s.
func rfc1123Loose(s string) bool {
	f := strings.Fields(s)
	if len(f) == 6 && strings.HasSuffix(f[0], ",") {
		f = f[1:]
	}
	if len(f) != 5 || !strings.EqualFold(f[4], "GMT") && !strings.EqualFold(f[4], "UTC") {
		return false
	}
	months := []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
	day, err1 := strconv.Atoi(f[0])
	month := slices.Index(months, strings.ToLower(f[1]))
	year, err2 := strconv.Atoi(f[2])
	clock, err3 := time.Parse(time.TimeOnly, f[3])
	if err1 != nil || month < 0 || err2 != nil || err3 != nil || day < 1 || day > 31 || year < 0 {
		return false
	}
	return time.Date(year, time.Month(month+1), day, clock.Hour(), clock.Minute(), clock.Second(), 0, time.UTC).Day() == day
}

// stripReadOnly removes from a request body example the read-only
// properties, which the package never sends, so that the test compares
// what a request can carry. It returns text unchanged when there are none.
func stripReadOnly(api *ir.API, t *ir.Type, text string) string {
	v, err := decodeExampleJSON(text)
	if err != nil {
		return text
	}
	x := &exampleCheck{api: api}
	if !x.strip(t, v) {
		return text
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if enc.Encode(v) != nil {
		return text
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

// strip removes read-only properties from v in place, reporting whether
// it removed any.
func (x *exampleCheck) strip(t *ir.Type, v any) bool {
	if t == nil {
		return false
	}
	removed := false
	switch t.Kind {
	case ir.KindArray:
		if list, ok := v.([]any); ok {
			for _, e := range list {
				removed = x.strip(t.Elem, e) || removed
			}
		}
	case ir.KindMap:
		if obj, ok := v.(map[string]any); ok {
			for _, e := range obj {
				removed = x.strip(t.Elem, e) || removed
			}
		}
	case ir.KindModel:
		obj, ok := v.(map[string]any)
		if !ok {
			return false
		}
		m := x.concrete(x.api.ModelByKey(t.Ref), obj)
		if m == nil {
			return false
		}
		for _, p := range m.Properties {
			e, set := obj[p.Name]
			switch {
			case !set:
			case p.ReadOnly && !p.Discriminator: // a discriminator is always sent
				delete(obj, p.Name)
				removed = true
			default:
				removed = x.strip(p.Type, e) || removed
			}
		}
		if m.AdditionalProperties != nil {
			for k, e := range obj {
				if !slices.ContainsFunc(m.Properties, func(p *ir.Property) bool { return p.Name == k }) {
					removed = x.strip(m.AdditionalProperties, e) || removed
				}
			}
		}
	}
	return removed
}

// specName names a type as the spec writes it, for messages.
func specName(api *ir.API, t *ir.Type) string {
	switch t.Kind {
	case ir.KindModel:
		if m := api.ModelByKey(t.Ref); m != nil {
			return "object (" + m.Name + ")"
		}
		return "object"
	case ir.KindEnum:
		if e := api.EnumByKey(t.Ref); e != nil {
			return specName(api, &ir.Type{Kind: e.Base})
		}
	case ir.KindMap:
		return "object (a map)"
	case ir.KindArray:
		return "array"
	case ir.KindBool:
		return "boolean"
	case ir.KindInt32, ir.KindInt64:
		return "integer"
	case ir.KindFloat32, ir.KindFloat64:
		return "number"
	case ir.KindBytes:
		return "string (byte)"
	case ir.KindDate, ir.KindDateTime, ir.KindDateTimeRFC1123, ir.KindUnixTime, ir.KindBase64URL:
		return "string (" + t.Kind.String() + ")"
	}
	return "string"
}

// jsonKind names a JSON value's kind with its article.
func jsonKind(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return "null"
}

// shortValue renders a value for a message, cut short.
func shortValue(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "?"
	}
	s := string(b)
	if utf8.RuneCountInString(s) > 40 {
		r := []rune(s)
		s = string(r[:37]) + "…"
	}
	return s
}

// member appends a property to a path: .name, or ["odd name"].
func member(k string) string {
	for i, r := range k {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return "[" + strconv.Quote(k) + "]"
		}
	}
	if k == "" {
		return `[""]`
	}
	return "." + k
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
