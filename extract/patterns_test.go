package extract

import (
	"context"
	"testing"

	"newsgraph"
)

// Every row of the registry has a name of its own and a function or a
// pattern that runs it.
func TestPatternRegistry(t *testing.T) {
	seen := map[string]bool{}
	for id, p := range patterns {
		if patternID(id) == patNone {
			continue
		}
		if p.name == "" || seen[p.name] {
			t.Errorf("patterns[%d].name = %q; want a name no other row has", id, p.name)
		}
		seen[p.name] = true
		runs := 0
		for _, ok := range []bool{p.mention != nil, p.sentence != nil, p.document != nil, p.in != patNone} {
			if ok {
				runs++
			}
		}
		if runs != 1 {
			t.Errorf("pattern %q has %d ways to run; want exactly one", p.name, runs)
		}
		if p.conf <= 0 || p.conf > 1 {
			t.Errorf("pattern %q conf = %v; want one in (0, 1]", p.name, p.conf)
		}
	}
}

// Each edge of the seed corpus names the registry's pattern that made it,
// and carries the pattern's kind where the row fixes one.
func TestEdgesNameTheirPattern(t *testing.T) {
	arts, err := newsgraph.Seeds()
	if err != nil {
		t.Fatalf("Seeds() = %v", err)
	}
	byName := map[string]pattern{}
	for _, p := range patterns {
		byName[p.name] = p
	}
	x := mustNew(t)
	used := map[string]int{}
	for _, a := range arts[:min(len(arts), 40)] {
		ex, err := x.Extract(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range ex.Relations {
			p, ok := byName[r.Pattern]
			if !ok || r.Pattern == "" {
				t.Errorf("%s: relation %s -[%s]-> %s has pattern %q; want a registry row", a.ID, r.Subject, r.Predicate, r.Object, r.Pattern)
				continue
			}
			if p.kind != "" && r.Kind != p.kind {
				t.Errorf("%s: relation %s -[%s]-> %s by %q has kind %s; want %s", a.ID, r.Subject, r.Predicate, r.Object, r.Pattern, r.Kind, p.kind)
			}
			used[r.Pattern]++
		}
	}
	if len(used) < 5 {
		t.Errorf("patterns used on 40 seed articles = %v; want most of the registry", used)
	}
}
