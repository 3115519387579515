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
	sf := addStoreFlags(fs).addSync(fs)
	pos, err := parseFlags(fs, args, 1, 1)
	if err != nil {
		return err
	}
	in, err := openInput(pos[0])
	if err != nil {
		return err
	}
	defer in.Close()
	st, _, err := sf.openStore(stderr)
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

// openInput opens the file at path, or standard input for "-".
func openInput(path string) (io.ReadCloser, error) {
	if path == "-" {
		return io.NopCloser(os.Stdin), nil
	}
	return os.Open(path)
}
