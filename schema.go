package newsgraph

import (
	"embed"
	"io/fs"
)

// Schema is the GraphQL schema served at /graphql.
//
//go:embed schema.graphql
var Schema string

//go:embed seeds/*.txt seeds/index.tsv
var seeds embed.FS

// Seeds returns the default corpus (the seed article and 171 Wikinews
// articles, see seeds/ATTRIBUTION.md) with the dates and URLs from
// seeds/index.tsv filled in.
func Seeds() ([]*Article, error) {
	sub, err := fs.Sub(seeds, "seeds")
	if err != nil {
		return nil, err
	}
	return ReadSeedFS(sub)
}
