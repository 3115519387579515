package export

import (
	"context"
	"errors"
	"fmt"
	"time"

	"newsgraph/graph"
)

// Options choose what Open takes.
type Options struct {
	// IDs are the actors to start from, by id or by name ("Putin"); none
	// means the whole graph.
	IDs []string
	// Depth is how many hops around IDs to take, 0 to graph.MaxDepth.
	Depth int
	// Limit caps the nodes: around IDs 100 by default and
	// graph.MaxSubgraphNodes at most; for the whole graph, the Limit most
	// mentioned actors (0: all of them).
	Limit int
	// Window keeps the edges of a time span, and the events of articles
	// dated inside it.
	Window Window
	// NoEvents leaves the actors' events (events.go) out.
	NoEvents bool
}

// ErrDepth is returned by Open for a depth outside 0 to graph.MaxDepth.
var ErrDepth = fmt.Errorf("export: depth must be 0 to %d", graph.MaxDepth)

// Graph is the part of the store to write, streamed: nodes first, then the
// edges among them. Writers call Nodes once, then Edges once.
type Graph struct {
	ctx context.Context
	st  *graph.Store
	// Truncated is set when a limit left actors or edges out; Limit is
	// that limit (nodes).
	Truncated bool
	Limit     int
	// Created is when the export was made.
	Created time.Time

	window   Window
	noEvents bool
	// nodes and edges are set for a subgraph read at once; nil for the
	// whole graph, which is paged from the store.
	nodes []*graph.Entity
	edges []*graph.Relation
	// in holds the ids of the nodes written, so that no edge names a node
	// that is not in the file; nil when every edge is kept.
	in map[string]bool
}

// Open prepares the part of st that opts ask for. Around IDs the subgraph is
// read at once (at most graph.MaxSubgraphNodes actors); the whole graph is
// streamed page by page as it is written, so it is one consistent graph only
// when no ingest runs meanwhile. Unknown ids or names give graph.ErrNotFound.
func Open(ctx context.Context, st *graph.Store, opts Options) (*Graph, error) {
	if opts.Depth < 0 || opts.Depth > graph.MaxDepth {
		return nil, fmt.Errorf("%w (got %d)", ErrDepth, opts.Depth)
	}
	g := &Graph{ctx: ctx, st: st, window: opts.Window, noEvents: opts.NoEvents, Limit: opts.Limit, Created: time.Now().UTC()}
	if len(opts.IDs) > 0 {
		return g, g.readSubgraph(opts)
	}
	if opts.Limit > 0 {
		s, err := st.Stats(ctx)
		if err != nil {
			return nil, err
		}
		// Only a cut graph needs to know its nodes to drop the edges that
		// leave them; a whole one keeps no set that grows with the graph.
		if g.Truncated = s.Entities > opts.Limit; g.Truncated {
			g.in = map[string]bool{}
		}
	}
	return g, nil
}

// readSubgraph reads the actors around opts.IDs, asking for one node more
// than the limit to know whether the limit cut it.
func (g *Graph) readSubgraph(opts Options) error {
	ids := make([]string, len(opts.IDs))
	for i, id := range opts.IDs {
		e, err := g.st.Entity(g.ctx, id)
		if errors.Is(err, graph.ErrNotFound) {
			e, err = g.st.EntityByName(g.ctx, id)
		}
		if err != nil {
			return err
		}
		ids[i] = e.ID
	}
	if g.Limit <= 0 {
		g.Limit = 100
	}
	g.Limit = min(g.Limit, graph.MaxSubgraphNodes)
	sg, err := g.st.Subgraph(g.ctx, ids, opts.Depth, g.Limit+1)
	if err != nil {
		return err
	}
	g.Truncated = len(sg.Nodes) > g.Limit || len(sg.Edges) >= 10*(g.Limit+1) ||
		g.Limit == graph.MaxSubgraphNodes && len(sg.Nodes) == g.Limit
	g.nodes = sg.Nodes[:min(len(sg.Nodes), g.Limit)]
	g.in = map[string]bool{}
	for _, n := range g.nodes {
		g.in[n.ID] = true
	}
	g.edges = sg.Edges
	return nil
}

// Nodes calls fn for each actor, most mentioned first for the whole graph.
func (g *Graph) Nodes(fn func(*graph.Entity) error) error {
	if g.nodes != nil {
		for _, n := range g.nodes {
			if err := fn(n); err != nil {
				return err
			}
		}
		return nil
	}
	n := 0
	p := graph.PageArgs{First: graph.MaxPageSize, NoCount: true}
	for {
		page, err := g.st.Entities(g.ctx, graph.EntityFilter{}, p)
		if err != nil {
			return err
		}
		for _, e := range page.Edges {
			if g.Limit > 0 && n == g.Limit {
				return nil
			}
			n++
			if g.in != nil {
				g.in[e.Node.ID] = true
			}
			if err := fn(e.Node); err != nil {
				return err
			}
		}
		if !page.HasNextPage {
			return nil
		}
		p.After = page.EndCursor
	}
}

// Edges calls fn for each edge whose two ends are nodes, in the window,
// heaviest first for the whole graph. Call it after Nodes.
func (g *Graph) Edges(fn func(*graph.Relation) error) error {
	keep := func(r *graph.Relation) error {
		if g.in != nil && (!g.in[r.Subject] || !g.in[r.Object]) || !g.window.Keep(r) {
			return nil
		}
		return fn(r)
	}
	if g.nodes != nil {
		for _, r := range g.edges {
			if err := keep(r); err != nil {
				return err
			}
		}
		return nil
	}
	p := graph.PageArgs{First: graph.MaxPageSize, NoCount: true}
	for {
		page, err := g.st.Relations(g.ctx, graph.RelationFilter{}, p)
		if err != nil {
			return err
		}
		for _, e := range page.Edges {
			if err := keep(e.Node); err != nil {
				return err
			}
		}
		if !page.HasNextPage {
			return nil
		}
		p.After = page.EndCursor
	}
}

// note is the sentence the formats' metadata carry about truncation.
func (g *Graph) note() string {
	if !g.Truncated {
		return "newsgraph export: complete"
	}
	return fmt.Sprintf("newsgraph export: truncated to %d actors; ask for a larger limit or fewer hops for the rest", g.Limit)
}

// graphNode and graphEdge are the store's actors and edges as the writers
// see them.
type (
	graphNode  = graph.Entity
	graphEdge  = graph.Relation
	graphEvent = graph.Event
)
