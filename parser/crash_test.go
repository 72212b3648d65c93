package parser

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
)

// A panic inside Parse (here from a ReadFile that panics, standing in for
// a bug) comes back as an internal-error diagnostic at the spec location
// being read, beside what was found before; Parse itself does not panic.
func TestParseTurnsPanicsIntoDiagnostics(t *testing.T) {
	files := map[string]string{
		"spec.json": `{"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": {},
			"definitions": {"Thing": {"type": "object", "properties": {
				"bad": {"$ref": "#/definitions/Missing"},
				"x": {"$ref": "other.json#/definitions/X"}}}}}`,
	}
	readFile := func(name string) ([]byte, error) {
		if name == "other.json" {
			panic("boom")
		}
		if s, ok := files[name]; ok {
			return []byte(s), nil
		}
		return nil, fs.ErrNotExist
	}
	api, diags := Parse([]string{"spec.json"}, Options{ReadFile: readFile})
	if api != nil {
		t.Error("Parse returned an API after a panic")
	}
	got := diags.Error()
	for _, want := range []string{
		`spec.json#/definitions/Thing/properties/bad/$ref: reference "#/definitions/Missing" points to nothing`,
		"other.json: internal error: boom (at parser/crash_test.go:",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
}

// The input file being read is the location when nothing more precise is
// known.
func TestParsePanicInInputRead(t *testing.T) {
	readFile := func(name string) ([]byte, error) { panic(errors.New("disk on fire")) }
	_, diags := Parse([]string{"dir/spec.json"}, Options{ReadFile: readFile})
	if len(diags) != 1 || diags[0].Pointer != "dir/spec.json" || !strings.Contains(diags[0].Message, "internal error: disk on fire") {
		t.Fatalf("got %v", diags)
	}
}
