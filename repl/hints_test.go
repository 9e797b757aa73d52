//go:build linux

package repl

import (
	"bufio"
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

// bind on a port another program holds names that program, from the
// kernel's socket list.
func TestHintNamesTheProgramHoldingThePort(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed")
	}
	cmd := exec.Command(py, "-c", `
import socket, sys
s = socket.socket()
s.bind(('127.0.0.1', 0))
s.listen()
print(s.getsockname()[1], flush=True)
sys.stdin.read()
`)
	in, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { in.Close(); cmd.Wait() }()
	var port int
	if _, err := fmt.Fscan(bufio.NewReader(out), &port); err != nil {
		t.Fatal(err)
	}
	s, buf := terminalSession(t)
	s.Exec("s = socket.socket()")
	s.Exec(fmt.Sprintf("s.bind(('127.0.0.1', %d))", port))
	want := fmt.Sprintf("hint: another program holds port %d: python3[%d]. Stop it or pick another port; %%ss %d shows it.", port, cmd.Process.Pid, port)
	if !strings.Contains(buf.String(), want) {
		t.Errorf("got:\n%s\nwant the line:\n%s", buf.String(), want)
	}
}

// %ss names another sockrepl by its role and this shell's sockets by
// their variables.
func TestSsNamesTheOtherSockreplByRole(t *testing.T) {
	cmd := exec.Command(sockreplBinary(t), "--role", "server")
	in, _ := cmd.StdinPipe()
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { in.Close(); cmd.Wait() }()
	fmt.Fprintln(in, "s = socket.socket()\ns.bind(('127.0.0.1', 0))\ns.listen()\nprint(s.getsockname()[1])")
	var port int
	if _, err := fmt.Fscan(bufio.NewReader(out), &port); err != nil {
		t.Fatal(err)
	}
	s, buf := terminalSession(t)
	s.Exec("c = socket.socket()")
	s.Exec(fmt.Sprintf("c.connect(('127.0.0.1', %d))", port))
	buf.Reset()
	s.Exec(fmt.Sprintf("%%ss %d", port))
	text := buf.String()
	server := fmt.Sprintf("sockrepl --role server[%d]", cmd.Process.Pid)
	var listener, mine bool
	for _, l := range strings.Split(text, "\n") {
		listener = listener || strings.Contains(l, "LISTEN") && strings.HasSuffix(l, server)
		mine = mine || strings.Contains(l, "ESTABLISHED") && strings.HasSuffix(l, "this shell: c")
	}
	if !listener || !mine {
		t.Errorf("%%ss should show the listener as %q and the client as \"this shell: c\":\n%s", server, text)
	}
}

// BlockingIOError's hint follows the socket's mode: on a blocking socket
// it came from the call's own MSG_DONTWAIT.
func TestHintForEAGAINFollowsTheMode(t *testing.T) {
	s, buf := terminalSession(t)
	s.Exec("a, b = socket.socketpair()")
	s.Exec("a.recv(5, socket.MSG_DONTWAIT)")
	if want := "hint: the socket is blocking, but MSG_DONTWAIT asked this one call not to wait"; !strings.Contains(buf.String(), want) {
		t.Errorf("blocking socket, got:\n%s", buf.String())
	}
	buf.Reset()
	s.Exec("b.setblocking(False)")
	s.Exec("b.recv(5)")
	if want := "hint: the socket is non-blocking and the call would have to wait"; !strings.Contains(buf.String(), want) {
		t.Errorf("non-blocking socket, got:\n%s", buf.String())
	}
}
