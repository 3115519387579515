// Package explore serves the graph explorer, a browser page at /explore that
// draws the actors around a search result with Cytoscape.js and lets a user
// expand nodes, read an edge's evidence and a selected actor's events (its
// acts and statements naming no second actor, newest first), filter by type,
// kind, predicate and time, and share the view by its URL.
//
// Everything the page needs is embedded in the binary (static/): the page,
// its script and stylesheet, and Cytoscape.js vendored from npm with its
// licence (static/vendor/). The page talks to the server only through the
// public GraphQL API and GET /export, and its Content-Security-Policy lets it
// load nothing from elsewhere.
//
//	mux.Handle("GET /explore", explore.Handler())
//	mux.Handle("GET /explore/", explore.Handler())
package explore
