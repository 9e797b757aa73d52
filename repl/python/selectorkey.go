package python

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// selectorKey is selectors.SelectorKey, a named tuple (fileobj, fd,
// events, data): it indexes, unpacks and compares like a tuple and has
// the four names as attributes.
type selectorKey struct {
	fileobj, fd, events, data starlark.Value
}

var selectorKeyFields = []string{"fileobj", "fd", "events", "data"}

var selectorKeyType = newGoType("selectors.SelectorKey", "SelectorKey",
	"SelectorKey(fileobj, fd, events, data): what a selector keeps for one registered file object. select() returns (key, events) pairs; key.data is whatever you passed to register().",
	goMethod{"_replace", keyReplace, "key._replace(**fields) -> SelectorKey", "A copy with some fields changed."},
	goMethod{"_asdict", keyAsdict, "key._asdict() -> dict", "The four fields as a dict."},
	goMethod{"count", func(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		v, err := oneArg("count", args, kwargs)
		if err != nil {
			return nil, err
		}
		n := 0
		for _, x := range recv.(*selectorKey).tuple() {
			if eq, _ := starlark.Equal(x, v); eq {
				n++
			}
		}
		return starlark.MakeInt(n), nil
	}, "", ""},
	goMethod{"index", func(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		v, err := oneArg("index", args, kwargs)
		if err != nil {
			return nil, err
		}
		for i, x := range recv.(*selectorKey).tuple() {
			if eq, _ := starlark.Equal(x, v); eq {
				return starlark.MakeInt(i), nil
			}
		}
		return nil, pyErrorf("ValueError", "tuple.index(x): x not in tuple")
	}, "", ""},
)

var (
	_ goValue             = (*selectorKey)(nil)
	_ starlark.Indexable  = (*selectorKey)(nil)
	_ starlark.Iterable   = (*selectorKey)(nil)
	_ starlark.Comparable = (*selectorKey)(nil)
)

func (k *selectorKey) tuple() starlark.Tuple {
	return starlark.Tuple{k.fileobj, k.fd, k.events, k.data}
}

func (k *selectorKey) goType() *goType { return selectorKeyType }
func (k *selectorKey) String() string {
	return fmt.Sprintf("SelectorKey(fileobj=%s, fd=%s, events=%s, data=%s)", Repr(k.fileobj), Repr(k.fd), Repr(k.events), Repr(k.data))
}
func (k *selectorKey) Repr() string               { return k.String() }
func (k *selectorKey) Type() string               { return "SelectorKey" }
func (k *selectorKey) Freeze()                    {}
func (k *selectorKey) Truth() starlark.Bool       { return true }
func (k *selectorKey) Hash() (uint32, error)      { return k.tuple().Hash() }
func (k *selectorKey) Len() int                   { return 4 }
func (k *selectorKey) Index(i int) starlark.Value { return k.tuple()[i] }
func (k *selectorKey) Iterate() starlark.Iterator { return k.tuple().Iterate() }
func (k *selectorKey) AttrNames() []string {
	return selectorKeyType.names("_fields", "data", "events", "fd", "fileobj")
}
func (k *selectorKey) SetField(string, starlark.Value) error {
	return pyErrorf("AttributeError", "can't set attribute")
}

func (k *selectorKey) Attr(name string) (starlark.Value, error) {
	switch name {
	case "fileobj":
		return k.fileobj, nil
	case "fd":
		return k.fd, nil
	case "events":
		return k.events, nil
	case "data":
		return k.data, nil
	case "_fields":
		return starlark.Tuple{starlark.String("fileobj"), starlark.String("fd"), starlark.String("events"), starlark.String("data")}, nil
	}
	if m := selectorKeyType.method(k, name); m != nil {
		return m, nil
	}
	return nil, selectorKeyType.noAttr(name)
}

func (k *selectorKey) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	return starlark.CompareDepth(op, k.tuple(), y.(*selectorKey).tuple(), depth)
}

func keyReplace(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) > 0 {
		return nil, pyErrorf("TypeError", "SelectorKey._replace() takes 1 positional argument but %d were given", len(args)+1)
	}
	k := *recv.(*selectorKey)
	var unknown []string
	for _, kv := range kwargs {
		switch name := string(kv[0].(starlark.String)); name {
		case "fileobj":
			k.fileobj = kv[1]
		case "fd":
			k.fd = kv[1]
		case "events":
			k.events = kv[1]
		case "data":
			k.data = kv[1]
		default:
			unknown = append(unknown, Repr(starlark.String(name)))
		}
	}
	if len(unknown) > 0 {
		return nil, pyErrorf("ValueError", "Got unexpected field names: [%s]", strings.Join(unknown, ", "))
	}
	return &k, nil
}

func keyAsdict(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args)+len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "SelectorKey._asdict() takes 1 positional argument but %d were given", len(args)+1)
	}
	d := starlark.NewDict(4)
	for i, v := range recv.(*selectorKey).tuple() {
		d.SetKey(starlark.String(selectorKeyFields[i]), v)
	}
	return d, nil
}

// selectorKeyClass is selectors.SelectorKey: calling it makes a key.
var selectorKeyClass = &pyType{name: "selectors.SelectorKey", call: func(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := bindArgs("SelectorKey.__new__", true, args, kwargs, selectorKeyFields...)
	if err != nil {
		return nil, err
	}
	return &selectorKey{fileobj: v[0], fd: v[1], events: v[2], data: v[3]}, nil
}}

// selectorMapping is what get_map() returns: a read-only view of the
// registered keys, looked up by file object and iterated by descriptor.
type selectorMapping struct {
	sel *selector
}

var selectorMappingType = newGoType("selectors._SelectorMapping", "_SelectorMapping",
	"The registered keys of a selector: m[fileobj] is its SelectorKey; iterating gives the descriptors.",
	goMethod{"keys", func(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return starlark.NewList(recv.(*selectorMapping).fds()), nil
	}, "m.keys()", "The registered descriptors."},
	goMethod{"values", func(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		m := recv.(*selectorMapping)
		var out []starlark.Value
		for _, fd := range m.sel.order {
			out = append(out, m.sel.keys[fd])
		}
		return starlark.NewList(out), nil
	}, "m.values()", "The SelectorKey of each registered file object."},
	goMethod{"items", func(_ *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		m := recv.(*selectorMapping)
		var out []starlark.Value
		for _, fd := range m.sel.order {
			out = append(out, starlark.Tuple{starlark.MakeInt(fd), m.sel.keys[fd]})
		}
		return starlark.NewList(out), nil
	}, "m.items()", "(fd, key) pairs."},
	goMethod{"get", func(thread *starlark.Thread, recv starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		v, err := bindArgs("Mapping.get", true, args, kwargs, "key", "default?")
		if err != nil {
			return nil, err
		}
		key, err := recv.(*selectorMapping).sel.lookupKey(thread, v[0])
		if err != nil {
			if pe := asPyError(err); pe.Class == "KeyError" {
				return orNone(v[1]), nil
			}
			return nil, err
		}
		return key, nil
	}, "m.get(fileobj[, default])", "The key of fileobj, or default when it is not registered."},
)

var (
	_ goValue          = (*selectorMapping)(nil)
	_ starlark.Mapping = (*selectorMapping)(nil)
)

func (m *selectorMapping) goType() *goType { return selectorMappingType }
func (m *selectorMapping) String() string {
	return fmt.Sprintf("<selectors._SelectorMapping object at %#x>", addressOf(m))
}
func (m *selectorMapping) Repr() string         { return m.String() }
func (m *selectorMapping) Type() string         { return "_SelectorMapping" }
func (m *selectorMapping) Freeze()              {}
func (m *selectorMapping) Truth() starlark.Bool { return len(m.sel.order) > 0 }
func (m *selectorMapping) Hash() (uint32, error) {
	return 0, pyErrorf("TypeError", "unhashable type: '_SelectorMapping'")
}
func (m *selectorMapping) Len() int            { return len(m.sel.order) }
func (m *selectorMapping) AttrNames() []string { return selectorMappingType.names() }
func (m *selectorMapping) Attr(name string) (starlark.Value, error) {
	if f := selectorMappingType.method(m, name); f != nil {
		return f, nil
	}
	return nil, selectorMappingType.noAttr(name)
}

func (m *selectorMapping) fds() []starlark.Value {
	out := make([]starlark.Value, len(m.sel.order))
	for i, fd := range m.sel.order {
		out[i] = starlark.MakeInt(fd)
	}
	return out
}

func (m *selectorMapping) Iterate() starlark.Iterator { return starlark.Tuple(m.fds()).Iterate() }

func (m *selectorMapping) Get(k starlark.Value) (starlark.Value, bool, error) {
	key, err := m.sel.lookupKey(nil, k)
	if err != nil {
		return nil, false, err
	}
	return key, true, nil
}
