package gql

import (
	"encoding/json"
	"fmt"
	"testing"

	graphql "github.com/graph-gophers/graphql-go"
	gqlerrors "github.com/graph-gophers/graphql-go/errors"
)

// A query text is parsed once and shared; the cache stays within its bound
// whatever texts arrive, and texts over the size bound are not kept.
func TestDocumentsCache(t *testing.T) {
	var d documents
	q := `query Q($n: String!) { entity(name: $n) { id } }`
	first := d.parse(q)
	if first.err != nil || first.doc == nil {
		t.Fatalf("parse(%q) = %+v; want a document", q, first)
	}
	if again := d.parse(q); again != first {
		t.Errorf("parse(%q) twice gave two documents; want the cached one", q)
	}
	if op := first.operation(""); op == nil || op.Name != "Q" {
		t.Errorf("operation(\"\") = %v; want Q", op)
	}
	for i := range 2 * maxCachedQueries {
		d.parse(fmt.Sprintf(`{ entity(id: "x%d") { id } }`, i))
	}
	if n := len(d.m); n > maxCachedQueries {
		t.Errorf("cache holds %d documents; want at most %d", n, maxCachedQueries)
	}
	big := fmt.Sprintf(`{ entity(id: "%0*d") { id } }`, maxCachedQueryBytes, 0)
	d.parse(big)
	if _, ok := d.m[big]; ok {
		t.Errorf("a %d-byte query was cached; want only up to %d bytes", len(big), maxCachedQueryBytes)
	}
	if bad := d.parse(`{ entity(`); bad.err == nil || bad.err.Extensions["code"] != CodeBadInput {
		t.Errorf("parse of a cut query = %+v; want a BAD_INPUT syntax error", bad)
	}
	if cyc := d.parse(`{ ...A } fragment A on Query { ...A }`); cyc.frags == nil {
		t.Errorf("parse of a fragment cycle: frags = nil; want the cycle refused")
	}
}

// encodeResponse writes what json.Encoder would, data left as it is. The
// data is as graphql-go writes it: strings through json.Marshal, so <, >
// and & already escaped.
func TestEncodeResponseMatchesEncoder(t *testing.T) {
	qe := gqlerrors.Errorf("bad <thing> & more")
	qe.Extensions = map[string]any{"code": CodeBadInput}
	for name, resp := range map[string]*graphql.Response{
		"data":   {Data: json.RawMessage(`{"entity":{"id":"a\u003cb\u003e\u0026c","n":[1,2.5,null]}}`)},
		"errors": {Errors: []*gqlerrors.QueryError{qe}},
		"both":   {Data: json.RawMessage(`{"entity":null}`), Errors: []*gqlerrors.QueryError{qe}, Extensions: map[string]any{"took": 3}},
		"empty":  {},
	} {
		head, data, tail, err := encodeResponse(resp)
		if err != nil {
			t.Fatalf("%s: encodeResponse = %v", name, err)
		}
		got := string(head) + string(data) + string(tail)
		want, err := json.Marshal(resp)
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want)+"\n" {
			t.Errorf("%s: encodeResponse = %s; json gives %s", name, got, want)
		}
	}
}
