package newsgraph

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// Errors a reader reports for one article; the rest of a batch goes on.
var (
	// ErrEmpty is returned for an article with no text.
	ErrEmpty = errors.New("newsgraph: article has no text")
	// ErrTooLarge is returned for an article (or a JSON line) over
	// ReadOptions.MaxArticleBytes.
	ErrTooLarge = errors.New("newsgraph: article too large")
	// ErrNotText is returned for binary data or text that is not valid UTF-8.
	ErrNotText = errors.New("newsgraph: not UTF-8 text")
	// ErrBadRecord is returned for a JSON record that does not parse or has
	// fields of the wrong type.
	ErrBadRecord = errors.New("newsgraph: malformed article record")
)

// DefaultMaxArticleBytes is the default limit on one article's text.
const DefaultMaxArticleBytes = 4 << 20

// ReadOptions sets the readers' limits.
type ReadOptions struct {
	// MaxArticleBytes caps one article's text (and one JSON line); larger
	// ones get ErrTooLarge. Zero means DefaultMaxArticleBytes.
	MaxArticleBytes int
}

func (o ReadOptions) max() int {
	if o.MaxArticleBytes <= 0 {
		return DefaultMaxArticleBytes
	}
	return o.MaxArticleBytes
}

// ArticleFunc receives each article read, or the error that kept one article
// from being read (a *ReadError). Returning an error stops the walk and
// ReadPath returns it.
type ArticleFunc func(a *Article, err error) error

// ReadError is a per-article read failure: where, and why.
type ReadError struct {
	Source string // file path, with ":LINE" for JSON Lines
	Err    error
}

func (e *ReadError) Error() string { return e.Source + ": " + e.Err.Error() }
func (e *ReadError) Unwrap() error { return e.Err }

// IsArticleFile reports whether name has an extension the directory walk
// reads: .txt, .json, .jsonl, .ndjson.
func IsArticleFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".json", ".jsonl", ".ndjson":
		return true
	}
	return false
}

// ReadPath reads articles from a file, a directory (recursively, article files
// in lexical order) or "-" (standard input, JSON Lines if it starts with "{",
// else one text article). Each article, or each per-article error, goes to fn.
// ReadPath itself fails only when path cannot be opened or fn says stop.
func ReadPath(p string, opts ReadOptions, fn ArticleFunc) error {
	if p == "-" {
		return ReadStream("-", os.Stdin, opts, fn)
	}
	info, err := os.Stat(p)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return readFile(p, opts, fn)
	}
	var files []string
	err = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
		if err != nil {
			// An unreadable entry is one failure; the rest is read.
			if ferr := fn(nil, &ReadError{Source: q, Err: err}); ferr != nil {
				return ferr
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && IsArticleFile(q) {
			files = append(files, q)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, f := range files {
		if err := readFile(f, opts, fn); err != nil {
			return err
		}
	}
	return nil
}

func readFile(p string, opts ReadOptions, fn ArticleFunc) error {
	f, err := os.Open(p)
	if err != nil {
		return fn(nil, &ReadError{Source: p, Err: err})
	}
	defer f.Close()
	switch strings.ToLower(filepath.Ext(p)) {
	case ".jsonl", ".ndjson":
		return readAs(jsonLines, p, f, opts, fn)
	case ".json":
		return readAs(jsonDoc, p, f, opts, fn)
	}
	return readAs(plainText, p, f, opts, fn)
}

// ReadStream reads articles from r: JSON Lines when the first non-space byte
// is "{", a JSON array when it is "[", otherwise one text article.
func ReadStream(name string, r io.Reader, opts ReadOptions, fn ArticleFunc) error {
	br := bufio.NewReader(r)
	first, err := peekNonSpace(br)
	switch {
	case err != nil:
		return fn(nil, &ReadError{Source: name, Err: ErrEmpty})
	case first == '{':
		return readAs(jsonLines, name, br, opts, fn)
	case first == '[':
		return readAs(jsonDoc, name, br, opts, fn)
	}
	return readAs(plainText, name, br, opts, fn)
}

// inputKind is how the bytes of one source are laid out.
type inputKind int

const (
	plainText inputKind = iota // one article, first line the title
	jsonDoc                    // one JSON object, or an array of them
	jsonLines                  // one JSON object a line
)

func readAs(kind inputKind, name string, r io.Reader, opts ReadOptions, fn ArticleFunc) error {
	switch kind {
	case jsonLines:
		return readJSONL(name, r, opts, fn)
	case jsonDoc:
		return readJSON(name, r, opts, fn)
	}
	data, err := readLimited(r, opts.max())
	if err != nil {
		return fn(nil, &ReadError{Source: name, Err: err})
	}
	a, err := ParseText(name, data)
	if err != nil {
		return fn(nil, &ReadError{Source: name, Err: err})
	}
	return fn(a, nil)
}

func readLimited(r io.Reader, max int) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, err
	}
	if len(data) > max {
		return nil, fmt.Errorf("%w: over %d bytes", ErrTooLarge, max)
	}
	return data, nil
}

// CheckText returns ErrEmpty, ErrTooLarge or ErrNotText when text cannot be
// an article's text under the limit max.
func CheckText(text []byte, max int) error {
	if len(bytes.TrimSpace(text)) == 0 {
		return ErrEmpty
	}
	if max > 0 && len(text) > max {
		return fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, len(text), max)
	}
	if i := bytes.IndexByte(text, 0); i >= 0 {
		return fmt.Errorf("%w: NUL byte at offset %d (binary data?)", ErrNotText, i)
	}
	if !utf8.Valid(text) {
		i := 0
		for i < len(text) {
			r, n := utf8.DecodeRune(text[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		return fmt.Errorf("%w: invalid UTF-8 at byte %d", ErrNotText, i)
	}
	return nil
}

// ParseText reads a plain-text article: the first non-empty line is the title
// and the text is the whole file, so that offsets into Text are offsets into
// the file. A Wikinews dateline ("Friday, January 4, 2019") among the first
// lines becomes PublishedAt. The id is ContentID of the title and text.
func ParseText(source string, data []byte) (*Article, error) {
	if err := CheckText(data, 0); err != nil {
		return nil, err
	}
	text := string(data)
	a := &Article{Text: text, Source: source}
	lines := strings.SplitN(text, "\n", 6)
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" || i == len(lines)-1 && len(lines) == 6 {
			continue
		}
		if a.Title == "" {
			a.Title = Title(l, "")
			continue
		}
		if d, ok := ParseDate(l); ok {
			a.PublishedAt = d
			break
		}
	}
	a.ID = ContentID(a.Title, a.Text)
	return a, nil
}

// record is the JSON form of an article; unknown fields are ignored.
type record struct {
	ID          json.RawMessage `json:"id"`
	Title       string          `json:"title"`
	Text        string          `json:"text"`
	URL         string          `json:"url"`
	PublishedAt string          `json:"published_at"`
	Date        string          `json:"date"`
}

func (r *record) article(source string, max int) (*Article, error) {
	id := ""
	if len(r.ID) > 0 && string(r.ID) != "null" {
		if err := json.Unmarshal(r.ID, &id); err != nil {
			var n json.Number
			if err := json.Unmarshal(r.ID, &n); err != nil {
				return nil, fmt.Errorf("%w: id must be a string or number", ErrBadRecord)
			}
			id = n.String()
		}
	}
	date := r.PublishedAt
	if date == "" {
		date = r.Date
	}
	return NewArticle(Fields{ID: id, Title: r.Title, Text: r.Text, URL: r.URL, PublishedAt: date, Source: source}, max)
}

// Fields are an article as a source gives it, before NewArticle checks it.
type Fields struct {
	ID, Title, Text, URL, PublishedAt, Source string
}

// Limits on an article's fields besides its text.
const (
	MaxTitleBytes = 300
	MaxURLBytes   = 2048
)

// NewArticle checks an article's fields and completes them the same way for
// every source (JSON records, the API): the text must pass CheckText under
// maxBytes, the id ValidID; the title defaults to the text's first line and
// is cut to MaxTitleBytes; the date is normalised (NormalizeDate); the id
// defaults to ContentID.
func NewArticle(f Fields, maxBytes int) (*Article, error) {
	if err := CheckText([]byte(f.Text), maxBytes); err != nil {
		return nil, err
	}
	a := &Article{ID: strings.TrimSpace(f.ID), Text: f.Text, URL: strings.TrimSpace(f.URL), Source: f.Source,
		Title: Title(f.Title, f.Text), PublishedAt: NormalizeDate(f.PublishedAt)}
	if a.PublishedAt == "" && strings.TrimSpace(f.PublishedAt) != "" {
		a.DateWarning = fmt.Sprintf("published_at %.64q is not a date (RFC 3339, 2006-01-02, RFC 1123 or a written date): stored without one", f.PublishedAt)
	}
	if err := ValidID(a.ID); err != nil {
		return nil, err
	}
	if len(a.URL) > MaxURLBytes || !utf8.ValidString(a.URL) {
		return nil, fmt.Errorf("%w: url over %d bytes or not UTF-8", ErrBadRecord, MaxURLBytes)
	}
	if a.ID == "" {
		a.ID = ContentID(a.Title, a.Text)
	}
	return a, nil
}

// Title is title trimmed, or the first non-empty line of text when title is
// empty, cut to at most MaxTitleBytes on a character boundary. Invalid UTF-8
// is replaced.
func Title(title, text string) string {
	t := strings.TrimSpace(strings.ToValidUTF8(title, "\uFFFD"))
	if t == "" {
		for l := range strings.Lines(text) {
			if t = strings.TrimSpace(l); t != "" {
				break
			}
		}
	}
	if len(t) > MaxTitleBytes {
		t = t[:MaxTitleBytes]
		for !utf8.ValidString(t) {
			t = t[:len(t)-1]
		}
	}
	return t
}

// ValidID checks an article id given by a source: at most 200 bytes of
// printable UTF-8 without "/" (empty means "derive one").
func ValidID(id string) error {
	if len(id) > 200 {
		return fmt.Errorf("%w: id longer than 200 bytes", ErrBadRecord)
	}
	if !utf8.ValidString(id) {
		return fmt.Errorf("%w: id is not UTF-8", ErrBadRecord)
	}
	for _, r := range id {
		if r < 0x20 || r == 0x7f || r == '/' {
			return fmt.Errorf("%w: id has a control character or '/'", ErrBadRecord)
		}
	}
	return nil
}

// maxRecordBytes bounds one JSON record: its text under the article limit,
// plus the other fields and escaping.
func (o ReadOptions) maxRecordBytes() int { return o.max() + o.max()/2 + 1024 }

// readJSON reads one JSON object, or an array of them streamed one record at
// a time, so that the limits apply to each article and not to the file.
func readJSON(source string, r io.Reader, opts ReadOptions, fn ArticleFunc) error {
	br := bufio.NewReader(r)
	first, err := peekNonSpace(br)
	if err != nil {
		return fn(nil, &ReadError{Source: source, Err: ErrEmpty})
	}
	if first != '[' {
		data, err := readLimited(br, opts.maxRecordBytes())
		if err != nil {
			return fn(nil, &ReadError{Source: source, Err: err})
		}
		return emitRecord(source, data, opts, fn)
	}
	dec := json.NewDecoder(br)
	dec.Token() // the '['
	for i := 0; dec.More(); i++ {
		src := fmt.Sprintf("%s[%d]", source, i)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			// The array's syntax is broken: what follows cannot be found.
			return fn(nil, &ReadError{Source: src, Err: fmt.Errorf("%w: %v (rest of the file skipped)", ErrBadRecord, err)})
		}
		if len(raw) > opts.maxRecordBytes() {
			if err := fn(nil, &ReadError{Source: src, Err: fmt.Errorf("%w: record of %d bytes", ErrTooLarge, len(raw))}); err != nil {
				return err
			}
			continue
		}
		if err := emitRecord(src, raw, opts, fn); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil {
		return fn(nil, &ReadError{Source: source, Err: fmt.Errorf("%w: %v", ErrBadRecord, err)})
	}
	return nil
}

func peekNonSpace(br *bufio.Reader) (byte, error) {
	for {
		b, err := br.Peek(1)
		if err != nil {
			return 0, err
		}
		switch b[0] {
		case ' ', '\n', '\r', '\t':
			br.ReadByte()
			continue
		}
		return b[0], nil
	}
}

func emitRecord(source string, raw []byte, opts ReadOptions, fn ArticleFunc) error {
	var r record
	if err := json.Unmarshal(raw, &r); err != nil {
		return fn(nil, &ReadError{Source: source, Err: fmt.Errorf("%w: %v", ErrBadRecord, err)})
	}
	a, err := r.article(source, opts.max())
	if err != nil {
		return fn(nil, &ReadError{Source: source, Err: err})
	}
	return fn(a, nil)
}

func readJSONL(source string, r io.Reader, opts ReadOptions, fn ArticleFunc) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br, opts.maxRecordBytes())
		if err != nil && err != io.EOF {
			return fn(nil, &ReadError{Source: fmt.Sprintf("%s:%d", source, n), Err: err})
		}
		src := fmt.Sprintf("%s:%d", source, n)
		if tooLong {
			if ferr := fn(nil, &ReadError{Source: src, Err: fmt.Errorf("%w: line over the limit", ErrTooLarge)}); ferr != nil {
				return ferr
			}
		} else if len(bytes.TrimSpace(line)) > 0 {
			if ferr := emitRecord(src, line, opts, fn); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine reads one line, keeping at most max bytes of it; tooLong reports a
// line that was longer (its rest is read and dropped).
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > max {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return line, tooLong, err
	}
}

var dateLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02",
	"Monday, January 2, 2006", "January 2, 2006", "2 January 2006", "Jan 2, 2006",
	"2 Jan 2006", "02/01/2006", "2006/01/02", time.RFC1123Z, time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700", time.RFC850, time.ANSIC,
}

// ParseDate parses a date in one of the common layouts and returns it as
// "2006-01-02" (or RFC 3339 when it has a time of day).
func ParseDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return "", false
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
				return t.Format("2006-01-02"), true
			}
			return t.UTC().Format(time.RFC3339), true
		}
	}
	return "", false
}

// NormalizeDate returns ParseDate's form of s, or "" when no layout fits:
// a stored date is always a date that time windows and timelines can
// compare, never a free string (NewArticle says why one was dropped).
func NormalizeDate(s string) string {
	d, _ := ParseDate(s)
	return d
}

// ReadSeedFS reads the *.txt articles of fsys, taking dates and URLs from an
// index.tsv (columns file, date, url) when there is one.
func ReadSeedFS(fsys fs.FS) ([]*Article, error) {
	meta := map[string][2]string{}
	if idx, err := fs.ReadFile(fsys, "index.tsv"); err == nil {
		for _, l := range strings.Split(string(idx), "\n")[1:] {
			f := strings.Split(l, "\t")
			if len(f) >= 3 {
				meta[f[0]] = [2]string{f[1], f[2]}
			}
		}
	}
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []*Article
	for _, n := range names {
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		a, err := ParseText(path.Join("seeds", n), data)
		if err != nil {
			return nil, fmt.Errorf("seed %s: %w", n, err)
		}
		if m, ok := meta[n]; ok {
			a.PublishedAt, a.URL = NormalizeDate(m[0]), m[1]
		}
		out = append(out, a)
	}
	return out, nil
}
