package starlark

import (
	"strings"

	"go.starlark.net/syntax"
)

// Patch 19: operators on ints and strings without a call.
//
// sockrepl lowers Python's ==, <, %, // and x[i] to calls of builtins
// ($eq, $mod, $getitem...) that know Python's rules for every type: an
// instance's __eq__, str % args, a bytes index. Most operands are small
// ints and strings, for which Starlark's own operators already give
// Python's answer. A builtin marked WithFastOp(op) is skipped by CALL
// when its two arguments are such operands (fastOp answers), and called
// as before otherwise (other types, a zero divisor, an index out of
// range: the builtin raises Python's error). For in and not in: a str
// or int key of a dict, a str in a str, bytes in bytes.

// WithFastOp marks b as the operator op on two arguments, for CALL's fast
// path; b must give the same answer as op for ints, strings, and lists or
// tuples indexed by an int, a str or int key of a dict, a str in a str
// and bytes in bytes. op is EQL, NEQ, LT, LE, GT, GE, PERCENT,
// SLASHSLASH, IN, NOT_IN or LBRACK (x[y]). It returns b.
func (b *Builtin) WithFastOp(op syntax.Token) *Builtin {
	b.fastOp = op
	return b
}

// fastOp is op applied to x and y when both are operands it knows, with
// ok false to have the builtin called instead.
func fastOp(op syntax.Token, x, y Value) (z Value, ok bool) {
	switch op {
	case syntax.EQL, syntax.NEQ, syntax.LT, syntax.LE, syntax.GT, syntax.GE:
		var c int
		switch x := x.(type) {
		case Int:
			y, isInt := y.(Int)
			if !isInt {
				return nil, false
			}
			c, _ = x.Cmp(y, 0)
		case String:
			y, isStr := y.(String)
			if !isStr {
				return nil, false
			}
			switch {
			case x == y:
				c = 0
			case x < y:
				c = -1
			default:
				c = 1
			}
		default:
			return nil, false
		}
		return Bool(threeway(op, c)), true
	case syntax.PERCENT, syntax.SLASHSLASH:
		x, xInt := x.(Int)
		y, yInt := y.(Int)
		if !xInt || !yInt || y.Sign() == 0 {
			return nil, false
		}
		if op == syntax.PERCENT {
			return x.Mod(y), true
		}
		return x.Div(y), true
	case syntax.IN, syntax.NOT_IN:
		var found bool
		switch c := y.(type) {
		case *Dict:
			switch x.(type) {
			case String, Int: // hashable: Get cannot fail
			default:
				return nil, false
			}
			_, found, _ = c.Get(x)
		case String:
			s, isStr := x.(String)
			if !isStr {
				return nil, false
			}
			found = strings.Contains(string(c), string(s))
		case Bytes:
			b, isBytes := x.(Bytes)
			if !isBytes {
				return nil, false
			}
			found = strings.Contains(string(c), string(b))
		default:
			return nil, false
		}
		return Bool(found != (op == syntax.NOT_IN)), true
	case syntax.LBRACK:
		i, isInt := y.(Int)
		if !isInt {
			return nil, false
		}
		var elems []Value
		switch x := x.(type) {
		case *List:
			elems = x.elems
		case Tuple:
			elems = x
		default:
			return nil, false
		}
		n, fits := i.Int64()
		if !fits {
			return nil, false
		}
		if n < 0 {
			n += int64(len(elems))
		}
		if n < 0 || n >= int64(len(elems)) {
			return nil, false
		}
		return elems[n], true
	}
	return nil, false
}
