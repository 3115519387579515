package explore_test

import (
	"context"
	"flag"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"newsgraph/graph"
	"newsgraph/graph/gql"
	"newsgraph/graph/internal/browsertest"
	"newsgraph/graph/internal/testgraph"
)

var screenshotTo = flag.String("explore.screenshot", "", "also write the explorer's screenshot to this file (for the README)")

// server serves the GraphQL API, /explore and /export over the default
// fixture on 127.0.0.1:0.
func server(t *testing.T) *httptest.Server {
	t.Helper()
	st := testgraph.Open(t)
	testgraph.Ingest(t, st, testgraph.News)
	return serve(t, st)
}

// serve serves st's GraphQL API, /explore and /export on 127.0.0.1:0
// until the test ends.
func serve(t *testing.T, st *graph.Store) *httptest.Server {
	t.Helper()
	h, err := gql.NewHandler(st, nil, gql.Options{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatalf("NewHandler() = %v", err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func TestExplorerServesItsAssets(t *testing.T) {
	srv := server(t)
	for path, want := range map[string]string{
		"/explore/":                         "<title>newsgraph explorer</title>",
		"/explore/explore.js":               "function expand(",
		"/explore/vendor/cytoscape.min.js":  "Cytoscape Consortium",
		"/explore/vendor/cytoscape.LICENSE": "Permission is hereby granted",
	} {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.Contains(string(b), want) {
			t.Errorf("GET %s = %d, body without %q", path, res.StatusCode, want)
		}
		if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
			t.Errorf("GET %s: Content-Security-Policy = %q; want default-src 'self'", path, csp)
		}
	}
	for _, path := range []string{"/explore/vendor/", "/explore/nope.js", "/explore/../graphql"} {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode == 200 && path != "/explore/../graphql" {
			t.Errorf("GET %s = 200; want 404", path)
		}
	}
}

// posOf is a script giving the page position [x, y] of a drawn node, or
// of an edge's midpoint.
func posOf(id string) string {
	return `(() => { const el = explorer.cy.getElementById(` + "'" + id + "'" + `);
		const p = el.isNode() ? el.renderedPosition() : el.renderedMidpoint();
		const r = document.getElementById('cy').getBoundingClientRect();
		return [r.left + p.x, r.top + p.y]; })()`
}

// clickAt clicks with the mouse where script says, as a user would.
func clickAt(script string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var xy []float64
		if err := chromedp.Evaluate(script, &xy).Do(ctx); err != nil {
			return err
		}
		return chromedp.MouseClickXY(xy[0], xy[1]).Do(ctx)
	})
}

// drawn waits until the node or edge id is drawn and visible.
func drawn(id string) chromedp.Action {
	return chromedp.Poll(`(() => { const el = explorer.cy.getElementById('`+id+`'); return el.nonempty() && el.visible(); })()`,
		nil, chromedp.WithPollingTimeout(10*time.Second))
}

// TestExplorerInChromium drives the explorer as a user: search "Putin",
// pick him, see Russia among his neighbours, expand Russia (which draws
// Ukraine through Russia's invasion), click that edge and read its
// evidence, with no console error on the way.
func TestExplorerInChromium(t *testing.T) {
	srv := server(t)
	b := browsertest.New(t, 60*time.Second)
	var (
		suggestion, evidence, meta, hash string
		edgeID                           string
		png                              []byte
	)
	err := chromedp.Run(b.Ctx,
		chromedp.Navigate(srv.URL+"/explore"),
		chromedp.WaitVisible(`body[data-ready="true"]`),
		chromedp.SendKeys("#search", "Putin"),
		chromedp.WaitVisible(`#suggestions li[data-id="person:vladimir-putin"]`),
		chromedp.Text(`#suggestions li[data-id="person:vladimir-putin"]`, &suggestion),
		chromedp.Click(`#suggestions li[data-id="person:vladimir-putin"]`),
		drawn("person:vladimir-putin"),
		drawn("state:ru"),
		clickAt(posOf("state:ru")),
		chromedp.Poll(`explorer.state.ids.includes('state:ru')`, nil, chromedp.WithPollingTimeout(10*time.Second)),
		drawn("state:ua"),
		chromedp.Evaluate(`explorer.cy.edges().filter((e) => e.source().id() === 'state:ru' && e.target().id() === 'state:ua').id()`, &edgeID),
	)
	if err != nil {
		t.Fatalf("exploring from Putin to Russia: %v (browser errors: %v)", err, b.Errors())
	}
	if !strings.Contains(suggestion, "Vladimir Putin") {
		t.Errorf("suggestion for Putin = %q; want Vladimir Putin", suggestion)
	}
	err = chromedp.Run(b.Ctx,
		chromedp.Evaluate(`void explorer.cy.fit(explorer.cy.getElementById('`+edgeID+`').connectedNodes(), 150)`, nil),
		clickAt(posOf(edgeID)),
		chromedp.WaitVisible(`#details .evidence .sentence`),
		chromedp.Text(`#details .evidence .sentence`, &evidence),
		chromedp.Text(`#details .evidence .meta`, &meta),
		chromedp.Evaluate(`location.hash`, &hash),
		chromedp.Evaluate(`void explorer.cy.fit(undefined, 40)`, nil),
		chromedp.FullScreenshot(&png, 100),
	)
	if err != nil {
		t.Fatalf("reading the evidence of Russia -> Ukraine (%s): %v (browser errors: %v)", edgeID, err, b.Errors())
	}
	if want := "Russia invaded Ukraine from three sides."; evidence != want {
		t.Errorf("evidence sentence = %q; want %q", evidence, want)
	}
	if !strings.Contains(meta, "Report n2") || !strings.Contains(meta, "2022-03-02") {
		t.Errorf("evidence meta = %q; want the article's title and date", meta)
	}
	for _, want := range []string{"ids=person%3Avladimir-putin%2Cstate%3Aru", "sel=" + strings.ReplaceAll(edgeID, ":", "%3A")} {
		if !strings.Contains(hash, want) {
			t.Errorf("URL fragment = %q; want it to hold %q", hash, want)
		}
	}
	// Colour by community and size by betweenness: the analytics arrive
	// through the same API (betweenness is fetched when chosen).
	var community int
	var bigger bool
	err = chromedp.Run(b.Ctx,
		chromedp.Evaluate(`for (const [id, v] of [['colour', 'community'], ['size', 'betweenness']]) {
			const el = document.getElementById(id); el.value = v; el.dispatchEvent(new Event('change')); }`, nil),
		// Russia is on every path between its neighbours, NATO on none.
		chromedp.Poll(`explorer.cy.getElementById('state:ru').data('betweenness') > 0 &&
			explorer.cy.getElementById('state:ru').data('size') > explorer.cy.getElementById('agency:nato').data('size')`,
			&bigger, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Evaluate(`explorer.cy.getElementById('state:ru').data('community')`, &community),
	)
	if err != nil {
		t.Fatalf("colouring by community, sizing by betweenness: %v (browser errors: %v)", err, b.Errors())
	}
	if community < 0 || !bigger {
		t.Errorf("Russia: community %d, drawn bigger than NATO by betweenness %v; want a community and bigger", community, bigger)
	}
	// Unticking a sector hides its agencies and goes into the URL.
	var natoSector, sectorHash string
	var natoHidden bool
	err = chromedp.Run(b.Ctx,
		chromedp.Evaluate(`explorer.cy.getElementById('agency:nato').data('sector')`, &natoSector),
		chromedp.Click(`#sectors input[value="INTERNATIONAL"]`),
		chromedp.Evaluate(`explorer.cy.getElementById('agency:nato').hasClass('hidden')`, &natoHidden),
		chromedp.Evaluate(`location.hash`, &sectorHash),
	)
	if err != nil {
		t.Fatalf("sector filter: %v (browser errors: %v)", err, b.Errors())
	}
	if natoSector != "INTERNATIONAL" || !natoHidden || !strings.Contains(sectorHash, "sectors=") || strings.Contains(sectorHash, "INTERNATIONAL") {
		t.Errorf("NATO: sector %q, hidden %v after unticking INTERNATIONAL, fragment %q; want INTERNATIONAL, hidden, sectors without it",
			natoSector, natoHidden, sectorHash)
	}
	shot := filepath.Join(t.TempDir(), "explore.png")
	if err := os.WriteFile(shot, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s (%d bytes)", shot, len(png))
	if *screenshotTo != "" {
		if err := os.WriteFile(*screenshotTo, png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	b.NoConsoleErrors(t)
}
