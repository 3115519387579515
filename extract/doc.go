// Package extract turns the text of a news article into actors (persons,
// states, agencies and places), their mentions with byte offsets, the
// relations the text states between them, and the events of one actor.
//
// An Extractor loads its models once and is safe for concurrent use:
//
//	x, err := extract.New()
//	if err != nil {
//		return err
//	}
//	ex, err := x.Extract(ctx, &newsgraph.Article{Text: text})
//	for _, e := range ex.Entities {
//		fmt.Println(e.ID, e.Name, e.Type, e.Aliases)
//	}
//
// The pipeline is a list of stages over one shared document (document.go),
// run in this order by Extractor.run (extract.go); each takes the context and
// stops once it is done:
//
//  1. readText (text.go): sentences and tokens with byte offsets, split by
//     prose's tokenizer, tagged with prose's tagging model by postag.go (the
//     same tags as prose's tagger, several times faster) and aligned back
//     to the text; the only stage that calls prose.
//     Each sentence also has a dependency tree (package syntax,
//     extract/syntax), parsed the first time a stage asks for it
//     (sentence.tree, parse.go), then mended where English grammar rules
//     the parse out (parse_mend.go: a table of named rules, e.g. a
//     possessor hung away from its noun, a word hung on punctuation, a
//     relative clause's subject hung on its noun; parse_mend_phrases.go:
//     "according to", "such as", appositions, a participle after a
//     preposition).
//  2. tagNames (tagger.go): an averaged-perceptron NER tagger
//     trained on free corpora (data/NOTICE.md) labels each token.
//  3. recognize (recognize.go): candidate mentions from the gazetteers
//     (gazetteer.go, data/*.tsv), organisation and title patterns, and the
//     labels; unknown names typed by the words around them, a table of
//     named rules (recognize_context.go: descriptor nouns, "-based",
//     an apposition's head noun, a spokesman, the body a leader leads,
//     a name that says "its" or "it" of itself, scores); foreign words
//     that open a company's name (data/words/org_openers.txt); an organisation written with its state's adjective is
//     mentioned with it ("German Air Force"); sports teams named after their city, by a table of team
//     rules (recognize_teams.go: scores, results rows, fixtures, "beat",
//     "manager") and, in a sports report (sportsDoc: game scores only,
//     never votes, rulings or ranges), the clubs of data/clubs.tsv the
//     article plays; scorers in parentheses and players' surnames with a
//     player's cue (a scorer, a verb or word of play);
//     parties' acronyms only with a sign of their state
//     (recognize_parties.go); datelines' places (dateline.go); the
//     papers that open the lines of a press digest (digest.go);
//     organisations named after their city ("Perth Glory", "Oslo
//     Bourse": recognize_city_orgs.go); the words an organisation's
//     mention holds but its name leaves out, a legal form after a comma
//     or a possessive, an abbreviation's stop (recognize_edges.go);
//     persons' names with a particle inside ("Arnel dela Vega":
//     recognize_particles.go) or a month for surname ("Theresa May":
//     recognize_month_names.go); a known company with a world region after
//     it is its division ("Nintendo Europe": recognize_divisions.go).
//  4. resolve (resolve.go, resolve_short.go, country.go): one entity per
//     actor (surnames, also after a particle's hyphen, acronyms defined in
//     the text, an acronym opening an agency's name ("WMC" for "WMC
//     Resources"), demonyms and capitals of states, a team's nickname in a
//     sports report), role nouns ("the ministry") as mentions; a surname
//     alone is kept in a sports report with a player's cue, or when written
//     twice, once heading its own phrase, once with a person's sign, or
//     once heading its phrase when it is a listed public figure's
//     (loneSurnames, data/words/public_figures.tsv); headlines in capitals
//     name the body's actors, persons by surname and teams by nickname
//     (headlineMentions); an actor's name written again where recognition
//     left it unmarked is its mention (resolve_repeat.go); a state named
//     only in an agency's name ("U.S. Securities and Exchange Commission")
//     is an actor (resolve_prefix_states.go).
//  5. corefer (coref.go, coref_*.go): pronouns, role nouns ("the
//     president"), descriptions ("the company") and "I" in a quotation linked
//     to the actor they stand for, by an ordered table of sieves; the links
//     become mentions the relation patterns read. `newsgraph eval-coref`
//     scores them on GUM.
//  6. findRelations (relations*.go): edges between the actors, from titles,
//     appositions, verb phrases and reported speech, each pattern a row of
//     the registry in patterns.go that names it on its edges; coordinated
//     parties of an interaction noun ("X and Y held talks":
//     relations_verbal_joint.go), a role taken over ("succeeded Y as":
//     relations_verbal_successor.go), a role in a relative clause
//     (relations_dep_relcl_role.go), a division part of its company
//     (relations_division.go).
//  7. relationKinds (kind.go): ACTION, STATEMENT or ROLE for each edge its
//     pattern left without one.
//  8. findEvents (events.go): events of one actor, the acts and statements
//     that name no second actor (Putin -[signed decree]-> "a new decree
//     ..."), read on the dependency parse of the sentences whose tags show
//     a verb after an actor; modality and negation from
//     data/words/event_cues.tsv.
//  9. sectors (sector.go): the sector of each agency (GOVERNMENT, MEDIA,
//     BUSINESS...), from the gazetteers (data/agency_sectors.tsv, parties)
//     and the cue words of its name (data/words/sector_cues.tsv), a table
//     of named rules run in order.
//  10. cleanNames (names_unicode.go): names made safe to be canonical (NFC,
//     no invisible characters, mixed-script look-alikes folded).
//
// The word lists the stages consult are data (data/words, one concept a
// file or a table with a column per use), declared by stage in words.go and
// loaded as lexicon.Set (internal/lexicon); the gazetteers are data/*.tsv,
// loaded by gazetteer.go. internal/cputime is the CPU clock the extractor's
// and the parser's benchmarks read.
package extract
