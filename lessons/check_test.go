package lessons

import (
	"sockrepl/repl/python"
	"sockrepl/sockets/leakcheck"

	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"go.starlark.net/starlark"

	"sockrepl/sockets"
)

func TestChecksOverLiveSockets(t *testing.T) {
	leakcheck.Check(t)
	sh, port := listenerPair(t)
	c := sh.socks[1]
	if err := c.Sendall([]byte("hello"), 0); err != nil {
		t.Fatal(err)
	}
	sh.exec("x = 3")
	last := Last{Code: "c.sendall(b'hello')", OK: true}
	cases := []struct {
		check string
		want  bool
	}{
		{fmt.Sprintf("any([x.listening and x.lport == %d for x in sockets])", port), true},
		{"len(sockets) == 3 and [x.name for x in sockets] == ['s', 'c', 'conn']", true},
		{"sock('s').listening and sock('s').backlog == 128 and sock('s').acceptq == 0", true},
		{"sock('s').state == 'LISTEN' and sock('c').state == 'ESTABLISHED'", true},
		{"sock('c').family == AF_INET and sock('c').type == SOCK_STREAM and sock('c').kind == 'tcp4'", true},
		{"sock('c').raddr == sock('conn').laddr and sock('c').laddr == sock('conn').raddr", true},
		{fmt.Sprintf("sock('c').rport == %d and sock('c').lport == sock('conn').rport", port), true},
		{"sock('c').lhost == '127.0.0.1' and type(sock('c').laddr) == 'tuple'", true},
		{"sock('conn').recvq == 5 and sock('c').sendq == 0", true},
		{"sock('c').mode == 'blocking' and sock('c').timeout == None", true},
		{"sock('c').rcvbuf > 0 and sock('c').sndbuf > 0 and sock('c').fd >= 0", true},
		{"not any([x.closed for x in sockets])", true},
		{"sock('nope') == None", true},
		{"g['x'] == 3 and g['s'].listening and g['conn'].name == 'conn'", true},
		{"last.ok and last.error == '' and last.errno == 0 and last.value == None", true},
		{"'sendall' in last.code", true},
		{"role == 'main'", true},
		{fmt.Sprintf("root == %s", map[bool]string{true: "True", false: "False"}[os.Geteuid() == 0]), true},
		// False, and failing checks, count as not passed.
		{"sock('c').state == 'LISTEN'", false},
		{"sock('nope').fd == 3", false},
		{"1 // 0 == 1", false},
		{"len([i for i in range(100000000)]) > 0", false},
		{"sockets[10].fd", false},
		{"None", false},
	}
	for _, c := range cases {
		ok, err := evalCheck(stepFor(t, c.check), sh.snap(last))
		if ok != c.want {
			t.Errorf("%s: got %v (%v), want %v", c.check, ok, err, c.want)
		}
	}
}

func TestCheckSeesKernelOnlyWhenAsked(t *testing.T) {
	leakcheck.Check(t)
	sh, port := listenerPair(t)
	st := stepFor(t, fmt.Sprintf("any([k.state == 'LISTEN' and k.lport == %d for k in kernel]) and len(kernel) > 0", port))
	if ok, err := evalCheck(st, sh.snap(Last{})); !ok {
		t.Errorf("kernel listing has no listener on %d: %v", port, err)
	}
	if sh.kernelCalls != 1 {
		t.Errorf("kernel listed %d times for one check, want 1", sh.kernelCalls)
	}
	st = stepFor(t, fmt.Sprintf("any([k.lport == %d and k.pid == %d and k.proto == 'tcp' for k in kernel])", port, os.Getpid()))
	if ok, err := evalCheck(st, sh.snap(Last{})); !ok {
		t.Errorf("kernel rows do not name this process: %v", err)
	}
	sh.kernelCalls = 0
	if ok, _ := evalCheck(stepFor(t, "len(sockets) == 3"), sh.snap(Last{})); !ok || sh.kernelCalls != 0 {
		t.Errorf("a check without `kernel` listed the kernel %d times (ok %v)", sh.kernelCalls, ok)
	}
}

// A machine after a benchmark, or during a parallel test run, holds tens
// of thousands of TIME_WAIT rows. A check that makes one pass over the
// listing must still finish (it once ran out of steps under load), and a
// check that is quadratic in it must still be stopped.
func TestCheckOverHugeKernelListing(t *testing.T) {
	const n = 100_000
	rows := make([]sockets.KernelSocket, 0, n+1)
	for i := range n {
		rows = append(rows, sockets.KernelSocket{Proto: "tcp", State: "TIME_WAIT", LocalHost: "127.0.0.1",
			LocalPort: 32768 + i%28000, RemoteHost: "127.0.0.1", RemotePort: 61010, Timer: time.Minute})
	}
	rows = append(rows, sockets.KernelSocket{Proto: "tcp", State: "LISTEN", LocalHost: "0.0.0.0", LocalPort: 61010, PID: 1})
	s := Snapshot{Kernel: func() []sockets.KernelSocket { return rows }}
	for check, want := range map[string]bool{
		"any([k.state == 'LISTEN' and k.lport == 61010 and k.pid > 0 for k in kernel])":                     true,
		"len([k for k in kernel if k.state == 'TIME_WAIT' and k.rport == 61010 and k.timer > 0]) == 100000": true,
		"len([1 for a in kernel for b in kernel if a.rport == 61010 and a.lport == b.lport]) > 0":           false,
	} {
		ok, err := evalCheck(stepFor(t, check), s)
		if ok != want {
			t.Errorf("%s over %d rows: got %v (%v), want %v", check, len(rows), ok, err, want)
		}
		if !want && (err == nil || !strings.Contains(err.Error(), "too many steps")) {
			t.Errorf("%s: not stopped for its steps: %v", check, err)
		}
	}
}

func TestCheckSurvivesFailingKernelListing(t *testing.T) {
	sh := newShell(t)
	s := sh.snap(Last{})
	s.Kernel = func() []sockets.KernelSocket { panic("no /proc") }
	ok, err := evalCheck(stepFor(t, "len(kernel) == 0"), s)
	if ok || err == nil {
		t.Errorf("a check over a failed listing passed (err %v)", err)
	}
	s.Kernel = nil
	if ok, _ := evalCheck(stepFor(t, "len(kernel) == 0"), s); ok {
		t.Error("a check over a missing listing passed")
	}
}

func TestCheckSeesClosedSockets(t *testing.T) {
	leakcheck.Check(t)
	sh, port := listenerPair(t)
	sh.ok(sh.socks[1].Close())
	s := sh.snap(Last{Code: "c.close()", OK: true})
	for check, want := range map[string]bool{
		"sock('c').closed and sock('c').fd == -1":                                       true,
		fmt.Sprintf("not any([x.rport == %d and not x.closed for x in sockets])", port): true,
		"sock('conn').closed": false,
	} {
		if ok, err := evalCheck(stepFor(t, check), s); ok != want {
			t.Errorf("%s: got %v (%v), want %v", check, ok, err, want)
		}
	}
}

func TestCheckPrefersOpenSocketOfAName(t *testing.T) {
	leakcheck.Check(t)
	sh := newShell(t)
	old := sh.socket("c", -1, -1)
	sh.ok(old.Close())
	sh.socket("c", 2, 2) // AF_INET, SOCK_DGRAM: the name c now holds a UDP socket
	s := sh.snap(Last{})
	if ok, err := evalCheck(stepFor(t, "not sock('c').closed and sock('c').kind == 'udp4'"), s); !ok {
		t.Errorf("sock('c') is not the open UDP socket: %v", err)
	}
}

func TestCheckValues(t *testing.T) {
	s := Snapshot{Last: Last{OK: true, Value: starlark.Bytes("Hello")}}
	for check, want := range map[string]bool{
		"last.value == b'Hello' and type(last.value) == 'bytes'": true,
		"len(last.value) == 5":  true,
		"last.value == 'Hello'": false,
	} {
		if ok, err := evalCheck(stepFor(t, check), s); ok != want {
			t.Errorf("%s: got %v (%v), want %v", check, ok, err, want)
		}
	}
	s.Last = Last{Code: "c.connect(('127.0.0.1', 1))", Error: "ConnectionRefusedError", Errno: 111}
	if ok, err := evalCheck(stepFor(t, "not last.ok and last.error == 'ConnectionRefusedError' and last.errno == 111"), s); !ok {
		t.Errorf("exception fields: %v", err)
	}
}

func TestToStarlark(t *testing.T) {
	for _, c := range []struct {
		in   any
		want string
	}{
		{nil, "None"}, {true, "True"}, {7, "7"}, {int64(8), "8"}, {1.5, "1.5"},
		{"a", `"a"`}, {[]byte("b"), `b"b"`},
		{sockets.Tuple{"::1", 80, 0, 0}, `("::1", 80, 0, 0)`},
		{[]any{"x", sockets.Tuple{1}}, `["x", (1,)]`},
		{struct{}{}, `None`},
	} {
		if got := python.ToStarlark(c.in).String(); got != c.want {
			t.Errorf("python.ToStarlark(%#v) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestConstantsFromSockets(t *testing.T) {
	c := constants()
	if c == nil {
		t.Fatal("sockets.Constants() unavailable")
	}
	for _, k := range sockets.Constants() {
		if v, ok := c[k.Name]; !ok || v.String() != fmt.Sprint(k.Value) {
			t.Errorf("constant %s = %v, want %d", k.Name, v, k.Value)
		}
	}
	src := "lesson 99-t\ntitle: T\ntitle.zh: 题\nstep\nsay: S\nsay.zh: 说\ncode: x\ncheck: AF_INETT == 2\n"
	if _, err := Parse("t.lesson", []byte(src)); err == nil ||
		!strings.Contains(err.Error(), "t.lesson:8: check: undefined: AF_INETT") {
		t.Errorf("misspelt constant: %v", err)
	}
}

// BenchmarkObserve is the cost a lesson adds to every statement: one check
// over a snapshot of three live sockets.
func BenchmarkObserve(b *testing.B) {
	sh, port := listenerPair(b)
	st := stepFor(b, fmt.Sprintf("any([x.state == 'ESTABLISHED' and x.lport == %d for x in sockets])", port))
	for b.Loop() {
		if ok, err := evalCheck(st, sh.snap(Last{OK: true})); !ok {
			b.Fatal(err)
		}
	}
}

// A check is cut short by its limits and by the shell's Ctrl-C, and says
// which stopped it; a huge range() is refused before a builtin loops over
// it where nothing could stop it.
func TestCheckLimits(t *testing.T) {
	sh, _ := listenerPair(t)
	old := CheckTimeout
	defer func() { CheckTimeout = old }()
	stopped := func(check string, snap Snapshot) string {
		t.Helper()
		ok, err := evalCheck(stepFor(t, check), snap)
		var cs *CheckStopped
		if ok || !errors.As(err, &cs) {
			t.Fatalf("%s: %v, %v", check, ok, err)
		}
		return cs.Reason
	}
	CheckTimeout = 10 * time.Minute
	if r := stopped("len([i for i in range(1000000) for j in range(30)]) < 0", sh.snap(Last{})); r != stoppedSteps {
		t.Errorf("steps: stopped by %s", r)
	}
	if r := stopped("len([[0] * 100000 for i in range(100000)]) > 0", sh.snap(Last{})); r != stoppedMemory {
		t.Errorf("memory: stopped by %s", r)
	}
	// Ctrl-C, while the check is inside a builtin that takes no steps.
	snap := sh.snap(Last{})
	snap.Guard = func(cancel func(string)) func() {
		timer := time.AfterFunc(100*time.Millisecond, func() { cancel("KeyboardInterrupt") })
		return func() { timer.Stop() }
	}
	if r := stopped(`len([s.count("y") for s in ["x" * 100000000] for i in range(100000)]) < 0`, snap); r != stoppedInterrupt {
		t.Errorf("Ctrl-C: stopped by %s", r)
	}
	CheckTimeout = 100 * time.Millisecond
	if r := stopped(`len([s.count("y") for s in ["x" * 100000000] for i in range(100000)]) < 0`, sh.snap(Last{})); r != stoppedTime {
		t.Errorf("time: stopped by %s", r)
	}
	ok, err := evalCheck(stepFor(t, "max(range(1000000000000)) > 0"), sh.snap(Last{}))
	if ok || err == nil || !strings.Contains(err.Error(), "too long for a check") {
		t.Errorf("huge range: %v, %v", ok, err)
	}
}
