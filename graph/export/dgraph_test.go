package export

import (
	"regexp"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// dqlLine is one predicate of a DQL schema: name, type, directives, dot.
var dqlLine = regexp.MustCompile(`^[a-z_.]+: \[?(string|int|float|bool|datetime|uid)\]?( @[a-z]+(\([a-z, ]+\))?)* \.$`)

// TestDgraphSchemas: the DQL schema declares every predicate the N-Quads
// use (events' included), in DQL's syntax, and the SDL parses as GraphQL.
func TestDgraphSchemas(t *testing.T) {
	declared := map[string]bool{"dgraph.type": true}
	inType := false
	for _, l := range strings.Split(strings.TrimSpace(DgraphSchema), "\n") {
		switch {
		case l == "":
		case strings.HasPrefix(l, "type "):
			inType = true
		case l == "}":
			inType = false
		case inType:
			if !declared[strings.TrimSpace(l)] {
				t.Errorf("type field %q is not a declared predicate", l)
			}
		case dqlLine.MatchString(l):
			declared[l[:strings.Index(l, ":")]] = true
		default:
			t.Errorf("DQL schema line %q is not a predicate declaration", l)
		}
	}
	nq := string(export(t, fixtureStore(t, 0), "nquads", Options{}))
	if !strings.Contains(nq, `<dgraph.type> "Event"`) {
		t.Fatal("the N-Quads have no Event; the fixture's events are missing")
	}
	for _, m := range regexp.MustCompile(`(?m)^\S+ <([^>]+)> `).FindAllStringSubmatch(nq, -1) {
		if !declared[m[1]] {
			t.Fatalf("the N-Quads use predicate %q, which the DQL schema does not declare", m[1])
		}
	}
	doc, err := parser.ParseSchema(&ast.Source{Name: "newsgraph.graphql", Input: DgraphGraphQL})
	if err != nil {
		t.Fatalf("the GraphQL SDL does not parse: %v", err)
	}
	if len(doc.Definitions) != 3 {
		t.Errorf("the SDL defines %d types; want Actor, Relation and Event", len(doc.Definitions))
	}
}
