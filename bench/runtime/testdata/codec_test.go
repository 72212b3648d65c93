package batch_test

// Benchmarks of the generated types on the Batch examples; bench/runtime
// copies this file beside the generated package (testdata keeps it out of
// armgen's own build).

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"example.com/runtimebench/batch"
)

// payload reads the 200 response body of an x-ms-examples file.
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

// roundTrip measures decoding the payload into a new T and encoding it back.
// Generic is the same with map[string]any, for scale: what encoding/json
// costs without types.
func roundTrip[T any](b *testing.B, file string) {
	data := payload(b, file)
	b.Run("Decode", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			v := new(T)
			if err := json.Unmarshal(data, v); err != nil {
				b.Fatal(err)
			}
		}
	})
	v := new(T)
	if err := json.Unmarshal(data, v); err != nil {
		b.Fatal(err)
	}
	b.Run("Encode", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := json.Marshal(v); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("DecodeGeneric", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var m map[string]any
			if err := json.Unmarshal(data, &m); err != nil {
				b.Fatal(err)
			}
		}
	})
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		b.Fatal(err)
	}
	b.Run("EncodeGeneric", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := json.Marshal(m); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkBatchAccount(b *testing.B) { roundTrip[batch.BatchAccount](b, "BatchAccountGet.json") }

func BenchmarkPoolVirtualMachine(b *testing.B) {
	roundTrip[batch.Pool](b, "PoolGet_UpgradePolicy.json")
}

func BenchmarkPoolListPage(b *testing.B) { roundTrip[batch.ListPoolsResult](b, "PoolList.json") }
