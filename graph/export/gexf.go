package export

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"newsgraph/graph"
)

// GEXF 1.3 (https://gexf.net/schema.html), Gephi's own format: typed
// attributes, viz colours and sizes, and each edge's spell from its first to
// its last evidence, which Gephi's timeline plays.

const (
	gexfNS    = "http://gexf.net/1.3"
	gexfVizNS = "http://gexf.net/1.3/viz"
)

type gexfAttr struct {
	XMLName xml.Name `xml:"attribute"`
	ID      string   `xml:"id,attr"`
	Title   string   `xml:"title,attr"`
	Type    string   `xml:"type,attr"`
}

type gexfValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

type gexfColour struct {
	XMLName xml.Name `xml:"viz:color"`
	R       uint8    `xml:"r,attr"`
	G       uint8    `xml:"g,attr"`
	B       uint8    `xml:"b,attr"`
}

type gexfSize struct {
	XMLName xml.Name `xml:"viz:size"`
	Value   float64  `xml:"value,attr"`
}

type gexfNode struct {
	XMLName xml.Name    `xml:"node"`
	ID      string      `xml:"id,attr"`
	Label   string      `xml:"label,attr"`
	Values  []gexfValue `xml:"attvalues>attvalue"`
	Colour  gexfColour
	Size    gexfSize
	Spells  []gexfSpell `xml:"spells>spell"`
}

type gexfSpell struct {
	Start string `xml:"start,attr"`
	End   string `xml:"end,attr"`
}

type gexfEdge struct {
	XMLName xml.Name    `xml:"edge"`
	ID      string      `xml:"id,attr"`
	Source  string      `xml:"source,attr"`
	Target  string      `xml:"target,attr"`
	Label   string      `xml:"label,attr"`
	Weight  int         `xml:"weight,attr"`
	Values  []gexfValue `xml:"attvalues>attvalue"`
	Spells  []gexfSpell `xml:"spells>spell"`
}

var (
	gexfNodeAttrs = []gexfAttr{
		{ID: "type", Title: "type", Type: "string"},
		{ID: "country", Title: "country", Type: "string"},
		{ID: "sector", Title: "sector", Type: "string"},
		{ID: "aliases", Title: "aliases", Type: "string"},
		{ID: "mentions", Title: "mentions", Type: "integer"},
		{ID: "articles", Title: "articles", Type: "integer"},
		{ID: "object_text", Title: "object_text", Type: "string"},
		{ID: "date", Title: "date", Type: "string"},
		{ID: "article", Title: "article", Type: "string"},
		{ID: "modality", Title: "modality", Type: "string"},
	}
	gexfEdgeAttrs = []gexfAttr{
		{ID: "relation", Title: "relation", Type: "string"},
		{ID: "lemma", Title: "lemma", Type: "string"},
		{ID: "kind", Title: "kind", Type: "string"},
		{ID: "articles", Title: "articles", Type: "integer"},
		{ID: "confidence", Title: "confidence", Type: "double"},
		{ID: "modality", Title: "modality", Type: "string"},
	}
)

func writeGEXF(w io.Writer, g *Graph) error {
	x := newXMLStream(w)
	x.start("gexf", "xmlns", gexfNS, "xmlns:viz", gexfVizNS, "version", "1.3")
	x.start("meta", "lastmodifieddate", g.Created.Format("2006-01-02"))
	x.encode(struct {
		XMLName xml.Name `xml:"creator"`
		V       string   `xml:",chardata"`
	}{V: "newsgraph"})
	x.encode(struct {
		XMLName xml.Name `xml:"description"`
		V       string   `xml:",chardata"`
	}{V: g.note()})
	x.end()
	x.start("graph", "defaultedgetype", "directed", "mode", "dynamic", "timeformat", "date")
	for _, class := range []struct {
		name  string
		attrs []gexfAttr
	}{{"node", gexfNodeAttrs}, {"edge", gexfEdgeAttrs}} {
		x.start("attributes", "class", class.name)
		for _, a := range class.attrs {
			x.encode(a)
		}
		x.end()
	}
	x.start("nodes")
	err := g.Nodes(func(n *graph.Entity) error {
		c := colour(n.Type)
		return x.encode(gexfNode{ID: n.ID, Label: n.Name, Values: []gexfValue{
			{"type", string(n.Type)}, {"country", n.Country}, {"sector", string(n.Sector)}, {"aliases", strings.Join(n.Aliases, "; ")},
			{"mentions", strconv.Itoa(n.MentionCount)}, {"articles", strconv.Itoa(n.ArticleCount)},
		}, Colour: gexfColour{R: c[0], G: c[1], B: c[2]}, Size: gexfSize{Value: nodeSize(n.MentionCount)}})
	})
	if err == nil {
		err = g.Events(func(e *graph.Event) error { return x.encode(gexfEventNode(e)) })
	}
	if err != nil {
		return err
	}
	x.end()
	x.start("edges")
	err = g.Edges(func(e *graph.Relation) error {
		ge := gexfEdge{ID: e.ID, Source: e.Subject, Target: e.Object, Label: e.Predicate, Weight: e.Weight, Values: []gexfValue{
			{"relation", e.Predicate}, {"lemma", e.Lemma}, {"kind", string(e.Kind)},
			{"articles", strconv.Itoa(e.ArticleCount)}, {"confidence", strconv.FormatFloat(e.Confidence, 'f', 3, 64)},
		}}
		if e.FirstSeen != "" {
			ge.Spells = []gexfSpell{{Start: day(e.FirstSeen), End: day(e.LastSeen)}}
		}
		return x.encode(ge)
	})
	if err == nil {
		err = g.Events(func(e *graph.Event) error { return x.encode(gexfEventEdge(e)) })
	}
	if err != nil {
		return err
	}
	return x.close()
}

// gexfEventNode is an event's node, on the timeline at its article's date.
func gexfEventNode(e *graph.Event) gexfNode {
	c := eventColour
	n := gexfNode{ID: e.ID, Label: eventLabel(e), Values: []gexfValue{
		{"type", EventType}, {"object_text", e.ObjectText}, {"date", e.Date}, {"article", e.Evidence.ArticleID}, {"modality", string(e.Modality)},
	}, Colour: gexfColour{R: c[0], G: c[1], B: c[2]}, Size: gexfSize{Value: nodeSize(1)}}
	if e.Date != "" {
		n.Spells = []gexfSpell{{Start: day(e.Date), End: day(e.Date)}}
	}
	return n
}

// gexfEventEdge is the edge from an event's actor to its node.
func gexfEventEdge(e *graph.Event) gexfEdge {
	ge := gexfEdge{ID: eventEdgeID(e), Source: e.Subject, Target: e.ID, Label: e.Predicate, Weight: 1, Values: []gexfValue{
		{"relation", e.Predicate}, {"lemma", e.Lemma}, {"kind", string(e.Kind)}, {"articles", "1"},
		{"confidence", strconv.FormatFloat(e.Evidence.Confidence, 'f', 3, 64)}, {"modality", string(e.Modality)},
	}}
	if e.Date != "" {
		ge.Spells = []gexfSpell{{Start: day(e.Date), End: day(e.Date)}}
	}
	return ge
}
