package python

import (
	"strings"
	"sync"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// newTypesModule is types: SimpleNamespace, the bag of attributes that
// selectors servers keep per connection, and the names of built-in types
// for isinstance checks.
func newTypesModule(*Interp) starlark.Value {
	named := func(name string) *pyType { return &pyType{name: name} }
	return table{name: "types", doc: "SimpleNamespace, an object to hang attributes on (data=types.SimpleNamespace(addr=addr, outb=b'')), and the types of functions, modules and generators.", rows: []row{
		{name: "SimpleNamespace", value: typeSimpleNamespace, sig: "types.SimpleNamespace(**attrs)", doc: "An object whose attributes are the keywords given; set, read and del more at will. Two are == when their attributes are."},
		{name: "FunctionType", value: named("function")},
		{name: "LambdaType", value: named("function")},
		{name: "BuiltinFunctionType", value: named("builtin_function_or_method")},
		{name: "BuiltinMethodType", value: named("builtin_function_or_method")},
		{name: "MethodType", value: named("method")},
		{name: "ModuleType", value: named("module")},
		{name: "GeneratorType", value: named("generator")},
		{name: "NoneType", value: named("NoneType")},
	}}.module()
}

// goTypes are the Go-implemented Python types by name, so that type(x)
// is the class itself (callable, with its class methods).
var goTypes = struct {
	sync.Mutex
	m map[string]*pyType
}{m: map[string]*pyType{}}

// registerType makes t what type() returns for values of its name.
func registerType(t *pyType) *pyType {
	goTypes.Lock()
	goTypes.m[t.name] = t
	goTypes.Unlock()
	return t
}

// registeredType is the registered type called name, if any.
func registeredType(name string) (*pyType, bool) {
	goTypes.Lock()
	defer goTypes.Unlock()
	t, ok := goTypes.m[name]
	return t, ok
}

var typeSimpleNamespace = registerType(&pyType{name: "types.SimpleNamespace", call: newNamespace})

// namespace is a types.SimpleNamespace: attributes in the order they
// were first set, kept in a dict that __dict__ shows live.
type namespace struct {
	attrs  *starlark.Dict
	inRepr bool // repr is printing it: a namespace inside itself is namespace(...)
}

var (
	_ starlark.HasAttrs    = (*namespace)(nil)
	_ starlark.HasSetField = (*namespace)(nil)
	_ starlark.Comparable  = (*namespace)(nil)
)

func newNamespace(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) > 0 {
		return nil, pyErrorf("TypeError", "no positional arguments expected")
	}
	ns := &namespace{attrs: starlark.NewDict(len(kwargs))}
	for _, kv := range kwargs {
		ns.attrs.SetKey(kv[0], kv[1])
	}
	return ns, nil
}

func (ns *namespace) String() string       { return ns.Repr() }
func (ns *namespace) Type() string         { return "types.SimpleNamespace" }
func (ns *namespace) Freeze()              {}
func (ns *namespace) Truth() starlark.Bool { return true }
func (ns *namespace) Hash() (uint32, error) {
	return 0, pyErrorf("TypeError", "unhashable type: 'types.SimpleNamespace'")
}

func (ns *namespace) Repr() string {
	if ns.inRepr {
		return "namespace(...)"
	}
	ns.inRepr = true
	defer func() { ns.inRepr = false }()
	var b strings.Builder
	b.WriteString("namespace(")
	for i, kv := range ns.attrs.Items() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(pyStr(kv[0]))
		b.WriteByte('=')
		b.WriteString(Repr(kv[1]))
	}
	b.WriteByte(')')
	return b.String()
}

func (ns *namespace) Attr(name string) (starlark.Value, error) {
	if name == "__dict__" {
		return ns.attrs, nil
	}
	v, found, _ := ns.attrs.Get(starlark.String(name))
	if !found {
		return nil, noAttr("types.SimpleNamespace", name)
	}
	return v, nil
}

func (ns *namespace) AttrNames() []string {
	var names []string
	for _, k := range ns.attrs.Keys() {
		if s, ok := k.(starlark.String); ok {
			names = append(names, string(s))
		}
	}
	return names
}

func (ns *namespace) SetField(name string, v starlark.Value) error {
	if name == "__dict__" {
		return pyErrorf("AttributeError", "attribute '__dict__' of 'types.SimpleNamespace' objects is not writable")
	}
	return ns.attrs.SetKey(starlark.String(name), v)
}

// delAttr is del ns.name.
func (ns *namespace) delAttr(name string) error {
	if _, found, _ := ns.attrs.Delete(starlark.String(name)); !found {
		return noAttr("types.SimpleNamespace", name)
	}
	return nil
}

// CompareSameType compares the attributes, as CPython compares the
// namespaces' dicts.
func (ns *namespace) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	other := y.(*namespace)
	switch op {
	case syntax.EQL, syntax.NEQ:
		eq, err := starlark.EqualDepth(ns.attrs, other.attrs, depth)
		if err != nil {
			return false, err
		}
		return eq == (op == syntax.EQL), nil
	}
	return false, pyErrorf("TypeError", "'%s' not supported between instances of 'dict' and 'dict'", op)
}
