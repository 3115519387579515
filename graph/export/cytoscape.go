package export

import (
	"fmt"
	"io"
	"sort"

	"newsgraph"
	"newsgraph/graph"
)

// Cytoscape.js JSON (https://js.cytoscape.org/#cy.json): elements and a
// style, so cytoscape({container, ...json}) draws labelled nodes coloured by
// type and STATEMENT edges dashed without further work. Cytoscape desktop
// reads the same file (File > Import > Network from File, .cyjs).

type cyNodeData struct {
	ID       string   `json:"id"`
	Label    string   `json:"label"`
	Type     string   `json:"type"`
	Country  string   `json:"country,omitempty"`
	Sector   string   `json:"sector,omitempty"`
	Aliases  []string `json:"aliases"`
	Mentions int      `json:"mentions"`
	Articles int      `json:"articles"`
	Size     float64  `json:"size"`
}

type cyEdgeData struct {
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
	Modality   string  `json:"modality,omitempty"`
}

// cyEventData is an event's node.
type cyEventData struct {
	ID         string  `json:"id"`
	Label      string  `json:"label"`
	Type       string  `json:"type"`
	ObjectText string  `json:"object_text"`
	Date       string  `json:"date,omitempty"`
	Article    string  `json:"article"`
	Modality   string  `json:"modality,omitempty"`
	Size       float64 `json:"size"`
}

type cyStyle struct {
	Selector string         `json:"selector"`
	Style    map[string]any `json:"style"`
}

// cytoscapeStyle is the style block: one rule for all nodes, one colour
// rule per type, edges with arrows and labels, statements dashed.
func cytoscapeStyle() []cyStyle {
	s := []cyStyle{
		{"node", map[string]any{"label": "data(label)", "width": "data(size)", "height": "data(size)",
			"background-color": hexColour(""), "font-size": 8, "text-valign": "bottom"}},
	}
	types := make([]string, 0, len(typeColours))
	for t := range typeColours {
		types = append(types, string(t))
	}
	sort.Strings(types)
	for _, t := range types {
		s = append(s, cyStyle{fmt.Sprintf("node[type = %q]", t), map[string]any{"background-color": hexColour(newsgraph.EntityType(t))}})
	}
	return append(s,
		cyStyle{fmt.Sprintf("node[type = %q]", EventType), map[string]any{"background-color": eventHexColour, "shape": "round-rectangle",
			"text-wrap": "ellipsis", "text-max-width": 120}},
		cyStyle{"edge", map[string]any{"label": "data(label)", "curve-style": "bezier", "target-arrow-shape": "triangle",
			"width": "mapData(weight, 1, 20, 1, 6)", "font-size": 6, "line-color": "#9c9c9c", "target-arrow-color": "#9c9c9c"}},
		cyStyle{fmt.Sprintf("edge[kind = %q]", newsgraph.Statement), map[string]any{"line-style": "dashed"}},
	)
}

func writeCytoscape(w io.Writer, g *Graph) error {
	head := `{"format_version":"1.0","generated_by":"newsgraph","data":` + mustJSON(g.meta()) +
		",\n" + `"style":` + mustJSON(cytoscapeStyle()) + ",\n" + `"elements":{"nodes":[` + "\n"
	return writeJSONGraph(w, g, head, "],\n\"edges\":[\n", "]}}\n", jsonItems{
		node: func(n *graphNode) any {
			d := cyNodeData{ID: n.ID, Label: n.Name, Type: string(n.Type), Country: n.Country, Sector: string(n.Sector), Aliases: n.Aliases,
				Mentions: n.MentionCount, Articles: n.ArticleCount, Size: 2 * nodeSize(n.MentionCount)}
			if d.Aliases == nil {
				d.Aliases = []string{}
			}
			return map[string]any{"data": d}
		},
		edge: func(e *graphEdge) any {
			return map[string]any{"data": cyEdgeData{ID: e.ID, Source: e.Subject, Target: e.Object, Label: e.Predicate, Lemma: e.Lemma,
				Kind: string(e.Kind), Weight: e.Weight, Articles: e.ArticleCount, Confidence: e.Confidence,
				FirstSeen: e.FirstSeen, LastSeen: e.LastSeen}}
		},
		eventNode: func(e *graph.Event) any {
			return map[string]any{"data": cyEventData{ID: e.ID, Label: eventLabel(e), Type: EventType, ObjectText: e.ObjectText,
				Date: e.Date, Article: e.Evidence.ArticleID, Modality: string(e.Modality), Size: 2 * nodeSize(1)}}
		},
		eventEdge: func(e *graph.Event) any {
			return map[string]any{"data": cyEdgeData{ID: eventEdgeID(e), Source: e.Subject, Target: e.ID, Label: e.Predicate, Lemma: e.Lemma,
				Kind: string(e.Kind), Weight: 1, Articles: 1, Confidence: e.Evidence.Confidence, FirstSeen: e.Date, LastSeen: e.Date,
				Modality: string(e.Modality)}}
		},
	})
}
