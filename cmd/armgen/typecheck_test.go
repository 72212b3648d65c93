package main

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// The standard library is type-checked from source once, for every test:
// that is most of the cost of checking a generated package.
var (
	checkMu   sync.Mutex
	checkFset = token.NewFileSet()
	stdlib    = importer.ForCompiler(checkFset, "source", nil)
)

// typeCheck parses and type-checks the Go package in dir (test files
// aside), as the compiler would.
func typeCheck(t *testing.T, dir string) {
	t.Helper()
	checkMu.Lock()
	defer checkMu.Unlock()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") || strings.HasSuffix(e.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(checkFset, filepath.Join(dir, e.Name()), nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		t.Fatalf("no Go files in %s", dir)
	}
	conf := types.Config{Importer: stdlib}
	if _, err := conf.Check(files[0].Name.Name, checkFset, files, nil); err != nil {
		t.Fatalf("the generated package does not type-check: %v", err)
	}
}
