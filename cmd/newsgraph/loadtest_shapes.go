package main

import (
	"context"
	"encoding/json"
	"math/rand/v2"

	"newsgraph"
	"newsgraph/graph"
)

// shape is one query the load test measures: its GraphQL text and how each
// request picks its variables.
type shape struct {
	name  string
	query string
	vars  func(r *rand.Rand) map[string]any
}

// samples are what the shapes draw their variables from, read from the
// store before the load starts.
type samples struct {
	names, ids    []string // every actor
	hubs          []string // the most mentioned states
	agencyCursors []string // an after cursor for each page of AGENCY actors
	predicate     string
}

func pick(r *rand.Rand, s []string) string { return s[r.IntN(len(s))] }

// shapes are the queries of issue #16's table, in its order.
func (s *samples) shapes() []shape {
	name := func(r *rand.Rand) map[string]any { return map[string]any{"n": pick(r, s.names)} }
	id := func(r *rand.Rand) map[string]any { return map[string]any{"id": pick(r, s.ids)} }
	hub := func(r *rand.Rand) map[string]any { return map[string]any{"id": pick(r, s.hubs)} }
	pred := func(*rand.Rand) map[string]any { return map[string]any{"p": s.predicate} }
	return []shape{
		{"entity(name:)", `query($n:String!){entity(name:$n){id name type mentionCount}}`, name},
		{"entity + relations(first:20) + 1 evidence each",
			`query($n:String!){entity(name:$n){id name relations(first:20){edges{node{predicate weight subject{id name} object{id name} evidence(first:1){sentence}}}}}}`, name},
		{"neighbors of a random actor", `query($id:ID!){neighbors(id:$id){weight entity{id name} relations{predicate}}}`, id},
		{"neighbors of a hub", `query($id:ID!){neighbors(id:$id){weight entity{id name} relations{predicate}}}`, hub},
		{"subgraph(depth:2, limit:200) with edge ends",
			`query($id:ID!){subgraph(ids:[$id],depth:2,limit:200){nodes{id name type} edges{id predicate weight subject{id} object{id}}}}`, id},
		{"path(maxHops:4), random pairs", `query($a:ID!,$b:ID!){path(from:$a,to:$b,maxHops:4){id predicate subject{id} object{id}}}`,
			func(r *rand.Rand) map[string]any { return map[string]any{"a": pick(r, s.ids), "b": pick(r, s.ids)} }},
		{"entities(type:AGENCY, first:100), paging deep",
			`query($a:String){entities(type:AGENCY,first:100,after:$a){edges{cursor node{id name mentionCount}} pageInfo{hasNextPage endCursor}}}`,
			func(r *rand.Rand) map[string]any { return map[string]any{"a": pick(r, s.agencyCursors)} }},
		{"relations(predicate:, first:50) with totalCount",
			`query($p:String!){relations(predicate:$p,first:50){totalCount edges{node{id predicate weight subject{id name} object{id name}}}}}`, pred},
		{"the same without totalCount",
			`query($p:String!){relations(predicate:$p,first:50){edges{node{id predicate weight subject{id name} object{id name}}}}}`, pred},
	}
}

// body is the JSON request of one call of the shape.
func (sh shape) body(r *rand.Rand) []byte {
	b, _ := json.Marshal(map[string]any{"query": sh.query, "variables": sh.vars(r)})
	return b
}

// readSamples reads the actors, hubs and AGENCY page cursors from st.
func readSamples(ctx context.Context, st *graph.Store, predicate string) (*samples, error) {
	s := &samples{predicate: predicate, agencyCursors: []string{""}}
	err := pages(ctx, st, graph.EntityFilter{}, func(e *graph.Entity, _ string) {
		s.names, s.ids = append(s.names, e.Name), append(s.ids, e.ID)
	})
	if err != nil {
		return nil, err
	}
	err = pages(ctx, st, graph.EntityFilter{Type: newsgraph.Agency}, func(_ *graph.Entity, end string) {
		if end != "" {
			s.agencyCursors = append(s.agencyCursors, end)
		}
	})
	if err != nil {
		return nil, err
	}
	states, err := st.Entities(ctx, graph.EntityFilter{Type: newsgraph.State}, graph.PageArgs{First: 3})
	if err != nil {
		return nil, err
	}
	for _, e := range states.Edges {
		s.hubs = append(s.hubs, e.Node.ID)
	}
	return s, nil
}

// pages calls fn for every actor f admits, with the end cursor of its page
// on the page's last actor ("" on the others).
func pages(ctx context.Context, st *graph.Store, f graph.EntityFilter, fn func(e *graph.Entity, end string)) error {
	p := graph.PageArgs{First: graph.MaxPageSize}
	for {
		pg, err := st.Entities(ctx, f, p)
		if err != nil {
			return err
		}
		for i, e := range pg.Edges {
			end := ""
			if i == len(pg.Edges)-1 && pg.HasNextPage {
				end = pg.EndCursor
			}
			fn(e.Node, end)
		}
		if !pg.HasNextPage {
			return nil
		}
		p.After = pg.EndCursor
	}
}
