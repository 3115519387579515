//go:build !amd64 || purego

package syntax

const haveAVX2 = false

// sumVector is not available: sum uses sumWords.
func (p *packedRows) sumVector([]uint64, uint, *[maxClasses]uint32) bool { return false }
