package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"newsgraph"
)

var update = flag.Bool("update", false, "rewrite the golden files of TestGolden")

// goldenArticles are the seed article and a few dev-gold Wikinews articles of
// the embedded seed corpus. Their whole extraction is kept under
// testdata/golden so a rule change shows its knock-on effects in review.
var goldenArticles = []string{
	"000_9021236490f67a0c",
	"wn_2019_0002",
	"wn_2019_0016",
	"wn_2019_0046",
	"wn_2019_0090",
}

// TestGolden compares the full extraction of each golden article with
// testdata/golden/NAME.golden.json; `go test ./extract -update` rewrites them.
func TestGolden(t *testing.T) {
	x := mustNew(t)
	for _, name := range goldenArticles {
		t.Run(name, func(t *testing.T) {
			text, err := os.ReadFile(filepath.Join("..", "seeds", name+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			ex, err := x.Extract(context.Background(), &newsgraph.Article{Text: string(text)})
			if err != nil {
				t.Fatalf("Extract(%s) error %v", name, err)
			}
			got := goldenJSON(t, ex)
			path := filepath.Join("testdata", "golden", name+".golden.json")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./extract -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Extract(%s) differs from %s; review the diff after go test ./extract -update", name, path)
			}
		})
	}
}

// goldenJSON is the extraction as `extract --json` writes it, indented so a
// diff shows one field a line.
func goldenJSON(t *testing.T, ex *newsgraph.Extraction) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(ex); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
