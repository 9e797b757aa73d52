package python

import (
	"runtime"
	"testing"

	"sockrepl/sockets/leakcheck"
)

// TestSelectorSelectEndsWithKeyboardInterrupt: a blocked select() of
// each selector class ends with KeyboardInterrupt, reported as "select".
func TestSelectorSelectEndsWithKeyboardInterrupt(t *testing.T) {
	sh := newPyShell(t)
	sh.must("import selectors")
	sh.must("a, b = socket.socketpair()")
	for _, cls := range []string{"DefaultSelector", "PollSelector", "SelectSelector"} {
		sh.must("sel = selectors." + cls + "()")
		sh.must("k = sel.register(a, selectors.EVENT_READ)")
		if e := interruptDuring(t, sh, "select", "sel.select()"); e == nil || e.Class != "KeyboardInterrupt" {
			t.Errorf("%s: interrupted select: %v", cls, e)
		}
		sh.must("b.send(b'x')")
		if got := sh.eval("[ev for key, ev in sel.select()]"); got != "[1]" {
			t.Errorf("%s after the interrupt: %s", cls, got)
		}
		sh.must("a.recv(1)")
		sh.must("sel.close()")
	}
}

// TestEpollSelectorLeavesNoFDs: selectors the program forgot to close
// are closed with the session.
func TestEpollSelectorLeavesNoFDs(t *testing.T) {
	fds, gs := leakcheck.FDs(t), runtime.NumGoroutine()
	func() {
		sh := newPyShell(t)
		sh.must("import selectors")
		sh.must("forgotten = selectors.DefaultSelector()")
		sh.must("with selectors.EpollSelector() as closed:\n    pass")
		sh.rt.Close()
	}()
	if n := leakcheck.FDs(t); n != fds {
		t.Errorf("%d fds after the session, %d before", n, fds)
	}
	if n := leakcheck.Goroutines(gs); n > gs {
		t.Errorf("%d goroutines after, %d before", n, gs)
	}
}

// TestSelectorsHelp: every member of the table and every method has help.
func TestSelectorsHelp(t *testing.T) {
	sh := newPyShell(t)
	sh.must("import selectors")
	for _, src := range []string{"help(selectors)", "help(selectors.DefaultSelector())", "help(selectors.DefaultSelector().register)", "help(selectors.DefaultSelector().select)"} {
		sh.must(src)
		if out := sh.printed(); len(out) < 40 {
			t.Errorf("%s printed %q", src, out)
		}
	}
	for _, c := range selectorClasses {
		for name := range c.typ.methods {
			if _, ok := c.typ.docs[name]; !ok && name != "__exit__" {
				t.Errorf("%s.%s has no help", c.name, name)
			}
		}
	}
}
