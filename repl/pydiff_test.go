package repl

import (
	"os/exec"
	"strings"
	"syscall"
	"testing"
)

// Where sockrepl used to differ from python3 at the edges of a program's
// life. Each case is run by both, and compared.

func needPython(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not installed (.ci/run installs it)")
	}
}

// runBoth runs the same arguments and stdin through python3 and sockrepl,
// and returns stdout, stderr and the wait status of each.
func runBoth(t *testing.T, stdin string, args ...string) (py, sr [2]string, pyStatus, srStatus syscall.WaitStatus) {
	t.Helper()
	run := func(bin string) ([2]string, syscall.WaitStatus) {
		cmd := exec.Command(bin, args...)
		cmd.Stdin = strings.NewReader(stdin)
		var out, errb strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		if _, ok := err.(*exec.ExitError); err != nil && !ok {
			t.Fatal(err)
		}
		return [2]string{out.String(), errb.String()}, cmd.ProcessState.Sys().(syscall.WaitStatus)
	}
	py, pyStatus = run("python3")
	sr, srStatus = run(sockreplBinary(t))
	return
}

func TestExitMessageLikePython(t *testing.T) {
	needPython(t)
	for _, code := range []string{`exit("bye")`, `quit("bye")`, `exit("")`, `exit([1, "a"])`, `exit(None)`, `exit(7)`, `exit(True)`} {
		py, sr, pst, sst := runBoth(t, "", "-c", "print('before')\n"+code+"\nprint('after')")
		if py != sr || pst.ExitStatus() != sst.ExitStatus() {
			t.Errorf("%s: python3 %q %d, sockrepl %q %d", code, py, pst.ExitStatus(), sr, sst.ExitStatus())
		}
	}
	// Line mode too: the message, then the status.
	_, errs, code := runBinary(t, "x = 1\nexit('bye now')\nprint('never')\n")
	if errs != "bye now\n" || code != 1 {
		t.Errorf("line mode: stderr %q, status %d", errs, code)
	}
}

// -c '' runs nothing: it used to start line mode and read stdin.
func TestEmptyCodeRunsNothing(t *testing.T) {
	needPython(t)
	py, sr, pst, sst := runBoth(t, "print('from stdin')\n", "-c", "")
	if py != sr || pst != sst || sr[0] != "" {
		t.Errorf("python3 %q %v, sockrepl %q %v", py, pst, sr, sst)
	}
}

func TestCantOpenFileLikePython(t *testing.T) {
	needPython(t)
	for _, name := range []string{"nosuch.py", "/nonexistent/dir/x.py"} {
		py, sr, pst, sst := runBoth(t, "", name)
		_, pyMsg, _ := strings.Cut(py[1], ": ") // python3's prefix is its own path
		if sr[1] != "sockrepl: "+pyMsg || pst.ExitStatus() != sst.ExitStatus() {
			t.Errorf("%s: python3 %q %d, sockrepl %q %d", name, py[1], pst.ExitStatus(), sr[1], sst.ExitStatus())
		}
	}
}
