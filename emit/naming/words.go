package naming

// The word rules are pure functions, which Assign applies to a whole API.

import (
	"go/token"
	"strings"
	"unicode"
	"unicode/utf8"
)

// initialisms are written in capitals as whole words, as Go style and the
// Azure SDK for Go write them. Keys are lower case.
var initialisms = map[string]string{
	"aad": "AAD", "acl": "ACL", "acls": "ACLs", "api": "API", "apis": "APIs", "arm": "ARM", "ascii": "ASCII",
	"cpu": "CPU", "cpus": "CPUs", "dns": "DNS", "etag": "ETag", "gpu": "GPU", "gpus": "GPUs",
	"guid": "GUID", "html": "HTML", "http": "HTTP", "https": "HTTPS", "id": "ID", "ids": "IDs",
	"ip": "IP", "ips": "IPs", "ipv4": "IPv4", "ipv6": "IPv6", "json": "JSON", "odata": "OData", "os": "OS",
	"rdp": "RDP", "sas": "SAS", "sku": "SKU", "skus": "SKUs", "sql": "SQL", "ssh": "SSH",
	"ssl": "SSL", "tcp": "TCP", "tls": "TLS", "ttl": "TTL", "udp": "UDP", "ui": "UI",
	"uri": "URI", "uris": "URIs", "url": "URL", "urls": "URLs", "utc": "UTC", "uuid": "UUID",
	"vm": "VM", "vms": "VMs", "xml": "XML",
}

// mixedWords are initialisms written with a lower-case tail; the splitter
// must not cut them at the case change ("IPv4Address" → IPv4 Address).
var mixedWords = []string{"IPv4", "IPv6", "IDs", "IPs", "VMs", "URLs", "URIs", "APIs", "CPUs", "GPUs", "SKUs", "ACLs", "ETag"}

// Split cuts a spec name into words: at anything not a letter or digit,
// before an upper-case letter that follows a lower-case one or a digit, and
// before the last capital of a run followed by lower case ("VMFamily" →
// VM Family). Digits stay with the word before them.
func Split(s string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	runes := []rune(s)
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush()
			continue
		}
		if unicode.IsUpper(r) {
			if w := mixedAt(runes, i); w != "" {
				flush()
				words = append(words, w)
				i += utf8.RuneCountInString(w) - 1
				continue
			}
			if len(cur) > 0 {
				prev := cur[len(cur)-1]
				nextLower := i+1 < len(runes) && unicode.IsLower(runes[i+1])
				if unicode.IsLower(prev) || unicode.IsDigit(prev) || (unicode.IsUpper(prev) && nextLower) {
					flush()
				}
			}
		}
		cur = append(cur, r)
	}
	flush()
	return words
}

// mixedAt returns the mixed-case initialism starting at runes[i], if one
// starts there and ends at a word boundary.
func mixedAt(runes []rune, i int) string {
	for _, w := range mixedWords {
		n := len(w) // the words are ASCII
		if i+n > len(runes) || !hasRunes(runes[i:i+n], w) {
			continue
		}
		if i+n == len(runes) || !unicode.IsLower(runes[i+n]) {
			return w
		}
	}
	return ""
}

// word writes one word in exported form: an initialism in capitals,
// anything else with its first letter upper case and the rest as written,
// so that names stay recognisable from the spec.
func word(w string) string {
	if init, ok := initialisms[strings.ToLower(w)]; ok {
		return init
	}
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[size:]
}

// Exported turns a spec name into an exported Go identifier:
// "storageAccountId" → StorageAccountID, "Microsoft.Batch" → MicrosoftBatch,
// "api-version" → APIVersion. It returns "" when nothing of the name is
// usable (all punctuation).
func Exported(s string) string {
	words := Split(s)
	if len(words) == 0 {
		return ""
	}
	var b strings.Builder
	if len(words) > 1 && strings.EqualFold(words[0], "x") && strings.EqualFold(words[1], "ms") {
		// Azure's extension prefix: x-ms-request-id → XMSRequestID.
		b.WriteString("XMS")
		words = words[2:]
	}
	for _, w := range words {
		b.WriteString(word(w))
	}
	out := b.String()
	r, _ := utf8.DecodeRuneInString(out)
	if !unicode.IsUpper(r) {
		// A digit or an uncased letter cannot start an exported name.
		out = "N" + out
	}
	return out
}

// Unexported turns a spec name into an unexported Go identifier for
// parameters and locals: "accountName" → accountName, "ID" → id,
// "api-version" → apiVersion. Go keywords and predeclared names get a
// trailing "Param" (type → typeParam) so they neither fail to compile nor
// shadow what generated code uses.
func Unexported(s string) string {
	words := Split(s)
	if len(words) == 0 {
		return ""
	}
	var b strings.Builder
	if len(words) > 2 && strings.EqualFold(words[0], "x") && strings.EqualFold(words[1], "ms") {
		// As in Exported: x-ms-client-request-id → xmsClientRequestID.
		words = append([]string{"xms"}, words[2:]...)
	}
	first := words[0]
	if _, ok := initialisms[strings.ToLower(first)]; ok || isUpperWord(first) {
		b.WriteString(strings.ToLower(first))
	} else {
		r, size := utf8.DecodeRuneInString(first)
		b.WriteRune(unicode.ToLower(r))
		b.WriteString(first[size:])
	}
	for _, w := range words[1:] {
		b.WriteString(word(w))
	}
	out := b.String()
	if r, _ := utf8.DecodeRuneInString(out); unicode.IsDigit(r) {
		out = "n" + out
	}
	if Reserved(out) {
		out += "Param"
	}
	return out
}

func isUpperWord(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// predeclared are Go's universe-scope names; a parameter named after one
// would shadow it in generated code that uses it.
var predeclared = map[string]bool{
	"any": true, "append": true, "bool": true, "byte": true, "cap": true, "clear": true,
	"close": true, "comparable": true, "complex": true, "complex128": true, "complex64": true,
	"copy": true, "delete": true, "error": true, "false": true, "float32": true, "float64": true,
	"imag": true, "int": true, "int16": true, "int32": true, "int64": true, "int8": true,
	"iota": true, "len": true, "make": true, "max": true, "min": true, "new": true, "nil": true,
	"panic": true, "print": true, "println": true, "real": true, "recover": true, "rune": true,
	"string": true, "true": true, "uint": true, "uint16": true, "uint32": true, "uint64": true,
	"uint8": true, "uintptr": true,
}

// locals are the names generated functions use for their own variables and
// the packages they import; a parameter must not take one.
var locals = map[string]bool{
	"ctx": true, "req": true, "resp": true, "err": true, "body": true, "query": true,
	"options": true, "client": true, "c": true, "u": true, "urlPath": true, "result": true,
	"http": true, "url": true, "json": true, "context": true, "errors": true, "fmt": true,
	"io": true, "strings": true, "strconv": true, "time": true, "bytes": true, "regexp": true,
	"iter": true, "slices": true, "base64": true, "reflect": true, "sync": true, "math": true,
	"header": true, "endpoint": true, "form": true, "contentType": true,
}

// Reserved reports whether an unexported name would clash with Go itself
// or with what generated code declares locally.
func Reserved(s string) bool {
	return token.IsKeyword(s) || predeclared[s] || locals[s]
}

// hasRunes reports whether runes spell the ASCII word w, without making a
// string of them: Split runs for every name armgen derives.
func hasRunes(runes []rune, w string) bool {
	for k, r := range runes {
		if r != rune(w[k]) {
			return false
		}
	}
	return true
}
