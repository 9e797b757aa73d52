package repl

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"sockrepl/lessons"
	"sockrepl/repl/python/translate"
)

// Text from outside the shell reaches the screen escaped: another user's
// process names and socket paths, a teacher's lesson file.

// noRawControls fails when text holds a control character other than
// newline (the test runs with colour off, so the shell writes none).
func noRawControls(t *testing.T, what, text string) {
	t.Helper()
	for _, r := range text {
		if (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x202e {
			t.Fatalf("%s: raw control %U reached the output:\n%q", what, r, text)
		}
	}
}

func TestHostileProcessNameAndSocketPath(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not installed (.ci/run installs it)")
	}
	path := filepath.Join(t.TempDir(), "s\x1b[2J\x1b]0;title\a\x1b]52;c;cHduZWQ=\a\x1b[8mhidden\u202e")
	// A peer that renames itself with escape sequences (prctl PR_SET_NAME,
	// 15 bytes) and listens on a Unix socket whose path is full of them.
	peer := exec.Command("python3", "-c", `
import ctypes, socket, sys
ctypes.CDLL(None).prctl(15, b"\x1b[2J\x1b]0;x\x07\x9b1m", 0, 0, 0)
s = socket.socket(socket.AF_UNIX)
s.bind(sys.argv[1])
s.listen()
print("ready", flush=True)
sys.stdin.read()
`, path)
	stdin, err := peer.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := peer.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := peer.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { stdin.Close(); peer.Wait() }()
	if line, _ := bufio.NewReader(stdout).ReadString('\n'); line != "ready\n" {
		t.Fatalf("peer: %q", line)
	}
	// The peer's own TCP listener too, so its name shows in a port row.
	out, errs, _ := runBinary(t, "%ss\n")
	noRawControls(t, "%ss", out+errs)
	if !strings.Contains(out, `s\x1b[2J\x1b]0;title\x07\x1b]52;c;cHduZWQ=\x07\x1b[8mhidden\u202e`) {
		t.Errorf("the hostile path is not shown escaped:\n%s", out)
	}
	if !strings.Contains(out, `\x1b[2J\x1b]0;x\x07`) {
		t.Errorf("the hostile process name is not shown escaped:\n%s", out)
	}
}

func TestHostileLessonFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "evil\x1b[2J.lesson")
	lesson := "lesson 90-evil\ntitle: Evil \x1b]0;pwned\x07 title\ntitle.zh: \x1b]0;pwned\x07\nroles: main\n" +
		"intro: hidden \x1b[8mtext\x1b[0m here \u202eevil\nintro.zh: \x1b[8m\n\n" +
		"step\nsay: Clear \x1b[2J\x1b[H the screen \u009b2J\nsay.zh: \x1b[2J\ncode: x = 1\ncheck: g.get('x') == 1\n" +
		"hint: \x1b]52;c;cHduZWQ=\x07\nhint.zh: \x1b]52;c;cHduZWQ=\x07\n"
	if err := os.WriteFile(file, []byte(lesson), 0o600); err != nil {
		t.Fatal(err)
	}
	state := []string{"XDG_STATE_HOME=" + t.TempDir()}
	out, errs, _ := runBinaryEnv(t, "%lesson load "+file+"\n%hint\nx = 1\n", state, nil)
	noRawControls(t, "lesson", out+errs)
	if !strings.Contains(out, `Clear \x1b[2J\x1b[H the screen \x9b2J`) || !strings.Contains(out, `\x1b]52;c;cHduZWQ=\x07`) ||
		!strings.Contains(out, "✓ step 1 done") {
		t.Errorf("lesson text:\n%s\nstderr:\n%s", out, errs)
	}
	// A file name with escapes, in an error.
	_, errs, _ = runBinaryEnv(t, "%lesson load "+file+"x\n", state, nil)
	noRawControls(t, "error", errs)
	if !strings.Contains(errs, `evil\x1b[2J.lessonx`) {
		t.Errorf("error: %q", errs)
	}
	// The lessons command lists and verifies files too.
	cmd := exec.Command(sockreplBinary(t), "lessons", file)
	cmd.Env = append(os.Environ(), state...)
	cmdOut, _ := cmd.CombinedOutput()
	noRawControls(t, "sockrepl lessons", string(cmdOut))
}

// A % command is one line even when its file name holds a bracket or a
// quote: the lines after it used to be swallowed as its continuation.
func TestPercentCommandIsOneLine(t *testing.T) {
	var c translate.Chunker
	for _, line := range []string{"%save a[1.py", "%lesson load it's(.lesson", `%save "x`} {
		if chunk, ok := c.Add(line); !ok || chunk.Src != line || c.Pending() {
			t.Errorf("%q gave %q, %v; pending %v", line, chunk.Src, ok, c.Pending())
		}
	}
}

// hostileChecks is a teacher's lesson whose checks would each have hung
// the shell or had it OOM-killed, after every statement. (The step limit
// is tested in the lessons package, where the time limit can be raised.)
const hostileChecks = `lesson 91-heavy
title: Heavy
title.zh: 重
roles: main
intro: Checks that misbehave.
intro.zh: 出问题的检查。

# One allocation past the heap limit: the watch sees it as soon as it is
# made, however slowly a loaded machine touches its pages.
step
say: Memory.
say.zh: 内存。
code: a = 1
check: len("x" * 400000000) > 0

step
say: Time.
say.zh: 时间。
code: b = 2
check: len([s.count("y") for s in ["x" * 10000000] for i in range(500000)]) < 0

step
say: A builtin over a huge range.
say.zh: 巨大的 range。
code: d = 4
check: max(range(10 * 1000 * 1000 * 1000 * 1000)) > 0
`

func TestHostileLessonChecks(t *testing.T) {
	file := filepath.Join(t.TempDir(), "heavy.lesson")
	if err := os.WriteFile(file, []byte(hostileChecks), 0o600); err != nil {
		t.Fatal(err)
	}
	in := "%lesson load " + file + "\na = 1\na = 2\n%next\nb = 2\nb = 3\n%next\nd = 4\n%check\n"
	out, errs, _ := runBinaryEnv(t, in, []string{"XDG_STATE_HOME=" + t.TempDir()}, nil)
	for _, want := range []string{
		"The check of step 1 was stopped (it used too much memory)",
		"The check of step 2 was stopped (it took too long)",
		"Not yet: step 3 is not done.",
	} {
		if strings.Count(out, want) != 1 {
			t.Errorf("want %q once:\n%s\n%s", want, out, errs)
		}
	}
}

// Lesson files must be regular and small: /dev/zero was read until the
// shell died, and a FIFO hung it.
func TestLessonLoadRefusesNonRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.lesson")
	if err := os.WriteFile(big, make([]byte, 2<<20), 0o600); err != nil {
		t.Fatal(err)
	}
	in := "%lesson load /dev/zero\n%lesson load " + fifo + "\n%lesson load " + big + "\n%lesson load " + dir + "\n"
	_, errs, _ := runBinaryEnv(t, in, []string{"XDG_STATE_HOME=" + t.TempDir()}, nil)
	for _, want := range []string{
		"UsageError: cannot read /dev/zero: not a regular file",
		"UsageError: cannot read " + fifo + ": not a regular file",
		"UsageError: cannot read " + big + ": larger than 1024 KiB, too big for a lesson file",
		"UsageError: cannot read " + dir + ": [Errno 21] Is a directory",
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("want %q in:\n%s", want, errs)
		}
	}
	cmd := exec.Command(sockreplBinary(t), "lessons", "/dev/zero")
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "cannot read /dev/zero: not a regular file") {
		t.Errorf("sockrepl lessons /dev/zero: %v %q", err, out)
	}
}

// syncBuffer is a strings.Builder safe to read while a Session writes.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// Ctrl-C stops a lesson check at once, even inside a builtin, and the
// statement that ran before it stands.
func TestLessonCheckInterrupted(t *testing.T) {
	old := lessons.CheckTimeout
	lessons.CheckTimeout = 10 * time.Minute
	defer func() { lessons.CheckTimeout = old }()
	file := filepath.Join(t.TempDir(), "slow.lesson")
	slow := strings.Replace(hostileChecks, "for i in range(500000)]", "for i in range(1000000)]", 1)
	if err := os.WriteFile(file, []byte(slow), 0o600); err != nil {
		t.Fatal(err)
	}
	var out syncBuffer
	s, err := NewSession(Options{Out: &out, Err: &out, StateDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Exec("%lesson load " + file)
	s.Exec("%next")
	done := make(chan error, 1)
	go func() { done <- s.Exec("b = 2") }()
	for running := false; !running; {
		time.Sleep(10 * time.Millisecond)
		s.mu.Lock()
		running = s.checkCancel != nil
		s.mu.Unlock()
	}
	s.Interrupt()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("the statement failed: %v", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("Ctrl-C did not stop the check")
	}
	if !strings.Contains(out.String(), "The check of step 2 was stopped (you pressed Ctrl-C)") {
		t.Fatalf("output:\n%s", out.String())
	}
	if s.Exec("b") != nil || !strings.HasSuffix(out.String(), "2\n") {
		t.Fatalf("the shell after a stopped check:\n%s", out.String())
	}
}
