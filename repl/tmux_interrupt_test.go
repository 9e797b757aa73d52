package repl

import (
	"net"
	"regexp"
	"testing"
	"time"
)

// TestTmuxCtrlCEveryBlockingCall blocks the shell in each kind of wait,
// presses Ctrl-C, and checks that the prompt comes back, the sockets are
// intact, and the shell still works.
func TestTmuxCtrlCEveryBlockingCall(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	p.start()
	setup := []string{
		"srv = socket.socket(); srv.bind(('127.0.0.1', 0)); srv.listen(0)",
		"a, b = socket.socketpair()",
		"u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(('127.0.0.1', 0))",
		// Fill srv's accept queue so that a further connect stays in SYN_SENT.
		"q1 = socket.socket(); q1.setblocking(False); q1.connect_ex(srv.getsockname())",
		"q2 = socket.socket(); q2.setblocking(False); q2.connect_ex(srv.getsockname())",
	}
	prompts := p.typeEach(1, setup...)
	cases := []struct{ code, status string }{
		{"srv2 = socket.socket(); srv2.bind(('127.0.0.1', 0)); srv2.listen(); srv2.accept()", `accept\(\) blocking`},
		{"c = socket.socket(); c.connect(srv.getsockname())", `connect\(\) blocking`},
		{"a.recv(10)", `recv\(\) blocking`},
		{"u.recvfrom(10)", `recvfrom\(\) blocking`},
		{"a.recv_into(bytearray(10))", `recv_into\(\) blocking`},
		{"a.sendall(b'x' * 50000000)", `sendall\(\) blocking`},
		{"select.select([a], [], [])", `select\(\) blocking`},
		{"time.sleep(60)", `sleep\(\) blocking`},
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
	// A runaway loop stops too.
	p.line("n = 0")
	p.line("while True:")
	p.line("    n += 1")
	p.line("")
	time.Sleep(300 * time.Millisecond)
	p.keys("C-c")
	prompts += 2
	p.prompts(prompts)
	p.line("n > 0")
	p.waitFor(`^True$`)
	// Everything survived: the pair still talks, the listener still accepts.
	p.line("b.recv(100) != b''")
	p.line("a.send(b'ok') == 2 and len(srv.accept()) == 2")
	p.waitFor(`(?s)True.*True`)
}

// TestTmuxKeysTypedWhileBlockedAreDropped: a line typed while a call
// blocks does not run as a surprise once it returns.
func TestTmuxKeysTypedWhileBlockedAreDropped(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	p.start()
	p.line("s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()")
	p.line("s.accept()")
	p.waitFor(`accept\(\) blocking`)
	p.line("surprise = 1")
	p.keys("C-c")
	p.prompts(3)
	p.line("surprise")
	p.waitFor(`NameError: name 'surprise' is not defined`)
}

// TestTmuxKeysTypedWhileBlockedAreDroppedAfterTimeout: the same when the
// call returns by itself (a timeout) instead of Ctrl-C: SHELL.md promises
// the flush, and the status line's end used to forget the block.
func TestTmuxKeysTypedWhileBlockedAreDroppedAfterTimeout(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	p.start()
	p.line("s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(); s.settimeout(1.5)")
	p.line("s.accept()")
	p.waitFor(`accept\(\) blocking`)
	p.line("surprise = 1")
	p.waitFor(`TimeoutError: timed out`)
	p.prompts(3)
	p.line("surprise")
	p.waitFor(`NameError: name 'surprise' is not defined`)
}

// TestTmuxKeysTypedAfterBlockedCallAreKept: the drop is of keys typed
// while the call blocked, not of a line typed once its result is on the
// screen while the statement goes on (here, computing): that line runs
// next, as in python3. The whole queue used to be flushed when the
// statement ended, which also lost such lines when typed quickly.
func TestTmuxKeysTypedAfterBlockedCallAreKept(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	p.start()
	p.line("s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()")
	p.line("s.getsockname()[1]")
	text := p.waitFor(`^\d+$`)
	port := regexp.MustCompile(`(?m)^(\d+)$`).FindStringSubmatch(text)[1]
	p.line("c, a = s.accept(); n = sum(range(3 * 10**7))")
	p.waitFor(`accept\(\) blocking`)
	conn, err := net.Dial("tcp", "127.0.0.1:"+port)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	p.waitFor(`accept\(\) returned after`)
	p.line("kept = 7")
	p.line("kept * 6")
	p.waitFor(`(?m)^42$`)
}
