package gql_test

import (
	"fmt"
	"reflect"
	"sort"
	"testing"

	"newsgraph/graph/gql"
)

// TestEntitiesBySector pages entities(sector:) one at a time, alone and
// combined with type, search and orderBy, and checks totalCount against
// what the pages held.
func TestEntitiesBySector(t *testing.T) {
	h, _ := newHandler(t, gql.Options{})
	tests := []struct {
		args string
		want []string
	}{
		{`sector: MEDIA`, []string{"Reuters", "TASS"}},
		{`sector: MEDIA, type: AGENCY`, []string{"Reuters", "TASS"}},
		{`sector: MEDIA, type: PERSON`, nil},
		{`sector: MEDIA, search: "tass"`, []string{"TASS"}},
		{`sector: GOVERNMENT, search: "defence"`, []string{"Ministry of Defence"}},
		{`sector: INTERNATIONAL, orderBy: PAGERANK`, []string{"NATO"}},
		{`sector: MEDIA, orderBy: DEGREE`, []string{"Reuters", "TASS"}},
		{`sector: RELIGION`, nil},
	}
	for _, tt := range tests {
		names, total := pageAll(t, h, tt.args)
		sort.Strings(names)
		if !reflect.DeepEqual(names, tt.want) || total != len(tt.want) {
			t.Errorf("entities(%s) = %v (totalCount %d); want %v", tt.args, names, total, tt.want)
		}
	}
}

// pageAll follows entities(args, first: 1) to its end and returns the
// names and the totalCount of the first page.
func pageAll(t *testing.T, h *gql.Handler, args string) (names []string, total int) {
	t.Helper()
	q := fmt.Sprintf(`query($after: String) { entities(%s, first: 1, after: $after) {
		totalCount edges { node { name sector } } pageInfo { hasNextPage endCursor } } }`, args)
	var after any
	for pages := 0; pages < 10; pages++ {
		got := exec(t, h, q, map[string]any{"after": after})
		if got["errors"] != nil {
			t.Fatalf("entities(%s) errors: %v", args, got["errors"])
		}
		conn := got["data"].(map[string]any)["entities"].(map[string]any)
		if pages == 0 {
			total = int(conn["totalCount"].(float64))
		}
		for _, e := range conn["edges"].([]any) {
			names = append(names, e.(map[string]any)["node"].(map[string]any)["name"].(string))
		}
		info := conn["pageInfo"].(map[string]any)
		if info["hasNextPage"] != true {
			return names, total
		}
		after = info["endCursor"]
	}
	t.Fatalf("entities(%s): more than 10 pages", args)
	return nil, 0
}

// TestEntitySector asks each actor its sector: agencies have theirs,
// others null.
func TestEntitySector(t *testing.T) {
	h, _ := newHandler(t, gql.Options{})
	for id, want := range map[string]any{
		"agency:tass": "MEDIA", "agency:ministry-of-defence": "GOVERNMENT",
		"person:vladimir-putin": nil, "state:ru": nil,
	} {
		got := exec(t, h, `query($id: ID) { entity(id: $id) { sector } }`, map[string]any{"id": id})
		e, _ := got["data"].(map[string]any)["entity"].(map[string]any)
		if e == nil || e["sector"] != want {
			t.Errorf("entity(id: %q) { sector } = %v; want %v", id, got, want)
		}
	}
	got := exec(t, h, `{ entities(sector: CLERGY) { totalCount } }`, nil)
	if got["errors"] == nil {
		t.Errorf("entities(sector: CLERGY) = %v; want an error", got)
	}
}
