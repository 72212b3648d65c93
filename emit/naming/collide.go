package naming

import (
	"cmp"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/armgen/armgen/ir"
)

// Type names the spec gives (definitions, x-ms-enum names) often meet:
// a spec split over files carries copies of common types with small
// changes, mixes common-types versions, or names a property's enum like a
// definition. Identical schemas are one model already (the parser merges
// them); different ones that want one Go name are settled here, never
// refused:
//
//   - The claimant closest to the package's own spec keeps the plain name:
//     one renamed on purpose (-rename, a readme directive), then one from
//     a file given as input (the earlier given first), then one from
//     another file, then one from common-types (the older version first,
//     so that a service moving to a newer one renames nothing it had);
//     among equals a definition
//     before a property's enum, a spec name that is the Go name exactly
//     ("IPRule", not "IpRule"), and last the pointer that sorts first.
//   - Each other claimant gets a name derived from where it comes from:
//     its common-types version (ErrorResponseV5), else the part of its
//     file's path that differs (OperationCommon); a property's enum in the
//     keeper's own file is named after its place (DeliveryRuleActionName);
//     when none of these is free, a number (IPRule2).
//   - Each such name is a warning naming both pointers and both names.
//
// The ranking looks only at the claimants of one name, and the fallback
// names are taken after every plain name, so adding an unrelated
// definition elsewhere renames nothing.

// typeClaim is a model or enum that wants a spec-given type name.
type typeClaim struct {
	model   *ir.Model // or
	enum    *ir.Enum
	name    string
	at      ir.Pointer
	renamed ir.Pointer // where a rename asked for the name, if one did
	// rank orders the claimants of one name: lower keeps it.
	distance, input, version, kind int
	exact                          bool
}

// claimTypes names the definitions and named enums, settling collisions.
// Collisions are rare: claimants are ranked only when their name is wanted
// twice.
func (n *Names) claimTypes(api *ir.API) {
	claims := make([]typeClaim, 0, len(api.Models)+len(api.Enums))
	// own is the node's name in the spec (its definition's, or x-ms-enum's),
	// specName the one it asks for (x-ms-client-name first).
	add := func(m *ir.Model, e *ir.Enum, own, specName string, at ir.Pointer, kind int) {
		c := typeClaim{model: m, enum: e, at: at, kind: kind}
		if r, ok := n.renames.typeOf(m, e); ok {
			c.name, c.renamed = r.name, r.from
		} else {
			c.name = avoidStatic(n.exported(specName))
			c.exact = c.name == own
		}
		claims = append(claims, c)
	}
	for _, m := range api.Models {
		if _, renamed := n.renames.models[m]; !m.Inline || renamed {
			add(m, nil, m.Name, cmp.Or(m.ClientName, m.Name), m.Pointer, 0)
		}
	}
	for _, e := range api.Enums {
		switch {
		case isDefinition(e.Pointer):
			add(nil, e, e.Name, e.Name, e.Pointer, 1)
		case e.Named || n.renames.enums[e].name != "":
			add(nil, e, e.Name, e.Name, e.Pointer, 2)
		}
	}

	first := make(map[string]int, len(claims)) // name → its first claimant
	var groups map[string][]*typeClaim         // names wanted more than once
	for i := range claims {
		c := &claims[i]
		if j, dup := first[c.name]; dup {
			if groups == nil {
				groups = map[string][]*typeClaim{}
			}
			if groups[c.name] == nil {
				groups[c.name] = []*typeClaim{&claims[j]}
			}
			groups[c.name] = append(groups[c.name], c)
			continue
		}
		first[c.name] = i
	}
	var inputs map[string]int
	if groups != nil {
		inputs = map[string]int{}
		for i, f := range api.Files[:min(api.Inputs, len(api.Files))] {
			inputs[f] = i
		}
	}
	var losers []*typeClaim
	keeper := map[*typeClaim]*typeClaim{}
	for i := range claims {
		c := &claims[i]
		if c.name == "" {
			n.claimSpec("", c.at) // reported: no letters or digits
			continue
		}
		group := groups[c.name]
		if group == nil {
			if n.claimSpec(c.name, c.at) {
				n.setType(c.model, c.enum, c.name)
			}
			continue
		}
		if group[0] != c {
			continue // settled with the group's first claimant
		}
		for _, g := range group {
			g.rank(inputs)
		}
		sorted := slices.Clone(group)
		slices.SortFunc(sorted, compareClaims)
		name := c.name
		if !n.claimSpec(name, sorted[0].at) {
			continue
		}
		n.setType(sorted[0].model, sorted[0].enum, name)
		for _, other := range sorted[1:] {
			if other.renamed != "" && sorted[0].renamed != "" {
				n.diags = append(n.diags, ir.Diagnostic{Pointer: other.renamed,
					Message: fmt.Sprintf("%s and %s are both renamed %s", other.at, sorted[0].at, name),
					Hint:    "rename them apart"})
				continue
			}
			keeper[other] = sorted[0]
			losers = append(losers, other)
		}
	}
	slices.SortFunc(losers, func(a, b *typeClaim) int {
		return cmp.Or(strings.Compare(a.name, b.name), compareClaims(a, b))
	})
	for _, c := range losers {
		k := keeper[c]
		name, why := n.fallbackName(c, k)
		n.scope[name] = string(c.at)
		n.setType(c.model, c.enum, name)
		n.diags = append(n.diags, ir.Diagnostic{Pointer: c.at, Severity: ir.Warning,
			Message: fmt.Sprintf("the Go name %s is also wanted by %s, which keeps it (%s); this one is %s (%s)",
				c.name, k.at, keepReason(k, c), name, why),
			Hint: "-rename " + string(c.at) + "=Name chooses another"})
	}
}

// rank places a claimant among those of its name: by its file, given as
// input or not, common-types or not (and which version).
func (c *typeClaim) rank(inputs map[string]int) {
	file := pointerFile(c.at)
	if i, ok := inputs[file]; ok {
		c.input = i
	} else if commonTypes(file) {
		c.distance = 2
		c.version, _ = commonTypesVersion(file)
	} else {
		c.distance = 1
	}
}

// compareClaims orders the claimants of one name, the keeper first.
func compareClaims(a, b *typeClaim) int {
	ra, rb := a.renamed == "", b.renamed == ""
	return cmp.Or(
		cmpBool(ra, rb),
		cmp.Compare(a.distance, b.distance),
		cmp.Compare(a.input, b.input),
		cmp.Compare(a.version, b.version),
		cmp.Compare(a.kind, b.kind),
		cmpBool(!a.exact, !b.exact),
		strings.Compare(string(a.at), string(b.at)),
	)
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case !a:
		return -1
	}
	return 1
}

// keepReason says why k keeps the name c wanted too.
func keepReason(k, c *typeClaim) string {
	switch {
	case k.renamed != "":
		return "it is renamed so at " + string(k.renamed)
	case k.distance == 0 && c.distance > 0:
		return "it is in the spec given"
	case k.distance == 0 && k.input != c.input:
		return "its file is given first"
	case k.distance < c.distance:
		return "it is not from common-types"
	case k.version < c.version:
		return "its common-types version is older"
	case k.kind == 0 && c.kind == 1:
		return "a model comes before an enum"
	case k.kind < c.kind:
		return "a definition comes before a property's enum"
	case k.exact && !c.exact:
		return "its spec name is the Go name exactly"
	}
	return "its pointer sorts first"
}

// fallbackName picks the name of a claimant that lost its name to k, and
// says where it comes from.
func (n *Names) fallbackName(c, k *typeClaim) (string, string) {
	free := func(name string) bool {
		_, taken := n.scope[name]
		return name != c.name && !taken
	}
	if suffix, why := originSuffix(pointerFile(c.at), pointerFile(k.at)); suffix != "" && free(c.name+suffix) {
		return c.name + suffix, why
	}
	if isDefinition(c.at) {
		// A name given by x-ms-client-name or x-ms-enum yields to the
		// definition's own.
		if name := placeName(c.at); name != "" && free(name) {
			return name, "named after its definition"
		}
	}
	if c.enum != nil && !isDefinition(c.at) {
		if name := placeName(c.at); name != "" && free(name) {
			return name, "named after the property that declares it"
		}
	}
	for i := 2; ; i++ {
		if name := c.name + strconv.Itoa(i); free(name) {
			return name, "numbered"
		}
	}
}

var versionDir = regexp.MustCompile(`^[vV][0-9]+$`)

// originSuffix derives a suffix from the file a claimant comes from,
// against the keeper's file: the common-types version ("V5"), else the
// last part of the path where the two differ ("Common" for common.json,
// "V20230101" for a 2023-01-01 folder). "" when the files are the same.
func originSuffix(file, keeper string) (string, string) {
	if file == keeper {
		return "", ""
	}
	if _, v := commonTypesVersion(file); v != "" {
		if _, kv := commonTypesVersion(keeper); kv != v {
			return "V" + v, "its common-types version"
		}
	}
	parts := strings.Split(path.Clean(file), "/")
	other := strings.Split(path.Clean(keeper), "/")
	for i, j := len(parts)-1, len(other)-1; i >= 0; i, j = i-1, j-1 {
		if j >= 0 && parts[i] == other[j] {
			continue
		}
		part, why := parts[i], "from its folder "+parts[i]
		if i == len(parts)-1 {
			part, why = strings.TrimSuffix(part, path.Ext(part)), "from its file "+parts[i]
		}
		suffix := Exported(part)
		if suffix == "" {
			return "", ""
		}
		if suffix[0] >= '0' && suffix[0] <= '9' || strings.HasPrefix(suffix, "N") && len(suffix) > 1 && suffix[1] >= '0' && suffix[1] <= '9' {
			suffix = "V" + strings.TrimPrefix(suffix, "N") // a version folder: 2023-01-01
		}
		return suffix, why
	}
	return "", ""
}

// commonTypesVersion reads the version folder of a common-types file
// (…/common-types/resource-management/v5/types.json → 5, "5"); 0, "" for
// another file.
func commonTypesVersion(file string) (int, string) {
	if !commonTypes(file) {
		return 0, ""
	}
	parts := strings.Split(path.Clean(file), "/")
	for i := len(parts) - 2; i >= 0 && parts[i] != "common-types"; i-- {
		if versionDir.MatchString(parts[i]) {
			n, _ := strconv.Atoi(parts[i][1:])
			return n, parts[i][1:]
		}
	}
	return 0, ""
}

// placeName names an enum after the definition and properties that
// declare it: #/definitions/DeliveryRuleAction/properties/name →
// DeliveryRuleActionName. "" for an enum declared elsewhere.
func placeName(at ir.Pointer) string {
	_, frag, _ := strings.Cut(string(at), "#")
	tokens := strings.Split(strings.TrimPrefix(frag, "/"), "/")
	if len(tokens) < 2 || tokens[0] != "definitions" {
		return ""
	}
	var b strings.Builder
	for i, t := range tokens[1:] {
		switch {
		case i > 0 && (t == "properties" || t == "items" || t == "additionalProperties" || t == "allOf"):
		case i > 0 && t != "" && t[0] >= '0' && t[0] <= '9':
		default:
			b.WriteString(Exported(unescapeToken(t)))
		}
	}
	return b.String()
}

// unescapeToken reads a JSON pointer token.
func unescapeToken(t string) string {
	return strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~")
}

// pointerFile is the file part of a pointer.
func pointerFile(p ir.Pointer) string {
	file, _, _ := strings.Cut(string(p), "#")
	return file
}

// commonTypes reports whether a file is one of the shared ARM type files
// (specification/common-types/…, or a service's own common-types folder).
func commonTypes(file string) bool {
	return strings.Contains("/"+file, "/common-types/")
}
