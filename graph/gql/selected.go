package gql

import (
	"context"

	"github.com/vektah/gqlparser/v2/ast"
)

// selected is what the list resolvers need to know of the fields a query
// selects below them: whether to count a connection's matches
// (totalCount) and whether to read an edge's ends (more than their id).
// graphql-go could tell each resolver its own selection, but it then
// wraps the context of every field that has one (an edge's node, subject
// and object, hundreds of times in a large answer) in two allocations; the
// schema turns that off (DisableFieldSelections, handler.go) and the
// resolvers read this instead, made once per query text (documents.go).
// It is the union over the whole document, fragments included: a field
// asked anywhere counts everywhere, so a resolver may count or read what
// another part of the query needed, never skip what it needs itself.
type selected struct {
	totalCount bool
	// subject and object: asked at all, and asked for more than the id
	// (a fragment spread counts as more).
	subject, object endSelection
}

type endSelection struct{ asked, full bool }

// everything is what a resolver assumes without a document: it counts
// and reads.
var everything = &selected{totalCount: true, subject: endSelection{true, true}, object: endSelection{true, true}}

// selectedIn summarises doc's operations and fragments.
func selectedIn(doc *ast.QueryDocument) *selected {
	s := &selected{}
	for _, op := range doc.Operations {
		s.add(op.SelectionSet)
	}
	for _, f := range doc.Fragments {
		s.add(f.SelectionSet)
	}
	return s
}

func (s *selected) add(set ast.SelectionSet) {
	for _, sel := range set {
		switch sel := sel.(type) {
		case *ast.Field:
			switch sel.Name {
			case "totalCount":
				s.totalCount = true
			case "subject":
				s.subject.note(sel.SelectionSet)
			case "object":
				s.object.note(sel.SelectionSet)
			}
			s.add(sel.SelectionSet)
		case *ast.InlineFragment:
			s.add(sel.SelectionSet)
		}
	}
}

// note records an end's selection set.
func (e *endSelection) note(set ast.SelectionSet) {
	e.asked = true
	if !e.full {
		e.full = beyondID(set)
	}
}

// beyondID reports whether set selects anything but id.
func beyondID(set ast.SelectionSet) bool {
	for _, sel := range set {
		switch sel := sel.(type) {
		case *ast.Field:
			if sel.Name != "id" {
				return true
			}
		case *ast.InlineFragment:
			if beyondID(sel.SelectionSet) {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// selectedFrom returns what the request's query selects: its loader's
// summary, everything when ctx has no loader.
func selectedFrom(ctx context.Context) *selected {
	if l, ok := ctx.Value(loaderKey{}).(*loader); ok {
		return l.sel
	}
	return everything
}
