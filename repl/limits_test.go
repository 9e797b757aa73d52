package repl

import (
	"errors"
	"sockrepl/repl/python"
	"strings"
	"testing"
	"time"
)

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
		var pe *python.PyError
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
