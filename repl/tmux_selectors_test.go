package repl

import "testing"

// TestTmuxCtrlCEndsSelectorWaits blocks the shell in a selector's
// select() of each kind, in poll() and in epoll.poll(), presses Ctrl-C,
// and checks that the prompt comes back with the status line having
// shown the wait, and that the selector still works afterwards.
func TestTmuxCtrlCEndsSelectorWaits(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	p.start()
	setup := []string{
		"import selectors",
		"a, b = socket.socketpair()",
		"sel = selectors.DefaultSelector(); k = sel.register(a, selectors.EVENT_READ, data='a')",
		"ps = selectors.PollSelector(); k = ps.register(a, selectors.EVENT_READ)",
		"ss = selectors.SelectSelector(); k = ss.register(a, selectors.EVENT_READ)",
		"p = select.poll(); p.register(a, select.POLLIN)",
		"ep = select.epoll(); ep.register(a, select.EPOLLIN)",
	}
	prompts := p.typeEach(1, setup...)
	cases := []struct{ code, status string }{
		{"sel.select()", `select\(\) blocking`},
		{"ps.select()", `select\(\) blocking`},
		{"ss.select()", `select\(\) blocking`},
		{"p.poll()", `poll\(\) blocking`},
		{"ep.poll()", `poll\(\) blocking`},
	}
	for _, c := range cases {
		p.line(c.code)
		p.waitFor(c.status)
		p.keys("C-c")
		prompts++
		p.prompts(prompts)
	}
	if n := p.count(`^KeyboardInterrupt$`); n != len(cases) {
		t.Fatalf("%d KeyboardInterrupt lines for %d interrupted calls:\n%s", n, len(cases), p.capture())
	}
	p.line("b.send(b'x')")
	p.line("[(key.data, ev) for key, ev in sel.select()]")
	p.waitFor(`^\[\('a', 1\)\]$`)
}
