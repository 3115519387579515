package export

import (
	"io"

	"newsgraph/graph"
)

// D3's force-layout shape, {nodes, links} (d3-force's forceLink reads
// source and target as node ids with .id(d => d.id)), with a "graph" key for
// the metadata.

type d3Node struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Country  string   `json:"country,omitempty"`
	Sector   string   `json:"sector,omitempty"`
	Aliases  []string `json:"aliases"`
	Mentions int      `json:"mentions"`
	Articles int      `json:"articles"`
	Color    string   `json:"color"`
	// An event's node only.
	ObjectText string `json:"object_text,omitempty"`
	Date       string `json:"date,omitempty"`
	Article    string `json:"article,omitempty"`
	Modality   string `json:"modality,omitempty"`
}

type d3Link struct {
	ID         string  `json:"id"`
	Source     string  `json:"source"`
	Target     string  `json:"target"`
	Predicate  string  `json:"predicate"`
	Lemma      string  `json:"lemma"`
	Kind       string  `json:"kind,omitempty"`
	Weight     int     `json:"value"`
	Articles   int     `json:"articles"`
	Confidence float64 `json:"confidence"`
	FirstSeen  string  `json:"first_seen,omitempty"`
	LastSeen   string  `json:"last_seen,omitempty"`
	Modality   string  `json:"modality,omitempty"`
}

func writeD3(w io.Writer, g *Graph) error {
	head := `{"graph":` + mustJSON(g.meta()) + ",\n" + `"nodes":[` + "\n"
	return writeJSONGraph(w, g, head, "],\n\"links\":[\n", "]}\n", jsonItems{
		node: func(n *graphNode) any {
			d := d3Node{ID: n.ID, Name: n.Name, Type: string(n.Type), Country: n.Country, Sector: string(n.Sector), Aliases: n.Aliases,
				Mentions: n.MentionCount, Articles: n.ArticleCount, Color: hexColour(n.Type)}
			if d.Aliases == nil {
				d.Aliases = []string{}
			}
			return d
		},
		edge: func(e *graphEdge) any {
			return d3Link{ID: e.ID, Source: e.Subject, Target: e.Object, Predicate: e.Predicate, Lemma: e.Lemma, Kind: string(e.Kind),
				Weight: e.Weight, Articles: e.ArticleCount, Confidence: e.Confidence, FirstSeen: e.FirstSeen, LastSeen: e.LastSeen}
		},
		eventNode: func(e *graph.Event) any {
			return d3Node{ID: e.ID, Name: eventLabel(e), Type: EventType, Aliases: []string{}, Color: eventHexColour,
				ObjectText: e.ObjectText, Date: e.Date, Article: e.Evidence.ArticleID, Modality: string(e.Modality)}
		},
		eventEdge: func(e *graph.Event) any {
			return d3Link{ID: eventEdgeID(e), Source: e.Subject, Target: e.ID, Predicate: e.Predicate, Lemma: e.Lemma, Kind: string(e.Kind),
				Weight: 1, Articles: 1, Confidence: e.Evidence.Confidence, FirstSeen: e.Date, LastSeen: e.Date, Modality: string(e.Modality)}
		},
	})
}
