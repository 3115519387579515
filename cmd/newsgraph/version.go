package main

import (
	"context"
	"fmt"
	"io"
	"runtime/debug"

	"newsgraph/extract"
)

// buildVersion is what a binary knows of its own making.
type buildVersion struct {
	Module    string // the main module's version: "v1.2.3", or "(devel)"
	Revision  string // the VCS revision it was built from, when recorded
	Modified  bool   // the working tree had uncommitted changes
	GoVersion string
	Extractor string // extract.ModelVersion
}

// readVersion reads the build information Go records in the binary. The
// VCS fields are there only when the binary was built in a checkout with
// -buildvcs (the default for `go build` outside tests).
func readVersion() buildVersion {
	v := buildVersion{Module: "(unknown)", Extractor: extract.ModelVersion}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	v.Module, v.GoVersion = bi.Main.Version, bi.GoVersion
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	return v
}

// String is the one-line form logs, /healthz and stats show.
func (v buildVersion) String() string {
	s := "newsgraph " + v.Module
	if v.Revision != "" {
		s += " revision " + v.Revision
		if v.Modified {
			s += " (modified)"
		}
	}
	return s + " " + v.GoVersion + " extractor " + v.Extractor
}

func runVersion(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("version", stderr)
	if _, err := parseFlags(fs, args, 0, 0); err != nil {
		return err
	}
	v := readVersion()
	fmt.Fprintf(stdout, "newsgraph %s\n", v.Module)
	if v.Revision != "" {
		fmt.Fprintf(stdout, "revision  %s\n", v.Revision)
		fmt.Fprintf(stdout, "modified  %t\n", v.Modified)
	} else {
		fmt.Fprintln(stdout, "revision  unknown (built without VCS information)")
	}
	fmt.Fprintf(stdout, "go        %s\n", v.GoVersion)
	fmt.Fprintf(stdout, "extractor %s\n", v.Extractor)
	return nil
}
