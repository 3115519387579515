package gql

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	graphql "github.com/graph-gophers/graphql-go"

	"newsgraph"
	"newsgraph/graph"
)

// Caps on list arguments. Connections are capped by the store
// (graph.MaxPageSize); these cap the plain lists.
const (
	maxEvidence = 100
	maxArticles = 100
)

// resolver is the root of the schema: Query and Mutation fields.
type resolver struct {
	st   *graph.Store
	x    graph.Extractor
	opts Options
	log  *slog.Logger
	// extracting holds a slot per ingestArticle running its extraction:
	// extraction is CPU-bound, so more at once than cores only slows all.
	extracting chan struct{}
}

func (r *resolver) fail(ctx context.Context, op string, err error) error {
	return classify(ctx, r.log, op, err)
}

// page turns a GraphQL first/after into store paging. A negative first is
// refused; first: 0 asks only for totalCount; more than graph.MaxPageSize
// gets graph.MaxPageSize.
func page(first int32, after *string) (graph.PageArgs, bool, error) {
	if first < 0 {
		return graph.PageArgs{}, false, badInput("first must not be negative")
	}
	p := graph.PageArgs{First: int(first), After: deref(after)}
	if p.First == 0 {
		p.First = 1
		return p, true, nil
	}
	return p, false, nil
}

// limit checks the first of a plain list and caps it at max.
// relationPage is page for relation lists, which skip counting their
// matches (a scan of every edge of a hub) unless totalCount is asked for.
func relationPage(ctx context.Context, first int32, after *string) (graph.PageArgs, bool, error) {
	p, countOnly, err := page(first, after)
	p.NoCount = !countOnly && !selectedFrom(ctx).totalCount
	return p, countOnly, err
}

func limit(first int32, max int) (int, error) {
	if first < 0 {
		return 0, badInput("first must not be negative")
	}
	return min(int(first), max), nil
}

func direction(d string) graph.Direction { return graph.Direction(d) }

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func (r *resolver) Entity(ctx context.Context, args struct {
	ID   *graphql.ID
	Name *string
}) (*entityResolver, error) {
	var e *graph.Entity
	var err error
	switch {
	case args.ID != nil:
		e, err = r.st.Entity(ctx, string(*args.ID))
	case args.Name != nil:
		e, err = r.st.EntityByName(ctx, *args.Name)
	default:
		return nil, badInput("entity needs an id or a name")
	}
	if err != nil {
		return nil, r.fail(ctx, "entity", err)
	}
	return newEntityResolver(r, e), nil
}

func (r *resolver) Entities(ctx context.Context, args struct {
	Type    *string
	Sector  *string
	Search  *string
	First   int32
	After   *string
	OrderBy string
}) (*connection[*entityResolver], error) {
	p, countOnly, err := page(args.First, args.After)
	if err != nil {
		return nil, err
	}
	f := graph.EntityFilter{Type: newsgraph.EntityType(deref(args.Type)), Search: deref(args.Search),
		Sector: newsgraph.Sector(deref(args.Sector)), Order: graph.EntityOrder(args.OrderBy)}
	pg, err := r.st.Entities(ctx, f, p)
	if err != nil {
		return nil, r.fail(ctx, "entities", err)
	}
	return newConnection(pg, countOnly, func(e *graph.Entity) entityResolver { return entityValue(r, e) }), nil
}

// relationArgs are the arguments every relation list takes.
type relationArgs struct {
	Predicate *string
	Kind      *string
	First     int32
	After     *string
	windowArgs
}

// windowArgs are the since and until of a time window.
type windowArgs struct {
	Since *string
	Until *string
}

func (a windowArgs) window() (graph.Window, error) {
	w, err := graph.NewWindow(deref(a.Since), deref(a.Until))
	if err != nil {
		return w, badInput(strings.TrimPrefix(err.Error(), graph.ErrBadInput.Error()+": "))
	}
	return w, nil
}

// relations answers a relation list: f filled from args, fetched by list.
func (r *resolver) relations(ctx context.Context, op string, args relationArgs, f graph.RelationFilter,
	list func(graph.RelationFilter, graph.PageArgs) (*graph.Page[*graph.Relation], error)) (*connection[*relationResolver], error) {
	p, countOnly, err := relationPage(ctx, args.First, args.After)
	if err != nil {
		return nil, err
	}
	f.Predicate, f.Kind = deref(args.Predicate), newsgraph.RelationKind(deref(args.Kind))
	if f.Window, err = args.window(); err != nil {
		return nil, err
	}
	pg, err := list(f, p)
	e := loaderFrom(ctx, r.st).ends(ctx)
	if err == nil && !countOnly {
		err = e.l.loadEnds(e, mapSlice(pg.Edges, func(e graph.Edge[*graph.Relation]) *graph.Relation { return e.Node }))
	}
	if err != nil {
		return nil, r.fail(ctx, op, err)
	}
	return newConnection(pg, countOnly, func(rel *graph.Relation) relationResolver { return relationValue(r, rel, e) }), nil
}

func (r *resolver) Relations(ctx context.Context, args struct {
	Subject *graphql.ID
	Object  *graphql.ID
	relationArgs
}) (*connection[*relationResolver], error) {
	var f graph.RelationFilter
	if args.Subject != nil {
		f.Subject = string(*args.Subject)
	}
	if args.Object != nil {
		f.Object = string(*args.Object)
	}
	return r.relations(ctx, "relations", args.relationArgs, f, func(f graph.RelationFilter, p graph.PageArgs) (*graph.Page[*graph.Relation], error) {
		return r.st.Relations(ctx, f, p)
	})
}

// wrapRelations wraps a list of edges whose ends resolve through e.
func (r *resolver) wrapRelations(rels []*graph.Relation, e *ends) []*relationResolver {
	return mapBlock(rels, func(rel *graph.Relation) relationResolver { return relationValue(r, rel, e) })
}

func (r *resolver) Article(ctx context.Context, args struct{ ID graphql.ID }) (*articleResolver, error) {
	a, err := r.st.Article(ctx, string(args.ID))
	if err != nil {
		return nil, r.fail(ctx, "article", err)
	}
	return &articleResolver{r, a}, nil
}

func (r *resolver) Articles(ctx context.Context, args struct {
	First int32
	After *string
}) (*connection[*articleResolver], error) {
	p, countOnly, err := page(args.First, args.After)
	if err != nil {
		return nil, err
	}
	pg, err := r.st.Articles(ctx, p)
	if err != nil {
		return nil, r.fail(ctx, "articles", err)
	}
	return newConnection(pg, countOnly, func(a *newsgraph.Article) articleResolver { return articleResolver{r, a} }), nil
}

type stats struct {
	s       graph.Stats
	version string
}

func (s *stats) Version() string { return s.version }

func (s *stats) Articles() int32  { return int32(s.s.Articles) }
func (s *stats) Entities() int32  { return int32(s.s.Entities) }
func (s *stats) Relations() int32 { return int32(s.s.Relations) }
func (s *stats) Evidence() int32  { return int32(s.s.Evidence) }
func (s *stats) Events() int32    { return int32(s.s.Events) }

func (r *resolver) Stats(ctx context.Context) (*stats, error) {
	s, err := r.st.Stats(ctx)
	if err != nil {
		return nil, r.fail(ctx, "stats", err)
	}
	return &stats{s, r.opts.Version}, nil
}

func (r *resolver) Neighbors(ctx context.Context, args struct {
	ID        graphql.ID
	Direction string
	Predicate *string
	First     int32
	windowArgs
}) ([]*neighborResolver, error) {
	n, err := limit(args.First, graph.MaxPageSize)
	if err != nil || n == 0 {
		return []*neighborResolver{}, err
	}
	w, err := args.window()
	if err != nil {
		return nil, err
	}
	nbs, err := r.st.NeighborsIn(ctx, string(args.ID), direction(args.Direction), deref(args.Predicate), n, w)
	if err != nil {
		return nil, r.fail(ctx, "neighbors", err)
	}
	l := loaderFrom(ctx, r.st)
	e := l.ends(ctx)
	var rels []*graph.Relation
	out := make([]*neighborResolver, len(nbs))
	for i, nb := range nbs {
		out[i] = &neighborResolver{r, nb, e}
		l.prime(nb.Entity)
		rels = append(rels, nb.Relations...)
	}
	if err := l.loadEnds(e, rels); err != nil {
		return nil, r.fail(ctx, "neighbors", err)
	}
	return out, nil
}

func (r *resolver) Path(ctx context.Context, args struct {
	From    graphql.ID
	To      graphql.ID
	MaxHops int32
	windowArgs
}) ([]*relationResolver, error) {
	if args.MaxHops < 1 || args.MaxHops > graph.MaxHops {
		return nil, badInput(fmt.Sprintf("maxHops must be between 1 and %d", graph.MaxHops))
	}
	w, err := args.window()
	if err != nil {
		return nil, err
	}
	rels, err := r.st.PathIn(ctx, string(args.From), string(args.To), int(args.MaxHops), w)
	e := loaderFrom(ctx, r.st).ends(ctx)
	if err == nil {
		err = e.l.loadEnds(e, rels)
	}
	if err != nil {
		return nil, r.fail(ctx, "path", err)
	}
	return r.wrapRelations(rels, e), nil
}

func (r *resolver) Subgraph(ctx context.Context, args struct {
	IDs   []graphql.ID
	Depth int32
	Limit int32
	windowArgs
}) (*subgraphResolver, error) {
	if args.Depth < 0 || args.Depth > graph.MaxDepth {
		return nil, badInput(fmt.Sprintf("depth must be between 0 and %d", graph.MaxDepth))
	}
	if args.Limit < 1 || args.Limit > graph.MaxSubgraphNodes {
		return nil, badInput(fmt.Sprintf("limit must be between 1 and %d", graph.MaxSubgraphNodes))
	}
	if len(args.IDs) > graph.MaxSubgraphNodes {
		return nil, badInput(fmt.Sprintf("at most %d ids", graph.MaxSubgraphNodes))
	}
	ids := make([]string, len(args.IDs))
	for i, id := range args.IDs {
		ids[i] = string(id)
	}
	w, err := args.window()
	if err != nil {
		return nil, err
	}
	sg, err := r.st.SubgraphIn(ctx, ids, int(args.Depth), int(args.Limit), w)
	if err != nil {
		return nil, r.fail(ctx, "subgraph", err)
	}
	l := loaderFrom(ctx, r.st)
	l.prime(sg.Nodes...) // every edge's ends are among them
	e := l.ends(ctx)
	if err := l.loadEnds(e, sg.Edges); err != nil { // reads nothing unless an end is missing
		return nil, r.fail(ctx, "subgraph", err)
	}
	return &subgraphResolver{r, sg, e}, nil
}

type articleInput struct {
	ID          *graphql.ID
	Title       *string
	Text        string
	URL         *string
	PublishedAt *string
}

// IngestArticle extracts and stores one article. Whether the caller may
// mutate was decided by the HTTP handler and travels in ctx.
func (r *resolver) IngestArticle(ctx context.Context, args struct {
	Input   articleInput
	Replace *bool // null (an unset variable) is false
}) (*articleResolver, error) {
	if err := r.mayMutate(ctx); err != nil {
		return nil, err
	}
	a, err := r.article(args.Input)
	if err != nil {
		return nil, err
	}
	select {
	case r.extracting <- struct{}{}:
	case <-ctx.Done():
		return nil, r.fail(ctx, "ingestArticle: waiting to extract", ctx.Err())
	}
	start := time.Now()
	ex, err := r.x.Extract(ctx, a)
	<-r.extracting
	if err != nil {
		r.opts.Metrics.Ingested(graph.IngestResult{}, err)
		return nil, r.fail(ctx, "ingestArticle: extract", err)
	}
	r.opts.Metrics.Extracted(ex.Tokens, time.Since(start))
	ingest := r.st.Ingest
	if args.Replace != nil && *args.Replace {
		ingest = r.st.Replace
	}
	res, err := ingest(ctx, a, ex)
	r.opts.Metrics.Ingested(res, err)
	if errors.Is(err, graph.ErrConflict) {
		return nil, &Error{Code: CodeConflict, Message: fmt.Sprintf(
			"article %q is already stored with a different text: give this one another id, or pass replace: true", a.ID)}
	}
	if err != nil {
		return nil, r.fail(ctx, "ingestArticle", err)
	}
	if a.DateWarning != "" {
		r.log.WarnContext(ctx, "article stored without a date", "id", res.ArticleID, "warning", a.DateWarning)
	}
	if res.MergeTooBig {
		r.log.WarnContext(ctx, "article stored without merging the actors it bridges: too large for one transaction", "id", res.ArticleID)
	}
	r.log.InfoContext(ctx, "article ingested", "id", res.ArticleID, "unchanged", res.Unchanged, "replaced", res.Replaced,
		"entities", res.Entities, "relations", res.Relations)
	stored, err := r.st.Article(ctx, res.ArticleID)
	if err != nil {
		return nil, r.fail(ctx, "ingestArticle", err)
	}
	return &articleResolver{r, stored}, nil
}

// DeleteArticle removes an article and what it contributed.
func (r *resolver) DeleteArticle(ctx context.Context, args struct{ ID graphql.ID }) (graphql.ID, error) {
	if err := r.mayMutate(ctx); err != nil {
		return "", err
	}
	if err := r.st.DeleteArticle(ctx, string(args.ID)); errors.Is(err, graph.ErrNotFound) {
		return "", &Error{Code: CodeNotFound, Message: fmt.Sprintf("article %q is not stored", args.ID)}
	} else if err != nil {
		return "", r.fail(ctx, "deleteArticle", err)
	}
	r.log.InfoContext(ctx, "article deleted", "id", args.ID)
	return args.ID, nil
}

func (r *resolver) mayMutate(ctx context.Context) error {
	if r.opts.ReadOnly || r.x == nil {
		return &Error{Code: CodeForbidden, Message: r.opts.ReadOnlyMessage}
	}
	if info, ok := ctx.Value(requestKey{}).(*requestInfo); ok {
		switch {
		case info.method != "POST":
			return &Error{Code: CodeForbidden, Message: "mutations must be sent with POST"}
		case info.foreignOrigin:
			return &Error{Code: CodeForbidden, Message: "mutations from this web origin are not allowed (see serve --cors-origin)"}
		case !info.authorized:
			return &Error{Code: CodeUnauthenticated, Message: "mutations need an Authorization: Bearer token"}
		}
	}
	return nil
}

// article checks the input the way the file readers check a record.
func (r *resolver) article(in articleInput) (*newsgraph.Article, error) {
	f := newsgraph.Fields{Title: deref(in.Title), Text: in.Text, URL: deref(in.URL),
		PublishedAt: deref(in.PublishedAt), Source: "api"}
	if in.ID != nil {
		f.ID = string(*in.ID)
	}
	a, err := newsgraph.NewArticle(f, r.opts.maxArticleBytes())
	switch {
	case errors.Is(err, newsgraph.ErrEmpty), errors.Is(err, newsgraph.ErrTooLarge), errors.Is(err, newsgraph.ErrNotText):
		return nil, badInput("text: " + err.Error())
	case err != nil:
		return nil, badInput(err.Error())
	}
	return a, nil
}

func mapSlice[T, U any](in []T, f func(T) U) []U {
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}

// mapBlock is mapSlice for the resolvers of a list: their values live in
// one block, one allocation for the list instead of one per item (a
// subgraph's answer has hundreds of edges).
func mapBlock[T, U any](in []T, f func(T) U) []*U {
	block := make([]U, len(in))
	out := make([]*U, len(in))
	for i, v := range in {
		block[i] = f(v)
		out[i] = &block[i]
	}
	return out
}

// connection is a Relay connection over a store page; graphql-go resolves
// EntityConnection, RelationConnection and ArticleConnection with its
// instances.
type connection[R any] struct {
	total int
	edges []*edge[R]
	info  *pageInfo
}

// edge's fields are read by graphql-go without a call (types.go).
type edge[R any] struct {
	Cursor string `graphql:"cursor"`
	Node   R      `graphql:"node"`
}

type pageInfo struct {
	next bool
	end  *string
}

// newConnection wraps a page; wrap makes the resolver of a node, a value
// kept with its edge (one block for the page, mapBlock).
func newConnection[T, R any](p *graph.Page[T], countOnly bool, wrap func(T) R) *connection[*R] {
	c := &connection[*R]{total: p.TotalCount, edges: []*edge[*R]{}, info: &pageInfo{next: p.HasNextPage}}
	if countOnly {
		c.info.next = p.TotalCount > 0
		return c
	}
	c.edges = mapBlock(p.Edges, func(e graph.Edge[T]) edge[*R] { return edge[*R]{Cursor: e.Cursor} })
	nodes := make([]R, len(p.Edges))
	for i, e := range p.Edges {
		nodes[i] = wrap(e.Node)
		c.edges[i].Node = &nodes[i]
	}
	if p.EndCursor != "" {
		end := p.EndCursor
		c.info.end = &end
	}
	return c
}

func (c *connection[R]) TotalCount() int32   { return int32(c.total) }
func (c *connection[R]) Edges() []*edge[R]   { return c.edges }
func (c *connection[R]) PageInfo() *pageInfo { return c.info }
func (p *pageInfo) HasNextPage() bool        { return p.next }
func (p *pageInfo) EndCursor() *string       { return p.end }

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
