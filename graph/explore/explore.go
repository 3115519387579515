package explore

import (
	"embed"
	"net/http"
	"path"
	"strings"
)

//go:embed static
var static embed.FS

// csp keeps the page to its own origin: scripts, styles and data come from
// this server only, so the explorer works with no network beyond it.
// Cytoscape.js sets inline styles on its container, hence 'unsafe-inline'
// for styles only.
const csp = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
	"frame-ancestors 'none'; base-uri 'none'; form-action 'self'"

// Handler serves the explorer: /explore redirects to /explore/, which is
// the page; /explore/NAME serves its assets.
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rest, ok := strings.CutPrefix(r.URL.Path, "/explore/")
		if !ok {
			http.Redirect(w, r, "/explore/", http.StatusMovedPermanently)
			return
		}
		if rest == "" {
			rest = "index.html"
		}
		name := path.Join("static", path.Clean("/"+rest))
		if !isFile(name) {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Security-Policy", csp)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		http.ServeFileFS(w, r, static, name)
	})
}

// isFile reports whether name is an embedded file (not a directory, whose
// listing the explorer does not serve).
func isFile(name string) bool {
	f, err := static.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	st, err := f.Stat()
	return err == nil && !st.IsDir()
}
