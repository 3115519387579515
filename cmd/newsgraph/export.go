package main

import (
	"bufio"
	"context"
	"io"

	"newsgraph/graph/export"
)

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export", stderr)
	sf := addStoreFlags(fs)
	format := fs.String("format", "graphml", "graphml (Gephi, yEd, Cytoscape, NetworkX) or cytoscape (Cytoscape.js JSON)")
	depth := fs.Int("depth", 1, "hops around the given ids")
	limit := fs.Int("limit", 0, "at most this many actors (0: all, or 100 around ids)")
	ids, err := parseFlags(fs, args, 0, -1)
	if err != nil {
		return err
	}
	f, err := export.ParseFormat(*format)
	if err != nil {
		return err
	}
	st, err := sf.openReadOnly(newLogger(stderr, *sf.verbose))
	if err != nil {
		return err
	}
	defer st.Close()
	g, err := export.Collect(ctx, st, export.Options{IDs: ids, Depth: *depth, Limit: *limit})
	if err != nil {
		return err
	}
	w := bufio.NewWriter(stdout)
	if err := export.Write(w, f, g); err != nil {
		return err
	}
	return w.Flush()
}
