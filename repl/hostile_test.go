package repl

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

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
