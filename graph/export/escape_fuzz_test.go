package export

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/piprate/json-gold/ld"
	"gonum.org/v1/gonum/graph/encoding/dot"
	"gonum.org/v1/gonum/graph/multi"
)

// FuzzEscaping: any name or id, written as DOT and N-Quads strings and as a
// blank node label, parses back with the formats' parsers to what it was.
func FuzzEscaping(f *testing.F) {
	for _, s := range []string{"Russia", `Bureau "Q" & <Sons> \ Co`, "a\nb", `\"`, "état-major", "person:x@gb", "trailing\\"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsAny(s, "\r\x00") || len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
			t.Skip() // a quoted value is ambiguous after gonum's decoder
		}
		g := &dotGraph{DirectedGraph: multi.NewDirectedGraph(), attrs: map[string]string{}}
		src := "digraph { " + dotQuote("n") + " [label=" + dotQuote(s) + "]; }"
		if err := dot.UnmarshalMulti([]byte(src), g); err != nil {
			t.Fatalf("DOT of %q does not parse: %v\n%s", s, err, src)
		}
		if got := readDOTLabel(g); got != s {
			t.Errorf("DOT label %q read back as %q", s, got)
		}
		line := blank("a", s) + " <name> " + rdfString(s) + " .\n"
		ds, err := ld.ParseNQuads(line)
		if err != nil {
			t.Fatalf("N-Quad of %q does not parse: %v\n%s", s, err, line)
		}
		q := ds.Graphs["@default"][0]
		if q.Object.GetValue() != s {
			t.Errorf("N-Quads literal %q read back as %q", s, q.Object.GetValue())
		}
		if other := blank("a", s+"x"); q.Subject.GetValue() == other[2:] {
			t.Errorf("blank labels of %q and %q collide", s, s+"x")
		}
	})
}

func readDOTLabel(g *dotGraph) string {
	nodes := g.Nodes()
	for nodes.Next() {
		p := readDOTAttrs(nodes.Node().(*dotNode).attrs)
		return p["label"]
	}
	return ""
}
