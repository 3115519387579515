package gql_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"reflect"
	"strings"
	"testing"

	"newsgraph/graph/gql"
	"newsgraph/graph/internal/testgraph"
)

// newsHandler serves the dated fixture testgraph.News plus a second
// article praising Russia in April, so one edge has evidence in two months.
func newsHandler(t *testing.T) *gql.Handler {
	t.Helper()
	st := testgraph.Open(t)
	testgraph.Ingest(t, st, append(testgraph.News, testgraph.Article{ID: "n6", Date: "2022-04-02T09:30:00+02:00",
		Text: "Vladimir Putin praised Russia again.", Rels: [][3]string{{"person:vladimir-putin", "praised", "state:ru"}}}))
	h, err := gql.NewHandler(st, nil, gql.Options{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// run executes query and decodes its data into out, failing on errors.
func run(t *testing.T, h *gql.Handler, query string, out any) {
	t.Helper()
	resp := h.Exec(context.Background(), query, "", nil)
	if len(resp.Errors) > 0 {
		t.Fatalf("%s: %v", query, resp.Errors)
	}
	if err := json.Unmarshal(resp.Data, out); err != nil {
		t.Fatal(err)
	}
}

type windowEdge struct {
	Subject             struct{ ID string }
	Predicate           string
	Weight              int
	FirstSeen, LastSeen string
	Evidence            []struct{ Sentence string }
}

func (e windowEdge) label() string { return e.Subject.ID + " " + e.Predicate }

func TestRelationsInATimeWindow(t *testing.T) {
	h := newsHandler(t)
	const fields = `edges { node { subject { id } predicate weight firstSeen lastSeen evidence { sentence } } }`
	for _, tc := range []struct {
		args string
		want []string
	}{
		{``, []string{"person:vladimir-putin praised", "agency:nato condemned", "agency:gb:ministry-of-defence estimated", "state:us did not sanction"}},
		{`since: "2022-03-01", until: "2022-03-31"`, []string{"agency:nato condemned", "person:vladimir-putin praised"}},
		{`since: "2022-04-01"`, []string{"person:vladimir-putin praised", "agency:gb:ministry-of-defence estimated", "state:us did not sanction"}},
		{`until: "2022-02-28"`, []string{}},
	} {
		var out struct {
			Relations struct{ Edges []struct{ Node windowEdge } }
			Entity    struct {
				Relations struct{ Edges []struct{ Node windowEdge } }
			}
		}
		args := `object: "state:ru"`
		if tc.args != "" {
			args += ", " + tc.args
		}
		eargs := `direction: IN` + strings.TrimPrefix(args, `object: "state:ru"`)
		run(t, h, `{ relations(`+args+`) { `+fields+` } entity(id: "state:ru") { relations(`+eargs+`) { `+fields+` } } }`, &out)
		got, gotEntity := []string{}, []string{}
		for _, e := range out.Relations.Edges {
			got = append(got, e.Node.label())
		}
		for _, e := range out.Entity.Relations.Edges {
			gotEntity = append(gotEntity, e.Node.label())
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("relations(%s) = %q; want %q", args, got, tc.want)
		}
		if !reflect.DeepEqual(gotEntity, tc.want) {
			t.Errorf("Entity.relations(%s) = %q; want %q", eargs, gotEntity, tc.want)
		}
	}

	// The praise has two pieces of evidence, one in March and one in April:
	// a March window weighs and dates it by the March one alone.
	var out struct {
		Relations struct{ Edges []struct{ Node windowEdge } }
	}
	run(t, h, `{ relations(subject: "person:vladimir-putin", predicate: "praise", since: "2022-03-01", until: "2022-03-31") {
		edges { node { subject { id } predicate weight firstSeen lastSeen evidence { sentence } } } } }`, &out)
	if len(out.Relations.Edges) != 1 {
		t.Fatalf("praise in March: %d edges; want 1", len(out.Relations.Edges))
	}
	e := out.Relations.Edges[0].Node
	if e.Weight != 1 || e.FirstSeen != "2022-03-15" || e.LastSeen != "2022-03-15" || len(e.Evidence) != 1 ||
		e.Evidence[0].Sentence != "Vladimir Putin praised Russia." {
		t.Errorf("praise in March = %+v; want weight 1, seen 2022-03-15 only, the March sentence only", e)
	}
	run(t, h, `{ relations(subject: "person:vladimir-putin", predicate: "praise") {
		edges { node { subject { id } predicate weight firstSeen lastSeen evidence { sentence } } } } }`, &out)
	// Without a window, lastSeen is the stored date of the April article,
	// a timestamp.
	if e := out.Relations.Edges[0].Node; e.Weight != 2 || e.FirstSeen != "2022-03-15" || e.LastSeen != "2022-04-02T07:30:00Z" || len(e.Evidence) != 2 {
		t.Errorf("praise, no window = %+v; want weight 2 from 2022-03-15 to 2022-04-02T07:30:00Z", e)
	}
}

func TestWalksInATimeWindow(t *testing.T) {
	h := newsHandler(t)
	var out struct {
		Neighbors []struct {
			Entity struct{ ID string }
			Weight int
		}
		Subgraph struct {
			Nodes []struct{ ID string }
			Edges []struct{ Predicate string }
		}
		Before, After []struct{ Predicate string }
	}
	run(t, h, `{
		neighbors(id: "state:ru", since: "2022-03-01", until: "2022-03-31") { entity { id } weight }
		subgraph(ids: ["state:ru"], depth: 1, since: "2022-05-01") { nodes { id } edges { predicate } }
		before: path(from: "agency:reuters", to: "state:ua") { predicate }
		after: path(from: "agency:reuters", to: "state:ua", since: "2022-03-01") { predicate }
	}`, &out)
	nbs := map[string]int{}
	for _, n := range out.Neighbors {
		nbs[n.Entity.ID] = n.Weight
	}
	if want := map[string]int{"state:ua": 1, "agency:nato": 1, "person:vladimir-putin": 1}; !reflect.DeepEqual(nbs, want) {
		t.Errorf("neighbors of Russia in March = %v; want %v", nbs, want)
	}
	var nodes []string
	for _, n := range out.Subgraph.Nodes {
		nodes = append(nodes, n.ID)
	}
	if !reflect.DeepEqual(nodes, []string{"state:ru", "state:us"}) || len(out.Subgraph.Edges) != 1 || out.Subgraph.Edges[0].Predicate != "did not sanction" {
		t.Errorf("subgraph of Russia since May = %q, %+v; want Russia and the US joined by the sanction", nodes, out.Subgraph.Edges)
	}
	if len(out.Before) != 2 || len(out.After) != 0 {
		t.Errorf("path Reuters -> Ukraine = %+v, since March %+v; want 2 hops, then none (Reuters' report is from February)", out.Before, out.After)
	}
}

func TestTimeline(t *testing.T) {
	h := newsHandler(t)
	type bucket struct {
		Start string
		Count int
	}
	var out struct{ Actor, Pair, Predicate, March []bucket }
	run(t, h, `{
		actor: timeline(entity: "state:ru") { start count }
		pair: timeline(subject: "state:ua", object: "state:ru", interval: DAY) { start count }
		predicate: timeline(predicate: "praise", interval: WEEK) { start count }
		march: timeline(entity: "state:ru", interval: DAY, since: "2022-03-01", until: "2022-03-31") { start count }
	}`, &out)
	for _, tc := range []struct {
		name      string
		got, want []bucket
	}{
		// Russia: invaded and condemned (2 March), praised (15 March, 2 April),
		// estimated (20 April), not sanctioned (1 May).
		{"actor by month", out.Actor, []bucket{{"2022-03-01", 3}, {"2022-04-01", 2}, {"2022-05-01", 1}}},
		{"pair by day", out.Pair, []bucket{{"2022-03-02", 1}}},
		// 15 March 2022 is a Tuesday, 2 April a Saturday: weeks from Monday.
		{"predicate by week", out.Predicate, []bucket{{"2022-03-14", 1}, {"2022-03-28", 1}}},
		{"actor in March by day", out.March, []bucket{{"2022-03-02", 2}, {"2022-03-15", 1}}},
	} {
		if !reflect.DeepEqual(tc.got, tc.want) {
			t.Errorf("timeline %s = %v; want %v", tc.name, tc.got, tc.want)
		}
	}
}

func TestTimeWindowErrors(t *testing.T) {
	h := newsHandler(t)
	for _, q := range []string{
		`{ relations(since: "yesterday") { totalCount } }`,
		`{ relations(since: "2022-04-01", until: "2022-03-01") { totalCount } }`,
		`{ timeline { start } }`,
		`{ timeline(subject: "state:ru") { start } }`,
		`{ neighbors(id: "state:ru", until: "soon") { weight } }`,
	} {
		resp := exec(t, h, q, nil)
		if code := errorCode(resp); code != "BAD_INPUT" {
			t.Errorf("%s: error code %q; want BAD_INPUT (%v)", q, code, resp)
		}
	}
}

func TestPublishedAtIsParsedAtIngest(t *testing.T) {
	h, _ := newHandler(t, gql.Options{})
	for _, tc := range []struct{ in, want any }{
		{"Tue, 01 Mar 2022 10:00:00 +0100", "2022-03-01T09:00:00Z"},
		{"1 March 2022", "2022-03-01"},
		{"sometime in spring", nil},
	} {
		resp := exec(t, h, `mutation($in: ArticleInput!) { ingestArticle(input: $in) { publishedAt } }`,
			map[string]any{"in": map[string]any{"text": "Russia spoke about Ukraine on " + tc.in.(string) + ".", "publishedAt": tc.in}})
		got := resp["data"].(map[string]any)["ingestArticle"].(map[string]any)["publishedAt"]
		if got != tc.want {
			t.Errorf("ingestArticle(publishedAt %q).publishedAt = %v; want %v", tc.in, got, tc.want)
		}
	}
}
