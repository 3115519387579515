package main

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// mountTmpfs mounts a tmpfs of size (like "160m") on a temp dir, or skips
// the test where that is not allowed (not root, no mount).
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("mounting a tmpfs needs root")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

// fillTo writes a file into dir until the file system has about keep bytes
// free; removing the returned path frees the space again.
func fillTo(t *testing.T, dir string, keep int64) string {
	t.Helper()
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	free := int64(st.Bavail) * int64(st.Bsize)
	path := filepath.Join(dir, "filler")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 1<<20)
	for n := int64(0); n < free-keep; n += int64(len(chunk)) {
		if _, err := f.Write(chunk[:min(int64(len(chunk)), free-keep-n)]); err != nil {
			t.Fatalf("filling the disk: %v", err)
		}
	}
	return path
}

// TestFullDiskStorageFull: on a nearly full file system (a tmpfs) ingests
// are refused with STORAGE_FULL, through the API and the CLI, while the
// server keeps answering reads and /healthz says why; with space freed,
// ingest works again. (Badger used to die of SIGBUS writing its
// memory-mapped files.)
func TestFullDiskStorageFull(t *testing.T) {
	mnt := mountTmpfs(t, "160m")
	data := filepath.Join(mnt, "store")
	s := startServer(t, data, "--no-seed")
	art := func(id string) map[string]any {
		return map[string]any{"query": ingestMutation, "variables": map[string]any{"in": map[string]any{
			"id": id, "title": "t", "text": "Russia and Ukraine met in Geneva on Monday."}}}
	}
	if status, body := postHost(t, s, "localhost", "", art("before")); status != 200 || strings.Contains(body, "errors") {
		t.Fatalf("ingest with space free = %d %s", status, body)
	}
	filler := fillTo(t, mnt, 24<<20)

	_, body := postHost(t, s, "localhost", "", art("full"))
	if !strings.Contains(body, "STORAGE_FULL") {
		t.Errorf("ingest on a full disk = %s; want a STORAGE_FULL error", body)
	}
	var st statsData
	s.query(t, statsQuery, nil, &st)
	if st.Stats.Articles != 1 {
		t.Errorf("stats on a full disk = %+v; want the 1 article stored before", st.Stats)
	}
	resp, err := http.Get(s.url + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	health, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(health), "storage full") {
		t.Errorf("/healthz on a full disk = %d %q; want 200 saying storage full", resp.StatusCode, health)
	}
	s.stop(t)

	text := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(text, []byte("Title\nFrance and Cuba signed a treaty in Paris."), 0o644)
	out, code := runExit(t, "ingest", "--data", data, text)
	if code != 1 || !strings.Contains(out, "not enough free disk space") {
		t.Errorf("CLI ingest on a full disk: exit %d\n%s\nwant exit 1, not enough free disk space", code, out)
	}
	out, code = runExit(t, "query", "--data", data, statsQuery)
	if code != 0 || !strings.Contains(out, `"articles": 1`) {
		t.Errorf("query on a full disk: exit %d\n%s", code, out)
	}

	os.Remove(filler)
	if out, code := runExit(t, "ingest", "--data", data, text); code != 0 {
		t.Errorf("ingest after freeing space: exit %d\n%s", code, out)
	}
	var got struct{ Data statsData }
	out, _ = runExit(t, "query", "--data", data, statsQuery)
	if err := json.Unmarshal([]byte(out[strings.Index(out, "{"):]), &got); err != nil || got.Data.Stats.Articles != 2 {
		t.Errorf("after freeing space the store holds %+v (%v); want 2 articles\n%s", got.Data.Stats, err, out)
	}
}
