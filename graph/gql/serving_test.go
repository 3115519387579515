package gql_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"testing"

	"newsgraph/graph/gql"
)

// TestIngestWhileServing runs ingestArticle mutations and queries through
// one server on one store at once (CI runs it with -race) and checks what
// readers see: stats never go down, every relation's ends resolve, every
// cursor pages on, lookups of stored actors succeed; at the end the store
// holds exactly what a sequential ingest of the same articles gives.
func TestIngestWhileServing(t *testing.T) {
	const agencies, seeded, writers, perWriter = 40, 10, 2, 15
	st := gridStore(t, seeded, agencies)
	srv := gridServer(t, st, gridExtractor{}, gql.Options{})

	type stats struct{ Articles, Entities, Relations, Evidence int }
	readStats := func(client *http.Client) (stats, error) {
		r, err := do(client, srv.URL, body(`{ stats { articles entities relations evidence } }`, nil))
		if err != nil || r.Status != 200 || len(r.Errors) > 0 {
			return stats{}, fmt.Errorf("stats: %v %v", err, r)
		}
		var out struct{ Stats stats }
		err = json.Unmarshal(r.Data, &out)
		return out.Stats, err
	}

	done := make(chan struct{})
	errs := make(chan error, 1000)
	report := func(err error) {
		select {
		case errs <- err:
		default:
		}
	}
	var readers sync.WaitGroup
	readerLoops := []func(client *http.Client) error{
		// Stats only grow.
		func() func(*http.Client) error {
			var last stats
			return func(client *http.Client) error {
				s, err := readStats(client)
				if err != nil {
					return err
				}
				if s.Articles < last.Articles || s.Entities < last.Entities || s.Relations < last.Relations || s.Evidence < last.Evidence {
					return fmt.Errorf("stats went down: %+v after %+v", s, last)
				}
				last = s
				return nil
			}
		}(),
		// Every page of relations: ends resolvable, cursor accepted.
		func(client *http.Client) error {
			after := any(nil)
			for range 20 {
				r, err := do(client, srv.URL, body(`query($after: String) { relations(first: 7, after: $after) {
					edges { cursor node { id subject { id name } object { id name } evidence(first: 1) { article { id } } } }
					pageInfo { hasNextPage endCursor } } }`, map[string]any{"after": after}))
				if err != nil || r.Status != 200 || len(r.Errors) > 0 {
					return fmt.Errorf("relations(after %v): %v %+v", after, err, r)
				}
				var page struct {
					Relations struct {
						Edges []struct {
							Cursor string
							Node   struct {
								ID              string
								Subject, Object struct{ ID, Name string }
								Evidence        []struct{ Article struct{ ID string } }
							}
						}
						PageInfo struct {
							HasNextPage bool
							EndCursor   *string
						}
					}
				}
				if err := json.Unmarshal(r.Data, &page); err != nil {
					return err
				}
				for _, e := range page.Relations.Edges {
					n := e.Node
					if e.Cursor == "" || n.Subject.ID == "" || n.Object.ID == "" || n.Subject.Name == "" || len(n.Evidence) != 1 || n.Evidence[0].Article.ID == "" {
						return fmt.Errorf("relation %+v has an unresolved end, evidence or cursor", e)
					}
				}
				if !page.Relations.PageInfo.HasNextPage {
					return nil
				}
				after = *page.Relations.PageInfo.EndCursor
			}
			return nil
		},
		// Entity lookups, neighbors and paths among actors stored up front.
		func(client *http.Client) error {
			for i := range seeded {
				q := fmt.Sprintf(`{ entity(name: "e%d") { id relations(first: 3) { totalCount edges { node { subject { id } object { id } } } } }
					neighbors(id: "agency:e%d", first: 3) { entity { id } relations { id } }
					path(from: "agency:e%d", to: "agency:e%d") { subject { id } object { id } } }`, i, i, i, (i+1)%seeded)
				r, err := do(client, srv.URL, body(q, nil))
				if err != nil || r.Status != 200 || len(r.Errors) > 0 {
					return fmt.Errorf("lookups of e%d: %v %+v", i, err, r)
				}
				var out struct {
					Entity struct{ ID string }
					Path   []struct{ Subject, Object struct{ ID string } }
				}
				json.Unmarshal(r.Data, &out)
				if out.Entity.ID != fmt.Sprintf("agency:e%d", i) || len(out.Path) == 0 {
					return fmt.Errorf("entity(name: e%d) = %s; want it and a path to e%d", i, r.Data, (i+1)%seeded)
				}
			}
			return nil
		},
	}
	for _, loop := range readerLoops {
		readers.Go(func() {
			client := &http.Client{}
			for {
				select {
				case <-done:
					return
				default:
				}
				if err := loop(client); err != nil {
					report(err)
					return
				}
			}
		})
	}

	var writes sync.WaitGroup
	for w := range writers {
		writes.Go(func() {
			for n := range perWriter {
				i := seeded + w*perWriter + n
				m := `mutation($in: ArticleInput!) { ingestArticle(input: $in) { id entities { id } } }`
				in := map[string]any{"in": map[string]any{"id": fmt.Sprintf("g%d", i), "title": fmt.Sprintf("Report %d", i), "text": gridText(i, agencies)}}
				if r, err := do(http.DefaultClient, srv.URL, body(m, in)); err != nil || len(r.Errors) > 0 {
					report(fmt.Errorf("ingestArticle g%d: %v %+v", i, err, r))
				}
			}
		})
	}
	writes.Wait()
	close(done)
	readers.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	got, err := readStats(http.DefaultClient)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := gridStore(t, seeded+writers*perWriter, agencies).Stats(context.Background())
	if got.Articles != want.Articles || got.Entities != want.Entities || got.Relations != want.Relations || got.Evidence != want.Evidence {
		t.Errorf("stats after concurrent ingest = %+v; a sequential ingest gives %+v", got, want)
	}
}
