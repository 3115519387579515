package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// binary is the newsgraph command built once for the tests that run it as a
// user would.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "newsgraph-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "newsgraph")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// server is a running `newsgraph serve`.
type server struct {
	cmd  *exec.Cmd
	url  string // http://127.0.0.1:PORT
	logs *syncBuffer
	done chan error
}

// syncBuffer is a bytes.Buffer the server's log reader writes while the
// test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) WriteString(x string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.b.WriteString(x)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var servingRE = regexp.MustCompile(`(?:msg=serving graphql=|"msg":"serving","graphql":")(http://[^ "]+)/graphql`)

// startServer runs serve on dataDir at 127.0.0.1:0 and waits until it
// listens (after seeding, if it seeds).
func startServer(t testing.TB, dataDir string, args ...string) *server {
	t.Helper()
	cmd := exec.Command(binary, append([]string{"serve", "--data", dataDir, "--addr", "127.0.0.1:0"}, args...)...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{cmd: cmd, logs: new(syncBuffer), done: make(chan error, 1)}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			s.logs.WriteString(line + "\n")
			if m := servingRE.FindStringSubmatch(line); m != nil {
				found <- m[1]
			}
		}
		s.done <- cmd.Wait()
	}()
	t.Cleanup(func() { s.cmd.Process.Kill() })
	select {
	case s.url = <-found:
		return s
	case err := <-s.done:
		t.Fatalf("serve exited before listening: %v\n%s", err, s.logs)
	case <-time.After(5 * time.Minute):
		t.Fatalf("serve did not listen within 5 minutes\n%s", s.logs)
	}
	return nil
}

// stop sends SIGTERM and wants a clean exit.
func (s *server) stop(t *testing.T) {
	t.Helper()
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-s.done:
		if err != nil {
			t.Fatalf("serve after SIGTERM: %v\n%s", err, s.logs)
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("serve did not stop within 30s of SIGTERM")
	}
}

// gqlResponse is a GraphQL response with data left raw for the caller.
type gqlResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string         `json:"message"`
		Extensions map[string]any `json:"extensions"`
	} `json:"errors"`
}

// post sends a JSON body to /graphql and decodes the GraphQL response.
func (s *server) post(t *testing.T, body []byte) (int, gqlResponse) {
	t.Helper()
	resp, err := http.Post(s.url+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var r gqlResponse
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatalf("POST /graphql: %d %s", resp.StatusCode, raw)
	}
	return resp.StatusCode, r
}

// query posts a GraphQL query and decodes data into out; GraphQL errors fail
// the test.
func (s *server) query(t *testing.T, q string, vars map[string]any, out any) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": q, "variables": vars})
	status, r := s.post(t, body)
	if len(r.Errors) > 0 || status != http.StatusOK {
		t.Fatalf("query %s: %d %+v", q, status, r.Errors)
	}
	if err := json.Unmarshal(r.Data, out); err != nil {
		t.Fatalf("decoding %s: %v", r.Data, err)
	}
}

type statsData struct {
	Stats struct{ Articles, Entities, Relations, Evidence, Events int } `json:"stats"`
}

type relationNode struct {
	ID        string `json:"id"`
	Predicate string `json:"predicate"`
	Subject   struct{ ID, Name string }
	Object    struct{ ID, Name string }
	Weight    int `json:"weight"`
	Evidence  []struct {
		Sentence   string `json:"sentence"`
		Start, End int
		Article    struct{ ID, Title string }
	} `json:"evidence"`
}

const statsQuery = `{ stats { articles entities relations evidence events } }`

// TestServeSeeds is the newcomer's path: serve on an empty dir seeds the
// embedded corpus; the graph answers; a restart keeps everything.
func TestServeSeeds(t *testing.T) {
	data := t.TempDir()
	s := startServer(t, data)
	if !strings.Contains(s.logs.String(), "ingesting the embedded seed articles") {
		t.Errorf("serve on an empty store did not say it seeds:\n%s", s.logs)
	}
	var before statsData
	s.query(t, statsQuery, nil, &before)
	if before.Stats.Articles < 172 || before.Stats.Entities == 0 || before.Stats.Relations == 0 {
		t.Fatalf("stats after seeding = %+v; want >= 172 articles and some entities and relations", before.Stats)
	}

	t.Run("healthz", func(t *testing.T) {
		resp, err := http.Get(s.url + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET /healthz = %d; want 200", resp.StatusCode)
		}
	})

	t.Run("agency sectors", func(t *testing.T) { seedSectors(t, s) })

	t.Run("putin and a relation to follow", func(t *testing.T) {
		var d struct {
			Entity struct {
				ID, Name, Type string
				Aliases        []string
				MentionCount   int
				Relations      struct {
					TotalCount int
					Edges      []struct{ Node relationNode }
				}
			}
		}
		s.query(t, `query($n: String) { entity(name: $n) { id name type aliases mentionCount
			relations(first: 20) { totalCount edges { node { id predicate weight
				subject { id name } object { id name }
				evidence(first: 3) { sentence start end article { id title } } } } } } }`,
			map[string]any{"n": "vladimir putin"}, &d)
		e := d.Entity
		if e.Name != "Vladimir Putin" || e.Type != "PERSON" {
			t.Fatalf(`entity(name: "vladimir putin") = %q %s; want Vladimir Putin PERSON`, e.Name, e.Type)
		}
		var withEvidence *relationNode
		for i, edge := range e.Relations.Edges {
			if len(edge.Node.Evidence) > 0 && edge.Node.Subject.ID == e.ID {
				withEvidence = &e.Relations.Edges[i].Node
				break
			}
		}
		if withEvidence == nil {
			t.Fatalf("Vladimir Putin has no outgoing relation with evidence: %+v", e.Relations)
		}
		ev := withEvidence.Evidence[0]
		if ev.Sentence == "" || ev.End <= ev.Start || ev.Article.ID == "" {
			t.Errorf("evidence %+v lacks sentence, offsets or article", ev)
		}
		// Follow the edge: its object lists it among its incoming relations.
		var obj struct {
			Entity struct {
				Name      string
				Relations struct{ Edges []struct{ Node relationNode } }
			}
		}
		s.query(t, `query($id: ID) { entity(id: $id) { name relations(direction: IN, first: 100) { edges { node { id } } } } }`,
			map[string]any{"id": withEvidence.Object.ID}, &obj)
		found := false
		for _, edge := range obj.Entity.Relations.Edges {
			found = found || edge.Node.ID == withEvidence.ID
		}
		if obj.Entity.Name != withEvidence.Object.Name || !found {
			t.Errorf("following %s -[%s]-> %s: the object's IN relations do not list the edge", e.Name, withEvidence.Predicate, withEvidence.Object.Name)
		}
	})

	t.Run("putin signed a decree: an event of one actor", func(t *testing.T) {
		var d struct {
			Entity struct {
				Events struct {
					TotalCount int
					Edges      []struct {
						Node struct {
							Predicate, Lemma, Kind, ObjectText string
							Subject                            struct{ ID string }
							Evidence                           struct {
								Sentence string
								Article  struct{ Title string }
							}
						}
					}
				}
			}
		}
		s.query(t, `{ entity(name: "Vladimir Putin") { events(first: 100) { totalCount edges { node {
			predicate lemma kind objectText subject { id } evidence { sentence article { title } } } } } } }`, nil, &d)
		found := false
		for _, e := range d.Entity.Events.Edges {
			n := e.Node
			if n.Subject.ID != "person:vladimir-putin" || !strings.Contains(n.Evidence.Sentence, n.ObjectText) {
				t.Errorf("event %+v: want Putin's, its object inside its sentence", n)
			}
			found = found || n.Predicate == "signed decree" && n.Lemma == "sign decree" && n.Kind == "ACTION" &&
				strings.HasPrefix(n.ObjectText, "a new decree") && strings.HasPrefix(n.Evidence.Article.Title, "Putin Has Just Announced")
		}
		if !found {
			t.Errorf("Vladimir Putin's events = %+v; want signed decree -> \"a new decree ...\" from the first seed", d.Entity.Events)
		}
		var all struct{ Events struct{ TotalCount int } }
		s.query(t, `{ events(predicate: "sign decree") { totalCount } }`, nil, &all)
		if all.Events.TotalCount == 0 {
			t.Error(`events(predicate: "sign decree") found none`)
		}
	})

	t.Run("page through agencies", func(t *testing.T) {
		seen := map[string]bool{}
		var after any
		total, pages := -1, 0
		for {
			var d struct {
				Entities struct {
					TotalCount int
					Edges      []struct {
						Cursor string
						Node   struct{ ID, Name, Type string }
					}
					PageInfo struct {
						HasNextPage bool
						EndCursor   string
					}
				}
			}
			s.query(t, `query($after: String) { entities(type: AGENCY, first: 7, after: $after) {
				totalCount edges { cursor node { id name type } } pageInfo { hasNextPage endCursor } } }`,
				map[string]any{"after": after}, &d)
			c := d.Entities
			if total == -1 {
				total = c.TotalCount
			}
			for _, e := range c.Edges {
				if e.Node.Type != "AGENCY" || seen[e.Node.ID] {
					t.Fatalf("page %d: %+v is a duplicate or not an AGENCY", pages, e.Node)
				}
				seen[e.Node.ID] = true
			}
			pages++
			if !c.PageInfo.HasNextPage {
				break
			}
			if len(c.Edges) != 7 || c.PageInfo.EndCursor != c.Edges[len(c.Edges)-1].Cursor {
				t.Fatalf("page %d: %d edges, endCursor %q; want full pages ending at the last cursor", pages, len(c.Edges), c.PageInfo.EndCursor)
			}
			after = c.PageInfo.EndCursor
			if pages > 1000 {
				t.Fatal("paging does not end")
			}
		}
		if total < 10 || len(seen) != total {
			t.Errorf("paged %d agencies in %d pages; totalCount %d; want all of at least 10", len(seen), pages, total)
		}
	})

	t.Run("restart keeps the counts", func(t *testing.T) {
		s.stop(t)
		s2 := startServer(t, data)
		if strings.Contains(s2.logs.String(), "ingesting the embedded seed articles") {
			t.Errorf("restart on a seeded store seeded again:\n%s", s2.logs)
		}
		var after statsData
		s2.query(t, statsQuery, nil, &after)
		if after != before {
			t.Errorf("stats after restart = %+v; want %+v", after.Stats, before.Stats)
		}
		s2.stop(t)
	})
}

// extractLine is one line of `extract --json`.
type extractLine struct {
	Source   string
	Entities []struct {
		ID, Name, Type string
		Aliases        []string
		Mentions       []struct {
			Start, End int
			Text       string
		}
	}
	Relations []struct {
		Subject, Predicate, Object string
		Evidence                   struct {
			Sentence   string
			Start, End int
		}
	}
	Events []struct {
		Subject, Predicate, Lemma, Kind string
		ObjectText                      string `json:"object_text"`
		Evidence                        struct {
			Sentence   string
			Start, End int
			Confidence float64
		}
	}
}

func TestExtractJSONContract(t *testing.T) {
	path := filepath.Join("..", "..", "seeds", "000_9021236490f67a0c.txt")
	text, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(binary, "extract", "--json", path).Output()
	if err != nil {
		t.Fatalf("extract --json: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 1 {
		t.Fatalf("extract --json on one file printed %d lines; want 1", len(lines))
	}
	var got extractLine
	if err := json.Unmarshal([]byte(lines[0]), &got); err != nil {
		t.Fatal(err)
	}
	if got.Source != path {
		t.Errorf("source = %q; want %q", got.Source, path)
	}
	ids := map[string]bool{}
	types := map[string]string{}
	for _, e := range got.Entities {
		if e.ID == "" || e.Name == "" || e.Aliases == nil || len(e.Mentions) == 0 || ids[e.ID] {
			t.Errorf("entity %+v: want a unique id, a name, aliases and mentions", e)
		}
		ids[e.ID] = true
		types[e.Name] = e.Type
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || string(text[m.Start:m.End]) != m.Text {
				t.Errorf("mention %+v of %s does not match the file's bytes", m, e.Name)
			}
		}
	}
	for _, r := range got.Relations {
		ev := r.Evidence
		if !ids[r.Subject] || !ids[r.Object] || r.Predicate == "" {
			t.Errorf("relation %+v: ends must be entities of the article", r)
		}
		if ev.Start < 0 || ev.End > len(text) || string(text[ev.Start:ev.End]) != ev.Sentence {
			t.Errorf("evidence %+v does not match the file's bytes", ev)
		}
	}
	decree := false
	for _, e := range got.Events {
		ev := e.Evidence
		if !ids[e.Subject] || e.Predicate == "" || e.Lemma == "" || (e.Kind != "ACTION" && e.Kind != "STATEMENT") {
			t.Errorf("event %+v: want a subject of the article, a predicate, a lemma, ACTION or STATEMENT", e)
		}
		if ev.Start < 0 || ev.End > len(text) || string(text[ev.Start:ev.End]) != ev.Sentence || !strings.Contains(ev.Sentence, e.ObjectText) {
			t.Errorf("event evidence %+v does not match the file's bytes or hold the object %q", ev, e.ObjectText)
		}
		decree = decree || e.Subject == "person:vladimir-putin" && e.Predicate == "signed decree" && strings.HasPrefix(e.ObjectText, "a new decree")
	}
	if !decree {
		t.Errorf(`extract --json events = %+v; want Vladimir Putin -[signed decree]-> "a new decree ..."`, got.Events)
	}
	for name, typ := range map[string]string{"Vladimir Putin": "PERSON", "Russia": "STATE", "Ukraine": "STATE", "Reuters": "AGENCY"} {
		if types[name] != typ {
			t.Errorf("extract found %s as %q; want %s", name, types[name], typ)
		}
	}
}

func TestIngestTwiceChangesNothing(t *testing.T) {
	dir := t.TempDir()
	arts := filepath.Join(dir, "in.jsonl")
	os.WriteFile(arts, []byte(`{"id":"a1","title":"Talks","text":"President Emmanuel Macron of France met Chancellor Olaf Scholz in Berlin on Monday."}
{"id":"a2","text":"The United Nations said Russia had vetoed the resolution."}
{"id":"a3","text":`+"\n"), 0o644)
	data := filepath.Join(dir, "data")
	run := func() string {
		out, err := exec.Command(binary, "ingest", "--data", data, arts).CombinedOutput()
		if err == nil || !strings.Contains(string(out), "1 article(s) failed") {
			t.Fatalf("ingest with one broken line: %v; want exit 1 naming the failure\n%s", err, out)
		}
		return string(out)
	}
	first := run()
	if !strings.Contains(first, "articles: 2 new, 0 unchanged, 1 failed") || !strings.Contains(first, "in.jsonl:3") {
		t.Errorf("first ingest said:\n%s\nwant 2 new, 1 failed at in.jsonl:3", first)
	}
	second := run()
	if !strings.Contains(second, "articles: 0 new, 2 unchanged, 1 failed") {
		t.Errorf("second ingest said:\n%s\nwant 0 new, 2 unchanged", second)
	}
	// The store's counts, less the "(N new)" of this run.
	counts := func(s string) string {
		return regexp.MustCompile(` \(\d+ new\)`).ReplaceAllString(regexp.MustCompile(`store: .*`).FindString(s), "")
	}
	if a, b := counts(first), counts(second); a == "" || a != b {
		t.Errorf("store counts changed on re-ingest: %q then %q", a, b)
	}
	out, err := exec.Command(binary, "query", "--data", data, `{ article(id: "a1") { title entities { name type } } }`).CombinedOutput()
	if err != nil || !strings.Contains(string(out), `"Talks"`) {
		t.Errorf("query article a1: %v\n%s", err, out)
	}
}

// TestServeFinishesInterruptedSeeding: a first start stopped while seeding
// leaves some seeds stored; the next start stores the rest, and a store
// holding the user's own articles is never seeded.
func TestServeFinishesInterruptedSeeding(t *testing.T) {
	if testing.Short() {
		t.Skip("seeds a store")
	}
	data := t.TempDir()
	some, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "wn_2019_000*.txt"))
	if out, err := exec.Command(binary, append([]string{"ingest", "--data", data}, some...)...).CombinedOutput(); err != nil {
		t.Fatalf("ingest part of the seeds: %v\n%s", err, out)
	}
	s := startServer(t, data)
	if !strings.Contains(s.logs.String(), "seeding was interrupted") {
		t.Errorf("serve on a partly seeded store did not finish seeding:\n%s", s.logs)
	}
	var d statsData
	s.query(t, statsQuery, nil, &d)
	if d.Stats.Articles < 172 {
		t.Errorf("stats after finishing the seeds = %+v; want >= 172 articles", d.Stats)
	}
	s.stop(t)

	own := t.TempDir()
	in := filepath.Join(t.TempDir(), "mine.txt")
	os.WriteFile(in, []byte("My own article\n\nThe United Nations met in Geneva."), 0o644)
	if out, err := exec.Command(binary, "ingest", "--data", own, some[0], in).CombinedOutput(); err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	s2 := startServer(t, own)
	if strings.Contains(s2.logs.String(), "seed") {
		t.Errorf("serve seeded a store holding the user's own article:\n%s", s2.logs)
	}
	s2.stop(t)
}

// seedSectors checks the sectors the extractor gave the seeds' agencies:
// the news agencies are MEDIA, the Ministry of Defence is government.
func seedSectors(t *testing.T, s *server) {
	var media struct {
		Entities struct {
			TotalCount int
			Edges      []struct{ Node struct{ Name, Sector string } }
		}
	}
	s.query(t, `{ entities(sector: MEDIA, first: 100) { totalCount edges { node { name sector } } } }`, nil, &media)
	got := map[string]bool{}
	for _, e := range media.Entities.Edges {
		got[e.Node.Name] = true
		if e.Node.Sector != "MEDIA" {
			t.Errorf("entities(sector: MEDIA) lists %s of sector %s", e.Node.Name, e.Node.Sector)
		}
	}
	if !got["Reuters"] || !got["TASS"] || media.Entities.TotalCount != len(media.Entities.Edges) {
		t.Errorf("entities(sector: MEDIA) = %d of %d, %v; want Reuters and TASS, all on one page",
			len(media.Entities.Edges), media.Entities.TotalCount, got)
	}
	var mod struct {
		Entities struct {
			Edges []struct{ Node struct{ Name, Sector string } }
		}
	}
	s.query(t, `{ entities(search: "ministry of defence", type: AGENCY) { edges { node { name sector } } } }`, nil, &mod)
	if len(mod.Entities.Edges) == 0 {
		t.Fatal(`entities(search: "ministry of defence") found no agency`)
	}
	for _, e := range mod.Entities.Edges {
		if e.Node.Name == "Ministry of Defence" && e.Node.Sector != "GOVERNMENT" && e.Node.Sector != "MILITARY" {
			t.Errorf("Ministry of Defence has sector %s; want GOVERNMENT or MILITARY", e.Node.Sector)
		}
	}
}
