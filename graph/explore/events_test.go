package explore_test

import (
	"context"
	"math/rand/v2"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"newsgraph"
	"newsgraph/extract"
	"newsgraph/graph/internal/browsertest"
	"newsgraph/graph/internal/testgraph"
)

// seedServer serves a store holding the seed article (the first of the
// embedded seeds) as the real extractor reads it.
func seedServer(t *testing.T) *httptest.Server {
	t.Helper()
	arts, err := newsgraph.Seeds()
	if err != nil || len(arts) == 0 {
		t.Fatalf("Seeds() = %d articles, %v", len(arts), err)
	}
	x, err := extract.New()
	if err != nil {
		t.Fatalf("extract.New() = %v", err)
	}
	st := testgraph.Open(t)
	ctx := context.Background()
	ex, err := x.Extract(ctx, arts[0])
	if err != nil {
		t.Fatalf("Extract(%s) = %v", arts[0].ID, err)
	}
	if _, err := st.Ingest(ctx, arts[0], ex); err != nil {
		t.Fatalf("Ingest(%s) = %v", arts[0].ID, err)
	}
	return serve(t, st)
}

// TestExplorerListsEvents picks Putin from the seed store and finds, in his
// side panel, his event "signed decree" with its object, then opens it with
// the keyboard to read its sentence and article.
func TestExplorerListsEvents(t *testing.T) {
	srv := seedServer(t)
	b := browsertest.New(t, 60*time.Second)
	const putin = `#suggestions li[data-id="person:vladimir-putin"]`
	var heading string
	var items []string
	err := chromedp.Run(b.Ctx,
		chromedp.Navigate(srv.URL+"/explore"),
		chromedp.WaitVisible(`body[data-ready="true"]`),
		chromedp.SendKeys("#search", "Putin"),
		chromedp.WaitVisible(putin),
		chromedp.Click(putin),
		chromedp.WaitVisible(`#details .event-list .event`),
		chromedp.Text(`#details .events h2`, &heading),
		chromedp.Evaluate(`[...document.querySelectorAll('#details .event > button')].map((b) => b.textContent)`, &items),
	)
	if err != nil {
		t.Fatalf("selecting Putin in the seed store: %v (browser errors: %v)", err, b.Errors())
	}
	at := -1
	for i, it := range items {
		if strings.HasPrefix(it, "signed decree") && strings.Contains(it, "a new decree") {
			at = i
		}
	}
	if at < 0 || !strings.HasPrefix(heading, "Events (") {
		t.Fatalf("Putin's events %q under %q; want signed decree -> a new decree ...", items, heading)
	}
	// Its evidence is hidden until the button is pressed, here by the
	// keyboard: focus it and press Enter.
	var hidden, expanded bool
	var sentence, meta string
	sel := `#details .event:nth-child(` + strconv.Itoa(at+1) + `)`
	err = chromedp.Run(b.Ctx,
		chromedp.Evaluate(`document.querySelector('`+sel+` .evidence').hidden`, &hidden),
		chromedp.Focus(sel+` > button`),
		chromedp.KeyEvent("\r"),
		chromedp.WaitVisible(sel+` .evidence .sentence`),
		chromedp.Text(sel+` .evidence .sentence`, &sentence),
		chromedp.Text(sel+` .evidence .meta`, &meta),
		chromedp.Evaluate(`document.querySelector('`+sel+` > button').getAttribute('aria-expanded') === 'true'`, &expanded),
	)
	if err != nil {
		t.Fatalf("opening the decree event: %v (browser errors: %v)", err, b.Errors())
	}
	if !hidden || !expanded {
		t.Errorf("event evidence hidden before Enter %v, aria-expanded after %v; want both", hidden, expanded)
	}
	if !strings.Contains(sentence, "signed a new decree") {
		t.Errorf("event sentence = %q; want the decree's sentence", sentence)
	}
	if !strings.Contains(meta, "Putin Has Just Announced") {
		t.Errorf("event meta = %q; want the seed article's title", meta)
	}
	b.NoConsoleErrors(t)
}

// TestExplorerPagesEventsNewestFirst: an actor with more events than a
// page, stored out of date order, is listed newest first as the API gives
// them, and "more" fetches the next page from the server.
func TestExplorerPagesEventsNewestFirst(t *testing.T) {
	st := testgraph.Open(t)
	ctx := context.Background()
	const n = 13
	for i, day := range rand.Perm(n) {
		text := "Putin signed decree " + strconv.Itoa(i) + "."
		a := &newsgraph.Article{ID: "d" + strconv.Itoa(i), Title: "Decree", Text: text,
			PublishedAt: time.Date(2024, 1, 1+day, 0, 0, 0, 0, time.UTC).Format("2006-01-02")}
		ex := &newsgraph.Extraction{
			Entities: []newsgraph.Entity{{ID: "person:putin", Name: "Putin", Type: newsgraph.Person,
				Mentions: []newsgraph.Mention{{Start: 0, End: 5, Text: "Putin"}}}},
			Events: []newsgraph.Event{{Subject: "person:putin", Predicate: "signed decree", Lemma: "sign decree",
				Kind: newsgraph.Action, ObjectText: text[13 : len(text)-1], ObjectStart: 13, ObjectEnd: len(text) - 1,
				Evidence: newsgraph.Evidence{Sentence: text, Start: 0, End: len(text), Confidence: 0.8}}},
		}
		if _, err := st.Ingest(ctx, a, ex); err != nil {
			t.Fatalf("Ingest(%s) = %v", a.ID, err)
		}
	}
	srv := serve(t, st)
	b := browsertest.New(t, 60*time.Second)
	const putin = `#suggestions li[data-id="person:putin"]`
	dates := `[...document.querySelectorAll('#details .event > button small')].map((s) => s.textContent.replace(' · ', ''))`
	var heading string
	var first, all []string
	var moreHidden bool
	err := chromedp.Run(b.Ctx,
		chromedp.Navigate(srv.URL+"/explore"),
		chromedp.WaitVisible(`body[data-ready="true"]`),
		chromedp.SendKeys("#search", "Putin"),
		chromedp.WaitVisible(putin),
		chromedp.Click(putin),
		chromedp.WaitVisible(`#details .event-list .event`),
		chromedp.Text(`#details .events h2`, &heading),
		chromedp.Evaluate(dates, &first),
		chromedp.Click(`#details .events .more`),
		chromedp.WaitVisible(`#details .event-list .event:nth-child(`+strconv.Itoa(n)+`)`),
		chromedp.Evaluate(dates, &all),
		chromedp.Evaluate(`document.querySelector('#details .events .more').hidden`, &moreHidden),
	)
	if err != nil {
		t.Fatalf("paging Putin's events: %v (browser errors: %v)", err, b.Errors())
	}
	if !strings.HasPrefix(heading, "Events (13") {
		t.Errorf("events heading = %q; want the total, 13", heading)
	}
	if len(first) != 10 || len(all) != n || !moreHidden {
		t.Fatalf("first page %d events, after more %d (more hidden %v); want 10, then %d and no more", len(first), len(all), moreHidden, n)
	}
	for i := 1; i < len(all); i++ {
		if all[i] >= all[i-1] {
			t.Fatalf("event dates %v; want newest first", all)
		}
	}
	b.NoConsoleErrors(t)
}
