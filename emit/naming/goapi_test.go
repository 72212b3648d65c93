package naming

import (
	"slices"
	"testing"

	"github.com/armgen/armgen/ir"
)

func TestRoleOf(t *testing.T) {
	str := &ir.Type{Kind: ir.KindString}
	for _, c := range []struct {
		p    ir.Parameter
		want Role
	}{
		{ir.Parameter{Name: "name", In: ir.InPath, Required: true}, RoleArgument},
		{ir.Parameter{Name: "top", In: ir.InQuery}, RoleOption},
		{ir.Parameter{Name: "api-version", In: ir.InQuery, Required: true, APIVersion: true, Client: true}, RoleFixed},
		{ir.Parameter{Name: "kind", In: ir.InQuery, Required: true, Const: `"x"`}, RoleFixed},
		{ir.Parameter{Name: "subscriptionId", In: ir.InPath, Required: true, Client: true}, RoleClient},
		{ir.Parameter{Name: "region", In: ir.InQuery, Client: true}, RoleClientOption},
		// A required client parameter with a default is the client's
		// setting, the default unless set.
		{ir.Parameter{Name: "pageSize", In: ir.InQuery, Required: true, Client: true, Default: "10"}, RoleClientOption},
	} {
		c.p.Type = str
		if got := RoleOf(&c.p); got != c.want {
			t.Errorf("RoleOf(%+v) = %d, want %d", c.p, got, c.want)
		}
		if got, want := RoleOf(&c.p).PerCall(), c.want == RoleArgument || c.want == RoleOption; got != want {
			t.Errorf("%s: PerCall() = %v", c.p.Name, got)
		}
	}
}

// An operation's Go API: its parameters by role in spec order, the
// method users call, the body the response embeds or holds, bodies with
// fields of their own, and its headers, one per name in any case.
func TestOperationGoAPI(t *testing.T) {
	model := func(key string, props ...string) *ir.Model {
		m := &ir.Model{Key: key, Name: key, Pointer: ir.Pointer("spec.json#/definitions/" + key)}
		for _, p := range props {
			m.Properties = append(m.Properties, &ir.Property{Name: p, Type: &ir.Type{Kind: ir.KindString}, Pointer: m.Pointer + ir.Pointer("/properties/"+p)})
		}
		return m
	}
	thing, other := model("Thing", "name"), model("Other", "id")
	str := &ir.Type{Kind: ir.KindString}
	name := &ir.Parameter{Name: "name", In: ir.InPath, Required: true, Type: str, Pointer: "spec.json#/p/0"}
	top := &ir.Parameter{Name: "top", In: ir.InQuery, Type: str, Pointer: "spec.json#/p/1"}
	version := &ir.Parameter{Name: "api-version", In: ir.InQuery, Required: true, APIVersion: true, Type: str, Pointer: "spec.json#/p/2"}
	body := &ir.Parameter{Name: "thing", In: ir.InBody, Required: true, Type: &ir.Type{Kind: ir.KindModel, Ref: "Thing"}, Pointer: "spec.json#/p/3"}
	etag := &ir.Header{Name: "ETag", Type: str}
	etagAgain := &ir.Header{Name: "etag", Type: str}
	retry := &ir.Header{Name: "Retry-After", Type: &ir.Type{Kind: ir.KindInt32}}
	when := &ir.Response{Status: 203, Type: &ir.Type{Kind: ir.KindDateTime}, Pointer: "spec.json#/r/203"}
	put := &ir.Operation{ID: "Things_Put", Group: "Things", Name: "Put", Method: "PUT", Pointer: "spec.json#/put",
		Params: []*ir.Parameter{version, name, top, body},
		Responses: []*ir.Response{
			{Status: 200, Type: &ir.Type{Kind: ir.KindModel, Ref: "Thing"}, Headers: []*ir.Header{etag}},
			{Status: 201, Type: &ir.Type{Kind: ir.KindModel, Ref: "Other"}, Headers: []*ir.Header{etagAgain, retry}},
			{Status: 202},
			when,
			{Status: 409, Error: true, Headers: []*ir.Header{{Name: "x-ms-error-code", Type: str}}},
		},
		LongRunning: &ir.LongRunning{}}
	list := &ir.Operation{ID: "Things_List", Group: "Things", Name: "List", Method: "GET", Pointer: "spec.json#/list",
		Params:    []*ir.Parameter{top},
		Responses: []*ir.Response{{Status: 200, Type: &ir.Type{Kind: ir.KindArray, Elem: str}}},
		Pageable:  &ir.Paging{ItemName: "value"}}
	api := &ir.API{Models: []*ir.Model{other, thing}, Operations: []*ir.Operation{list, put}}
	n, diags := Assign(api, "things")
	if diags.HasErrors() {
		t.Fatal(diags)
	}

	o := n.Op(put)
	if o.Call != "BeginPut" || n.Op(list).Call != "NewListPager" {
		t.Errorf("calls: %s, %s", o.Call, n.Op(list).Call)
	}
	if !slices.Equal(o.Args, []*ir.Parameter{name, body}) || !slices.Equal(o.Optional, []*ir.Parameter{top}) {
		t.Errorf("arguments %v, options %v", o.Args, o.Optional)
	}
	if len(o.Success) != 4 || o.Body != put.Responses[0].Type || !o.Embeds {
		t.Errorf("success %d, body %v, embeds %v", len(o.Success), o.Body, o.Embeds)
	}
	if got := o.OwnFields(); !slices.Equal(got, []string{"Other"}) || o.Own[put.Responses[1]] != "Other" {
		t.Errorf("own fields %v", got)
	}
	// A date-time body needs a codec: it cannot have a field of its own.
	if !slices.Equal(o.Mismatched, []*ir.Response{when}) {
		t.Errorf("mismatched %v", o.Mismatched)
	}
	if !slices.Equal(o.Headers, []*ir.Header{etag, retry}) {
		t.Errorf("headers %v", o.Headers)
	}
	if o.Header("ETAG") != etag || o.Header("retry-after") != retry || o.Header("x-ms-error-code") != nil {
		t.Errorf("Header finds the wrong header")
	}
	if lo := n.Op(list); lo.Embeds || lo.Body == nil || len(lo.Args) != 0 {
		t.Errorf("list: embeds %v, body %v, args %v", lo.Embeds, lo.Body, lo.Args)
	}
	if n.Param(body).Role != RoleArgument || n.Param(version).Role != RoleFixed || n.Param(top).Field != "Top" {
		t.Errorf("params: %+v %+v %+v", n.Param(body), n.Param(version), n.Param(top))
	}
}

func TestCodec(t *testing.T) {
	base := &ir.Model{Key: "Animal", Name: "Animal", Discriminator: "kind", Pointer: "spec.json#/definitions/Animal"}
	plain := &ir.Model{Key: "Plain", Name: "Plain", Pointer: "spec.json#/definitions/Plain"}
	n, diags := Assign(&ir.API{Models: []*ir.Model{base, plain}}, "p")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	arr := func(t *ir.Type) *ir.Type { return &ir.Type{Kind: ir.KindArray, Elem: t} }
	mapOf := func(t *ir.Type) *ir.Type { return &ir.Type{Kind: ir.KindMap, Elem: t} }
	for _, c := range []struct {
		t    *ir.Type
		want Codec
	}{
		{&ir.Type{Kind: ir.KindString}, CodecNone},
		{&ir.Type{Kind: ir.KindDateTime}, CodecDateTime},
		{arr(mapOf(&ir.Type{Kind: ir.KindDate})), CodecDate},
		{&ir.Type{Kind: ir.KindDateTimeRFC1123}, CodecRFC1123},
		{mapOf(&ir.Type{Kind: ir.KindUnixTime}), CodecUnixTime},
		{&ir.Type{Kind: ir.KindBase64URL}, CodecBase64URL},
		{&ir.Type{Kind: ir.KindBytes}, CodecNone},
		{arr(&ir.Type{Kind: ir.KindModel, Ref: "Animal"}), CodecFamily},
		{&ir.Type{Kind: ir.KindModel, Ref: "Plain"}, CodecNone},
	} {
		if got := n.Codec(c.t); got != c.want {
			t.Errorf("Codec(%s) = %d, want %d", c.t, got, c.want)
		}
	}
}

func TestGoTypeIn(t *testing.T) {
	n, _ := Assign(&ir.API{Models: []*ir.Model{{Key: "Part", Name: "Part", Pointer: "spec.json#/definitions/Part"}}}, "p")
	for _, c := range []struct {
		t    *ir.Type
		want string
	}{
		{&ir.Type{Kind: ir.KindMap, Elem: &ir.Type{Kind: ir.KindModel, Ref: "Part"}}, "map[string]*p.Part"},
		{&ir.Type{Kind: ir.KindArray, Elem: &ir.Type{Kind: ir.KindString}}, "[]string"},
		{&ir.Type{Kind: ir.KindDateTime}, "*time.Time"},
		{&ir.Type{Kind: ir.KindBytes}, "[]byte"},
	} {
		if got := n.FieldType(c.t).In("example.com/p").String(); got != c.want {
			t.Errorf("FieldType(%s).In = %s, want %s", c.t, got, c.want)
		}
	}
	// The type itself is not changed.
	typ := n.FieldType(&ir.Type{Kind: ir.KindModel, Ref: "Part"})
	typ.In("example.com/p")
	if typ.String() != "*Part" {
		t.Errorf("In changed its type: %s", typ)
	}
}
