package extract

import (
	"testing"

	"newsgraph"
)

// actorCase is one construction of recognition or resolution: the actors a
// sentence names (name or alias -> type) and names that must not be actors.
type actorCase struct {
	name string // the construction
	text string
	want map[string]newsgraph.EntityType
	none []string
}

// checkActors runs each case through x and reports what differs.
func checkActors(t *testing.T, x *Extractor, cases []actorCase) {
	t.Helper()
	for _, tt := range cases {
		ex := mustExtract(t, x, tt.text)
		for name, typ := range tt.want {
			if e := find(ex, name); e == nil || e.Type != typ {
				t.Errorf("%s: Extract(%q): %q = %v; want %s (got %v)", tt.name, tt.text, name, e, typ, names(ex))
			}
		}
		for _, name := range tt.none {
			if e := find(ex, name); e != nil && e.Type != newsgraph.Place {
				t.Errorf("%s: Extract(%q): found %q as %s; want none", tt.name, tt.text, name, e.Type)
			}
		}
	}
}

// TestDemonymStates: a state named only by its demonym, before any noun or
// in a hyphenated compound, is the state (GUIDELINES: "a Polish chef").
func TestDemonymStates(t *testing.T) {
	checkActors(t, mustNew(t), []actorCase{
		{name: "before a common noun", text: "A Polish chef chased the man down the street.",
			want: map[string]newsgraph.EntityType{"Polish": newsgraph.State}},
		{name: "before a company", text: "The browser began as a spin-off from Norwegian telecoms company Telenor.",
			want: map[string]newsgraph.EntityType{"Norwegian": newsgraph.State, "Telenor": newsgraph.Agency}},
		{name: "coordinated", text: "Banks bought the Australian and Canadian dollar on Monday.",
			want: map[string]newsgraph.EntityType{"Australian": newsgraph.State, "Canadian": newsgraph.State}},
		{name: "hyphenated", text: "An Iranian-backed militia and a Russian-backed group fought on.",
			want: map[string]newsgraph.EntityType{"Iranian": newsgraph.State, "Russian": newsgraph.State}},
	})
}
