package python

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"sockrepl/sockets"

	"go.starlark.net/starlark"
)

// pyShell is an Interp for tests of the language layer: the same Exec
// the shell runs, in Program mode (nothing echoed), with print() output
// collected.
type pyShell struct {
	t   *testing.T
	in  *Interp
	rt  *sockets.Runtime
	out strings.Builder
}

func newPyShell(t *testing.T) *pyShell {
	t.Helper()
	rt, err := sockets.NewRuntime()
	if err != nil {
		t.Fatal(err)
	}
	sh := &pyShell{t: t, rt: rt}
	sh.in = New(rt, Options{Prelude: true, Print: func(s string) { sh.out.WriteString(s) }})
	t.Cleanup(func() { rt.Close() })
	return sh
}

// exec runs one statement and returns the Python exception, if any.
func (sh *pyShell) exec(src string) *PyError {
	if _, err := sh.in.Exec("<stdin>", src, Program); err != nil {
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
	sh.must("result_ = " + expr)
	return Repr(sh.in.mustGlobal("result_"))
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
		if err := sh.exec("result_ = " + e); err != nil {
			got = err.Error()
		} else {
			got = Repr(sh.in.mustGlobal("result_"))
		}
		if got != want[i] {
			t.Errorf("%s\n got  %s\n want %s (python3)", e, got, want[i])
		}
	}
}

// mustGlobal is a global's value, nil when unbound.
func (in *Interp) mustGlobal(name string) starlark.Value {
	v, _ := in.globals.Get(name)
	return v
}
