package static

import (
	"hash/fnv"
	"testing"
)

func TestNameTable(t *testing.T) {
	names := newNameTable(7, "id", "vmSize", "")
	for _, name := range []string{"id", "vmSize", ""} {
		if got, want := names.label([]byte(name)), nameLabel(7, name); got != want {
			t.Errorf("label(%q) = %#x, want %#x", name, got, want)
		}
	}
	if got := names.label([]byte("other")); got != 0 {
		t.Errorf("label of a name no model has = %#x, want 0", got)
	}
	h := fnv.New32a()
	h.Write([]byte("vmSize"))
	if got := nameLabel(0, "vmSize"); got != h.Sum32() {
		t.Errorf("nameLabel(0, vmSize) = %#x, FNV-1a %#x", got, h.Sum32())
	}
}
