package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// bench prints one row a contender, each with its CPU time and tokens per
// CPU second beside its wall time, and the same tokens for both runs of the extractor.
func TestBenchPrintsCPUTime(t *testing.T) {
	dir := t.TempDir()
	text := "Russia's President Vladimir Putin met officials of the Ministry of Defence in Moscow on Thursday, Reuters reported.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runBinary(t, "", "bench", "--rounds", "2", dir)
	if code != 0 {
		t.Fatalf("bench: exit %d, stderr %q", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 5 || !strings.Contains(lines[1], "cpu seconds") || !strings.Contains(lines[1], "tokens/cpu-s") {
		t.Fatalf("bench printed %q; want a header with CPU columns and three rows", out)
	}
	tokens := map[string]bool{}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		cpu, err := strconv.ParseFloat(f[len(f)-2], 64)
		rate, err2 := strconv.ParseFloat(f[len(f)-1], 64)
		if err != nil || err2 != nil || cpu < 0 || rate <= 0 {
			t.Errorf("row %q: cpu seconds %q, tokens/cpu-s %q; want numbers", l, f[len(f)-2], f[len(f)-1])
		}
		if strings.HasPrefix(strings.TrimSpace(l), "newsgraph") {
			tokens[f[len(f)-7]] = true
		}
	}
	if len(tokens) != 1 {
		t.Errorf("the extractor's rows count tokens %v; want one count", tokens)
	}
}
