package gql

import (
	"bytes"
	"context"
	"crypto/subtle"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	graphql "github.com/graph-gophers/graphql-go"
	gqlerrors "github.com/graph-gophers/graphql-go/errors"
	"github.com/vektah/gqlparser/v2/ast"

	"newsgraph"
	"newsgraph/graph"
	"newsgraph/graph/explore"
	"newsgraph/graph/metrics"
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
	// MaxDepth caps field nesting, counted through every use of every
	// fragment (top-level fields are at depth 1); zero means 12.
	MaxDepth int
	// MaxQueryBytes caps the query text; zero means 64 KiB.
	MaxQueryBytes int
	// MaxCost caps the values a query may ask for: each field counts once
	// per item of the lists around it, a list counting its first argument
	// (see limits.go); zero means 10000.
	MaxCost int
	// MaxSelections caps the fields, fragment spreads and inline fragments
	// of an operation once its fragments are expanded; zero means 1000.
	MaxSelections int
	// MaxAliases caps the aliased fields of an operation (fragments
	// expanded); zero means 30.
	MaxAliases int
	// MaxOperations caps the operations in one document; zero means 10.
	MaxOperations int
	// Logger receives internal errors with their detail; nil means
	// slog.Default.
	Logger *slog.Logger
	// ReadOnlyMessage is what a refused mutation is told when ReadOnly is
	// set or there is no extractor; empty means a message about
	// serve --read-only.
	ReadOnlyMessage string
	// Version is shown by /healthz and the version field of stats.
	Version string
	// Metrics records ingestArticle's extractions and outcomes; nil
	// records nothing. Requests are recorded by Observe.
	Metrics *metrics.Metrics
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
		o.MaxDepth = defaultMaxDepth
	}
	if o.MaxQueryBytes <= 0 {
		o.MaxQueryBytes = 64 << 10
	}
	if o.MaxCost <= 0 {
		o.MaxCost = defaultMaxCost
	}
	if o.MaxSelections <= 0 {
		o.MaxSelections = defaultMaxSelections
	}
	if o.MaxAliases <= 0 {
		o.MaxAliases = defaultMaxAliases
	}
	if o.MaxOperations <= 0 {
		o.MaxOperations = defaultMaxOperations
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.ReadOnlyMessage == "" {
		o.ReadOnlyMessage = "mutations are disabled: the server runs with --read-only"
	}
	return o
}

func (o Options) maxArticleBytes() int { return o.MaxArticleBytes }

// Handler serves the GraphQL API over a store: POST (and GET, for queries)
// /graphql, a GraphiQL page at /, and /healthz.
type Handler struct {
	schema *graphql.Schema
	limits *validator
	st     *graph.Store
	opts   Options
	log    *slog.Logger
	mux    *http.ServeMux
}

// NewHandler parses newsgraph.Schema against resolvers over st. x extracts
// the articles ingestArticle receives; with a nil x the API is read-only.
func NewHandler(st *graph.Store, x graph.Extractor, opts Options) (*Handler, error) {
	opts = opts.withDefaults()
	root := &resolver{st: st, x: x, opts: opts, log: opts.Logger,
		extracting: make(chan struct{}, runtime.GOMAXPROCS(0))}
	schema, err := graphql.ParseSchema(newsgraph.Schema, root,
		// Second lines behind the validator (limits.go).
		graphql.MaxDepth(max(opts.MaxDepth, maxIntrospectionDepth)),
		graphql.MaxSelections(opts.MaxSelections),
		graphql.MaxParallelism(8),
		graphql.MaxQueryLength(opts.MaxQueryBytes),
		graphql.PanicHandler(panicHandler{opts.Logger}),
		// The schema's "..." descriptions, for introspection (GraphiQL's
		// docs, code generators).
		graphql.UseStringDescriptions(),
		// Scalar fields of the hot types are struct fields (types.go).
		graphql.UseFieldResolvers(),
		// Resolvers learn what a query selects from its document
		// (selected.go), not from a context graphql-go would make for
		// every field that has a selection.
		graphql.DisableFieldSelections(),
	)
	if err != nil {
		return nil, fmt.Errorf("gql.NewHandler: %w", err)
	}
	h := &Handler{schema: schema, limits: newValidator(schema.AST(), opts),
		st: st, opts: opts, log: opts.Logger, mux: http.NewServeMux()}
	h.mux.HandleFunc("/graphql", h.serveGraphQL)
	h.mux.HandleFunc("GET /healthz", h.serveHealth)
	h.mux.Handle("GET /explore", explore.Handler())
	h.mux.Handle("GET /explore/", explore.Handler())
	h.mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(graphiqlPage)
	})
	return h, nil
}

// Exec runs one GraphQL operation without HTTP, as `newsgraph query` does.
// Mutations are allowed unless the handler is read-only. A query over the
// limits (Options) is refused before any resolver runs. Every error in the
// response carries extensions.code.
func (h *Handler) Exec(ctx context.Context, query, operationName string, variables map[string]any) *graphql.Response {
	if qe := h.limits.check(query, variables); qe != nil {
		return &graphql.Response{Errors: []*gqlerrors.QueryError{qe}}
	}
	doc := h.limits.docs.parse(query)
	ctx, cancel := context.WithTimeout(withLoader(ctx, h.st, doc.sel), h.opts.Timeout)
	defer cancel()
	if op := doc.operation(operationName); op != nil && op.Operation == ast.Query {
		// One read transaction for the whole answer (graph.WithSnapshot);
		// a mutation reads what it wrote, so it reads without one.
		var done func()
		ctx, done = h.st.WithSnapshot(ctx)
		defer done()
	}
	resp := h.schema.Exec(ctx, query, operationName, variables)
	h.codeErrors(ctx, resp)
	return resp
}

// codeErrors gives a code to the errors graphql-go makes itself: TIMEOUT
// when the request ran out of time (graphql-go then answers only
// "context deadline exceeded"), BAD_INPUT for its parse and validation
// errors, which are precise and name nothing internal, and INTERNAL,
// logged, for anything else.
func (h *Handler) codeErrors(ctx context.Context, resp *graphql.Response) {
	for _, e := range resp.Errors {
		if _, ok := e.Extensions["code"]; ok {
			continue
		}
		switch {
		case errors.Is(ctx.Err(), context.DeadlineExceeded):
			e.Message = fmt.Sprintf("request timed out after %v", h.opts.Timeout)
			e.Extensions = map[string]any{"code": CodeTimeout}
		case ctx.Err() != nil:
			e.Message = "request cancelled"
			e.Extensions = map[string]any{"code": CodeTimeout}
		case resp.Data == nil || string(resp.Data) == "null":
			e.Message = cut(e.Message)
			e.Extensions = map[string]any{"code": CodeBadInput}
		default:
			h.log.ErrorContext(ctx, "graphql execution failed", "err", e.Message, "path", e.Path)
			e.Message = "internal error"
			e.Extensions = map[string]any{"code": CodeInternal}
		}
	}
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if h.cors(w, r) {
		return
	}
	h.mux.ServeHTTP(w, r)
}

// WithCORS applies the same CORS rules to next (GET /export): an allowed
// origin may read its answers, preflights are answered here.
func (h *Handler) WithCORS(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !h.cors(w, r) {
			next.ServeHTTP(w, r)
		}
	})
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
	method        string
	authorized    bool
	foreignOrigin bool // sent by a web page of an origin not allowed
}

type requestKey struct{}

type request struct {
	Query         string         `json:"query"`
	OperationName string         `json:"operationName"`
	Variables     map[string]any `json:"variables"`
}

func (h *Handler) serveGraphQL(w http.ResponseWriter, r *http.Request) {
	media := responseType(r.Header.Get("Accept"))
	if media == "" {
		httpError(w, http.StatusNotAcceptable, "Accept: this server answers application/graphql-response+json or application/json")
		return
	}
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
		// JSON only: a browser sends a cross-site text/plain or form POST
		// without asking first (no CORS preflight), which would let any web
		// page write to a server on the user's machine.
		if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/json" {
			httpError(w, http.StatusUnsupportedMediaType, "Content-Type must be application/json")
			return
		}
		tooBig := fmt.Sprintf("request body over %d bytes", h.opts.MaxBodyBytes)
		if r.ContentLength > h.opts.MaxBodyBytes {
			// Refused unread; the server closes the connection after the reply.
			httpError(w, http.StatusRequestEntityTooLarge, tooBig)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.opts.MaxBodyBytes))
		if err != nil {
			var maxErr *http.MaxBytesError
			if errors.As(err, &maxErr) {
				httpError(w, http.StatusRequestEntityTooLarge, tooBig)
				return
			}
			httpError(w, http.StatusBadRequest, "body: "+err.Error())
			return
		}
		if b := bytes.TrimLeft(body, " \t\r\n"); len(b) > 0 && b[0] == '[' {
			httpError(w, http.StatusBadRequest, "batched requests (a JSON array) are not supported: send one operation per request")
			return
		}
		if err := json.Unmarshal(body, &req); err != nil {
			msg := "body: want JSON {query, variables, operationName}"
			var syn *json.SyntaxError
			if errors.As(err, &syn) {
				msg = fmt.Sprintf("body: not JSON at byte %d: %v", syn.Offset, syn)
			}
			httpError(w, http.StatusBadRequest, msg)
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
	doc := h.limits.docs.parse(req.Query)
	if r.Method == http.MethodGet && isMutation(doc, req.OperationName) {
		w.Header().Set("Allow", "POST")
		httpError(w, http.StatusMethodNotAllowed, "mutations must be sent with POST")
		return
	}
	info := &requestInfo{method: r.Method, authorized: h.authorized(r), foreignOrigin: !h.originAllowed(r)}
	ctx := context.WithValue(r.Context(), requestKey{}, info)
	resp := h.Exec(ctx, req.Query, req.OperationName, req.Variables)
	noteGraphQL(w, operationName(doc, req.OperationName), firstCode(resp))
	head, data, tail, err := encodeResponse(resp)
	if err != nil {
		h.log.ErrorContext(ctx, "encoding graphql response", "err", err)
		httpErrorCode(w, http.StatusInternalServerError, CodeInternal, "internal error")
		return
	}
	// With the length known the answer goes out as written, not in
	// chunks of the server's 4 KiB buffer.
	w.Header().Set("Content-Length", strconv.Itoa(len(head)+len(data)+len(tail)))
	if media == mediaGraphQLResponse {
		w.Header().Set("Content-Type", mediaGraphQLRespParam)
		if len(resp.Data) == 0 {
			// Refused before execution: parse, validation or limit errors.
			w.WriteHeader(http.StatusBadRequest)
		}
	} else {
		w.Header().Set("Content-Type", mediaJSONParam)
	}
	for _, p := range [][]byte{head, data, tail} {
		if _, err := w.Write(p); err != nil {
			h.log.WarnContext(ctx, "writing graphql response", "err", err)
			return
		}
	}
}

// originAllowed reports whether a browser request comes from this server's
// own page or an allowed origin; requests without Origin (curl, programs)
// pass. Mutations from other origins are refused even where CORS would let
// the request through unread.
func (h *Handler) originAllowed(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" || slices.Contains(h.opts.AllowedOrigins, origin) || slices.Contains(h.opts.AllowedOrigins, "*") {
		return true
	}
	u, err := url.Parse(origin)
	return err == nil && u.Host == r.Host
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
	if h.opts.Version != "" {
		fmt.Fprintln(w, h.opts.Version)
	}
	writeDiskHealth(w, h.st)
}

// httpError answers a request that never reached GraphQL in the GraphQL
// response shape, so clients read one error format.
func httpError(w http.ResponseWriter, status int, msg string) {
	httpErrorCode(w, status, CodeBadInput, msg)
}

func httpErrorCode(w http.ResponseWriter, status int, code, msg string) {
	noteGraphQL(w, "", code)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{
		"errors": []map[string]any{{"message": msg, "extensions": map[string]any{"code": code}}},
	})
}
