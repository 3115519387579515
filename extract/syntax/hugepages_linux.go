package syntax

import (
	"runtime"
	"unsafe"

	"golang.org/x/sys/unix"
)

// hugePage is the size of a transparent huge page on linux/amd64 and arm64.
const hugePage = 2 << 20

// allocWords returns n zeroed words for owner's weights. Arrays of a huge
// page or more are mapped on their own and marked MADV_HUGEPAGE: scoring
// reads a few bytes at random from each of megabytes of weights, and with
// 4 KB pages most of those reads first miss the TLB (a synthetic test of
// such reads on 46 MB: 20-40% less CPU with huge pages). The kernel gives
// huge pages to marked memory when its setting is "madvise" or "always";
// otherwise, or if the mapping fails, the words are an ordinary slice. A
// mapping is unmapped when owner is garbage, so the words must not outlive
// it.
func allocWords[T any](owner *T, n int) []uint64 {
	size := n * 8
	if size < hugePage {
		return make([]uint64, n)
	}
	mem, err := unix.Mmap(-1, 0, size+hugePage, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANON)
	if err != nil {
		return make([]uint64, n)
	}
	start := (hugePage - int(uintptr(unsafe.Pointer(&mem[0]))%hugePage)) % hugePage
	words := mem[start : start+size]
	_ = unix.Madvise(words, unix.MADV_HUGEPAGE) // only a hint: without it the words are the same
	runtime.AddCleanup(owner, func(m []byte) { _ = unix.Munmap(m) }, mem)
	return unsafe.Slice((*uint64)(unsafe.Pointer(&words[0])), n)
}
