package python

import (
	"errors"
	"testing"

	"go.starlark.net/starlark"

	"sockrepl/sockets"
)

// TestMemoryWatchStopsGrowth runs a loop that only ever grows a list,
// under a watch with a small allowance: the statement ends in
// MemoryError instead of taking the machine's memory.
func TestMemoryWatchStopsGrowth(t *testing.T) {
	rt, err := sockets.NewRuntime()
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	in := New(rt, Options{Prelude: true, HeapGrowth: 32 << 20})
	_, err = in.Exec("<stdin>", "x = []\nwhile True:\n    x.append('abcdefgh' * 100)\n", Program)
	if !errors.Is(err, ErrNoMemory) || err.Error() != "MemoryError" {
		t.Fatalf("growing a list for ever ended with %v, want MemoryError", err)
	}
	if n := starlark.Len(in.mustGlobal("x")); n == 0 {
		t.Errorf("the list kept nothing of what was appended before the stop")
	}
}

// TestHugeRangesRefused checks the builtins that keep every item refuse
// a range too long to hold before they start.
func TestHugeRangesRefused(t *testing.T) {
	sh := newPyShell(t)
	for _, src := range []string{"list(range(10**12))", "tuple(range(10**12))", "sorted(range(10**12))",
		"set(range(10**12))", "dict(enumerate(range(10**12)))", "list(zip(range(10**12)))",
		"reversed(range(10**12))", "bytes(range(10**12))", "list(map(abs, range(10**12)))",
		"select.select(range(10**12), [], [], 0)"} {
		if e := sh.exec(src); e == nil || e.Class != "MemoryError" {
			t.Errorf("%s: %v, want MemoryError", src, e)
		}
	}
}
