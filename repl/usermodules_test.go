package repl

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestProgramImportsItsOwnModules runs programs that import modules kept
// next to them, with python3 and with sockrepl, and compares everything
// they print: the module runs once, its names are live, a missing name
// or module fails as in python3, and an error inside a module (a
// runtime error, a syntax error) is reported with the module's frames.
func TestProgramImportsItsOwnModules(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed: it is the reference")
	}
	dir := t.TempDir()
	files := map[string]string{
		"libmsg.py": "print('loading libmsg', __name__)\nGREETING = 'hi'\ncount = 0\n" +
			"def bump():\n    global count\n    count += 1\n    return count\n",
		"badmod.py": "x = 1\n1/0\n",
		"synmod.py": "def f(:\n",
		"main.py": "import libmsg\nimport libmsg as again\nfrom libmsg import GREETING, bump\n" +
			"print(libmsg.GREETING, again is libmsg, bump(), bump(), libmsg.count)\n" +
			"print(libmsg, libmsg.__name__, libmsg.__file__ == again.__file__)\n" +
			"try:\n    from libmsg import nothing\nexcept ImportError as e:\n    print(e)\n" +
			"try:\n    import no_such_module_here\nexcept ModuleNotFoundError as e:\n    print(e, e.name)\n",
		// A class belongs to the module that defines it: its repr, its
		// instances' and a traceback's last line name that module.
		"libproto.py": "class ProtocolError(Exception):\n    pass\nclass Message:\n    pass\n",
		"classes.py": "import libproto\nprint(libproto.Message, libproto.Message.__module__, repr(libproto.Message())[:23])\n" +
			"try:\n    raise libproto.ProtocolError('bad header')\nexcept Exception as e:\n    print(type(e), repr(e))\n" +
			"raise libproto.ProtocolError('short frame')\n",
		"runtime.py":  "import os, badmod\n",
		"syntax.py":   "import synmod\n",
		"fromline.py": "from libmsg import (GREETING,\n    nothing)\n",
		// A module's walrus, del and star-import bind in the module, not
		// in the program that imports it.
		"ownns.py": "from libmsg import *\nif (seen := 3):\n    pass\nGREETING = 'mod'\ndel GREETING\ntemp = 1\ndel temp\n",
		"nsmain.py": "temp = 'main'\nGREETING = 'main'\nimport ownns\n" +
			"print(temp, GREETING, ownns.seen, hasattr(ownns, 'GREETING'), hasattr(ownns, 'bump'))\n" +
			"try:\n    seen\nexcept NameError as e:\n    print(e)\n" +
			"print(sorted(k for k in dir(ownns) if not k.startswith('_')))\n",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, prog := range []string{"main.py", "runtime.py", "syntax.py", "fromline.py", "nsmain.py", "classes.py"} {
		t.Run(prog, func(t *testing.T) {
			path := filepath.Join(dir, prog)
			cmd := exec.Command(python, path)
			cmd.Dir = t.TempDir() // the program's directory counts, not the current one
			var pyOut bytes.Buffer
			cmd.Stdout, cmd.Stderr = &pyOut, &pyOut
			pyErr := cmd.Run()
			var srOut lockedBuffer
			code := RunProgram(path, files[prog], Options{Out: &srOut, Err: &srOut, Argv: []string{path}})
			want, got := pyOut.String(), srOut.buf.String()
			if want != got {
				t.Errorf("sockrepl differs from python3:\n%s", lineDiff(want, got))
			}
			if wantCode := exitCode(pyErr); wantCode != code {
				t.Errorf("exit status %d, python3's %d", code, wantCode)
			}
		})
	}
}

func exitCode(err error) int {
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}

// TestShellImportsFromTheCurrentDirectory: at the prompt (and with -c) a
// module is looked for in the current directory, as python3 -i does.
func TestShellImportsFromTheCurrentDirectory(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "helper.py"), []byte("def double(x):\n    return 2 * x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	var out lockedBuffer
	RunLines(strings.NewReader("import helper\nhelper.double(21)\nimport nosuchhelper\n"), Options{Out: &out, Err: &out})
	got := out.buf.String()
	if !strings.Contains(got, "42\n") || !strings.Contains(got, "ModuleNotFoundError: No module named 'nosuchhelper'") {
		t.Errorf("the shell printed %q", got)
	}
}
