package graph

// Key layout. Every key starts with one prefix byte; ids are fixed-width
// big-endian uint64, so a prefix scan returns its rows in id order and the
// adjacency rows of one entity sit together in both directions. Counts in
// keys are stored inverted (^n) so that an ascending scan gives the largest
// first. Values are JSON unless the table says otherwise; "record" is
// codec.go's binary layout (format 1 stored those as JSON too).
//
//	prefix  layout                                   value
//	0x01    0x01                                     meta (JSON): format version, last ids
//	                                                 handed out, counts of articles, entities
//	                                                 (all and by type), relations, evidence
//	0x10    0x10 articleID...                        article record (JSON): the article, its
//	                                                 seq, the SHA-256 of its text
//	0x11    0x11 seq                                 articleID (raw bytes); stored order
//	0x12    0x12 seq entUID                          mention spans of the entity in the article (JSON)
//	0x13    0x13 seq relUID                          empty; the article's relations
//	0x14    0x14 seq                                 what the article added (JSON, contribution in
//	                                                 delete.go), so that it can be taken out again
//	0x15    0x15 extractorVersion... 0x00 seq        empty; articles by the extractor that read them
//	0x20    0x20 entUID                              entity record: uid, id, name, type,
//	                                                 country (ISO code, lower case, optional),
//	                                                 aliases and why, mentions, articles
//	0x21    0x21 entityID...                         entUID (8 bytes); extractor ids, incl. joined
//	                                                 ones and "id@country" for an id's
//	                                                 namesake of another country
//	0x22    0x22 normName... 0x00 entUID             empty; name and alias index
//	0x23    0x23 type ^mentions entUID               empty; entities most mentioned first,
//	                                                 type 0 lists all types
//	0x24    0x24 entUID seq                          empty; the entity's articles
//	0x25    0x25 entUID normName...                  count (8 bytes): articles giving the entity
//	                                                 that name, so deletion knows when it goes
//	0x26    0x26 entUID len id len country name      count (8 bytes): articles proposing that id,
//	                                                 country and name for the entity (lengths are
//	                                                 uvarints); identity.go picks the entity's
//	                                                 from them
//	0x30    0x30 relUID                              relation record: uid, id, subject and
//	                                                 object (uid and id), lemma, kind (optional),
//	                                                 labels with counts, weight, articles,
//	                                                 first/last seen, confidence
//	0x31    0x31 subjUID objUID lemma...             relUID (8 bytes); aggregation key
//	0x32    0x32 subjUID ^weight relUID              objUID (8 bytes); out-edges, heaviest first
//	0x33    0x33 objUID ^weight relUID               subjUID (8 bytes); in-edges, heaviest first
//	0x34    0x34 ^weight relUID                      empty; all edges, heaviest first
//	0x35    0x35 relUID seq n(uint32)                evidence record, in article order
//	0x36    0x36 relationID...                       relUID (8 bytes); public relation ids
//	0x37    0x37 label... 0x00 ^weight relUID        kind (1 byte); edges by predicate: their
//	                                                 lemma and each label, normalised, heaviest first
//	0x38    0x38 kind ^weight relUID                 empty; edges by kind, heaviest first
//	0x39    0x39 kind label...                       count (8 bytes): edges of that kind (0: any)
//	                                                 with that predicate ("" for any); what
//	                                                 totalCount of a filtered list reads
//	0x40    0x40 seq n(uint32)                       event record: subject (uid and id),
//	                                                 predicate, lemma, kind, object text and
//	                                                 span, modality, pattern, date, evidence;
//	                                                 the article's events in its order
//	0x41    0x41 entUID order pos                    kind (1 byte) and date: the actor's events
//	                                                 in each order (see below)
//	0x42    0x42 label... 0x00 order pos             kind and date: events by predicate, their
//	                                                 lemma and label, normalised, in each order
//	0x43    0x43 order pos                           kind and date: all events in each order
//	0x44    0x44 kind entUID label... 0x00 [day]     count (8 bytes): events of that kind (0: any),
//	                                                 actor (0: any) and predicate ("": any); with
//	                                                 a day (2006-01-02), those of articles of that
//	                                                 day. What totalCount of an event list reads
//
// An event index row's order byte and pos: 1 stored order, pos = seq n;
// 2 newest first, pos = ^date ^seq n (date padded to 20 bytes, each byte
// inverted, so that undated events come last); 3 most confident first,
// pos = ^confidence(float64 bits) ^seq n.
//
// seq is an article's position in stored order (1, 2, ...); entUID and relUID
// are internal ids handed out from the counters in meta, inside the ingest
// transaction, so they never skip or repeat. The string ids users see
// ("person:vladimir-putin", "rel:...") map to them through 0x21 and 0x36.
//
// A cursor is a sort position, not an offset: the bytes after the fixed part
// of the index key it pages (^count uid, or seq), with a kind byte in front,
// in unpadded base64url. It stays meaningful after any number of ingests.
//
// Only this file knows the layout: the rest of the package builds keys and
// scan prefixes, and reads ids back out of keys, through the functions below.

import (
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"newsgraph"
)

const (
	pMeta        byte = 0x01
	pArticle     byte = 0x10
	pArticleSeq  byte = 0x11
	pArticleEnt  byte = 0x12
	pArticleRel  byte = 0x13
	pArticleUndo byte = 0x14
	pExtractor   byte = 0x15
	pEntity      byte = 0x20
	pEntityID    byte = 0x21
	pName        byte = 0x22
	pEntityRank  byte = 0x23
	pEntityArt   byte = 0x24
	pNameRef     byte = 0x25
	pProposal    byte = 0x26
	pRelation    byte = 0x30
	pRelTriple   byte = 0x31
	pOut         byte = 0x32
	pIn          byte = 0x33
	pRelRank     byte = 0x34
	pEvidence    byte = 0x35
	pRelationID  byte = 0x36
	pRelLabel    byte = 0x37
	pRelKind     byte = 0x38
	pRelCount    byte = 0x39
	pEvent       byte = 0x40
	pEventSubj   byte = 0x41
	pEventLabel  byte = 0x42
	pEventAll    byte = 0x43
	pEventCount  byte = 0x44
	nameSep      byte = 0x00
	allTypesByte byte = 0
)

// typeByte orders the entity types in the rank index; 0 is "all types".
func typeByte(t newsgraph.EntityType) byte {
	return ordinal(t, newsgraph.Person, newsgraph.State, newsgraph.Agency, newsgraph.Place)
}

// ordinal is v's position in order counting from 1; 0 when v is not in it.
func ordinal[T comparable](v T, order ...T) byte {
	for i, o := range order {
		if o == v {
			return byte(i + 1)
		}
	}
	return allTypesByte
}

func key(prefix byte, parts ...[]byte) []byte {
	n := 1
	for _, p := range parts {
		n += len(p)
	}
	k := make([]byte, 1, n)
	k[0] = prefix
	for _, p := range parts {
		k = append(k, p...)
	}
	return k
}

func u64(v uint64) []byte { return binary.BigEndian.AppendUint64(nil, v) }

func u32(v uint32) []byte { return binary.BigEndian.AppendUint32(nil, v) }

// rankPos is the sort position (^count, uid) shared by the entity and
// relation rank indexes and their cursors.
func rankPos(count int, uid uint64) []byte {
	return binary.BigEndian.AppendUint64(u64(^uint64(count)), uid)
}

func metaKey() []byte                      { return []byte{pMeta} }
func articleKey(id string) []byte          { return key(pArticle, []byte(id)) }
func articleSeqKey(seq uint64) []byte      { return key(pArticleSeq, u64(seq)) }
func articleEntKey(seq, ent uint64) []byte { return key(pArticleEnt, u64(seq), u64(ent)) }
func articleRelKey(seq, rel uint64) []byte { return key(pArticleRel, u64(seq), u64(rel)) }
func articleUndoKey(seq uint64) []byte     { return key(pArticleUndo, u64(seq)) }
func extractorKey(version string, seq uint64) []byte {
	return key(pExtractor, []byte(version), []byte{nameSep}, u64(seq))
}
func entityKey(uid uint64) []byte  { return key(pEntity, u64(uid)) }
func entityIDKey(id string) []byte { return key(pEntityID, []byte(id)) }
func nameKey(norm string, uid uint64) []byte {
	return key(pName, []byte(norm), []byte{nameSep}, u64(uid))
}

// namePrefix is the prefix of the rows for exactly the name norm.
func namePrefix(norm string) []byte { return key(pName, []byte(norm), []byte{nameSep}) }

// nameSearchPrefix is the prefix of the rows for every name starting with norm.
func nameSearchPrefix(norm string) []byte { return key(pName, []byte(norm)) }

func entityRankKey(t byte, mentions int, uid uint64) []byte {
	return key(pEntityRank, []byte{t}, rankPos(mentions, uid))
}
func entityArtKey(ent, seq uint64) []byte       { return key(pEntityArt, u64(ent), u64(seq)) }
func nameRefKey(ent uint64, norm string) []byte { return key(pNameRef, u64(ent), []byte(norm)) }
func relationKey(uid uint64) []byte             { return key(pRelation, u64(uid)) }

// proposalKey is the 0x26 row of what an article proposed for entity ent.
func proposalKey(ent uint64, p proposal) []byte {
	k := key(pProposal, u64(ent))
	k = binary.AppendUvarint(k, uint64(len(p.ID)))
	k = append(k, p.ID...)
	k = binary.AppendUvarint(k, uint64(len(p.Country)))
	k = append(k, p.Country...)
	return append(k, p.Name...)
}

// proposalPrefix is the prefix of entity ent's proposals.
func proposalPrefix(ent uint64) []byte { return key(pProposal, u64(ent)) }

// proposalAt reads the proposal back out of a 0x26 key.
func proposalAt(k []byte) (proposal, error) {
	rest := k[9:]
	var parts [2]string
	for i := range parts {
		n, w := binary.Uvarint(rest)
		if w <= 0 || uint64(len(rest)-w) < n {
			return proposal{}, fmt.Errorf("graph: corrupt proposal key %x", k)
		}
		parts[i], rest = string(rest[w:w+int(n)]), rest[w+int(n):]
	}
	return proposal{ID: parts[0], Country: parts[1], Name: string(rest)}, nil
}
func relTripleKey(subj, obj uint64, lemma string) []byte {
	return key(pRelTriple, u64(subj), u64(obj), []byte(lemma))
}
func outKey(subj uint64, weight int, rel uint64) []byte {
	return key(pOut, u64(subj), rankPos(weight, rel))
}
func inKey(obj uint64, weight int, rel uint64) []byte {
	return key(pIn, u64(obj), rankPos(weight, rel))
}
func relRankKey(weight int, rel uint64) []byte { return key(pRelRank, rankPos(weight, rel)) }
func evidenceKey(rel, seq uint64, n uint32) []byte {
	return key(pEvidence, u64(rel), u64(seq), u32(n))
}
func relationIDKey(id string) []byte { return key(pRelationID, []byte(id)) }

// relKindByte orders the relation kinds in the kind index; 0 is "any kind"
// (and the byte of an edge whose kind is unknown).
func relKindByte(k newsgraph.RelationKind) byte {
	return ordinal(k, newsgraph.Action, newsgraph.Statement, newsgraph.Role)
}

func relLabelKey(label string, weight int, rel uint64) []byte {
	return key(pRelLabel, []byte(label), []byte{nameSep}, rankPos(weight, rel))
}
func relKindKey(kind byte, weight int, rel uint64) []byte {
	return key(pRelKind, []byte{kind}, rankPos(weight, rel))
}
func relCountKey(kind byte, label string) []byte { return key(pRelCount, []byte{kind}, []byte(label)) }

// Event index orders (the order byte of 0x41-0x43).
const (
	eventStored     byte = 1
	eventNewest     byte = 2
	eventConfidence byte = 3
)

// eventDateSize is the width a date takes in a newest-first position:
// ParseDate's RFC 3339 form, UTC.
const eventDateSize = 20

// eventPos is an event's sort position in the index order: see the table.
func eventPos(order byte, seq uint64, n uint32, date string, confidence float64) []byte {
	switch order {
	case eventNewest:
		b := make([]byte, eventDateSize, eventDateSize+12)
		for i := range b {
			b[i] = 0xFF
			if i < len(date) {
				b[i] = ^date[i]
			}
		}
		return binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint64(b, ^seq), n)
	case eventConfidence:
		b := u64(^math.Float64bits(max(confidence, 0)))
		return binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint64(b, ^seq), n)
	}
	return binary.BigEndian.AppendUint32(u64(seq), n)
}

// eventPosSize is the length of an event's sort position in an order.
func eventPosSize(order byte) int {
	switch order {
	case eventNewest:
		return eventDateSize + 12
	case eventConfidence:
		return 20
	}
	return 12
}

// eventPosDate reads the date back out of a newest-first position: "" for
// an undated event.
func eventPosDate(pos []byte) string {
	d := make([]byte, 0, eventDateSize)
	for _, c := range pos[:eventDateSize] {
		if c == 0xFF {
			break
		}
		d = append(d, ^c)
	}
	return string(d)
}

// eventNewestFrom is the newest-first position where the events of day
// and earlier start.
func eventNewestFrom(day string) []byte {
	b := make([]byte, eventDateSize)
	for i := range len(day) {
		b[i] = ^day[i]
	}
	return b
}

func eventKey(seq uint64, n uint32) []byte { return key(pEvent, u64(seq), u32(n)) }
func eventSubjKey(ent uint64, order byte, pos []byte) []byte {
	return key(pEventSubj, u64(ent), []byte{order}, pos)
}
func eventLabelKey(label string, order byte, pos []byte) []byte {
	return key(pEventLabel, []byte(label), []byte{nameSep, order}, pos)
}
func eventAllKey(order byte, pos []byte) []byte { return key(pEventAll, []byte{order}, pos) }

// eventCountKey is the 0x44 count of the events of kind (0: any), actor
// subj (0: any) and predicate label ("": any), on day ("": every day and
// undated).
func eventCountKey(kind byte, subj uint64, label, day string) []byte {
	return key(pEventCount, []byte{kind}, u64(subj), []byte(label), []byte{nameSep}, []byte(day))
}

// eventPrefix is the prefix of all event records, or with seq of one
// article's.
func eventPrefix() []byte                  { return []byte{pEvent} }
func articleEventPrefix(seq uint64) []byte { return key(pEvent, u64(seq)) }
func eventSubjPrefix(ent uint64, order byte) []byte {
	return key(pEventSubj, u64(ent), []byte{order})
}
func eventLabelPrefix(label string, order byte) []byte {
	return key(pEventLabel, []byte(label), []byte{nameSep, order})
}
func eventAllPrefix(order byte) []byte { return []byte{pEventAll, order} }

// eventIndexPrefixes are the prefixes of every event index row and count,
// which a rebuild drops first.
func eventIndexPrefixes() [][]byte {
	return [][]byte{{pEventSubj}, {pEventLabel}, {pEventAll}, {pEventCount}}
}

// eventKeyAt is the record key (0x40) of the event whose sort position in
// order is pos.
func eventKeyAt(order byte, pos []byte) []byte {
	seq, n := uidAt(pos, len(pos)-12), binary.BigEndian.Uint32(pos[len(pos)-4:])
	if order != eventStored {
		seq = ^seq
	}
	return eventKey(seq, n)
}

// eventKeyPos returns the article seq and the number of an event record's
// key (0x40).
func eventKeyPos(k []byte) (uint64, uint32) {
	return uidAt(k, 1), binary.BigEndian.Uint32(k[9:])
}

// entityRankKeys are the rank rows of an entity of type t: one in the list of
// all types, one in its type's.
func entityRankKeys(t newsgraph.EntityType, mentions int, uid uint64) [][]byte {
	return [][]byte{entityRankKey(allTypesByte, mentions, uid), entityRankKey(typeByte(t), mentions, uid)}
}

// Scan prefixes.

func articleSeqPrefix() []byte                 { return []byte{pArticleSeq} }
func articlePrefix() []byte                    { return []byte{pArticle} }
func entityPrefix() []byte                     { return []byte{pEntity} }
func relationPrefix() []byte                   { return []byte{pRelation} }
func allEvidencePrefix() []byte                { return []byte{pEvidence} }
func extractorPrefix() []byte                  { return []byte{pExtractor} }
func articleEntPrefix(seq uint64) []byte       { return key(pArticleEnt, u64(seq)) }
func articleRelPrefix(seq uint64) []byte       { return key(pArticleRel, u64(seq)) }
func entityArtPrefix(ent uint64) []byte        { return key(pEntityArt, u64(ent)) }
func outPrefix(subj uint64) []byte             { return key(pOut, u64(subj)) }
func inPrefix(obj uint64) []byte               { return key(pIn, u64(obj)) }
func relRankPrefix() []byte                    { return []byte{pRelRank} }
func evidencePrefix(rel uint64) []byte         { return key(pEvidence, u64(rel)) }
func rankPrefix(t newsgraph.EntityType) []byte { return []byte{pEntityRank, typeByte(t)} }
func entityIDPrefix() []byte                   { return []byte{pEntityID} }
func evidenceArticlePrefix(rel, seq uint64) []byte {
	return key(pEvidence, u64(rel), u64(seq))
}

// entityIDOf reads the extractor id out of an entity id row (0x21).
func entityIDOf(k []byte) string { return string(k[1:]) }

func relLabelPrefix(label string) []byte { return key(pRelLabel, []byte(label), []byte{nameSep}) }
func relKindPrefix(kind byte) []byte     { return []byte{pRelKind, kind} }

// relIndexPrefixes are the prefixes of every row the relation indexes
// 0x37-0x39 hold, which a rebuild drops first.
func relIndexPrefixes() [][]byte { return [][]byte{{pRelLabel}, {pRelKind}, {pRelCount}} }

// relLabelAt is the label-index key of the label for the edge whose
// weight-ranked key (0x32, 0x33, 0x34) is k: where to look whether the edge
// has the label.
func relLabelAt(label string, k []byte) []byte {
	return key(pRelLabel, []byte(label), []byte{nameSep}, k[len(k)-16:])
}

// relKindAt is relLabelAt for the kind index.
func relKindAt(kind byte, k []byte) []byte { return key(pRelKind, []byte{kind}, k[len(k)-16:]) }

// seekAfter is the key to start a scan of prefix at to page after the sort
// position after; nil (the prefix) when after is nil. The row at after
// itself, when still there, is the caller's to skip.
func seekAfter(prefix, after []byte) []byte {
	if after == nil {
		return nil
	}
	return append(append([]byte{}, prefix...), after...)
}

// sortPos is the sort position of the key k scanned under prefix: what a
// cursor holds.
func sortPos(prefix, k []byte) []byte { return k[len(prefix):] }

// Key decoders. Each takes a key of its own prefix, as a scan of that
// prefix yields it.

// uidAt reads the big-endian uint64 at k[off:].
func uidAt(k []byte, off int) uint64 { return binary.BigEndian.Uint64(k[off : off+8]) }

// nameKeyUID returns the entity of a name row (0x22).
func nameKeyUID(k []byte) uint64 { return uidAt(k, len(k)-8) }

// extractorKeyParts returns the version and seq of an extractor row (0x15).
func extractorKeyParts(k []byte) (string, uint64) {
	return string(k[1 : len(k)-9]), uidAt(k, len(k)-8)
}

// relationKeyUID returns the edge of a relation record's key (0x30).
func relationKeyUID(k []byte) uint64 { return uidAt(k, 1) }

// evidenceKeySeq returns the article seq of an evidence row (0x35).
func evidenceKeySeq(k []byte) uint64 { return uidAt(k, 9) }

// nameKeyNorm returns the normalised name of a name row (0x22).
func nameKeyNorm(k []byte) string { return string(k[1 : len(k)-9]) }

// namesPrefix is the prefix of every name row.
func namesPrefix() []byte { return []byte{pName} }

// articleEntUID returns the entity of an article's mention row (0x12).
func articleEntUID(k []byte) uint64 { return uidAt(k, 9) }

// articleRelUID returns the relation of an article's relation row (0x13).
func articleRelUID(k []byte) uint64 { return uidAt(k, 9) }

// entityArtSeq returns the article seq of an entity's article row (0x24).
func entityArtSeq(k []byte) uint64 { return uidAt(k, 9) }

// rankPosUID returns the uid of a key that ends in a rank position (0x23,
// 0x32, 0x33, 0x34).
func rankPosUID(k []byte) uint64 { return uidAt(k, len(k)-8) }

// rankPosCount returns the count of a key that ends in a rank position.
func rankPosCount(k []byte) int { return int(^uidAt(k, len(k)-16)) }

// uidValue is the 8-byte value of the id rows (0x21, 0x31, 0x32, 0x33,
// 0x36) and of the counts (0x39); decodeUID reads it back.
func uidValue(uid uint64) []byte { return u64(uid) }

// decodeUID reads an 8-byte uid value.
func decodeUID(v []byte) (uint64, error) {
	if len(v) != 8 {
		return 0, fmt.Errorf("graph: corrupt id value of %d bytes", len(v))
	}
	return binary.BigEndian.Uint64(v), nil
}

// Cursor kinds, so that a cursor from one connection is refused by another.
const (
	cursorEntity   byte = 'e'
	cursorRelation byte = 'r'
	cursorArticle  byte = 'a'
	// Event cursors: one per order, 'v', 'w', 'x'.
	cursorEvent byte = 'v'
)

// eventCursor is the cursor kind of an event list in order.
func eventCursor(order byte) byte { return cursorEvent + order - eventStored }

// ErrBadCursor is returned when an after cursor was not made by the same kind
// of connection.
var ErrBadCursor = errors.New("graph: malformed cursor")

func encodeCursor(kind byte, pos []byte) string {
	return base64.RawURLEncoding.EncodeToString(append([]byte{kind}, pos...))
}

// decodeCursor returns the sort position in an after cursor; "" gives nil.
func decodeCursor(kind byte, c string, size int) ([]byte, error) {
	if c == "" {
		return nil, nil
	}
	b, err := base64.RawURLEncoding.Strict().DecodeString(c)
	if err != nil || len(b) != size+1 || b[0] != kind {
		return nil, fmt.Errorf("%w: %q", ErrBadCursor, c)
	}
	return b[1:], nil
}
