package static

// Ptr returns a pointer to v: optional fields are pointers, so that a
// request carries only what the caller set.
func Ptr[T any](v T) *T { return &v }
