package python

import (
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// collections.namedtuple: a tuple whose items have names, the way
// tutorials keep an address (Address(host='127.0.0.1', port=5000)) or a
// parsed header. The class is a Go value made by namedtuple(); its
// instances index, slice, unpack and compare like tuples, and a socket
// call takes one as an address.

type namedTupleClass struct {
	name     string
	fields   []string
	defaults starlark.Tuple // for the last len(defaults) fields
}

type namedTuple struct {
	cls    *namedTupleClass
	values starlark.Tuple
}

var (
	_ starlark.Callable   = (*namedTupleClass)(nil)
	_ starlark.HasAttrs   = (*namedTupleClass)(nil)
	_ starlark.Indexable  = (*namedTuple)(nil)
	_ starlark.Sliceable  = (*namedTuple)(nil)
	_ starlark.Iterable   = (*namedTuple)(nil)
	_ starlark.HasAttrs   = (*namedTuple)(nil)
	_ starlark.Comparable = (*namedTuple)(nil)
	_ starlark.HasBinary  = (*namedTuple)(nil)
)

// plainTuple is a namedtuple's items as a tuple, for the operations
// that treat it as one (==, <, %); any other value unchanged.
func plainTuple(v starlark.Value) starlark.Value {
	if nt, ok := v.(*namedTuple); ok {
		return nt.values
	}
	return v
}

// Binary is + and * as a tuple's: the results are plain tuples.
func (t *namedTuple) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	x := starlark.Value(t.values)
	y = plainTuple(y)
	if side == starlark.Right {
		x, y = y, x
	}
	return starlark.Binary(op, x, y)
}

// pythonKeywords may not name a field.
var pythonKeywords = strings.Fields(`False None True and as assert async await break class continue
def del elif else except finally for from global if import in is lambda nonlocal not or pass
raise return try while with yield`)

func collectionsNamedtuple(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var typename, fieldNames starlark.Value
	var rename bool
	var defaults, module starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs("namedtuple", args, kwargs, "typename", &typename, "field_names", &fieldNames, "rename?", &rename, "defaults?", &defaults, "module?", &module); err != nil {
		return nil, err
	}
	name, ok := typename.(starlark.String)
	if !ok {
		return nil, pyErrorf("TypeError", "typename must be a str, not %s", pyTypeName(typename))
	}
	var fields []string
	if s, ok := fieldNames.(starlark.String); ok {
		fields = strings.Fields(strings.ReplaceAll(string(s), ",", " "))
	} else {
		items, err := collect(thread, fieldNames)
		if err != nil {
			return nil, err
		}
		for _, it := range items {
			fields = append(fields, pyStr(it))
		}
	}
	seen := map[string]bool{}
	for i, f := range fields {
		if rename && (!isIdentifier(f) || indexOf(pythonKeywords, f) >= 0 || strings.HasPrefix(f, "_") || seen[f]) {
			f = "_" + itoa(i)
			fields[i] = f
		}
		seen[f] = true
	}
	seen = map[string]bool{}
	for _, f := range append([]string{string(name)}, fields...) {
		if !isIdentifier(f) {
			return nil, pyErrorf("ValueError", "Type names and field names must be valid identifiers: %s", Repr(starlark.String(f)))
		}
		if indexOf(pythonKeywords, f) >= 0 {
			return nil, pyErrorf("ValueError", "Type names and field names cannot be a keyword: %s", Repr(starlark.String(f)))
		}
	}
	for _, f := range fields {
		if strings.HasPrefix(f, "_") && !rename {
			return nil, pyErrorf("ValueError", "Field names cannot start with an underscore: %s", Repr(starlark.String(f)))
		}
		if seen[f] {
			return nil, pyErrorf("ValueError", "Encountered duplicate field name: %s", Repr(starlark.String(f)))
		}
		seen[f] = true
	}
	c := &namedTupleClass{name: string(name), fields: fields}
	if defaults != starlark.None {
		items, err := collect(thread, defaults)
		if err != nil {
			return nil, err
		}
		if len(items) > len(fields) {
			return nil, pyErrorf("TypeError", "Got more default values than field names")
		}
		c.defaults = items
	}
	return c, nil
}

func (c *namedTupleClass) String() string        { return "<class '__main__." + c.name + "'>" }
func (c *namedTupleClass) Repr() string          { return c.String() }
func (c *namedTupleClass) Type() string          { return "type" }
func (c *namedTupleClass) Name() string          { return c.name }
func (c *namedTupleClass) Freeze()               {}
func (c *namedTupleClass) Truth() starlark.Bool  { return true }
func (c *namedTupleClass) Hash() (uint32, error) { return uint32(addressOf(c)), nil }
func (c *namedTupleClass) AttrNames() []string {
	return []string{"__name__", "_field_defaults", "_fields", "_make"}
}

func (c *namedTupleClass) Attr(name string) (starlark.Value, error) {
	switch name {
	case "__name__", "__qualname__":
		return starlark.String(c.name), nil
	case "_fields":
		t := make(starlark.Tuple, len(c.fields))
		for i, f := range c.fields {
			t[i] = starlark.String(f)
		}
		return t, nil
	case "_field_defaults":
		d := starlark.NewDict(len(c.defaults))
		first := len(c.fields) - len(c.defaults)
		for i, v := range c.defaults {
			d.SetKey(starlark.String(c.fields[first+i]), v)
		}
		return d, nil
	case "_make":
		return starlark.NewBuiltin("_make", func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) != 1 || len(kwargs) > 0 {
				return nil, pyErrorf("TypeError", "%s._make() takes 1 positional argument", c.name)
			}
			items, err := collect(thread, args[0])
			if err != nil {
				return nil, err
			}
			if len(items) != len(c.fields) {
				return nil, pyErrorf("TypeError", "Expected %d arguments, got %d", len(c.fields), len(items))
			}
			return &namedTuple{cls: c, values: items}, nil
		}), nil
	}
	return nil, pyErrorf("AttributeError", "type object '%s' has no attribute '%s'", c.name, name)
}

// CallInternal makes an instance, with the messages of the __new__
// CPython writes for the class.
func (c *namedTupleClass) CallInternal(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	n := len(c.fields)
	if len(args) > n {
		return nil, pyErrorf("TypeError", "%s.__new__() takes %d positional arguments but %d were given", c.name, n+1, len(args)+1)
	}
	values := make(starlark.Tuple, n)
	copy(values, args)
	for _, kv := range kwargs {
		k := string(kv[0].(starlark.String))
		i := indexOf(c.fields, k)
		if i < 0 {
			return nil, pyErrorf("TypeError", "%s.__new__() got an unexpected keyword argument '%s'", c.name, k)
		}
		if values[i] != nil {
			return nil, pyErrorf("TypeError", "%s.__new__() got multiple values for argument '%s'", c.name, k)
		}
		values[i] = kv[1]
	}
	var missing []string
	first := n - len(c.defaults)
	for i := range values {
		if values[i] == nil {
			if i >= first {
				values[i] = c.defaults[i-first]
				continue
			}
			missing = append(missing, "'"+c.fields[i]+"'")
		}
	}
	if len(missing) > 0 {
		list := missing[len(missing)-1]
		if len(missing) > 1 {
			list = strings.Join(missing[:len(missing)-1], ", ") + " and " + list
			if len(missing) > 2 {
				list = strings.Join(missing[:len(missing)-1], ", ") + ", and " + missing[len(missing)-1]
			}
		}
		s := ""
		if len(missing) > 1 {
			s = "s"
		}
		return nil, pyErrorf("TypeError", "%s.__new__() missing %d required positional argument%s: %s", c.name, len(missing), s, list)
	}
	return &namedTuple{cls: c, values: values}, nil
}

func (t *namedTuple) String() string { return t.Repr() }
func (t *namedTuple) Repr() string {
	parts := make([]string, len(t.values))
	for i, v := range t.values {
		parts[i] = t.cls.fields[i] + "=" + Repr(v)
	}
	return t.cls.name + "(" + strings.Join(parts, ", ") + ")"
}
func (t *namedTuple) Type() string                     { return t.cls.name }
func (t *namedTuple) Freeze()                          { t.values.Freeze() }
func (t *namedTuple) Truth() starlark.Bool             { return len(t.values) > 0 }
func (t *namedTuple) Hash() (uint32, error)            { return t.values.Hash() }
func (t *namedTuple) Len() int                         { return len(t.values) }
func (t *namedTuple) Index(i int) starlark.Value       { return t.values[i] }
func (t *namedTuple) Iterate() starlark.Iterator       { return t.values.Iterate() }
func (t *namedTuple) Slice(a, b, s int) starlark.Value { return t.values.Slice(a, b, s) }

func (t *namedTuple) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	return starlark.CompareDepth(op, t.values, y.(*namedTuple).values, depth)
}

// pyContains is x in t.
func (t *namedTuple) pyContains(x starlark.Value) (bool, error) {
	for _, it := range t.values {
		if eq, err := pyEqual(x, it); err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

func (t *namedTuple) AttrNames() []string {
	return append(append([]string{}, t.cls.fields...), "_asdict", "_fields", "_replace")
}

func (t *namedTuple) Attr(name string) (starlark.Value, error) {
	if i := indexOf(t.cls.fields, name); i >= 0 {
		return t.values[i], nil
	}
	switch name {
	case "_fields", "_field_defaults", "_make":
		return t.cls.Attr(name)
	case "_asdict":
		return starlark.NewBuiltin("_asdict", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			d := starlark.NewDict(len(t.values))
			for i, v := range t.values {
				d.SetKey(starlark.String(t.cls.fields[i]), v)
			}
			return d, nil
		}), nil
	case "_replace":
		return starlark.NewBuiltin("_replace", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) > 0 {
				return nil, pyErrorf("TypeError", "%s._replace() takes 1 positional argument but %d were given", t.cls.name, len(args)+1)
			}
			values := append(starlark.Tuple{}, t.values...)
			var unknown []string
			for _, kv := range kwargs {
				k := string(kv[0].(starlark.String))
				if i := indexOf(t.cls.fields, k); i >= 0 {
					values[i] = kv[1]
				} else {
					unknown = append(unknown, Repr(kv[0]))
				}
			}
			if len(unknown) > 0 {
				return nil, pyErrorf("ValueError", "Got unexpected field names: [%s]", strings.Join(unknown, ", "))
			}
			return &namedTuple{cls: t.cls, values: values}, nil
		}), nil
	}
	return nil, pyErrorf("AttributeError", "'%s' object has no attribute '%s'", t.cls.name, name)
}
