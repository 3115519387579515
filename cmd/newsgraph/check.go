package main

import (
	"context"
	"fmt"
	"io"
)

// runCheck reads the whole store and says whether its rows agree with each
// other and with its counters (graph.Store.Check); exit 1 names what
// disagrees.
func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("check", stderr)
	sf := addStoreFlags(fs)
	if _, err := parseFlags(fs, args, 0, 0); err != nil {
		return err
	}
	st, _, err := sf.openReadOnlyStore(stderr)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Check(ctx); err != nil {
		return err
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(stdout, "check %s: ok (%d articles, %d entities, %d relations, %d pieces of evidence)\n",
		*sf.data, stats.Articles, stats.Entities, stats.Relations, stats.Evidence)
	return err
}
