//go:build linux

package sockets

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"

	"sockrepl/sockets/leakcheck"
)

// traceLog collects one view of the tracer's lines.
type traceLog struct {
	mu    sync.Mutex
	lines []string
}

func (l *traceLog) tracer(view TraceView) func(Trace) {
	return func(tr Trace) {
		if tr.View == ViewBoth || tr.View == view {
			l.mu.Lock()
			l.lines = append(l.lines, tr.Call+" = "+tr.Result)
			l.mu.Unlock()
		}
	}
}

func (l *traceLog) text() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}

// A blocking recv that Ctrl-C ends is, in the program view, the one
// recvfrom CPython sleeps in, ended by EINTR; the raw view shows the
// non-blocking attempt and the poll on the socket and the wake fd.
func TestTraceViewsOfInterruptedRecv(t *testing.T) {
	leakcheck.Check(t)
	for _, view := range []TraceView{ViewProgram, ViewRaw} {
		rt := newRT(t)
		a, b := connected(t, rt)
		var log traceLog
		rt.SetTracer(log.tracer(view))
		err, _, _ := blockThenInterrupt(t, rt, func() error { _, err := a.Recv(10, 0); return err })
		if !IsInterrupted(err) {
			t.Fatalf("got %v", err)
		}
		rt.SetTracer(nil)
		var want []string
		if view == ViewProgram {
			want = []string{fmt.Sprintf(`^recvfrom\(%d, \.\.\., 10, 0\) = -1 EINTR \(Interrupted system call\)$`, a.Fileno())}
		} else {
			want = []string{
				fmt.Sprintf(`^recvfrom\(%d, \.\.\., 10, MSG_DONTWAIT\) = -1 EAGAIN \(Resource temporarily unavailable\)\n`, a.Fileno()),
				fmt.Sprintf(`poll\(\[\{fd=%d, events=POLLIN\}, \{fd=%d, events=POLLIN\}\], 2, -1\) = (1 \(\[\{fd=%d, revents=POLLIN\}\]\)|0 \(Timeout\))$`, a.Fileno(), rt.wake, rt.wake),
			}
		}
		if !regexp.MustCompile(strings.Join(want, "")).MatchString(log.text()) {
			t.Errorf("view %d:\n%s\nwant %s", view, log.text(), want)
		}
		check(t, a.Close())
		check(t, b.Close())
	}
}

// A blocking connect is one connect() in the program view; the raw view
// shows the non-blocking connect (the fd is O_NONBLOCK from socket() on,
// kernelnb.go, so there is no FIONBIO around it).
func TestTraceViewsOfBlockingConnect(t *testing.T) {
	leakcheck.Check(t)
	rt := newRT(t)
	l, addr := listener(t, rt)
	for _, view := range []TraceView{ViewProgram, ViewRaw} {
		c := must[*Socket](t)(rt.Socket(-1, -1, -1))
		var log traceLog
		rt.SetTracer(log.tracer(view))
		check(t, c.Connect(addr))
		rt.SetTracer(nil)
		got := log.text()
		fionbio := strings.Contains(got, "FIONBIO")
		if view == ViewProgram && (fionbio || strings.Count(got, "\n") != 0 || !strings.HasSuffix(got, ") = 0")) {
			t.Errorf("program view:\n%s", got)
		}
		if view == ViewRaw && (fionbio || !strings.Contains(got, "EINPROGRESS")) {
			t.Errorf("raw view:\n%s", got)
		}
		s, _, err := l.Accept()
		check(t, err)
		check(t, s.Close())
		check(t, c.Close())
	}
	check(t, l.Close())
}
