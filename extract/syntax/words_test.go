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
		out = append(out, Token{f, i, i + len(f)})
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
	for _, w := range UDWords([]Token{{"long-term", 0, 9}, {"May.", 10, 14}}) {
		fmt.Println(w.Text, w.Start, w.End)
	}
	// Output:
	// long 0 4
	// - 4 5
	// term 5 9
	// May 10 13
	// . 13 14
}
