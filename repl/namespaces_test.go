package repl

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestProgramNamespacesMatchPython runs programs that read their own
// namespace (dir(), globals(), vars(), locals() at module level, globals()
// in a function, vars(obj)) with python3 and sockrepl and compares the
// output. A program starts with python3's globals: the modules the prompt
// binds for convenience (socket, select, struct, time, os) are not there.
func TestProgramNamespacesMatchPython(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed: it is the reference")
	}
	progs := map[string]string{
		"names.py": "import sys\nx = 1\ndef f():\n    return sorted(k for k in globals() if not k.startswith('__'))\n" +
			"print([k for k in dir() if not k.startswith('__')])\nprint(f())\n" +
			"print(globals()['x'], vars()['x'], locals()['x'], '__name__' in globals())\n" +
			"class A:\n    def __init__(self):\n        self.a = 1\nprint(vars(A()), dir(A())[-1])\n" +
			"for bad in ('vars(1)', 'globals(1)', 'dir(1, 2)'):\n    try:\n        eval(bad)\n    except TypeError as e:\n        print(type(e).__name__, e)\n" +
			"dir = len\nprint(dir([1, 2]))\n",
		"bare.py": "try:\n    socket\nexcept NameError as e:\n    print(e)\nimport time\nprint(type(time.time()).__name__)\n",
	}
	dir := t.TempDir()
	for name, src := range progs {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			var pyOut bytes.Buffer
			cmd := exec.Command(python, path)
			cmd.Stdout, cmd.Stderr = &pyOut, &pyOut
			pyErr := cmd.Run()
			var srOut lockedBuffer
			code := RunProgram(path, src, Options{Out: &srOut, Err: &srOut, Argv: []string{path}})
			if want, got := pyOut.String(), srOut.buf.String(); want != got {
				t.Errorf("sockrepl differs from python3:\n%s", lineDiff(want, got))
			}
			if wantCode := exitCode(pyErr); wantCode != code {
				t.Errorf("exit status %d, python3's %d", code, wantCode)
			}
		})
	}
}
