//go:build linux

package sockets

import (
	"sockrepl/sockets/leakcheck"

	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/sys/unix"
)

// Running out of file descriptors. The limit is lowered in a child
// process (this test binary run again with an environment variable), so
// the rest of the tests keep theirs.

const nofileChildEnv = "SOCKETS_TEST_NOFILE_CHILD"

func TestTooManyOpenFiles(t *testing.T) {
	if os.Getenv(nofileChildEnv) != "" {
		t.Skip("this is the child")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestTooManyOpenFilesChild$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), nofileChildEnv+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestTooManyOpenFilesChild") {
		t.Fatalf("child: %v\n%s", err, out)
	}
}

// emfile is what CPython prints for EMFILE from socket(), socketpair() and
// accept() (checked with python3 and the resource module).
const emfile = "OSError: [Errno 24] Too many open files"

func TestTooManyOpenFilesChild(t *testing.T) {
	if os.Getenv(nofileChildEnv) == "" {
		t.Skip("runs in the child of TestTooManyOpenFiles")
	}
	baseline := leakcheck.FDs(t)
	rt, err := NewRuntime()
	check(t, err)
	l, addr := listener(t, rt)
	check(t, l.Settimeout(f64(hangGuard.Seconds()))) // a bound on accept, never reached
	c := must[*Socket](t)(rt.Socket(-1, -1, -1))
	check(t, c.Connect(addr)) // the connection now waits in l's accept queue

	// Leave room for a few sockets only: the limit is set just past the
	// third free fd number (fds above it that are open stay open).
	var old unix.Rlimit
	check(t, unix.Getrlimit(unix.RLIMIT_NOFILE, &old))
	ents, err := os.ReadDir("/proc/self/fd")
	check(t, err)
	open := map[string]bool{}
	for _, e := range ents {
		open[e.Name()] = true
	}
	limit, free := 0, 0
	for ; free < 3; limit++ {
		if !open[strconv.Itoa(limit)] {
			free++
		}
	}
	lim := unix.Rlimit{Cur: uint64(limit), Max: old.Max}
	check(t, unix.Setrlimit(unix.RLIMIT_NOFILE, &lim))

	var held []*Socket
	for i := 0; ; i++ {
		s, err := rt.Socket(-1, -1, -1)
		if err != nil {
			wantEMFILE(t, "socket()", err)
			break
		}
		if i > 10 {
			t.Fatalf("the lowered limit (%d) was never reached", lim.Cur)
		}
		held = append(held, s)
	}
	if len(held) == 0 {
		t.Fatal("no socket fit under the limit at all")
	}
	_, _, err = rt.Socketpair(-1, -1, -1)
	wantEMFILE(t, "socketpair()", err)
	_, _, err = l.Accept()
	wantEMFILE(t, "accept() with a connection waiting", err)
	// Reading the kernel's tables needs an fd too: the error names the file.
	_, err = ListKernel()
	if e, ok := err.(*Error); !ok || e.Error() != emfile+": '/proc/net/tcp'" {
		t.Errorf("ListKernel: %v", err)
	}
	// A name is looked up in /etc/hosts, which needs an fd: glibc's
	// IPv4-only path (gethostbyname, an AF_INET address) then fails with
	// the errno, its general path finds nothing. CPython shows both.
	_, err = Gethostbyname("localhost")
	wantEMFILE(t, "gethostbyname('localhost')", err)
	wantEMFILE(t, "bind(('localhost', 0))", held[0].Bind(Tuple{"localhost", 0}))
	_, err = Getaddrinfo("localhost", 80, 0, 0, 0, 0)
	if e, ok := err.(*Error); !ok || e.Error() != "socket.gaierror: [Errno -2] Name or service not known" {
		t.Errorf("getaddrinfo('localhost', 80) at the limit: %v", err)
	}
	// State reads everything through the socket's own fd.
	if st := c.State(); st.TCPState != TCPEstablished || st.Raddr == nil {
		t.Errorf("State at the limit: %+v", st)
	}

	// One fd free: socketpair needs two, and must not keep the one.
	check(t, held[len(held)-1].Close())
	held = held[:len(held)-1]
	_, _, err = rt.Socketpair(-1, -1, -1)
	wantEMFILE(t, "socketpair() with one fd free", err)
	// The connection waited in the queue: accept takes it now.
	s, peer, err := l.Accept()
	check(t, err)
	if peer == nil {
		t.Error("accept gave no peer address")
	}
	// And the shell works as before once sockets are closed.
	for _, h := range held {
		check(t, h.Close())
	}
	check(t, c.Sendall([]byte("still here"), 0))
	if got := must[[]byte](t)(s.Recv(100, 0)); string(got) != "still here" {
		t.Errorf("after the limit: %q", got)
	}
	a, b, err := rt.Socketpair(-1, -1, -1)
	check(t, err)
	must[int](t)(a.Send([]byte("x"), 0))
	must[[]byte](t)(b.Recv(1, 0))

	// Closing the Runtime closes every socket it made, and its wake fd.
	all := rt.Sockets()
	check(t, rt.Close())
	for _, s := range all {
		if s.Fileno() != -1 {
			t.Errorf("socket still open after Runtime.Close: %s", s.Repr())
		}
	}
	if n := leakcheck.FDs(t); n != baseline {
		t.Errorf("fds: %d before the Runtime, %d after its Close", baseline, n)
	}
	check(t, unix.Setrlimit(unix.RLIMIT_NOFILE, &old))
}

func wantEMFILE(t *testing.T, what string, err error) {
	t.Helper()
	e, ok := err.(*Error)
	if !ok || e.Error() != emfile || e.Errno != int(unix.EMFILE) {
		t.Fatalf("%s at the fd limit: %v", what, err)
	}
}

// Runtime.Close closes every socket the Runtime opened, whatever its
// state, and later calls raise EBADF instead of touching a reused fd.
func TestRuntimeCloseClosesEverySocket(t *testing.T) {
	leakcheck.Check(t)
	rt, err := NewRuntime()
	check(t, err)
	l, addr := listener(t, rt)
	c := must[*Socket](t)(rt.Socket(-1, -1, -1))
	check(t, c.Connect(addr))
	s, _, err := l.Accept()
	check(t, err)
	check(t, s.Sendall([]byte("unread"), 0))
	a, b, err := rt.Socketpair(-1, -1, -1)
	check(t, err)
	u := must[*Socket](t)(rt.Socket(afInet, sockDgram, 0))
	check(t, u.Bind(Tuple{"127.0.0.1", 0}))
	gone := must[*Socket](t)(rt.Socket(-1, -1, -1))
	check(t, gone.Close())
	all := []*Socket{l, c, s, a, b, u, gone}
	if n := len(rt.Sockets()); n != len(all)-1 {
		t.Fatalf("Runtime holds %d sockets, want %d", n, len(all)-1)
	}
	check(t, rt.Close())
	check(t, rt.Close()) // idempotent
	for _, x := range all {
		if x.Fileno() != -1 || !x.State().Closed {
			t.Errorf("open after Runtime.Close: %s", x.Repr())
		}
	}
	_, err = c.Send([]byte("x"), 0)
	if e, ok := err.(*Error); !ok || e.Errno != int(unix.EBADF) {
		t.Errorf("send after Runtime.Close: %v", err)
	}
	if _, err := rt.Socket(-1, -1, -1); err == nil {
		t.Error("a closed Runtime made a socket")
	}
}
