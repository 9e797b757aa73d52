package python

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"sockrepl/sockets"
)

// TestArgparseMatchesPython runs testdata/argparse_shapes.py (parsers of
// many shapes: help, usage, parses, errors) with python3 and here, at
// several terminal widths, and compares everything printed on stdout
// and stderr.
func TestArgparseMatchesPython(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed: argparse's output is compared with it")
	}
	src, err := os.ReadFile("testdata/argparse_shapes.py")
	if err != nil {
		t.Fatal(err)
	}
	for _, cols := range []string{"80", "50", "120", "30"} {
		t.Run("COLUMNS="+cols, func(t *testing.T) {
			t.Setenv("COLUMNS", cols)
			cmd := exec.Command(python, "-u", "-X", "utf8", "-", "--ignored")
			cmd.Stdin = strings.NewReader(string(src))
			cmd.Env = append(os.Environ(), "PYTHONIOENCODING=utf-8")
			want, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("python3: %v\n%s", err, want)
			}
			rt, err := sockets.NewRuntime()
			if err != nil {
				t.Fatal(err)
			}
			defer rt.Close()
			var out strings.Builder
			in := New(rt, Options{Print: func(s string) { out.WriteString(s) }, Stderr: func(s string) { out.WriteString(s) }, Argv: []string{"-", "--ignored"}})
			if _, err := in.Exec("argparse_shapes.py", string(src), Program); err != nil {
				t.Fatalf("sockrepl: %v\n%s", err, out.String())
			}
			if got := out.String(); got != string(want) {
				t.Errorf("sockrepl differs from python3 at COLUMNS=%s:\n%s", cols, firstDiff(string(want), got))
			}
		})
	}
}

// firstDiff shows the lines around where two outputs part.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			from := max(0, i-6)
			var b strings.Builder
			for j := from; j < i; j++ {
				b.WriteString("   " + w[j] + "\n")
			}
			b.WriteString("python3:  " + wl + "\nsockrepl: " + gl + "\n")
			return b.String()
		}
	}
	return "(same)"
}

// TestArgparseHelp: the module, the parser and its methods have help.
func TestArgparseHelp(t *testing.T) {
	sh := newPyShell(t)
	sh.must("import argparse")
	sh.must("p = argparse.ArgumentParser()")
	for _, c := range []struct{ src, says string }{
		{"help(argparse)", "parse_args"},
		{"help(p)", "parser.add_argument("},
		{"help(p.add_argument)", "type=int converts it"},
		{"help(argparse.ArgumentParser)", "argparse.ArgumentParser(prog=None"},
	} {
		sh.must(c.src)
		if out := sh.printed(); !strings.Contains(out, c.says) {
			t.Errorf("%s printed %q, want it to mention %q", c.src, out, c.says)
		}
	}
	for name := range apParserType.methods {
		if _, ok := apParserType.docs[name]; !ok && name != "add_subparsers" {
			t.Errorf("ArgumentParser.%s has no help", name)
		}
	}
}
