package export

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/piprate/json-gold/ld"
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/encoding"
	"gonum.org/v1/gonum/graph/encoding/dot"
	"gonum.org/v1/gonum/graph/multi"
)

// parsed is what a format's real parser read back: actor node ids, edges
// between them as "source target", the attributes of each node and edge by
// key, the truncation the file announces, and apart the event nodes (type
// EVENT) and the edges from their actors.
type parsed struct {
	nodes     map[string]map[string]string
	edges     []string
	edgeAttrs []map[string]string
	truncated bool

	events         map[string]map[string]string
	eventEdges     []string
	eventEdgeAttrs []map[string]string
}

// splitEvents moves the event nodes, and the edges to them, out of the
// actors' graph into events and eventEdges.
func splitEvents(p parsed) parsed {
	p.events = map[string]map[string]string{}
	for id, a := range p.nodes {
		if a["type"] == EventType {
			p.events[id] = a
			delete(p.nodes, id)
		}
	}
	var edges []string
	var attrs []map[string]string
	for i, e := range p.edges {
		_, to, _ := strings.Cut(e, " ")
		if p.events[to] != nil {
			p.eventEdges, p.eventEdgeAttrs = append(p.eventEdges, e), append(p.eventEdgeAttrs, p.edgeAttrs[i])
			continue
		}
		edges, attrs = append(edges, e), append(attrs, p.edgeAttrs[i])
	}
	p.edges, p.edgeAttrs = edges, attrs
	return p
}

// readers parse each format with a real parser of that format.
var readers = map[string]func(t *testing.T, b []byte) parsed{
	"graphml":    split(readGraphML),
	"gexf":       split(readGEXF),
	"dot":        split(readDOT),
	"cytoscape":  split(readCytoscape),
	"graphology": split(readGraphology),
	"d3":         split(readD3),
	"neo4j":      split(readNeo4jZip),
	"nquads":     split(readNQuads),
}

func split(read func(t *testing.T, b []byte) parsed) func(t *testing.T, b []byte) parsed {
	return func(t *testing.T, b []byte) parsed { return splitEvents(read(t, b)) }
}

// noSector are the formats without an agency's sector: dot's attributes
// are for drawing.
var noSector = map[string]bool{"dot": true}

// TestFormatsReadBack writes the whole graph in every format, reads it back
// with the format's parser and wants the store's counts, every edge between
// two nodes of the file, names and predicates intact.
func TestFormatsReadBack(t *testing.T) {
	st := fixtureStore(t, 60)
	want := stats(t, st)
	for _, f := range formats {
		if f.Whole {
			continue
		}
		t.Run(f.Name, func(t *testing.T) {
			read := readers[f.Name]
			if read == nil {
				t.Fatalf("no reader for %s", f.Name)
			}
			p := read(t, export(t, st, f.Name, Options{}))
			if len(p.nodes) != want.Entities || len(p.edges) != want.Relations {
				t.Fatalf("%s read back %d nodes, %d edges; the store has %d, %d", f.Name, len(p.nodes), len(p.edges), want.Entities, want.Relations)
			}
			for _, e := range p.edges {
				ends := strings.Split(e, " ")
				if p.nodes[ends[0]] == nil || p.nodes[ends[1]] == nil {
					t.Errorf("%s: edge %q has an end that is not a node", f.Name, e)
				}
			}
			if got := p.nodes["agency:odd"]["name"]; got != `Bureau "Q" & <Sons> \ Co` {
				t.Errorf("%s: name of agency:odd = %q; want it as stored", f.Name, got)
			}
			if got := p.nodes["agency:reuters"]["sector"]; noSector[f.Name] == (got == "MEDIA") {
				t.Errorf("%s: sector of agency:reuters = %q; want MEDIA (none in dot)", f.Name, got)
			}
			if got := p.nodes["person:vladimir-putin"]["sector"]; got != "" {
				t.Errorf("%s: sector of person:vladimir-putin = %q; want none", f.Name, got)
			}
			if got := p.nodes["person:vladimir-putin"]["type"]; got != "PERSON" {
				t.Errorf("%s: type of person:vladimir-putin = %q; want PERSON", f.Name, got)
			}
			predicates := map[string]int{}
			for _, a := range p.edgeAttrs {
				predicates[a["predicate"]]++
			}
			if predicates["said"] != 1 || predicates["met 1"] == 0 {
				t.Errorf("%s: predicates read back %v; want said once and met 1", f.Name, predicates)
			}
			if p.truncated {
				t.Errorf("%s: the whole graph says it is truncated", f.Name)
			}
			checkEvents(t, f.Name, p, want.Events)
		})
	}
}

// checkEvents wants n event nodes, each with its object text and one edge
// from an actor of the file labelled with the event's predicate.
func checkEvents(t *testing.T, format string, p parsed, n int) {
	t.Helper()
	if len(p.events) != n || len(p.eventEdges) != n {
		t.Fatalf("%s: %d event nodes, %d edges to them; want %d of each", format, len(p.events), len(p.eventEdges), n)
	}
	for id, a := range p.events {
		if a["object_text"] != "spoke" || a["name"] != "spoke" {
			t.Fatalf("%s: event %s read back as %v; want object text and label spoke", format, id, a)
		}
	}
	linked := map[string]bool{}
	for i, e := range p.eventEdges {
		from, to, _ := strings.Cut(e, " ")
		if p.nodes[from] == nil || p.eventEdgeAttrs[i]["predicate"] != "spoke" {
			t.Fatalf("%s: event edge %q %v; want one from an actor of the file, predicate spoke", format, e, p.eventEdgeAttrs[i])
		}
		linked[to] = true
	}
	if len(linked) != n {
		t.Errorf("%s: %d events have an edge from their actor; want %d", format, len(linked), n)
	}
}

// TestFormatsTruncated: a limit below the store's actors is announced in
// every format's own metadata, and the file keeps only edges among its nodes.
func TestFormatsTruncated(t *testing.T) {
	st := fixtureStore(t, 20)
	for _, f := range formats {
		if f.Whole {
			continue
		}
		p := readers[f.Name](t, export(t, st, f.Name, Options{Limit: 5}))
		if !p.truncated || len(p.nodes) != 5 {
			t.Errorf("%s with limit 5: %d nodes, truncated %v; want 5 nodes, truncated", f.Name, len(p.nodes), p.truncated)
		}
		if len(p.events) == 0 || len(p.eventEdges) != len(p.events) {
			t.Errorf("%s with limit 5: %d events, %d edges to them; want the five actors' events, each with its edge", f.Name, len(p.events), len(p.eventEdges))
		}
		for _, e := range p.eventEdges {
			if from, _, _ := strings.Cut(e, " "); p.nodes[from] == nil {
				t.Errorf("%s: event edge %q leaves the five nodes", f.Name, e)
			}
		}
		for _, e := range p.edges {
			ends := strings.Split(e, " ")
			if p.nodes[ends[0]] == nil || p.nodes[ends[1]] == nil {
				t.Errorf("%s: edge %q leaves the five nodes", f.Name, e)
			}
		}
	}
}

func attrs(pairs ...string) map[string]string {
	m := map[string]string{}
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = pairs[i+1]
	}
	return m
}

// readGraphML decodes GraphML with encoding/xml into the spec's structure.
func readGraphML(t *testing.T, b []byte) parsed {
	t.Helper()
	var doc struct {
		XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
		Keys    []gmlKey `xml:"key"`
		Graph   struct {
			EdgeDefault string    `xml:"edgedefault,attr"`
			Data        []gmlData `xml:"data"`
			Nodes       []gmlNode `xml:"node"`
			Edges       []gmlEdge `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("GraphML does not parse: %v", err)
	}
	keys := map[string]gmlKey{}
	for _, k := range doc.Keys {
		keys[k.ID] = k
	}
	data := func(for_ string, ds []gmlData) map[string]string {
		m := map[string]string{}
		for _, d := range ds {
			k, ok := keys[d.Key]
			if !ok || k.For != for_ {
				t.Fatalf("GraphML data key %q is not declared for %s", d.Key, for_)
			}
			m[k.Name] = d.Value
		}
		return m
	}
	p := parsed{nodes: map[string]map[string]string{}}
	p.truncated = data("graph", doc.Graph.Data)["truncated"] == "true"
	for _, n := range doc.Graph.Nodes {
		a := data("node", n.Data)
		a["name"] = a["label"]
		p.nodes[n.ID] = a
	}
	for _, e := range doc.Graph.Edges {
		p.edges = append(p.edges, e.Source+" "+e.Target)
		p.edgeAttrs = append(p.edgeAttrs, data("edge", e.Data))
	}
	return p
}

// readGEXF decodes GEXF 1.3 with encoding/xml, namespaces included, and
// checks the viz values and spells Gephi reads.
func readGEXF(t *testing.T, b []byte) parsed {
	t.Helper()
	type value struct {
		For   string `xml:"for,attr"`
		Value string `xml:"value,attr"`
	}
	var doc struct {
		XMLName xml.Name `xml:"http://gexf.net/1.3 gexf"`
		Version string   `xml:"version,attr"`
		Meta    struct {
			Description string `xml:"description"`
		} `xml:"meta"`
		Graph struct {
			Mode       string `xml:"mode,attr"`
			TimeFormat string `xml:"timeformat,attr"`
			Attributes []struct {
				Class string `xml:"class,attr"`
				Attrs []struct {
					ID    string `xml:"id,attr"`
					Title string `xml:"title,attr"`
				} `xml:"attribute"`
			} `xml:"attributes"`
			Nodes []struct {
				ID     string  `xml:"id,attr"`
				Label  string  `xml:"label,attr"`
				Values []value `xml:"attvalues>attvalue"`
				Colour struct {
					R string `xml:"r,attr"`
					G string `xml:"g,attr"`
					B string `xml:"b,attr"`
				} `xml:"http://gexf.net/1.3/viz color"`
				Size struct {
					Value float64 `xml:"value,attr"`
				} `xml:"http://gexf.net/1.3/viz size"`
			} `xml:"nodes>node"`
			Edges []struct {
				Source string  `xml:"source,attr"`
				Target string  `xml:"target,attr"`
				Weight float64 `xml:"weight,attr"`
				Values []value `xml:"attvalues>attvalue"`
				Spells []struct {
					Start string `xml:"start,attr"`
					End   string `xml:"end,attr"`
				} `xml:"spells>spell"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("GEXF does not parse: %v", err)
	}
	if doc.Version != "1.3" || doc.Graph.Mode != "dynamic" || doc.Graph.TimeFormat != "date" {
		t.Errorf("GEXF version %q mode %q timeformat %q; want 1.3, dynamic, date", doc.Version, doc.Graph.Mode, doc.Graph.TimeFormat)
	}
	declared := map[string]bool{}
	for _, a := range doc.Graph.Attributes {
		for _, at := range a.Attrs {
			declared[a.Class+"/"+at.ID] = true
		}
	}
	values := func(class string, vs []value) map[string]string {
		m := map[string]string{}
		for _, v := range vs {
			if !declared[class+"/"+v.For] {
				t.Fatalf("GEXF attvalue for %q is not a declared %s attribute", v.For, class)
			}
			m[v.For] = v.Value
		}
		return m
	}
	p := parsed{nodes: map[string]map[string]string{}, truncated: strings.Contains(doc.Meta.Description, "truncated")}
	for _, n := range doc.Graph.Nodes {
		if n.Colour.R == "" || n.Size.Value < 10 {
			t.Fatalf("GEXF node %s has colour %+v, size %v; want viz colour and size", n.ID, n.Colour, n.Size.Value)
		}
		a := values("node", n.Values)
		a["name"] = n.Label
		p.nodes[n.ID] = a
	}
	spells := 0
	for _, e := range doc.Graph.Edges {
		if e.Weight < 1 {
			t.Fatalf("GEXF edge %s->%s has weight %v", e.Source, e.Target, e.Weight)
		}
		for _, s := range e.Spells {
			if s.Start == "" || s.End < s.Start {
				t.Fatalf("GEXF spell %+v runs backwards", s)
			}
			spells++
		}
		a := values("edge", e.Values)
		a["predicate"] = a["relation"]
		p.edges = append(p.edges, e.Source+" "+e.Target)
		p.edgeAttrs = append(p.edgeAttrs, a)
	}
	if len(doc.Graph.Edges) > 5 && spells == 0 {
		t.Errorf("GEXF: no edge has a spell for Gephi's timeline")
	}
	return p
}

// dotNode, dotEdge and dotGraph take what gonum's DOT decoder reads.
type dotNode struct {
	id    int64
	name  string
	attrs map[string]string
}

func (n *dotNode) ID() int64          { return n.id }
func (n *dotNode) SetDOTID(id string) { n.name = id }
func (n *dotNode) SetAttribute(a encoding.Attribute) error {
	n.attrs[a.Key] = a.Value
	return nil
}

type dotLine struct {
	multi.Line
	attrs map[string]string
}

func (l *dotLine) SetAttribute(a encoding.Attribute) error {
	l.attrs[a.Key] = a.Value
	return nil
}

type dotGraph struct {
	*multi.DirectedGraph
	lines []*dotLine
	attrs map[string]string
}

func (g *dotGraph) NewNode() graph.Node {
	return &dotNode{id: g.DirectedGraph.NewNode().ID(), attrs: map[string]string{}}
}

func (g *dotGraph) NewLine(from, to graph.Node) graph.Line {
	l := &dotLine{Line: g.DirectedGraph.NewLine(from, to).(multi.Line), attrs: map[string]string{}}
	g.lines = append(g.lines, l)
	return l
}

func (g *dotGraph) DOTAttributeSetters() (graph, node, edge encoding.AttributeSetter) {
	return attrSetter(g.attrs), attrSetter(map[string]string{}), attrSetter(map[string]string{})
}

type attrSetter map[string]string

func (s attrSetter) SetAttribute(a encoding.Attribute) error {
	s[a.Key] = a.Value
	return nil
}

// readDOT decodes DOT with gonum's decoder into a directed multigraph.
func readDOT(t *testing.T, b []byte) parsed {
	t.Helper()
	g := &dotGraph{DirectedGraph: multi.NewDirectedGraph(), attrs: map[string]string{}}
	if err := dot.UnmarshalMulti(b, g); err != nil {
		t.Fatalf("DOT does not parse: %v", err)
	}
	p := parsed{nodes: map[string]map[string]string{}, truncated: g.attrs["truncated"] == "true"}
	names := map[int64]string{}
	nodes := g.Nodes()
	for nodes.Next() {
		n := nodes.Node().(*dotNode)
		names[n.id] = n.name
		a := readDOTAttrs(n.attrs)
		a["name"] = a["label"]
		p.nodes[n.name] = a
	}
	for _, l := range g.lines {
		a := readDOTAttrs(l.attrs)
		a["predicate"] = a["label"]
		p.edges = append(p.edges, names[l.From().ID()]+" "+names[l.To().ID()])
		p.edgeAttrs = append(p.edgeAttrs, a)
	}
	return p
}

// readDOTAttrs undoes DOT's quoting where gonum's decoder left it: it
// unquotes a value with Go's strconv.Unquote, whose escapes match the ones
// our writer uses (\\, \", \n), but keeps quoted HTML-like values
// ("<...>") as they are.
func readDOTAttrs(raw map[string]string) map[string]string {
	a := map[string]string{}
	for k, v := range raw {
		if len(v) >= 2 && v[0] == '"' && v[len(v)-1] == '"' {
			v = strings.NewReplacer(`\\`, `\`, `\"`, `"`, `\n`, "\n").Replace(v[1 : len(v)-1])
		}
		a[k] = v
	}
	return a
}

// jsonGraph decodes b into v, the shape the format's library reads.
func jsonGraph(t *testing.T, name string, b []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s JSON does not parse: %v", name, err)
	}
}

func readCytoscape(t *testing.T, b []byte) parsed {
	t.Helper()
	var doc struct {
		Data struct {
			Truncated bool `json:"truncated"`
		} `json:"data"`
		Style []struct {
			Selector string         `json:"selector"`
			Style    map[string]any `json:"style"`
		} `json:"style"`
		Elements struct {
			Nodes []struct{ Data map[string]any }
			Edges []struct{ Data map[string]any }
		} `json:"elements"`
	}
	jsonGraph(t, "cytoscape", b, &doc)
	style := map[string]map[string]any{}
	for _, s := range doc.Style {
		style[s.Selector] = s.Style
	}
	if style["node"]["label"] != "data(label)" || style[`edge[kind = "STATEMENT"]`]["line-style"] != "dashed" || style[`node[type = "STATE"]`]["background-color"] == nil ||
		style[`node[type = "EVENT"]`]["shape"] == nil {
		t.Errorf("cytoscape style lacks node labels, colour by type, dashed statements or a shape for events: %v", style)
	}
	p := parsed{nodes: map[string]map[string]string{}, truncated: doc.Data.Truncated}
	for _, n := range doc.Elements.Nodes {
		sector, _ := n.Data["sector"].(string)
		text, _ := n.Data["object_text"].(string)
		p.nodes[fmt.Sprint(n.Data["id"])] = attrs("name", fmt.Sprint(n.Data["label"]), "type", fmt.Sprint(n.Data["type"]), "sector", sector, "object_text", text)
	}
	for _, e := range doc.Elements.Edges {
		p.edges = append(p.edges, fmt.Sprint(e.Data["source"])+" "+fmt.Sprint(e.Data["target"]))
		p.edgeAttrs = append(p.edgeAttrs, attrs("predicate", fmt.Sprint(e.Data["label"])))
	}
	return p
}

func readGraphology(t *testing.T, b []byte) parsed {
	t.Helper()
	var doc struct {
		Attributes struct {
			Truncated bool `json:"truncated"`
		} `json:"attributes"`
		Options struct {
			Type  string `json:"type"`
			Multi bool   `json:"multi"`
		} `json:"options"`
		Nodes []struct {
			Key        string
			Attributes struct {
				Label, EntityType, Color, Sector, ObjectText string
				X, Y, Size                                   *float64
			}
		}
		Edges []struct {
			Key, Source, Target string
			Attributes          struct{ Label string }
		}
	}
	jsonGraph(t, "graphology", b, &doc)
	if doc.Options.Type != "directed" || !doc.Options.Multi {
		t.Errorf("graphology options %+v; want a directed multigraph", doc.Options)
	}
	p := parsed{nodes: map[string]map[string]string{}, truncated: doc.Attributes.Truncated}
	for _, n := range doc.Nodes {
		a := n.Attributes
		if a.X == nil || a.Y == nil || a.Size == nil || a.Color == "" {
			t.Fatalf("graphology node %s lacks x, y, size or color, which sigma.js needs", n.Key)
		}
		p.nodes[n.Key] = attrs("name", a.Label, "type", a.EntityType, "sector", a.Sector, "object_text", a.ObjectText)
	}
	for _, e := range doc.Edges {
		p.edges = append(p.edges, e.Source+" "+e.Target)
		p.edgeAttrs = append(p.edgeAttrs, attrs("predicate", e.Attributes.Label))
	}
	return p
}

func readD3(t *testing.T, b []byte) parsed {
	t.Helper()
	var doc struct {
		Graph struct {
			Truncated bool `json:"truncated"`
		} `json:"graph"`
		Nodes []struct {
			ID, Name, Type, Sector string
			ObjectText             string `json:"object_text"`
		}
		Links []struct {
			Source, Target, Predicate string
			Value                     int
		}
	}
	jsonGraph(t, "d3", b, &doc)
	p := parsed{nodes: map[string]map[string]string{}, truncated: doc.Graph.Truncated}
	for _, n := range doc.Nodes {
		p.nodes[n.ID] = attrs("name", n.Name, "type", n.Type, "sector", n.Sector, "object_text", n.ObjectText)
	}
	for _, l := range doc.Links {
		if l.Value < 1 {
			t.Fatalf("d3 link %s->%s has value %d", l.Source, l.Target, l.Value)
		}
		p.edges = append(p.edges, l.Source+" "+l.Target)
		p.edgeAttrs = append(p.edgeAttrs, attrs("predicate", l.Predicate))
	}
	return p
}

// neo4jTypes are the property types neo4j-admin database import takes in a
// header (each also as an array, "type[]").
var neo4jTypes = map[string]bool{"int": true, "long": true, "float": true, "double": true, "boolean": true, "byte": true,
	"short": true, "char": true, "string": true, "point": true, "date": true, "localtime": true, "time": true,
	"localdatetime": true, "datetime": true, "duration": true}

// neo4jHeader checks a header against neo4j-admin's rules: "name:type" or a
// role (:ID, :LABEL, :START_ID, :END_ID, :TYPE, optionally named), each
// property name once, and returns the column of each role and property.
func neo4jHeader(t *testing.T, file string, header []string, roles ...string) map[string]int {
	t.Helper()
	cols := map[string]int{}
	for i, h := range header {
		name, typ, _ := strings.Cut(h, ":")
		switch strings.TrimSuffix(typ, "[]") {
		case "ID", "LABEL", "START_ID", "END_ID", "TYPE":
			if _, dup := cols[":"+typ]; dup {
				t.Fatalf("%s: %s twice in header %v", file, typ, header)
			}
			cols[":"+typ] = i
		default:
			if typ != "" && !neo4jTypes[strings.TrimSuffix(typ, "[]")] {
				t.Fatalf("%s: column %q has a type neo4j-admin does not know", file, h)
			}
		}
		if name != "" {
			if _, dup := cols[name]; dup {
				t.Fatalf("%s: property %q twice", file, name)
			}
			cols[name] = i
		}
	}
	for _, r := range roles {
		if _, ok := cols[r]; !ok {
			t.Fatalf("%s: header %v lacks %s", file, header, r)
		}
	}
	return cols
}

// readNeo4jCSV reads the files with encoding/csv under neo4j-admin's
// header rules, checking each typed value parses as its type: the actors
// and their relationships, then the events and the relationships to them.
func readNeo4jCSV(t *testing.T, nodes, rels, events, eventRels io.Reader) parsed {
	t.Helper()
	read := func(file string, r io.Reader, roles ...string) ([][]string, map[string]int, []string) {
		rows, err := csv.NewReader(r).ReadAll()
		if err != nil || len(rows) == 0 {
			t.Fatalf("%s does not parse as CSV: %v", file, err)
		}
		for _, row := range rows[1:] {
			for i, h := range rows[0] {
				_, typ, _ := strings.Cut(h, ":")
				if typ == "int" && row[i] != "" {
					if _, err := strconv.ParseInt(row[i], 10, 64); err != nil {
						t.Fatalf("%s: %s value %q is not an int", file, h, row[i])
					}
				}
				if typ == "double" && row[i] != "" {
					if _, err := strconv.ParseFloat(row[i], 64); err != nil {
						t.Fatalf("%s: %s value %q is not a double", file, h, row[i])
					}
				}
			}
		}
		return rows[1:], neo4jHeader(t, file, rows[0], roles...), rows[0]
	}
	nrows, ncols, _ := read("nodes.csv", nodes, ":ID", ":LABEL")
	rrows, rcols, _ := read("relationships.csv", rels, ":START_ID", ":END_ID", ":TYPE")
	p := parsed{nodes: map[string]map[string]string{}}
	for _, r := range nrows {
		if !strings.HasPrefix(r[ncols[":LABEL"]], "Actor;") {
			t.Fatalf("node %s labels %q; want Actor and its type", r[ncols[":ID"]], r[ncols[":LABEL"]])
		}
		p.nodes[r[ncols[":ID"]]] = attrs("name", r[ncols["name"]], "type", r[ncols["type"]], "sector", r[ncols["sector"]])
	}
	erows, ecols, _ := read("events.csv", events, ":ID", ":LABEL")
	for _, r := range erows {
		if r[ecols[":LABEL"]] != "Event" {
			t.Fatalf("event %s labels %q; want Event", r[ecols[":ID"]], r[ecols[":LABEL"]])
		}
		p.nodes[r[ecols[":ID"]]] = attrs("name", r[ecols["name"]], "type", EventType, "object_text", r[ecols["object_text"]])
	}
	errows, ercols, _ := read("event_relationships.csv", eventRels, ":START_ID", ":END_ID", ":TYPE")
	for _, rows := range []struct {
		rows [][]string
		cols map[string]int
	}{{rrows, rcols}, {errows, ercols}} {
		for _, r := range rows.rows {
			if r[rows.cols[":TYPE"]] == "" {
				t.Fatalf("relationship without :TYPE: %v", r)
			}
			p.edges = append(p.edges, r[rows.cols[":START_ID"]]+" "+r[rows.cols[":END_ID"]])
			p.edgeAttrs = append(p.edgeAttrs, attrs("predicate", r[rows.cols["predicate"]]))
		}
	}
	return p
}

// readNeo4jZip opens the zip and reads its CSV files; the zip carries no
// metadata, so truncation is known from the node count alone.
func readNeo4jZip(t *testing.T, b []byte) parsed {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("neo4j zip does not open: %v", err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	var r [len(Neo4jFiles)]io.Reader
	for i, name := range Neo4jFiles {
		r[i] = bytes.NewReader(files[name])
	}
	p := readNeo4jCSV(t, r[0], r[1], r[2], r[3])
	p.truncated = bytes.Contains(files["README.txt"], []byte("truncated"))
	return p
}

// facetRE is a Dgraph facet list before the final dot of a line.
var facetRE = regexp.MustCompile(` \((?:[a-z_]+=(?:"(?:[^"\\]|\\.)*"|[0-9A-Za-z:.+-]+)(?:, )?)+\) \.$`)

// readNQuads strips the facets, parses what is left with an RDF N-Quads
// parser, and rebuilds actors (typed Actor) and relations (typed Relation,
// with subject and object).
func readNQuads(t *testing.T, b []byte) parsed {
	t.Helper()
	var plain strings.Builder
	facets := 0
	truncated := false
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "#") {
			truncated = truncated || strings.Contains(line, "truncated")
			continue
		}
		if loc := facetRE.FindStringIndex(line); loc != nil {
			facets++
			line = line[:loc[0]] + " ."
		} else if strings.Contains(line, "<related>") {
			t.Fatalf("N-Quads: a related link without facets: %s", line)
		}
		plain.WriteString(line + "\n")
	}
	ds, err := ld.ParseNQuads(plain.String())
	if err != nil {
		t.Fatalf("N-Quads do not parse: %v", err)
	}
	subjects := map[string]map[string][]string{}
	for _, q := range ds.Graphs["@default"] {
		s := subjects[q.Subject.GetValue()]
		if s == nil {
			s = map[string][]string{}
			subjects[q.Subject.GetValue()] = s
		}
		s[q.Predicate.GetValue()] = append(s[q.Predicate.GetValue()], q.Object.GetValue())
	}
	p := parsed{nodes: map[string]map[string]string{}, truncated: truncated}
	xid := map[string]string{}
	for blank, s := range subjects {
		if len(s["xid"]) > 0 {
			xid[blank] = s["xid"][0]
		}
	}
	related := strings.Count(string(b), " <related> _:")
	for _, s := range subjects {
		switch s["dgraph.type"][0] {
		case "Actor":
			p.nodes[s["xid"][0]] = attrs("name", s["name"][0], "type", s["entity_type"][0], "sector", strings.Join(s["sector"], ""))
		case "Relation":
			p.edges = append(p.edges, xid[s["subject"][0]]+" "+xid[s["object"][0]])
			p.edgeAttrs = append(p.edgeAttrs, attrs("predicate", s["predicate"][0]))
		case "Event":
			id := s["xid"][0]
			p.nodes[id] = attrs("name", s["object_text"][0], "type", EventType, "object_text", s["object_text"][0])
			p.edges = append(p.edges, xid[s["actor"][0]]+" "+id)
			p.edgeAttrs = append(p.edgeAttrs, attrs("predicate", s["predicate"][0]))
		}
	}
	if facets != related || related == 0 && len(p.edges) > 0 {
		t.Errorf("N-Quads: %d related links, %d with facets; want every one with facets", related, facets)
	}
	return p
}
