package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// runBinary runs the built command with stdin and returns its exit code,
// stdout and stderr.
func runBinary(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	return code, out.String(), errb.String()
}

// TestHelpExitsZero: asking for help is not a mistake, for any command.
func TestHelpExitsZero(t *testing.T) {
	for _, c := range commands {
		for _, h := range []string{"-h", "--help"} {
			code, _, stderr := runBinary(t, "", c.name, h)
			if code != 0 || !strings.Contains(stderr, "Usage: newsgraph "+c.name) {
				t.Errorf("newsgraph %s %s: exit %d, stderr %q; want exit 0 and the usage", c.name, h, code, stderr)
			}
		}
	}
	if code, _, _ := runBinary(t, "", "query", "--no-such-flag"); code != 2 {
		t.Errorf("query --no-such-flag: exit %d; want 2", code)
	}
}

// TestFlagsBelongToTheirCommand: --sync is offered only where something is
// written.
func TestFlagsBelongToTheirCommand(t *testing.T) {
	writes := map[string]bool{"serve": true, "ingest": true, "delete": true, "reextract": true, "import": true}
	for _, c := range commands {
		_, _, stderr := runBinary(t, "", c.name, "-h")
		if has := strings.Contains(stderr, "-sync"); has != writes[c.name] {
			t.Errorf("newsgraph %s -h offers --sync: %v; want %v\n%s", c.name, has, writes[c.name], stderr)
		}
	}
}

func TestQueryFromStdinAndFile(t *testing.T) {
	data := emptyStore(t)
	q := `{ stats { articles } }`
	f := filepath.Join(t.TempDir(), "q.graphql")
	if err := os.WriteFile(f, []byte(q), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"query", "--data", data, "-"}, {"query", "--data", data, "--file", f}} {
		code, stdout, stderr := runBinary(t, q, args...)
		var resp struct {
			Data struct{ Stats struct{ Articles *int } }
		}
		if err := json.Unmarshal([]byte(stdout), &resp); code != 0 || err != nil || resp.Data.Stats.Articles == nil {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want the stats", args, code, stdout, stderr)
		}
	}
	if code, _, stderr := runBinary(t, "", "query", "--data", data, "--file", f, q); code == 0 || !strings.Contains(stderr, "not both") {
		t.Errorf("query with --file and an argument: exit %d, %q; want a refusal", code, stderr)
	}
}

// TestQueryMutationSpeaksOfTheCLI: the CLI is not a server.
func TestQueryMutationSpeaksOfTheCLI(t *testing.T) {
	code, stdout, _ := runBinary(t, "", "query", "--data", emptyStore(t), `mutation { ingestArticle(input: {text: "x"}) { id } }`)
	if code != 1 || strings.Contains(stdout, "this server") || !strings.Contains(stdout, "newsgraph ingest") {
		t.Errorf("mutation through query: exit %d, %s; want exit 1 and a message pointing to newsgraph ingest", code, stdout)
	}
}

// TestLockedStoreNamesTheServer: while serve holds the store, the CLI says
// where it listens and to use its API.
func TestLockedStoreNamesTheServer(t *testing.T) {
	data := t.TempDir()
	s := startServer(t, data, "--no-seed")
	defer s.stop(t)
	code, _, stderr := runBinary(t, "", "query", "--data", data, `{ stats { articles } }`)
	if code != 1 || !strings.Contains(stderr, s.url) || !strings.Contains(stderr, "HTTP API") {
		t.Errorf("query on a served store: exit %d, %q; want exit 1 naming %s and the HTTP API", code, stderr, s.url)
	}
}

// TestVersionNamesTheRevision builds the binary with VCS stamping (the
// environment may turn it off with GOFLAGS) and wants HEAD's revision.
func TestVersionNamesTheRevision(t *testing.T) {
	head, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skipf("not a git checkout (%v): the VCS revision cannot be checked", err)
	}
	bin := filepath.Join(t.TempDir(), "newsgraph")
	build := exec.Command("go", "build", "-buildvcs=true", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build -buildvcs=true: %v\n%s", err, out)
	}
	if out, _ := exec.Command("go", "version", "-m", bin).Output(); !strings.Contains(string(out), "vcs.revision") && isWorktree() {
		t.Skip("go stamps no VCS information in a linked git worktree (its .git is a file); run in a clone")
	}
	for _, args := range [][]string{{"version"}, {"--version"}} {
		out, err := exec.Command(bin, args...).Output()
		rev := strings.TrimSpace(string(head))
		if err != nil || !strings.Contains(string(out), "revision  "+rev) || !strings.Contains(string(out), "extractor ") {
			t.Errorf("newsgraph %v = %q, %v; want the revision %s and the extractor version", args, out, err, rev)
		}
	}
}

// isWorktree reports whether the checkout is a linked git worktree.
func isWorktree() bool {
	dir, err1 := exec.Command("git", "rev-parse", "--git-dir").Output()
	common, err2 := exec.Command("git", "rev-parse", "--git-common-dir").Output()
	return err1 == nil && err2 == nil && filepath.Clean(strings.TrimSpace(string(dir))) != filepath.Clean(strings.TrimSpace(string(common)))
}
