package repl

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// writeDemo writes a demo file into the tmux server's home.
func writeDemo(t *testing.T, ts *tmuxServer, name, src string) string {
	t.Helper()
	path := filepath.Join(ts.home, name)
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestTmuxDemoThreeEnters: a three-statement demo (one a block with a
// blank line inside) runs with three Enters and nothing typed; each
// statement is at the prompt with its comments above and its place in
// the prompt.
func TestTmuxDemoThreeEnters(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	path := writeDemo(t, ts, "three.py", "# Make a number.\nx = 6 * 7\n# Look at it.\nx\nfor i in range(2):\n    print('line', i)\n\n    print('again', i)\n")
	p.line(sockreplBinary(t) + " --no-color --demo " + path)
	p.waitFor(`(?s)# Make a number\.\n\(1/3\) >>> x = 6 \* 7$`)
	p.keys("Enter")
	p.waitFor(`(?s)# Look at it\.\n\(2/3\) >>> x$`)
	p.keys("Enter")
	p.waitFor(`(?s)^42\n\(3/3\) >>> for i in range\(2\):\n    print\('line', i\)\n\n    print\('again', i\)$`)
	p.keys("Enter")
	text := p.waitFor(`(?s)line 0\nagain 0\nline 1\nagain 1\nend of the demo\n>>>$`)
	// Drawn once: a multi-line statement leaves no copies on the screen.
	if n := strings.Count(text, "print('again', i)"); n != 1 {
		t.Fatalf("the block shows %d times:\n%s", n, text)
	}
}

// TestTmuxDemoAsideAndBack: Ctrl-C sets the statement aside for one
// statement of the teacher's own, then it comes back; %demo back shows
// the previous one again, %demo skip passes one by, an edited statement
// runs as edited.
func TestTmuxDemoAsideAndBack(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	path := writeDemo(t, ts, "four.py", "a = 1\nb = 2\nc = 3\nprint(a, b, c)\n")
	p.line(sockreplBinary(t) + " --no-color --demo " + path)
	p.waitFor(`\(1/4\) >>> a = 1$`)
	p.keys("C-c")
	p.waitFor(`KeyboardInterrupt\n\(1/4\) >>>$`)
	p.line("mine = 'typed'")
	p.waitFor(`\(1/4\) >>> a = 1$`) // back at the next prompt
	p.keys("BSpace", "7", "Enter")  // edited: a = 7
	p.waitFor(`\(2/4\) >>> b = 2$`)
	p.keys("C-u")
	p.line("%demo skip")
	p.waitFor(`\(3/4\) >>> c = 3$`)
	p.keys("C-u")
	p.line("%demo back")
	p.waitFor(`\(2/4\) >>> b = 2$`)
	p.keys("Enter")
	p.waitFor(`\(3/4\) >>> c = 3$`)
	p.keys("Enter")
	p.waitFor(`\(4/4\) >>> print\(a, b, c\)$`)
	p.keys("Enter")
	p.waitFor(`(?s)^7 2 3\nend of the demo\n>>>$`)
	p.line("mine")
	p.waitFor(`^'typed'$`)
}

// TestTmuxDemoTwoRoles: a two-role demo in two panes. Each plays the
// common part and its own sections; a section that waits for the other
// role says so, and goes on once the other terminal has run its part.
func TestTmuxDemoTwoRoles(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	ts := newTmux(t)
	path := writeDemo(t, ts, "two.py", fmt.Sprintf(`PORT = %d
# --- server ---
s = socket.socket()
s.bind(('127.0.0.1', PORT)); s.listen()
# --- client (after server) ---
c = socket.create_connection(('127.0.0.1', PORT))
c.sendall(b'Hello, world')
# --- server (after client) ---
conn, addr = s.accept()
conn.recv(1024)
`, port))
	server, client := ts.pane("server"), ts.pane("client")
	bin := sockreplBinary(t)
	server.line(bin + " --no-color --role server --demo " + path)
	client.line(bin + " --no-color --role client --demo " + path)
	server.waitFor(`\[server\] \(1/5\) >>> PORT = \d+$`)
	client.waitFor(`\[client\] \(1/3\) >>> PORT = \d+$`)
	client.keys("Enter")
	// The client's section waits for the server's.
	client.waitFor(`waiting for the server terminal · [\d.]+ s · Ctrl-C interrupts`)
	server.keys("Enter")
	server.waitFor(`\(2/5\) >>> s = socket\.socket\(\)$`)
	server.keys("Enter")
	server.waitFor(`\(3/5\) >>> s\.bind`)
	server.keys("Enter")
	server.waitFor(`waiting for the client terminal · [\d.]+ s · Ctrl-C interrupts`)
	client.waitFor(`(?s)waited [\d.]+ s\n\[client\] \(2/3\) >>> c = socket\.create_connection\(\('127\.0\.0\.1', PORT\)\)$`)
	client.keys("Enter")
	client.waitFor(`\(3/3\) >>> c\.sendall\(b'Hello, world'\)$`)
	client.keys("Enter")
	client.waitFor(`end of the demo`)
	server.waitFor(`\(4/5\) >>> conn, addr = s\.accept\(\)$`)
	server.keys("Enter")
	server.waitFor(`\(5/5\) >>> conn\.recv\(1024\)$`)
	server.keys("Enter")
	server.waitFor(`(?s)^b'Hello, world'\nend of the demo`)
}

// TestTmuxDemoWaitInterrupted: Ctrl-C ends a wait for a terminal that
// never comes; the statement is then at the prompt for the teacher.
func TestTmuxDemoWaitInterrupted(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	path := writeDemo(t, ts, "wait.py", "# --- server ---\nx = 1\n# --- client (after server) ---\ny = 2\n")
	p.line(sockreplBinary(t) + " --no-color --role client --demo " + path)
	p.waitFor(`waiting for the server terminal`)
	p.keys("C-c")
	p.waitFor(`(?s)stopped waiting for the server terminal\n\[client\] \(1/1\) >>> y = 2$`)
	p.keys("Enter")
	p.waitFor(`end of the demo`)
}

// sgr lists the parameters of every SGR sequence in text, one by one.
func sgr(text string) map[string]bool {
	params := map[string]bool{}
	for _, m := range regexp.MustCompile("\x1b\\[([0-9;:]*)m").FindAllStringSubmatch(text, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			params[strings.TrimLeft(p, "0")] = true
		}
	}
	return params
}

// TestTmuxProjectorTheme: with --theme projector, a screen holding an
// exception, its hint, a notice, a status line, lesson text, a demo
// comment and the completion menu has no faint text (SGR 2) and no cyan
// (36, 46); the default theme has both, so the check can fail.
func TestTmuxProjectorTheme(t *testing.T) {
	ts := newTmux(t)
	path := writeDemo(t, ts, "one.py", "# A talking point.\ns = socket.socket()\n")
	for _, theme := range []string{"default", "projector"} {
		p := ts.pane(theme)
		p.line("SOCKREPL_THEME=" + theme + " " + sockreplBinary(t) + " --demo " + path)
		p.waitFor(`\(1/1\) >>> s = socket\.socket\(\)$`)
		p.keys("Enter")
		p.waitFor(`end of the demo`)
		p.line("%lesson 1 server")
		p.waitFor(`Step \d+/`)
		p.line("s.connect(('127.0.0.1', 1))")
		p.waitFor(`ConnectionRefusedError`)
		p.line("l = socket.socket(); l.bind(('127.0.0.1', 0)); l.listen()")
		p.line("c = socket.create_connection(l.getsockname())")
		p.waitFor(`l: 1 connection waiting`)
		p.line("c.recv(1)")
		p.waitFor(`recv\(\) blocking`)
		screen := ts.run("capture-pane", "-p", "-e", "-t", p.target)
		p.keys("C-c")
		p.waitFor(`KeyboardInterrupt`)
		p.keys("socket.AF_IN")
		p.waitFor(`AF_INET6`)
		screen += ts.run("capture-pane", "-p", "-e", "-t", p.target)
		got := sgr(screen)
		faded := got["2"] || got["36"] || got["46"]
		if theme == "projector" && faded {
			t.Errorf("projector theme: SGR %v on the screen:\n%q", got, screen)
		}
		if theme == "default" && !faded {
			t.Errorf("default theme: no faint or cyan at all (%v): the test looks at the wrong screen:\n%q", got, screen)
		}
		if theme == "projector" && !got["1"] {
			t.Errorf("projector theme: no bold (%v):\n%q", got, screen)
		}
	}
}

// TestTmuxDemoDumbTerminal: without cursor control (TERM=dumb) the
// statement is shown above the prompt, Enter on an empty line runs it,
// and a line typed instead runs and leaves the statement for later.
func TestTmuxDemoDumbTerminal(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	path := writeDemo(t, ts, "two.py", "# First.\nx = 6 * 7\nx\n")
	p.line("TERM=dumb " + sockreplBinary(t) + " --demo " + path)
	p.waitFor(`(?s)# First\.\n  >>> x = 6 \* 7\n\(1/2\) >>>$`)
	p.keys("Enter")
	p.waitFor(`(?s)  >>> x\n\(2/2\) >>>$`)
	p.line("x = 1")
	p.waitFor(`(?s)\(2/2\) >>> x = 1\n  >>> x\n\(2/2\) >>>$`)
	p.keys("Enter")
	p.waitFor(`(?s)^1\nend of the demo\n>>>$`)
}
