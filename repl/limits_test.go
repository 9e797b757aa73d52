package repl

import (
	"errors"
	"strings"
	"testing"
	"time"

	"go.starlark.net/starlark"
)

// TestMemoryWatchStopsGrowth runs a loop that only ever grows a list,
// under a watch with a small allowance: the statement ends in
// MemoryError instead of taking the machine's memory.
func TestMemoryWatchStopsGrowth(t *testing.T) {
	sh := newPyShell(t)
	code, err := translate("x = []\nwhile True:\n    x.append('abcdefgh' * 100)\n")
	if err != nil {
		t.Fatal(err)
	}
	f, err := translateOptions.Parse("<stdin>", code, 0)
	if err != nil {
		t.Fatal(err)
	}
	stop := watchMemoryLimit(sh.thread, 32<<20, 5*time.Millisecond)
	err = starlark.ExecREPLChunk(f, sh.thread, sh.globals)
	stop()
	if pe := asPyError(err); pe == nil || pe.Error() != "MemoryError" {
		t.Fatalf("growing a list for ever ended with %v, want MemoryError", err)
	}
	if n := starlark.Len(sh.globals["x"]); n == 0 {
		t.Errorf("the list kept nothing of what was appended before the stop")
	}
}

// TestInterruptLoopsInsideBuiltins interrupts builtins that walk a
// range of 10**12 items in Go, where the interpreter never looks at
// Ctrl-C: each must end with KeyboardInterrupt, and the session goes on.
func TestInterruptLoopsInsideBuiltins(t *testing.T) {
	s, err := NewSession(Options{StateDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, src := range []string{"sum(range(10**12))", "max(range(10**12))", "all(range(1, 10**12))",
		"list(map(abs, range(10**7)))", "'-'.join(map(str, range(10**7)))"} {
		done := make(chan error, 1)
		go func() { done <- s.Exec(src) }()
		// Interrupt until the statement ends: the first one may come
		// before Exec has started the statement.
		var got error
		deadline := time.Now().Add(time.Minute)
	wait:
		for {
			s.Interrupt()
			select {
			case got = <-done:
				break wait
			case <-time.After(50 * time.Millisecond):
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: Ctrl-C did not stop it in a minute", src) // the session is left running
			}
		}
		var pe *PyError
		if !errors.As(got, &pe) || pe.Class != "KeyboardInterrupt" {
			// A short statement may finish before the first interrupt.
			if !strings.HasPrefix(src, "list(") && !strings.HasPrefix(src, "'-'") {
				t.Errorf("%s: %v, want KeyboardInterrupt", src, got)
			}
		}
		if err := s.Exec("assert 6 * 7 == 42"); err != nil {
			t.Fatalf("after %s: %v", src, err)
		}
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
