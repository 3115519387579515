package extract

import (
	"testing"

	"newsgraph"
)

// TestSectorRules gives each rule of sector.go a made-up name that only it
// decides, with the gazetteer loaded as the extractor loads it.
func TestSectorRules(t *testing.T) {
	x := mustNew(t)
	tests := []struct {
		name string
		want newsgraph.Sector
		rule string
	}{
		{"Reuters", newsgraph.Media, "gazetteer"},
		{"Labour Party", newsgraph.Party, "gazetteer"},
		{"Supreme Court", newsgraph.Judiciary, "gazetteer"},
		{"Ruritanian Air Force", newsgraph.Military, "phrase"},
		{"Greater Zenda Police Department", newsgraph.Police, "phrase"},
		{"Ministry of Fisheries", newsgraph.Government, "head"},
		{"Fisheries Ministry", newsgraph.Government, "head"},
		{"Zenda Daily Herald", newsgraph.Media, "head"},
		{"Strelsau Widgets Ltd", newsgraph.Business, "head"},
		{"Central Intelligence Agency", newsgraph.Intelligence, "gazetteer"},
		{"Zenda Intelligence Agency", newsgraph.Intelligence, "word"},
		{"Strelsau University Press Office", newsgraph.Media, "word"},
		{"Zenda Quux", newsgraph.OtherSector, "other"},
	}
	for _, tt := range tests {
		e := &newsgraph.Entity{Name: tt.name, Type: newsgraph.Agency}
		if s, rule := sectorOf(x.gaz, e); s != tt.want || rule != tt.rule {
			t.Errorf("sectorOf(%q) = %s by %s; want %s by %s", tt.name, s, rule, tt.want, tt.rule)
		}
	}
}

// TestSectorExtract runs the whole pipeline on made-up sentences: agencies
// get a sector, other actors none.
func TestSectorExtract(t *testing.T) {
	x := mustNew(t)
	tests := []struct {
		text, name string
		want       newsgraph.Sector
	}{
		{"The Ministry of Defence said on Monday that the drills would go on.", "Ministry of Defence", newsgraph.Government},
		{"Officials told the TASS news agency that talks had stalled.", "TASS", newsgraph.Media},
		{"The Zenda National Hospital said two patients had died.", "Zenda National Hospital", newsgraph.Health},
		{"Ruritania's Supreme Court overturned the ban on Tuesday.", "Supreme Court", newsgraph.Judiciary},
	}
	for _, tt := range tests {
		ex := mustExtract(t, x, tt.text)
		e := find(ex, tt.name)
		if e == nil {
			t.Errorf("Extract(%q): no entity %q; got %v", tt.text, tt.name, names(ex))
			continue
		}
		if e.Sector != tt.want {
			t.Errorf("Extract(%q): %s has sector %q; want %q", tt.text, tt.name, e.Sector, tt.want)
		}
		for _, o := range ex.Entities {
			if o.Type != newsgraph.Agency && o.Sector != "" {
				t.Errorf("Extract(%q): %s %s has sector %q", tt.text, o.Type, o.ID, o.Sector)
			}
		}
	}
}
