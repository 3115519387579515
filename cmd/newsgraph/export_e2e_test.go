package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// run runs the built command and returns its standard output.
func runCmd(t *testing.T, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(binary, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("newsgraph %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return out
}

// seedSubset ingests a few of the embedded seeds into a new data dir.
func seedSubset(t *testing.T, n int) string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "seeds", "*.txt"))
	if len(files) < n {
		t.Fatalf("want %d seed files, found %d", n, len(files))
	}
	dir := filepath.Join(t.TempDir(), "data")
	runCmd(t, append([]string{"ingest", "--data", dir}, files[:n]...)...)
	return dir
}

// roundTripQueries are answered by the original and the imported store.
var roundTripQueries = []string{
	`{ stats { articles entities relations evidence } }`,
	`{ entities(first: 100) { totalCount edges { cursor node { id name type country { id } aliases mentionCount } } pageInfo { endCursor } } }`,
	`{ relations(first: 100) { totalCount edges { cursor node { id subject { id } predicate object { id } kind weight evidence(first: 5) { sentence start end quantity negated article { id } } } } } }`,
	`{ articles(first: 100) { edges { node { id title entities { id } relations { id } } } } }`,
	`{ entity(name: "Russia") { id aliases relations(first: 20) { edges { node { id predicate } } } } }`,
	`{ neighbors(id: "state:ru") { entity { id } } subgraph(ids: ["state:ru"], depth: 2) { nodes { id } edges { id } } }`,
}

// TestExportImportRoundTrip: newsgraph export --format jsonl, then newsgraph
// import into an empty dir, gives the same stats and the same answers.
func TestExportImportRoundTrip(t *testing.T) {
	src := seedSubset(t, 20)
	dump := filepath.Join(t.TempDir(), "dump.jsonl")
	if err := os.WriteFile(dump, runCmd(t, "export", "--data", src, "--format", "jsonl"), 0o644); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "imported")
	if out := runCmd(t, "import", "--data", dst, dump); !bytes.Contains(out, []byte("imported into")) {
		t.Errorf("import said %q", out)
	}
	for _, q := range roundTripQueries {
		a, b := runCmd(t, "query", "--data", src, q), runCmd(t, "query", "--data", dst, q)
		if !bytes.Equal(a, b) {
			t.Errorf("query %s after import:\n%.500s\nwant\n%.500s", q, b, a)
		}
	}
	// A second import into the now full store is refused.
	cmd := exec.Command(binary, "import", "--data", dst, dump)
	if out, err := cmd.CombinedOutput(); err == nil || !bytes.Contains(out, []byte("empty store")) {
		t.Errorf("import into a full store: %v %s; want a refusal", err, out)
	}
}

// TestExportOutDir: --out writes Neo4j's CSV files, and Dgraph's N-Quads
// beside their schema and SDL.
func TestExportOutDir(t *testing.T) {
	src := seedSubset(t, 5)
	out := t.TempDir()
	runCmd(t, "export", "--data", src, "--format", "neo4j", "--out", filepath.Join(out, "neo4j"))
	runCmd(t, "export", "--data", src, "--format", "nquads", "--out", filepath.Join(out, "dgraph"))
	for _, f := range []string{"neo4j/nodes.csv", "neo4j/relationships.csv", "dgraph/newsgraph.rdf", "dgraph/newsgraph.schema", "dgraph/newsgraph.graphql"} {
		b, err := os.ReadFile(filepath.Join(out, f))
		if err != nil || len(b) == 0 {
			t.Errorf("%s: %v, %d bytes", f, err, len(b))
		}
	}
	if zip := runCmd(t, "export", "--data", src, "--format", "neo4j"); !bytes.HasPrefix(zip, []byte("PK")) {
		t.Errorf("export --format neo4j without --out did not write a zip")
	}
}
