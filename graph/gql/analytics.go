package gql

import (
	"context"

	"newsgraph/graph"
)

// The analytics fields: Entity.centrality, Entity.community and
// Query.communities, over graph.Store.Analytics.

type centralityResolver struct {
	e *entityResolver
	w graph.Window
	c graph.Centrality
}

func (c *centralityResolver) Degree() int32         { return int32(c.c.Degree) }
func (c *centralityResolver) WeightedDegree() int32 { return int32(c.c.WeightedDegree) }
func (c *centralityResolver) PageRank() float64     { return c.c.PageRank }

// Betweenness is computed apart from the other measures, and only when
// asked for: it is the slow one (see graph.MaxBetweennessNodes).
func (c *centralityResolver) Betweenness(ctx context.Context) (float64, error) {
	bc, err := c.e.r.st.Betweenness(ctx, c.w)
	if err != nil {
		return 0, c.e.r.fail(ctx, "Centrality.betweenness", err)
	}
	return bc[c.e.e.ID], nil
}

func (r *resolver) analytics(ctx context.Context, op string, args windowArgs) (*graph.Analytics, error) {
	w, err := args.window()
	if err != nil {
		return nil, err
	}
	a, err := r.st.Analytics(ctx, w)
	if err != nil {
		return nil, r.fail(ctx, op, err)
	}
	return a, nil
}

func (e *entityResolver) Centrality(ctx context.Context, args windowArgs) (*centralityResolver, error) {
	a, err := e.r.analytics(ctx, "Entity.centrality", args)
	if err != nil {
		return nil, err
	}
	w, _ := args.window() // checked by analytics
	return &centralityResolver{e, w, a.Centrality[e.e.ID]}, nil
}

func (e *entityResolver) Community(ctx context.Context, args windowArgs) (*int32, error) {
	a, err := e.r.analytics(ctx, "Entity.community", args)
	if err != nil {
		return nil, err
	}
	n, ok := a.Community[e.e.ID]
	if !ok {
		return nil, nil
	}
	id := int32(n)
	return &id, nil
}

type communityResolver struct {
	r       *resolver
	id      int
	members []string
}

func (c *communityResolver) ID() int32   { return int32(c.id) }
func (c *communityResolver) Size() int32 { return int32(len(c.members)) }

func (c *communityResolver) Members(ctx context.Context, args struct{ First int32 }) ([]*entityResolver, error) {
	n, err := limit(args.First, graph.MaxPageSize)
	if err != nil {
		return nil, err
	}
	out := []*entityResolver{}
	for _, id := range c.members[:min(n, len(c.members))] {
		e, err := c.r.st.Entity(ctx, id)
		if err != nil {
			return nil, c.r.fail(ctx, "Community.members", internal{err})
		}
		out = append(out, newEntityResolver(c.r, e))
	}
	return out, nil
}

func (r *resolver) Communities(ctx context.Context, args struct {
	First int32
	windowArgs
}) ([]*communityResolver, error) {
	n, err := limit(args.First, graph.MaxPageSize)
	if err != nil {
		return nil, err
	}
	a, err := r.analytics(ctx, "communities", args.windowArgs)
	if err != nil {
		return nil, err
	}
	out := []*communityResolver{}
	for i, m := range a.Communities[:min(n, len(a.Communities))] {
		out = append(out, &communityResolver{r, i, m})
	}
	return out, nil
}
