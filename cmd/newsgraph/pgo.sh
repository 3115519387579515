#!/bin/sh
# pgo.sh regenerates cmd/newsgraph/default.pgo, the CPU profile that `go
# build` uses for profile-guided optimisation of newsgraph (Go reads a
# main package's default.pgo by itself: -pgo=auto). The profile is the two
# workloads newsgraph spends its CPU on, merged: the load test's query
# shapes served on a 10,000-article store (loadtest --cpuprofile) and the
# extraction of the seeds (bench --cpuprofile, newsgraph's part only).
#
#   sh cmd/newsgraph/pgo.sh [STORE_DIR]
#
# STORE_DIR is the load test's store, built there on the first run (about
# two minutes) and reused after; by default a directory under /tmp. The
# binary that profiles is built without PGO, so the profile does not
# depend on the one it replaces. Run it from anywhere in the repository
# after a change that moves where the CPU goes, and commit the new
# default.pgo.
set -eu
root=$(git rev-parse --show-toplevel)
store=${1:-/tmp/newsgraph-pgo-store}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
go build -pgo=off -o "$tmp/newsgraph" ./cmd/newsgraph
"$tmp/newsgraph" loadtest --data "$store" --duration 2s --rounds 1 --cpuprofile "$tmp/serve.pprof" >/dev/null
"$tmp/newsgraph" bench --rounds 2 --cpuprofile "$tmp/extract.pprof" >/dev/null
go tool pprof -proto "$tmp/serve.pprof" "$tmp/extract.pprof" >cmd/newsgraph/default.pgo
ls -l cmd/newsgraph/default.pgo
