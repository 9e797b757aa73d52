package python

import "go.starlark.net/starlark"

// Python's buffer protocol, as far as socket programs use it: bytes,
// bytearray, memoryview, array and ctypes buffers lend their bytes to
// send, struct, binascii and the like; the writable ones (all but bytes)
// can be filled in place by recv_into and struct.pack_into.

// bufferer is a value whose bytes can be lent.
type bufferer interface {
	starlark.Value
	// bufferBytes is the live bytes: writes to them change the value.
	bufferBytes() []byte
	readOnly() bool
}

func (a *byteArray) bufferBytes() []byte { return a.b }
func (a *byteArray) readOnly() bool      { return false }

// writableBuffer is the bytes of a read-write buffer, with struct's
// message for anything else.
func writableBuffer(v starlark.Value) ([]byte, error) {
	if b, ok := v.(bufferer); ok && !b.readOnly() {
		return b.bufferBytes(), nil
	}
	return nil, pyErrorf("TypeError", "argument must be read-write bytes-like object, not %s", pyTypeName(v))
}
