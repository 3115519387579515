package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"newsgraph/graph/gql"
)

func runQuery(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("query", stderr)
	sf := addStoreFlags(fs)
	vars := fs.String("variables", "", "variables as a JSON object")
	op := fs.String("operation", "", "operation name, when the query has several")
	pos, err := parseFlags(fs, args, 1, 1)
	if err != nil {
		return err
	}
	var variables map[string]any
	if *vars != "" {
		if err := json.Unmarshal([]byte(*vars), &variables); err != nil {
			return fmt.Errorf("--variables: %w", err)
		}
	}
	st, err := sf.open(newLogger(stderr, *sf.verbose))
	if err != nil {
		return err
	}
	defer st.Close()
	// No extractor: the command reads; ingest stores.
	h, err := gql.NewHandler(st, nil, gql.Options{Logger: newLogger(stderr, *sf.verbose)})
	if err != nil {
		return err
	}
	resp := h.Exec(ctx, pos[0], *op, variables)
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(resp); err != nil {
		return err
	}
	if len(resp.Errors) > 0 {
		return fmt.Errorf("query failed: %v", resp.Errors[0])
	}
	return nil
}
