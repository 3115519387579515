package gql_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"

	"newsgraph"
	"newsgraph/graph"
	"newsgraph/graph/gql"
	"newsgraph/graph/internal/testgraph"
)

// MustOpenStore opens an in-memory store closed when the test ends.
func MustOpenStore(tb testing.TB) *graph.Store {
	tb.Helper()
	return testgraph.Open(tb)
}

// dictExtractor finds the entities it knows by their names' exact text, in
// its order.
type dictExtractor []newsgraph.Entity

func (d dictExtractor) Extract(ctx context.Context, a *newsgraph.Article) (*newsgraph.Extraction, error) {
	ex := &newsgraph.Extraction{}
	idx := map[string]int{}
	for _, proto := range d {
		name := proto.Name
		for off := 0; ; {
			i := strings.Index(a.Text[off:], name)
			if i < 0 {
				break
			}
			s := off + i
			off = s + len(name)
			j, ok := idx[proto.ID]
			if !ok {
				j = len(ex.Entities)
				idx[proto.ID] = j
				e := proto
				e.Mentions = nil
				ex.Entities = append(ex.Entities, e)
			}
			ex.Entities[j].Mentions = append(ex.Entities[j].Mentions, newsgraph.Mention{Start: s, End: off, Text: name})
		}
	}
	return ex, nil
}

var people = dictExtractor{
	{ID: "person:vladimir-putin", Name: "Vladimir Putin", Type: newsgraph.Person, Aliases: []string{"Putin"}},
	{ID: "state:ru", Name: "Russia", Type: newsgraph.State},
	{ID: "state:ua", Name: "Ukraine", Type: newsgraph.State},
	{ID: "agency:reuters", Name: "Reuters", Type: newsgraph.Agency},
	{ID: "agency:tass", Name: "TASS", Type: newsgraph.Agency},
	{ID: "agency:nato", Name: "NATO", Type: newsgraph.Agency},
	{ID: "agency:ministry-of-defence", Name: "Ministry of Defence", Type: newsgraph.Agency, Aliases: []string{"MoD"}, Country: "ru"},
}

// seed stores three articles with hand-checked relations.
func seed(t testing.TB, st *graph.Store) {
	t.Helper()
	ctx := context.Background()
	arts := []struct {
		id, date, text string
		rels           [][3]string // subject, predicate, object
	}{
		{"a1", "2019-01-04", "Vladimir Putin said Russia would not attack Ukraine, Reuters reported.",
			[][3]string{{"person:vladimir-putin", "said", "state:ru"}, {"agency:reuters", "reported", "person:vladimir-putin"}}},
		{"a2", "2019-02-01", "TASS quoted Vladimir Putin on Ukraine. NATO and the Ministry of Defence disagreed.",
			[][3]string{{"agency:tass", "quoted", "person:vladimir-putin"}, {"agency:nato", "disagreed with", "agency:ministry-of-defence"}}},
		{"a3", "2019-03-10", "Reuters reported that Vladimir Putin spoke about Russia.",
			[][3]string{{"agency:reuters", "reported", "person:vladimir-putin"}}},
	}
	for _, a := range arts {
		art := &newsgraph.Article{ID: a.id, Title: "Title " + a.id, Text: a.text, PublishedAt: a.date, URL: "https://example.org/" + a.id}
		ex, _ := people.Extract(ctx, art)
		for _, r := range a.rels {
			kind := newsgraph.Action
			if r[1] == "said" || r[1] == "reported" || r[1] == "quoted" {
				kind = newsgraph.Statement
			}
			ex.Relations = append(ex.Relations, newsgraph.Relation{
				Subject: r[0], Predicate: r[1], Object: r[2], Kind: kind,
				Evidence: newsgraph.Evidence{Sentence: a.text, Start: 0, End: len(a.text), Confidence: 0.75},
			})
		}
		if _, err := st.Ingest(ctx, art, ex); err != nil {
			t.Fatalf("Ingest(%s) = %v", a.id, err)
		}
	}
}

func newHandler(t testing.TB, opts gql.Options) (*gql.Handler, *graph.Store) {
	t.Helper()
	st := MustOpenStore(t)
	seed(t, st)
	opts.Logger = slog.New(slog.DiscardHandler)
	h, err := gql.NewHandler(st, people, opts)
	if err != nil {
		t.Fatalf("NewHandler() = %v", err)
	}
	return h, st
}

// exec runs a query and returns its JSON response as generic values.
func exec(t *testing.T, h *gql.Handler, query string, vars map[string]any) map[string]any {
	t.Helper()
	b, err := json.Marshal(h.Exec(context.Background(), query, "", vars))
	if err != nil {
		t.Fatal(err)
	}
	var out map[string]any
	json.Unmarshal(b, &out)
	return out
}

func mustJSON(s string) any {
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		panic(err)
	}
	return v
}

func TestQueries(t *testing.T) {
	h, _ := newHandler(t, gql.Options{})
	tests := []struct {
		name, query string
		want        string // the "data" member
	}{
		{"stats", `{ stats { articles entities relations evidence } }`,
			`{"stats":{"articles":3,"entities":7,"relations":4,"evidence":5}}`},
		{"entity by name, any case", `{ entity(name: "putin") { id name type aliases mentionCount articleCount } }`,
			`{"entity":{"id":"person:vladimir-putin","name":"Vladimir Putin","type":"PERSON","aliases":["Putin"],"mentionCount":3,"articleCount":3}}`},
		{"entity by id", `{ entity(id: "agency:ministry-of-defence") { name aliasReasons { alias reason } } }`,
			`{"entity":{"name":"Ministry of Defence","aliasReasons":[]}}`},
		{"heaviest relation with evidence", `{ relations(first: 1) { totalCount edges { node { subject { id } predicate lemma object { id } weight articleCount firstSeen lastSeen confidence evidence(first: 1) { article { id } start end negated quantity } } } } }`,
			`{"relations":{"totalCount":4,"edges":[{"node":{"subject":{"id":"agency:reuters"},"predicate":"reported","lemma":"reported","object":{"id":"person:vladimir-putin"},"weight":2,"articleCount":2,"firstSeen":"2019-01-04","lastSeen":"2019-03-10","confidence":0.75,"evidence":[{"article":{"id":"a1"},"start":0,"end":70,"negated":false,"quantity":null}]}}]}}`},
		{"relations by object and predicate", `{ relations(object: "person:vladimir-putin", predicate: "QUOTED") { totalCount edges { node { subject { name } } } } }`,
			`{"relations":{"totalCount":1,"edges":[{"node":{"subject":{"name":"TASS"}}}]}}`},
		{"entity relations out", `{ entity(id: "person:vladimir-putin") { relations(direction: OUT) { totalCount edges { node { predicate object { id } } } } } }`,
			`{"entity":{"relations":{"totalCount":1,"edges":[{"node":{"predicate":"said","object":{"id":"state:ru"}}}]}}}`},
		{"article", `{ article(id: "a2") { id title url publishedAt entities { id } relations { predicate } } }`,
			`{"article":{"id":"a2","title":"Title a2","url":"https://example.org/a2","publishedAt":"2019-02-01","entities":[{"id":"person:vladimir-putin"},{"id":"state:ua"},{"id":"agency:tass"},{"id":"agency:nato"},{"id":"agency:ministry-of-defence"}],"relations":[{"predicate":"quoted"},{"predicate":"disagreed with"}]}}`},
		{"articles count only", `{ articles(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage endCursor } } }`,
			`{"articles":{"totalCount":3,"edges":[],"pageInfo":{"hasNextPage":true,"endCursor":null}}}`},
		{"neighbors", `{ neighbors(id: "person:vladimir-putin", direction: IN) { entity { id } weight relations { predicate } } }`,
			`{"neighbors":[{"entity":{"id":"agency:reuters"},"weight":2,"relations":[{"predicate":"reported"}]},{"entity":{"id":"agency:tass"},"weight":1,"relations":[{"predicate":"quoted"}]}]}`},
		{"path", `{ path(from: "agency:tass", to: "state:ru") { subject { id } object { id } } }`,
			`{"path":[{"subject":{"id":"agency:tass"},"object":{"id":"person:vladimir-putin"}},{"subject":{"id":"person:vladimir-putin"},"object":{"id":"state:ru"}}]}`},
		{"no path", `{ path(from: "agency:nato", to: "state:ru") { id } }`, `{"path":[]}`},
		{"subgraph", `{ subgraph(ids: ["agency:nato"], depth: 1) { nodes { id } edges { predicate } } }`,
			`{"subgraph":{"nodes":[{"id":"agency:nato"},{"id":"agency:ministry-of-defence"}],"edges":[{"predicate":"disagreed with"}]}}`},
		{"entity articles", `{ entity(name: "TASS") { articles { id } } }`, `{"entity":{"articles":[{"id":"a2"}]}}`},
		{"who said what", `{ relations(kind: STATEMENT) { totalCount edges { node { subject { id } kind object { id } } } } }`,
			`{"relations":{"totalCount":3,"edges":[{"node":{"subject":{"id":"agency:reuters"},"kind":"STATEMENT","object":{"id":"person:vladimir-putin"}}},{"node":{"subject":{"id":"person:vladimir-putin"},"kind":"STATEMENT","object":{"id":"state:ru"}}},{"node":{"subject":{"id":"agency:tass"},"kind":"STATEMENT","object":{"id":"person:vladimir-putin"}}}]}}`},
		{"who said what about putin", `{ entity(name: "Putin") { relations(direction: IN, kind: STATEMENT) { totalCount } } }`,
			`{"entity":{"relations":{"totalCount":2}}}`},
		{"count asked through a fragment", `{ relations(kind: STATEMENT, first: 1) { ...C } } fragment C on RelationConnection { totalCount }`,
			`{"relations":{"totalCount":3}}`},
		{"no count asked, paging still right", `{ relations(kind: STATEMENT, first: 1) { edges { node { kind } } pageInfo { hasNextPage } } }`,
			`{"relations":{"edges":[{"node":{"kind":"STATEMENT"}}],"pageInfo":{"hasNextPage":true}}}`},
		{"actions only", `{ relations(kind: ACTION) { edges { node { predicate kind } } } }`,
			`{"relations":{"edges":[{"node":{"predicate":"disagreed with","kind":"ACTION"}}]}}`},
		{"country of an agency", `{ entity(name: "MoD") { country { id name } } entity2: entity(name: "NATO") { country { id } } }`,
			`{"entity":{"country":{"id":"state:ru","name":"Russia"}},"entity2":{"country":null}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := exec(t, h, tt.query, nil)
			if got["errors"] != nil {
				t.Fatalf("Exec(%s) errors: %v", tt.query, got["errors"])
			}
			if want := mustJSON(tt.want); !reflect.DeepEqual(got["data"], want) {
				g, _ := json.Marshal(got["data"])
				t.Errorf("Exec(%s) = %s; want %s", tt.query, g, tt.want)
			}
		})
	}
}

func TestErrorCodes(t *testing.T) {
	h, _ := newHandler(t, gql.Options{})
	tests := []struct {
		name, query string
		vars        map[string]any
		code        string
	}{
		{"unknown entity", `{ entity(id: "person:nobody") { id } }`, nil, gql.CodeNotFound},
		{"entity without id or name", `{ entity { id } }`, nil, gql.CodeBadInput},
		{"unknown neighbor", `{ neighbors(id: "x") { weight } }`, nil, gql.CodeNotFound},
		{"bad cursor", `{ entities(after: "zzz") { totalCount } }`, nil, gql.CodeBadInput},
		{"negative first", `{ entities(first: -1) { totalCount } }`, nil, gql.CodeBadInput},
		{"too many hops", `{ path(from: "state:ru", to: "state:ua", maxHops: 50) { id } }`, nil, gql.CodeBadInput},
		{"empty text", `mutation($in: ArticleInput!) { ingestArticle(input: $in) { id } }`,
			map[string]any{"in": map[string]any{"text": "   "}}, gql.CodeBadInput},
		{"bad id", `mutation($in: ArticleInput!) { ingestArticle(input: $in) { id } }`,
			map[string]any{"in": map[string]any{"id": "a/b", "text": "Russia."}}, gql.CodeBadInput},
		{"conflicting text", `mutation($in: ArticleInput!) { ingestArticle(input: $in) { id } }`,
			map[string]any{"in": map[string]any{"id": "a1", "text": "Another text about Russia."}}, gql.CodeConflict},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := exec(t, h, tt.query, tt.vars)
			errs, _ := got["errors"].([]any)
			if len(errs) == 0 {
				t.Fatalf("Exec(%s) = %v; want an error with code %s", tt.query, got, tt.code)
			}
			e := errs[0].(map[string]any)
			ext, _ := e["extensions"].(map[string]any)
			if ext["code"] != tt.code {
				t.Errorf("Exec(%s) error = %v; want extensions.code %s", tt.query, e, tt.code)
			}
			if msg, _ := e["message"].(string); tt.code == gql.CodeConflict && strings.Contains(msg, "graph") {
				t.Errorf("Exec(%s) message %q names the store's internals", tt.query, msg)
			}
		})
	}
}

func TestEntitiesPagingThroughGraphQL(t *testing.T) {
	h, _ := newHandler(t, gql.Options{})
	const q = `query($after: String) { entities(type: AGENCY, first: 2, after: $after) {
		totalCount edges { cursor node { id type } } pageInfo { hasNextPage endCursor } } }`
	var after any
	seen := map[string]bool{}
	for pages := 0; pages < 10; pages++ {
		got := exec(t, h, q, map[string]any{"after": after})
		if got["errors"] != nil {
			t.Fatalf("entities(after %v) errors: %v", after, got["errors"])
		}
		conn := got["data"].(map[string]any)["entities"].(map[string]any)
		if conn["totalCount"].(float64) != 4 {
			t.Errorf("entities(type: AGENCY) totalCount = %v; want 4", conn["totalCount"])
		}
		edges := conn["edges"].([]any)
		if len(edges) > 2 {
			t.Errorf("entities(first: 2) returned %d edges", len(edges))
		}
		for _, e := range edges {
			node := e.(map[string]any)["node"].(map[string]any)
			if node["type"] != "AGENCY" || seen[node["id"].(string)] {
				t.Errorf("entities page %d: node %v is not AGENCY or seen before", pages, node)
			}
			seen[node["id"].(string)] = true
		}
		info := conn["pageInfo"].(map[string]any)
		if info["hasNextPage"] != true {
			break
		}
		after = info["endCursor"]
	}
	if len(seen) != 4 {
		t.Errorf("paged %d agencies; want 4", len(seen))
	}
}

func TestIngestArticleMutation(t *testing.T) {
	h, st := newHandler(t, gql.Options{})
	const m = `mutation($in: ArticleInput!) { ingestArticle(input: $in) { id title publishedAt entities { id } } }`
	in := map[string]any{"in": map[string]any{"text": "Breaking news\nNATO met TASS in Russia.", "publishedAt": "March 3, 2020"}}
	got := exec(t, h, m, in)
	if got["errors"] != nil {
		t.Fatalf("ingestArticle errors: %v", got["errors"])
	}
	art := got["data"].(map[string]any)["ingestArticle"].(map[string]any)
	if art["title"] != "Breaking news" || art["publishedAt"] != "2020-03-03" || len(art["entities"].([]any)) != 3 {
		t.Errorf("ingestArticle = %v; want title from the first line, date normalised, 3 entities", art)
	}
	before, _ := st.Stats(context.Background())
	if again := exec(t, h, m, in); again["errors"] != nil {
		t.Fatalf("second ingestArticle errors: %v", again["errors"])
	}
	if after, _ := st.Stats(context.Background()); after != before {
		t.Errorf("Stats() after the same mutation twice = %+v; want %+v", after, before)
	}
}

// post sends a GraphQL request to the server and decodes the response.
func post(t *testing.T, url, token, query string, vars map[string]any) (int, map[string]any) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	req, _ := http.NewRequest("POST", url+"/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		// Not t.Fatal: readers call post from their own goroutines.
		return 0, map[string]any{"errors": "POST /graphql: " + err.Error()}
	}
	defer resp.Body.Close()
	var out map[string]any
	json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out
}

func errorCode(resp map[string]any) string {
	errs, _ := resp["errors"].([]any)
	if len(errs) == 0 {
		return ""
	}
	ext, _ := errs[0].(map[string]any)["extensions"].(map[string]any)
	code, _ := ext["code"].(string)
	return code
}

func TestHTTPServer(t *testing.T) {
	h, _ := newHandler(t, gql.Options{Token: "s3cret", AllowedOrigins: []string{"https://ok.example"}})
	srv := httptest.NewServer(h)
	defer srv.Close()

	status, resp := post(t, srv.URL, "", `{ entity(name: "Vladimir Putin") { type relations { totalCount } } }`, nil)
	ent, _ := resp["data"].(map[string]any)["entity"].(map[string]any)
	if status != 200 || ent["type"] != "PERSON" {
		t.Errorf("POST entity(name) = %d %v; want 200 and a PERSON", status, resp)
	}

	get, err := http.Get(srv.URL + "/graphql?query=" + strings.ReplaceAll(`{stats{articles}}`, " ", ""))
	if err == nil {
		b, _ := io.ReadAll(get.Body)
		get.Body.Close()
		if get.StatusCode != 200 || !strings.Contains(string(b), `"articles":3`) {
			t.Errorf("GET /graphql?query={stats{articles}} = %d %s", get.StatusCode, b)
		}
	}

	const m = `mutation($in: ArticleInput!) { ingestArticle(input: $in) { id } }`
	vars := map[string]any{"in": map[string]any{"id": "h1", "text": "Russia and Ukraine."}}
	if _, resp := post(t, srv.URL, "", m, vars); errorCode(resp) != gql.CodeUnauthenticated {
		t.Errorf("mutation without token = %v; want UNAUTHENTICATED", resp)
	}
	if _, resp := post(t, srv.URL, "s3cret", m, map[string]any{"in": map[string]any{"text": ""}}); errorCode(resp) != gql.CodeBadInput {
		t.Errorf("mutation with empty text = %v; want BAD_INPUT", resp)
	}
	if _, resp := post(t, srv.URL, "s3cret", m, vars); resp["errors"] != nil {
		t.Errorf("mutation with token = %v; want it stored", resp)
	}

	big := bytes.Repeat([]byte("a"), 2<<20)
	r, err := http.Post(srv.URL+"/graphql", "application/json", bytes.NewReader(append([]byte(`{"query":"`), big...)))
	if err != nil || r.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("POST 2 MiB body = %v, %v; want 413", r.StatusCode, err)
	}

	r, err = http.Get(srv.URL + "/healthz")
	if err == nil {
		b, _ := io.ReadAll(r.Body)
		r.Body.Close()
		if r.StatusCode != 200 || string(b) != "ok\n" {
			t.Errorf("GET /healthz = %d %q; want 200 ok", r.StatusCode, b)
		}
	}
	r, err = http.Get(srv.URL + "/")
	if err != nil || r.StatusCode != 200 || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/html") {
		t.Errorf("GET / = %v, %v; want the GraphiQL page", r, err)
	}

	for origin, want := range map[string]string{"https://ok.example": "https://ok.example", "https://evil.example": ""} {
		req, _ := http.NewRequest("OPTIONS", srv.URL+"/graphql", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		r, err := http.DefaultClient.Do(req)
		if err != nil || r.Header.Get("Access-Control-Allow-Origin") != want {
			t.Errorf("preflight from %s: Allow-Origin %q, %v; want %q", origin, r.Header.Get("Access-Control-Allow-Origin"), err, want)
		}
	}
}

func TestReadOnly(t *testing.T) {
	h, st := newHandler(t, gql.Options{ReadOnly: true})
	srv := httptest.NewServer(h)
	defer srv.Close()
	_, resp := post(t, srv.URL, "", `mutation { ingestArticle(input: {text: "Russia."}) { id } }`, nil)
	if errorCode(resp) != gql.CodeForbidden {
		t.Errorf("mutation on a read-only server = %v; want FORBIDDEN", resp)
	}
	if s, _ := st.Stats(context.Background()); s.Articles != 3 {
		t.Errorf("Stats().Articles = %d after a refused mutation; want 3", s.Articles)
	}
	r, err := http.Get(srv.URL + "/graphql?query=" + strings.ReplaceAll(`mutation{ingestArticle(input:{text:"x"}){id}}`, " ", ""))
	if err == nil {
		var out map[string]any
		json.NewDecoder(r.Body).Decode(&out)
		r.Body.Close()
		if errorCode(out) == "" {
			t.Errorf("mutation over GET = %v; want refused", out)
		}
	}
}

func TestInternalErrorsAreHidden(t *testing.T) {
	h, st := newHandler(t, gql.Options{})
	st.Close() // every store call now fails with a Badger error
	got := exec(t, h, `{ stats { articles } }`, nil)
	errs, _ := got["errors"].([]any)
	if len(errs) == 0 {
		t.Fatalf("stats on a closed store = %v; want an error", got)
	}
	e := errs[0].(map[string]any)
	if e["message"] != "internal error" || e["extensions"].(map[string]any)["code"] != gql.CodeInternal {
		t.Errorf("error = %v; want only INTERNAL and a generic message", e)
	}
	if msg := fmt.Sprint(e); strings.Contains(msg, "badger") || strings.Contains(msg, "closed") {
		t.Errorf("error %v leaks the cause", msg)
	}
}

// TestConcurrentQueriesAndIngests runs readers against the server while
// articles are ingested through it; run with -race.
func TestConcurrentQueriesAndIngests(t *testing.T) {
	h, st := newHandler(t, gql.Options{})
	srv := httptest.NewServer(h)
	defer srv.Close()
	const m = `mutation($in: ArticleInput!) { ingestArticle(input: $in) { id } }`
	queries := []string{
		`{ stats { articles entities relations evidence } }`,
		`{ entities(first: 5) { totalCount edges { cursor node { id relations(first: 2) { totalCount } } } } }`,
		`{ relations(first: 5) { edges { node { subject { id } object { id } evidence { article { id } } } } } }`,
		`{ entity(name: "Russia") { articles(first: 100) { id } } }`,
	}
	done := make(chan struct{})
	errs := make(chan string, 100)
	var readers sync.WaitGroup
	for i := range 4 {
		readers.Go(func() {
			for n := 0; ; n++ {
				select {
				case <-done:
					return
				default:
				}
				if _, resp := post(t, srv.URL, "", queries[(i+n)%len(queries)], nil); resp["errors"] != nil {
					errs <- fmt.Sprint(resp["errors"])
					return
				}
			}
		})
	}
	for i := range 20 {
		text := fmt.Sprintf("Report %d: NATO warned Russia while TASS quoted Vladimir Putin.", i)
		if _, resp := post(t, srv.URL, "", m, map[string]any{"in": map[string]any{"text": text}}); resp["errors"] != nil {
			t.Errorf("ingestArticle %d: %v", i, resp["errors"])
		}
	}
	close(done)
	readers.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("query during ingest failed: %s", e)
	}
	if s, _ := st.Stats(context.Background()); s.Articles != 23 {
		t.Errorf("Stats().Articles = %d; want 23", s.Articles)
	}
}

// TestDepthCountsThroughFragments: a chain of 20 named fragments nests far
// deeper than MaxDepth and must be refused before any resolver runs.
func TestDepthCountsThroughFragments(t *testing.T) {
	h, _ := newHandler(t, gql.Options{})
	var b strings.Builder
	b.WriteString(`{ entity(name: "putin") { ...F0 } }`)
	for i := range 20 {
		fmt.Fprintf(&b, "\nfragment F%d on Entity { id relations(first: 1) { edges { node { subject { ...F%d } } } } }", i, i+1)
	}
	b.WriteString("\nfragment F20 on Entity { id }")
	got := exec(t, h, b.String(), nil)
	if got["data"] != nil || errorCode(got) != gql.CodeTooDeep {
		t.Errorf("20-fragment chain = %.300v; want QUERY_TOO_DEEP and no data", got)
	}
}

// TestCrossSiteWrites: a web page of another origin cannot write to a server
// without a token, neither by a simple text/plain POST (no preflight) nor by a
// JSON POST; the server's own page and programs without Origin can.
func TestCrossSiteWrites(t *testing.T) {
	h, st := newHandler(t, gql.Options{AllowedOrigins: []string{"https://ok.example"}})
	srv := httptest.NewServer(h)
	defer srv.Close()
	mutation := func(id string) []byte {
		b, _ := json.Marshal(map[string]any{"query": `mutation { ingestArticle(input: {id: "` + id + `", text: "Russia and Ukraine."}) { id } }`})
		return b
	}
	tests := []struct {
		name, id, ctype, origin string
		status                  int
		code                    string // "" when stored
	}{
		{"simple cross-site POST", "x1", "text/plain", "https://evil.example", http.StatusUnsupportedMediaType, gql.CodeBadInput},
		{"form POST", "x2", "application/x-www-form-urlencoded", "", http.StatusUnsupportedMediaType, gql.CodeBadInput},
		{"JSON from another origin", "x3", "application/json", "https://evil.example", 200, gql.CodeForbidden},
		{"JSON from an allowed origin", "x4", "application/json", "https://ok.example", 200, ""},
		{"JSON from the server's own page", "x5", "application/json; charset=utf-8", srv.URL, 200, ""},
		{"JSON from a program", "x6", "application/json", "", 200, ""},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest("POST", srv.URL+"/graphql", bytes.NewReader(mutation(tt.id)))
		req.Header.Set("Content-Type", tt.ctype)
		if tt.origin != "" {
			req.Header.Set("Origin", tt.origin)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var out map[string]any
		json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		_, stored := st.Article(context.Background(), tt.id)
		if resp.StatusCode != tt.status || errorCode(out) != tt.code || (stored == nil) != (tt.code == "") {
			t.Errorf("%s: %d %v, stored=%v; want %d, code %q", tt.name, resp.StatusCode, out, stored == nil, tt.status, tt.code)
		}
	}
}
