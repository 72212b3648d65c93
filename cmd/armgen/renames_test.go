package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/armgen/armgen/internal/testutil"
)

// -rename names what a pointer points at; a malformed one is a usage
// error; one that matches nothing is a warning, which -strict refuses.
func TestRenameFlag(t *testing.T) {
	spec := filepath.Join(testutil.Root(), "golden", "testdata", "renames", "spec.json")
	out := filepath.Join(t.TempDir(), "shop")
	code, _, stderr := runArmgen("-spec", spec, "-out", out, "-rename", "#/definitions/Store=Shop", "-rename", "#/paths/~1stores/get=Shops_List")
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	models, _ := os.ReadFile(filepath.Join(out, "models.go"))
	client, _ := os.ReadFile(filepath.Join(out, "shops_client.go"))
	if !strings.Contains(string(models), "type Shop struct") || !strings.Contains(string(client), "func (c ShopsClient) List(") {
		t.Errorf("the renames are not applied:\n%s\n%s", models, client)
	}

	if code, _, stderr := runArmgen("-spec", spec, "-out", out, "-rename", "Store"); code != exitUsage || !strings.Contains(stderr, "a rename is POINTER=GoName") {
		t.Errorf("-rename Store: exit %d, stderr:\n%s", code, stderr)
	}

	before := snapshot(t, out)
	code, _, stderr = runArmgen("-spec", spec, "-out", out, "-rename", "#/definitions/Nope=Nothing", "-strict")
	if code != exitInput || !strings.HasPrefix(stderr, "-rename #/definitions/Nope=Nothing: the rename of #/definitions/Nope matches nothing") {
		t.Errorf("-strict with an unmatched rename: exit %d, stderr:\n%s", code, stderr)
	}
	if after := snapshot(t, out); len(after) != len(before) || after["models.go"] != before["models.go"] {
		t.Error("-strict refused, yet the output changed")
	}
	if code, _, stderr := runArmgen("-spec", spec, "-out", out, "-renames", filepath.Join(t.TempDir(), "none.txt")); code != exitInput || !strings.Contains(stderr, "cannot read the renames file") {
		t.Errorf("a missing renames file: exit %d, stderr:\n%s", code, stderr)
	}
}
