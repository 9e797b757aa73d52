package python

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"go.starlark.net/starlark"

	"sockrepl/sockets"
)

func TestSocketErrorsKeepClassErrnoAndOp(t *testing.T) {
	sh := newPyShell(t)
	sh.must("probe = socket.socket()")
	sh.must("probe.bind(('127.0.0.1', 0))")
	sh.must("port = probe.getsockname()[1]")
	sh.must("probe.close()")
	sh.must("c = socket.socket()")
	e := sh.exec("c.connect(('127.0.0.1', port))")
	if e == nil || e.Class != "ConnectionRefusedError" || e.Errno != 111 || e.Op != "connect" {
		t.Fatalf("connect to a closed port: %#v", e)
	}
	if got := e.Error(); got != "ConnectionRefusedError: [Errno 111] Connection refused" {
		t.Errorf("printed as %q", got)
	}
	for _, leak := range []string{"Error in", "connect:", "starlark"} {
		if strings.Contains(e.Error(), leak) {
			t.Errorf("message leaks %q: %s", leak, e)
		}
	}
	sh.must("c.close()")
}

func TestAsPyErrorOnTypedErrors(t *testing.T) {
	se := &sockets.Error{Class: "TimeoutError", Msg: "timed out", Op: "recv"}
	wrapped := fmt.Errorf("outer: %w", se)
	if pe := asPyError(wrapped); pe.Class != "TimeoutError" || pe.Msg != "timed out" || pe.Op != "recv" {
		t.Errorf("sockets.Error: %#v", pe)
	}
	if pe := asPyError(&ExitError{Code: 3}); pe.Class != "SystemExit" {
		t.Errorf("ExitError: %#v", pe)
	}
	if asPyError(nil) != nil {
		t.Error("asPyError(nil) != nil")
	}
	orig := &PyError{Class: "ValueError", Msg: "x"}
	if pe := asPyError(orig); pe == orig || pe.Class != orig.Class || pe.Msg != orig.Msg {
		t.Error("a PyError should come back as an equal copy")
	}
	for _, c := range []struct{ msg, want string }{
		{"Starlark computation cancelled: KeyboardInterrupt", "KeyboardInterrupt"},
		{"Starlark stack overflow", "RecursionError: maximum recursion depth exceeded"},
		{"function f called recursively", "RecursionError: maximum recursion depth exceeded"},
		{"unknown binary op: int + string", "TypeError: unsupported operand type(s) for +: 'int' and 'str'"},
		{"unknown binary op: string + int", "TypeError: can only concatenate str (not \"int\") to str"},
		{"unknown binary op: bytes + string", "TypeError: can't concat str to bytes"},
		{"list index 5 out of range [-2:1]", "IndexError: list index out of range"},
		{"index 0 out of range: empty tuple", "IndexError: tuple index out of range"},
		{`key "a" not in dict`, "KeyError: 'a'"},
		{"socket has no .foo field or method (did you mean .fileno?)", "AttributeError: 'socket' object has no attribute 'foo'"},
		{"string has no .bar field or method", "AttributeError: 'str' object has no attribute 'bar'"},
		{"floored division by zero", "ZeroDivisionError: integer division or modulo by zero"},
		{"len: value of type int has no len", "TypeError: object of type 'int' has no len()"},
		{"invalid call of non-function (NoneType)", "TypeError: 'NoneType' object is not callable"},
		{"local variable x referenced before assignment", "UnboundLocalError: cannot access local variable 'x' where it is not associated with a value"},
		{"ValueError: custom", "ValueError: custom"},
		{"something new and odd", "RuntimeError: something new and odd"},
	} {
		if got := asPyError(errors.New(c.msg)).Error(); got != c.want {
			t.Errorf("%q -> %q, want %q", c.msg, got, c.want)
		}
	}
}

// TestInterpreterErrorsReadAsPython runs statements whose errors come
// from Starlark itself and checks no Starlark or Go wording survives.
// starlarkGot matches Starlark's "got int, want string" style.
var starlarkGot = regexp.MustCompile(`\bgot (?:int|string|NoneType|bytes|list|dict|tuple|float|bool|function)\b`)

func TestInterpreterErrorsReadAsPython(t *testing.T) {
	sh := newPyShell(t)
	for _, src := range []string{
		"nope", "1 + 'a'", "[1][5]", "{}['k']", "None.x", "len(5)", "x = 1\nx()", "int('z')", "'a' < 1",
		"def f(a): pass\nf(1, 2)", "def f(a): pass\nf(q=1)", "a, b = 1, 2, 3", "t = (1,)\nt[0] = 2", "{}[[]] = 1",
		"s = socket.socket()\ns.bogus", "socket.bogus", "'x'.encode(1)", "b'x'.decode(1, 2, 3)", "sorted(1)",
		"range(1, 2, 0)", "print(sep=1)", "max()", "hex(1.5)", "[].pop()", "lst = [1]\nlst.remove(2)",
		"d = {}\nd.pop('k')", "for x in 5: pass", "'%d' % 'x'", "'%s %s' % ('a',)", "'{0}'.format()", "bytes(-1)",
		"struct.pack('!H')", "struct.unpack('!H', b'')", "select.select(1, 2, 3)", "time.sleep(-1)",
		"socket.socket(99999)", "socket.htons(-5)", "socket.inet_aton('x')", "chr(-1)", "int('1', 99)",
		"d = {1: 2}\nfor k in d:\n    d[k + 1] = 0\n", "l = [1]\nfor x in l:\n    l.append(x)\n",
	} {
		e := sh.exec(src)
		if e == nil {
			t.Errorf("%q: no exception", src)
			continue
		}
		text := e.Error()
		for _, leak := range []string{"want ", "Starlark", "starlark", "field or method", "<stdin>", "panic", "%!", "'string'"} {
			if strings.Contains(text, leak) {
				t.Errorf("%q prints %q, which leaks %q", src, text, leak)
			}
		}
		if starlarkGot.MatchString(text) {
			t.Errorf("%q prints %q, in Starlark's got/want style", src, text)
		}
		if e.Class == "RuntimeError" && !strings.Contains(e.Msg, "changed") {
			t.Errorf("%q fell through to the catch-all: %s", src, text)
		}
	}
}

func TestInterruptAndRecursion(t *testing.T) {
	sh := newPyShell(t)
	// The loop reports that it has started, so the cancel does not depend
	// on timing.
	started := make(chan struct{})
	sh.in.globals.Set("started", starlark.NewBuiltin("started", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		close(started)
		return starlark.None, nil
	}))
	done := make(chan *PyError)
	go func() { done <- sh.exec("started()\nn = 0\nwhile True:\n    n += 1\n") }()
	<-started
	sh.in.Interrupt()
	if e := <-done; e == nil || e.Class != "KeyboardInterrupt" || e.Error() != "KeyboardInterrupt" {
		t.Errorf("cancelled loop: %v", e)
	}

	sh2 := newPyShell(t)
	if e := sh2.exec("def r(n):\n    return r(n + 1)\n\nr(0)\n"); e == nil || e.Error() != "RecursionError: maximum recursion depth exceeded" {
		t.Errorf("runaway recursion: %v", e)
	}
}

func TestExitIsAnExitRequest(t *testing.T) {
	sh := newPyShell(t)
	for src, want := range map[string]int{"exit(3)": 3, "quit()": 0, "exit()": 0, "exit(True)": 1, "exit('bye')": 1} {
		_, err := sh.in.Exec("<stdin>", src, Program)
		var req *ExitError
		if !errors.As(err, &req) || req.Code != want {
			t.Errorf("%s: %v, want code %d", src, err, want)
		}
	}
	if got := sh.eval("exit"); got != "Use exit() or Ctrl-D (i.e. EOF) to exit" {
		t.Errorf("repr(exit) = %s", got)
	}
}
