package syntax

import (
	"fmt"
	"strings"
	"testing"
)

// tokens splits text at spaces into tokens with their offsets.
func tokens(text string) []Token {
	var out []Token
	off := 0
	for _, f := range strings.Fields(text) {
		i := strings.Index(text[off:], f) + off
		out = append(out, Token{Text: f, Start: i, End: i + len(f)})
		off = i + len(f)
	}
	return out
}

func TestUDWords(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a well-known co-op .", "a|well|-|known|co|-|op|."},
		{"on 3-4 May.", "on|3|-|4|May|."},
		{"the U.S.", "the|U.S."},
		{"John's parents' car ca n't", "John|'s|parents|'|car|ca|n't"},
		{"Putin’s can't", "Putin|’s|ca|n't"},
		{"-- - x- -y a--b", "--|-|x-|-y|a--b"},
		{"", ""},
	} {
		toks := tokens(tc.in)
		ws := UDWords(toks)
		var got []string
		for _, w := range ws {
			got = append(got, w.Text)
			if tc.in[w.Start:w.End] != w.Text {
				t.Errorf("UDWords(%q): word %q has offsets %d:%d = %q", tc.in, w.Text, w.Start, w.End, tc.in[w.Start:w.End])
			}
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("UDWords(%q) = %s; want %s", tc.in, g, tc.want)
		}
	}
}

func ExampleUDWords() {
	for _, w := range UDWords([]Token{{"long-term", 0, 9, "JJ"}, {"May.", 10, 14, "NNP"}}) {
		fmt.Println(w.Text, w.Start, w.End, w.Tag)
	}
	// Output:
	// long 0 4 JJ
	// - 4 5 HYPH
	// term 5 9 JJ
	// May 10 13 NNP
	// . 13 14 .
}

// TestParseTokensRetags checks that tokens without tags are tagged as the
// extractor would have tagged them: with prose, in their text.
func TestParseTokensRetags(t *testing.T) {
	m := mustDefault(t)
	text := "  The well-known ministry didn't comment on Putin's visit to Kyiv on 3-4 May."
	tagged, err := proseTokens(text)
	if err != nil {
		t.Fatal(err)
	}
	bare := make([]Token, len(tagged))
	for i, tk := range tagged {
		if tk.Tag == "" {
			t.Fatalf("proseTokens(%q): token %q has no tag", text, tk.Text)
		}
		bare[i] = Token{Text: tk.Text, Start: tk.Start, End: tk.End}
	}
	a, b := m.ParseTokens(tagged), m.ParseTokens(bare)
	if fmt.Sprint(a.XPOS) != fmt.Sprint(b.XPOS) || fmt.Sprint(a.Head) != fmt.Sprint(b.Head) {
		t.Errorf("ParseTokens without tags: XPOS %v heads %v; with prose's tags: XPOS %v heads %v", b.XPOS, b.Head, a.XPOS, a.Head)
	}
	for i, w := range a.Words {
		if text[a.Spans[i][0]:a.Spans[i][1]] != w {
			t.Errorf("word %q has span %v", w, a.Spans[i])
		}
	}
}
