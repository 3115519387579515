package gql

import (
	"errors"
	"sync"

	gqlerrors "github.com/graph-gophers/graphql-go/errors"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/parser"
)

// documents keeps the parsed form of recent query texts. A client sends
// the same few query texts again and again with other variables, and the
// handler reads each request's document three times (the limits, whether it
// is a mutation, the operation's name for the log): parsing it once per
// text takes that work off every request. A parsed document is never
// changed after parsing, so requests share it. Only texts up to
// maxCachedQueryBytes are kept, at most maxCachedQueries of them; when full
// the cache starts over, which bounds its memory whatever clients send.
type documents struct {
	mu sync.Mutex
	m  map[string]*document
}

const (
	maxCachedQueries    = 512
	maxCachedQueryBytes = 8 << 10
)

// document is a query text parsed: doc, or the syntax error that refuses
// it; frags is what checkFragments found wrong with its fragments (nil when
// nothing), which must be nil before a walk expands them.
type document struct {
	doc   *ast.QueryDocument
	err   *gqlerrors.QueryError
	frags *gqlerrors.QueryError
	// sel is what the document selects, for the list resolvers
	// (selected.go); everything when it did not parse.
	sel *selected
}

// parse returns the document of query, parsed and its fragments checked,
// from the cache when it was seen recently.
func (d *documents) parse(query string) *document {
	if len(query) > maxCachedQueryBytes {
		return parseDocument(query)
	}
	d.mu.Lock()
	doc, ok := d.m[query]
	d.mu.Unlock()
	if ok {
		return doc
	}
	doc = parseDocument(query)
	d.mu.Lock()
	if d.m == nil || len(d.m) >= maxCachedQueries {
		d.m = make(map[string]*document, maxCachedQueries)
	}
	d.m[query] = doc
	d.mu.Unlock()
	return doc
}

func parseDocument(query string) *document {
	doc, err := parser.ParseQuery(&ast.Source{Input: query})
	if err != nil {
		var ge *gqlerror.Error
		if errors.As(err, &ge) {
			qe := &gqlerrors.QueryError{Message: "syntax error: " + ge.Message, Extensions: map[string]any{"code": CodeBadInput}}
			for _, l := range ge.Locations {
				qe.Locations = append(qe.Locations, gqlerrors.Location{Line: l.Line, Column: l.Column})
			}
			return &document{err: qe, sel: everything}
		}
		return &document{err: limitError(CodeBadInput, nil, nil, "syntax error: %v", err), sel: everything}
	}
	return &document{doc: doc, frags: checkFragments(doc), sel: selectedIn(doc)}
}

// operation returns the operation of the document that a request with
// operationName runs: the one of that name, or the only one; nil when
// there is none such or the document did not parse.
func (d *document) operation(operationName string) *ast.OperationDefinition {
	if d.doc == nil {
		return nil
	}
	for _, op := range d.doc.Operations {
		if op.Name == operationName || operationName == "" && len(d.doc.Operations) == 1 {
			return op
		}
	}
	return nil
}
