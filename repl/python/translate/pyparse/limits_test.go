package pyparse

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// TestDeepNestingMatchesPython feeds deeply nested inputs on both sides of
// CPython's limits (200 brackets, 100 indentation levels, about 2990
// nested expressions) and requires the same verdict as python3's
// compile(); no input may exhaust the Go stack.
func TestDeepNestingMatchesPython(t *testing.T) {
	shapes := map[string]func(int) string{
		"neg":    func(n int) string { return strings.Repeat("-", n) + "1" },
		"not":    func(n int) string { return strings.Repeat("not ", n) + "x" },
		"ifexp":  func(n int) string { return strings.Repeat("1 if x else ", n) + "1" },
		"attr":   func(n int) string { return "x" + strings.Repeat(".a", n) },
		"call":   func(n int) string { return "f" + strings.Repeat("()", n) },
		"add":    func(n int) string { return strings.Repeat("1+", n) + "1" },
		"assign": func(n int) string { return "x = " + strings.Repeat("-", n) + "1" },
		"lambda": func(n int) string { return strings.Repeat("lambda: ", n) + "1" },
		"pow":    func(n int) string { return strings.Repeat("2**", n) + "1" },
		"list":   func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) },
		"if": func(n int) string {
			var b strings.Builder
			for i := 0; i < n; i++ {
				b.WriteString(strings.Repeat(" ", i) + "if x:\n")
			}
			return b.String() + strings.Repeat(" ", n) + "pass\n"
		},
	}
	// CPython's expression limit moves with its own stack depth, so the
	// sizes stay clear of it (2900 passes, 3100 fails); the bracket and
	// indentation limits are exact.
	sizes := map[string][]int{
		"neg": {1000, 2900, 3100, 20000}, "not": {1000, 2900, 3100, 20000},
		"ifexp": {2900, 3100, 10000}, "attr": {2900, 3100, 20000}, "call": {2900, 3100, 20000},
		"add": {2900, 3100, 20000}, "assign": {2900, 3100},
		"lambda": {300, 5000, 20000}, "pow": {1000, 2000, 5000, 20000},
		"list": {199, 200, 201, 5000}, "if": {98, 99, 100, 150},
	}
	var names []string
	var reqs []oracleReq
	for name, f := range shapes {
		for _, n := range sizes[name] {
			names = append(names, fmt.Sprintf("%s×%d", name, n))
			reqs = append(reqs, oracleReq{Mode: "compile", Src: f(n)})
		}
	}
	resps := askPython(t, reqs)
	for i, name := range names {
		_, err := Parse("<input>", reqs[i].Src)
		want := resps[i].Error
		if want == nil {
			if err != nil {
				t.Errorf("%s: python3 compiles it, this parser says %v", name, err)
			}
			continue
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%s: python3 says %s %s, this parser says %v", name, want.Kind, want.Msg, err)
			continue
		}
		if e.Kind != want.Kind || want.Kind != kindRecursion && (e.Msg != want.Msg || e.Lineno != want.Lineno || e.Offset != want.Offset) {
			t.Errorf("%s: got %s: %s (%d:%d), want %s: %s (%d:%d)", name, e.Kind, e.Msg, e.Lineno, e.Offset, want.Kind, want.Msg, want.Lineno, want.Offset)
		}
	}
}

// TestLongErrorInputs: error lookahead must not nest once per token, so
// long runs of bad input end with the ordinary error (CPython itself runs
// out of memory on the first one).
func TestLongErrorInputs(t *testing.T) {
	cases := map[string]string{
		strings.Repeat("a ", 20000):                              "invalid syntax",
		"x = " + strings.Repeat("a ", 20000):                     "invalid syntax",
		"(" + strings.Repeat("a ", 5000) + ")":                   "invalid syntax. Perhaps you forgot a comma?",
		strings.Repeat("print ", 20000):                          "Missing parentheses in call to 'print'. Did you mean print(...)?",
		strings.Repeat("f(", 150) + strings.Repeat("a b ", 5000): "invalid syntax. Perhaps you forgot a comma?",
	}
	for src, want := range cases {
		_, err := Parse("<input>", src)
		var e *Error
		if !errors.As(err, &e) || e.Kind != kindSyntax || e.Msg != want {
			t.Errorf("%.20q...: got %v, want SyntaxError: %s", src, err, want)
		}
	}
}
