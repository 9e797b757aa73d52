package python

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"
)

// ctypes, the one corner socket programs use: create_string_buffer, a
// fixed-size writable block of bytes for struct.pack_into and recv_into,
// and sizeof. The rest of ctypes calls C functions, which this shell does
// not do.

func newCtypesModule(*Interp) starlark.Value {
	return table{name: "ctypes", doc: "Only create_string_buffer (a fixed-size writable byte buffer, for struct.pack_into and recv_into) and sizeof: calling C is not available in this shell.", rows: []row{
		{name: "create_string_buffer", fn: ctypesCreateStringBuffer, sig: "ctypes.create_string_buffer(init_or_size[, size]) -> c_char array", doc: "A zero-filled buffer of size bytes, or holding init and a NUL; buf.raw is every byte, buf.value the bytes before the first NUL."},
		{name: "sizeof", fn: ctypesSizeof, sig: "ctypes.sizeof(obj) -> int", doc: "The size of a ctypes buffer in bytes."},
	}}.module()
}

// charArray is a ctypes c_char array.
type charArray struct{ b []byte }

var (
	_ starlark.Sliceable   = (*charArray)(nil)
	_ starlark.HasSetKey   = (*charArray)(nil)
	_ starlark.HasSetField = (*charArray)(nil)
	_ bufferer             = (*charArray)(nil)
)

func ctypesCreateStringBuffer(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	p, err := placePyArgs("create_string_buffer", args, kwargs, []string{"init", "size"}, 1)
	if err != nil {
		return nil, err
	}
	sizeGiven := p[1] != nil && p[1] != starlark.None
	size := 0
	if sizeGiven {
		if size, err = ssizeArg(p[1]); err != nil {
			return nil, err
		}
	}
	switch init := p[0].(type) {
	case starlark.Bytes:
		if !sizeGiven {
			size = len(init) + 1
		}
		if size < 0 {
			return nil, pyErrorf("ValueError", "Array length must be >= 0, not %d", size)
		}
		if len(init) > size {
			return nil, pyErrorf("ValueError", "byte string too long")
		}
		if size > maxValueBytes {
			return nil, memoryError()
		}
		buf := make([]byte, size)
		copy(buf, init)
		return &charArray{b: buf}, nil
	case starlark.Int:
		n, err := ssizeArg(init)
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, pyErrorf("ValueError", "Array length must be >= 0, not %d", n)
		}
		if n > maxValueBytes {
			return nil, memoryError()
		}
		return &charArray{b: make([]byte, n)}, nil
	}
	return nil, pyErrorf("TypeError", "%s", pyStr(p[0]))
}

func ctypesSizeof(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("sizeof", args, kwargs)
	if err != nil {
		return nil, err
	}
	if c, ok := v.(*charArray); ok {
		return starlark.MakeInt(len(c.b)), nil
	}
	return nil, pyErrorf("TypeError", "this type has no size")
}

func (c *charArray) typeName() string { return fmt.Sprintf("c_char_Array_%d", len(c.b)) }
func (c *charArray) String() string   { return c.Repr() }
func (c *charArray) Repr() string {
	return fmt.Sprintf("<ctypes.%s object at %#x>", c.typeName(), addressOf(c))
}
func (c *charArray) Type() string          { return "ctypes." + c.typeName() }
func (c *charArray) Freeze()               {}
func (c *charArray) Truth() starlark.Bool  { return true }
func (c *charArray) Hash() (uint32, error) { return uint32(addressOf(c)), nil }
func (c *charArray) Len() int              { return len(c.b) }
func (c *charArray) Index(i int) starlark.Value {
	return starlark.Bytes(c.b[i : i+1])
}
func (c *charArray) bufferBytes() []byte { return c.b }
func (c *charArray) readOnly() bool      { return false }

func (c *charArray) Slice(start, end, step int) starlark.Value {
	var out []byte
	for i := start; step > 0 && i < end || step < 0 && i > end; i += step {
		out = append(out, c.b[i])
	}
	return starlark.Bytes(out)
}

func (c *charArray) index(k starlark.Value) (int, error) {
	if !isPyInt(k) {
		return 0, pyErrorf("TypeError", "indices must be integers")
	}
	i, ok := smallIntOf(k)
	if ok && i < 0 {
		i += int64(len(c.b))
	}
	if !ok || i < 0 || i >= int64(len(c.b)) {
		return 0, pyErrorf("IndexError", "invalid index")
	}
	return int(i), nil
}

func (c *charArray) Get(k starlark.Value) (starlark.Value, bool, error) {
	i, err := c.index(k)
	if err != nil {
		return nil, false, err
	}
	return starlark.Bytes(c.b[i : i+1]), true, nil
}

// SetKey is buf[i] = b'x' (or an int 0-255).
func (c *charArray) SetKey(k, v starlark.Value) error {
	i, err := c.index(k)
	if err != nil {
		return err
	}
	switch x := v.(type) {
	case starlark.Bytes:
		if len(x) != 1 {
			return pyErrorf("TypeError", "one character bytes, bytearray or integer expected")
		}
		c.b[i] = x[0]
		return nil
	}
	if isPyInt(v) {
		n, ok := smallIntOf(v)
		if !ok || n < 0 || n > 255 {
			return pyErrorf("ValueError", "byte must be in range(0, 256)")
		}
		c.b[i] = byte(n)
		return nil
	}
	return pyErrorf("TypeError", "one character bytes, bytearray or integer expected")
}

func (c *charArray) Iterate() starlark.Iterator {
	items := make([]starlark.Value, len(c.b))
	for i := range c.b {
		items[i] = starlark.Bytes(c.b[i : i+1])
	}
	return starlark.NewList(items).Iterate()
}

func (c *charArray) Attr(name string) (starlark.Value, error) {
	switch name {
	case "raw":
		return starlark.Bytes(c.b), nil
	case "value":
		v := string(c.b)
		if i := strings.IndexByte(v, 0); i >= 0 {
			v = v[:i]
		}
		return starlark.Bytes(v), nil
	}
	return nil, noAttr(c.typeName(), name)
}

func (c *charArray) AttrNames() []string { return []string{"raw", "value"} }

// SetField is buf.raw = data (its first bytes replaced) and buf.value =
// data (replaced, then a NUL when there is room).
func (c *charArray) SetField(name string, v starlark.Value) error {
	if name != "raw" && name != "value" {
		return noAttr(c.typeName(), name)
	}
	b, ok := v.(starlark.Bytes)
	if !ok {
		return pyErrorf("TypeError", "bytes expected instead of %s instance", pyTypeName(v))
	}
	if len(b) > len(c.b) || name == "value" && len(b) == len(c.b)+1 {
		return pyErrorf("ValueError", "byte string too long")
	}
	copy(c.b, b)
	if name == "value" && len(b) < len(c.b) {
		c.b[len(b)] = 0
	}
	return nil
}
