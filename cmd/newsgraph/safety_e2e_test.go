package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"newsgraph"
	"newsgraph/graph"
)

// runExit runs the binary and returns its combined output and exit code.
func runExit(t *testing.T, args ...string) (string, int) {
	t.Helper()
	out, err := exec.Command(binary, args...).CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return string(out), code
}

// dirListing returns "name size" lines of the files in dir.
func dirListing(t *testing.T, dir string) string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err.Error()
	}
	var b strings.Builder
	for _, e := range entries {
		fi, _ := e.Info()
		fmt.Fprintf(&b, "%s %d\n", e.Name(), fi.Size())
	}
	return b.String()
}

// emptyStore creates a store holding nothing in a new directory: read
// commands refuse a directory that is not a store.
func emptyStore(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "store")
	st, err := graph.Open(dir, graph.DefaultOptions().WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// smallStore ingests a few seed articles into a new store and returns it.
func smallStore(t *testing.T) string {
	t.Helper()
	data := filepath.Join(t.TempDir(), "store")
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "wn_2019_000*.txt"))
	if out, code := runExit(t, append([]string{"ingest", "--data", data}, seeds...)...); code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, out)
	}
	return data
}

// TestMissingManifestRefused: a copy of a store without its MANIFEST is
// refused by every command that opens a store, with a message naming the
// file and what to do, exit 1, and every file left as it was (query used
// to print 0 articles, exit 0, and delete the tables).
func TestMissingManifestRefused(t *testing.T) {
	data := smallStore(t)
	if m, _ := filepath.Glob(filepath.Join(data, "*.sst")); len(m) == 0 {
		t.Fatalf("no table file after ingest:\n%s", dirListing(t, data))
	}
	if err := os.Remove(filepath.Join(data, "MANIFEST")); err != nil {
		t.Fatal(err)
	}
	before := dirListing(t, data)
	for _, args := range [][]string{
		{"query", "--data", data, statsQuery},
		{"export", "--data", data},
		{"backup", "--data", data, filepath.Join(t.TempDir(), "b")},
		{"ingest", "--data", data, filepath.Join("..", "..", "seeds", "000_9021236490f67a0c.txt")},
		{"serve", "--data", data, "--addr", "127.0.0.1:0"},
	} {
		out, code := runExit(t, args...)
		if code != 1 || !strings.Contains(out, "MANIFEST") || !strings.Contains(out, "restore") {
			t.Errorf("%s on a store without MANIFEST: exit %d\n%s\nwant exit 1 and a message naming the MANIFEST and saying to restore", args[0], code, out)
		}
		if after := dirListing(t, data); after != before {
			t.Errorf("%s changed the directory:\n%s\nnow:\n%s", args[0], before, after)
		}
	}
}

// TestReadCommandsRefuseNonStore: query, export and backup on a directory
// that is not a store fail with a clear message and write nothing.
func TestReadCommandsRefuseNonStore(t *testing.T) {
	for _, setup := range []string{"empty", "missing", "other files"} {
		dir := filepath.Join(t.TempDir(), "d")
		switch setup {
		case "empty":
			os.Mkdir(dir, 0o755)
		case "other files":
			os.Mkdir(dir, 0o755)
			os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
		}
		before := dirListing(t, dir)
		for _, args := range [][]string{
			{"query", "--data", dir, statsQuery},
			{"export", "--data", dir},
			{"backup", "--data", dir, "-"},
		} {
			out, code := runExit(t, args...)
			if code != 1 || !strings.Contains(out, "not a newsgraph store") {
				t.Errorf("%s on a %s directory: exit %d\n%s\nwant exit 1, not a newsgraph store", args[0], setup, code, out)
			}
			if after := dirListing(t, dir); after != before {
				t.Errorf("%s on a %s directory changed it:\n%s\nnow:\n%s", args[0], setup, before, after)
			}
		}
	}
}

// TestServeReadOnlyWritesNothing: serve --read-only on an empty directory
// neither seeds it nor creates a store in it.
func TestServeReadOnlyWritesNothing(t *testing.T) {
	dir := t.TempDir()
	out, code := runExit(t, "serve", "--read-only", "--data", dir, "--addr", "127.0.0.1:0")
	if code == 0 {
		t.Errorf("serve --read-only on an empty dir exited 0:\n%s", out)
	}
	if l := dirListing(t, dir); l != "" {
		t.Errorf("serve --read-only wrote into an empty dir:\n%s\n%s", l, out)
	}
}

// dirBytes returns the SHA-256 of every file under dir, by path: what a
// command that must not write may not change.
func dirBytes(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out[p] = fmt.Sprintf("%x", sha256.Sum256(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestServeReadOnlyLeavesStoreUntouched: serve --read-only of an existing
// store answers queries and leaves every file of the store as it was (it
// used to write newsgraph.addr into it); a writer that finds the store
// locked is told where the read-only server listens.
func TestServeReadOnlyLeavesStoreUntouched(t *testing.T) {
	data := smallStore(t)
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	listing, files := dirListing(t, data), dirBytes(t, data)
	s := startServer(t, data, "--read-only")
	var st statsData
	s.query(t, statsQuery, nil, &st)
	if st.Stats.Articles == 0 {
		t.Fatalf("read-only server answers %+v; want the stored articles", st.Stats)
	}
	if got := dirListing(t, data); got != listing {
		t.Errorf("files while serve --read-only runs:\n%s\nwant\n%s", got, listing)
	}
	seed, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "wn_2019_0010.txt"))
	out, code := runExit(t, append([]string{"ingest", "--data", data}, seed...)...)
	if code != 1 || !strings.Contains(out, "read-only newsgraph server is running on this store at "+s.url) {
		t.Errorf("ingest while serve --read-only runs: exit %d\n%s\nwant exit 1 naming %s", code, out, s.url)
	}
	s.stop(t)
	if got := dirListing(t, data); got != listing {
		t.Errorf("files after serve --read-only:\n%s\nwant\n%s", got, listing)
	}
	compareFiles(t, dirBytes(t, data), files)
}

// compareFiles fails for each file whose bytes differ, or that came or went.
func compareFiles(t *testing.T, got, want map[string]string) {
	t.Helper()
	for p, h := range want {
		if got[p] != h {
			t.Errorf("%s changed (sha256 %s; want %s)", p, got[p], h)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s appeared", p)
		}
	}
}

// TestEmptiedStoreNotSeeded: a store that held articles and is emptied is
// not refilled with the demo seeds; only a new directory is seeded.
func TestEmptiedStoreNotSeeded(t *testing.T) {
	data := filepath.Join(t.TempDir(), "store")
	if out, code := runExit(t, "restore", "--data", data, writeEmptyBackup(t)); code != 0 {
		t.Fatalf("restore: exit %d\n%s", code, out)
	}
	s := startServer(t, data)
	if strings.Contains(s.logs.String(), "ingesting the embedded seed articles") {
		t.Errorf("serve seeded a store that existed before:\n%s", s.logs)
	}
	s.stop(t)
}

// writeEmptyBackup writes the backup of a store that holds no article.
func writeEmptyBackup(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "empty")
	s := startServer(t, dir, "--no-seed")
	s.stop(t)
	b := filepath.Join(t.TempDir(), "backup")
	if out, code := runExit(t, "backup", "--data", dir, b); code != 0 {
		t.Fatalf("backup: exit %d\n%s", code, out)
	}
	return b
}

const ingestMutation = `mutation($in: ArticleInput!) { ingestArticle(input: $in) { id } }`

// postHost sends a GraphQL body to s with the given Host and Origin.
func postHost(t *testing.T, s *server, host, origin string, body any) (int, string) {
	t.Helper()
	b, _ := json.Marshal(body)
	req, err := http.NewRequest("POST", s.url+"/graphql", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	req.Header.Set("Content-Type", "application/json")
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(raw)
}

// TestRebindingRefused: with no token on loopback, a request naming another
// host (a DNS-rebinding page) gets 403 and stores nothing; the loopback
// names and --allowed-host names pass.
func TestRebindingRefused(t *testing.T) {
	s := startServer(t, filepath.Join(t.TempDir(), "s"), "--no-seed", "--allowed-host", "graph.lan")
	port := s.url[strings.LastIndex(s.url, ":")+1:]
	art := map[string]any{"query": ingestMutation, "variables": map[string]any{"in": map[string]any{
		"id": "rebound", "title": "t", "text": "Russia and Ukraine met in Geneva on Monday."}}}
	status, body := postHost(t, s, "attacker.example:"+port, "http://attacker.example:"+port, art)
	if status != http.StatusForbidden || !strings.Contains(body, "FORBIDDEN") {
		t.Errorf("ingest with Host and Origin attacker.example = %d %s; want 403 FORBIDDEN", status, body)
	}
	var st statsData
	s.query(t, statsQuery, nil, &st)
	if st.Stats.Articles != 0 {
		t.Errorf("a rebinding request stored %d articles", st.Stats.Articles)
	}
	for _, host := range []string{"localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "graph.lan:" + port} {
		q := map[string]any{"query": statsQuery}
		if status, body := postHost(t, s, host, "", q); status != http.StatusOK {
			t.Errorf("query with Host %s = %d %s; want 200", host, status, body)
		}
	}
	s.stop(t)
}

// TestRaceBinaryConcurrentIngestAndQueries runs a -race build of the
// command under concurrent ingestArticle calls and queries; the race
// detector makes the process report and exit 66 on a race. Building with
// -race takes minutes on a cold cache, so it runs where CI's race step sets
// NEWSGRAPH_RACE_E2E=1, after the race runs have warmed the cache.
func TestRaceBinaryConcurrentIngestAndQueries(t *testing.T) {
	if os.Getenv("NEWSGRAPH_RACE_E2E") == "" {
		t.Skip("set NEWSGRAPH_RACE_E2E=1 to build the command with -race and run it (CI's race step does)")
	}
	raced := filepath.Join(t.TempDir(), "newsgraph-race")
	if out, err := exec.Command("go", "build", "-race", "-o", raced, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build -race: %v\n%s", err, out)
	}
	saved := binary
	binary = raced
	s := startServer(t, filepath.Join(t.TempDir(), "s"), "--no-seed")
	binary = saved
	seeds, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "wn_2019_00*.txt"))
	if len(seeds) > 12 {
		seeds = seeds[:12]
	}
	// send posts a body from a goroutine: errors are reported, not fatal.
	send := func(body any) bool {
		b, _ := json.Marshal(body)
		resp, err := http.Post(s.url+"/graphql", "application/json", bytes.NewReader(b))
		if err != nil {
			t.Error(err)
			return false
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return true
	}
	var wg sync.WaitGroup
	for w := range 3 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for i := w; i < len(seeds); i += 3 {
				text, _ := os.ReadFile(seeds[i])
				in := map[string]any{"id": fmt.Sprintf("race-%d", i), "title": "t", "text": string(text)}
				if !send(map[string]any{"query": ingestMutation, "variables": map[string]any{"in": in}}) {
					return
				}
			}
		}()
		go func() {
			defer wg.Done()
			for range 10 {
				if !send(map[string]any{"query": `{ stats { articles } entities(first: 5) { edges { node { name relations(first: 3) { edges { node { predicate } } } } } } }`}) {
					return
				}
			}
		}()
	}
	wg.Wait()
	var st statsData
	s.query(t, statsQuery, nil, &st)
	if st.Stats.Articles != len(seeds) {
		t.Errorf("stored %d articles; want %d", st.Stats.Articles, len(seeds))
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-s.done:
		if err != nil || strings.Contains(s.logs.String(), "DATA RACE") {
			t.Errorf("race-built serve: %v\n%s", err, s.logs)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("serve did not stop within 60s of SIGTERM")
	}
}

// TestHomoglyphJoins: an article spelling Putin with a Cyrillic Р joins the
// actor of an earlier article in Latin letters, and an invisible override
// character does not end up in a canonical name.
func TestHomoglyphJoins(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	b := filepath.Join(dir, "b.txt")
	os.WriteFile(a, []byte("Talks\nRussian President Vladimir Putin met officials in Moscow on Monday. Putin said the talks went well.\n"), 0o644)
	os.WriteFile(b, []byte("More talks\nRussian President Vladimir \u0420utin met the Ministry of Defence\u202e in Moscow on Tuesday.\n"), 0o644)
	data := filepath.Join(dir, "store")
	for _, f := range []string{a, b} {
		if out, code := runExit(t, "ingest", "--data", data, f); code != 0 {
			t.Fatalf("ingest %s: exit %d\n%s", f, code, out)
		}
	}
	out, code := runExit(t, "query", "--data", data,
		`{ entities(type: PERSON, first: 10) { edges { node { id name aliases articleCount } } } agencies: entities(type: AGENCY, first: 10) { edges { node { name } } } }`)
	if code != 0 {
		t.Fatalf("query: exit %d\n%s", code, out)
	}
	var r struct {
		Data struct {
			Entities, Agencies struct {
				Edges []struct {
					Node struct {
						ID, Name     string
						Aliases      []string
						ArticleCount int
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out[strings.Index(out, "{"):]), &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	persons := r.Data.Entities.Edges
	if len(persons) != 1 || persons[0].Node.ID != "person:vladimir-putin" || persons[0].Node.ArticleCount != 2 {
		t.Errorf("persons = %+v; want one person:vladimir-putin named in both articles", persons)
	}
	for _, e := range r.Data.Agencies.Edges {
		if strings.ContainsRune(e.Node.Name, '\u202e') {
			t.Errorf("agency name %q keeps U+202E", e.Node.Name)
		}
	}
}

// TestFlippedValueLogByteDataCorrupt: one byte of a stored article text
// flipped in Badger's value log is answered with DATA_CORRUPT, not with the
// altered text.
func TestFlippedValueLogByteDataCorrupt(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	// Over Badger's 1 MiB value threshold, so the text lives in a .vlog.
	os.WriteFile(big, []byte("Long\nMARKER "+strings.Repeat("Russia and Ukraine met in Geneva on Monday. ", 30000)), 0o644)
	data := filepath.Join(dir, "store")
	if out, code := runExit(t, "ingest", "--data", data, "--max-article-bytes", "4000000", big); code != 0 {
		t.Fatalf("ingest: exit %d\n%s", code, out)
	}
	vlogs, _ := filepath.Glob(filepath.Join(data, "*.vlog"))
	flipped := false
	for _, name := range vlogs {
		b, _ := os.ReadFile(name)
		if i := bytes.Index(b, []byte("MARKER")); i >= 0 {
			b[i+100000] ^= 0x20
			os.WriteFile(name, b, 0o644)
			flipped = true
		}
	}
	if !flipped {
		t.Fatalf("the article text is in no .vlog file:\n%s", dirListing(t, data))
	}
	out, code := runExit(t, "query", "--data", data, `{ articles(first: 1) { edges { node { id text } } } }`)
	if code != 1 || !strings.Contains(out, "DATA_CORRUPT") || strings.Contains(out, "MARKER") {
		t.Errorf("query of the damaged article: exit %d\n%.2000s\nwant exit 1 and DATA_CORRUPT, no text", code, out)
	}
}

// TestCheckCommand: check reads a store made by ingest and delete and says
// it is whole; on a directory that is no store it fails.
func TestCheckCommand(t *testing.T) {
	data := smallStore(t)
	var first string
	err := newsgraph.ReadPath(filepath.Join("..", "..", "seeds", "wn_2019_0001.txt"), newsgraph.ReadOptions{},
		func(a *newsgraph.Article, err error) error {
			first = a.ID
			return err
		})
	if err != nil {
		t.Fatal(err)
	}
	if out, code := runExit(t, "delete", "--data", data, first); code != 0 {
		t.Fatalf("delete: exit %d\n%s", code, out)
	}
	out, code := runExit(t, "check", "--data", data)
	if code != 0 || !strings.Contains(out, ": ok (") {
		t.Errorf("check: exit %d\n%s; want exit 0 and ok", code, out)
	}
	if out, code := runExit(t, "check", "--data", t.TempDir()); code == 0 {
		t.Errorf("check of an empty directory: exit 0\n%s; want a failure", out)
	}
}
