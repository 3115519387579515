package export

import (
	"unicode/utf8"

	"newsgraph/graph"
)

// Events of one actor (graph.Event) in the graph formats: each event is a
// node of type EVENT, labelled with its object text, and an edge from its
// actor to it labelled with its predicate (Vladimir Putin -[signed
// decree]-> "a new decree ..."), so that a graph tool shows what an actor
// did beside whom it did it to, and can filter them out by type. Neo4j
// gives them their own label and files, Dgraph its own type (neo4j.go,
// nquads.go).

// EventType is the type attribute of an event's node, beside the actor
// types.
const EventType = "EVENT"

// eventColour is an event node's colour: lighter than any actor's.
var eventColour = [3]uint8{0xc9, 0xc9, 0xc9}

// eventLabelRunes is how much of an event's object text its node's label
// shows; the whole text is an attribute.
const eventLabelRunes = 60

// Events calls fn for each event of an actor written (Nodes) whose article
// is dated inside the window (an undated one is left out once a window is
// set), in stored order; none with Options.NoEvents. Call it after Nodes;
// formats that write nodes and edges apart call it once for each.
func (g *Graph) Events(fn func(*graph.Event) error) error {
	if g.noEvents {
		return nil
	}
	f := graph.EventFilter{Window: graph.Window{Since: g.window.Since, Until: g.window.Until}}
	if g.nodes == nil {
		return g.eachEvent(f, fn)
	}
	for _, n := range g.nodes {
		f.Subject = n.ID
		if err := g.eachEvent(f, fn); err != nil {
			return err
		}
	}
	return nil
}

// eachEvent pages through the events f selects and calls fn for those of
// the actors written.
func (g *Graph) eachEvent(f graph.EventFilter, fn func(*graph.Event) error) error {
	p := graph.PageArgs{First: graph.MaxPageSize, NoCount: true}
	for {
		page, err := g.st.Events(g.ctx, f, p)
		if err != nil {
			return err
		}
		for _, e := range page.Edges {
			if g.in != nil && !g.in[e.Node.Subject] {
				continue
			}
			if err := fn(e.Node); err != nil {
				return err
			}
		}
		if !page.HasNextPage {
			return nil
		}
		p.After = page.EndCursor
	}
}

// eventLabel is the label of an event's node: its object text, cut at a
// word boundary to at most eventLabelRunes runes and marked with "…".
func eventLabel(e *graph.Event) string {
	s := e.ObjectText
	if utf8.RuneCountInString(s) <= eventLabelRunes {
		return s
	}
	cut, space, n := 0, 0, 0
	for i, r := range s {
		if n == eventLabelRunes {
			cut = i
			break
		}
		if r == ' ' {
			space = i
		}
		n++
	}
	if space > cut/2 {
		cut = space
	}
	return s[:cut] + "…"
}

// eventEdgeID is the id of the edge from an event's actor to its node.
func eventEdgeID(e *graph.Event) string { return e.ID + "/by" }
