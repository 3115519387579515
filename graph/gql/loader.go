package gql

import (
	"context"
	"strings"
	"sync"

	graphql "github.com/graph-gophers/graphql-go"

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
	mu   sync.Mutex
	byID map[string]*graph.Entity
}

type loaderKey struct{}

// withLoader returns ctx carrying a new loader over st.
func withLoader(ctx context.Context, st *graph.Store) context.Context {
	return context.WithValue(ctx, loaderKey{}, &loader{st: st, byID: map[string]*graph.Entity{}})
}

// loaderFrom returns the request's loader, or an uncaching one when ctx has
// none.
func loaderFrom(ctx context.Context, st *graph.Store) *loader {
	if l, ok := ctx.Value(loaderKey{}).(*loader); ok {
		return l
	}
	return &loader{st: st, byID: map[string]*graph.Entity{}}
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

// loadEnds reads, in one batch, the ends of rels that the query asks more
// than the id of; prefix is the path from the current field to a relation
// ("edges.node." for a connection, "" for a list of relations).
func (l *loader) loadEnds(ctx context.Context, prefix string, rels []*graph.Relation) error {
	subj, obj := wantsEntity(ctx, prefix+"subject"), wantsEntity(ctx, prefix+"object")
	if !subj && !obj || len(rels) == 0 {
		return nil
	}
	var missing []string
	l.mu.Lock()
	for _, r := range rels {
		if _, ok := l.byID[r.Subject]; subj && !ok {
			missing = append(missing, r.Subject)
		}
		if _, ok := l.byID[r.Object]; obj && !ok {
			missing = append(missing, r.Object)
		}
	}
	l.mu.Unlock()
	if len(missing) == 0 {
		return nil
	}
	got, err := l.st.EntitiesByID(ctx, missing)
	if err != nil {
		return err
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	for id, e := range got {
		l.byID[id] = e
	}
	return nil
}

// wantsEntity reports whether the query asks for any field but the id of
// the entity at path below the current field.
func wantsEntity(ctx context.Context, path string) bool {
	for _, name := range graphql.SelectedFieldNames(ctx) {
		if rest, ok := strings.CutPrefix(name, path+"."); ok && rest != "id" {
			return true
		}
	}
	return false
}

// onlyID reports whether the current field, an entity, is asked for its id
// alone (or only __typename): then it needs no read.
func onlyID(ctx context.Context) bool {
	for _, name := range graphql.SelectedFieldNames(ctx) {
		if name != "id" {
			return false
		}
	}
	return true
}
