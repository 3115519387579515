package graph_test

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"newsgraph"
	"newsgraph/graph"
	"newsgraph/graph/internal/testgraph"
)

// MustOpenStore opens an in-memory store that is closed when the test ends.
func MustOpenStore(tb testing.TB) *graph.Store {
	tb.Helper()
	return testgraph.Open(tb)
}

// mustOpenDir opens a store on disk in dir; the caller closes it.
func mustOpenDir(tb testing.TB, dir string) *graph.Store {
	tb.Helper()
	st, err := graph.Open(dir, graph.DefaultOptions().WithLogger(nil))
	if err != nil {
		tb.Fatalf("Open(%s) = %v", dir, err)
	}
	return st
}

// fixture builds an article and a hand-made extraction for it. Entities and
// relations name their text; mentions and evidence offsets are found in the
// article's text, so fixtures read like the sentences they describe.
type fixture struct {
	a  *newsgraph.Article
	ex *newsgraph.Extraction
}

func newFixture(id, date, text string) *fixture {
	return &fixture{
		a:  &newsgraph.Article{ID: id, Title: id, Text: text, PublishedAt: date},
		ex: &newsgraph.Extraction{},
	}
}

// ent adds an entity with a mention for each occurrence of its name and
// aliases in the text.
func (f *fixture) ent(id, name string, t newsgraph.EntityType, aliases ...string) *fixture {
	e := newsgraph.Entity{ID: id, Name: name, Type: t, Aliases: aliases}
	for _, n := range append([]string{name}, aliases...) {
		for off := 0; ; {
			i := strings.Index(f.a.Text[off:], n)
			if i < 0 {
				break
			}
			s := off + i
			e.Mentions = append(e.Mentions, newsgraph.Mention{Start: s, End: s + len(n), Text: n})
			off = s + len(n)
		}
	}
	f.ex.Entities = append(f.ex.Entities, e)
	return f
}

// rel adds a relation whose evidence is the sentence of the text containing
// the predicate label.
func (f *fixture) rel(subj, pred, lemma, obj string, conf float64) *fixture {
	i := strings.Index(f.a.Text, pred)
	if i < 0 {
		i = 0
	}
	start := strings.LastIndex(f.a.Text[:i], ". ") + 1
	if start > 0 {
		start++
	}
	end := strings.Index(f.a.Text[i:], ".")
	if end < 0 {
		end = len(f.a.Text)
	} else {
		end += i + 1
	}
	f.ex.Relations = append(f.ex.Relations, newsgraph.Relation{
		Subject: subj, Predicate: pred, Lemma: lemma, Object: obj,
		Evidence: newsgraph.Evidence{Sentence: f.a.Text[start:end], Start: start, End: end, Confidence: conf},
	})
	return f
}

func (f *fixture) ingest(tb testing.TB, st *graph.Store) graph.IngestResult {
	tb.Helper()
	res, err := st.Ingest(context.Background(), f.a, f.ex)
	if err != nil {
		tb.Fatalf("Ingest(%s) = %v", f.a.ID, err)
	}
	return res
}

// capsExtractor is a deterministic stand-in for package extract: every run
// of capitalised words is an actor (an AGENCY when it ends in Agency,
// Ministry or Council, a STATE when listed in states, else a PERSON) and two
// actors in one sentence are related by the words between them.
type capsExtractor struct{}

var (
	capsRun  = regexp.MustCompile(`\p{Lu}\p{L}+(?:[ -]\p{Lu}\p{L}+)*`)
	sentence = regexp.MustCompile(`[^.!?]+[.!?]?`)
	states   = map[string]string{"Russia": "ru", "Ukraine": "ua", "Cuba": "cu", "France": "fr"}
	skip     = map[string]bool{"The": true, "A": true, "In": true, "On": true, "It": true, "He": true, "She": true, "They": true, "But": true, "And": true}
)

func (capsExtractor) Extract(ctx context.Context, a *newsgraph.Article) (*newsgraph.Extraction, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ex := &newsgraph.Extraction{}
	index := map[string]int{}
	for _, sl := range sentence.FindAllStringIndex(a.Text, -1) {
		var prev *newsgraph.Mention
		var prevID string
		for _, m := range capsRun.FindAllStringIndex(a.Text[sl[0]:sl[1]], -1) {
			start, end := sl[0]+m[0], sl[0]+m[1]
			name := a.Text[start:end]
			if skip[name] {
				continue
			}
			id, t := "person:"+slug(name), newsgraph.Person
			switch {
			case states[name] != "":
				id, t = "state:"+states[name], newsgraph.State
			case strings.HasSuffix(name, "Agency") || strings.HasSuffix(name, "Ministry") || strings.HasSuffix(name, "Council"):
				id, t = "agency:"+slug(name), newsgraph.Agency
			}
			i, ok := index[id]
			if !ok {
				i = len(ex.Entities)
				index[id] = i
				ex.Entities = append(ex.Entities, newsgraph.Entity{ID: id, Name: name, Type: t})
			}
			mention := newsgraph.Mention{Start: start, End: end, Text: name}
			ex.Entities[i].Mentions = append(ex.Entities[i].Mentions, mention)
			if prev != nil && prevID != id {
				pred := strings.TrimSpace(a.Text[prev.End:start])
				if n := len(strings.Fields(pred)); n > 0 && n <= 4 {
					ex.Relations = append(ex.Relations, newsgraph.Relation{
						Subject: prevID, Predicate: pred, Object: id,
						Evidence: newsgraph.Evidence{Sentence: a.Text[sl[0]:sl[1]], Start: sl[0], End: sl[1], Confidence: 0.5},
					})
				}
			}
			prev, prevID = &mention, id
		}
	}
	return ex, nil
}

func slug(s string) string {
	return strings.ToLower(strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' }), "-"))
}
