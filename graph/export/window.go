package export

import "newsgraph/graph"

// Window keeps the edges whose evidence falls between Since and Until
// (dates "2006-01-02", both ends included; empty for open). Today an edge is
// judged by its first and last evidence dates (FirstSeen, LastSeen): it is
// kept when that span overlaps the window, and edges without dates are
// dropped once a window is set. Filtering by each piece of evidence's date
// belongs here too, as the one place a window is applied.
type Window struct {
	Since, Until string
}

// Open reports whether the window keeps everything.
func (w Window) Open() bool { return w.Since == "" && w.Until == "" }

// Keep reports whether r falls in the window.
func (w Window) Keep(r *graph.Relation) bool {
	if w.Open() {
		return true
	}
	if r.FirstSeen == "" {
		return false
	}
	first, last := day(r.FirstSeen), day(r.LastSeen)
	return (w.Since == "" || last >= w.Since) && (w.Until == "" || first <= w.Until)
}

// day is the date part of a date or RFC 3339 timestamp.
func day(s string) string {
	if len(s) > 10 {
		return s[:10]
	}
	return s
}
