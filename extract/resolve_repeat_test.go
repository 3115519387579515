package extract

import (
	"testing"

	"newsgraph"
)

// TestRepeatedNames checks that an agency's name written again where
// recognition left it unmarked becomes a mention, and that the name inside
// a longer capitalised name does not, nor an English word that opens a
// sentence.
func TestRepeatedNames(t *testing.T) {
	tests := []struct {
		text  string
		first string // the one mention recognition made
		want  []string
	}{
		{"Xstrata made an offer. The Xstrata offer was too low.", "Xstrata", []string{"Xstrata", "Xstrata"}},
		{"Ford cut jobs. Harrison Ford spoke.", "Ford", []string{"Ford"}},
		{"Ford cut jobs. Ford Motor Company cut more.", "Ford", []string{"Ford"}},
		{"Shell said profits rose. Shell casings were found.", "Shell", []string{"Shell"}},
		{"Shell said profits rose. Analysts said Shell would gain.", "Shell", []string{"Shell", "Shell"}},
	}
	for _, tt := range tests {
		doc := relDoc(t, tt.text)
		doc.ents = []newsgraph.Entity{{ID: "agency:x", Name: tt.first, Type: newsgraph.Agency}}
		relMark(doc, 0, 0, len(tt.first))
		repeatedNames(doc)
		var got []string
		for _, m := range doc.ents[0].Mentions {
			got = append(got, m.Text)
		}
		if len(got) != len(tt.want) {
			t.Errorf("repeatedNames(%q) mentions = %q; want %q", tt.text, got, tt.want)
		}
		n := 0
		for _, s := range doc.sents {
			n += len(s.mentions)
		}
		if n != len(tt.want) {
			t.Errorf("repeatedNames(%q) sentence mentions = %d; want %d", tt.text, n, len(tt.want))
		}
	}
}
