package python

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// The dataclasses module: @dataclass reads a class's annotations (in the
// order written, base classes' fields first) and gives it __init__,
// __repr__ and __eq__, and with order=True the comparisons, with
// frozen=True read-only fields and a hash; field(default_factory=list)
// for mutable defaults; fields, asdict, astuple, replace.

func newDataclassesModule(*Interp) starlark.Value {
	return table{name: "dataclasses", doc: "@dataclass writes __init__, __repr__ and __eq__ for a class from its annotated fields (x: int = 0).", rows: []row{
		{name: "dataclass", fn: dataclassDecorator, sig: "dataclasses.dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, frozen=False)", doc: "Class decorator: fields are the class's `name: type [= default]` lines; makes __init__, __repr__, __eq__ (and ordering, frozen) from them."},
		{name: "field", fn: dataclassField, sig: "dataclasses.field(*, default=MISSING, default_factory=MISSING, repr=True, compare=True)", doc: "A field's options: default_factory=list gives each instance a new list."},
		{name: "fields", fn: dataclassFields, sig: "dataclasses.fields(class_or_instance) -> tuple", doc: "The Field objects of a dataclass, in order (f.name, f.type, f.default)."},
		{name: "asdict", fn: dataclassAs(true), sig: "dataclasses.asdict(obj) -> dict", doc: "The fields as a dict (nested dataclasses, lists, tuples and dicts copied too)."},
		{name: "astuple", fn: dataclassAs(false), sig: "dataclasses.astuple(obj) -> tuple", doc: "The field values as a tuple."},
		{name: "replace", fn: dataclassReplace, sig: "dataclasses.replace(obj, **changes)", doc: "A new instance with some fields changed."},
		{name: "is_dataclass", fn: dataclassIs, sig: "dataclasses.is_dataclass(obj) -> bool", doc: "Whether obj is a dataclass or an instance of one."},
		{name: "MISSING", value: dcMissing},
		{name: "FrozenInstanceError", value: exceptionClasses["dataclasses.FrozenInstanceError"], sig: "dataclasses.FrozenInstanceError", doc: "Assigning to a field of a frozen dataclass (an AttributeError)."},
	}}.module()
}

var dcMissing = &singleton{"<dataclasses._MISSING_TYPE object>"}

// dcField is a dataclasses.Field.
type dcField struct {
	name               string
	typ, dflt, factory starlark.Value
	inRepr, inCompare  bool
}

var _ starlark.HasAttrs = (*dcField)(nil)

func (f *dcField) String() string {
	return fmt.Sprintf("Field(name=%s,type=%s,default=%s,default_factory=%s,repr=%v,compare=%v)",
		Repr(starlark.String(f.name)), Repr(f.typ), Repr(f.dflt), Repr(f.factory), pyBool(f.inRepr), pyBool(f.inCompare))
}
func (f *dcField) Type() string          { return "Field" }
func (f *dcField) Freeze()               {}
func (f *dcField) Truth() starlark.Bool  { return true }
func (f *dcField) Hash() (uint32, error) { return uint32(addressOf(f)), nil }
func (f *dcField) AttrNames() []string {
	return []string{"compare", "default", "default_factory", "name", "repr", "type"}
}
func (f *dcField) Attr(name string) (starlark.Value, error) {
	switch name {
	case "name":
		return starlark.String(f.name), nil
	case "type":
		return f.typ, nil
	case "default":
		return f.dflt, nil
	case "default_factory":
		return f.factory, nil
	case "repr":
		return starlark.Bool(f.inRepr), nil
	case "compare":
		return starlark.Bool(f.inCompare), nil
	}
	return nil, pyErrorf("AttributeError", "'Field' object has no attribute '%s'", name)
}

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

func dataclassField(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) > 0 {
		return nil, pyErrorf("TypeError", "field() takes 0 positional arguments but %d were given", len(args))
	}
	f := &dcField{typ: starlark.None, dflt: dcMissing, factory: dcMissing, inRepr: true, inCompare: true}
	for _, kv := range kwargs {
		switch k := string(kv[0].(starlark.String)); k {
		case "default":
			f.dflt = kv[1]
		case "default_factory":
			f.factory = kv[1]
		case "repr":
			f.inRepr = bool(kv[1].Truth())
		case "compare":
			f.inCompare = bool(kv[1].Truth())
		case "init", "hash", "metadata", "kw_only":
		default:
			return nil, pyErrorf("TypeError", "field() got an unexpected keyword argument '%s'", k)
		}
	}
	if f.dflt != dcMissing && f.factory != dcMissing {
		return nil, pyErrorf("ValueError", "cannot specify both default and default_factory")
	}
	return f, nil
}

// dcOptions are @dataclass's keywords.
type dcOptions struct{ init, repr, eq, order, frozen bool }

func dataclassDecorator(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	opts := dcOptions{init: true, repr: true, eq: true}
	for _, kv := range kwargs {
		on := bool(kv[1].Truth())
		switch k := string(kv[0].(starlark.String)); k {
		case "init":
			opts.init = on
		case "repr":
			opts.repr = on
		case "eq":
			opts.eq = on
		case "order":
			opts.order = on
		case "frozen":
			opts.frozen = on
		case "unsafe_hash", "match_args", "kw_only", "slots":
		default:
			return nil, pyErrorf("TypeError", "dataclass() got an unexpected keyword argument '%s'", k)
		}
	}
	if opts.order && !opts.eq {
		return nil, pyErrorf("ValueError", "eq must be true if order is true")
	}
	if len(args) == 1 {
		return makeDataclass(args[0], opts)
	}
	if len(args) > 1 {
		return nil, pyErrorf("TypeError", "dataclass() takes from 0 to 1 positional arguments but %d were given", len(args))
	}
	return starlark.NewBuiltin("dataclass", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) != 1 || len(kwargs) > 0 {
			return nil, pyErrorf("TypeError", "wrap() takes 1 positional argument")
		}
		return makeDataclass(args[0], opts)
	}), nil
}

// dcFieldsOf is a dataclass's fields, in order, or false.
func dcFieldsOf(v starlark.Value) ([]*dcField, bool) {
	c, ok := v.(*Class)
	if inst, isInst := v.(*Instance); isInst {
		c, ok = inst.cls, true
	}
	if !ok {
		return nil, false
	}
	fs, ok := c.lookup("__dataclass_fields__")
	if !ok {
		return nil, false
	}
	list, ok := fs.(*dcFieldList)
	return list.fields, ok
}

// dcFieldList holds a dataclass's fields in its class dict.
type dcFieldList struct{ fields []*dcField }

func (l *dcFieldList) String() string {
	parts := make([]string, len(l.fields))
	for i, f := range l.fields {
		parts[i] = Repr(starlark.String(f.name)) + ": " + f.String()
	}
	return "{" + strings.Join(parts, ", ") + "}"
}
func (l *dcFieldList) Type() string         { return "dict" }
func (l *dcFieldList) Freeze()              {}
func (l *dcFieldList) Truth() starlark.Bool { return len(l.fields) > 0 }
func (l *dcFieldList) Hash() (uint32, error) {
	return 0, pyErrorf("TypeError", "unhashable type: 'dict'")
}

func makeDataclass(v starlark.Value, opts dcOptions) (starlark.Value, error) {
	c, ok := v.(*Class)
	if !ok {
		return nil, pyErrorf("TypeError", "dataclass() should be called on a class, not %s", pyTypeName(v))
	}
	var fields []*dcField
	for i := len(c.mro) - 1; i > 0; i-- {
		if l, ok := c.mro[i].dict["__dataclass_fields__"].(*dcFieldList); ok {
			for _, f := range l.fields {
				fields = replaceField(fields, f)
			}
		}
	}
	if ann, ok := c.dict["__annotations__"].(*starlark.Dict); ok {
		for _, kv := range ann.Items() {
			name := string(kv[0].(starlark.String))
			f := &dcField{name: name, typ: kv[1], dflt: dcMissing, factory: dcMissing, inRepr: true, inCompare: true}
			if d, ok := c.dict[name]; ok {
				if given, ok := d.(*dcField); ok {
					f.dflt, f.factory, f.inRepr, f.inCompare = given.dflt, given.factory, given.inRepr, given.inCompare
					if f.dflt == dcMissing {
						delete(c.dict, name)
					} else {
						c.dict[name] = f.dflt
					}
				} else {
					switch d.(type) {
					case *starlark.List, *starlark.Dict, *starlark.Set:
						return nil, pyErrorf("ValueError", "mutable default %s for field %s is not allowed: use default_factory", Repr(typeOf(d)), name)
					}
					f.dflt = d
				}
			}
			fields = replaceField(fields, f)
		}
	}
	seenDefault := false
	for _, f := range fields {
		hasDefault := f.dflt != dcMissing || f.factory != dcMissing
		if seenDefault && !hasDefault {
			return nil, pyErrorf("TypeError", "non-default argument '%s' follows default argument", f.name)
		}
		seenDefault = seenDefault || hasDefault
	}
	c.dict["__dataclass_fields__"] = &dcFieldList{fields: fields}
	qual := c.name
	if opts.init {
		c.dict["__init__"] = dcInit(qual, fields)
	}
	if opts.repr {
		c.dict["__repr__"] = starlark.NewBuiltin("__repr__", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			self := args[0].(*Instance)
			parts := []string{}
			for _, f := range fields {
				if f.inRepr {
					v, err := self.Attr(f.name)
					if err != nil {
						return nil, err
					}
					parts = append(parts, f.name+"="+Repr(v))
				}
			}
			return starlark.String(self.cls.name + "(" + strings.Join(parts, ", ") + ")"), nil
		})
	}
	if opts.eq {
		c.dict["__eq__"] = dcCompare("__eq__", "==", c, fields)
		if !opts.frozen {
			c.dict["__hash__"] = starlark.None
		}
	}
	if opts.order {
		for _, op := range [][2]string{{"__lt__", "<"}, {"__le__", "<="}, {"__gt__", ">"}, {"__ge__", ">="}} {
			c.dict[op[0]] = dcCompare(op[0], op[1], c, fields)
		}
	}
	if opts.frozen {
		c.frozen = true
		if opts.eq {
			c.dict["__hash__"] = starlark.NewBuiltin("__hash__", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
				t, err := dcValues(args[0].(*Instance), fields, true)
				if err != nil {
					return nil, err
				}
				h, err := t.Hash()
				return starlark.MakeInt64(int64(int32(h))), err
			})
		}
	}
	propertyChanged() // its dict was rewritten: a default may have been a property
	return c, nil
}

// replaceField puts f in fields, in the place of a field of its name.
func replaceField(fields []*dcField, f *dcField) []*dcField {
	for i, g := range fields {
		if g.name == f.name {
			fields[i] = f
			return fields
		}
	}
	return append(fields, f)
}

// dcValues is an instance's field values as a tuple.
func dcValues(self *Instance, fields []*dcField, compared bool) (starlark.Tuple, error) {
	var t starlark.Tuple
	for _, f := range fields {
		if compared && !f.inCompare {
			continue
		}
		v, err := self.Attr(f.name)
		if err != nil {
			return nil, err
		}
		t = append(t, v)
	}
	return t, nil
}

// dcCompare is a comparison method: the field tuples compared, when
// both are instances of exactly this class.
func dcCompare(name, op string, c *Class, fields []*dcField) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		self, _ := args[0].(*Instance)
		other, ok := args[1].(*Instance)
		if self == nil || !ok || other.cls != self.cls {
			return notImplemented, nil
		}
		a, err := dcValues(self, fields, true)
		if err != nil {
			return nil, err
		}
		b, err := dcValues(other, fields, true)
		if err != nil {
			return nil, err
		}
		ok, err = starlark.Compare(dcOps[op], a, b)
		if err != nil {
			return nil, asPyError(err)
		}
		return starlark.Bool(ok), nil
	})
}

var dcOps = map[string]syntax.Token{"==": syntax.EQL, "<": syntax.LT, "<=": syntax.LE, ">": syntax.GT, ">=": syntax.GE}

// dcInit is the __init__ a dataclass gets: its fields as parameters, in
// order, then __post_init__ if the class has one.
func dcInit(qual string, fields []*dcField) *starlark.Builtin {
	return starlark.NewBuiltin("__init__", func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		self := args[0].(*Instance)
		args = args[1:]
		required := 0
		for _, f := range fields {
			if f.dflt == dcMissing && f.factory == dcMissing {
				required++
			}
		}
		if len(args) > len(fields) {
			takes := itoa(len(fields)+1) + " positional arguments"
			if required < len(fields) {
				takes = "from " + itoa(required+1) + " to " + itoa(len(fields)+1) + " positional arguments"
			} else if len(fields) == 0 {
				takes = "1 positional argument"
			}
			were := "were"
			if len(args)+1 == 1 {
				were = "was"
			}
			return nil, pyErrorf("TypeError", "%s.__init__() takes %s but %d %s given", qual, takes, len(args)+1, were)
		}
		values := make([]starlark.Value, len(fields))
		copy(values, args)
		for _, kv := range kwargs {
			k := string(kv[0].(starlark.String))
			i := -1
			for j, f := range fields {
				if f.name == k {
					i = j
				}
			}
			if i < 0 {
				return nil, pyErrorf("TypeError", "%s.__init__() got an unexpected keyword argument '%s'", qual, k)
			}
			if values[i] != nil {
				return nil, pyErrorf("TypeError", "%s.__init__() got multiple values for argument '%s'", qual, k)
			}
			values[i] = kv[1]
		}
		var missing []string
		for i, f := range fields {
			if values[i] != nil {
				continue
			}
			switch {
			case f.dflt != dcMissing:
				values[i] = f.dflt
			case f.factory != dcMissing:
				v, err := starlark.Call(thread, f.factory, nil, nil)
				if err != nil {
					return nil, err
				}
				values[i] = v
			default:
				missing = append(missing, "'"+f.name+"'")
			}
		}
		if len(missing) > 0 {
			list := missing[0]
			switch {
			case len(missing) == 2:
				list = missing[0] + " and " + missing[1]
			case len(missing) > 2:
				list = strings.Join(missing[:len(missing)-1], ", ") + ", and " + missing[len(missing)-1]
			}
			s := ""
			if len(missing) > 1 {
				s = "s"
			}
			return nil, pyErrorf("TypeError", "%s.__init__() missing %d required positional argument%s: %s", qual, len(missing), s, list)
		}
		for i, f := range fields {
			self.setDirect(f.name, values[i])
		}
		if post, ok := self.method("__post_init__"); ok {
			if _, err := starlark.Call(thread, post, nil, nil); err != nil {
				return nil, err
			}
		}
		return starlark.None, nil
	})
}

func dataclassFields(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs("fields", args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	fields, ok := dcFieldsOf(v)
	if !ok {
		return nil, pyErrorf("TypeError", "must be called with a dataclass type or instance")
	}
	out := make(starlark.Tuple, len(fields))
	for i, f := range fields {
		out[i] = f
	}
	return out, nil
}

func dataclassIs(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs("is_dataclass", args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	_, ok := dcFieldsOf(v)
	return starlark.Bool(ok), nil
}

// dataclassAs is asdict (dict true) or astuple.
func dataclassAs(dict bool) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var v starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
			return nil, err
		}
		if _, ok := v.(*Instance); !ok {
			return nil, pyErrorf("TypeError", "%s() should be called on dataclass instances", b.Name())
		}
		if _, ok := dcFieldsOf(v); !ok {
			return nil, pyErrorf("TypeError", "%s() should be called on dataclass instances", b.Name())
		}
		return dcConvert(v, dict), nil
	}
}

// dcConvert copies v for asdict/astuple, recursing into dataclass
// instances and containers.
func dcConvert(v starlark.Value, dict bool) starlark.Value {
	switch x := v.(type) {
	case *Instance:
		fields, ok := dcFieldsOf(x)
		if !ok {
			return v
		}
		if dict {
			d := starlark.NewDict(len(fields))
			for _, f := range fields {
				fv, _ := x.Attr(f.name)
				d.SetKey(starlark.String(f.name), dcConvert(fv, dict))
			}
			return d
		}
		t := make(starlark.Tuple, len(fields))
		for i, f := range fields {
			fv, _ := x.Attr(f.name)
			t[i] = dcConvert(fv, dict)
		}
		return t
	case *starlark.List:
		out := make([]starlark.Value, x.Len())
		for i := range out {
			out[i] = dcConvert(x.Index(i), dict)
		}
		return starlark.NewList(out)
	case starlark.Tuple:
		out := make(starlark.Tuple, len(x))
		for i := range out {
			out[i] = dcConvert(x[i], dict)
		}
		return out
	case *starlark.Dict:
		out := starlark.NewDict(x.Len())
		for _, kv := range x.Items() {
			out.SetKey(dcConvert(kv[0], dict), dcConvert(kv[1], dict))
		}
		return out
	}
	return v
}

func dataclassReplace(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 {
		return nil, pyErrorf("TypeError", "replace() takes 1 positional argument but %d were given", len(args))
	}
	inst, ok := args[0].(*Instance)
	fields, isDC := dcFieldsOf(args[0])
	if !ok || !isDC {
		return nil, pyErrorf("TypeError", "replace() should be called on dataclass instances")
	}
	var kw []starlark.Tuple
	given := map[string]bool{}
	for _, kv := range kwargs {
		given[string(kv[0].(starlark.String))] = true
		kw = append(kw, kv)
	}
	for _, f := range fields {
		if !given[f.name] {
			v, err := inst.Attr(f.name)
			if err != nil {
				return nil, err
			}
			kw = append(kw, starlark.Tuple{starlark.String(f.name), v})
		}
	}
	return starlark.Call(thread, inst.cls, nil, kw)
}
