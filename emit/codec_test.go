package emit

import (
	"hash/fnv"
	"strconv"
	"testing"

	"github.com/armgen/armgen/ir"
)

// The labels readJSON switches on are FNV-1a, as the static nameTable
// computes them, and newPropertyLabels moves the seed until no two names
// share one.
func TestPropertyLabels(t *testing.T) {
	h := fnv.New32a()
	h.Write([]byte("vmSize"))
	if got := nameLabel(0, "vmSize"); got != h.Sum32() {
		t.Fatalf("nameLabel(0, vmSize) = %#x, FNV-1a %#x", got, h.Sum32())
	}
	// Two names FNV-1a gives one number at seed 0.
	seen := map[uint32]string{}
	var a, b string
	for i := 0; a == ""; i++ {
		name := "p" + strconv.Itoa(i)
		l := nameLabel(0, name)
		if other, ok := seen[l]; ok {
			a, b = other, name
		}
		seen[l] = name
	}
	models := []*ir.Model{{Properties: []*ir.Property{{Name: a}, {Name: "id"}}}, {Properties: []*ir.Property{{Name: b}, {Name: "id"}}}}
	l := newPropertyLabels(models)
	if l.seed == 0 {
		t.Errorf("%s and %s share a label at seed 0, yet the seed stayed 0", a, b)
	}
	if len(l.names) != 3 || l.of[a] == l.of[b] || l.of[a] != nameLabel(l.seed, a) || l.of["id"] <= 1 {
		t.Errorf("labels %v of %v at seed %d", l.of, l.names, l.seed)
	}
}
