package parser

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi2"

	"github.com/armgen/armgen/ir"
)

// Options configure Parse. The zero value reads from the operating system
// with DefaultLimits.
type Options struct {
	// ReadFile reads a file by a slash-separated path: one Parse was given,
	// or one joined from a $ref. Nil reads it from disk (refusing one over
	// Limits.MaxFileBytes unread, by its size). The bytes it
	// returns become the parser's, and the API's strings share them: they
	// must not change afterwards.
	ReadFile func(name string) ([]byte, error)
	// Root bounds the files $refs may reach: a reference outside it is an
	// error. Empty means the directory above the nearest "specification"
	// directory of the first spec (the layout of azure-rest-api-specs), or
	// else the first spec's own directory.
	Root string
	// Limits bound input size and depth; zero fields take DefaultLimits.
	Limits Limits
	// Examples reads the x-ms-examples files too, for example tests.
	Examples bool
}

// file is one spec file read into both forms: the node tree, where
// positions, key order and $ref siblings live, and kin-openapi's typed
// Swagger 2.0 document.
type file struct {
	name string // slash path, as given or joined; the file part of pointers
	tree *node
	// doc is kin-openapi's reading of the file but for its sections,
	// which it reads apart (kin.go); nil when the file had errors.
	doc *openapi2.T
	// input marks a file named by the caller, as opposed to one reached
	// through a $ref: all of an input's paths and definitions are generated.
	input bool
	// parts caches kin-openapi's readings of the parts of the file that
	// doc does not hold, or why it could not read them (kin.go).
	parts map[*node]any
	// caseKeys are the keys that differ only in case from a field of
	// kin-openapi's types, which armgen ignores (with a warning) and
	// kin-openapi must not read.
	caseKeys []caseKey
	drop     map[*node]map[string]bool // caseKeys by node, once needed
	// diags are the parts of the file kin-openapi could not read.
	diags ir.Diagnostics
	// meter bounds what kin-openapi reads (nil: no bound).
	meter *decodeMeter
}

func (f *file) ptr(tokens ...string) ir.Pointer {
	return f.ptr2(tokens, nil)
}

// ptr2 is ptr of the tokens of a site followed by extra ones, built in one
// buffer: every IR node carries a pointer, so this runs per property.
func (f *file) ptr2(tokens, extra []string) ir.Pointer {
	n := len(f.name) + 1
	for _, t := range tokens {
		n += len(t) + 1
	}
	for _, t := range extra {
		n += len(t) + 1
	}
	var b strings.Builder
	b.Grow(n)
	b.WriteString(f.name)
	b.WriteByte('#')
	for _, list := range [2][]string{tokens, extra} {
		for _, t := range list {
			b.WriteByte('/')
			b.WriteString(escapeToken(t))
		}
	}
	return ir.Pointer(b.String())
}

// loader reads files once each, by cleaned path.
type loader struct {
	opts  Options
	root  string
	files map[string]*file
	diags ir.Diagnostics
	// working and checking say what the loader is reading, for the report
	// of a panic: a file, and the checker walking it.
	working  ir.Pointer
	checking *checker
	// declared counts the input files' definitions and operations.
	declared int
	// meter counts what kin-openapi reads, for every file.
	meter *decodeMeter
}

func newLoader(opts Options, first string) *loader {
	l := opts.Limits
	d := DefaultLimits
	if l.MaxFileBytes == 0 {
		l.MaxFileBytes = d.MaxFileBytes
	}
	if l.MaxDepth == 0 {
		l.MaxDepth = d.MaxDepth
	}
	if l.MaxRefDepth == 0 {
		l.MaxRefDepth = d.MaxRefDepth
	}
	if l.MaxFiles == 0 {
		l.MaxFiles = d.MaxFiles
	}
	if l.MaxNodes == 0 {
		l.MaxNodes = d.MaxNodes
	}
	if l.MaxDeclarations == 0 {
		l.MaxDeclarations = d.MaxDeclarations
	}
	if l.MaxDecodeBytes == 0 {
		l.MaxDecodeBytes = d.MaxDecodeBytes
	}
	opts.Limits = l
	if opts.ReadFile == nil {
		opts.ReadFile = func(name string) ([]byte, error) { return readFileLimited(name, l.MaxFileBytes) }
	}
	root := path.Clean(opts.Root)
	if opts.Root == "" {
		root = defaultRoot(first)
	}
	return &loader{opts: opts, root: root, files: map[string]*file{},
		meter: &decodeMeter{limit: int64(l.MaxDecodeBytes)}}
}

// defaultRoot is the directory above "specification" when the spec lives in
// an azure-rest-api-specs checkout (common-types sit beside the services
// there), else the spec's own directory.
func defaultRoot(spec string) string {
	dir := path.Dir(path.Clean(spec))
	for d := dir; ; {
		if path.Base(d) == "specification" {
			return path.Dir(d)
		}
		parent := path.Dir(d)
		if parent == d || d == "." || d == ".." || strings.HasSuffix(d, "/..") {
			return dir
		}
		d = parent
	}
}

// within reports whether name is inside the root directory.
func (l *loader) within(name string) bool {
	if l.root == "." {
		return name != ".." && !strings.HasPrefix(name, "../") && !path.IsAbs(name)
	}
	return name == l.root || strings.HasPrefix(name, l.root+"/") || l.root == "/"
}

// load reads, checks and decodes a file, or returns the one already loaded.
// from locates the $ref that asked for it ("" for an input file).
func (l *loader) load(name string, input bool, from ir.Pointer) *file {
	// Not deferred: after a panic, working must still say where it was.
	prev := l.working
	l.working = ir.Pointer(path.Clean(name))
	f := l.loadFile(name, input, from)
	l.working = prev
	return f
}

func (l *loader) loadFile(name string, input bool, from ir.Pointer) *file {
	name = path.Clean(name)
	if f, ok := l.files[name]; ok {
		f.input = f.input || input
		return f
	}
	f := &file{name: name, input: input, meter: l.meter}
	l.files[name] = f
	if len(l.files) > l.opts.Limits.MaxFiles {
		l.diags.Add(from, "more than %d files are referenced", l.opts.Limits.MaxFiles)
		return f
	}
	data, err := l.opts.ReadFile(name)
	if err == nil && len(data) > l.opts.Limits.MaxFileBytes {
		err = errTooLarge
	}
	if err != nil {
		l.readError(name, from, err)
		return f
	}
	if msg, hint := sniff(data); msg != "" {
		l.diags = append(l.diags, ir.Diagnostic{Pointer: f.ptr(), Message: msg, Hint: hint})
		return f
	}
	data = trimBOM(data)
	var errs []syntaxError
	if isYAML(name, data) {
		f.tree, errs = parseYAML(data, l.opts.Limits)
	} else {
		f.tree, errs = parseJSON(data, l.opts.Limits)
	}
	for _, e := range errs {
		msg := e.msg
		if e.line > 0 {
			msg = "line " + itoa(e.line) + ", column " + itoa(e.col) + ": " + msg
			if e.col == 0 {
				msg = "line " + itoa(e.line) + ": " + e.msg
			}
		}
		l.diags = append(l.diags, ir.Diagnostic{Pointer: ir.Pointer(name + "#" + e.pointer), Message: msg})
	}
	if f.tree == nil {
		return f
	}
	if f.tree.kind != kindObject {
		l.diags = append(l.diags, ir.Diagnostic{Pointer: f.ptr(),
			Message: "the document is " + article(f.tree.kind) + ", not an object",
			Hint:    `a spec is an object that begins with "swagger": "2.0"`})
		f.tree = nil
		return f
	}
	if !l.checkVersion(f) || len(errs) > 0 || input && l.tooLarge(f) {
		return f
	}
	before := len(l.diags)
	l.checkDocument(f)
	if hasErrorsSince(l.diags, before) {
		return f
	}
	doc, err := f.decode()
	if err != nil {
		// The keyword checks should have caught what kin-openapi rejects;
		// say what it said rather than guess a location.
		l.diags.Add(f.ptr(), "cannot decode the document: %v", err)
		return f
	}
	if f.diags.HasErrors() {
		// Some of an input's members: reported now, the file unread.
		l.diags = append(l.diags, f.diags...)
		f.diags = nil
		return f
	}
	f.doc = doc
	return f
}

// trimBOM drops a UTF-8 byte order mark, which some editors write.
func trimBOM(data []byte) []byte {
	return bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
}

// readError reports a file that cannot be read: at the file itself when
// it is an input, else at the $ref that names it.
func (l *loader) readError(name string, from ir.Pointer, err error) {
	var why, hint string
	switch {
	case errors.Is(err, fs.ErrNotExist):
		why = "no such file"
		if from != "" {
			hint = "a $ref's file path is relative to the file the $ref is in"
		}
	case errors.Is(err, errTooLarge):
		why = "the file is larger than the limit of " + sizeText(l.opts.Limits.MaxFileBytes)
	default:
		why = unwrapPathError(err).Error()
	}
	if from == "" {
		l.diags = append(l.diags, ir.Diagnostic{Pointer: ir.Pointer(name), Message: "cannot read the spec: " + why, Hint: hint})
		return
	}
	l.diags = append(l.diags, ir.Diagnostic{Pointer: from, Message: "cannot read " + name + ": " + why, Hint: hint})
}

// sizeText renders a byte count for a message.
func sizeText(n int) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return itoa(n>>20) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return itoa(n>>10) + " KiB"
	}
	return itoa(n) + " bytes"
}

func hasErrorsSince(ds ir.Diagnostics, from int) bool {
	return ds[from:].HasErrors()
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// isYAML decides the format: by extension, else by the first character
// (every JSON spec starts with '{').
func isYAML(name string, data []byte) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".yaml", ".yml":
		return true
	case ".json":
		return false
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	return len(trimmed) > 0 && trimmed[0] != '{' && trimmed[0] != '['
}

// checkVersion accepts Swagger 2.0 only, and says so.
func (l *loader) checkVersion(f *file) bool {
	const supported = `armgen reads Swagger 2.0 documents ("swagger": "2.0")`
	if v := f.tree.get("openapi"); v != nil {
		l.diags = append(l.diags, ir.Diagnostic{Pointer: f.ptr("openapi"),
			Message: "OpenAPI " + scalarText(v) + " is not supported", Hint: supported})
		return false
	}
	if v := f.tree.get("swaggerVersion"); v != nil {
		l.diags = append(l.diags, ir.Diagnostic{Pointer: f.ptr("swaggerVersion"),
			Message: "Swagger " + scalarText(v) + " is not supported", Hint: supported})
		return false
	}
	v := f.tree.get("swagger")
	if v == nil {
		if f.input {
			l.diags = append(l.diags, ir.Diagnostic{Pointer: f.ptr(),
				Message: `no "swagger" version: this is not a Swagger document`, Hint: supported})
			return false
		}
		// A file reached by $ref may be a bare fragment of definitions.
		return true
	}
	if v.kind != kindString {
		l.diags = append(l.diags, ir.Diagnostic{Pointer: f.ptr("swagger"),
			Message: `"swagger" must be the string "2.0", not the ` + v.kind.String() + " " + scalarText(v), Hint: supported})
		return false
	}
	if v.str != "2.0" {
		l.diags = append(l.diags, ir.Diagnostic{Pointer: f.ptr("swagger"),
			Message: "Swagger version " + scalarText(v) + " is not supported", Hint: supported})
		return false
	}
	return true
}

// scalarText renders a node for a message: strings quoted, others as JSON.
func scalarText(n *node) string {
	switch n.kind {
	case kindString:
		q, _ := json.Marshal(n.str)
		return string(q)
	case kindObject:
		return "an object"
	case kindArray:
		return "an array"
	}
	return n.str
}

func itoa(i int) string { return strconv.Itoa(i) }
