package export_test

import (
	"fmt"

	"newsgraph/graph/export"
)

// The formats, one row each: what --format and ?format= take, the file
// extension and the content type /export answers with.
func ExampleFormats() {
	for _, f := range export.Formats() {
		fmt.Printf("%-10s .%-7s %s\n", f.Name, f.Ext, f.ContentType)
	}
	// Output:
	// graphml    .graphml application/graphml+xml
	// gexf       .gexf    application/gexf+xml
	// dot        .dot     text/vnd.graphviz
	// cytoscape  .cyjs    application/json
	// graphology .json    application/json
	// d3         .json    application/json
	// neo4j      .zip     application/zip
	// nquads     .rdf     application/n-quads
	// jsonl      .jsonl   application/x-ndjson
}
