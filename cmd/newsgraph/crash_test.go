package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"syscall"
	"testing"

	"newsgraph"
)

// writeBatch writes n distinct articles (the seeds, renumbered) as JSON Lines.
func writeBatch(t *testing.T, path string, n int) []string {
	t.Helper()
	seeds, err := newsgraph.Seeds()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	var ids []string
	for i := range n {
		s := seeds[i%len(seeds)]
		id := fmt.Sprintf("batch-%04d", i)
		ids = append(ids, id)
		enc.Encode(map[string]string{"id": id, "title": s.Title, "text": s.Text, "published_at": s.PublishedAt})
	}
	return ids
}

// writeSubset writes the lines of the JSON Lines batch whose article is in
// keep to path, in the batch's order.
func writeSubset(t *testing.T, batch, path string, keep map[string]articleView) {
	t.Helper()
	b, err := os.ReadFile(batch)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var a struct{ ID string }
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatal(err)
		}
		if _, ok := keep[a.ID]; ok {
			out = append(out, line)
		}
	}
	if len(out) != len(keep) {
		t.Fatalf("%d of the %d stored articles found in the batch", len(out), len(keep))
	}
	if err := os.WriteFile(path, []byte(strings.Join(out, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// articleView is what the store holds of one article: its actors and edges.
type articleView struct {
	Entities  []string
	Relations []string
}

// dumpStore reads every article's entity and relation ids, and the stats,
// through `newsgraph query`.
func dumpStore(t *testing.T, data string) (map[string]articleView, string) {
	t.Helper()
	views := map[string]articleView{}
	after := ""
	for {
		q := fmt.Sprintf(`{ articles(first: 100, after: %q) { edges { node { id entities { id } relations { id evidence(first: 100) { start } } } } pageInfo { hasNextPage endCursor } } }`, after)
		if after == "" {
			q = strings.Replace(q, `, after: ""`, "", 1)
		}
		out, err := exec.Command(binary, "query", "--data", data, q).Output()
		if err != nil {
			t.Fatalf("query: %v", err)
		}
		var r struct {
			Data struct {
				Articles struct {
					Edges []struct {
						Node struct {
							ID        string
							Entities  []struct{ ID string }
							Relations []struct {
								ID       string
								Evidence []struct{ Start int }
							}
						}
					}
					PageInfo struct {
						HasNextPage bool
						EndCursor   string
					}
				}
			}
		}
		if err := json.Unmarshal(out, &r); err != nil {
			t.Fatalf("query output: %v\n%s", err, out)
		}
		for _, e := range r.Data.Articles.Edges {
			var v articleView
			for _, en := range e.Node.Entities {
				v.Entities = append(v.Entities, en.ID)
			}
			for _, rel := range e.Node.Relations {
				if len(rel.Evidence) == 0 {
					t.Errorf("article %s: relation %s has no evidence", e.Node.ID, rel.ID)
				}
				v.Relations = append(v.Relations, rel.ID)
			}
			sort.Strings(v.Entities)
			sort.Strings(v.Relations)
			views[e.Node.ID] = v
		}
		if !r.Data.Articles.PageInfo.HasNextPage {
			break
		}
		after = r.Data.Articles.PageInfo.EndCursor
	}
	out, err := exec.Command(binary, "query", "--data", data, statsQuery).Output()
	if err != nil {
		t.Fatalf("stats query: %v", err)
	}
	return views, string(out)
}

// TestKillMidIngest kills ingest with SIGKILL part way through a batch: the
// store must open, hold each article whole or not at all, and a re-run must
// end exactly where a clean run does.
func TestKillMidIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("runs two full ingests of a 200-article batch")
	}
	dir := t.TempDir()
	batch := filepath.Join(dir, "batch.jsonl")
	ids := writeBatch(t, batch, 200)

	clean := filepath.Join(dir, "clean")
	if out, err := exec.Command(binary, "ingest", "--data", clean, batch).CombinedOutput(); err != nil {
		t.Fatalf("clean ingest: %v\n%s", err, out)
	}
	cleanViews, cleanStats := dumpStore(t, clean)
	if len(cleanViews) != len(ids) {
		t.Fatalf("clean run stored %d articles; want %d", len(cleanViews), len(ids))
	}

	killed := filepath.Join(dir, "killed")
	cmd := exec.Command(binary, "ingest", "-v", "--data", killed, batch)
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	stored := 0
	for sc.Scan() && stored < 40 {
		if strings.Contains(sc.Text(), "msg=ingested") {
			stored++
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if stored < 40 {
		t.Fatalf("ingest ended after %d articles, before it could be killed", stored)
	}

	views, killedStats := dumpStore(t, killed)
	t.Logf("after SIGKILL the store holds %d of %d articles", len(views), len(ids))
	// An actor's id is chosen from all the articles stored (graph's
	// identity.go), so the store after the kill is compared with a clean
	// run of the articles it holds, not of all 200.
	subset := filepath.Join(dir, "subset.jsonl")
	writeSubset(t, batch, subset, views)
	cleanSubset := filepath.Join(dir, "clean-subset")
	if out, err := exec.Command(binary, "ingest", "--data", cleanSubset, subset).CombinedOutput(); err != nil {
		t.Fatalf("clean ingest of the stored articles: %v\n%s", err, out)
	}
	subsetViews, subsetStats := dumpStore(t, cleanSubset)
	if killedStats != subsetStats {
		t.Errorf("stats after the kill:\n%s\nwant those of a clean run of the same articles:\n%s", killedStats, subsetStats)
	}
	for id, v := range views {
		if want := subsetViews[id]; !reflect.DeepEqual(v, want) {
			t.Errorf("article %s after the kill = %d entities, %d relations; want %d, %d as in a clean run",
				id, len(v.Entities), len(v.Relations), len(want.Entities), len(want.Relations))
		}
	}

	if out, err := exec.Command(binary, "ingest", "--data", killed, batch).CombinedOutput(); err != nil {
		t.Fatalf("re-run after the kill: %v\n%s", err, out)
	}
	rerunViews, rerunStats := dumpStore(t, killed)
	if rerunStats != cleanStats {
		t.Errorf("stats after kill and re-run:\n%s\nwant those of a clean run:\n%s", rerunStats, cleanStats)
	}
	if !reflect.DeepEqual(rerunViews, cleanViews) {
		t.Errorf("articles after kill and re-run differ from a clean run")
	}
}

// TestSecondProcessIsTold checks that a second process on a data dir in use
// gets a plain message, not a Badger stack trace.
func TestSecondProcessIsTold(t *testing.T) {
	data := t.TempDir()
	s := startServer(t, data, "--no-seed")
	defer s.stop(t)
	out, err := exec.Command(binary, "ingest", "--data", data, "-").CombinedOutput()
	if err == nil || !strings.Contains(string(out), "store in use by another process") || strings.Contains(string(out), "goroutine") {
		t.Errorf("ingest on a dir in use: %v\n%s\nwant exit 1 with 'store in use by another process'", err, out)
	}
	if !strings.Contains(string(out), fmt.Sprint(s.cmd.Process.Pid)) {
		t.Logf("message does not name the holder's pid %d: %s", s.cmd.Process.Pid, out)
	}
}

// TestBackupRestore restores a backup into a new dir and compares what the
// two stores answer.
func TestBackupRestore(t *testing.T) {
	dir := t.TempDir()
	batch := filepath.Join(dir, "batch.jsonl")
	writeBatch(t, batch, 20)
	src, dst := filepath.Join(dir, "src"), filepath.Join(dir, "dst")
	if out, err := exec.Command(binary, "ingest", "--data", src, batch).CombinedOutput(); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	file := filepath.Join(dir, "store.backup")
	if out, err := exec.Command(binary, "backup", "--data", src, file).CombinedOutput(); err != nil {
		t.Fatalf("backup: %v\n%s", err, out)
	}
	if out, err := exec.Command(binary, "restore", "--data", dst, file).CombinedOutput(); err != nil {
		t.Fatalf("restore: %v\n%s", err, out)
	}
	srcViews, srcStats := dumpStore(t, src)
	dstViews, dstStats := dumpStore(t, dst)
	if srcStats != dstStats || !reflect.DeepEqual(srcViews, dstViews) || len(dstViews) != 20 {
		t.Errorf("restored store differs: stats %s vs %s, %d vs %d articles", dstStats, srcStats, len(dstViews), len(srcViews))
	}
	for _, q := range []string{
		`{ entity(name: "Putin") { id aliases relations(first: 5) { edges { node { id predicate evidence { sentence } } } } } }`,
		`{ entities(type: AGENCY, first: 10) { totalCount edges { cursor node { id mentionCount } } } }`,
		`{ relations(kind: STATEMENT, first: 10) { totalCount edges { node { id subject { id } object { id } } } } }`,
	} {
		a, errA := exec.Command(binary, "query", "--data", src, q).Output()
		b, errB := exec.Command(binary, "query", "--data", dst, q).Output()
		if errA != nil || errB != nil || string(a) != string(b) {
			t.Errorf("query %s: source and restored stores answer differently (%v, %v)", q, errA, errB)
		}
	}
	// Restoring over data is refused: a backup never overwrites a store.
	out, err := exec.Command(binary, "restore", "--data", dst, file).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "not empty") {
		t.Errorf("restore into a non-empty dir: %v\n%s\nwant a refusal", err, out)
	}
}
