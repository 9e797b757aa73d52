package starlark

import (
	"testing"
)

// boundForTest is a Method as sockrepl's BoundMethod is one: calling it
// calls fn with recv first. slow counts the calls that went through
// CallInternal rather than CALL's direct path.
type boundForTest struct {
	fn, recv Value
	slow     *int
}

func (b *boundForTest) String() string        { return "bound" }
func (b *boundForTest) Type() string          { return "bound" }
func (b *boundForTest) Freeze()               {}
func (b *boundForTest) Truth() Bool           { return True }
func (b *boundForTest) Hash() (uint32, error) { return 0, nil }
func (b *boundForTest) Name() string          { return "bound" }
func (b *boundForTest) Unbind() (Value, Value) {
	return b.fn, b.recv
}
func (b *boundForTest) CallInternal(thread *Thread, args Tuple, kwargs []Tuple) (Value, error) {
	*b.slow++
	return Call(thread, b.fn, append(Tuple{b.recv}, args...), kwargs)
}

// TestMethodCall checks patch 8 (PATCHES.md): CALL calls a Method of a
// Starlark function directly, with the receiver first, keywords and
// errors as before, and a Method of a builtin through CallInternal.
func TestMethodCall(t *testing.T) {
	thread := new(Thread)
	defs, err := ExecFileOptions(nsOptions, thread, "defs.star",
		"def show(self, a, b=2, *rest, **kw):\n    return (self, a, b, rest, sorted(kw.items()))\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	slow := 0
	env := StringDict{
		"m":   &boundForTest{fn: defs["show"], recv: String("R"), slow: &slow},
		"bm":  &boundForTest{fn: Universe["len"], recv: String("four"), slow: &slow},
		"bad": &boundForTest{fn: defs["show"], recv: String("R"), slow: &slow},
	}
	src := `
r1 = m(1)
r2 = m(1, 3, 4, 5, k=6)
r3 = bm()
r4 = [m(i)[1] for i in range(3)]
`
	g, err := ExecFileOptions(nsOptions, thread, "call.star", src, env)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"r1": `("R", 1, 2, (), [])`,
		"r2": `("R", 1, 3, (4, 5), [("k", 6)])`,
		"r3": `4`,
		"r4": `[0, 1, 2]`,
	}
	for name, w := range want {
		if got := g[name].String(); got != w {
			t.Errorf("%s = %s, want %s", name, got, w)
		}
	}
	if slow != 1 {
		t.Errorf("%d calls went through CallInternal, want 1 (the builtin's)", slow)
	}
	// Too many arguments: the function's own error, the space given back.
	_, err = ExecFileOptions(nsOptions, thread, "bad.star", "bad(1, 2, 3, x=1, a=2)\n", env)
	if err == nil {
		t.Fatal("bad(1, 2, 3, x=1, a=2) succeeded")
	}
	if got := err.Error(); got != "function show got multiple values for parameter \"a\"" {
		t.Errorf("bad(...): %s", got)
	}
	if thread.arena.top != 0 {
		t.Errorf("arena top %d after the calls, want 0", thread.arena.top)
	}
}
