package export

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"newsgraph/graph"
)

// GraphML: http://graphml.graphdrawing.org/specification.html

type gmlKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type gmlData struct {
	XMLName xml.Name `xml:"data"`
	Key     string   `xml:"key,attr"`
	Value   string   `xml:",chardata"`
}

type gmlNode struct {
	XMLName xml.Name  `xml:"node"`
	ID      string    `xml:"id,attr"`
	Data    []gmlData `xml:"data"`
}

type gmlEdge struct {
	XMLName xml.Name  `xml:"edge"`
	ID      string    `xml:"id,attr"`
	Source  string    `xml:"source,attr"`
	Target  string    `xml:"target,attr"`
	Data    []gmlData `xml:"data"`
}

var gmlKeys = []gmlKey{
	{"truncated", "graph", "truncated", "boolean"},
	{"node_limit", "graph", "node_limit", "int"},
	{"label", "node", "label", "string"},
	{"type", "node", "type", "string"},
	{"country", "node", "country", "string"},
	{"sector", "node", "sector", "string"},
	{"aliases", "node", "aliases", "string"},
	{"mentions", "node", "mentions", "int"},
	{"articles", "node", "articles", "int"},
	{"color", "node", "color", "string"},
	{"object_text", "node", "object_text", "string"},
	{"date", "node", "date", "string"},
	{"article", "node", "article", "string"},
	{"modality", "node", "modality", "string"},
	{"predicate", "edge", "predicate", "string"},
	{"lemma", "edge", "lemma", "string"},
	{"kind", "edge", "kind", "string"},
	{"weight", "edge", "weight", "int"},
	{"edge_articles", "edge", "articles", "int"},
	{"confidence", "edge", "confidence", "double"},
	{"first_seen", "edge", "first_seen", "string"},
	{"last_seen", "edge", "last_seen", "string"},
	{"edge_modality", "edge", "modality", "string"},
}

func writeGraphML(w io.Writer, g *Graph) error {
	x := newXMLStream(w)
	x.start("graphml", "xmlns", "http://graphml.graphdrawing.org/xmlns")
	for _, k := range gmlKeys {
		x.encode(struct {
			XMLName xml.Name `xml:"key"`
			gmlKey
		}{gmlKey: k})
	}
	x.start("graph", "id", "newsgraph", "edgedefault", "directed")
	x.encode(gmlData{Key: "truncated", Value: strconv.FormatBool(g.Truncated)})
	x.encode(gmlData{Key: "node_limit", Value: strconv.Itoa(g.Limit)})
	err := g.Nodes(func(n *graph.Entity) error {
		return x.encode(gmlNode{ID: n.ID, Data: []gmlData{
			{Key: "label", Value: n.Name}, {Key: "type", Value: string(n.Type)}, {Key: "country", Value: n.Country}, {Key: "sector", Value: string(n.Sector)}, {Key: "aliases", Value: strings.Join(n.Aliases, "; ")},
			{Key: "mentions", Value: strconv.Itoa(n.MentionCount)}, {Key: "articles", Value: strconv.Itoa(n.ArticleCount)}, {Key: "color", Value: hexColour(n.Type)},
		}})
	})
	if err != nil {
		return err
	}
	err = g.Edges(func(e *graph.Relation) error {
		return x.encode(gmlEdge{ID: e.ID, Source: e.Subject, Target: e.Object, Data: []gmlData{
			{Key: "predicate", Value: e.Predicate}, {Key: "lemma", Value: e.Lemma}, {Key: "kind", Value: string(e.Kind)}, {Key: "weight", Value: strconv.Itoa(e.Weight)},
			{Key: "edge_articles", Value: strconv.Itoa(e.ArticleCount)},
			{Key: "confidence", Value: strconv.FormatFloat(e.Confidence, 'f', 3, 64)},
			{Key: "first_seen", Value: e.FirstSeen}, {Key: "last_seen", Value: e.LastSeen},
		}})
	})
	if err != nil {
		return err
	}
	err = g.Events(func(e *graph.Event) error {
		x.encode(gmlNode{ID: e.ID, Data: []gmlData{
			{Key: "label", Value: eventLabel(e)}, {Key: "type", Value: EventType}, {Key: "color", Value: eventHexColour},
			{Key: "object_text", Value: e.ObjectText}, {Key: "date", Value: e.Date}, {Key: "article", Value: e.Evidence.ArticleID},
			{Key: "modality", Value: string(e.Modality)},
		}})
		return x.encode(gmlEdge{ID: eventEdgeID(e), Source: e.Subject, Target: e.ID, Data: []gmlData{
			{Key: "predicate", Value: e.Predicate}, {Key: "lemma", Value: e.Lemma}, {Key: "kind", Value: string(e.Kind)}, {Key: "weight", Value: "1"},
			{Key: "edge_articles", Value: "1"}, {Key: "confidence", Value: strconv.FormatFloat(e.Evidence.Confidence, 'f', 3, 64)},
			{Key: "first_seen", Value: e.Date}, {Key: "last_seen", Value: e.Date}, {Key: "edge_modality", Value: string(e.Modality)},
		}})
	})
	if err != nil {
		return err
	}
	return x.close()
}
