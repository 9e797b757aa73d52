package python

import (
	"runtime"
	"testing"

	"sockrepl/sockets/leakcheck"
)

// TestSocketFileReadlineEndsWithKeyboardInterrupt: readline() waits in
// the socket's recv_into, so Ctrl-C ends it, and what was read before
// stays in the buffer for the next call.
func TestSocketFileReadlineEndsWithKeyboardInterrupt(t *testing.T) {
	sh := newPyShell(t)
	sh.must("a, b = socket.socketpair()")
	sh.must("f = b.makefile('rb')")
	sh.must("t = b.makefile('r')")
	sh.must("a.sendall(b'partial ')")
	if e := interruptDuring(t, sh, "recv_into", "f.readline()"); e == nil || e.Class != "KeyboardInterrupt" {
		t.Errorf("interrupted binary readline: %v", e)
	}
	sh.must("a.sendall(b'line\\n')")
	if got := sh.eval("f.readline()"); got != "b'partial line\\n'" {
		t.Errorf("after the interrupt: %s", got)
	}
	if e := interruptDuring(t, sh, "recv_into", "t.readline()"); e == nil || e.Class != "KeyboardInterrupt" {
		t.Errorf("interrupted text readline: %v", e)
	}
	if e := interruptDuring(t, sh, "recv_into", "for line in t:\n    pass"); e == nil || e.Class != "KeyboardInterrupt" {
		t.Errorf("interrupted iteration: %v", e)
	}
}

// TestSocketFileKeepsSocketOpen: socket.close() with a file open leaves
// the descriptor open until the file closes, and nothing is left once
// the session ends, whatever the program forgot.
func TestSocketFileKeepsSocketOpen(t *testing.T) {
	fds, gs := leakcheck.FDs(t), runtime.NumGoroutine()
	func() {
		sh := newPyShell(t)
		sh.must("a, b = socket.socketpair()")
		sh.must("f = a.makefile('w')")
		sh.must("a.close()")
		if got := sh.eval("a.fileno() != -1"); got != "True" {
			t.Errorf("closed socket with an open file: fileno %s", got)
		}
		sh.must("f.write('kept until close\\n')")
		sh.must("f.close()")
		if got := sh.eval("(a.fileno(), b.recv(100))"); got != "(-1, b'kept until close\\n')" {
			t.Errorf("after the file closed: %s", got)
		}
		sh.must("c, d = socket.socketpair()")
		sh.must("forgotten = c.makefile('rwb')")
		sh.must("c.close()")
		sh.rt.Close()
	}()
	if n := leakcheck.FDs(t); n != fds {
		t.Errorf("%d fds after the session, %d before", n, fds)
	}
	if n := leakcheck.Goroutines(gs); n > gs {
		t.Errorf("%d goroutines after, %d before", n, gs)
	}
}
