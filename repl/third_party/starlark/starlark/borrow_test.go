package starlark

import (
	"errors"
	"testing"
)

// TestBorrowingBuiltin checks patch 9 (PATCHES.md): a builtin made with
// NewBorrowingBuiltin gets its arguments uncopied, and a shallow error is
// one allocation.
func TestBorrowingBuiltin(t *testing.T) {
	same := func(_ *Thread, _ *Builtin, args Tuple, _ []Tuple) (Value, error) {
		return Bool(args[0] == args[1]), nil
	}
	env := StringDict{
		"same":   NewBorrowingBuiltin("same", same),
		"copied": NewBuiltin("copied", same),
	}
	thread := new(Thread)
	g, err := ExecFileOptions(nsOptions, thread, "borrow.star", `
def f(a, b):
    return same(a, b)

def g(a, b):
    return copied(a, b)

def h():
    x = 1
    return [same(x, 2), x, 3, same(x, x)]

r = h()
`, env)
	if err != nil {
		t.Fatal(err)
	}
	if got := g["r"].String(); got != "[False, 1, 3, True]" {
		t.Errorf("h() = %s", got)
	}
	args := Tuple{MakeInt(1), MakeInt(2)}
	// What differs is CALL's copy of the arguments.
	borrowed := testing.AllocsPerRun(200, func() { Call(thread, g["f"], args, nil) })
	copiedN := testing.AllocsPerRun(200, func() { Call(thread, g["g"], args, nil) })
	if copiedN-borrowed != 1 {
		t.Errorf("a call of a borrowing builtin allocates %v, a copying one %v: want one less", borrowed, copiedN)
	}
	// A bound borrowing builtin borrows too.
	if !NewBorrowingBuiltin("m", same).BindReceiver(None).borrows {
		t.Error("BindReceiver dropped borrows")
	}
	// An error on a shallow stack is one allocation.
	cause := errors.New("x")
	if n := testing.AllocsPerRun(200, func() { _ = thread.evalError(cause) }); n != 1 {
		t.Errorf("evalError on an empty stack allocates %v times, want 1", n)
	}
}
