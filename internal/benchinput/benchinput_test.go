package benchinput

import (
	"os"
	"path/filepath"
	"testing"
)

// The largest root is the one with the most bytes with what it references,
// not the largest file; examples do not count.
func TestLargestRoot(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pad := func(n int) string { return string(make([]byte, n)) }
	write("a/big.json", `{"x":"`+pad(500)+`","e":{"$ref":"./examples/huge.json"}}`)
	write("a/examples/huge.json", pad(5000))
	write("b/small.json", `{"d":{"$ref": "../common/types.json#/definitions/X"}, "again":{"$ref":"../common/types.json#/definitions/Y"}}`)
	write("common/types.json", `{"y":{"$ref":"more.json#/x"}}`+pad(300))
	write("common/more.json", pad(300))
	write("list.txt", "a/big.json\n\nb/small.json\n")
	got, err := LargestRoot(dir, filepath.Join(dir, "list.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.ToSlash(filepath.Join(dir, "b/small.json")); got != want {
		t.Errorf("LargestRoot = %s, want %s", got, want)
	}
	write("list.txt", "a/big.json\nb/missing.json\n")
	if _, err := LargestRoot(dir, filepath.Join(dir, "list.txt")); err == nil {
		t.Error("a missing root is not an error")
	}
}

// Files are read from their source once, then served from memory.
func TestCache(t *testing.T) {
	reads := 0
	c := newCache(func(name string) ([]byte, error) { reads++; return []byte(name), nil })
	for range 3 {
		if b, _ := c.read("x"); string(b) != "x" {
			t.Fatalf("read %q", b)
		}
	}
	c.read("yy")
	if reads != 2 || c.size() != 3 || len(c.names()) != 2 {
		t.Errorf("reads %d, size %d, names %v", reads, c.size(), c.names())
	}
}
