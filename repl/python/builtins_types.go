package python

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"go.starlark.net/starlark"
)

// The built-in classes, as callable pyType values. Their constructors
// follow Python: str(b, 'utf-8') decodes, bytes('x', 'utf-8') encodes,
// bytes(5) is five zero bytes, int(' ff ', 16) parses, and so on.

var (
	typeStr   = &pyType{name: "str", call: newStr}
	typeBytes = &pyType{name: "bytes", call: newBytes, attrs: map[string]*starlark.Builtin{
		"fromhex": starlark.NewBuiltin("fromhex", bytesFromhex),
	}}
	typeInt = &pyType{name: "int", call: newInt, attrs: map[string]*starlark.Builtin{
		"from_bytes": starlark.NewBuiltin("from_bytes", intFromBytes),
		"to_bytes":   starlark.NewBuiltin("to_bytes", intToBytes),
	}}
	typeFloat = &pyType{name: "float", call: newFloat}
	typeBool  = &pyType{name: "bool", call: newBool}
	typeList  = &pyType{name: "list", call: viaUniverse("list")}
	typeTuple = &pyType{name: "tuple", call: viaUniverse("tuple")}
	typeDict  = &pyType{name: "dict", call: viaUniverse("dict")}
	typeSet   = &pyType{name: "set", call: viaUniverse("set")}
	typeType  = &pyType{name: "type", call: newType}
)

// viaUniverse calls Starlark's builtin, iterating str and bytes the
// Python way first.
func viaUniverse(name string) func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return callGuarded(thread, starlark.Universe[name], args, kwargs, true)
	}
}

func newType(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 || len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "type() takes 1 argument in this shell (classes cannot be created)")
	}
	return classOf(args[0]), nil
}

func newStr(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var obj starlark.Value = starlark.String("")
	var encoding, errs starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs("str", args, kwargs, "object?", &obj, "encoding?", &encoding, "errors?", &errs); err != nil {
		return nil, err
	}
	if encoding == starlark.None && errs == starlark.None {
		s, err := checkedStr(thread, obj)
		if err != nil {
			return nil, err
		}
		return starlark.String(s), nil
	}
	b, ok := obj.(starlark.Bytes)
	if !ok {
		if _, isStr := obj.(starlark.String); isStr {
			return nil, pyErrorf("TypeError", "decoding str is not supported")
		}
		return nil, pyErrorf("TypeError", "decoding to str: need a bytes-like object, %s found", pyTypeName(obj))
	}
	enc, mode := "utf-8", "strict"
	if s, ok := encoding.(starlark.String); ok {
		enc = string(s)
	} else if encoding != starlark.None {
		return nil, pyErrorf("TypeError", "str() argument 'encoding' must be str, not %s", pyTypeName(encoding))
	}
	if s, ok := errs.(starlark.String); ok {
		mode = string(s)
	}
	s, err := decodeBytes([]byte(b), enc, mode)
	if err != nil {
		return nil, err
	}
	return starlark.String(s), nil
}

func newBytes(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return makeBytes(thread, "bytes", args, kwargs)
}

// makeBytes is bytes() and bytearray() (type names the type in messages).
func makeBytes(thread *starlark.Thread, typ string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Bytes, error) {
	var src, encoding, errs starlark.Value = nil, starlark.None, starlark.None
	if err := starlark.UnpackArgs(typ, args, kwargs, "source?", &src, "encoding?", &encoding, "errors?", &errs); err != nil {
		return "", err
	}
	if src == nil {
		return starlark.Bytes(""), nil
	}
	if s, ok := src.(starlark.String); ok {
		if encoding == starlark.None {
			return "", pyErrorf("TypeError", "string argument without an encoding")
		}
		kw := []starlark.Tuple{{starlark.String("encoding"), encoding}}
		if errs != starlark.None {
			kw = append(kw, starlark.Tuple{starlark.String("errors"), errs})
		}
		m, _ := s.Attr("encode")
		v, err := starlark.Call(thread, m, nil, kw)
		if err != nil {
			return "", err
		}
		return v.(starlark.Bytes), nil
	}
	if encoding != starlark.None {
		return "", pyErrorf("TypeError", "encoding without a string argument")
	}
	switch x := src.(type) {
	case starlark.Bytes:
		return x, nil
	case bufferer:
		return starlark.Bytes(x.bufferBytes()), nil
	case starlark.Int, constValue, starlark.Bool:
		n, err := intArg(x)
		if err != nil {
			return "", err
		}
		if n < 0 {
			return "", pyErrorf("ValueError", "negative count")
		}
		if n > maxValueBytes {
			return "", memoryError()
		}
		return starlark.Bytes(make([]byte, n)), nil
	case starlark.Iterable:
		if isLazyRange(x) && starlark.Len(x) > maxValueBytes {
			return "", memoryError()
		}
		iter := x.Iterate()
		defer iter.Done()
		item := "bytes" // CPython's word for a bad item
		if typ == "bytearray" {
			item = "byte"
		}
		var out []byte
		var v starlark.Value
		for iter.Next(&v) {
			if len(out)%checkEvery == checkEvery-1 {
				if err := cancelled(thread); err != nil {
					return "", err
				}
			}
			if !isPyInt(v) {
				return "", pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(v))
			}
			n, err := intArg(v)
			if err != nil || n < 0 || n > 255 {
				return "", pyErrorf("ValueError", "%s must be in range(0, 256)", item)
			}
			out = append(out, byte(n))
		}
		return starlark.Bytes(out), nil
	}
	return "", pyErrorf("TypeError", "cannot convert '%s' object to %s", pyTypeName(src), typ)
}

func bytesFromhex(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var s starlark.Value
	if err := starlark.UnpackPositionalArgs("fromhex", args, kwargs, 1, &s); err != nil {
		return nil, err
	}
	str, ok := s.(starlark.String)
	if !ok {
		return nil, pyErrorf("TypeError", "fromhex() argument must be str, not %s", pyTypeName(s))
	}
	b, err := fromHex(string(str))
	if err != nil {
		return nil, err
	}
	return starlark.Bytes(b), nil
}

func newInt(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value = starlark.MakeInt(0)
	var base starlark.Value = starlark.None
	if err := starlark.UnpackArgs("int", args, kwargs, "x?", &x, "base?", &base); err != nil {
		return nil, err
	}
	if base != starlark.None {
		b, err := intArg(base)
		if err != nil {
			return nil, err
		}
		if b != 0 && (b < 2 || b > 36) {
			return nil, pyErrorf("ValueError", "int() base must be >= 2 and <= 36, or 0")
		}
		var s string
		switch v := x.(type) {
		case starlark.String:
			s = string(v)
		case starlark.Bytes:
			s = string(v)
		default:
			return nil, pyErrorf("TypeError", "int() can't convert non-string with explicit base")
		}
		return parseInt(s, b, Repr(x))
	}
	switch v := x.(type) {
	case starlark.Int:
		return v, nil
	case starlark.Bool, constValue:
		n, _ := bigOf(v)
		return starlark.MakeBigInt(n), nil
	case starlark.Float:
		f := float64(v)
		if math.IsInf(f, 0) {
			return nil, pyErrorf("OverflowError", "cannot convert float infinity to integer")
		}
		if math.IsNaN(f) {
			return nil, pyErrorf("ValueError", "cannot convert float NaN to integer")
		}
		return starlark.NumberToInt(v)
	case starlark.String:
		return parseInt(string(v), 10, Repr(v))
	case starlark.Bytes:
		return parseInt(string(v), 10, Repr(v))
	}
	return nil, pyErrorf("TypeError", "int() argument must be a string, a bytes-like object or a real number, not '%s'", pyTypeName(x))
}

// parseInt is int(s, base) for text, with Python's leniency (spaces,
// sign, underscores between digits, a matching 0x/0o/0b prefix).
// maxIntDigits is CPython's default sys.get_int_max_str_digits().
const maxIntDigits = 4300

func parseInt(s string, base int, shown string) (starlark.Value, error) {
	if r := []rune(shown); len(r) > 200 {
		shown = string(r[:200]) // CPython prints at most 200 characters of the repr
	}
	bad := func() error {
		return pyErrorf("ValueError", "invalid literal for int() with base %d: %s", base, shown)
	}
	t := strings.TrimSpace(s)
	neg := false
	if t != "" && (t[0] == '+' || t[0] == '-') {
		neg = t[0] == '-'
		t = t[1:]
	}
	lower := strings.ToLower(t)
	prefixes := map[int]string{16: "0x", 8: "0o", 2: "0b"}
	if base == 0 {
		base = 10
		for b, p := range prefixes {
			if strings.HasPrefix(lower, p) {
				base = b
			}
		}
		if base == 10 && len(t) > 1 && t[0] == '0' && strings.Trim(t, "0_") != "" {
			return nil, pyErrorf("ValueError", "invalid literal for int() with base 0: %s", shown)
		}
	}
	if p, ok := prefixes[base]; ok && strings.HasPrefix(lower, p) {
		t = t[2:]
		if strings.HasPrefix(t, "_") {
			t = t[1:]
		}
	}
	if t == "" || t[0] == '_' || t[len(t)-1] == '_' || strings.Contains(t, "__") {
		return nil, bad()
	}
	t = strings.ReplaceAll(t, "_", "")
	if base&(base-1) != 0 && len(t) > maxIntDigits {
		// CPython 3.11's guard against quadratic-time conversion; parsing
		// ten million digits here would take minutes that Ctrl-C cannot end.
		for _, c := range strings.ToLower(t) {
			d := int(c - '0')
			if c >= 'a' && c <= 'z' {
				d = int(c-'a') + 10
			}
			if c < '0' || c > 'z' || c > '9' && c < 'a' || d >= base {
				return nil, bad()
			}
		}
		return nil, pyErrorf("ValueError", "Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", maxIntDigits, len(t))
	}
	n, ok := new(big.Int).SetString(t, base)
	if !ok {
		return nil, bad()
	}
	if neg {
		n.Neg(n)
	}
	return starlark.MakeBigInt(n), nil
}

func newFloat(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value = starlark.Float(0)
	if err := starlark.UnpackPositionalArgs("float", args, kwargs, 0, &x); err != nil {
		return nil, err
	}
	if f, ok := toFloat(x); ok {
		return starlark.Float(f), nil
	}
	var s string
	switch v := x.(type) {
	case starlark.String:
		s = string(v)
	case starlark.Bytes:
		s = string(v)
	default:
		return nil, pyErrorf("TypeError", "float() argument must be a string or a real number, not '%s'", pyTypeName(x))
	}
	t := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(s), "_", ""))
	switch strings.TrimLeft(t, "+-") {
	case "inf", "infinity":
		if strings.HasPrefix(t, "-") {
			return starlark.Float(math.Inf(-1)), nil
		}
		return starlark.Float(math.Inf(1)), nil
	case "nan":
		return starlark.Float(math.NaN()), nil
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil && !strings.Contains(err.Error(), "range") || strings.HasPrefix(t, "0x") || t == "" {
		return nil, pyErrorf("ValueError", "could not convert string to float: %s", Repr(x))
	}
	return starlark.Float(f), nil
}

func newBool(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value = starlark.False
	if err := starlark.UnpackPositionalArgs("bool", args, kwargs, 0, &x); err != nil {
		return nil, err
	}
	return x.Truth(), nil
}

// byteOrderArg reads the byteorder argument of from_bytes/to_bytes.
func byteOrderArg(v starlark.Value) (bool, error) {
	s, ok := v.(starlark.String)
	if !ok {
		return false, pyErrorf("TypeError", "to_bytes() argument 'byteorder' must be str, not %s", pyTypeName(v))
	}
	switch s {
	case "big":
		return true, nil
	case "little":
		return false, nil
	}
	return false, pyErrorf("ValueError", "byteorder must be either 'little' or 'big'")
}

func intFromBytes(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var data starlark.Value
	var order starlark.Value = starlark.String("big")
	signed := false
	if err := starlark.UnpackArgs("from_bytes", args, kwargs, "bytes", &data, "byteorder?", &order, "signed?", &signed); err != nil {
		return nil, err
	}
	var p []byte
	switch d := data.(type) {
	case starlark.Bytes:
		p = []byte(d)
	default:
		it, ok := asIterable(data).(starlark.Iterable)
		if !ok {
			return nil, pyErrorf("TypeError", "cannot convert '%s' object to bytes", pyTypeName(data))
		}
		b, err := newBytes(nil, starlark.Tuple{it}, nil)
		if err != nil {
			return nil, err
		}
		p = []byte(b.(starlark.Bytes))
	}
	big_, err := byteOrderArg(order)
	if err != nil {
		return nil, err
	}
	be := make([]byte, len(p))
	for i := range p {
		if big_ {
			be[i] = p[i]
		} else {
			be[i] = p[len(p)-1-i]
		}
	}
	n := new(big.Int).SetBytes(be)
	if signed && len(be) > 0 && be[0]&0x80 != 0 {
		n.Sub(n, new(big.Int).Lsh(big.NewInt(1), uint(8*len(be))))
	}
	return starlark.MakeBigInt(n), nil
}

func intToBytes(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var self starlark.Value
	length := 1
	var order starlark.Value = starlark.String("big")
	signed := false
	if err := starlark.UnpackArgs("to_bytes", args, kwargs, "self", &self, "length?", &length, "byteorder?", &order, "signed?", &signed); err != nil {
		return nil, err
	}
	n, ok := bigOf(self)
	if !ok {
		return nil, pyErrorf("TypeError", "descriptor 'to_bytes' for 'int' objects doesn't apply to a '%s' object", pyTypeName(self))
	}
	if length < 0 {
		return nil, pyErrorf("ValueError", "length argument must be non-negative")
	}
	if length > maxValueBytes {
		return nil, memoryError()
	}
	big_, err := byteOrderArg(order)
	if err != nil {
		return nil, err
	}
	if n.Sign() < 0 && !signed {
		return nil, pyErrorf("OverflowError", "can't convert negative int to unsigned")
	}
	v := new(big.Int).Set(n)
	if v.Sign() < 0 {
		v.Add(v, new(big.Int).Lsh(big.NewInt(1), uint(8*length)))
	}
	limit := new(big.Int).Lsh(big.NewInt(1), uint(8*length))
	if signed {
		half := new(big.Int).Rsh(limit, 1)
		if n.Cmp(half) >= 0 || n.Cmp(new(big.Int).Neg(half)) < 0 {
			return nil, pyErrorf("OverflowError", "int too big to convert")
		}
	}
	if v.Sign() < 0 || v.Cmp(limit) >= 0 {
		return nil, pyErrorf("OverflowError", "int too big to convert")
	}
	out := v.FillBytes(make([]byte, length))
	if !big_ {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return starlark.Bytes(out), nil
}
