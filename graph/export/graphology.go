package export

import (
	"hash/fnv"
	"io"
	"strings"

	"newsgraph/graph"
)

// graphology's serialised graph (https://graphology.github.io/serialization.html),
// which sigma.js draws: Graph.from(json) or graph.import(json). Nodes carry
// sigma's label, size, colour and a starting position (from a hash of the
// id, so the same file always looks the same before a layout runs).

type glNode struct {
	Key        string `json:"key"`
	Attributes struct {
		Label    string  `json:"label"`
		Type     string  `json:"entityType"`
		Country  string  `json:"country,omitempty"`
		Sector   string  `json:"sector,omitempty"`
		Aliases  string  `json:"aliases,omitempty"`
		Mentions int     `json:"mentions"`
		Articles int     `json:"articles"`
		Size     float64 `json:"size"`
		Color    string  `json:"color"`
		X        float64 `json:"x"`
		Y        float64 `json:"y"`
		// An event's node only.
		ObjectText string `json:"objectText,omitempty"`
		Date       string `json:"date,omitempty"`
		Article    string `json:"article,omitempty"`
		Modality   string `json:"modality,omitempty"`
	} `json:"attributes"`
}

type glEdge struct {
	Key        string `json:"key"`
	Source     string `json:"source"`
	Target     string `json:"target"`
	Attributes struct {
		Label      string  `json:"label"`
		Lemma      string  `json:"lemma"`
		Kind       string  `json:"kind,omitempty"`
		Weight     int     `json:"weight"`
		Size       float64 `json:"size"`
		Articles   int     `json:"articles"`
		Confidence float64 `json:"confidence"`
		FirstSeen  string  `json:"first_seen,omitempty"`
		LastSeen   string  `json:"last_seen,omitempty"`
		Modality   string  `json:"modality,omitempty"`
	} `json:"attributes"`
}

func writeGraphology(w io.Writer, g *Graph) error {
	head := `{"attributes":` + mustJSON(g.meta()) + ",\n" +
		`"options":{"type":"directed","multi":true,"allowSelfLoops":false},` + "\n" + `"nodes":[` + "\n"
	return writeJSONGraph(w, g, head, "],\n\"edges\":[\n", "]}\n", jsonItems{
		node: func(n *graphNode) any {
			var o glNode
			a := &o.Attributes
			o.Key = n.ID
			a.Label, a.Type, a.Country, a.Aliases = n.Name, string(n.Type), n.Country, strings.Join(n.Aliases, "; ")
			a.Sector = string(n.Sector)
			a.Mentions, a.Articles, a.Size, a.Color = n.MentionCount, n.ArticleCount, nodeSize(n.MentionCount)/2, hexColour(n.Type)
			a.X, a.Y = position(n.ID)
			return o
		},
		edge: func(e *graphEdge) any {
			var o glEdge
			a := &o.Attributes
			o.Key, o.Source, o.Target = e.ID, e.Subject, e.Object
			a.Label, a.Lemma, a.Kind, a.Weight, a.Size = e.Predicate, e.Lemma, string(e.Kind), e.Weight, float64(min(e.Weight, 10))/2+0.5
			a.Articles, a.Confidence, a.FirstSeen, a.LastSeen = e.ArticleCount, e.Confidence, e.FirstSeen, e.LastSeen
			return o
		},
		eventNode: func(e *graph.Event) any {
			var o glNode
			a := &o.Attributes
			o.Key = e.ID
			a.Label, a.Type, a.Size, a.Color = eventLabel(e), EventType, nodeSize(1)/2, eventHexColour
			a.ObjectText, a.Date, a.Article, a.Modality = e.ObjectText, e.Date, e.Evidence.ArticleID, string(e.Modality)
			a.X, a.Y = position(e.ID)
			return o
		},
		eventEdge: func(e *graph.Event) any {
			var o glEdge
			a := &o.Attributes
			o.Key, o.Source, o.Target = eventEdgeID(e), e.Subject, e.ID
			a.Label, a.Lemma, a.Kind, a.Weight, a.Size = e.Predicate, e.Lemma, string(e.Kind), 1, 1
			a.Articles, a.Confidence, a.FirstSeen, a.LastSeen, a.Modality = 1, e.Evidence.Confidence, e.Date, e.Date, string(e.Modality)
			return o
		},
	})
}

// position places a node in the unit square by a hash of its id.
func position(id string) (x, y float64) {
	h := fnv.New64a()
	h.Write([]byte(id))
	v := h.Sum64()
	return float64(v>>32) / (1 << 32), float64(v&0xffffffff) / (1 << 32)
}
