package gocode

import (
	"bytes"
	"go/format"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// render writes declarations as a file: package clause, imports, decls.
func render(decls ...Code) []byte {
	var body bytes.Buffer
	p := Printer{Buf: &body, Imports: map[string]bool{}}
	for _, d := range decls {
		p.Decl(d)
		body.WriteString("\n")
	}
	var out bytes.Buffer
	out.WriteString("package x\n\n")
	var paths []string
	for path := range p.Imports {
		paths = append(paths, path)
	}
	slices.Sort(paths)
	if len(paths) > 0 {
		out.WriteString("import (\n")
		for _, path := range paths {
			out.WriteString("\t\"" + path + "\"\n")
		}
		out.WriteString(")\n\n")
	}
	out.Write(bytes.TrimRight(body.Bytes(), "\n"))
	out.WriteString("\n")
	return out.Bytes()
}

// TestGofmtLayout holds the printer to gofmt: what it writes for each
// shape the emitter uses is what gofmt makes of it, byte for byte.
func TestGofmtLayout(t *testing.T) {
	ret := func(x ...Code) *Statement { return Return(x...) }
	errCheck := If(Err().Op("!=").Nil()).Block(ret(Nil(), Err()))
	cases := map[string][]Code{
		"method with checks": {Func().Params(Id("c").Op("*").Id("Client")).Id("NewGetRequest").
			Params(Id("ctx").Qual("context", "Context"), Id("name").String(), Id("options").Op("*").Id("GetOptions")).
			Params(Op("*").Qual("net/http", "Request"), Error()).Block(
			If(Id("options").Op("==").Nil()).Block(Id("options").Op("=").Op("&").Id("GetOptions").Values()),
			If(Err().Op(":=").Id("checkString").Call(Lit("name"), Id("name"), True(), Lit(3), Lit(-1), Lit("^a$")), Err().Op("!=").Nil()).Block(ret(Nil(), Err())),
			Id("urlPath").Op(":=").Lit("/a/").Op("+").Qual("net/url", "PathEscape").Call(Id("name")).Op("+").Lit("/b"),
			Id("query").Op(":=").Qual("net/url", "Values").Values(),
			Id("query").Dot("Add").Call(Lit("api-version"), Id("APIVersion")),
			List(Id("req"), Err()).Op(":=").Id("newRequest").Call(Id("ctx"), Lit("GET"), Id("c").Dot("endpoint"), Id("urlPath"), Id("query"), Nil(), Lit("")),
			errCheck,
			If(Id("options").Dot("Top").Op("!=").Nil()).Block(
				Id("req").Dot("Header").Dot("Set").Call(Lit("x-top"), Qual("strconv", "FormatInt").Call(Int64().Call(Op("*").Id("options").Dot("Top")), Lit(10))),
			),
			For(List(Id("k"), Id("v")).Op(":=").Range().Id("options").Dot("Meta")).Block(
				Id("req").Dot("Header").Dot("Set").Call(Lit("x-ms-meta-").Op("+").Id("k"), Id("v")),
			),
			Id("req").Dot("Header").Dot("Set").Call(Lit("x"), Qual("strconv", "FormatFloat").Call(Id("f"), LitByte('g'), Lit(-1), Lit(64))),
			Return(Id("req"), Nil()),
		)},
		"switch and header parse": {Func().Params(Id("c").Id("PoolClient")).Id("Parse").Params(Id("resp").Op("*").Qual("net/http", "Response")).
			Params(Id("R"), Error()).Block(
			Var().Id("result").Id("R"),
			Switch(Id("resp").Dot("StatusCode")).Block(
				Case(Lit(200), Lit(201)).Block(
					If(Err().Op(":=").Id("decodeJSON").Call(Id("resp"), Op("&").Id("result").Dot("Pool")), Err().Op("!=").Nil()).Block(ret(Id("result"), Err())),
					Id("result").Dot("Success").Op("=").Id("resp").Dot("StatusCode").Op("<").Lit(300),
				),
				Case(Lit(204)).Block(Id("drain").Call(Id("resp"))),
				Default().Block(ret(Id("result"), Id("newResponseError").Call(Id("resp")))),
			),
			If(Id("v").Op(":=").Id("resp").Dot("Header").Dot("Get").Call(Lit("ETag")), Id("v").Op("!=").Lit("")).Block(
				If(List(Id("x"), Id("ok")).Op(":=").Id("parseHeader").Call(Id("v"), Int32().Call(Lit(0))), Id("ok")).Block(
					Id("result").Dot("N").Op("=").Op("&").Id("x")),
			),
			ret(Id("result"), Nil()),
		)},
		"func literals in a call": {Func().Params(Id("c").Id("G")).Id("NewListPager").Params(Id("options").Op("*").Id("O")).Op("*").Id("P").Block(
			Return(Id("newPager").Call(
				Func().Params(Id("ctx").Qual("context", "Context"), Id("nextLink").String()).Params(Id("R"), Error()).Block(
					Var().Id("req").Op("*").Qual("net/http", "Request"),
					Var().Err().Error(),
					If(Id("nextLink").Op("==").Lit("")).Block(
						List(Id("req"), Err()).Op("=").Id("c").Dot("NewListRequest").Call(Id("ctx"), Id("options")),
					).Else().Block(
						List(Id("req"), Err()).Op("=").Id("c").Dot("NewListNextRequest").Call(Id("ctx"), Id("nextLink")),
					),
					If(Err().Op("!=").Nil()).Block(ret(Id("R").Values(), Err())),
					ret(Id("c").Dot("Parse").Call(Id("resp"))),
				),
				Func().Params(Id("p").Id("R")).String().Block(ret(Id("deref").Call(Id("p").Dot("NextLink")))),
				Func().Params(Id("p").Id("R")).Index().Op("*").Id("Item").Block(ret(Id("p").Dot("Value"))),
				Func().Params(Id("p").Id("R")).Map(String()).Index().Id("Item").Block(ret(Nil())),
			)),
		)},
		"depth rules": {Func().Id("f").Params(Id("at").String()).Error().Block(
			If(Err().Op(":=").Id("checkString").Call(Id("at").Op("+").Lit(".name"), Id("m").Dot("Name")), Err().Op("!=").Nil()).Block(ret(Err())),
			Id("x").Op(":=").Id("a").Op("+").Id("b").Op("*").Id("c"),
			Id("y").Op(":=").Id("f").Call(Id("a").Op("+").Id("b").Op("*").Id("c")),
			Id("z").Op(":=").Id("f").Call(Id("a").Op("+").Id("b"), Id("a").Op("*").Id("b").Op("==").Id("c")),
			Id("w").Op(":=").Id("a").Op("-").Lit(-1),
			Id("v").Op(":=").Id("a").Op("+").Id("f").Call(Id("b").Op("+").Id("c")),
			Id("u").Op(":=").Id("s").Index(Id("i").Op("+").Lit(1)),
			Id("t").Op(":=").Id("a").Op("!=").Nil().Op("&&").Id("b").Op("==").Lit(2).Op("||").Id("c"),
			List(Id("p"), Id("q")).Op(":=").Id("a").Op("+").Id("b"),
			List(Id("p"), Id("q")).Op("=").List(Id("a").Op("+").Id("b"), Id("c")),
			Id("r").Op(":=").Id("T").Values(Id("a").Op("+").Id("b"), Id("c")),
			Id("x").Op("+=").Qual("encoding/json", "RawMessage").Call(Lit("null")).Index(Lit(0)),
			Id("f").Call(Id("g").Call(Id("a").Op("+").Id("b"), Id("c")).Dot("h").Call(Id("a").Op("+").Id("b"))),
			Add(Id("a").Op("=").Lit(1.0), Line(), Id("b").Op("=").Lit(2.5)),
			ret(Nil()),
		)},
		"type alias": {Type().Id("ListPager").Op("=").Id("Pager").Types(Id("R"), Op("*").Id("Item"))},
	}
	for name, decls := range cases {
		t.Run(name, func(t *testing.T) {
			got := render(decls...)
			want, err := format.Source(got)
			if err != nil {
				t.Fatalf("does not parse: %v\n%s", err, got)
			}
			if diff := cmp.Diff(strings.Split(string(want), "\n"), strings.Split(string(got), "\n")); diff != "" {
				t.Errorf("not gofmt's layout (-gofmt +printer):\n%s", diff)
			}
		})
	}
}

// TestUnknownShapes: what the printer does not cover panics rather than
// coming out of gofmt's layout.
func TestUnknownShapes(t *testing.T) {
	for name, decl := range map[string]Code{
		"not a declaration":     Id("x"),
		"return then more":      Func().Id("f").Params().Block(Return().Id("x")),
		"operator without both": Func().Id("f").Params().Block(Id("x").Op(":=").Id("a").Op("+")),
		"if without a block":    Func().Id("f").Params().Block(If(Id("x"))),
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("no panic")
				}
			}()
			render(decl)
		})
	}
}
