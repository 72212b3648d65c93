package testutil

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TreeSnapshot records every entry under dir: kind, mode, size, modification
// time and content. Two equal snapshots mean nothing was written, moved,
// added or removed, which is what a refused run must leave behind.
func TreeSnapshot(t testing.TB, dir string) map[string]string {
	t.Helper()
	snap := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			snap[rel] = "dir " + info.Mode().String()
			return nil
		}
		content, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		snap[rel] = info.Mode().String() + " " + info.ModTime().String() + "\n" + string(content)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return snap
}
