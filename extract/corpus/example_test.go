package corpus_test

import (
	"context"
	"fmt"
	"testing/fstest"

	"github.com/citegraph/citegraph/extract/corpus"
)

// Walk reads every file under the paths in parallel and hands back the
// results in sorted order; a bad file is a result with Err set, and the run
// goes on.
func ExampleWalk() {
	files := fstest.MapFS{
		"docs/b.txt": {Data: []byte("The General Assembly,\n\nRecalling its resolution 70/1,\n")},
		"docs/a.md":  {Data: []byte("Recalling resolution 78/199.\n")},
		"docs/c.txt": {Data: []byte{}},
	}
	err := corpus.Walk(context.Background(), []string{"docs"}, corpus.Options{FS: files}, func(r corpus.Result) error {
		if r.Err != nil {
			fmt.Println(r.Path, "failed:", r.Err)
			return nil
		}
		fmt.Println(r.Path, r.Doc.Targets())
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// docs/a.md [A/RES/78/199]
	// docs/b.txt [A/RES/70/1]
	// docs/c.txt failed: input: docs/c.txt: file is empty; nothing to read
}
