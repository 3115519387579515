package export

import (
	"archive/zip"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Neo4j: the CSV files neo4j-admin database import reads
// (https://neo4j.com/docs/operations-manual/current/tools/neo4j-admin/neo4j-admin-import/).
// Headers name each column's role (:ID, :LABEL, :START_ID, :END_ID, :TYPE)
// or its property and type (name:type, string[] split on ';'). Nodes are
// labelled Actor and their type (Person, State, Agency, Place); a
// relationship's type is its kind (ACTION, STATEMENT, ROLE, or RELATED).
// Events are nodes labelled Event in their own file, each with a
// relationship from its actor typed by its kind (ACTION or STATEMENT) in
// another: (:Actor)-[:ACTION {predicate: "signed decree"}]->(:Event).

// Neo4jImport is the command that loads the files into a new database.
const Neo4jImport = "neo4j-admin database import full --nodes=nodes.csv --nodes=events.csv --relationships=relationships.csv --relationships=event_relationships.csv --array-delimiter=';' neo4j"

// Neo4jFiles are the file names, in the order they are written.
var Neo4jFiles = [...]string{"nodes.csv", "relationships.csv", "events.csv", "event_relationships.csv"}

var (
	neo4jNodeHeader = []string{"id:ID", ":LABEL", "name", "type", "country", "sector", "aliases:string[]", "mentions:int", "articles:int"}
	neo4jRelHeader  = []string{":START_ID", ":END_ID", ":TYPE", "id", "predicate", "lemma", "weight:int", "articles:int",
		"confidence:double", "first_seen", "last_seen"}
	neo4jEventHeader    = []string{"id:ID", ":LABEL", "name", "object_text", "date", "article", "modality"}
	neo4jEventRelHeader = []string{":START_ID", ":END_ID", ":TYPE", "id", "predicate", "lemma", "confidence:double", "date", "modality"}
)

// writeNeo4j writes the files of Neo4jFiles to files, in that order.
func writeNeo4j(g *Graph, files [len(Neo4jFiles)]io.Writer) error {
	if err := writeNeo4jGraph(g, files[0], files[1]); err != nil {
		return err
	}
	return writeNeo4jEvents(g, files[2], files[3])
}

// writeNeo4jGraph writes the actors to nodes and the relations to rels.
func writeNeo4jGraph(g *Graph, nodes, rels io.Writer) error {
	cw := csv.NewWriter(nodes)
	cw.Write(neo4jNodeHeader)
	err := g.Nodes(func(n *graphNode) error {
		t := string(n.Type)
		label := "Actor;" + strings.ToUpper(t[:min(1, len(t))]) + strings.ToLower(t[min(1, len(t)):])
		return cw.Write([]string{n.ID, label, n.Name, t, n.Country, string(n.Sector), strings.Join(n.Aliases, ";"),
			strconv.Itoa(n.MentionCount), strconv.Itoa(n.ArticleCount)})
	})
	if cw.Flush(); err != nil || cw.Error() != nil {
		return firstErr(err, cw.Error())
	}
	cw = csv.NewWriter(rels)
	cw.Write(neo4jRelHeader)
	err = g.Edges(func(e *graphEdge) error {
		typ := string(e.Kind)
		if typ == "" {
			typ = "RELATED"
		}
		return cw.Write([]string{e.Subject, e.Object, typ, e.ID, e.Predicate, e.Lemma, strconv.Itoa(e.Weight),
			strconv.Itoa(e.ArticleCount), strconv.FormatFloat(e.Confidence, 'f', -1, 64), e.FirstSeen, e.LastSeen})
	})
	cw.Flush()
	return firstErr(err, cw.Error())
}

// writeNeo4jEvents writes the events to nodes and the relationships from
// their actors to rels.
func writeNeo4jEvents(g *Graph, nodes, rels io.Writer) error {
	cw := csv.NewWriter(nodes)
	cw.Write(neo4jEventHeader)
	err := g.Events(func(e *graphEvent) error {
		return cw.Write([]string{e.ID, "Event", eventLabel(e), e.ObjectText, e.Date, e.Evidence.ArticleID, string(e.Modality)})
	})
	if cw.Flush(); err != nil || cw.Error() != nil {
		return firstErr(err, cw.Error())
	}
	cw = csv.NewWriter(rels)
	cw.Write(neo4jEventRelHeader)
	err = g.Events(func(e *graphEvent) error {
		typ := string(e.Kind)
		if typ == "" {
			typ = "RELATED"
		}
		return cw.Write([]string{e.Subject, e.ID, typ, eventEdgeID(e), e.Predicate, e.Lemma,
			strconv.FormatFloat(e.Evidence.Confidence, 'f', -1, 64), e.Date, string(e.Modality)})
	})
	cw.Flush()
	return firstErr(err, cw.Error())
}

// writeNeo4jZip streams the files as entries of one zip.
func writeNeo4jZip(w io.Writer, g *Graph) error {
	zw := zip.NewWriter(w)
	var files [len(Neo4jFiles)]io.Writer
	// An entry can only start once the one before is written: a zip's
	// entries follow each other, and the files are written in order.
	next := 0
	entry := func() (io.Writer, error) {
		f, err := zw.Create(Neo4jFiles[next])
		next++
		return f, err
	}
	for i := range files {
		files[i] = &lazyWriter{open: entry}
	}
	if err := writeNeo4j(g, files); err != nil {
		return err
	}
	for next < len(Neo4jFiles) {
		if _, err := entry(); err != nil {
			return err
		}
	}
	readme, err := zw.Create("README.txt")
	if err == nil {
		_, err = io.WriteString(readme, g.note()+"\n\n"+Neo4jImport+"\n")
	}
	if err != nil {
		return err
	}
	return zw.Close()
}

// lazyWriter opens its destination at the first write.
type lazyWriter struct {
	open func() (io.Writer, error)
	w    io.Writer
}

func (l *lazyWriter) Write(p []byte) (int, error) {
	if l.w == nil {
		w, err := l.open()
		if err != nil {
			return 0, err
		}
		l.w = w
	}
	return l.w.Write(p)
}

// WriteNeo4jDir writes the Neo4j CSV files into dir (made if missing) and
// returns their paths.
func WriteNeo4jDir(dir string, g *Graph) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	var fs []*os.File
	var ws [len(Neo4jFiles)]io.Writer
	for i, name := range Neo4jFiles {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		fs, paths, ws[i] = append(fs, f), append(paths, p), f
	}
	if err := writeNeo4j(g, ws); err != nil {
		return nil, err
	}
	for _, f := range fs {
		if err := f.Close(); err != nil {
			return nil, err
		}
	}
	return paths, nil
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
