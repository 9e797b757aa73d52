package repl

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// tmux end-to-end tests drive the real binary in a real terminal:
// send-keys in, capture-pane out.

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// sockreplBinary builds the command once per test run.
func sockreplBinary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "sockrepl-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "sockrepl")
		out, err := exec.Command("go", "build", "-o", binPath, "..").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// tmuxServer is one private tmux server (its own -L socket) per test.
type tmuxServer struct {
	t    testing.TB
	name string
	home string
}

func newTmux(t testing.TB) *tmuxServer {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (.ci/run installs it)")
	}
	home, err := os.MkdirTemp("", "sockrepl-tmux")
	if err != nil {
		t.Fatal(err)
	}
	ts := &tmuxServer{t: t, name: fmt.Sprintf("sockrepl-test-%d-%d", os.Getpid(), time.Now().UnixNano()), home: home}
	t.Cleanup(func() {
		exec.Command("tmux", "-L", ts.name, "kill-server").Run()
		// Programs in the panes may still write their history as they exit.
		for i := 0; i < 50 && os.RemoveAll(home) != nil; i++ {
			time.Sleep(20 * time.Millisecond)
		}
	})
	return ts
}

func (ts *tmuxServer) run(args ...string) string {
	ts.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", ts.name}, args...)...).CombinedOutput()
	if err != nil {
		ts.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// pane starts a window running a shell, so a test can run sockrepl in it,
// leave it, and then inspect the terminal with stty.
func (ts *tmuxServer) pane(name string) *tmuxPane {
	env := []string{"HOME=" + ts.home, "XDG_STATE_HOME=" + filepath.Join(ts.home, "state"), "LANG=C.UTF-8", "PS1=$ ", "TERM=xterm-256color"}
	cmd := "env " + strings.Join(env, " ") + " bash --norc --noprofile"
	if err := exec.Command("tmux", "-L", ts.name, "has-session", "-t", "main").Run(); err != nil {
		ts.run("new-session", "-d", "-s", "main", "-n", name, "-x", "150", "-y", "40", cmd)
	} else {
		ts.run("new-window", "-d", "-t", "main", "-n", name, cmd)
	}
	p := &tmuxPane{ts: ts, target: "main:" + name}
	p.waitFor(`^\$$`)
	return p
}

type tmuxPane struct {
	ts     *tmuxServer
	target string
}

// keys sends tmux key names (Enter, C-c, Tab) or literal text.
func (p *tmuxPane) keys(keys ...string) {
	p.ts.run(append([]string{"send-keys", "-t", p.target}, keys...)...)
}

// line types text literally and presses Enter.
func (p *tmuxPane) line(text string) {
	p.ts.run("send-keys", "-t", p.target, "-l", text)
	p.ts.run("send-keys", "-t", p.target, "Enter")
}

func (p *tmuxPane) capture() string {
	return p.ts.run("capture-pane", "-p", "-J", "-t", p.target, "-S", "-200")
}

// waitFor polls the pane until the pattern matches, failing after 15 s
// with what the pane showed.
func (p *tmuxPane) waitFor(pattern string) string {
	p.ts.t.Helper()
	re := regexp.MustCompile("(?m)" + pattern)
	deadline := time.Now().Add(15 * time.Second)
	for {
		text := strings.TrimRight(p.capture(), "\n ")
		if re.MatchString(text) {
			return text
		}
		if time.Now().After(deadline) {
			p.ts.t.Fatalf("pane %s never showed %q; it shows:\n%s", p.target, pattern, text)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// count returns how many times a pattern appears in the pane.
func (p *tmuxPane) count(pattern string) int {
	return len(regexp.MustCompile("(?m)"+pattern).FindAllStringIndex(p.capture(), -1))
}

// start runs sockrepl in the pane's shell and waits for its prompt.
func (p *tmuxPane) start(args ...string) {
	bin := sockreplBinary(p.ts.t)
	p.line(strings.Join(append([]string{bin, "--no-color"}, args...), " "))
	p.waitFor(`>>>$`)
}

// prompts waits until the pane shows n prompts in all.
func (p *tmuxPane) prompts(n int) {
	p.ts.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for p.count(`^(\[\w+\] )?>>>`) < n {
		if time.Now().After(deadline) {
			p.ts.t.Fatalf("pane %s: wanted %d prompts; it shows:\n%s", p.target, n, p.capture())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// typeEach types each line once the prompt before it is shown, given
// the prompts shown so far, and returns the count after the last: a line
// typed while the one before still runs is echoed mid-line by the
// terminal, and the prompt after it no longer starts a line to count.
func (p *tmuxPane) typeEach(prompts int, lines ...string) int {
	p.ts.t.Helper()
	p.prompts(prompts)
	for _, l := range lines {
		p.line(l)
		prompts++
		p.prompts(prompts)
	}
	return prompts
}

// signal sends a signal to the program running in the pane's shell.
func (p *tmuxPane) signal(name string) {
	p.ts.t.Helper()
	shell := strings.TrimSpace(p.ts.run("display-message", "-p", "-t", p.target, "#{pane_pid}"))
	if out, err := exec.Command("pkill", "-"+name, "-P", shell).CombinedOutput(); err != nil {
		p.ts.t.Fatalf("pkill -%s -P %s: %v %s", name, shell, err, out)
	}
}

// sttyOK runs stty -a in the pane's shell, after sockrepl has exited, and
// reports whether echo, icanon and isig are all on.
func (p *tmuxPane) sttyOK() bool {
	p.ts.t.Helper()
	p.line(`clear; echo "STTY=$(stty -a | tr ' ;' '\n\n' | grep -E '^-?(echo|icanon|isig)$' | sort | tr '\n' ' ')"`)
	text := p.waitFor(`^STTY=.*$`)
	m := regexp.MustCompile(`(?m)^STTY=(.*)$`).FindStringSubmatch(text)
	return strings.TrimSpace(m[1]) == "echo icanon isig"
}

func TestTmuxCompletionAfterDot(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	p.start()
	p.line("s = socket.socket()")
	p.prompts(2)
	// As in Python, the first socket is fd 3: start-up fds stay out of the way.
	p.line("s.fileno()")
	p.waitFor(`^3$`)
	p.keys("s.rec")
	p.waitFor(`recvfrom`)
	p.keys("C-u")
	p.keys("socket.AF_IN")
	p.waitFor(`socket\.AF_INET6?\s`)
}

func TestTmuxInterruptBlockedAccept(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	p.start()
	p.line("s = socket.socket()")
	p.line("s.bind(('127.0.0.1', 0))")
	p.line("s.listen()")
	p.prompts(4)
	p.line("conn, addr = s.accept()")
	p.waitFor(`accept\(\) blocking on fd \d+ · 127\.0\.0\.1:\d+ · accept queue 0/\d+`)
	p.keys("C-c")
	p.waitFor(`(?s)KeyboardInterrupt.*>>>$`)
	// The listener survived: a client connects and accept() succeeds.
	p.line("c = socket.create_connection(s.getsockname())")
	p.line("conn, addr = s.accept()")
	p.line("conn.getpeername() == c.getsockname()")
	p.waitFor(`^True$`)
}

func TestTmuxTerminalRestored(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	p.start()
	p.keys("C-d")
	p.waitFor(`^\$$`)
	if !p.sttyOK() {
		t.Fatalf("terminal not restored after Ctrl-D:\n%s", p.capture())
	}
	p.start()
	p.line("exit()")
	p.waitFor(`^\$$`)
	if !p.sttyOK() {
		t.Fatalf("terminal not restored after exit():\n%s", p.capture())
	}
	p.start()
	p.line("s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()")
	p.line("s.accept()")
	p.waitFor(`accept\(\) blocking`)
	p.signal("TERM")
	p.waitFor(`^\$$`)
	if !p.sttyOK() {
		t.Fatalf("terminal not restored after SIGTERM:\n%s", p.capture())
	}
	p.start()
	p.signal("HUP")
	p.waitFor(`^\$$`)
	if !p.sttyOK() {
		t.Fatalf("terminal not restored after SIGHUP:\n%s", p.capture())
	}
	p.line("export SOCKREPL_TEST_PANIC=tab")
	p.start()
	p.keys("soc", "Tab")
	p.waitFor(`internal error: SOCKREPL_TEST_PANIC=tab`)
	p.waitFor(`^\$$`)
	if !p.sttyOK() {
		t.Fatalf("terminal not restored after a panic:\n%s", p.capture())
	}
}

// TestTmuxTypeAheadKeepsEveryEnter types blocks faster than the shell runs
// them: each Enter typed while the line before it still runs must count,
// including the blank line's Enter that ends a block. It used to reach the
// shell as LF right after the line's CR, and the pair read as one Enter.
func TestTmuxTypeAheadKeepsEveryEnter(t *testing.T) {
	ts := newTmux(t)
	p := ts.pane("a")
	p.start()
	for i := 0; i < 6; i++ {
		p.line("a, b = socket.socketpair()")
		p.line("with a:")
		p.line("    print('ran', a.fileno() > 0)")
		p.line("")
	}
	p.prompts(13)
	if n := p.count(`^ran True$`); n != 6 {
		t.Fatalf("6 blocks typed ahead, %d ran:\n%s", n, p.capture())
	}
	if n := p.count(`Error`); n != 0 {
		t.Fatalf("blocks typed ahead ran into errors:\n%s", p.capture())
	}
	if n := p.count(`^\n\.\.\.`); n != 0 {
		t.Fatalf("a key typed ahead was echoed as a blank row:\n%s", p.capture())
	}
}
