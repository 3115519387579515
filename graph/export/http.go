package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"

	"newsgraph/graph"
)

// Handler serves GET /export with query parameters format (graphml or
// cytoscape), id (repeatable: the actors to start from; none for the most
// mentioned actors), depth (hops around the ids, default 1) and limit (nodes,
// 1 to graph.MaxSubgraphNodes, default 100). Each request may take timeout.
func Handler(st *graph.Store, log *slog.Logger, timeout time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		f, err := ParseFormat(q.Get("format"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		opts := Options{IDs: q["id"], Depth: 1, Limit: 100}
		for name, dst := range map[string]*int{"depth": &opts.Depth, "limit": &opts.Limit} {
			if v := q.Get(name); v != "" {
				n, err := strconv.Atoi(v)
				if err != nil || n < 0 || name == "limit" && (n < 1 || n > graph.MaxSubgraphNodes) {
					http.Error(w, fmt.Sprintf("%s: want a whole number (limit: 1 to %d)", name, graph.MaxSubgraphNodes), http.StatusBadRequest)
					return
				}
				*dst = n
			}
		}
		ctx, cancel := context.WithTimeout(r.Context(), timeout)
		defer cancel()
		g, err := Collect(ctx, st, opts)
		switch {
		case errors.Is(err, graph.ErrNotFound):
			http.Error(w, "unknown id: "+strings.Join(opts.IDs, ", "), http.StatusNotFound)
			return
		case err != nil:
			log.ErrorContext(ctx, "export", "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		// Buffer, so that a failure mid-way is an error status, not a
		// truncated file with 200.
		var buf bytes.Buffer
		if err := Write(&buf, f, g); err != nil {
			log.ErrorContext(ctx, "export", "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", f.ContentType())
		w.Header().Set("Content-Disposition", `attachment; filename="newsgraph.`+map[Format]string{GraphML: "graphml", CytoscapeJSON: "cyjs"}[f]+`"`)
		w.Write(buf.Bytes())
	})
}
