package graph

// Which id, country and name an actor is known by. Every article that
// names an actor proposes them (its extractor's id as the store resolved
// it, its country, its name); the store counts, per actor, the articles
// making each proposal (0x26) and gives the actor the best one by a fixed
// rule (betterProposal). So the same articles give the same ids in any
// ingest order: an actor no longer keeps the id of the first article that
// named it ("agency:congress" in one order, "agency:us:congress" in
// another). Deleting an article takes its proposals back and chooses again
// from the articles left (delete.go), so a delete still leaves the store
// that never had the article.
//
// Every id proposed stays a key of the actor (0x21) while an article
// proposes it, so an old id keeps finding the actor after a rename. A
// rename rewrites the ids of the actor's relations, which hash their ends'
// ids (relationID); every other row refers to the actor by its uid.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"
)

// proposal is what one article says an actor is called: the id (with
// "@country" for a namesake of another country's actor, as find resolved
// it), the country (ISO code, lower case, or empty) and the name.
type proposal struct {
	ID      string `json:"id"`
	Country string `json:"country,omitempty"`
	Name    string `json:"name"`
}

// betterProposal reports whether a names an actor better than b. In order:
// an id scoped by a country ("agency:us:congress") before a plain one, and
// a plain one before a namesake's ("agency:tass@ru"); the id of more words
// ("person:donald-trump" before "person:trump"); the id whose name more
// articles give the actor (as name or alias: "Vladimir Putin" before
// "President Putin"; given counts them); the id first in byte order; a
// country before none, then the first in byte order; the better name
// (preferName). Each step depends only on which articles are stored.
func betterProposal(a, b proposal, given func(norm string) (int, error)) (bool, error) {
	if ra, rb := idRank(a.ID), idRank(b.ID); ra != rb {
		return ra > rb, nil
	}
	if wa, wb := idWords(a.ID), idWords(b.ID); wa != wb {
		return wa > wb, nil
	}
	if a.ID != b.ID {
		ga, err := given(normName(a.Name))
		if err != nil {
			return false, err
		}
		gb, err := given(normName(b.Name))
		if err != nil || ga != gb {
			return ga > gb, err
		}
		return a.ID < b.ID, nil
	}
	return betterSpelling(a, b), nil
}

// betterSpelling orders two proposals of one id: a country before none,
// then the first in byte order; the better name (preferName).
func betterSpelling(a, b proposal) bool {
	if (a.Country == "") != (b.Country == "") {
		return a.Country != ""
	}
	if a.Country != b.Country {
		return a.Country < b.Country
	}
	return a.Name != b.Name && preferName(a.Name, b.Name)
}

// idRank ranks the forms of ids: 2 scoped by a country ("type:cc:slug"), 1
// plain, 0 a namesake's ("id@cc").
func idRank(id string) int {
	if strings.Contains(id, "@") {
		return 0
	}
	if parts := strings.SplitN(id, ":", 3); len(parts) == 3 && len(parts[1]) == 2 {
		return 2
	}
	return 1
}

// idWords counts the words of an id's name part.
func idWords(id string) int {
	_, slug, _ := strings.Cut(id, ":")
	return strings.Count(slug, "-") + 1
}

// proposals reads an actor's proposals (0x26).
func proposals(ctx context.Context, txn *badger.Txn, uid uint64) ([]proposal, error) {
	var out []proposal
	err := scan(ctx, txn, proposalPrefix(uid), nil, func(k []byte, _ *badger.Item) (bool, error) {
		p, err := proposalAt(k)
		out = append(out, p)
		return err == nil, err
	})
	return out, err
}

// identify gives the actor r the id, country and name its proposals
// choose, renaming it when its id changes. given counts the articles that
// give the actor a (normalised) name: a name the actor loses stays an
// alias only while one does. An actor without proposals (of a store from
// before them) keeps what it has.
func identify(ctx context.Context, txn *badger.Txn, r *entityRec, given func(norm string) (int, error)) error {
	ps, err := proposals(ctx, txn, r.UID)
	if err != nil {
		return err
	}
	return identifyFrom(ctx, txn, r, ps, given, false)
}

// identifyFrom is identify from the proposals ps, all the actor has. A
// fresh actor (made by this ingest) has no relations to rename yet.
func identifyFrom(ctx context.Context, txn *badger.Txn, r *entityRec, ps []proposal, given func(norm string) (int, error), fresh bool) error {
	if len(ps) == 0 {
		return nil
	}
	best := ps[0]
	country := ""
	for _, p := range ps {
		switch better, err := betterProposal(p, best, given); {
		case err != nil:
			return err
		case better:
			best = p
		}
		if p.Country != "" && (country == "" || p.Country < country) {
			country = p.Country
		}
	}
	if best.Country != "" {
		country = best.Country
	}
	r.Country = country
	if best.Name != r.Name {
		n, err := given(normName(r.Name))
		if err != nil {
			return err
		}
		r.setName(best.Name, n > 0)
	}
	renamed := best.ID != r.ID
	r.ID = best.ID
	r.joinReasons(ps)
	if !renamed || fresh {
		return nil
	}
	return renameRelations(ctx, txn, r.UID, r.ID)
}

// joinReasons gives each alias that an article gave as the name of another
// id, and that no article gave a reason, the reason that says it was
// joined across articles, and takes that reason from aliases no article
// gives so any more. The reason used to be written by the article that
// joined, so it depended on which side came first: "Democratic" joining a
// stored "Democratic Party" got it, "Democratic Party" joining a stored
// "Democratic" gave it to the name, which drops it on the rename.
func (r *entityRec) joinReasons(ps []proposal) {
	joined := map[string]string{}
	for _, p := range ps {
		n := normName(p.Name)
		if p.ID != r.ID && n != normName(r.Name) && joined[n] == "" {
			joined[n] = fmt.Sprintf("%sname %s (%s) matched %s", joinedPrefix, p.Name, p.ID, r.Name)
		}
	}
	for _, a := range r.Aliases {
		cur, has := r.AliasReasons[a]
		switch why := joined[normName(a)]; {
		case has && !strings.HasPrefix(cur, joinedPrefix):
		case why != "":
			if r.AliasReasons == nil {
				r.AliasReasons = map[string]string{}
			}
			r.AliasReasons[a] = why
		case has:
			delete(r.AliasReasons, a)
		}
	}
	if len(r.AliasReasons) == 0 {
		r.AliasReasons = nil
	}
}

// edgesOf lists the edges of actor uid, either way, each once, in uid
// order.
func edgesOf(ctx context.Context, txn *badger.Txn, uid uint64) ([]uint64, error) {
	var rels []uint64
	for _, prefix := range [][]byte{outPrefix(uid), inPrefix(uid)} {
		err := scan(ctx, txn, prefix, nil, func(k []byte, _ *badger.Item) (bool, error) {
			rels = append(rels, rankPosUID(k))
			return true, nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.Sort(rels)
	return slices.Compact(rels), nil
}

// renameRelations gives the relations of actor uid its new id at their end
// and the relation ids that follow from it (0x30, 0x36).
func renameRelations(ctx context.Context, txn *badger.Txn, uid uint64, id string) error {
	rels, err := edgesOf(ctx, txn, uid)
	if err != nil {
		return err
	}
	for _, rel := range rels {
		r, err := getRelation(txn, rel)
		if err != nil {
			return err
		}
		if r.SubjectUID == uid {
			r.Subject = id
		}
		if r.ObjectUID == uid {
			r.Object = id
		}
		if rid := relationID(r.Subject, r.Lemma, r.Object); rid != r.ID {
			if err := txn.Delete(relationIDKey(r.ID)); err != nil {
				return err
			}
			if err := txn.Set(relationIDKey(rid), uidValue(rel)); err != nil {
				return err
			}
			r.ID = rid
		}
		b, err := marshalValue(r)
		if err != nil {
			return err
		}
		if err := txn.Set(relationKey(rel), b); err != nil {
			return err
		}
	}
	return nil
}

// propose counts the article's proposals for actor uid (d = +1 for an
// ingest, -1 for a delete) and keeps the id keys (0x21) in step: an id
// proposed finds the actor unless it finds another already; an id no
// longer proposed finds nothing.
func propose(ctx context.Context, txn *badger.Txn, uid uint64, ps []proposal, d int) error {
	for _, p := range ps {
		n, err := addCountN(txn, proposalKey(uid, p), d)
		if err != nil {
			return err
		}
		still := n > 0
		if !still {
			still, err = proposedID(ctx, txn, uid, p.ID)
		}
		switch {
		case err != nil:
			return err
		case still:
			if err := claimID(txn, uid, p.ID); err != nil {
				return err
			}
		default:
			if err := releaseID(txn, uid, p.ID); err != nil {
				return err
			}
		}
	}
	return nil
}

// proposedID reports whether any article still proposes id for actor uid.
func proposedID(ctx context.Context, txn *badger.Txn, uid uint64, id string) (bool, error) {
	prefix := proposalKey(uid, proposal{ID: id})
	prefix = prefix[:len(prefix)-1] // up to the id, not its empty country
	found := false
	err := scan(ctx, txn, prefix, nil, func(k []byte, _ *badger.Item) (bool, error) {
		found = true
		return false, nil
	})
	return found, err
}

// claimID points id at actor uid unless it points at an actor already.
func claimID(txn *badger.Txn, uid uint64, id string) error {
	switch _, err := getUID(txn, entityIDKey(id)); {
	case errors.Is(err, errNoKey):
		return txn.Set(entityIDKey(id), uidValue(uid))
	default:
		return err
	}
}

// releaseID deletes the id key of id when it points at actor uid.
func releaseID(txn *badger.Txn, uid uint64, id string) error {
	switch u, err := getUID(txn, entityIDKey(id)); {
	case errors.Is(err, errNoKey):
		return nil
	case err != nil:
		return err
	case u == uid:
		return txn.Delete(entityIDKey(id))
	}
	return nil
}

// forgetProposals deletes every proposal of an actor that goes, and the id
// keys they hold.
func forgetProposals(ctx context.Context, txn *badger.Txn, uid uint64) error {
	ps, err := proposals(ctx, txn, uid)
	if err != nil {
		return err
	}
	for _, p := range ps {
		if err := releaseID(txn, uid, p.ID); err != nil {
			return err
		}
		if err := txn.Delete(proposalKey(uid, p)); err != nil {
			return err
		}
	}
	return nil
}

// sortProposals orders proposals by their key, for a record that is the
// same in any run.
func sortProposals(ps []proposal) {
	slices.SortFunc(ps, func(a, b proposal) int { return bytes.Compare(proposalKey(0, a), proposalKey(0, b)) })
}
