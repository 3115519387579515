package gql_test

import (
	"encoding/json"
	"net/http/httptest"
	"os"
	osexec "os/exec"
	"path/filepath"
	"strings"
	"testing"

	"newsgraph/graph/gql"
)

// graphqlHTTP finds node and the npm package graphql-http: in
// $GRAPHQL_HTTP_NODE_PATH (a node_modules dir; .ci/run installs it there)
// or in NODE_PATH. It skips the test when either is missing.
func graphqlHTTP(t *testing.T) (node, nodePath string) {
	t.Helper()
	node, err := osexec.LookPath("node")
	if err != nil {
		t.Skip("no node on PATH: GraphQL over HTTP audit skipped (CI installs nodejs)")
	}
	for _, dir := range filepath.SplitList(os.Getenv("GRAPHQL_HTTP_NODE_PATH") + string(filepath.ListSeparator) + os.Getenv("NODE_PATH")) {
		if _, err := os.Stat(filepath.Join(dir, "graphql-http", "package.json")); dir != "" && err == nil {
			return node, dir
		}
	}
	t.Skip("npm package graphql-http not found (set GRAPHQL_HTTP_NODE_PATH to a node_modules holding it): audit skipped")
	return "", ""
}

// TestGraphQLOverHTTPAudit runs graphql-http's serverAudits against the real
// server on 127.0.0.1:0 and fails on any MUST or SHOULD that does not pass.
func TestGraphQLOverHTTPAudit(t *testing.T) {
	node, nodePath := graphqlHTTP(t)
	h, _ := newHandler(t, gql.Options{})
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	cmd := osexec.Command(node, filepath.Join("testdata", "audit.cjs"), srv.URL+"/graphql")
	cmd.Env = append(os.Environ(), "NODE_PATH="+nodePath)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node audit.cjs: %v", err)
	}
	var results []struct{ ID, Name, Status, Reason string }
	if err := json.Unmarshal(out, &results); err != nil {
		t.Fatalf("audit output: %v: %.300s", err, out)
	}
	counts := map[string]int{}
	for _, r := range results {
		counts[r.Status]++
		if r.Status == "ok" {
			continue
		}
		if strings.HasPrefix(r.Name, "MUST") || strings.HasPrefix(r.Name, "SHOULD") {
			t.Errorf("%s %s: %s: %s", r.ID, r.Status, r.Name, r.Reason)
		} else {
			t.Logf("%s %s (MAY, not required): %s: %s", r.ID, r.Status, r.Name, r.Reason)
		}
	}
	t.Logf("%d audits: %v", len(results), counts)
	if len(results) < 20 {
		t.Errorf("only %d audits ran; want graphql-http's full set", len(results))
	}
}
