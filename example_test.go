package newsgraph_test

import (
	"fmt"
	"strings"

	"newsgraph"
)

func ExampleParseText() {
	a, err := newsgraph.ParseText("wn.txt", []byte("Pelosi elected Speaker\n\nFriday, January 4, 2019\n\nNancy Pelosi resumed the office.\n"))
	if err != nil {
		panic(err)
	}
	fmt.Println(a.Title)
	fmt.Println(a.PublishedAt)
	// Offsets into the text are offsets into the file: the title is part of it.
	fmt.Println(strings.Index(a.Text, "Nancy"))
	// Output:
	// Pelosi elected Speaker
	// 2019-01-04
	// 49
}

func ExampleReadStream() {
	in := strings.NewReader(`{"id":"a1","title":"One","text":"Russia said so."}
{"id":"a2","title":
{"id":"a3","text":"Kyiv replied.","published_at":"4 January 2019"}
`)
	newsgraph.ReadStream("in.jsonl", in, newsgraph.ReadOptions{}, func(a *newsgraph.Article, err error) error {
		if err != nil {
			fmt.Println("skipped:", err)
			return nil
		}
		fmt.Printf("%s %q %q\n", a.ID, a.Title, a.PublishedAt)
		return nil
	})
	// Output:
	// a1 "One" ""
	// skipped: in.jsonl:2: newsgraph: malformed article record: unexpected end of JSON input
	// a3 "Kyiv replied." "2019-01-04"
}
