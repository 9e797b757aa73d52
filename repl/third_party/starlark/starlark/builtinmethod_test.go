package starlark

import (
	"sync"
	"testing"
)

// TestBuiltinMethodCall checks patch 12 (PATCHES.md): a method of a
// built-in type called as x.f(...) is bound in the thread's pool, nests,
// fails as before, and an error made inside keeps its own copy.
func TestBuiltinMethodCall(t *testing.T) {
	thread := new(Thread)
	src := `
words = "b,a,c".split(",")
words.append("d")
d = {}
d["k"] = d.get("k", 0) + 1
up = [w.upper() for w in sorted(words, key=lambda w: w.lower().strip())]
s = set([1])
s.add(2)
joined = "-".join(up)
method = "x".upper
late = method()
`
	g, err := ExecFileOptions(nsOptions, thread, "m.star", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"words": `["b", "a", "c", "d"]`, "d": `{"k": 1}`, "up": `["A", "B", "C", "D"]`,
		"s": `set([1, 2])`, "joined": `"A-B-C-D"`, "late": `"X"`,
	} {
		if got := g[name].String(); got != want {
			t.Errorf("%s = %s, want %s", name, got, want)
		}
	}
	if thread.builtins.top != 0 {
		t.Errorf("pool top %d after the calls, want 0", thread.builtins.top)
	}
	for _, b := range thread.builtins.slots {
		if b.recv != nil || b.fn != nil {
			t.Errorf("a pooled method still holds %v", b.recv)
		}
	}
	// An error inside a method: the EvalError's frame is its own copy,
	// still named after the failing method once the pool is reused.
	_, err = ExecFileOptions(nsOptions, thread, "bad.star", "[1].index(5)\n", nil)
	ee, ok := err.(*EvalError)
	if !ok {
		t.Fatalf("[1].index(5): %v", err)
	}
	if _, err := ExecFileOptions(nsOptions, thread, "more.star", "'a'.upper()\n", nil); err != nil {
		t.Fatal(err)
	}
	stack := ee.CallStack()
	if last := stack[len(stack)-1].Name; last != "index" {
		t.Errorf("the error's innermost frame is %q after the pool was reused, want index", last)
	}
	for i, e := range ee.frames {
		if b, ok := e.callable.(*Builtin); ok && b.pooled {
			t.Errorf("frame %d of the error is a pooled builtin", i)
		}
	}
	// No bound builtin is made for a call of a string method.
	g2, err := ExecFileOptions(nsOptions, thread, "f.star", "def f(s):\n    return s.upper()\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	args := Tuple{String("abc")}
	Call(thread, g2["f"], args, nil) // the proto is made once, on first use
	// upper's result and its boxing into a Value are what is left; a
	// bound builtin would be a third.
	if n := testing.AllocsPerRun(100, func() { Call(thread, g2["f"], args, nil) }); n > 2 {
		t.Errorf("s.upper() allocates %v times, want 2 (its result)", n)
	}
}

// TestBuiltinMethodsBorrow checks patch 14 (PATCHES.md): a method of a
// built-in type gets its arguments uncopied, and CallMethod calls a method
// bound to a receiver with no allocation of its own.
func TestBuiltinMethodsBorrow(t *testing.T) {
	thread := new(Thread)
	g, err := ExecFileOptions(nsOptions, thread, "b.star", `
def f(s, p, d):
    return s.startswith(p) and d.get(p, 0) == 0
`, nil)
	if err != nil {
		t.Fatal(err)
	}
	args := Tuple{String("GET /"), String("GET"), NewDict(0)}
	if n := testing.AllocsPerRun(200, func() { Call(thread, g["f"], args, nil) }); n != 0 {
		t.Errorf("s.startswith(p) and d.get(p, 0): %v allocations, want 0", n)
	}
	for name, table := range map[string]map[string]*Builtin{"str": stringMethods, "list": listMethods, "dict": dictMethods, "set": setMethods} {
		for m, b := range table {
			if !b.borrows {
				t.Errorf("%s.%s does not borrow its arguments", name, m)
			}
		}
	}
	upper := stringMethods["upper"]
	if v, err := CallMethod(thread, upper, String("ab"), nil, nil); err != nil || v != String("AB") {
		t.Errorf(`CallMethod(upper, "ab") = %v, %v`, v, err)
	}
	recv, prefix := Value(String("ab")), Tuple{String("a")}
	if n := testing.AllocsPerRun(200, func() { CallMethod(thread, stringMethods["startswith"], recv, prefix, nil) }); n != 0 {
		t.Errorf("CallMethod of startswith: %v allocations, want 0", n)
	}
	if thread.builtins.top != 0 {
		t.Errorf("pool top %d after CallMethod, want 0", thread.builtins.top)
	}
}

// TestMethodProtoTable checks the copy-on-write table of patch 12's
// protos: one proto per method, shared, found by many goroutines at once,
// and none for a name that is not a method.
func TestMethodProtoTable(t *testing.T) {
	if builtinMethodOf(String("a"), "upper") != builtinMethodOf(String("b"), "upper") {
		t.Error("two lookups of str.upper gave two protos")
	}
	if p := builtinMethodOf(NewList(nil), "nope"); p != nil {
		t.Errorf("list.nope has a proto: %v", p)
	}
	names := []string{"append", "extend", "index", "insert", "pop", "remove", "clear"}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, n := range names {
				if p := builtinMethodOf(NewList(nil), n); p == nil || p.b != listMethods[n] {
					t.Errorf("list.%s: proto %v", n, p)
				}
			}
		}()
	}
	wg.Wait()
}
