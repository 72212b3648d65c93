package parser

// Limits bound what the reader accepts, so that hostile input ends in a
// clear error rather than exhausted memory or stack.
type Limits struct {
	MaxFileBytes int // per file
	MaxDepth     int // nesting of arrays and objects
	MaxRefDepth  int // $ref chains followed without reaching a schema
	MaxFiles     int // files reached through $ref
	MaxNodes     int // values after YAML aliases are expanded
	// MaxDeclarations bounds the models, enums and operations of the API:
	// each becomes Go code, and emitting is what a huge spec would make
	// costly.
	MaxDeclarations int
	// MaxDecodeBytes bounds the JSON kin-openapi reads to decode a spec,
	// all its files together, an object's text counted once for each
	// object it is nested in (decodecost.go): what decoding costs, which
	// grows with the nesting as well as the size.
	MaxDecodeBytes int
}

// DefaultLimits are far above any real ARM spec (the largest is ~4 MB and
// nests ~30 deep) and far below what would hurt the machine.
var DefaultLimits = Limits{
	MaxFileBytes: 64 << 20,
	MaxDepth:     256,
	MaxRefDepth:  64,
	MaxFiles:     2000,
	MaxNodes:     20_000_000,
	// The largest ARM specs have a few thousand; 10,000 definitions with
	// their enums and operations generate in seconds.
	MaxDeclarations: 50_000,
	// A real spec takes kin-openapi through under 1 MiB (874 KiB for the
	// largest reference spec with the files it reaches), a synthetic one
	// of 10,000 definitions through 52 MiB; at the limit decoding takes
	// about a second on one core.
	MaxDecodeBytes: 128 << 20,
}
