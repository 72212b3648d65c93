// Package spec embeds armgen's default input: the Azure Batch management
// API, api-version 2024-02-01, restricted to the Update Batch account
// operation and every definition it uses, with its example. armgen
// generates from it when no -spec is given.
package spec

import "embed"

// FS holds the default spec and its examples, at the paths the spec's
// references use.
//
//go:embed batch-account-update.json examples
var FS embed.FS

// Default is the default spec's name in FS.
const Default = "batch-account-update.json"
