package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"newsgraph/extract/syntax"
)

// runEvalParse scores the embedded tagger and parser on CoNLL-U files (by
// default the EWT and GUM test sets in ../shared/data/ud): UPOS, XPOS, UAS
// and LAS with predicted tags.
func runEvalParse(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("eval-parse", stderr)
	ud := fs.String("ud", "../shared/data/ud", "directory of the UD test files, when no FILE is given")
	files, err := parseFlags(fs, args, 0, -1)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		files = []string{filepath.Join(*ud, "en_ewt-ud-test.conllu"), filepath.Join(*ud, "en_gum-ud-test.conllu")}
	}
	m, err := syntax.Default()
	if err != nil {
		return err
	}
	for _, f := range files {
		r, err := os.Open(f)
		if err != nil {
			return err
		}
		ss, err := syntax.ReadCoNLLU(r)
		r.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		fmt.Fprintf(stdout, "%s: %v\n", filepath.Base(f), m.Evaluate(ss))
	}
	return nil
}
