// Package testgraph builds small hand-checked stores for the tests of the
// packages around the store (the explorer, the GraphQL API): a few dated
// articles whose actors and relations are written out by hand, so a test
// knows what every query must answer.
package testgraph

import (
	"context"
	"strings"
	"testing"

	"newsgraph"
	"newsgraph/graph"
)

// Open opens an in-memory store closed when the test ends.
func Open(tb testing.TB) *graph.Store {
	tb.Helper()
	st, err := graph.Open("", graph.DefaultOptions().WithInMemory(true).WithLogger(nil))
	if err != nil {
		tb.Fatalf("graph.Open(in-memory) = %v", err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

// Article is one article of a fixture: its text, date and the relations it
// states, each as subject id, label, object id; the evidence is the
// sentence holding the label.
type Article struct {
	ID, Date, Text string
	Rels           [][3]string
	// Negated and Quantity mark the evidence of every relation.
	Negated  bool
	Quantity string
}

// Actors are the actors the fixtures know, found in a text by their names
// and aliases.
var Actors = []newsgraph.Entity{
	{ID: "person:vladimir-putin", Name: "Vladimir Putin", Type: newsgraph.Person, Aliases: []string{"Putin"}, Country: "ru"},
	{ID: "state:ru", Name: "Russia", Type: newsgraph.State, Aliases: []string{"Moscow"}},
	{ID: "state:ua", Name: "Ukraine", Type: newsgraph.State, Aliases: []string{"Kyiv"}},
	{ID: "state:us", Name: "United States", Type: newsgraph.State, Aliases: []string{"Washington"}},
	{ID: "agency:reuters", Name: "Reuters", Type: newsgraph.Agency},
	{ID: "agency:gb:ministry-of-defence", Name: "Ministry of Defence", Type: newsgraph.Agency, Aliases: []string{"MoD"}, Country: "gb"},
	{ID: "agency:nato", Name: "NATO", Type: newsgraph.Agency},
	{ID: "person:volodymyr-zelenskyy", Name: "Volodymyr Zelenskyy", Type: newsgraph.Person, Aliases: []string{"Zelenskyy"}, Country: "ua"},
	{ID: "place:sao-paulo", Name: "São Paulo", Type: newsgraph.Place},
}

// News is the default fixture: five dated articles about Russia and
// Ukraine.
var News = []Article{
	{ID: "n1", Date: "2022-02-24", Text: "Vladimir Putin ordered an attack on Ukraine. Reuters reported the news.",
		Rels: [][3]string{{"person:vladimir-putin", "ordered an attack on", "state:ua"}, {"agency:reuters", "reported", "person:vladimir-putin"}}},
	{ID: "n2", Date: "2022-03-02", Text: "Russia invaded Ukraine from three sides. NATO condemned Russia.",
		Rels: [][3]string{{"state:ru", "invaded", "state:ua"}, {"agency:nato", "condemned", "state:ru"}}},
	{ID: "n3", Date: "2022-03-15", Text: "Vladimir Putin praised Russia. Volodymyr Zelenskyy met the United States in Washington.",
		Rels: [][3]string{{"person:vladimir-putin", "praised", "state:ru"}, {"person:volodymyr-zelenskyy", "met", "state:us"}}},
	{ID: "n4", Date: "2022-04-20", Text: "The Ministry of Defence estimated that Russia lost 15,000 soldiers in Ukraine.",
		Rels: [][3]string{{"agency:gb:ministry-of-defence", "estimated", "state:ru"}}, Quantity: "15,000 soldiers"},
	{ID: "n5", Date: "2022-05-01", Text: "The United States did not sanction Russia again. São Paulo was quiet.",
		Rels: [][3]string{{"state:us", "did not sanction", "state:ru"}}, Negated: true},
}

// Lemmas maps the fixtures' labels to their lemmas (the label itself when
// absent).
var Lemmas = map[string]string{
	"ordered an attack on": "order attack on", "reported": "report", "invaded": "invade",
	"condemned": "condemn", "praised": "praise", "met": "meet", "estimated": "estimate",
	"did not sanction": "sanction",
}

// Kinds maps the fixtures' labels to their kinds (ACTION when absent).
var Kinds = map[string]newsgraph.RelationKind{
	"reported": newsgraph.Statement, "condemned": newsgraph.Statement, "estimated": newsgraph.Statement,
	"praised": newsgraph.Statement,
}

// Ingest stores the articles in st, each with the extraction Extract gives.
func Ingest(tb testing.TB, st *graph.Store, arts []Article) {
	tb.Helper()
	for _, a := range arts {
		art, ex := Extract(a)
		if _, err := st.Ingest(context.Background(), art, ex); err != nil {
			tb.Fatalf("Ingest(%s) = %v", a.ID, err)
		}
	}
}

// Extract makes the article and its hand-written extraction: every actor
// of Actors named in the text, with its mentions, and the relations a.Rels.
func Extract(a Article) (*newsgraph.Article, *newsgraph.Extraction) {
	art := &newsgraph.Article{ID: a.ID, Title: "Report " + a.ID, Text: a.Text, PublishedAt: a.Date,
		URL: "https://news.example.org/" + a.ID}
	ex := &newsgraph.Extraction{}
	for _, e := range Actors {
		if ms := mentions(a.Text, e); len(ms) > 0 {
			e.Mentions = ms
			ex.Entities = append(ex.Entities, e)
		}
	}
	for _, r := range a.Rels {
		start, end := sentence(a.Text, r[1])
		lemma, kind := Lemmas[r[1]], Kinds[r[1]]
		if lemma == "" {
			lemma = r[1]
		}
		if kind == "" {
			kind = newsgraph.Action
		}
		ex.Relations = append(ex.Relations, newsgraph.Relation{Subject: r[0], Predicate: r[1], Lemma: lemma, Kind: kind, Object: r[2],
			Evidence: newsgraph.Evidence{Sentence: a.Text[start:end], Start: start, End: end,
				Quantity: a.Quantity, Negated: a.Negated, Confidence: 0.8}})
	}
	return art, ex
}

// mentions finds each name and alias of e in text, longest names first so
// that "Vladimir Putin" is not also a mention of "Putin".
func mentions(text string, e newsgraph.Entity) []newsgraph.Mention {
	var out []newsgraph.Mention
	taken := make([]bool, len(text))
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		for off := 0; ; {
			i := strings.Index(text[off:], n)
			if i < 0 {
				break
			}
			s := off + i
			off = s + len(n)
			if taken[s] {
				continue
			}
			for j := s; j < off; j++ {
				taken[j] = true
			}
			out = append(out, newsgraph.Mention{Start: s, End: off, Text: n})
		}
	}
	return out
}

// sentence returns the bounds of the sentence of text holding label.
func sentence(text, label string) (int, int) {
	i := max(strings.Index(text, label), 0)
	start := strings.LastIndex(text[:i], ". ")
	if start < 0 {
		start = 0
	} else {
		start += 2
	}
	end := strings.Index(text[i:], ".")
	if end < 0 {
		return start, len(text)
	}
	return start, i + end + 1
}
