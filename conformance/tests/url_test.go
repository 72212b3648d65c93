//go:build conformance

package tests

import (
	"testing"
	"time"

	"github.com/armgen/armgen/conformance/gen/url"
	"github.com/armgen/armgen/conformance/gen/urlmulticollectionformat"
)

// multibyte is the test server's multi-byte string.
const multibyte = "啊齄丂狛狜\uf9f1\uf92c\uf9f1\ufa0c\ufa29"

// urlEncoded is the string of reserved characters the server expects
// escaped in paths and queries, and back as it was.
const urlEncoded = "begin!*'();:@ &=+$,/?#[]end"

func TestURLPaths(t *testing.T) {
	c := url.NewClient("globalStringPath", nil, &url.ClientOptions{Endpoint: server}).Paths()
	// The spec fixes most of these values (single-value enums): the
	// methods take no argument and send the constant.
	t.Run("UrlPathsBoolTrue", func(t *testing.T) { call(c.GetBooleanTrue(ctx, nil)).ok(t) })
	t.Run("UrlPathsBoolFalse", func(t *testing.T) { call(c.GetBooleanFalse(ctx, nil)).ok(t) })
	t.Run("UrlPathsIntPositive", func(t *testing.T) { call(c.GetIntOneMillion(ctx, nil)).ok(t) })
	t.Run("UrlPathsIntNegative", func(t *testing.T) { call(c.GetIntNegativeOneMillion(ctx, nil)).ok(t) })
	t.Run("UrlPathsLongPositive", func(t *testing.T) { call(c.GetTenBillion(ctx, nil)).ok(t) })
	t.Run("UrlPathsLongNegative", func(t *testing.T) { call(c.GetNegativeTenBillion(ctx, nil)).ok(t) })
	t.Run("UrlPathsFloatPositive", func(t *testing.T) { call(c.FloatScientificPositive(ctx, nil)).ok(t) })
	t.Run("UrlPathsFloatNegative", func(t *testing.T) { call(c.FloatScientificNegative(ctx, nil)).ok(t) })
	t.Run("UrlPathsDoublePositive", func(t *testing.T) { call(c.DoubleDecimalPositive(ctx, nil)).ok(t) })
	t.Run("UrlPathsDoubleNegative", func(t *testing.T) { call(c.DoubleDecimalNegative(ctx, nil)).ok(t) })
	t.Run("UrlPathsStringUnicode", func(t *testing.T) { call(c.StringUnicode(ctx, nil)).ok(t) })
	t.Run("UrlPathsStringUrlEncoded", func(t *testing.T) { call(c.StringURLEncoded(ctx, nil)).ok(t) })
	// x-ms-skip-url-encoding: the reserved characters travel as they are.
	t.Run("UrlPathsStringUrlNonEncoded", func(t *testing.T) { call(c.StringURLNonEncoded(ctx, nil)).ok(t) })
	t.Run("UrlPathsStringEmpty", func(t *testing.T) { call(c.StringEmpty(ctx, nil)).ok(t) })
	t.Run("UrlPathsStringBase64Url", func(t *testing.T) { call(c.Base64URL(ctx, []byte("lorem"), nil)).ok(t) })
	t.Run("UrlPathsEnumValid", func(t *testing.T) { call(c.EnumValid(ctx, url.URIColorGreenColor, nil)).ok(t) })
	t.Run("UrlPathsByteMultiByte", func(t *testing.T) { call(c.ByteMultiByte(ctx, []byte(multibyte), nil)).ok(t) })
	t.Run("UrlPathsByteEmpty", func(t *testing.T) { call(c.ByteEmpty(ctx, nil)).ok(t) })
	t.Run("UrlPathsDateValid", func(t *testing.T) { call(c.DateValid(ctx, nil)).ok(t) })
	t.Run("UrlPathsDateTimeValid", func(t *testing.T) { call(c.DateTimeValid(ctx, nil)).ok(t) })
	t.Run("UrlPathsIntUnixTime", func(t *testing.T) {
		call(c.UnixTimeURL(ctx, time.Date(2016, 4, 13, 0, 0, 0, 0, time.UTC), nil)).ok(t)
	})
	// A null element of a csv array is written as an empty string.
	t.Run("UrlPathsArrayCSVInPath", func(t *testing.T) {
		call(c.ArrayCsvInPath(ctx, []string{"ArrayPath1", urlEncoded, "", ""}, nil)).ok(t)
	})
}

// TestURLPathsRefused checks what the server's "null" path operations are
// for: an empty required path value would change the URL's meaning, so the
// client refuses it, naming it, before anything is sent.
func TestURLPathsRefused(t *testing.T) {
	c := func(t *testing.T) url.PathsClient {
		return url.NewClient("globalStringPath", refuse{t}, &url.ClientOptions{Endpoint: server}).Paths()
	}
	t.Run("string", func(t *testing.T) { refusedFor(t, call(c(t).StringNull(ctx, "", nil)).failed(t), "stringPath") })
	t.Run("enum", func(t *testing.T) { refusedFor(t, call(c(t).EnumNull(ctx, "", nil)).failed(t), "enumPath") })
	t.Run("bytes", func(t *testing.T) { refusedFor(t, call(c(t).ByteNull(ctx, nil, nil)).failed(t), "bytePath") })
}

func TestURLQueries(t *testing.T) {
	c := url.NewClient("globalStringPath", nil, &url.ClientOptions{Endpoint: server}).Queries()
	t.Run("UrlQueriesBoolTrue", func(t *testing.T) { call(c.GetBooleanTrue(ctx, nil)).ok(t) })
	t.Run("UrlQueriesBoolFalse", func(t *testing.T) { call(c.GetBooleanFalse(ctx, nil)).ok(t) })
	t.Run("UrlQueriesBoolNull", func(t *testing.T) { call(c.GetBooleanNull(ctx, nil)).ok(t) })
	t.Run("UrlQueriesIntPositive", func(t *testing.T) { call(c.GetIntOneMillion(ctx, nil)).ok(t) })
	t.Run("UrlQueriesIntNegative", func(t *testing.T) { call(c.GetIntNegativeOneMillion(ctx, nil)).ok(t) })
	t.Run("UrlQueriesIntNull", func(t *testing.T) { call(c.GetIntNull(ctx, &url.QueriesGetIntNullOptions{})).ok(t) })
	t.Run("UrlQueriesLongPositive", func(t *testing.T) { call(c.GetTenBillion(ctx, nil)).ok(t) })
	t.Run("UrlQueriesLongNegative", func(t *testing.T) { call(c.GetNegativeTenBillion(ctx, nil)).ok(t) })
	t.Run("UrlQueriesLongNull", func(t *testing.T) { call(c.GetLongNull(ctx, nil)).ok(t) })
	t.Run("UrlQueriesFloatPositive", func(t *testing.T) { call(c.FloatScientificPositive(ctx, nil)).ok(t) })
	t.Run("UrlQueriesFloatNegative", func(t *testing.T) { call(c.FloatScientificNegative(ctx, nil)).ok(t) })
	t.Run("UrlQueriesFloatNull", func(t *testing.T) { call(c.FloatNull(ctx, nil)).ok(t) })
	t.Run("UrlQueriesDoublePositive", func(t *testing.T) { call(c.DoubleDecimalPositive(ctx, nil)).ok(t) })
	t.Run("UrlQueriesDoubleNegative", func(t *testing.T) { call(c.DoubleDecimalNegative(ctx, nil)).ok(t) })
	t.Run("UrlQueriesDoubleNull", func(t *testing.T) { call(c.DoubleNull(ctx, nil)).ok(t) })
	t.Run("UrlQueriesStringUnicode", func(t *testing.T) { call(c.StringUnicode(ctx, nil)).ok(t) })
	t.Run("UrlQueriesStringUrlEncoded", func(t *testing.T) { call(c.StringURLEncoded(ctx, nil)).ok(t) })
	t.Run("UrlQueriesStringEmpty", func(t *testing.T) { call(c.StringEmpty(ctx, nil)).ok(t) })
	t.Run("UrlQueriesStringNull", func(t *testing.T) { call(c.StringNull(ctx, nil)).ok(t) })
	t.Run("UrlQueriesEnumValid", func(t *testing.T) {
		call(c.EnumValid(ctx, &url.QueriesEnumValidOptions{EnumQuery: url.Ptr(url.URIColorGreenColor)})).ok(t)
	})
	t.Run("UrlQueriesEnumNull", func(t *testing.T) { call(c.EnumNull(ctx, nil)).ok(t) })
	t.Run("UrlQueriesByteMultiByte", func(t *testing.T) {
		call(c.ByteMultiByte(ctx, &url.QueriesByteMultiByteOptions{ByteQuery: []byte(multibyte)})).ok(t)
	})
	t.Run("UrlQueriesByteEmpty", func(t *testing.T) { call(c.ByteEmpty(ctx, nil)).ok(t) })
	t.Run("UrlQueriesByteNull", func(t *testing.T) { call(c.ByteNull(ctx, nil)).ok(t) })
	t.Run("UrlQueriesDateValid", func(t *testing.T) { call(c.DateValid(ctx, nil)).ok(t) })
	t.Run("UrlQueriesDateNull", func(t *testing.T) { call(c.DateNull(ctx, nil)).ok(t) })
	t.Run("UrlQueriesDateTimeValid", func(t *testing.T) { call(c.DateTimeValid(ctx, nil)).ok(t) })
	t.Run("UrlQueriesDateTimeNull", func(t *testing.T) { call(c.DateTimeNull(ctx, nil)).ok(t) })

	valid := []string{"ArrayQuery1", urlEncoded, "", ""}
	t.Run("UrlQueriesArrayCsvValid", func(t *testing.T) {
		call(c.ArrayStringCsvValid(ctx, &url.QueriesArrayStringCsvValidOptions{ArrayQuery: valid})).ok(t)
	})
	t.Run("UrlQueriesArrayCsvNull", func(t *testing.T) { call(c.ArrayStringCsvNull(ctx, nil)).ok(t) })
	// An empty (not nil) array is sent, as an empty value.
	t.Run("UrlQueriesArrayCsvEmpty", func(t *testing.T) {
		call(c.ArrayStringCsvEmpty(ctx, &url.QueriesArrayStringCsvEmptyOptions{ArrayQuery: []string{}})).ok(t)
	})
	t.Run("UrlQueriesArraySsvValid", func(t *testing.T) {
		call(c.ArrayStringSsvValid(ctx, &url.QueriesArrayStringSsvValidOptions{ArrayQuery: valid})).ok(t)
	})
	t.Run("UrlQueriesArrayTsvValid", func(t *testing.T) {
		call(c.ArrayStringTsvValid(ctx, &url.QueriesArrayStringTsvValidOptions{ArrayQuery: valid})).ok(t)
	})
	t.Run("UrlQueriesArrayPipesValid", func(t *testing.T) {
		call(c.ArrayStringPipesValid(ctx, &url.QueriesArrayStringPipesValidOptions{ArrayQuery: valid})).ok(t)
	})
	// No collectionFormat means csv.
	t.Run("UrlQueriesArrayNoCollectionFormatValid", func(t *testing.T) {
		call(c.ArrayStringNoCollectionFormatEmpty(ctx, &url.QueriesArrayStringNoCollectionFormatEmptyOptions{
			ArrayQuery: []string{"hello", "nihao", "bonjour"}})).ok(t)
	})
}

func TestURLMultiCollectionFormat(t *testing.T) {
	c := urlmulticollectionformat.NewClient(nil, &urlmulticollectionformat.ClientOptions{Endpoint: server}).Queries()
	t.Run("UrlQueriesArrayMultiNull", func(t *testing.T) { call(c.ArrayStringMultiNull(ctx, nil)).ok(t) })
	// multi repeats the parameter once per element: none for an empty array.
	t.Run("UrlQueriesArrayMultiEmpty", func(t *testing.T) {
		call(c.ArrayStringMultiEmpty(ctx, &urlmulticollectionformat.QueriesArrayStringMultiEmptyOptions{ArrayQuery: []string{}})).ok(t)
	})
	// The items are x-nullable: a nil element is sent as an empty value.
	t.Run("UrlQueriesArrayMultiValid", func(t *testing.T) {
		call(c.ArrayStringMultiValid(ctx, &urlmulticollectionformat.QueriesArrayStringMultiValidOptions{
			ArrayQuery: []*string{urlmulticollectionformat.Ptr("ArrayQuery1"), urlmulticollectionformat.Ptr(urlEncoded), nil, urlmulticollectionformat.Ptr("")},
		})).ok(t)
	})
}

func TestURLPathItems(t *testing.T) {
	withGlobal := url.NewClient("globalStringPath", nil, &url.ClientOptions{Endpoint: server, GlobalStringQuery: url.Ptr("globalStringQuery")}).PathItems()
	noGlobal := url.NewClient("globalStringPath", nil, &url.ClientOptions{Endpoint: server}).PathItems()
	t.Run("UrlPathItemGetAll", func(t *testing.T) {
		call(withGlobal.GetAllWithValues(ctx, "pathItemStringPath", "localStringPath", &url.PathItemsGetAllWithValuesOptions{
			PathItemStringQuery: url.Ptr("pathItemStringQuery"), LocalStringQuery: url.Ptr("localStringQuery")})).ok(t)
	})
	t.Run("UrlPathItemGetGlobalNull", func(t *testing.T) {
		call(noGlobal.GetGlobalQueryNull(ctx, "pathItemStringPath", "localStringPath", &url.PathItemsGetGlobalQueryNullOptions{
			PathItemStringQuery: url.Ptr("pathItemStringQuery"), LocalStringQuery: url.Ptr("localStringQuery")})).ok(t)
	})
	t.Run("UrlPathItemGetGlobalAndLocalNull", func(t *testing.T) {
		call(noGlobal.GetGlobalAndLocalQueryNull(ctx, "pathItemStringPath", "localStringPath", &url.PathItemsGetGlobalAndLocalQueryNullOptions{
			PathItemStringQuery: url.Ptr("pathItemStringQuery")})).ok(t)
	})
	t.Run("UrlPathItemGetPathItemAndLocalNull", func(t *testing.T) {
		call(withGlobal.GetLocalPathItemQueryNull(ctx, "pathItemStringPath", "localStringPath", nil)).ok(t)
	})
}
