package lexicon

import (
	"fmt"
	"io/fs"
	"strings"
)

// Words returns the set of the entries of the word-list file name in fsys.
// The files are embedded in the binary, so a missing or broken one is a
// build defect that every test of the extractor shows at start-up: Words
// panics then, as regexp.MustCompile does on a literal pattern.
func Words(fsys fs.FS, name string) Set {
	return NewSet(List(fsys, name)...)
}

// List returns the entries of the word-list file name in fsys, in file
// order: one a line, without surrounding space, "#" comment lines and blank
// lines left out. It panics when the file cannot be read (see Words).
func List(fsys fs.FS, name string) []string {
	return lines(fsys, name)
}

// Table returns the two-column table file name in fsys as a map from the
// first column to the second. It panics when the file cannot be read or a
// row has no second column (see Words).
func Table(fsys fs.FS, name string) map[string]string {
	m := map[string]string{}
	for _, l := range lines(fsys, name) {
		k, v, ok := strings.Cut(l, "\t")
		if !ok {
			panic(fmt.Sprintf("lexicon: %s: row %q has no tab", name, l))
		}
		m[k] = v
	}
	return m
}

// Column returns the entries of the table file name in fsys whose row marks
// the column col: the first line (a "#" comment) names the columns after
// the entry's, and a row marks a column with "x".
func Column(fsys fs.FS, name, col string) Set {
	ls := lines(fsys, name)
	head := header(fsys, name)
	at := -1
	for i, h := range head {
		if h == col {
			at = i
		}
	}
	if at < 1 {
		panic(fmt.Sprintf("lexicon: %s has no column %q", name, col))
	}
	s := Set{}
	for _, l := range ls {
		f := strings.Split(l, "\t")
		if at < len(f) && f[at] == "x" {
			s[f[0]] = true
		}
	}
	return s
}

// lines returns the data lines of a file: trimmed, without comments and
// blank lines.
func lines(fsys fs.FS, name string) []string {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		panic(fmt.Sprintf("lexicon: %v", err))
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimRight(l, " \r")
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, strings.TrimLeft(l, " "))
	}
	return out
}

// header returns the column names of a table: its first line, a "#"
// comment of tab-separated names.
func header(fsys fs.FS, name string) []string {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		panic(fmt.Sprintf("lexicon: %v", err))
	}
	first, _, _ := strings.Cut(string(b), "\n")
	if !strings.HasPrefix(first, "#") {
		panic(fmt.Sprintf("lexicon: %s has no header line", name))
	}
	return strings.Split(strings.TrimSpace(strings.TrimPrefix(first, "#")), "\t")
}
