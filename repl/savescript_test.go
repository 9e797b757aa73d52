package repl

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestSavedScriptPrintsTheSession: a line-mode session saves its script;
// python3 running it prints what the session printed (echoes included),
// and the same script replayed as a demo prints it again.
func TestSavedScriptPrintsTheSession(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not installed (.ci/run installs it)")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "saved.py")
	session := strings.Join([]string{
		"a, b = socket.socketpair()",
		"a.sendall(b'Hello, world')",
		"b.recv(5)",
		"data = b.recv(1024); data",
		"len(data), data.upper()  # two values",
		"nosuch.method()", // an exception: not saved, prints on stderr only
		"struct.pack('!HI', 1, 2)",
		"for i in range(4):",
		"    i if i % 2 else None",
		"    print('step', i)",
		"",
		"def greet(name):",
		"    return f'hello {name}'",
		"",
		"greet('class')",
		"print(greet('you'))",
		"None",
		"{'port': 65432,",
		" 'host': '127.0.0.1'}",
		"b.setblocking(False)",
		"try:",
		"    b.recv(10)",
		"except BlockingIOError as e:",
		"    e.errno",
		"",
		"%save " + file,
		"",
	}, "\n")
	out, errs, code := runBinary(t, session)
	if code != 0 || !strings.Contains(errs, "NameError") {
		t.Fatalf("sockrepl: status %d, stderr %q", code, errs)
	}
	shown := strings.TrimSuffix(out, "saved 14 statements to "+file+"\n")
	if shown == out {
		t.Fatalf("no %%save line at the end of:\n%s", out)
	}
	saved, _ := os.ReadFile(file)
	py, err := exec.Command("python3", file).CombinedOutput()
	if err != nil || string(py) != shown {
		t.Fatalf("python3 %s: %v\nprinted:\n%s\nthe session showed:\n%s\nthe file:\n%s", file, err, py, shown, saved)
	}
	// Readable: echoes are print(repr(...)); the loop's, which echoed
	// only some of the times, goes through _show.
	for _, want := range []string{"print(repr(b.recv(5)))\n", "data = b.recv(1024); print(repr(data))\n",
		"print(repr((len(data), data.upper())))  # two values\n", "    _show(i if i % 2 else None)\n",
		"print(repr(greet('class')))\n", "\nNone\n", "        print(repr(value))\n"} {
		if !strings.Contains(string(saved), want) {
			t.Errorf("the file lacks %q:\n%s", want, saved)
		}
	}
	// The saved file replays as a demo, unchanged: without the transcript
	// lines it prints the same again.
	demo, errs, code := runBinary(t, "", "--demo", file)
	var printed []string
	for _, l := range strings.SplitAfter(demo, "\n") {
		if !strings.HasPrefix(l, ">>> ") && !strings.HasPrefix(l, "... ") && !strings.HasPrefix(l, "#") && l != "end of the demo\n" {
			printed = append(printed, l)
		}
	}
	if code != 0 || errs != "" || strings.Join(printed, "") != shown {
		t.Fatalf("demo of the saved file: status %d, stderr %q, printed:\n%s\nwant:\n%s", code, errs, strings.Join(printed, ""), shown)
	}
}
