package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/armgen/armgen/emit"
	"github.com/armgen/armgen/internal/crash"
	"github.com/armgen/armgen/internal/outdir"
	"github.com/armgen/armgen/ir"
	"github.com/armgen/armgen/parser"
	"github.com/armgen/armgen/spec"
)

// Exit statuses, as documented in the README.
const (
	exitOK    = 0
	exitInput = 1 // bad input, a generation error, or -check found the output stale
	exitUsage = 2
)

const usage = `usage: armgen [-spec FILE]... -out DIR [-package NAME] [-check] [-examples] [-fakes [-import-path PATH]] [-strict] [-root DIR] [-rename POINTER=GoName]... [-renames FILE]
       armgen -readme README.md [-tag TAG] -out DIR [flags]
       armgen diff [-format text|json|markdown] [-fail-on-breaking] OLD NEW

Generates a Go package from an Azure Resource Manager spec (Swagger 2.0),
or from the input files of a tag of an AutoRest readme. With neither, generates
from the embedded default: the Batch account Update operation, api-version
2024-02-01. "armgen diff -h" explains diff.

Flags:
`

// run is the whole command, testable in-process. Any panic becomes an
// "internal error" with exit status 1 rather than a stack trace.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) (code int) {
	// working is what run is busy with (a spec, the output directory), so
	// that a panic is reported there, on one line, not as a stack trace.
	working := ir.Pointer("armgen")
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintln(stderr, crash.Diagnostic(working, r).String())
			code = exitInput
		}
	}()
	if len(args) > 0 && args[0] == "diff" {
		return runDiff(ctx, args[1:], stdout, stderr)
	}
	fl := flag.NewFlagSet("armgen", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprint(stderr, usage)
		fl.PrintDefaults()
	}
	var specs []string
	fl.Func("spec", "a spec `FILE` (JSON or YAML); repeat for an API split over several files", func(s string) error {
		specs = append(specs, s)
		return nil
	})
	out := fl.String("out", "", "the output `DIR`ectory (required)")
	pkg := fl.String("package", "", "the Go package `NAME` (default: the base name of -out)")
	check := fl.Bool("check", false, "write nothing; report what differs and exit 1 when -out is stale")
	examples := fl.Bool("examples", false, "also write examples_test.go, a test per x-ms-examples entry")
	fakes := fl.Bool("fakes", false, "also write DIR/fake, a package that serves the operations in process for tests")
	importPathFlag := fl.String("import-path", "", "the import `PATH` of the package in -out, which DIR/fake imports (default: from the go.mod in -out or above)")
	strict := fl.Bool("strict", false, "treat warnings as errors")
	root := fl.String("root", "", "the `DIR` $refs may not leave (default: see README)")
	readme := fl.String("readme", "", "an AutoRest `README.md`: generate from the input files of its -tag")
	tag := fl.String("tag", "", "the readme's `TAG` (default: the readme's default tag)")
	var renames []ir.Rename
	fl.Func("rename", "name what `POINTER=GoName` points at GoName (a definition, property, enum, enum value, operation or #/operationGroups/Group); repeatable", func(s string) error {
		r, err := parser.ParseRename(s, ir.Pointer("-rename "+s))
		renames = append(renames, r)
		return err
	})
	renamesFile := fl.String("renames", "", "a `FILE` of renames, one POINTER=GoName per line (see README)")
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "armgen: unexpected argument %q\n", fl.Arg(0))
		fl.Usage()
		return exitUsage
	}
	if *readme != "" && len(specs) > 0 {
		fmt.Fprintln(stderr, "armgen: -readme and -spec are exclusive")
		fl.Usage()
		return exitUsage
	}
	if *tag != "" && *readme == "" {
		fmt.Fprintln(stderr, "armgen: -tag needs -readme")
		fl.Usage()
		return exitUsage
	}
	if *out == "" {
		fmt.Fprintln(stderr, "armgen: -out is required")
		fl.Usage()
		return exitUsage
	}
	name := *pkg
	if name == "" {
		name = packageName(*out)
	}
	if !validPackage(name) {
		fmt.Fprintf(stderr, "armgen: %q is not a Go package name; pass -package\n", name)
		return exitUsage
	}
	if *importPathFlag != "" && !*fakes {
		fmt.Fprintln(stderr, "armgen: -import-path needs -fakes")
		fl.Usage()
		return exitUsage
	}
	emitOpts := emit.Options{Package: name, Examples: *examples, Fakes: *fakes, ImportPath: *importPathFlag}
	if *fakes && emitOpts.ImportPath == "" {
		path, err := importPath(*out)
		if err != nil {
			fmt.Fprintf(stderr, "armgen: -fakes needs the import path of %s: %v; pass -import-path\n", *out, err)
			return exitUsage
		}
		emitOpts.ImportPath = path
	}

	opts := parser.Options{Root: filepath.ToSlash(*root), Examples: *examples}
	var files []string
	if *renamesFile != "" {
		more, diags := parser.ReadRenames(filepath.ToSlash(*renamesFile), parser.Options{})
		report(stderr, diags, *strict)
		if diags.HasErrors() {
			return exitInput
		}
		renames = append(more, renames...) // the flags' after the file's
	}
	if *readme != "" {
		var diags ir.Diagnostics
		var directives []ir.Rename
		files, directives, diags = readmeInputs(*readme, *tag)
		report(stderr, diags, *strict)
		if files == nil || *strict && len(diags) > 0 {
			return exitInput
		}
		renames = append(directives, renames...) // -rename and -renames have the last word
	} else if len(specs) == 0 {
		opts.ReadFile = func(name string) ([]byte, error) { return fs.ReadFile(spec.FS, name) }
		files = []string{spec.Default}
		working = ir.Pointer(spec.Default)
	} else {
		for _, s := range specs {
			files = append(files, filepath.ToSlash(s))
		}
		working = ir.Pointer(files[0])
	}
	if beforeGenerate != nil {
		beforeGenerate(files)
	}
	emitOpts.Renames = renames
	generated, diags := generateWith(files, opts, emitOpts)
	report(stderr, diags, *strict)
	if generated == nil || diags.HasErrors() || (*strict && len(diags) > 0) {
		return exitInput
	}
	if err := ctx.Err(); err != nil {
		fmt.Fprintln(stderr, "armgen: interrupted; nothing written")
		return exitInput
	}

	working = ir.Pointer(*out)
	plan, err := outdir.Compare(*out, emit.Header, outFiles(generated))
	if err != nil {
		fmt.Fprintf(stderr, "armgen: %v\n", err)
		return exitInput
	}
	if *check {
		if plan.Empty() {
			return exitOK
		}
		fmt.Fprint(stdout, plan.Describe())
		fmt.Fprintf(stderr, "armgen: %s is stale; run armgen without -check\n", *out)
		return exitInput
	}
	if err := plan.Apply(); err != nil {
		fmt.Fprintf(stderr, "armgen: writing %s: %v (the directory is as it was)\n", *out, err)
		return exitInput
	}
	return exitOK
}

// beforeGenerate, when set (by main: a process setting), sees the input
// files before they are read.
var beforeGenerate func(files []string)

// generate runs the pipeline in memory: parse, then emit.
func generate(files []string, opts parser.Options, pkg string, examples bool, renames []ir.Rename) ([]emit.File, ir.Diagnostics) {
	return generateWith(files, opts, emit.Options{Package: pkg, Examples: examples, Renames: renames})
}

// generateWith is generate with all of emit's options; the sources are
// the files' base names.
func generateWith(files []string, opts parser.Options, eo emit.Options) ([]emit.File, ir.Diagnostics) {
	api, diags := parser.Parse(files, opts)
	if api == nil {
		return nil, diags
	}
	eo.Sources = nil
	for _, f := range files {
		eo.Sources = append(eo.Sources, path.Base(f))
	}
	out, emitDiags := emit.Generate(api, eo)
	return out, append(diags, emitDiags...).Sort()
}

// outFiles hands the generated files to outdir, which knows only names
// and contents.
func outFiles(files []emit.File) []outdir.File {
	out := make([]outdir.File, len(files))
	for i, f := range files {
		out[i] = outdir.File{Name: f.Name, Content: f.Content}
	}
	return out
}

// report prints diagnostics one per line, warnings as errors when strict.
func report(w io.Writer, diags ir.Diagnostics, strict bool) {
	for _, d := range diags {
		if strict {
			d.Severity = ir.Error
		}
		fmt.Fprintln(w, d.String())
	}
}

// packageName derives a package name from the output directory.
func packageName(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	base := strings.ToLower(filepath.Base(abs))
	var b strings.Builder
	for _, r := range base {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func validPackage(name string) bool {
	if name == "" {
		return false
	}
	for i, r := range name {
		if !(r == '_' || r < 128 && unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}
