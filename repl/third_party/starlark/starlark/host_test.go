package starlark

import "testing"

// TestThreadHost checks patch 17 (PATCHES.md): a thread's Host is the
// embedder's to set and read, and builtins the thread calls see it.
func TestThreadHost(t *testing.T) {
	type state struct{ calls int }
	thread := &Thread{Host: &state{}}
	count := NewBuiltin("count", func(th *Thread, _ *Builtin, _ Tuple, _ []Tuple) (Value, error) {
		th.Host.(*state).calls++
		return None, nil
	})
	if _, err := ExecFileOptions(nsOptions, thread, "h.star", "count()\ncount()\n", StringDict{"count": count}); err != nil {
		t.Fatal(err)
	}
	if n := thread.Host.(*state).calls; n != 2 {
		t.Errorf("Host saw %d calls, want 2", n)
	}
}
