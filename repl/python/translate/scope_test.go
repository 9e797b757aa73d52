package translate

import (
	"reflect"
	"sort"
	"testing"

	py "sockrepl/repl/python/translate/pyparse"
)

// TestBoxedVariables checks which locals the analysis puts in a box
// (assigned by a nested body or function) and which stay plain.
func TestBoxedVariables(t *testing.T) {
	for _, c := range []struct {
		src, fn  string
		boxed    []string
		confined []string
	}{
		// Read after the try: the body's assignment must reach it.
		{"def f():\n    try:\n        x = 1\n    except E:\n        pass\n    return x\n", "f", []string{"x"}, nil},
		// Used only inside the body, which runs once per call.
		{"def f():\n    try:\n        x = 1\n        print(x)\n    except E:\n        pass\n", "f", nil, []string{"x"}},
		// The same, inside a loop: the value may carry to the next turn.
		{"def f(y):\n    for i in y:\n        try:\n            x = x + 1\n        except E:\n            pass\n", "f", []string{"x"}, nil},
		// An except clause's name is bound afresh each time: confined even in a loop.
		{"def f(y):\n    for i in y:\n        try:\n            pass\n        except E as e:\n            print(e)\n", "f", nil, []string{"e"}},
		// Assigned outside, read inside: a plain local (a closure reads it).
		{"def f():\n    x = 1\n    try:\n        print(x)\n    finally:\n        pass\n", "f", nil, nil},
		// nonlocal: the inner function assigns the outer one's variable.
		{"def f():\n    n = 0\n    def g():\n        nonlocal n\n        n += 1\n    return g\n", "f", []string{"n"}, nil},
		// del needs a box: Starlark cannot unbind a local.
		{"def f():\n    x = 1\n    del x\n", "f", []string{"x"}, nil},
		// A with target used after the block.
		{"def f(m):\n    with m as v:\n        pass\n    return v\n", "f", []string{"v"}, nil},
		// A closure made in the body outlives it: never confined.
		{"def f():\n    try:\n        x = 1\n        g = lambda: x\n    finally:\n        pass\n", "f", []string{"x"}, []string{"g"}},
		// A comprehension runs inline: its use of x does not stop confinement.
		{"def f():\n    try:\n        x = [1]\n        y = [v for v in x]\n    finally:\n        pass\n", "f", nil, []string{"x", "y"}},
	} {
		m, err := py.Parse("<test>", c.src)
		if err != nil {
			t.Fatalf("%q: %v", c.src, err)
		}
		a, err := analyse(m)
		if err != nil {
			t.Fatalf("%q: %v", c.src, err)
		}
		var fs *scope
		for _, s := range a.scopes {
			if s.kind == functionScope && s.name == c.fn {
				fs = s
			}
		}
		if fs == nil {
			t.Fatalf("%q: no scope %s", c.src, c.fn)
		}
		var confined []string
		for n := range fs.confined {
			confined = append(confined, n)
		}
		sort.Strings(confined)
		if !reflect.DeepEqual(fs.box, c.boxed) || !reflect.DeepEqual(confined, c.confined) {
			t.Errorf("%q:\n boxed %v, confined %v\n want boxed %v, confined %v", c.src, fs.box, confined, c.boxed, c.confined)
		}
	}
}

// TestScopeErrors checks the declarations CPython's symbol table refuses
// and that the parser leaves to the lowering.
func TestScopeErrors(t *testing.T) {
	for src, want := range map[string]string{
		"def f():\n    x = 1\n    global x\n":          "name 'x' is assigned to before global declaration",
		"def f(x):\n    global x\n":                    "name 'x' is parameter and global",
		"def f():\n    nonlocal q\n":                   "no binding for nonlocal 'q' found",
		"def f():\n    from socket import *\n":         "import * only allowed at module level",
		"def f():\n    async def g():\n        pass\n": "async functions are not available in this shell: write an ordinary def, and wait on several sockets with select or selectors",
	} {
		m, err := py.Parse("<test>", src)
		if err != nil {
			// The parser already refuses some of these, with CPython's words.
			continue
		}
		_, err = Lower("<test>", src, m, Exec)
		e, ok := err.(*Error)
		if !ok || e.Msg != want {
			t.Errorf("%q: %v, want SyntaxError %q", src, err, want)
		}
	}
}
