package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"newsgraph/graph"
)

// DOT for Graphviz (https://graphviz.org/doc/info/lang.html): nodes labelled
// and filled by type, edges labelled with their predicate, statements dashed.
// Render a large graph with sfdp: sfdp -Tsvg newsgraph.dot > graph.svg.

func writeDOT(w io.Writer, g *Graph) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	fmt.Fprintf(bw, "digraph newsgraph {\n  graph [comment=%s, truncated=%t, overlap=false];\n", dotQuote(g.note()), g.Truncated)
	bw.WriteString("  node [style=filled, fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=8];\n")
	err := g.Nodes(func(n *graphNode) error {
		_, err := fmt.Fprintf(bw, "  %s [label=%s, type=%s, country=%s, mentions=%d, articles=%d, fillcolor=%s];\n",
			dotQuote(n.ID), dotQuote(n.Name), dotQuote(string(n.Type)), dotQuote(n.Country), n.MentionCount, n.ArticleCount, dotQuote(hexColour(n.Type)))
		return err
	})
	if err != nil {
		return err
	}
	err = g.Edges(func(e *graphEdge) error {
		style := "solid"
		if dashed(e.Kind) {
			style = "dashed"
		}
		_, err := fmt.Fprintf(bw, "  %s -> %s [id=%s, label=%s, kind=%s, weight=%d, style=%s, first_seen=%s, last_seen=%s];\n",
			dotQuote(e.Subject), dotQuote(e.Object), dotQuote(e.ID), dotQuote(e.Predicate), dotQuote(string(e.Kind)), e.Weight, style,
			dotQuote(e.FirstSeen), dotQuote(e.LastSeen))
		return err
	})
	if err == nil {
		err = g.Events(func(e *graph.Event) error { return writeDOTEvent(bw, e) })
	}
	if err != nil {
		return err
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// writeDOTEvent writes an event as a note-shaped node and the edge from
// its actor to it.
func writeDOTEvent(bw *bufio.Writer, e *graph.Event) error {
	style := "solid"
	if dashed(e.Kind) {
		style = "dashed"
	}
	_, err := fmt.Fprintf(bw, "  %s [label=%s, type=%s, shape=note, object_text=%s, date=%s, article=%s, modality=%s, fillcolor=%s];\n"+
		"  %s -> %s [id=%s, label=%s, kind=%s, weight=1, style=%s, first_seen=%s, last_seen=%s];\n",
		dotQuote(e.ID), dotQuote(eventLabel(e)), dotQuote(EventType), dotQuote(e.ObjectText), dotQuote(e.Date), dotQuote(e.Evidence.ArticleID),
		dotQuote(string(e.Modality)), dotQuote(eventHexColour),
		dotQuote(e.Subject), dotQuote(e.ID), dotQuote(eventEdgeID(e)), dotQuote(e.Predicate), dotQuote(string(e.Kind)), style, dotQuote(e.Date), dotQuote(e.Date))
	return err
}

// dotQuote makes s a DOT double-quoted string: quotes and backslashes
// escaped, line breaks as \n (a centred line break in a label).
var dotEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)

func dotQuote(s string) string { return `"` + dotEscaper.Replace(s) + `"` }
