package python

import (
	"math/big"

	"go.starlark.net/starlark"

	"sockrepl/sockets"
)

// Conversions between Starlark values and the plain Go values the
// sockets package uses for Python values (see sockets/doc.go).

// ToStarlark turns a sockets Python value (nil, bool, int, float64,
// string, []byte, Tuple; see sockets/doc.go) into a Starlark value. The
// lesson checks' view and the interpreter convert alike.
func ToStarlark(v any) starlark.Value {
	switch x := v.(type) {
	case nil:
		return starlark.None
	case starlark.Value:
		return x
	case bool:
		return starlark.Bool(x)
	case int:
		return starlark.MakeInt(x)
	case int64:
		return starlark.MakeInt64(x)
	case uint64:
		return starlark.MakeUint64(x)
	case float64:
		return starlark.Float(x)
	case string:
		return starlark.String(x)
	case []byte:
		return starlark.Bytes(x)
	case sockets.Tuple:
		t := make(starlark.Tuple, len(x))
		for i, e := range x {
			t[i] = ToStarlark(e)
		}
		return t
	case []any:
		l := make([]starlark.Value, len(x))
		for i, e := range x {
			l[i] = ToStarlark(e)
		}
		return starlark.NewList(l)
	}
	return starlark.None
}

// fromStarlark converts a Starlark value to what the sockets package
// expects. Ints too big for Go's int raise OverflowError as CPython does
// when it converts to a C long.
func fromStarlark(v starlark.Value) (any, error) {
	switch x := v.(type) {
	case starlark.NoneType:
		return nil, nil
	case starlark.Bool:
		return bool(x), nil
	case starlark.Int:
		n, ok := x.Int64()
		if !ok || int64(int(n)) != n {
			return nil, &PyError{Class: "OverflowError", Msg: "Python int too large to convert to C long"}
		}
		return int(n), nil
	case constValue:
		return x.v, nil
	case starlark.Float:
		return float64(x), nil
	case starlark.String:
		return string(x), nil
	case starlark.Bytes:
		return []byte(x), nil
	case *byteArray:
		return append([]byte(nil), x.b...), nil
	case starlark.Tuple:
		t := make(sockets.Tuple, len(x))
		for i, e := range x {
			c, err := fromStarlark(e)
			if err != nil {
				return nil, err
			}
			t[i] = c
		}
		return t, nil
	case *namedTuple:
		return fromStarlark(x.values)
	case *starlark.List:
		l := make([]any, x.Len())
		for i := range l {
			c, err := fromStarlark(x.Index(i))
			if err != nil {
				return nil, err
			}
			l[i] = c
		}
		return l, nil
	}
	return v, nil
}

// intArg reads a Python int argument (bool and enum members count) for
// parameter name of fn, with CPython's messages.
func intArg(v starlark.Value) (int, error) {
	switch x := v.(type) {
	case starlark.Int:
		n, ok := x.Int64()
		if !ok || n > 1<<62 || n < -(1<<62) {
			return 0, &PyError{Class: "OverflowError", Msg: "Python int too large to convert to C long"}
		}
		return int(n), nil
	case constValue:
		return x.v, nil
	case starlark.Bool:
		if x {
			return 1, nil
		}
		return 0, nil
	}
	return 0, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(v))
}

// bigOf returns v as a big.Int when it is a Python int.
func bigOf(v starlark.Value) (*big.Int, bool) {
	switch x := v.(type) {
	case starlark.Int:
		return x.BigInt(), true
	case constValue:
		return big.NewInt(int64(x.v)), true
	case starlark.Bool:
		if x {
			return big.NewInt(1), true
		}
		return big.NewInt(0), true
	}
	return nil, false
}

// isPyInt reports whether v is a Python int (bool and enum members count).
func isPyInt(v starlark.Value) bool {
	switch v.(type) {
	case starlark.Int, constValue, starlark.Bool:
		return true
	}
	return false
}

// smallIntOf is v as an int64 when it is a Python int that fits one,
// without the big.Int that bigOf makes (argument checks run on every
// socket call).
func smallIntOf(v starlark.Value) (int64, bool) {
	switch x := v.(type) {
	case starlark.Int:
		return x.Int64()
	case constValue:
		return int64(x.v), true
	case starlark.Bool:
		if x {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

// toFloat reads a Python number.
func toFloat(v starlark.Value) (float64, bool) {
	switch x := v.(type) {
	case starlark.Float:
		return float64(x), true
	case starlark.Int:
		if n, ok := x.Int64(); ok && n <= 1<<53 && n >= -(1<<53) {
			return float64(n), true
		}
		f, _ := x.BigInt().Float64()
		return f, true
	case constValue:
		return float64(x.v), true
	case starlark.Bool:
		if x {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}
