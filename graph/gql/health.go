package gql

import (
	"fmt"
	"io"

	"newsgraph/graph"
)

// writeDiskHealth adds the store's free disk space to /healthz: a line
// "disk: ..." and, below the margin ingests need, "storage full: ..." (the
// server still answers reads then, and /healthz stays 200).
func writeDiskHealth(w io.Writer, st *graph.Store) {
	free, margin, ok := st.DiskSpace()
	if !ok {
		return
	}
	fmt.Fprintf(w, "disk: %d bytes free, ingests need %d\n", free, margin)
	if free < margin {
		fmt.Fprintf(w, "storage full: ingests are refused with %s until space is freed; reads go on\n", CodeStorageFull)
	}
}
