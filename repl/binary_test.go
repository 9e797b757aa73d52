package repl

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runBinary feeds stdin to the built command and returns stdout, stderr
// and the exit status.
func runBinary(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(sockreplBinary(t), args...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

func TestLineModeFirstSocketIsFD3(t *testing.T) {
	out, errs, code := runBinary(t, "s = socket.socket()\ns.fileno()\n")
	if out != "3\n" || errs != "" || code != 0 {
		t.Fatalf("got stdout %q stderr %q status %d, want 3", out, errs, code)
	}
}

// TestProgramFileSocketsNumberedAsPython: a program read from a file gets
// fds 3, 4, 5 for its first sockets, as under python3 (reading the file
// must not start anything that takes low descriptors).
func TestProgramFileSocketsNumberedAsPython(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fds.py")
	src := "import socket\na, b, c = socket.socket(), socket.socket(), socket.socket()\nprint(a.fileno(), b.fileno(), c.fileno())\n"
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runBinary(t, "", path)
	if out != "3 4 5\n" || errs != "" || code != 0 {
		t.Fatalf("got stdout %q stderr %q status %d, want 3 4 5", out, errs, code)
	}
}

func TestProgramModeStopsAtFirstException(t *testing.T) {
	out, errs, code := runBinary(t, "", "-c", "print('a')\nx = 1 // 0\nprint('b')\n")
	if out != "a\n" || !strings.HasSuffix(errs, "ZeroDivisionError: integer division or modulo by zero\n") || code != 1 {
		t.Fatalf("got stdout %q stderr %q status %d", out, errs, code)
	}
}

func TestLineModeExitStatus(t *testing.T) {
	_, _, code := runBinary(t, "exit(3)\nprint('never')\n")
	if code != 3 {
		t.Fatalf("exit(3) gave status %d", code)
	}
}

// TestLineModeSIGINT: SIGINT during a blocked call in line mode ends it
// with KeyboardInterrupt, and the lines after it run, as in python3 -i.
func TestLineModeSIGINT(t *testing.T) {
	cmd := exec.Command(sockreplBinary(t))
	cmd.Stdin = strings.NewReader("s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()\nprint('ready', flush=True)\ns.accept()\nprint('after')\n")
	var errb strings.Builder
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 6)
	if _, err := io.ReadFull(out, buf); err != nil || string(buf) != "ready\n" {
		t.Fatalf("read %q, %v", buf, err)
	}
	time.Sleep(100 * time.Millisecond) // let accept() start waiting
	cmd.Process.Signal(syscall.SIGINT)
	rest, _ := io.ReadAll(out)
	err = cmd.Wait()
	if err != nil || string(rest) != "after\n" || errb.String() != "KeyboardInterrupt\n" {
		t.Fatalf("status %v, stdout %q, stderr %q", err, rest, errb.String())
	}
}
