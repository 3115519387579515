package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"newsgraph"
)

// TestIngestReportsEvents: the ingest report counts the events of one actor
// (the seed article has Putin's signed decree), as many as the store's
// stats say.
func TestIngestReportsEvents(t *testing.T) {
	seeds, err := newsgraph.Seeds()
	if err != nil || len(seeds) == 0 {
		t.Fatalf("Seeds() = %d, %v", len(seeds), err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "seed.jsonl")
	line, _ := json.Marshal(map[string]string{"id": "seed", "title": seeds[0].Title, "text": seeds[0].Text})
	if err := os.WriteFile(in, append(line, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "data")
	out, err := exec.Command(binary, "ingest", "--quiet", "--data", data, in).CombinedOutput()
	if err != nil {
		t.Fatalf("ingest: %v\n%s", err, out)
	}
	m := regexp.MustCompile(`, (\d+) events \((\d+) new\)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("ingest report without an event count:\n%s", out)
	}
	total, _ := strconv.Atoi(string(m[1]))
	added, _ := strconv.Atoi(string(m[2]))
	q, err := exec.Command(binary, "query", "--data", data, `{ stats { events } }`).Output()
	if err != nil {
		t.Fatalf("query stats: %v", err)
	}
	var got struct {
		Data struct{ Stats struct{ Events int } }
	}
	if err := json.Unmarshal(q, &got); err != nil {
		t.Fatalf("query stats: %v\n%s", err, q)
	}
	if total == 0 || added != total || total != got.Data.Stats.Events {
		t.Errorf("ingest report: %d events (%d new), stats { events } = %d; want the same non-zero count\n%s",
			total, added, got.Data.Stats.Events, out)
	}
}
