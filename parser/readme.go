package parser

import (
	"os"

	"github.com/armgen/armgen/ir"
	"github.com/armgen/armgen/parser/internal/readme"
)

// Readme is what an AutoRest readme says about one tag: its input files and
// the renames its directives ask for.
type Readme = readme.Readme

// ReadReadme reads an AutoRest readme (the readme.md beside a service's
// specs in azure-rest-api-specs) and returns the input files of tag, or of
// the default tag when tag is "". It checks that each file can be read
// (with opts.ReadFile), so that a missing file is reported against the
// readme line that names it.
func ReadReadme(name, tag string, opts Options) (*Readme, ir.Diagnostics) {
	readFile := opts.ReadFile
	if readFile == nil {
		readFile = os.ReadFile
	}
	return readme.Read(name, tag, readFile)
}
