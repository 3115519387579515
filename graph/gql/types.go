package gql

import (
	"context"
	"errors"
	"sort"

	"newsgraph"
	"newsgraph/graph"
)

// The resolvers of the schema's object types. Each wraps what the store
// returned and fetches the rest (an edge's ends, an entity's edges) only
// when the query asks for it.

// Scalar fields are struct fields, not methods: graphql-go (with
// UseFieldResolvers, handler.go) reads a field without a call, while a
// method costs it a reflective call and several allocations, and a
// subgraph's answer holds thousands of such fields.

type entityResolver struct {
	entityScalars
	r *resolver
	e *graph.Entity
}

type entityScalars struct {
	ID           outID  `graphql:"id"`
	Name         string `graphql:"name"`
	Type         string `graphql:"type"`
	MentionCount int32  `graphql:"mentionCount"`
	ArticleCount int32  `graphql:"articleCount"`
}

func newEntityResolver(r *resolver, e *graph.Entity) *entityResolver {
	er := entityValue(r, e)
	return &er
}

// entityValue is newEntityResolver's value, for lists made in one block
// (mapBlock).
func entityValue(r *resolver, e *graph.Entity) entityResolver {
	return entityResolver{entityScalars{outID(e.ID), e.Name, string(e.Type), int32(e.MentionCount), int32(e.ArticleCount)}, r, e}
}

func (e *entityResolver) Aliases() []string { return append([]string{}, e.e.Aliases...) }

// Sector is an agency's sector, null for other actors.
func (e *entityResolver) Sector() *string {
	if e.e.Sector == "" {
		return nil
	}
	s := string(e.e.Sector)
	return &s
}

// Country is the state the actor belongs to, when an article said so and
// that state is in the graph.
func (e *entityResolver) Country(ctx context.Context) (*entityResolver, error) {
	if e.e.Country == "" {
		return nil, nil
	}
	st, err := loaderFrom(ctx, e.r.st).entity(ctx, "state:"+e.e.Country)
	if errors.Is(err, graph.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, e.r.fail(ctx, "Entity.country", err)
	}
	return newEntityResolver(e.r, st), nil
}

type aliasReason struct{ alias, reason string }

func (a *aliasReason) Alias() string  { return a.alias }
func (a *aliasReason) Reason() string { return a.reason }

// AliasReasons lists the reasons in alias order, for stable output.
func (e *entityResolver) AliasReasons() []*aliasReason {
	out := make([]*aliasReason, 0, len(e.e.AliasReasons))
	for a, why := range e.e.AliasReasons {
		out = append(out, &aliasReason{a, why})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].alias < out[j].alias })
	return out
}

func (e *entityResolver) Relations(ctx context.Context, args struct {
	Direction string
	relationArgs
}) (*connection[*relationResolver], error) {
	return e.r.relations(ctx, "Entity.relations", args.relationArgs, graph.RelationFilter{},
		func(f graph.RelationFilter, p graph.PageArgs) (*graph.Page[*graph.Relation], error) {
			return e.r.st.RelationsOf(ctx, e.e.ID, direction(args.Direction), f, p)
		})
}

func (e *entityResolver) Articles(ctx context.Context, args struct{ First int32 }) ([]*articleResolver, error) {
	n, err := limit(args.First, maxArticles)
	if err != nil || n == 0 {
		return []*articleResolver{}, err
	}
	as, err := e.r.st.EntityArticles(ctx, e.e.ID, n)
	if err != nil {
		return nil, e.r.fail(ctx, "Entity.articles", err)
	}
	return mapSlice(as, func(a *newsgraph.Article) *articleResolver { return &articleResolver{e.r, a} }), nil
}

type relationResolver struct {
	relationScalars
	// Subject and Object are set when the query asks for them: the list
	// that holds the edge loaded them before it made its resolvers
	// (loader.go), so they need no call either.
	Subject *entityResolver `graphql:"subject"`
	Object  *entityResolver `graphql:"object"`
	r       *resolver
	rel     *graph.Relation
	ends    *ends
}

type relationScalars struct {
	ID           outID   `graphql:"id"`
	Predicate    string  `graphql:"predicate"`
	Lemma        string  `graphql:"lemma"`
	Weight       int32   `graphql:"weight"`
	ArticleCount int32   `graphql:"articleCount"`
	Confidence   float64 `graphql:"confidence"`
}

// relationValue is the resolver of rel, whose ends resolve through e, as
// a value for lists made in one block (mapBlock).
func relationValue(r *resolver, rel *graph.Relation, e *ends) relationResolver {
	rr := relationResolver{relationScalars: relationScalars{outID(rel.ID), rel.Predicate, rel.Lemma,
		int32(rel.Weight), int32(rel.ArticleCount), rel.Confidence}, r: r, rel: rel, ends: e}
	if e.asked.subject {
		rr.Subject = e.end(r, rel.Subject, e.subject)
	}
	if e.asked.object {
		rr.Object = e.end(r, rel.Object, e.object)
	}
	return rr
}

// Kind is nil for edges stored before kinds were recorded.
func (rr *relationResolver) Kind() *string {
	if rr.rel.Kind == "" {
		return nil
	}
	k := string(rr.rel.Kind)
	return &k
}
func (rr *relationResolver) FirstSeen() *string { return optional(rr.rel.FirstSeen) }
func (rr *relationResolver) LastSeen() *string  { return optional(rr.rel.LastSeen) }

// internal marks a store error that must not reach the client as NOT_FOUND.
type internal struct{ err error }

func (i internal) Error() string { return i.err.Error() }

func (rr *relationResolver) Evidence(ctx context.Context, args struct{ First int32 }) ([]*evidenceResolver, error) {
	n, err := limit(args.First, maxEvidence)
	if err != nil || n == 0 {
		return []*evidenceResolver{}, err
	}
	evs, err := rr.r.st.EvidenceIn(ctx, rr.rel.ID, rr.rel.Window, n)
	if err != nil {
		return nil, rr.r.fail(ctx, "Relation.evidence", err)
	}
	return mapSlice(evs, func(ev newsgraph.Evidence) *evidenceResolver { return &evidenceResolver{rr.r, ev} }), nil
}

type evidenceResolver struct {
	r  *resolver
	ev newsgraph.Evidence
}

func (ev *evidenceResolver) Sentence() string    { return ev.ev.Sentence }
func (ev *evidenceResolver) Start() int32        { return int32(ev.ev.Start) }
func (ev *evidenceResolver) End() int32          { return int32(ev.ev.End) }
func (ev *evidenceResolver) Quantity() *string   { return optional(ev.ev.Quantity) }
func (ev *evidenceResolver) Negated() bool       { return ev.ev.Negated }
func (ev *evidenceResolver) Confidence() float64 { return ev.ev.Confidence }
func (ev *evidenceResolver) Article(ctx context.Context) (*articleResolver, error) {
	a, err := ev.r.st.Article(ctx, ev.ev.ArticleID)
	if err != nil {
		return nil, ev.r.fail(ctx, "Evidence.article", internal{err})
	}
	return &articleResolver{ev.r, a}, nil
}

type articleResolver struct {
	r *resolver
	a *newsgraph.Article
}

func (a *articleResolver) ID() outID            { return outID(a.a.ID) }
func (a *articleResolver) Title() string        { return a.a.Title }
func (a *articleResolver) Text() string         { return a.a.Text }
func (a *articleResolver) URL() *string         { return optional(a.a.URL) }
func (a *articleResolver) PublishedAt() *string { return optional(a.a.PublishedAt) }

func (a *articleResolver) Entities(ctx context.Context) ([]*entityResolver, error) {
	es, err := a.r.st.ArticleEntities(ctx, a.a.ID)
	if err != nil {
		return nil, a.r.fail(ctx, "Article.entities", err)
	}
	return mapBlock(es, func(e *graph.Entity) entityResolver { return entityValue(a.r, e) }), nil
}

func (a *articleResolver) Relations(ctx context.Context) ([]*relationResolver, error) {
	rs, err := a.r.st.ArticleRelations(ctx, a.a.ID)
	e := loaderFrom(ctx, a.r.st).ends(ctx)
	if err == nil {
		err = e.l.loadEnds(e, rs)
	}
	if err != nil {
		return nil, a.r.fail(ctx, "Article.relations", err)
	}
	return a.r.wrapRelations(rs, e), nil
}

type neighborResolver struct {
	r    *resolver
	nb   graph.Neighbor
	ends *ends
}

func (n *neighborResolver) Entity() *entityResolver { return newEntityResolver(n.r, n.nb.Entity) }
func (n *neighborResolver) Relations() []*relationResolver {
	return n.r.wrapRelations(n.nb.Relations, n.ends)
}
func (n *neighborResolver) Weight() int32 { return int32(n.nb.Weight) }

type subgraphResolver struct {
	r    *resolver
	sg   *graph.Subgraph
	ends *ends
}

func (s *subgraphResolver) Nodes() []*entityResolver {
	return mapBlock(s.sg.Nodes, func(e *graph.Entity) entityResolver { return entityValue(s.r, e) })
}
func (s *subgraphResolver) Edges() []*relationResolver { return s.r.wrapRelations(s.sg.Edges, s.ends) }
