package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"newsgraph"
)

// BenchmarkExportMemory measures the peak RSS of exporting the whole graph
// of a store of about 1,000 and about 10,000 articles, by the CLI and over
// HTTP, to show that exports stream: memory stays flat as the store grows
// tenfold. The stores are the 172 seeds dumped once and imported in cycles
// under new article and actor ids, so each cycle adds a disjoint copy of
// the seed graph. It prints a table; run it with
//
//	go test -run '^$' -bench ExportMemory -benchtime 1x ./cmd/newsgraph
func BenchmarkExportMemory(b *testing.B) {
	dir := b.TempDir()
	seeds := filepath.Join(dir, "seeds")
	if out, err := exec.Command(binary, "ingest", "--data", seeds, filepath.Join("..", "..", "seeds")).CombinedOutput(); err != nil {
		b.Fatalf("ingest seeds: %v\n%s", err, out)
	}
	dump, err := exec.Command(binary, "export", "--data", seeds, "--format", "jsonl").Output()
	if err != nil {
		b.Fatal(err)
	}
	formats := []string{"graphml", "gexf", "cytoscape", "neo4j", "nquads", "jsonl"}
	for b.Loop() {
		for _, cycles := range []int{6, 59} {
			data := filepath.Join(dir, fmt.Sprintf("x%d", cycles))
			path := filepath.Join(dir, fmt.Sprintf("x%d.jsonl", cycles))
			if err := writeCycledDump(path, dump, cycles); err != nil {
				b.Fatal(err)
			}
			start := time.Now()
			if out, err := exec.Command(binary, "import", "--data", data, path).CombinedOutput(); err != nil {
				b.Fatalf("import: %v\n%s", err, out)
			}
			arts := cycles * 172
			fmt.Printf("%6d articles  CLI  import    %7.1f s\n", arts, time.Since(start).Seconds())
			for _, f := range formats {
				rss, n := exportRSS(b, "export", "--data", data, "--format", f)
				fmt.Printf("%6d articles  CLI  %-9s %7.1f MB out  peak RSS %6.1f MB\n", arts, f, float64(n)/1e6, rss)
				b.ReportMetric(rss, fmt.Sprintf("MB-RSS-cli-%s-%darticles", f, arts))
			}
			base, _ := exportRSS(b, "query", "--data", data, "{ stats { articles } }")
			fmt.Printf("%6d articles  CLI  %-9s %7s         peak RSS %6.1f MB (the store opened, no export)\n", arts, "query", "", base)
			for _, f := range []string{"graphml", "jsonl"} {
				_, _, size := heapMidExport(b, data, f, 1)
				bad, rest, _ := heapMidExport(b, data, f, size/2)
				fmt.Printf("%6d articles  Go   %-9s halfway through: live heap %5.1f MB Badger, %5.1f MB the rest\n", arts, f, bad, rest)
				b.ReportMetric(rest, fmt.Sprintf("MB-heap-not-badger-%s-%darticles", f, arts))
			}
			before, rss, n := serveExportRSS(b, data, "graphml")
			fmt.Printf("%6d articles  HTTP %-9s %7.1f MB out  server peak RSS %6.1f MB (%.1f MB before the request)\n", arts, "graphml", float64(n)/1e6, rss, before)
			b.ReportMetric(rss-before, fmt.Sprintf("MB-RSS-http-graphml-growth-%darticles", arts))
		}
	}
}

// writeCycledDump writes cycles copies of dump, each under article and
// actor ids (and names) suffixed with its cycle number.
func writeCycledDump(path string, dump []byte, cycles int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	lines := strings.Split(strings.TrimSpace(string(dump)), "\n")
	var head struct {
		Kind    string         `json:"newsgraph"`
		Version int            `json:"version"`
		Stats   map[string]int `json:"stats"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &head); err != nil {
		return err
	}
	for k := range head.Stats {
		head.Stats[k] *= cycles
	}
	b, _ := json.Marshal(head)
	w.Write(append(b, '\n'))
	for c := range cycles {
		sfx := "-c" + strconv.Itoa(c)
		for _, l := range lines[1:] {
			var d struct {
				Article   newsgraph.Article    `json:"article"`
				Entities  []newsgraph.Entity   `json:"entities"`
				Relations []newsgraph.Relation `json:"relations"`
				Joins     map[string]string    `json:"joins,omitempty"`
			}
			if err := json.Unmarshal([]byte(l), &d); err != nil {
				return err
			}
			d.Article.ID += sfx
			for i := range d.Entities {
				e := &d.Entities[i]
				e.ID += sfx
				e.Name += sfx
				for j := range e.Aliases {
					e.Aliases[j] += sfx
				}
				reasons := map[string]string{}
				for a, why := range e.AliasReasons {
					reasons[a+sfx] = why
				}
				e.AliasReasons = reasons
			}
			for i := range d.Relations {
				d.Relations[i].Subject += sfx
				d.Relations[i].Object += sfx
			}
			joins := map[string]string{}
			for k, v := range d.Joins {
				joins[k+sfx] = v + sfx
			}
			d.Joins = joins
			b, _ := json.Marshal(d)
			w.Write(append(b, '\n'))
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// countWriter counts what is written to it.
type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// exportRSS runs the command and returns its peak RSS in MB and the bytes
// it wrote.
func exportRSS(b *testing.B, args ...string) (float64, int64) {
	cmd := exec.Command(binary, args...)
	cw := &countWriter{}
	var stderr strings.Builder
	cmd.Stdout, cmd.Stderr = cw, &stderr
	if err := cmd.Run(); err != nil {
		b.Fatalf("%v: %v\n%s", args, err, stderr.String())
	}
	return float64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss) / 1024, cw.n
}

// serveExportRSS serves data, downloads the whole graph in format f and
// returns the server's peak RSS (VmHWM) in MB before and after, and the
// bytes downloaded.
func serveExportRSS(b *testing.B, data, f string) (before, after float64, n int64) {
	s := startServer(b, data, "--no-seed", "--timeout", "10m", "--max-export-nodes", "1000000")
	defer s.cmd.Process.Kill()
	before = peakRSS(b, s.cmd.Process.Pid)
	resp, err := http.Get(s.url + "/export?format=" + f)
	if err != nil {
		b.Fatal(err)
	}
	n, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != 200 {
		b.Fatalf("GET /export: %d %v", resp.StatusCode, err)
	}
	return before, peakRSS(b, s.cmd.Process.Pid), n
}

// peakRSS reads a running process's peak RSS (VmHWM) in MB.
func peakRSS(b *testing.B, pid int) float64 {
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Skipf("no /proc to read the server's RSS: %v", err)
	}
	for _, l := range strings.Split(string(status), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			kb, _ := strconv.Atoi(strings.Fields(l)[1])
			return float64(kb) / 1024
		}
	}
	return 0
}
