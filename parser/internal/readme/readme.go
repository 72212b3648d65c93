// Package readme reads AutoRest readmes for the parser: which spec files
// make up a tag, and the directives that rename.
package readme

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v4"

	"github.com/armgen/armgen/ir"
)

// An AutoRest readme (readme.md beside a service's specs in
// azure-rest-api-specs) is Markdown whose fenced ```yaml blocks configure
// AutoRest. The basic block names the default tag; each tag's block,
// guarded by a condition such as $(tag) == 'package-2024-02', lists its
// spec files under input-file. armgen reads that, which files make up a
// tag, evaluating each guard as AutoRest would when run with --tag and no
// language flag, so that blocks for $(go), $(java), $(csharp)... add no
// files; and the directives that rename (directives.go). It ignores every
// other setting (output folders and the like), which configure AutoRest's
// own generators.
//
// Problems are located as "readme.md#L42" (the line, as GitHub anchors
// it) and name the block by its Markdown heading.

// Readme is what a readme says about one tag.
type Readme struct {
	// Tag is the tag used: the one asked for, else the readme's default.
	Tag string
	// Files are the tag's input files in the readme's order, joined to the
	// readme's directory (slash-separated), without duplicates.
	Files []string
	// Renames are those the readme's directives ask for, with those of
	// readme.go.md beside it (directives.go).
	Renames []ir.Rename
}

// Read reads an AutoRest readme and returns the input files of tag, or of
// the default tag when tag is "". It checks that each file can be read
// (with readFile, which reads a slash-separated path), so that a missing
// file is reported against the readme line that names it.
func Read(name, tag string, readFile func(string) ([]byte, error)) (*Readme, ir.Diagnostics) {
	name = path.Clean(name)
	var diags ir.Diagnostics
	data, err := readFile(name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			diags.Add(ir.Pointer(name), "cannot read %s: no such file", name)
		} else {
			diags.Add(ir.Pointer(name), "cannot read %s: %v", name, unwrapPathError(err))
		}
		return nil, diags
	}
	blocks := readmeBlocks(string(data))
	r := &readme{name: name, blocks: blocks}
	return r.inputs(tag, readFile)
}

// readmeBlock is one fenced yaml block.
type readmeBlock struct {
	line    int    // of the opening fence, 1-based
	heading string // the nearest Markdown heading above it, "" at the top
	guard   string // the condition after "yaml", "" for none
	body    string
}

type readme struct {
	name   string
	blocks []readmeBlock
	diags  ir.Diagnostics
}

func (r *readme) at(line int) ir.Pointer {
	return ir.Pointer(r.name + "#L" + strconv.Itoa(line))
}

// where names a block for messages.
func (b *readmeBlock) where() string {
	s := "the yaml block"
	if b.guard != "" {
		s += " " + b.guard
	}
	if b.heading != "" {
		s += " under " + strconv.Quote(b.heading)
	}
	return s
}

func (r *readme) inputs(tag string, readFile func(string) ([]byte, error)) (*Readme, ir.Diagnostics) {
	// The default tag comes from the blocks without a guard; the first
	// that sets one wins.
	asked := tag
	if tag == "" {
		for i := range r.blocks {
			b := &r.blocks[i]
			if b.guard != "" {
				continue
			}
			doc, ok := r.decode(b)
			if !ok {
				continue
			}
			if v := mappingValue(doc, "tag"); v != nil {
				if v.Kind != yaml.ScalarNode || v.Value == "" {
					r.diags.Add(r.at(b.line+v.Line), "tag must be a non-empty string in %s", b.where())
					continue
				}
				tag = v.Value
				break
			}
		}
		if tag == "" && !r.diags.HasErrors() {
			r.diags = append(r.diags, ir.Diagnostic{Pointer: ir.Pointer(r.name),
				Message: "the readme names no default tag (tag: in a yaml block without a condition)",
				Hint:    "pass -tag" + r.tagList()})
		}
		if r.diags.HasErrors() {
			return nil, r.diags.Sort()
		}
	}

	out := &Readme{Tag: tag}
	vars := map[string]string{"tag": tag}
	tagged := false // a block guarded by this tag applied
	for i := range r.blocks {
		b := &r.blocks[i]
		if b.guard != "" {
			g, err := parseGuard(b.guard)
			if err != nil {
				r.diags.Add(r.at(b.line), "cannot read the condition %q of %s: %v", b.guard, b.where(), err)
				continue
			}
			if !g.eval(vars).truthy() {
				continue
			}
			tagged = tagged || g.mentions("tag")
		}
		doc, ok := r.decode(b)
		if !ok {
			continue
		}
		v := mappingValue(doc, "input-file")
		if v == nil {
			continue
		}
		var items []*yaml.Node
		switch v.Kind {
		case yaml.ScalarNode:
			items = []*yaml.Node{v}
		case yaml.SequenceNode:
			items = v.Content
		default:
			r.diags.Add(r.at(b.line+v.Line), "input-file must be a file or a list of files in %s", b.where())
			continue
		}
		for _, item := range items {
			line := b.line + item.Line
			if item.Kind != yaml.ScalarNode || strings.TrimSpace(item.Value) == "" {
				r.diags.Add(r.at(line), "an input-file entry must be a file name in %s", b.where())
				continue
			}
			file := r.resolve(item.Value)
			if slices.Contains(out.Files, file) {
				continue
			}
			if _, err := readFile(file); err != nil {
				why := "no such file"
				if !errors.Is(err, fs.ErrNotExist) {
					why = unwrapPathError(err).Error()
				}
				r.diags = append(r.diags, ir.Diagnostic{Pointer: r.at(line),
					Message: fmt.Sprintf("input-file %s of tag %q (%s) cannot be read: %s", item.Value, tag, b.where(), why),
					Hint:    "the path is relative to the readme's directory"})
				continue
			}
			out.Files = append(out.Files, file)
		}
	}
	if r.diags.HasErrors() {
		return nil, r.diags.Sort()
	}
	if !tagged {
		what := fmt.Sprintf("no yaml block applies to tag %q", tag)
		if asked == "" {
			what = fmt.Sprintf("no yaml block applies to the default tag %q", tag)
		}
		r.diags = append(r.diags, ir.Diagnostic{Pointer: ir.Pointer(r.name), Message: what,
			Hint: "the tags are those in conditions like $(tag) == 'package-2024-02'" + r.tagList()})
		return nil, r.diags.Sort()
	}
	if len(out.Files) == 0 {
		r.diags.Add(ir.Pointer(r.name), "tag %q lists no input-file", tag)
		return nil, r.diags.Sort()
	}
	out.Renames = r.directives(tag)
	// The Go settings live beside the readme, in readme.go.md.
	if goName := path.Join(path.Dir(r.name), "readme.go.md"); goName != r.name {
		if data, err := readFile(goName); err == nil {
			g := &readme{name: goName, blocks: readmeBlocks(string(data))}
			out.Renames = append(out.Renames, g.directives(tag)...)
			r.diags = append(r.diags, g.diags...)
		}
	}
	return out, r.diags.Sort()
}

// tagList lists the tags the readme's conditions name, for a hint.
func (r *readme) tagList() string {
	var tags []string
	for _, b := range r.blocks {
		g, err := parseGuard(b.guard)
		if err != nil || g == nil {
			continue
		}
		for _, t := range g.compared("tag") {
			if !slices.Contains(tags, t) {
				tags = append(tags, t)
			}
		}
	}
	if len(tags) == 0 {
		return ""
	}
	return "; this readme has " + strings.Join(tags, ", ")
}

// resolve joins an input-file to the readme's directory, which AutoRest's
// $(this-folder) also names.
func (r *readme) resolve(file string) string {
	dir := path.Dir(r.name)
	file = strings.ReplaceAll(strings.TrimSpace(file), `\`, "/")
	if rest, ok := strings.CutPrefix(file, "$(this-folder)"); ok {
		return path.Join(dir, rest)
	}
	if path.IsAbs(file) {
		return path.Clean(file)
	}
	return path.Join(dir, file)
}

// decode reads a block's YAML, reporting a syntax error at its line.
func (r *readme) decode(b *readmeBlock) (*yaml.Node, bool) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(b.body), &doc); err != nil {
		line, msg := yamlError(err)
		r.diags.Add(r.at(b.line+max(line, 1)), "%s in %s", msg, b.where())
		return nil, false
	}
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		return doc.Content[0], true
	}
	return nil, true // an empty block
}

// mappingValue returns the value of key in a YAML mapping, or nil.
func mappingValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// readmeBlocks finds the fenced yaml blocks of a Markdown text (CommonMark
// fences: ``` or ~~~, up to three spaces of indent, closed by a fence of
// the same character at least as long).
func readmeBlocks(text string) []readmeBlock {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var blocks []readmeBlock
	heading := ""
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		fence, info, ok := openingFence(line)
		if !ok {
			if h, ok := markdownHeading(line); ok {
				heading = h
			}
			continue
		}
		start := i
		var body []string
		for i++; i < len(lines); i++ {
			if closesFence(lines[i], fence) {
				break
			}
			body = append(body, lines[i])
		}
		lang, guard, _ := strings.Cut(strings.TrimSpace(info), " ")
		if !strings.EqualFold(lang, "yaml") {
			continue
		}
		blocks = append(blocks, readmeBlock{
			line:    start + 1,
			heading: heading,
			guard:   strings.TrimSpace(guard),
			body:    strings.Join(body, "\n"),
		})
	}
	return blocks
}

func openingFence(line string) (fence, info string, ok bool) {
	trimmed := strings.TrimLeft(line, " ")
	if len(line)-len(trimmed) > 3 {
		return "", "", false
	}
	for _, c := range []string{"`", "~"} {
		n := len(trimmed) - len(strings.TrimLeft(trimmed, c))
		if n >= 3 {
			info = trimmed[n:]
			if c == "`" && strings.Contains(info, "`") {
				return "", "", false
			}
			return trimmed[:n], info, true
		}
	}
	return "", "", false
}

func closesFence(line, fence string) bool {
	trimmed := strings.TrimLeft(line, " ")
	if len(line)-len(trimmed) > 3 || !strings.HasPrefix(trimmed, fence) {
		return false
	}
	return strings.TrimSpace(strings.TrimLeft(trimmed, fence[:1])) == ""
}

// markdownHeading reads an ATX heading ("### Tag: package-2024-02").
func markdownHeading(line string) (string, bool) {
	trimmed := strings.TrimLeft(line, " ")
	if len(line)-len(trimmed) > 3 || !strings.HasPrefix(trimmed, "#") {
		return "", false
	}
	text := strings.TrimLeft(trimmed, "#")
	if len(trimmed)-len(text) > 6 || text != "" && text[0] != ' ' && text[0] != '\t' {
		return "", false
	}
	return strings.TrimSpace(strings.TrimRight(strings.TrimSpace(text), "#")), true
}

// unwrapPathError drops the operation and path of a file error: messages
// name the file themselves.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// yamlError splits a YAML error into its line (0 when it names none) and
// what it says.
func yamlError(err error) (line int, msg string) {
	msg = strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, after, ok := strings.Cut(rest, ":"); ok {
			if l, err := strconv.Atoi(num); err == nil {
				line, msg = l, strings.TrimSpace(after)
			}
		}
	}
	return line, "invalid YAML: " + msg
}
