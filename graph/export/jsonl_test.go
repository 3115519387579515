package export

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"newsgraph"
	"newsgraph/graph"
)

// answers asks st a set of questions through its Go API, the one the
// GraphQL resolvers use, and returns the answers as JSON for comparison.
func answers(t *testing.T, st *graph.Store) map[string]string {
	t.Helper()
	ctx := context.Background()
	out := map[string]string{}
	ask := func(name string, v any, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, _ := json.Marshal(v)
		out[name] = string(b)
	}
	s, err := st.Stats(ctx)
	ask("stats", s, err)
	for _, id := range []string{"state:ru", "person:vladimir-putin", "person:president-putin", "agency:ministry-of-defence", "agency:ministry-of-defence@ru"} {
		e, err := st.Entity(ctx, id)
		ask("entity "+id, e, err)
		rels, err := st.RelationsOf(ctx, id, graph.Both, graph.RelationFilter{}, graph.PageArgs{First: 100})
		ask("relations of "+id, rels, err)
		arts, err := st.EntityArticles(ctx, id, 0)
		ask("articles of "+id, arts, err)
		nb, err := st.Neighbors(ctx, id, graph.Both, "", 50)
		ask("neighbors of "+id, nb, err)
	}
	for _, name := range []string{"Putin", "MoD", "Russian", "Person 12"} {
		e, err := st.EntityByName(ctx, name)
		ask("name "+name, e, err)
	}
	ents, err := st.Entities(ctx, graph.EntityFilter{}, graph.PageArgs{First: 100})
	ask("entities", ents, err)
	if ents.HasNextPage {
		next, err := st.Entities(ctx, graph.EntityFilter{}, graph.PageArgs{First: 100, After: ents.EndCursor})
		ask("entities page 2", next, err)
	}
	rels, err := st.Relations(ctx, graph.RelationFilter{}, graph.PageArgs{First: 100})
	ask("relations", rels, err)
	for _, e := range rels.Edges[:10] {
		ev, err := st.Evidence(ctx, e.Node.ID, 0)
		ask("evidence "+e.Node.ID, ev, err)
	}
	arts, err := st.Articles(ctx, graph.PageArgs{First: 100})
	ask("articles", arts, err)
	evs, err := st.Events(ctx, graph.EventFilter{}, graph.PageArgs{First: 100})
	ask("events", evs, err)
	if evs.TotalCount == 0 {
		t.Error("the fixture store has no events: the dump's are not tested")
	}
	putin, err := st.Events(ctx, graph.EventFilter{Subject: "person:vladimir-putin"}, graph.PageArgs{First: 100})
	ask("events of Putin", putin, err)
	for _, id := range []string{"a1", "a2", "a3", "x7"} {
		es, err := st.ArticleEntities(ctx, id)
		ask("entities of "+id, es, err)
		rs, err := st.ArticleRelations(ctx, id)
		ask("relations of "+id, rs, err)
	}
	sg, err := st.Subgraph(ctx, []string{"state:ua"}, 2, 50)
	ask("subgraph", sg, err)
	path, err := st.Path(ctx, "agency:reuters", "state:ru", 4)
	ask("path", path, err)
	return out
}

// TestDumpRoundTrip: a dump imported into an empty store gives the same
// counts, the same answers to every question and the same exports, and
// dumps to the same bytes.
func TestDumpRoundTrip(t *testing.T) {
	src := fixtureStore(t, 120)
	dump := export(t, src, "jsonl", Options{})
	dst := mustOpen(t)
	got, err := Import(context.Background(), dst, bytes.NewReader(dump))
	if err != nil {
		t.Fatal(err)
	}
	if want := stats(t, src); got != want {
		t.Fatalf("Import = %+v; the dumped store had %+v", got, want)
	}
	for id, want := range map[string]newsgraph.Sector{"agency:ministry-of-defence": newsgraph.Government, "agency:reuters": newsgraph.Media, "state:ru": ""} {
		if e, err := dst.Entity(context.Background(), id); err != nil || e.Sector != want {
			t.Errorf("Entity(%q) after import = %+v, %v; want sector %q", id, e, err, want)
		}
	}
	a, b := answers(t, src), answers(t, dst)
	for q := range a {
		if a[q] != b[q] {
			t.Errorf("%s after import:\n%s\nwant\n%s", q, b[q], a[q])
		}
	}
	if again := export(t, dst, "jsonl", Options{}); !bytes.Equal(again, dump) {
		t.Errorf("the imported store dumps to other bytes")
	}
	for _, f := range []string{"graphml", "dot", "nquads"} {
		if !bytes.Equal(export(t, src, f, Options{}), export(t, dst, f, Options{})) {
			t.Errorf("%s export differs after import", f)
		}
	}
}

func TestImportRefuses(t *testing.T) {
	src := fixtureStore(t, 0)
	dump := export(t, src, "jsonl", Options{})
	lines := strings.SplitAfter(string(dump), "\n")
	tests := []struct {
		name  string
		store *graph.Store
		input string
		want  error
		line  string
	}{
		{"into a store with articles", src, string(dump), ErrNotEmpty, ""},
		{"no header", mustOpen(t), strings.Join(lines[1:], ""), ErrDump, "line 1"},
		{"broken line", mustOpen(t), lines[0] + lines[1] + "{\"article\": {\n" + lines[2], ErrDump, "line 3"},
		{"empty input", mustOpen(t), "", ErrDump, ""},
		{"an article twice", mustOpen(t), lines[0] + lines[1] + lines[1], ErrDump, "line 3"},
		{"a mention outside its text", mustOpen(t), lines[0] + lines[1] + strings.Replace(lines[2], `"start":`, `"start":9`, 1), graph.ErrBadInput, "line 3"},
		{"counts off", mustOpen(t), lines[0] + lines[1], nil, "the dump said"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := stats(t, tt.store)
			_, err := Import(context.Background(), tt.store, strings.NewReader(tt.input))
			if err == nil || tt.want != nil && !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.line) {
				t.Fatalf("Import(%s) = %v; want %v naming %q", tt.name, err, tt.want, tt.line)
			}
			if tt.want == ErrNotEmpty && !reflect.DeepEqual(stats(t, tt.store), before) {
				t.Errorf("a refused import changed the store")
			}
		})
	}
}

// TestDumpIsWholeStore: a dump is never of part of the store.
func TestDumpIsWholeStore(t *testing.T) {
	st := fixtureStore(t, 0)
	f, _ := Lookup("jsonl")
	for _, o := range []Options{{IDs: []string{"state:ru"}}, {Limit: 2}, {Window: Window{Since: "2024-01-01"}}} {
		g, err := Open(context.Background(), st, o)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Write(&bytes.Buffer{}, g); !errors.Is(err, ErrWhole) {
			t.Errorf("jsonl with %+v = %v; want ErrWhole", o, err)
		}
	}
}
