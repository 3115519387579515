// Package export writes part or all of the knowledge graph in the formats
// graph tools and graph databases read, and dumps and imports a whole store.
//
//	f, err := export.Lookup("gexf")
//	g, err := export.Open(ctx, st, export.Options{IDs: []string{"Putin"}, Depth: 1})
//	err = f.Write(os.Stdout, g)
//
// Where things are: format.go is the table of formats (name, extension,
// content type, writer); each format has its own file (graphml.go, gexf.go,
// dot.go, cytoscape.go, graphology.go, d3.go, neo4j.go, nquads.go with the
// Dgraph schema, jsonl.go with Import); graph.go streams the nodes and edges
// a writer asks for, events.go the actors' events (as EVENT nodes with an
// edge from their actor), window.go filters edges by date, style.go holds the
// colours and sizes, xml.go and json.go write documents piece by piece, and
// http.go serves GET /export.
package export
