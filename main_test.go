package main

import (
	"bytes"
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
