// Package naming is the Go view of an API: every decision about the Go
// package armgen writes for it that is not how the code is written. The
// emitter writes that view as code, and `armgen diff` compares the views
// of two api-versions, so that both speak of the package users get and
// neither keeps a copy of the other's rules.
//
// The view holds, decided once and in one pass by Assign:
//   - every identifier (types, fields, constants, group clients, methods,
//     arguments, options and response fields), collisions settled
//     (names.go, collide.go, renames.go), and the package's fixed API
//     (Fixed, fixed.go);
//   - the Go type of every value (GoType, gotypes.go), and which values
//     need a codec beyond encoding/json (Codec, codec.go);
//   - each operation's Go API (Op, operations.go and goapi.go): the role
//     of each parameter (argument, options field, client field, fixed),
//     the method users call, the response type's body, its own body
//     fields and header fields.
//
// It knows the IR and Go, and nothing of specs' syntax or of jennifer.
package naming
