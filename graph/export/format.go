package export

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// Format is one output format: a row of the table below and one writer.
type Format struct {
	// Name is what --format and ?format= take.
	Name string
	// Ext is the file extension, without the dot.
	Ext string
	// ContentType is the media type /export answers with.
	ContentType string
	// For names the tools that read it.
	For string
	// Whole is set for formats that always hold the whole store (a dump),
	// so ids, a limit or a time window make no sense for them.
	Whole bool
	write func(w io.Writer, g *Graph) error
}

// formats is the table of formats, the first one the default.
var formats = []Format{
	{Name: "graphml", Ext: "graphml", ContentType: "application/graphml+xml", For: "Gephi, yEd, Cytoscape, NetworkX, igraph", write: writeGraphML},
	{Name: "gexf", Ext: "gexf", ContentType: "application/gexf+xml", For: "Gephi (types, sizes, colours, timeline), NetworkX", write: writeGEXF},
	{Name: "dot", Ext: "dot", ContentType: "text/vnd.graphviz", For: "Graphviz (dot, neato, sfdp)", write: writeDOT},
	{Name: "cytoscape", Ext: "cyjs", ContentType: "application/json", For: "Cytoscape.js and Cytoscape (elements and a style)", write: writeCytoscape},
	{Name: "graphology", Ext: "json", ContentType: "application/json", For: "graphology and sigma.js", write: writeGraphology},
	{Name: "d3", Ext: "json", ContentType: "application/json", For: "D3 force layouts ({nodes, links})", write: writeD3},
	{Name: "neo4j", Ext: "zip", ContentType: "application/zip", For: "neo4j-admin database import (CSV files in a zip)", write: writeNeo4jZip},
	{Name: "nquads", Ext: "rdf", ContentType: "application/n-quads", For: "Dgraph live and bulk loaders (RDF N-Quads with facets)", write: writeNQuads},
	{Name: "jsonl", Ext: "jsonl", ContentType: "application/x-ndjson", For: "newsgraph import: a lossless dump of the store", Whole: true, write: writeJSONL},
}

// aliases are older names that still work.
var aliases = map[string]string{"": "graphml", "xml": "graphml", "json": "cytoscape", "cyjs": "cytoscape", "dgraph": "nquads", "ndjson": "jsonl"}

// ErrFormat is returned by Lookup for a format that is not in the table.
var ErrFormat = errors.New("export: unknown format")

// Formats lists the formats, the default first.
func Formats() []Format { return append([]Format(nil), formats...) }

// Names lists the format names, for flag help and error messages.
func Names() string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.Name
	}
	return strings.Join(names, ", ")
}

// Lookup finds a format by name, in any case.
func Lookup(name string) (Format, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	if a, ok := aliases[n]; ok {
		n = a
	}
	for _, f := range formats {
		if f.Name == n {
			return f, nil
		}
	}
	return Format{}, fmt.Errorf("%w %q (want one of %s)", ErrFormat, name, Names())
}

// Write streams g in format f to w.
func (f Format) Write(w io.Writer, g *Graph) error { return f.write(w, g) }
