package translate

import (
	"reflect"
	"testing"
)

// Statements splits a program as a learner would type it: a block with
// blank lines and comments inside is one statement, decorators start
// theirs, statements sharing a line are one.
func TestStatements(t *testing.T) {
	src := "# head\nx = 1\n\n@staticmethod\ndef f():\n    a = 1\n\n    # inside\n    return a\na = 1; b = (2,\n  3)\nif x:\n    pass\nelse:\n    pass\n# tail\n"
	got, err := Statements("demo.py", src)
	if err != nil {
		t.Fatal(err)
	}
	want := []Statement{
		{Src: "x = 1", Line: 2, EndLine: 2},
		{Src: "@staticmethod\ndef f():\n    a = 1\n\n    # inside\n    return a", Line: 4, EndLine: 9},
		{Src: "a = 1; b = (2,\n  3)", Line: 10, EndLine: 11},
		{Src: "if x:\n    pass\nelse:\n    pass", Line: 12, EndLine: 15},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %#v\nwant %#v", got, want)
	}
	_, err = Statements("bad.py", "x = 1\nif x\n    pass\n")
	if e, ok := err.(*Error); !ok || e.Class != "SyntaxError" || e.Line != 2 {
		t.Fatalf("a syntax error on line 2: got %#v", err)
	}
}
