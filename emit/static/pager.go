package static

import (
	"context"
	"errors"
	"iter"
	"net/url"
	"strings"
)

// Pager walks a list operation's pages (x-ms-pageable): P is the page (the
// operation's response type) and I an item of it. Use More and NextPage to
// go page by page, or range over Pages or All (Go 1.23 iterators):
//
//	for item, err := range pager.All(ctx) { … }
//
// A Pager is for one walk by one goroutine.
type Pager[P, I any] struct {
	fetch    func(ctx context.Context, nextLink string) (P, error)
	nextLink func(P) string
	items    func(P) []I
	next     string
	done     bool
}

// newPager makes a pager: fetch gets the first page when nextLink is ""
// and a later page from nextLink otherwise; nextLink reads a page's link
// to the next (nil when the list comes in one page).
func newPager[P, I any](fetch func(context.Context, string) (P, error), nextLink func(P) string, items func(P) []I) *Pager[P, I] {
	return &Pager[P, I]{fetch: fetch, nextLink: nextLink, items: items}
}

// More reports whether there is a page left to fetch.
func (p *Pager[P, I]) More() bool {
	return !p.done
}

// NextPage fetches the next page. After the last page More reports false;
// a NextPage call then returns an error.
func (p *Pager[P, I]) NextPage(ctx context.Context) (P, error) {
	var zero P
	if p.done {
		return zero, errors.New("the pager has no more pages")
	}
	page, err := p.fetch(ctx, p.next)
	if err != nil {
		return zero, err
	}
	p.next = ""
	if p.nextLink != nil {
		p.next = p.nextLink(page)
	}
	if p.next == "" {
		p.done = true
	}
	return page, nil
}

// Pages yields every page in turn. An error is yielded once and ends the
// walk.
func (p *Pager[P, I]) Pages(ctx context.Context) iter.Seq2[P, error] {
	return func(yield func(P, error) bool) {
		for p.More() {
			page, err := p.NextPage(ctx)
			if err != nil {
				yield(page, err)
				return
			}
			if !yield(page, nil) {
				return
			}
		}
	}
}

// All yields every item of every page. An error is yielded once (with the
// zero item) and ends the walk.
func (p *Pager[P, I]) All(ctx context.Context) iter.Seq2[I, error] {
	// The loop of Pages again rather than a range over it: a package has
	// an instance of Pager per list operation, and range-over-func makes
	// each compile several more functions.
	return func(yield func(I, error) bool) {
		for p.More() {
			page, err := p.NextPage(ctx)
			if err != nil {
				var zero I
				yield(zero, err)
				return
			}
			for _, item := range p.items(page) {
				if !yield(item, nil) {
					return
				}
			}
		}
	}
}

// nextLinkURL resolves a next link against the endpoint: services send it
// absolute, but a relative one must not be lost.
func nextLinkURL(endpoint, link string) (string, error) {
	u, err := url.Parse(link)
	if err != nil {
		return "", err
	}
	if u.IsAbs() {
		return link, nil
	}
	base, err := url.Parse(strings.TrimSuffix(endpoint, "/") + "/")
	if err != nil {
		return "", err
	}
	return base.ResolveReference(u).String(), nil
}

// withQueryValue sets a query parameter of a next link to value: it
// replaces the parameter the link carries under that name in any case
// (or adds it) and keeps the rest of the query as the service wrote it.
// A next link is the service's, but the api-version is the client's: a
// link may carry another version, or none.
func withQueryValue(link, name, value string) string {
	u, err := url.Parse(link)
	if err != nil {
		return link // the request will not be built either, and say why
	}
	var kept []string
	for _, pair := range strings.Split(u.RawQuery, "&") {
		key, _, _ := strings.Cut(pair, "=")
		if k, err := url.QueryUnescape(key); pair == "" || err == nil && strings.EqualFold(k, name) {
			continue
		}
		kept = append(kept, pair)
	}
	u.RawQuery = strings.Join(append(kept, url.QueryEscape(name)+"="+url.QueryEscape(value)), "&")
	return u.String()
}
