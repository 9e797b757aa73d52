package python

import (
	"math"
	"math/big"
	"strconv"
	"unicode/utf8"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// Builtins on numbers Starlark lacks or spells differently: hex, ord,
// chr, len, sum, round, divmod, pow, isinstance, callable.

func intToBase(base int, prefix string) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		v, err := oneArg(b.Name(), args, kwargs)
		if err != nil {
			return nil, err
		}
		n, ok := bigOf(v)
		if !ok {
			return nil, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(v))
		}
		sign := ""
		if n.Sign() < 0 {
			sign = "-"
		}
		return starlark.String(sign + prefix + new(big.Int).Abs(n).Text(base)), nil
	}
}

func builtinOrd(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("ord", args, kwargs)
	if err != nil {
		return nil, err
	}
	switch x := v.(type) {
	case starlark.String:
		if n := utf8.RuneCountInString(string(x)); n != 1 {
			return nil, pyErrorf("TypeError", "ord() expected a character, but string of length %d found", n)
		}
		r, _ := utf8.DecodeRuneInString(string(x))
		return starlark.MakeInt(int(r)), nil
	case starlark.Bytes:
		if len(x) != 1 {
			return nil, pyErrorf("TypeError", "ord() expected a character, but string of length %d found", len(x))
		}
		return starlark.MakeInt(int(x[0])), nil
	}
	return nil, pyErrorf("TypeError", "ord() expected string of length 1, but %s found", pyTypeName(v))
}

func builtinChr(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("chr", args, kwargs)
	if err != nil {
		return nil, err
	}
	if _, ok := v.(starlark.Float); ok {
		return nil, pyErrorf("TypeError", "'float' object cannot be interpreted as an integer")
	}
	n, err := intArg(v)
	if err != nil {
		return nil, err
	}
	if n < 0 || n > utf8.MaxRune {
		return nil, pyErrorf("ValueError", "chr() arg not in range(0x110000)")
	}
	return starlark.String(string(rune(n))), nil
}

func builtinLen(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("len", args, kwargs)
	if err != nil {
		return nil, err
	}
	if inst, ok := v.(*Instance); ok {
		m, found := inst.method("__len__")
		if !found {
			return nil, pyErrorf("TypeError", "object of type '%s' has no len()", inst.cls.name)
		}
		n, err := starlark.Call(thread, m, nil, nil)
		if err != nil {
			return nil, err
		}
		if !isPyInt(n) {
			return nil, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(n))
		}
		return n, nil
	}
	if s, ok := v.(starlark.String); ok {
		return starlark.MakeInt(utf8.RuneCountInString(string(s))), nil
	}
	if l, ok := v.(interface{ pyLen() (int, error) }); ok {
		n, err := l.pyLen()
		if err != nil {
			return nil, err
		}
		return starlark.MakeInt(n), nil
	}
	if n := starlark.Len(v); n >= 0 {
		return starlark.MakeInt(n), nil
	}
	return nil, pyErrorf("TypeError", "object of type '%s' has no len()", pyTypeName(v))
}

func builtinSum(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var it, start starlark.Value = nil, starlark.MakeInt(0)
	if err := starlark.UnpackArgs("sum", args, kwargs, "iterable", &it, "start?", &start); err != nil {
		return nil, err
	}
	if _, ok := start.(starlark.String); ok {
		return nil, pyErrorf("TypeError", "sum() can't sum strings [use ''.join(seq) instead]")
	}
	acc := start
	iter, err := pyIterate(it)
	if err != nil {
		return nil, err
	}
	defer iter.Done()
	var x starlark.Value
	for i := 1; iter.Next(&x); i++ {
		if acc, err = starlark.Binary(syntax.PLUS, acc, x); err != nil {
			return nil, err
		}
		if i%checkEvery == 0 {
			if err := cancelled(thread); err != nil {
				return nil, err
			}
		}
	}
	return acc, nil
}

func builtinRound(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, nd starlark.Value = nil, starlark.None
	if err := starlark.UnpackArgs("round", args, kwargs, "number", &x, "ndigits?", &nd); err != nil {
		return nil, err
	}
	if isPyInt(x) {
		v, _ := bigOf(x)
		if nd == starlark.None {
			return starlark.MakeBigInt(v), nil
		}
		n, err := intArg(nd)
		if err != nil {
			return nil, err
		}
		return starlark.MakeBigInt(roundInt(v, n)), nil
	}
	f, ok := x.(starlark.Float)
	if !ok {
		return nil, pyErrorf("TypeError", "type %s doesn't define __round__ method", pyTypeName(x))
	}
	if nd == starlark.None {
		r := math.RoundToEven(float64(f))
		if math.IsInf(r, 0) || math.IsNaN(r) {
			return nil, pyErrorf("OverflowError", "cannot convert float infinity to integer")
		}
		return starlark.NumberToInt(starlark.Float(r))
	}
	n, err := intArg(nd)
	if err != nil {
		return nil, err
	}
	// A float has no digits past the 330th decimal place, nor any worth
	// keeping left of the 310th: beyond those, rounding is the number
	// itself, or zero (and printing a billion decimals took gigabytes).
	if n >= 0 {
		r, _ := strconv.ParseFloat(strconv.FormatFloat(float64(f), 'f', min(n, 330), 64), 64)
		return starlark.Float(r), nil
	}
	if -n > 310 {
		return starlark.Float(math.Copysign(0, float64(f))), nil
	}
	p := math.Pow(10, float64(-n))
	return starlark.Float(math.RoundToEven(float64(f)/p) * p), nil
}

// roundInt is round(v, n) for an int: to a multiple of 10**-n, halves to
// even, as Python does; n >= 0 leaves v as it is.
func roundInt(v *big.Int, n int) *big.Int {
	if n >= 0 {
		return v
	}
	if -n > len(v.Text(10))+1 {
		return new(big.Int)
	}
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-n)), nil)
	q, r := new(big.Int).DivMod(v, p, new(big.Int)) // r >= 0
	twice := new(big.Int).Lsh(r, 1)
	if c := twice.Cmp(p); c > 0 || c == 0 && q.Bit(0) == 1 {
		q.Add(q, big.NewInt(1))
	}
	return q.Mul(q, p)
}

func builtinDivmod(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var a, b starlark.Value
	if err := starlark.UnpackPositionalArgs("divmod", args, kwargs, 2, &a, &b); err != nil {
		return nil, err
	}
	q, err := starlark.Binary(syntax.SLASHSLASH, asNumber(a), asNumber(b))
	if err != nil {
		return nil, err
	}
	r, err := starlark.Binary(syntax.PERCENT, asNumber(a), asNumber(b))
	if err != nil {
		return nil, err
	}
	return starlark.Tuple{q, r}, nil
}

// asNumber turns bools and enum members into plain ints for arithmetic.
func asNumber(v starlark.Value) starlark.Value {
	switch x := v.(type) {
	case starlark.Bool:
		return boolInt(x)
	case constValue:
		return starlark.MakeInt(x.v)
	}
	return v
}

func builtinPow(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, y, mod starlark.Value = nil, nil, starlark.None
	if err := starlark.UnpackArgs("pow", args, kwargs, "base", &x, "exp", &y, "mod?", &mod); err != nil {
		return nil, err
	}
	if mod != starlark.None {
		a, ok1 := bigOf(x)
		b, ok2 := bigOf(y)
		m, ok3 := bigOf(mod)
		if !ok1 || !ok2 || !ok3 {
			return nil, pyErrorf("TypeError", "pow() 3rd argument not allowed unless all arguments are integers")
		}
		if m.Sign() == 0 {
			return nil, pyErrorf("ValueError", "pow() 3rd argument cannot be 0")
		}
		if b.Sign() < 0 {
			return nil, pyErrorf("ValueError", "base is not invertible for the given modulus")
		}
		r := new(big.Int).Exp(a, b, new(big.Int).Abs(m))
		if m.Sign() < 0 && r.Sign() != 0 {
			r.Add(r, m)
		}
		return starlark.MakeBigInt(r), nil
	}
	return power(x, y)
}

func builtinPowOp(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 {
		return nil, pyErrorf("TypeError", "invalid syntax")
	}
	return power(args[0], args[1])
}

// power is x ** y with Python's types: int ** non-negative int stays an
// int; anything with a float or a negative exponent gives a float.
func power(x, y starlark.Value) (starlark.Value, error) {
	a, aInt := bigOf(x)
	b, bInt := bigOf(y)
	if aInt && bInt && b.Sign() >= 0 {
		if b.BitLen() > 32 || a.BitLen()*int(b.Int64()) > 1<<24 {
			return nil, &PyError{Class: "MemoryError"}
		}
		return starlark.MakeBigInt(new(big.Int).Exp(a, b, nil)), nil
	}
	fx, ok1 := toFloat(x)
	fy, ok2 := toFloat(y)
	if !ok1 || !ok2 {
		return nil, pyErrorf("TypeError", "unsupported operand type(s) for ** or pow(): '%s' and '%s'", pyTypeName(x), pyTypeName(y))
	}
	if fx == 0 && fy < 0 {
		return nil, pyErrorf("ZeroDivisionError", "0.0 cannot be raised to a negative power")
	}
	r := math.Pow(fx, fy)
	if math.IsNaN(r) && !math.IsNaN(fx) && !math.IsNaN(fy) {
		return nil, pyErrorf("ValueError", "math domain error")
	}
	if math.IsInf(r, 0) && !math.IsInf(fx, 0) && !math.IsInf(fy, 0) {
		return nil, pyErrorf("OverflowError", "(34, 'Numerical result out of range')")
	}
	return starlark.Float(r), nil
}

func builtinCallable(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("callable", args, kwargs)
	if err != nil {
		return nil, err
	}
	_, ok := v.(starlark.Callable)
	return starlark.Bool(ok), nil
}
