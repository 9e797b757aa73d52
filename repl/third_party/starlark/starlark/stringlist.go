package starlark

import "unsafe"

// Patch 15: a list of new strings in three allocations.
//
// Putting a String in a Value boxes it: the string's header is copied to
// the heap, one allocation per string. "GET / HTTP/1.1".split() made five
// allocations for three words (the words' slice, the list's slice, the
// list and a header per word, less the one Fields shares). StringList keeps
// the words' slice as the headers' home and points each Value into it, as
// the runtime would point it at a copy: the headers are immutable, as a
// boxed value always is, and the slice is the list's alone.

// iface is the layout of a non-empty interface value (runtime.iface).
type iface struct {
	tab  unsafe.Pointer
	data unsafe.Pointer
}

// stringTab and bytesTab are the interface tables of String and Bytes
// as a Value.
var stringTab, bytesTab = tabOf(String("x")), tabOf(Bytes("x"))

func tabOf(v Value) unsafe.Pointer { return (*iface)(unsafe.Pointer(&v)).tab }

// StringList returns a list of ss's strings. ss must be a slice nobody
// else holds or changes: its elements become the list's strings' headers.
func StringList(ss []string) *List { return headerList(ss, stringTab) }

// BytesList is StringList for a list of bytes values.
func BytesList(ss []string) *List { return headerList(ss, bytesTab) }

func headerList(ss []string, tab unsafe.Pointer) *List {
	elems := make([]Value, len(ss))
	for i := range ss {
		// A store of unsafe.Pointer fields: the compiler adds the write
		// barriers a store of a Value would have.
		*(*iface)(unsafe.Pointer(&elems[i])) = iface{tab, unsafe.Pointer(&ss[i])}
	}
	return NewList(elems)
}
