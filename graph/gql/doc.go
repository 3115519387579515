// Package gql serves newsgraph's GraphQL API (newsgraph.Schema) over a
// graph.Store: the resolvers, error codes, limits and the HTTP handler.
//
//	h, err := gql.NewHandler(st, extractor, gql.Options{ReadOnly: false, Token: token})
//	srv := &http.Server{Addr: addr, Handler: gql.Observe(h, logger, nil), ReadTimeout: 10 * time.Second, WriteTimeout: 40 * time.Second}
//	err = srv.ListenAndServe()
//
// The handler answers POST /graphql (JSON {query, variables, operationName}),
// GET /graphql?query=... for queries, a GraphiQL page at /, the explorer at
// /explore (package graph/explore) and /healthz. Responses are
// application/graphql-response+json when the client accepts it, with the
// GraphQL over HTTP spec's status codes (transport.go).
// Errors carry extensions.code: BAD_INPUT, NOT_FOUND, CONFLICT, FORBIDDEN,
// UNAUTHENTICATED, TIMEOUT, QUERY_TOO_DEEP, QUERY_TOO_COMPLEX, DATA_CORRUPT,
// STORAGE_FULL or INTERNAL; internal details are only logged. CheckHost
// (host.go) guards a loopback server against DNS rebinding; /healthz
// reports free disk space (health.go). Queries over the limits in Options
// (depth through fragments, cost, aliases, selections, operations) are
// refused before any resolver runs (limits.go). Each request gets a loader
// (loader.go) that reads the ends of a page of edges in one batch, reuses
// actors a walk returned, and reads nothing for an end asked only its id;
// the ends it loaded resolve without a context, so graphql-go runs them in
// line rather than in a goroutine each. A query runs in one read-only
// transaction (graph.Store.WithSnapshot); each query text is parsed once
// for the limits, the mutation check and the log (documents.go), and what
// it selects is summarised once for the list resolvers (selected.go), so
// graphql-go need not track each field's selection. Ids are written as
// plain strings (id.go).
//
// Observe (observe.go) wraps the server's handler with a log line per
// request and the request metrics of package graph/metrics.
//
// Handler.Exec runs an operation without HTTP, for the command line.
package gql
