// Package static holds the Go code that every generated package carries
// verbatim: the JSON reader and writer the models' generated codecs are
// made of (jsonscan.go, jsonread*.go, jsonwrite*.go, jsonnames.go, and
// shaped.go for bodies and headers of dates and polymorphic models), time
// formats, request helpers, pagers and pollers, and the pipeline every
// request goes through (retries, identity, logging, authorization,
// provider registration). It is real, compiled and tested Go; the emitter
// copies these files into each package it writes (doc.go and tests
// excepted), with the package clause renamed, so that generated code needs
// nothing but the standard library.
//
// Everything here is unexported except what users of a generated package
// need by name (Ptr, Pager, Poller, RetryOptions). Identifiers must not
// collide with names the naming package can give (exported spec names),
// which unexported names cannot.
package static
