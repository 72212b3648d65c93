package parser

import (
	"net/url"
	"path"
	"strings"

	"github.com/armgen/armgen/ir"
)

// target is where a $ref leads: a file and a node in it.
type target struct {
	f      *file
	tokens []string
	n      *node
}

// resolve follows one $ref written at `at` in file f. It reports a located
// error and false when the reference cannot be followed.
func (b *builder) resolve(f *file, at []string, ref string) (target, bool) {
	// The pointer of the reference, for messages: built only when needed.
	var whereCache ir.Pointer
	whereOf := func() ir.Pointer {
		if whereCache == "" {
			whereCache = f.ptr2(at, []string{"$ref"})
		}
		return whereCache
	}
	if strings.TrimSpace(ref) == "" || ref == "#" {
		b.diags = append(b.diags, ir.Diagnostic{Pointer: whereOf(),
			Message: "reference " + quote(ref) + " names no schema",
			Hint:    `a local reference looks like "#/definitions/Name"`})
		return target{}, false
	}
	filePart, fragment, hasFragment := strings.Cut(ref, "#")
	lower := strings.ToLower(filePart)
	switch {
	case strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://"):
		b.diags = append(b.diags, ir.Diagnostic{Pointer: whereOf(),
			Message: "remote reference " + quote(ref) + " is not fetched",
			Hint:    "armgen reads local files only; download the file and refer to it by a relative path"})
		return target{}, false
	case strings.Contains(filePart, "://"):
		b.diags.Add(whereOf(), "reference %s uses a URL scheme armgen does not read", quote(ref))
		return target{}, false
	}
	tf := f
	if filePart != "" {
		name := path.Join(path.Dir(f.name), filePart)
		if path.IsAbs(filePart) {
			name = path.Clean(filePart)
		}
		if !b.l.within(name) {
			b.diags = append(b.diags, ir.Diagnostic{Pointer: whereOf(),
				Message: "reference " + quote(ref) + " leads outside the spec root " + quote(b.l.root),
				Hint:    "pass -root to allow a wider tree"})
			return target{}, false
		}
		tf = b.l.load(name, false, whereOf())
		if tf.tree == nil || tf.doc == nil {
			return target{}, false // the loader reported why
		}
	}
	if !hasFragment || fragment == "" {
		if tf.tree.get("swagger") != nil {
			b.diags = append(b.diags, ir.Diagnostic{Pointer: whereOf(),
				Message: "reference " + quote(ref) + " leads to a whole Swagger document, not to something in it",
				Hint:    `add a pointer: "` + filePart + `#/definitions/Name"`})
			return target{}, false
		}
		return target{f: tf, n: tf.tree}, true
	}
	unescaped, err := url.PathUnescape(fragment)
	tokens, ok := splitPointer(unescaped)
	if err != nil || !ok {
		why := `the part after "#" must begin with "/"`
		switch {
		case err != nil:
			why = `"%" must begin an escape such as %20`
		case strings.HasPrefix(unescaped, "/"):
			why = `"~" must be followed by 0 or 1 ("~0" is "~", "~1" is "/")`
		}
		b.diags = append(b.diags, ir.Diagnostic{Pointer: whereOf(),
			Message: "malformed reference " + quote(ref) + ": " + why,
			Hint:    `a local reference looks like "#/definitions/Name"`})
		return target{}, false
	}
	n := tf.tree.lookup(tokens)
	if n == nil {
		msg := "reference " + quote(ref) + " points to nothing"
		if filePart != "" {
			msg += " in " + tf.name
		}
		b.diags = append(b.diags, ir.Diagnostic{Pointer: whereOf(), Message: msg, Hint: b.suggest(tf, tokens)})
		return target{}, false
	}
	return target{f: tf, tokens: tokens, n: n}, true
}

// suggest names a definition close to a missing one ("did you mean").
func (b *builder) suggest(f *file, tokens []string) string {
	if len(tokens) != 2 {
		return ""
	}
	section := f.tree.get(tokens[0])
	if section == nil || section.kind != kindObject {
		return ""
	}
	for _, k := range section.keys {
		if strings.EqualFold(k, tokens[1]) {
			return "did you mean " + quote("#/"+tokens[0]+"/"+escapeToken(k)) + "?"
		}
	}
	return ""
}

func quote(s string) string {
	return `"` + s + `"`
}
