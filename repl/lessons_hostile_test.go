package repl

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sockrepl/lessons"
	"sockrepl/repl/python/translate"
	"sockrepl/sockets/leakcheck"
)

// TestHostileLessonChangesNothing loads a teacher's lesson whose every
// check tries to change the learner's state (lessons/testdata/hostile.lesson)
// with %lesson load, in a Session holding the state it attacks, and walks
// all its steps the way a learner would: the code, %check, %next. No step
// passes, and afterwards the learner's bytes are still queued, the sockets
// open and blocking, the file on disk.
func TestHostileLessonChangesNothing(t *testing.T) {
	leakcheck.Check(t)
	const dir = "../lessons/testdata/"
	var out bytes.Buffer
	s, err := NewSession(Options{Out: &out, Err: &out, Lang: "en", StateDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	run := func(src string) string {
		t.Helper()
		out.Reset()
		var c translate.Chunker
		for _, line := range strings.Split(src, "\n") {
			if chunk, ok := c.Add(line); ok {
				s.ExecChunk(chunk)
			}
		}
		if c.Pending() {
			s.ExecChunk(c.Flush())
		}
		return out.String()
	}
	file := filepath.Join(t.TempDir(), "victim")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	setup, err := os.ReadFile(dir + "hostile.py")
	if err != nil {
		t.Fatal(err)
	}
	if got := run(fmt.Sprintf("f = %q\n", file) + string(setup)); got != "" {
		t.Fatalf("setup printed %q", got)
	}
	data, err := os.ReadFile(dir + "hostile.lesson")
	if err != nil {
		t.Fatal(err)
	}
	l, err := lessons.Parse("hostile.lesson", data)
	if err != nil {
		t.Fatal(err)
	}
	if got := run("%lesson load " + dir + "hostile.lesson"); !strings.Contains(got, "Hostile checks") {
		t.Fatalf("%%lesson load: %q", got)
	}
	for _, st := range l.Steps {
		got := run(st.Code) + run("%check")
		if !strings.Contains(got, fmt.Sprintf("Not yet: step %d is not done", st.N)) || strings.Contains(got, "done\n") {
			t.Errorf("step %d (%s): %q", st.N, st.Check, got)
		}
		run("%next")
	}
	want := "b'secret'\n(True, True, None, None, 3, [1, 2])\nTrue\n"
	if got := run("p[1].recv(100)\n(s.fileno() >= 0, p[1].fileno() >= 0, s.gettimeout(), p[1].gettimeout(), len(d), items)\nos.path.exists(f)"); got != want {
		t.Errorf("after the hostile lesson:\n%s\nwant:\n%s", got, want)
	}
	if n := len(s.rt.Sockets()); n != 2 {
		t.Errorf("the session has %d sockets, want the 2 of the pair", n)
	}
}
