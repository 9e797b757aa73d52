package repl

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"

	"sockrepl/sockets"
)

// newPredeclared returns the names every Session starts with: the modules
// socket, select, struct, time and os, and Python-compatible builtins that
// replace or extend Starlark's. Names wrapped in double underscores are
// the helpers translate routes Python syntax through; they are not meant
// to be typed (completion should hide names starting with "_").
func newPredeclared(rt *sockets.Runtime) starlark.StringDict {
	sock := newSocketModule(rt)
	sel := newSelectModule(rt)
	st := newStructModule()
	tm := newTimeModule(rt)
	osm := newOSModule()
	d := starlark.StringDict{
		"socket": sock, "__socket__": sock,
		"select": sel, "__select__": sel,
		"struct": st, "__struct__": st,
		"time": tm, "__time__": tm,
		"os": osm, "__os__": osm,

		"__name__": starlark.String("__main__"),

		"print":      starlark.NewBuiltin("print", builtinPrint),
		"repr":       starlark.NewBuiltin("repr", builtinRepr),
		"ascii":      starlark.NewBuiltin("ascii", builtinASCII),
		"format":     starlark.NewBuiltin("format", builtinFormat),
		"help":       starlark.NewBuiltin("help", builtinHelp),
		"exit":       &exitBuiltin{name: "exit"},
		"quit":       &exitBuiltin{name: "quit"},
		"hex":        starlark.NewBuiltin("hex", intToBase(16, "0x")),
		"oct":        starlark.NewBuiltin("oct", intToBase(8, "0o")),
		"bin":        starlark.NewBuiltin("bin", intToBase(2, "0b")),
		"ord":        starlark.NewBuiltin("ord", builtinOrd),
		"chr":        starlark.NewBuiltin("chr", builtinChr),
		"len":        starlark.NewBuiltin("len", builtinLen),
		"sum":        starlark.NewBuiltin("sum", builtinSum),
		"round":      starlark.NewBuiltin("round", builtinRound),
		"divmod":     starlark.NewBuiltin("divmod", builtinDivmod),
		"pow":        starlark.NewBuiltin("pow", builtinPow),
		"isinstance": starlark.NewBuiltin("isinstance", builtinIsinstance),
		"callable":   starlark.NewBuiltin("callable", builtinCallable),
		"map":        starlark.NewBuiltin("map", builtinMap),
		"input":      unavailable("input", "input() is not available in this shell: put the text in a variable instead, e.g. msg = 'hello'"),
		"open":       unavailable("open", "files are not available in this shell: keep the data in a bytes variable"),
		"bytearray":  unavailable("bytearray", "bytearray is not available in this shell: build bytes with + or b''.join(pieces)"),
		"memoryview": unavailable("memoryview", "memoryview is not available in this shell: slice the bytes instead, data[i:j]"),
		"filter":     starlark.NewBuiltin("filter", builtinFilter),

		"str":   typeStr,
		"bytes": typeBytes,
		"int":   typeInt,
		"float": typeFloat,
		"bool":  typeBool,
		"list":  typeList,
		"tuple": typeTuple,
		"dict":  typeDict,
		"set":   typeSet,
		"type":  typeType,

		"__mod__":      starlark.NewBuiltin("__mod__", builtinMod),
		"__getitem__":  starlark.NewBuiltin("__getitem__", builtinGetitem),
		"__iter__":     starlark.NewBuiltin("__iter__", builtinIter),
		"__unpack__":   starlark.NewBuiltin("__unpack__", builtinUnpack),
		"__delitem__":  starlark.NewBuiltin("__delitem__", builtinDelitem),
		"__assert__":   starlark.NewBuiltin("__assert__", builtinAssert),
		"__pow__":      starlark.NewBuiltin("__pow__", builtinPowOp),
		"__truediv__":  starlark.NewBuiltin("__truediv__", divide(syntax.SLASH)),
		"__floordiv__": starlark.NewBuiltin("__floordiv__", divide(syntax.SLASHSLASH)),
		"abs":          starlark.NewBuiltin("abs", builtinAbs),
		"__eq__":       starlark.NewBuiltin("__eq__", compare(syntax.EQL)),
		"__ne__":       starlark.NewBuiltin("__ne__", compare(syntax.NEQ)),
		"__lt__":       starlark.NewBuiltin("__lt__", compare(syntax.LT)),
		"__le__":       starlark.NewBuiltin("__le__", compare(syntax.LE)),
		"__gt__":       starlark.NewBuiltin("__gt__", compare(syntax.GT)),
		"__ge__":       starlark.NewBuiltin("__ge__", compare(syntax.GE)),
		"__in__":       starlark.NewBuiltin("__in__", membership(false)),
		"__notin__":    starlark.NewBuiltin("__notin__", membership(true)),
	}
	// Starlark builtins that take an iterable, made to accept str and
	// bytes the way Python iterates them.
	for _, name := range []string{"sorted", "reversed", "enumerate", "max", "min", "any", "all", "zip"} {
		d[name] = iterableArgs(name)
	}
	return d
}

// unavailable is a Python builtin this shell lacks, named so the learner
// gets advice rather than a NameError.
func unavailable(name, advice string) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		return nil, &PyError{Class: "NotImplementedError", Msg: advice}
	})
}

// ---- output ----

func builtinPrint(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	sep, end := " ", "\n"
	for _, kv := range kwargs {
		k := string(kv[0].(starlark.String))
		switch k {
		case "sep", "end":
			var s string
			switch v := kv[1].(type) {
			case starlark.NoneType:
				continue
			case starlark.String:
				s = string(v)
			default:
				return nil, pyErrorf("TypeError", "%s must be None or a string, not %s", k, pyTypeName(kv[1]))
			}
			if k == "sep" {
				sep = s
			} else {
				end = s
			}
		case "flush", "file":
			// Output always goes to the session and is never buffered.
		default:
			return nil, pyErrorf("TypeError", "'%s' is an invalid keyword argument for print()", k)
		}
	}
	var b strings.Builder
	for i, a := range args {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(pyStr(a))
	}
	b.WriteString(end)
	printText(thread, b.String())
	return starlark.None, nil
}

// printText hands text, including its line ending, to the session.
func printText(thread *starlark.Thread, text string) {
	if thread.Print != nil {
		thread.Print(thread, text)
	}
}

func oneArg(name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "%s() takes no keyword arguments", name)
	}
	if len(args) != 1 {
		return nil, pyErrorf("TypeError", "%s() takes exactly one argument (%d given)", name, len(args))
	}
	return args[0], nil
}

func builtinRepr(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("repr", args, kwargs)
	if err != nil {
		return nil, err
	}
	return starlark.String(pyRepr(v)), nil
}

func builtinASCII(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("ascii", args, kwargs)
	if err != nil {
		return nil, err
	}
	return starlark.String(asciiEscape(pyRepr(v))), nil
}

func builtinFormat(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	spec := ""
	if err := starlark.UnpackPositionalArgs("format", args, kwargs, 1, &v, &spec); err != nil {
		return nil, err
	}
	s, err := formatValue(v, spec)
	if err != nil {
		return nil, err
	}
	return starlark.String(s), nil
}

// exitBuiltin is exit and quit: calling ends the session; echoing the
// bare name prints Python's reminder.
type exitBuiltin struct{ name string }

func (e *exitBuiltin) String() string        { return e.pyRepr() }
func (e *exitBuiltin) Type() string          { return "Quitter" }
func (e *exitBuiltin) Freeze()               {}
func (e *exitBuiltin) Truth() starlark.Bool  { return true }
func (e *exitBuiltin) Hash() (uint32, error) { return starlark.String(e.name).Hash() }
func (e *exitBuiltin) Name() string          { return e.name }
func (e *exitBuiltin) pyRepr() string {
	return "Use " + e.name + "() or Ctrl-D (i.e. EOF) to exit"
}

func (e *exitBuiltin) CallInternal(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var code starlark.Value = starlark.None
	if err := starlark.UnpackPositionalArgs(e.name, args, kwargs, 0, &code); err != nil {
		return nil, err
	}
	switch c := code.(type) {
	case starlark.NoneType:
		return nil, &exitRequest{code: 0}
	case starlark.Int, starlark.Bool, constValue:
		n, err := intArg(c)
		if err != nil {
			return nil, err
		}
		return nil, &exitRequest{code: n & 0xff}
	}
	return nil, &exitRequest{code: 1}
}

// ---- numbers ----

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

func builtinLen(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("len", args, kwargs)
	if err != nil {
		return nil, err
	}
	if s, ok := v.(starlark.String); ok {
		return starlark.MakeInt(utf8.RuneCountInString(string(s))), nil
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

func builtinIsinstance(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v, cls starlark.Value
	if err := starlark.UnpackPositionalArgs("isinstance", args, kwargs, 2, &v, &cls); err != nil {
		return nil, err
	}
	var types []starlark.Value
	if t, ok := cls.(starlark.Tuple); ok {
		types = t
	} else {
		types = []starlark.Value{cls}
	}
	for _, t := range types {
		pt, ok := t.(*pyType)
		if !ok {
			return nil, pyErrorf("TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a union")
		}
		if isInstance(v, pt) {
			return starlark.True, nil
		}
	}
	return starlark.False, nil
}

func builtinCallable(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("callable", args, kwargs)
	if err != nil {
		return nil, err
	}
	_, ok := v.(starlark.Callable)
	return starlark.Bool(ok), nil
}

// ---- iteration ----

// builtinMap is map(f, *iterables), returning a list (Python returns a
// lazy iterator; list(map(...)) is the same either way).
func builtinMap(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "map() takes no keyword arguments")
	}
	if len(args) < 2 {
		return nil, pyErrorf("TypeError", "map() must have at least two arguments.")
	}
	var iters []starlark.Iterator
	defer func() {
		for _, it := range iters {
			it.Done()
		}
	}()
	for _, a := range args[1:] {
		if isLazyRange(a) && starlark.Len(a) > maxElems {
			return nil, memoryError() // the list would hold every result
		}
		it, err := pyIterate(a)
		if err != nil {
			return nil, err
		}
		iters = append(iters, it)
	}
	var out []starlark.Value
	for {
		call := make(starlark.Tuple, len(iters))
		for i, it := range iters {
			if !it.Next(&call[i]) {
				return starlark.NewList(out), nil
			}
		}
		v, err := starlark.Call(thread, args[0], call, nil)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
		if err := loopCheck(thread, len(out)); err != nil {
			return nil, err
		}
	}
}

// loopCheck is called on each item a builtin's own loop adds: Ctrl-C
// ends the loop, and so does a list too long to hold.
func loopCheck(thread *starlark.Thread, n int) error {
	if n%checkEvery != 0 {
		return nil
	}
	if n > maxElems {
		return memoryError()
	}
	return cancelled(thread)
}

// builtinFilter is filter(f, iterable) as a list; f None keeps truthy items.
func builtinFilter(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var f, seq starlark.Value
	if err := starlark.UnpackPositionalArgs("filter", args, kwargs, 2, &f, &seq); err != nil {
		return nil, err
	}
	it, err := pyIterate(seq)
	if err != nil {
		return nil, err
	}
	defer it.Done()
	var out []starlark.Value
	var x starlark.Value
	for i := 1; it.Next(&x); i++ {
		if err := loopCheck(thread, i); err != nil {
			return nil, err
		}
		keep := x.Truth()
		if f != starlark.None {
			v, err := starlark.Call(thread, f, starlark.Tuple{x}, nil)
			if err != nil {
				return nil, err
			}
			keep = v.Truth()
		}
		if keep {
			out = append(out, x)
		}
	}
	return starlark.NewList(out), nil
}

// pyIterate iterates v as Python would: str by character, bytes by int.
func pyIterate(v starlark.Value) (starlark.Iterator, error) {
	it, ok := asIterable(v).(starlark.Iterable)
	if !ok {
		return nil, pyErrorf("TypeError", "'%s' object is not iterable", pyTypeName(v))
	}
	return it.Iterate(), nil
}

// asIterable returns v, or for str and bytes a sequence of their items
// (characters, ints) made as they are asked for: a 500 MB string must
// not become 500 million values at once.
func asIterable(v starlark.Value) starlark.Value {
	switch x := v.(type) {
	case starlark.String:
		return strChars{x}
	case starlark.Bytes:
		return bytesInts{x}
	}
	return v
}

// strChars iterates a str by character, as Python does.
type strChars struct{ s starlark.String }

func (c strChars) String() string        { return c.s.String() }
func (c strChars) Type() string          { return "str" }
func (c strChars) Freeze()               {}
func (c strChars) Truth() starlark.Bool  { return c.s.Truth() }
func (c strChars) Hash() (uint32, error) { return c.s.Hash() }
func (c strChars) Len() int              { return utf8.RuneCountInString(string(c.s)) }
func (c strChars) Iterate() starlark.Iterator {
	return &strCharIter{s: string(c.s)}
}

type strCharIter struct{ s string }

func (it *strCharIter) Next(p *starlark.Value) bool {
	if it.s == "" {
		return false
	}
	_, n := utf8.DecodeRuneInString(it.s)
	*p = starlark.String(it.s[:n])
	it.s = it.s[n:]
	return true
}

func (it *strCharIter) Done() {}

// bytesInts iterates bytes as ints, as Python does.
type bytesInts struct{ b starlark.Bytes }

func (c bytesInts) String() string             { return c.b.String() }
func (c bytesInts) Type() string               { return "bytes" }
func (c bytesInts) Freeze()                    {}
func (c bytesInts) Truth() starlark.Bool       { return c.b.Truth() }
func (c bytesInts) Hash() (uint32, error)      { return c.b.Hash() }
func (c bytesInts) Len() int                   { return len(c.b) }
func (c bytesInts) Index(i int) starlark.Value { return starlark.MakeInt(int(c.b[i])) }
func (c bytesInts) Iterate() starlark.Iterator { return &bytesIntIter{b: string(c.b)} }

type bytesIntIter struct{ b string }

func (it *bytesIntIter) Next(p *starlark.Value) bool {
	if it.b == "" {
		return false
	}
	*p = starlark.MakeInt(int(it.b[0]))
	it.b = it.b[1:]
	return true
}

func (it *bytesIntIter) Done() {}

// keepsItems names the Starlark builtins that build a list of every item.
var keepsItems = map[string]bool{"list": true, "tuple": true, "dict": true, "set": true,
	"sorted": true, "reversed": true, "enumerate": true, "zip": true}

// callGuarded calls a Starlark builtin with str and bytes arguments made
// iterable the Python way, and ranges guarded: refused when too long to
// keep, interruptible when only walked (guardIterable).
func callGuarded(thread *starlark.Thread, fn starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple, keeps bool) (starlark.Value, error) {
	conv := make(starlark.Tuple, len(args))
	var checks []func() error
	for i, a := range args {
		v, check, err := guardIterable(thread, asIterable(a), keeps)
		if err != nil {
			return nil, err
		}
		conv[i], checks = v, append(checks, check)
	}
	res, err := starlark.Call(thread, fn, conv, kwargs)
	for _, check := range checks {
		if stop := check(); stop != nil {
			return nil, stop
		}
	}
	return res, err
}

// iterableArgs wraps a Starlark builtin so that str and bytes arguments
// are iterated the Python way.
func iterableArgs(name string) *starlark.Builtin {
	inner := starlark.Universe[name]
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if (name == "max" || name == "min") && len(args) == 0 {
			return nil, pyErrorf("TypeError", "%s expected at least 1 argument, got 0", name)
		}
		return callGuarded(thread, inner, args, kwargs, keepsItems[name])
	})
}

func builtinIter(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 {
		return nil, pyErrorf("TypeError", "invalid syntax")
	}
	v := asIterable(args[0])
	if _, ok := v.(starlark.Iterable); !ok {
		return nil, pyErrorf("TypeError", "'%s' object is not iterable", pyTypeName(v))
	}
	return v, nil
}

// builtinUnpack lets a, b = 'xy' unpack a str; anything else is left
// for the assignment itself to check.
func builtinUnpack(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 {
		return nil, pyErrorf("TypeError", "invalid syntax")
	}
	return asIterable(args[0]), nil
}

// ---- operators translate routes here ----

func builtinMod(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 {
		return nil, pyErrorf("TypeError", "invalid syntax")
	}
	x, y := args[0], args[1]
	switch fx := x.(type) {
	case starlark.String:
		s, err := percentFormat(string(fx), y, false)
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
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) != 2 {
			return nil, pyErrorf("TypeError", "invalid syntax")
		}
		x, y := args[0], args[1]
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

// pyEqual is Python's == for two values.
func pyEqual(x, y starlark.Value) (bool, error) {
	if isNumber(x) && isNumber(y) {
		x, y = asNumber(x), asNumber(y)
	}
	return starlark.Equal(x, y)
}

// membership is x in y (or not in): lists and tuples are searched with
// Python's equality; for other containers an enum member is looked up as
// its int.
func membership(negate bool) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) != 2 {
			return nil, pyErrorf("TypeError", "invalid syntax")
		}
		x, y := args[0], args[1]
		found := false
		switch c := y.(type) {
		case *starlark.List, starlark.Tuple:
			seq := c.(starlark.Indexable)
			for i := 0; i < seq.Len() && !found; i++ {
				eq, err := pyEqual(x, seq.Index(i))
				if err != nil {
					return nil, asPyError(err)
				}
				found = eq
			}
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
		return asPyError(err)
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

func builtinGetitem(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 {
		return nil, pyErrorf("TypeError", "invalid syntax")
	}
	return getItem(args[0], args[1])
}

// getItem is x[k] with Python's results (bytes give ints) and messages.
func getItem(x, k starlark.Value) (starlark.Value, error) {
	switch c := x.(type) {
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
			return nil, &PyError{Class: "KeyError", Msg: pyRepr(k)}
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
	switch c := x.(type) {
	case *starlark.Dict:
		_, found, err := c.Delete(k)
		if err != nil {
			return nil, asPyError(err)
		}
		if !found {
			return nil, &PyError{Class: "KeyError", Msg: pyRepr(k)}
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
