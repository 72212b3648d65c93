package batch

// These tests prove the generated package against the user's description
// of the Update Batch account operation: its sample request and response.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/armgen/armgen/internal/testutil"
	"github.com/armgen/armgen/spec"
)

// example is the x-ms-examples file of the default spec.
type example struct {
	Parameters struct {
		SubscriptionID    string          `json:"subscriptionId"`
		ResourceGroupName string          `json:"resourceGroupName"`
		AccountName       string          `json:"accountName"`
		APIVersion        string          `json:"api-version"`
		Parameters        json.RawMessage `json:"parameters"`
	} `json:"parameters"`
	Responses map[string]struct {
		Body json.RawMessage `json:"body"`
	} `json:"responses"`
}

func loadExample(t *testing.T) example {
	t.Helper()
	data, err := fs.ReadFile(spec.FS, "examples/BatchAccountUpdate.json")
	if err != nil {
		t.Fatal(err)
	}
	var ex example
	if err := json.Unmarshal(data, &ex); err != nil {
		t.Fatal(err)
	}
	return ex
}

// recorder is a Doer that records requests and answers from a function.
type recorder struct {
	requests []*http.Request
	answer   func(*http.Request) *http.Response
}

func (r *recorder) Do(req *http.Request) (*http.Response, error) {
	r.requests = append(r.requests, req)
	if r.answer == nil {
		return nil, errors.New("no answer")
	}
	return r.answer(req), nil
}

func TestUpdateRequestFromSample(t *testing.T) {
	ex := loadExample(t)
	c := NewClient(ex.Parameters.SubscriptionID, nil, nil)
	// The request body as a user writes it in Go.
	params := BatchAccountUpdateParameters{
		Properties: &BatchAccountUpdateProperties{
			AutoStorage: &AutoStorageBaseProperties{
				StorageAccountID: Ptr("/subscriptions/subid/resourceGroups/default-azurebatch-japaneast/providers/Microsoft.Storage/storageAccounts/samplestorage"),
			},
		},
	}
	req, err := c.BatchAccount().NewUpdateRequest(context.Background(), ex.Parameters.ResourceGroupName, ex.Parameters.AccountName, params, nil)
	if err != nil {
		t.Fatal(err)
	}
	if req.Method != http.MethodPatch {
		t.Errorf("method = %s, want PATCH", req.Method)
	}
	if want := "/subscriptions/subid/resourceGroups/default-azurebatch-japaneast/providers/Microsoft.Batch/batchAccounts/sampleacct"; req.URL.Path != want {
		t.Errorf("path = %s, want %s", req.URL.Path, want)
	}
	if req.URL.Host != "management.azure.com" || req.URL.Scheme != "https" {
		t.Errorf("endpoint = %s://%s, want https://management.azure.com", req.URL.Scheme, req.URL.Host)
	}
	if got := req.URL.Query().Get("api-version"); got != "2024-02-01" || got != ex.Parameters.APIVersion {
		t.Errorf("api-version = %q, want 2024-02-01", got)
	}
	if got := req.Header.Get("Content-Type"); got != "application/json" {
		t.Errorf("Content-Type = %q", got)
	}
	if got := req.Header.Get("Accept"); got != "application/json" {
		t.Errorf("Accept = %q", got)
	}
	body, err := io.ReadAll(req.Body)
	if err != nil {
		t.Fatal(err)
	}
	if diff := testutil.JSONDiff(ex.Parameters.Parameters, body); diff != "" {
		t.Errorf("request body differs from the sample (-want +got):\n%s", diff)
	}
}

func TestSampleResponseRoundTrip(t *testing.T) {
	ex := loadExample(t)
	sample := ex.Responses["200"].Body
	var acct BatchAccount
	if err := json.Unmarshal(sample, &acct); err != nil {
		t.Fatal(err)
	}
	// Typed values, as a user reads them.
	if acct.Name == nil || *acct.Name != "sampleacct" {
		t.Errorf("Name = %v", acct.Name)
	}
	p := acct.Properties
	if p == nil || p.ProvisioningState == nil || *p.ProvisioningState != ProvisioningStateSucceeded {
		t.Fatalf("ProvisioningState = %+v", p)
	}
	if p.PoolAllocationMode == nil || *p.PoolAllocationMode != PoolAllocationModeBatchService {
		t.Errorf("PoolAllocationMode = %v", p.PoolAllocationMode)
	}
	if p.DedicatedCoreQuota == nil || *p.DedicatedCoreQuota != 20 {
		t.Errorf("DedicatedCoreQuota = %v", p.DedicatedCoreQuota)
	}
	wantSync := time.Date(2016, 3, 10, 23, 48, 38, 987847900, time.UTC)
	if p.AutoStorage == nil || p.AutoStorage.LastKeySync == nil || !p.AutoStorage.LastKeySync.Equal(wantSync) {
		t.Errorf("LastKeySync = %v, want %v", p.AutoStorage.LastKeySync, wantSync)
	}
	if acct.Identity == nil || acct.Identity.Type == nil || *acct.Identity.Type != ResourceIdentityTypeNone {
		t.Errorf("Identity = %+v", acct.Identity)
	}
	if len(acct.Extra) != 0 {
		t.Errorf("every sample property has a field, yet Extra = %v", acct.Extra)
	}
	out, err := json.Marshal(acct)
	if err != nil {
		t.Fatal(err)
	}
	if diff := testutil.JSONDiff(sample, out); diff != "" {
		t.Errorf("re-encoded response differs from the sample (-want +got):\n%s", diff)
	}
}

// The parser behind the client is reached through a real HTTP round trip.
func TestUpdateThroughServer(t *testing.T) {
	ex := loadExample(t)
	var gotBody []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotBody, _ = io.ReadAll(r.Body)
		if r.Method != http.MethodPatch || !strings.HasSuffix(r.URL.Path, "/batchAccounts/sampleacct") {
			http.Error(w, "unexpected "+r.Method+" "+r.URL.Path, http.StatusTeapot)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(ex.Responses["200"].Body)
	}))
	defer srv.Close()
	c := NewClient("subid", srv.Client(), &ClientOptions{Endpoint: srv.URL})
	var params BatchAccountUpdateParameters
	if err := json.Unmarshal(ex.Parameters.Parameters, &params); err != nil {
		t.Fatal(err)
	}
	resp, err := c.BatchAccount().Update(context.Background(), "default-azurebatch-japaneast", "sampleacct", params, nil)
	if err != nil {
		t.Fatal(err)
	}
	if diff := testutil.JSONDiff(ex.Parameters.Parameters, gotBody); diff != "" {
		t.Errorf("body sent (-want +got):\n%s", diff)
	}
	// The response embeds the account: its fields read directly.
	if resp.Location == nil || *resp.Location != "japaneast" {
		t.Errorf("Location = %v", resp.Location)
	}
	if resp.Properties == nil || resp.Properties.AccountEndpoint == nil || *resp.Properties.AccountEndpoint != "sampleacct.japaneast.batch.azure.com" {
		t.Errorf("AccountEndpoint = %+v", resp.Properties)
	}
}

func TestErrorResponse(t *testing.T) {
	const body = `{"error":{"code":"AccountNotFound","message":"The specified account does not exist.","target":"accountName",` +
		`"details":[{"code":"Inner","message":"more"}]}}`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("x-ms-request-id", "req-42")
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, body)
	}))
	defer srv.Close()
	c := NewClient("subid", srv.Client(), &ClientOptions{Endpoint: srv.URL})
	_, err := c.BatchAccount().Update(context.Background(), "rg", "sampleacct", BatchAccountUpdateParameters{}, nil)
	var re *ResponseError
	if !errors.As(err, &re) {
		t.Fatalf("err = %v (%T), want *ResponseError", err, err)
	}
	if re.StatusCode != 404 || re.Code != "AccountNotFound" || re.Message != "The specified account does not exist." ||
		re.Target != "accountName" || re.RequestID != "req-42" {
		t.Errorf("ResponseError = %+v", re)
	}
	if len(re.Details) != 1 || re.Details[0].Code == nil || *re.Details[0].Code != "Inner" {
		t.Errorf("Details = %+v", re.Details)
	}
	if re.CloudError == nil || re.CloudError.Error == nil {
		t.Errorf("CloudError not decoded")
	}
	if string(re.RawBody) != body {
		t.Errorf("RawBody = %s", re.RawBody)
	}
	for _, want := range []string{"PATCH", "404", "AccountNotFound", "The specified account does not exist.", "req-42"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Error() = %q lacks %q", err.Error(), want)
		}
	}
}

func TestErrorResponseNotJSON(t *testing.T) {
	d := &recorder{answer: func(*http.Request) *http.Response {
		return &http.Response{StatusCode: http.StatusBadGateway, Header: http.Header{},
			Body: io.NopCloser(strings.NewReader("<html>bad gateway</html>"))}
	}}
	c := NewClient("subid", d, &ClientOptions{Retry: RetryOptions{RetryDelay: time.Millisecond}})
	_, err := c.BatchAccount().Update(context.Background(), "rg", "sampleacct", BatchAccountUpdateParameters{}, nil)
	var re *ResponseError
	if !errors.As(err, &re) {
		t.Fatalf("err = %v, want *ResponseError", err)
	}
	if re.StatusCode != 502 || re.CloudError != nil || string(re.RawBody) != "<html>bad gateway</html>" || re.Tries != 4 || len(d.requests) != 4 {
		t.Errorf("ResponseError = %+v after %d requests", re, len(d.requests))
	}
	if !strings.Contains(err.Error(), "after 4 tries") {
		t.Errorf("Error() = %q should count the tries", err.Error())
	}
	if !strings.Contains(err.Error(), "bad gateway") {
		t.Errorf("Error() = %q should show the raw body", err.Error())
	}
}

// With CheckConstraints, an argument that breaks the spec's constraints
// builds no request; a missing path parameter never does.
func TestInvalidArgumentsBuildNoRequest(t *testing.T) {
	for _, tc := range []struct {
		name, subscription, account, want string
		checks                            bool
	}{
		{"bad account name", "subid", "bad name!", "accountName", true},
		{"short account name", "subid", "ab", "accountName", true},
		{"long account name", "subid", strings.Repeat("a", 25), "accountName", true},
		{"empty subscription", "", "sampleacct", "subscriptionId", false},
		{"empty account", "subid", "", "accountName", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := &recorder{}
			c := NewClient(tc.subscription, d, &ClientOptions{CheckConstraints: tc.checks})
			req, err := c.BatchAccount().NewUpdateRequest(context.Background(), "rg", tc.account, BatchAccountUpdateParameters{}, nil)
			if err == nil || req != nil {
				t.Fatalf("NewUpdateRequest = %v, %v; want an error and no request", req, err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not name %s", err, tc.want)
			}
			if _, err := c.BatchAccount().Update(context.Background(), "rg", tc.account, BatchAccountUpdateParameters{}, nil); err == nil {
				t.Error("Update succeeded")
			}
			if len(d.requests) != 0 {
				t.Errorf("%d requests were sent", len(d.requests))
			}
		})
	}
}

// By default the service judges the spec's constraints: a value that
// breaks the pattern or the length of accountName is sent, escaped.
func TestConstraintsAreTheServices(t *testing.T) {
	for _, account := range []string{"bad name!", "ab", strings.Repeat("a", 25)} {
		d := &recorder{answer: func(*http.Request) *http.Response {
			return &http.Response{StatusCode: 200, Header: http.Header{}, Body: io.NopCloser(strings.NewReader(`{}`))}
		}}
		c := NewClient("subid", d, nil)
		if _, err := c.BatchAccount().Update(context.Background(), "rg", account, BatchAccountUpdateParameters{}, nil); err != nil {
			t.Fatalf("%q: %v", account, err)
		}
		if len(d.requests) != 1 || !strings.HasSuffix(d.requests[0].URL.EscapedPath(), "/batchAccounts/"+url.PathEscape(account)) {
			t.Errorf("%q: sent %v", account, d.requests)
		}
	}
}

func TestPathSegmentsAreEscaped(t *testing.T) {
	c := NewClient("sub/../x", nil, nil)
	req, err := c.BatchAccount().NewUpdateRequest(context.Background(), "rg with space", "sampleacct", BatchAccountUpdateParameters{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "/subscriptions/sub%2F..%2Fx/resourceGroups/rg%20with%20space/providers/Microsoft.Batch/batchAccounts/sampleacct"; req.URL.EscapedPath() != want {
		t.Errorf("path = %s, want %s", req.URL.EscapedPath(), want)
	}
}

// Azure sends date-times with seven fractional digits, none, or no zone.
func TestDateTimeForms(t *testing.T) {
	for in, want := range map[string]time.Time{
		"2016-03-10T23:48:38.9878479Z":     time.Date(2016, 3, 10, 23, 48, 38, 987847900, time.UTC),
		"2016-03-10T23:48:38Z":             time.Date(2016, 3, 10, 23, 48, 38, 0, time.UTC),
		"2016-03-10T23:48:38.9878479":      time.Date(2016, 3, 10, 23, 48, 38, 987847900, time.UTC),
		"2016-03-10T23:48:38":              time.Date(2016, 3, 10, 23, 48, 38, 0, time.UTC),
		"2016-03-10T23:48:38.5+01:00":      time.Date(2016, 3, 10, 22, 48, 38, 500000000, time.UTC),
		"2016-03-10t23:48:38.9878479z":     time.Date(2016, 3, 10, 23, 48, 38, 987847900, time.UTC),
		"2016-03-10T23:48:38.123456789Z":   time.Date(2016, 3, 10, 23, 48, 38, 123456789, time.UTC),
		"2016-03-10T23:48:38.1234567-0800": time.Date(2016, 3, 11, 7, 48, 38, 123456700, time.UTC),
	} {
		var p AutoStorageProperties
		if err := json.Unmarshal([]byte(`{"lastKeySync":"`+in+`"}`), &p); err != nil {
			t.Errorf("%s: %v", in, err)
			continue
		}
		if p.LastKeySync == nil || !p.LastKeySync.Equal(want) {
			t.Errorf("%s: got %v, want %v", in, p.LastKeySync, want)
		}
		out, _ := json.Marshal(p)
		var back AutoStorageProperties
		if err := json.Unmarshal(out, &back); err != nil || !back.LastKeySync.Equal(want) {
			t.Errorf("%s: re-encoded %s does not read back: %v", in, out, err)
		}
	}
	var p AutoStorageProperties
	if err := json.Unmarshal([]byte(`{"lastKeySync":"yesterday"}`), &p); err == nil || !strings.Contains(err.Error(), "lastKeySync") {
		t.Errorf("a bad date-time must fail and name the property, got %v", err)
	}
}

// A value the service adds to a closed enum later still decodes.
func TestUnknownEnumValueDecodes(t *testing.T) {
	var a BatchAccountProperties
	if err := json.Unmarshal([]byte(`{"provisioningState":"Migrating"}`), &a); err != nil {
		t.Fatal(err)
	}
	if *a.ProvisioningState != "Migrating" {
		t.Errorf("ProvisioningState = %q", *a.ProvisioningState)
	}
}

// What the service sends that this api-version does not model survives a
// read-modify-write; explicit nulls too.
func TestUnknownPropertiesSurvive(t *testing.T) {
	in := `{"name":"acct","properties":{"newFeature":{"on":true},"poolQuota":5},"futureTopLevel":[1,2],"identity":null}`
	var a BatchAccount
	if err := json.Unmarshal([]byte(in), &a); err != nil {
		t.Fatal(err)
	}
	if string(a.Extra["futureTopLevel"]) != "[1,2]" || string(a.Properties.Extra["newFeature"]) != `{"on":true}` {
		t.Errorf("Extra = %v / %v", a.Extra, a.Properties.Extra)
	}
	if a.Identity != nil {
		t.Errorf("Identity = %+v, want nil for JSON null", a.Identity)
	}
	out, _ := json.Marshal(a)
	if diff := testutil.JSONDiff([]byte(in), out); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	// A field set in Go wins over a null kept from the service.
	a.Identity = &BatchAccountIdentity{Type: Ptr(ResourceIdentityTypeSystemAssigned)}
	out, _ = json.Marshal(a)
	if !bytes.Contains(out, []byte(`"identity":{"type":"SystemAssigned"}`)) || bytes.Contains(out, []byte(`"identity":null`)) {
		t.Errorf("set field lost: %s", out)
	}
}

// PATCH semantics: nil fields are not sent; an explicit null is sent when
// asked for.
func TestPatchSendsOnlyWhatIsSet(t *testing.T) {
	p := BatchAccountUpdateParameters{
		Tags:  map[string]string{"env": "test"},
		Extra: map[string]json.RawMessage{"identity": json.RawMessage("null")},
	}
	out, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	if diff := testutil.JSONDiff([]byte(`{"tags":{"env":"test"},"identity":null}`), out); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// An empty (not nil) list is sent: it clears the list on the service.
	p = BatchAccountUpdateParameters{Properties: &BatchAccountUpdateProperties{AllowedAuthenticationModes: []AuthenticationMode{}}}
	out, _ = json.Marshal(p)
	if diff := testutil.JSONDiff([]byte(`{"properties":{"allowedAuthenticationModes":[]}}`), out); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestEnumValues(t *testing.T) {
	got := PossibleKeySourceValues()
	if len(got) != 2 || got[0] != KeySourceMicrosoftBatch || got[1] != KeySourceMicrosoftKeyVault || KeySourceMicrosoftKeyVault != "Microsoft.KeyVault" {
		t.Errorf("PossibleKeySourceValues = %v", got)
	}
}
