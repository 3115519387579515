package export

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"newsgraph"
	"newsgraph/graph"
)

// JSON Lines dump: a header line, then one line per article in stored order
// with what the store holds of it as an extraction (graph.Store.Replay):
//
//	{"newsgraph":"dump","version":1,"stats":{"Articles":172,...}}
//	{"article":{"id":...,"title":...,"text":...},"entities":[...],"relations":[...],"events":[...]}
//
// Import ingests the lines in order into an empty store, through the same
// write path as newsgraph ingest, and checks the counts against the header:
// the dump moves a store between machines and program versions.

const dumpVersion = 1

type dumpHeader struct {
	Kind    string      `json:"newsgraph"`
	Version int         `json:"version"`
	Stats   graph.Stats `json:"stats"`
}

type dumpLine struct {
	Article   *newsgraph.Article   `json:"article"`
	Entities  []newsgraph.Entity   `json:"entities"`
	Relations []newsgraph.Relation `json:"relations"`
	// Events are the article's events of one actor; a dump of a store
	// without them leaves them out.
	Events []newsgraph.Event `json:"events,omitempty"`
	// Joins maps other extractor ids of the article's actors to their ids.
	Joins map[string]string `json:"joins,omitempty"`
}

// Errors of the dump.
var (
	// ErrWhole is returned when a dump is asked for part of the store.
	ErrWhole = errors.New("export: jsonl dumps the whole store: no ids, limit, time window or events=false")
	// ErrNotEmpty is returned by Import into a store that holds articles.
	ErrNotEmpty = errors.New("export: import needs an empty store")
	// ErrDump is returned by Import for a line that is not a dump's.
	ErrDump = errors.New("export: not a newsgraph dump")
)

func writeJSONL(w io.Writer, g *Graph) error {
	if g.nodes != nil || g.Limit > 0 || !g.window.Open() {
		return ErrWhole
	}
	s, err := g.st.Stats(g.ctx)
	if err != nil {
		return err
	}
	j := newJSONStream(w)
	j.value(dumpHeader{Kind: "dump", Version: dumpVersion, Stats: s})
	err = g.st.Replay(g.ctx, func(a *newsgraph.Article, ex *newsgraph.Extraction, joins map[string]string) error {
		j.items = 0
		return j.value(dumpLine{Article: a, Entities: ex.Entities, Relations: ex.Relations, Events: ex.Events, Joins: joins})
	})
	if err != nil {
		return err
	}
	return j.close()
}

// maxDumpLine is the longest line Import reads: an article at the largest
// text size the store takes, with its extraction, fits many times over.
const maxDumpLine = 256 << 20

// Import reads a dump into st, which must be empty, and returns the store's
// counts. A bad line fails with its line number; the store then holds the
// articles before it. The counts must come out as the header says, or the
// import fails saying which differ.
func Import(ctx context.Context, st *graph.Store, r io.Reader) (graph.Stats, error) {
	if s, err := st.Stats(ctx); err != nil {
		return graph.Stats{}, err
	} else if s != (graph.Stats{}) {
		return s, fmt.Errorf("%w: it holds %d articles, %d entities", ErrNotEmpty, s.Articles, s.Entities)
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxDumpLine)
	var head dumpHeader
	line := 0
	for sc.Scan() {
		line++
		if line == 1 {
			if err := json.Unmarshal(sc.Bytes(), &head); err != nil || head.Kind != "dump" {
				return graph.Stats{}, fmt.Errorf("%w: line 1 is not its header", ErrDump)
			}
			if head.Version > dumpVersion {
				return graph.Stats{}, fmt.Errorf("%w: version %d is newer than this program's %d", ErrDump, head.Version, dumpVersion)
			}
			continue
		}
		if err := importLine(ctx, st, sc.Bytes()); err != nil {
			return graph.Stats{}, fmt.Errorf("line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return graph.Stats{}, fmt.Errorf("line %d: %w", line+1, err)
	}
	if line == 0 {
		return graph.Stats{}, fmt.Errorf("%w: empty input", ErrDump)
	}
	got, err := st.Stats(ctx)
	if err != nil {
		return got, err
	}
	if got != head.Stats {
		return got, fmt.Errorf("export: the imported store counts %+v, the dump said %+v", got, head.Stats)
	}
	return got, nil
}

func importLine(ctx context.Context, st *graph.Store, b []byte) error {
	var l dumpLine
	if err := json.Unmarshal(b, &l); err != nil {
		return fmt.Errorf("%w: %v", ErrDump, err)
	}
	if l.Article == nil {
		return fmt.Errorf("%w: no article", ErrDump)
	}
	res, err := st.IngestReplayed(ctx, l.Article, &newsgraph.Extraction{Entities: l.Entities, Relations: l.Relations, Events: l.Events}, l.Joins)
	if err != nil {
		return err
	}
	if res.Unchanged {
		return fmt.Errorf("%w: article %s twice", ErrDump, l.Article.ID)
	}
	return nil
}
