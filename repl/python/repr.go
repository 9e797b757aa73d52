package python

import (
	"fmt"
	"reflect"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"

	"sockrepl/sockets"
)

// pyValue is implemented by this package's own value types, which know
// their Python repr (and, when it differs, their str).
type pyValue interface {
	Repr() string
}

type pyStringer interface {
	pyStr() string
}

// Repr formats v as Python's repr() does.
func Repr(v starlark.Value) string {
	var b strings.Builder
	writeRepr(&b, v, nil)
	return b.String()
}

// pyStr formats v as Python's str() does: strings bare, everything else
// as its repr unless the type says otherwise.
func pyStr(v starlark.Value) string {
	switch v := v.(type) {
	case starlark.String:
		return string(v)
	case pyStringer:
		return v.pyStr()
	}
	return Repr(v)
}

// maxReprDepth is how deeply nested containers print before "...":
// CPython's recursion limit.
const maxReprDepth = 1000

// writeRepr appends the repr of v; path holds the containers being
// printed so that a list containing itself prints as [...] like Python.
func writeRepr(b *strings.Builder, v starlark.Value, path []starlark.Value) {
	if len(path) >= maxReprDepth {
		// CPython raises RecursionError here; a shortened repr keeps the
		// shell from recursing down a million nested lists.
		b.WriteString("...")
		return
	}
	switch v := v.(type) {
	case nil:
		b.WriteString("None")
	case starlark.NoneType:
		b.WriteString("None")
	case starlark.Bool:
		if v {
			b.WriteString("True")
		} else {
			b.WriteString("False")
		}
	case starlark.Int:
		b.WriteString(v.String())
	case starlark.Float:
		b.WriteString(floatRepr(float64(v)))
	case starlark.String:
		b.WriteString(strRepr(string(v)))
	case starlark.Bytes:
		b.WriteString(bytesRepr([]byte(v)))
	case *starlark.List:
		if inPath(path, v) {
			b.WriteString("[...]")
			return
		}
		path = append(path, v)
		b.WriteByte('[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			writeRepr(b, v.Index(i), path)
		}
		b.WriteByte(']')
	case starlark.Tuple:
		path = append(path, v) // for the depth only: a tuple cannot hold itself
		b.WriteByte('(')
		for i, e := range v {
			if i > 0 {
				b.WriteString(", ")
			}
			writeRepr(b, e, path)
		}
		if len(v) == 1 {
			b.WriteByte(',')
		}
		b.WriteByte(')')
	case *starlark.Dict:
		if inPath(path, v) {
			b.WriteString("{...}")
			return
		}
		path = append(path, v)
		b.WriteByte('{')
		for i, item := range v.Items() {
			if i > 0 {
				b.WriteString(", ")
			}
			writeRepr(b, item[0], path)
			b.WriteString(": ")
			writeRepr(b, item[1], path)
		}
		b.WriteByte('}')
	case *starlark.Set:
		if v.Len() == 0 {
			b.WriteString("set()")
			return
		}
		path = append(path, v)
		b.WriteByte('{')
		iter := v.Iterate()
		defer iter.Done()
		var e starlark.Value
		for i := 0; iter.Next(&e); i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			writeRepr(b, e, path)
		}
		b.WriteByte('}')
	case pyValue:
		b.WriteString(v.Repr())
	case *starlarkstruct.Module:
		fmt.Fprintf(b, "<module '%s' (built-in)>", v.Name)
	case *starlark.Builtin:
		if recv := v.Receiver(); recv != nil {
			fmt.Fprintf(b, "<built-in method %s of %s object at %#x>", v.Name(), pyTypeName(recv), addrOf(recv))
		} else {
			fmt.Fprintf(b, "<built-in function %s>", v.Name())
		}
	case *starlark.Function:
		name := v.Name()
		if name == "lambda" {
			name = "<lambda>"
		}
		fmt.Fprintf(b, "<function %s at %p>", name, v)
	default:
		b.WriteString(v.String())
	}
}

func inPath(path []starlark.Value, v starlark.Value) bool {
	for _, p := range path {
		if p == v {
			return true
		}
	}
	return false
}

// addrOf gives a stable-looking address for values Python would print
// with "at 0x...": pointers print their address, other values a hash.
func addrOf(v starlark.Value) uintptr {
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Pointer {
		return rv.Pointer()
	}
	h, err := v.Hash()
	if err != nil {
		return 0x7f0000000000
	}
	return 0x7f0000000000 + uintptr(h)
}

// floatRepr is Python's repr of a float; the sockets package holds the
// one implementation of Python's reprs of plain values.
func floatRepr(f float64) string { return sockets.Repr(f) }

// strRepr is Python's repr of a str.
func strRepr(s string) string { return sockets.Repr(s) }

// bytesRepr is Python's repr of bytes.
func bytesRepr(p []byte) string { return sockets.Repr(p) }

// pyTypeName is the name Python gives the type of v in messages
// ("'str' object has no attribute ...").
func pyTypeName(v starlark.Value) string {
	if v == nil {
		return "NoneType"
	}
	return pyTypeOfName(v.Type())
}

// pyTypeOfName maps a Starlark type name to Python's.
func pyTypeOfName(t string) string {
	switch t {
	case "string":
		return "str"
	}
	return t
}

// Str is str(v), as Python formats it.
func Str(v starlark.Value) string { return pyStr(v) }
