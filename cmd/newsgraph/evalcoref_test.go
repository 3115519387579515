package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gumSample is a GUM-style document: "He" refers back to Vladimir Putin
// (chain 1), "it" to a treaty (chain 2, no named mention).
const gumSample = "# newdoc id = GUM_news_sample\n# text = Vladimir Putin spoke on Monday.\n" +
	"1\tVladimir\tVladimir\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=(1-person-new-x-cf1-2-coref-Vladimir_Putin\n" +
	"2\tPutin\tPutin\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)\n" +
	"3\tspoke\tspeak\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
	"4\ton\ton\tADP\tIN\t_\t5\tcase\t_\t_\n" +
	"5\tMonday\tMonday\tPROPN\tNNP\t_\t3\tobl\t_\tSpaceAfter=No\n" +
	"6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n" +
	"# text = He criticised Ukraine.\n" +
	"1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(1-person-giv-x-cf1-1-ana-Vladimir_Putin)\n" +
	"2\tcriticised\tcriticise\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
	"3\tUkraine\tUkraine\tPROPN\tNNP\t_\t2\tobj\t_\tEntity=(3-place-new-x-cf2-1-sgl-Ukraine)|SpaceAfter=No\n" +
	"4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n"

// TestEvalCorefCommand runs `eval-coref` on a GUM-style file: the pronoun's
// link to Putin counts as right and the one referring mention as found.
func TestEvalCorefCommand(t *testing.T) {
	file := filepath.Join(t.TempDir(), "sample.conllu")
	must(t, os.WriteFile(file, []byte(gumSample), 0o644))
	var out, errb bytes.Buffer
	if code := run(context.Background(), []string{"eval-coref", file}, &out, &errb); code != 0 {
		t.Fatalf("newsgraph eval-coref = %d, stderr %s", code, errb.String())
	}
	for _, want := range []string{"documents=1 links=1 right=1", "referring=1 found=1", "sieve  pronoun-person"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("newsgraph eval-coref printed %q; want it to hold %q", out.String(), want)
		}
	}
}
