package export

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"newsgraph/graph"
)

// HandlerOptions configure Handler.
type HandlerOptions struct {
	// Timeout bounds one request, writing included (0: none).
	Timeout time.Duration
	// MaxNodes caps the actors of one export (the whole graph's default
	// limit); 0 means DefaultMaxNodes.
	MaxNodes int
	Log      *slog.Logger
}

// DefaultMaxNodes is the default of HandlerOptions.MaxNodes.
const DefaultMaxNodes = 100000

// Response headers that announce a cut export; CORS exposes them.
const (
	HeaderTruncated = "X-Export-Truncated"
	HeaderNodeLimit = "X-Export-Node-Limit"
)

// Handler serves GET /export with query parameters format (see Formats), id
// (repeatable: actors by id or name; none for the whole graph), depth (hops
// around the ids, default 1, 0 to graph.MaxDepth), limit (actors: around ids
// 100 by default, graph.MaxSubgraphNodes at most; the whole graph up to
// MaxNodes), since/until (dates: the edges and events of a time window) and
// events (false leaves the actors' events out). The answer
// is streamed; a cut one says so in HeaderTruncated and in the format's own
// metadata. An error after the first bytes aborts the connection, so a
// client never takes a cut file for a whole one.
func Handler(st *graph.Store, opts HandlerOptions) http.Handler {
	if opts.MaxNodes <= 0 {
		opts.MaxNodes = DefaultMaxNodes
	}
	if opts.Log == nil {
		opts.Log = slog.Default()
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "export: use GET", http.StatusMethodNotAllowed)
			return
		}
		f, eo, err := parseQuery(r.URL.Query(), opts.MaxNodes)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		ctx := r.Context()
		if opts.Timeout > 0 {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, opts.Timeout)
			defer cancel()
		}
		serve(ctx, w, st, f, eo, opts.Log)
	})
}

// parseQuery reads the format and Options of a request.
func parseQuery(q url.Values, maxNodes int) (Format, Options, error) {
	f, err := Lookup(q.Get("format"))
	if err != nil {
		return f, Options{}, err
	}
	o := Options{IDs: q["id"], Depth: 1, Window: Window{Since: q.Get("since"), Until: q.Get("until")}}
	if !f.Whole && len(o.IDs) == 0 {
		o.Limit = maxNodes
	}
	for name, dst := range map[string]*int{"depth": &o.Depth, "limit": &o.Limit} {
		v := q.Get(name)
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		switch {
		case err != nil || n < 0:
			return f, o, fmt.Errorf("%s: want a whole number, got %q", name, v)
		case name == "depth" && n > graph.MaxDepth:
			return f, o, fmt.Errorf("%w (got %d)", ErrDepth, n)
		case name == "limit" && (n < 1 || n > maxNodes):
			return f, o, fmt.Errorf("limit: 1 to %d (the server's --max-export-nodes), got %d", maxNodes, n)
		}
		*dst = n
	}
	switch q.Get("events") {
	case "", "true", "1":
	case "false", "0":
		o.NoEvents = true
	default:
		return f, o, fmt.Errorf("events: want true or false, got %q", q.Get("events"))
	}
	for _, d := range []string{o.Window.Since, o.Window.Until} {
		if d != "" {
			if _, err := time.Parse("2006-01-02", d); err != nil {
				return f, o, fmt.Errorf("since, until: want a date like 2024-01-31, got %q", d)
			}
		}
	}
	if f.Whole && (len(o.IDs) > 0 || o.Limit > 0 || !o.Window.Open() || o.NoEvents) {
		return f, o, ErrWhole
	}
	return f, o, nil
}

func serve(ctx context.Context, w http.ResponseWriter, st *graph.Store, f Format, o Options, log *slog.Logger) {
	g, err := Open(ctx, st, o)
	switch {
	case errors.Is(err, graph.ErrNotFound):
		http.Error(w, "unknown id or name: "+strings.Join(o.IDs, ", "), http.StatusNotFound)
		return
	case err != nil:
		internalError(ctx, w, log, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.ContentType)
	h.Set("Content-Disposition", `attachment; filename="newsgraph.`+f.Ext+`"`)
	h.Set(HeaderTruncated, strconv.FormatBool(g.Truncated))
	if g.Limit > 0 {
		h.Set(HeaderNodeLimit, strconv.Itoa(g.Limit))
	}
	h.Set("Access-Control-Expose-Headers", strings.Join([]string{HeaderTruncated, HeaderNodeLimit, "Content-Disposition"}, ", "))
	cw := &countingWriter{w: w}
	if err := f.Write(cw, g); err != nil {
		if cw.n == 0 {
			internalError(ctx, w, log, err)
			return
		}
		log.ErrorContext(ctx, "export cut off", "format", f.Name, "bytes", cw.n, "err", err)
		panic(http.ErrAbortHandler)
	}
}

func internalError(ctx context.Context, w http.ResponseWriter, log *slog.Logger, err error) {
	if errors.Is(err, context.DeadlineExceeded) {
		http.Error(w, "export: timed out (the server's --timeout)", http.StatusServiceUnavailable)
		return
	}
	log.ErrorContext(ctx, "export", "err", err)
	http.Error(w, "internal error", http.StatusInternalServerError)
}

// countingWriter counts the bytes written, to tell an error before the
// answer started from one in the middle.
type countingWriter struct {
	w http.ResponseWriter
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
