package starlark

import (
	"strings"
	"testing"
)

// TestFrameArena checks patch 7 (PATCHES.md): frames take their space
// from the thread's arena and give it back, and nothing a call leaves
// behind shares it.
func TestFrameArena(t *testing.T) {
	src := `
def pair(a, b):
    x = [a, b]
    return (a, b), x

def counter():
    n = [0]
    def bump():
        n[0] += 1
        return n[0]
    return bump

def depth(k):
    if k == 0:
        return 0
    return depth(k - 1) + 1

def fails(k):
    big = [k] * 3
    return big[k]

results = [pair(i, i * 2) for i in range(100)]
ok_pairs = all([r == ((i, i * 2), [i, i * 2]) for i, r in enumerate(results)])
b = counter()
b()
b()
ok_cell = b() == 3
ok_deep = depth(20000) == 20000  # past arenaMax: frames allocated as before
`
	thread := new(Thread)
	opts := *nsOptions
	opts.Recursion = true
	g, err := ExecFileOptions(&opts, thread, "arena.star", src, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"ok_pairs", "ok_cell", "ok_deep"} {
		if g[name] != True {
			t.Errorf("%s = %v", name, g[name])
		}
	}
	// A call that fails gives its space back too.
	if _, err := Call(thread, g["fails"], Tuple{MakeInt(7)}, nil); err == nil || !strings.Contains(err.Error(), "out of range") {
		t.Errorf("fails(7): %v", err)
	}
	if thread.arena.top != 0 {
		t.Errorf("arena top %d after the calls returned, want 0", thread.arena.top)
	}
	for i, v := range thread.arena.buf {
		if v != nil {
			t.Fatalf("arena slot %d still holds %v after the calls returned", i, v)
		}
	}
	// A panic in a builtin unwinds the frames: their space comes back.
	boom := NewBuiltin("boom", func(*Thread, *Builtin, Tuple, []Tuple) (Value, error) { panic("boom") })
	g2, err := ExecFileOptions(&opts, thread, "panic.star", "def f(x):\n    y = x\n    return boom(y)\n", StringDict{"boom": boom})
	if err != nil {
		t.Fatal(err)
	}
	func() {
		defer func() { recover() }()
		Call(thread, g2["f"], Tuple{MakeInt(1)}, nil)
	}()
	if thread.arena.top != 0 {
		t.Errorf("arena top %d after a panic unwound the calls, want 0", thread.arena.top)
	}
	// A call of a Starlark function allocates nothing of its own.
	g3, err := ExecFileOptions(&opts, thread, "add.star", "def add(a, b):\n    return a + b\n", nil)
	if err != nil {
		t.Fatal(err)
	}
	add, args := g3["add"], Tuple{MakeInt(1), MakeInt(2)}
	if n := testing.AllocsPerRun(1000, func() { Call(thread, add, args, nil) }); n > 0 {
		t.Errorf("a call of add(1, 2) allocates %v times, want 0", n)
	}
}
