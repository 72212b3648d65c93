// Package fake holds the Go code that every fake package armgen writes
// (armgen -fakes, DIR/fake) carries verbatim: matching requests to
// operations, reading parameters and bodies, answering with replies,
// errors, pages and long-running operations, and serving all that in
// process (Doer) or over HTTP (a Server's ServeHTTP). It is real,
// compiled and tested Go; the emitter copies these files into each fake
// package (doc.go and tests excepted), beside the code it writes for the
// spec: Server, the servers of the operation groups, the route table and
// the functions that turn Go values into the service's answers.
//
// Nothing here knows the generated package: what needs its types (its
// ResponseError, its models' families) the emitter writes and passes in.
// Everything is unexported but what tests use by name (Doer, Refused);
// unexported names cannot collide with the Go names the emitter gives.
package fake
