package codecfuzz_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/armgen/armgen/internal/codecfuzz/current"
	"github.com/armgen/armgen/internal/codecfuzz/legacy"
)

// A family is a kind of model the codecs read and write, in both
// packages: decode reads a body into a new value (with UnmarshalJSON, as
// a client does, and with json.Unmarshal, as users do), parse reads it as
// the response of the family's operation, and request encodes a decoded
// value as that operation's request body.
type family struct {
	current, legacy side
}

type side struct {
	decode    func(data []byte) (any, error)
	unmarshal func(data []byte) (any, error)
	parse     func(data []byte) (any, error)
	request   func(v any) ([]byte, error)
}

var ctx = context.Background()

// response is a 200 response with body.
func response(body []byte) *http.Response {
	return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}}, Body: io.NopCloser(bytes.NewReader(body))}
}

// body reads a request's body.
func body(req *http.Request, err error) ([]byte, error) {
	if err != nil {
		return nil, err
	}
	if req.Body == nil {
		return nil, nil
	}
	return io.ReadAll(req.Body)
}

// model is a side of a family whose root is a model type, T in the
// package (PT is *T), sent and received by client C.
func model[T any, PT interface {
	*T
	json.Unmarshaler
}](parse func([]byte) (any, error), request func(T) ([]byte, error)) side {
	return side{
		decode: func(data []byte) (any, error) {
			v := PT(new(T))
			return v, v.UnmarshalJSON(data)
		},
		unmarshal: func(data []byte) (any, error) {
			v := PT(new(T))
			return v, json.Unmarshal(data, v)
		},
		parse:   parse,
		request: func(v any) ([]byte, error) { return request(*v.(PT)) },
	}
}

var (
	cur = current.NewClient(nil, &current.ClientOptions{Endpoint: "https://codecs.example.com"})
	leg = legacy.NewClient(nil, &legacy.ClientOptions{Endpoint: "https://codecs.example.com"})
)

var families = map[string]family{
	"Scalars": {
		model(func(b []byte) (any, error) {
			r, err := cur.Scalars().ParsePutResponse(response(b))
			return &r.Scalars, err
		},
			func(v current.Scalars) ([]byte, error) { return body(cur.Scalars().NewPutRequest(ctx, v, nil)) }),
		model(func(b []byte) (any, error) {
			r, err := leg.Scalars().ParsePutResponse(response(b))
			return &r.Scalars, err
		},
			func(v legacy.Scalars) ([]byte, error) { return body(leg.Scalars().NewPutRequest(ctx, v, nil)) }),
	},
	"Containers": {
		model(func(b []byte) (any, error) {
			r, err := cur.Containers().ParsePutResponse(response(b))
			return &r.Containers, err
		},
			func(v current.Containers) ([]byte, error) { return body(cur.Containers().NewPutRequest(ctx, v, nil)) }),
		model(func(b []byte) (any, error) {
			r, err := leg.Containers().ParsePutResponse(response(b))
			return &r.Containers, err
		},
			func(v legacy.Containers) ([]byte, error) { return body(leg.Containers().NewPutRequest(ctx, v, nil)) }),
	},
	"Zoo": {
		model(func(b []byte) (any, error) { r, err := cur.Zoo().ParsePutResponse(response(b)); return &r.Zoo, err },
			func(v current.Zoo) ([]byte, error) { return body(cur.Zoo().NewPutRequest(ctx, v, nil)) }),
		model(func(b []byte) (any, error) { r, err := leg.Zoo().ParsePutResponse(response(b)); return &r.Zoo, err },
			func(v legacy.Zoo) ([]byte, error) { return body(leg.Zoo().NewPutRequest(ctx, v, nil)) }),
	},
	"Bags": {
		model(func(b []byte) (any, error) { r, err := cur.Bags().ParsePutResponse(response(b)); return &r.Bags, err },
			func(v current.Bags) ([]byte, error) { return body(cur.Bags().NewPutRequest(ctx, v, nil)) }),
		model(func(b []byte) (any, error) { r, err := leg.Bags().ParsePutResponse(response(b)); return &r.Bags, err },
			func(v legacy.Bags) ([]byte, error) { return body(leg.Bags().NewPutRequest(ctx, v, nil)) }),
	},
	"ResourceList": {
		model(func(b []byte) (any, error) {
			r, err := cur.Resources().ParsePutResponse(response(b))
			return &r.ResourceList, err
		},
			func(v current.ResourceList) ([]byte, error) {
				return body(cur.Resources().NewPutRequest(ctx, v.Value, nil))
			}),
		model(func(b []byte) (any, error) {
			r, err := leg.Resources().ParsePutResponse(response(b))
			return &r.ResourceList, err
		},
			func(v legacy.ResourceList) ([]byte, error) {
				return body(leg.Resources().NewPutRequest(ctx, v.Value, nil))
			}),
	},
	// A polymorphic family as a whole body, and a list of date-times:
	// shapes the static shaped.go walks.
	"Animal": {
		side{
			decode: func(b []byte) (any, error) {
				r, err := cur.Animal().ParsePutResponse(response(b))
				return &r.Value, err
			},
			parse: func(b []byte) (any, error) {
				r, err := cur.Animal().ParsePutResponse(response(b))
				return &r.Value, err
			},
			request: func(v any) ([]byte, error) {
				return body(cur.Animal().NewPutRequest(ctx, *v.(*current.AnimalClassification), nil))
			},
		},
		side{
			decode: func(b []byte) (any, error) {
				r, err := leg.Animal().ParsePutResponse(response(b))
				return &r.Value, err
			},
			parse: func(b []byte) (any, error) {
				r, err := leg.Animal().ParsePutResponse(response(b))
				return &r.Value, err
			},
			request: func(v any) ([]byte, error) {
				return body(leg.Animal().NewPutRequest(ctx, *v.(*legacy.AnimalClassification), nil))
			},
		},
	},
	"Dates": {
		side{
			decode: func(b []byte) (any, error) { r, err := cur.Dates().ParsePutResponse(response(b)); return &r.Value, err },
			parse:  func(b []byte) (any, error) { r, err := cur.Dates().ParsePutResponse(response(b)); return &r.Value, err },
			request: func(v any) ([]byte, error) {
				var all []time.Time
				for _, days := range *v.(*map[string][]time.Time) {
					all = append(all, days...)
				}
				return body(cur.Dates().NewPutRequest(ctx, all, nil))
			},
		},
		side{
			decode: func(b []byte) (any, error) { r, err := leg.Dates().ParsePutResponse(response(b)); return &r.Value, err },
			parse:  func(b []byte) (any, error) { r, err := leg.Dates().ParsePutResponse(response(b)); return &r.Value, err },
			request: func(v any) ([]byte, error) {
				var all []time.Time
				for _, days := range *v.(*map[string][]time.Time) {
					all = append(all, days...)
				}
				return body(leg.Dates().NewPutRequest(ctx, all, nil))
			},
		},
	},
}

// class is the kind of an error: a text that is not JSON, or a value the
// types cannot hold (of any kind: a wrong type, a date that is not one,
// bad base64, a number out of range, a value no encoding allows).
func class(err error) string {
	var syntax *json.SyntaxError
	switch {
	case err == nil:
		return "ok"
	case errors.As(err, &syntax):
		return "syntax"
	}
	return "value"
}

// differential checks that the generated codec reads and writes data as
// the reflective one did: the same result or the same class of failure,
// through every way in.
func differential(t *testing.T, name string, data []byte) {
	t.Helper()
	f := families[name]
	ways := []struct {
		way      string
		cur, leg func([]byte) (any, error)
	}{
		{"UnmarshalJSON", f.current.decode, f.legacy.decode},
		{"json.Unmarshal", f.current.unmarshal, f.legacy.unmarshal},
		{"the response", f.current.parse, f.legacy.parse},
	}
	valid := json.Valid(data)
	// Nothing but JSON's spaces is no JSON either, but a response without
	// a body is no value rather than bad JSON: on it the two codecs are
	// compared.
	blank := len(bytes.Trim(data, " \t\r\n")) == 0
	for _, w := range ways {
		if w.cur == nil {
			continue
		}
		cv, cerr := w.cur(data)
		if !valid && !blank {
			// Not JSON: every way in must say so, as encoding/json does.
			// The reflective codec, called directly, let a little through
			// (bytes.TrimSpace took a form feed before null for space),
			// which is no behaviour to keep.
			if class(cerr) != "syntax" {
				t.Fatalf("%s of %q by %s: not JSON, but the generated codec says %v", name, data, w.way, cerr)
			}
			continue
		}
		lv, lerr := w.leg(data)
		if class(cerr) != class(lerr) {
			t.Fatalf("%s of %q by %s: the generated codec says %v, the reflective one %v", name, data, w.way, cerr, lerr)
		}
		if cerr != nil {
			continue
		}
		if d := same(cv, lv); d != "" {
			t.Fatalf("%s of %q by %s: the decoded values differ: %s", name, data, w.way, d)
		}
		cb, cerr := json.Marshal(cv)
		lb, lerr := json.Marshal(lv)
		if class(cerr) != class(lerr) || !bytes.Equal(cb, lb) {
			t.Fatalf("%s of %q by %s, encoded:\n generated  %s (%v)\n reflective %s (%v)", name, data, w.way, cb, cerr, lb, lerr)
		}
		if m, ok := cv.(json.Marshaler); ok && cerr == nil {
			if direct, err := m.MarshalJSON(); err != nil || !bytes.Equal(direct, cb) {
				t.Fatalf("%s of %q: MarshalJSON wrote %s (%v), json.Marshal %s", name, data, direct, err, cb)
			}
		}
		cr, cerr := f.current.request(cv)
		lr, lerr := f.legacy.request(lv)
		if class(cerr) != class(lerr) || !bytes.Equal(cr, lr) {
			t.Fatalf("%s of %q by %s, as a request:\n generated  %s (%v)\n reflective %s (%v)", name, data, w.way, cr, cerr, lr, lerr)
		}
	}
}

// The seeds: what each family holds, and the corners of JSON.
var seeds = map[string][]string{
	"Scalars": {
		`{"str":"a\"b\\c\u00e9\ud83d\ude00<&>\u2028","i32":-2147483648,"i64":9007199254740993,"int":-1,"f32":0.1,"f64":1e-7,"num":1e21,"flag":true,` +
			`"bytes":"aGVsbG8=","url64":"aGVsbG8_","day":"2024-02-29","at":"2024-02-29T12:34:56.1234567Z","httpDate":"Thu, 29 Feb 2024 12:34:56 GMT",` +
			`"epoch":1709210096,"ttl":"P1D","clock":"12:00:00","uuid":"00000000-0000-0000-0000-000000000001","color":"blue","size":"XL","level":7,` +
			`"big":10000000000,"scale":0.5,"on":false,"free":{"x":[1,{"y":null}]},"freeObject":{"k":true},"kind":"other","roStr":"r","roAt":"2020-01-01T00:00:00Z",` +
			`"roKind":"fixed","name\u2028<&>\"` + "`" + `":"n","child":{"str":"c","child":null},"unknown":{"kept": [1, 2]},"nothing":null}`,
		`{"at":"2024-02-29T12:34:56","epoch":"1709210096.5","httpDate":"fri, 1 jan 10000 00:00:00 gmt","day":"2024-02-30"}`,
		`{"at":"2024-02-29 12:34:56.5+01:00","i32":1.5}`,
		`{"str":null,"str":"x","i32":1,"i32":null,"child":{},"child":{"flag":false}}`,
		`{"bytes":[104,105],"url64":"aGVsbG8=","f32":3.4028235e38,"f64":-0}`,
		`{"i64":-9223372036854775808,"f64":1e400}`,
		`null`, `{}`, ` { } `, `[]`, `{"str":1}`, `{"str":"x",}`, `{"str":"\x"}`, `{"a":1}x`, `{"child":{"child":{"child":{"i32":"x"}}}}`,
	},
	"Containers": {
		`{"strs":["a",null,"b"],"nullStrs":["a",null],"ints":[1,2,null],"nullInts":[null,9007199254740993],"floats":[1.5,2e-9],"flags":[true,null],` +
			`"colors":["red","x"],"levels":[1,9],"blobs":["aGk=",null],"tokens":["aGk",null],"days":["2024-01-01",null],"times":["2024-01-01T00:00:00Z",null],` +
			`"nullTimes":[null,"2024-01-01T00:00:00.5Z"],"httpDates":["Mon, 01 Jan 2024 00:00:00 GMT"],"epochs":[0,null,"12"],"anys":[1,"a",null,[],{}],` +
			`"objects":[{},null],"parts":[{"sku":"a","etag":"e","made":"2024-01-01"},null,{}],"nullParts":[null,{"qty":1}],"matrix":[[1],[],null],` +
			`"grid":[[{"sku":"x"}],null],"tags":{"a":"b","n":null},"nullTags":{"a":null},"counts":{"a":1},"byName":{"a":{"sku":"s"},"b":null},` +
			`"whenByName":{"a":"2024-01-01T00:00:00Z","b":null},"listsByName":{"a":["x"],"b":null},"mapsByName":{"a":{"b":{"sku":"c"}},"n":null},` +
			`"anyByName":{"a":1.5,"b":null},"blobsByName":{"a":"aGk="},"colorsByName":{"a":"red"},"roParts":[{"sku":"r"}]}`,
		`{"strs":[],"tags":{},"parts":[],"byName":{},"matrix":[[]]}`,
		`{"ints":[1,"x"]}`, `{"tags":[]}`, `{"parts":{}}`, `{"times":["x"]}`, `{"byName":{"a":{"qty":"x"}}}`,
	},
	"Zoo": {
		`{"star":{"kind":"lion","name":"l","id":"i","mane":true,"lives":9,"toys":{"b":{"sku":"s","etag":"e"}},"prey":{"kind":"dog","bark":3,"owner":"o"},` +
			`"friends":[{"kind":"cat"},{"kind":"zebra","stripes":1},null]},"cat":{"kind":"lion","mane":false},"animals":[{"kind":"dog"},{"kind":null},{"name":"n"}],` +
			`"byName":{"a":{"kind":"cat","lives":1},"b":null},"herds":[[{"kind":"lion"},{"kind":"dog"}],null]}`,
		`{"star":{"kind":1}}`, `{"star":[]}`, `{"star":{"kind":"dog","kind":"cat","lives":2}}`, `{"cat":{"kind":"cat"}}`, `{"star":null}`,
	},
	"Animal": {
		`{"kind":"lion","name":"l","id":"i","born":"2020-01-01T00:00:00Z","mane":true,"prey":{"kind":"dog","owner":"o"}}`,
		`{"kind":"dog","bark":"x"}`, `null`, `[]`, `{"name":"no kind"}`, ``,
	},
	"Bags": {
		`{"ints":{"kind":"k","n":1,"a":2,"b":null,"kind2":3},"parts":{"kind":"k","a":{"sku":"x","etag":"e"},"b":null},` +
			`"anys":{"kind":null,"at":"2024-01-01T00:00:00Z","x":[1],"y":null},"dates":{"kind":"ro","a":"2024-01-01T00:00:00Z","b":null},` +
			`"lists":{"a":["x"],"b":null},"bagList":[{"z":1},null]}`,
		`{"ints":{"a":"x"}}`, `{"dates":{"a":"x"}}`, `{"parts":{"a":1}}`, `{"ints":{"n":null,"n":1}}`,
	},
	"ResourceList": {
		`{"value":[{"id":"/s/r","name":"r","type":"t","etag":"e","tags":{"a":"b"},"properties":{"provisioningState":"Succeeded","created":"2024-01-01T00:00:00Z",` +
			`"vmSize":"S","nodes":3,"metadata":[{"sku":"m"}],"scale":{"star":{"kind":"dog"}}}}],"nextLink":"https://next"}`,
		`{"value":null}`, `{"value":[null]}`, `{"value":[{"properties":null}]}`,
	},
	"Dates": {
		`{"a":["2024-01-01","2024-02-29"],"b":null,"c":[]}`, `{"a":["2024-01-01T00:00:00Z"]}`, `{"a":[null]}`, `null`, `[]`,
	},
}

// TestSeeds runs every seed: the fuzz targets' starting points are
// themselves cases.
func TestSeeds(t *testing.T) {
	for name, list := range seeds {
		for _, s := range list {
			differential(t, name, []byte(s))
		}
	}
}

func fuzz(f *testing.F, name string) {
	for _, s := range seeds[name] {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { differential(t, name, data) })
}

// One target per family of codecs.

func FuzzScalars(f *testing.F)    { fuzz(f, "Scalars") }
func FuzzContainers(f *testing.F) { fuzz(f, "Containers") }
func FuzzPolymorphic(f *testing.F) {
	for _, s := range seeds["Animal"] {
		f.Add([]byte(s))
	}
	for _, s := range seeds["Zoo"] {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		differential(t, "Zoo", data)
		differential(t, "Animal", data)
	})
}
func FuzzAdditional(f *testing.F) { fuzz(f, "Bags") }
func FuzzResources(f *testing.F) {
	for _, s := range seeds["Dates"] {
		f.Add([]byte(s))
	}
	for _, s := range seeds["ResourceList"] {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		differential(t, "ResourceList", data)
		differential(t, "Dates", data)
	})
}
