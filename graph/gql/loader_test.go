package gql_test

import (
	"context"
	"testing"

	"newsgraph/graph/gql"
)

// Every way an edge's ends are resolved — batched for a page, taken from a
// subgraph's nodes, or id alone without a read — gives the actor the store
// has under that id.
func TestEdgeEndsThroughTheLoader(t *testing.T) {
	h, st := newHandler(t, gql.Options{})
	ctx := context.Background()
	end := `{ id name mentionCount country { id } }`
	queries := map[string]string{
		"relations":     `{ relations(first: 50) { edges { node { subject ` + end + ` object ` + end + ` } } } }`,
		"entity":        `{ entity(id: "state:ru") { relations(first: 50) { edges { node { subject ` + end + ` object ` + end + ` } } } } }`,
		"subgraph":      `{ subgraph(ids: ["state:ru"], depth: 2, limit: 50) { edges { subject ` + end + ` object ` + end + ` } } }`,
		"path":          `{ path(from: "agency:tass", to: "state:ru", maxHops: 4) { subject ` + end + ` object ` + end + ` } }`,
		"neighbors":     `{ neighbors(id: "state:ru") { relations { subject ` + end + ` object ` + end + ` } } }`,
		"ids only":      `{ relations(first: 50) { edges { node { subject { id } object { id } } } } }`,
		"ids, subgraph": `{ subgraph(ids: ["state:ru"], depth: 1, limit: 3) { edges { subject { id } object { id } } } }`,
		"article":       `{ articles(first: 5) { edges { node { relations { subject ` + end + ` object ` + end + ` } } } } }`,
		// What to read is learnt from the whole document (selected.go):
		// through fragments and under aliases too.
		"fragments": `query { relations(first: 50) { edges { node { ...E } } } }
			fragment E on Relation { subject ` + end + ` object { ...A } } fragment A on Entity { id name mentionCount }`,
		"inline":  `{ relations(first: 50) { edges { node { ... on Relation { subject { ... on Entity { id name } } object ` + end + ` } } } } }`,
		"aliases": `{ r: relations(first: 50) { e: edges { n: node { subject { id name } object { id } } } } }`,
	}
	for name, q := range queries {
		got := exec(t, h, q, nil)
		if got["errors"] != nil {
			t.Fatalf("%s: Exec(%s) errors: %v", name, q, got["errors"])
		}
		n := 0
		walkEnds(got["data"], func(e map[string]any) {
			n++
			id := e["id"].(string)
			want, err := st.Entity(ctx, id)
			if err != nil {
				t.Fatalf("%s: end %s: Entity = %v", name, id, err)
			}
			if name, ok := e["name"]; ok && name != want.Name || e["mentionCount"] != nil && int(e["mentionCount"].(float64)) != want.MentionCount {
				t.Errorf("%s: end %s = %v; the store has %q with %d mentions", name, id, e, want.Name, want.MentionCount)
			}
		})
		if n == 0 {
			t.Errorf("%s: no edge ends in %v", name, got)
		}
	}
}

// walkEnds calls fn for every subject and object object in v.
func walkEnds(v any, fn func(map[string]any)) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if e, ok := x.(map[string]any); ok && (k == "subject" || k == "object") {
				fn(e)
			}
			walkEnds(x, fn)
		}
	case []any:
		for _, x := range v {
			walkEnds(x, fn)
		}
	}
}

// totalCount is counted wherever the document asks for it, a fragment
// included (selected.go), and is the same count as asked directly.
func TestTotalCountThroughFragments(t *testing.T) {
	h, _ := newHandler(t, gql.Options{})
	count := func(q string) any {
		got := exec(t, h, q, nil)
		if got["errors"] != nil {
			t.Fatalf("Exec(%s) errors: %v", q, got["errors"])
		}
		return got["data"].(map[string]any)["relations"].(map[string]any)["totalCount"]
	}
	direct := count(`{ relations(first: 2) { totalCount edges { node { id } } } }`)
	if n, ok := direct.(float64); !ok || n < 3 {
		t.Fatalf("totalCount = %v; want the fixture's edges (3 or more)", direct)
	}
	for _, q := range []string{
		`query { relations(first: 2) { ...C edges { node { id } } } } fragment C on RelationConnection { totalCount }`,
		`{ relations(first: 2) { ... on RelationConnection { totalCount } edges { node { id } } } }`,
	} {
		if got := count(q); got != direct {
			t.Errorf("Exec(%s) totalCount = %v; want %v", q, got, direct)
		}
	}
}
