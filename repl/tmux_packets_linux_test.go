package repl

import (
	"regexp"
	"testing"
)

// Packets that arrive while the prompt is idle show at once above it, as
// the live notices do, and the line half typed there is kept. The other
// terminal, a sockrepl with --role server, is named by its role.
func TestTmuxPacketsWhileIdle(t *testing.T) {
	needCapture(t)
	ts := newTmux(t)
	srv, cli := ts.pane("server"), ts.pane("client")
	srv.start("--role", "server")
	cli.start("--role", "client")
	srv.line("s = socket.socket()")
	srv.line("s.bind(('127.0.0.1', 0))")
	srv.line("s.listen()")
	srv.line("s.getsockname()[1]")
	text := srv.waitFor(`^\d+$`)
	port := regexp.MustCompile(`(?m)^(\d+)$`).FindStringSubmatch(text)[1]

	cli.line("%packets on")
	cli.line("c = socket.create_connection(('127.0.0.1', " + port + "))")
	cli.waitFor(`(?m)^ +c → \[server\] +SYN +seq=0 .* c SYN_SENT · \[server\] SYN_RECV$`)
	srv.line("conn, addr = s.accept()")
	srv.prompts(6)
	cli.keys("c.re") // half typed, no Enter
	srv.line("conn.sendall(b'Hello, world')")
	cli.waitFor(`(?m)^ +\[server\] → c +PSH-ACK +seq=1 ack=1 win=\d+ len=12 b'Hello, world' +c ESTABLISHED · \[server\] ESTABLISHED$`)
	cli.waitFor(`(?m)^● c: 12 bytes arrived in the receive buffer$`)
	cli.waitFor(`(?m)^\[client\] >>> c\.re$`) // drawn again below what was printed
	cli.keys("cv(100)", "Enter")
	cli.waitFor(`^b'Hello, world'$`)
	if n := cli.count("PSH-ACK"); n != 1 {
		t.Errorf("the data segment shows %d times:\n%s", n, cli.capture())
	}
}
