package repl

import (
	"os/exec"
	"strings"
	"testing"
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
