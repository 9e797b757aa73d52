package python

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"sockrepl/sockets"
)

// TestTracebacksMatchPython runs each program of testdata/tracebacks with
// python3 and with the interpreter and compares what a program's
// uncaught exception prints: the frames, the source lines, the carets,
// the chained exceptions, and what the program printed before.
func TestTracebacksMatchPython(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed: it is the reference for tracebacks")
	}
	files, err := filepath.Glob("testdata/tracebacks/*.py")
	if err != nil || len(files) < 10 {
		t.Fatalf("tracebacks corpus: %v (%d files)", err, len(files))
	}
	for _, file := range files {
		file := file
		t.Run(strings.TrimSuffix(filepath.Base(file), ".py"), func(t *testing.T) {
			path, err := filepath.Abs(file)
			if err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(python, path)
			cmd.Env = append(os.Environ(), "PYTHONIOENCODING=utf-8")
			var pout, perr strings.Builder
			cmd.Stdout, cmd.Stderr = &pout, &perr
			cmd.Run()
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			rt, err := sockets.NewRuntime()
			if err != nil {
				t.Fatal(err)
			}
			defer rt.Close()
			var out strings.Builder
			in := New(rt, Options{Print: func(s string) { out.WriteString(s) }})
			defer in.Close()
			_, err = in.Exec(path, string(src), Program)
			got := ""
			if err != nil {
				got = in.Traceback(err)
			}
			if got != perr.String() || out.String() != pout.String() {
				t.Errorf("stdout\n%s\nstderr\n%s\npython3's stdout\n%s\nstderr\n%s", out.String(), got, pout.String(), perr.String())
			}
		})
	}
}
