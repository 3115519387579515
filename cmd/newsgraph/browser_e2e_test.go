package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium finds a Chromium or Chrome binary, or "".
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// exportPage is a page of another origin that downloads /export from api
// with fetch and writes what it got into its title.
const exportPage = `<!doctype html><title>loading</title><script>
fetch(%q).then(async r => {
  const g = await r.json();
  document.title = "ok " + g.nodes.length + " " + g.links.length + " " + r.headers.get("X-Export-Truncated");
}).catch(e => { document.title = "error " + e.name; });
</script>`

// TestBrowserCrossOriginExport: a page served from a second loopback
// server downloads the whole graph from /export in headless Chromium,
// allowed by --cors-origin; a page of an origin not allowed cannot read it.
func TestBrowserCrossOriginExport(t *testing.T) {
	exe := chromium()
	if exe == "" {
		t.Skip("no chromium found (apt-get install chromium); skipping the cross-origin browser test")
	}
	var api string
	page := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, exportPage, api+"/export?format=d3")
	})
	allowed, other := httptest.NewServer(page), httptest.NewServer(page)
	defer allowed.Close()
	defer other.Close()
	s := startServer(t, seedSubset(t, 8), "--no-seed", "--cors-origin", allowed.URL)
	api = s.url
	var d statsData
	s.query(t, statsQuery, nil, &d)

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox,
		chromedp.Flag("disable-gpu", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()
	title := func(url string) string {
		t.Helper()
		var got string
		err := chromedp.Run(ctx, chromedp.Navigate(url),
			chromedp.Poll(`document.title !== "loading"`, nil, chromedp.WithPollingTimeout(30*time.Second)),
			chromedp.Title(&got))
		if err != nil {
			t.Fatalf("chromium on %s: %v", url, err)
		}
		return got
	}
	// Each event is a node with a link from its actor.
	want := fmt.Sprintf("ok %d %d false", d.Stats.Entities+d.Stats.Events, d.Stats.Relations+d.Stats.Events)
	if got := title(allowed.URL); got != want || d.Stats.Events == 0 {
		t.Errorf("page of the allowed origin: %q; want %q (the whole graph, with its %d events)", got, want, d.Stats.Events)
	}
	if got := title(other.URL); !strings.HasPrefix(got, "error") {
		t.Errorf("page of another origin read /export: %q", got)
	}
}
