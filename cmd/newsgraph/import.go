package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"newsgraph/graph/export"
)

func runImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("import", stderr)
	sf := addStoreFlags(fs)
	pos, err := parseFlags(fs, args, 1, 1)
	if err != nil {
		return err
	}
	in := io.Reader(os.Stdin)
	if pos[0] != "-" {
		f, err := os.Open(pos[0])
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	st, err := sf.open(newLogger(stderr, *sf.verbose))
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := export.Import(ctx, st, in)
	if err != nil {
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	fmt.Fprintf(stdout, "imported into %s: %d articles, %d entities, %d relations, %d evidence\n",
		*sf.data, s.Articles, s.Entities, s.Relations, s.Evidence)
	return nil
}
