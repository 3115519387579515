package gql

import (
	"strings"
	"testing"

	graphql "github.com/graph-gophers/graphql-go"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"newsgraph"
)

// FuzzQuery: the validator never panics, and what it accepts is within the
// limits as counted by a plain expansion of the document (oracle below) and
// by graphql-go's own MaxDepth. Small limits make the edges easy to reach.
func FuzzQuery(f *testing.F) {
	for _, q := range []string{
		`{ stats { articles } }`,
		nested(1),
		fragmentChain(1),
		fragmentChain(2),
		`{ entity(name: "x") { ...E relations(first: 2) { edges { node { subject { ...E } } } } } } fragment E on Entity { id articles(first: 1) { entities { id } } }`,
		`{ entity(name: "x") { ... on Entity { relations { edges { ... { node { id } } } } } } }`,
		`query($n: Int = 3) { entities(first: $n) { edges { node { relations(first: $n) { edges { node { evidence(first: 2) { sentence } } } } } } } }`,
		`{ a: stats { articles } b: stats { entities } }`,
		`{ ...A } fragment A on Query { ...B ...B } fragment B on Query { stats { articles } }`,
		`{ __schema { types { name fields { name type { name ofType { name } } } } } }`,
		`{ subgraph(ids: ["x"], limit: 2) { nodes { id } edges { id } } path(from: "a", to: "b", maxHops: 2) { id } }`,
		`query A { stats { articles } } query B { stats { entities } }`,
	} {
		f.Add(q)
	}
	opts := Options{MaxDepth: 6, MaxCost: 300, MaxSelections: 60, MaxAliases: 3, MaxOperations: 2}
	v := mustValidator(f, opts)
	schema := graphql.MustParseSchema(newsgraph.Schema, nil, graphql.MaxDepth(maxIntrospectionDepth))
	f.Fuzz(func(t *testing.T, q string) {
		qe := v.check(q, map[string]any{"n": 3.0})
		if qe != nil {
			if code, _ := qe.Extensions["code"].(string); code != CodeBadInput && code != CodeTooDeep && code != CodeTooComplex {
				t.Fatalf("check(%q) = code %q", q, code)
			}
			return
		}
		doc, err := parser.ParseQuery(&ast.Source{Input: q})
		if err != nil {
			t.Fatalf("check(%q) accepted a document gqlparser refuses: %v", q, err)
		}
		if len(doc.Operations) > opts.MaxOperations {
			t.Fatalf("check(%q) accepted %d operations", q, len(doc.Operations))
		}
		for _, op := range doc.Operations {
			o := &oracle{doc: doc, budget: 100 * opts.MaxSelections}
			o.expand(op.SelectionSet, 1, false)
			switch {
			case o.budget < 0:
				t.Fatalf("check(%q) accepted a document that expands past %d selections", q, 100*opts.MaxSelections)
			case o.depth > opts.MaxDepth:
				t.Fatalf("check(%q) accepted depth %d; limit %d", q, o.depth, opts.MaxDepth)
			case o.sels > opts.MaxSelections:
				t.Fatalf("check(%q) accepted %d selections; limit %d", q, o.sels, opts.MaxSelections)
			case o.fields > opts.MaxCost:
				t.Fatalf("check(%q) accepted %d fields, each costing at least 1; limit %d", q, o.fields, opts.MaxCost)
			case o.aliases > opts.MaxAliases:
				t.Fatalf("check(%q) accepted %d aliases; limit %d", q, o.aliases, opts.MaxAliases)
			}
		}
		for _, e := range schema.Validate(q) {
			if e.Rule == "MaxDepthExceeded" || strings.Contains(e.Message, "exceeds max depth") {
				t.Fatalf("check(%q) accepted what graphql-go's MaxDepth refuses: %v", q, e)
			}
		}
	})
}

// oracle expands a selection set the plain way, spreading each fragment
// in place, and measures the result; introspection fields are not measured
// for depth or cost (they have limits of their own).
type oracle struct {
	doc                                 *ast.QueryDocument
	budget                              int
	depth, sels, fields, aliases, stack int
}

func (o *oracle) expand(set ast.SelectionSet, depth int, introspection bool) {
	for _, sel := range set {
		if o.budget--; o.budget < 0 {
			return
		}
		o.sels++
		switch sel := sel.(type) {
		case *ast.Field:
			in := introspection || strings.HasPrefix(sel.Name, "__") && sel.Name != "__typename"
			if !in {
				o.depth = max(o.depth, depth)
				o.fields++
			}
			if sel.Alias != sel.Name {
				o.aliases++
			}
			o.expand(sel.SelectionSet, depth+1, in)
		case *ast.InlineFragment:
			o.expand(sel.SelectionSet, depth, introspection || strings.HasPrefix(sel.TypeCondition, "__"))
		case *ast.FragmentSpread:
			if fr := o.doc.Fragments.ForName(sel.Name); fr != nil && o.stack < 100 {
				o.stack++
				o.expand(fr.SelectionSet, depth, introspection || strings.HasPrefix(fr.TypeCondition, "__"))
				o.stack--
			}
		}
	}
}
