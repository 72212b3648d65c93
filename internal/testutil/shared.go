// Package testutil holds what several test packages share: finding the
// reference specs in ../shared, and comparing JSON by meaning.
package testutil

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Root is the module's root directory.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Shared returns the directory of the reference specs (../shared beside
// the checkout). Where it does not exist the test is skipped with a clear
// message, except under CI=true, where its absence fails the test: CI must
// never report skipped reference tests as passing.
func Shared(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(Root(), "..", "shared")
	if env := os.Getenv("ARMGEN_SHARED"); env != "" {
		dir = env
	}
	if _, err := os.Stat(filepath.Join(dir, "specs")); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("the reference specs are missing at %s (CI=true requires them): %v", dir, err)
		}
		t.Skipf("skipped: the reference specs are not at %s (set ARMGEN_SHARED to their directory to run this test)", dir)
	}
	return dir
}

// Specs returns the azure-rest-api-specs checkout inside Shared.
func Specs(t testing.TB) string {
	return filepath.Join(Shared(t), "specs", "azure-rest-api-specs")
}

// BatchSpec returns the path of the upstream Batch spec of a version
// ("2024-02-01").
func BatchSpec(t testing.TB, version string) string {
	return filepath.Join(Specs(t), "specification", "batch", "resource-manager", "Microsoft.Batch", "stable", version, "BatchManagement.json")
}
