package extract

import (
	"context"
	"strings"
	"testing"

	"newsgraph"
)

func TestCleanName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Ministry of Defence\u202e", "Ministry of Defence"},
		{"Vla\u200ddimir\u0007 Putin", "Vladimir Putin"},
		{"Erdog\u0306an", "Erdoğan"}, // NFD to NFC
		{" Kyiv ", "Kyiv"},
		{"\u202e", ""},
	} {
		if got := cleanName(c.in); got != c.want {
			t.Errorf("cleanName(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

func TestFoldMixedScript(t *testing.T) {
	for _, c := range []struct {
		in, want string
		folded   bool
	}{
		{"Vladimir \u0420utin", "Vladimir Putin", true},                                               // Cyrillic Р in a Latin word
		{"person:vladimir-\u0440utin", "person:vladimir-putin", true},                                 // Cyrillic р in an id
		{"\u041f\u0443\u0442\u0438\u043d", "\u041f\u0443\u0442\u0438\u043d", false},                   // all Cyrillic: left alone
		{"Vladimir \u041f\u0443\u0442\u0438\u043d", "Vladimir \u041f\u0443\u0442\u0438\u043d", false}, // scripts per word: no mix
		{"Vladimir Putin", "Vladimir Putin", false},
		{"Αthens", "Athens", true}, // Greek capital alpha
	} {
		got, why := foldMixedScript(c.in)
		if got != c.want || (why != "") != c.folded {
			t.Errorf("foldMixedScript(%q) = %q, %q; want %q, folded %v", c.in, got, why, c.want, c.folded)
		}
	}
}

// TestExtractNamesAreClean: through the whole extractor, an invisible
// override does not end a canonical name and a Cyrillic look-alike is
// the Latin actor, with the name as written kept as an alias with why.
func TestExtractNamesAreClean(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	text := "Russian President Vladimir \u0420utin met Ministry of Defence\u202e officials in Moscow on Monday. " +
		"Vladimir Putin said the talks went well."
	ex, err := x.Extract(context.Background(), &newsgraph.Article{ID: "h", Title: "t", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if err := ex.Validate(text); err != nil {
		t.Fatalf("Validate = %v", err)
	}
	persons := 0
	for _, e := range ex.Entities {
		if strings.ContainsFunc(e.Name, invisible) {
			t.Errorf("entity %s name %q keeps an invisible character", e.ID, e.Name)
		}
		if e.Type != newsgraph.Person {
			continue
		}
		persons++
		if e.ID != "person:vladimir-putin" || e.Name != "Vladimir Putin" {
			t.Errorf("person = %s %q; want person:vladimir-putin Vladimir Putin", e.ID, e.Name)
		}
		if why := e.AliasReasons["Vladimir \u0420utin"]; !strings.Contains(why, "confusables") {
			t.Errorf("alias reasons = %v; want the look-alike spelling with its reason", e.AliasReasons)
		}
	}
	if persons != 1 {
		t.Errorf("%d persons; want the look-alike and the Latin spelling as one: %+v", persons, ex.Entities)
	}
}
