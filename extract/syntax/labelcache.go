package syntax

// labelCache remembers the label model's choices by their features. The
// beam asks for the label of the same arc in the same surroundings once for
// each of its parses that makes it; scoring every label is the costliest
// part of a move. A label is a function of its features' hashes alone, so
// entries stay valid across sentences; the cache is direct-mapped, a new
// entry replacing an old one in its slot.
type labelCache struct {
	slots []labelSlot
}

type labelSlot struct {
	key   uint64 // the features' combined hash, 0 for an empty slot
	label int32
}

const labelCacheBits = 12

func (c *labelCache) get(key uint64) (int, bool) {
	if c.slots == nil || key == 0 {
		return 0, false
	}
	s := c.slots[key>>(64-labelCacheBits)]
	return int(s.label), s.key == key
}

func (c *labelCache) put(key uint64, label int) {
	if c.slots == nil {
		c.slots = make([]labelSlot, 1<<labelCacheBits)
	}
	c.slots[key>>(64-labelCacheBits)] = labelSlot{key: key, label: int32(label)}
}
