package python

import (
	"sort"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// byteArray is Python's bytearray, the mutable bytes that
// socket.recv_into fills in place. Starlark has no such type. Methods
// that only read (decode, find, split, ...) run the bytes method on a
// copy and hand back bytearrays where Python does.
type byteArray struct{ b []byte }

var (
	_ starlark.Sliceable  = (*byteArray)(nil)
	_ starlark.HasSetKey  = (*byteArray)(nil)
	_ starlark.HasBinary  = (*byteArray)(nil)
	_ starlark.HasAttrs   = (*byteArray)(nil)
	_ starlark.Comparable = (*byteArray)(nil)
	_ pyValue             = (*byteArray)(nil)
)

var typeByteArray = &pyType{name: "bytearray", call: newByteArray, attrs: map[string]*starlark.Builtin{
	"fromhex": starlark.NewBuiltin("fromhex", func(th *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		v, err := bytesFromhex(th, b, args, kwargs)
		if err != nil {
			return nil, err
		}
		return &byteArray{b: []byte(v.(starlark.Bytes))}, nil
	}),
}}

// newByteArray takes what bytes() takes.
func newByteArray(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := makeBytes(thread, "bytearray", args, kwargs)
	if err != nil {
		return nil, err
	}
	return &byteArray{b: []byte(v)}, nil
}

func (a *byteArray) String() string       { return a.Repr() }
func (a *byteArray) Repr() string         { return "bytearray(" + bytesRepr(a.b) + ")" }
func (a *byteArray) Type() string         { return "bytearray" }
func (a *byteArray) Freeze()              {} // the shell never freezes its values
func (a *byteArray) Truth() starlark.Bool { return len(a.b) > 0 }
func (a *byteArray) Hash() (uint32, error) {
	return 0, pyErrorf("TypeError", "unhashable type: 'bytearray'")
}
func (a *byteArray) Len() int { return len(a.b) }
func (a *byteArray) Index(i int) starlark.Value {
	return starlark.MakeInt(int(a.b[i]))
}

func (a *byteArray) Slice(start, end, step int) starlark.Value {
	if step == 1 {
		return &byteArray{b: append([]byte(nil), a.b[start:end]...)}
	}
	var out []byte
	for i := start; step > 0 && i < end || step < 0 && i > end; i += step {
		out = append(out, a.b[i])
	}
	return &byteArray{b: out}
}

// Get and SetKey are b[k] and b[k] = v. Being a Starlark "mapping" lets
// the index be checked here, with Python's messages.
func (a *byteArray) Get(k starlark.Value) (starlark.Value, bool, error) {
	i, err := a.index(k)
	if err != nil {
		return nil, false, err
	}
	return starlark.MakeInt(int(a.b[i])), true, nil
}

func (a *byteArray) SetKey(k, v starlark.Value) error {
	i, err := a.index(k)
	if err != nil {
		return err
	}
	c, err := byteValue(v)
	if err != nil {
		return err
	}
	a.b[i] = c
	return nil
}

func (a *byteArray) index(k starlark.Value) (int, error) {
	if !isPyInt(k) {
		return 0, pyErrorf("TypeError", "bytearray indices must be integers or slices, not %s", pyTypeName(k))
	}
	i, err := intArg(k)
	if err != nil {
		return 0, pyErrorf("IndexError", "cannot fit 'int' into an index-sized integer")
	}
	if i < 0 {
		i += len(a.b)
	}
	if i < 0 || i >= len(a.b) {
		return 0, pyErrorf("IndexError", "bytearray index out of range")
	}
	return i, nil
}

// byteValue reads one byte as Python does for b[i] = v and append(v).
func byteValue(v starlark.Value) (byte, error) {
	if !isPyInt(v) {
		return 0, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(v))
	}
	n, err := intArg(v)
	if err != nil || n < 0 || n > 255 {
		return 0, pyErrorf("ValueError", "byte must be in range(0, 256)")
	}
	return byte(n), nil
}

func (a *byteArray) Iterate() starlark.Iterator { return &byteArrayIter{a: a} }

// byteArrayIter walks the live array, as Python's iterator does.
type byteArrayIter struct {
	a *byteArray
	i int
}

func (it *byteArrayIter) Next(p *starlark.Value) bool {
	if it.i >= len(it.a.b) {
		return false
	}
	*p = starlark.MakeInt(int(it.a.b[it.i]))
	it.i++
	return true
}

func (it *byteArrayIter) Done() {}

func (a *byteArray) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	return starlark.CompareDepth(op, starlark.Bytes(a.b), starlark.Bytes(y.(*byteArray).b), depth)
}

// asBytes reads bytes or a bytearray (a copy of it).
func asBytes(v starlark.Value) (starlark.Bytes, bool) {
	switch x := v.(type) {
	case starlark.Bytes:
		return x, true
	case *byteArray:
		return starlark.Bytes(x.b), true
	case *memoryView:
		return starlark.Bytes(x.bufferBytes()), !x.released
	}
	return "", false
}

// bytesPair lets bytes and bytearray compare with each other, as in Python.
func bytesPair(x, y starlark.Value) (starlark.Value, starlark.Value) {
	_, xa := x.(*byteArray)
	_, ya := y.(*byteArray)
	_, xm := x.(*memoryView)
	_, ym := y.(*memoryView)
	if xa != ya || xm != ym {
		if bx, ok := asBytes(x); ok {
			if by, ok := asBytes(y); ok {
				return bx, by
			}
		}
	}
	return x, y
}

func (a *byteArray) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	switch op {
	case syntax.PLUS:
		other, ok := asBytes(y)
		if !ok {
			if side == starlark.Left {
				return nil, pyErrorf("TypeError", "can't concat %s to bytearray", pyTypeName(y))
			}
			return nil, nil
		}
		if err := checkSize(int64(len(a.b))+int64(len(other)), maxValueBytes); err != nil {
			return nil, err
		}
		if side == starlark.Right {
			if _, isBytes := y.(starlark.Bytes); isBytes {
				return starlark.Bytes(string(other) + string(a.b)), nil
			}
			return &byteArray{b: append([]byte(other), a.b...)}, nil
		}
		return &byteArray{b: append(append([]byte(nil), a.b...), other...)}, nil
	case syntax.STAR:
		if !isPyInt(y) {
			return nil, nil
		}
		n64, ok := smallIntOf(y)
		if !ok {
			return nil, pyErrorf("OverflowError", "cannot fit 'int' into an index-sized integer")
		}
		n := int(max(min(n64, maxValueBytes+1), -1))
		if n > 0 && len(a.b) > 0 && n > maxValueBytes/len(a.b) {
			return nil, memoryError()
		}
		if n <= 0 {
			return &byteArray{}, nil
		}
		return &byteArray{b: []byte(strings.Repeat(string(a.b), n))}, nil
	case syntax.IN:
		if side != starlark.Right {
			return nil, nil
		}
		needle, ok := asBytes(y)
		if !ok && !isPyInt(y) {
			return nil, pyErrorf("TypeError", "a bytes-like object is required, not '%s'", pyTypeName(y))
		}
		if !ok {
			c, err := needleArg(y)
			if err != nil {
				return nil, err
			}
			needle = starlark.Bytes(c)
		}
		return starlark.Bool(strings.Contains(string(a.b), string(needle))), nil
	}
	return nil, nil
}

// byteArrayMethods are the ones that change the array; the rest come
// from bytes.
var byteArrayMethods = map[string]func(thread *starlark.Thread, a *byteArray, args starlark.Tuple) (starlark.Value, error){
	"append": func(_ *starlark.Thread, a *byteArray, args starlark.Tuple) (starlark.Value, error) {
		c, err := byteValue(args[0])
		if err != nil {
			return nil, err
		}
		return starlark.None, a.grow(starlark.Bytes([]byte{c}))
	},
	"extend": func(thread *starlark.Thread, a *byteArray, args starlark.Tuple) (starlark.Value, error) {
		add, ok := asBytes(args[0])
		if !ok {
			_, isStr := args[0].(starlark.String)
			_, isIter := args[0].(starlark.Iterable)
			switch {
			case isStr:
				return nil, pyErrorf("TypeError", "'str' object cannot be interpreted as an integer")
			case !isIter:
				return nil, pyErrorf("TypeError", "can't extend bytearray with %s", pyTypeName(args[0]))
			}
			// bytes() of an iterable checks each item, watches Ctrl-C and
			// refuses a range too big to hold.
			var err error
			if add, err = makeBytes(thread, "bytearray", args[:1], nil); err != nil {
				return nil, err
			}
		}
		return starlark.None, a.grow(add)
	},
	"clear": func(_ *starlark.Thread, a *byteArray, _ starlark.Tuple) (starlark.Value, error) {
		a.b = a.b[:0]
		return starlark.None, nil
	},
	"copy": func(_ *starlark.Thread, a *byteArray, _ starlark.Tuple) (starlark.Value, error) {
		return &byteArray{b: append([]byte(nil), a.b...)}, nil
	},
	"pop": func(_ *starlark.Thread, a *byteArray, args starlark.Tuple) (starlark.Value, error) {
		if len(a.b) == 0 {
			return nil, pyErrorf("IndexError", "pop from empty bytearray")
		}
		i := len(a.b) - 1
		if len(args) == 1 {
			n, err := intArg(args[0])
			if err != nil {
				return nil, err
			}
			if n < 0 {
				n += len(a.b)
			}
			if n < 0 || n >= len(a.b) {
				return nil, pyErrorf("IndexError", "pop index out of range")
			}
			i = n
		}
		c := a.b[i]
		a.b = append(a.b[:i], a.b[i+1:]...)
		return starlark.MakeInt(int(c)), nil
	},
}

// grow appends add, refusing to pass the size any one value may reach.
func (a *byteArray) grow(add starlark.Bytes) error {
	if err := checkSize(int64(len(a.b))+int64(len(add)), maxValueBytes); err != nil {
		return err
	}
	a.b = append(a.b, add...)
	return nil
}

// byteArrayArity is how many arguments each changing method takes.
var byteArrayArity = map[string][2]int{"append": {1, 1}, "extend": {1, 1}, "clear": {0, 0}, "copy": {0, 0}, "pop": {0, 1}}

func (a *byteArray) Attr(name string) (starlark.Value, error) {
	if fn, ok := byteArrayMethods[name]; ok {
		arity := byteArrayArity[name]
		return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(kwargs) > 0 {
				return nil, pyErrorf("TypeError", "bytearray.%s() takes no keyword arguments", name)
			}
			if len(args) < arity[0] || len(args) > arity[1] {
				return nil, arityError("bytearray."+name, arity, len(args))
			}
			return fn(thread, a, args)
		}), nil
	}
	if m, _ := starlark.Bytes("").Attr(name); m == nil {
		return nil, pyErrorf("AttributeError", "'bytearray' object has no attribute '%s'", name)
	}
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		m, _ := starlark.Bytes(a.b).Attr(name)
		conv := make(starlark.Tuple, len(args))
		for i, x := range args {
			conv[i] = bytesFromArray(x)
		}
		r, err := starlark.Call(thread, m, conv, kwargs)
		if err != nil {
			return nil, err
		}
		return toByteArrays(r), nil
	}), nil
}

// arityError words a wrong argument count as CPython's METH_NOARGS,
// METH_O and METH_FASTCALL methods do.
func arityError(name string, arity [2]int, n int) error {
	switch {
	case arity[1] == 0:
		return pyErrorf("TypeError", "%s() takes no arguments (%d given)", name, n)
	case arity[0] == 1 && arity[1] == 1:
		return pyErrorf("TypeError", "%s() takes exactly one argument (%d given)", name, n)
	}
	return pyErrorf("TypeError", "%s expected at most %d argument, got %d", name[strings.IndexByte(name, '.')+1:], arity[1], n)
}

func bytesFromArray(v starlark.Value) starlark.Value {
	if a, ok := v.(*byteArray); ok {
		return starlark.Bytes(a.b)
	}
	return v
}

// toByteArrays turns the bytes in a method's result into bytearrays.
func toByteArrays(v starlark.Value) starlark.Value {
	switch x := v.(type) {
	case starlark.Bytes:
		return &byteArray{b: []byte(x)}
	case *starlark.List:
		out := make([]starlark.Value, x.Len())
		for i := range out {
			out[i] = toByteArrays(x.Index(i))
		}
		return starlark.NewList(out)
	case starlark.Tuple:
		out := make(starlark.Tuple, len(x))
		for i := range x {
			out[i] = toByteArrays(x[i])
		}
		return out
	}
	return v
}

func (a *byteArray) AttrNames() []string {
	names := starlark.Bytes("").AttrNames()
	for n := range byteArrayMethods {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
