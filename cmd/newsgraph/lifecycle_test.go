package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"newsgraph"
	"newsgraph/extract"
	"newsgraph/graph"
	"newsgraph/graph/gql"
)

// answerQueries are the questions two stores must answer alike to hold the
// same graph: every count, every actor, every edge with its evidence.
var answerQueries = []string{
	`{ stats { articles entities relations evidence } }`,
	`{ entities(first: 100) { totalCount edges { node { id name type country { id } aliases mentionCount articleCount } } } }`,
	`{ entities(type: PERSON, first: 100) { totalCount edges { node { id mentionCount } } } }`,
	`{ relations(first: 100) { totalCount edges { node { id predicate kind weight confidence
		subject { id } object { id } evidence(first: 100) { sentence start end article { id } } } } } }`,
	`{ articles(first: 100) { totalCount edges { node { id title entities { id } } } } }`,
	`{ entity(name: "Russia") { id mentionCount relations(first: 100) { totalCount edges { node { id weight } } } } }`,
	`{ stats { events } events(first: 100) { totalCount edges { node { id subject { id } predicate lemma kind objectText modality date
		evidence { sentence start end negated confidence article { id } } } } } }`,
	`{ entity(name: "Vladimir Putin") { events(first: 100) { totalCount edges { node { id predicate objectText } } } } }`,
}

// answers runs answerQueries against the store in dir.
func answers(t *testing.T, dir string) []string {
	t.Helper()
	st, err := graph.Open(dir, graph.DefaultOptions().WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	h, err := gql.NewHandler(st, nil, gql.Options{MaxCost: math.MaxInt32, MaxSelections: math.MaxInt32})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, q := range answerQueries {
		resp := h.Exec(context.Background(), q, "", nil)
		if len(resp.Errors) > 0 {
			t.Fatalf("%s: %v", q, resp.Errors)
		}
		out = append(out, string(resp.Data))
	}
	return out
}

// sameAnswers compares answers as sets where order is not the point: a
// store that lost and regained actors gave them new internal ids, which
// order ties (equal mention counts) differently from a fresh build.
func sameAnswers(t *testing.T, what string, got, want []string) {
	t.Helper()
	for i := range want {
		g, w := canonical(t, got[i]), canonical(t, want[i])
		if g != w {
			t.Errorf("%s: %s\n got %.800s\nwant %.800s", what, answerQueries[i], g, w)
		}
	}
}

// canonical is a JSON answer with every list sorted.
func canonical(t *testing.T, s string) string {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(sortLists(v))
	return string(b)
}

func sortLists(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = sortLists(e)
		}
	case []any:
		keys := make([]string, len(x))
		for i, e := range x {
			b, _ := json.Marshal(sortLists(e))
			keys[i] = string(b)
		}
		slices.Sort(keys)
		out := make([]any, len(keys))
		for i, k := range keys {
			json.Unmarshal([]byte(k), &out[i])
		}
		return out
	}
	return v
}

// seedFiles copies the named embedded seed articles into a new directory.
func seedFiles(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join("..", "..", "seeds", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, stdout, stderr := runBinary(t, "", args...)
	if code != 0 {
		t.Fatalf("newsgraph %v: exit %d\n%s%s", args, code, stdout, stderr)
	}
	return stdout
}

// TestDeleteEqualsNeverIngested: A and B ingested, then B deleted with the
// CLI, answers every query as a store that only ever had A.
func TestDeleteEqualsNeverIngested(t *testing.T) {
	a := seedFiles(t, "000_9021236490f67a0c.txt", "wn_2019_0001.txt", "wn_2019_0002.txt", "wn_2019_0003.txt")
	b := seedFiles(t, "wn_2019_0004.txt", "wn_2019_0005.txt")
	only, both := t.TempDir(), t.TempDir()
	mustRun(t, "ingest", "--data", only, a)
	mustRun(t, "ingest", "--data", both, a, b)
	before := answers(t, both)
	var ids []string
	err := newsgraph.ReadPath(b, newsgraph.ReadOptions{}, func(a *newsgraph.Article, err error) error {
		if err != nil {
			return err
		}
		ids = append(ids, a.ID)
		return nil
	})
	if err != nil || len(ids) != 2 {
		t.Fatalf("reading B: %v, %v", ids, err)
	}
	out := mustRun(t, append([]string{"delete", "--data", both}, ids...)...)
	if strings.Count(out, "deleted ") != len(ids) {
		t.Errorf("delete printed %q; want a line per id", out)
	}
	after, want := answers(t, both), answers(t, only)
	if reflect.DeepEqual(before, want) {
		t.Fatal("A+B answers as A alone before the delete: the test compares nothing")
	}
	sameAnswers(t, "A+B after deleting B", after, want)
	if code, _, stderr := runBinary(t, "", "delete", "--data", both, ids[0]); code != 1 || !strings.Contains(stderr, "not stored") {
		t.Errorf("deleting a deleted article: exit %d, %q; want exit 1, not stored", code, stderr)
	}
}

// TestReextractEqualsFreshBuild: a store built by an older extractor (the
// NER tagger off stands for it) is, after reextract, the store a fresh
// build with the current extractor gives; a second run has nothing to do.
func TestReextractEqualsFreshBuild(t *testing.T) {
	files := seedFiles(t, "000_9021236490f67a0c.txt", "wn_2019_0001.txt", "wn_2019_0002.txt", "wn_2019_0006.txt", "wn_2019_0007.txt")
	old, fresh := t.TempDir(), t.TempDir()
	older, err := extract.New(extract.WithNERTagger(false))
	if err != nil {
		t.Fatal(err)
	}
	buildWith(t, old, older, files)
	mustRun(t, "ingest", "--data", fresh, files)
	if reflect.DeepEqual(answers(t, old), answers(t, fresh)) {
		t.Fatal("the older extractor finds what the current one does: the test compares nothing")
	}

	s := startServer(t, old, "--no-seed")
	s.stop(t)
	if !strings.Contains(s.logs.String(), "newsgraph reextract") {
		t.Errorf("serve on a store of an older extractor does not say to reextract:\n%s", s.logs)
	}

	out := mustRun(t, "reextract", "--data", old)
	if !strings.Contains(out, "5 article(s) to re-extract") || !strings.Contains(out, "re-extracted 5") {
		t.Errorf("reextract printed %q; want 5 articles re-extracted", out)
	}
	sameAnswers(t, "re-extracted", answers(t, old), answers(t, fresh))
	if out := mustRun(t, "reextract", "--data", old); !strings.Contains(out, "0 article(s) to re-extract") {
		t.Errorf("second reextract printed %q; want nothing to do", out)
	}
}

// buildWith ingests the files under dir into a store in data with x.
func buildWith(t *testing.T, data string, x *extract.Extractor, dir string) {
	t.Helper()
	st, err := graph.Open(data, graph.DefaultOptions().WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	run := ingestRun{store: st.Ingest, log: newLogger(io.Discard, false), bar: newBar(nil, nil, "")}
	sum, err := ingestAll(context.Background(), x, pathSource([]string{dir}, newsgraph.ReadOptions{MaxArticleBytes: newsgraph.DefaultMaxArticleBytes}), run)
	if err != nil || sum.New == 0 || sum.Failed > 0 {
		t.Fatalf("ingest with the older extractor: %+v, %v", sum, err)
	}
}

// TestProgressShowsTotalPercentRateAndETA renders the bar as a terminal
// would get it.
func TestProgressShowsTotalPercentRateAndETA(t *testing.T) {
	var buf bytes.Buffer
	bar := newBar(&buf, func() int { return 4 }, "ingesting")
	bar.Add(1)
	out := buf.String()
	for _, want := range []string{"25%", "1/4", "articles/s", "ingesting"} {
		if !strings.Contains(out, want) {
			t.Errorf("progress bar %q lacks %q", out, want)
		}
	}
	if !strings.Contains(out, ":") { // the [elapsed:left] estimate
		t.Errorf("progress bar %q shows no time estimate", out)
	}
	var none bytes.Buffer
	if w := progressWriter(&none, false); w != nil {
		t.Errorf("progressWriter(not a terminal) = %v; want nil (no bar)", w)
	}
	dir := seedFiles(t, "wn_2019_0001.txt", "wn_2019_0002.txt", "wn_2019_0003.txt")
	ro := newsgraph.ReadOptions{MaxArticleBytes: newsgraph.DefaultMaxArticleBytes}
	if n := countArticles([]string{dir}, ro); n != 3 {
		t.Errorf("countArticles(dir of 3 articles) = %d; want 3", n)
	}
	if n := countArticles([]string{dir, "-"}, ro); n != -1 {
		t.Errorf("countArticles(with stdin) = %d; want -1 (unknown)", n)
	}
}

// TestIngestReplace: a corrected text under a stored id is refused by a
// plain ingest and replaces the stored one with --replace.
func TestIngestReplace(t *testing.T) {
	data, dir := t.TempDir(), t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		b, _ := json.Marshal(map[string]string{"id": "story-1", "title": "Story", "text": text})
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	v1 := write("v1.json", "Vladimir Putin met Emmanuel Macron in Paris on Monday.")
	v2 := write("v2.json", "Vladimir Putin met Olaf Scholz in Berlin on Monday.")
	mustRun(t, "ingest", "--data", data, v1)
	if code, stdout, _ := runBinary(t, "", "ingest", "--data", data, v2); code != 1 || !strings.Contains(stdout, "1 failed") {
		t.Errorf("ingest of another text under a stored id: exit %d, %q; want it refused", code, stdout)
	}
	if out := mustRun(t, "ingest", "--data", data, "--replace", v2); !strings.Contains(out, "1 replaced") {
		t.Errorf("ingest --replace printed %q; want 1 replaced", out)
	}
	out := mustRun(t, "query", "--data", data, `{ article(id: "story-1") { text } stats { articles } }`)
	if !strings.Contains(out, "Olaf Scholz") || !strings.Contains(out, `"articles": 1`) {
		t.Errorf("after --replace: %s; want the new text, one article", out)
	}
}
