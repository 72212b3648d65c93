package parser

import (
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/armgen/armgen/ir"
)

// loadExamples reads the x-ms-examples files of every operation. They are
// test data, not spec: a missing or malformed one is a warning, and the
// example is left unloaded (and so untested).
func (b *builder) loadExamples() {
	for _, op := range b.api.Operations {
		for _, ex := range op.Examples {
			b.loadExample(ex)
		}
	}
}

func (b *builder) loadExample(ex *ir.Example) {
	if !b.l.within(path.Clean(ex.File)) {
		b.diags.Warn(ex.Pointer, "example file %s is outside the spec root %s; its test is skipped", ex.File, b.l.root)
		return
	}
	data, err := b.l.opts.ReadFile(ex.File)
	if err != nil {
		b.diags.Warn(ex.Pointer, "example file %s cannot be read (%v); its test is skipped", ex.File, unwrapPathError(err))
		return
	}
	data = trimBOM(data)
	tree, errs := parseJSON(data, b.l.opts.Limits)
	if len(errs) > 0 || tree == nil || tree.kind != kindObject {
		msg := "it is not a JSON object"
		if len(errs) > 0 {
			msg = "line " + itoa(errs[0].line) + ": " + errs[0].msg
		}
		b.diags.Warn(ex.Pointer, "example file %s is broken (%s); its test is skipped", ex.File, msg)
		return
	}
	params := tree.get("parameters")
	if params != nil && params.kind == kindObject {
		for i, k := range params.keys {
			ex.Params = append(ex.Params, ir.ExampleValue{Name: k, JSON: string(params.vals[i].appendJSON(nil))})
		}
		slices.SortFunc(ex.Params, func(x, y ir.ExampleValue) int { return strings.Compare(x.Name, y.Name) })
	}
	responses := tree.get("responses")
	if responses != nil && responses.kind == kindObject {
		for i, code := range responses.keys {
			status, err := strconv.Atoi(code)
			if err != nil {
				continue // "default" and the like describe errors, not tested here
			}
			r := &ir.ExampleResponse{Status: status}
			rn := responses.vals[i]
			if body := rn.get("body"); body != nil {
				r.Body = string(body.appendJSON(nil))
			}
			if hs := rn.get("headers"); hs != nil && hs.kind == kindObject {
				for j, h := range hs.keys {
					v := hs.vals[j]
					text := v.str
					if v.kind == kindObject || v.kind == kindArray {
						text = string(v.appendJSON(nil))
					}
					r.Headers = append(r.Headers, ir.ExampleValue{Name: h, JSON: text})
				}
				slices.SortFunc(r.Headers, func(x, y ir.ExampleValue) int { return strings.Compare(x.Name, y.Name) })
			}
			ex.Responses = append(ex.Responses, r)
		}
		slices.SortFunc(ex.Responses, func(x, y *ir.ExampleResponse) int { return x.Status - y.Status })
	}
	ex.Loaded = true
}
