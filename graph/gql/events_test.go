package gql_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"

	"newsgraph"
	"newsgraph/graph/gql"
)

// eventsHandler serves the seed store plus one article with two of Putin's
// events: a decree signed, and a law he could sign.
func eventsHandler(t *testing.T) *gql.Handler {
	t.Helper()
	st := MustOpenStore(t)
	seed(t, st)
	ctx := context.Background()
	text := "Vladimir Putin signed a new decree. Vladimir Putin could sign a law."
	art := &newsgraph.Article{ID: "a4", Title: "Decree", Text: text, PublishedAt: "2019-04-01"}
	ex, _ := people.Extract(ctx, art)
	event := func(pred, lemma, obj string, sent int, m newsgraph.Modality) newsgraph.Event {
		s := strings.Index(text, obj)
		end := strings.Index(text[sent:], ".") + sent + 1
		return newsgraph.Event{Subject: "person:vladimir-putin", Predicate: pred, Lemma: lemma, Kind: newsgraph.Action,
			ObjectText: obj, ObjectStart: s, ObjectEnd: s + len(obj), Modality: m,
			Evidence: newsgraph.Evidence{Sentence: text[sent:end], Start: sent, End: end, Confidence: 0.7}}
	}
	ex.Events = []newsgraph.Event{
		event("signed decree", "sign decree", "a new decree", 0, ""),
		event("sign law", "sign law", "a law", 36, newsgraph.Possible),
	}
	if _, err := st.Ingest(ctx, art, ex); err != nil {
		t.Fatal(err)
	}
	h, err := gql.NewHandler(st, people, gql.Options{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func TestEventQueries(t *testing.T) {
	h := eventsHandler(t)
	for _, c := range []struct{ query, want string }{
		{`{ entity(id: "person:vladimir-putin") { events(first: 5) { totalCount edges { node { predicate lemma kind objectText modality date subject { id } evidence { sentence article { id } } } } } } }`,
			`{"entity":{"events":{"totalCount":2,"edges":[
			{"node":{"predicate":"signed decree","lemma":"sign decree","kind":"ACTION","objectText":"a new decree","modality":null,"date":"2019-04-01","subject":{"id":"person:vladimir-putin"},"evidence":{"sentence":"Vladimir Putin signed a new decree.","article":{"id":"a4"}}}},
			{"node":{"predicate":"sign law","lemma":"sign law","kind":"ACTION","objectText":"a law","modality":"POSSIBLE","date":"2019-04-01","subject":{"id":"person:vladimir-putin"},"evidence":{"sentence":"Vladimir Putin could sign a law.","article":{"id":"a4"}}}}]}}}`},
		{`{ events(predicate: "sign decree") { totalCount edges { node { objectText } } } }`,
			`{"events":{"totalCount":1,"edges":[{"node":{"objectText":"a new decree"}}]}}`},
		{`{ events(subject: "person:vladimir-putin", kind: STATEMENT) { totalCount } }`,
			`{"events":{"totalCount":0}}`},
		{`{ events(since: "2019-05-01") { totalCount } }`,
			`{"events":{"totalCount":0}}`},
		{`{ stats { events } }`, `{"stats":{"events":2}}`},
	} {
		got := exec(t, h, c.query, nil)
		if errs := got["errors"]; errs != nil {
			t.Errorf("%s: errors %v", c.query, errs)
			continue
		}
		g, _ := json.Marshal(got["data"])
		w, _ := json.Marshal(mustJSON(c.want))
		if string(g) != string(w) {
			t.Errorf("%s\n = %s\nwant %s", c.query, g, w)
		}
	}
	// Paging: the second page after the first event is the second one.
	first := exec(t, h, `{ events(first: 1) { pageInfo { hasNextPage endCursor } } }`, nil)
	info := first["data"].(map[string]any)["events"].(map[string]any)["pageInfo"].(map[string]any)
	if info["hasNextPage"] != true {
		t.Fatalf("events(first: 1) pageInfo = %v; want a next page", info)
	}
	next := exec(t, h, `query($a: String) { events(first: 1, after: $a) { edges { node { predicate } } pageInfo { hasNextPage } } }`, map[string]any{"a": info["endCursor"]})
	g, _ := json.Marshal(next["data"])
	if want := `{"events":{"edges":[{"node":{"predicate":"sign law"}}],"pageInfo":{"hasNextPage":false}}}`; string(g) != want {
		t.Errorf("second page = %s; want %s", g, want)
	}
	for _, q := range []string{`{ events(subject: "person:nobody") { totalCount } }`, `{ events(after: "junk") { totalCount } }`, `{ events(since: "yesterday") { totalCount } }`} {
		if got := exec(t, h, q, nil); got["errors"] == nil {
			t.Errorf("%s: no error; want one", q)
		}
	}
	// The cost limit counts an event list by its first, like any connection.
	if got := exec(t, h, `{ entities(first: 100) { edges { node { events(first: 100) { edges { node { evidence { sentence } } } } } } } }`, nil); got["errors"] == nil {
		t.Error("100 entities x 100 events passed the cost limit")
	}
}

// Event lists in each order, over real HTTP, paged one at a time: the
// articles' dates and the events' confidences decide, and a cursor of one
// order is refused by another.
func TestEventOrdersOverHTTP(t *testing.T) {
	st := MustOpenStore(t)
	ctx := context.Background()
	for _, a := range []struct {
		id, date string
		conf     float64
	}{{"e1", "2019-04-01", 0.5}, {"e2", "2021-06-01T09:00:00Z", 0.9}, {"e3", "", 0.7}} {
		text := "Vladimir Putin signed decree " + a.id + "."
		art := &newsgraph.Article{ID: a.id, Title: a.id, Text: text, PublishedAt: a.date}
		ex, _ := people.Extract(ctx, art)
		obj := strings.Index(text, "decree")
		ex.Events = []newsgraph.Event{{Subject: "person:vladimir-putin", Predicate: "signed decree", Lemma: "sign decree",
			Kind: newsgraph.Action, ObjectText: text[obj : len(text)-1], ObjectStart: obj, ObjectEnd: len(text) - 1,
			Evidence: newsgraph.Evidence{Sentence: text, Start: 0, End: len(text), Confidence: a.conf}}}
		if _, err := st.Ingest(ctx, art, ex); err != nil {
			t.Fatal(err)
		}
	}
	srv := gridServer(t, st, people, gql.Options{})
	walk := func(root, order string) ([]string, string) {
		t.Helper()
		var got []string
		var cursor string
		after := any(nil)
		for range 5 {
			list := `events(first: 1, after: $a, orderBy: ` + order + `) { totalCount edges { cursor node { evidence { article { id } } } } pageInfo { hasNextPage endCursor } }`
			r := query(t, srv.URL, `query($a: String) { `+strings.Replace(root, "LIST", list, 1)+` }`, map[string]any{"a": after})
			if len(r.Errors) > 0 {
				t.Fatalf("%s(orderBy: %s): %s", root, order, r.message())
			}
			var d map[string]struct {
				TotalCount int
				Edges      []struct {
					Cursor string
					Node   struct {
						Evidence struct{ Article struct{ ID string } }
					}
				}
				PageInfo struct {
					HasNextPage bool
					EndCursor   string
				}
			}
			if strings.HasPrefix(root, "entity") { // one level deeper
				var e map[string]json.RawMessage
				json.Unmarshal(r.Data, &e)
				json.Unmarshal(e["entity"], &d)
			} else {
				json.Unmarshal(r.Data, &d)
			}
			c := d["events"]
			if c.TotalCount != 3 {
				t.Errorf("%s(orderBy: %s) totalCount = %d; want 3", root, order, c.TotalCount)
			}
			for _, e := range c.Edges {
				got = append(got, e.Node.Evidence.Article.ID)
				cursor = e.Cursor
			}
			if !c.PageInfo.HasNextPage {
				break
			}
			after = c.PageInfo.EndCursor
		}
		return got, cursor
	}
	var newestCursor string
	for _, c := range []struct {
		order string
		want  []string
	}{{"STORED", []string{"e1", "e2", "e3"}}, {"NEWEST", []string{"e2", "e1", "e3"}}, {"CONFIDENCE", []string{"e2", "e3", "e1"}}} {
		for _, root := range []string{"LIST", `entity(id: "person:vladimir-putin") { LIST }`} {
			got, cur := walk(root, c.order)
			if strings.Join(got, " ") != strings.Join(c.want, " ") {
				t.Errorf("%s(orderBy: %s) = %v; want %v", root, c.order, got, c.want)
			}
			if c.order == "NEWEST" {
				newestCursor = cur
			}
		}
	}
	r := query(t, srv.URL, `query($a: String) { events(after: $a) { totalCount } }`, map[string]any{"a": newestCursor})
	if r.code() != "BAD_INPUT" {
		t.Errorf("a NEWEST cursor in a STORED list: %q %q; want BAD_INPUT", r.code(), r.message())
	}
}
