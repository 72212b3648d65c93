package emit

import (
	"bytes"
	doccomment "go/doc/comment"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/armgen/armgen/emit/gocode"
	"github.com/armgen/armgen/emit/naming"
)

// goSrc writes Go source text that is already laid out as gofmt lays it
// out, for the files that grow with a spec (models.go, enums.go and the
// operation files). Building them as jennifer code and formatting them with
// go/format was most of armgen's time: their shapes are few and regular, so
// they are written directly (declarations and statements with gocode), and
// only the rare, irregular parts (polymorphic families, the client) still
// go through jennifer and gofmt. What goSrc writes must be a fixed point of
// gofmt; tests hold it to that, and the golden files to the bytes.
type goSrc struct {
	buf     textBuf
	imports map[string]bool
	// docs caches formatted doc comments: descriptions repeat a lot.
	docs map[string][]string
	// pending holds the doc comment lines of the next declaration: gofmt
	// formats them as one comment.
	pending []string
	// name is the file's, for crash reports (gen.at).
	name string
	// pkgDoc is the package's doc comment, for the file that has it.
	pkgDoc []string
}

func newGoSrc() *goSrc {
	return &goSrc{imports: map[string]bool{}, docs: map[string][]string{}}
}

// doc adds "//" lines to the doc comment of the next declaration.
func (w *goSrc) doc(lines ...string) { w.pending = append(w.pending, lines...) }

// docText adds text, wrapped (see commentLines), to the next doc comment.
func (w *goSrc) docText(text string) { w.doc(commentLines(text)...) }

// flushDoc writes the pending doc comment.
func (w *goSrc) flushDoc() {
	w.comment("", w.pending)
	w.pending = w.pending[:0]
}

// decl writes a declaration built with gocode, after its doc comment.
func (w *goSrc) decl(c gocode.Code) {
	w.flushDoc()
	p := gocode.Printer{Buf: &w.buf, Imports: w.imports}
	p.Decl(c)
	w.str("\n")
}

// structType writes a struct type declaration after its doc comment.
func (w *goSrc) structType(name string, fields []spec) {
	w.flushDoc()
	if len(fields) == 0 {
		w.str("type ", name, " struct{}\n\n")
		return
	}
	w.str("type ", name, " struct {\n")
	w.specs("\t", fields)
	w.str("}\n\n")
}

// str writes text.
func (w *goSrc) str(s ...string) {
	for _, x := range s {
		w.buf.WriteString(x)
	}
}

// comment writes "//" lines (as commentLines makes them) at an indent,
// first reformatting them as gofmt reformats a doc comment: jennifer's
// output starts every line at column 1, where gofmt reads any comment
// before a declaration, field or constant as a doc comment.
func (w *goSrc) comment(indent string, lines []string) {
	for _, l := range w.formatDoc(safeLines(lines)) {
		w.str(indent, l, "\n")
	}
}

// formatDoc reformats comment lines as go/printer does a doc comment:
// the text without the comment markers is parsed and printed by
// go/doc/comment, then marked again.
func (w *goSrc) formatDoc(lines []string) []string {
	if len(lines) == 0 {
		return nil
	}
	if plainLines(lines) {
		return lines // as go/doc/comment would give them back
	}
	var b strings.Builder
	for _, l := range lines {
		// commentLines writes "//" or "// text", never a directive
		// such as //go:generate, which gofmt would keep apart.
		text, ok := strings.CutPrefix(l, "//")
		if !ok || text != "" && text[0] != ' ' {
			panic("emit: not a plain line comment: " + l)
		}
		b.WriteString(strings.TrimPrefix(text, " "))
		b.WriteByte('\n')
	}
	key := b.String()
	if out, ok := w.docs[key]; ok {
		return out
	}
	out := docLines(key)
	w.docs[key] = out
	return out
}

// docLines formats comment text (lines ending in newlines) as
// go/doc/comment does, as "//" lines.
func docLines(text string) []string {
	var p doccomment.Parser
	var pr doccomment.Printer
	return commentMarks(string(pr.Comment(p.Parse(text))))
}

// commentMarks marks the lines of go/doc/comment's output as comments.
func commentMarks(text string) []string {
	var out []string
	for text != "" {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		switch {
		case line == "":
			line = "//"
		case strings.HasPrefix(line, "\t"):
			line = "//" + line
		default:
			line = "// " + line
		}
		out = append(out, line)
	}
	return out
}

// plainLines reports whether "// " lines are one paragraph that
// go/doc/comment gives back unchanged: no blank line (so no heading),
// every line starting with a letter (so no list, code block or heading
// marker), no brackets (so no links), no pair of backquotes or of single
// quotes (go/doc/comment makes curly quotes of them). Most descriptions
// are, and parsing each as a doc comment was a fifth of the models' time.
func plainLines(lines []string) bool {
	for _, l := range lines {
		text, ok := strings.CutPrefix(l, "// ")
		r, _ := utf8.DecodeRuneInString(text)
		if !ok || !unicode.IsLetter(r) || strings.ContainsAny(text, "[]\n") ||
			strings.Contains(text, "''") || strings.Contains(text, "``") {
			return false
		}
	}
	return true
}

// typ spells a Go type, noting the imports it needs.
func (w *goSrc) typ(t naming.GoType) string {
	switch t.Kind {
	case naming.GoPointer:
		return "*" + w.typ(*t.Elem)
	case naming.GoSlice:
		return "[]" + w.typ(*t.Elem)
	case naming.GoMap:
		return "map[string]" + w.typ(*t.Elem)
	}
	if t.Pkg != "" {
		w.imports[t.Pkg] = true
		return t.Pkg[strings.LastIndexByte(t.Pkg, '/')+1:] + "." + t.Name
	}
	return t.Name
}

// spec is one line of a struct's fields or a const block: its comment
// lines, then cells that gofmt aligns in columns.
type spec struct {
	doc   []string
	cells []string
}

// specs writes struct fields or constants at one indent. gofmt aligns the
// cells of consecutive lines in columns (the width of the widest, plus a
// space); a comment line ends such a run, so a field with a doc comment
// starts a new one.
func (w *goSrc) specs(indent string, list []spec) {
	for i := 0; i < len(list); {
		end := i + 1
		// An embedded field (one cell) has no column to align either.
		for end < len(list) && len(list[end].doc) == 0 && len(list[end].cells) > 1 && len(list[end-1].cells) > 1 {
			end++
		}
		run := list[i:end]
		var widths []int
		for _, s := range run {
			for c, cell := range s.cells[:len(s.cells)-1] {
				n := utf8.RuneCountInString(cell)
				if c == len(widths) {
					widths = append(widths, n)
				}
				widths[c] = max(widths[c], n)
			}
		}
		for _, s := range run {
			w.comment(indent, s.doc)
			w.str(indent)
			for c, cell := range s.cells {
				w.str(cell)
				if c < len(s.cells)-1 {
					w.str(strings.Repeat(" ", widths[c]-utf8.RuneCountInString(cell)+1))
				}
			}
			w.str("\n")
		}
		i = end
	}
}

// jennifer adds declarations built with jennifer, formatted by gofmt: for
// the rare shapes goSrc does not write itself. They are rendered as a file
// of their own, whose declarations (and imports) are taken over.
func (w *goSrc) jennifer(pkg string, build func(f *jen.File)) error {
	f := jen.NewFile(pkg)
	build(f)
	var out bytes.Buffer
	if err := f.Render(&out); err != nil {
		return err
	}
	src := out.String()
	_, src, _ = strings.Cut(src, "\n\n") // the package clause
	if rest, ok := strings.CutPrefix(src, "import ("); ok {
		block, after, _ := strings.Cut(rest, "\n)\n\n")
		for _, l := range strings.Split(strings.TrimSpace(block), "\n") {
			w.importSpec(l)
		}
		src = after
	} else if rest, ok := strings.CutPrefix(src, "import "); ok {
		l, after, _ := strings.Cut(rest, "\n\n")
		w.importSpec(l)
		src = after
	}
	w.str(src, "\n")
	return nil
}

func (w *goSrc) importSpec(l string) {
	l = strings.TrimSpace(l)
	if strings.Contains(l, " ") {
		panic("emit: a renamed import in a jennifer fragment: " + l) // the file writes plain imports only
	}
	w.imports[strings.Trim(l, `"`)] = true
}

// file returns the whole file: header, package clause, imports, body.
func (w *goSrc) file(g *gen) []byte {
	var out bytes.Buffer // the header; the body is copied once, after it
	out.WriteString(Header + "\n")
	if len(g.opts.Sources) > 0 {
		out.WriteString("// Source: " + inLine(strings.Join(g.opts.Sources, ", ")) + "\n")
	}
	out.WriteString("\n")
	for _, l := range w.formatDoc(w.pkgDoc) {
		out.WriteString(l + "\n")
	}
	out.WriteString("package " + g.opts.Package + "\n\n")
	paths := make([]string, 0, len(w.imports))
	for p := range w.imports {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	switch len(paths) {
	case 0:
	case 1:
		out.WriteString("import \"" + paths[0] + "\"\n\n")
	default:
		out.WriteString("import (\n")
		for _, p := range paths {
			out.WriteString("\t\"" + p + "\"\n")
		}
		out.WriteString(")\n\n")
	}
	w.buf.trimNewlines()
	file := append(make([]byte, 0, out.Len()+w.buf.Len()+1), out.Bytes()...)
	return append(w.buf.appendTo(file), '\n')
}

// textBuf collects text in chunks of 64 KiB or more: a buffer that grew by
// doubling would copy a large file's text many times on the way.
type textBuf struct {
	done [][]byte
	cur  []byte
	n    int
}

const chunkSize = 64 << 10

func (b *textBuf) room(n int) {
	if len(b.cur)+n > cap(b.cur) {
		if len(b.cur) > 0 {
			b.done = append(b.done, b.cur)
		}
		b.cur = make([]byte, 0, max(chunkSize, n))
	}
}

func (b *textBuf) WriteString(s string) (int, error) {
	b.room(len(s))
	b.cur = append(b.cur, s...)
	b.n += len(s)
	return len(s), nil
}

func (b *textBuf) WriteByte(c byte) error {
	b.room(1)
	b.cur = append(b.cur, c)
	b.n++
	return nil
}

// Len is the number of bytes written.
func (b *textBuf) Len() int { return b.n }

// appendTo appends the text to dst.
func (b *textBuf) appendTo(dst []byte) []byte {
	for _, c := range b.done {
		dst = append(dst, c...)
	}
	return append(dst, b.cur...)
}

// take moves another buffer's text to the end of this one.
func (b *textBuf) take(o *textBuf) {
	if len(b.cur) > 0 {
		b.done = append(b.done, b.cur)
	}
	b.done = append(b.done, o.done...)
	b.cur, b.n = o.cur, b.n+o.n
	*o = textBuf{}
}

// trimNewlines drops the newlines the text ends with.
func (b *textBuf) trimNewlines() {
	for b.n > 0 {
		if len(b.cur) == 0 {
			b.cur, b.done = b.done[len(b.done)-1], b.done[:len(b.done)-1]
			continue
		}
		if b.cur[len(b.cur)-1] != '\n' {
			return
		}
		b.cur = b.cur[:len(b.cur)-1]
		b.n--
	}
}
