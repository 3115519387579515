package main

import (
	"encoding/json"
	"math/rand/v2"

	"newsgraph/graph/gql/loadshape"
)

// processCPU is the process's CPU time so far (loadtest, bench).
var processCPU = loadshape.ProcessCPU

// shapeBody is the JSON request body of one call of sh, its variables
// drawn from in.
func shapeBody(sh loadshape.Shape, in *loadshape.Inputs) func(r *rand.Rand) []byte {
	return func(r *rand.Rand) []byte {
		b, _ := json.Marshal(map[string]any{"query": sh.Query, "variables": sh.Variables(r, in)})
		return b
	}
}
