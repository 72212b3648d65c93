package naming

import (
	"reflect"
	"slices"
)

// Fixed are the names of the package's own API, the same in every
// package but where a spec takes one.
//
// Fields tagged declared are the emitter's declarations: a spec name
// takes precedence and the fixed one is numbered (Client2), as for any
// derived name. Fields tagged static are the exported names of
// emit/static's helper code, which every package carries verbatim and
// which cannot be renamed: they are taken before the spec's, and a
// definition or enum named like one gets the suffix "Model" (a definition
// Pager is the type PagerModel). Each field is named after the name it
// holds when nothing takes it; a test holds the static ones to
// emit/static's exported names.
type Fixed struct {
	APIVersion      string `fixed:"declared"`
	Client          string `fixed:"declared"`
	ClientOptions   string `fixed:"declared"`
	DefaultEndpoint string `fixed:"declared"`
	Doer            string `fixed:"declared"`
	NewClient       string `fixed:"declared"`
	ResponseError   string `fixed:"declared"`

	Pager        string `fixed:"static"`
	Poller       string `fixed:"static"`
	Ptr          string `fixed:"static"`
	RetryOptions string `fixed:"static"`
}

// ClientFields are the Client's own unexported fields, and NewClient's
// doer argument: a parameter the Client holds takes another name (doer →
// doerParam). A test in emit holds them to the Client it writes.
var ClientFields = []string{"checkConstraints", "doer", "endpoint", "scheme"}

// ClientOptionFields are ClientOptions' own fields: an optional client
// parameter's field takes another name (Logger → LoggerParam). A test in
// emit holds them to the ClientOptions it writes.
var ClientOptionFields = []string{"ApplicationID", "CheckConstraints", "DisableRegistration", "Endpoint", "Logger", "Retry", "Scheme", "Token"}

// FixedNames lists the fields of Fixed tagged kind ("declared" or
// "static"), in order: the names they hold when nothing takes them.
func FixedNames(kind string) []string {
	var out []string
	for _, f := range reflect.VisibleFields(reflect.TypeFor[Fixed]()) {
		if f.Tag.Get("fixed") == kind {
			out = append(out, f.Name)
		}
	}
	return out
}

var staticNames = FixedNames("static")

// Fixed returns the names of the package's own API.
func (n *Names) Fixed() Fixed { return n.fixed }

// reserveStatic takes emit/static's names before any other.
func (n *Names) reserveStatic() {
	v := reflect.ValueOf(&n.fixed).Elem()
	for _, f := range staticNames {
		n.scope[f] = "armgen's helper " + f
		v.FieldByName(f).SetString(f)
	}
}

// claimFixed takes the names of the emitter's declarations, after the
// spec's type names, in order.
func (n *Names) claimFixed() {
	v := reflect.ValueOf(&n.fixed).Elem()
	for _, f := range FixedNames("declared") {
		v.FieldByName(f).SetString(n.derive(f, "armgen's "+f))
	}
}

// avoidStatic gives a spec name that is one of emit/static's its suffix.
func avoidStatic(name string) string {
	if slices.Contains(staticNames, name) {
		return name + "Model"
	}
	return name
}
