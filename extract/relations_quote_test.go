package extract

import (
	"context"
	"slices"
	"testing"
)

// TestQuoteRelations checks that the named speaker of a quotation says
// something about the persons it names, and only about them.
func TestQuoteRelations(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{
			name: "colon before the quotation",
			text: `Angela Merkel said in a statement: "The legacy of Helmut Kohl is safe."`,
			want: []string{"Angela Merkel -[say]-> Helmut Kohl"},
		},
		{
			name: "speaker after the quotation",
			text: `"Nobody worked harder than Helmut Kohl for this," Angela Merkel told reporters.`,
			want: []string{"Angela Merkel -[say]-> Helmut Kohl"},
		},
		{
			name: "states in a quotation are its setting",
			text: `Angela Merkel said: "We will miss him. Nobody did more than Chancellor Helmut Kohl for the friendship with France."`,
			want: []string{"Angela Merkel -[say]-> Helmut Kohl"},
			not:  []string{"Angela Merkel -[say]-> France"},
		},
		{
			name: "a speaker inside the quotation speaks for himself",
			text: `Angela Merkel said: "I asked for a delay and Helmut Kohl said no."`,
			not:  []string{"Angela Merkel -[say]-> Helmut Kohl"},
		},
		{
			name: "a be whose predicate went elsewhere states nothing to block it",
			text: `"For our generation, Vladimir Putin should be remembered for what he was to us. He was ruthless," said Jane Doe.`,
			want: []string{"Jane Doe -[say]-> Vladimir Putin"},
		},
	}
	x := relExtractor(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ex, err := x.Extract(context.Background(), articleOf(tc.text))
			if err != nil {
				t.Fatal(err)
			}
			name := map[string]string{}
			for _, e := range ex.Entities {
				name[e.ID] = e.Name
			}
			var got []string
			for _, r := range ex.Relations {
				if r.Pattern == "quote" {
					got = append(got, name[r.Subject]+" -["+r.Lemma+"]-> "+name[r.Object])
				}
			}
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q; quote edges %q", w, got)
				}
			}
			for _, n := range tc.not {
				if slices.Contains(got, n) {
					t.Errorf("unwanted %q", n)
				}
			}
		})
	}
}
