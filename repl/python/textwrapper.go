package python

import (
	"fmt"

	"go.starlark.net/starlark"
)

// io.TextIOWrapper(buffer, encoding=None, errors=None, newline=None,
// line_buffering=False, write_through=False) over a binary file object
// the program made: io.BytesIO most often, as in a protocol's
// "decode this JSON header" helper, or a socket file. It is the text
// layer of socket.makefile (sockfile.go) over a raw layer whose reads,
// writes and close are calls of the object's own read1/read, write and
// close.

var typeTextIOWrapper = registerType(&pyType{name: "_io.TextIOWrapper", call: newTextIOWrapper})

func newTextIOWrapper(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	vals, err := bindArgs("TextIOWrapper", false, args, kwargs, "buffer", "encoding?", "errors?", "newline?", "line_buffering?", "write_through?")
	if err != nil {
		return nil, err
	}
	obj := vals[0]
	text, err := newTextState(vals[1], vals[2], vals[3])
	if err != nil {
		return nil, err
	}
	ask := func(name string) (bool, error) {
		m, err := getAttr(obj, name)
		if err != nil {
			return false, nil // an object without readable() is neither
		}
		v, err := starlark.Call(thread, m, nil, nil)
		if err != nil {
			return false, err
		}
		return bool(v.Truth()), nil
	}
	reading, err := ask("readable")
	if err != nil {
		return nil, err
	}
	writing, err := ask("writable")
	if err != nil {
		return nil, err
	}
	s := &sockIO{in: interpOf(thread), buffer: obj, reading: reading, writing: writing, bufSize: defaultBufferSize, text: text}
	raw := &sockFile{io: s, layer: layerRaw}
	buf := &sockFile{io: s, inner: raw, layer: layerReader}
	switch {
	case reading && writing:
		buf.layer = layerPair
	case writing:
		buf.layer = layerWriter
	}
	return &sockFile{io: s, inner: buf, layer: layerText}, nil
}

// bufferCall calls one of the wrapped object's methods.
func (s *sockIO) bufferCall(name string, args ...starlark.Value) (starlark.Value, error) {
	m, err := getAttr(s.buffer, name)
	if err != nil {
		return nil, err
	}
	return s.in.call(m, args)
}

// bufferRead is a raw read from the wrapped object: read1(n) where it
// has one (BytesIO and buffered files do), else read(n).
func (s *sockIO) bufferRead(n int) ([]byte, bool, error) {
	name := "read1"
	if _, err := getAttr(s.buffer, name); err != nil {
		name = "read"
	}
	v, err := s.bufferCall(name, starlark.MakeInt(n))
	if err != nil {
		return nil, false, err
	}
	if v == starlark.None {
		return nil, true, nil
	}
	p, ok := bufferBytes(v)
	if !ok {
		return nil, false, pyErrorf("TypeError", "underlying %s() should have returned a bytes-like object, not '%s'", name, pyTypeName(v))
	}
	return p, false, nil
}

// bufferWrite writes all of p to the wrapped object.
func (s *sockIO) bufferWrite(p []byte) (int, bool, error) {
	v, err := s.bufferCall("write", starlark.Bytes(p))
	if err != nil {
		return 0, false, err
	}
	if v == starlark.None {
		return 0, true, nil
	}
	n, ok := smallIntOf(v)
	if !ok {
		return len(p), false, nil
	}
	return int(n), false, nil
}

// bufferRepr is TextIOWrapper's repr over a Python object.
func (f *sockFile) bufferRepr() string {
	name := ""
	if v, err := getAttr(f.io.buffer, "name"); err == nil {
		name = "name=" + Repr(v) + " "
	}
	return fmt.Sprintf("<_io.TextIOWrapper %sencoding=%s>", name, Repr(starlark.String(f.io.text.encoding)))
}

// bufferBytes is the bytes of a bytes-like value.
func bufferBytes(v starlark.Value) ([]byte, bool) {
	switch x := v.(type) {
	case starlark.Bytes:
		return []byte(x), true
	case *byteArray:
		return append([]byte(nil), x.b...), true
	}
	return nil, false
}
