package repl

import (
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"

	"go.starlark.net/starlark"

	"sockrepl/sockets"
)

// pyShell runs statements the way the session does (translate, parse,
// ExecREPLChunk over one set of globals) but without the session, so the
// language layer is tested on its own.
type pyShell struct {
	t       *testing.T
	rt      *sockets.Runtime
	globals starlark.StringDict
	out     strings.Builder
	thread  *starlark.Thread
}

func newPyShell(t *testing.T) *pyShell {
	t.Helper()
	rt, err := sockets.NewRuntime()
	if err != nil {
		t.Fatal(err)
	}
	sh := &pyShell{t: t, rt: rt, globals: newPredeclared(rt)}
	sh.thread = &starlark.Thread{Name: "test", Print: func(_ *starlark.Thread, msg string) { sh.out.WriteString(msg) }}
	t.Cleanup(func() { rt.Close() })
	return sh
}

// exec runs one statement and returns the Python exception, if any.
func (sh *pyShell) exec(src string) *PyError {
	code, err := translate(src)
	if err != nil {
		return asPyError(err)
	}
	f, err := translateOptions.Parse("<stdin>", code, 0)
	if err != nil {
		return asPyError(err)
	}
	if err := starlark.ExecREPLChunk(f, sh.thread, sh.globals); err != nil {
		return asPyError(err)
	}
	return nil
}

// must runs a statement that has to succeed.
func (sh *pyShell) must(src string) {
	sh.t.Helper()
	if e := sh.exec(src); e != nil {
		sh.t.Fatalf("%s: %v", src, e)
	}
}

// eval returns the repr of an expression.
func (sh *pyShell) eval(expr string) string {
	sh.t.Helper()
	sh.must("__result__ = " + expr)
	return pyRepr(sh.globals["__result__"])
}

// printed returns and clears what print() and help() wrote.
func (sh *pyShell) printed() string {
	s := sh.out.String()
	sh.out.Reset()
	return s
}

// pythonEval runs a python3 program and returns its stdout; the test is
// skipped when python3 is missing.
func pythonEval(t *testing.T, program string) string {
	t.Helper()
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed: this test compares with it")
	}
	cmd := exec.Command(python, "-X", "utf8", "-")
	cmd.Stdin = strings.NewReader(program)
	cmd.Env = append(os.Environ(), "PYTHONIOENCODING=utf-8")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	return string(out)
}

// openFDs counts this process's open file descriptors.
func openFDs(t *testing.T) int {
	t.Helper()
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Skip("no /proc/self/fd")
	}
	return len(entries)
}

// settle waits for goroutines that are finishing to be gone before a
// count; it returns the count.
func settle(limit int) int {
	n := runtime.NumGoroutine()
	for i := 0; i < 500 && n > limit; i++ {
		time.Sleep(10 * time.Millisecond)
		n = runtime.NumGoroutine()
	}
	return n
}

// matchPython evaluates each expression in a fresh shell and compares
// its repr, or its exception line, with want (python3's line for it).
func matchPython(t *testing.T, exprs, want []string) {
	t.Helper()
	if len(want) != len(exprs) {
		t.Fatalf("python3 printed %d lines for %d expressions", len(want), len(exprs))
	}
	sh := newPyShell(t)
	for i, e := range exprs {
		got := ""
		if err := sh.exec("__result__ = " + e); err != nil {
			got = err.Error()
		} else {
			got = pyRepr(sh.globals["__result__"])
		}
		if got != want[i] {
			t.Errorf("%s\n got  %s\n want %s (python3)", e, got, want[i])
		}
	}
}
