package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// largeSpec writes a spec of n definitions, each a model with an enum, a
// map, an array and references to other definitions (so the models form
// long chains and cycles), every tenth one with an operation; desc pads
// each definition's description to make the file large.
func largeSpec(t testing.TB, n, desc int) string {
	t.Helper()
	var b bytes.Buffer
	b.WriteString(`{"swagger": "2.0", "info": {"title": "Large", "version": "1"}, "host": "example.com", "paths": {`)
	for i := 0; i < n; i += 10 {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `"/things%d/{name}": {"get": {"operationId": "Things%d_Get", "parameters": [`+
			`{"name": "name", "in": "path", "required": true, "type": "string"}, {"name": "api-version", "in": "query", "required": true, "type": "string"}],`+
			` "responses": {"200": {"description": "OK", "schema": {"$ref": "#/definitions/Model%d"}}}}}`, i, i, i)
	}
	b.WriteString("},\n\"definitions\": {")
	pad := strings.Repeat("x", desc)
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `"Model%d": {"type": "object", "description": "Model %d. %s", "properties": {`+
			`"id": {"type": "string", "readOnly": true}, "count": {"type": "integer", "format": "int32", "default": 1},`+
			` "kind": {"type": "string", "enum": ["A", "B", "C"], "x-ms-enum": {"name": "Kind%d", "modelAsString": true}},`+
			` "tags": {"type": "object", "additionalProperties": {"type": "string"}},`+
			` "next": {"$ref": "#/definitions/Model%d"}, "items": {"type": "array", "items": {"$ref": "#/definitions/Model%d"}}}}`,
			i, i, pad, i, (i+1)%n, (i*7)%n)
	}
	b.WriteString("}}\n")
	name := filepath.Join(t.TempDir(), "large.json")
	if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// runLarge runs armgen on a large spec and logs the time-independent cost
// (allocation), for the record; limits are asserted by exit status.
func runLarge(t *testing.T, spec string) (int, string) {
	t.Helper()
	info, err := os.Stat(spec)
	if err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var stderr bytes.Buffer
	code := run(context.Background(), []string{"-spec", spec, "-out", t.TempDir(), "-package", "large"}, &bytes.Buffer{}, &stderr)
	runtime.ReadMemStats(&after)
	t.Logf("%d MB spec: exit %d, %d MB allocated, %d MB obtained from the OS", info.Size()>>20, code,
		(after.TotalAlloc-before.TotalAlloc)>>20, after.Sys>>20)
	return code, stderr.String()
}

// 10,000 definitions (with 10,000 enums and 1,000 operations) generate.
func TestTenThousandDefinitions(t *testing.T) {
	if testing.Short() {
		t.Skip("takes seconds; run without -short (make test does)")
	}
	if code, stderr := runLarge(t, largeSpec(t, 10_000, 0)); code != exitOK {
		t.Fatalf("exit status %d:\n%s", code, stderr)
	}
}

// A 50 MB spec generates when what it declares is within the limits...
func TestFiftyMegabytes(t *testing.T) {
	if testing.Short() {
		t.Skip("takes seconds; run without -short (make test does)")
	}
	if code, stderr := runLarge(t, largeSpec(t, 2_000, 26_000)); code != exitOK {
		t.Fatalf("exit status %d:\n%s", code, stderr)
	}
}

// ...and stops with a resource error, quickly and without deep recursion,
// when it is 700,000 tiny definitions.
func TestFiftyMegabytesOfDefinitions(t *testing.T) {
	if testing.Short() {
		t.Skip("takes seconds; run without -short (make test does)")
	}
	const n = 700_000
	var b bytes.Buffer
	b.WriteString(`{"swagger": "2.0", "info": {"title": "Chain", "version": "1"}, "paths": {}, "definitions": {`)
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `"D%d":{"type":"object","properties":{"n":{"$ref":"#/definitions/D%d"}}}`, i, (i+1)%n)
	}
	b.WriteString("}}")
	spec := filepath.Join(t.TempDir(), "chain.json")
	if err := os.WriteFile(spec, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stderr := runLarge(t, spec)
	want := spec + "#: the API has 700000 definitions and operations, more than the limit of 50000"
	if code != exitInput || !strings.HasPrefix(stderr, want) || strings.Count(stderr, "\n") != 1 {
		t.Fatalf("exit status %d, stderr:\n%s\nwant one line beginning %q", code, stderr, want)
	}
}
