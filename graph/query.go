package graph

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/dgraph-io/badger/v4"

	"newsgraph"
)

// Page sizes: a First of zero or less means DefaultPageSize, more than
// MaxPageSize means MaxPageSize.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
)

// PageArgs asks for a page of a connection: First items after the cursor
// After ("" for the first page).
type PageArgs struct {
	First int
	After string
	// NoCount says the caller will not use TotalCount: where counting would
	// mean reading a list past the page (the relations of an entity, or any
	// filtered relations), it is skipped and TotalCount is -1.
	NoCount bool
}

func (p PageArgs) size() int {
	switch {
	case p.First <= 0:
		return DefaultPageSize
	case p.First > MaxPageSize:
		return MaxPageSize
	}
	return p.First
}

// Page is one page of a Relay-style connection.
type Page[T any] struct {
	// TotalCount counts all items that match, on every page; -1 when
	// PageArgs.NoCount let the store skip counting.
	TotalCount  int
	Edges       []Edge[T]
	HasNextPage bool
	// EndCursor is the cursor of the last edge; "" on an empty page.
	EndCursor string
}

// Edge is one item of a Page with the cursor to pass as After for the items
// that follow it.
type Edge[T any] struct {
	Cursor string
	Node   T
}

func (p *Page[T]) add(cursor string, node T) {
	p.Edges = append(p.Edges, Edge[T]{Cursor: cursor, Node: node})
	p.EndCursor = cursor
}

// Direction selects edges by which end an entity is.
type Direction string

// The directions; the values are the GraphQL enum's.
const (
	Out  Direction = "OUT"  // the entity is the subject
	In   Direction = "IN"   // the entity is the object
	Both Direction = "BOTH" // either
)

// scan calls fn for each key with prefix, in order, starting at start (or
// the prefix when start is nil) until fn returns false. The item is valid only
// during the call; fn copies what it keeps.
func scan(ctx context.Context, txn *badger.Txn, prefix, start []byte, fn func(key []byte, it *badger.Item) (bool, error)) error {
	opts := badger.DefaultIteratorOptions
	opts.PrefetchValues = false
	opts.Prefix = prefix
	it := txn.NewIterator(opts)
	defer it.Close()
	if start == nil {
		start = prefix
	}
	n := 0
	for it.Seek(start); it.ValidForPrefix(prefix); it.Next() {
		if n++; n%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		item := it.Item()
		more, err := fn(item.KeyCopy(nil), item)
		if err != nil || !more {
			return err
		}
	}
	return nil
}

func itemUID(it *badger.Item) (uint64, error) {
	b, err := valueCopy(it)
	if err != nil {
		return 0, err
	}
	return decodeUID(b)
}

// view runs fn in a read transaction after checking ctx: the snapshot ctx
// carries (snapshot.go), else a transaction of its own.
func (s *Store) view(ctx context.Context, fn func(txn *badger.Txn) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if txn := s.snapshotTxn(ctx); txn != nil {
		return fn(txn)
	}
	if s.db.IsClosed() {
		return ErrClosed
	}
	return s.db.View(fn)
}

// notFound turns a missing key into ErrNotFound.
func notFound(err error) error {
	if errors.Is(err, errNoKey) {
		return ErrNotFound
	}
	return err
}

func entityUID(txn *badger.Txn, id string) (uint64, error) {
	uid, err := getUID(txn, entityIDKey(id))
	if err != nil {
		return 0, notFound(err)
	}
	return uid, nil
}

// Entity returns the actor with the id, or with an id that an article's
// extraction used for it. It fails with ErrNotFound.
func (s *Store) Entity(ctx context.Context, id string) (*Entity, error) {
	var e *Entity
	err := s.view(ctx, func(txn *badger.Txn) error {
		uid, err := s.entityUIDAt(txn, id)
		if err != nil {
			return err
		}
		rec, err := s.entityAt(txn, uid)
		if err != nil {
			return err
		}
		e = rec.entity()
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph.Entity %q: %w", id, notFound(err))
	}
	return e, nil
}

// EntityByName returns the actor whose name or alias is name, compared in any
// case and ignoring dots and dashes. When several share it, one whose name
// (not alias) it is wins, then the most mentioned. It fails with ErrNotFound.
func (s *Store) EntityByName(ctx context.Context, name string) (*Entity, error) {
	k := normName(name)
	var best *entityRec
	err := s.view(ctx, func(txn *badger.Txn) error {
		if k == "" {
			return ErrNotFound
		}
		uids, err := s.namedAt(ctx, txn, k)
		if err != nil {
			return err
		}
		bestIsName := false
		for _, uid := range uids {
			rec, err := s.entityAt(txn, uid)
			if err != nil {
				return err
			}
			isName := normName(rec.Name) == k
			if best == nil || isName && !bestIsName || isName == bestIsName && rec.Mentions > best.Mentions {
				best, bestIsName = rec, isName
			}
		}
		if best == nil {
			return ErrNotFound
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph.EntityByName %q: %w", name, notFound(err))
	}
	return best.entity(), nil
}

// EntityFilter narrows Entities; zero fields do not filter.
type EntityFilter struct {
	Type newsgraph.EntityType
	// Search matches any word start inside a name or alias ("defence" finds
	// the Ministry of Defence), in any case and without regard to accents.
	Search string
	// Sector keeps only agencies of that sector; it combines with the
	// others.
	Sector newsgraph.Sector
	// Order is ByMentions (also when empty), ByPageRank or ByDegree; the
	// last two list only actors with an edge and do not combine with Search.
	Order EntityOrder
}

// Entities pages through the actors, most mentioned first (ties by age,
// oldest first). The order is a sort position that cursors keep: an actor
// whose mention count rises while a client pages may move ahead of the
// client's cursor and be skipped, none is returned twice.
func (s *Store) Entities(ctx context.Context, f EntityFilter, p PageArgs) (*Page[*Entity], error) {
	if f.Type != "" && !f.Type.Valid() {
		return nil, fmt.Errorf("graph.Entities: %w: unknown type %q", ErrBadInput, f.Type)
	}
	if f.Sector != "" && !f.Sector.Valid() {
		return nil, fmt.Errorf("graph.Entities: %w: unknown sector %q", ErrBadInput, f.Sector)
	}
	after, err := decodeCursor(cursorEntity, p.After, 16)
	if err != nil {
		return nil, fmt.Errorf("graph.Entities: %w", err)
	}
	switch {
	case f.Order == ByPageRank || f.Order == ByDegree:
		if f.Search != "" {
			return nil, fmt.Errorf("graph.Entities: %w: search results are ordered by mentions only", ErrBadInput)
		}
		page, err := s.entitiesByScore(ctx, f, after, p.size())
		if err != nil {
			return nil, fmt.Errorf("graph.Entities: %w", err)
		}
		return page, nil
	case f.Order != "" && f.Order != ByMentions:
		return nil, fmt.Errorf("graph.Entities: %w: unknown order %q", ErrBadInput, f.Order)
	}
	page := &Page[*Entity]{}
	err = s.view(ctx, func(txn *badger.Txn) error {
		if f.Search != "" {
			return s.searchEntities(ctx, txn, f, after, p.size(), page)
		}
		if f.Sector != "" {
			return sectorEntities(ctx, txn, f, after, p.size(), page)
		}
		m, err := getMeta(txn)
		if err != nil {
			return err
		}
		page.TotalCount = m.Entities
		if f.Type != "" {
			page.TotalCount = m.EntitiesByType[f.Type]
		}
		prefix := rankPrefix(f.Type)
		n := p.size()
		return scan(ctx, txn, prefix, seekAfter(prefix, after), func(key []byte, _ *badger.Item) (bool, error) {
			pos := sortPos(prefix, key)
			if after != nil && bytes.Equal(pos, after) {
				return true, nil
			}
			if len(page.Edges) == n {
				page.HasNextPage = true
				return false, nil
			}
			rec, err := s.entityAt(txn, rankPosUID(key))
			if err != nil {
				return false, err
			}
			page.add(encodeCursor(cursorEntity, pos), rec.entity())
			return true, nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("graph.Entities: %w", err)
	}
	return page, nil
}

// keeps reports whether the stored actor r passes f's type and sector.
func (f EntityFilter) keeps(r *entityRec) bool {
	return (f.Type == "" || r.Type == f.Type) && (f.Sector == "" || r.Sector == f.Sector)
}

// sectorEntities pages the agencies of f.Sector in rank order. No index
// holds sectors: it reads every agency, which counts them in the same pass.
func sectorEntities(ctx context.Context, txn *badger.Txn, f EntityFilter, after []byte, n int, page *Page[*Entity]) error {
	t := f.Type
	if t == "" {
		t = newsgraph.Agency // only agencies have a sector
	}
	prefix := rankPrefix(t)
	return scan(ctx, txn, prefix, nil, func(key []byte, _ *badger.Item) (bool, error) {
		rec, err := getEntity(txn, rankPosUID(key))
		if err != nil || !f.keeps(rec) {
			return err == nil, err
		}
		page.TotalCount++
		pos := sortPos(prefix, key)
		switch {
		case after != nil && bytes.Compare(pos, after) <= 0:
		case len(page.Edges) == n:
			page.HasNextPage = true
		default:
			page.add(encodeCursor(cursorEntity, pos), rec.entity())
		}
		return true, nil
	})
}

// RelationFilter narrows Relations; zero fields do not filter.
type RelationFilter struct {
	Subject string // entity id
	Object  string // entity id
	// Predicate matches the lemma or any label the edge was stated with.
	Predicate string
	// Kind keeps only edges of that kind (all when empty).
	Kind newsgraph.RelationKind
	// Window keeps only evidence inside it: edges are weighed and ordered
	// by their evidence in the window, and those with none are left out.
	Window Window
}

// Relations pages through the edges, heaviest first (ties by age). Unknown
// subject or object ids give ErrNotFound. Cursors keep their place as in
// Entities.
func (s *Store) Relations(ctx context.Context, f RelationFilter, p PageArgs) (*Page[*Relation], error) {
	page, err := s.relations(ctx, f, "", p)
	if err != nil {
		return nil, fmt.Errorf("graph.Relations: %w", err)
	}
	return page, nil
}

// RelationsOf pages through the edges of the entity id in direction dir
// (Both when empty), heaviest first, filtered by f's Predicate and Kind (its
// Subject and Object are ignored).
func (s *Store) RelationsOf(ctx context.Context, id string, dir Direction, f RelationFilter, p PageArgs) (*Page[*Relation], error) {
	f.Subject, f.Object = "", ""
	var both string
	switch dir {
	case Out:
		f.Subject = id
	case In:
		f.Object = id
	case Both, "":
		both = id
	default:
		return nil, fmt.Errorf("graph.RelationsOf: %w: direction %q", ErrBadInput, dir)
	}
	page, err := s.relations(ctx, f, both, p)
	if err != nil {
		return nil, fmt.Errorf("graph.RelationsOf %q: %w", id, err)
	}
	return page, nil
}

// relations pages one of the weight-ranked edge indexes (relscan.go
// chooses which): it reads keys up to the page's end, checks filters on
// index rows, and decodes only the edges of the page. Counting reads the
// whole list only where no count is kept, unless p.NoCount.
func (s *Store) relations(ctx context.Context, f RelationFilter, both string, p PageArgs) (*Page[*Relation], error) {
	after, err := decodeCursor(cursorRelation, p.After, 16)
	if err != nil {
		return nil, err
	}
	page := &Page[*Relation]{}
	err = s.view(ctx, func(txn *badger.Txn) error {
		plan, err := planRelations(txn, f, both)
		if err != nil {
			return err
		}
		if !f.Window.IsZero() {
			// Kept counts and weights are for all time: a window reads
			// every candidate's evidence dates.
			return s.windowedPage(ctx, txn, plan.prefixes, plan.keep, f.Window, after, p, page)
		}
		count := plan.total < 0 && !p.NoCount
		n := p.size()
		type hit struct {
			pos []byte
			uid uint64
		}
		var hits []hit
		total := 0
		for _, prefix := range plan.prefixes {
			start := seekAfter(prefix, after)
			if count {
				start = nil
			}
			got := 0
			err := scan(ctx, txn, prefix, start, func(k []byte, it *badger.Item) (bool, error) {
				pos := sortPos(prefix, k)
				before := after != nil && bytes.Compare(pos, after) <= 0
				if !before && got > n && !count {
					return false, nil
				}
				ok, err := plan.keep(txn, k, it)
				if err != nil || !ok {
					return err == nil, err
				}
				total++
				if !before && got <= n {
					hits = append(hits, hit{pos, rankPosUID(k)})
					got++
				}
				return count || got <= n, nil
			})
			if err != nil {
				return err
			}
		}
		switch {
		case plan.total >= 0:
			page.TotalCount = plan.total
		case p.NoCount:
			page.TotalCount = -1
		default:
			page.TotalCount = total
		}
		sort.SliceStable(hits, func(i, j int) bool { return bytes.Compare(hits[i].pos, hits[j].pos) < 0 })
		for _, h := range hits {
			if len(page.Edges) == n {
				page.HasNextPage = true
				break
			}
			rec, err := s.relationAt(txn, h.uid)
			if err != nil {
				return err
			}
			page.add(encodeCursor(cursorRelation, h.pos), rec.relation())
		}
		return nil
	})
	if err != nil {
		return nil, notFound(err)
	}
	return page, nil
}

// Relation returns the edge with the public id, or ErrNotFound.
func (s *Store) Relation(ctx context.Context, id string) (*Relation, error) {
	var r *Relation
	err := s.view(ctx, func(txn *badger.Txn) error {
		uid, err := getUID(txn, relationIDKey(id))
		if err != nil {
			return err
		}
		rec, err := s.relationAt(txn, uid)
		if err != nil {
			return err
		}
		r = rec.relation()
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph.Relation %q: %w", id, notFound(err))
	}
	return r, nil
}

// Evidence returns up to first pieces of evidence of the edge id, in the
// order their articles were stored (all of them when first <= 0).
func (s *Store) Evidence(ctx context.Context, id string, first int) ([]newsgraph.Evidence, error) {
	return s.EvidenceIn(ctx, id, Window{}, first)
}

// Article returns the stored article with the id, or ErrNotFound.
func (s *Store) Article(ctx context.Context, id string) (*newsgraph.Article, error) {
	rec := &articleRec{}
	err := s.view(ctx, func(txn *badger.Txn) error {
		var err error
		rec, err = getArticle(txn, id)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("graph.Article %q: %w", id, notFound(err))
	}
	return &rec.Article, nil
}

// Articles pages through the articles in the order they were stored.
func (s *Store) Articles(ctx context.Context, p PageArgs) (*Page[*newsgraph.Article], error) {
	after, err := decodeCursor(cursorArticle, p.After, 8)
	if err != nil {
		return nil, fmt.Errorf("graph.Articles: %w", err)
	}
	page := &Page[*newsgraph.Article]{}
	err = s.view(ctx, func(txn *badger.Txn) error {
		m, err := getMeta(txn)
		if err != nil {
			return err
		}
		page.TotalCount = m.Articles
		prefix := articleSeqPrefix()
		n := p.size()
		return scan(ctx, txn, prefix, seekAfter(prefix, after), func(k []byte, it *badger.Item) (bool, error) {
			pos := sortPos(prefix, k)
			if after != nil && bytes.Equal(pos, after) {
				return true, nil
			}
			if len(page.Edges) == n {
				page.HasNextPage = true
				return false, nil
			}
			id, err := valueCopy(it)
			if err != nil {
				return false, err
			}
			rec, err := getArticle(txn, string(id))
			if err != nil {
				return false, err
			}
			page.add(encodeCursor(cursorArticle, pos), &rec.Article)
			return true, nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("graph.Articles: %w", err)
	}
	return page, nil
}

// articleSeq returns the stored position of the article id.
func articleSeq(txn *badger.Txn, id string) (uint64, error) {
	rec := &articleRec{}
	if err := getJSON(txn, articleKey(id), rec); err != nil {
		return 0, notFound(err)
	}
	return rec.Seq, nil
}

// ArticleEntities returns the actors the article names, oldest actor first.
func (s *Store) ArticleEntities(ctx context.Context, id string) ([]*Entity, error) {
	var out []*Entity
	err := s.view(ctx, func(txn *badger.Txn) error {
		seq, err := articleSeq(txn, id)
		if err != nil {
			return err
		}
		return scan(ctx, txn, articleEntPrefix(seq), nil, func(k []byte, _ *badger.Item) (bool, error) {
			rec, err := s.entityAt(txn, articleEntUID(k))
			if err != nil {
				return false, err
			}
			out = append(out, rec.entity())
			return true, nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("graph.ArticleEntities %q: %w", id, err)
	}
	return out, nil
}

// ArticleRelations returns the edges the article supports, oldest edge first.
func (s *Store) ArticleRelations(ctx context.Context, id string) ([]*Relation, error) {
	var out []*Relation
	err := s.view(ctx, func(txn *badger.Txn) error {
		seq, err := articleSeq(txn, id)
		if err != nil {
			return err
		}
		return scan(ctx, txn, articleRelPrefix(seq), nil, func(k []byte, _ *badger.Item) (bool, error) {
			rec, err := s.relationAt(txn, articleRelUID(k))
			if err != nil {
				return false, err
			}
			out = append(out, rec.relation())
			return true, nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("graph.ArticleRelations %q: %w", id, err)
	}
	return out, nil
}

// EntityArticles returns up to first articles naming the entity id, in
// stored order.
func (s *Store) EntityArticles(ctx context.Context, id string, first int) ([]*newsgraph.Article, error) {
	var out []*newsgraph.Article
	err := s.view(ctx, func(txn *badger.Txn) error {
		uid, err := s.entityUIDAt(txn, id)
		if err != nil {
			return err
		}
		return scan(ctx, txn, entityArtPrefix(uid), nil, func(k []byte, _ *badger.Item) (bool, error) {
			if first > 0 && len(out) == first {
				return false, nil
			}
			item, err := txn.Get(articleSeqKey(entityArtSeq(k)))
			if err != nil {
				return false, err
			}
			aid, err := valueCopy(item)
			if err != nil {
				return false, err
			}
			rec, err := getArticle(txn, string(aid))
			if err != nil {
				return false, err
			}
			out = append(out, &rec.Article)
			return true, nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("graph.EntityArticles %q: %w", id, err)
	}
	return out, nil
}

// Stats counts the articles, entities, relations and evidence stored.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.view(ctx, func(txn *badger.Txn) error {
		m, err := getMeta(txn)
		if err != nil {
			return err
		}
		st = Stats{Articles: m.Articles, Entities: m.Entities, Relations: m.Relations, Evidence: m.Evidence, Events: m.Events}
		return nil
	})
	if err != nil {
		return Stats{}, fmt.Errorf("graph.Stats: %w", err)
	}
	return st, nil
}
