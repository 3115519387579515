package extract_test

import (
	"context"
	"fmt"

	"newsgraph"
	"newsgraph/extract"
)

func ExampleExtractor_Extract() {
	x, err := extract.New()
	if err != nil {
		panic(err)
	}
	a := &newsgraph.Article{Text: "Russia's President Vladimir Putin signed a decree, TASS reported. Putin spoke in Moscow."}
	ex, err := x.Extract(context.Background(), a)
	if err != nil {
		panic(err)
	}
	for _, e := range ex.Entities {
		fmt.Println(e.ID, e.Type, e.Name, e.Aliases)
	}
	// Output:
	// state:ru STATE Russia []
	// person:vladimir-putin PERSON Vladimir Putin [President Vladimir Putin Putin]
	// agency:tass AGENCY TASS []
	// place:moscow PLACE Moscow []
}
