package fake

import (
	"bytes"
	"encoding/json"
	"errors"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
)

// serverState is what a Server keeps between requests: the pages of
// lists being walked and the long-running operations being polled. The
// links the fake hands out for them (next links, status monitors,
// results) lead back to it under linkPrefix.
type serverState struct {
	mu    sync.Mutex
	last  int
	pages map[int]*pageSet
	ops   map[int]*operation
	// originals are the operations whose resource URL (a GET of the
	// request's path and query) the fake answers for: while a resource
	// reports its own provisioningState, and once the operation ended,
	// for the poller to fetch the result there.
	originals map[string]*operation
}

// linkPrefix starts the paths of the links the fake hands out.
const linkPrefix = "/armgen-fake/"

// newID numbers a list or an operation; the caller holds mu.
func (st *serverState) newID() int {
	st.last++
	return st.last
}

// serveOwn answers a request for a link the fake handed out, or for a
// resource a long-running operation answers for, and reports whether req
// was one.
func (st *serverState) serveOwn(r *request) bool {
	path := r.req.URL.Path
	if i := strings.Index(path, linkPrefix); i >= 0 {
		// Anywhere in the path: an operation that fetches later pages
		// (x-ms-pageable operationName) puts the link inside its own.
		parts := strings.Split(path[i+len(linkPrefix):], "/")
		id := 0
		if len(parts) >= 2 {
			id, _ = strconv.Atoi(parts[1])
		}
		switch {
		case len(parts) == 3 && parts[0] == "pages":
			k, _ := strconv.Atoi(parts[2])
			st.servePage(r, id, k)
		case len(parts) == 2 && parts[0] == "operations":
			st.serveMonitor(r, id)
		case len(parts) == 2 && parts[0] == "results":
			st.serveResult(r, id)
		default:
			r.answer(http.StatusNotFound, "NotFound", "fake: "+path+" is no link the fake hands out")
		}
		return true
	}
	if r.req.Method != http.MethodGet {
		return false
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	o := st.originals[originalKey(r.req.URL)]
	if o == nil {
		return false
	}
	st.serveOriginal(r, o)
	return true
}

// linkOf is a next link as a page's pointer field holds it: nil for none.
func linkOf(link string) *string {
	if link == "" {
		return nil
	}
	return &link
}

func originalKey(u *url.URL) string { return u.EscapedPath() + "?" + u.RawQuery }

// pageSet is a list whose first page was answered: the answers for the
// pages after it, and the error that ended it, if one did.
type pageSet struct {
	replies []*reply
	failure error
	op      string
	shapes  errorShapes
}

// servePages answers a list operation: pages is what its func returned.
// next sets the next link of a page (nil when the list comes in one page);
// encode makes a page an answer.
func servePages[P any](r *request, pages iter.Seq2[P, error], next func(*P, string), encode func(P) *reply) {
	first, err := listPages(r, pages, next, encode)
	if r.out != nil || r.fail(err) {
		return
	}
	r.respond(first)
}

// serveLongRunningPages answers a long-running operation that ends with
// the first page of a list.
func serveLongRunningPages[P any](r *request, style, finalVia string, pages iter.Seq2[P, error], next func(*P, string), encode func(P) *reply) {
	first, err := listPages(r, pages, next, encode)
	if r.out != nil {
		return
	}
	r.longRunning(style, finalVia, first, err)
}

// listPages walks the pages a func returned, links each to the next and
// keeps the answers after the first for their links. It returns the
// first page's answer, or the error that ended the list before it; a list
// the operation cannot serve is answered at once.
func listPages[P any](r *request, pages iter.Seq2[P, error], next func(*P, string), encode func(P) *reply) (*reply, error) {
	var list []P
	var failure error
	if pages != nil {
		for page, err := range pages {
			if err != nil {
				failure = err
				break
			}
			list = append(list, page)
		}
	}
	if len(list) == 0 {
		if failure != nil {
			return nil, failure
		}
		var empty P // an empty list is one empty page
		list = append(list, empty)
	}
	more := len(list) > 1 || failure != nil
	if more && next == nil {
		r.misuse("the list comes in one page (its spec names no next link), but the func yielded %d pages and %v", len(list), failure)
		return nil, nil
	}
	id := 0
	if more {
		r.st.mu.Lock()
		id = r.st.newID()
		r.st.mu.Unlock()
	}
	replies := make([]*reply, len(list))
	for i := range list {
		if next != nil {
			link := ""
			if i < len(list)-1 || failure != nil {
				link = r.base + linkPrefix + "pages/" + strconv.Itoa(id) + "/" + strconv.Itoa(i+1)
			}
			next(&list[i], link)
		}
		replies[i] = encode(list[i])
	}
	if more {
		r.st.mu.Lock()
		if r.st.pages == nil {
			r.st.pages = map[int]*pageSet{}
		}
		r.st.pages[id] = &pageSet{replies: replies, failure: failure, op: r.op, shapes: r.shapes}
		r.st.mu.Unlock()
	}
	return replies[0], nil
}

// servePage answers the next link to page k of list id. A list is
// forgotten once its last page was served; one that ends with an error
// keeps answering with it, so that a retry gets it again.
func (st *serverState) servePage(r *request, id, k int) {
	st.mu.Lock()
	set := st.pages[id]
	if set != nil && k > 0 && k == len(set.replies)-1 && set.failure == nil {
		delete(st.pages, id)
	}
	st.mu.Unlock()
	if set == nil || k <= 0 || k > len(set.replies) || k == len(set.replies) && set.failure == nil {
		r.answer(http.StatusNotFound, "NotFound", "fake: no page "+strconv.Itoa(k)+" of list "+strconv.Itoa(id)+" (a list is forgotten once walked)")
		return
	}
	r.op, r.shapes = set.op, set.shapes
	if k == len(set.replies) {
		r.fail(set.failure)
		return
	}
	r.respond(set.replies[k])
}

// operation is a long-running operation the fake follows.
type operation struct {
	id int
	// style is how the client follows it: "async" (a status monitor,
	// Azure-AsyncOperation), "location" (polling Location until it
	// answers other than 202) or "body" (the resource's provisioningState).
	style    string
	method   string
	original string // originalKey of the request that started it
	// left counts the polls still answered "in progress".
	left int
	done bool
	// result is the answer the operation ends with; failure the error it
	// ends with instead.
	result  *reply
	failure *errorReply
	// resultAt is where the client reads the result once the operation
	// ended, by the same rules as its poller: "monitor", "location" (the
	// Location of the first answer), "original" (the resource) or "poll"
	// (the last answer to the polls).
	resultAt string
	op       string
	shapes   errorShapes
}

// longRunning answers the request that starts a long-running operation,
// whose func returned result or err, in the operation's style, with
// finalVia the spec's final-state-via.
func (r *request) longRunning(style, finalVia string, result *reply, err error) {
	var failure *errorReply
	if err != nil {
		var refused refusal
		if errors.As(err, &refused) {
			r.fail(refused.err)
			return
		}
		e, ok := r.errorOf(err)
		if !ok {
			r.transport = err
			return
		}
		failure = e
	}
	o := &operation{
		style: style, method: r.req.Method, original: originalKey(r.req.URL), left: max(r.polls, 0),
		result: result, failure: failure, resultAt: resultAt(style, r.req.Method, finalVia), op: r.op, shapes: r.shapes,
	}
	st := r.st
	st.mu.Lock()
	o.id = st.newID()
	if st.ops == nil {
		st.ops = map[int]*operation{}
		st.originals = map[string]*operation{}
	}
	st.ops[o.id] = o
	if style == "body" {
		st.originals[o.original] = o
	}
	st.mu.Unlock()

	p := newReply(http.StatusAccepted)
	if o.method == http.MethodPut {
		p.status = http.StatusCreated
	}
	results := r.base + linkPrefix + "results/" + strconv.Itoa(o.id)
	switch style {
	case "async":
		header := "Azure-AsyncOperation"
		if finalVia == "operation-location" {
			header = "Operation-Location"
		}
		p.header.Set(header, r.base+linkPrefix+"operations/"+strconv.Itoa(o.id))
		if o.resultAt == "location" {
			p.header.Set("Location", results)
		}
	case "location":
		p.status = http.StatusAccepted
		p.header.Set("Location", results)
	case "body":
		p.header.Set("Content-Type", "application/json")
		p.body = o.inProgress()
	}
	soon(p)
	r.respond(p)
}

// soon asks the client to poll again at once: a test waits for nothing.
// (A poller waits what Retry-After-Ms says rather than its frequency.)
func soon(p *reply) { p.header.Set("Retry-After-Ms", "1") }

// resultAt says where a poller reads the result of an operation that
// ended well (see operation.resultAt): as the spec's final-state-via says,
// else by ARM's rules.
func resultAt(style, method, finalVia string) string {
	switch style {
	case "body":
		return "original"
	case "location":
		if finalVia == "original-uri" {
			return "original"
		}
		return "poll"
	}
	switch finalVia {
	case "original-uri":
		return "original"
	case "location":
		return "location"
	case "azure-async-operation", "operation-location":
		return "monitor"
	}
	switch method {
	case http.MethodPut, http.MethodPatch:
		return "original"
	case http.MethodPost:
		return "location"
	}
	return "monitor"
}

// serveMonitor answers a poll of an operation's status monitor.
func (st *serverState) serveMonitor(r *request, id int) {
	st.mu.Lock()
	defer st.mu.Unlock()
	o := st.ops[id]
	if o == nil || o.style != "async" {
		r.answer(http.StatusNotFound, "NotFound", "fake: no operation "+strconv.Itoa(id)+" (an operation is forgotten once its result was fetched)")
		return
	}
	r.op, r.shapes = o.op, o.shapes
	p := newReply(http.StatusOK)
	p.header.Set("Content-Type", "application/json")
	switch {
	case o.left > 0 && !o.done:
		o.left--
		p.body = []byte(`{"status":"InProgress"}`)
		soon(p)
	case o.failure != nil:
		// The monitor says Failed and why, as the operation's error
		// model shapes it; its own status is 200.
		o.done = true
		body := o.failure.body
		if body == nil {
			body = errorBody(o.failure, o.shapes.all) // the monitor is read with the default error model
		}
		p.body = withStatus(body, "Failed", o.shapes.all)
		if o.failure.code != "" {
			p.header.Set("x-ms-error-code", o.failure.code)
		}
	default:
		o.done = true
		p.body = []byte(`{"status":"Succeeded"}`)
		switch o.resultAt {
		case "monitor":
			// The result is the monitor's answer: its body and headers.
			for k, v := range o.result.header {
				p.header[k] = v
			}
			p.body = withStatus(o.result.body, "Succeeded", "")
			delete(st.ops, id)
		case "original":
			st.originals[o.original] = o
		}
	}
	r.respond(p)
}

// serveResult answers a poll of the Location of an operation, or the
// fetch of its result there.
func (st *serverState) serveResult(r *request, id int) {
	st.mu.Lock()
	defer st.mu.Unlock()
	o := st.ops[id]
	if o == nil {
		r.answer(http.StatusNotFound, "NotFound", "fake: no operation "+strconv.Itoa(id)+" (an operation is forgotten once its result was fetched)")
		return
	}
	r.op, r.shapes = o.op, o.shapes
	if !o.done && (o.style != "location" || o.left > 0) {
		if o.style == "location" {
			o.left--
		}
		p := newReply(http.StatusAccepted)
		p.header.Set("Location", r.base+linkPrefix+"results/"+strconv.Itoa(id))
		soon(p)
		r.respond(p)
		return
	}
	o.done = true
	if o.failure != nil {
		r.out = r.errorAnswer(o.failure) // kept: a retry gets it again
		return
	}
	r.respond(final(o.result))
	if o.resultAt == "original" {
		st.originals[o.original] = o
		return
	}
	delete(st.ops, id)
}

// serveOriginal answers a GET of the resource an operation writes: its
// progress while it reports its own provisioningState, its result after.
// The caller holds mu.
func (st *serverState) serveOriginal(r *request, o *operation) {
	r.op, r.shapes = o.op, o.shapes
	if o.style == "body" && !o.done {
		if o.left > 0 {
			o.left--
			p := newReply(http.StatusOK)
			p.header.Set("Content-Type", "application/json")
			p.body = o.inProgress()
			soon(p)
			r.respond(p)
			return
		}
		o.done = true
		if o.failure != nil {
			r.out = r.errorAnswer(o.failure) // kept: a retry gets it again
			return
		}
	}
	p := final(o.result)
	if o.style == "body" && !terminal(provisioningState(p.body)) {
		p.body = withProvisioningState(p.body, "Succeeded") // the func said it is done
	}
	r.respond(p)
	delete(st.originals, o.original)
	delete(st.ops, o.id)
}

// final is the answer of an operation's result once it ended: 200 with
// its body, 204 without.
func final(result *reply) *reply {
	p := *result
	p.header = result.header.Clone()
	p.status = http.StatusOK
	if len(p.body) == 0 {
		p.status = http.StatusNoContent
	}
	return &p
}

// inProgress is the resource of an operation in progress: its result
// (when the func gave one) with a provisioningState that says so.
func (o *operation) inProgress() []byte {
	state := "Updating"
	if o.method == http.MethodPut {
		state = "Creating"
	}
	var body []byte
	if o.result != nil {
		body = o.result.body
	}
	return withProvisioningState(body, state)
}

// provisioningState reads properties.provisioningState, or a top-level
// provisioningState, as a poller does.
func provisioningState(body []byte) string {
	var r struct {
		ProvisioningState string `json:"provisioningState"`
		Properties        struct {
			ProvisioningState string `json:"provisioningState"`
		} `json:"properties"`
	}
	if json.Unmarshal(body, &r) != nil {
		return ""
	}
	if r.Properties.ProvisioningState != "" {
		return r.Properties.ProvisioningState
	}
	return r.ProvisioningState
}

func terminal(state string) bool {
	switch strings.ToLower(state) {
	case "", "succeeded", "failed", "canceled", "cancelled":
		return true
	}
	return false
}

// withProvisioningState sets a resource's provisioningState: where it has
// one, else under properties.
func withProvisioningState(body []byte, state string) []byte {
	var top map[string]json.RawMessage
	if json.Unmarshal(body, &top) != nil || top == nil {
		top = map[string]json.RawMessage{}
	}
	value, _ := json.Marshal(state)
	if _, ok := top["provisioningState"]; ok {
		top["provisioningState"] = value
	} else {
		var props map[string]json.RawMessage
		if json.Unmarshal(top["properties"], &props) != nil || props == nil {
			props = map[string]json.RawMessage{}
		}
		props["provisioningState"] = value
		top["properties"], _ = json.Marshal(props)
	}
	out, _ := json.Marshal(top)
	return out
}

// withStatus adds a status monitor's status to a body: an object's
// properties stay; anything else goes under at (or is left out).
func withStatus(body []byte, status, at string) []byte {
	var top map[string]json.RawMessage
	if json.Unmarshal(body, &top) != nil || top == nil {
		top = map[string]json.RawMessage{}
		if at != "" && at != "text" && len(bytes.TrimSpace(body)) > 0 {
			top[at] = body
		}
	}
	top["status"], _ = json.Marshal(status)
	out, _ := json.Marshal(top)
	return out
}
