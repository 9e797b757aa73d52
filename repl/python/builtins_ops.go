package python

import (
	"math"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// The operators translate routes through helpers so that they behave
// as in Python: %, /, //, comparisons, in, [], del, assert.

func builtinMod(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 {
		return nil, pyErrorf("TypeError", "invalid syntax")
	}
	x, y := args[0], args[1]
	switch fx := x.(type) {
	case starlark.String:
		s, err := textChecked(thread, func() (string, error) { return percentFormat(string(fx), y, false) })
		if err != nil {
			return nil, err
		}
		return starlark.String(s), nil
	case starlark.Bytes:
		s, err := percentFormat(string(fx), y, true)
		if err != nil {
			return nil, err
		}
		return starlark.Bytes(s), nil
	}
	r, err := starlark.Binary(syntax.PERCENT, asNumber(x), asNumber(y))
	if err != nil {
		pe := asPyError(err)
		if pe.Class == "TypeError" {
			pe.Msg = strings.Replace(pe.Msg, "for %:", "for %:", 1)
		}
		return nil, pe
	}
	return r, nil
}

// divide is x / y and x // y, with CPython's messages for a zero divisor.
func divide(op syntax.Token) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) != 2 {
			return nil, pyErrorf("TypeError", "invalid syntax")
		}
		x, y := asNumber(args[0]), asNumber(args[1])
		_, xf := x.(starlark.Float)
		_, yf := y.(starlark.Float)
		if f, ok := toFloat(y); ok && f == 0 && (xf || yf) && isNumber(x) {
			if op == syntax.SLASH {
				return nil, pyErrorf("ZeroDivisionError", "float division by zero")
			}
			return nil, pyErrorf("ZeroDivisionError", "float floor division by zero")
		}
		r, err := starlark.Binary(op, x, y)
		if err != nil {
			return nil, asPyError(err)
		}
		return r, nil
	}
}

// compare is x OP y for the six comparisons. Starlark calls values of
// different types unequal; Python compares an enum member or a bool with
// a number as the number it is.
func compare(op syntax.Token) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) != 2 {
			return nil, pyErrorf("TypeError", "invalid syntax")
		}
		_, xi := args[0].(*Instance)
		_, yi := args[1].(*Instance)
		if xi || yi {
			return richCompare(thread, op.String(), args[0], args[1])
		}
		a, b := plainDict(plainTuple(args[0])), plainDict(plainTuple(args[1]))
		if (op == syntax.EQL || op == syntax.NEQ) && isContainer(a) && isContainer(b) {
			eq, err := pyEqual(a, b)
			if err != nil {
				return nil, err
			}
			return starlark.Bool(eq == (op == syntax.EQL)), nil
		}
		x, y := bytesPair(a, b)
		if isNumber(x) && isNumber(y) {
			x, y = asNumber(x), asNumber(y)
		}
		ok, err := starlark.Compare(op, x, y)
		if err != nil {
			return nil, asPyError(err)
		}
		return starlark.Bool(ok), nil
	}
}

// membership is x in y (or not in): lists and tuples are searched with
// Python's equality; for other containers an enum member is looked up as
// its int.
func membership(negate bool) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) != 2 {
			return nil, pyErrorf("TypeError", "invalid syntax")
		}
		x, y := args[0], args[1]
		if _, isDict := y.(*starlark.Dict); isDict {
			// Starlark answers False for an unhashable key; Python raises.
			if _, err := x.Hash(); err != nil {
				return nil, asPyError(err)
			}
		}
		found := false
		switch c := y.(type) {
		case *Instance:
			if m, ok := c.method("__contains__"); ok {
				r, err := starlark.Call(thread, m, starlark.Tuple{x}, nil)
				if err != nil {
					return nil, err
				}
				found = bool(r.Truth())
				break
			}
			items, err := collect(thread, c)
			if err != nil {
				return nil, err
			}
			for _, it := range items {
				eq, err := richCompare(thread, "==", x, it)
				if err != nil {
					return nil, err
				}
				if eq.Truth() {
					found = true
					break
				}
			}
		case *starlark.List, starlark.Tuple:
			seq := c.(starlark.Indexable)
			for i := 0; i < seq.Len() && !found; i++ {
				eq, err := pyEqual(x, seq.Index(i))
				if err != nil {
					return nil, asPyError(err)
				}
				found = eq
			}
		case pyContainer:
			f, err := c.pyContains(x)
			if err != nil {
				return nil, err
			}
			found = f
		case *byteArray:
			r, err := c.Binary(syntax.IN, x, starlark.Right)
			if err != nil {
				return nil, err
			}
			found = bool(r.Truth())
		default:
			r, err := starlark.Binary(syntax.IN, x, y)
			if err == nil && !r.Truth() {
				if k, ok := x.(constValue); ok {
					r, err = starlark.Binary(syntax.IN, starlark.MakeInt(k.v), y)
				}
			}
			if err != nil {
				return nil, membershipError(x, y, err)
			}
			found = bool(r.Truth())
		}
		return starlark.Bool(found != negate), nil
	}
}

// membershipError words a failed 'in' as Python does.
// pyContainer is a Go-implemented value with its own membership test
// (array, memoryview), which Starlark would otherwise take for a key
// lookup.
type pyContainer interface {
	pyContains(x starlark.Value) (bool, error)
}

func membershipError(x, y starlark.Value, err error) error {
	switch y.(type) {
	case starlark.String:
		return pyErrorf("TypeError", "'in <string>' requires string as left operand, not %s", pyTypeName(x))
	case starlark.Bytes:
		if isPyInt(x) {
			return pyErrorf("ValueError", "byte must be in range(0, 256)")
		}
		return pyErrorf("TypeError", "a bytes-like object is required, not '%s'", pyTypeName(x))
	case starlark.Mapping, *starlark.Set:
		return asPyError(err) // bytearray's own messages come this way
	}
	return pyErrorf("TypeError", "argument of type '%s' is not iterable", pyTypeName(y))
}

func isNumber(v starlark.Value) bool {
	_, ok := toFloat(v)
	return ok
}

func builtinAbs(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("abs", args, kwargs)
	if err != nil {
		return nil, err
	}
	if a, ok := v.(interface {
		pyAbs() (starlark.Value, error)
	}); ok {
		return a.pyAbs()
	}
	switch x := asNumber(v).(type) {
	case starlark.Int:
		if x.Sign() < 0 {
			return starlark.MakeInt(0).Sub(x), nil
		}
		return x, nil
	case starlark.Float:
		return starlark.Float(math.Abs(float64(x))), nil
	}
	return nil, pyErrorf("TypeError", "bad operand type for abs(): '%s'", pyTypeName(v))
}

func builtinGetitem(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if inst, ok := args[0].(*Instance); ok {
		m, found := inst.method("__getitem__")
		if !found {
			return nil, pyErrorf("TypeError", "'%s' object is not subscriptable", inst.cls.name)
		}
		return starlark.Call(thread, m, starlark.Tuple{args[1]}, nil)
	}
	return getItem(args[0], args[1])
}

// getItem is x[k] with Python's results (bytes give ints) and messages.
func getItem(x, k starlark.Value) (starlark.Value, error) {
	switch c := x.(type) {
	case *byteArray:
		v, _, err := c.Get(k)
		return v, err
	case starlark.Mapping:
		v, found, err := c.Get(k)
		if err != nil {
			return nil, asPyError(err)
		}
		if kc, ok := k.(constValue); ok && !found {
			// A key stored as the plain int of an enum member.
			v, found, _ = c.Get(starlark.MakeInt(kc.v))
		}
		if !found {
			return nil, &PyError{Class: "KeyError", Msg: Repr(k), Args: starlark.Tuple{k}}
		}
		return v, nil
	case starlark.Indexable:
		if !isPyInt(k) {
			switch x.(type) {
			case starlark.String:
				return nil, pyErrorf("TypeError", "string indices must be integers, not '%s'", pyTypeName(k))
			case starlark.Bytes:
				return nil, pyErrorf("TypeError", "byte indices must be integers or slices, not %s", pyTypeName(k))
			}
			return nil, pyErrorf("TypeError", "%s indices must be integers or slices, not %s", pyTypeName(x), pyTypeName(k))
		}
		i, err := intArg(k)
		if err != nil {
			return nil, pyErrorf("IndexError", "cannot fit 'int' into an index-sized integer")
		}
		if s, ok := x.(starlark.String); ok {
			// Python indexes a str by character.
			runes := []rune(string(s))
			if i < 0 {
				i += len(runes)
			}
			if i < 0 || i >= len(runes) {
				return nil, pyErrorf("IndexError", "string index out of range")
			}
			return starlark.String(string(runes[i])), nil
		}
		n := c.Len()
		if i < 0 {
			i += n
		}
		if i < 0 || i >= n {
			if _, ok := x.(starlark.Bytes); ok {
				return nil, pyErrorf("IndexError", "index out of range")
			}
			return nil, pyErrorf("IndexError", "%s index out of range", pyTypeName(x))
		}
		if b, ok := x.(starlark.Bytes); ok {
			return starlark.MakeInt(int(b[i])), nil
		}
		return c.Index(i), nil
	}
	return nil, pyErrorf("TypeError", "'%s' object is not subscriptable", pyTypeName(x))
}

func builtinDelitem(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 {
		return nil, pyErrorf("TypeError", "invalid syntax")
	}
	x, k := args[0], args[1]
	if s, ok := k.(*sliceValue); ok {
		if err := delSlice(x, s); err != nil {
			return nil, err
		}
		return starlark.None, nil
	}
	if inst, ok := x.(*Instance); ok {
		if _, found, err := inst.callMethod("__delitem__", k); found {
			return starlark.None, err
		}
	}
	switch c := x.(type) {
	case *starlark.Dict:
		_, found, err := c.Delete(k)
		if err != nil {
			return nil, asPyError(err)
		}
		if !found {
			return nil, &PyError{Class: "KeyError", Msg: Repr(k), Args: starlark.Tuple{k}}
		}
		return starlark.None, nil
	case *starlark.List:
		if !isPyInt(k) {
			return nil, pyErrorf("TypeError", "list indices must be integers or slices, not %s", pyTypeName(k))
		}
		i, err := intArg(k)
		if err != nil {
			return nil, err
		}
		if i < 0 {
			i += c.Len()
		}
		if i < 0 || i >= c.Len() {
			return nil, pyErrorf("IndexError", "list assignment index out of range")
		}
		pop, _ := c.Attr("pop")
		if _, err := starlark.Call(thread, pop, starlark.Tuple{starlark.MakeInt(i)}, nil); err != nil {
			return nil, asPyError(err)
		}
		return starlark.None, nil
	case *byteArray:
		i, err := c.index(k)
		if err != nil {
			return nil, err
		}
		c.b = append(c.b[:i], c.b[i+1:]...)
		return starlark.None, nil
	}
	return nil, pyErrorf("TypeError", "'%s' object doesn't support item deletion", pyTypeName(x))
}

func builtinAssert(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 || len(args) > 2 {
		return nil, pyErrorf("SyntaxError", "invalid syntax")
	}
	if args[0].Truth() {
		return starlark.None, nil
	}
	if len(args) == 2 {
		return nil, &PyError{Class: "AssertionError", Msg: pyStr(args[1])}
	}
	return nil, &PyError{Class: "AssertionError"}
}
