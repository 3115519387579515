package extract

import (
	"slices"
	"testing"

	"newsgraph"
)

// The embedded model loads, and tags a plain news sentence.
func TestTaggerTags(t *testing.T) {
	x := mustNew(t)
	if x.ner == nil {
		t.Fatal("New(): no NER tagger; want the embedded model")
	}
	s := "Angela Merkel met officials of Siemens in Berlin on Monday."
	toks, err := x.tokenize(s, 0, len(s))
	if err != nil {
		t.Fatal(err)
	}
	lab := x.nerTags(toks)
	got := map[string]string{}
	for i, tk := range toks {
		got[tk.text] = lab[i]
	}
	want := map[string]string{"Angela": "B-PERSON", "Merkel": "I-PERSON", "Berlin": "B-GPE", "Monday": "O", "met": "O"}
	for w, l := range want {
		if got[w] != l {
			t.Errorf("nerTags(%q): %s = %q; want %q (all: %v)", s, w, got[w], l, got)
		}
	}
}

func TestTaggerRoundTrip(t *testing.T) {
	keys := []uint64{1, 2}
	w := []float32{1, -2, 0, 0, 0, 0, 0, 0, 0.5, 0, 0, 0, 0, 0, 0, 0, 0, 3}
	b, err := encodeTagger(keys, w)
	if err != nil {
		t.Fatal(err)
	}
	tg, err := loadTagger(b)
	if err != nil {
		t.Fatal(err)
	}
	for i, v := range w {
		if d := tg.w[i] - v; d > 0.001 || d < -0.001 {
			t.Errorf("loadTagger(encodeTagger()): w[%d] = %v; want %v", i, tg.w[i], v)
		}
	}
}

// The general recognition rules that keep the tagger's and the patterns'
// slips out.
func TestRecognitionRules(t *testing.T) {
	x := mustNew(t)
	tests := []struct {
		text string
		name string
		typ  newsgraph.EntityType // "" when name must not be an entity
	}{
		// A given name opening a place's name: the place head wins.
		{"Crowds gathered in Lincoln Park on Sunday.", "Lincoln Park", ""},
		// A sentence-opening adverb is no name.
		{"Early on Monday, Reuters reported the fire.", "Early", ""},
		{"Early on Monday, Reuters reported the fire.", "Reuters", newsgraph.Agency},
		// "New" inside a sentence is part of the name after it.
		{"Floods hit New South Wales on Tuesday.", "South Wales", ""},
		// An appositive after a role is a person.
		{"The airline's director, Hamid Arabnejad Khanooki, denied it.", "Hamid Arabnejad Khanooki", newsgraph.Person},
		// "the Administration": an organisation's head word alone.
		{"Many in the Administration disagreed with him.", "Administration", newsgraph.Agency},
		// A role is no actor.
		{"The Senate Minority Leader, Chuck Schumer, spoke.", "Minority Leader", ""},
		{"The Senate Minority Leader, Chuck Schumer, spoke.", "Chuck Schumer", newsgraph.Person},
		// "New" opening a sentence before a name is the name's.
		{"New South Wales is the most populated state.", "South Wales", ""},
		// A given name that is an adverb, alone at a sentence start.
		{"Early opponent MP Tanya Davies said no.", "Early", ""},
		// A party's name written with a lower-case "party" is the party.
		{"The Thai Raksa Chart Party named her. \"Thai Raksa Chart party complies,\" it said.", "Raksa Chart Party", newsgraph.Agency},
		// Unknown title-cased words that act are a person.
		{"Recep Tayyip Erdoğan won the vote.", "Recep Tayyip Erdoğan", newsgraph.Person},
	}
	// No part of the party's name is a person.
	party := mustExtract(t, x, "The Thai Raksa Chart Party named her. \"Thai Raksa Chart party complies,\" it said.")
	for _, e := range party.Entities {
		if e.Type == newsgraph.Person {
			t.Errorf("Extract(party text): %q = PERSON; want none (got %v)", e.Name, names(party))
		}
	}
	for _, tt := range tests {
		ex := mustExtract(t, x, tt.text)
		e := find(ex, tt.name)
		switch {
		case tt.typ == "" && e != nil && e.Name == tt.name:
			t.Errorf("Extract(%q): %q = %s; want no entity", tt.text, tt.name, e.Type)
		case tt.typ != "" && (e == nil || e.Type != tt.typ):
			t.Errorf("Extract(%q): %q = %v; want a %s (got %v)", tt.text, tt.name, e, tt.typ, names(ex))
		}
	}
}

// A given name alone joins the one person of the article who has it, even
// when a title typed it a person on its own.
func TestGivenNameJoins(t *testing.T) {
	x := mustNew(t)
	text := "Princess Ubolratana Mahidol registered as a candidate. Princess Ubolratana later withdrew."
	ex := mustExtract(t, x, text)
	e := find(ex, "Ubolratana Mahidol")
	if e == nil || !slices.Contains(e.Aliases, "Ubolratana") {
		t.Errorf("Extract(%q): Ubolratana Mahidol = %v; want alias Ubolratana (got %v)", text, e, names(ex))
	}
}

// Descriptor phrases beside an agency's name are its aliases.
func TestDescriptorAliases(t *testing.T) {
	x := mustNew(t)
	tests := []struct{ text, name, alias string }{
		{"The claim was reported by the Reuters news agency on Friday.", "Reuters", "Reuters news agency"},
		{"Officials spoke to the Russian state media agency TASS on Monday.", "TASS", "Russian state media agency TASS"},
	}
	for _, tt := range tests {
		ex := mustExtract(t, x, tt.text)
		e := find(ex, tt.name)
		if e == nil || !slices.Contains(e.Aliases, tt.alias) {
			t.Errorf("Extract(%q): %s = %v; want alias %q (got %v)", tt.text, tt.name, e, tt.alias, names(ex))
		}
	}
}

// BenchmarkNERTags labels the sentences of the seeds (and Wikinews, with
// the team's data): the tagger's input (nerInput) and its labels.
func BenchmarkNERTags(b *testing.B) {
	x := mustNew(b)
	sents := corpusSentences(b, x, gazTexts(b)[:2000])
	words := 0
	for _, s := range sents {
		words += len(s.toks)
	}
	for b.Loop() {
		for _, s := range sents {
			x.nerTags(s.toks)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}
