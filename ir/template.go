package ir

import (
	"fmt"
	"strings"
)

// Template is a path or host template read into its parts: text, and the
// parameters that fill it, in order. The parser parses every template with
// ParseTemplate; emitters and diffs read the parts, never the text.
type Template []TemplatePart

// TemplatePart is text, or a parameter when Param is set.
type TemplatePart struct {
	Text  string `json:",omitempty"`
	Param string `json:",omitempty"`
}

// String is the part as the template writes it: text, or {name}.
func (p TemplatePart) String() string {
	if p.Param != "" {
		return "{" + p.Param + "}"
	}
	return p.Text
}

// ParseTemplate reads a template. A parameter is "{", a name of one or
// more characters other than braces, and "}"; other braces are text, as
// a path may carry them. "{}" is an error: it names no parameter.
func ParseTemplate(s string) (Template, error) {
	var t Template
	text := func(s string) {
		if s == "" {
			return
		}
		if n := len(t); n > 0 && t[n-1].Param == "" {
			t[n-1].Text += s
			return
		}
		t = append(t, TemplatePart{Text: s})
	}
	at := 0 // s[:at] is read
	for {
		open := strings.IndexByte(s[at:], '{')
		if open < 0 {
			text(s[at:])
			return t, nil
		}
		open += at
		end := strings.IndexAny(s[open+1:], "{}")
		switch {
		case end < 0:
			text(s[at:])
			return t, nil
		case s[open+1+end] == '{':
			// A brace opened again: the first is text.
			text(s[at : open+1+end])
			at = open + 1 + end
		case end == 0:
			return nil, fmt.Errorf("{} at byte %d names no parameter", open)
		default:
			text(s[at:open])
			t = append(t, TemplatePart{Param: s[open+1 : open+1+end]})
			at = open + 1 + end + 1
		}
	}
}

// String is the template as written.
func (t Template) String() string {
	var b strings.Builder
	for _, p := range t {
		b.WriteString(p.String())
	}
	return b.String()
}

// Params lists the parameters' names in order.
func (t Template) Params() []string {
	var out []string
	for _, p := range t {
		if p.Param != "" {
			out = append(out, p.Param)
		}
	}
	return out
}

// WithPrefix is the template with text before it (an API's base path
// before an operation's path).
func (t Template) WithPrefix(text string) Template {
	if text == "" {
		return t
	}
	if len(t) > 0 && t[0].Param == "" {
		return append(Template{{Text: text + t[0].Text}}, t[1:]...)
	}
	return append(Template{{Text: text}}, t...)
}

// Path is the part of a path template before its query ("?"), which a
// path of x-ms-paths may carry: "/things?op=restart".
func (t Template) Path() Template {
	for i, p := range t {
		if before, _, ok := strings.Cut(p.Text, "?"); ok && p.Param == "" {
			out := t[:i:i]
			if before != "" {
				out = append(out, TemplatePart{Text: before})
			}
			return out
		}
	}
	return t
}
