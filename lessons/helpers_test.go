package lessons

import (
	"fmt"
	"maps"
	"testing"

	"go.starlark.net/starlark"

	"sockrepl/repl/python"
	"sockrepl/sockets"
)

// shell is a learner's shell as the repl builds one: a python.Interp over
// real sockets of one Runtime, each socket held by a global name.
type shell struct {
	t     testing.TB
	rt    *sockets.Runtime
	in    *python.Interp
	names []string
	socks []*sockets.Socket

	kernelCalls int
}

func newShell(t testing.TB) *shell {
	t.Helper()
	rt, err := sockets.NewRuntime()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rt.Close() })
	return &shell{t: t, rt: rt, in: python.New(rt, python.Options{Prelude: true})}
}

// exec runs Python statements in the shell; they must not raise.
func (sh *shell) exec(src string) {
	sh.t.Helper()
	if _, err := sh.in.Exec("<stdin>", src, python.Program); err != nil {
		sh.t.Fatalf("%s: %v", src, err)
	}
}

// socket runs name = socket.socket(family, typ) (-1 for the default) and
// returns the socket.
func (sh *shell) socket(name string, family, typ int) *sockets.Socket {
	sh.t.Helper()
	args := ""
	if family >= 0 {
		args = fmt.Sprintf("%d, %d", family, typ)
	}
	sh.exec(fmt.Sprintf("%s = socket.socket(%s)", name, args))
	return sh.add(name)
}

// add records the socket held by global name, as the repl lists sockets.
func (sh *shell) add(name string) *sockets.Socket {
	sh.t.Helper()
	v, _ := sh.in.Lookup(name)
	s, ok := python.SocketOf(v)
	if !ok {
		sh.t.Fatalf("%s is not a socket: %v", name, v)
	}
	sh.names = append(sh.names, name)
	sh.socks = append(sh.socks, s)
	return s
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
		Globals: maps.Clone(sh.in.Globals()),
		Last:    last,
		Kernel: func() []sockets.KernelSocket {
			sh.kernelCalls++
			rows, err := sockets.ListKernel()
			sh.ok(err)
			return rows
		},
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
	sh.socket("s", -1, -1)
	sh.exec("s.bind(('127.0.0.1', 0))\ns.listen()\nport = s.getsockname()[1]")
	sh.socket("c", -1, -1)
	sh.exec("c.connect(('127.0.0.1', port))\nconn, addr = s.accept()")
	sh.add("conn")
	v, _ := sh.in.Lookup("port")
	port, err := starlark.AsInt32(v)
	sh.ok(err)
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
