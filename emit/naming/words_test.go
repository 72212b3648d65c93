package naming

import (
	"slices"
	"testing"
)

func TestSplit(t *testing.T) {
	for in, want := range map[string][]string{
		"storageAccountId":              {"storage", "Account", "Id"},
		"IPRule":                        {"IP", "Rule"},
		"ipRules":                       {"ip", "Rules"},
		"dedicatedCoreQuotaPerVMFamily": {"dedicated", "Core", "Quota", "Per", "VM", "Family"},
		"IPv4Address":                   {"IPv4", "Address"},
		"groupIDs":                      {"group", "IDs"},
		"api-version":                   {"api", "version"},
		"Microsoft.KeyVault":            {"Microsoft", "Key", "Vault"},
		"Standard_LRS":                  {"Standard", "LRS"},
		"int32Value":                    {"int32", "Value"},
		"odata.nextLink":                {"odata", "next", "Link"},
		"ETagValue":                     {"ETag", "Value"},
		"---":                           nil,
	} {
		if got := Split(in); !slices.Equal(got, want) {
			t.Errorf("Split(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestExported(t *testing.T) {
	for in, want := range map[string]string{
		"storageAccountId":              "StorageAccountID",
		"ipRules":                       "IPRules",
		"IPRule":                        "IPRule",
		"dedicatedCoreQuotaPerVMFamily": "DedicatedCoreQuotaPerVMFamily",
		"api-version":                   "APIVersion",
		"Microsoft.KeyVault":            "MicrosoftKeyVault",
		"BatchAccountUpdateParameters":  "BatchAccountUpdateParameters",
		"nodeManagementEndpoint":        "NodeManagementEndpoint",
		"url":                           "URL",
		"httpsURL":                      "HTTPSURL",
		"groupIds":                      "GroupIDs",
		"etag":                          "ETag",
		"eTag":                          "ETag",
		"x-ms-request-id":               "XMSRequestID",
		"odata.type":                    "ODataType",
		"osDisk":                        "OSDisk",
		"sku":                           "SKU",
		"getNonAscii":                   "GetNonASCII",
		"CIFSMountConfiguration":        "CIFSMountConfiguration",
		"3dModel":                       "N3dModel",
		"STANDARD":                      "STANDARD",
		"*":                             "",
		"":                              "",
	} {
		if got := Exported(in); got != want {
			t.Errorf("Exported(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnexported(t *testing.T) {
	for in, want := range map[string]string{
		"accountName":            "accountName",
		"subscriptionId":         "subscriptionID",
		"ID":                     "id",
		"URL":                    "urlParam",
		"api-version":            "apiVersion",
		"type":                   "typeParam",
		"func":                   "funcParam",
		"ctx":                    "ctxParam",
		"string":                 "stringParam",
		"resourceGroupName":      "resourceGroupName",
		"IPAddress":              "ipAddress",
		"$filter":                "filter",
		"1stItem":                "n1stItem",
		"x-ms-client-request-id": "xmsClientRequestID",
	} {
		if got := Unexported(in); got != want {
			t.Errorf("Unexported(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReserved(t *testing.T) {
	for _, s := range []string{"type", "range", "len", "error", "ctx", "req", "options", "http", "url"} {
		if !Reserved(s) {
			t.Errorf("%q should be reserved", s)
		}
	}
	for _, s := range []string{"accountName", "kind", "value"} {
		if Reserved(s) {
			t.Errorf("%q should not be reserved", s)
		}
	}
}
