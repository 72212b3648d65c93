package emit

import (
	"embed"
	"path"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/armgen/armgen/emit/naming"
	"github.com/armgen/armgen/ir"
)

// Fakes (Options.Fakes): a second package, DIR/fake, that serves the
// operations in process for tests of code that uses the client. Its
// contract is what tests outside this repository use by name: Server,
// with a field per operation group (BatchAccount *BatchAccountServer) and
// the funcs of the ungrouped operations; <Group>Server, with a func field
// per operation named like the client's method; NewDoer; Server as an
// http.Handler. The machinery is emit/static/fake's; here are the spec's
// parts: the types, the route table, and per operation a method that
// reads the request into the func's arguments and a function that makes
// its result the service's answer (fakes_ops.go).

// fakeDir is the fake package's directory within the output directory.
const fakeDir = "fake"

// Members of the fake Server besides the groups and the ungrouped
// operations' funcs.
const (
	fakePolls     = "Polls"
	fakeServeHTTP = "ServeHTTP"
)

// fakeJobs lists the files of the fake package: server.go, and a file
// per operation group with its server.
func (g *gen) fakeJobs() []job {
	jobs := []job{{name: fakeDir + "/server.go", fake: true, build: g.fakeServerFile}}
	for _, grp := range g.names.Groups() {
		if grp.Accessor == "" {
			continue
		}
		name := fakeDir + "/" + fileName(grp.Accessor) + "_server.go"
		jobs = append(jobs, job{name: name, fake: true, build: func(f *jen.File) { g.fakeGroupFile(f, name, grp) }})
	}
	return jobs
}

// checkFakes reports what would make the fake package not compile: a
// group or an ungrouped operation named like a member of Server.
func (g *gen) checkFakes() {
	if g.opts.ImportPath == "" {
		g.diags.Add(ir.Pointer(firstFile(g.api)), "internal error: fakes need the import path of the generated package")
		return
	}
	for _, grp := range g.names.Groups() {
		if grp.Accessor == fakePolls || grp.Accessor == fakeServeHTTP {
			g.diags.Add(g.byGroup[grp][0].Pointer, "the operation group %s would be the fake Server's field %s, which the fake keeps for itself — -rename #/operationGroups/%s=Name", grp.Name, grp.Accessor, grp.Name)
		}
		if grp.Accessor != "" {
			continue
		}
		for _, op := range g.byGroup[grp] {
			if name := fakeField(g.names.Op(op)); name == fakePolls || name == fakeServeHTTP {
				g.diags.Add(op.Pointer, "the operation %s would be the fake Server's field %s, which the fake keeps for itself — -rename it", op.ID, name)
			}
		}
	}
}

func firstFile(api *ir.API) string {
	if len(api.Files) > 0 {
		return api.Files[0]
	}
	return "spec"
}

// newFakeFile starts a file of the fake package, which imports the
// generated package under its name (see fakeImportName).
func (g *gen) newFakeFile() *jen.File {
	f := jen.NewFilePathName(g.opts.ImportPath+"/"+fakeDir, "fake")
	if name := fakeImportName(g.opts.Package); name == path.Base(g.opts.ImportPath) {
		f.ImportName(g.opts.ImportPath, name)
	} else {
		f.ImportAlias(g.opts.ImportPath, name)
	}
	f.HeaderComment(Header)
	if len(g.opts.Sources) > 0 {
		f.HeaderComment("// Source: " + inLine(strings.Join(g.opts.Sources, ", ")))
	}
	return f
}

// fakeImportName is the name the fake package imports the generated one
// by: its package name, unless that is a name the fake package declares
// or its functions use (a package named "routes" or "reply"), which would
// hide it; then the name and "api".
func fakeImportName(pkg string) string {
	if fakeReserved[pkg] {
		return pkg + "api"
	}
	return pkg
}

// fakeReserved are the names the fake package declares (emit/static/fake's
// and the emitter's) or uses in its functions, and the packages it imports.
var fakeReserved = map[string]bool{}

func init() {
	for _, names := range []string{
		// emit/static/fake (TestFakeReservedNames keeps this up to date)
		"Doer Refused base64URLLeaf compile dateLeaf dateTimeLeaf decodeFamily errorBody errorReply errorShapes escapeLiteral " +
			"family final form formatText isZero leaf linkOf linkPrefix listPages matcher newReply newRouter operation orNil " +
			"originalKey pageSet parseTime provisioningState quotedTime rawQuery readShaped refusal reply request resultAt " +
			"rfc1123Leaf route router separator serveHTTP serveLongRunningPages servePages serverState setText soon templateParam " +
			"terminal timeLeaf timeType unixTimeLeaf withProvisioningState withStatus writeShaped",
		// the emitter's declarations, and the names its functions use
		"Server NewDoer routes errorOf s r in opts res err result p link w req base e out data ctx options",
		// imported packages
		"context iter errors json http",
	} {
		for _, name := range strings.Fields(names) {
			fakeReserved[name] = true
		}
	}
}

// pkg names a declaration of the generated package.
func (g *gen) pkg(name string) *jen.Statement { return jen.Qual(g.opts.ImportPath, name) }

// fakeType spells a Go type of the generated package in the fake one.
func (g *gen) fakeType(t naming.GoType) *jen.Statement { return jenType(t.In(g.opts.ImportPath)) }

// fakeServerType names the server of a group.
func fakeServerType(grp *naming.Group) string { return grp.Accessor + "Server" }

// fakeField is the func field of an operation: the method users call.
func fakeField(o *naming.Op) string { return o.Call }

// fakeServerFile writes server.go: the package doc, Server, NewDoer, the
// route table, and what reads the package's errors and families.
func (g *gen) fakeServerFile(f *jen.File) {
	pkgName := fakeImportName(g.opts.Package)
	f.PackageComment(g.comment("Package fake serves the operations of package " + g.opts.Package + " in process, for tests of code that uses its Client: " +
		"set the func of each operation a test expects on a Server, and give the client fake.NewDoer(server) as its Doer. " +
		"The client sends real requests and reads real answers: the fake reads each request into the func's arguments with " +
		pkgName + "'s types, calls the func and answers as the service would, with the pages of a list linked by next links " +
		"and long-running operations followed as their spec says. No network, no goroutine.\n\n" +
		"A func's *" + pkgName + "." + g.names.Fixed().ResponseError + " is the service's error answer (its status, code, message and body; " +
		"500 without a status); any other error is a failure to reach the service, which Do returns. " +
		"A nil func answers 501 Not Implemented, a request no operation serves 404 Not Found, one the fake cannot read 400 Bad Request, " +
		"each naming what. The client's retry policy applies to the fake's answers as to the service's: " +
		"tests of 429, 5xx and failures to reach the service set ClientOptions.Retry.MaxRetries to -1, or a short RetryDelay.\n\n" +
		"Server is also an http.Handler, for an httptest.Server (with ClientOptions.Endpoint its URL)."))

	groups := g.names.Groups()
	var fields []jen.Code
	for _, grp := range groups {
		if grp.Accessor == "" {
			continue
		}
		fields = append(fields,
			g.doc(grp.Accessor+" serves the operations of "+pkgName+"."+grp.Type+"; nil answers 501 Not Implemented."),
			jen.Id(grp.Accessor).Op("*").Id(fakeServerType(grp)))
	}
	for _, grp := range groups {
		if grp.Accessor == "" {
			for _, op := range g.byGroup[grp] {
				og := g.newOpGen(op, g.names.Op(op))
				fields = append(fields, g.fakeFuncDoc(og), jen.Id(fakeField(og.names)).Add(g.fakeFuncType(og)))
			}
		}
	}
	fields = append(fields,
		jen.Comment("// "+fakePolls+" is how many polls of a long-running operation answer that it is still in progress before"),
		jen.Comment("// the poll that ends it (0: the first poll ends it). The fake asks the client to poll at once."),
		jen.Id(fakePolls).Int(),
		jen.Line(),
		jen.Id("state").Id("serverState"),
	)
	f.Add(g.doc("Server answers the requests of a " + pkgName + "." + g.names.Fixed().Client + " with the funcs a test sets. Its zero value answers " +
		"every request 501 Not Implemented. A Server is safe for concurrent use as long as its funcs are."))
	f.Type().Id("Server").Struct(fields...)
	f.Line()

	f.Comment("// NewDoer returns the Doer that serves a client's requests with s, in process: pass it to " + pkgName + ".NewClient.")
	f.Func().Id("NewDoer").Params(jen.Id("s").Op("*").Id("Server")).Op("*").Id("Doer").Block(
		jen.Return(jen.Op("&").Id("Doer").Values(jen.Id("serve").Op(":").Id("s").Dot("serve"))),
	)
	f.Line()
	f.Comment("// ServeHTTP answers a request over HTTP, as NewDoer's Doer does in process.")
	f.Func().Params(jen.Id("s").Op("*").Id("Server")).Id(fakeServeHTTP).Params(
		jen.Id("w").Qual("net/http", "ResponseWriter"), jen.Id("req").Op("*").Qual("net/http", "Request")).Block(
		jen.Id("serveHTTP").Call(jen.Id("s").Dot("serve"), jen.Id("w"), jen.Id("req")),
	)
	f.Line()
	f.Func().Params(jen.Id("s").Op("*").Id("Server")).Id("serve").Params(
		jen.Id("req").Op("*").Qual("net/http", "Request"), jen.Id("base").String()).Params(jen.Op("*").Id("reply"), jen.Error()).Block(
		jen.Return(jen.Id("routes").Dot("serve").Call(jen.Id("s"), jen.Op("&").Id("s").Dot("state"), jen.Id("s").Dot(fakePolls), jen.Id("req"), jen.Id("base"))),
	)
	f.Line()

	g.fakeRoutes(f)
	g.fakeErrorOf(f)
	g.fakeFamilies(f)
	for _, grp := range groups {
		if grp.Accessor == "" {
			g.fakeOperationsOf(f, "fake/server.go", grp)
		}
	}
}

// fakeGroupFile writes a group's server: its funcs and what serves them.
func (g *gen) fakeGroupFile(f *jen.File, file string, grp *naming.Group) {
	var fields []jen.Code
	for _, op := range g.byGroup[grp] {
		og := g.newOpGen(op, g.names.Op(op))
		fields = append(fields, g.fakeFuncDoc(og), jen.Id(fakeField(og.names)).Add(g.fakeFuncType(og)))
	}
	name := fakeServerType(grp)
	f.Add(g.doc(name + " answers the operations of " + fakeImportName(g.opts.Package) + "." + grp.Type + " with its funcs; a nil func answers 501 Not Implemented."))
	f.Type().Id(name).Struct(fields...)
	f.Line()
	g.fakeOperationsOf(f, file, grp)
}

// fakeFuncType is the type of an operation's func: the client method's
// arguments, with the context first, and its result: the response and an
// error; for a list, its pages; for a long-running operation, the result
// it ends with (the first page, when that is a list).
func (g *gen) fakeFuncType(og *opGen) *jen.Statement {
	params := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	for _, p := range og.names.Args {
		params = append(params, jen.Id(g.names.Param(p).Arg).Add(g.fakeType(g.names.ArgType(p.Type))))
	}
	params = append(params, jen.Id("options").Op("*").Add(g.pkg(og.names.Options)))
	if og.op.Pageable != nil {
		return jen.Func().Params(params...).Qual("iter", "Seq2").Types(g.pkg(og.names.Response), jen.Error())
	}
	return jen.Func().Params(params...).Params(g.pkg(og.names.Response), jen.Error())
}

// fakeFuncDoc documents an operation's func.
func (g *gen) fakeFuncDoc(og *opGen) jen.Code {
	op, names := og.op, og.names
	client := fakeImportName(g.opts.Package) + "." + names.Group.Type + "." + fakeField(names)
	text := fakeField(names) + " serves " + client + ": " + op.Method + " " + g.api.BasePath + op.Path + " (" + op.ID + ")."
	switch {
	case op.Pageable != nil && op.LongRunning != nil:
		text += "\nThe operation is long-running and ends with the first page of a list: the func returns the pages; the fake answers as the operation's poller expects, then links the pages by next links."
	case op.Pageable != nil && op.Pageable.NextLinkName != "":
		text += "\nThe func returns the pages, in order; the fake links them by next links the pager follows. An error ends the list where it comes."
	case op.Pageable != nil:
		text += "\nThe func returns the list's one page."
	case op.LongRunning != nil:
		text += "\nThe func returns the operation's result, or its error, which it ends with after Server.Polls polls; wrap the error in Refused to refuse the request that starts it instead."
	}
	return g.doc(text)
}

// fakeErrorOf writes errorOf, which reads the package's *ResponseError
// out of a func's error: its fields, and the body it carries or the
// decoded error model's.
func (g *gen) fakeErrorOf(f *jen.File) {
	name := g.names.Fixed().ResponseError
	body := []jen.Code{
		jen.Var().Id("e").Op("*").Add(g.pkg(name)),
		jen.If(jen.Op("!").Qual("errors", "As").Call(jen.Err(), jen.Op("&").Id("e")).Op("||").Id("e").Op("==").Nil()).Block(
			jen.Return(jen.Nil(), jen.False())),
		jen.Id("out").Op(":=").Op("&").Id("errorReply").Values(keyed(
			kv("status", jen.Id("e").Dot("StatusCode")), kv("code", jen.Id("e").Dot("Code")),
			kv("message", jen.Id("e").Dot("Message")), kv("target", jen.Id("e").Dot("Target")),
			kv("requestID", jen.Id("e").Dot("RequestID")), kv("body", jen.Id("e").Dot("RawBody")),
		)...),
	}
	for _, m := range g.errorModels() {
		field := g.names.ErrorField(m)
		body = append(body, jen.If(jen.Id("out").Dot("body").Op("==").Nil().Op("&&").Id("e").Dot(field).Op("!=").Nil()).Block(
			jen.List(jen.Id("out").Dot("body"), jen.Id("_")).Op("=").Qual("encoding/json", "Marshal").Call(jen.Id("e").Dot(field)),
		))
	}
	body = append(body, jen.Return(jen.Id("out"), jen.True()))
	f.Comment("// errorOf reads the *" + fakeImportName(g.opts.Package) + "." + name + " a func returned: what the fake answers with.")
	f.Func().Id("errorOf").Params(jen.Err().Error()).Params(jen.Op("*").Id("errorReply"), jen.Bool()).Block(body...)
	f.Line()
}

// fakeFamilies writes, for each polymorphic family a request body holds,
// the function that decodes a value of it by its discriminator.
func (g *gen) fakeFamilies(f *jen.File) {
	seen := map[string]bool{}
	for _, op := range g.api.Operations {
		bp := op.Body()
		if bp == nil || bp.Const != "" {
			continue
		}
		leaf := leafOf(bp.Type)
		if !g.names.Polymorphic(leaf) || seen[leaf.Ref] {
			continue
		}
		seen[leaf.Ref] = true
	}
	for _, m := range g.api.Models {
		if !seen[m.Key] {
			continue
		}
		iface := g.fakeType(g.names.ValueType(&ir.Type{Kind: ir.KindModel, Ref: m.Key}))
		ctor := func(model *ir.Model) jen.Code {
			return jen.Func().Params().Add(iface.Clone()).Block(jen.Return(jen.Op("&").Add(g.pkg(g.names.Type(model))).Values()))
		}
		var kinds []jen.Code
		for _, c := range m.Children {
			cm := g.names.Model(c)
			kinds = append(kinds, jen.Lit(cm.DiscriminatorValue).Op(":").Add(ctor(cm)))
		}
		f.Comment("// " + naming.FakeDecoder(g.names.Interface(m)) + " decodes a " + fakeImportName(g.opts.Package) + "." + g.names.Interface(m) + " as the package does.")
		f.Func().Id(naming.FakeDecoder(g.names.Interface(m))).Params(jen.Id("data").Index().Byte()).Params(iface.Clone(), jen.Error()).Block(
			jen.Return(jen.Id("decodeFamily").Call(jen.Id("data"), jen.Lit(m.Discriminator),
				jen.Map(jen.String()).Func().Params().Add(iface.Clone()).Values(lines(kinds)...), ctor(m))),
		)
		f.Line()
	}
}

//go:embed static/fake/*.go
var staticFakeFS embed.FS

// staticFakeFiles copies the fake package's fixed helpers.
func (g *gen) staticFakeFiles() []File {
	return fixedFiles(staticFakeFS, "static/fake", "fake", fakeDir+"/", func(string) bool { return true })
}
