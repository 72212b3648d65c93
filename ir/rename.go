package ir

// Rename asks for a name the spec does not give: what AutoRest users write
// as directives in their readme, or pass to armgen with -rename.
type Rename struct {
	// Target locates what is renamed: a definition, a property, a
	// property's enum (…/properties/kind/x-ms-enum), an enum value
	// (…/enum/2), an operation (…/paths/~1things/get, or
	// "#/operationIds/Things_Get"), or an operation group
	// ("#/operationGroups/Things"); the spec has no node for the last two.
	// The file part may be empty (any file) or end the file's path
	// ("types.json", "v5/types.json").
	Target Pointer
	// Name is the new name: a Go identifier when GoName is set, else a
	// name as the spec would write it (x-ms-client-name), which becomes
	// one the way spec names do.
	Name   string
	GoName bool
	// From is where the rename was asked for, for messages: a readme line,
	// a renames file line, or the -rename flag.
	From Pointer
}
