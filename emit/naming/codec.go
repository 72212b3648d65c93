package naming

import "github.com/armgen/armgen/ir"

// Codec is what reads and writes the values of a type beyond
// encoding/json: one of emit/static's leaf codecs, which the innermost
// values of arrays and maps need as much as a value alone.
type Codec int

const (
	CodecNone      Codec = iota // encoding/json as it is
	CodecDateTime               // RFC 3339 as Azure sends it
	CodecDate                   // "2006-01-02"
	CodecRFC1123                // RFC 1123
	CodecUnixTime               // seconds since the epoch, a JSON number
	CodecBase64URL              // base64url text
	CodecFamily                 // a polymorphic family, read by its discriminator
)

// Codec is the codec the innermost values of t need.
func (n *Names) Codec(t *ir.Type) Codec {
	for t.Kind == ir.KindArray || t.Kind == ir.KindMap {
		t = t.Elem
	}
	switch t.Kind {
	case ir.KindDateTime:
		return CodecDateTime
	case ir.KindDate:
		return CodecDate
	case ir.KindDateTimeRFC1123:
		return CodecRFC1123
	case ir.KindUnixTime:
		return CodecUnixTime
	case ir.KindBase64URL:
		return CodecBase64URL
	case ir.KindModel:
		if n.iface(t) != "" {
			return CodecFamily
		}
	}
	return CodecNone
}
