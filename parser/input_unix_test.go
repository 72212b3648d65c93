//go:build unix

package parser

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// So it does for a file whose size is not known beforehand: a named pipe.
func TestReadFileLimitedPipe(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	for _, tc := range []struct {
		n, limit int
		tooLarge bool
	}{{10_000, 10_000, false}, {10_001, 10_000, true}, {3, 10_000, false}} {
		data := bytes.Repeat([]byte("b"), tc.n)
		go func() {
			w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
			if err != nil {
				return
			}
			w.Write(data)
			w.Close()
		}()
		got, err := readFileLimited(fifo, tc.limit)
		switch {
		case tc.tooLarge && !errors.Is(err, errTooLarge):
			t.Errorf("pipe of %d bytes, limit %d: %v, want errTooLarge", tc.n, tc.limit, err)
		case !tc.tooLarge && (err != nil || !bytes.Equal(got, data)):
			t.Errorf("pipe of %d bytes: got %d bytes, %v", tc.n, len(got), err)
		}
	}
}
