// Package export writes part or all of the knowledge graph in formats that
// graph tools read: GraphML (Gephi, yEd, Cytoscape, NetworkX, igraph) and
// Cytoscape.js JSON (also read by most web graph libraries).
//
//	g, err := export.Collect(ctx, st, export.Options{IDs: []string{"state:ru"}, Depth: 1})
//	if err != nil { ... }
//	err = export.Write(os.Stdout, export.GraphML, g)
//
// Handler serves the same over HTTP (GET /export?format=graphml&id=state:ru).
package export
