package lessons

import (
	"fmt"
	"testing"

	"go.starlark.net/starlark"

	"sockrepl/sockets"
)

// shell is a stand-in for a learner's shell: real sockets of one Runtime,
// each held by a global name, as the repl would build a Snapshot of them.
type shell struct {
	t       testing.TB
	rt      *sockets.Runtime
	names   []string
	socks   []*sockets.Socket
	globals starlark.StringDict

	kernelCalls int
}

// sockValue stands for the repl's socket value in globals.
type sockValue struct{ s *sockets.Socket }

func (v sockValue) String() string        { return v.s.Repr() }
func (v sockValue) Type() string          { return "socket" }
func (v sockValue) Freeze()               {}
func (v sockValue) Truth() starlark.Bool  { return true }
func (v sockValue) Hash() (uint32, error) { return uint32(v.s.Fileno()), nil }

func newShell(t testing.TB) *shell {
	t.Helper()
	rt, err := sockets.NewRuntime()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rt.Close() })
	return &shell{t: t, rt: rt, globals: starlark.StringDict{}}
}

// add names a socket, as an assignment in the shell would.
func (sh *shell) add(name string, s *sockets.Socket) *sockets.Socket {
	sh.names = append(sh.names, name)
	sh.socks = append(sh.socks, s)
	sh.globals[name] = sockValue{s}
	return s
}

func (sh *shell) socket(name string, family, typ int) *sockets.Socket {
	s, err := sh.rt.Socket(family, typ, 0)
	sh.ok(err)
	return sh.add(name, s)
}

func (sh *shell) ok(err error) {
	sh.t.Helper()
	if err != nil {
		sh.t.Fatal(err)
	}
}

// snap is what the repl would hand a tutor after a statement.
func (sh *shell) snap(last Last) Snapshot {
	s := Snapshot{
		Role:    "main",
		Globals: starlark.StringDict{},
		Last:    last,
		Kernel: func() []sockets.KernelSocket {
			sh.kernelCalls++
			rows, err := sockets.ListKernel()
			sh.ok(err)
			return rows
		},
		IsSocket: func(v starlark.Value) (sockets.State, bool) {
			if sv, ok := v.(sockValue); ok {
				return sv.s.State(), true
			}
			return sockets.State{}, false
		},
	}
	for k, v := range sh.globals {
		s.Globals[k] = v
	}
	for i, sk := range sh.socks {
		s.Sockets = append(s.Sockets, SocketView{Name: sh.names[i], State: sk.State()})
	}
	return s
}

// listenerPair makes s listening on a port the system picks, c connected
// to it, and conn accepted: the shell of lesson 01 after step 6.
func listenerPair(t testing.TB) (sh *shell, port int) {
	sh = newShell(t)
	s := sh.socket("s", -1, -1)
	sh.ok(s.Bind(sockets.Tuple{"127.0.0.1", 0}))
	sh.ok(s.Listen())
	addr, err := s.Getsockname()
	sh.ok(err)
	port = addr.(sockets.Tuple)[1].(int)
	c := sh.socket("c", -1, -1)
	sh.ok(c.Connect(sockets.Tuple{"127.0.0.1", port}))
	conn, _, err := s.Accept()
	sh.ok(err)
	sh.add("conn", conn)
	return sh, port
}

// stepFor compiles a check the way a lesson file would.
func stepFor(t testing.TB, check string) *Step {
	t.Helper()
	src := fmt.Sprintf("lesson 99-t\ntitle: T\ntitle.zh: 题\nstep\nsay: S\nsay.zh: 说\ncode: x\ncheck: %s\n", check)
	l, err := Parse("t.lesson", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return l.Steps[0]
}
