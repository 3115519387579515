package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"strings"

	"newsgraph/graph/gql"
)

// queryReadOnly is what a mutation sent through `newsgraph query` is told.
const queryReadOnly = "newsgraph query only reads: store articles with `newsgraph ingest`, remove them with `newsgraph delete`, or send the mutation to a running server's /graphql"

func runQuery(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("query", stderr)
	sf := addStoreFlags(fs)
	vars := fs.String("variables", "", "variables as a JSON object")
	op := fs.String("operation", "", "operation name, when the query has several")
	file := fs.String("file", "", "read the query from this file (- for standard input) instead of the argument")
	pos, err := parseFlags(fs, args, 0, 1)
	if err != nil {
		return err
	}
	query, err := queryText(pos, *file, os.Stdin)
	if err != nil {
		fs.Usage()
		return err
	}
	var variables map[string]any
	if *vars != "" {
		if err := json.Unmarshal([]byte(*vars), &variables); err != nil {
			return fmt.Errorf("--variables: %w", err)
		}
	}
	st, log, err := sf.openReadOnlyStore(stderr)
	if err != nil {
		return err
	}
	defer st.Close()
	// No extractor: the command reads; ingest stores. The store is the
	// caller's own, so the server's cost limits, which guard it against
	// other clients, are lifted (depth and query length still apply).
	h, err := gql.NewHandler(st, nil, gql.Options{Logger: log, ReadOnlyMessage: queryReadOnly,
		MaxCost: math.MaxInt32, MaxSelections: math.MaxInt32, MaxAliases: math.MaxInt32})
	if err != nil {
		return err
	}
	resp := h.Exec(ctx, query, *op, variables)
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

// queryText is the query of `query 'GRAPHQL'`, `query -` (standard input)
// or `query --file F`: exactly one of them.
func queryText(pos []string, file string, stdin io.Reader) (string, error) {
	switch {
	case file != "" && len(pos) > 0:
		return "", fmt.Errorf("give the query as an argument or with --file, not both")
	case file == "" && len(pos) == 0:
		return "", fmt.Errorf("no query: give it as an argument, - for standard input, or --file F")
	case file == "":
		file = pos[0]
		if file != "-" {
			return file, nil // the argument is the query itself
		}
	}
	var b []byte
	var err error
	if file == "-" {
		b, err = io.ReadAll(stdin)
	} else {
		b, err = os.ReadFile(file)
	}
	if err != nil {
		return "", fmt.Errorf("reading the query: %w", err)
	}
	if strings.TrimSpace(string(b)) == "" {
		return "", fmt.Errorf("the query read from %s is empty", file)
	}
	return string(b), nil
}
