// Package emptymodels_test checks models without properties: everything
// they read is Extra or additionalProperties, and goes back out.
package emptymodels_test

import (
	"encoding/json"
	"testing"

	"github.com/armgen/armgen/golden/testdata/empty-models/want"
)

func TestEmptyModels(t *testing.T) {
	var bag emptymodels.Bag
	if err := json.Unmarshal([]byte(`{"a":"x","b":null}`), &bag); err != nil {
		t.Fatal(err)
	}
	if bag.AdditionalProperties["a"] != "x" || string(bag.Extra["b"]) != "null" || len(bag.Extra) != 1 {
		t.Errorf("decoded %+v", bag)
	}
	if out, err := json.Marshal(bag); err != nil || string(out) != `{"a":"x","b":null}` {
		t.Errorf("encoded %s %v", out, err)
	}
	var e emptymodels.Empty
	if err := json.Unmarshal([]byte(`{"x":[1]}`), &e); err != nil || string(e.Extra["x"]) != "[1]" {
		t.Errorf("decoded %+v %v", e, err)
	}
}
