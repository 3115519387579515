package export

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// networkxScript reads a GraphML or GEXF file with NetworkX and prints its
// node, edge and event node counts and the attribute names its nodes and
// edges carry.
const networkxScript = `
import json, sys
import networkx as nx
path, kind = sys.argv[1], sys.argv[2]
g = nx.read_graphml(path) if kind == "graphml" else nx.read_gexf(path, version="1.3")
node_attrs = sorted({k for _, d in g.nodes(data=True) for k in d})
edge_attrs = sorted({k for _, _, d in g.edges(data=True) for k in d})
events = sum(1 for _, d in g.nodes(data=True) if d.get("type") == "EVENT")
print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "events": events,
                  "node_attrs": node_attrs, "edge_attrs": edge_attrs,
                  "graph": {k: str(v) for k, v in g.graph.items()}}))
`

// TestNetworkX reads GraphML and GEXF with NetworkX, as a user's notebook
// would, and wants the store's counts and the attributes. CI installs
// Debian's python3-networkx; without it the test is skipped.
func TestNetworkX(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err == nil {
		err = exec.Command(py, "-c", "import networkx").Run()
	}
	if err != nil {
		t.Skip("python3 with networkx not found (apt-get install python3-networkx); skipping the NetworkX read-back")
	}
	st := fixtureStore(t, 60)
	want := stats(t, st)
	dir := t.TempDir()
	for _, tt := range []struct {
		format    string
		nodeAttrs []string
		edgeAttrs []string
	}{
		{"graphml", []string{"label", "type", "mentions", "color", "object_text", "date"}, []string{"predicate", "kind", "weight", "first_seen"}},
		{"gexf", []string{"label", "type", "mentions", "viz", "object_text", "spells"}, []string{"relation", "kind", "weight", "spells"}},
	} {
		path := filepath.Join(dir, "g."+tt.format)
		if err := os.WriteFile(path, export(t, st, tt.format, Options{}), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command(py, "-c", networkxScript, path, tt.format).Output()
		if err != nil {
			t.Fatalf("NetworkX cannot read %s: %v\n%s", tt.format, err, stderrOf(err))
		}
		var got struct {
			Nodes, Edges, Events int
			N                    []string `json:"node_attrs"`
			E                    []string `json:"edge_attrs"`
			Graph                map[string]string
		}
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatalf("%s: %v", out, err)
		}
		// Each event is a node with an edge from its actor.
		if got.Nodes != want.Entities+want.Events || got.Edges != want.Relations+want.Events || got.Events != want.Events {
			t.Errorf("NetworkX read %s: %d nodes (%d events), %d edges; the store has %d actors, %d events, %d edges",
				tt.format, got.Nodes, got.Events, got.Edges, want.Entities, want.Events, want.Relations)
		}
		if tt.format == "graphml" && got.Graph["truncated"] != "False" {
			t.Errorf("NetworkX read GraphML's graph data as %v; want truncated False", got.Graph)
		}
		for _, pair := range []struct{ have, want []string }{{got.N, tt.nodeAttrs}, {got.E, tt.edgeAttrs}} {
			have := map[string]bool{}
			for _, a := range pair.have {
				have[a] = true
			}
			for _, a := range pair.want {
				if !have[a] {
					t.Errorf("NetworkX read %s without attribute %q (has %v)", tt.format, a, pair.have)
				}
			}
		}
	}
}

func stderrOf(err error) string {
	if ee, ok := err.(*exec.ExitError); ok {
		return string(ee.Stderr)
	}
	return ""
}
