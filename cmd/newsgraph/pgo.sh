#!/bin/sh
# pgo.sh writes cmd/newsgraph/default.pgo, a CPU profile for
# profile-guided optimisation of newsgraph: once the file is there, `go
# build` and `go test` of the command use it by themselves (-pgo=auto) and
# compile every package it imports once more with it. None is committed:
# on the shared 2-core machine it made no difference that its noise could
# show (README, Performance); measure before committing one, e.g. the
# benchmarks built both ways (go test -c -pgo=off, -pgo=FILE). The
# profile is the two workloads newsgraph spends its CPU on, merged: the
# load test's query
# shapes served on a 10,000-article store (loadtest --cpuprofile) and
# the extraction of the seeds (bench --cpuprofile, newsgraph's part only).
#
#   sh cmd/newsgraph/pgo.sh [STORE_DIR]
#
# STORE_DIR is the load test's store, built there on the first run (about
# two minutes) and reused after; by default a directory under /tmp. The
# binary that profiles is built without PGO, so the profile does not
# depend on one it replaces. Run it from anywhere in the repository; a
# committed profile needs regenerating when a change moves where the CPU
# goes.
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
