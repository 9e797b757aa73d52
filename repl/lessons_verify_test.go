package repl

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sockrepl/lessons"
)

// verifyText replays a lesson given as text in real Sessions.
func verifyText(t *testing.T, text string) (bool, string) {
	t.Helper()
	l, err := lessons.Parse("t.lesson", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	ok, report := lessons.Verify(l, "en", func(role string) (lessons.Runner, error) {
		return NewLessonRunner(role, "en")
	})
	return ok, strings.Join(report, "\n")
}

const verifyHead = "lesson 98-v\ntitle: V\ntitle.zh: 验\n"

func verifyStep(code, check string, extra ...string) string {
	s := "step\nsay: S\nsay.zh: 说\ncode: " + code + "\ncheck: " + check + "\n"
	for _, e := range extra {
		s += e + "\n"
	}
	return s
}

// A lesson closes what it opens: the verifier fails one that leaves a
// socket open, or a Unix socket's file on disk, and passes it once it
// cleans up.
func TestVerifyFailsALessonThatLeavesThingsBehind(t *testing.T) {
	open := verifyHead +
		verifyStep("s = socket.socket()", "any([not x.closed for x in sockets])") +
		verifyStep("u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)", "len([x for x in sockets if not x.closed]) == 2") +
		verifyStep("s.close()", "any([x.closed for x in sockets])")
	ok, report := verifyText(t, open)
	if ok || !strings.Contains(report, "FAIL 98-v: the lesson leaves sockets open in the main terminal: u") {
		t.Errorf("a lesson leaving u open: %v %q", ok, report)
	}
	ok, report = verifyText(t, open+verifyStep("u.close()", "all([x.closed for x in sockets])"))
	if !ok {
		t.Errorf("a lesson that closes everything: %q", report)
	}

	path := filepath.Join(t.TempDir(), "v.sock")
	bound := verifyHead +
		verifyStep(fmt.Sprintf("s = socket.socket(socket.AF_UNIX); s.bind(%q)", path), "any([x.laddr != None for x in sockets])") +
		verifyStep("s.close()", "all([x.closed for x in sockets])")
	ok, report = verifyText(t, bound)
	if ok || !strings.Contains(report, "leaves the socket file "+path+" on disk") {
		t.Errorf("a lesson leaving %s: %v %q", path, ok, report)
	}
	path2 := filepath.Join(filepath.Dir(path), "v2.sock")
	bound = strings.ReplaceAll(bound, path, path2)
	ok, report = verifyText(t, bound+verifyStep(fmt.Sprintf("os.unlink(%q)", path2), fmt.Sprintf("not exists(%q)", path2)))
	if !ok {
		t.Errorf("a lesson that unlinks its path: %q", report)
	}
	if _, err := os.Lstat(path2); err == nil {
		t.Errorf("%s still on disk", path2)
	}
}

// The alternatives replay: a check that tests spelling accepts the wrong
// answer and fails; one that tests kernel state refuses it and accepts
// another correct solution.
func TestVerifyTriesOtherAndWrongSolutions(t *testing.T) {
	spelling := verifyHead +
		verifyStep("s = socket.socket()", "any([not x.closed for x in sockets])") +
		verifyStep("s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)", "last.ok and 'SO_REUSEADDR' in last.code",
			"wrong: s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 0)") +
		verifyStep("s.close()", "all([x.closed for x in sockets])")
	ok, report := verifyText(t, spelling)
	if ok || !strings.Contains(report, "step 2 (main): the check accepts the wrong answer `s.setsockopt(") {
		t.Errorf("a spelling check: %v %q", ok, report)
	}
	state := strings.Replace(spelling, "last.ok and 'SO_REUSEADDR' in last.code", "any([x.reuseaddr and not x.closed for x in sockets])", 1)
	state = strings.Replace(state, "wrong: ", "alt: s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, True)\nwrong: ", 1)
	ok, report = verifyText(t, state)
	if !ok || report != "ok   98-v  3 steps, 1 other solutions and 1 wrong answers tried" {
		t.Errorf("a state check: %v %q", ok, report)
	}
	bad := strings.Replace(state, "SO_REUSEADDR, True)", "SO_REUSEPORT, True)", 1)
	ok, report = verifyText(t, bad)
	if ok || !strings.Contains(report, "step 2 (main): check false after the other solution `s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, True)`") {
		t.Errorf("a wrong alternative: %v %q", ok, report)
	}
}

// A step that blocks in a real Session is interrupted after
// lessons.StepTimeout, as Ctrl-C would, and the replay fails instead of
// hanging.
func TestVerifyInterruptsABlockedSession(t *testing.T) {
	defer func(d time.Duration) { lessons.StepTimeout = d }(lessons.StepTimeout)
	lessons.StepTimeout = 200 * time.Millisecond
	ok, report := verifyText(t, verifyHead+
		verifyStep("a, b = socket.socketpair()", "len(sockets) == 2")+
		verifyStep("b.recv(10)", `type(last.value) == "bytes"`)+
		verifyStep("a.close(); b.close()", "all([x.closed for x in sockets])"))
	if ok || !strings.Contains(report, "step 2 (main): the code was still blocked after 200ms and was interrupted") {
		t.Errorf("a blocked recv: %v %q", ok, report)
	}
}
