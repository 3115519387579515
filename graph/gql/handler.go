package gql

import (
	"context"
	"crypto/subtle"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"time"

	graphql "github.com/graph-gophers/graphql-go"

	"newsgraph"
	"newsgraph/graph"
)

//go:embed graphiql.html
var graphiqlPage []byte

// Options configure NewHandler. The zero value is a usable, permissive
// default: mutations allowed without a token, no CORS.
type Options struct {
	// ReadOnly rejects every mutation with FORBIDDEN.
	ReadOnly bool
	// Token, when set, must come as "Authorization: Bearer TOKEN" with
	// every mutation; queries need none.
	Token string
	// AllowedOrigins lists the origins browsers may call from (CORS); "*"
	// allows any. None by default.
	AllowedOrigins []string
	// MaxBodyBytes caps a request body; larger ones get 413. Zero means
	// 1 MiB, which also bounds an article sent to ingestArticle.
	MaxBodyBytes int64
	// MaxArticleBytes caps ingestArticle's text; zero means
	// newsgraph.DefaultMaxArticleBytes.
	MaxArticleBytes int
	// Timeout bounds each request, store reads included; zero means 30 s.
	Timeout time.Duration
	// MaxDepth caps field nesting (graphql-go's MaxDepth); zero means 12.
	MaxDepth int
	// MaxQueryBytes caps the query text; zero means 64 KiB.
	MaxQueryBytes int
	// Logger receives internal errors with their detail; nil means
	// slog.Default.
	Logger *slog.Logger
}

func (o Options) withDefaults() Options {
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = 1 << 20
	}
	if o.MaxArticleBytes <= 0 {
		o.MaxArticleBytes = newsgraph.DefaultMaxArticleBytes
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.MaxDepth <= 0 {
		o.MaxDepth = 12
	}
	if o.MaxQueryBytes <= 0 {
		o.MaxQueryBytes = 64 << 10
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return o
}

func (o Options) maxArticleBytes() int { return o.MaxArticleBytes }

// Handler serves the GraphQL API over a store: POST (and GET, for queries)
// /graphql, a GraphiQL page at /, and /healthz.
type Handler struct {
	schema *graphql.Schema
	st     *graph.Store
	opts   Options
	log    *slog.Logger
	mux    *http.ServeMux
}

// NewHandler parses newsgraph.Schema against resolvers over st. x extracts
// the articles ingestArticle receives; with a nil x the API is read-only.
func NewHandler(st *graph.Store, x graph.Extractor, opts Options) (*Handler, error) {
	opts = opts.withDefaults()
	root := &resolver{st: st, x: x, opts: opts, log: opts.Logger}
	schema, err := graphql.ParseSchema(newsgraph.Schema, root,
		graphql.MaxDepth(opts.MaxDepth),
		graphql.MaxParallelism(8),
		graphql.MaxQueryLength(opts.MaxQueryBytes),
		graphql.PanicHandler(panicHandler{opts.Logger}),
	)
	if err != nil {
		return nil, fmt.Errorf("gql.NewHandler: %w", err)
	}
	h := &Handler{schema: schema, st: st, opts: opts, log: opts.Logger, mux: http.NewServeMux()}
	h.mux.HandleFunc("/graphql", h.serveGraphQL)
	h.mux.HandleFunc("GET /healthz", h.serveHealth)
	h.mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(graphiqlPage)
	})
	return h, nil
}

// Exec runs one GraphQL operation without HTTP, as `newsgraph query` does.
// Mutations are allowed unless the handler is read-only.
func (h *Handler) Exec(ctx context.Context, query, operationName string, variables map[string]any) *graphql.Response {
	ctx, cancel := context.WithTimeout(ctx, h.opts.Timeout)
	defer cancel()
	return h.schema.Exec(ctx, query, operationName, variables)
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h.cors(w, r) {
		return
	}
	h.mux.ServeHTTP(w, r)
}

// cors sets the CORS headers for allowed origins and answers preflight
// requests; it reports whether the request is done.
func (h *Handler) cors(w http.ResponseWriter, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return false
	}
	allowed := slices.Contains(h.opts.AllowedOrigins, origin) || slices.Contains(h.opts.AllowedOrigins, "*")
	w.Header().Add("Vary", "Origin")
	if allowed {
		w.Header().Set("Access-Control-Allow-Origin", origin)
	}
	if r.Method != http.MethodOptions || r.Header.Get("Access-Control-Request-Method") == "" {
		return false
	}
	if allowed {
		w.Header().Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
		w.Header().Set("Access-Control-Allow-Headers", "Content-Type, Authorization")
		w.Header().Set("Access-Control-Max-Age", "600")
	}
	w.WriteHeader(http.StatusNoContent)
	return true
}

// requestInfo tells the mutation resolver how the request came.
type requestInfo struct {
	method     string
	authorized bool
}

type requestKey struct{}

type request struct {
	Query         string         `json:"query"`
	OperationName string         `json:"operationName"`
	Variables     map[string]any `json:"variables"`
}

func (h *Handler) serveGraphQL(w http.ResponseWriter, r *http.Request) {
	var req request
	switch r.Method {
	case http.MethodGet:
		q := r.URL.Query()
		req.Query, req.OperationName = q.Get("query"), q.Get("operationName")
		if v := q.Get("variables"); v != "" {
			if err := json.Unmarshal([]byte(v), &req.Variables); err != nil {
				httpError(w, http.StatusBadRequest, "variables: not a JSON object")
				return
			}
		}
	case http.MethodPost:
		body := http.MaxBytesReader(w, r.Body, h.opts.MaxBodyBytes)
		if err := json.NewDecoder(body).Decode(&req); err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				httpError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over %d bytes", h.opts.MaxBodyBytes))
				return
			}
			httpError(w, http.StatusBadRequest, "body: want JSON {query, variables, operationName}")
			return
		}
	default:
		w.Header().Set("Allow", "GET, POST")
		httpError(w, http.StatusMethodNotAllowed, "use GET or POST")
		return
	}
	if strings.TrimSpace(req.Query) == "" {
		httpError(w, http.StatusBadRequest, "no query")
		return
	}
	info := &requestInfo{method: r.Method, authorized: h.authorized(r)}
	ctx := context.WithValue(r.Context(), requestKey{}, info)
	resp := h.Exec(ctx, req.Query, req.OperationName, req.Variables)
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(resp); err != nil {
		h.log.WarnContext(ctx, "writing graphql response", "err", err)
	}
}

func (h *Handler) authorized(r *http.Request) bool {
	if h.opts.Token == "" {
		return true
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(got), []byte(h.opts.Token)) == 1
}

func (h *Handler) serveHealth(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	if err := h.st.Ping(ctx); err != nil {
		h.log.ErrorContext(ctx, "health check failed", "err", err)
		http.Error(w, "store unavailable", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintln(w, "ok")
}

// httpError answers a request that never reached GraphQL in the GraphQL
// response shape, so clients read one error format.
func httpError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{
		"errors": []map[string]any{{"message": msg, "extensions": map[string]any{"code": CodeBadInput}}},
	})
}
