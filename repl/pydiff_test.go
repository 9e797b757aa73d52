package repl

import (
	"bufio"
	"io"
	"os/exec"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Where sockrepl used to differ from python3 at the edges of a program's
// life: exit messages, an empty -c, signals, a missing file. Each case is
// run by both, and compared.

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
	for _, code := range []string{`exit("bye")`, `quit("bye")`, `exit("")`, `exit([1, "a"])`, `exit(None)`, `exit(7)`, `exit(True)`, `exit(2**70)`, `exit(-2**70)`, `exit(2**40 + 3)`} {
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

// An empty -c runs nothing: it used to start line mode and read stdin.
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

// signalled starts bin with args, waits for "ready" on stdout, sends sig
// (through the shell command `prefix`, when set, for inherited dispositions),
// and returns the rest of stdout, stderr and the wait status.
func signalled(t *testing.T, prefix []string, bin string, sig syscall.Signal, args ...string) (string, string, syscall.WaitStatus) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	if prefix != nil {
		cmd = exec.Command(prefix[0], append(append(prefix[1:], bin), args...)...)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var errb strings.Builder
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(out)
	if line, err := r.ReadString('\n'); line != "ready\n" {
		t.Fatalf("%s: read %q, %v", bin, line, err)
	}
	cmd.Process.Signal(sig)
	rest, _ := io.ReadAll(r)
	cmd.Wait()
	return string(rest), errb.String(), cmd.ProcessState.Sys().(syscall.WaitStatus)
}

// An uncaught KeyboardInterrupt ends the program by SIGINT, as python3
// does, so that a shell loop running it stops too (it used to exit 130).
func TestUncaughtSIGINTEndsBySignal(t *testing.T) {
	needPython(t)
	if signal.Ignored(syscall.SIGINT) {
		t.Skip("SIGINT is ignored in this test process, and so in its children")
	}
	prog := "import time\nprint('ready', flush=True)\ntime.sleep(30)\nprint('never')\n"
	for _, bin := range []string{"python3", sockreplBinary(t)} {
		out, errs, st := signalled(t, nil, bin, syscall.SIGINT, "-c", prog)
		if out != "" || !st.Signaled() || st.Signal() != syscall.SIGINT || !strings.HasSuffix(errs, "KeyboardInterrupt\n") {
			t.Errorf("%s: stdout %q, stderr %q, status %v", bin, out, errs, st)
		}
	}
}

// A SIGINT ignored by whoever started the program stays ignored.
func TestInheritedIgnoredSIGINT(t *testing.T) {
	needPython(t)
	prog := "import time\nprint('ready', flush=True)\ntime.sleep(1)\nprint('done')\n"
	ignore := []string{"sh", "-c", `trap "" INT; exec "$@"`, "sh"}
	for _, bin := range []string{"python3", sockreplBinary(t)} {
		out, errs, st := signalled(t, ignore, bin, syscall.SIGINT, "-c", prog)
		if out != "done\n" || errs != "" || st.ExitStatus() != 0 {
			t.Errorf("%s: stdout %q, stderr %q, status %v", bin, out, errs, st)
		}
	}
}

// In line mode a SIGINT while input is awaited drops the half-read block,
// prints KeyboardInterrupt and reads on, as python3 -i does; one during a
// statement ends that statement and reading goes on too.
func TestLineModeSIGINTWhileReading(t *testing.T) {
	needPython(t)
	if signal.Ignored(syscall.SIGINT) {
		t.Skip("SIGINT is ignored in this test process, and so in its children")
	}
	run := func(bin string, args ...string) (string, string, int) {
		cmd := exec.Command(bin, args...)
		in, _ := cmd.StdinPipe()
		out, _ := cmd.StdoutPipe()
		var errb syncBuffer
		cmd.Stderr = &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		r := bufio.NewReader(out)
		var rest strings.Builder
		var wg sync.WaitGroup
		wg.Add(1)
		lines := make(chan string, 10)
		go func() {
			defer wg.Done()
			for {
				l, err := r.ReadString('\n')
				if l != "" {
					lines <- l
				}
				if err != nil {
					close(lines)
					return
				}
			}
		}()
		// interruptIdle sends SIGINT until the n-th KeyboardInterrupt shows:
		// one that lands as a statement ends is lost, as in python3.
		interruptIdle := func(n int) {
			deadline := time.Now().Add(15 * time.Second)
			for strings.Count(errb.String(), "KeyboardInterrupt") < n {
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatalf("%s: no KeyboardInterrupt after SIGINT at the prompt; stderr %q", bin, errb.String())
				}
				cmd.Process.Signal(syscall.SIGINT)
				time.Sleep(100 * time.Millisecond)
			}
		}
		next := func() string {
			select {
			case l := <-lines:
				return l
			case <-time.After(15 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("%s: no output; stderr %q", bin, errb.String())
			}
			return ""
		}
		io.WriteString(in, "print('a', flush=True)\nfor i in range(2):\n")
		rest.WriteString(next())
		time.Sleep(200 * time.Millisecond) // let print('a') end: this SIGINT is for the "..." prompt
		interruptIdle(1)
		io.WriteString(in, "    print(i)\n\nprint('b', flush=True)\nimport time\nprint('c', flush=True); time.sleep(30)\nprint('d')\n")
		rest.WriteString(<-lines)
		rest.WriteString(next())
		time.Sleep(200 * time.Millisecond) // let sleep() start
		cmd.Process.Signal(syscall.SIGINT)
		in.Close()
		wg.Wait()
		for l := range lines {
			rest.WriteString(l)
		}
		cmd.Wait()
		return rest.String(), errb.String(), cmd.ProcessState.ExitCode()
	}
	pyOut, pyErr, pyCode := run("python3", "-i", "-q")
	out, errs, code := run(sockreplBinary(t))
	if out != pyOut || code != pyCode || out != "a\nb\nc\nd\n" {
		t.Errorf("python3: %q %d; sockrepl: %q %d", pyOut, pyCode, out, code)
	}
	for _, want := range []string{"IndentationError: unexpected indent", "KeyboardInterrupt"} {
		if !strings.Contains(pyErr, want) || !strings.Contains(errs, want) {
			t.Errorf("want %q in both stderrs:\npython3 %q\nsockrepl %q", want, pyErr, errs)
		}
	}
	if n := strings.Count(errs, "KeyboardInterrupt"); n != 2 {
		t.Errorf("%d KeyboardInterrupt lines, want 2: %q", n, errs)
	}
}
