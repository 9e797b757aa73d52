package repl

import (
	"fmt"
	"regexp"
	"testing"
)

// serveEcho types an echo server into a sockrepl pane and returns its port.
func serveEcho(t *testing.T, p *tmuxPane) string {
	t.Helper()
	p.line("s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)")
	p.line("s.bind(('127.0.0.1', 0))")
	p.line("s.listen()")
	p.line("s.getsockname()[1]")
	text := p.waitFor(`^\d+$`)
	port := regexp.MustCompile(`(?m)^(\d+)$`).FindStringSubmatch(text)[1]
	p.line("conn, addr = s.accept()")
	p.waitFor(`accept\(\) blocking on fd`)
	return port
}

// echoLoop types the server's loop; it runs once a client is connected.
func echoLoop(p *tmuxPane) {
	p.line("while True:")
	p.line("    data = conn.recv(1024)")
	p.line("    if not data:")
	p.line("        break")
	p.line("    conn.sendall(data)")
	p.line("")
}

func TestTmuxEchoBetweenTwoPanes(t *testing.T) {
	ts := newTmux(t)
	server, client := ts.pane("server"), ts.pane("client")
	server.start("--role", "server")
	client.start("--role", "client")
	port := serveEcho(t, server)

	client.line(fmt.Sprintf("c = socket.create_connection(('127.0.0.1', %s))", port))
	server.waitFor(`accept\(\) returned after`)
	echoLoop(server)
	client.line("c.sendall(b'Hello, world')")
	client.line("c.recv(1024)")
	client.waitFor(`^b'Hello, world'$`)
	// The two ends mirror each other: the client's laddr is the server's raddr.
	client.line("c.getsockname()[1]")
	text := client.waitFor(`^\d+$`)
	cport := regexp.MustCompile(`(?m)^(\d+)$`).FindAllStringSubmatch(text, -1)
	last := cport[len(cport)-1][1]
	client.line("c.close()")
	server.waitFor(`\[server\] >>>$`)
	server.line("addr[1]")
	server.waitFor("^" + last + "$")
}

func TestTmuxServesPythonEchoClient(t *testing.T) {
	ts := newTmux(t)
	server, shell := ts.pane("server"), ts.pane("shell")
	server.start()
	port := serveEcho(t, server)
	shell.line("python3 ../sockets/testdata/echo_client.py " + port + " hello 3")
	server.waitFor(`accept\(\) returned after`)
	echoLoop(server)
	server.line("conn.close()")
	shell.waitFor(`^15 b'hellohellohello'$`)
}

// TestTmuxEnterShowsPeerChanges: Enter on an empty line reports what the
// other terminal did meanwhile.
func TestTmuxEnterShowsPeerChanges(t *testing.T) {
	ts := newTmux(t)
	server, client := ts.pane("server"), ts.pane("client")
	server.start()
	client.start()
	server.line("s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()")
	server.line("s.getsockname()[1]")
	text := server.waitFor(`^\d+$`)
	port := regexp.MustCompile(`(?m)^(\d+)$`).FindStringSubmatch(text)[1]
	client.line("c = socket.create_connection(('127.0.0.1', " + port + "))")
	client.prompts(2)
	server.line("")
	server.waitFor(`● s: 1 connection waiting in the accept queue`)
}
