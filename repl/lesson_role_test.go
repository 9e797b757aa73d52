package repl

import (
	"bytes"
	"strings"
	"testing"
)

// A terminal started with --role client, asked for the server's part,
// says so instead of playing it.
func TestLessonRoleMismatch(t *testing.T) {
	var buf bytes.Buffer
	s, err := NewSession(Options{Out: &buf, Err: &buf, Role: "client", Lang: "en", StateDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.Exec("%lesson echo server") // by name, too
	want := "UsageError: this terminal is the client (sockrepl --role client): type %lesson 01 client here, and play the server in a terminal started with --role server"
	if !strings.Contains(buf.String(), want) || s.tutor != nil {
		t.Errorf("got:\n%s", buf.String())
	}
	buf.Reset()
	s.Exec("%lesson echo")
	if s.tutor == nil || s.tutor.Role() != "client" {
		t.Errorf("%%lesson echo in the client terminal:\n%s", buf.String())
	}
}
