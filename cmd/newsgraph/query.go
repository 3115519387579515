package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"

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
	st, err := sf.openReadOnly(newLogger(stderr, *sf.verbose))
	if err != nil {
		return err
	}
	defer st.Close()
	// No extractor: the command reads; ingest stores. The store is the
	// caller's own, so the server's cost limits, which guard it against
	// other clients, are lifted (depth and query length still apply).
	h, err := gql.NewHandler(st, nil, gql.Options{Logger: newLogger(stderr, *sf.verbose),
		MaxCost: math.MaxInt32, MaxSelections: math.MaxInt32, MaxAliases: math.MaxInt32})
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
