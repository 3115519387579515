package extract

import (
	"context"
	"slices"
	"strings"
	"testing"

	"newsgraph"
)

// runOnePattern finds relations in text with only the sentence pattern id,
// the actors marked as relDoc marks them.
func runOnePattern(t *testing.T, id patternID, text string, ents ...relEnt) []string {
	t.Helper()
	doc := relDoc(t, text, ents...)
	f := newRelationFinder(doc)
	for si := range doc.sents {
		if v := f.newView(si, nil); v != nil {
			patterns[id].sentence(f, v)
		}
	}
	f.markPatterns()
	for _, r := range f.out {
		if r.Pattern != patterns[id].name {
			t.Errorf("relation %v has pattern %q; want %q", r, r.Pattern, patterns[id].name)
		}
	}
	return relStrings(doc, f.out)
}

// nomCase is one sentence for a pattern: the edges it must give and those
// it must not.
type nomCase struct {
	text      string
	ents      []relEnt
	want, not []string
}

func checkNomCases(t *testing.T, id patternID, cases []nomCase) {
	t.Helper()
	for _, c := range cases {
		got := runOnePattern(t, id, c.text, c.ents...)
		for _, w := range c.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s(%q) = %v; want %q among them", patterns[id].name, c.text, got, w)
			}
		}
		for _, w := range c.not {
			if slices.Contains(got, w) {
				t.Errorf("%s(%q) = %v; want no %q", patterns[id].name, c.text, got, w)
			}
		}
	}
}

var (
	acme    = relEnt{"Acme Mining", newsgraph.Agency, []string{"Acme"}}
	laborP  = relEnt{"Labor Party", newsgraph.Agency, []string{"Labor"}}
	norland = relEnt{"Norland", newsgraph.State, []string{"Norlandic"}}
	jane    = relEnt{"Jane Doe", newsgraph.Person, []string{"Doe"}}
	tom     = relEnt{"Tom Wills", newsgraph.Person, []string{"Wills"}}
)

func TestDepApposition(t *testing.T) {
	checkNomCases(t, patDepApposition, []nomCase{
		{
			text: "Jane Doe, the party's foreign affairs spokeswoman, spoke. Tom Wills, a senior executive at Acme Mining, resigned.",
			ents: []relEnt{jane, tom, acme},
			want: []string{"Tom Wills -[executive of]-> Acme Mining"},
		},
		{
			text: "Tom Wills, Acme Mining's general manager, said sales rose.",
			ents: []relEnt{tom, acme},
			want: []string{"Tom Wills -[manager of]-> Acme Mining"},
		},
		{
			text: "The company was founded by Jane Doe, former president of Norland and Acme Mining.",
			ents: []relEnt{jane, norland, acme},
			want: []string{"Jane Doe -[president of]-> Norland", "Jane Doe -[president of]-> Acme Mining"},
		},
		{
			text: "The head of Acme Mining, Tom Wills, said nothing.",
			ents: []relEnt{tom, acme},
			want: []string{"Tom Wills -[head of]-> Acme Mining"},
		},
		{
			text: "Tom Wills, a Labor, voted against it.",
			ents: []relEnt{tom, laborP},
			want: []string{"Tom Wills -[member of]-> Labor Party"},
		},
		{
			// No role noun: "the country's richest man" is no office.
			text: "The mine was bought by Tom Wills, Norland's richest man.",
			ents: []relEnt{tom, norland},
			not:  []string{"Tom Wills -[man of]-> Norland"},
		},
		{
			// The title belongs to the person named in its own apposition.
			text: "Speaking to Acme Mining, the president of Norland, Jane Doe, said so.",
			ents: []relEnt{jane, norland, acme},
			want: []string{"Jane Doe -[president of]-> Norland"},
			not:  []string{"Acme Mining -[president of]-> Norland"},
		},
		{
			// A title of two capitalised words, which the parser may join
			// with nmod:desc.
			text: "In early September, Jane Doe, the Governor General of Norland, dissolved the parliament.",
			ents: []relEnt{jane, norland},
			want: []string{"Jane Doe -[governor general of]-> Norland"},
		},
		{
			// The preposition after an apposition, hung on the name.
			text: "Tom Wills, an executive at Norland, said: \"We will study the report published in the firm's name over the next month or so.\"",
			ents: []relEnt{tom, norland},
			want: []string{"Tom Wills -[executive of]-> Norland"},
		},
	})
}

func TestDepCopula(t *testing.T) {
	checkNomCases(t, patDepCopula, []nomCase{
		{
			text: "Tom Wills is the chairman of Acme Mining.",
			ents: []relEnt{tom, acme},
			want: []string{"Tom Wills -[chairman of]-> Acme Mining"},
		},
		{
			text: "Jane Doe is a Labor. Tom Wills was Norland's ambassador.",
			ents: []relEnt{jane, tom, laborP, norland},
			want: []string{"Jane Doe -[member of]-> Labor Party", "Tom Wills -[ambassador of]-> Norland"},
		},
		{
			// "part of" a history is no membership.
			text: "Tom Wills is part of the history of Norland.",
			ents: []relEnt{tom, norland},
			not:  []string{"Tom Wills -[part of]-> Norland"},
		},
	})
}

func TestDepEventNoun(t *testing.T) {
	checkNomCases(t, patDepEventNoun, []nomCase{
		{
			// The one acted on heads the phrase: not "Acme Mining's home".
			text: "Norland's invasion of Acme Mining's home state shocked everyone. Tom Wills's purchase of Acme Mining was approved.",
			ents: []relEnt{norland, acme, tom},
			want: []string{"Tom Wills -[purchase of]-> Acme Mining"},
			not:  []string{"Norland -[invasion of]-> Acme Mining"},
		},
		{
			text: "Norland's sanctions against Acme Mining and Tom Wills took effect.",
			ents: []relEnt{norland, acme, tom},
			want: []string{"Norland -[sanction against]-> Acme Mining", "Norland -[sanction against]-> Tom Wills"},
		},
		{
			text: "Tom Wills criticised Jane Doe's handling of issues with Norland and Acme Mining.",
			ents: []relEnt{tom, jane, norland, acme},
			want: []string{"Jane Doe -[handling of issue with]-> Norland", "Jane Doe -[handling of issue with]-> Acme Mining"},
		},
		{
			// A role is no act: "Norland's president".
			text: "Norland's president of Acme Mining resigned.",
			ents: []relEnt{norland, acme},
			not:  []string{"Norland -[president of]-> Acme Mining"},
		},
	})
}

func TestDepBetween(t *testing.T) {
	checkNomCases(t, patDepBetween, []nomCase{
		{
			text: "Talks between Norland, Acme Mining and Tom Wills failed.",
			ents: []relEnt{norland, acme, tom},
			want: []string{"Norland -[talk with]-> Acme Mining", "Norland -[talk with]-> Tom Wills"},
		},
		{
			text: "Norland and Acme Mining held talks.",
			ents: []relEnt{norland, acme},
			not:  []string{"Norland -[talk with]-> Acme Mining"},
		},
	})
}

// "X of Y" says whom a person belongs to or speaks for, also when Y's name
// opens with "The".
func TestOfAffiliation(t *testing.T) {
	x := relExtractor(t)
	times := relEnt{"The Times", newsgraph.Agency, nil}
	text := "Jane Doe of The Times and Tom Wills of Norland spoke."
	doc := relDoc(t, text, jane, times, tom, norland)
	got := relStrings(doc, x.relationsOf(doc))
	for _, w := range []string{"Jane Doe -[member of]-> The Times", "Tom Wills -[member of]-> Norland"} {
		if !slices.Contains(got, w) {
			t.Errorf("findRelations(%q) = %v; want %q among them", text, got, w)
		}
	}
}

// nomSentence is one sentence of about n tokens full of the nominal
// constructions: appositions, copulas, act nouns and "between".
func nomSentence(n int) (string, []relEnt) {
	clause := "Tom Wills , the chairman of Acme Mining , said Norland 's sanctions against Acme Mining and talks between Norland and Acme Mining were Jane Doe 's idea , "
	var b strings.Builder
	for b.Len() == 0 || len(strings.Fields(b.String())) < n-1 {
		b.WriteString(clause)
	}
	b.WriteString(".")
	return b.String(), []relEnt{tom, acme, norland, jane}
}

// BenchmarkNominalPatterns runs the nominal dependency patterns on one long
// sentence of 50, 100 and 200 tokens (parsed once, outside the timing): the
// time per op should double with the length, not quadruple.
func BenchmarkNominalPatterns(b *testing.B) {
	benchPatternsByLength(b, nomSentence, func(doc *document) int {
		f := newRelationFinder(doc)
		f.ctx = context.Background()
		f.only = map[patternID]bool{patDepApposition: true, patDepCopula: true, patDepEventNoun: true, patDepBetween: true}
		return len(f.run())
	})
}

// A title before an agency makes it part of the state that opens the
// agency's own name only when the name's head is a government body's.
func TestTitleNamedAfterState(t *testing.T) {
	union := relEnt{"Norland African Union", newsgraph.Agency, nil}
	parl := relEnt{"Norland Parliament", newsgraph.Agency, nil}
	text := "Tom Wills founded the Norland African Union and addressed the Norland Parliament."
	doc := relDoc(t, text, union, parl, tom, norland)
	f := newRelationFinder(doc)
	f.ctx = context.Background()
	f.only = map[patternID]bool{patTitle: true}
	got := relStrings(doc, f.run())
	if slices.Contains(got, "Norland African Union -[part of]-> Norland") {
		t.Errorf("title(%q) = %v; want no part of Norland for the union", text, got)
	}
	if !slices.Contains(got, "Norland Parliament -[part of]-> Norland") {
		t.Errorf("title(%q) = %v; want the parliament part of Norland", text, got)
	}
}
