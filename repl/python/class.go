package python

import (
	"fmt"
	"sort"
	"sync"
	"sync/atomic"

	"go.starlark.net/starlark"
)

// Class is a Python class: one made by a class statement, or a built-in
// exception class, or object. Its instances are *Instance values.
type Class struct {
	name   string
	module string // "builtins", "__main__", "socket", "struct"
	bases  []*Class
	mro    []*Class // C3 linearisation, the class itself first
	dict   map[string]starlark.Value
	interp *Interp // the interpreter that made it; nil for built-in classes
	exc    bool    // BaseException or a subclass
	id     uint32
	// slots: the attributes __slots__ allow, nil when instances have a
	// __dict__ (slotNames).
	slots     map[string]bool
	slotsOnce sync.Once
	frozen    bool // a frozen dataclass: its instances' attributes are read-only
	// attrs is how many attributes an instance has come to hold (up to
	// maxAttrsHint): a new instance's dict is made that big at once
	// rather than grown attribute by attribute in __init__.
	attrs atomic.Int32
	// props caches mayHaveProperty's answer (classprops.go).
	props atomic.Uint64
}

const maxAttrsHint = 32

var classIDs atomic.Uint32

var (
	_ starlark.Callable = (*Class)(nil)
	_ starlark.HasAttrs = (*Class)(nil)
)

// newClass makes a class with its MRO; it fails as CPython does when the
// bases cannot be linearised.
func newClass(name, module string, bases []*Class, dict map[string]starlark.Value) (*Class, error) {
	for i, b := range bases {
		for _, prev := range bases[:i] {
			if b == prev {
				return nil, pyErrorf("TypeError", "duplicate base class %s", b.name)
			}
		}
	}
	c := &Class{name: name, module: module, bases: bases, dict: dict, id: classIDs.Add(1)}
	if len(bases) == 0 && objectClass != nil {
		c.bases = []*Class{objectClass}
	}
	mro, err := c3(c)
	if err != nil {
		return nil, err
	}
	c.mro = mro
	nameProperties(dict)
	for _, b := range c.mro {
		if b == baseException {
			c.exc = true
		}
	}
	return c, nil
}

// c3 is Python's method resolution order.
func c3(c *Class) ([]*Class, error) {
	var seqs [][]*Class
	for _, b := range c.bases {
		seqs = append(seqs, append([]*Class{}, b.mro...))
	}
	seqs = append(seqs, append([]*Class{}, c.bases...))
	out := []*Class{c}
	for {
		empty := true
		for _, s := range seqs {
			if len(s) > 0 {
				empty = false
			}
		}
		if empty {
			return out, nil
		}
		var next *Class
	candidates:
		for _, s := range seqs {
			if len(s) == 0 {
				continue
			}
			cand := s[0]
			for _, t := range seqs {
				if len(t) == 0 {
					continue
				}
				for _, x := range t[1:] {
					if x == cand {
						continue candidates
					}
				}
			}
			next = cand
			break
		}
		if next == nil {
			names := ""
			for i, b := range c.bases {
				if i > 0 {
					names += ", "
				}
				names += b.name
			}
			return nil, pyErrorf("TypeError", "Cannot create a consistent method resolution order (MRO) for bases %s", names)
		}
		out = append(out, next)
		for i, s := range seqs {
			if len(s) > 0 && s[0] == next {
				seqs[i] = s[1:]
			}
		}
	}
}

func (c *Class) String() string        { return "<class '" + c.qualified() + "'>" }
func (c *Class) Type() string          { return "type" }
func (c *Class) Freeze()               {}
func (c *Class) Truth() starlark.Bool  { return true }
func (c *Class) Hash() (uint32, error) { return c.id, nil }
func (c *Class) Name() string          { return c.name }
func (c *Class) Repr() string          { return c.String() }

// qualified is module.name, without the module for builtins.
func (c *Class) qualified() string {
	if c.module == "builtins" {
		return c.name
	}
	return c.module + "." + c.name
}

// displayName is how a traceback's last line names the class: CPython
// leaves out __main__ and builtins.
func (c *Class) displayName() string {
	if c.module == "builtins" || c.module == "__main__" {
		return c.name
	}
	return c.module + "." + c.name
}

// lookup finds an attribute along the MRO.
func (c *Class) lookup(name string) (starlark.Value, bool) {
	for _, k := range c.mro {
		if v, ok := k.dict[name]; ok {
			return v, true
		}
	}
	return nil, false
}

// isSubclass reports whether c is base or derives from it.
func (c *Class) isSubclass(base *Class) bool {
	for _, k := range c.mro {
		if k == base {
			return true
		}
	}
	return false
}

func (c *Class) Attr(name string) (starlark.Value, error) {
	switch name {
	case "__name__", "__qualname__":
		return starlark.String(c.name), nil
	case "__module__":
		return starlark.String(c.module), nil
	case "__mro__":
		t := make(starlark.Tuple, len(c.mro))
		for i, k := range c.mro {
			t[i] = k
		}
		return t, nil
	case "__bases__":
		t := make(starlark.Tuple, len(c.bases))
		for i, k := range c.bases {
			t[i] = k
		}
		return t, nil
	case "__dict__":
		d := starlark.NewDict(len(c.dict))
		for _, k := range sortedKeys(c.dict) {
			d.SetKey(starlark.String(k), c.dict[k])
		}
		return d, nil
	}
	v, ok := c.lookup(name)
	if !ok {
		if name == "__doc__" {
			return starlark.None, nil
		}
		return nil, suggest(pyErrorf("AttributeError", "type object '%s' has no attribute '%s'", c.name, name), name, attrNamesOf(c))
	}
	switch v := v.(type) {
	case *staticMethod:
		return v.fn, nil
	case *classMethod:
		return &BoundMethod{fn: v.fn, self: c}, nil
	}
	return v, nil
}

func (c *Class) AttrNames() []string {
	seen := map[string]bool{}
	for _, k := range c.mro {
		for n := range k.dict {
			seen[n] = true
		}
	}
	return sortedKeys(seen)
}

func (c *Class) SetField(name string, v starlark.Value) error {
	if c.interp == nil {
		return pyErrorf("TypeError", "cannot set '%s' attribute of immutable type '%s'", name, c.name)
	}
	if isProperty(v) || isProperty(c.dict[name]) {
		defer propertyChanged()
	}
	c.dict[name] = v
	return nil
}

// CallInternal makes an instance: exceptions keep their arguments as
// args, then __init__ runs.
func (c *Class) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if c.exc {
		return newException(thread, c, args, kwargs)
	}
	inst := &Instance{cls: c}
	init, ok := c.lookup("__init__")
	if !ok || init == objectInit {
		if len(args) > 0 || len(kwargs) > 0 {
			return nil, pyErrorf("TypeError", "%s() takes no arguments", c.name)
		}
		return inst, nil
	}
	if err := callInit(thread, init, inst, args, kwargs); err != nil {
		return nil, err
	}
	return inst, nil
}

// BorrowsArgs is what starlark.ArgsBorrower asks: making an instance
// hands the arguments to __init__ in a tuple (or arena space) of its
// own, so CALL need not copy them. An exception keeps its args.
func (c *Class) BorrowsArgs() bool { return !c.exc }

// callInit runs __init__ and checks that it returned None.
func callInit(thread *starlark.Thread, init, inst starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple) error {
	res, err := starlark.CallWithReceiver(thread, init, inst, args, kwargs)
	if err != nil {
		return err
	}
	if res != starlark.None {
		return pyErrorf("TypeError", "__init__() should return None, not '%s'", pyTypeName(res))
	}
	return nil
}

// Instance is an object of a Class.
type Instance struct {
	cls   *Class
	dict  instAttrs
	exc   *excState // exceptions only
	state any       // the Go side of a built-in base class (threading.Thread)
}

var (
	_ starlark.HasAttrs    = (*Instance)(nil)
	_ starlark.HasSetField = (*Instance)(nil)
	_ starlark.HasBinary   = (*Instance)(nil)
	_ starlark.HasUnary    = (*Instance)(nil)
	_ starlark.Comparable  = (*Instance)(nil)
	_ starlark.HasSetKey   = (*Instance)(nil)
	_ starlark.Iterable    = (*Instance)(nil)
	_ starlark.Callable    = (*Instance)(nil)
)

// method finds a method the class defines (not one object provides).
func (i *Instance) method(name string) (starlark.Value, bool) {
	v, ok := i.cls.lookup(name)
	if !ok {
		return nil, false
	}
	if bf, ok := v.(*starlark.Builtin); ok && bf == objectInit {
		return nil, false
	}
	return bind(v, i), true
}

// bind makes what reading a class attribute through an instance gives.
func bind(v starlark.Value, self starlark.Value) starlark.Value {
	switch f := v.(type) {
	case *starlark.Function, *starlark.Builtin, *attrFunction, *lruCached:
		return &BoundMethod{fn: f, self: self}
	case *staticMethod:
		return f.fn
	case *classMethod:
		if inst, ok := self.(*Instance); ok {
			return &BoundMethod{fn: f.fn, self: inst.cls}
		}
		return &BoundMethod{fn: f.fn, self: self}
	}
	return v
}

// callMethod calls one of the instance's special methods.
func (i *Instance) callMethod(name string, args ...starlark.Value) (starlark.Value, bool, error) {
	m, ok := i.method(name)
	if !ok {
		return nil, false, nil
	}
	v, err := i.cls.interp.call(m, args)
	return v, true, err
}

func (i *Instance) String() string { return i.Repr() }
func (i *Instance) Type() string   { return i.cls.name }
func (i *Instance) Freeze()        {}

// Repr is repr(obj): __repr__, or <__main__.Foo object at 0x...>. A
// failing __repr__ is noted for textChecked and shows as the fallback.
func (i *Instance) Repr() string {
	if v, ok, err := i.callMethod("__repr__"); ok {
		if err == nil {
			if s, ok := v.(starlark.String); ok {
				return string(s)
			}
			err = pyErrorf("TypeError", "__repr__ returned non-string (type %s)", pyTypeName(v))
		}
		i.cls.interp.reprFailed(err)
		return "<" + i.cls.qualified() + " object>"
	}
	if i.exc != nil {
		return excRepr(i)
	}
	return fmt.Sprintf("<%s object at %#x>", i.cls.qualified(), addressOf(i))
}

// pyStr is str(obj): __str__, else the repr.
func (i *Instance) pyStr() string {
	if v, ok, err := i.callMethod("__str__"); ok {
		if err == nil {
			if s, ok := v.(starlark.String); ok {
				return string(s)
			}
			err = pyErrorf("TypeError", "__str__ returned non-string (type %s)", pyTypeName(v))
		}
		i.cls.interp.reprFailed(err)
		return "<" + i.cls.qualified() + " object>"
	}
	if i.exc != nil {
		return excStr(i)
	}
	return i.Repr()
}

// excText is the message a traceback prints for an exception: its
// str(), or CPython's placeholder when __str__ fails.
func (i *Instance) excText() string {
	if v, ok, err := i.callMethod("__str__"); ok {
		if s, isStr := v.(starlark.String); err == nil && isStr {
			return string(s)
		}
		return "<exception str() failed>"
	}
	return i.pyStr()
}

func (i *Instance) Truth() starlark.Bool {
	if v, ok, err := i.callMethod("__bool__"); ok && err == nil {
		return v.Truth()
	}
	if v, ok, err := i.callMethod("__len__"); ok && err == nil {
		return v.Truth()
	}
	return true
}

func (i *Instance) Hash() (uint32, error) {
	h, err := i.pyHash()
	return uint32(h), err
}

// pyHash is hash(obj). As in CPython, a class that defines __eq__ and
// not __hash__ makes its instances unhashable, and an error raised by
// __hash__ reaches the caller as it is.
func (i *Instance) pyHash() (int64, error) {
	if i.cls.isUnhashable() {
		return 0, pyErrorf("TypeError", "unhashable type: '%s'", i.cls.name)
	}
	hv, ok := i.cls.lookup("__hash__")
	if !ok {
		return int64(addressOf(i) >> 4), nil
	}
	v, err := i.cls.interp.call(bind(hv, i), nil)
	if err != nil {
		return 0, err
	}
	if !isPyInt(v) {
		return 0, pyErrorf("TypeError", "__hash__ method should return an integer")
	}
	n, _ := bigOf(v)
	return intHash(n), nil
}

// isUnhashable reports whether the first class along the MRO that says
// anything about hashing defines __eq__ without __hash__, or sets
// __hash__ to None.
func (c *Class) isUnhashable() bool {
	for _, k := range c.mro {
		if hv, ok := k.dict["__hash__"]; ok {
			return hv == starlark.None
		}
		if _, ok := k.dict["__eq__"]; ok {
			return true
		}
	}
	return false
}

func (i *Instance) Attr(name string) (starlark.Value, error) {
	switch name {
	case "__class__":
		return i.cls, nil
	case "__dict__":
		if _, restricted := i.cls.slotNames(); restricted {
			return nil, pyErrorf("AttributeError", "'%s' object has no attribute '__dict__'", i.cls.name)
		}
		d := starlark.NewDict(i.dict.len())
		for _, p := range i.dict.pairs {
			d.SetKey(starlark.String(p.name), p.v)
		}
		return d, nil
	}
	var cv starlark.Value
	inClass, looked := false, i.cls.mayHaveProperty()
	if looked {
		cv, inClass = i.cls.lookup(name)
		if p, ok := cv.(*property); inClass && ok {
			if p.fget == nil {
				return nil, p.missing("getter", i.cls.name)
			}
			return i.cls.interp.call(p.fget, []starlark.Value{i})
		}
	}
	if v, ok := i.dict.get(name); ok {
		return v, nil
	}
	if !looked {
		cv, inClass = i.cls.lookup(name)
	}
	if inClass {
		return bind(cv, i), nil
	}
	if i.exc != nil {
		if v, ok := i.exc.attr(name); ok {
			return v, nil
		}
	}
	if g, ok := i.method("__getattr__"); ok {
		return i.cls.interp.call(g, []starlark.Value{starlark.String(name)})
	}
	return nil, suggest(pyErrorf("AttributeError", "'%s' object has no attribute '%s'", i.cls.name, name), name, attrNamesOf(i))
}

// UnboundMethod is what starlark.MethodOwner asks for obj.f(...): the
// class's function itself when reading obj.f would bind it to obj (not a
// property, a static or class method, nor an attribute of obj itself);
// CALL_METHOD then calls it with obj first and no bound method is made.
func (i *Instance) UnboundMethod(name string) starlark.Value {
	if name == "__class__" || name == "__dict__" {
		return nil
	}
	cv, ok := i.cls.lookup(name)
	if !ok {
		return nil
	}
	fn, ok := cv.(*starlark.Function)
	if !ok {
		return nil
	}
	if i.dict.has(name) {
		return nil
	}
	return fn
}

func (i *Instance) AttrNames() []string {
	seen := map[string]bool{}
	for _, p := range i.dict.pairs {
		seen[p.name] = true
	}
	for _, n := range i.cls.AttrNames() {
		seen[n] = true
	}
	return sortedKeys(seen)
}

func (i *Instance) SetField(name string, v starlark.Value) error {
	if i.cls.frozen {
		return &PyError{Class: "dataclasses.FrozenInstanceError", Msg: "cannot assign to field '" + name + "'"}
	}
	if p, ok := i.cls.propertyNamed(name); ok {
		if p.fset == nil {
			return p.missing("setter", i.cls.name)
		}
		_, err := i.cls.interp.call(p.fset, []starlark.Value{i, v})
		return err
	}
	if i.exc != nil && i.exc.setAttr(name, v) {
		return nil
	}
	if k := i.dict.find(name); k >= 0 {
		i.dict.pairs[k].v = v
		return nil
	}
	if slots, restricted := i.cls.slotNames(); restricted && !slots[name] {
		if _, inClass := i.cls.lookup(name); inClass {
			return pyErrorf("AttributeError", "'%s' object attribute '%s' is read-only", i.cls.name, name)
		}
		return pyErrorf("AttributeError", "'%s' object has no attribute '%s'", i.cls.name, name)
	}
	i.addAttr(name, v)
	return nil
}

// setDirect sets an attribute without the checks of SetField: what
// object.__setattr__ does for a dataclass's __init__.
func (i *Instance) setDirect(name string, v starlark.Value) {
	if k := i.dict.find(name); k >= 0 {
		i.dict.pairs[k].v = v
		return
	}
	i.addAttr(name, v)
}

// addAttr adds a new attribute. The first one makes room for as many as
// the class's instances have come to hold.
func (i *Instance) addAttr(name string, v starlark.Value) {
	i.dict.add(name, v, int(i.cls.attrs.Load()))
	if k := int32(i.dict.len()); k > i.cls.attrs.Load() && k <= maxAttrsHint {
		i.cls.attrs.Store(k)
	}
}

// delAttr is del obj.name.
func (i *Instance) delAttr(name string) error {
	if i.cls.frozen {
		return &PyError{Class: "dataclasses.FrozenInstanceError", Msg: "cannot delete field '" + name + "'"}
	}
	if p, ok := i.cls.propertyNamed(name); ok {
		if p.fdel == nil {
			return p.missing("deleter", i.cls.name)
		}
		_, err := i.cls.interp.call(p.fdel, []starlark.Value{i})
		return err
	}
	if !i.dict.del(name) {
		return pyErrorf("AttributeError", "'%s' object has no attribute '%s'", i.cls.name, name)
	}
	return nil
}

// binaryMethods names the methods behind each operator: the left
// operand's, then the reflected one of the right operand.
var binaryMethods = map[string][2]string{
	"+": {"__add__", "__radd__"}, "-": {"__sub__", "__rsub__"}, "*": {"__mul__", "__rmul__"},
	"/": {"__truediv__", "__rtruediv__"}, "//": {"__floordiv__", "__rfloordiv__"}, "%": {"__mod__", "__rmod__"},
	"**": {"__pow__", "__rpow__"}, "<<": {"__lshift__", "__rlshift__"}, ">>": {"__rshift__", "__rrshift__"},
	"&": {"__and__", "__rand__"}, "|": {"__or__", "__ror__"}, "^": {"__xor__", "__rxor__"},
	"@": {"__matmul__", "__rmatmul__"},
}

// Binary applies an operator through __add__ and friends.
func (i *Instance) Binary(op syntaxToken, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	v, ok, err := i.binaryOp(op.String(), y, side == starlark.Right)
	if !ok {
		return nil, nil // not ours: Starlark reports the unsupported operation
	}
	return v, err
}

// binaryOp calls the method for op; ok is false when the class has none
// or it returned NotImplemented.
func (i *Instance) binaryOp(op string, other starlark.Value, reflected bool) (starlark.Value, bool, error) {
	names, known := binaryMethods[op]
	if !known {
		return nil, false, nil
	}
	name := names[0]
	if reflected {
		name = names[1]
	}
	v, ok, err := i.callMethod(name, other)
	if !ok || err == nil && v == notImplemented {
		return nil, false, nil
	}
	return v, true, err
}

func (i *Instance) Unary(op syntaxToken) (starlark.Value, error) {
	name := map[string]string{"-": "__neg__", "+": "__pos__", "~": "__invert__"}[op.String()]
	v, ok, err := i.callMethod(name)
	if !ok {
		return nil, nil
	}
	return v, err
}

// CompareSameType compares two instances through __eq__, __lt__...
func (i *Instance) CompareSameType(op syntaxToken, y starlark.Value, depth int) (bool, error) {
	res, err := richCompare(i.cls.interp.activeThread(), op.String(), i, y)
	if err != nil {
		return false, err
	}
	return bool(res.Truth()), nil
}

func (i *Instance) SetKey(k, v starlark.Value) error {
	_, ok, err := i.callMethod("__setitem__", k, v)
	if !ok {
		return pyErrorf("TypeError", "'%s' object does not support item assignment", i.cls.name)
	}
	return err
}

func (i *Instance) Get(k starlark.Value) (starlark.Value, bool, error) {
	v, ok, err := i.callMethod("__getitem__", k)
	if !ok {
		return nil, false, pyErrorf("TypeError", "'%s' object is not subscriptable", i.cls.name)
	}
	return v, err == nil, err
}

func (i *Instance) Iterate() starlark.Iterator {
	it, err := iterInstance(i.cls.interp.activeThread(), i)
	if err != nil {
		return &errIterator{err: err}
	}
	return it.Iterate()
}

func (i *Instance) Name() string { return i.cls.name }

func (i *Instance) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	m, ok := i.method("__call__")
	if !ok {
		return nil, pyErrorf("TypeError", "'%s' object is not callable", i.cls.name)
	}
	return starlark.Call(thread, m, args, kwargs)
}

// BoundMethod is a function read through an instance: calling it passes
// the instance first.
type BoundMethod struct {
	fn   starlark.Value
	self starlark.Value
}

func (m *BoundMethod) String() string {
	owner := ""
	switch s := m.self.(type) {
	case *Instance:
		owner = s.cls.name + "."
	case *Class:
		owner = s.name + "."
	}
	return fmt.Sprintf("<bound method %s%s of %s>", owner, callableName(m.fn), Repr(m.self))
}
func (m *BoundMethod) Repr() string          { return m.String() }
func (m *BoundMethod) Type() string          { return "method" }
func (m *BoundMethod) Freeze()               {}
func (m *BoundMethod) Truth() starlark.Bool  { return true }
func (m *BoundMethod) Hash() (uint32, error) { return starlark.String(callableName(m.fn)).Hash() }
func (m *BoundMethod) Name() string          { return callableName(m.fn) }

// Unbind is what starlark.Method asks: CALL then calls a Starlark
// function with the instance first without building the tuple below.
func (m *BoundMethod) Unbind() (fn, recv starlark.Value) { return m.fn, m.self }

func (m *BoundMethod) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return starlark.CallWithReceiver(thread, m.fn, m.self, args, kwargs)
}

func (m *BoundMethod) Attr(name string) (starlark.Value, error) {
	switch name {
	case "__self__":
		return m.self, nil
	case "__func__":
		return m.fn, nil
	case "__name__":
		if f, ok := m.fn.(*attrFunction); ok {
			return f.Attr(name)
		}
		return starlark.String(callableName(m.fn)), nil
	}
	// Like CPython's, a method reads the rest from its function:
	// __doc__, __qualname__, __wrapped__, attributes set on it.
	if _, ok := m.fn.(starlark.HasAttrs); ok || name == "__doc__" || name == "__qualname__" || name == "__module__" {
		if v, err := getAttr(m.fn, name); err == nil {
			return v, nil
		}
	}
	return nil, pyErrorf("AttributeError", "'method' object has no attribute '%s'", name)
}
func (m *BoundMethod) AttrNames() []string { return []string{"__func__", "__name__", "__self__"} }

// staticMethod, classMethod and property are the decorators' values.
type staticMethod struct{ fn starlark.Value }
type classMethod struct{ fn starlark.Value }
type property struct {
	fget, fset, fdel starlark.Value
	name             string // set when a class statement binds it (__set_name__)
}

// missing is the AttributeError for a getter, setter or deleter the
// property lacks, named as CPython names it: by the name a class
// statement gave it, if one did.
func (p *property) missing(what, cls string) error {
	if p.name == "" {
		return pyErrorf("AttributeError", "property of '%s' object has no %s", cls, what)
	}
	return pyErrorf("AttributeError", "property '%s' of '%s' object has no %s", p.name, cls, what)
}

func (*staticMethod) String() string       { return "<staticmethod object>" }
func (*staticMethod) Type() string         { return "staticmethod" }
func (*staticMethod) Freeze()              {}
func (*staticMethod) Truth() starlark.Bool { return true }
func (s *staticMethod) Hash() (uint32, error) {
	return 0, pyErrorf("TypeError", "unhashable type: 'staticmethod'")
}
func (*classMethod) String() string       { return "<classmethod object>" }
func (*classMethod) Type() string         { return "classmethod" }
func (*classMethod) Freeze()              {}
func (*classMethod) Truth() starlark.Bool { return true }
func (c *classMethod) Hash() (uint32, error) {
	return 0, pyErrorf("TypeError", "unhashable type: 'classmethod'")
}
func (*property) String() string       { return "<property object>" }
func (*property) Type() string         { return "property" }
func (*property) Freeze()              {}
func (*property) Truth() starlark.Bool { return true }
func (p *property) Hash() (uint32, error) {
	return 0, pyErrorf("TypeError", "unhashable type: 'property'")
}

// Attr gives a property's setter, getter and deleter decorators.
func (p *property) Attr(name string) (starlark.Value, error) {
	with := func(set func(q *property, f starlark.Value)) starlark.Value {
		return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			if len(args) != 1 {
				return nil, pyErrorf("TypeError", "%s() takes exactly one argument (%d given)", name, len(args))
			}
			q := *p
			set(&q, args[0])
			return &q, nil
		})
	}
	switch name {
	case "setter":
		return with(func(q *property, f starlark.Value) { q.fset = f }), nil
	case "getter":
		return with(func(q *property, f starlark.Value) { q.fget = f }), nil
	case "deleter":
		return with(func(q *property, f starlark.Value) { q.fdel = f }), nil
	case "fget":
		return orNone(p.fget), nil
	case "fset":
		return orNone(p.fset), nil
	}
	return nil, pyErrorf("AttributeError", "'property' object has no attribute '%s'", name)
}
func (p *property) AttrNames() []string {
	return []string{"deleter", "fget", "fset", "getter", "setter"}
}

func orNone(v starlark.Value) starlark.Value {
	if v == nil {
		return starlark.None
	}
	return v
}

// superObject is what super() returns: attribute lookup that starts after
// cls in the MRO of self's class.
type superObject struct {
	cls  *Class
	self starlark.Value
}

func (s *superObject) String() string {
	return fmt.Sprintf("<super: <class '%s'>, <%s object>>", s.cls.name, pyTypeName(s.self))
}
func (s *superObject) Type() string          { return "super" }
func (s *superObject) Freeze()               {}
func (s *superObject) Truth() starlark.Bool  { return true }
func (s *superObject) Hash() (uint32, error) { return 0, nil }
func (s *superObject) AttrNames() []string   { return nil }

func (s *superObject) Attr(name string) (starlark.Value, error) {
	var mro []*Class
	switch self := s.self.(type) {
	case *Instance:
		mro = self.cls.mro
	case *Class:
		mro = self.mro
	}
	after := false
	for _, k := range mro {
		if after {
			if v, ok := k.dict[name]; ok {
				if p, ok := v.(*property); ok && p.fget != nil {
					if inst, ok := s.self.(*Instance); ok {
						return inst.cls.interp.call(p.fget, []starlark.Value{inst})
					}
				}
				return bind(v, s.self), nil
			}
		}
		if k == s.cls {
			after = true
		}
	}
	return nil, pyErrorf("AttributeError", "'super' object has no attribute '%s'", name)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// callableName is the name of a function, builtin or other callable.
func callableName(v starlark.Value) string {
	if c, ok := v.(starlark.Callable); ok {
		return pyFuncName(c.Name())
	}
	return pyTypeName(v)
}
