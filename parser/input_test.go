package parser

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// readFileLimited reads a file whole, of any size up to the limit, and
// refuses one over it.
func TestReadFileLimited(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []int{0, 1, 511, 512, 513, 4096, 100_000} {
		data := bytes.Repeat([]byte("a"), n)
		name := filepath.Join(dir, "f.json")
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		if got, err := readFileLimited(name, 100_000); err != nil || !bytes.Equal(got, data) {
			t.Errorf("%d bytes: got %d bytes, %v", n, len(got), err)
		}
		if n > 0 {
			if _, err := readFileLimited(name, n-1); !errors.Is(err, errTooLarge) {
				t.Errorf("%d bytes, limit %d: %v, want errTooLarge", n, n-1, err)
			}
		}
	}
}
