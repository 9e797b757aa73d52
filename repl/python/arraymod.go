package python

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/big"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// array: typed arrays of numbers kept as the bytes the machine stores
// them in (little-endian here), so that tobytes() is what goes on the
// wire and recv_into() can fill one. Typecodes b B h H i I l L q Q f d.

func newArrayModule(*Interp) starlark.Value {
	return table{name: "array", doc: "Compact arrays of one C number type: array.array('H', [1, 2]) holds 2-byte unsigned ints; tobytes()/frombytes() convert to and from the bytes sockets carry, and recv_into() can fill one in place.", rows: []row{
		{name: "array", value: typeArray, sig: "array.array(typecode[, initializer])", doc: "An array of b/B (1 byte), h/H (2), i/I (4), l/L/q/Q (8) signed/unsigned ints, or f/d floats, in this machine's byte order."},
		{name: "ArrayType", value: typeArray},
		{name: "typecodes", value: starlark.String("bBuhHiIlLqQfd"), sig: "array.typecodes", doc: "Every typecode CPython has; this shell has all but 'u'."},
	}}.module()
}

// arraySizes are the item sizes of x86-64 Linux.
var arraySizes = map[byte]int{'b': 1, 'B': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4, 'l': 8, 'L': 8, 'q': 8, 'Q': 8, 'f': 4, 'd': 8}

type arrayValue struct {
	tc byte
	b  []byte
}

var (
	_ starlark.Sliceable  = (*arrayValue)(nil)
	_ starlark.HasSetKey  = (*arrayValue)(nil)
	_ starlark.HasBinary  = (*arrayValue)(nil)
	_ starlark.HasAttrs   = (*arrayValue)(nil)
	_ starlark.Comparable = (*arrayValue)(nil)
	_ bufferer            = (*arrayValue)(nil)
)

var typeArray = registerType(&pyType{name: "array.array", call: newArray})

func newArray(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "array.array() takes no keyword arguments")
	}
	if len(args) == 0 {
		return nil, pyErrorf("TypeError", "array() takes at least 1 argument (0 given)")
	}
	if len(args) > 2 {
		return nil, pyErrorf("TypeError", "array() takes at most 2 arguments (%d given)", len(args))
	}
	s, ok := args[0].(starlark.String)
	if !ok || len([]rune(string(s))) != 1 {
		return nil, pyErrorf("TypeError", "array() argument 1 must be a unicode character, not %s", pyTypeName(args[0]))
	}
	if s == "u" {
		return nil, &PyError{Class: "NotImplementedError", Msg: "array typecode 'u' is not available in this shell: keep text in a str"}
	}
	if _, ok := arraySizes[s[0]]; !ok || len(s) != 1 {
		return nil, pyErrorf("ValueError", "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
	}
	a := &arrayValue{tc: s[0]}
	if len(args) == 2 {
		switch init := args[1].(type) {
		case starlark.String:
			return nil, pyErrorf("TypeError", "cannot use a str to initialize an array with typecode '%c'", a.tc)
		case starlark.Bytes, *byteArray:
			b, _ := dataArg(init)
			if err := a.frombytes(b); err != nil {
				return nil, err
			}
		default:
			if err := a.extendFrom(thread, init); err != nil {
				return nil, err
			}
		}
	}
	return a, nil
}

func (a *arrayValue) size() int { return arraySizes[a.tc] }

func (a *arrayValue) frombytes(b []byte) error {
	if len(b)%a.size() != 0 {
		return pyErrorf("ValueError", "bytes length not a multiple of item size")
	}
	a.b = append(a.b, b...)
	return nil
}

// extendFrom appends the items of an iterable, all or none.
func (a *arrayValue) extendFrom(thread *starlark.Thread, v starlark.Value) error {
	if o, ok := v.(*arrayValue); ok {
		if o.tc != a.tc {
			return pyErrorf("TypeError", "can only extend with array of same kind")
		}
		a.b = append(a.b, o.b...)
		return nil
	}
	if _, ok := v.(starlark.Iterable); !ok {
		if _, isStr := v.(starlark.String); !isStr {
			return pyErrorf("TypeError", "'%s' object is not iterable", pyTypeName(v))
		}
	}
	items, err := collect(thread, v)
	if err != nil {
		return err
	}
	out := make([]byte, 0, len(items)*a.size())
	for _, it := range items {
		b, err := a.encode(it)
		if err != nil {
			return err
		}
		out = append(out, b...)
	}
	a.b = append(a.b, out...)
	return nil
}

// encode is one item as the bytes it is stored as.
func (a *arrayValue) encode(v starlark.Value) ([]byte, error) {
	out := make([]byte, a.size())
	switch a.tc {
	case 'f', 'd':
		x, ok := toFloat(v)
		if !ok {
			return nil, pyErrorf("TypeError", "must be real number, not %s", pyTypeName(v))
		}
		if a.tc == 'f' {
			binary.LittleEndian.PutUint32(out, math.Float32bits(float32(x)))
		} else {
			binary.LittleEndian.PutUint64(out, math.Float64bits(x))
		}
		return out, nil
	}
	if !isPyInt(v) {
		return nil, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(v))
	}
	n, _ := bigOf(v)
	if msg := arrayRangeError(a.tc, n); msg != "" {
		return nil, pyErrorf("OverflowError", "%s", msg)
	}
	var u uint64
	if n.Sign() < 0 {
		u = uint64(n.Int64())
	} else {
		u = n.Uint64()
	}
	for i := range out {
		out[i] = byte(u >> (8 * i))
	}
	return out, nil
}

// arrayRangeError words an int that does not fit, as CPython's array
// module does: its converters check a wider C type first, so a byte too
// big for a short is called a short.
func arrayRangeError(tc byte, n *big.Int) string {
	fitsLong, fitsULong := n.IsInt64(), n.Sign() >= 0 && n.IsUint64()
	const tooLong, tooULong = "Python int too large to convert to C long", "Python int too large to convert to C unsigned long"
	in := func(lo, hi int64) int {
		if n.Cmp(big.NewInt(lo)) < 0 {
			return -1
		}
		if n.Cmp(big.NewInt(hi)) > 0 {
			return 1
		}
		return 0
	}
	bound := func(c int, what string) string {
		switch c {
		case 1:
			return what + " is greater than maximum"
		case -1:
			return what + " is less than minimum"
		}
		return ""
	}
	switch tc {
	case 'b':
		if !fitsLong {
			return tooLong
		}
		if m := bound(in(-1<<15, 1<<15-1), "signed short integer"); m != "" {
			return m
		}
		return bound(in(-128, 127), "signed char")
	case 'B':
		if !fitsLong {
			return tooLong
		}
		return bound(in(0, 255), "unsigned byte integer")
	case 'h':
		if !fitsLong {
			return tooLong
		}
		return bound(in(-1<<15, 1<<15-1), "signed short integer")
	case 'H':
		if !fitsLong {
			return tooLong
		}
		if m := bound(in(-1<<31, 1<<31-1), "signed integer"); m != "" {
			return m
		}
		return bound(in(0, 65535), "unsigned short")
	case 'i':
		if !fitsLong {
			return tooLong
		}
		return bound(in(-1<<31, 1<<31-1), "signed integer")
	case 'I':
		switch {
		case n.Sign() < 0:
			return "can't convert negative value to unsigned int"
		case !fitsULong:
			return tooULong
		}
		return bound(in(0, 1<<32-1), "unsigned int")
	case 'l':
		if !fitsLong {
			return tooLong
		}
	case 'L':
		switch {
		case n.Sign() < 0:
			return "can't convert negative value to unsigned int"
		case !fitsULong:
			return tooULong
		}
	case 'q':
		if !fitsLong {
			return "int too big to convert"
		}
	case 'Q':
		switch {
		case n.Sign() < 0:
			return "can't convert negative int to unsigned"
		case !fitsULong:
			return "int too big to convert"
		}
	}
	return ""
}

// decodeItem reads one item of typecode tc.
func decodeItem(tc byte, p []byte) starlark.Value {
	var u uint64
	for i := len(p) - 1; i >= 0; i-- {
		u = u<<8 | uint64(p[i])
	}
	switch tc {
	case 'f':
		return starlark.Float(math.Float32frombits(uint32(u)))
	case 'd':
		return starlark.Float(math.Float64frombits(u))
	case 'b', 'h', 'i', 'l', 'q':
		shift := 64 - 8*uint(len(p))
		return starlark.MakeInt64(int64(u<<shift) >> shift)
	}
	return starlark.MakeUint64(u)
}

func (a *arrayValue) item(i int) starlark.Value {
	s := a.size()
	return decodeItem(a.tc, a.b[i*s:(i+1)*s])
}

func (a *arrayValue) items() []starlark.Value {
	out := make([]starlark.Value, a.Len())
	for i := range out {
		out[i] = a.item(i)
	}
	return out
}

func (a *arrayValue) String() string       { return a.Repr() }
func (a *arrayValue) Type() string         { return "array.array" }
func (a *arrayValue) Freeze()              {}
func (a *arrayValue) Truth() starlark.Bool { return len(a.b) > 0 }
func (a *arrayValue) Hash() (uint32, error) {
	return 0, pyErrorf("TypeError", "unhashable type: 'array.array'")
}
func (a *arrayValue) Len() int                   { return len(a.b) / a.size() }
func (a *arrayValue) Index(i int) starlark.Value { return a.item(i) }
func (a *arrayValue) bufferBytes() []byte        { return a.b }
func (a *arrayValue) readOnly() bool             { return false }

func (a *arrayValue) Repr() string {
	if len(a.b) == 0 {
		return fmt.Sprintf("array('%c')", a.tc)
	}
	return fmt.Sprintf("array('%c', %s)", a.tc, Repr(starlark.NewList(a.items())))
}

func (a *arrayValue) Slice(start, end, step int) starlark.Value {
	out := &arrayValue{tc: a.tc}
	s := a.size()
	for i := start; step > 0 && i < end || step < 0 && i > end; i += step {
		out.b = append(out.b, a.b[i*s:(i+1)*s]...)
	}
	return out
}

func (a *arrayValue) index(k starlark.Value) (int, error) {
	if !isPyInt(k) {
		return 0, pyErrorf("TypeError", "array indices must be integers")
	}
	i, ok := smallIntOf(k)
	if ok && i < 0 {
		i += int64(a.Len())
	}
	if !ok || i < 0 || i >= int64(a.Len()) {
		return 0, pyErrorf("IndexError", "array index out of range")
	}
	return int(i), nil
}

// Get and SetKey are a[i] and a[i] = v, with the array's messages.
func (a *arrayValue) Get(k starlark.Value) (starlark.Value, bool, error) {
	i, err := a.index(k)
	if err != nil {
		return nil, false, err
	}
	return a.item(i), true, nil
}

func (a *arrayValue) SetKey(k, v starlark.Value) error {
	i, err := a.index(k)
	if err != nil {
		return pyErrorf("IndexError", "array assignment index out of range")
	}
	b, err := a.encode(v)
	if err != nil {
		return err
	}
	copy(a.b[i*a.size():], b)
	return nil
}

func (a *arrayValue) Iterate() starlark.Iterator { return starlark.NewList(a.items()).Iterate() }

// pyContains is x in a.
func (a *arrayValue) pyContains(x starlark.Value) (bool, error) {
	for _, it := range a.items() {
		if eq, err := pyEqual(x, it); err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

// setSlice is a[lo:hi] = other array.
func (a *arrayValue) setSlice(thread *starlark.Thread, lo, hi, step, v starlark.Value) error {
	o, ok := v.(*arrayValue)
	if !ok {
		return pyErrorf("TypeError", "can only assign array (not \"%s\") to array slice", pyTypeName(v))
	}
	if o.tc != a.tc {
		return pyErrorf("TypeError", "bad argument type for built-in operation")
	}
	old := a.items()
	out, err := spliced(old, o.items(), lo, hi, step)
	if err != nil {
		return err
	}
	nb := make([]byte, 0, len(out)*a.size())
	for _, it := range out {
		b, _ := a.encode(it)
		nb = append(nb, b...)
	}
	a.b = nb
	return nil
}

func (a *arrayValue) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	return starlark.CompareDepth(op, starlark.NewList(a.items()), starlark.NewList(y.(*arrayValue).items()), depth)
}

func (a *arrayValue) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	switch op {
	case syntax.PLUS:
		o, ok := y.(*arrayValue)
		if !ok {
			if side == starlark.Left {
				return nil, pyErrorf("TypeError", "can only append array (not \"%s\") to array", pyTypeName(y))
			}
			return nil, nil
		}
		if o.tc != a.tc {
			return nil, pyErrorf("TypeError", "bad argument type for built-in operation")
		}
		x, z := a, o
		if side == starlark.Right {
			x, z = o, a
		}
		return &arrayValue{tc: a.tc, b: append(append([]byte(nil), x.b...), z.b...)}, nil
	case syntax.STAR:
		if !isPyInt(y) {
			return nil, nil
		}
		n, ok := smallIntOf(y)
		if !ok || n*int64(len(a.b)) > maxValueBytes {
			return nil, memoryError()
		}
		if n < 0 {
			n = 0
		}
		return &arrayValue{tc: a.tc, b: []byte(strings.Repeat(string(a.b), int(n)))}, nil
	}
	return nil, nil
}

func (a *arrayValue) Attr(name string) (starlark.Value, error) {
	switch name {
	case "typecode":
		return starlark.String(string(a.tc)), nil
	case "itemsize":
		return starlark.MakeInt(a.size()), nil
	}
	if m, ok := arrayMethods.bind(a, name); ok {
		return m, nil
	}
	return nil, noAttr("array.array", name)
}

func (a *arrayValue) AttrNames() []string { return arrayMethods.names("itemsize", "typecode") }

var arrayMethods = newMethodSet("array.array", func() map[string]method {
	ms := map[string]method{}
	m := func(name string, min, max int, sig, doc string, fn func(thread *starlark.Thread, a *arrayValue, args starlark.Tuple) (starlark.Value, error)) {
		ms[name] = method{sig: sig, doc: doc, fn: func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := ioArgs("array", name, args, kwargs, min, max); err != nil {
				return nil, err
			}
			return fn(thread, b.Receiver().(*arrayValue), args)
		}}
	}
	m("append", 1, 1, "a.append(x)", "Add one item at the end.", func(_ *starlark.Thread, a *arrayValue, args starlark.Tuple) (starlark.Value, error) {
		b, err := a.encode(args[0])
		if err != nil {
			return nil, err
		}
		a.b = append(a.b, b...)
		return starlark.None, nil
	})
	m("extend", 1, 1, "a.extend(items)", "Add the items of an iterable, or of an array of the same typecode.", func(thread *starlark.Thread, a *arrayValue, args starlark.Tuple) (starlark.Value, error) {
		return starlark.None, a.extendFrom(thread, args[0])
	})
	m("fromlist", 1, 1, "a.fromlist(list)", "Add the items of a list.", func(thread *starlark.Thread, a *arrayValue, args starlark.Tuple) (starlark.Value, error) {
		if _, ok := args[0].(*starlark.List); !ok {
			return nil, pyErrorf("TypeError", "arg must be list")
		}
		return starlark.None, a.extendFrom(thread, args[0])
	})
	m("frombytes", 1, 1, "a.frombytes(data)", "Add the items that data holds, itemsize bytes each, in this machine's byte order.", func(_ *starlark.Thread, a *arrayValue, args starlark.Tuple) (starlark.Value, error) {
		b, err := dataArg(args[0])
		if err != nil {
			return nil, err
		}
		return starlark.None, a.frombytes(append([]byte(nil), b...))
	})
	m("tobytes", 0, 0, "a.tobytes() -> bytes", "The items as the bytes they are stored in: what to send.", func(_ *starlark.Thread, a *arrayValue, _ starlark.Tuple) (starlark.Value, error) {
		return starlark.Bytes(a.b), nil
	})
	m("tolist", 0, 0, "a.tolist() -> list", "The items as a list.", func(_ *starlark.Thread, a *arrayValue, _ starlark.Tuple) (starlark.Value, error) {
		return starlark.NewList(a.items()), nil
	})
	m("byteswap", 0, 0, "a.byteswap()", "Reverse the bytes of every item: converts between this machine's order and network order.", func(_ *starlark.Thread, a *arrayValue, _ starlark.Tuple) (starlark.Value, error) {
		s := a.size()
		for i := 0; i+s <= len(a.b); i += s {
			for j, k := i, i+s-1; j < k; j, k = j+1, k-1 {
				a.b[j], a.b[k] = a.b[k], a.b[j]
			}
		}
		return starlark.None, nil
	})
	m("pop", 0, 1, "a.pop([i]) -> item", "Remove and return the item at i (the last by default).", func(_ *starlark.Thread, a *arrayValue, args starlark.Tuple) (starlark.Value, error) {
		if a.Len() == 0 {
			return nil, pyErrorf("IndexError", "pop from empty array")
		}
		i := a.Len() - 1
		if len(args) == 1 {
			n, err := a.index(args[0])
			if err != nil {
				if asPyError(err).Class == "IndexError" {
					return nil, pyErrorf("IndexError", "pop index out of range")
				}
				return nil, err
			}
			i = n
		}
		v := a.item(i)
		s := a.size()
		a.b = append(a.b[:i*s], a.b[(i+1)*s:]...)
		return v, nil
	})
	m("insert", 2, 2, "a.insert(i, x)", "Insert an item before position i.", func(_ *starlark.Thread, a *arrayValue, args starlark.Tuple) (starlark.Value, error) {
		n, err := ssizeArg(args[0])
		if err != nil {
			return nil, err
		}
		b, err := a.encode(args[1])
		if err != nil {
			return nil, err
		}
		if n < 0 {
			n = max(n+a.Len(), 0)
		}
		n = min(n, a.Len())
		s := a.size()
		a.b = append(a.b[:n*s], append(b, a.b[n*s:]...)...)
		return starlark.None, nil
	})
	find := func(a *arrayValue, x starlark.Value) (int, error) {
		for i, it := range a.items() {
			eq, err := pyEqual(x, it)
			if err != nil {
				return -1, err
			}
			if eq {
				return i, nil
			}
		}
		return -1, nil
	}
	m("index", 1, 1, "a.index(x) -> int", "The position of the first item equal to x.", func(_ *starlark.Thread, a *arrayValue, args starlark.Tuple) (starlark.Value, error) {
		i, err := find(a, args[0])
		if err != nil {
			return nil, err
		}
		if i < 0 {
			return nil, pyErrorf("ValueError", "array.index(x): x not in array")
		}
		return starlark.MakeInt(i), nil
	})
	m("remove", 1, 1, "a.remove(x)", "Remove the first item equal to x.", func(_ *starlark.Thread, a *arrayValue, args starlark.Tuple) (starlark.Value, error) {
		i, err := find(a, args[0])
		if err != nil {
			return nil, err
		}
		if i < 0 {
			return nil, pyErrorf("ValueError", "array.remove(x): x not in array")
		}
		s := a.size()
		a.b = append(a.b[:i*s], a.b[(i+1)*s:]...)
		return starlark.None, nil
	})
	m("count", 1, 1, "a.count(x) -> int", "How many items equal x.", func(_ *starlark.Thread, a *arrayValue, args starlark.Tuple) (starlark.Value, error) {
		n := 0
		for _, it := range a.items() {
			if eq, _ := pyEqual(args[0], it); eq {
				n++
			}
		}
		return starlark.MakeInt(n), nil
	})
	m("reverse", 0, 0, "a.reverse()", "Reverse the order of the items in place.", func(_ *starlark.Thread, a *arrayValue, _ starlark.Tuple) (starlark.Value, error) {
		s, n := a.size(), a.Len()
		out := make([]byte, 0, len(a.b))
		for i := n - 1; i >= 0; i-- {
			out = append(out, a.b[i*s:(i+1)*s]...)
		}
		a.b = out
		return starlark.None, nil
	})
	m("buffer_info", 0, 0, "a.buffer_info() -> (address, length)", "Where the items are in memory and how many there are.", func(_ *starlark.Thread, a *arrayValue, _ starlark.Tuple) (starlark.Value, error) {
		return starlark.Tuple{starlark.MakeUint64(uint64(addressOf(a))), starlark.MakeInt(a.Len())}, nil
	})
	return ms
}())
