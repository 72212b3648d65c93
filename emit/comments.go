package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"
)

// Doc comments. Descriptions are wrapped into "//" lines here, and gofmt
// (go/format, as each file is rendered) lays them out as go/doc/comment
// does: jennifer writes every line at column 1, where gofmt reads a comment
// before a declaration, field or constant as a doc comment. Every line is
// a line comment, so no text in a description can end the comment or the
// file.

// doc is text as a doc comment, jen.Null() for none.
func (g *gen) doc(text string) jen.Code {
	if c := g.comment(text); c != "" {
		return jen.Comment(c)
	}
	return jen.Null()
}

// comment is text as "//" lines, "" for none. Descriptions repeat a lot
// (every operation's resourceGroupName), so each is wrapped once.
func (g *gen) comment(text string) string {
	if text == "" {
		return ""
	}
	if c, ok := g.docCache.Load(text); ok {
		return c.(string)
	}
	c := strings.Join(commentLines(text), "\n")
	g.docCache.Store(text, c)
	return c
}

// described is the text of a declaration's doc comment from the spec, in
// the style of the Azure SDK for Go: "Name - Description"; "" when there
// is no description.
func described(name, text string) string {
	text = strings.TrimSpace(text)
	if text == "" {
		return ""
	}
	return name + " - " + text
}

// commentLines wraps text into "// " lines at about 100 columns, keeping
// the spec's own line breaks.
func commentLines(text string) []string {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	if len(text) <= 100 && singleSpaced(text) {
		return []string{"// " + text} // one line, as wrap would make it
	}
	return wrap(text)
}

// wrap is commentLines for any trimmed, non-empty text.
func wrap(text string) []string {
	var out []string
	var line []byte // "// " and the words so far
	for para := range strings.SplitSeq(text, "\n") {
		para = strings.TrimRight(para, " \t\r")
		if para == "" {
			out = append(out, "//")
			continue
		}
		line = append(line[:0], "// "...)
		for w := range strings.FieldsSeq(para) {
			// A line holds 100 bytes of text besides "// ", or one word.
			if len(line) > 3 && len(line)-3+1+len(w) > 100 {
				out = append(out, string(line))
				line = append(line[:0], "// "...)
			}
			if len(line) > 3 {
				line = append(line, ' ')
			}
			line = append(line, w...)
		}
		if len(line) > 3 {
			out = append(out, string(line))
		}
	}
	return out
}

// singleSpaced reports whether ASCII text has its words apart by single
// spaces and nothing else: what wrapping would write back unchanged.
func singleSpaced(text string) bool {
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c >= 0x80, c < ' ', c == 0x7f:
			return false // maybe a Unicode space, or a control character
		case c == ' ' && i > 0 && text[i-1] == ' ':
			return false
		}
	}
	return true
}
