package lessons

import (
	"fmt"
	"os"
	"testing"
	"time"

	"sockrepl/sockets"
)

// A check's `kernel` holds the rows that concern the lesson, whatever else
// the machine holds: a crowd of foreign TIME_WAIT rows is cut in Go, so a
// check costs the same with it as without it.
func TestKernelScopeCutsForeignRows(t *testing.T) {
	const crowd = 100_000
	rows := make([]sockets.KernelSocket, 0, crowd+8)
	for i := range crowd {
		rows = append(rows, sockets.KernelSocket{Proto: "tcp", State: "TIME_WAIT", LocalHost: "127.0.0.1",
			LocalPort: 8080, RemoteHost: "127.0.0.1", RemotePort: 32768 + i%28000, Timer: time.Minute})
	}
	mine := []sockets.KernelSocket{
		{Proto: "tcp", State: "LISTEN", LocalHost: "127.0.0.1", LocalPort: 61010, PID: 4242},              // a port the check names
		{Proto: "tcp", State: "ESTABLISHED", LocalHost: "127.0.0.1", LocalPort: 40001, RemotePort: 61011}, // a port the code names
		{Proto: "tcp", State: "ESTABLISHED", LocalHost: "127.0.0.1", LocalPort: 61017, RemotePort: 61018}, // a port a socket of the shell uses
		{Proto: "udp", State: "UNCONN", LocalHost: "0.0.0.0", LocalPort: 53000, PID: os.Getpid()},         // this process
		{Proto: "unix", State: "LISTEN", Path: "/tmp/lesson-scope.sock"},                                  // a path the code names
		{Proto: "unix", State: "LISTEN", Path: "@lesson-scope"},                                           // an abstract name the code names
	}
	foreign := []sockets.KernelSocket{
		{Proto: "unix", State: "LISTEN", Path: "/run/other.sock"},
		{Proto: "tcp", State: "LISTEN", LocalHost: "0.0.0.0", LocalPort: 22, PID: 1},
	}
	rows = append(rows, foreign...)
	rows = append(rows, mine...)
	l := parseText(t, `lesson 99-scope
title: T
title.zh: 题
step
say: S
say.zh: 说
code: c.connect(('127.0.0.1', 61011))
check: any([k.lport == 61010 for k in kernel])
step
say: S
say.zh: 说
code: u.bind('/tmp/lesson-scope.sock'); v.bind('\x00lesson-scope')
check: len(kernel) == 6
`)
	calls := 0
	s := Snapshot{
		Kernel: func() []sockets.KernelSocket { calls++; return rows },
		Sockets: []SocketView{{Name: "c", State: sockets.State{
			Laddr: sockets.Tuple{"127.0.0.1", 61017}, Raddr: sockets.Tuple{"127.0.0.1", 61018}}}},
	}
	for _, st := range l.Steps {
		if ok, err := evalCheck(st, s); !ok {
			t.Errorf("step %d: %s: false (%v)", st.N, st.Check, err)
		}
	}
	if calls != 2 {
		t.Errorf("the listing was read %d times for two checks", calls)
	}
	got := l.Steps[0].scope.filter(rows, s.Sockets, nil)
	if len(got) != len(mine) {
		t.Fatalf("kept %d rows, want the lesson's %d: %v", len(got), len(mine), got)
	}
	for i := range mine {
		if fmt.Sprint(got[i]) != fmt.Sprint(mine[i]) {
			t.Errorf("row %d: kept %v, want %v", i, got[i], mine[i])
		}
	}
}
