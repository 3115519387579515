package graph_test

import (
	"context"
	"fmt"

	"newsgraph"
	"newsgraph/graph"
)

func Example() {
	ctx := context.Background()
	st, err := graph.Open("", graph.DefaultOptions().WithInMemory(true).WithLogger(nil))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()

	text := "Vladimir Putin ordered Russia's army to withdraw."
	a := &newsgraph.Article{ID: "a1", Title: "Withdrawal", Text: text, PublishedAt: "2019-01-04"}
	// What an extractor would find; package extract builds this from text.
	ex := &newsgraph.Extraction{
		Entities: []newsgraph.Entity{
			{ID: "person:vladimir-putin", Name: "Vladimir Putin", Type: newsgraph.Person, Aliases: []string{"Putin"},
				Mentions: []newsgraph.Mention{{Start: 0, End: 14, Text: "Vladimir Putin"}}},
			{ID: "state:ru", Name: "Russia", Type: newsgraph.State,
				Mentions: []newsgraph.Mention{{Start: 23, End: 29, Text: "Russia"}}},
		},
		Relations: []newsgraph.Relation{{
			Subject: "person:vladimir-putin", Predicate: "ordered", Lemma: "order", Object: "state:ru",
			Evidence: newsgraph.Evidence{Sentence: text, Start: 0, End: len(text), Confidence: 0.8},
		}},
	}
	res, err := st.Ingest(ctx, a, ex)
	fmt.Println(res.NewEntities, res.NewRelations, err)
	res, _ = st.Ingest(ctx, a, ex)
	fmt.Println("again unchanged:", res.Unchanged)

	putin, _ := st.EntityByName(ctx, "PUTIN")
	rels, _ := st.RelationsOf(ctx, putin.ID, graph.Out, graph.RelationFilter{}, graph.PageArgs{First: 10})
	for _, e := range rels.Edges {
		r := e.Node
		fmt.Printf("%s -[%s]-> %s weight %d first seen %s\n", r.Subject, r.Predicate, r.Object, r.Weight, r.FirstSeen)
	}
	// Output:
	// 2 1 <nil>
	// again unchanged: true
	// person:vladimir-putin -[ordered]-> state:ru weight 1 first seen 2019-01-04
}
