package batch_test

// Benchmarks of the generated types on the Batch examples; bench/runtime
// copies this file beside each generated package (testdata keeps it out
// of armgen's own build) and runs the same benchmarks on the package the
// base armgen writes and on this checkout's.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"example.com/runtimebench/PKG"
)

// payload reads the 200 response body of an x-ms-examples file, compact.
func payload(b *testing.B, name string) []byte {
	b.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		b.Fatal(err)
	}
	var ex struct {
		Responses map[string]struct {
			Body json.RawMessage `json:"body"`
		} `json:"responses"`
	}
	if err := json.Unmarshal(data, &ex); err != nil {
		b.Fatal(err)
	}
	body := ex.Responses["200"].Body
	if len(body) == 0 {
		b.Fatalf("%s has no 200 body", name)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, body); err != nil {
		b.Fatal(err)
	}
	return compact.Bytes()
}

// pools200 is a page of 200 pools: the pool of PoolGet_UpgradePolicy.json
// (1.8 KB) named pool0…pool199, in a list as the service sends it.
func pools200(b *testing.B) []byte {
	pool := payload(b, "PoolGet_UpgradePolicy.json")
	var buf bytes.Buffer
	buf.WriteString(`{"value":[`)
	for i := range 200 {
		if i > 0 {
			buf.WriteByte(',')
		}
		name := fmt.Sprintf("pool%d", i)
		p := bytes.Replace(pool, []byte(`"name":"testpool"`), []byte(`"name":"`+name+`"`), 1)
		p = bytes.Replace(p, []byte(`/pools/testpool"`), []byte(`/pools/`+name+`"`), 1)
		if bytes.Equal(p, pool) {
			b.Fatal("the pool example has no name testpool")
		}
		buf.Write(p)
	}
	buf.WriteString(`]}`)
	return buf.Bytes()
}

type codecCase struct {
	name string
	data []byte
	new  func() any // a new value of the payload's type
}

func cases(b *testing.B) []codecCase {
	return []codecCase{
		{"BatchAccount", payload(b, "BatchAccountGet.json"), func() any { return new(PKG.BatchAccount) }},
		{"Pool", payload(b, "PoolGet_UpgradePolicy.json"), func() any { return new(PKG.Pool) }},
		{"PoolList", payload(b, "PoolList.json"), func() any { return new(PKG.ListPoolsResult) }},
		{"Pools200", pools200(b), func() any { return new(PKG.ListPoolsResult) }},
	}
}

// BenchmarkDecode decodes each payload into a new value of its type with
// the type's UnmarshalJSON (what the client does with a response body),
// with json.Unmarshal (which checks the text, then calls it), and into a
// map[string]any with encoding/json, for scale.
func BenchmarkDecode(b *testing.B) {
	for _, c := range cases(b) {
		b.Run("payload="+c.name+"/codec=model", func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			b.ReportAllocs()
			for b.Loop() {
				if err := c.new().(json.Unmarshaler).UnmarshalJSON(c.data); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("payload="+c.name+"/codec=model-via-encoding-json", func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			b.ReportAllocs()
			for b.Loop() {
				if err := json.Unmarshal(c.data, c.new()); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("payload="+c.name+"/codec=map", func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			b.ReportAllocs()
			for b.Loop() {
				var m map[string]any
				if err := json.Unmarshal(c.data, &m); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEncode encodes a decoded value of each payload with its
// MarshalJSON, with json.Marshal, and the map[string]any for scale.
func BenchmarkEncode(b *testing.B) {
	for _, c := range cases(b) {
		v := c.new()
		if err := json.Unmarshal(c.data, v); err != nil {
			b.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(c.data, &m); err != nil {
			b.Fatal(err)
		}
		b.Run("payload="+c.name+"/codec=model", func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := v.(json.Marshaler).MarshalJSON(); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("payload="+c.name+"/codec=model-via-encoding-json", func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := json.Marshal(v); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("payload="+c.name+"/codec=map", func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := json.Marshal(m); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
