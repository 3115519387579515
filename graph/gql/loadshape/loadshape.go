// Package loadshape holds the query shapes of issue #16's load test: each
// shape's GraphQL text and how a request draws its variables from inputs
// read from the store. `newsgraph loadtest` drives them over HTTP; the
// benchmarks of package gql run them in process on a generated store, so
// both measure the same queries.
//
//	in, err := loadshape.ReadInputs(ctx, st, "say")
//	for _, sh := range loadshape.Shapes {
//		vars := sh.Variables(r, in)
//		...
//	}
package loadshape

import (
	"context"
	"math/rand/v2"

	"newsgraph"
	"newsgraph/graph"
)

// Draw names the inputs a shape's variables come from.
type Draw int

const (
	// AnyName: $n, the name of any actor.
	AnyName Draw = iota
	// AnyID: $id, the id of any actor.
	AnyID
	// HubID: $id, one of the most mentioned states.
	HubID
	// IDPair: $a and $b, two actors' ids.
	IDPair
	// AgencyCursor: $a, the after cursor of one page of AGENCY actors.
	AgencyCursor
	// Predicate: $p, the predicate of the filtered relations shapes.
	Predicate
)

// Shape is one query the load test measures.
type Shape struct {
	Name  string
	Query string
	Draw  Draw
}

// Shapes are the queries of issue #16's table, in its order.
var Shapes = []Shape{
	{"entity(name:)", `query($n:String!){entity(name:$n){id name type mentionCount}}`, AnyName},
	{"entity + relations(first:20) + 1 evidence each",
		`query($n:String!){entity(name:$n){id name relations(first:20){edges{node{predicate weight subject{id name} object{id name} evidence(first:1){sentence}}}}}}`, AnyName},
	{"neighbors of a random actor", `query($id:ID!){neighbors(id:$id){weight entity{id name} relations{predicate}}}`, AnyID},
	{"neighbors of a hub", `query($id:ID!){neighbors(id:$id){weight entity{id name} relations{predicate}}}`, HubID},
	{"subgraph(depth:2, limit:200) with edge ends",
		`query($id:ID!){subgraph(ids:[$id],depth:2,limit:200){nodes{id name type} edges{id predicate weight subject{id} object{id}}}}`, AnyID},
	{"path(maxHops:4), random pairs", `query($a:ID!,$b:ID!){path(from:$a,to:$b,maxHops:4){id predicate subject{id} object{id}}}`, IDPair},
	{"entities(type:AGENCY, first:100), paging deep",
		`query($a:String){entities(type:AGENCY,first:100,after:$a){edges{cursor node{id name mentionCount}} pageInfo{hasNextPage endCursor}}}`, AgencyCursor},
	{"relations(predicate:, first:50) with totalCount",
		`query($p:String!){relations(predicate:$p,first:50){totalCount edges{node{id predicate weight subject{id name} object{id name}}}}}`, Predicate},
	{"the same without totalCount",
		`query($p:String!){relations(predicate:$p,first:50){edges{node{id predicate weight subject{id name} object{id name}}}}}`, Predicate},
}

// Inputs are what the shapes draw their variables from, read from the
// store before the load starts.
type Inputs struct {
	Names, IDs    []string // every actor
	Hubs          []string // the most mentioned states
	AgencyCursors []string // an after cursor for each page of AGENCY actors ("" first)
	Predicate     string
}

// Pick is a random element of s.
func Pick(r *rand.Rand, s []string) string { return s[r.IntN(len(s))] }

// Variables draws one request's variables of sh from in.
func (sh Shape) Variables(r *rand.Rand, in *Inputs) map[string]any {
	switch sh.Draw {
	case AnyName:
		return map[string]any{"n": Pick(r, in.Names)}
	case AnyID:
		return map[string]any{"id": Pick(r, in.IDs)}
	case HubID:
		return map[string]any{"id": Pick(r, in.Hubs)}
	case IDPair:
		return map[string]any{"a": Pick(r, in.IDs), "b": Pick(r, in.IDs)}
	case AgencyCursor:
		return map[string]any{"a": Pick(r, in.AgencyCursors)}
	default:
		return map[string]any{"p": in.Predicate}
	}
}

// ReadInputs reads the actors, the three most mentioned states and the
// AGENCY page cursors from st.
func ReadInputs(ctx context.Context, st *graph.Store, predicate string) (*Inputs, error) {
	in := &Inputs{Predicate: predicate, AgencyCursors: []string{""}}
	err := pages(ctx, st, graph.EntityFilter{}, func(e *graph.Entity, _ string) {
		in.Names, in.IDs = append(in.Names, e.Name), append(in.IDs, e.ID)
	})
	if err != nil {
		return nil, err
	}
	err = pages(ctx, st, graph.EntityFilter{Type: newsgraph.Agency}, func(_ *graph.Entity, end string) {
		if end != "" {
			in.AgencyCursors = append(in.AgencyCursors, end)
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
		in.Hubs = append(in.Hubs, e.Node.ID)
	}
	return in, nil
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
