package extract

import (
	"testing"

	"newsgraph"
)

// TestPrefixStates checks that a state named only in an agency's name
// becomes an actor the agency is part of, and that a US state's name
// opening an agency's makes no state.
func TestPrefixStates(t *testing.T) {
	x := relExtractor(t)
	tests := []struct {
		text  string
		state string // "" for none
	}{
		{"Ford told the U.S. Securities and Exchange Commission on Monday that sales fell.", "United States"},
		{"Researchers from the Georgia Institute of Technology reported the find on Monday.", ""},
	}
	for _, tt := range tests {
		ex := mustExtract(t, x, tt.text)
		var states []string
		id := ""
		for _, e := range ex.Entities {
			if e.Type == newsgraph.State {
				states = append(states, e.Name)
				id = e.ID
			}
		}
		if tt.state == "" {
			if len(states) > 0 {
				t.Errorf("Extract(%q) states = %q; want none", tt.text, states)
			}
			continue
		}
		if len(states) != 1 || states[0] != tt.state {
			t.Errorf("Extract(%q) states = %q; want [%q]", tt.text, states, tt.state)
			continue
		}
		part := false
		for _, r := range ex.Relations {
			part = part || r.Object == id && r.Lemma == "part of"
		}
		if !part {
			t.Errorf("Extract(%q) relations = %+v; want an agency part of %s", tt.text, ex.Relations, tt.state)
		}
	}
}
