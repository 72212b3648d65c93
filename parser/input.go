package parser

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
)

// sniff recognises files that are not JSON or YAML text at all, which the
// readers would otherwise report as a baffling first character: other
// encodings, compressed or binary data, and HTML pages saved in place of
// a spec (a download that got an error page). It returns "" for text.
func sniff(data []byte) (msg, hint string) {
	const utf8Hint = "convert the file to UTF-8"
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE, 0, 0}), bytes.HasPrefix(data, []byte{0, 0, 0xFE, 0xFF}):
		return "the file is UTF-32 encoded; spec files must be UTF-8", utf8Hint
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return "the file is UTF-16 encoded; spec files must be UTF-8", utf8Hint
	case len(data) >= 4 && data[0] != 0 && data[1] == 0 && data[2] != 0 && data[3] == 0,
		len(data) >= 4 && data[0] == 0 && data[1] != 0 && data[2] == 0 && data[3] != 0:
		return "the file looks UTF-16 encoded (every other byte is zero); spec files must be UTF-8", utf8Hint
	case bytes.HasPrefix(data, []byte{0x1F, 0x8B}):
		return "the file is gzip-compressed, not a spec", "decompress it first"
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return "the file is a zip archive, not a spec", "extract the spec from it first"
	}
	head := data[:min(len(data), 8<<10)]
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return fmt.Sprintf("the file holds binary data (a zero byte at offset %d), not JSON or YAML text", i), ""
	}
	text := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF")), " \t\r\n")
	if len(text) > 0 && text[0] == '<' {
		what := "an HTML or XML document"
		if lower := bytes.ToLower(text[:min(len(text), 512)]); bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<!doctype html")) {
			what = "an HTML page"
		}
		return "the file is " + what + ", not a JSON or YAML spec",
			"was an error page or a web page saved in place of the raw spec file?"
	}
	return "", ""
}

// errTooLarge stands for the part of a file past the size limit.
var errTooLarge = errors.New("larger than the size limit")

// readFileLimited reads a file from the operating system, but never more
// than limit+1 bytes: a spec path naming a huge file, a device such as
// /dev/zero or a pipe must end in a size error, not exhaust memory.
func readFileLimited(name string, limit int) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if info.IsDir() {
		return nil, &os.PathError{Op: "read", Path: name, Err: errIsDir}
	}
	if info.Mode().IsRegular() && info.Size() > int64(limit) {
		return nil, errTooLarge // said without reading it
	}
	// Read into a buffer of the file's size, plus a byte to see the end:
	// io.ReadAll would grow one from 512 bytes, copying a large spec some
	// twenty times.
	r := io.LimitReader(f, int64(limit)+1)
	data := make([]byte, 0, min(info.Size(), int64(limit))+512)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)] // not a regular file, or it grew
		}
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if len(data) > limit {
		return nil, errTooLarge
	}
	return data, nil
}

var errIsDir = errors.New("is a directory, not a spec file")

// depthShown is how much of a too-deep value's pointer a message shows:
// the line and column say exactly where, and a pointer hundreds of tokens
// long helps nobody.
const depthShown = 8

func depthMessage(depth, limit int) string {
	msg := fmt.Sprintf("nesting is deeper than %d levels", limit)
	if depth > depthShown {
		msg += fmt.Sprintf(" (%d levels below this value)", depth-depthShown)
	}
	return msg
}
