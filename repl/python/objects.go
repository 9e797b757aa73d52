package python

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// The object protocol for classes and instances: isinstance, issubclass,
// iter, next, getattr and friends, comparisons through __eq__ and
// __lt__, and the singletons NotImplemented and Ellipsis.

type syntaxToken = syntax.Token

// singleton is a named constant value such as NotImplemented.
type singleton struct{ name string }

func (s *singleton) String() string        { return s.name }
func (s *singleton) Repr() string          { return s.name }
func (s *singleton) Type() string          { return s.name + "Type" }
func (s *singleton) Freeze()               {}
func (s *singleton) Truth() starlark.Bool  { return true }
func (s *singleton) Hash() (uint32, error) { return starlark.String(s.name).Hash() }

var (
	notImplemented = &singleton{"NotImplemented"}
	ellipsis       = &singleton{"Ellipsis"}
)

// addressOf is a stable number for an object, shown as its address.
func addressOf(v any) uintptr { return reflect.ValueOf(v).Pointer() }

func builtinID(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("id", args, kwargs)
	if err != nil {
		return nil, err
	}
	switch reflect.ValueOf(v).Kind() {
	case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func:
		return starlark.MakeUint64(uint64(addressOf(v))), nil
	}
	h, err := v.Hash()
	if err != nil {
		return nil, asPyError(err)
	}
	return starlark.MakeUint64(uint64(h)), nil
}

// isA reports whether v is an instance of t, a built-in type or a class.
func isA(v, t starlark.Value) (bool, error) {
	switch t := t.(type) {
	case *namedTupleClass:
		nt, ok := v.(*namedTuple)
		return ok && nt.cls == t, nil
	case *pyType:
		return isInstance(v, t), nil
	case *Class:
		if inst, ok := v.(*Instance); ok {
			return inst.cls.isSubclass(t), nil
		}
		if t == objectClass {
			return true, nil
		}
		if c, ok := v.(*Class); ok && t.name == "type" {
			return c != nil, nil
		}
		return false, nil
	case starlark.Tuple:
		for _, x := range t {
			ok, err := isA(v, x)
			if ok || err != nil {
				return ok, err
			}
		}
		return false, nil
	}
	return false, pyErrorf("TypeError", "isinstance() arg 2 must be a type, a tuple of types, or a union")
}

// twoArgs checks the arguments of isinstance and issubclass, worded as
// CPython words them.
func twoArgs(name string, args starlark.Tuple, kwargs []starlark.Tuple) error {
	if len(kwargs) > 0 {
		return pyErrorf("TypeError", "%s() takes no keyword arguments", name)
	}
	if len(args) != 2 {
		return pyErrorf("TypeError", "%s expected 2 arguments, got %d", name, len(args))
	}
	return nil
}

func builtinIsinstance(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v, cls starlark.Value
	if err := twoArgs("isinstance", args, kwargs); err != nil {
		return nil, err
	}
	v, cls = args[0], args[1]
	ok, err := isA(v, cls)
	return starlark.Bool(ok), err
}

func builtinIssubclass(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var c, base starlark.Value
	if err := twoArgs("issubclass", args, kwargs); err != nil {
		return nil, err
	}
	c, base = args[0], args[1]
	var sub func(base starlark.Value) (bool, error)
	sub = func(base starlark.Value) (bool, error) {
		switch b := base.(type) {
		case *Class:
			if cc, ok := c.(*Class); ok {
				return cc.isSubclass(b), nil
			}
			return b == objectClass, nil
		case *pyType:
			if ct, ok := c.(*pyType); ok {
				return ct.name == b.name || b.name == "int" && ct.name == "bool", nil
			}
			return false, nil
		case starlark.Tuple:
			for _, x := range b {
				if ok, err := sub(x); ok || err != nil {
					return ok, err
				}
			}
			return false, nil
		}
		return false, pyErrorf("TypeError", "issubclass() arg 2 must be a class, a tuple of classes, or a union")
	}
	switch c.(type) {
	case *Class, *pyType:
	default:
		return nil, pyErrorf("TypeError", "issubclass() arg 1 must be a class")
	}
	ok, err := sub(base)
	return starlark.Bool(ok), err
}

func builtinStaticmethod(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	f, err := oneArg("staticmethod", args, kwargs)
	if err != nil {
		return nil, err
	}
	return &staticMethod{fn: f}, nil
}

func builtinClassmethod(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	f, err := oneArg("classmethod", args, kwargs)
	if err != nil {
		return nil, err
	}
	return &classMethod{fn: f}, nil
}

func builtinProperty(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fget, fset, fdel, doc starlark.Value
	if err := starlark.UnpackArgs("property", args, kwargs, "fget?", &fget, "fset?", &fset, "fdel?", &fdel, "doc?", &doc); err != nil {
		return nil, err
	}
	none := func(v starlark.Value) starlark.Value {
		if v == starlark.None {
			return nil
		}
		return v
	}
	return &property{fget: none(fget), fset: none(fset), fdel: none(fdel)}, nil
}

// builtinSuper is super(cls, obj), the two-argument form; a bare super()
// in a method is lowered to $super with the class cell.
func builtinSuper(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, pyErrorf("RuntimeError", "super(): no arguments")
	}
	if len(args) != 2 {
		return nil, pyErrorf("TypeError", "super() takes 2 arguments in this shell (%d given)", len(args))
	}
	return makeSuper(args[0], args[1])
}

func makeSuper(cls, self starlark.Value) (starlark.Value, error) {
	c, ok := cls.(*Class)
	if !ok {
		return nil, pyErrorf("TypeError", "super() argument 1 must be a type, not %s", pyTypeName(cls))
	}
	switch s := self.(type) {
	case *Instance:
		if !s.cls.isSubclass(c) {
			return nil, pyErrorf("TypeError", "super(type, obj): obj must be an instance or subtype of type")
		}
	case *Class:
		if !s.isSubclass(c) {
			return nil, pyErrorf("TypeError", "super(type, obj): obj must be an instance or subtype of type")
		}
	default:
		return nil, pyErrorf("TypeError", "super(type, obj): obj must be an instance or subtype of type")
	}
	return &superObject{cls: c, self: self}, nil
}

// helperSuper is super() in a method: $super(classcell, self).
func helperSuper(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	cell, self := args[0], args[1]
	// CPython looks for the first argument before the class cell.
	if self == starlark.None {
		return nil, pyErrorf("RuntimeError", "super(): no arguments")
	}
	if cell == starlark.None {
		return nil, pyErrorf("RuntimeError", "super(): __class__ cell not found")
	}
	cls, _ := cell.(*classCellValue)
	if cls == nil || cls.cls == nil {
		return nil, pyErrorf("RuntimeError", "super(): empty __class__ cell")
	}
	return makeSuper(cls.cls, self)
}

// getAttr is getattr(x, name) with Python's attributes of every value:
// dunder names that Starlark values lack are answered here.
func getAttr(x starlark.Value, name string) (starlark.Value, error) {
	if name == "__class__" {
		return classOf(x), nil
	}
	if h, ok := x.(starlark.HasAttrs); ok {
		v, err := h.Attr(name)
		if err != nil {
			return nil, asPyError(err)
		}
		if v != nil {
			return v, nil
		}
	}
	if isPyInt(x) {
		if m, ok := intMethods[name]; ok {
			return &BoundMethod{fn: m, self: x}, nil
		}
	}
	switch name {
	case "__name__", "__qualname__":
		if f, ok := x.(starlark.Callable); ok {
			if name == "__name__" {
				return starlark.String(pyFuncName(f.Name())), nil
			}
			return starlark.String(pyQualName(f.Name())), nil
		}
	case "__doc__":
		if f, ok := x.(*starlark.Function); ok {
			if f.Doc() == "" {
				return starlark.None, nil // no docstring
			}
			return starlark.String(f.Doc()), nil
		}
		return starlark.None, nil
	case "__module__":
		if _, ok := x.(*starlark.Function); ok {
			return starlark.String("__main__"), nil
		}
	}
	return nil, pyErrorf("AttributeError", "'%s' object has no attribute '%s'", pyTypeName(x), name)
}

// intMethods are the methods of int that socket programs use; the
// lowering routes their names through $getattr, since Starlark's ints
// have no attributes.
var intMethods = map[string]*starlark.Builtin{
	"to_bytes":   starlark.NewBuiltin("to_bytes", intToBytes),
	"bit_length": starlark.NewBuiltin("bit_length", intBitLength),
}

func intBitLength(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 || len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "int.bit_length() takes no arguments (%d given)", len(args)-1)
	}
	n, ok := bigOf(args[0])
	if !ok {
		return nil, pyErrorf("TypeError", "descriptor 'bit_length' for 'int' objects doesn't apply to a '%s' object", pyTypeName(args[0]))
	}
	return starlark.MakeInt(new(big.Int).Abs(n).BitLen()), nil
}

// builtinHash is hash(x): an int hashes to itself, as in CPython; other
// values to a number that is stable within the session.
func builtinHash(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("hash", args, kwargs)
	if err != nil {
		return nil, err
	}
	if isPyInt(v) {
		n, _ := bigOf(v)
		return starlark.MakeInt64(intHash(n)), nil
	}
	if f, ok := v.(starlark.Float); ok && !math.IsNaN(float64(f)) {
		return starlark.MakeInt64(floatHash(float64(f))), nil
	}
	if inst, ok := v.(*Instance); ok {
		h, err := inst.pyHash()
		if err != nil {
			return nil, err
		}
		return starlark.MakeInt64(h), nil
	}
	h, err := v.Hash()
	if err != nil {
		if pe, ok := err.(*PyError); ok {
			return nil, pe // a type's own reason (a writable memoryview)
		}
		return nil, pyErrorf("TypeError", "unhashable type: '%s'", pyTypeName(v))
	}
	return starlark.MakeInt64(int64(int32(h))), nil
}

// classOf is type(x): a class for instances, a built-in type otherwise.
func classOf(x starlark.Value) starlark.Value {
	switch v := x.(type) {
	case *Instance:
		return v.cls
	case *namedTuple:
		return v.cls
	}
	return typeOf(x)
}

func helperGetAttr(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	return getAttr(args[0], string(args[1].(starlark.String)))
}

func builtinGetattr(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) < 2 || len(args) > 3 || len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "getattr expected 2 or 3 arguments, got %d", len(args))
	}
	name, ok := args[1].(starlark.String)
	if !ok {
		return nil, pyErrorf("TypeError", "attribute name must be string, not '%s'", pyTypeName(args[1]))
	}
	v, err := getAttr(args[0], string(name))
	if err != nil && len(args) == 3 && asPyError(err).Class == "AttributeError" {
		return args[2], nil
	}
	return v, err
}

func builtinHasattr(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 || len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "hasattr expected 2 arguments, got %d", len(args))
	}
	name, ok := args[1].(starlark.String)
	if !ok {
		return nil, pyErrorf("TypeError", "attribute name must be string, not '%s'", pyTypeName(args[1]))
	}
	_, err := getAttr(args[0], string(name))
	if err != nil {
		if asPyError(err).Class == "AttributeError" {
			return starlark.False, nil
		}
		return nil, err
	}
	return starlark.True, nil
}

func builtinSetattr(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 3 || len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "setattr expected 3 arguments, got %d", len(args))
	}
	name, ok := args[1].(starlark.String)
	if !ok {
		return nil, pyErrorf("TypeError", "attribute name must be string, not '%s'", pyTypeName(args[1]))
	}
	h, ok := args[0].(starlark.HasSetField)
	if !ok {
		return nil, pyErrorf("AttributeError", "'%s' object has no attribute '%s'", pyTypeName(args[0]), name)
	}
	if err := h.SetField(string(name), args[2]); err != nil {
		return nil, asPyError(err)
	}
	return starlark.None, nil
}

func builtinDelattr(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 2 || len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "delattr expected 2 arguments, got %d", len(args))
	}
	return helperDelAttr(nil, nil, args, nil)
}

// attrDeleter is a Go-implemented value whose attributes del removes.
type attrDeleter interface{ delAttr(name string) error }

func helperDelAttr(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	name := string(args[1].(starlark.String))
	if inst, ok := args[0].(*Instance); ok {
		return starlark.None, inst.delAttr(name)
	}
	if d, ok := args[0].(attrDeleter); ok {
		return starlark.None, d.delAttr(name)
	}
	if c, ok := args[0].(*Class); ok && c.interp != nil {
		if old, ok := c.dict[name]; ok {
			delete(c.dict, name)
			if isProperty(old) {
				propertyChanged()
			}
			return starlark.None, nil
		}
	}
	return nil, pyErrorf("AttributeError", "'%s' object has no attribute '%s'", pyTypeName(args[0]), name)
}

// richCompare is x OP y through the instances' comparison methods, with
// Python's fallbacks: identity for == and !=, TypeError for ordering.
func richCompare(thread *starlark.Thread, op string, x, y starlark.Value) (starlark.Value, error) {
	names := map[string][2]string{
		"==": {"__eq__", "__eq__"}, "!=": {"__ne__", "__ne__"},
		"<": {"__lt__", "__gt__"}, "<=": {"__le__", "__ge__"},
		">": {"__gt__", "__lt__"}, ">=": {"__ge__", "__le__"},
	}[op]
	try := func(v, other starlark.Value, name string) (starlark.Value, bool, error) {
		inst, ok := v.(*Instance)
		if !ok {
			return nil, false, nil
		}
		m, ok := inst.method(name)
		if !ok {
			return nil, false, nil
		}
		if err := checkRecursion(thread, " in comparison"); err != nil {
			return nil, true, err
		}
		r, err := starlark.Call(thread, m, starlark.Tuple{other}, nil)
		if err != nil {
			return nil, true, err
		}
		if r == notImplemented {
			return nil, false, nil
		}
		return r, true, nil
	}
	if r, ok, err := try(x, y, names[0]); ok {
		return r, err
	}
	if r, ok, err := try(y, x, names[1]); ok {
		return r, err
	}
	switch op {
	case "==":
		return starlark.Bool(x == y), nil
	case "!=":
		if r, ok, err := try(x, y, "__eq__"); ok {
			if err != nil {
				return nil, err
			}
			return !r.Truth(), nil
		}
		return starlark.Bool(x != y), nil
	}
	return nil, pyErrorf("TypeError", "'%s' not supported between instances of '%s' and '%s'", op, pyTypeName(x), pyTypeName(y))
}

// iterInstance is iter(obj) for an instance: __iter__, or the old
// __getitem__ protocol.
func iterInstance(thread *starlark.Thread, inst *Instance) (starlark.Iterable, error) {
	if m, ok := inst.method("__iter__"); ok {
		it, err := starlark.Call(thread, m, nil, nil)
		if err != nil {
			return nil, err
		}
		return asIterator(thread, it)
	}
	if m, ok := inst.method("__getitem__"); ok {
		return &getitemIter{thread: thread, get: m}, nil
	}
	return nil, pyErrorf("TypeError", "'%s' object is not iterable", inst.cls.name)
}

// asIterator turns what __iter__ returned into something Starlark can
// loop over: a Starlark iterable, or an object with __next__.
func asIterator(thread *starlark.Thread, it starlark.Value) (starlark.Iterable, error) {
	switch v := it.(type) {
	case *Instance:
		if m, ok := v.method("__next__"); ok {
			return &nextIter{thread: thread, next: m}, nil
		}
		return nil, pyErrorf("TypeError", "iter() returned non-iterator of type '%s'", v.cls.name)
	case starlark.Iterable:
		return v, nil
	}
	return nil, pyErrorf("TypeError", "iter() returned non-iterator of type '%s'", pyTypeName(it))
}

// nextIter iterates by calling __next__ until StopIteration. An error
// other than StopIteration stops the loop and is raised where it ran
// (failIteration).
type nextIter struct {
	thread *starlark.Thread
	next   starlark.Value
}

func (n *nextIter) String() string        { return "<iterator>" }
func (n *nextIter) Type() string          { return "iterator" }
func (n *nextIter) Freeze()               {}
func (n *nextIter) Truth() starlark.Bool  { return true }
func (n *nextIter) Hash() (uint32, error) { return 0, nil }
func (n *nextIter) Iterate() starlark.Iterator {
	return &funcIterator{thread: n.thread, step: func() (starlark.Value, bool, error) {
		v, err := starlark.Call(n.thread, n.next, nil, nil)
		if err != nil {
			if pe := asPyError(err); pe.Class == "StopIteration" {
				return nil, false, nil
			}
			return nil, false, err
		}
		return v, true, nil
	}}
}

// getitemIter iterates x[0], x[1]... until IndexError.
type getitemIter struct {
	thread *starlark.Thread
	get    starlark.Value
}

func (g *getitemIter) String() string        { return "<iterator>" }
func (g *getitemIter) Type() string          { return "iterator" }
func (g *getitemIter) Freeze()               {}
func (g *getitemIter) Truth() starlark.Bool  { return true }
func (g *getitemIter) Hash() (uint32, error) { return 0, nil }
func (g *getitemIter) Iterate() starlark.Iterator {
	i := 0
	return &funcIterator{thread: g.thread, step: func() (starlark.Value, bool, error) {
		v, err := starlark.Call(g.thread, g.get, starlark.Tuple{starlark.MakeInt(i)}, nil)
		i++
		if err != nil {
			if pe := asPyError(err); pe.Class == "IndexError" || pe.Class == "StopIteration" {
				return nil, false, nil
			}
			return nil, false, err
		}
		return v, true, nil
	}}
}

// funcIterator is a Starlark iterator over a step function. Starlark's
// iterators cannot fail, so an error is handed to failIteration, which
// makes the loop's thread raise it at its next step.
type funcIterator struct {
	thread *starlark.Thread
	step   func() (starlark.Value, bool, error)
	done   bool
}

func (f *funcIterator) Next(p *starlark.Value) bool {
	if f.done {
		return false
	}
	v, ok, err := f.step()
	if err != nil {
		failIteration(f.thread, err)
	}
	if !ok || err != nil {
		f.done = true
		return false
	}
	*p = v
	return true
}

func (f *funcIterator) Done() {}

// errIterator is an iterator whose creation failed.
type errIterator struct{ err error }

func (e *errIterator) Next(*starlark.Value) bool { return false }
func (e *errIterator) Done()                     {}

// failIteration raises err in thread, whose Starlark loop just ended
// because the iterator failed: the thread is cancelled with a reason that
// names the stored error, and the error conversion puts it back.
func failIteration(thread *starlark.Thread, err error) {
	in := interpOf(thread)
	if in == nil {
		return
	}
	in.mu.Lock()
	in.iterErr = err
	in.mu.Unlock()
	thread.Cancel(iterFailed)
}

// iterFailed is the cancellation reason failIteration uses.
const iterFailed = "sockrepl: iteration failed"

// resolveIter returns the error a failed iterator stored, when err is
// the cancellation that failIteration caused, and remembers the pair:
// the cancellation holds the loop's frames, the stored error the rest.
// changed says whether it returned the stored error (errors of some
// types, resolve.ErrorList, cannot be compared with ==).
func (in *Interp) resolveIter(thread *starlark.Thread, err error) (error, bool) {
	var ee *starlark.EvalError
	if !errors.As(err, &ee) || !strings.HasSuffix(ee.Error(), iterFailed) {
		return err, false
	}
	in.mu.Lock()
	stored, known := in.iterFailures[ee]
	in.mu.Unlock()
	if known {
		return stored, true
	}
	stored = takeIterErr(thread)
	if stored == nil {
		return err, false
	}
	in.mu.Lock()
	if in.iterFailures == nil {
		in.iterFailures = map[*starlark.EvalError]error{}
	}
	in.iterFailures[ee] = stored
	in.mu.Unlock()
	return stored, true
}

// sliceValue is a slice object: x[a:b] seen by __getitem__, and
// del x[a:b].
type sliceValue struct{ start, stop, step starlark.Value }

func (s *sliceValue) String() string {
	return fmt.Sprintf("slice(%s, %s, %s)", Repr(orNone(s.start)), Repr(orNone(s.stop)), Repr(orNone(s.step)))
}
func (s *sliceValue) Repr() string         { return s.String() }
func (s *sliceValue) Type() string         { return "slice" }
func (s *sliceValue) Freeze()              {}
func (s *sliceValue) Truth() starlark.Bool { return true }
func (s *sliceValue) Hash() (uint32, error) {
	return 0, pyErrorf("TypeError", "unhashable type: 'slice'")
}
func (s *sliceValue) Attr(name string) (starlark.Value, error) {
	switch name {
	case "start":
		return orNone(s.start), nil
	case "stop":
		return orNone(s.stop), nil
	case "step":
		return orNone(s.step), nil
	}
	return nil, pyErrorf("AttributeError", "'slice' object has no attribute '%s'", name)
}
func (s *sliceValue) AttrNames() []string { return []string{"start", "step", "stop"} }

// classCellValue is a class body's __class__ cell: $class fills it once
// the class exists, and super() in the methods reads it.
type classCellValue struct{ cls *Class }

func (c *classCellValue) String() string        { return "<cell>" }
func (c *classCellValue) Type() string          { return "cell" }
func (c *classCellValue) Freeze()               {}
func (c *classCellValue) Truth() starlark.Bool  { return true }
func (c *classCellValue) Hash() (uint32, error) { return 0, nil }

// CPython hashes numbers by their value modulo the prime 2**61 - 1, so
// that equal ints and floats hash alike (sys.hash_info); -1 becomes -2.
const hashModulus = 1<<61 - 1

func intHash(n *big.Int) int64 {
	h := new(big.Int).Mod(new(big.Int).Abs(n), big.NewInt(hashModulus)).Int64()
	if n.Sign() < 0 {
		h = -h
	}
	if h == -1 {
		h = -2
	}
	return h
}

// floatHash is the same reduction for a finite float, done on its
// mantissa 28 bits at a time, and +-314159 for the infinities.
func floatHash(v float64) int64 {
	if math.IsInf(v, 0) {
		if v > 0 {
			return 314159
		}
		return -314159
	}
	m, e := math.Frexp(v)
	sign := int64(1)
	if m < 0 {
		sign, m = -1, -m
	}
	var x uint64
	for m != 0 {
		x = (x<<28)&hashModulus | x>>(61-28)
		m *= 1 << 28
		e -= 28
		y := uint64(m)
		m -= float64(y)
		x += y
		if x >= hashModulus {
			x -= hashModulus
		}
	}
	if e >= 0 {
		e %= 61
	} else {
		e = 61 - 1 - (-1-e)%61
	}
	x = (x<<uint(e))&hashModulus | x>>(61-uint(e))
	h := int64(x) * sign
	if h == -1 {
		h = -2
	}
	return h
}
