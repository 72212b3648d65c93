package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/armgen/armgen/diff"
	"github.com/armgen/armgen/ir"
	"github.com/armgen/armgen/parser"
)

// exitBreaking is armgen diff's status, with -fail-on-breaking, when a
// change is breaking.
const exitBreaking = 3

const diffUsage = `usage: armgen diff [-format text|json|markdown] [-fail-on-breaking] [-rename POINTER=GoName]... [-renames FILE] OLD NEW

Reports what changes from OLD to NEW for users of the package armgen
generates: Go types, fields, constants, methods, parameters and results,
and the wire (properties, required and read-only, enum values, formats,
paths, HTTP methods, status codes, long-running and pageable operations).
Each change is classified breaking or not, with the reason.

OLD and NEW are each a spec file, or an AutoRest readme and a tag:
readme.md#package-2024-02 (readme.md alone means its default tag). Renames
(-rename, -renames, a readme's directives) name both sides as generation
would.

Exit status: 0 success; 3 with -fail-on-breaking when a change is breaking;
1 bad input; 2 usage error.

Flags:
`

// runDiff is "armgen diff".
func runDiff(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("armgen diff", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprint(stderr, diffUsage)
		fl.PrintDefaults()
	}
	format := fl.String("format", "text", "the report's `FORMAT`: text (grouped like a changelog), json (the list of changes) or markdown (a CHANGELOG section)")
	failOnBreaking := fl.Bool("fail-on-breaking", false, "exit 3 when a change is breaking")
	var renames []ir.Rename
	fl.Func("rename", "name what `POINTER=GoName` points at GoName on both sides, as armgen -rename does; repeatable", func(s string) error {
		r, err := parser.ParseRename(s, ir.Pointer("-rename "+s))
		renames = append(renames, r)
		return err
	})
	renamesFile := fl.String("renames", "", "a `FILE` of renames applied to both sides, as armgen -renames reads it")
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	write := map[string]func(*diff.Report, io.Writer) error{
		"text":     (*diff.Report).Text,
		"json":     (*diff.Report).JSON,
		"markdown": (*diff.Report).Markdown,
	}[*format]
	if write == nil {
		fmt.Fprintf(stderr, "armgen diff: unknown -format %q (text, json or markdown)\n", *format)
		fl.Usage()
		return exitUsage
	}
	if fl.NArg() != 2 {
		fmt.Fprintf(stderr, "armgen diff: want OLD and NEW (flags first), got %d arguments\n", fl.NArg())
		fl.Usage()
		return exitUsage
	}

	if *renamesFile != "" {
		more, diags := parser.ReadRenames(*renamesFile, parser.Options{})
		report(stderr, diags, false)
		if diags.HasErrors() {
			fmt.Fprintln(stderr, "armgen diff: nothing compared")
			return exitInput
		}
		renames = append(more, renames...)
	}

	// Both sides are read before giving up, so that one run reports the
	// problems of both.
	var apis [2]*ir.API
	var sideRenames [2][]ir.Rename
	failed := false
	for i, arg := range fl.Args() {
		files, directives, diags := sideInputs(arg)
		sideRenames[i] = append(directives, renames...)
		if files != nil {
			var more ir.Diagnostics
			apis[i], more = parser.Parse(files, parser.Options{})
			diags = append(diags, more...).Sort()
		}
		report(stderr, diags, false)
		if apis[i] == nil || diags.HasErrors() {
			failed = true
		}
	}
	if failed {
		fmt.Fprintln(stderr, "armgen diff: nothing compared")
		return exitInput
	}
	if err := ctx.Err(); err != nil {
		fmt.Fprintln(stderr, "armgen diff: interrupted")
		return exitInput
	}
	r, diags := diff.CompareRenamed(apis[0], apis[1], sideRenames[0], sideRenames[1])
	report(stderr, diags, false)
	if r == nil {
		fmt.Fprintln(stderr, "armgen diff: nothing compared")
		return exitInput
	}
	if err := write(r, stdout); err != nil {
		fmt.Fprintf(stderr, "armgen diff: %v\n", err)
		return exitInput
	}
	if *failOnBreaking && r.Breaking() {
		n, _, _ := r.Counts()
		fmt.Fprintf(stderr, "armgen diff: %d breaking changes\n", n)
		return exitBreaking
	}
	return exitOK
}
