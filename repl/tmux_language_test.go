package repl

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestTmuxCtrlCCaughtByExcept presses Ctrl-C in a blocked accept() inside
// try: except KeyboardInterrupt catches it where the program is, the
// finally clause runs, and the listener is still there afterwards. A
// recv() blocked inside `with` is left by Ctrl-C with the socket closed.
func TestTmuxCtrlCCaughtByExcept(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	p.start()
	p.line("s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()")
	p.line("try:")
	p.line("    s.accept()")
	p.line("except KeyboardInterrupt:")
	p.line("    print('caught by except')")
	p.line("finally:")
	p.line("    print('finally ran')")
	p.line("")
	p.waitFor(`accept\(\) blocking`)
	p.keys("C-c")
	p.waitFor(`(?ms)^caught by except$.*^finally ran$`)
	p.prompts(3)
	if n := p.count(`^KeyboardInterrupt$`); n != 0 {
		t.Fatalf("the interrupt was caught, yet the shell printed KeyboardInterrupt:\n%s", p.capture())
	}
	// The same Ctrl-C does not linger: the next blocking call waits.
	p.line("a, b = socket.socketpair()")
	p.line("with a:")
	p.line("    a.recv(10)")
	p.line("")
	p.waitFor(`recv\(\) blocking`)
	p.keys("C-c")
	p.waitFor(`(?m)^KeyboardInterrupt$`)
	p.prompts(5)
	p.line("a.fileno(), s.fileno() > 0")
	p.waitFor(`\(-1, True\)`)
}

// TestTmuxSecondCtrlCEndsBlockedFinally: a finally clause that blocks
// after the first Ctrl-C is ended by a second one; the shell never hangs.
func TestTmuxSecondCtrlCEndsBlockedFinally(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	p.start()
	p.line("a, b = socket.socketpair()")
	p.line("try:")
	p.line("    a.recv(1)")
	p.line("finally:")
	p.line("    print('in finally')")
	p.line("    b.recv(1)")
	p.line("")
	p.waitFor(`recv\(\) blocking`)
	p.keys("C-c")
	p.waitFor(`(?m)^in finally$`)
	p.waitFor(`recv\(\) blocking`)
	p.keys("C-c")
	p.waitFor(`(?m)^KeyboardInterrupt$`)
	p.line("6 * 7")
	p.waitFor(`(?m)^42$`)
}

// TestProgramCatchesSIGINT runs a program whose blocked accept() is
// interrupted by SIGINT: its except KeyboardInterrupt runs, its finally
// closes the socket, and it exits 0 as python3 does.
func TestProgramCatchesSIGINT(t *testing.T) {
	bin := sockreplBinary(t)
	dir := t.TempDir()
	prog := filepath.Join(dir, "serve.py")
	src := strings.Join([]string{
		"import socket",
		"s = socket.socket()",
		"s.bind(('127.0.0.1', 0))",
		"s.listen()",
		"print('listening', flush=True)",
		"try:",
		"    s.accept()",
		"except KeyboardInterrupt:",
		"    print('stopped by Ctrl-C')",
		"finally:",
		"    s.close()",
		"    print('closed', s.fileno())",
	}, "\n") + "\n"
	if err := os.WriteFile(prog, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, prog)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	buf := make([]byte, 100)
	n, _ := out.Read(buf)
	if !strings.Contains(string(buf[:n]), "listening") {
		t.Fatalf("program said %q", buf[:n])
	}
	time.Sleep(100 * time.Millisecond) // let accept() start waiting
	cmd.Process.Signal(syscall.SIGINT)
	rest := make([]byte, 200)
	m, _ := out.Read(rest)
	more := string(rest[:m])
	for !strings.Contains(more, "closed") {
		k, err := out.Read(rest)
		if err != nil {
			break
		}
		more += string(rest[:k])
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("exit: %v (stdout %q)", err, more)
	}
	if more != "stopped by Ctrl-C\nclosed -1\n" {
		t.Errorf("stdout after SIGINT %q", more)
	}
}

// TestTmuxServerThreadAnswersPrompt starts an echo server in a thread at
// the prompt, then talks to it from the same prompt: the thread runs
// while the prompt waits for input and while the client's recv() waits.
// Ctrl-C then ends a blocked Queue.get() in the main thread only.
func TestTmuxServerThreadAnswersPrompt(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	p.start()
	p.line("import threading, queue")
	p.line("s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()")
	p.line("def serve():")
	p.line("    conn, _ = s.accept()")
	p.line("    with conn:")
	p.line("        while data := conn.recv(1024):")
	p.line("            conn.sendall(data[::-1])")
	p.line("")
	p.line("t = threading.Thread(target=serve, daemon=True); t.start()")
	p.line("c = socket.create_connection(s.getsockname())")
	p.line("c.sendall(b'olleh'); c.recv(100)")
	p.waitFor(`(?m)^b'hello'$`)
	p.line("q = queue.Queue()")
	p.line("q.get()")
	p.waitFor(`get\(\) blocking`)
	p.keys("C-c")
	p.waitFor(`(?m)^KeyboardInterrupt$`)
	// The server thread was not interrupted: it still echoes.
	p.line("c.sendall(b'dlrow'); c.recv(100)")
	p.waitFor(`(?m)^b'world'$`)
	p.line("c.close(); t.join(5); t.is_alive()")
	p.waitFor(`(?m)^False$`)
}

// TestTmuxInput: input() at the terminal shows its prompt, reads the line
// the learner types (echoed), and Ctrl-C ends a pending input().
func TestTmuxInput(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	p.start()
	p.line("name = input('your name? ')")
	p.waitFor(`(?m)^your name\?$`)
	p.line("Ada")
	p.prompts(2)
	p.line("name")
	p.waitFor(`(?m)^'Ada'$`)
	p.line("input('again? ')")
	p.waitFor(`(?m)^again\?$`)
	p.keys("C-c")
	p.waitFor(`(?m)^KeyboardInterrupt$`)
}
