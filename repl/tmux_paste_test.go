package repl

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestTmuxPasteBlock pastes a multi-line block and a statement after it
// in one go: every line runs, as if typed.
func TestTmuxPasteBlock(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	p.start()
	buf := filepath.Join(ts.home, "paste.txt")
	text := "total = 0\nfor i in range(3):\n    total += i\n    i\n\nprint('total', total)\n"
	if err := os.WriteFile(buf, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	ts.run("load-buffer", buf)
	ts.run("paste-buffer", "-t", p.target)
	p.waitFor(`(?s)^0\n1\n2\n.*^total 3$`)
}

// TestTmuxColour: errors are red by default; NO_COLOR and --no-color turn
// every colour off, go-prompt's own included.
func TestTmuxColour(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	bin := sockreplBinary(t)
	p.line(bin)
	p.waitFor(`>>>$`)
	p.line("nosuchname")
	p.waitFor(`NameError`)
	colored := ts.run("capture-pane", "-p", "-e", "-t", p.target)
	if !strings.Contains(colored, "\x1b[31m") {
		t.Errorf("no red in the pane with colour on:\n%q", colored)
	}
	p.keys("C-d")
	p.waitFor(`^\$$`)
	p.line("clear; NO_COLOR=1 " + bin)
	p.waitFor(`>>>$`)
	p.line("nosuchname")
	p.waitFor(`NameError`)
	plain := ts.run("capture-pane", "-p", "-e", "-t", p.target)
	if strings.Contains(plain, "\x1b[3") || strings.Contains(plain, "\x1b[4") {
		t.Errorf("colour codes with NO_COLOR set:\n%q", plain)
	}
}

// TestSaveRunsInPython: %save writes a script python3 runs as it is.
func TestSaveRunsInPython(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not installed (.ci/run installs it)")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "saved.py")
	in := strings.Join([]string{
		"from socket import *",
		"a, b = socketpair()",
		"a.sendall(b'Hello, world')",
		"nosuch.method()",
		"data = b.recv(1024)",
		"for i in range(2):",
		"    a.send(struct.pack('!H', i))",
		"",
		"print(data, len(b.recv(10)))",
		"%save " + file,
		"",
	}, "\n")
	out, errs, code := runBinary(t, in)
	if code != 0 || !strings.Contains(out, "b'Hello, world' 4") {
		t.Fatalf("sockrepl: status %d, stdout %q, stderr %q", code, out, errs)
	}
	// The session echoed what each send() returned; the script prints it.
	py, err := exec.Command("python3", file).CombinedOutput()
	if err != nil || string(py) != "2\n2\nb'Hello, world' 4\n" {
		saved, _ := os.ReadFile(file)
		t.Fatalf("python3 %s: %v\n%s\nthe file:\n%s", file, err, py, saved)
	}
}

// TestTmuxPaste5000Lines: a paste of 5,000 statements runs every one, in
// order. go-prompt slept 10 ms per key read, so this took two minutes and
// the pane helper gave up; docs/BENCHMARKS.md has the time it takes now.
func TestTmuxPaste5000Lines(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	p.start()
	pasteLines(t, ts, p, 5000, "once")
	p.line("total, n")
	p.waitFor(`^\(12497500, 4999\)$`)
}

// pasteLines pastes n statements that count into total, and waits until
// the last has run (it prints tag).
func pasteLines(t testing.TB, ts *tmuxServer, p *tmuxPane, n int, tag string) {
	var b strings.Builder
	b.WriteString("total = 0\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "n = %d; total += n\n", i)
	}
	buf := filepath.Join(ts.home, "paste.txt")
	if err := os.WriteFile(buf, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	ts.run("load-buffer", buf)
	ts.run("paste-buffer", "-t", p.target)
	p.line(fmt.Sprintf("print('pasted', n, %q)", tag))
	p.waitFor(fmt.Sprintf(`^pasted %d %s$`, n-1, tag))
}

// BenchmarkTmuxPaste5000Lines measures a paste of 5,000 statements into
// the shell in a tmux pane, from paste-buffer to the last one's output.
func BenchmarkTmuxPaste5000Lines(b *testing.B) {
	ts := newTmux(b)
	p := ts.pane("a")
	p.start()
	for i := 0; i < b.N; i++ {
		pasteLines(b, ts, p, 5000, fmt.Sprint("run", i))
	}
}

// TestTmuxUnknownKeysAndBracketedPaste: F-keys and Alt-keys go-prompt does
// not know are ignored (they inserted "?[24~", "?x"), and a bracketed
// paste runs line by line with its tabs as indentation (Tab used to
// complete, and the markers became text).
func TestTmuxUnknownKeysAndBracketedPaste(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	p.start()
	p.keys("x = 4", "F12", "M-x", "F5", "F1", "M-Enter")
	p.keys("0", "Enter")
	p.prompts(2)
	p.line("x")
	p.waitFor(`^40$`)
	buf := filepath.Join(ts.home, "tabs.txt")
	text := "total = 0\nfor i in range(3):\n\tif i:\n\t\ttotal += i\n\ntotal * 10\n"
	if err := os.WriteFile(buf, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	ts.run("load-buffer", buf)
	ts.run("paste-buffer", "-p", "-t", p.target)
	p.waitFor(`^30$`)
	if c := p.capture(); strings.Contains(c, "[24~") || strings.Contains(c, "[200~") || strings.Contains(c, "Error") {
		t.Fatalf("pane:\n%s", c)
	}
}

// TestTmuxPasteSession: a session copied with its >>> and ... prompts
// (from the Python docs, the socket HOWTO, a lesson) runs as if typed
// without them, and prints what python3 prints for the same code; the
// output lines copied with it are skipped.
func TestTmuxPasteSession(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not installed (.ci/run installs it)")
	}
	code := "import socket, struct\n" +
		"data = struct.pack('!HH', 1, 2)\n" +
		"data\n" +
		"for n in struct.unpack('!HH', data):\n" +
		"    print('n =', n)\n" +
		"\n" +
		"a, b = socket.socketpair()\n" +
		"a.sendall(data)\n" +
		"b.recv(1024)\n" +
		"len(data) * 10\n"
	py := exec.Command("python3", "-i", "-q")
	py.Stdin = strings.NewReader(code)
	want, err := py.Output()
	if err != nil {
		t.Fatal(err)
	}
	// The paste: prompts, and stale output lines that must not show.
	paste := "  >>> import socket, struct\n" +
		"  >>> data = struct.pack('!HH', 1, 2)\n" +
		"  >>> data\n" +
		"  OLD OUTPUT 1\n" +
		"  >>> for n in struct.unpack('!HH', data):\n" +
		"  ...     print('n =', n)\n" +
		"  ...\n" +
		"  OLD OUTPUT 2\n" +
		"  >>> a, b = socket.socketpair()\n" +
		"  >>> a.sendall(data)\n" +
		"  >>> b.recv(1024)\n" +
		"  OLD OUTPUT 3\n" +
		"  >>> len(data) * 10\n" +
		"  OLD OUTPUT 4\n"
	ts := newTmux(t)
	p := ts.pane("a")
	p.start()
	buf := filepath.Join(ts.home, "session.txt")
	if err := os.WriteFile(buf, []byte(paste), 0o644); err != nil {
		t.Fatal(err)
	}
	ts.run("load-buffer", buf)
	ts.run("paste-buffer", "-p", "-t", p.target)
	p.waitFor(`^40$`)
	p.line("print('done')")
	screen := p.waitFor(`^done$`)
	var printed []string
	for _, l := range strings.Split(screen, "\n") {
		// Prompts, the shell's own lines and its notices (●) are not
		// program output.
		if !strings.HasPrefix(l, ">>>") && !strings.HasPrefix(l, "...") && !strings.HasPrefix(l, "$") &&
			!strings.HasPrefix(l, "sockrepl:") && !strings.HasPrefix(l, "●") && l != "done" {
			printed = append(printed, l+"\n")
		}
	}
	if strings.Join(printed, "") != string(want) || strings.Contains(screen, "OLD") || strings.Contains(screen, "Error") {
		t.Fatalf("the pane printed:\n%s\npython3 printed:\n%s\nthe pane:\n%s", strings.Join(printed, ""), want, screen)
	}
}
