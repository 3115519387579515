package gql_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"newsgraph"
	"newsgraph/graph/gql"
)

// chain is a query through n named fragments, each nesting four levels and
// spreading the next, so its last fields are 4n+2 deep.
func chain(n int) string {
	var b strings.Builder
	b.WriteString(`{ entity(name: "E1") { ...F0 } }`)
	for i := range n {
		fmt.Fprintf(&b, "\nfragment F%d on Entity { id relations(first: 1) { edges { node { subject { ...F%d } } } } }", i, i+1)
	}
	fmt.Fprintf(&b, "\nfragment F%d on Entity { id }", n)
	return b.String()
}

// hostile are requests an attacker or a careless client sends, with the
// answer each must get.
var hostile = []struct {
	name   string
	body   func() io.Reader
	status int
	code   string
	msg    string
}{
	{"named-fragment chain 20 levels", jsonBody(chain(20)), 200, gql.CodeTooDeep, "over the limit of 12"},
	{"the same fragment reused deeper", jsonBody(`{ entity(name: "E1") { ...E relations(first: 1) { edges { node { subject {
		relations(first: 1) { edges { node { subject { articles(first: 1) { entities { ...E } } } } } } } } } } } }
		fragment E on Entity { id articles(first: 1) { entities { id } } }`), 200, gql.CodeTooDeep, `"entities" is at depth 13 (via fragments E)`},
	{"10 MB body", func() io.Reader { return bytes.NewReader(bigBody(10 << 20)) }, 413, gql.CodeBadInput, "over 1048576 bytes"},
	{"10 MB body, chunked", func() io.Reader { return io.MultiReader(bytes.NewReader(bigBody(10 << 20))) }, 413, gql.CodeBadInput, "over 1048576 bytes"},
	{"100 × 100 × 10 nested lists", jsonBody(`{ entities(first: 100) { edges { node {
		relations(first: 100) { edges { node { evidence(first: 10) { sentence } } } } } } } }`), 200, gql.CodeTooComplex, "100 × 100"},
	{"first: 1000000 nested", jsonBody(`{ entities(first: 1000000) { edges { node { relations(first: 1000000) { edges { node { id } } } } } } }`),
		200, gql.CodeTooComplex, "100 × 100"},
	{"first over Int", jsonBody(`{ entities(first: 3000000000) { totalCount } }`), 200, gql.CodeBadInput, ""},
	{"31 aliases", jsonBody(aliased(31)), 200, gql.CodeTooComplex, "more than 30 aliased fields"},
	{"fragment fan-out 2^30", jsonBody(laughs(30)), 200, gql.CodeTooComplex, "more than 1000 selections"},
	{"fragment cycle", jsonBody(`{ entity(name: "E1") { ...A } } fragment A on Entity { ...B } fragment B on Entity { id ...A }`),
		200, gql.CodeBadInput, "fragment cycle: A > B > A"},
	{"11 operations", jsonBody(strings.Repeat("query { stats { articles } } ", 11)), 200, gql.CodeTooComplex, "11 operations"},
	{"batched array", func() io.Reader {
		return strings.NewReader(`[{"query":"{ stats { articles } }"},{"query":"{ stats { articles } }"}]`)
	}, 400, gql.CodeBadInput, "batched requests"},
	{"30 path searches in one request", jsonBody(aliasedPaths(30)), 200, gql.CodeTooComplex, "cost limit of 10000"},
}

func jsonBody(q string) func() io.Reader {
	b := body(q, nil)
	return func() io.Reader { return bytes.NewReader(b) }
}

// bigBody is a JSON request whose query is n bytes of spaces.
func bigBody(n int) []byte {
	return append(append([]byte(`{"query":"{ stats { articles } }`), bytes.Repeat([]byte(" "), n)...), `"}`...)
}

func aliased(n int) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, " a%d: stats { articles }", i)
	}
	return b.String() + " }"
}

func aliasedPaths(n int) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range n {
		fmt.Fprintf(&b, ` p%d: path(from: "agency:e1", to: "agency:e%d", maxHops: 6) { subject { id } object { id } }`, i, i+50)
	}
	return b.String() + " }"
}

// laughs spreads each of n fragments twice into the next: 2^n fields.
func laughs(n int) string {
	var b strings.Builder
	b.WriteString("{ ...L0 }\n")
	for i := range n {
		fmt.Fprintf(&b, "fragment L%d on Query { ...L%d ...L%d }\n", i, i+1, i+1)
	}
	fmt.Fprintf(&b, "fragment L%d on Query { stats { articles } }", n)
	return b.String()
}

func postReader(client *http.Client, url string, r io.Reader) (*gqlResponse, error) {
	resp, err := client.Post(url+"/graphql", "application/json", r)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out := &gqlResponse{Status: resp.StatusCode}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return nil, fmt.Errorf("status %d, body not JSON: %v", resp.StatusCode, err)
	}
	return out, nil
}

// checkHostile sends hostile request i and says what is wrong with the answer.
func checkHostile(client *http.Client, url string, i int) error {
	h := hostile[i]
	r, err := postReader(client, url, h.body())
	if err != nil {
		return fmt.Errorf("%s: %v", h.name, err)
	}
	if r.Status != h.status || r.code() != h.code || !strings.Contains(r.message(), h.msg) ||
		(h.code != "" && len(r.Data) > 0 && string(r.Data) != "null") {
		return fmt.Errorf("%s: %d %s %q data %.80s; want %d %s %q and no data", h.name, r.Status, r.code(), r.message(), r.Data, h.status, h.code, h.msg)
	}
	return nil
}

// TestHostileRequests: each hostile request is refused with its status,
// code and a message saying what limit it passed, before any resolver runs.
func TestHostileRequests(t *testing.T) {
	srv := gridServer(t, gridStore(t, 150, 150), gridExtractor{}, gql.Options{})
	for i, h := range hostile {
		t.Run(h.name, func(t *testing.T) {
			start := time.Now()
			if err := checkHostile(http.DefaultClient, srv.URL, i); err != nil {
				t.Error(err)
			}
			t.Logf("%s: answered in %v", h.name, time.Since(start).Round(time.Millisecond))
		})
	}
}

// TestFirstIsCapped: first: 1000000 gets the first 100, and the cursor
// goes on from there.
func TestFirstIsCapped(t *testing.T) {
	srv := gridServer(t, gridStore(t, 150, 150), gridExtractor{}, gql.Options{})
	const q = `query($after: String) { entities(first: 1000000, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }`
	var page struct {
		Entities struct {
			TotalCount int
			Edges      []struct{ Node struct{ ID string } }
			PageInfo   struct {
				HasNextPage bool
				EndCursor   *string
			}
		}
	}
	seen := map[string]bool{}
	var after any
	for range 3 {
		r := query(t, srv.URL, q, map[string]any{"after": after})
		if r.Status != 200 || len(r.Errors) > 0 {
			t.Fatalf("entities(first: 1000000) = %d %v", r.Status, r.Errors)
		}
		json.Unmarshal(r.Data, &page)
		if n := len(page.Entities.Edges); n > graphMaxPage {
			t.Fatalf("entities(first: 1000000) = %d edges; want at most %d", n, graphMaxPage)
		}
		for _, e := range page.Entities.Edges {
			seen[e.Node.ID] = true
		}
		if !page.Entities.PageInfo.HasNextPage {
			break
		}
		after = *page.Entities.PageInfo.EndCursor
	}
	if page.Entities.TotalCount != 150 || len(seen) != 150 {
		t.Errorf("paging entities(first: 1000000): totalCount %d, %d distinct; want 150 and 150", page.Entities.TotalCount, len(seen))
	}
}

const graphMaxPage = 100

// normalQueries are what well-behaved clients ask, with their answers
// taken on a quiet server.
var normalQueries = []string{
	`{ stats { articles entities relations evidence } }`,
	`{ entity(name: "E7") { id name mentionCount relations(first: 5) { totalCount edges { node { predicate subject { id } object { id } evidence(first: 1) { sentence } } } } } }`,
	`{ entities(first: 20) { totalCount edges { cursor node { id mentionCount } } pageInfo { hasNextPage endCursor } } }`,
	`{ neighbors(id: "agency:e3", first: 5) { entity { id } weight } }`,
	`{ path(from: "agency:e1", to: "agency:e90", maxHops: 6) { subject { id } object { id } } }`,
	`{ subgraph(ids: ["agency:e10"], depth: 2, limit: 30) { nodes { id } edges { id } } }`,
}

// TestServerKeepsAnswering: while attackers send every hostile request in
// a loop, normal clients on the same server get every answer right, with
// status 200, and quickly.
func TestServerKeepsAnswering(t *testing.T) {
	srv := gridServer(t, gridStore(t, 150, 150), gridExtractor{}, gql.Options{})
	want := make([]string, len(normalQueries))
	for i, q := range normalQueries {
		r := query(t, srv.URL, q, nil)
		if r.Status != 200 || len(r.Errors) > 0 {
			t.Fatalf("quiet server: %s = %d %v", q, r.Status, r.Errors)
		}
		want[i] = string(r.Data)
	}

	const attackers, clients, perClient = 4, 4, 60
	stop := make(chan struct{})
	var attacks sync.WaitGroup
	var mu sync.Mutex
	var attackErrs []error
	attacked := 0
	for a := range attackers {
		attacks.Go(func() {
			client := &http.Client{Timeout: 30 * time.Second}
			for n := a; ; n++ {
				select {
				case <-stop:
					return
				default:
				}
				err := checkHostile(client, srv.URL, n%len(hostile))
				mu.Lock()
				attacked++
				if err != nil {
					attackErrs = append(attackErrs, err)
				}
				mu.Unlock()
			}
		})
	}

	var normal sync.WaitGroup
	latencies := make([][]time.Duration, clients)
	errs := make(chan error, clients*perClient)
	for c := range clients {
		normal.Go(func() {
			client := &http.Client{Timeout: 30 * time.Second}
			for n := range perClient {
				i := (c + n) % len(normalQueries)
				start := time.Now()
				r, err := do(client, srv.URL, body(normalQueries[i], nil))
				latencies[c] = append(latencies[c], time.Since(start))
				switch {
				case err != nil:
					errs <- err
				case r.Status != 200 || len(r.Errors) > 0 || string(r.Data) != want[i]:
					errs <- fmt.Errorf("%s under attack = %d %v %.200s; want 200 and %.200s", normalQueries[i], r.Status, r.Errors, r.Data, want[i])
				}
			}
		})
	}
	normal.Wait()
	close(stop)
	attacks.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for _, err := range attackErrs {
		t.Errorf("attack: %v", err)
	}
	all := slices.Concat(latencies...)
	slices.Sort(all)
	p50, p99, worst := all[len(all)/2], all[len(all)*99/100], all[len(all)-1]
	t.Logf("%d normal requests under %d hostile ones: latency p50 %v, p99 %v, max %v",
		len(all), attacked, p50.Round(time.Microsecond), p99.Round(time.Microsecond), worst.Round(time.Microsecond))
	// Generous for a loaded 2-core CI machine under -race; a blocked
	// server would take the client timeout (30 s).
	if worst > 5*time.Second {
		t.Errorf("slowest normal request under attack took %v; want under 5s", worst)
	}
	if attacked < len(hostile) {
		t.Errorf("only %d hostile requests ran; want each kind at least once", attacked)
	}
}

// blockingExtractor never finishes on its own: it returns when the
// request's context ends, as a slow extraction cut off by the timeout.
type blockingExtractor struct{}

func (blockingExtractor) Extract(ctx context.Context, a *newsgraph.Article) (*newsgraph.Extraction, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

// TestRequestTimeout: a request that runs past Timeout gets TIMEOUT, the
// server keeps answering others meanwhile, and stays healthy.
func TestRequestTimeout(t *testing.T) {
	st := gridStore(t, 20, 20)
	var log lockedBuffer
	srv := gridServer(t, st, blockingExtractor{}, gql.Options{Timeout: 300 * time.Millisecond, Logger: slog.New(slog.NewTextHandler(&log, nil))})

	slow := make(chan *gqlResponse, 1)
	start := time.Now()
	go func() {
		r, err := do(http.DefaultClient, srv.URL, body(`mutation { ingestArticle(input: {text: "E1 met E2."}) { id } }`, nil))
		if err != nil {
			r = &gqlResponse{Status: -1}
		}
		slow <- r
	}()
	for range 5 { // while the mutation hangs
		if r := query(t, srv.URL, `{ stats { articles } }`, nil); r.Status != 200 || string(r.Data) != `{"stats":{"articles":20}}` {
			t.Errorf("stats while a request hangs = %d %s %v", r.Status, r.Data, r.Errors)
		}
	}
	r := <-slow
	took := time.Since(start)
	if r.code() != gql.CodeTimeout || !strings.Contains(r.message(), "timed out") {
		t.Errorf("mutation past the timeout = %d %s %q; want TIMEOUT", r.Status, r.code(), r.message())
	}
	if took > 5*time.Second {
		t.Errorf("timed-out request answered after %v; want about 300ms", took)
	}
	if s, _ := st.Stats(context.Background()); s.Articles != 20 {
		t.Errorf("Stats().Articles = %d after a timed-out ingest; want 20", s.Articles)
	}
	resp, err := http.Get(srv.URL + "/healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Errorf("GET /healthz after a timeout = %v, %v; want 200", resp, err)
	} else {
		resp.Body.Close()
	}

	// A query whose context has run out when it reaches the store: the
	// store's scans check ctx (graph's TestReadsHonourContext), the resolvers
	// map it to TIMEOUT.
	h, err := gql.NewHandler(st, nil, gql.Options{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel()
	<-ctx.Done()
	got := h.Exec(ctx, `{ entities(first: 5) { edges { node { id } } } relations { totalCount } }`, "", nil)
	if len(got.Errors) == 0 || got.Errors[0].Extensions["code"] != gql.CodeTimeout {
		t.Errorf("query with an expired context = %v; want TIMEOUT", got.Errors)
	}
}
