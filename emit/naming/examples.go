package naming

import "github.com/armgen/armgen/ir"

// ExampleTest names the test function of an x-ms-examples entry:
// TestExample<Group><Method>_<Example>.
func (n *Names) ExampleTest(ex *ir.Example) string { return n.tests[ex] }

func (n *Names) exampleTests(api *ir.API) {
	for _, op := range api.Operations {
		o := n.ops[op]
		if o == nil {
			continue
		}
		for _, ex := range op.Examples {
			n.tests[ex] = n.derive("TestExample"+n.groupName(op)+o.Method+"_"+Exported(ex.Name), string(ex.Pointer))
		}
	}
}
