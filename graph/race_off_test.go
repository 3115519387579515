//go:build !race

package graph_test

// raceOn: see race_on_test.go.
const raceOn = false
