//go:build !linux

package syntax

// allocWords returns n zeroed words for owner's weights (huge pages are
// asked for on Linux only, see hugepages_linux.go).
func allocWords[T any](_ *T, n int) []uint64 { return make([]uint64, n) }
