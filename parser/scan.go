package parser

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"
	"unsafe"
)

// syntaxError is a defect found while reading a file: its pointer is the
// innermost value being read, and line and column say where in the text.
type syntaxError struct {
	pointer   string
	line, col int
	msg       string
}

// scanner reads JSON text into nodes in one pass.
type scanner struct {
	data []byte
	// src is data as one string: the values and keys of the tree are
	// substrings of it rather than a copy each (a spec has hundreds of
	// thousands of them).
	src    string
	pos    int
	limits Limits
	nodes  int
	errs   []syntaxError
	// defects counts the defects reading went on after, listed or not.
	defects int
	// path is the pointer of the value being read, as unescaped tokens.
	path []string
	// keys and vals hold the members of the objects and arrays being
	// read, innermost last; each gets slices of its exact length when it
	// ends, rather than slices grown by appending.
	keys []string
	vals []*node
}

// parseJSON reads data (without a BOM) into a node tree. Duplicate keys and
// invalid UTF-8 are collected and reading goes on; a syntax error stops it.
func parseJSON(data []byte, limits Limits) (*node, []syntaxError) {
	// The tree's strings are substrings of src, which shares data's
	// memory rather than copy a large spec: nothing writes to data once
	// it is read (Options.ReadFile).
	s := &scanner{data: data, src: unsafe.String(unsafe.SliceData(data), len(data)), limits: limits}
	s.skipSpace()
	if s.pos == len(s.data) {
		return nil, []syntaxError{{line: 1, col: 1, msg: "the file is empty"}}
	}
	n, ok := s.value(0)
	if ok {
		s.skipSpace()
		if s.pos < len(s.data) {
			s.fail("unexpected %s after the end of the document", s.describe())
			ok = false
		}
	}
	if !ok {
		n = nil
	}
	if s.defects > maxDefects {
		s.errs = append(s.errs, syntaxError{msg: fmt.Sprintf("%d more duplicate keys or invalid UTF-8 strings are not listed", s.defects-maxDefects)})
	}
	return n, s.errs
}

func (s *scanner) pointer() string { return pointerOf(s.path) }

// fail records a syntax error at the current position.
func (s *scanner) fail(format string, args ...any) {
	line, col := lineCol(s.data, s.pos)
	s.errs = append(s.errs, syntaxError{pointer: s.pointer(), line: line, col: col, msg: fmt.Sprintf(format, args...)})
}

// describe names the byte at the current position for a message.
func (s *scanner) describe() string {
	if s.pos >= len(s.data) {
		return "end of file"
	}
	r, _ := utf8.DecodeRune(s.data[s.pos:])
	if r == utf8.RuneError {
		return fmt.Sprintf("byte 0x%02x", s.data[s.pos])
	}
	return strconv.QuoteRune(r)
}

func (s *scanner) skipSpace() {
	for s.pos < len(s.data) {
		switch s.data[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

func (s *scanner) value(depth int) (*node, bool) {
	if depth > s.limits.MaxDepth {
		line, col := lineCol(s.data, s.pos)
		s.errs = append(s.errs, syntaxError{pointer: pointerOf(s.path[:min(len(s.path), depthShown)]),
			line: line, col: col, msg: depthMessage(len(s.path), s.limits.MaxDepth)})
		return nil, false
	}
	s.nodes++
	if s.nodes > s.limits.MaxNodes {
		s.fail("more than %d values", s.limits.MaxNodes)
		return nil, false
	}
	s.skipSpace()
	if s.pos >= len(s.data) {
		s.fail("unexpected end of file: the JSON is truncated")
		return nil, false
	}
	start := s.pos
	switch c := s.data[s.pos]; {
	case c == '{':
		return s.object(depth)
	case c == '[':
		return s.array(depth)
	case c == '"':
		str, ok := s.string()
		return &node{kind: kindString, str: str}, ok
	case c == '-' || c >= '0' && c <= '9':
		return s.number()
	default:
		for _, lit := range [...]string{"true", "false", "null"} {
			if bytes.HasPrefix(s.data[s.pos:], []byte(lit)) {
				s.pos += len(lit)
				k := kindBool
				if lit == "null" {
					k = kindNull
				}
				return &node{kind: k, str: lit}, true
			}
		}
		if start == 0 && c == '<' {
			s.fail("this is not JSON: it starts with '<' (an HTML or XML page?)")
		} else {
			s.fail("unexpected %s: expected a JSON value", s.describe())
		}
		return nil, false
	}
}

func (s *scanner) object(depth int) (*node, bool) {
	n := &node{kind: kindObject}
	s.pos++ // {
	s.skipSpace()
	if s.pos < len(s.data) && s.data[s.pos] == '}' {
		s.pos++
		return n, true
	}
	var seen map[string]bool
	base, vbase := len(s.keys), len(s.vals) // arrays use vals alone
	defer func() { s.keys, s.vals = s.keys[:base], s.vals[:vbase] }()
	for {
		s.skipSpace()
		if s.pos >= len(s.data) {
			s.fail("unexpected end of file inside an object: the JSON is truncated")
			return nil, false
		}
		if s.data[s.pos] != '"' {
			s.fail("unexpected %s: expected a quoted object key", s.describe())
			return nil, false
		}
		key, ok := s.string()
		if !ok {
			return nil, false
		}
		keys := s.keys[base:]
		if len(keys) >= 32 && seen == nil {
			seen = make(map[string]bool, 64)
			for _, k := range keys {
				seen[k] = true
			}
		}
		dup := false
		if seen != nil {
			dup = seen[key]
			seen[key] = true
		} else {
			for _, k := range keys {
				dup = dup || k == key
			}
		}
		s.path = append(s.path, key)
		if dup {
			s.defect(s.pos, fmt.Sprintf("duplicate key %q: JSON readers disagree on which value wins", key))
		}
		s.skipSpace()
		if s.pos >= len(s.data) || s.data[s.pos] != ':' {
			if s.pos >= len(s.data) {
				s.fail("unexpected end of file after an object key: the JSON is truncated")
			} else {
				s.fail("unexpected %s: expected ':' after the object key", s.describe())
			}
			return nil, false
		}
		s.pos++
		v, ok := s.value(depth + 1)
		s.path = s.path[:len(s.path)-1]
		if !ok {
			return nil, false
		}
		if !dup {
			s.keys = append(s.keys, key)
			s.vals = append(s.vals, v)
		}
		s.skipSpace()
		if s.pos >= len(s.data) {
			s.fail("unexpected end of file inside an object: the JSON is truncated")
			return nil, false
		}
		switch s.data[s.pos] {
		case ',':
			s.pos++
		case '}':
			s.pos++
			n.keys = slices.Clone(s.keys[base:])
			n.vals = slices.Clone(s.vals[vbase:])
			return n, true
		default:
			s.fail("unexpected %s: expected ',' or '}'", s.describe())
			return nil, false
		}
	}
}

func (s *scanner) array(depth int) (*node, bool) {
	n := &node{kind: kindArray}
	s.pos++ // [
	s.skipSpace()
	if s.pos < len(s.data) && s.data[s.pos] == ']' {
		s.pos++
		return n, true
	}
	base := len(s.vals)
	defer func() { s.vals = s.vals[:base] }()
	for {
		s.path = append(s.path, strconv.Itoa(len(s.vals)-base))
		v, ok := s.value(depth + 1)
		s.path = s.path[:len(s.path)-1]
		if !ok {
			return nil, false
		}
		s.vals = append(s.vals, v)
		s.skipSpace()
		if s.pos >= len(s.data) {
			s.fail("unexpected end of file inside an array: the JSON is truncated")
			return nil, false
		}
		switch s.data[s.pos] {
		case ',':
			s.pos++
		case ']':
			s.pos++
			n.vals = slices.Clone(s.vals[base:])
			return n, true
		default:
			s.fail("unexpected %s: expected ',' or ']'", s.describe())
			return nil, false
		}
	}
}

// string reads a quoted string at s.pos.
func (s *scanner) string() (string, bool) {
	start := s.pos
	s.pos++ // "
	escaped := false
	for s.pos < len(s.data) {
		c := s.data[s.pos]
		switch {
		case c == '"':
			raw := s.data[start : s.pos+1]
			s.pos++
			if !escaped {
				if !utf8.Valid(raw) {
					s.invalidUTF8(start, raw)
				}
				return s.src[start+1 : s.pos-1], true
			}
			if !utf8.Valid(raw) {
				s.invalidUTF8(start, raw)
				raw = bytes.ToValidUTF8(raw, []byte("\uFFFD"))
			}
			var str string
			if err := json.Unmarshal(raw, &str); err != nil {
				s.pos = start
				s.fail("invalid escape in string")
				return "", false
			}
			return str, true
		case c == '\\':
			escaped = true
			s.pos += 2
		case c < 0x20:
			s.fail("control character %q inside a string (a missing closing quote?)", rune(c))
			return "", false
		default:
			s.pos++
		}
	}
	s.pos = start
	s.fail("unterminated string: the JSON is truncated")
	return "", false
}

func (s *scanner) invalidUTF8(start int, raw []byte) {
	bad := start
	for i := 0; i < len(raw); {
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size <= 1 {
			bad = start + i
			break
		}
		i += size
	}
	s.defect(bad, fmt.Sprintf("invalid UTF-8 (byte 0x%02x): spec files must be UTF-8", s.data[bad]))
}

// maxDefects bounds the defects listed per file that reading goes on
// after (duplicate keys, invalid UTF-8): a file can hold millions, and
// locating each costs a pass over the text before it.
const maxDefects = 100

// defect records a defect that does not stop reading, at offset off.
func (s *scanner) defect(off int, msg string) {
	s.defects++
	if s.defects > maxDefects {
		return
	}
	line, col := lineCol(s.data, off)
	s.errs = append(s.errs, syntaxError{pointer: s.pointer(), line: line, col: col, msg: msg})
}

func (s *scanner) number() (*node, bool) {
	start := s.pos
	if s.data[s.pos] == '-' {
		s.pos++
	}
	digits := func() int {
		n := 0
		for s.pos < len(s.data) && s.data[s.pos] >= '0' && s.data[s.pos] <= '9' {
			s.pos++
			n++
		}
		return n
	}
	intStart := s.pos
	if digits() == 0 {
		s.fail("invalid number")
		return nil, false
	}
	if s.data[intStart] == '0' && s.pos-intStart > 1 {
		s.pos = intStart
		s.fail("invalid number: leading zero")
		return nil, false
	}
	if s.pos < len(s.data) && s.data[s.pos] == '.' {
		s.pos++
		if digits() == 0 {
			s.fail("invalid number: no digits after '.'")
			return nil, false
		}
	}
	if s.pos < len(s.data) && (s.data[s.pos] == 'e' || s.data[s.pos] == 'E') {
		s.pos++
		if s.pos < len(s.data) && (s.data[s.pos] == '+' || s.data[s.pos] == '-') {
			s.pos++
		}
		if digits() == 0 {
			s.fail("invalid number: no digits in the exponent")
			return nil, false
		}
	}
	return &node{kind: kindNumber, str: s.src[start:s.pos]}, true
}

// lineCol turns a byte offset into a 1-based line and column (in runes).
func lineCol(data []byte, off int) (line, col int) {
	if off > len(data) {
		off = len(data)
	}
	line = 1 + bytes.Count(data[:off], []byte{'\n'})
	lineStart := bytes.LastIndexByte(data[:off], '\n') + 1
	return line, 1 + utf8.RuneCount(data[lineStart:off])
}
