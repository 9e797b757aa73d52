package starlark

import (
	"strings"
	"testing"
)

// TestUnpackFastPath checks patch 16 (PATCHES.md): a tuple or list of the
// right length unpacks in order with no allocation; other lengths and
// other iterables fail or succeed as before.
func TestUnpackFastPath(t *testing.T) {
	thread := new(Thread)
	g, err := ExecFileOptions(nsOptions, thread, "u.star", `
def f(t):
    a, b, c = t
    return c

a, (b, c), d = [1, (2, 3), "xy"]
g, h = {"k": 1, "j": 2}
`, nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"a": "1", "b": "2", "c": "3", "d": `"xy"`, "g": `"k"`, "h": `"j"`} {
		if got := g[name].String(); got != want {
			t.Errorf("%s = %s, want %s", name, got, want)
		}
	}
	for _, c := range []struct{ src, err string }{
		{"a, b = (1, 2, 3)", "too many values to unpack (got 3, want 2)"},
		{"a, b = [1]", "too few values to unpack (got 1, want 2)"},
		{"a, b = 1", "got int in sequence assignment"},
	} {
		_, err := ExecFileOptions(nsOptions, thread, "bad.star", c.src, nil)
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("%s: %v, want %q", c.src, err, c.err)
		}
	}
	tup := Tuple{MakeInt(1), MakeInt(2), MakeInt(3)}
	args := Tuple{tup}
	if n := testing.AllocsPerRun(200, func() { Call(thread, g["f"], args, nil) }); n != 0 {
		t.Errorf("a, b, c = t: %v allocations, want 0", n)
	}
	lst := Tuple{NewList([]Value{MakeInt(1), MakeInt(2), MakeInt(3)})}
	if v, err := Call(thread, g["f"], lst, nil); err != nil || v.String() != "3" {
		t.Errorf("f(list) = %v, %v", v, err)
	}
}
