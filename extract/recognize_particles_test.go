package extract

import (
	"testing"

	"newsgraph"
)

// TestNamesWithParticles: a person's name may hold a lower-case particle
// ("dela", "van der") or end in a word that is also a month ("May"); such
// names are one person, while a month after a name that is no given name,
// or before a day's number, stays a date.
func TestNamesWithParticles(t *testing.T) {
	x := mustNew(t)
	tests := []struct {
		text   string
		person string // a PERSON that must be found, or ""
		absent string // a name no entity may have, or ""
	}{
		{text: "Colonel Ardel dela Pena said the rebels had fled.", person: "Ardel dela Pena"},
		{text: "Officials said Marten van der Hoek had resigned.", person: "Marten van der Hoek"},
		{text: "Prime Minister Theresa May met the union leaders on Monday.", person: "Theresa May"},
		{text: "Reporters asked Brian May about the tour.", person: "Brian May"},
		{text: "The Bank of England raised its rates in May.", absent: "May"},
		{text: "Talks with Theresa ended; the vote is on May 5.", absent: "Theresa May"},
	}
	for _, tt := range tests {
		ex := mustExtract(t, x, tt.text)
		if tt.person != "" {
			if e := find(ex, tt.person); e == nil || e.Type != newsgraph.Person {
				t.Errorf("Extract(%q): %q = %v; want a PERSON (got %v)", tt.text, tt.person, e, names(ex))
			}
		}
		if tt.absent != "" && find(ex, tt.absent) != nil {
			t.Errorf("Extract(%q) = %v; want no %q", tt.text, names(ex), tt.absent)
		}
	}
}

// TestAcronymShortForm: an acronym that opens an agency's name ("QMX" for
// "QMX Resources") is that agency's short form, even when the full name
// was written once with its state and once without, so a role written with
// the short form ("QMX chairman") is a role at the agency.
func TestAcronymShortForm(t *testing.T) {
	x := mustNew(t)
	text := "Australian mining firm QMX Resources has rejected the bid. " +
		"QMX chairman Tomas Berglund said the offer was too low. " +
		"QMX Resources is the third largest producer of nickel."
	ex := mustExtract(t, x, text)
	org := find(ex, "QMX Resources")
	if org == nil || !contains(org.Aliases, "QMX") {
		t.Fatalf("Extract(%q) = %v; want QMX Resources with alias QMX", text, names(ex))
	}
	per := find(ex, "Tomas Berglund")
	if per == nil {
		t.Fatalf("Extract(%q) = %v; want Tomas Berglund", text, names(ex))
	}
	for _, r := range ex.Relations {
		if r.Subject == per.ID && r.Object == org.ID {
			return
		}
	}
	t.Errorf("Extract(%q) relations = %v; want Tomas Berglund -> QMX Resources", text, ex.Relations)
}
