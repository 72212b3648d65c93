package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// typeCheck type-checks the Go package in dir (test files aside) as the
// compiler does: go/packages has the go command compile it, its
// dependencies' export data coming from the build cache. dir becomes a
// module of its own, so that it builds wherever it is.
func typeCheck(t *testing.T, dir string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module generated.example\n\ngo 1.26\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.NeedName | packages.NeedTypes, Dir: dir}, ".")
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) != 1 || pkgs[0].Types == nil {
		t.Fatalf("no package in %s", dir)
	}
	var errs []string
	for _, e := range pkgs[0].Errors {
		errs = append(errs, e.Error())
	}
	if len(errs) > 0 {
		t.Fatalf("the generated package does not type-check:\n%s", strings.Join(errs, "\n"))
	}
}
