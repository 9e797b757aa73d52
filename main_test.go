package main

import (
	"bytes"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// Global flags go before or after the subcommand.
func TestGlobalFlagsBeforeTheSubcommand(t *testing.T) {
	for _, args := range [][]string{
		{"--lang", "zh", "lessons"},
		{"--lang=zh", "lessons"},
		{"--no-color", "--role", "server", "--lang", "zh", "lessons"},
		{"lessons", "--lang", "zh"},
	} {
		var out, errOut bytes.Buffer
		t.Setenv("XDG_STATE_HOME", t.TempDir())
		code := run(args, strings.NewReader(""), &out, &errOut)
		if code != 0 || !strings.Contains(out.String(), "01-echo") || !strings.Contains(out.String(), "步") {
			t.Errorf("sockrepl %s: status %d\n%s%s", strings.Join(args, " "), code, out.String(), errOut.String())
		}
	}
	// A file that happens to follow flags is still a program.
	if _, _, ok := lessonsCommand([]string{"--lang", "zh", "prog.py", "lessons"}); ok {
		t.Error("`lessons` after a program's name is the program's argument")
	}
}

// --repr numeric prints socket reprs as the python3 on this machine
// (3.11) does: family=2, type=1.
func TestReprNumericMatchesPython(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed")
	}
	src := "import socket\na, b = socket.socketpair()\nu = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\na\nu\n"
	cmd := exec.Command(py, "-i", "-q")
	cmd.Stdin = strings.NewReader(src)
	want, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(want), "family=1, type=1") {
		t.Skipf("this python3 prints enum names: %s", want)
	}
	var out, errOut bytes.Buffer
	run([]string{"--repr", "numeric"}, strings.NewReader(src), &out, &errOut)
	fds := regexp.MustCompile(`fd=\d+`)
	if g, w := fds.ReplaceAllString(out.String(), "fd=N"), fds.ReplaceAllString(string(want), "fd=N"); g != w {
		t.Errorf("sockrepl --repr numeric:\n%s\npython3:\n%s", g, w)
	}
}
