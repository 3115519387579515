package extract

import (
	"testing"

	"newsgraph"
)

// TestRegionalDivisions: a known company with a world region after it is
// its division there, an actor of its own that is part of the company; the
// company's own mentions stay the company's.
func TestRegionalDivisions(t *testing.T) {
	x := mustNew(t)
	text := "Nintendo released a new console on Monday. \"We believe it will sell,\" said David Yarnton, " +
		"Nintendo Europe's general manager. Nintendo said sales were good in Europe."
	ex := mustExtract(t, x, text)
	div, parent := find(ex, "Nintendo Europe"), find(ex, "Nintendo")
	if div == nil || parent == nil || div.ID == parent.ID || div.Type != newsgraph.Agency {
		t.Fatalf("Extract(%q) = %v; want Nintendo Europe and Nintendo apart", text, names(ex))
	}
	if len(parent.Mentions) != 2 {
		t.Errorf("Extract(%q): Nintendo mentions = %v; want 2", text, parent.Mentions)
	}
	if e := find(ex, "Europe"); e == nil || e.Type != newsgraph.Place {
		t.Errorf("Extract(%q): Europe = %v; want the PLACE", text, e)
	}
	part := false
	for _, r := range ex.Relations {
		if r.Subject == div.ID && r.Object == parent.ID && r.Predicate == "part of" {
			part = true
		}
	}
	if !part {
		t.Errorf("Extract(%q) relations = %v; want Nintendo Europe -[part of]-> Nintendo", text, ex.Relations)
	}
}
