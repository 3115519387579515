// Command newsgraph turns news articles into a knowledge graph of actors and
// serves it over GraphQL.
//
// Usage:
//
//	newsgraph serve   [--data DIR] [--addr HOST:PORT] [--read-only] ...
//	newsgraph ingest  [--data DIR] PATH...
//	newsgraph extract [--json] PATH...
//	newsgraph query   [--data DIR] 'GRAPHQL' | - | --file F
//	newsgraph version
//	newsgraph eval    [--gold DIR] [--texts DIR]...
//	newsgraph delete  [--data DIR] ID...
//	newsgraph check   [--data DIR]
//	newsgraph reextract [--data DIR]
//	newsgraph export  [--data DIR] [--format graphml|gexf|dot|cytoscape|graphology|d3|neo4j|nquads|jsonl] [--out DIR] [ID...]
//	newsgraph import  [--data DIR] FILE
//	newsgraph backup  [--data DIR] FILE
//	newsgraph restore [--data DIR] FILE
//	newsgraph bench   [PATH...]
//	newsgraph loadtest [--data DIR] [--articles N] [PATH...]
//	newsgraph parse   [--conllu] [PATH...|-]
//	newsgraph eval-parse [--ud DIR] [FILE...]
//	newsgraph eval-coref [--ud DIR] [--genre G] [FILE...]
//
// PATH is a .txt file (first line is the title), a .json or .jsonl file of
// {id, title, text, url, published_at} objects, a directory (read
// recursively), or - for standard input.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

type command struct {
	name, usage, summary string
	run                  func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

// commands is set in init: the commands' functions refer back to it.
var commands []command

func init() {
	commands = []command{
		{"serve", "serve [flags]", "serve the GraphQL API (ingests the embedded seeds into an empty store)", runServe},
		{"ingest", "ingest [flags] PATH...", "extract and store articles", runIngest},
		{"extract", "extract [--json] PATH...", "extract actors and relations without a store", runExtract},
		{"query", "query [flags] 'GRAPHQL'|-", "run a GraphQL query against a local store", runQuery},
		{"eval", "eval [flags]", "score the extractor on gold annotation files", runEval},
		{"delete", "delete [flags] ID...", "remove articles and all they contributed from the store", runDelete},
		{"check", "check [flags]", "read the whole store and check that its rows and counters agree", runCheck},
		{"reextract", "reextract [flags]", "re-run extraction over the articles an older extractor read (resumable)", runReextract},
		{"export", "export [flags] [ID...]", "write the graph, or the part around IDs, for a graph tool or database (--format)", runExport},
		{"import", "import [flags] FILE", "load a jsonl dump (export --format jsonl) into an empty data dir", runImport},
		{"backup", "backup [flags] FILE", "write a backup of the store (- for stdout)", runBackup},
		{"restore", "restore [flags] FILE", "load a backup into an empty data dir", runRestore},
		{"bench", "bench [flags] [PATH...]", "measure extraction speed against prose alone", runBench},
		{"loadtest", "loadtest [flags] [PATH...]", "measure the GraphQL API under load beside a hello-world handler", runLoadtest},
		{"version", "version", "print the module version, VCS revision, Go and extractor versions", runVersion},
		{"parse", "parse [--conllu] [PATH...|-]", "tag and parse text (or CoNLL-U words), print CoNLL-U", runParse},
		{"eval-parse", "eval-parse [--ud DIR] [FILE...]", "score the parser on UD test files (UPOS, UAS, LAS)", runEvalParse},
		{"eval-coref", "eval-coref [--ud DIR] [--genre G] [FILE...]", "score coreference links on GUM (precision by sieve, recall)", runEvalCoref},
	}
}

// errUsage marks a command-line mistake: the usage has been printed.
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	if args[0] == "--version" || args[0] == "-version" {
		args[0] = "version"
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, args[1:], stdout, stderr)
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0 // asked for: the usage went to stderr
		case errors.Is(err, errUsage):
			return 2
		default:
			fmt.Fprintf(stderr, "newsgraph %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(stderr, "newsgraph: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "newsgraph turns news articles into a knowledge graph of actors.")
	fmt.Fprintln(w, "\nUsage:")
	for _, c := range commands {
		fmt.Fprintf(w, "  newsgraph %-28s %s\n", c.usage, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'newsgraph COMMAND -h' for a command's flags.")
}

// newFlags returns a flag set that prints the command's usage on error.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	for _, c := range commands {
		if c.name == name {
			fs.Usage = func() {
				fmt.Fprintf(stderr, "Usage: newsgraph %s\n\n%s.\n\nFlags:\n", c.usage, c.summary)
				fs.PrintDefaults()
			}
		}
	}
	return fs
}

// parseFlags parses args, allowing flags after positional arguments
// ("ingest dir --data d"), and checks that there are min to max positional
// arguments (max < 0: no limit), printing the usage when not.
func parseFlags(fs *flag.FlagSet, args []string, min, max int) ([]string, error) {
	var pos, rest []string
	for i, a := range args {
		if a == "--" {
			args, rest = args[:i], args[i+1:]
			break
		}
	}
	for {
		if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
			return nil, err
		} else if err != nil {
			return nil, errUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	pos = append(pos, rest...)
	if len(pos) < min || max >= 0 && len(pos) > max {
		fs.Usage()
		return nil, errUsage
	}
	return pos, nil
}

func newLogger(w io.Writer, verbose bool) *slog.Logger {
	l, _ := newFormatLogger(w, verbose, "text")
	return l
}

// newFormatLogger logs to w as text (key=value) or JSON lines; verbose
// adds the debug lines.
func newFormatLogger(w io.Writer, verbose bool, format string) (*slog.Logger, error) {
	opts := &slog.HandlerOptions{Level: slog.LevelInfo}
	if verbose {
		opts.Level = slog.LevelDebug
	}
	switch format {
	case "text", "":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("--log-format %q: want text or json", format)
}
