package python

import (
	"sort"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// pyType is a Python class used as a value: int, str, bytes, socket.socket.
// Calling it constructs (or converts); a few have class methods such as
// int.from_bytes and bytes.fromhex. type(x) returns one, and types compare
// by name, so type(s) == socket.socket holds in every session.
type pyType struct {
	name  string
	kind  string // "class" or "enum": how the repr spells it
	call  func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)
	attrs map[string]*starlark.Builtin
	// consts are class attributes that are not methods (datetime.max).
	consts map[string]starlark.Value
}

var (
	_ starlark.Callable   = (*pyType)(nil)
	_ starlark.HasAttrs   = (*pyType)(nil)
	_ starlark.Comparable = (*pyType)(nil)
)

func (t *pyType) String() string        { return t.Repr() }
func (t *pyType) Type() string          { return "type" }
func (t *pyType) Freeze()               {}
func (t *pyType) Truth() starlark.Bool  { return true }
func (t *pyType) Hash() (uint32, error) { return starlark.String(t.name).Hash() }
func (t *pyType) Name() string          { return t.name }

func (t *pyType) Repr() string {
	if t.kind == "enum" {
		return "<enum '" + t.name + "'>"
	}
	return "<class '" + t.name + "'>"
}

func (t *pyType) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if t.call == nil {
		return nil, pyErrorf("TypeError", "cannot create '%s' instances", t.name)
	}
	return t.call(thread, args, kwargs)
}

func (t *pyType) Attr(name string) (starlark.Value, error) {
	if b, ok := t.attrs[name]; ok {
		return b, nil
	}
	if v, ok := t.consts[name]; ok {
		return v, nil
	}
	if m := unboundMethod(t, name); m != nil {
		return m, nil
	}
	switch name {
	case "__name__", "__qualname__":
		return starlark.String(shortName(t.name)), nil
	case "__module__":
		if i := len(t.name) - len(shortName(t.name)); i > 0 {
			return starlark.String(t.name[:i-1]), nil
		}
		return starlark.String("builtins"), nil
	}
	return nil, pyErrorf("AttributeError", "type object '%s' has no attribute '%s'", shortName(t.name), name)
}

func (t *pyType) AttrNames() []string {
	names := make([]string, 0, len(t.attrs)+len(t.consts))
	for n := range t.attrs {
		names = append(names, n)
	}
	for n := range t.consts {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func (t *pyType) CompareSameType(op syntax.Token, y starlark.Value, _ int) (bool, error) {
	eq := t.name == y.(*pyType).name
	switch op {
	case syntax.EQL:
		return eq, nil
	case syntax.NEQ:
		return !eq, nil
	}
	return false, pyErrorf("TypeError", "'%s' not supported between instances of 'type' and 'type'", op)
}

// shortName is "socket" for "socket.socket".
func shortName(n string) string {
	for i := len(n) - 1; i >= 0; i-- {
		if n[i] == '.' {
			return n[i+1:]
		}
	}
	return n
}

// typeOf is type(v).
func typeOf(v starlark.Value) *pyType {
	switch v := v.(type) {
	case starlark.NoneType:
		return &pyType{name: "NoneType"}
	case starlark.Bool:
		return typeBool
	case starlark.Int:
		return typeInt
	case starlark.Float:
		return typeFloat
	case starlark.String:
		return typeStr
	case starlark.Bytes:
		return typeBytes
	case *byteArray:
		return typeByteArray
	case *starlark.List:
		return typeList
	case starlark.Tuple:
		return typeTuple
	case *starlark.Dict:
		return typeDict
	case *starlark.Set:
		return typeSet
	case *pyType, *Class:
		return &pyType{name: "type"}
	case *socketValue:
		return &pyType{name: "socket.socket"}
	case constValue:
		return &pyType{name: v.enum, kind: "enum"}
	case *starlark.Function:
		return &pyType{name: "function"}
	case *starlark.Builtin:
		return &pyType{name: "builtin_function_or_method"}
	case goValue:
		return v.goType().class
	}
	if t, ok := registeredType(v.Type()); ok {
		return t
	}
	return &pyType{name: pyTypeName(v)}
}

// isInstance is isinstance(v, t): bools and enum members are ints too.
func isInstance(v starlark.Value, t *pyType) bool {
	got := typeOf(v).name
	if got == t.name {
		return true
	}
	if g, ok := v.(goValue); ok {
		for _, b := range g.goType().bases {
			if b == t.name {
				return true
			}
		}
	}
	if _, ok := v.(*namedTuple); ok && t.name == "tuple" {
		return true
	}
	if _, ok := v.(dictLike); ok && t.name == "dict" {
		return true
	}
	if t.name == "int" {
		_, isBool := v.(starlark.Bool)
		_, isConst := v.(constValue)
		return isBool || isConst
	}
	return false
}
