package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"newsgraph/graph/export"
)

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export", stderr)
	sf := addStoreFlags(fs)
	format := fs.String("format", "graphml", "one of "+export.Names())
	depth := fs.Int("depth", 1, "hops around the given ids")
	limit := fs.Int("limit", 0, "at most this many actors (0: all, or 100 around ids)")
	since := fs.String("since", "", "only edges with evidence on or after this date (2006-01-02)")
	until := fs.String("until", "", "only edges with evidence on or before this date")
	events := fs.Bool("events", true, "write the actors' events as nodes linked to them (--events=false leaves them out)")
	out := fs.String("out", "", "write into this directory (neo4j: its CSV files; nquads: the N-Quads, DQL schema and GraphQL SDL) instead of standard output")
	ids, err := parseFlags(fs, args, 0, -1)
	if err != nil {
		return err
	}
	f, err := export.Lookup(*format)
	if err != nil {
		return err
	}
	opts := export.Options{IDs: ids, Depth: *depth, Limit: *limit, Window: export.Window{Since: *since, Until: *until}, NoEvents: !*events}
	if f.Whole && (len(ids) > 0 || *limit > 0 || !opts.Window.Open() || opts.NoEvents) {
		return export.ErrWhole
	}
	st, _, err := sf.openReadOnlyStore(stderr)
	if err != nil {
		return err
	}
	defer st.Close()
	g, err := export.Open(ctx, st, opts)
	if err != nil {
		return err
	}
	if g.Truncated {
		fmt.Fprintf(stderr, "newsgraph export: truncated to %d actors (--limit)\n", g.Limit)
	}
	if *out == "" {
		w := bufio.NewWriterSize(stdout, 64<<10)
		if err := f.Write(w, g); err != nil {
			return err
		}
		return w.Flush()
	}
	paths, err := exportDir(*out, f, g)
	for _, p := range paths {
		fmt.Fprintln(stderr, "wrote", p)
	}
	return err
}

// exportDir writes f into dir: Neo4j as its CSV files, N-Quads beside the
// DQL schema and GraphQL SDL Dgraph loads them with, the others as one file.
func exportDir(dir string, f export.Format, g *export.Graph) ([]string, error) {
	if f.Name == "neo4j" {
		return export.WriteNeo4jDir(dir, g)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	if f.Name == "nquads" {
		for name, text := range map[string]string{"newsgraph.schema": export.DgraphSchema, "newsgraph.graphql": export.DgraphGraphQL} {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				return paths, err
			}
			paths = append(paths, p)
		}
	}
	p := filepath.Join(dir, "newsgraph."+f.Ext)
	file, err := os.Create(p)
	if err != nil {
		return paths, err
	}
	defer file.Close()
	w := bufio.NewWriterSize(file, 64<<10)
	if err := f.Write(w, g); err != nil {
		return paths, err
	}
	if err := w.Flush(); err != nil {
		return paths, err
	}
	return append(paths, p), file.Close()
}
