package main

import (
	"path/filepath"
	"strings"

	"github.com/armgen/armgen/ir"
	"github.com/armgen/armgen/parser"
)

// readmeInputs returns the spec files of a tag of an AutoRest readme (the
// default tag when tag is ""), and the renames its directives ask for.
func readmeInputs(readme, tag string) ([]string, []ir.Rename, ir.Diagnostics) {
	r, diags := parser.ReadReadme(filepath.ToSlash(readme), tag, parser.Options{})
	if r == nil {
		return nil, nil, diags
	}
	return r.Files, r.Renames, diags
}

// sideInputs reads one side of armgen diff: a spec file, or an AutoRest
// readme with an optional tag ("readme.md#package-2024-02").
func sideInputs(arg string) ([]string, []ir.Rename, ir.Diagnostics) {
	file, tag, _ := strings.Cut(arg, "#")
	if isReadme(file) {
		return readmeInputs(file, tag)
	}
	return []string{filepath.ToSlash(arg)}, nil, nil
}

// isReadme tells an AutoRest readme from a spec by its extension.
func isReadme(name string) bool {
	return strings.EqualFold(filepath.Ext(name), ".md")
}
