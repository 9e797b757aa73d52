package python

import (
	"runtime"
	"strings"
	"testing"

	"sockrepl/sockets/leakcheck"
)

// TestPollAndEpollEndWithKeyboardInterrupt: a blocked poll() of either
// kind ends with KeyboardInterrupt and leaves its object usable.
func TestPollAndEpollEndWithKeyboardInterrupt(t *testing.T) {
	sh := newPyShell(t)
	sh.must("a, b = socket.socketpair()")
	sh.must("p = select.poll(); p.register(a, select.POLLIN)")
	if e := interruptDuring(t, sh, "poll", "p.poll()"); e == nil || e.Class != "KeyboardInterrupt" {
		t.Errorf("interrupted poll: %v", e)
	}
	sh.must("ep = select.epoll(); ep.register(a, select.EPOLLIN)")
	if e := interruptDuring(t, sh, "poll", "ep.poll()"); e == nil || e.Class != "KeyboardInterrupt" {
		t.Errorf("interrupted epoll: %v", e)
	}
	sh.must("b.send(b'x')")
	if got := sh.eval("(len(p.poll()), len(ep.poll()))"); got != "(1, 1)" {
		t.Errorf("after the interrupts: %s", got)
	}
}

// TestEpollClosedWithRuntime: an epoll object the program never closed
// is closed with the session.
func TestEpollClosedWithRuntime(t *testing.T) {
	fds, gs := leakcheck.FDs(t), runtime.NumGoroutine()
	func() {
		sh := newPyShell(t)
		sh.must("ep = select.epoll()")
		sh.must("with select.epoll() as e2:\n    pass")
		sh.rt.Close()
	}()
	if n := leakcheck.FDs(t); n != fds {
		t.Errorf("%d fds after the session, %d before", n, fds)
	}
	if n := leakcheck.Goroutines(gs); n > gs {
		t.Errorf("%d goroutines after, %d before", n, gs)
	}
}

func TestPollHelp(t *testing.T) {
	sh := newPyShell(t)
	for _, c := range []struct{ src, says string }{
		{"help(select.poll)", "select.poll() -> poll object"},
		{"help(select.poll())", "p.register(fd[, eventmask])"},
		{"help(select.poll().poll)", "milliseconds"},
		{"help(select.epoll().poll)", "seconds"},
	} {
		sh.must(c.src)
		if out := sh.printed(); !strings.Contains(out, c.says) {
			t.Errorf("%s printed %q, want %q", c.src, out, c.says)
		}
	}
}
