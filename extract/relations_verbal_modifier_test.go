package extract

import (
	"context"
	"testing"
)

// TestVerbalObjectModifier checks that the verbal pattern takes no state
// named as a compound of its object noun for the object, and keeps an agency
// so named.
func TestVerbalObjectModifier(t *testing.T) {
	tests := []struct {
		text, subj, obj string
		want            bool
	}{
		{"Senator Jane Doe proposed an amendment to the U.S. Constitution on Monday.", "Jane Doe", "United States", false},
		{"Chancellor Jane Doe criticised the France trade deal.", "Jane Doe", "France", false},
		{"Germany banned Mahan Air flights last week.", "Germany", "Mahan Air", true},
	}
	x := relExtractor(t)
	for _, tc := range tests {
		ex, err := x.Extract(context.Background(), articleOf(tc.text))
		if err != nil {
			t.Fatal(err)
		}
		name := map[string]string{}
		for _, e := range ex.Entities {
			name[e.ID] = e.Name
		}
		got := false
		for _, r := range ex.Relations {
			got = got || name[r.Subject] == tc.subj && name[r.Object] == tc.obj
		}
		if got != tc.want {
			t.Errorf("%q: edge %s -> %s found = %v, want %v; relations %v", tc.text, tc.subj, tc.obj, got, tc.want, ex.Relations)
		}
	}
}
