package python

import (
	"fmt"
	"strconv"

	"go.starlark.net/starlark"
)

// struct.Struct, pack_into and iter_unpack. A Struct is a parsed format
// that packs and unpacks like the module functions; pack_into writes into
// any writable buffer (bytearray, memoryview, array, ctypes buffer).

type structObject struct {
	format string // as given, a str even when given as bytes
	sf     *structFormat
}

var (
	_ starlark.HasAttrs    = (*structObject)(nil)
	_ starlark.HasSetField = (*structObject)(nil)
)

var typeStruct = &pyType{name: "_struct.Struct", call: newStructObject}

func newStructObject(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	// CPython counts every argument first, then looks for format alone.
	if n := len(args) + len(kwargs); n > 1 {
		return nil, pyErrorf("TypeError", "Struct() takes at most 1 argument (%d given)", n)
	}
	p := append(starlark.Tuple(nil), args...)
	if len(kwargs) == 1 && kwargs[0][0] == starlark.String("format") {
		p = append(p, kwargs[0][1])
	}
	if len(p) == 0 {
		return nil, pyErrorf("TypeError", "Struct() missing required argument 'format' (pos 1)")
	}
	f, err := formatArg(p[0])
	if err != nil {
		return nil, err
	}
	sf, err := cachedStructFormat(f)
	if err != nil {
		return nil, err
	}
	return &structObject{format: f, sf: sf}, nil
}

func (s *structObject) String() string { return s.Repr() }
func (s *structObject) Repr() string {
	return fmt.Sprintf("<_struct.Struct object at %#x>", addressOf(s))
}
func (s *structObject) Type() string          { return "_struct.Struct" }
func (s *structObject) Freeze()               {}
func (s *structObject) Truth() starlark.Bool  { return true }
func (s *structObject) Hash() (uint32, error) { return uint32(addressOf(s)), nil }

func (s *structObject) Attr(name string) (starlark.Value, error) {
	switch name {
	case "format":
		return starlark.String(s.format), nil
	case "size":
		return starlark.MakeInt(s.sf.size), nil
	}
	if m, ok := structMethods.bind(s, name); ok {
		return m, nil
	}
	return nil, noAttr("_struct.Struct", name)
}

func (s *structObject) AttrNames() []string { return structMethods.names("format", "size") }

func (s *structObject) SetField(name string, _ starlark.Value) error {
	if name == "format" || name == "size" || structMethods.builtins[name] != nil {
		return pyErrorf("AttributeError", "attribute '%s' of '_struct.Struct' objects is not writable", name)
	}
	return noAttr("_struct.Struct", name)
}

var structMethods = newMethodSet("_struct.Struct", map[string]method{
	"pack": {fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 {
			return nil, pyErrorf("TypeError", "Struct.pack() takes no keyword arguments")
		}
		return packNew(b.Receiver().(*structObject).sf, "pack", args)
	}, sig: "s.pack(v1, v2, ...) -> bytes", doc: "Pack the values by the Struct's format."},
	"unpack": {fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		v, err := structOneArg("unpack", args, kwargs)
		if err != nil {
			return nil, err
		}
		return unpackExact(b.Receiver().(*structObject).sf, v)
	}, sig: "s.unpack(buffer) -> tuple", doc: "Unpack exactly s.size bytes."},
	"unpack_from": {fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		p, err := placeArgs("unpack_from", args, kwargs, []string{"buffer", "offset"}, 1)
		if err != nil {
			return nil, err
		}
		offset := 0
		if p[1] != nil {
			if offset, err = indexArg(p[1]); err != nil {
				return nil, err
			}
		}
		return unpackFrom(b.Receiver().(*structObject).sf, p[0], offset)
	}, sig: "s.unpack_from(buffer, offset=0) -> tuple", doc: "Unpack s.size bytes starting at offset."},
	"pack_into": {fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 {
			return nil, pyErrorf("TypeError", "Struct.pack_into() takes no keyword arguments")
		}
		return packInto(b.Receiver().(*structObject).sf, args)
	}, sig: "s.pack_into(buffer, offset, v1, v2, ...)", doc: "Pack the values into a writable buffer at offset."},
	"iter_unpack": {fn: func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		v, err := structOneArg("iter_unpack", args, kwargs)
		if err != nil {
			return nil, err
		}
		return newUnpackIterator(b.Receiver().(*structObject).sf, v)
	}, sig: "s.iter_unpack(buffer) -> iterator", doc: "One tuple per s.size bytes of buffer."},
})

func structOneArg(name string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "Struct.%s() takes no keyword arguments", name)
	}
	if len(args) != 1 {
		return nil, pyErrorf("TypeError", "Struct.%s() takes exactly one argument (%d given)", name, len(args))
	}
	return args[0], nil
}

// indexArg is CPython's "n" conversion for an offset: any int that fits
// Py_ssize_t.
func indexArg(v starlark.Value) (int, error) {
	if !isPyInt(v) {
		return 0, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(v))
	}
	n, ok := smallIntOf(v)
	if !ok {
		return 0, pyErrorf("IndexError", "cannot fit 'int' into an index-sized integer")
	}
	return int(n), nil
}

func structPackInto(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "_struct.pack_into() takes no keyword arguments")
	}
	if len(args) == 0 {
		return nil, pyErrorf("TypeError", "missing format argument")
	}
	sf, err := structFormatArg(args[0])
	if err != nil {
		return nil, err
	}
	return packInto(sf, args[1:])
}

// packInto is pack_into(buffer, offset, *values) once the format is known.
// Like CPython it zeroes the format's bytes and then packs item by item,
// so a bad value leaves the ones before it written.
func packInto(sf *structFormat, args starlark.Tuple) (starlark.Value, error) {
	switch len(args) {
	case 0:
		return nil, structError("pack_into expected buffer argument")
	case 1:
		return nil, structError("pack_into expected offset argument")
	}
	vals := args[2:]
	if want := sf.values(); want != len(vals) {
		return nil, structError("pack_into expected " + strconv.Itoa(want) + " items for packing (got " + strconv.Itoa(len(vals)) + ")")
	}
	buf, err := writableBuffer(args[0])
	if err != nil {
		return nil, err
	}
	offset, err := indexArg(args[1])
	if err != nil {
		return nil, err
	}
	if offset < 0 {
		if offset+sf.size > 0 {
			return nil, structError("no space to pack " + strconv.Itoa(sf.size) + " bytes at offset " + strconv.Itoa(offset))
		}
		if offset+len(buf) < 0 {
			return nil, structError("offset " + strconv.Itoa(offset) + " out of range for " + strconv.Itoa(len(buf)) + "-byte buffer")
		}
		offset += len(buf)
	}
	if len(buf)-offset < sf.size {
		return nil, structError("pack_into requires a buffer of at least " + strconv.FormatUint(uint64(sf.size)+uint64(offset), 10) +
			" bytes for packing " + strconv.Itoa(sf.size) + " bytes at offset " + strconv.Itoa(offset) +
			" (actual buffer size is " + strconv.Itoa(len(buf)) + ")")
	}
	dst := buf[offset : offset+sf.size]
	clear(dst)
	if err := packValues(sf, dst, vals); err != nil {
		return nil, err
	}
	return starlark.None, nil
}

func structIterUnpack(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "_struct.iter_unpack() takes no keyword arguments")
	}
	if len(args) != 2 {
		return nil, pyErrorf("TypeError", "iter_unpack expected 2 arguments, got %d", len(args))
	}
	sf, err := structFormatArg(args[0])
	if err != nil {
		return nil, err
	}
	return newUnpackIterator(sf, args[1])
}

// unpackIterator is what iter_unpack returns: an iterator over records.
// It keeps a copy of the bytes, as CPython keeps the buffer it was given.
type unpackIterator struct {
	sf   *structFormat
	data []byte
	pos  int
}

var _ pyIterator = (*unpackIterator)(nil)

func newUnpackIterator(sf *structFormat, v starlark.Value) (starlark.Value, error) {
	if sf.size == 0 {
		return nil, structError("cannot iteratively unpack with a struct of length 0")
	}
	buf, err := dataArg(v)
	if err != nil {
		return nil, err
	}
	if len(buf)%sf.size != 0 {
		return nil, structError("iterative unpacking requires a buffer of a multiple of " + strconv.Itoa(sf.size) + " bytes")
	}
	return &unpackIterator{sf: sf, data: append([]byte(nil), buf...)}, nil
}

func (u *unpackIterator) String() string { return u.Repr() }
func (u *unpackIterator) Repr() string {
	return fmt.Sprintf("<_struct.unpack_iterator object at %#x>", addressOf(u))
}
func (u *unpackIterator) Type() string          { return "_struct.unpack_iterator" }
func (u *unpackIterator) Freeze()               {}
func (u *unpackIterator) Truth() starlark.Bool  { return true }
func (u *unpackIterator) Hash() (uint32, error) { return uint32(addressOf(u)), nil }

func (u *unpackIterator) next(*starlark.Thread) (starlark.Value, bool, error) {
	if u.pos+u.sf.size > len(u.data) {
		return nil, false, nil
	}
	v := unpackFormat(u.sf, u.data[u.pos:u.pos+u.sf.size])
	u.pos += u.sf.size
	return v, true, nil
}

func (u *unpackIterator) Iterate() starlark.Iterator { return iterateNext(u) }

func (u *unpackIterator) Attr(name string) (starlark.Value, error) {
	if name == "__length_hint__" {
		return starlark.NewBuiltin("__length_hint__", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.MakeInt((len(u.data) - u.pos) / u.sf.size), nil
		}), nil
	}
	return nil, noAttr("_struct.unpack_iterator", name)
}

func (u *unpackIterator) AttrNames() []string { return []string{"__length_hint__"} }
