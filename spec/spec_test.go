package spec_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/armgen/armgen/internal/testutil"
	"github.com/armgen/armgen/spec"
)

// doc is a spec as plain JSON.
type doc map[string]any

func load(t *testing.T, data []byte) doc {
	t.Helper()
	var d doc
	if err := json.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	return d
}

func obj(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// shape keeps what makes a schema's wire form, and drops documentation:
// descriptions and titles may be reworded from the user's page.
func shape(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			switch k {
			case "description", "title":
				continue
			case "x-ms-enum":
				m := obj(e)
				out[k] = map[string]any{"name": m["name"], "modelAsString": m["modelAsString"]}
				continue
			}
			out[k] = shape(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = shape(e)
		}
		return out
	}
	return v
}

// The default spec is written from the user's page, yet every definition,
// the operation and its parameters must have the upstream spec's JSON
// names, enum values and shapes, so that what armgen generates from it
// talks to the real service.
func TestDefaultSpecMatchesUpstream(t *testing.T) {
	upstreamPath := testutil.BatchSpec(t, "2024-02-01")
	upstreamData, err := os.ReadFile(upstreamPath)
	if err != nil {
		t.Fatal(err)
	}
	ours, err := fs.ReadFile(spec.FS, spec.Default)
	if err != nil {
		t.Fatal(err)
	}
	up, mine := load(t, upstreamData), load(t, ours)

	for _, key := range []string{"swagger", "host", "schemes", "consumes", "produces", "security"} {
		if diff := cmp.Diff(up[key], mine[key]); diff != "" {
			t.Errorf("%s differs from upstream (-upstream +ours):\n%s", key, diff)
		}
	}
	if obj(up["info"])["version"] != obj(mine["info"])["version"] {
		t.Errorf("info.version = %v, upstream %v", obj(mine["info"])["version"], obj(up["info"])["version"])
	}
	if diff := cmp.Diff(shape(up["securityDefinitions"]), shape(mine["securityDefinitions"])); diff != "" {
		t.Errorf("securityDefinitions (-upstream +ours):\n%s", diff)
	}

	defs, upDefs := obj(mine["definitions"]), obj(up["definitions"])
	for name, d := range defs {
		u, ok := upDefs[name]
		if !ok {
			t.Errorf("definition %s is not upstream", name)
			continue
		}
		if diff := cmp.Diff(shape(u), shape(d)); diff != "" {
			t.Errorf("definition %s differs from upstream (-upstream +ours):\n%s", name, diff)
		}
	}

	// Every definition the operation reaches is in the default spec.
	reached := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case map[string]any:
			if ref, ok := x["$ref"].(string); ok && len(ref) > len("#/definitions/") && ref[:len("#/definitions/")] == "#/definitions/" {
				name := ref[len("#/definitions/"):]
				if !reached[name] {
					reached[name] = true
					walk(upDefs[name])
				}
			}
			for _, e := range x {
				walk(e)
			}
		case []any:
			for _, e := range x {
				walk(e)
			}
		}
	}
	const path = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Batch/batchAccounts/{accountName}"
	upOp := obj(obj(obj(up["paths"])[path])["patch"])
	myOp := obj(obj(obj(mine["paths"])[path])["patch"])
	if upOp == nil || myOp == nil {
		t.Fatalf("PATCH %s missing (upstream %v, ours %v)", path, upOp != nil, myOp != nil)
	}
	walk(upOp)
	for name := range reached {
		if _, ok := defs[name]; !ok {
			t.Errorf("the operation reaches definition %s, which the default spec lacks", name)
		}
	}
	seed := []string{"AutoStorageBaseProperties", "AutoStorageProperties", "BatchAccount", "BatchAccountIdentity",
		"BatchAccountUpdateParameters", "CloudError", "CloudErrorBody", "ComputeNodeIdentityReference", "EncryptionProperties",
		"EndpointAccessProfile", "IPRule", "KeyVaultProperties", "KeyVaultReference", "NetworkProfile", "PrivateEndpoint",
		"PrivateEndpointConnection", "PrivateLinkServiceConnectionState", "UserAssignedIdentities", "VirtualMachineFamilyCoreQuota",
		"AuthenticationMode", "PoolAllocationMode", "PrivateLinkServiceConnectionStatus", "PublicNetworkAccessType"}
	for _, name := range seed {
		if _, ok := defs[name]; !ok {
			t.Errorf("the seed page lists %s; the default spec lacks it", name)
		}
	}

	// The operation: same id, parameters (resolved) and responses.
	if upOp["operationId"] != myOp["operationId"] {
		t.Errorf("operationId %v, upstream %v", myOp["operationId"], upOp["operationId"])
	}
	params := func(d doc, op map[string]any) []any {
		var out []any
		for _, p := range op["parameters"].([]any) {
			pm := obj(p)
			if ref, ok := pm["$ref"].(string); ok {
				pm = obj(obj(d["parameters"])[ref[len("#/parameters/"):]])
			}
			out = append(out, shape(pm))
		}
		slices.SortFunc(out, func(a, b any) int {
			if obj(a)["name"].(string) < obj(b)["name"].(string) {
				return -1
			}
			return 1
		})
		return out
	}
	if diff := cmp.Diff(params(up, upOp), params(mine, myOp)); diff != "" {
		t.Errorf("parameters differ (-upstream +ours):\n%s", diff)
	}
	if diff := cmp.Diff(shape(upOp["responses"]), shape(myOp["responses"])); diff != "" {
		t.Errorf("responses differ (-upstream +ours):\n%s", diff)
	}
}
