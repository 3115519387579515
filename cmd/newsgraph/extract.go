package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"newsgraph"
	"newsgraph/extract"
)

// extractOutput is one line of `extract --json`: the contract the evaluation
// kit reads. Offsets are byte offsets into the article's text, which for a
// .txt file is the whole file.
type extractOutput struct {
	Source    string               `json:"source"`
	ID        string               `json:"id"`
	Title     string               `json:"title"`
	Entities  []newsgraph.Entity   `json:"entities"`
	Relations []newsgraph.Relation `json:"relations"`
	Events    []newsgraph.Event    `json:"events"`
}

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("extract", stderr)
	asJSON := fs.Bool("json", false, "print one JSON object per article, one a line")
	maxBytes := fs.Int("max-article-bytes", newsgraph.DefaultMaxArticleBytes, "reject articles larger than this")
	paths, err := parseFlags(fs, args, 1, -1)
	if err != nil {
		return err
	}
	x, err := extract.New()
	if err != nil {
		return err
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	failed := 0
	err = extractAll(ctx, x, pathSource(paths, newsgraph.ReadOptions{MaxArticleBytes: *maxBytes}), func(r result) error {
		if r.err != nil {
			failed++
			fmt.Fprintf(stderr, "newsgraph extract: %v\n", r.err)
			return nil
		}
		if *asJSON {
			out := extractOutput{Source: r.article.Source, ID: r.article.ID, Title: r.article.Title,
				Entities: r.ex.Entities, Relations: r.ex.Relations, Events: r.ex.Events}
			if out.Entities == nil {
				out.Entities = []newsgraph.Entity{}
			}
			if out.Relations == nil {
				out.Relations = []newsgraph.Relation{}
			}
			if out.Events == nil {
				out.Events = []newsgraph.Event{}
			}
			return enc.Encode(out)
		}
		printExtraction(w, r.article, r.ex)
		return w.Flush()
	})
	if err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d article(s) failed", failed)
	}
	return nil
}

// printExtraction writes a reader's view of one extraction.
func printExtraction(w io.Writer, a *newsgraph.Article, ex *newsgraph.Extraction) {
	fmt.Fprintf(w, "== %s (%s)\n", a.Title, a.Source)
	names := map[string]string{}
	for _, e := range ex.Entities {
		names[e.ID] = e.Name
		fmt.Fprintf(w, "  %-7s %s", e.Type, e.Name)
		if len(e.Aliases) > 0 {
			fmt.Fprintf(w, "  (also %q)", e.Aliases)
		}
		fmt.Fprintf(w, "  x%d\n", len(e.Mentions))
	}
	for _, r := range ex.Relations {
		fmt.Fprintf(w, "  %s -[%s]-> %s", names[r.Subject], r.Predicate, names[r.Object])
		if r.Evidence.Negated {
			fmt.Fprint(w, "  (negated)")
		}
		if r.Evidence.Quantity != "" {
			fmt.Fprintf(w, "  [%s]", r.Evidence.Quantity)
		}
		fmt.Fprintln(w)
	}
	for _, e := range ex.Events {
		fmt.Fprintf(w, "  %s -[%s]-> %q  (%s", names[e.Subject], e.Predicate, e.ObjectText, e.Kind)
		if e.Modality != "" {
			fmt.Fprintf(w, ", %s", e.Modality)
		}
		if e.Evidence.Negated {
			fmt.Fprint(w, ", negated")
		}
		fmt.Fprintln(w, ")")
	}
}
