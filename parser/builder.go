package parser

import "github.com/armgen/armgen/ir"

// builder turns loaded files into the IR.
type builder struct {
	l     *loader
	api   *ir.API
	diags ir.Diagnostics
	// models and enums by the node that defines them, so each schema
	// becomes one IR node however many places use it.
	models map[*node]*modelState
	keys   map[string]*node // model Key → defining node
	enums  map[string]*ir.Enum
	// enumIndex finds an enum's values by their JSON text.
	enumIndex map[*ir.Enum]map[string]int
	// enumAt remembers which node first defined an enum Key, for messages.
	enumAt map[string]ir.Pointer
	// enumFold finds named enums by their name in lower case (enumfold.go).
	enumFold map[string][]*ir.Enum
	// chained marks the nodes $ref chains have passed through after their
	// start: an alias definition already walked needs no walk of its own.
	chained map[*node]bool
	// cur is the schema or operation being read, for the report of a panic.
	cur site
	// depth counts the models being filled, one inside another (a
	// property's type is filled while its model is); past maxFillDepth
	// a model waits in pending, so that a long chain of definitions
	// cannot overflow the stack. allOfDepth counts allOf parents.
	depth, allOfDepth int
	pending           []*modelState
	clientParams      map[string]*ir.Parameter
	// opIDs are the operationIds taken, in lower case (tolerate.go).
	opIDs map[string]bool
	// hostArgs are the method-level parameters of x-ms-parameterized-host,
	// added to every operation (last when positionInOperation says so).
	hostArgs     []*ir.Parameter
	hostArgsLast bool
}

type modelState struct {
	m    *ir.Model
	site site
	// filling is set while the model's allOf parents are being read: a
	// model that reaches itself through allOf is a cycle.
	filling bool
	done    bool
	// own properties' required names, kept for children.
	required []string
	// discriminator as declared on this model, if any.
	discriminator string
	// discriminatorValue as written (x-ms-discriminator-value), if any.
	discriminatorValue string
	// wire is the schema's wire form, once compared (sameSchema).
	wire *wired
}

func newBuilder(l *loader) *builder {
	return &builder{
		l:            l,
		api:          &ir.API{UseSchemePrefix: true},
		models:       map[*node]*modelState{},
		keys:         map[string]*node{},
		enums:        map[string]*ir.Enum{},
		enumAt:       map[string]ir.Pointer{},
		enumIndex:    map[*ir.Enum]map[string]int{},
		clientParams: map[string]*ir.Parameter{},
		chained:      map[*node]bool{},
	}
}

func firstOf(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
