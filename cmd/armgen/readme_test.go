package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/armgen/armgen/internal/testutil"
)

func batchReadme(t *testing.T) string {
	return filepath.Join(testutil.Specs(t), "specification", "batch", "resource-manager", "readme.md")
}

// A readme tag generates exactly what its input file does with the
// renames of the readme's Go directives (readme.go.md: three properties
// given x-ms-client-name); without -tag the readme's default tag
// (package-2024-02) is used.
func TestReadmeGeneratesLikeSpec(t *testing.T) {
	directives := []string{
		"-rename", "BatchManagement.json#/definitions/CIFSMountConfiguration/properties/userName=Username",
		"-rename", "BatchManagement.json#/definitions/NetworkConfiguration/properties/dynamicVnetAssignmentScope=DynamicVNetAssignmentScope",
		"-rename", "BatchManagement.json#/definitions/PrivateLinkServiceConnectionState/properties/actionsRequired=ActionRequired",
	}
	readme := batchReadme(t)
	tmp := t.TempDir()
	for _, tc := range []struct {
		name    string
		args    []string
		version string
	}{
		{"tag 2024-02", []string{"-readme", readme, "-tag", "package-2024-02"}, "2024-02-01"},
		{"default tag", []string{"-readme", readme}, "2024-02-01"},
		{"tag 2023-11", []string{"-readme", readme, "-tag", "package-2023-11"}, "2023-11-01"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fromReadme := filepath.Join(tmp, strings.ReplaceAll(tc.name, " ", "-"), "batch")
			fromSpec := filepath.Join(tmp, strings.ReplaceAll(tc.name, " ", "-")+"-spec", "batch")
			if code, _, stderr := runArmgen(append(tc.args, "-out", fromReadme)...); code != 0 {
				t.Fatalf("readme: exit %d\n%s", code, stderr)
			}
			if code, _, stderr := runArmgen(append([]string{"-spec", testutil.BatchSpec(t, tc.version), "-out", fromSpec}, directives...)...); code != 0 {
				t.Fatalf("spec: exit %d\n%s", code, stderr)
			}
			got, want := snapshot(t, fromReadme), snapshot(t, fromSpec)
			if len(want) == 0 {
				t.Fatal("nothing generated")
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("-readme output differs from -spec output with the renames (-spec +readme):\n%s", diff)
			}
			if !strings.Contains(got["models.go"], "\tUsername *string") {
				t.Error("the readme's directive renaming CIFSMountConfiguration.userName to username is not applied")
			}
			if !strings.Contains(got["client.go"], `"`+tc.version+`"`) {
				t.Errorf("client.go does not carry api-version %s", tc.version)
			}
		})
	}
}

func TestReadmeUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-readme", "readme.md", "-spec", "a.json", "-out", "x"}, "-readme and -spec are exclusive"},
		{[]string{"-tag", "package-2024-02", "-out", "x"}, "-tag needs -readme"},
	} {
		code, _, stderr := runArmgen(tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: exit %d, stderr:\n%s\nwant exit 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
}

// Bad readme input: exit 1, a message naming the readme (and the line
// and block), and the output directory untouched.
func TestReadmeBadInput(t *testing.T) {
	dir := t.TempDir()
	readme := filepath.Join(dir, "readme.md")
	text := "## Basic\n\n```yaml\ntag: package-b\n```\n\n### Tag: package-b\n\n```yaml $(tag) == 'package-b'\ninput-file:\n  - stable/b/missing.json\n```\n"
	if err := os.WriteFile(readme, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	mine := filepath.Join(out, "mine.go")
	if err := os.WriteFile(mine, []byte("package out\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	rs := filepath.ToSlash(readme)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-readme", readme, "-tag", "package-z", "-out", out},
			rs + `: no yaml block applies to tag "package-z" — the tags are those in conditions like $(tag) == 'package-2024-02'; this readme has package-b` + "\n"},
		{[]string{"-readme", readme, "-out", out},
			rs + `#L11: input-file stable/b/missing.json of tag "package-b" (the yaml block $(tag) == 'package-b' under "Tag: package-b") cannot be read: no such file — the path is relative to the readme's directory` + "\n"},
		{[]string{"-readme", filepath.Join(dir, "nope.md"), "-out", out},
			filepath.ToSlash(filepath.Join(dir, "nope.md")) + ": cannot read " + filepath.ToSlash(filepath.Join(dir, "nope.md")) + ": no such file\n"},
	} {
		code, stdout, stderr := runArmgen(tc.args...)
		if code != exitInput || stderr != tc.want || stdout != "" {
			t.Errorf("%q: exit %d, stderr:\n%s\nwant exit 1 and:\n%s", tc.args, code, stderr, tc.want)
		}
		if files := snapshot(t, out); len(files) != 1 || files["mine.go"] != "package out\n" {
			t.Errorf("%q: the output directory changed: %v", tc.args, files)
		}
	}
}

// The upstream readme lists tags whose files are not in ../shared: the
// error names the readme line.
func TestReadmeUpstreamTagWithoutFiles(t *testing.T) {
	code, _, stderr := runArmgen("-readme", batchReadme(t), "-tag", "package-2023-05", "-out", t.TempDir(), "-package", "batch")
	if code != exitInput || !strings.Contains(stderr, "readme.md#L58: input-file Microsoft.Batch/stable/2023-05-01/BatchManagement.json of tag \"package-2023-05\"") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
}
