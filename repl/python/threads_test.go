package python

import (
	"testing"

	"sockrepl/sockets"
	"sockrepl/sockets/leakcheck"
)

// TestThreadsEndWithInterp leaves threads blocked in recv(), in
// Queue.get() and in a busy loop, and suspended generators, then closes
// the interpreter and its Runtime: every goroutine and fd is gone.
func TestThreadsEndWithInterp(t *testing.T) {
	leakcheck.Check(t)
	rt, err := sockets.NewRuntime()
	if err != nil {
		t.Fatal(err)
	}
	in := New(rt, Options{Prelude: true})
	src := `import threading, queue, socket
a, b = socket.socketpair()
q = queue.Queue()
def spin():
    while True:
        pass
def gen():
    yield 1
    yield 2
g = gen()
next(g)
for fn in (lambda: a.recv(10), q.get, spin):
    threading.Thread(target=fn, daemon=True).start()
`
	if _, err := in.Exec("<test>", src, Program); err != nil {
		t.Fatal(err)
	}
	if _, err := in.Exec("<test>", "n = threading.active_count()", Program); err != nil {
		t.Fatal(err)
	}
	if v, _ := in.Lookup("n"); v.String() != "4" {
		t.Fatalf("active_count() = %v, want 4", v)
	}
	in.Close()
	rt.Close()
	in.Wait()
}

// TestThreadExceptionPrinted: an exception that ends a thread is printed
// as CPython's threading does, and the program goes on.
func TestThreadExceptionPrinted(t *testing.T) {
	rt, err := sockets.NewRuntime()
	if err != nil {
		t.Fatal(err)
	}
	defer rt.Close()
	var stderr string
	in := New(rt, Options{Stderr: func(s string) { stderr += s }})
	defer in.Close()
	src := "import threading\ndef bad():\n    raise ValueError('in thread')\nth = threading.Thread(target=bad, name='w')\nth.start()\nth.join()\nafter = True\n"
	if _, err := in.Exec("prog.py", src, Program); err != nil {
		t.Fatal(err)
	}
	want := "Exception in thread w:\nTraceback (most recent call last):\n  File \"prog.py\", line 3, in bad\n    raise ValueError('in thread')\nValueError: in thread\n"
	if stderr != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
	}
	if _, ok := in.Lookup("after"); !ok {
		t.Error("the program stopped with its thread")
	}
}
