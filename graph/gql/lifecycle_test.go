package gql_test

import (
	"reflect"
	"testing"

	"newsgraph/graph/gql"
)

const statsOnly = `{ stats { articles entities relations evidence } }`

// TestDeleteAndReplaceThroughGraphQL: an article added through the API and
// deleted again leaves the counts as they were; replace swaps a text where
// a plain ingest is refused.
func TestDeleteAndReplaceThroughGraphQL(t *testing.T) {
	h, _ := newHandler(t, gql.Options{})
	before := exec(t, h, statsOnly, nil)["data"]
	const ingest = `mutation($in: ArticleInput!, $replace: Boolean) { ingestArticle(input: $in, replace: $replace) { id text } }`
	in := map[string]any{"id": "a9", "text": "NATO criticised TASS. Ukraine answered Russia."}
	if got := exec(t, h, ingest, map[string]any{"in": in}); got["errors"] != nil {
		t.Fatalf("ingestArticle: %v", got["errors"])
	}
	if after := exec(t, h, statsOnly, nil)["data"]; equalJSON(after, before) {
		t.Fatalf("stats after ingesting a9 = %v; unchanged", after)
	}

	in2 := map[string]any{"id": "a9", "text": "Vladimir Putin met NATO."}
	if got := exec(t, h, ingest, map[string]any{"in": in2}); codeOf(got) != gql.CodeConflict {
		t.Errorf("ingestArticle(other text) = %v; want CONFLICT", got)
	}
	got := exec(t, h, ingest, map[string]any{"in": in2, "replace": true})
	if got["errors"] != nil {
		t.Fatalf("ingestArticle(replace: true) = %v", got["errors"])
	}
	if text := got["data"].(map[string]any)["ingestArticle"].(map[string]any)["text"]; text != in2["text"] {
		t.Errorf("replaced article text = %v; want %v", text, in2["text"])
	}

	del := exec(t, h, `mutation { deleteArticle(id: "a9") }`, nil)
	if del["errors"] != nil || !equalJSON(del["data"], mustJSON(`{"deleteArticle":"a9"}`)) {
		t.Fatalf("deleteArticle(a9) = %v", del)
	}
	if after := exec(t, h, statsOnly, nil)["data"]; !equalJSON(after, before) {
		t.Errorf("stats after deleting a9 = %v; want %v as before it", after, before)
	}
	if got := exec(t, h, `mutation { deleteArticle(id: "a9") }`, nil); codeOf(got) != gql.CodeNotFound {
		t.Errorf("deleteArticle(deleted) = %v; want NOT_FOUND", got)
	}
	ro, _ := newHandler(t, gql.Options{ReadOnly: true})
	if got := exec(t, ro, `mutation { deleteArticle(id: "a1") }`, nil); codeOf(got) != gql.CodeForbidden {
		t.Errorf("deleteArticle on a read-only server = %v; want FORBIDDEN", got)
	}
}

func TestStatsVersion(t *testing.T) {
	h, _ := newHandler(t, gql.Options{Version: "newsgraph v9.9.9 extractor x"})
	got := exec(t, h, `{ stats { version } }`, nil)
	if !equalJSON(got["data"], mustJSON(`{"stats":{"version":"newsgraph v9.9.9 extractor x"}}`)) {
		t.Errorf("stats { version } = %v; want the handler's version", got)
	}
}

func codeOf(resp map[string]any) string {
	errs, _ := resp["errors"].([]any)
	if len(errs) == 0 {
		return ""
	}
	ext, _ := errs[0].(map[string]any)["extensions"].(map[string]any)
	c, _ := ext["code"].(string)
	return c
}

func equalJSON(a, b any) bool { return reflect.DeepEqual(a, b) }
