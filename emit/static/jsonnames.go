package static

import "sync"

// A nameTable numbers the JSON property names of a package's models by a
// hash of each name (nameLabel), and readJSON switches on that number: a
// switch on numbers compiles to a jump table, where a switch on strings
// compiles to a tree of byte comparisons that made large packages a
// quarter slower to build. The hash, not a position, numbers a name so
// that the number of each stays the same whatever names a new
// api-version adds. The generator picks the seed so that no two names of
// the package share a number and none is 0 (the end of an object) or 1
// (labelUnknown).
type nameTable struct {
	seed  uint32
	names []string
	once  sync.Once
	m     map[string]uint32
}

func newNameTable(seed uint32, names ...string) *nameTable {
	return &nameTable{seed: seed, names: names}
}

// label returns the number of the property name k, 0 when no model of
// the package has a property of that name.
//
//go:noinline
func (t *nameTable) label(k []byte) uint32 {
	t.once.Do(t.build)
	return t.m[string(k)]
}

func (t *nameTable) build() {
	t.m = make(map[string]uint32, len(t.names))
	for _, name := range t.names {
		t.m[name] = nameLabel(t.seed, name)
	}
}

// nameLabel is FNV-1a of the name, from an offset basis moved by the
// seed. The generator computes the same.
func nameLabel(seed uint32, name string) uint32 {
	h := uint32(2166136261) ^ seed
	for i := 0; i < len(name); i++ {
		h ^= uint32(name[i])
		h *= 16777619
	}
	return h
}
