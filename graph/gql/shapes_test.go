package gql_test

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"testing"

	"newsgraph/graph/gql/loadshape"
)

// Every load test shape is a valid query within the server's default
// limits and answers with data on a generated store: the load test and
// BenchmarkShapes measure answers, not refusals.
func TestLoadShapesAnswer(t *testing.T) {
	st := shapesStore(t, t.TempDir(), 400)
	in, err := loadshape.ReadInputs(context.Background(), st, "say")
	if err != nil {
		t.Fatal(err)
	}
	if len(in.Hubs) != 3 || len(in.AgencyCursors) < 2 || len(in.IDs) != len(in.Names) {
		t.Fatalf("ReadInputs = %d hubs, %d agency pages, %d ids, %d names; want 3 hubs, several pages, as many ids as names",
			len(in.Hubs), len(in.AgencyCursors), len(in.IDs), len(in.Names))
	}
	h := shapesHandler(t, st)
	r := rand.New(rand.NewPCG(3, 4))
	for _, sh := range loadshape.Shapes {
		for range 5 {
			vars := sh.Variables(r, in)
			resp := h.Exec(context.Background(), sh.Query, "", vars)
			if len(resp.Errors) > 0 {
				t.Fatalf("%s with %v: errors %v", sh.Name, vars, resp.Errors[0])
			}
			var data map[string]any
			if err := json.Unmarshal(resp.Data, &data); err != nil || len(data) != 1 {
				t.Fatalf("%s with %v: data %.200s (%v); want one root field", sh.Name, vars, resp.Data, err)
			}
		}
		if _, err := serveShape(h, sh, r, in); err != nil {
			t.Error(err)
		}
	}
}
