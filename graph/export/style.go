package export

import (
	"math"

	"newsgraph"
)

// The look every styled format shares: one colour per actor type, node size
// growing with mentions, STATEMENT edges dashed.

// typeColours are the node colours by type, as RGB.
var typeColours = map[newsgraph.EntityType][3]uint8{
	newsgraph.Person: {0x4e, 0x79, 0xa7},
	newsgraph.State:  {0xe1, 0x57, 0x59},
	newsgraph.Agency: {0x59, 0xa1, 0x4f},
	newsgraph.Place:  {0xf2, 0x8e, 0x2b},
}

// otherColour is for a type the table does not have.
var otherColour = [3]uint8{0x9c, 0x9c, 0x9c}

func colour(t newsgraph.EntityType) [3]uint8 {
	if c, ok := typeColours[t]; ok {
		return c
	}
	return otherColour
}

// hexColour is "#rrggbb".
func hexColour(t newsgraph.EntityType) string { return hexOf(colour(t)) }

// eventHexColour is an event node's colour as "#rrggbb".
var eventHexColour = hexOf(eventColour)

func hexOf(c [3]uint8) string {
	const digits = "0123456789abcdef"
	b := []byte{'#', 0, 0, 0, 0, 0, 0}
	for i, v := range c {
		b[1+2*i], b[2+2*i] = digits[v>>4], digits[v&15]
	}
	return string(b)
}

// nodeSize grows with the log of the mentions: 10 for one mention, about 40
// for a thousand.
func nodeSize(mentions int) float64 {
	return math.Round((10+3*math.Log2(float64(max(mentions, 1))))*10) / 10
}

// dashed reports whether an edge of kind k is drawn dashed.
func dashed(k newsgraph.RelationKind) bool { return k == newsgraph.Statement }
