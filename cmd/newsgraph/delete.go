package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"newsgraph/graph"
)

func runDelete(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("delete", stderr)
	sf := addStoreFlags(fs).addSync(fs)
	ids, err := parseFlags(fs, args, 1, -1)
	if err != nil {
		return err
	}
	st, _, err := sf.openStore(stderr)
	if err != nil {
		return err
	}
	defer st.Close()
	missing := 0
	for _, id := range ids {
		switch err := st.DeleteArticle(ctx, id); {
		case errors.Is(err, graph.ErrNotFound):
			missing++
			fmt.Fprintf(stderr, "newsgraph delete: article %q is not stored\n", id)
		case err != nil:
			return err
		default:
			fmt.Fprintf(stdout, "deleted %s\n", id)
		}
	}
	if missing > 0 {
		return fmt.Errorf("%d of %d article(s) not found", missing, len(ids))
	}
	return nil
}
