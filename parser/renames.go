package parser

import (
	"errors"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/armgen/armgen/ir"
)

// A renames file lists renames as -rename takes them, one per line, to
// keep beside a go:generate line:
//
//	# Two ErrorResponse definitions: name common-types' apart.
//	common-types/resource-management/v5/types.json#/definitions/ErrorResponse=CommonErrorResponse
//	#/definitions/Pool/properties/vmSize = VMSizeName
//
// Blank lines and comments (a line starting with "//", or with "#" not
// followed by "/", which starts a pointer) are skipped. Each rename is
// POINTER=GoName, split at the last "=".

// ParseRename reads one rename, POINTER=GoName, as -rename takes it; from
// says where it was given, for messages.
func ParseRename(text string, from ir.Pointer) (ir.Rename, error) {
	i := strings.LastIndexByte(text, '=')
	if i < 0 {
		return ir.Rename{}, errors.New("a rename is POINTER=GoName")
	}
	target, name := strings.TrimSpace(text[:i]), strings.TrimSpace(text[i+1:])
	switch {
	case target == "":
		return ir.Rename{}, errors.New("a rename needs a pointer before \"=\", such as #/definitions/Name")
	case !strings.Contains(target, "#"):
		return ir.Rename{}, errors.New("the pointer " + strconv.Quote(target) + " has no \"#\": write FILE#/pointer, or #/pointer for any file")
	case name == "":
		return ir.Rename{}, errors.New("a rename needs a Go name after \"=\"")
	}
	return ir.Rename{Target: ir.Pointer(target), Name: name, GoName: true, From: from}, nil
}

// ReadRenames reads a renames file (opts.ReadFile reads it).
func ReadRenames(name string, opts Options) ([]ir.Rename, ir.Diagnostics) {
	readFile := opts.ReadFile
	if readFile == nil {
		readFile = os.ReadFile
	}
	data, err := readFile(name)
	if err != nil {
		var diags ir.Diagnostics
		if errors.Is(err, fs.ErrNotExist) {
			diags.Add(ir.Pointer(name), "cannot read the renames file %s: no such file", name)
		} else {
			diags.Add(ir.Pointer(name), "cannot read the renames file %s: %v", name, unwrapPathError(err))
		}
		return nil, diags
	}
	var out []ir.Rename
	var diags ir.Diagnostics
	for i, line := range strings.Split(strings.ReplaceAll(string(trimBOM(data)), "\r\n", "\n"), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "//") || strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "#/") {
			continue
		}
		at := ir.Pointer(name + "#L" + strconv.Itoa(i+1))
		r, err := ParseRename(line, at)
		if err != nil {
			diags = append(diags, ir.Diagnostic{Pointer: at, Message: err.Error()})
			continue
		}
		out = append(out, r)
	}
	return out, diags
}
