// Package synth writes synthetic ARM specs of any size, for measuring how
// armgen's cost grows with a spec. The specs look like real resource
// provider specs (resources whose properties are flattened into a
// properties model, open and closed enums, nested inline objects, maps,
// arrays, cross-references, list results with x-ms-pageable, long-running
// PUTs and a CloudError default response) and are the same for the same
// size, byte for byte.
package synth

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
)

// Name is the file name under which a synthetic spec is served.
const Name = "synth.json"

// Spec returns a Swagger 2.0 document with n definitions (plus the two
// CloudError definitions every ARM spec has) and n/4 operations, half of
// them pageable lists and half long-running PUTs. Definitions come in
// fours: a tracked resource, its properties, a model of settings with
// enums, and the resource's list result.
func Spec(n int) []byte {
	w := &writer{}
	w.raw(`{"swagger":"2.0","info":{"title":"SynthManagementClient","description":"A synthetic resource provider of `)
	w.raw(strconv.Itoa(n))
	w.raw(` definitions, for measuring armgen.","version":"2024-01-01"},`)
	w.raw(`"host":"management.azure.com","schemes":["https"],"consumes":["application/json"],"produces":["application/json"],`)
	w.raw(`"security":[{"azure_auth":["user_impersonation"]}],`)
	w.raw(`"securityDefinitions":{"azure_auth":{"type":"oauth2","authorizationUrl":"https://login.microsoftonline.com/common/oauth2/authorize","flow":"implicit","description":"Azure Active Directory OAuth2 Flow.","scopes":{"user_impersonation":"impersonate your user account"}}},`)

	w.raw(`"paths":{`)
	ops := n / 4
	for k := range ops {
		if k > 0 {
			w.raw(",")
		}
		operation(w, k, n)
	}
	w.raw(`},"definitions":{`)
	for i := range n {
		if i > 0 {
			w.raw(",")
		}
		definition(w, i, n)
	}
	if n > 0 {
		w.raw(",")
	}
	w.raw(`"CloudError":{"type":"object","description":"An error response from the service.","properties":{"error":{"$ref":"#/definitions/CloudErrorBody","description":"The body of the error."}},"x-ms-external":true},`)
	w.raw(`"CloudErrorBody":{"type":"object","description":"The body of an error response.","properties":{`)
	w.raw(`"code":{"type":"string","description":"An identifier for the error. Codes are invariant and are intended to be consumed programmatically."},`)
	w.raw(`"message":{"type":"string","description":"A message describing the error, intended to be suitable for display in a user interface."},`)
	w.raw(`"target":{"type":"string","description":"The target of the particular error. For example, the name of the property in error."},`)
	w.raw(`"details":{"type":"array","items":{"$ref":"#/definitions/CloudErrorBody"},"x-ms-identifiers":[],"description":"A list of additional details about the error."}},"x-ms-external":true}`)
	w.raw(`},"parameters":{`)
	w.raw(`"SubscriptionIdParameter":{"name":"subscriptionId","in":"path","required":true,"type":"string","description":"The Azure subscription ID. This is a GUID-formatted string (e.g. 00000000-0000-0000-0000-000000000000)"},`)
	w.raw(`"ApiVersionParameter":{"name":"api-version","in":"query","required":true,"type":"string","description":"The API version to be used with the HTTP request."},`)
	w.raw(`"ResourceGroupNameParameter":{"name":"resourceGroupName","in":"path","required":true,"type":"string","description":"The name of the resource group that contains the resource.","x-ms-parameter-location":"method"},`)
	w.raw(`"MaxResultsParameter":{"name":"maxresults","in":"query","required":false,"type":"integer","format":"int32","description":"The maximum number of items to return in the response.","x-ms-parameter-location":"method"}`)
	w.raw(`}}`)
	var out bytes.Buffer
	if err := json.Indent(&out, w.b.Bytes(), "", "  "); err != nil {
		panic("synth: invalid JSON: " + err.Error()) // a bug in this file
	}
	out.WriteByte('\n')
	return out.Bytes()
}

// Words make names of realistic length and shape: definition i is
// adjective × noun plus a number, so that names are unique and split into
// several words, some of them initialisms.
var (
	adjectives = []string{"Storage", "Network", "Compute", "Batch", "Virtual", "Managed", "Private", "Public", "Dedicated", "Shared", "Remote", "Local", "Secure", "Regional", "Global", "Custom"}
	nouns      = []string{"Account", "Pool", "Endpoint", "Gateway", "Vault", "Cluster", "Disk", "Image", "Link", "Policy", "Certificate", "Identity", "Zone", "Job", "Node", "Task", "VMProfile", "IPConfig", "DNSRecord", "URLMap"}
	states     = []string{"Succeeded", "Failed", "Canceled", "Creating", "Updating", "Deleting"}
	tiers      = []string{"Basic", "Standard", "Premium"}
)

// resource is the base name of the resource of group j (definitions 4j…4j+3).
func resource(j int) string {
	return adjectives[j%len(adjectives)] + nouns[(j/len(adjectives))%len(nouns)] + strconv.Itoa(j)
}

// definition writes definition i of n.
func definition(w *writer, i, n int) {
	j := i / 4
	r := resource(j)
	groups := (n + 3) / 4
	switch i % 4 {
	case 0: // the tracked resource
		w.key(r)
		w.raw(`{"type":"object","description":`)
		w.str("Contains information about a " + r + " resource. It is a tracked resource with a location and tags.")
		w.raw(`,"properties":{`)
		w.raw(`"id":{"type":"string","readOnly":true,"description":"The ID of the resource."},`)
		w.raw(`"name":{"type":"string","readOnly":true,"description":"The name of the resource."},`)
		w.raw(`"type":{"type":"string","readOnly":true,"description":"The type of the resource."},`)
		w.raw(`"location":{"type":"string","x-ms-mutability":["read","create"],"description":"The geo-location where the resource lives."},`)
		w.raw(`"tags":{"type":"object","additionalProperties":{"type":"string"},"description":"The tags of the resource."},`)
		w.raw(`"etag":{"type":"string","readOnly":true,"description":"The ETag of the resource, used for concurrency statements."}`)
		if i+1 < n {
			w.raw(`,"properties":{"$ref":"#/definitions/`)
			w.raw(r + "Properties")
			w.raw(`","x-ms-client-flatten":true,"description":"The properties associated with the resource."}`)
		}
		w.raw(`},"x-ms-azure-resource":true}`)
	case 1: // the resource's properties: nested objects, enums, a reference onwards
		w.key(r + "Properties")
		w.raw(`{"type":"object","description":`)
		w.str("The properties of a " + r + ".")
		w.raw(`,"properties":{`)
		w.raw(`"provisioningState":{"type":"string","readOnly":true,"description":"The provisioned state of the resource.","enum":[`)
		for k, s := range states {
			if k > 0 {
				w.raw(",")
			}
			w.str(s)
		}
		w.raw(`],"x-ms-enum":{"name":`)
		w.str(r + "ProvisioningState")
		w.raw(`,"modelAsString":false,"values":[`)
		for k, s := range states {
			if k > 0 {
				w.raw(",")
			}
			w.raw(`{"value":`)
			w.str(s)
			w.raw(`,"description":`)
			w.str("The " + r + " is in the " + s + " state.")
			w.raw(`}`)
		}
		w.raw(`]}},`)
		w.raw(`"creationTime":{"type":"string","format":"date-time","readOnly":true,"description":"The time at which the resource was created."},`)
		w.raw(`"displayName":{"type":"string","maxLength":64,"description":"The display name need not be unique and can contain any Unicode characters up to a maximum length of 64."},`)
		w.raw(`"capacity":{"type":"integer","format":"int32","minimum":0,"maximum":1000,"default":1,"description":"The number of units of the resource."},`)
		w.raw(`"network":{"type":"object","description":"The network configuration, an inline object with a nested one.","properties":{`)
		w.raw(`"subnetId":{"type":"string","format":"arm-id","description":"The ARM resource identifier of the virtual network subnet."},`)
		w.raw(`"publicIPAddressIds":{"type":"array","items":{"type":"string"},"description":"The list of public IPs which the service will use."},`)
		w.raw(`"endpointConfiguration":{"type":"object","description":"The endpoint configuration.","properties":{`)
		w.raw(`"port":{"type":"integer","format":"int32","description":"The port number on the compute node."},`)
		w.raw(`"protocol":{"type":"string","enum":["TCP","UDP"],"x-ms-enum":{"name":"InboundEndpointProtocol","modelAsString":false},"description":"The protocol of the endpoint."}`)
		w.raw(`}}}},`)
		if i+1 < n {
			w.raw(`"settings":{"$ref":"#/definitions/`)
			w.raw(r + "Settings")
			w.raw(`","description":"The settings of the resource."},`)
		}
		// A reference to the next resource, wrapping round: the spec is one
		// connected graph, as real specs are.
		w.raw(`"dependsOn":{"type":"array","items":{"$ref":"#/definitions/`)
		w.raw(resource((j + 1) % groups))
		w.raw(`"},"description":"The resources this one depends on."},`)
		w.raw(`"metadata":{"type":"object","additionalProperties":{"type":"string"},"description":"Name-value pairs associated with the resource as metadata."}`)
		w.raw(`}}`)
	case 2: // settings: an open enum of its own, a shared closed one, scalars
		w.key(r + "Settings")
		w.raw(`{"type":"object","description":`)
		w.str("The settings of a " + r + ".")
		w.raw(`,"required":["tier"],"properties":{`)
		w.raw(`"tier":{"type":"string","description":"The tier of the resource.","enum":[`)
		for k, t := range tiers {
			if k > 0 {
				w.raw(",")
			}
			w.str(t)
		}
		w.raw(`],"x-ms-enum":{"name":`)
		w.str(r + "Tier")
		w.raw(`,"modelAsString":true}},`)
		w.raw(`"protocol":{"type":"string","enum":["TCP","UDP"],"x-ms-enum":{"name":"InboundEndpointProtocol","modelAsString":false},"description":"The protocol of the endpoint."},`)
		w.raw(`"enableAutoScale":{"type":"boolean","description":"Whether the resource should automatically scale over time."},`)
		w.raw(`"resizeTimeout":{"type":"string","format":"duration","description":"The timeout for allocation of compute nodes."},`)
		w.raw(`"weight":{"type":"number","format":"double","description":"A weight between zero and one."},`)
		w.raw(`"keyData":{"type":"string","format":"byte","x-ms-secret":true,"description":"The key material, write-only."}`)
		w.raw(`}}`)
	case 3: // the list result, for the pageable list operation
		w.key(r + "ListResult")
		w.raw(`{"type":"object","description":`)
		w.str("Values returned by the List operation of " + r + ".")
		w.raw(`,"properties":{"value":{"type":"array","items":{"$ref":"#/definitions/`)
		w.raw(r)
		w.raw(`"},"description":"The collection of returned resources."},"nextLink":{"type":"string","description":"The continuation token."}}}`)
	}
}

// operation writes operation k: an even k lists resource k (pageable), an
// odd one creates it (long-running PUT). Operations are grouped eight to
// an operation group, so that groups grow with the spec too.
func operation(w *writer, k, n int) {
	r := resource(k)
	group := adjectives[(k/8)%len(adjectives)] + "Group" + strconv.Itoa(k/8)
	base := "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Synth/" + lowerFirst(r) + "s"
	hasList := 4*k+3 < n
	if k%2 == 0 && hasList {
		w.key(base)
		w.raw(`{"get":{"tags":[`)
		w.str(group)
		w.raw(`],"operationId":`)
		w.str(group + "_List" + r)
		w.raw(`,"description":`)
		w.str("Lists the " + r + " resources in the resource group.")
		w.raw(`,"parameters":[{"$ref":"#/parameters/ResourceGroupNameParameter"},{"$ref":"#/parameters/MaxResultsParameter"},{"$ref":"#/parameters/ApiVersionParameter"},{"$ref":"#/parameters/SubscriptionIdParameter"}],`)
		w.raw(`"responses":{"200":{"description":"The operation was successful.","schema":{"$ref":"#/definitions/`)
		w.raw(r + "ListResult")
		w.raw(`"}},"default":{"description":"Error response describing why the operation failed.","schema":{"$ref":"#/definitions/CloudError"}}},`)
		w.raw(`"x-ms-pageable":{"nextLinkName":"nextLink"}}}`)
		return
	}
	w.key(base + "/{resourceName}")
	w.raw(`{"put":{"tags":[`)
	w.str(group)
	w.raw(`],"operationId":`)
	w.str(group + "_Create" + r)
	w.raw(`,"description":`)
	w.str("Creates a new " + r + " with the specified parameters. Existing resources cannot be updated with this API.")
	w.raw(`,"parameters":[{"$ref":"#/parameters/ResourceGroupNameParameter"},`)
	w.raw(`{"name":"resourceName","in":"path","required":true,"type":"string","pattern":"^[a-zA-Z0-9]+$","minLength":3,"maxLength":24,"description":"A name for the resource, unique within the resource group."},`)
	w.raw(`{"name":"parameters","in":"body","required":true,"schema":{"$ref":"#/definitions/`)
	w.raw(r)
	w.raw(`"},"description":"Additional parameters for resource creation."},{"$ref":"#/parameters/ApiVersionParameter"},{"$ref":"#/parameters/SubscriptionIdParameter"}],`)
	w.raw(`"responses":{"200":{"description":"The operation was successful.","schema":{"$ref":"#/definitions/`)
	w.raw(r)
	w.raw(`"}},"201":{"description":"The resource is being created.","schema":{"$ref":"#/definitions/`)
	w.raw(r)
	w.raw(`"}},"default":{"description":"Error response describing why the operation failed.","schema":{"$ref":"#/definitions/CloudError"}}},`)
	w.raw(`"x-ms-long-running-operation":true,"x-ms-long-running-operation-options":{"final-state-via":"azure-async-operation"}}}`)
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]|0x20) + s[1:]
}

// writer builds compact JSON; Spec indents it at the end, as spec files
// are written.
type writer struct{ b bytes.Buffer }

func (w *writer) raw(s string) { w.b.WriteString(s) }

func (w *writer) str(s string) {
	q, err := json.Marshal(s)
	if err != nil {
		panic(fmt.Sprintf("synth: %v", err))
	}
	w.b.Write(q)
}

func (w *writer) key(s string) {
	w.str(s)
	w.b.WriteByte(':')
}
