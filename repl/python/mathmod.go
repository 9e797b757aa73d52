package python

import (
	"math"
	"math/big"

	"go.starlark.net/starlark"
)

// The math module: the functions socket programs use to count chunks
// (ceil), scale rates (log2, sqrt) and compare floats (isclose), with
// CPython's errors (ValueError: math domain error, OverflowError for
// infinity to int).

func newMathModule(*Interp) starlark.Value {
	f1 := func(name, doc string, f func(float64) float64) row {
		return row{name: name, sig: "math." + name + "(x) -> float", doc: doc, fn: func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			x, err := mathArg(name, args, kwargs, 1)
			if err != nil {
				return nil, err
			}
			return mathResult(x[0], f(x[0]))
		}}
	}
	rows := []row{
		{name: "pi", value: starlark.Float(math.Pi), sig: "math.pi", doc: "π."},
		{name: "e", value: starlark.Float(math.E), sig: "math.e", doc: "e."},
		{name: "tau", value: starlark.Float(2 * math.Pi), sig: "math.tau", doc: "2π."},
		{name: "inf", value: starlark.Float(math.Inf(1)), sig: "math.inf", doc: "Positive infinity."},
		{name: "nan", value: starlark.Float(math.NaN()), sig: "math.nan", doc: "Not a number."},
		{name: "ceil", fn: mathRound(math.Ceil), sig: "math.ceil(x) -> int", doc: "The smallest int >= x: math.ceil(size / 4096) chunks."},
		{name: "floor", fn: mathRound(math.Floor), sig: "math.floor(x) -> int", doc: "The largest int <= x."},
		{name: "trunc", fn: mathRound(math.Trunc), sig: "math.trunc(x) -> int", doc: "x without its fraction, toward 0."},
		f1("sqrt", "The square root.", math.Sqrt),
		f1("exp", "e to the power x.", math.Exp),
		f1("log2", "The base-2 logarithm.", math.Log2),
		f1("log10", "The base-10 logarithm.", math.Log10),
		f1("fabs", "The absolute value, as a float.", math.Abs),
		f1("sin", "The sine of x radians.", math.Sin),
		f1("cos", "The cosine of x radians.", math.Cos),
		f1("tan", "The tangent of x radians.", math.Tan),
		f1("atan", "The arc tangent, in radians.", math.Atan),
		f1("degrees", "Radians to degrees.", func(x float64) float64 { return x * 180 / math.Pi }),
		f1("radians", "Degrees to radians.", func(x float64) float64 { return x * math.Pi / 180 }),
		{name: "log", fn: mathLog, sig: "math.log(x[, base]) -> float", doc: "The natural logarithm, or the logarithm to base."},
		{name: "pow", fn: mathTwo("pow", math.Pow), sig: "math.pow(x, y) -> float", doc: "x to the power y, as a float."},
		{name: "atan2", fn: mathTwo("atan2", math.Atan2), sig: "math.atan2(y, x) -> float", doc: "The angle of the point (x, y)."},
		{name: "hypot", fn: mathTwo("hypot", math.Hypot), sig: "math.hypot(x, y) -> float", doc: "The length of the vector (x, y)."},
		{name: "copysign", fn: mathTwo("copysign", math.Copysign), sig: "math.copysign(x, y) -> float", doc: "x with the sign of y."},
		{name: "fmod", fn: mathTwo("fmod", math.Mod), sig: "math.fmod(x, y) -> float", doc: "The C remainder of x / y."},
		{name: "isclose", fn: mathIsclose, sig: "math.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0) -> bool", doc: "Whether a and b are equal within the tolerances."},
		{name: "isinf", fn: mathTest(func(x float64) bool { return math.IsInf(x, 0) }), sig: "math.isinf(x) -> bool", doc: "Whether x is an infinity."},
		{name: "isnan", fn: mathTest(math.IsNaN), sig: "math.isnan(x) -> bool", doc: "Whether x is not a number."},
		{name: "isfinite", fn: mathTest(func(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }), sig: "math.isfinite(x) -> bool", doc: "Whether x is neither infinite nor NaN."},
		{name: "gcd", fn: mathGcd, sig: "math.gcd(*integers) -> int", doc: "The greatest common divisor."},
		{name: "isqrt", fn: mathIsqrt, sig: "math.isqrt(n) -> int", doc: "The integer square root."},
		{name: "factorial", fn: mathFactorial, sig: "math.factorial(n) -> int", doc: "n!"},
	}
	return table{name: "math", doc: "Floating-point and integer functions: ceil, floor, sqrt, log, isclose, gcd...", rows: rows}.module()
}

// mathArg reads n numbers, with CPython's complaint about anything else.
func mathArg(name string, args starlark.Tuple, kwargs []starlark.Tuple, n int) ([]float64, error) {
	if len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "math.%s() takes no keyword arguments", name)
	}
	if len(args) != n {
		if n == 1 {
			return nil, pyErrorf("TypeError", "math.%s() takes exactly one argument (%d given)", name, len(args))
		}
		return nil, pyErrorf("TypeError", "%s expected %d arguments, got %d", name, n, len(args))
	}
	out := make([]float64, n)
	for i, a := range args {
		f, ok := toFloat(a)
		if !ok {
			return nil, pyErrorf("TypeError", "must be real number, not %s", pyTypeName(a))
		}
		out[i] = f
	}
	return out, nil
}

// mathResult checks a result as CPython does: NaN from a number is a
// domain error, infinity from a finite number a range error.
func mathResult(x, r float64) (starlark.Value, error) {
	if math.IsNaN(r) && !math.IsNaN(x) {
		return nil, pyErrorf("ValueError", "math domain error")
	}
	if math.IsInf(r, 0) && !math.IsInf(x, 0) {
		if x == 0 || r < 0 && x > 0 && x < 1 {
			return nil, pyErrorf("ValueError", "math domain error")
		}
		return nil, pyErrorf("OverflowError", "math range error")
	}
	return starlark.Float(r), nil
}

// mathRound is ceil, floor or trunc: an int, from an int unchanged.
func mathRound(f func(float64) float64) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 1 && len(kwargs) == 0 && isPyInt(args[0]) {
			n, _ := bigOf(args[0])
			return starlark.MakeBigInt(n), nil
		}
		x, err := mathArg(b.Name(), args, kwargs, 1)
		if err != nil {
			return nil, err
		}
		r := f(x[0])
		if math.IsInf(r, 0) {
			return nil, pyErrorf("OverflowError", "cannot convert float infinity to integer")
		}
		if math.IsNaN(r) {
			return nil, pyErrorf("ValueError", "cannot convert float NaN to integer")
		}
		n, _ := new(big.Float).SetFloat64(r).Int(nil)
		return starlark.MakeBigInt(n), nil
	}
}

func mathTwo(name string, f func(float64, float64) float64) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		x, err := mathArg(name, args, kwargs, 2)
		if err != nil {
			return nil, err
		}
		r := f(x[0], x[1])
		if math.IsNaN(r) && !math.IsNaN(x[0]) && !math.IsNaN(x[1]) {
			return nil, pyErrorf("ValueError", "math domain error")
		}
		if math.IsInf(r, 0) && !math.IsInf(x[0], 0) && !math.IsInf(x[1], 0) {
			if name == "pow" && x[0] == 0 {
				return nil, pyErrorf("ValueError", "math domain error")
			}
			return nil, pyErrorf("OverflowError", "math range error")
		}
		return starlark.Float(r), nil
	}
}

func mathLog(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 2 {
		x, err := mathArg("log", args, kwargs, 2)
		if err != nil {
			return nil, err
		}
		if x[0] <= 0 || x[1] <= 0 {
			return nil, pyErrorf("ValueError", "math domain error")
		}
		if x[1] == 1 {
			return nil, pyErrorf("ZeroDivisionError", "float division by zero")
		}
		return starlark.Float(math.Log(x[0]) / math.Log(x[1])), nil
	}
	x, err := mathArg("log", args, kwargs, 1)
	if err != nil {
		return nil, err
	}
	if x[0] <= 0 {
		return nil, pyErrorf("ValueError", "math domain error")
	}
	return starlark.Float(math.Log(x[0])), nil
}

func mathIsclose(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var av, bv starlark.Value
	var relv, absv starlark.Value = starlark.Float(1e-9), starlark.Float(0)
	if err := starlark.UnpackArgs("isclose", args, kwargs, "a", &av, "b", &bv, "rel_tol?", &relv, "abs_tol?", &absv); err != nil {
		return nil, err
	}
	x, err := mathArg("isclose", starlark.Tuple{av, bv, relv, absv}, nil, 4)
	if err != nil {
		return nil, err
	}
	a, b, rel, abs := x[0], x[1], x[2], x[3]
	if rel < 0 || abs < 0 {
		return nil, pyErrorf("ValueError", "tolerances must be non-negative")
	}
	if a == b {
		return starlark.True, nil
	}
	if math.IsInf(a, 0) || math.IsInf(b, 0) {
		return starlark.False, nil
	}
	d := math.Abs(b - a)
	return starlark.Bool(d <= math.Abs(rel*b) || d <= math.Abs(rel*a) || d <= abs), nil
}

func mathTest(f func(float64) bool) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		x, err := mathArg(b.Name(), args, kwargs, 1)
		if err != nil {
			return nil, err
		}
		return starlark.Bool(f(x[0])), nil
	}
}

// intArgs reads int arguments for gcd, isqrt and factorial.
func intArgs(name string, args starlark.Tuple) ([]*big.Int, error) {
	out := make([]*big.Int, len(args))
	for i, a := range args {
		n, ok := bigOf(a)
		if !ok || !isPyInt(a) {
			return nil, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(a))
		}
		out[i] = n
	}
	return out, nil
}

func mathGcd(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "gcd() takes no keyword arguments")
	}
	ns, err := intArgs("gcd", args)
	if err != nil {
		return nil, err
	}
	g := new(big.Int)
	for _, n := range ns {
		g.GCD(nil, nil, g, new(big.Int).Abs(n))
	}
	return starlark.MakeBigInt(g), nil
}

func mathIsqrt(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 || len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "math.isqrt() takes exactly one argument (%d given)", len(args))
	}
	ns, err := intArgs("isqrt", args)
	if err != nil {
		return nil, err
	}
	if ns[0].Sign() < 0 {
		return nil, pyErrorf("ValueError", "isqrt() argument must be nonnegative")
	}
	return starlark.MakeBigInt(new(big.Int).Sqrt(ns[0])), nil
}

func mathFactorial(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 || len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "math.factorial() takes exactly one argument (%d given)", len(args))
	}
	ns, err := intArgs("factorial", args)
	if err != nil {
		return nil, err
	}
	if ns[0].Sign() < 0 {
		return nil, pyErrorf("ValueError", "factorial() not defined for negative values")
	}
	if !ns[0].IsInt64() || ns[0].Int64() > 5000 {
		return nil, pyErrorf("OverflowError", "factorial() argument too large for this shell")
	}
	return starlark.MakeBigInt(new(big.Int).MulRange(1, ns[0].Int64())), nil
}
