package starlark

import (
	"testing"

	"go.starlark.net/syntax"
)

// TestFastOp checks patch 19 (PATCHES.md): a builtin marked WithFastOp is
// not called for two ints or strings, or a list or tuple and an index in
// range, and gives those the operator's answer; any other operands, a
// zero divisor or an index out of range call it.
func TestFastOp(t *testing.T) {
	calls := 0
	slow := func(_ *Thread, _ *Builtin, args Tuple, _ []Tuple) (Value, error) {
		calls++
		return String("called"), nil
	}
	env := StringDict{}
	for name, op := range map[string]syntax.Token{
		"eq": syntax.EQL, "ne": syntax.NEQ, "lt": syntax.LT, "le": syntax.LE, "gt": syntax.GT, "ge": syntax.GE,
		"mod": syntax.PERCENT, "fdiv": syntax.SLASHSLASH, "item": syntax.LBRACK, "isin": syntax.IN, "notin": syntax.NOT_IN,
	} {
		env[name] = NewBorrowingBuiltin(name, slow).WithFastOp(op)
	}
	for _, c := range []struct {
		src, want string
		called    bool
	}{
		{"eq(3, 3)", "True", false}, {"ne('a', 'b')", "True", false}, {"lt(-7, 2)", "True", false},
		{"le('b', 'a')", "False", false}, {"gt(1 << 70, 1 << 69)", "True", false}, {"ge(1, 1)", "True", false},
		{"mod(-7, 3)", "2", false}, {"mod(7, -3)", "-2", false}, {"fdiv(-7, 2)", "-4", false},
		{"fdiv(1 << 70, 1 << 69)", "2", false}, {"item([1, 2, 3], -1)", "3", false}, {"item((4, 5), 0)", "4", false},
		{"mod(7, 0)", `"called"`, true}, {"fdiv(1, 0)", `"called"`, true}, {"eq(1, 1.0)", `"called"`, true},
		{"mod('%d', 1)", `"called"`, true}, {"item([1], 5)", `"called"`, true}, {"item('ab', 0)", `"called"`, true},
		{"eq(True, 1)", `"called"`, true}, {"lt(1, 2, 3)", `"called"`, true},
		{"isin('k', {'k': 1})", "True", false}, {"notin(2, {1: 0})", "True", false}, {"isin('', 'ab')", "True", false},
		{"isin(b'\\n', b'a\\nb')", "True", false}, {"notin('z', 'ab')", "True", false},
		{"isin([1], {})", `"called"`, true}, {"isin(1, 'ab')", `"called"`, true}, {"isin(1, [1])", `"called"`, true},
		{"isin(1, b'ab')", `"called"`, true},
	} {
		calls = 0
		v, err := Eval(new(Thread), "f.star", c.src, env)
		if err != nil {
			t.Errorf("%s: %v", c.src, err)
			continue
		}
		if v.String() != c.want || (calls > 0) != c.called {
			t.Errorf("%s = %s with %d calls, want %s (called: %v)", c.src, v, calls, c.want, c.called)
		}
	}
}
