package repl

import (
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Signals and window changes reaching the interactive shell from outside:
// none of them may freeze it, kill it quietly or cost it its sockets.

// pid is the process id of the program running in the pane's shell.
func (p *tmuxPane) pid() int {
	p.ts.t.Helper()
	shell := strings.TrimSpace(p.ts.run("display-message", "-p", "-t", p.target, "#{pane_pid}"))
	deadline := time.Now().Add(5 * time.Second)
	for {
		out, _ := exec.Command("pgrep", "-P", shell).Output()
		if f := strings.Fields(string(out)); len(f) == 1 {
			n, err := strconv.Atoi(f[0])
			if err == nil {
				return n
			}
		}
		if time.Now().After(deadline) {
			p.ts.t.Fatalf("no single child of the pane's shell %s: %q", shell, out)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestTmuxResizeStormWhileTyping types statements while the window is
// resized and SIGWINCH arrives in a storm: every statement runs and the
// shell still answers (go-prompt used to deadlock after a few).
func TestTmuxResizeStormWhileTyping(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	p.start()
	pid := p.pid()
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			syscall.Kill(pid, syscall.SIGWINCH)
			time.Sleep(200 * time.Microsecond)
		}
	}()
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			exec.Command("tmux", "-L", ts.name, "resize-window", "-t", "main", "-x", fmt.Sprint(100+i%50), "-y", fmt.Sprint(30+i%10)).Run()
			time.Sleep(5 * time.Millisecond)
		}
	}()
	const n = 40
	for i := 1; i <= n; i++ {
		p.line(fmt.Sprintf("n = %d", i))
	}
	close(stop)
	wg.Wait()
	p.line("n * 1000")
	p.waitFor(fmt.Sprintf(`^%d000$`, n))
}

// TestTmuxSignalsAtIdlePrompt: kill -INT and kill -QUIT at the idle prompt
// print KeyboardInterrupt and drop the half-typed line, as Ctrl-C does and
// as python3 does; the shell and its sockets carry on.
func TestTmuxSignalsAtIdlePrompt(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	p.start()
	p.line("s = socket.socket()")
	p.prompts(2)
	pid := p.pid()
	p.keys("half typed")
	p.waitFor(`>>> half typed$`)
	syscall.Kill(pid, syscall.SIGINT)
	p.waitFor(`(?s)>>> half typed\nKeyboardInterrupt\n>>>$`)
	p.keys("more")
	p.waitFor(`>>> more$`)
	syscall.Kill(pid, syscall.SIGQUIT)
	p.waitFor(`(?s)>>> more\nKeyboardInterrupt\n>>>$`)
	p.keys("typed", "C-c")
	p.waitFor(`(?s)>>> typed\nKeyboardInterrupt\n>>>$`)
	p.line("s.fileno() + 1")
	p.waitFor(`^4$`)
	if n := p.count(`^KeyboardInterrupt$`); n != 3 {
		t.Fatalf("%d KeyboardInterrupt lines, want 3:\n%s", n, p.capture())
	}
}

// TestTmuxSIGTERMAtIdleIs143: SIGTERM (and SIGHUP) at the idle prompt end
// the shell with 128+signal and the terminal restored, every time: the
// exit used to race with go-prompt's own handler, which exited 1.
func TestTmuxSIGTERMAtIdleIs143(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	for i := 0; i < 30; i++ {
		sig, want := "TERM", 143
		if i%4 == 3 {
			sig, want = "HUP", 129
		}
		p.line("clear")
		p.start()
		p.signal(sig)
		p.waitFor(`^\$$`)
		p.line(`echo "status=$?"`)
		text := p.waitFor(`^status=\d+$`)
		if !strings.Contains(text, fmt.Sprintf("status=%d", want)) {
			t.Fatalf("round %d, SIG%s: want status %d:\n%s", i, sig, want, text)
		}
	}
	if !p.sttyOK() {
		t.Fatalf("terminal not restored:\n%s", p.capture())
	}
}

// ttyFlags polls the pane's terminal, read from outside with stty -F,
// until its echo, icanon and isig flags are as wanted.
func (p *tmuxPane) ttyFlags(want string) {
	p.ts.t.Helper()
	tty := strings.TrimSpace(p.ts.run("display-message", "-p", "-t", p.target, "#{pane_tty}"))
	deadline := time.Now().Add(15 * time.Second)
	for {
		out, err := exec.Command("stty", "-F", tty, "-a").Output()
		if err != nil {
			p.ts.t.Fatalf("stty -F %s: %v", tty, err)
		}
		var got []string
		for _, f := range strings.Fields(strings.ReplaceAll(string(out), ";", " ")) {
			switch strings.TrimPrefix(f, "-") {
			case "echo", "icanon", "isig":
				got = append(got, f)
			}
		}
		if strings.Join(got, " ") == want {
			return
		}
		if time.Now().After(deadline) {
			p.ts.t.Fatalf("terminal flags %q, want %q; the pane shows:\n%s", got, want, p.capture())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Terminal modes, as ttyFlags lists them. (bash's readline has the second
// too while it waits at its own prompt: the cooked mode a job gets back at
// fg shows only to the job.)
const (
	flagsPrompt  = "-isig -icanon -echo" // go-prompt's raw mode
	flagsRunning = "isig -icanon -echo"  // a statement runs: Ctrl-C is SIGINT, keys hidden
)

// TestTmuxSuspendAndResume: Ctrl-Z at the idle prompt suspends the shell
// with the terminal given back to the login shell, as Python does; after
// fg the prompt is drawn again at once and keys work. A suspend during a
// blocked call, or a kill -TSTP from outside, resumes the same way: typed
// keys stay hidden under the status line and are dropped afterwards.
func TestTmuxSuspendAndResume(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	p.start()
	p.line("x = 5")
	p.prompts(2)
	p.ttyFlags(flagsPrompt)
	p.keys("C-z")
	p.waitFor(`Stopped.*sockrepl`)
	p.waitFor(`^\$$`)
	p.line("fg")
	p.waitFor(`(?s)^\$ ?fg\n[^\n]*sockrepl[^\n]*\n>>>$`)
	p.ttyFlags(flagsPrompt)
	p.line("x + 1")
	p.waitFor(`^6$`)

	// From outside, at the idle prompt.
	p.prompts(3)
	p.signal("TSTP")
	p.waitFor(`(?s)Stopped.*Stopped.*sockrepl`)
	p.line("fg")
	p.waitFor(`(?s)^\$ ?fg\n[^\n]*sockrepl[^\n]*\n>>>$`)
	p.ttyFlags(flagsPrompt)
	p.line("x + 2")
	p.waitFor(`^7$`)

	// During a blocked call.
	p.line("s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()")
	p.line("s.accept()")
	p.waitFor(`accept\(\) blocking`)
	p.ttyFlags(flagsRunning)
	p.keys("C-z")
	p.waitFor(`(?s)Stopped.*Stopped.*Stopped.*sockrepl`)
	p.line("fg")
	p.waitFor(`(?s)Stopped.*Stopped.*Stopped.*\n[^\n]*sockrepl[^\n]*\n[^\n]*accept\(\) blocking`)
	p.ttyFlags(flagsRunning)
	p.line("hidden = 1")
	p.keys("C-c")
	p.waitFor(`(?s)KeyboardInterrupt\n.*>>>$`)
	p.line("hidden")
	p.waitFor(`NameError: name 'hidden' is not defined`)
	p.keys("C-d")
	p.waitFor(`^\$$`)
	if !p.sttyOK() {
		t.Fatalf("terminal not restored:\n%s", p.capture())
	}
}

// TestTmuxCtrlDAtContinuationPrompt: Ctrl-D on an empty line at a "..."
// prompt runs what was typed, as python3 does, and the prompt comes back;
// it used to leave the shell and drop the block.
func TestTmuxCtrlDAtContinuationPrompt(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	p.start()
	p.line("for i in range(2):")
	p.line("    print(i * 10)")
	p.keys("C-d")
	p.waitFor(`(?s)^0\n10\n>>>$`)
	p.line("(1,")
	p.keys("C-d")
	p.waitFor(`(?s)^SyntaxError: .*\n>>>$`)
	p.line("i + 100")
	p.waitFor(`^101$`)
	p.keys("C-d")
	p.waitFor(`^\$$`)
}

// TestTmuxStatusLineFitsNarrowWindows: the status line of a blocked call
// is cut to the window in display cells, so it never wraps: Chinese text
// (two cells a character) and windows of 20 columns or fewer used to wrap
// it, and each redraw left one more copy on the screen.
func TestTmuxStatusLineFitsNarrowWindows(t *testing.T) {
	for _, c := range []struct{ lang, word string }{{"zh", "阻塞"}, {"en", `accept\(\) bl`}} {
		ts := newTmux(t)
		p := ts.pane("a")
		p.start("--lang", c.lang)
		p.line("s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()")
		p.prompts(2)
		ts.run("resize-window", "-t", "main", "-x", "20", "-y", "30")
		p.line("s.accept()")
		p.waitFor(c.word)
		time.Sleep(time.Second) // let it be redrawn about ten times
		if n := p.count(c.word); n != 1 {
			t.Errorf("%s: the status line shows on %d rows:\n%s", c.lang, n, p.capture())
		}
		p.keys("C-c")
		p.waitFor(`KeyboardInterrupt`)
	}
}
