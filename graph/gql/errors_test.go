package gql_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"newsgraph/graph/gql"
)

// TestErrorMessages: whatever goes wrong, the client gets a status, an
// extensions.code and a message that says precisely what was wrong with
// its request, in the GraphQL error shape.
func TestErrorMessages(t *testing.T) {
	srv := gridServer(t, gridStore(t, 5, 5), gridExtractor{}, gql.Options{})
	tests := []struct {
		name, method, body, query string
		status                    int
		code, msg                 string
	}{
		{"not JSON", "POST", `{"query": `, "", 400, gql.CodeBadInput, "body: not JSON"},
		{"query not a string", "POST", `{"query": 5}`, "", 400, gql.CodeBadInput, "want JSON {query, variables, operationName}"},
		{"no query", "POST", `{"variables": {}}`, "", 400, gql.CodeBadInput, "no query"},
		{"PUT", "PUT", `{"query": "{ stats { articles } }"}`, "", 405, gql.CodeBadInput, "use GET or POST"},
		{"GET with bad variables", "GET", "", "query=" + url.QueryEscape(`{ stats { articles } }`) + "&variables=%5B", 400, gql.CodeBadInput, "variables: not a JSON object"},
		{"syntax error", "POST", `{"query": "{ stats { articles }"}`, "", 200, gql.CodeBadInput, "syntax error"},
		{"unknown field", "POST", `{"query": "{ stats { nonsense } }"}`, "", 200, gql.CodeBadInput, `Cannot query field "nonsense" on type "Stats"`},
		{"wrong argument type", "POST", `{"query": "{ entities(first: \"ten\") { totalCount } }"}`, "", 200, gql.CodeBadInput, "Int cannot represent non-integer value"},
		{"missing variable", "POST", `{"query": "query($id: ID!) { entity(id: $id) { id } }"}`, "", 200, gql.CodeBadInput, "id"},
		{"unknown operation", "POST", `{"query": "query A { stats { articles } }", "operationName": "B"}`, "", 200, gql.CodeBadInput, ""},
		{"unknown entity", "POST", `{"query": "{ entity(id: \"agency:nobody\") { id } }"}`, "", 200, gql.CodeNotFound, "not found"},
		{"bad cursor", "POST", `{"query": "{ entities(after: \"zzz\") { totalCount } }"}`, "", 200, gql.CodeBadInput, "malformed cursor"},
		{"mutation over GET", "GET", "", "query=" + url.QueryEscape(`mutation { ingestArticle(input: {text: "E1 met E2."}) { id } }`), 405, gql.CodeBadInput, "POST"}, // GraphQL over HTTP: 405 Method Not Allowed,
		{"empty article", "POST", `{"query": "mutation { ingestArticle(input: {text: \"  \"}) { id } }"}`, "", 200, gql.CodeBadInput, "text: "},
		{"too deep", "POST", string(body(chain(3), nil)), "", 200, gql.CodeTooDeep, "over the limit of 12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, srv.URL+"/graphql?"+tt.query, strings.NewReader(tt.body))
			req.Header.Set("Content-Type", "application/json")
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			r := &gqlResponse{Status: resp.StatusCode}
			b, _ := io.ReadAll(resp.Body)
			if err := jsonUnmarshal(b, r); err != nil {
				t.Fatalf("%s %s: body %q is not a GraphQL response: %v", tt.method, tt.body, b, err)
			}
			if r.Status != tt.status || r.code() != tt.code || !strings.Contains(r.message(), tt.msg) {
				t.Errorf("%s %s = %d %s %q; want %d %s %q", tt.method, tt.body, r.Status, r.code(), r.message(), tt.status, tt.code, tt.msg)
			}
			for _, e := range r.Errors {
				if e.Extensions["code"] == nil {
					t.Errorf("%s %s: error %q has no extensions.code", tt.method, tt.body, e.Message)
				}
			}
		})
	}
}

// TestInternalErrorsAreLogged: a store failure reaches the client as
// INTERNAL and "internal error" only; the log has the detail.
func TestInternalErrorsAreLogged(t *testing.T) {
	st := gridStore(t, 3, 3)
	var log lockedBuffer
	srv := gridServer(t, st, gridExtractor{}, gql.Options{Logger: slog.New(slog.NewTextHandler(&log, nil))})
	st.Close()
	for _, q := range []string{`{ stats { articles } }`, `{ entity(name: "E1") { id } }`, `{ relations { edges { node { id } } } }`} {
		r := query(t, srv.URL, q, nil)
		if r.code() != gql.CodeInternal || r.message() != "internal error" || strings.Contains(string(r.Data), "badger") {
			t.Errorf("%s on a closed store = %s %q %s; want INTERNAL, internal error", q, r.code(), r.message(), r.Data)
		}
	}
	if got := log.String(); !strings.Contains(got, "graphql resolver failed") || !strings.Contains(got, "op=stats") || !strings.Contains(strings.ToLower(got), "closed") {
		t.Errorf("log = %q; want each failure with its operation and cause", got)
	}
}

// TestErrorsDoNotEchoLongInput: a 900 KB id is not sent back whole in the
// NOT_FOUND error; the message keeps its start and its reason.
func TestErrorsDoNotEchoLongInput(t *testing.T) {
	srv := gridServer(t, gridStore(t, 2, 2), gridExtractor{}, gql.Options{MaxBodyBytes: 2 << 20, MaxQueryBytes: 2 << 20})
	long := strings.Repeat("x", 900<<10)
	b := `{"query": "query($id: ID!) { entity(id: $id) { id } }", "variables": {"id": "` + long + `"}}`
	resp, err := http.Post(srv.URL+"/graphql", "application/json", strings.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	r := &gqlResponse{}
	if err := jsonUnmarshal(raw, r); err != nil {
		t.Fatalf("body %.200q: %v", raw, err)
	}
	if r.code() != gql.CodeNotFound || !strings.Contains(r.message(), "not found") || len(r.message()) > 600 {
		t.Errorf("entity(900 KB id) = %s, a %d-byte message %.300q; want NOT_FOUND cut to a few hundred bytes", r.code(), len(r.message()), r.message())
	}
}

// TestHostCheck: on loopback only the loopback names, the listen address
// and the extra names pass as Host; a rebinding name gets 403 FORBIDDEN.
func TestHostCheck(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	h := gql.CheckHost(ok, "127.0.0.1:8080", "localhost:8080", []string{"graph.lan"})
	for host, want := range map[string]int{
		"localhost:8080": 200, "127.0.0.1:8080": 200, "[::1]:8080": 200, "LOCALHOST": 200, "graph.lan:8080": 200,
		"attacker.example:8080": 403, "attacker.example": 403, "127.0.0.1.nip.io:8080": 403, "": 403,
	} {
		req, _ := http.NewRequest("POST", "http://x/graphql", nil)
		req.Host = host
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != want {
			t.Errorf("Host %q = %d; want %d", host, w.Code, want)
		}
	}
	open := gql.CheckHost(ok, "0.0.0.0:8080", ":8080", nil)
	req, _ := http.NewRequest("GET", "http://x/", nil)
	req.Host = "graph.example.org"
	w := httptest.NewRecorder()
	open.ServeHTTP(w, req)
	if w.Code != 200 {
		t.Errorf("a server on all interfaces refused Host %q: %d", req.Host, w.Code)
	}
}
