package eval

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"newsgraph"
)

func TestNorm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The Ministry of Defence", "ministry of defence"},
		{"UK\u2019s", "uk"},
		{"U.S.", "us"},
		{"  Russia's ", "russia"},
		{"an  Agency", "agency"},
	}
	for _, tt := range tests {
		if got := Norm(tt.in); got != tt.want {
			t.Errorf("Norm(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"estimated", "estimat"}, {"estimate", "estimat"}, {"fought", "fight"},
		{"signed", "sign"}, {"signs", "sign"}, {"planned", "plan"}, {"president", "president"},
	}
	for _, tt := range tests {
		if got := Stem(tt.in); got != tt.want {
			t.Errorf("Stem(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestScore(t *testing.T) {
	g := Gold{
		Entities: []GoldEntity{
			{Name: "Vladimir Putin", Type: newsgraph.Person, Aliases: []string{"Putin"}},
			{Name: "Russia", Type: newsgraph.State, Aliases: []string{"Moscow"}},
			{Name: "TASS", Type: newsgraph.Agency},
		},
		Relations: []GoldRelation{
			{Subject: "Vladimir Putin", Object: "Russia", Predicates: []string{"president", "lead"}},
			{Subject: "TASS", Object: "Russia", Predicates: []string{"part", "of"}},
		},
	}
	ex := &newsgraph.Extraction{
		Entities: []newsgraph.Entity{
			{ID: "p1", Name: "Putin", Type: newsgraph.Person},
			{ID: "s1", Name: "Russia", Type: newsgraph.State, Mentions: []newsgraph.Mention{{Text: "Moscow"}}},
			{ID: "s2", Name: "Moscow", Type: newsgraph.State}, // duplicate of Russia: a false positive
			{ID: "a1", Name: "TASS", Type: newsgraph.Person},  // wrong type
			{ID: "x1", Name: "March", Type: newsgraph.Place},  // not scored
		},
		Relations: []newsgraph.Relation{
			{Subject: "p1", Predicate: "president of", Object: "s1", Pattern: "title", Kind: newsgraph.Role},
			{Subject: "p1", Predicate: "presidents of", Object: "s1"},                                   // same stems: counted once
			{Subject: "s1", Predicate: "sued", Object: "p1", Pattern: "verbal", Kind: newsgraph.Action}, // wrong direction
			{Subject: "a1", Predicate: "part of", Object: "s1"},                                         // subject not a gold entity
		},
	}
	got := Score(g, ex)
	want := Counts{Articles: 1, EntTP: 2, EntFP: 2, EntFN: 1, RelGold: 2, RelHit: 1, RelPred: 2, RelGood: 1, PairHit: 1,
		Patterns: map[string]Tally{"title": {1, 1}, "verbal": {1, 0}},
		Kinds:    map[string]Tally{"ROLE": {1, 1}, "ACTION": {1, 0}},
		Missed:   []GoldRelation{g.Relations[1]},
		Wrong:    []newsgraph.Relation{{Subject: "Russia", Predicate: "sued", Object: "Vladimir Putin", Pattern: "verbal", Kind: newsgraph.Action}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Score() = %+v; want %+v", got, want)
	}
	var sum Counts
	sum.Add(got)
	sum.Add(got)
	if sum.Patterns["title"] != (Tally{2, 2}) || sum.Kinds["ACTION"] != (Tally{2, 0}) {
		t.Errorf("Add() twice: patterns %v kinds %v; want each tally doubled", sum.Patterns, sum.Kinds)
	}
	if f := got.EntityF1(); f < 0.57 || f > 0.58 {
		t.Errorf("EntityF1() = %.3f; want 0.571", f)
	}
}

func TestLoadGoldRefusesUnknownNames(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.json"), []byte(`{"article":"a.txt","entities":[{"name":"Russia","type":"STATE","aliases":[]}],
		"relations":[{"subject":"Russia","object":"Ukrain","predicates":["invade"],"evidence":"x"}]}`), 0o644)
	if _, err := LoadGold(dir); err == nil || !strings.Contains(err.Error(), "Ukrain") {
		t.Errorf("LoadGold with a relation to an unlisted entity = %v; want an error naming it", err)
	}
}

// Stem maps a word's inflections, and its lemma, to one stem, as score.py does.
func TestStemInflections(t *testing.T) {
	for _, tt := range [][]string{
		{"signs", "signed", "signing", "sign"},
		{"denied", "deny"},
		{"criticised", "criticized", "criticise"},
		{"sued", "sue"},
		{"fought", "fight"},
	} {
		for _, w := range tt[1:] {
			if Stem(w) != Stem(tt[0]) {
				t.Errorf("Stem(%q) = %q; want Stem(%q) = %q", w, Stem(w), tt[0], Stem(tt[0]))
			}
		}
	}
}
