package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"newsgraph/graph"
)

func runBackup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("backup", stderr)
	sf := addStoreFlags(fs)
	pos, err := parseFlags(fs, args, 1, 1)
	if err != nil {
		return err
	}
	st, _, err := sf.openReadOnlyStore(stderr)
	if err != nil {
		return err
	}
	defer st.Close()
	if pos[0] == "-" {
		return st.Backup(ctx, stdout)
	}
	// Write beside the target and rename, so a failed backup never leaves a
	// truncated file under the name.
	tmp := pos[0] + ".partial"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := st.Backup(ctx, f); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, pos[0]); err != nil {
		return err
	}
	stats, err := st.Stats(ctx)
	if err == nil {
		fmt.Fprintf(stderr, "backup %s: %d articles, %d entities, %d relations\n", pos[0], stats.Articles, stats.Entities, stats.Relations)
	}
	return err
}

func runRestore(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("restore", stderr)
	sf := addStoreFlags(fs)
	pos, err := parseFlags(fs, args, 1, 1)
	if err != nil {
		return err
	}
	in, err := openInput(pos[0])
	if err != nil {
		return err
	}
	defer in.Close()
	if err := graph.Restore(ctx, *sf.data, in); err != nil {
		return err
	}
	st, _, err := sf.openReadOnlyStore(stderr)
	if err != nil {
		return err
	}
	defer st.Close()
	stats, err := st.Stats(ctx)
	if err == nil {
		fmt.Fprintf(stdout, "restored into %s: %d articles, %d entities, %d relations, %d evidence\n",
			*sf.data, stats.Articles, stats.Entities, stats.Relations, stats.Evidence)
	}
	return err
}
