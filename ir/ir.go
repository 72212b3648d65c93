// Package ir is armgen's model of an API: small, language-neutral and fully
// resolved. The parser builds it from a spec; emitters read it. It knows
// nothing about JSON specs' syntax (no $ref, no allOf) nor about Go.
//
// An API is immutable once built: emitters and other readers never change it,
// so several generations may share one value.
//
// Order is part of the model: every slice is in the order the parser fixed
// (sorted, see each field), so that output never depends on map iteration.
package ir

import (
	"slices"
	"strings"
)

// API is one service, built from one or several spec files.
type API struct {
	Title       string
	Description string
	// Version is the spec's info.version: for Azure specs the api-version.
	Version string
	// Host is the spec's host (no scheme); BasePath its basePath ("" for "/").
	Host     string
	BasePath string
	// Schemes as listed by the spec, in its order ("https" when omitted).
	Schemes []string
	// HostTemplate is x-ms-parameterized-host's hostTemplate, e.g.
	// "{vault}{dnsSuffix}", with its parameters in HostParams; empty otherwise.
	HostTemplate string
	HostParts    Template // HostTemplate parsed
	HostParams   []*Parameter
	// UseSchemePrefix is x-ms-parameterized-host's useSchemePrefix (default true).
	UseSchemePrefix bool
	Security        []*SecurityScheme
	// Models sorted by Key.
	Models []*Model
	// Enums sorted by Key.
	Enums []*Enum
	// Operations sorted by Group, then Name, then Pointer.
	Operations []*Operation
	// ClientParams are parameters the caller supplies once per client rather
	// than on every call (x-ms-parameter-location: client, or a global
	// parameter without a location), sorted by Name. Operations refer to them
	// through Parameter.Client.
	ClientParams []*Parameter
	// Files are the spec files the API was read from, as given, in order;
	// files reached only through $ref follow, sorted.
	Files []string
	// Inputs counts the files of Files that were given (the others were
	// reached through $ref): the spec itself, for which names are settled
	// first.
	Inputs int
}

// Pointer locates a node in its spec: "file.json#/definitions/Foo". The file
// part is the path as the user gave it (or joined from a $ref), never made
// absolute, so that it reads well in messages.
type Pointer string

// SecurityScheme is one securityDefinitions entry.
type SecurityScheme struct {
	Name             string
	Type             string // oauth2, apiKey, basic
	Description      string
	Flow             string
	AuthorizationURL string
	TokenURL         string
	// In and ParamName describe an apiKey scheme.
	In, ParamName string
	Scopes        []Scope
	Pointer       Pointer
}

// Scope is one OAuth2 scope.
type Scope struct {
	Name, Description string
}

// Kind is the closed set of shapes a Type can take.
type Kind int

const (
	KindAny Kind = iota // any JSON value
	KindBool
	KindInt32
	KindInt64
	KindFloat32
	KindFloat64
	KindString
	KindBytes     // format: byte, base64 (standard alphabet)
	KindBase64URL // format: base64url
	KindDate      // format: date, "2006-01-02"
	KindDateTime  // format: date-time, RFC 3339 as Azure sends it
	KindDateTimeRFC1123
	KindUnixTime // format: unixtime, seconds since the epoch as a JSON number
	KindTime     // format: time, "15:04:05"
	KindDuration // format: duration, ISO 8601 text
	KindStream   // type: file, a request or response body read as bytes
	KindArray    // Elem
	KindMap      // string keys, Elem values (additionalProperties)
	KindModel    // Ref names a Model
	KindEnum     // Ref names an Enum
)

var kindNames = [...]string{
	KindAny: "any", KindBool: "bool", KindInt32: "int32", KindInt64: "int64",
	KindFloat32: "float32", KindFloat64: "float64", KindString: "string",
	KindBytes: "bytes", KindBase64URL: "base64url", KindDate: "date",
	KindDateTime: "date-time", KindDateTimeRFC1123: "date-time-rfc1123",
	KindUnixTime: "unixtime", KindTime: "time", KindDuration: "duration",
	KindStream: "stream", KindArray: "array", KindMap: "map", KindModel: "model",
	KindEnum: "enum",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind?"
}

// Type is a value's shape. Types are small values; compare with Equal.
type Type struct {
	Kind Kind
	// Format is the spec's format keyword as written (e.g. "uuid", "arm-id",
	// "int32"), kept for documentation and diffs; Kind already says what it
	// means for encoding.
	Format string
	// Elem is the element type of an array or map.
	Elem *Type
	// Ref is the Key of the Model or Enum for KindModel and KindEnum.
	Ref string
	// Nullable elements (x-nullable) may be JSON null inside arrays and maps.
	Nullable bool
}

// Equal reports whether two types describe the same shape.
func (t *Type) Equal(u *Type) bool {
	if t == nil || u == nil {
		return t == u
	}
	return t.Kind == u.Kind && t.Format == u.Format && t.Ref == u.Ref &&
		t.Nullable == u.Nullable && t.Elem.Equal(u.Elem)
}

// String renders a type for messages: "[]map[string]model BatchAccount".
func (t *Type) String() string {
	if t == nil {
		return "none"
	}
	switch t.Kind {
	case KindArray:
		return "[]" + t.Elem.String()
	case KindMap:
		return "map[string]" + t.Elem.String()
	case KindModel, KindEnum:
		return t.Kind.String() + " " + t.Ref
	}
	if t.Format != "" && t.Format != t.Kind.String() {
		return t.Kind.String() + "(" + t.Format + ")"
	}
	return t.Kind.String()
}

// Model is an object schema: a definition, or an inline object the parser
// gave a name.
type Model struct {
	// Key identifies the model within the API; Type.Ref holds it. It is the
	// spec's name when that is unique, else made unique by the parser.
	Key string
	// Name is the spec's name: the definition key, or for an inline schema a
	// path of names it was found under ("Pool.properties.scaleSettings").
	Name string
	// ClientName is x-ms-client-name, when the spec gives one.
	ClientName  string
	Title       string
	Description string
	// Inline is true for a schema with no definition of its own.
	Inline bool
	// Properties are the model's own and inherited properties: those of
	// allOf parents first (in allOf order, depth first), then its own in spec
	// order. A property redefined by the child replaces the parent's in place.
	Properties []*Property
	// Parents are the Keys of the allOf models, in spec order.
	Parents []string
	// AdditionalProperties is the type of values under keys that are not
	// properties (additionalProperties), or nil when the spec allows none.
	AdditionalProperties *Type
	// Polymorphism: a base model (with a discriminator) lists the Keys of
	// every model derived from it, directly or not, in Children; a derived
	// model names its nearest polymorphic ancestor in Base and the value that
	// selects it in DiscriminatorValue. A model can be both.
	Discriminator      string // wire name of the discriminator property, on a base
	Children           []string
	Base               string
	DiscriminatorValue string
	// AzureResource is x-ms-azure-resource; External is x-ms-external.
	AzureResource bool
	External      bool
	// Usage says where the model is used.
	Usage   Usage
	Pointer Pointer
}

// Usage is a set of places a model appears.
type Usage uint8

const (
	UsageInput  Usage = 1 << iota // in a request body
	UsageOutput                   // in a success response body
	UsageError                    // in an error response body
)

// Property is one property of a Model.
type Property struct {
	Name       string // wire name
	ClientName string // x-ms-client-name
	Type       *Type
	Required   bool
	ReadOnly   bool
	// Secret is x-ms-secret: the service never returns it.
	Secret bool
	// Mutability is x-ms-mutability (create, read, update), as given.
	Mutability []string
	// Flatten is x-ms-client-flatten. armgen keeps the wire nesting; it is
	// recorded for diffs and documentation.
	Flatten     bool
	Title       string
	Description string
	// Default is the spec's default as JSON text, "" when none.
	Default     string
	Constraints Constraints
	// Discriminator marks the property that selects a polymorphic model.
	Discriminator bool
	// Const is the only value a required property may take, when the spec
	// fixes it (a closed enum with one value; Type is then the enum's plain
	// type); "" otherwise. JSON text.
	Const      string
	Deprecated bool
	Pointer    Pointer
}

// Constraints are a value's validation keywords. Zero means unconstrained.
type Constraints struct {
	Pattern          string
	MinLength        *int64
	MaxLength        *int64
	Minimum          *float64
	Maximum          *float64
	ExclusiveMinimum bool
	ExclusiveMaximum bool
	MultipleOf       *float64
	MinItems         *int64
	MaxItems         *int64
	UniqueItems      bool
}

// IsZero reports whether no constraint is set.
func (c Constraints) IsZero() bool {
	return c.Pattern == "" && c.MinLength == nil && c.MaxLength == nil &&
		c.Minimum == nil && c.Maximum == nil && c.MultipleOf == nil &&
		c.MinItems == nil && c.MaxItems == nil && !c.UniqueItems
}

// Enum is a set of allowed values.
type Enum struct {
	Key string
	// Name is x-ms-enum's name, or a path of names for an unnamed enum.
	Name        string
	Named       bool // Name comes from x-ms-enum
	Description string
	// Base is KindString, KindInt32, KindInt64, KindFloat32, KindFloat64 or KindBool.
	Base   Kind
	Format string
	// Open is x-ms-enum's modelAsString: values outside the list are valid.
	Open    bool
	Values  []*EnumValue
	Pointer Pointer
}

// EnumValue is one allowed value.
type EnumValue struct {
	// Value is the JSON text of the value: `"Enabled"`, `1`, `2.5`.
	Value string
	// Name is x-ms-enum's values[].name, when given.
	Name        string
	Description string
	Pointer     Pointer
}

// Operation is one HTTP method on one path.
type Operation struct {
	// ID is the operationId; Group and Name split it at the first "_"
	// (Group is "" when there is none).
	ID          string
	Group, Name string
	Method      string // upper case
	// Path is the template from paths (or x-ms-paths), base path not
	// included; PathParts is the template parsed.
	Path        string
	PathParts   Template
	Summary     string
	Description string
	Deprecated  bool
	// Params are the method-level parameters and references to client
	// parameters, in spec order (path-item parameters first).
	Params    []*Parameter
	Consumes  []string
	Produces  []string
	Responses []*Response // success and explicit error responses, by status
	// Default is the "default" response: the error model for any other status.
	Default     *Response
	Pageable    *Paging
	LongRunning *LongRunning
	Examples    []*Example
	Pointer     Pointer
}

// Param returns the operation's parameter of the given location and wire name.
func (o *Operation) Param(in Location, name string) *Parameter {
	for _, p := range o.Params {
		if p.In == in && p.Name == name {
			return p
		}
	}
	return nil
}

// Body returns the body parameter, or nil.
func (o *Operation) Body() *Parameter {
	for _, p := range o.Params {
		if p.In == InBody {
			return p
		}
	}
	return nil
}

// Location is where a parameter travels.
type Location string

const (
	InPath     Location = "path"
	InQuery    Location = "query"
	InHeader   Location = "header"
	InBody     Location = "body"
	InFormData Location = "formData"
	InHost     Location = "host" // a part of x-ms-parameterized-host
)

// Parameter is one request parameter.
type Parameter struct {
	Name       string // wire name
	ClientName string // x-ms-client-name
	In         Location
	Type       *Type
	Required   bool
	// Client marks a parameter the client holds (see API.ClientParams).
	Client bool
	// APIVersion marks the api-version query parameter: its value is the
	// API's Version (or Const), never a caller's argument.
	APIVersion  bool
	Description string
	Default     string // JSON text
	// Const is the only value a required parameter can take (a closed enum
	// with one value; Type is then the enum's plain type), as JSON text;
	// callers do not pass it.
	Const            string
	Constraints      Constraints
	CollectionFormat string // csv, ssv, tsv, pipes, multi
	SkipURLEncoding  bool   // x-ms-skip-url-encoding
	Flatten          bool   // x-ms-client-flatten on a body
	// HeaderPrefix is x-ms-header-collection-prefix: a map parameter
	// sent as one header per key, each named the prefix and the key.
	HeaderPrefix string
	Pointer      Pointer
}

// Response is one documented response.
type Response struct {
	// Status is the HTTP status code, 0 for "default".
	Status      int
	Description string
	Type        *Type // nil when the response has no body
	Headers     []*Header
	// Error marks a response that is an error even with a 2xx-4xx status
	// (x-ms-error-response, or the default response).
	Error   bool
	Pointer Pointer
}

// Header is a documented response header.
type Header struct {
	Name        string
	ClientName  string
	Type        *Type
	Description string
	Pointer     Pointer
}

// Paging is x-ms-pageable.
type Paging struct {
	// ItemName is the property holding the items ("value" by default).
	ItemName string
	// NextLinkName is the property holding the next page's URL; "" means the
	// whole list comes in one page.
	NextLinkName string
	// NextOperation is the operation ID that fetches later pages, when the
	// spec names one (x-ms-pageable operationName); "" means a GET on nextLink.
	NextOperation string
}

// LongRunning is x-ms-long-running-operation and its options.
type LongRunning struct {
	// FinalStateVia is azure-async-operation, location, original-uri or
	// operation-location; "" when the spec leaves it to the default.
	FinalStateVia string
}

// Example is one x-ms-examples entry.
type Example struct {
	Name string
	// File is the example file, as a path joined from the spec's location.
	File    string
	Pointer Pointer
	// Loaded is set when the parser read the file (parser.Options.Examples):
	// the parameters by wire name, sorted, and the responses by status.
	Loaded    bool
	Params    []ExampleValue
	Responses []*ExampleResponse
}

// ExampleValue is a named JSON value of an example.
type ExampleValue struct {
	Name string
	JSON string
}

// ExampleResponse is one response of an example.
type ExampleResponse struct {
	Status int
	// Body is JSON text, "" when the response has none.
	Body    string
	Headers []ExampleValue // values are JSON strings
}

// ModelByKey returns the model with the given Key, or nil.
func (a *API) ModelByKey(key string) *Model {
	i, ok := slices.BinarySearchFunc(a.Models, key, func(m *Model, k string) int { return strings.Compare(m.Key, k) })
	if !ok {
		return nil
	}
	return a.Models[i]
}

// EnumByKey returns the enum with the given Key, or nil.
func (a *API) EnumByKey(key string) *Enum {
	i, ok := slices.BinarySearchFunc(a.Enums, key, func(e *Enum, k string) int { return strings.Compare(e.Key, k) })
	if !ok {
		return nil
	}
	return a.Enums[i]
}
