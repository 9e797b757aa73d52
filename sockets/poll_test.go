//go:build linux

package sockets

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/sys/unix"

	"sockrepl/sockets/leakcheck"
)

func TestPollReportsReadyInOrderGiven(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	a, b := must2(t)(rt.Socketpair(-1, -1, -1))
	fds := []PollFD{{FD: a.Fileno(), Events: unix.POLLIN}, {FD: b.Fileno(), Events: unix.POLLIN | unix.POLLOUT}}
	got := must[[]PollFD](t)(rt.Poll("poll", fds, 0))
	if len(got) != 1 || got[0].FD != b.Fileno() || got[0].Revents != unix.POLLOUT {
		t.Fatalf("only b writable expected, got %+v", got)
	}
	must[int](t)(b.Send([]byte("x"), 0))
	got = must[[]PollFD](t)(rt.Poll("poll", fds, -1))
	if len(got) != 2 || got[0].FD != a.Fileno() || got[0].Revents != unix.POLLIN || got[1].FD != b.Fileno() {
		t.Fatalf("a readable then b writable expected, got %+v", got)
	}
	// A closed descriptor is reported as POLLNVAL whatever was asked.
	fd := b.Fileno()
	check(t, b.Close())
	got = must[[]PollFD](t)(rt.Poll("poll", []PollFD{{FD: fd, Events: 0}}, 0))
	if len(got) != 1 || got[0].Revents != unix.POLLNVAL {
		t.Fatalf("POLLNVAL expected for a closed fd, got %+v", got)
	}
	check(t, a.Close())
}

func TestPollTimesOutEmpty(t *testing.T) {
	rt := newRT(t)
	a, _ := must2(t)(rt.Socketpair(-1, -1, -1))
	got, err := rt.Poll("poll", []PollFD{{FD: a.Fileno(), Events: unix.POLLIN}}, 20)
	if err != nil || got == nil || len(got) != 0 {
		t.Fatalf("want an empty list after the timeout, got %+v, %v", got, err)
	}
}

func TestInterruptPoll(t *testing.T) {
	rt := newRT(t)
	a, _ := must2(t)(rt.Socketpair(-1, -1, -1))
	_, first, _ := blockThenInterrupt(t, rt, func() error {
		_, err := rt.Poll("poll", []PollFD{{FD: a.Fileno(), Events: unix.POLLIN}}, -1)
		return err
	})
	if first.Op != "poll" || first.Why != WaitSelect {
		t.Errorf("progress %+v", first)
	}
}

func TestEpollRegisterWaitUnregister(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	ep := must[*Epoll](t)(rt.NewEpoll())
	a, b := must2(t)(rt.Socketpair(-1, -1, -1))
	check(t, ep.Register(a.Fileno(), unix.EPOLLIN))
	var e *Error
	if err := ep.Register(a.Fileno(), unix.EPOLLIN); !errors.As(err, &e) || e.Class != "FileExistsError" || e.Errno != int(unix.EEXIST) {
		t.Errorf("second register: %v", err)
	}
	if got := must[[]EpollEvent](t)(ep.Wait("poll", 0, 10)); len(got) != 0 {
		t.Errorf("nothing queued yet, got %+v", got)
	}
	must[int](t)(b.Send([]byte("hi"), 0))
	got := must[[]EpollEvent](t)(ep.Wait("poll", -1, 10))
	if len(got) != 1 || got[0].FD != a.Fileno() || got[0].Events != unix.EPOLLIN {
		t.Fatalf("a readable expected, got %+v", got)
	}
	check(t, ep.Modify(a.Fileno(), unix.EPOLLOUT))
	got = must[[]EpollEvent](t)(ep.Wait("poll", 0, 10))
	if len(got) != 1 || got[0].Events != unix.EPOLLOUT {
		t.Fatalf("a writable expected after modify, got %+v", got)
	}
	check(t, ep.Unregister(a.Fileno()))
	if err := ep.Unregister(a.Fileno()); !errors.As(err, &e) || e.Class != "FileNotFoundError" {
		t.Errorf("second unregister: %v", err)
	}
	if _, err := ep.Wait("poll", 0, 0); err == nil || err.Error() != "ValueError: maxevents must be greater than 0, got 0" {
		t.Errorf("maxevents 0: %v", err)
	}
	check(t, ep.Close())
	check(t, ep.Close())
	if ep.Fileno() != -1 || !ep.Closed() {
		t.Errorf("closed epoll still has fd %d", ep.Fileno())
	}
	check(t, a.Close())
	check(t, b.Close())
}

func TestEpollWaitTimesOutAndIsInterrupted(t *testing.T) {
	rt := newRT(t)
	ep := must[*Epoll](t)(rt.NewEpoll())
	a, _ := must2(t)(rt.Socketpair(-1, -1, -1))
	check(t, ep.Register(a.Fileno(), unix.EPOLLIN))
	if got, err := ep.Wait("poll", 20, 1); err != nil || len(got) != 0 {
		t.Fatalf("timeout: %+v, %v", got, err)
	}
	_, first, _ := blockThenInterrupt(t, rt, func() error {
		_, err := ep.Wait("poll", -1, 1)
		return err
	})
	if first.Op != "poll" {
		t.Errorf("progress %+v", first)
	}
}

func TestRuntimeCloseClosesEpollsAndDetached(t *testing.T) {
	before := leakcheck.FDs(t)
	rt, err := NewRuntime()
	check(t, err)
	must[*Epoll](t)(rt.NewEpoll())
	s := must[*Socket](t)(rt.Socket(-1, -1, -1))
	if fd := s.Detach(); fd < 0 || !rt.Detached(fd) {
		t.Fatalf("detach gave %d", fd)
	}
	check(t, rt.Close())
	if n := leakcheck.FDs(t); n != before {
		t.Errorf("%d fds after closing the runtime, %d before", n, before)
	}
}

func TestDupDetachAdoptFromFD(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	a, b := must2(t)(rt.Socketpair(-1, -1, -1))
	check(t, a.Settimeout(f64(2.5)))
	d := must[*Socket](t)(a.Dup())
	if d.Fileno() == a.Fileno() || d.Family() != a.Family() || *d.Gettimeout() != 2.5 {
		t.Errorf("dup: fd %d family %d timeout %v", d.Fileno(), d.Family(), d.Gettimeout())
	}
	check(t, a.Close())
	must[int](t)(d.Send([]byte("via dup"), 0))
	if got := string(must[[]byte](t)(b.Recv(100, 0))); got != "via dup" {
		t.Errorf("recv %q", got)
	}
	fd := d.Detach()
	if d.Fileno() != -1 || d.Detach() != -1 {
		t.Errorf("a detached socket is closed")
	}
	if _, err := rt.Adopt(b.Fileno(), -1, -1, -1); err == nil {
		t.Errorf("adopted a descriptor that was never detached")
	}
	n := must[*Socket](t)(rt.Adopt(fd, -1, -1, -1))
	if n.Family() != unix.AF_UNIX || n.Type() != unix.SOCK_STREAM || rt.Detached(fd) {
		t.Errorf("adopted family %d type %d", n.Family(), n.Type())
	}
	f := must[*Socket](t)(rt.FromFD(n.Fileno(), unix.AF_UNIX, unix.SOCK_STREAM, 0))
	check(t, n.Close())
	must[int](t)(f.Send([]byte("via fromfd"), 0))
	if got := string(must[[]byte](t)(b.Recv(100, 0))); got != "via fromfd" {
		t.Errorf("recv %q", got)
	}
	if _, err := rt.FromFD(-1, unix.AF_INET, unix.SOCK_STREAM, 0); err == nil || err.Error() != "OSError: [Errno 9] Bad file descriptor" {
		t.Errorf("fromfd(-1): %v", err)
	}
	check(t, f.Close())
	check(t, b.Close())
}

func TestDefaultTimeoutAppliesToNewSockets(t *testing.T) {
	rt := newRT(t)
	check(t, rt.SetDefaultTimeout(f64(1.5)))
	s := must[*Socket](t)(rt.Socket(-1, -1, -1))
	if got := s.Gettimeout(); got == nil || *got != 1.5 || !nonblockFlag(t, s) {
		t.Errorf("new socket timeout %v", got)
	}
	check(t, rt.SetDefaultTimeout(f64(0)))
	a, _ := must2(t)(rt.Socketpair(-1, -1, -1))
	if a.Getblocking() {
		t.Errorf("default 0 should make socketpair non-blocking")
	}
	if err := rt.SetDefaultTimeout(f64(-1)); err == nil || err.Error() != "ValueError: Timeout value out of range" {
		t.Errorf("negative default: %v", err)
	}
	check(t, rt.SetDefaultTimeout(nil))
	if rt.DefaultTimeout() != nil || must[*Socket](t)(rt.Socket(-1, -1, -1)).Gettimeout() != nil {
		t.Errorf("default None should give blocking sockets")
	}
}

func TestServicesMatchCPython(t *testing.T) {
	var cases []pyCase
	for _, c := range []struct{ name, proto string }{{"http", ""}, {"http", "tcp"}, {"http", "udp"}, {"www", ""}, {"domain", "udp"}, {"nosuch", ""}, {"HTTP", ""}, {"ssh", "sctp"}} {
		c := c
		cases = append(cases, pyCase{"getservbyname " + c.name + "/" + c.proto, "r = socket.getservbyname(" + pyArgs(c.name, c.proto) + ")", func(t *testing.T, rt *Runtime) (any, error) {
			return Getservbyname(c.name, c.proto)
		}})
	}
	for _, c := range []struct {
		port  int
		proto string
	}{{80, ""}, {80, "udp"}, {53, "udp"}, {1, ""}, {65536, ""}, {-1, ""}, {22, "sctp"}, {8080, "tcp"}} {
		c := c
		cases = append(cases, pyCase{"getservbyport " + Repr(c.port) + "/" + c.proto, "r = socket.getservbyport(" + Repr(c.port) + pyOptProto(c.proto) + ")", func(t *testing.T, rt *Runtime) (any, error) {
			return Getservbyport(c.port, c.proto)
		}})
	}
	for _, name := range []string{"tcp", "udp", "icmp", "TCP", "ipv6-icmp", "ip", "nope"} {
		name := name
		cases = append(cases, pyCase{"getprotobyname " + name, "r = socket.getprotobyname(" + Repr(name) + ")", func(t *testing.T, rt *Runtime) (any, error) {
			return Getprotobyname(name)
		}})
	}
	comparePython(t, cases)
}

func pyArgs(name, proto string) string { return Repr(name) + pyOptProto(proto) }

func pyOptProto(proto string) string {
	if proto == "" {
		return ""
	}
	return ", " + Repr(proto)
}

func must2(t *testing.T) func(a, b *Socket, err error) (*Socket, *Socket) {
	return func(a, b *Socket, err error) (*Socket, *Socket) {
		t.Helper()
		check(t, err)
		return a, b
	}
}

// In the program view, poll() and epoll.poll() are the one poll and
// epoll_wait CPython makes (ended by EINTR when interrupted); the raw
// view shows this package's non-blocking look and its wait.
func TestTraceViewsOfPollAndEpoll(t *testing.T) {
	rt := newRT(t)
	a, b := must2(t)(rt.Socketpair(-1, -1, -1))
	ep := must[*Epoll](t)(rt.NewEpoll())
	check(t, ep.Register(a.Fileno(), unix.EPOLLIN))
	var prog, raw traceLog
	rt.SetTracer(func(tr Trace) { prog.tracer(ViewProgram)(tr); raw.tracer(ViewRaw)(tr) })
	must[int](t)(b.Send([]byte("x"), 0))
	must[[]PollFD](t)(rt.Poll("poll", []PollFD{{FD: a.Fileno(), Events: unix.POLLIN}}, 100))
	must[[]EpollEvent](t)(ep.Wait("poll", 100, 4))
	must[[]byte](t)(a.Recv(1, 0))
	_, _, _ = blockThenInterrupt(t, rt, func() error { _, err := ep.Wait("poll", -1, 4); return err })
	rt.SetTracer(nil)
	fd, efd := a.Fileno(), ep.Fileno()
	wantProg := []string{
		fmt.Sprintf(`poll\(\[\{fd=%d, events=POLLIN\}\], 1, 100\) = 1 \(\[\{fd=%d, revents=POLLIN\}\]\)`, fd, fd),
		fmt.Sprintf(`epoll_wait\(%d, \[\{events=EPOLLIN, data=\{u32=%d\}\}\], 4, 100\) = 1`, efd, fd),
		fmt.Sprintf(`epoll_wait\(%d, \[\], 4, -1\) = -1 EINTR \(Interrupted system call\)`, efd),
	}
	for _, w := range wantProg {
		if !regexp.MustCompile("(?m)^" + w + "$").MatchString(prog.text()) {
			t.Errorf("program view lacks %s:\n%s", w, prog.text())
		}
	}
	if strings.Contains(prog.text(), ", 0) = 0") {
		t.Errorf("the program view shows the package's own look:\n%s", prog.text())
	}
	if !regexp.MustCompile(fmt.Sprintf(`(?m)^epoll_wait\(%d, \[\], 4, 0\) = 0$`, efd)).MatchString(raw.text()) {
		t.Errorf("raw view lacks the non-blocking epoll_wait:\n%s", raw.text())
	}
	check(t, ep.Close())
}
