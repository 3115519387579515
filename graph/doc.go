// Package graph is newsgraph's knowledge graph: actors, the relations
// articles state between them and the evidence for each, kept in a Badger
// database, with the queries the GraphQL API serves (package graph/gql).
//
// Open a store, ingest an article with what an Extractor found in it, query:
//
//	st, err := graph.Open("newsgraph-data", graph.DefaultOptions())
//	if err != nil {
//		return err // errors.Is(err, graph.ErrLocked) when another process has it
//	}
//	defer st.Close()
//	ex, err := extractor.Extract(ctx, article)
//	res, err := st.Ingest(ctx, article, ex) // atomic; twice is a no-op
//	putin, err := st.EntityByName(ctx, "putin")
//	page, err := st.RelationsOf(ctx, putin.ID, graph.Both, graph.RelationFilter{}, graph.PageArgs{First: 20})
//
// Ingest resolves an extraction's entities against the store (by id, then by
// an unambiguous name or alias) and aggregates relations into one edge per
// (subject, lemma, object) with a weight and its evidence. keys.go documents
// how all of it is laid out in Badger. Replay (replay.go) reads the store
// back as the articles and extractions that rebuild it through
// IngestReplayed: the dump graph/export writes and imports. Events of one
// actor (events.go) are kept per article as stated, not aggregated, and
// paged by Events by actor, predicate, kind and date in stored, newest or
// most-confident order, from indexes and counts kept by eventindex.go and
// read by eventlist.go.
//
// Each ingest also records what the article contributed (delete.go), so
// DeleteArticle and Replace can take exactly that out again; the extractor
// version of each article is indexed (extractor.go) for StaleArticles,
// which `newsgraph reextract` works through.
//
// Where things are: records.go and codec.go (records and their binary
// layout), ingest.go, query.go (lookups and pages), relindex.go (the one
// place that keeps an edge's index rows and counts), relscan.go (which index
// answers a relation list), adjacency.go, neighbours.go and walk.go
// (neighbours, subgraphs), pathsearch.go (path, from both ends), batch.go
// (many actors in one read), snapshot.go (one read transaction for a whole
// request), readcache.go (decoded rows kept across requests until the next
// write), events.go, eventindex.go and eventlist.go,
// delete.go, replay.go, extractor.go, upgrade.go (older store formats),
// tuning.go (Badger options), flatten.go (a server's store compacted into
// one level, dropping the deletion markers ingest leaves), store.go.
//
// Beyond the stored rows: search.go matches word starts in names and
// aliases; time.go reads edges through a time Window (evidence by its
// article's date) and timeline.go counts evidence per day, week or month;
// analytics.go and betweenness.go run gonum's PageRank, Louvain and
// betweenness over the whole graph. What is computed from the whole store
// is cached per store version in derived.go.
//
// Safety: open.go checks a directory before Badger opens it (a missing or
// cut MANIFEST is refused, not emptied) and marks new stores; store.go sets
// Badger's file sizes and checksum options and checks every table at open;
// integrity.go checks article texts against their hashes and restored
// stores against their counters;
// diskspace.go refuses ingests on a nearly full disk; wal.go checks the
// write-ahead logs; identity.go picks an actor's id, name and country from
// what every stored article proposes and canonical.go the spelling of its
// name and the reasons of its aliases, the same in any ingest order;
// merge.go and mergerel.go merge two stored actors an article bridges (an
// ingest whose merges do not fit in one transaction makes none:
// IngestResult.MergeTooBig); check.go (Check, `newsgraph check`) reads the
// whole store and names the rows that disagree, check_index.go the index
// rows of actors and edges among them.
package graph
