package loadshape

import "runtime/metrics"

// GCCycles is the number of collections the process has run so far. Each
// marks the whole live heap (on a server, mostly its caches), so cycles per
// request say what the collector costs a shape; unlike CPU time, the
// machine's load does not move them.
func GCCycles() uint64 {
	s := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
