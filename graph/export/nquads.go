package export

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// RDF N-Quads for Dgraph (https://dgraph.io/docs/dql/dql-rdf/), loaded with
// dgraph live or dgraph bulk beside DgraphSchema. Each actor is a blank node
// (_:a<n>... named from its id) typed Actor; each edge is a blank node typed
// Relation with subject and object links, so two edges between one pair of
// actors stay two; and a direct <related> link from subject to object
// carries the weight, predicate and dates as Dgraph facets, for traversals.
// Each event is a blank node typed Event with an actor link (whose reverse,
// ~actor, lists an actor's events). Without the facets (the parenthesised
// part before the final dot) every line is a standard N-Quad.

// DgraphSchema is the DQL schema of the N-Quads (dgraph live -s, dgraph
// bulk -s).
const DgraphSchema = `xid: string @index(exact) @upsert .
name: string @index(term, trigram) @lang .
entity_type: string @index(exact) .
country: string @index(exact) .
sector: string @index(exact) .
aliases: [string] @index(term) .
mentions: int @index(int) .
articles: int .
related: [uid] @reverse @count .
subject: uid @reverse .
object: uid @reverse .
predicate: string @index(term, exact) .
lemma: string @index(exact) .
kind: string @index(exact) .
weight: int @index(int) .
confidence: float .
first_seen: datetime @index(day) .
last_seen: datetime @index(day) .
actor: uid @reverse .
object_text: string @index(fulltext) .
modality: string @index(exact) .
date: datetime @index(day) .
article: string @index(exact) .

type Actor {
  xid
  name
  entity_type
  country
  sector
  aliases
  mentions
  articles
  related
}

type Relation {
  xid
  subject
  object
  predicate
  lemma
  kind
  weight
  articles
  confidence
  first_seen
  last_seen
}

type Event {
  xid
  actor
  predicate
  lemma
  kind
  object_text
  modality
  date
  article
  confidence
}
`

// DgraphGraphQL is the same model as a GraphQL SDL for Dgraph's GraphQL
// endpoint (POST it to /admin/schema before loading the N-Quads; Dgraph
// then maps Actor.xid to the xid predicate by @dgraph(pred:)).
const DgraphGraphQL = `type Actor @dgraph(type: "Actor") {
  id: ID!
  xid: String! @id @dgraph(pred: "xid")
  name: String! @search(by: [term, trigram]) @dgraph(pred: "name")
  entityType: String @search(by: [exact]) @dgraph(pred: "entity_type")
  country: String @search(by: [exact]) @dgraph(pred: "country")
  sector: String @search(by: [exact]) @dgraph(pred: "sector")
  aliases: [String] @search(by: [term]) @dgraph(pred: "aliases")
  mentions: Int @search @dgraph(pred: "mentions")
  articles: Int @dgraph(pred: "articles")
  related: [Actor] @dgraph(pred: "related")
  out: [Relation] @dgraph(pred: "~subject")
  in: [Relation] @dgraph(pred: "~object")
  events: [Event] @dgraph(pred: "~actor")
}

type Relation @dgraph(type: "Relation") {
  id: ID!
  xid: String! @id @dgraph(pred: "xid")
  subject: Actor! @dgraph(pred: "subject")
  object: Actor! @dgraph(pred: "object")
  predicate: String @search(by: [term, exact]) @dgraph(pred: "predicate")
  lemma: String @search(by: [exact]) @dgraph(pred: "lemma")
  kind: String @search(by: [exact]) @dgraph(pred: "kind")
  weight: Int @search @dgraph(pred: "weight")
  articles: Int @dgraph(pred: "articles")
  confidence: Float @dgraph(pred: "confidence")
  firstSeen: DateTime @search(by: [day]) @dgraph(pred: "first_seen")
  lastSeen: DateTime @search(by: [day]) @dgraph(pred: "last_seen")
}

type Event @dgraph(type: "Event") {
  id: ID!
  xid: String! @id @dgraph(pred: "xid")
  actor: Actor! @dgraph(pred: "actor")
  predicate: String @search(by: [term, exact]) @dgraph(pred: "predicate")
  lemma: String @search(by: [exact]) @dgraph(pred: "lemma")
  kind: String @search(by: [exact]) @dgraph(pred: "kind")
  objectText: String @search(by: [fulltext]) @dgraph(pred: "object_text")
  modality: String @search(by: [exact]) @dgraph(pred: "modality")
  date: DateTime @search(by: [day]) @dgraph(pred: "date")
  article: String @search(by: [exact]) @dgraph(pred: "article")
  confidence: Float @dgraph(pred: "confidence")
}
`

func writeNQuads(w io.Writer, g *Graph) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	fmt.Fprintf(bw, "# %s\n", g.note())
	q := func(s, p, o, facets string) {
		if facets != "" {
			facets = " (" + facets + ")"
		}
		bw.WriteString(s + " <" + p + "> " + o + facets + " .\n")
	}
	err := g.Nodes(func(n *graphNode) error {
		b := blank("a", n.ID)
		q(b, "dgraph.type", rdfString("Actor"), "")
		q(b, "xid", rdfString(n.ID), "")
		q(b, "name", rdfString(n.Name), "")
		q(b, "entity_type", rdfString(string(n.Type)), "")
		if n.Country != "" {
			q(b, "country", rdfString(n.Country), "")
		}
		if n.Sector != "" {
			q(b, "sector", rdfString(string(n.Sector)), "")
		}
		for _, a := range n.Aliases {
			q(b, "aliases", rdfString(a), "")
		}
		q(b, "mentions", rdfInt(n.MentionCount), "")
		q(b, "articles", rdfInt(n.ArticleCount), "")
		return nil
	})
	if err != nil {
		return err
	}
	err = g.Edges(func(e *graphEdge) error {
		b, s, o := blank("r", e.ID), blank("a", e.Subject), blank("a", e.Object)
		q(b, "dgraph.type", rdfString("Relation"), "")
		q(b, "xid", rdfString(e.ID), "")
		q(b, "subject", s, "")
		q(b, "object", o, "")
		q(b, "predicate", rdfString(e.Predicate), "")
		q(b, "lemma", rdfString(e.Lemma), "")
		if e.Kind != "" {
			q(b, "kind", rdfString(string(e.Kind)), "")
		}
		q(b, "weight", rdfInt(e.Weight), "")
		q(b, "articles", rdfInt(e.ArticleCount), "")
		q(b, "confidence", rdfFloat(e.Confidence), "")
		facets := "predicate=" + strconv.Quote(e.Predicate) + ", weight=" + strconv.Itoa(e.Weight)
		if e.FirstSeen != "" {
			q(b, "first_seen", rdfDate(e.FirstSeen), "")
			q(b, "last_seen", rdfDate(e.LastSeen), "")
			facets += ", first_seen=" + rdfTime(e.FirstSeen) + ", last_seen=" + rdfTime(e.LastSeen)
		}
		q(s, "related", o, facets)
		return nil
	})
	if err != nil {
		return err
	}
	err = g.Events(func(e *graphEvent) error {
		b := blank("e", e.ID)
		q(b, "dgraph.type", rdfString("Event"), "")
		q(b, "xid", rdfString(e.ID), "")
		q(b, "actor", blank("a", e.Subject), "")
		q(b, "predicate", rdfString(e.Predicate), "")
		q(b, "lemma", rdfString(e.Lemma), "")
		if e.Kind != "" {
			q(b, "kind", rdfString(string(e.Kind)), "")
		}
		q(b, "object_text", rdfString(e.ObjectText), "")
		if e.Modality != "" {
			q(b, "modality", rdfString(string(e.Modality)), "")
		}
		if e.Date != "" {
			q(b, "date", rdfDate(e.Date), "")
		}
		q(b, "article", rdfString(e.Evidence.ArticleID), "")
		q(b, "confidence", rdfFloat(e.Evidence.Confidence), "")
		return nil
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}

// blank is a blank node label for an id ("_:a_state_3aru"): N-Quads allow letters, digits,
// '_', '-' and '.' (not last) after "_:", so every other byte is written as
// its hex code after '_'.
func blank(kind, id string) string {
	var b strings.Builder
	b.WriteString("_:" + kind + "_")
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-':
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "_%02x", c)
		}
	}
	return b.String()
}

// rdfString is an N-Quads string literal.
var rdfEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`)

func rdfString(s string) string { return `"` + rdfEscaper.Replace(s) + `"` }

func rdfFloat(f float64) string {
	return `"` + strconv.FormatFloat(f, 'f', -1, 64) + `"^^<http://www.w3.org/2001/XMLSchema#float>`
}

func rdfInt(n int) string { return `"` + strconv.Itoa(n) + `"^^<http://www.w3.org/2001/XMLSchema#int>` }

// rdfTime is a date or timestamp as RFC 3339, which Dgraph's datetime and
// facets take.
func rdfTime(s string) string {
	if len(s) == 10 {
		return s + "T00:00:00Z"
	}
	return s
}

func rdfDate(s string) string {
	return `"` + rdfTime(s) + `"^^<http://www.w3.org/2001/XMLSchema#dateTime>`
}
