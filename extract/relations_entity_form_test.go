package extract

import (
	"slices"
	"testing"
)

// TestEntityFormByGazetteer checks that an agency named with its state's
// adjective is part of that state when the article names the state only
// by another form, and that a capital opening a name, or a state's word
// that is part of the name, makes no such edge.
func TestEntityFormByGazetteer(t *testing.T) {
	x := relExtractor(t)
	tests := []struct {
		text, want string
		found      bool
	}{
		{"The vote was held in France on Monday. The French Parliament approved the bill.", "Parliament -[part of]-> France", true},
		{"Prices rose in Russia on Monday. The Moscow State University said prices rose.", "Moscow State University -[part of]-> Russia", false},
		{"Flights to the United States were cut. American Airlines said flights fell.", "American Airlines -[part of]-> United States", false},
	}
	for _, tt := range tests {
		ex := mustExtract(t, x, tt.text)
		name := map[string]string{}
		for _, e := range ex.Entities {
			name[e.ID] = e.Name
		}
		var got []string
		for _, r := range ex.Relations {
			got = append(got, name[r.Subject]+" -["+r.Lemma+"]-> "+name[r.Object])
		}
		if slices.Contains(got, tt.want) != tt.found {
			t.Errorf("Extract(%q) relations = %q; %q found = %v, want %v", tt.text, got, tt.want, !tt.found, tt.found)
		}
	}
}
