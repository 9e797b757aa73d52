package repl

import (
	"bytes"
	"strings"
	"testing"
)

// TestNoticesWithManySockets: past watchFrom sockets the notices read only
// the sockets a sockets.Watch names (used by the statement, new, or woken
// by the kernel), and must still report what the statement's own results
// do not show: a connection queued on a listener the statement did not
// touch, bytes arriving on the accepted end, the peer's close.
func TestNoticesWithManySockets(t *testing.T) {
	s, buf := terminalSession(t)
	steps := []struct{ src, want string }{
		{"pairs = [socket.socketpair() for i in range(40)]", ""},
		{"srv = socket.socket()", ""},
		{"srv.bind(('127.0.0.1', 0))", ""},
		{"srv.listen()", ""},
		{"c = socket.create_connection(srv.getsockname())", "srv: 1 connection waiting in the accept queue"},
		{"conn, addr = srv.accept()", ""},
		{"n = c.send(b'hello')", "conn: 5 bytes arrived in the receive buffer"},
		{"n = pairs[3][0].send(b'abc')", "3 bytes arrived in the receive buffer"},
		{"c.close()", "conn: peer closed its end"},
	}
	if n := 80; n < watchFrom {
		t.Fatalf("the test needs at least %d sockets", watchFrom)
	}
	for _, st := range steps {
		buf.Reset()
		if err := s.Exec(st.src); err != nil {
			t.Fatalf("%s: %v", st.src, err)
		}
		got := buf.String()
		if st.want != "" && !strings.Contains(got, st.want) {
			t.Errorf("after %s: no notice %q in %q", st.src, st.want, got)
		}
		if st.want == "" && strings.Contains(got, "●") {
			t.Errorf("after %s: an unexpected notice %q", st.src, got)
		}
	}
	if s.watch == nil {
		t.Errorf("the notices never used a Watch")
	}
}

// TestNoticeUnreferencedSocket: at the prompt, a socket whose last name
// is rebound is closed at once (CPython's reference counting does it) and
// the terminal says so by the name it had; a socket still held elsewhere
// is not.
func TestNoticeUnreferencedSocket(t *testing.T) {
	s, buf := terminalSession(t)
	for _, src := range []string{"srv = socket.socket()", "srv.bind(('127.0.0.1', 0))", "srv.listen()",
		"c = socket.create_connection(srv.getsockname())", "conn, addr = srv.accept()", "other = [conn]"} {
		if err := s.Exec(src); err != nil {
			t.Fatalf("%s: %v", src, err)
		}
	}
	buf.Reset()
	if err := s.Exec("conn = None"); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "closed") {
		t.Errorf("a socket still in a list was closed: %q", buf.String())
	}
	buf.Reset()
	if err := s.Exec("c = None"); err != nil {
		t.Fatal(err)
	}
	if want := "c: closed, since nothing refers to that socket any more"; !strings.Contains(buf.String(), want) {
		t.Errorf("no notice %q in %q", want, buf.String())
	}
	buf.Reset()
	if err := s.Exec("other[0].recv(10, socket.MSG_DONTWAIT)"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "b''") {
		t.Errorf("the peer of the closed socket did not read EOF: %q", buf.String())
	}
}

// terminalSession is a Session in terminal mode (notices, hints), in
// English, writing into the buffer it returns; closed with the test.
func terminalSession(t *testing.T) (*Session, *bytes.Buffer) {
	t.Helper()
	buf := new(bytes.Buffer)
	s, err := NewSession(Options{Out: buf, Err: buf, Terminal: true, Lang: "en", StateDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, buf
}
