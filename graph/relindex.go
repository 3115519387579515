package graph

import (
	"errors"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"

	"newsgraph"
)

// The rows that find an edge: by either end (0x32, 0x33), by weight alone
// (0x34), by predicate (0x37) and by kind (0x38), and the counts per
// predicate and kind (0x39). They change together when an edge is made,
// gains weight or a label, or is deleted, through putRelIndex only, so that
// no index drifts from the records.

// relIndex is what the index rows of one edge depend on.
type relIndex struct {
	uid, subj, obj uint64
	weight         int
	kind           byte
	// labels are the edge's lemma and labels, normalised, each once: the
	// predicates a filter finds it by.
	labels []string
}

// index returns what the index rows of r depend on, copied: r may change
// after.
func (r *relationRec) index() *relIndex {
	ix := &relIndex{uid: r.UID, subj: r.SubjectUID, obj: r.ObjectUID, weight: r.Weight,
		kind: relKindByte(newsgraph.RelationKind(r.Kind))}
	for _, l := range append([]string{r.Lemma}, mapKeys(r.Labels)...) {
		if l = indexLabel(l); l != "" && !slices.Contains(ix.labels, l) {
			ix.labels = append(ix.labels, l)
		}
	}
	return ix
}

func mapKeys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// indexLabel is the form a predicate is indexed and looked up in:
// normPredicate's, without the byte that ends a label in the key.
func indexLabel(s string) string {
	return normPredicate(strings.ReplaceAll(s, string(nameSep), " "))
}

// rows are the index rows of the edge with their values.
func (ix *relIndex) rows() map[string][]byte {
	w, u := ix.weight, ix.uid
	rows := map[string][]byte{
		string(outKey(ix.subj, w, u)): uidValue(ix.obj),
		string(inKey(ix.obj, w, u)):   uidValue(ix.subj),
		string(relRankKey(w, u)):      nil,
	}
	for _, l := range ix.labels {
		rows[string(relLabelKey(l, w, u))] = []byte{ix.kind}
	}
	if ix.kind != allTypesByte {
		rows[string(relKindKey(ix.kind, w, u))] = nil
	}
	return rows
}

// counts are the count rows (0x39) the edge adds one to.
func (ix *relIndex) counts() []string {
	var out []string
	for _, l := range ix.labels {
		out = append(out, string(relCountKey(allTypesByte, l)))
		if ix.kind != allTypesByte {
			out = append(out, string(relCountKey(ix.kind, l)))
		}
	}
	if ix.kind != allTypesByte {
		out = append(out, string(relCountKey(ix.kind, "")))
	}
	return out
}

// putRelIndex moves the index rows and counts of one edge from the state
// old to the state cur within txn: old nil for a new edge, cur nil for a
// deleted one.
func putRelIndex(txn *badger.Txn, old, cur *relIndex) error {
	var oldRows, curRows map[string][]byte
	var oldCounts, curCounts []string
	if old != nil {
		oldRows, oldCounts = old.rows(), old.counts()
	}
	if cur != nil {
		curRows, curCounts = cur.rows(), cur.counts()
	}
	for k := range oldRows {
		if _, keep := curRows[k]; !keep {
			if err := txn.Delete([]byte(k)); err != nil {
				return err
			}
		}
	}
	for k, v := range curRows {
		if ov, had := oldRows[k]; had && string(ov) == string(v) {
			continue
		}
		if err := txn.Set([]byte(k), v); err != nil {
			return err
		}
	}
	for _, k := range oldCounts {
		if !slices.Contains(curCounts, k) {
			if err := addCount(txn, []byte(k), -1); err != nil {
				return err
			}
		}
	}
	for _, k := range curCounts {
		if !slices.Contains(oldCounts, k) {
			if err := addCount(txn, []byte(k), 1); err != nil {
				return err
			}
		}
	}
	return nil
}

// getCount reads the count at k; a missing one is 0.
func getCount(txn *badger.Txn, k []byte) (int, error) {
	n, err := getUID(txn, k)
	if errors.Is(err, errNoKey) {
		return 0, nil
	}
	return int(n), err
}
