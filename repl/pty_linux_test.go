package repl

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// ptyRun is sockrepl running on a pseudo-terminal the test opened itself,
// for what tmux cannot set up: a terminal that reports a 0x0 window.
type ptyRun struct {
	t      *testing.T
	master *os.File
	cmd    *exec.Cmd
	mu     sync.Mutex
	out    strings.Builder
	done   chan struct{}
	gate   sync.Mutex // held while reading is paused
}

// pause stops (or resumes) reading the terminal, as a slow terminal would:
// the program's writes then block.
func (r *ptyRun) pause(on bool) {
	if on {
		r.gate.Lock()
	} else {
		r.gate.Unlock()
	}
}

// openPTY returns a new pty's master and the path of its slave. A new pty
// reports a window of 0 rows and 0 columns until someone sets one.
func openPTY(t *testing.T) (*os.File, string) {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no /dev/ptmx: %v", err)
	}
	if err := unix.IoctlSetPointerInt(int(master.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		t.Fatal(err)
	}
	n, err := unix.IoctlGetInt(int(master.Fd()), unix.TIOCGPTN)
	if err != nil {
		t.Fatal(err)
	}
	return master, fmt.Sprintf("/dev/pts/%d", n)
}

// startPTY runs sockrepl with args on a fresh pty as its controlling
// terminal, with HOME and the state directory in a temporary directory.
func startPTY(t *testing.T, env []string, args ...string) *ptyRun {
	t.Helper()
	master, slavePath := openPTY(t)
	slave, err := os.OpenFile(slavePath, os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	cmd := exec.Command(sockreplBinary(t), args...)
	cmd.Env = append([]string{"HOME=" + home, "XDG_STATE_HOME=" + home, "LANG=C.UTF-8", "PATH=" + os.Getenv("PATH")}, env...)
	if !strings.Contains(strings.Join(env, " "), "TERM=") {
		cmd.Env = append(cmd.Env, "TERM=xterm-256color")
	}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = slave, slave, slave
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Ctty: 0}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	slave.Close()
	r := &ptyRun{t: t, master: master, cmd: cmd, done: make(chan struct{})}
	go func() {
		defer close(r.done)
		buf := make([]byte, 4096)
		for {
			r.gate.Lock()
			r.gate.Unlock()
			n, err := master.Read(buf)
			r.mu.Lock()
			r.out.Write(buf[:n])
			r.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		master.Close()
		<-r.done
	})
	return r
}

func (r *ptyRun) text() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.out.String()
}

// waitFor polls the output until the pattern matches, failing after 15 s.
func (r *ptyRun) waitFor(pattern string) {
	r.t.Helper()
	re := regexp.MustCompile(pattern)
	deadline := time.Now().Add(30 * time.Second)
	for !re.MatchString(r.text()) {
		if time.Now().After(deadline) {
			r.t.Fatalf("never saw %q; the terminal got:\n%q", pattern, r.text())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (r *ptyRun) send(s string) {
	r.t.Helper()
	if _, err := r.master.WriteString(s); err != nil {
		r.t.Fatal(err)
	}
}

// wait returns the exit status once the program has ended.
func (r *ptyRun) wait() int {
	r.t.Helper()
	done := make(chan error, 1)
	go func() { done <- r.cmd.Wait() }()
	select {
	case err := <-done:
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode()
		}
		if err != nil {
			r.t.Fatal(err)
		}
		return 0
	case <-time.After(15 * time.Second):
		r.t.Fatalf("sockrepl did not exit; the terminal got:\n%q", r.text())
	}
	return -1
}

// TestPTYZeroSizeWindow: a terminal that reports 0x0 (script, some
// `docker exec -t`, serial lines) is taken as 80x24; it used to crash the
// shell at start with an integer division by zero.
func TestPTYZeroSizeWindow(t *testing.T) {
	r := startPTY(t, nil)
	r.waitFor(`>>> `)
	r.send("6 * 7\r")
	r.waitFor(`42`)
	r.send("s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(); s.settimeout(0.6)\r")
	r.send("s.accept()\r")
	r.waitFor(`TimeoutError[\s\S]*>>> `) // the prompt is back: keys typed earlier are dropped
	r.send("\x04")
	if code := r.wait(); code != 0 {
		t.Fatalf("status %d; the terminal got:\n%q", code, r.text())
	}
	if strings.Contains(r.text(), "internal error") || strings.Contains(r.text(), "too small") {
		t.Fatalf("the terminal got:\n%q", r.text())
	}
}

// TestPTYNonUTF8Locale: in a locale that is not UTF-8 (zh_CN.GB18030) the
// shell speaks English and writes ASCII only, status line included: it
// used to write Chinese and symbols as UTF-8, garbage on such a terminal.
func TestPTYNonUTF8Locale(t *testing.T) {
	for _, env := range [][]string{{"LANG=zh_CN.GB18030"}, {"LANG=C.UTF-8", "LC_ALL=zh_CN.GBK"}} {
		r := startPTY(t, env)
		unix.IoctlSetWinsize(int(r.master.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 24, Col: 200})
		r.waitFor(`>>> `)
		r.send("s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(); s.settimeout(0.8)\r")
		r.send("s.accept()\r")
		r.waitFor(`TimeoutError[\s\S]*>>> `) // the prompt is back: keys typed earlier are dropped
		r.send("%lesson 1 server\r")
		r.waitFor(`Step 1/`)
		r.send("\x04")
		r.wait()
		out := r.text()
		for i := 0; i < len(out); i++ {
			if out[i] >= 0x80 {
				t.Fatalf("%v: a byte that is not ASCII at %d: %q", env, i, out[max(0, i-40):min(len(out), i+40)])
			}
		}
		for _, want := range []string{"Python-style sockets", "accept() blocking on fd 3 - 127.0.0.1:", "accept() failed after"} {
			if !strings.Contains(out, want) {
				t.Errorf("%v: no %q in:\n%q", env, want, out)
			}
		}
	}
}

// TestPTYDumbTerminal: with TERM=dumb (an Emacs shell buffer) the shell
// writes no escape sequence at all: prompts, results, notices and the
// status line come as plain lines; go-prompt used to draw there with
// cursor movements.
func TestPTYDumbTerminal(t *testing.T) {
	r := startPTY(t, []string{"TERM=dumb"})
	unix.IoctlSetWinsize(int(r.master.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 24, Col: 120})
	r.waitFor(`>>> $`)
	r.send("6 * 7\n")
	r.waitFor(`42\r\n>>> $`)
	r.send("for i in range(2):\n")
	r.waitFor(`\.\.\. $`)
	r.send("    i\n")
	r.send("\n")
	r.waitFor(`0\r\n1\r\n>>> $`)
	r.send("s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen(); s.settimeout(0.8)\n")
	r.send("s.accept()\n")
	r.waitFor(`TimeoutError: timed out`)
	r.send("\x03") // Ctrl-C at the prompt: SIGINT, the line is dropped
	r.waitFor(`KeyboardInterrupt\r\n>>> $`)
	r.send("\x04")
	if code := r.wait(); code != 0 {
		t.Fatalf("status %d:\n%q", code, r.text())
	}
	out := r.text()
	if strings.Contains(out, "\x1b") {
		t.Fatalf("an escape sequence on a dumb terminal:\n%q", out)
	}
	for _, want := range []string{"  accept() blocking on fd 3 · 127.0.0.1:", "  accept() failed after 0.8 s"} {
		if strings.Count(out, want) != 1 {
			t.Errorf("want %q once in:\n%q", want, out)
		}
	}
}

// TestPTYCtrlCStopsHugeEcho: Ctrl-C while an 80 MB repr is being echoed
// stops the echo at once (it used to write all of it). The test stops
// reading the terminal, so the shell's write blocks as on a slow
// terminal, then presses Ctrl-C and counts what still comes.
func TestPTYCtrlCStopsHugeEcho(t *testing.T) {
	r := startPTY(t, []string{"TERM=xterm-256color"}, "--no-color")
	unix.IoctlSetWinsize(int(r.master.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 24, Col: 120})
	r.waitFor(`>>> `)
	r.send("b'x' * 80_000_000\r")
	r.waitFor(`xxxxxxxxxxxxxxxx`)
	r.pause(true) // the shell's write now blocks
	time.Sleep(300 * time.Millisecond)
	start := len(r.text())
	r.send("\x03")
	r.pause(false)
	r.waitFor(`KeyboardInterrupt\r\n(?s:.*)>>> `)
	if after := len(r.text()) - start; after > 4<<20 {
		t.Fatalf("%d bytes came after Ctrl-C", after)
	}
	r.send("1 + 1\r")
	r.waitFor(`\n(\x1b\[[?0-9;]*[a-zA-Z])*2\r\n`)
}
