package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalMisses: -misses lists a gold relation the extractor misses and
// refuses the held-out set.
func TestEvalMisses(t *testing.T) {
	dir := t.TempDir()
	gold, texts := filepath.Join(dir, "gold"), filepath.Join(dir, "texts")
	for _, d := range []string{gold, texts} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	text := "Norland talks\n\nGermany met Angela Merkel in Berlin on Monday.\n"
	g := `{"article": "a.txt", "entities": [
		{"name": "Germany", "type": "STATE", "aliases": []},
		{"name": "Angela Merkel", "type": "PERSON", "aliases": []}],
		"relations": [{"subject": "Angela Merkel", "object": "Germany", "predicates": ["lead"], "evidence": "invented"}]}`
	if err := os.WriteFile(filepath.Join(texts, "a.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(gold, "a.json"), []byte(g), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runBinary(t, "", "eval", "-misses", "--gold", gold, "--texts", texts)
	if code != 0 || !strings.Contains(stdout, "MISS a.txt  Angela Merkel -[lead]-> Germany  | invented") {
		t.Errorf("eval -misses: exit %d, stdout %q, stderr %q; want the missed relation listed", code, stdout, stderr)
	}
	code, _, stderr = runBinary(t, "", "eval", "-misses", "--gold", filepath.Join(dir, "heldout"), "--texts", texts)
	if code == 0 || !strings.Contains(stderr, "held-out") {
		t.Errorf("eval -misses on a held-out set: exit %d, stderr %q; want a refusal", code, stderr)
	}
}
