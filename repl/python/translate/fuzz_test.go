package translate

import (
	"os"
	"path/filepath"
	"testing"

	"go.starlark.net/starlark"

	py "sockrepl/repl/python/translate/pyparse"
)

// FuzzLower lowers whatever the parser accepts: the lowering either
// refuses with a *Error (a SyntaxError Python's compiler would raise, or a
// construct this shell lacks) or builds a tree that Starlark resolves and
// compiles; it never panics. Run it with
//
//	go test ./repl/python/translate -run '^$' -fuzz FuzzLower -fuzztime 2m
func FuzzLower(f *testing.F) {
	for _, seed := range []string{
		"try:\n    x = 1\nexcept E as e:\n    y = e\nelse:\n    z = 2\nfinally:\n    w = 3\n",
		"def f():\n    for i in r:\n        try:\n            continue\n        finally:\n            break\n    else:\n        return i\n",
		"class A(B, C):\n    x = 1\n    def m(self):\n        return super().m() + [v for v in self]\n",
		"def g():\n    n = 0\n    def h():\n        nonlocal n\n        n += 1\n        yield n\n    return h\n",
		"with a as (b, c), d as e.f:\n    del b\n", "f'{x!r:>{w}}{y=}'", "x, *y, z = w", "(n := 1) and [m := 2 for _ in r]",
		"lambda x, *a, k=1, **kw: (yield)", "global g\ng = 1", "@d\ndef f(a, /, b, *, c): pass",
		"async def f(): pass", "match x:\n    case 1: pass", "try:\n    pass\nexcept* E:\n    pass",
	} {
		f.Add(seed)
	}
	files, _ := filepath.Glob("../../testdata/programs/*.py")
	for _, file := range files {
		if src, err := os.ReadFile(file); err == nil {
			f.Add(string(src))
		}
	}
	helpers := map[string]bool{}
	for _, h := range Helpers {
		helpers[string(h)] = true
	}
	f.Fuzz(func(t *testing.T, src string) {
		m, err := py.Parse("<fuzz>", src)
		if err != nil {
			return
		}
		for _, mode := range []Mode{Exec, Single} {
			prog, err := Lower("<fuzz>", src, m, mode)
			if err != nil {
				if _, ok := err.(*Error); !ok {
					t.Fatalf("Lower(%q): %T %v", src, err, err)
				}
				return
			}
			if _, err := starlark.FileProgram(prog.File, func(name string) bool { return helpers[name] }); err != nil {
				t.Fatalf("Lower(%q): Starlark refuses the tree: %v", src, err)
			}
		}
	})
}
