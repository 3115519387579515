package graph

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sync"

	"github.com/dgraph-io/badger/v4"
	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/simple"
)

// Analytics are graph measures of the actors, computed with gonum over the
// whole graph of one store version (or the part of it inside a time
// window): edges count in both directions, weighted by their evidence, and
// the edges between two actors add up.
type Analytics struct {
	// Centrality of each actor with at least one edge, by entity id.
	Centrality map[string]Centrality
	// Communities are the Louvain communities (modularity, resolution 1),
	// largest first; each lists its members by entity id, highest PageRank
	// first. Community numbers are indexes into it.
	Communities [][]string
	// Community is each actor's community number.
	Community map[string]int
	// byPageRank and byDegree are the actors in those orders, with the sort
	// position a cursor holds.
	byPageRank, byDegree []ranked
}

// Centrality holds an actor's centrality measures.
type Centrality struct {
	// Degree counts the actors it shares an edge with.
	Degree int
	// WeightedDegree sums the weights of its edges.
	WeightedDegree int
	// PageRank (damping 0.85) over the edges in both directions, weighted;
	// the ranks of all actors sum to 1.
	PageRank float64
}

type ranked struct {
	pos []byte
	uid uint64
	id  string
}

// analyticsKey is the derivedCache key of the analytics of a window.
type analyticsKey struct{ w Window }

// analyticsJob is one computation of the analytics, shared by every request
// for its store version and window; it runs to the end even when those
// requests give up, so that the next one finds the result.
type analyticsJob struct {
	done chan struct{}
	res  any
}

// Analytics returns the analytics of the graph inside w (all of it for the
// zero window). They are computed once per store version and window; a
// request waits for them at most until ctx ends, while the computation goes
// on for the next request.
func (s *Store) Analytics(ctx context.Context, w Window) (*Analytics, error) {
	a, err := background(ctx, s, analyticsKey{w}, w, (*weightedGraph).analyse)
	if err != nil {
		return nil, fmt.Errorf("graph.Analytics: %w", err)
	}
	return a, nil
}

// background runs compute over the graph inside w as a job shared by every
// request for the store version and key, and waits for it until ctx ends.
func background[T any](ctx context.Context, s *Store, key any, w Window, compute func(*weightedGraph) T) (T, error) {
	var job *analyticsJob
	err := s.view(ctx, func(txn *badger.Txn) error {
		var err error
		job, err = derive(ctx, &s.derived, txn, key, func() (*analyticsJob, error) {
			g, err := s.readGraph(ctx, txn, w)
			if err != nil {
				return nil, err
			}
			job := &analyticsJob{done: make(chan struct{})}
			go func() {
				defer close(job.done)
				job.res = compute(g)
			}()
			return job, nil
		})
		return err
	})
	var zero T
	if err != nil {
		return zero, err
	}
	select {
	case <-job.done:
		return job.res.(T), nil
	case <-ctx.Done():
		return zero, ctx.Err()
	}
}

// weightedGraph is the graph read from the store, ready for gonum.
type weightedGraph struct {
	ids    map[uint64]string         // entity id of each uid
	weight map[[2]uint64]int         // summed weight per pair, smaller uid first
	nbrs   map[uint64]map[uint64]int // adjacency, both ways
}

// readGraph reads every edge (its weight inside w) in one snapshot.
func (s *Store) readGraph(ctx context.Context, txn *badger.Txn, w Window) (*weightedGraph, error) {
	weigh, err := s.windowWeigher(ctx, txn, w)
	if err != nil {
		return nil, err
	}
	g := &weightedGraph{ids: map[uint64]string{}, weight: map[[2]uint64]int{}, nbrs: map[uint64]map[uint64]int{}}
	err = scan(ctx, txn, relRankPrefix(), nil, func(k []byte, _ *badger.Item) (bool, error) {
		rec, err := getRelation(txn, rankPosUID(k))
		if err != nil {
			return false, err
		}
		n, err := weigh(rec.UID, rec.Weight)
		if err != nil || n == 0 || rec.SubjectUID == rec.ObjectUID {
			return err == nil, err
		}
		g.ids[rec.SubjectUID], g.ids[rec.ObjectUID] = rec.Subject, rec.Object
		a, b := min(rec.SubjectUID, rec.ObjectUID), max(rec.SubjectUID, rec.ObjectUID)
		g.weight[[2]uint64{a, b}] += n
		for _, e := range [][2]uint64{{a, b}, {b, a}} {
			if g.nbrs[e[0]] == nil {
				g.nbrs[e[0]] = map[uint64]int{}
			}
			g.nbrs[e[0]][e[1]] += n
		}
		return true, nil
	})
	return g, err
}

// analyse runs gonum's PageRank, betweenness and Louvain over g.
func (g *weightedGraph) analyse() *Analytics {
	und := simple.NewWeightedUndirectedGraph(0, 0)
	dir := simple.NewWeightedDirectedGraph(0, 0)
	for pair, w := range g.weight {
		a, b := simple.Node(int64(pair[0])), simple.Node(int64(pair[1]))
		und.SetWeightedEdge(und.NewWeightedEdge(a, b, float64(w)))
		dir.SetWeightedEdge(dir.NewWeightedEdge(a, b, float64(w)))
		dir.SetWeightedEdge(dir.NewWeightedEdge(b, a, float64(w)))
	}
	var pr map[int64]float64
	var wg sync.WaitGroup
	if len(g.weight) > 0 { // gonum's PageRank panics on a graph without nodes
		wg.Go(func() { pr = network.PageRankSparse(dir, 0.85, 1e-8) })
	}
	// A fixed seed: the same graph gives the same communities every time.
	reduced := community.Modularize(und, 1, rand.NewPCG(1, 2))
	wg.Wait()

	a := &Analytics{Centrality: map[string]Centrality{}, Community: map[string]int{}}
	for uid, id := range g.ids {
		c := Centrality{Degree: len(g.nbrs[uid]), PageRank: pr[int64(uid)]}
		for _, w := range g.nbrs[uid] {
			c.WeightedDegree += w
		}
		a.Centrality[id] = c
		a.byPageRank = append(a.byPageRank, ranked{scorePos(c.PageRank, uid), uid, id})
		a.byDegree = append(a.byDegree, ranked{rankPos(c.Degree, uid), uid, id})
	}
	byPos := func(x, y ranked) int { return bytes.Compare(x.pos, y.pos) }
	slices.SortFunc(a.byPageRank, byPos)
	slices.SortFunc(a.byDegree, byPos)
	a.communities(g, reduced.Communities())
	return a
}

// communities numbers the communities largest first (ties: by their top
// member's PageRank) and lists members by PageRank.
func (a *Analytics) communities(g *weightedGraph, comms [][]gonum.Node) {
	for _, c := range comms {
		members := make([]string, 0, len(c))
		for _, n := range c {
			members = append(members, g.ids[uint64(n.ID())])
		}
		slices.SortFunc(members, func(x, y string) int {
			return cmp.Or(cmp.Compare(a.Centrality[y].PageRank, a.Centrality[x].PageRank), cmp.Compare(x, y))
		})
		a.Communities = append(a.Communities, members)
	}
	slices.SortFunc(a.Communities, func(x, y []string) int {
		return cmp.Or(cmp.Compare(len(y), len(x)), cmp.Compare(a.Centrality[y[0]].PageRank, a.Centrality[x[0]].PageRank), cmp.Compare(x[0], y[0]))
	})
	for i, members := range a.Communities {
		for _, id := range members {
			a.Community[id] = i
		}
	}
}

// scorePos is the sort position of a non-negative score, highest first,
// ties by uid: the score's bits inverted (non-negative floats order as
// their bits), then the uid.
func scorePos(score float64, uid uint64) []byte {
	return binary.BigEndian.AppendUint64(binary.BigEndian.AppendUint64(nil, ^math.Float64bits(max(score, 0))), uid)
}

// EntityOrder is the order of Entities; the values are the GraphQL enum's.
type EntityOrder string

// The orders.
const (
	ByMentions EntityOrder = "MENTIONS" // the default
	ByPageRank EntityOrder = "PAGERANK"
	ByDegree   EntityOrder = "DEGREE"
)

// entitiesByScore pages the actors with at least one edge by PageRank or
// degree (highest first, ties by age), of type f.Type when given.
func (s *Store) entitiesByScore(ctx context.Context, f EntityFilter, after []byte, n int) (*Page[*Entity], error) {
	a, err := s.Analytics(ctx, Window{})
	if err != nil {
		return nil, err
	}
	order := a.byPageRank
	if f.Order == ByDegree {
		order = a.byDegree
	}
	page := &Page[*Entity]{}
	err = s.view(ctx, func(txn *badger.Txn) error {
		for _, r := range order {
			rec, err := getEntity(txn, r.uid)
			if err != nil {
				return err
			}
			if !f.keeps(rec) {
				continue
			}
			page.TotalCount++
			if after != nil && bytes.Compare(r.pos, after) <= 0 {
				continue
			}
			if len(page.Edges) == n {
				page.HasNextPage = true
				continue
			}
			page.add(encodeCursor(cursorEntity, r.pos), rec.entity())
		}
		return nil
	})
	return page, err
}
