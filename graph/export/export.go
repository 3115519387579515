package export

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"newsgraph/graph"
)

// Format is an output format.
type Format string

// The formats Write knows.
const (
	GraphML       Format = "graphml"
	CytoscapeJSON Format = "cytoscape"
)

// ErrFormat is returned by ParseFormat for a format Write does not know.
var ErrFormat = errors.New("export: unknown format (want graphml or cytoscape)")

// ParseFormat reads a format name; "json" is taken as Cytoscape.js JSON.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "graphml", "xml":
		return GraphML, nil
	case "cytoscape", "json", "cyjs":
		return CytoscapeJSON, nil
	}
	return "", fmt.Errorf("%w: %q", ErrFormat, s)
}

// ContentType is the media type of f.
func (f Format) ContentType() string {
	if f == CytoscapeJSON {
		return "application/json"
	}
	return "application/graphml+xml"
}

// Graph is the part of the store to write: actors and the edges among them.
type Graph struct {
	Nodes []*graph.Entity
	Edges []*graph.Relation
}

// Options choose what Collect takes.
type Options struct {
	// IDs are the actors to start from; none means the whole graph.
	IDs []string
	// Depth is how many hops around IDs to take (graph.MaxDepth at most).
	Depth int
	// Limit caps the nodes: around IDs at most graph.MaxSubgraphNodes; for
	// the whole graph, the Limit most mentioned actors (0: all of them).
	Limit int
}

// Collect reads the nodes and edges that opts ask for. The most mentioned
// actors, up to graph.MaxSubgraphNodes, are read with the edges among them
// as one subgraph; the whole graph pages through every actor and every
// edge, so it is one consistent graph only when no ingest runs meanwhile.
func Collect(ctx context.Context, st *graph.Store, opts Options) (*Graph, error) {
	if len(opts.IDs) == 0 && opts.Limit > 0 && opts.Limit <= graph.MaxSubgraphNodes {
		page, err := st.Entities(ctx, graph.EntityFilter{}, graph.PageArgs{First: graph.MaxPageSize})
		for err == nil && len(opts.IDs) < opts.Limit {
			for _, e := range page.Edges {
				if len(opts.IDs) < opts.Limit {
					opts.IDs = append(opts.IDs, e.Node.ID)
				}
			}
			if !page.HasNextPage {
				break
			}
			page, err = st.Entities(ctx, graph.EntityFilter{}, graph.PageArgs{First: graph.MaxPageSize, After: page.EndCursor})
		}
		if err != nil {
			return nil, err
		}
		if len(opts.IDs) == 0 {
			return &Graph{}, nil
		}
		opts.Depth = 0
	}
	if len(opts.IDs) > 0 {
		sg, err := st.Subgraph(ctx, opts.IDs, opts.Depth, opts.Limit)
		if err != nil {
			return nil, err
		}
		return &Graph{Nodes: sg.Nodes, Edges: sg.Edges}, nil
	}
	g := &Graph{}
	in := map[string]bool{}
	p := graph.PageArgs{First: graph.MaxPageSize}
	for opts.Limit <= 0 || len(g.Nodes) < opts.Limit {
		page, err := st.Entities(ctx, graph.EntityFilter{}, p)
		if err != nil {
			return nil, err
		}
		for _, e := range page.Edges {
			if opts.Limit > 0 && len(g.Nodes) >= opts.Limit {
				break
			}
			if !in[e.Node.ID] {
				in[e.Node.ID] = true
				g.Nodes = append(g.Nodes, e.Node)
			}
		}
		if !page.HasNextPage {
			break
		}
		p.After = page.EndCursor
	}
	p = graph.PageArgs{First: graph.MaxPageSize}
	seen := map[string]bool{}
	for {
		page, err := st.Relations(ctx, graph.RelationFilter{}, p)
		if err != nil {
			return nil, err
		}
		for _, e := range page.Edges {
			r := e.Node
			if in[r.Subject] && in[r.Object] && !seen[r.ID] {
				seen[r.ID] = true
				g.Edges = append(g.Edges, r)
			}
		}
		if !page.HasNextPage {
			return g, nil
		}
		p.After = page.EndCursor
	}
}

// Write writes g in format f.
func Write(w io.Writer, f Format, g *Graph) error {
	switch f {
	case GraphML:
		return writeGraphML(w, g)
	case CytoscapeJSON:
		return writeCytoscape(w, g)
	}
	return fmt.Errorf("%w: %q", ErrFormat, f)
}

// GraphML: http://graphml.graphdrawing.org/specification.html

type gmlKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type gmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type gmlNode struct {
	ID   string    `xml:"id,attr"`
	Data []gmlData `xml:"data"`
}

type gmlEdge struct {
	ID     string    `xml:"id,attr"`
	Source string    `xml:"source,attr"`
	Target string    `xml:"target,attr"`
	Data   []gmlData `xml:"data"`
}

type gmlGraph struct {
	ID          string    `xml:"id,attr"`
	EdgeDefault string    `xml:"edgedefault,attr"`
	Nodes       []gmlNode `xml:"node"`
	Edges       []gmlEdge `xml:"edge"`
}

type gmlDoc struct {
	XMLName xml.Name `xml:"graphml"`
	XMLNS   string   `xml:"xmlns,attr"`
	Keys    []gmlKey `xml:"key"`
	Graph   gmlGraph `xml:"graph"`
}

var gmlKeys = []gmlKey{
	{"label", "node", "label", "string"},
	{"type", "node", "type", "string"},
	{"aliases", "node", "aliases", "string"},
	{"mentions", "node", "mentions", "int"},
	{"articles", "node", "articles", "int"},
	{"predicate", "edge", "predicate", "string"},
	{"lemma", "edge", "lemma", "string"},
	{"kind", "edge", "kind", "string"},
	{"weight", "edge", "weight", "int"},
	{"edge_articles", "edge", "articles", "int"},
	{"confidence", "edge", "confidence", "double"},
	{"first_seen", "edge", "first_seen", "string"},
	{"last_seen", "edge", "last_seen", "string"},
}

func writeGraphML(w io.Writer, g *Graph) error {
	doc := gmlDoc{XMLNS: "http://graphml.graphdrawing.org/xmlns", Keys: gmlKeys,
		Graph: gmlGraph{ID: "newsgraph", EdgeDefault: "directed"}}
	for _, n := range g.Nodes {
		doc.Graph.Nodes = append(doc.Graph.Nodes, gmlNode{ID: n.ID, Data: []gmlData{
			{"label", n.Name}, {"type", string(n.Type)}, {"aliases", strings.Join(n.Aliases, "; ")},
			{"mentions", strconv.Itoa(n.MentionCount)}, {"articles", strconv.Itoa(n.ArticleCount)},
		}})
	}
	for _, e := range g.Edges {
		doc.Graph.Edges = append(doc.Graph.Edges, gmlEdge{ID: e.ID, Source: e.Subject, Target: e.Object, Data: []gmlData{
			{"predicate", e.Predicate}, {"lemma", e.Lemma}, {"kind", string(e.Kind)}, {"weight", strconv.Itoa(e.Weight)},
			{"edge_articles", strconv.Itoa(e.ArticleCount)},
			{"confidence", strconv.FormatFloat(e.Confidence, 'f', 3, 64)},
			{"first_seen", e.FirstSeen}, {"last_seen", e.LastSeen},
		}})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// Cytoscape.js elements JSON: https://js.cytoscape.org/#notation/elements-json

type cyNode struct {
	Data struct {
		ID       string   `json:"id"`
		Label    string   `json:"label"`
		Type     string   `json:"type"`
		Aliases  []string `json:"aliases"`
		Mentions int      `json:"mentions"`
		Articles int      `json:"articles"`
	} `json:"data"`
}

type cyEdge struct {
	Data struct {
		ID         string  `json:"id"`
		Source     string  `json:"source"`
		Target     string  `json:"target"`
		Label      string  `json:"label"`
		Lemma      string  `json:"lemma"`
		Kind       string  `json:"kind,omitempty"`
		Weight     int     `json:"weight"`
		Articles   int     `json:"articles"`
		Confidence float64 `json:"confidence"`
		FirstSeen  string  `json:"first_seen,omitempty"`
		LastSeen   string  `json:"last_seen,omitempty"`
	} `json:"data"`
}

func writeCytoscape(w io.Writer, g *Graph) error {
	var out struct {
		Elements struct {
			Nodes []cyNode `json:"nodes"`
			Edges []cyEdge `json:"edges"`
		} `json:"elements"`
	}
	out.Elements.Nodes, out.Elements.Edges = []cyNode{}, []cyEdge{}
	for _, n := range g.Nodes {
		var c cyNode
		c.Data.ID, c.Data.Label, c.Data.Type = n.ID, n.Name, string(n.Type)
		c.Data.Aliases, c.Data.Mentions, c.Data.Articles = n.Aliases, n.MentionCount, n.ArticleCount
		if c.Data.Aliases == nil {
			c.Data.Aliases = []string{}
		}
		out.Elements.Nodes = append(out.Elements.Nodes, c)
	}
	for _, e := range g.Edges {
		var c cyEdge
		c.Data.ID, c.Data.Source, c.Data.Target = e.ID, e.Subject, e.Object
		c.Data.Label, c.Data.Lemma, c.Data.Kind = e.Predicate, e.Lemma, string(e.Kind)
		c.Data.Weight, c.Data.Articles = e.Weight, e.ArticleCount
		c.Data.Confidence, c.Data.FirstSeen, c.Data.LastSeen = e.Confidence, e.FirstSeen, e.LastSeen
		out.Elements.Edges = append(out.Elements.Edges, c)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
