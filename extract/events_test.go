package extract

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"newsgraph"
)

// eventString is an event as the tests compare it: subject name, predicate,
// object text, kind, modality and negation.
func eventString(ex *newsgraph.Extraction, e newsgraph.Event) string {
	name := e.Subject
	for _, en := range ex.Entities {
		if en.ID == e.Subject {
			name = en.Name
		}
	}
	s := fmt.Sprintf("%s -[%s]-> %q %s", name, e.Predicate, e.ObjectText, e.Kind)
	if e.Modality != "" {
		s += " " + string(e.Modality)
	}
	if e.Evidence.Negated {
		s += " negated"
	}
	return s
}

func TestEvents(t *testing.T) {
	x := mustNew(t)
	tests := []struct {
		text string
		want []string // events that must be found
		not  []string // predicates that must not be
	}{
		{"Russia's President Vladimir Putin has just signed a new decree to encourage foreign nationals to sign up.",
			[]string{`Vladimir Putin -[signed decree]-> "a new decree to encourage foreign nationals to sign up" ACTION`}, nil},
		{"President Emmanuel Macron signed a decree on Friday and cancelled his trip.",
			[]string{`Emmanuel Macron -[cancelled trip]-> "his trip" ACTION`}, nil},
		{"Angela Merkel refused to sign the treaty.",
			[]string{`Angela Merkel -[sign treaty]-> "the treaty" ACTION negated`}, nil},
		{"The European Union urged Germany to close 20 coal plants.",
			[]string{`Germany -[close plants]-> "20 coal plants" ACTION requested`}, nil},
		{"If elected, Donald Trump would build a wall.",
			[]string{`Donald Trump -[build wall]-> "a wall" ACTION conditional`}, nil},
		{"CNN reported Jeff Van Drew was expected to leave the race.",
			[]string{`Jeff Van Drew -[leave race]-> "the race" ACTION possible`}, nil},
		{"Russia reportedly launched 300 missiles.",
			[]string{`Russia -[launched missiles]-> "300 missiles" ACTION possible`}, nil},
		{"The Kremlin said the talks had failed.",
			[]string{`Kremlin -[said]-> "the talks had failed" STATEMENT`}, nil},
		// An object that is an actor is a relation, not an event.
		{"Russia invaded Ukraine in 2022.", nil, []string{"invaded"}},
		// A question states no act.
		{"Why did Vladimir Putin sign the decree?", nil, []string{"sign decree"}},
	}
	for _, tt := range tests {
		ex, err := x.Extract(context.Background(), &newsgraph.Article{Text: tt.text})
		if err != nil {
			t.Fatalf("Extract(%q) error %v", tt.text, err)
		}
		if err := ex.Validate(tt.text); err != nil {
			t.Errorf("Extract(%q) does not validate: %v", tt.text, err)
		}
		var got []string
		for _, e := range ex.Events {
			got = append(got, eventString(ex, e))
		}
		for _, w := range tt.want {
			if !contains(got, w) {
				t.Errorf("Extract(%q).Events = %q; want %s", tt.text, got, w)
			}
		}
		for _, e := range ex.Events {
			for _, n := range tt.not {
				if e.Predicate == n {
					t.Errorf("Extract(%q) made event %s; want none with predicate %q", tt.text, eventString(ex, e), n)
				}
			}
		}
	}
}

// TestEventsLowerConfidence: a hedged, conditional or requested event is
// less sure than the same act stated.
func TestEventsLowerConfidence(t *testing.T) {
	x := mustNew(t)
	conf := func(text string) float64 {
		ex, err := x.Extract(context.Background(), &newsgraph.Article{Text: text})
		if err != nil || len(ex.Events) == 0 {
			t.Fatalf("Extract(%q) = %v, %v; want an event", text, ex, err)
		}
		return ex.Events[0].Evidence.Confidence
	}
	stated := conf("Donald Trump built a wall.")
	for _, s := range []string{"Donald Trump could build a wall.", "If elected, Donald Trump would build a wall.", "Congress urged Donald Trump to build a wall."} {
		if c := conf(s); c >= stated {
			t.Errorf("confidence of %q = %v; want below the stated act's %v", s, c, stated)
		}
	}
}

// BenchmarkEventsLongSentence times event finding on sentences of 50 and
// 200 tokens: the time per token should stay flat (linear in length).
func BenchmarkEventsLongSentence(b *testing.B) {
	x := mustNew(b)
	clause := "Vladimir Putin signed a decree and cancelled his trip , "
	for _, n := range []int{50, 200} {
		words := strings.Fields(strings.Repeat(clause, n/10+1))[:n-1]
		text := strings.Join(words, " ") + " ."
		doc, _, err := x.read(context.Background(), text)
		if err != nil {
			b.Fatal(err)
		}
		f := newRelationFinder(doc)
		f.ctx = context.Background()
		doc.rels = f.run()
		for i := range doc.sents {
			if _, err := doc.sents[i].tree(); err != nil {
				b.Fatal(err)
			}
		}
		b.Run(fmt.Sprintf("tokens=%d", n), func(b *testing.B) {
			for b.Loop() {
				doc.events = nil
				if err := x.findEvents(context.Background(), doc); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}

func TestTrimSpan(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`, "Constantinople will never exist again[.`, "Constantinople will never exist again"},
		{`a deal with the U.S.`, "a deal with the U.S."},
		{`“the talks failed,”`, "the talks failed"},
		{`,.`, ""},
	} {
		s, e := trimSpan(c.in, 0, len(c.in))
		if got := c.in[s:e]; got != c.want {
			t.Errorf("trimSpan(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

// BenchmarkEventsCost runs the pipeline on the golden articles with and
// without the event stage (which parses every sentence with an actor),
// alternating article by article so that a busy machine slows both alike;
// it reports the extra time events cost as a share of the rest.
func BenchmarkEventsCost(b *testing.B) {
	x := mustNew(b)
	var texts []string
	for _, name := range goldenArticles {
		data, err := os.ReadFile(filepath.Join("..", "seeds", name+".txt"))
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	all := x.stages()
	var without []stage
	for i, st := range all {
		if i != eventStage {
			without = append(without, st)
		}
	}
	ctx := context.Background()
	if _, err := x.Extract(ctx, &newsgraph.Article{Text: texts[0]}); err != nil {
		b.Fatal(err) // loads the parser's model, which is not timed
	}
	var tWith, tWithout time.Duration
	tokens := 0
	for b.Loop() {
		for _, text := range texts {
			for _, run := range []struct {
				stages []stage
				total  *time.Duration
			}{{without, &tWithout}, {all, &tWith}} {
				doc := &document{text: text}
				start := time.Now()
				if err := x.run(ctx, doc, run.stages); err != nil {
					b.Fatal(err)
				}
				*run.total += time.Since(start)
				tokens += doc.words
			}
		}
	}
	b.ReportMetric(float64(tokens/2)/tWithout.Seconds(), "tokens/s-without-events")
	b.ReportMetric(float64(tokens/2)/tWith.Seconds(), "tokens/s-with-events")
	b.ReportMetric(tWith.Seconds()/tWithout.Seconds(), "time-ratio")
}

// headsOf agrees with headOf on every token of the test sentences.
func TestHeadsOf(t *testing.T) {
	x := mustNew(t)
	for _, text := range []string{
		"Russia's President Vladimir Putin met US Ambassador to Germany Richard Grenell and the UK's Ministry of Defence.",
		"Youssef Chahed, the Prime Minister of Tunisia, spoke.",
	} {
		doc, _, err := x.read(context.Background(), text)
		if err != nil {
			t.Fatal(err)
		}
		f := newRelationFinder(doc)
		f.ctx = context.Background()
		f.run()
		for _, v := range doc.views {
			heads := headsOf(v)
			for i := range v.toks {
				if heads[i] != v.headOf(i) {
					t.Errorf("%q token %d: headsOf = %d; headOf = %d", text, i, heads[i], v.headOf(i))
				}
			}
		}
	}
}
