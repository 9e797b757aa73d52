package translate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.starlark.net/starlark"

	py "sockrepl/repl/python/translate/pyparse"
)

// TestLowerCorpusCompiles lowers every program of the test corpora and
// has Starlark resolve and compile the result: a lowering that builds a
// tree Starlark refuses (a name bound twice where it may not be, a break
// outside a loop, a misplaced parameter) fails here, before any program
// runs into it.
func TestLowerCorpusCompiles(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../../testdata/programs/*.py", "../../testdata/programs/peers/*.py", "pyparse/testdata/corpus/*.py"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 40 {
		t.Fatalf("only %d files in the corpora", len(files))
	}
	helpers := map[string]bool{}
	for _, h := range Helpers {
		helpers[string(h)] = true
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		m, err := py.Parse(file, string(src))
		if err != nil {
			continue // the parser's error corpora hold bad programs on purpose
		}
		for _, mode := range []Mode{Exec, Single} {
			prog, err := Lower(file, string(src), m, mode)
			if err != nil {
				if strings.Contains(err.Error(), "not available in this shell") {
					continue
				}
				t.Errorf("%s: lowering: %v", file, err)
				continue
			}
			if _, err := starlark.FileProgram(prog.File, func(name string) bool { return helpers[name] }); err != nil {
				t.Errorf("%s (mode %d): Starlark refuses the lowered tree: %v", file, mode, err)
			}
		}
	}
}

// TestSpansPointAtOperations checks that the position of each operation
// that can fail maps back to the Python node CPython would underline.
func TestSpansPointAtOperations(t *testing.T) {
	src := "x = f(a)[i] + b.c / 2\n"
	m, err := py.Parse("<test>", src)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := Lower("<test>", src, m, Exec)
	if err != nil {
		t.Fatal(err)
	}
	want := map[[2]int32]string{
		{1, 6}:  "f(a)",              // the call, at its '('
		{1, 9}:  "f(a)[i]",           // the subscript, at its '['
		{1, 13}: "f(a)[i] + b.c / 2", // the addition, at its operator
		{1, 16}: "b.c",               // the attribute, at its '.'
		{1, 19}: "b.c / 2",           // the division
	}
	for key, text := range want {
		sp, ok := prog.spans[key]
		if !ok {
			t.Errorf("no span at %v (%s)", key, text)
			continue
		}
		if got := src[sp.Col:sp.EndCol]; got != text {
			t.Errorf("span at %v is %q, want %q", key, got, text)
		}
	}
}
