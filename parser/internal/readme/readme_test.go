package readme

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/armgen/armgen/internal/testutil"
)

// memFS serves files from a map, as Read's readFile.
func memFS(files map[string]string) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		if s, ok := files[name]; ok {
			return []byte(s), nil
		}
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
}

const testReadme = "# Widgets\n" +
	"\n" +
	"``` yaml\n" +
	"title: Widgets\n" +
	"openapi-type: arm\n" +
	"tag: package-2024-02\n" +
	"```\n" +
	"\n" +
	"### Tag: package-2024-02\n" +
	"\n" +
	"```yaml $(tag) == 'package-2024-02'\n" +
	"input-file:\n" +
	"  - Microsoft.Widgets/stable/2024-02-01/widgets.json\n" +
	"  - $(this-folder)/Microsoft.Widgets/stable/2024-02-01/gadgets.json\n" +
	"  - ./Microsoft.Widgets/stable/2024-02-01/widgets.json\n" +
	"```\n" +
	"\n" +
	"### Tag: package-2023-11\n" +
	"\n" +
	"``` yaml $(tag)=='package-2023-11'\n" +
	"input-file: Microsoft.Widgets/stable/2023-11-01/widgets.json\n" +
	"```\n" +
	"\n" +
	"### Tag: package-2023-05 (a file that is not there)\n" +
	"\n" +
	"``` yaml $(tag) == 'package-2023-05'\n" +
	"input-file:\n" +
	"  - Microsoft.Widgets/stable/2023-05-01/widgets.json\n" +
	"```\n" +
	"\n" +
	"## Go\n" +
	"\n" +
	"``` yaml $(go) && !$(track2)\n" +
	"input-file: [go-only.json]\n" +
	"```\n" +
	"\n" +
	"``` yaml $(tag) == 'package-2024-02' && $(java) && $(multiapi)\n" +
	"input-file: [java-only.json]\n" +
	"```\n" +
	"\n" +
	"``` yaml ($(tag) == 'package-2023-11' || $(tag) == 'package-2024-02') && !$(python)\n" +
	"input-file: [common.json]\n" +
	"```\n" +
	"\n" +
	"``` json\n" +
	"{\"input-file\": \"not yaml, ignored\"}\n" +
	"```\n" +
	"\n" +
	"```yaml $(csharp)\n" +
	"this: [is not: valid yaml, but the block never applies\n" +
	"```\n"

var testReadmeFiles = map[string]string{
	"specs/readme.md": testReadme,
	"specs/Microsoft.Widgets/stable/2024-02-01/widgets.json": "{}",
	"specs/Microsoft.Widgets/stable/2024-02-01/gadgets.json": "{}",
	"specs/Microsoft.Widgets/stable/2023-11-01/widgets.json": "{}",
	"specs/common.json": "{}",
}

func TestReadReadme(t *testing.T) {
	for _, tc := range []struct {
		tag, wantTag string
		want         []string
	}{
		{"", "package-2024-02", []string{
			"specs/Microsoft.Widgets/stable/2024-02-01/widgets.json",
			"specs/Microsoft.Widgets/stable/2024-02-01/gadgets.json",
			"specs/common.json",
		}},
		{"package-2024-02", "package-2024-02", []string{
			"specs/Microsoft.Widgets/stable/2024-02-01/widgets.json",
			"specs/Microsoft.Widgets/stable/2024-02-01/gadgets.json",
			"specs/common.json",
		}},
		{"package-2023-11", "package-2023-11", []string{
			"specs/Microsoft.Widgets/stable/2023-11-01/widgets.json",
			"specs/common.json",
		}},
	} {
		r, diags := Read("specs/readme.md", tc.tag, memFS(testReadmeFiles))
		if len(diags) > 0 || r == nil {
			t.Fatalf("tag %q: %v", tc.tag, diags)
		}
		if r.Tag != tc.wantTag || !slices.Equal(r.Files, tc.want) {
			t.Errorf("tag %q: got %s %q, want %s %q", tc.tag, r.Tag, r.Files, tc.wantTag, tc.want)
		}
	}
}

func TestReadReadmeErrors(t *testing.T) {
	withReadme := func(text string) map[string]string {
		files := map[string]string{}
		for k, v := range testReadmeFiles {
			files[k] = v
		}
		files["specs/readme.md"] = text
		return files
	}
	for _, tc := range []struct {
		name, tag string
		files     map[string]string
		want      string
	}{
		{"no such tag", "package-2099-01", testReadmeFiles,
			`specs/readme.md: no yaml block applies to tag "package-2099-01" — the tags are those in conditions like $(tag) == 'package-2024-02'; this readme has package-2024-02, package-2023-11, package-2023-05`},
		{"missing input file", "package-2023-05", testReadmeFiles,
			`specs/readme.md#L28: input-file Microsoft.Widgets/stable/2023-05-01/widgets.json of tag "package-2023-05" (the yaml block $(tag) == 'package-2023-05' under "Tag: package-2023-05 (a file that is not there)") cannot be read: no such file — the path is relative to the readme's directory`},
		{"no readme", "", map[string]string{},
			`specs/readme.md: cannot read specs/readme.md: no such file`},
		{"no default tag", "", withReadme("```yaml $(tag) == 'a'\ninput-file: x.json\n```\n"),
			`specs/readme.md: the readme names no default tag (tag: in a yaml block without a condition) — pass -tag; this readme has a`},
		{"default tag without a block", "", withReadme("```yaml\ntag: package-2024-02\n```\n"),
			`specs/readme.md: no yaml block applies to the default tag "package-2024-02" — the tags are those in conditions like $(tag) == 'package-2024-02'`},
		{"bad yaml in a block that applies", "a", withReadme("## Tag a\n\n```yaml $(tag) == 'a'\ninput-file: [x.json\n```\n"),
			`specs/readme.md#L5: invalid YAML: did not find expected ',' or ']' in the yaml block $(tag) == 'a' under "Tag a"`},
		{"bad condition", "a", withReadme("```yaml $(tag) = 'a'\ninput-file: x.json\n```\n"),
			`specs/readme.md#L1: cannot read the condition "$(tag) = 'a'" of the yaml block $(tag) = 'a': unexpected "= 'a'"`},
		{"no input-file", "a", withReadme("```yaml $(tag) == 'a'\noutput-folder: x\n```\n"),
			`specs/readme.md: tag "a" lists no input-file`},
		{"input-file of the wrong type", "a", withReadme("```yaml $(tag) == 'a'\ninput-file: {x: y}\n```\n"),
			`specs/readme.md#L2: input-file must be a file or a list of files in the yaml block $(tag) == 'a'`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, diags := Read("specs/readme.md", tc.tag, memFS(tc.files))
			if r != nil || !diags.HasErrors() {
				t.Fatalf("got %+v, %v; want an error", r, diags)
			}
			if got := diags.Error(); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestGuards(t *testing.T) {
	vars := map[string]string{"tag": "package-2024-02"}
	for _, tc := range []struct {
		guard string
		want  bool
	}{
		{"$(tag) == 'package-2024-02'", true},
		{"$(tag)=='package-2023-11'", false},
		{`$(tag) === "package-2024-02"`, true},
		{"$(tag) != 'package-2024-02'", false},
		{"$(go)", false},
		{"!$(go)", true},
		{"$(go) && !$(track2)", false},
		{"$(go) && $(track2)", false},
		{"$(tag) == 'package-2024-02' && $(java) && $(multiapi)", false},
		{"$(tag) == 'package-2024-02' && !$(python)", true},
		{"($(tag) == 'a' || $(tag) == 'package-2024-02') && true", true},
		{"$(go) == $(java)", true}, // both undefined
		{"$(go) == ''", false},
		{"false || !(!$(tag))", true},
	} {
		g, err := parseGuard(tc.guard)
		if err != nil {
			t.Errorf("%s: %v", tc.guard, err)
			continue
		}
		if got := g.eval(vars).truthy(); got != tc.want {
			t.Errorf("%s = %v, want %v", tc.guard, got, tc.want)
		}
	}
	for _, bad := range []string{"$(tag", "$(tag) == 'x", "$(tag) ==", "($(tag)", "$(tag) $(go)", "$() == 'x'", "tag == 'x'"} {
		if _, err := parseGuard(bad); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}

// The upstream Batch readme: the default tag and an older one.
func TestReadReadmeBatch(t *testing.T) {
	dir := filepath.ToSlash(filepath.Join(testutil.Specs(t), "specification", "batch", "resource-manager"))
	for tag, want := range map[string]string{
		"":                "Microsoft.Batch/stable/2024-02-01/BatchManagement.json",
		"package-2024-02": "Microsoft.Batch/stable/2024-02-01/BatchManagement.json",
		"package-2023-11": "Microsoft.Batch/stable/2023-11-01/BatchManagement.json",
	} {
		r, diags := Read(dir+"/readme.md", tag, os.ReadFile)
		if diags.HasErrors() {
			t.Fatalf("tag %q: %v", tag, diags)
		}
		if len(r.Files) != 1 || r.Files[0] != dir+"/"+want {
			t.Errorf("tag %q: files %q, want %s", tag, r.Files, want)
		}
	}
	// Tags whose files are not in ../shared name the readme line.
	_, diags := Read(dir+"/readme.md", "package-2023-05", os.ReadFile)
	if !diags.HasErrors() || !strings.Contains(diags.Error(), "readme.md#L58: input-file Microsoft.Batch/stable/2023-05-01/BatchManagement.json") {
		t.Errorf("package-2023-05: %v", diags)
	}
}
