package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/getkin/kin-openapi/openapi2"
	"github.com/getkin/kin-openapi/openapi2conv"
)

// toOpenAPI3 converts a Swagger 2.0 file to OpenAPI 3 with kin-openapi, the
// input oapi-codegen and ogen read. The conversion drops what OpenAPI 3
// tools do not know (x-ms-pageable, long-running operations), so the peers
// generate less than armgen from it: no pagers, pollers or typed errors.
func toOpenAPI3(in, out string) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var doc2 openapi2.T
	if err := json.Unmarshal(data, &doc2); err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	doc3, err := openapi2conv.ToV3(&doc2)
	if err != nil {
		return fmt.Errorf("converting %s: %w", in, err)
	}
	b, err := json.MarshalIndent(doc3, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(out, append(b, '\n'), 0o644)
}
