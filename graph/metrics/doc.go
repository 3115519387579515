// Package metrics holds newsgraph's Prometheus metrics: GraphQL requests
// (requests.go), ingests (ingest.go), and the collectors that read the store,
// Badger's expvar counters and the Go runtime at scrape time (collectors.go).
//
// serve builds one Registry and hands its parts to what records them:
//
//	m := metrics.New(st)
//	h, _ := gql.NewHandler(st, x, gql.Options{Metrics: m})
//	mux.Handle("GET /metrics", m.Handler())
package metrics
