package gql

import (
	"context"
	"fmt"
	"sync"

	"newsgraph/graph"
)

// loader is the per-request cache of actors, in the spirit of dataloader:
// the ends of a page of edges are read in one batch, an actor that a walk
// already returned (a subgraph's nodes) is not read again, and an actor of
// which only the id is asked is not read at all. Resolvers run
// concurrently, so it is safe for concurrent use. It lives for one request:
// it never serves an actor from an older snapshot to a later request.
type loader struct {
	st   *graph.Store
	sel  *selected // what the query selects (selected.go)
	mu   sync.Mutex
	byID map[string]*graph.Entity
}

type loaderKey struct{}

// withLoader returns ctx carrying a new loader over st for a query that
// selects sel.
func withLoader(ctx context.Context, st *graph.Store, sel *selected) context.Context {
	return context.WithValue(ctx, loaderKey{}, &loader{st: st, sel: sel, byID: map[string]*graph.Entity{}})
}

// loaderFrom returns the request's loader, or an uncaching one when ctx has
// none.
func loaderFrom(ctx context.Context, st *graph.Store) *loader {
	if l, ok := ctx.Value(loaderKey{}).(*loader); ok {
		return l
	}
	return &loader{st: st, sel: everything, byID: map[string]*graph.Entity{}}
}

// prime caches actors the request already holds.
func (l *loader) prime(es ...*graph.Entity) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, e := range es {
		l.byID[e.ID] = e
	}
}

// entity returns the actor id, from the cache or the store.
func (l *loader) entity(ctx context.Context, id string) (*graph.Entity, error) {
	l.mu.Lock()
	e, ok := l.byID[id]
	l.mu.Unlock()
	if ok {
		return e, nil
	}
	e, err := l.st.Entity(ctx, id)
	if err != nil {
		return nil, err
	}
	l.prime(e)
	return e, nil
}

// ends is how the edges of one list resolve their subject and object:
// which of the two the query asks more than the id of, and the request's
// loader that the list's resolver filled with those in one batch (loadEnds).
// With it Relation.subject and Relation.object take no context, so
// graphql-go resolves them in line instead of starting a goroutine for each
// end of each edge.
type ends struct {
	l   *loader
	ctx context.Context // the request's, for an end the batch did not hold
	// subject and object say whether the query asks more than the id;
	// asked whether it asks for the end at all.
	subject, object bool
	asked           struct{ subject, object bool }
	// made holds the resolver of each end already made for this list: an
	// actor at the end of many of its edges (a subgraph's hub, a
	// neighbour's edges) shares one.
	mu   sync.Mutex
	made map[endKey]*entityResolver
}

// endKey is an end resolved in full (the actor read) or as a reference
// (only its id).
type endKey struct {
	id   string
	full bool
}

// ends returns how the edges of a list resolve their ends.
func (l *loader) ends(ctx context.Context) *ends {
	e := &ends{l: l, ctx: ctx, subject: l.sel.subject.full, object: l.sel.object.full}
	e.asked.subject, e.asked.object = l.sel.subject.asked, l.sel.object.asked
	return e
}

// loadEnds reads, in one batch, the ends of rels that e says the query asks
// more than the id of and the loader does not hold. An end missing from the
// store is an error: an edge's ends are stored with it.
func (l *loader) loadEnds(e *ends, rels []*graph.Relation) error {
	if !e.subject && !e.object || len(rels) == 0 {
		return nil
	}
	have := func(id string) bool {
		l.mu.Lock()
		defer l.mu.Unlock()
		_, ok := l.byID[id]
		return ok
	}
	got, err := l.st.Ends(e.ctx, rels, e.subject, e.object, have)
	if err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for id, ent := range got {
		l.byID[id] = ent
	}
	for _, r := range rels {
		for _, id := range [2]string{r.Subject, r.Object} {
			if _, ok := l.byID[id]; !ok && (id == r.Subject && e.subject || id == r.Object && e.object) {
				return internal{fmt.Errorf("edge %s: end %q: %w", r.ID, id, graph.ErrNotFound)}
			}
		}
	}
	return nil
}

// end resolves an edge's end id: a reference holding only the id when full
// is false (no read), else the actor from the loader.
func (e *ends) end(r *resolver, id string, full bool) *entityResolver {
	k := endKey{id, full}
	e.mu.Lock()
	er, ok := e.made[k]
	e.mu.Unlock()
	if ok {
		return er
	}
	if !full {
		er = newEntityResolver(r, &graph.Entity{ID: id})
	} else {
		ent, err := e.l.entity(e.ctx, id)
		if err != nil {
			// Only when the batch missed it and the read failed (a timeout:
			// loadEnds checked the ends exist). graphql-go reports the null.
			r.fail(e.ctx, "Relation.end", internal{err})
			return nil
		}
		er = newEntityResolver(r, ent)
	}
	e.mu.Lock()
	if e.made == nil {
		e.made = map[endKey]*entityResolver{}
	}
	e.made[k] = er
	e.mu.Unlock()
	return er
}
