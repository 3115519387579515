// Package newsgraph holds the domain types shared by the extractor and the
// knowledge graph (Article, Entity, Relation, Evidence), the readers that turn
// files into articles, and the embedded GraphQL schema and seed corpus.
//
// The layers depend on it, never on each other:
//
//	cmd/newsgraph  ->  graph, extract  ->  newsgraph
//
// A typical pipeline reads articles, extracts actors and relations, and stores
// them:
//
//	x, _ := extract.New()
//	st, _ := graph.Open(dir, graph.DefaultOptions())
//	defer st.Close()
//	_ = newsgraph.ReadPath("articles/", limits, func(a *newsgraph.Article, err error) error {
//		ex, _ := x.Extract(ctx, a)
//		_, err = st.Ingest(ctx, a, ex)
//		return err
//	})
package newsgraph
