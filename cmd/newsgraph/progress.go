package main

import (
	"io"
	"os"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"newsgraph"
)

// progressWriter is where a progress bar goes: stderr when it is a
// terminal and the user did not ask for quiet, nowhere (nil) otherwise, so
// logs and pipes get no bar.
func progressWriter(stderr io.Writer, quiet bool) io.Writer {
	f, ok := stderr.(*os.File)
	if quiet || !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return f
}

// newBar is a progress bar on w (nil: an invisible one). total is called
// only for a visible bar, as counting may read every input once more; it
// returns -1 when the total cannot be known (standard input), and the bar
// then counts without percent or ETA.
func newBar(w io.Writer, total func() int, desc string) *progressbar.ProgressBar {
	n := -1
	if w != nil && total != nil {
		n = total()
	}
	if w == nil {
		w = io.Discard
	}
	return progressbar.NewOptions(n,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetVisibility(w != io.Discard),
		progressbar.OptionSetDescription(desc),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionShowIts(),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(0),
		progressbar.OptionClearOnFinish(),
	)
}

// countArticles counts the articles under paths without extracting them;
// -1 when a path is standard input, which cannot be read twice.
func countArticles(paths []string, ro newsgraph.ReadOptions) int {
	n := 0
	for _, p := range paths {
		if p == "-" {
			return -1
		}
		newsgraph.ReadPath(p, ro, func(*newsgraph.Article, error) error { n++; return nil })
	}
	return n
}
