package testutil

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// SeedFiles lists the files fuzz targets start from: every file of the
// bad- and good-input corpus, the golden and default specs, and every
// JSON or YAML file of the reference specs in ../shared (which Shared
// requires under CI=true). The list is sorted, so seeds come in a fixed
// order.
func SeedFiles(tb testing.TB) []string {
	tb.Helper()
	root := Root()
	var files []string
	walk := func(dir string, keep func(path string) bool) {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && keep(p) {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
	isSpec := func(p string) bool {
		switch strings.ToLower(filepath.Ext(p)) {
		case ".json", ".yaml", ".yml":
			return true
		}
		return false
	}
	walk(filepath.Join(root, "cmd", "armgen", "testdata"), func(p string) bool {
		// The corpus's specs include files that are not JSON at all.
		return !strings.HasSuffix(p, "stderr.txt") && !strings.HasSuffix(p, "args.txt") && !strings.HasSuffix(p, ".keep")
	})
	walk(filepath.Join(root, "golden"), isSpec)
	walk(filepath.Join(root, "spec"), isSpec)
	walk(Specs(tb), isSpec)
	slices.Sort(files)
	return files
}

// Seed is one seed file's name and content.
type Seed struct {
	Name string
	Data []byte
}

// ReadSeeds reads SeedFiles, in order.
func ReadSeeds(tb testing.TB) []Seed {
	tb.Helper()
	var seeds []Seed
	for _, name := range SeedFiles(tb) {
		b, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		seeds = append(seeds, Seed{name, b})
	}
	return seeds
}
