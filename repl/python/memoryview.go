package python

import (
	"encoding/hex"
	"fmt"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// memoryview: a window onto another object's bytes (bytes, bytearray,
// array, a ctypes buffer, another memoryview) without copying them. The
// classic use is recv_into(view[got:]), filling a preallocated buffer
// piece by piece.
//
// A view holds its owner and an offset: it reads the owner's bytes when
// used, so it sees every change made through either. Unlike CPython, the
// owner may still be resized while a view exists (the shell cannot know
// when a view is no longer used); a view past the owner's new end sees
// only what is left. A slice with a step is a read-only copy.

type memoryView struct {
	owner    bufferer
	off, n   int // bytes
	format   string
	itemsize int
	readonly bool
	released bool
	strided  bool // a copy made by a slice with a step
}

var (
	_ starlark.Sliceable  = (*memoryView)(nil)
	_ starlark.HasSetKey  = (*memoryView)(nil)
	_ starlark.HasAttrs   = (*memoryView)(nil)
	_ starlark.Comparable = (*memoryView)(nil)
	_ bufferer            = (*memoryView)(nil)
)

var typeMemoryView = registerType(&pyType{name: "memoryview", call: newMemoryView})

func init() {
	registerTypeDoc("memoryview", helpDoc{sig: "memoryview(buffer)", text: "A window onto a buffer's bytes without copying: view[i:j] is another window, sock.recv_into(view[got:]) fills the buffer from where it got to, bytes(view) copies."})
}

func newMemoryView(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := placeArgs("memoryview", args, kwargs, []string{"object"}, 1)
	if err != nil {
		return nil, err
	}
	return viewOf(p[0])
}

// viewOf is memoryview(v).
func viewOf(v starlark.Value) (*memoryView, error) {
	switch x := v.(type) {
	case starlark.Bytes:
		return &memoryView{owner: bytesOwner{x}, n: len(x), format: "B", itemsize: 1, readonly: true}, nil
	case *memoryView:
		if x.released {
			return nil, errReleased()
		}
		c := *x
		return &c, nil
	case *arrayValue:
		return &memoryView{owner: x, n: len(x.b), format: string(x.tc), itemsize: x.size()}, nil
	case *charArray:
		return &memoryView{owner: x, n: len(x.b), format: "<c", itemsize: 1}, nil
	case bufferer:
		return &memoryView{owner: x, n: len(x.bufferBytes()), format: "B", itemsize: 1, readonly: x.readOnly()}, nil
	}
	return nil, pyErrorf("TypeError", "memoryview: a bytes-like object is required, not '%s'", pyTypeName(v))
}

// bytesOwner lends the bytes of an immutable bytes value.
type bytesOwner struct{ b starlark.Bytes }

func (o bytesOwner) String() string        { return o.b.String() }
func (o bytesOwner) Type() string          { return "bytes" }
func (o bytesOwner) Freeze()               {}
func (o bytesOwner) Truth() starlark.Bool  { return true }
func (o bytesOwner) Hash() (uint32, error) { return o.b.Hash() }
func (o bytesOwner) bufferBytes() []byte   { return bytesView(o.b) }
func (o bytesOwner) readOnly() bool        { return true }

func errStrided() error {
	return &PyError{Class: "NotImplementedError", Msg: "writing through a memoryview slice with a step is not available in this shell: write through the plain view, view[i] = x"}
}

func errReleased() error {
	return pyErrorf("ValueError", "operation forbidden on released memoryview object")
}

// bufferBytes is the view's bytes now, clipped to what the owner has.
func (m *memoryView) bufferBytes() []byte {
	b := m.owner.bufferBytes()
	lo, hi := min(m.off, len(b)), min(m.off+m.n, len(b))
	return b[lo:hi]
}

func (m *memoryView) readOnly() bool { return m.readonly }

func (m *memoryView) String() string { return m.Repr() }
func (m *memoryView) Repr() string {
	if m.released {
		return fmt.Sprintf("<released memory at %#x>", addressOf(m))
	}
	return fmt.Sprintf("<memory at %#x>", addressOf(m))
}
func (m *memoryView) Type() string         { return "memoryview" }
func (m *memoryView) Freeze()              {}
func (m *memoryView) Truth() starlark.Bool { return true }
func (m *memoryView) Hash() (uint32, error) {
	if m.released {
		return 0, errReleased()
	}
	if !m.readonly {
		return 0, pyErrorf("ValueError", "cannot hash writable memoryview object")
	}
	return starlark.Bytes(m.bufferBytes()).Hash()
}

func (m *memoryView) Len() int {
	if m.released {
		return 0
	}
	return len(m.bufferBytes()) / m.itemsize
}

// pyLen is len(view), which a released view refuses.
func (m *memoryView) pyLen() (int, error) {
	if m.released {
		return 0, errReleased()
	}
	return m.Len(), nil
}

func (m *memoryView) item(i int) (starlark.Value, error) {
	if m.format == "<c" {
		return nil, &PyError{Class: "NotImplementedError", Msg: "memoryview: unsupported format <c"}
	}
	b := m.bufferBytes()
	return decodeItem(m.format[0], b[i*m.itemsize:(i+1)*m.itemsize]), nil
}

func (m *memoryView) Index(i int) starlark.Value {
	v, err := m.item(i)
	if err != nil {
		return starlark.None
	}
	return v
}

// Slice is view[i:j], a view of the same bytes. A slice with a step is
// a read-only view of a copy of the items it picks: reading it is as in
// CPython, writing through it is refused.
func (m *memoryView) Slice(start, end, step int) starlark.Value {
	c := *m
	if step != 1 {
		b := m.bufferBytes()
		var picked []byte
		for i := start; step > 0 && i < end || step < 0 && i > end; i += step {
			picked = append(picked, b[i*m.itemsize:(i+1)*m.itemsize]...)
		}
		c.owner, c.off, c.n, c.readonly, c.strided = bytesOwner{starlark.Bytes(picked)}, 0, len(picked), true, !m.readonly
		return &c
	}
	if end < start {
		end = start
	}
	c.off = m.off + start*m.itemsize
	c.n = (end - start) * m.itemsize
	return &c
}

func (m *memoryView) index(k starlark.Value) (int, error) {
	if m.released {
		return 0, errReleased()
	}
	if !isPyInt(k) {
		return 0, pyErrorf("TypeError", "memoryview: invalid slice key")
	}
	i, ok := smallIntOf(k)
	if ok && i < 0 {
		i += int64(m.Len())
	}
	if !ok || i < 0 || i >= int64(m.Len()) {
		return 0, pyErrorf("IndexError", "index out of bounds on dimension 1")
	}
	return int(i), nil
}

func (m *memoryView) Get(k starlark.Value) (starlark.Value, bool, error) {
	i, err := m.index(k)
	if err != nil {
		return nil, false, err
	}
	v, err := m.item(i)
	return v, err == nil, err
}

func (m *memoryView) SetKey(k, v starlark.Value) error {
	if m.strided {
		return errStrided()
	}
	if m.readonly {
		return pyErrorf("TypeError", "cannot modify read-only memory")
	}
	i, err := m.index(k)
	if err != nil {
		return err
	}
	if m.format == "<c" {
		return &PyError{Class: "NotImplementedError", Msg: "memoryview: unsupported format <c"}
	}
	if m.format == "B" {
		if !isPyInt(v) {
			return pyErrorf("TypeError", "memoryview: invalid type for format 'B'")
		}
		n, ok := smallIntOf(v)
		if !ok || n < 0 || n > 255 {
			return pyErrorf("ValueError", "memoryview: invalid value for format 'B'")
		}
		m.bufferBytes()[i] = byte(n)
		return nil
	}
	enc, err := (&arrayValue{tc: m.format[0]}).encode(v)
	if err != nil {
		return err
	}
	copy(m.bufferBytes()[i*m.itemsize:], enc)
	return nil
}

// setSlice is view[a:b] = data, which must be exactly as long.
func (m *memoryView) setSlice(_ *starlark.Thread, lo, hi, step, v starlark.Value) error {
	if m.released {
		return errReleased()
	}
	if m.strided {
		return errStrided()
	}
	if m.readonly {
		return pyErrorf("TypeError", "cannot modify read-only memory")
	}
	idx, start, st, err := sliceIndices(m.Len(), lo, hi, step)
	if err != nil {
		return err
	}
	src, ok := v.(bufferer)
	if !ok {
		if b, isBytes := v.(starlark.Bytes); isBytes {
			src = bytesOwner{b}
		} else {
			return pyErrorf("TypeError", "a bytes-like object is required, not '%s'", pyTypeName(v))
		}
	}
	data := src.bufferBytes()
	if st != 1 && len(idx) > 1 {
		return &PyError{Class: "NotImplementedError", Msg: "memoryview slices with a step are not available in this shell: assign to a plain slice"}
	}
	if len(data) != len(idx)*m.itemsize {
		return pyErrorf("ValueError", "memoryview assignment: lvalue and rvalue have different structures")
	}
	copy(m.bufferBytes()[start*m.itemsize:], data)
	return nil
}

func (m *memoryView) Iterate() starlark.Iterator {
	var items []starlark.Value
	for i := 0; i < m.Len(); i++ {
		v, err := m.item(i)
		if err != nil {
			break
		}
		items = append(items, v)
	}
	return starlark.NewList(items).Iterate()
}

func (m *memoryView) pyContains(x starlark.Value) (bool, error) {
	if m.released {
		return false, errReleased()
	}
	for i := 0; i < m.Len(); i++ {
		v, err := m.item(i)
		if err != nil {
			return false, err
		}
		if eq, _ := pyEqual(x, v); eq {
			return true, nil
		}
	}
	return false, nil
}

// CompareSameType compares two views' bytes; == with bytes and bytearray
// goes through pyEquals.
func (m *memoryView) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	o := y.(*memoryView)
	switch op {
	case syntax.EQL, syntax.NEQ:
		if m.released || o.released {
			eq := m == o
			return eq == (op == syntax.EQL), nil
		}
		eq := string(m.bufferBytes()) == string(o.bufferBytes())
		return eq == (op == syntax.EQL), nil
	}
	return false, pyErrorf("TypeError", "'%s' not supported between instances of 'memoryview' and 'memoryview'", op)
}

func (m *memoryView) Attr(name string) (starlark.Value, error) {
	if m.released && name != "release" && name != "__enter__" && name != "__exit__" {
		return nil, errReleased()
	}
	switch name {
	case "nbytes":
		return starlark.MakeInt(len(m.bufferBytes())), nil
	case "readonly":
		return starlark.Bool(m.readonly), nil
	case "itemsize":
		return starlark.MakeInt(m.itemsize), nil
	case "format":
		return starlark.String(m.format), nil
	case "ndim":
		return starlark.MakeInt(1), nil
	case "shape":
		return starlark.Tuple{starlark.MakeInt(m.Len())}, nil
	case "strides":
		return starlark.Tuple{starlark.MakeInt(m.itemsize)}, nil
	case "obj":
		if o, ok := m.owner.(bytesOwner); ok {
			return o.b, nil
		}
		return m.owner, nil
	case "contiguous", "c_contiguous", "f_contiguous":
		return starlark.True, nil
	}
	if b, ok := memoryViewMethods.bind(m, name); ok {
		return b, nil
	}
	return nil, noAttr("memoryview", name)
}

func (m *memoryView) AttrNames() []string {
	return memoryViewMethods.names("format", "itemsize", "nbytes", "ndim", "obj", "readonly", "shape", "strides")
}

var memoryViewMethods = newMethodSet("memoryview", func() map[string]method {
	ms := map[string]method{}
	m := func(name string, min, max int, sig, doc string, fn func(v *memoryView, args starlark.Tuple) (starlark.Value, error)) {
		ms[name] = method{sig: sig, doc: doc, fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := ioArgs("memoryview", name, args, kwargs, min, max); err != nil {
				return nil, err
			}
			v := b.Receiver().(*memoryView)
			if v.released && name != "release" && name != "__exit__" {
				return nil, errReleased()
			}
			return fn(v, args)
		}}
	}
	m("tobytes", 0, 1, "v.tobytes() -> bytes", "A copy of the bytes the view shows: bytes(view[:n]) does the same.", func(v *memoryView, _ starlark.Tuple) (starlark.Value, error) {
		return starlark.Bytes(v.bufferBytes()), nil
	})
	m("tolist", 0, 0, "v.tolist() -> list", "The items as a list of ints (or floats).", func(v *memoryView, _ starlark.Tuple) (starlark.Value, error) {
		var items []starlark.Value
		for i := 0; i < v.Len(); i++ {
			x, err := v.item(i)
			if err != nil {
				return nil, err
			}
			items = append(items, x)
		}
		return starlark.NewList(items), nil
	})
	m("hex", 0, 2, "v.hex([sep[, bytes_per_sep]]) -> str", "The bytes as hexadecimal, like bytes.hex().", func(v *memoryView, args starlark.Tuple) (starlark.Value, error) {
		digits := []byte(hex.EncodeToString(v.bufferBytes()))
		if len(args) == 0 {
			return starlark.String(digits), nil
		}
		sep, err := hexSep(args[0])
		if err != nil {
			return nil, err
		}
		group := 1
		if len(args) == 2 {
			if group, err = cIntArgStrict(args[1]); err != nil {
				return nil, err
			}
		}
		return starlark.String(groupHex(digits, sep, group)), nil
	})
	m("toreadonly", 0, 0, "v.toreadonly() -> memoryview", "A read-only view of the same bytes.", func(v *memoryView, _ starlark.Tuple) (starlark.Value, error) {
		c := *v
		c.readonly = true
		return &c, nil
	})
	m("release", 0, 0, "v.release()", "Let go of the owner: the view can no longer be used.", func(v *memoryView, _ starlark.Tuple) (starlark.Value, error) {
		v.released = true
		return starlark.None, nil
	})
	m("__enter__", 0, 0, "with memoryview(b) as v: ...", "A with block releases the view when it ends.", func(v *memoryView, _ starlark.Tuple) (starlark.Value, error) {
		return v, nil
	})
	ms["__exit__"] = method{sig: "with memoryview(b) as v: ...", doc: "Leaving the with block releases the view.", fn: func(_ *starlark.Thread, b *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		b.Receiver().(*memoryView).released = true
		return starlark.None, nil
	}}
	return ms
}())
