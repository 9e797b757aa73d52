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

// ownerForTest offers its method "f" unbound (a MethodOwner) and has an
// attribute "g" that is read as usual; it counts how each was reached.
type ownerForTest struct {
	f              Value
	unbound, attrs int
}

func (o *ownerForTest) String() string        { return "owner" }
func (o *ownerForTest) Type() string          { return "owner" }
func (o *ownerForTest) Freeze()               {}
func (o *ownerForTest) Truth() Bool           { return True }
func (o *ownerForTest) Hash() (uint32, error) { return 0, nil }
func (o *ownerForTest) AttrNames() []string   { return []string{"f", "g"} }
func (o *ownerForTest) UnboundMethod(name string) Value {
	if name == "f" {
		o.unbound++
		return o.f
	}
	return nil
}
func (o *ownerForTest) Attr(name string) (Value, error) {
	o.attrs++
	switch name {
	case "f":
		return &boundForTest{fn: o.f, recv: o, slow: new(int)}, nil
	case "g":
		return Universe["str"], nil
	}
	return nil, nil
}

// TestMethodOwnerCall checks patch 10 (PATCHES.md): x.f(...) calls the
// function x offers unbound with x first; anything else is read and
// called as before, with the same errors.
func TestMethodOwnerCall(t *testing.T) {
	thread := new(Thread)
	defs, err := ExecFileOptions(nsOptions, thread, "defs.star",
		"def f(self, a, b=0):\n    return (str(self), a, b)\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	o := &ownerForTest{f: defs["f"]}
	src := `
r1 = o.f(1)
r2 = o.f(1, b=o.f(2)[1])
r3 = o.g(7)
r4 = [o.f(i)[1] for i in range(3)]
args = (5,)
r5 = o.f(*args)
h = o.f
r6 = h(6)
`
	g, err := ExecFileOptions(nsOptions, thread, "call.star", src, StringDict{"o": o})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"r1": `("owner", 1, 0)`,
		"r2": `("owner", 1, 2)`,
		"r3": `"7"`,
		"r4": `[0, 1, 2]`,
		"r5": `("owner", 5, 0)`,
		"r6": `("owner", 6, 0)`,
	}
	for name, w := range want {
		if got := g[name].String(); got != w {
			t.Errorf("%s = %s, want %s", name, got, w)
		}
	}
	// o.f(...) six times unbound; o.g(7), o.f(*args) and h = o.f read.
	if o.unbound != 6 || o.attrs != 3 {
		t.Errorf("%d unbound calls and %d attribute reads, want 6 and 3", o.unbound, o.attrs)
	}
	_, err = ExecFileOptions(nsOptions, thread, "bad.star", "o.nope(1)\n", StringDict{"o": o})
	if err == nil || err.Error() != "owner has no .nope field or method" {
		t.Errorf("o.nope(1): %v", err)
	}
	_, err = ExecFileOptions(nsOptions, thread, "bad2.star", "o.f()\n", StringDict{"o": o})
	if err == nil || err.Error() != "function f missing 1 argument (a)" {
		t.Errorf("o.f(): %v", err)
	}
	if thread.arena.top != 0 {
		t.Errorf("arena top %d after the calls, want 0", thread.arena.top)
	}
}
