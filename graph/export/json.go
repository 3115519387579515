package export

import (
	"bufio"
	"encoding/json"
	"io"

	"newsgraph/graph"
)

// jsonStream writes a JSON document piece by piece: literal text around
// arrays whose items are encoded one at a time, so a graph of any size goes
// out without being built in memory. The first error sticks.
type jsonStream struct {
	bw    *bufio.Writer
	enc   *json.Encoder
	items int // items written in the open array
	err   error
}

func newJSONStream(w io.Writer) *jsonStream {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &jsonStream{bw: bw, enc: enc}
}

// raw writes literal JSON text; an array opened in it starts empty.
func (j *jsonStream) raw(s string) {
	if j.err == nil {
		_, j.err = j.bw.WriteString(s)
	}
	j.items = 0
}

// value writes v as the next item of the open array, a comma before all
// but the first.
func (j *jsonStream) value(v any) error {
	if j.err != nil {
		return j.err
	}
	if j.items > 0 {
		if j.err = j.bw.WriteByte(','); j.err != nil {
			return j.err
		}
	}
	j.items++
	j.err = j.enc.Encode(v) // one item a line: Encode ends it with '\n'
	return j.err
}

// close flushes.
func (j *jsonStream) close() error {
	if j.err == nil {
		j.err = j.bw.Flush()
	}
	return j.err
}

// jsonMeta is the metadata the JSON formats carry under their own key.
type jsonMeta struct {
	Generator string `json:"generator"`
	Created   string `json:"created"`
	Truncated bool   `json:"truncated"`
	NodeLimit int    `json:"nodeLimit,omitempty"`
	Note      string `json:"note"`
}

func (g *Graph) meta() jsonMeta {
	return jsonMeta{Generator: "newsgraph", Created: g.Created.Format("2006-01-02T15:04:05Z"), Truncated: g.Truncated, NodeLimit: g.Limit, Note: g.note()}
}

// jsonItems are how a JSON graph format writes each item: an actor, an
// edge, an event's node and the edge from its actor to it.
type jsonItems struct {
	node      func(*graphNode) any
	edge      func(*graphEdge) any
	eventNode func(*graph.Event) any
	eventEdge func(*graph.Event) any
}

// writeJSONGraph writes head, the nodes (actors, then events) as items of
// an array, mid, the edges (relations, then events') as items of another,
// then tail: the shape of every JSON graph format.
func writeJSONGraph(w io.Writer, g *Graph, head, mid, tail string, it jsonItems) error {
	j := newJSONStream(w)
	j.raw(head)
	err := g.Nodes(func(n *graphNode) error { return j.value(it.node(n)) })
	if err == nil {
		err = g.Events(func(e *graph.Event) error { return j.value(it.eventNode(e)) })
	}
	if err != nil {
		return err
	}
	j.raw(mid)
	err = g.Edges(func(e *graphEdge) error { return j.value(it.edge(e)) })
	if err == nil {
		err = g.Events(func(e *graph.Event) error { return j.value(it.eventEdge(e)) })
	}
	if err != nil {
		return err
	}
	j.raw(tail)
	return j.close()
}

// mustJSON encodes values that cannot fail to encode (plain data).
func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return "null"
	}
	return string(b)
}
