package syntax_test

import (
	"fmt"
	"strings"

	"newsgraph/extract/syntax"
)

func ExampleModel_Parse() {
	m, err := syntax.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	words := strings.Fields("Russia and China signed the treaty .")
	t := m.Parse(words)
	for i, w := range words {
		head := "ROOT"
		if t.Head[i] > 0 {
			head = words[t.Head[i]-1]
		}
		fmt.Printf("%-7s %-5s %-6s <- %s\n", w, t.UPOS[i], t.Rel[i], head)
	}
	// Output:
	// Russia  PROPN nsubj  <- signed
	// and     CCONJ cc     <- China
	// China   PROPN conj   <- Russia
	// signed  VERB  root   <- ROOT
	// the     DET   det    <- treaty
	// treaty  NOUN  obj    <- signed
	// .       PUNCT punct  <- signed
}
