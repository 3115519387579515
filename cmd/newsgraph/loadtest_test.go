package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// loadtest builds its store from the articles given, serves it on
// loopback and prints a row per shape; every request of a short run
// succeeds. (The real measurement is long and not a CI test.)
func TestLoadtestSmoke(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts articles and serves load for a few seconds")
	}
	dir := t.TempDir()
	texts := map[string]string{
		"a.txt": "Russia and Ukraine\nVladimir Putin said Russia would talk to Ukraine. NATO said Ukraine was ready. The Ministry of Defence of Russia denied it.",
		"b.txt": "France and NATO\nEmmanuel Macron said France backed NATO. Ukraine thanked France, and Russia criticised NATO.",
	}
	for name, text := range texts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errOut bytes.Buffer
	code := run(context.Background(), []string{"loadtest", "--data", filepath.Join(dir, "store"), "--articles", "40",
		"--clients", "2", "--duration", "150ms", dir}, &out, &errOut)
	if code != 0 {
		t.Fatalf("loadtest exited %d: %s", code, errOut.String())
	}
	if !strings.Contains(out.String(), "store: 40 articles") {
		t.Errorf("loadtest output does not report a store of 40 articles:\n%s", out.String())
	}
	rows := 0
	// name, req/s, p50, p99, ×entity, ×hello, CPU µs/req, CPU ×entity,
	// GC cycles per 10k requests, read-cache hits ("-" or a percentage),
	// errors
	row := regexp.MustCompile(`(?m)^\s*(.+?)\s+(\d+)\s+[\d.]+\s+[\d.]+\s+\S+\s+[\d.]+\s+\d+\s+\S+\s+[\d.]+\s+(?:-|\d+%)\s+(\d+)\s*$`)
	for _, m := range row.FindAllStringSubmatch(out.String(), -1) {
		rows++
		if m[3] != "0" {
			t.Errorf("shape %q: %s errors; want none", m[1], m[3])
		}
	}
	if rows != 11 {
		t.Errorf("loadtest printed %d rows; want 11 (hello, store, nine shapes):\n%s", rows, out.String())
	}
}
