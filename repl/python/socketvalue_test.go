package python

import (
	"sockrepl/sockets/leakcheck"

	"runtime"
	"strings"
	"testing"

	"go.starlark.net/starlark"

	"sockrepl/sockets"
)

// TestSessionLeavesNoFDsOrGoroutines runs a TCP exchange, UDP, select
// and sleep through the language layer, closes the runtime, and checks
// every descriptor and goroutine it made is gone.
func TestSessionLeavesNoFDsOrGoroutines(t *testing.T) {
	fdsBefore := leakcheck.FDs(t)
	goBefore := runtime.NumGoroutine()
	func() {
		sh := newPyShell(t)
		for _, src := range []string{
			"srv = socket.socket()",
			"srv.bind(('127.0.0.1', 0))",
			"srv.listen()",
			"c = socket.create_connection(srv.getsockname())",
			"conn, addr = srv.accept()",
			"c.sendall(b'ping')",
			"r, w, x = select.select([conn], [], [], 5)",
			"data = conn.recv(10)",
			"u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)",
			"a, b = socket.socketpair()",
			"time.sleep(0.01)",
			"left_open = socket.socket()",
		} {
			sh.must(src)
		}
		if got := Repr(sh.in.mustGlobal("data")); got != "b'ping'" {
			t.Errorf("recv = %s", got)
		}
		sh.rt.Close()
	}()
	if n := leakcheck.FDs(t); n != fdsBefore {
		t.Errorf("%d descriptors open after closing the runtime, %d before", n, fdsBefore)
	}
	if n := leakcheck.Goroutines(goBefore); n > goBefore {
		t.Errorf("%d goroutines after, %d before", n, goBefore)
	}
}

func TestSocketValueBasics(t *testing.T) {
	sh := newPyShell(t)
	sh.must("a, b = socket.socketpair()")
	a := sh.in.mustGlobal("a")
	s, ok := SocketOf(a)
	if !ok || s == nil {
		t.Fatal("SocketOf(a) failed")
	}
	if _, ok := SocketOf(starlark.MakeInt(1)); ok {
		t.Error("SocketOf(1) succeeded")
	}
	if Repr(a) != s.Repr() {
		t.Errorf("repr %s, sockets says %s", Repr(a), s.Repr())
	}
	for _, c := range []struct{ src, want string }{
		{"{a: 'first', b: 'second'}[a]", "'first'"},
		{"a == a", "True"},
		{"a == b", "False"},
		{"a in [b, a]", "True"},
		{"type(a) == socket.socket", "True"},
		{"isinstance(a, socket.socket)", "True"},
		{"a.family", "<AddressFamily.AF_UNIX: 1>"},
		{"a.type", "<SocketKind.SOCK_STREAM: 1>"},
		{"a.proto", "0"},
		{"a.timeout", "None"},
		{"a.send(b'xy')", "2"},
		{"b.recv(1)", "b'x'"},
		{"b.recv(1, socket.MSG_PEEK)", "b'y'"},
		{"b.recv(5)", "b'y'"},
		{"'recv' in dir(a)", "True"},
		{"hasattr(a, 'sendall')", "True"},
		{"socket.socket.send(a, b'z')", "1"},
		{"b.recv(1)", "b'z'"},
	} {
		if got := sh.eval(c.src); got != c.want {
			t.Errorf("%s = %s, want %s", c.src, got, c.want)
		}
	}
	if e := sh.exec("a.family = 1"); e == nil || e.Class != "AttributeError" {
		t.Errorf("assigning a.family: %v", e)
	}
}

// interruptDuring runs src on its own goroutine, interrupts it once the
// runtime reports that it waits in op, and returns its exception.
func interruptDuring(t *testing.T, sh *pyShell, op, src string) *PyError {
	t.Helper()
	waiting := make(chan struct{})
	var once bool
	sh.rt.SetObserver(func(p sockets.Progress) {
		if p.Op == op && !p.Finished && !once {
			once = true
			close(waiting)
		}
	})
	defer sh.rt.SetObserver(nil)
	done := make(chan *PyError)
	go func() { done <- sh.exec(src) }()
	select {
	case <-waiting:
	case e := <-done:
		t.Fatalf("%s returned before blocking: %v", src, e)
	}
	sh.rt.Interrupt()
	e := <-done
	sh.rt.ClearInterrupt()
	return e
}

func TestBlockingCallsEndWithKeyboardInterrupt(t *testing.T) {
	sh := newPyShell(t)
	sh.must("srv = socket.socket()")
	sh.must("srv.bind(('127.0.0.1', 0))")
	sh.must("srv.listen()")
	if e := interruptDuring(t, sh, "accept", "conn, addr = srv.accept()"); e == nil || e.Class != "KeyboardInterrupt" {
		t.Errorf("interrupted accept: %v", e)
	}
	if e := interruptDuring(t, sh, "sleep", "time.sleep(60)"); e == nil || e.Class != "KeyboardInterrupt" {
		t.Errorf("interrupted sleep: %v", e)
	}
	sh.must("a, b = socket.socketpair()")
	if e := interruptDuring(t, sh, "select", "select.select([a], [], [])"); e == nil || e.Class != "KeyboardInterrupt" {
		t.Errorf("interrupted select: %v", e)
	}
	// The listener is still usable afterwards.
	sh.must("c = socket.create_connection(srv.getsockname())")
	sh.must("conn, addr = srv.accept()")
	if got := sh.eval("conn.getpeername() == c.getsockname()"); got != "True" {
		t.Errorf("accept after an interrupt: %s", got)
	}
}

func TestEveryMethodAndFunctionHasHelp(t *testing.T) {
	for name := range socketMethods {
		if d, ok := socketMethodDocs[name]; !ok || d.sig == "" || d.text == "" {
			t.Errorf("socket method %s has no help", name)
		}
	}
	for name := range socketKwMethods {
		if d, ok := socketMethodDocs[name]; !ok || d.sig == "" || d.text == "" {
			t.Errorf("socket method %s has no help", name)
		}
	}
	for _, mod := range []pyModule{newSocketModule(nil), newSelectModule(nil), newStructModule(), newTimeModule()} {
		for _, name := range mod.AttrNames() {
			v, _ := mod.Attr(name)
			if _, isFunc := v.(*starlark.Builtin); !isFunc && name != "socket" {
				continue
			}
			if _, ok := moduleFuncDocs[mod.Name][name]; ok {
				continue
			}
			if b, isFunc := v.(*starlark.Builtin); isFunc {
				if _, ok := tableDocs.function(b); ok {
					continue
				}
			}
			t.Errorf("%s.%s has no help", mod.Name, name)
		}
	}
}

func TestHelpPrintsThroughThread(t *testing.T) {
	sh := newPyShell(t)
	sh.must("s = socket.socket()")
	for _, c := range []struct{ src, says string }{
		{"help()", "socket, select, struct, time"},
		{"help(s.recv)", "s.recv(bufsize[, flags]) -> bytes"},
		{"help(s)", "s.accept() -> (conn, address)"},
		{"help(socket)", "create_connection"},
		{"help(socket.socket)", "Make a new socket"},
		{"help(struct.pack)", "struct.pack(fmt"},
		{"help(select.select)", "readable"},
		{"help(time.sleep)", "Ctrl-C"},
		{"help(b'')", "data[i] is an int"},
		{"help(print)", "print(*values"},
		{"help('sendall')", "Send every byte"},
		{"help(socket.AF_INET)", "acts as the int 2"},
		{"help(exit)", "leave the shell"},
		{"help(socket.socket.recv)", "s.recv(bufsize"},
	} {
		sh.must(c.src)
		out := sh.printed()
		if !strings.Contains(out, c.says) || !strings.HasSuffix(out, "\n") {
			t.Errorf("%s printed %q, want it to mention %q and end with a newline", c.src, out, c.says)
		}
	}
	sh.must("s.close()")
}

func TestPrintWritesTextAndEnd(t *testing.T) {
	sh := newPyShell(t)
	for _, c := range []struct{ src, want string }{
		{"print('a', 1, b'x')", "a 1 b'x'\n"},
		{"print('a', 'b', sep='')", "ab\n"},
		{"print('no end', end='')", "no end"},
		{"print()", "\n"},
		{"print(None, sep=None, end=None)", "None\n"},
		{"print((1, 'a'), [None])", "(1, 'a') [None]\n"},
	} {
		sh.must(c.src)
		if got := sh.printed(); got != c.want {
			t.Errorf("%s wrote %q, want %q", c.src, got, c.want)
		}
	}
	if e := sh.exec("print(1, sep=2)"); e == nil || e.Error() != "TypeError: sep must be None or a string, not int" {
		t.Errorf("print(sep=2): %v", e)
	}
}

// TestFailedCallKeepsItsArguments: s.bind(addr) is called with its
// arguments borrowed from the interpreter's arena (starlark patch 10),
// yet the failed call the shell's hints read keeps the address after
// later calls reused that space.
func TestFailedCallKeepsItsArguments(t *testing.T) {
	sh := newPyShell(t)
	sh.must("a = socket.socket()")
	sh.must("a.bind(('127.0.0.1', 0))")
	sh.must("b = socket.socket()")
	sh.must("for i in range(2):\n    try:\n        b.bind(('127.0.0.1', a.getsockname()[1]))\n    except OSError as e:\n" +
		"        x = [str(i).zfill(3) for i in range(20)]\n        a.getsockname()\n        b.fileno()\n")
	f := sh.in.failed
	if f.Method != "bind" || len(f.Args) != 1 {
		t.Fatalf("failed call %s with %d arguments, want bind with 1", f.Method, len(f.Args))
	}
	if got, want := Repr(f.Args[0]), sh.eval("('127.0.0.1', a.getsockname()[1])"); got != want {
		t.Errorf("the failed bind's address reads %s, want %s", got, want)
	}
	sh.must("a.close(); b.close()")
}
