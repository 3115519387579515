package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"newsgraph/extract/syntax"
)

// TestParseCommand runs `parse` on a text file and on CoNLL-U: the output is
// CoNLL-U with a tree per sentence; malformed CoNLL-U is an error naming
// its line.
func TestParseCommand(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "a.txt")
	bad := filepath.Join(dir, "bad.conllu")
	good := filepath.Join(dir, "good.conllu")
	must(t, os.WriteFile(text, []byte("The treaty was signed by Russia. China didn't comment."), 0o644))
	must(t, os.WriteFile(bad, []byte("# text = x y\n1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n2\ty\t_\t_\n"), 0o644))
	must(t, os.WriteFile(good, []byte("1\tPutin\t_\t_\t_\t_\t_\t_\t_\t_\n2\tspoke\t_\t_\t_\t_\t_\t_\t_\t_\n\n"), 0o644))

	for _, tc := range []struct {
		args      []string
		sentences int
	}{{[]string{"parse", text}, 2}, {[]string{"parse", "--conllu", good}, 1}} {
		var out, errb bytes.Buffer
		if code := run(context.Background(), tc.args, &out, &errb); code != 0 {
			t.Fatalf("newsgraph %v = %d, stderr %s", tc.args, code, errb.String())
		}
		ss, err := syntax.ReadCoNLLU(&out)
		if err != nil || len(ss) != tc.sentences {
			t.Fatalf("newsgraph %v printed %d sentences (%v); want %d", tc.args, len(ss), err, tc.sentences)
		}
		if err := syntax.CheckTrees(ss); err != nil {
			t.Errorf("newsgraph %v: %v", tc.args, err)
		}
	}

	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"parse", "--conllu", bad}, &out, &errb); code == 0 || !strings.Contains(errb.String(), "line 3") {
		t.Errorf("newsgraph parse --conllu bad.conllu = %d, stderr %q; want an error at line 3", code, errb.String())
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
