package python

import (
	"unsafe"

	"go.starlark.net/starlark"
)

// Bulk transfers move each byte once more than the kernel does only when
// they must: these two conversions share memory instead of copying it.

// bytesView returns the bytes of b without copying, for calls that only
// read them (send, sendall, sendto). The slice must never be written.
func bytesView(b starlark.Bytes) []byte {
	if len(b) == 0 {
		return nil
	}
	return unsafe.Slice(unsafe.StringData(string(b)), len(b))
}

// ownedBytes turns a buffer nobody else holds (a fresh recv result) into
// a bytes value without copying it.
func ownedBytes(b []byte) starlark.Bytes {
	if len(b) == 0 {
		return ""
	}
	return starlark.Bytes(unsafe.String(&b[0], len(b)))
}
