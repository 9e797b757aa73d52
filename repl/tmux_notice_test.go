package repl

import (
	"regexp"
	"testing"
)

// Live notices: with two sockrepls in two panes, what the client pane
// does shows in the server pane while its prompt is idle, without Enter,
// above the prompt, and the line half typed there is kept.
func TestTmuxLiveNoticesKeepTheTypedLine(t *testing.T) {
	ts := newTmux(t)
	srv, cli := ts.pane("server"), ts.pane("client")
	srv.start("--role", "server")
	cli.start("--role", "client")
	// The banner shows with --role too.
	srv.waitFor(`^sockrepl \(server\): Python-style sockets on live system calls\.`)
	srv.line("s = socket.socket()")
	srv.line("s.bind(('127.0.0.1', 0))")
	srv.line("s.listen()")
	srv.line("s.getsockname()[1]")
	text := srv.waitFor(`^\d+$`)
	port := regexp.MustCompile(`(?m)^(\d+)$`).FindStringSubmatch(text)[1]
	srv.prompts(5)

	srv.keys("conn, addr = s.acc") // half typed, no Enter
	cli.line("c = socket.socket()")
	cli.line("c.connect(('127.0.0.1', " + port + "))")
	srv.waitFor(`(?m)^● s: 1 connection waiting in the accept queue\n\[server\] >>> conn, addr = s\.acc$`)

	srv.keys("ept()", "Enter")
	srv.prompts(6)
	srv.keys("conn.re") // half typed again
	cli.line("c.sendall(b'Hello, world')")
	srv.waitFor(`(?m)^● conn: 12 bytes arrived in the receive buffer\n\[server\] >>> conn\.re$`)
	cli.line("c.close()")
	srv.waitFor(`(?m)^● conn: peer closed its end: recv\(\) will return b''\n\[server\] >>> conn\.re$`)
	srv.keys("cv(1024)", "Enter")
	srv.waitFor(`^b'Hello, world'$`)
	// Each notice was printed once.
	for _, n := range []string{`● s: 1 connection`, `● conn: 12 bytes`, `● conn: peer closed`} {
		if c := srv.count(n); c != 1 {
			t.Errorf("%q shows %d times:\n%s", n, c, srv.capture())
		}
	}
}
