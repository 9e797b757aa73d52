package repl

import (
	"bytes"
	"strings"
	"testing"
)

// A hint longer than the terminal is wide wraps at word boundaries.
func TestHintsWrapAtWords(t *testing.T) {
	var buf bytes.Buffer
	s, err := NewSession(Options{Out: &buf, Err: &buf, Terminal: true, Lang: "en", StateDir: t.TempDir(), Width: func() int { return 40 }})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Exec("c = socket.socket()")
	s.Exec("c.send('text')")
	lines := strings.Split(strings.TrimRight(buf.String(), "\n"), "\n")
	if len(lines) < 3 || !strings.HasPrefix(lines[1], "hint: sockets carry bytes") {
		t.Fatalf("got:\n%s", buf.String())
	}
	for _, l := range lines[1:] {
		if len(l) > 39 || strings.HasPrefix(l, " ") {
			t.Errorf("line %q is longer than 39 or starts with a space", l)
		}
	}
	if got := strings.Join(lines[1:], " "); got != "hint: sockets carry bytes, not str: send b'hello', or encode the text first: 'hello'.encode()." {
		t.Errorf("wrapped hint reads %q", got)
	}
}
