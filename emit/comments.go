package emit

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
	text = strings.TrimSpace(commentSafe(text))
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

// commentSafe makes any text fit a comment, as Go source holds it and
// gofmt leaves it: a byte-order mark (which Go refuses past a file's
// start), other invisible format characters (zero-width spaces,
// bidirectional controls, which could make a comment read unlike the
// code) and control characters are dropped, line and paragraph separators
// become line breaks, and bytes that are not UTF-8 become U+FFFD.
// String literals need none of this: they are quoted with strconv.Quote,
// which escapes what is not printable.
func commentSafe(text string) string {
	clean := true
	for _, r := range text {
		if unsafeInComment(r) {
			clean = false
			break
		}
	}
	if clean && utf8.ValidString(text) {
		return text
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(text, "\uFFFD") {
		switch {
		case r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case !unsafeInComment(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// inLine is commentSafe for text written into one comment line, where a
// line break would end the comment.
func inLine(text string) string {
	return strings.Join(strings.Fields(commentSafe(text)), " ")
}

// unsafeInComment reports whether a rune is dropped from comments:
// controls other than tab and newline, and format characters.
func unsafeInComment(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20 || r >= 0x7f && r < 0xa0:
		return true
	case r < 0x80:
		return false
	case r == '\u2028' || r == '\u2029':
		return true
	}
	return unicode.Is(unicode.Cf, r)
}
