package fake

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Doer serves requests in process: a client given one sends every request
// (each try, page and poll) to the Server it was made for, which reads it
// as the service would, calls the func of its operation and answers. It
// opens no connection and starts no goroutine.
type Doer struct {
	serve func(req *http.Request, base string) (*reply, error)
}

// Do answers req. A func's error that is not the package's *ResponseError
// comes back as Do's error, as a failure to reach the service would.
func (d *Doer) Do(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		defer req.Body.Close()
	}
	if err := req.Context().Err(); err != nil {
		return nil, err
	}
	host := req.Host
	if host == "" {
		host = req.URL.Host
	}
	rep, err := d.serve(req, req.URL.Scheme+"://"+host)
	if err != nil {
		return nil, err
	}
	return rep.response(req), nil
}

// serveHTTP answers req over HTTP. A func's error that is not the
// package's *ResponseError drops the connection, which is how a client
// sees a failure to reach the service.
func serveHTTP(serve func(req *http.Request, base string) (*reply, error), w http.ResponseWriter, req *http.Request) {
	scheme := "http"
	if req.TLS != nil {
		scheme = "https"
	}
	rep, err := serve(req, scheme+"://"+req.Host)
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	rep.write(w)
}

// reply is an answer: status, headers and body.
type reply struct {
	status int
	header http.Header
	body   []byte
}

func newReply(status int) *reply {
	return &reply{status: status, header: http.Header{}}
}

// response makes the answer the *http.Response a client reads.
func (p *reply) response(req *http.Request) *http.Response {
	header := p.header.Clone()
	if header == nil {
		header = http.Header{}
	}
	return &http.Response{
		Status:        strconv.Itoa(p.status) + " " + http.StatusText(p.status),
		StatusCode:    p.status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        header,
		Body:          io.NopCloser(bytes.NewReader(p.body)),
		ContentLength: int64(len(p.body)),
		Request:       req,
	}
}

func (p *reply) write(w http.ResponseWriter) {
	for k, v := range p.header {
		w.Header()[k] = slices.Clone(v)
	}
	w.WriteHeader(p.status)
	_, _ = w.Write(p.body)
}

// errorReply is what an error the service returns says: the fields of the
// package's ResponseError, and its body when the error carries one.
type errorReply struct {
	status                int
	code, message, target string
	requestID             string
	body                  []byte
}

// route is one operation a Server serves. S is the Server type.
type route[S any] struct {
	// method and path are the operation's: the path template with the
	// base path, {name} for a parameter and {+name} for one sent as it is
	// (x-ms-skip-url-encoding); a query an x-ms-paths key fixes may follow
	// "?".
	method, path string
	// host is the x-ms-parameterized-host template when the operation
	// takes parts of it as arguments.
	host string
	// op is the operationId, for messages.
	op string
	// errors says where the operation's error body holds code and
	// message: under that property ("error", ARM's), at the top level
	// (""), or "text": the body is a JSON string, the message;
	// statusErrors says it for the statuses whose error model is
	// another than the operation's default.
	errors       string
	statusErrors map[int]string
	serve        func(s *S, r *request)
}

// errorShapes are a route's errors and statusErrors.
type errorShapes struct {
	all      string
	byStatus map[int]string
}

// at says where the error body of a status holds code and message.
func (e errorShapes) at(status int) string {
	if at, ok := e.byStatus[status]; ok {
		return at
	}
	return e.all
}

// router finds the operation of a request.
type router[S any] struct {
	pkg      string
	errorOf  func(error) (*errorReply, bool)
	routes   []route[S]
	once     sync.Once
	matchers []*matcher
}

// newRouter makes the router of a package's operations; errorOf reads the
// package's *ResponseError out of a func's error.
func newRouter[S any](pkg string, errorOf func(error) (*errorReply, bool), routes ...route[S]) *router[S] {
	return &router[S]{pkg: pkg, errorOf: errorOf, routes: routes}
}

// matcher matches the requests of one route.
type matcher struct {
	route  int
	method string
	path   *regexp.Regexp
	names  []string // of path's groups
	raw    []bool   // whether each group is taken as sent
	query  url.Values
	host   *regexp.Regexp
	hosts  []string // names of host's groups
	// literal counts the characters of the path that are not parameters:
	// of two templates that match, the one with more is tried first
	// (/things/default before /things/{name}).
	literal int
}

var templateParam = regexp.MustCompile(`\{(\+?)([^{}]+)\}`)

func compile(index int, method, template, host string) *matcher {
	m := &matcher{route: index, method: method}
	path, query, _ := strings.Cut(template, "?")
	m.query, _ = url.ParseQuery(query)
	var expr strings.Builder
	expr.WriteString("(?i)^")
	last := 0
	for _, loc := range templateParam.FindAllStringSubmatchIndex(path, -1) {
		literal := escapeLiteral(path[last:loc[0]])
		expr.WriteString(regexp.QuoteMeta(literal))
		m.literal += len(literal)
		raw := loc[3] > loc[2]
		if raw {
			expr.WriteString("(.+)")
		} else {
			expr.WriteString("([^/]+)")
		}
		m.names = append(m.names, path[loc[4]:loc[5]])
		m.raw = append(m.raw, raw)
		last = loc[1]
	}
	literal := escapeLiteral(path[last:])
	expr.WriteString(regexp.QuoteMeta(literal) + "$")
	m.literal += len(literal)
	m.path = regexp.MustCompile(expr.String())
	if host != "" {
		var h strings.Builder
		h.WriteString("(?i)^")
		last := 0
		for _, loc := range templateParam.FindAllStringSubmatchIndex(host, -1) {
			h.WriteString(regexp.QuoteMeta(host[last:loc[0]]) + "(.+?)")
			m.hosts = append(m.hosts, host[loc[4]:loc[5]])
			last = loc[1]
		}
		h.WriteString(regexp.QuoteMeta(host[last:]) + "$")
		m.host = regexp.MustCompile(h.String())
	}
	return m
}

// escapeLiteral writes a literal part of a path template as a request's
// escaped path has it. The template may escape a character itself (%7B
// for a brace the template syntax would take).
func escapeLiteral(literal string) string {
	if u, err := url.PathUnescape(literal); err == nil {
		literal = u
	}
	return (&url.URL{Path: literal}).EscapedPath()
}

// match finds the route of req and the values of its path and host
// parameters, nil when no operation serves it.
func (rt *router[S]) match(req *http.Request) (*route[S], map[string]string) {
	rt.once.Do(func() {
		for i, r := range rt.routes {
			rt.matchers = append(rt.matchers, compile(i, r.method, r.path, r.host))
		}
		slices.SortStableFunc(rt.matchers, func(a, b *matcher) int { return b.literal - a.literal })
	})
	escaped := req.URL.EscapedPath()
	query := req.URL.Query()
outer:
	for _, m := range rt.matchers {
		if m.method != req.Method {
			continue
		}
		groups := m.path.FindStringSubmatch(escaped)
		if groups == nil {
			continue
		}
		for k, want := range m.query {
			if !slices.Equal(query[k], want) {
				continue outer
			}
		}
		vars := map[string]string{}
		for i, name := range m.names {
			v := groups[i+1]
			if !m.raw[i] {
				if u, err := url.PathUnescape(v); err == nil {
					v = u
				}
			}
			vars[name] = v
		}
		if m.host != nil {
			host := req.Host
			if host == "" {
				host = req.URL.Host
			}
			if hs := m.host.FindStringSubmatch(host); hs != nil {
				for i, name := range m.hosts {
					vars[name] = hs[i+1]
				}
			}
		}
		return &rt.routes[m.route], vars
	}
	return nil, nil
}

// serve answers one request with s, or returns the error Do returns: a
// func's error that is no *ResponseError. polls is the Server's Polls.
func (rt *router[S]) serve(s *S, st *serverState, polls int, req *http.Request, base string) (*reply, error) {
	var body []byte
	if req.Body != nil {
		var err error
		if body, err = io.ReadAll(req.Body); err != nil {
			return nil, err
		}
	}
	r := &request{
		ctx: req.Context(), req: req, base: base, body: body, query: req.URL.Query(),
		st: st, polls: polls, errorOf: rt.errorOf, shapes: errorShapes{all: "error"},
	}
	if !st.serveOwn(r) {
		rt.serveRoute(s, r)
	}
	if r.transport != nil {
		return nil, r.transport
	}
	return r.out, nil
}

func (rt *router[S]) serveRoute(s *S, r *request) {
	route, vars := rt.match(r.req)
	if route == nil {
		r.answer(http.StatusNotFound, "NotFound", fmt.Sprintf("fake: no operation of package %s serves %s %s", rt.pkg, r.req.Method, r.req.URL.EscapedPath()))
		return
	}
	r.vars, r.op, r.shapes = vars, route.op, errorShapes{route.errors, route.statusErrors}
	route.serve(s, r)
	if r.out == nil && r.transport == nil {
		r.answer(http.StatusInternalServerError, "InternalError", "fake: "+r.op+" wrote no answer")
	}
}

// request is one request being served, and its answer.
type request struct {
	ctx   context.Context
	req   *http.Request
	base  string // the scheme and host the request went to, for links
	body  []byte
	query url.Values
	vars  map[string]string
	form  *form
	st    *serverState
	polls int
	// errorOf reads the package's *ResponseError; shapes are the route's.
	errorOf func(error) (*errorReply, bool)
	shapes  errorShapes
	op      string
	// bad is the first problem reading the request.
	bad error
	// out is the answer; transport the error Do returns instead.
	out       *reply
	transport error
}

// failed reports whether the request could not be read, after answering
// 400 Bad Request.
func (r *request) failed() bool {
	if r.bad == nil {
		return false
	}
	r.answer(http.StatusBadRequest, "BadRequest", "fake: "+r.op+": "+r.bad.Error())
	return true
}

// fail answers with a func's error, and reports whether there was one.
func (r *request) fail(err error) bool {
	if err == nil {
		return false
	}
	var refused refusal
	if errors.As(err, &refused) {
		err = refused.err
	}
	if e, ok := r.errorOf(err); ok {
		r.out = r.errorAnswer(e)
		return true
	}
	r.transport = err
	return true
}

// notImplemented answers that the func serving the operation is nil.
func (r *request) notImplemented(field string) {
	r.answer(http.StatusNotImplemented, "NotImplemented", "fake: "+field+" is nil: set it to serve "+r.op)
}

// misuse answers that a func's answer cannot be served as asked.
func (r *request) misuse(format string, args ...any) {
	r.answer(http.StatusNotImplemented, "NotImplemented", "fake: "+r.op+": "+fmt.Sprintf(format, args...))
}

// answer answers with an error of the fake's own.
func (r *request) answer(status int, code, message string) {
	r.out = r.errorAnswer(&errorReply{status: status, code: code, message: message})
}

// respond answers with p.
func (r *request) respond(p *reply) { r.out = p }

// errorAnswer is the answer of an error, as the operation's spec shapes it.
func (r *request) errorAnswer(e *errorReply) *reply {
	status := e.status
	if status < 400 {
		status = http.StatusInternalServerError // an error without a status
	}
	p := newReply(status)
	p.header.Set("Content-Type", "application/json")
	if e.code != "" {
		p.header.Set("x-ms-error-code", e.code)
	}
	if e.requestID != "" {
		p.header.Set("x-ms-request-id", e.requestID)
	}
	p.body = e.body
	if p.body == nil {
		p.body = errorBody(e, r.shapes.at(status))
	}
	return p
}

// errorBody writes an error's code, message and target where the
// operation's error model holds them.
func errorBody(e *errorReply, at string) []byte {
	if at == "text" {
		text := e.message
		if text == "" {
			text = e.code
		}
		b, _ := json.Marshal(text)
		return b
	}
	inner := map[string]string{}
	for k, v := range map[string]string{"code": e.code, "message": e.message, "target": e.target} {
		if v != "" {
			inner[k] = v
		}
	}
	var v any = inner
	if at != "" {
		v = map[string]any{at: inner}
	}
	b, _ := json.Marshal(v)
	return b
}

// Refused wraps the error a long-running operation's func returns to have
// the fake refuse the request that starts the operation (Begin… returns
// the error) rather than accept it and report the failure when the
// operation ends, which is what an unwrapped error does.
func Refused(err error) error { return refusal{err} }

type refusal struct{ err error }

func (r refusal) Error() string { return r.err.Error() }
func (r refusal) Unwrap() error { return r.err }
