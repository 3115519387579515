package extract

import (
	"context"
	"testing"
)

// TestVerbalReportedDeep checks that a reporting verb's edge does not go
// to an actor the parse puts in an adjective, an adverbial clause or the
// place phrase of the reported clause, and still goes to the reported clause's subject.
func TestVerbalReportedDeep(t *testing.T) {
	tests := []struct {
		text, subj, obj string
		want            bool
	}{
		{"Minister John Hale said the winner was a Canadian engineer.", "John Hale", "Canada", false},
		{"Senator Mary Cole said the bill would fail if Congress blocked it.", "Mary Cole", "Congress", false},
		{"Police chief Ann Reed said two men had been arrested in France.", "Ann Reed", "France", false},
		{"Minister John Hale said Canada would sign the treaty.", "John Hale", "Canada", true},
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
