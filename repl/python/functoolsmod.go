package python

import (
	"fmt"
	"strings"

	"go.starlark.net/starlark"
)

// The functools module: wraps (the logging and timing decorators of
// tutorials), partial, reduce, and lru_cache and cache (lrucache.go). A
// function made by a def cannot take attributes in this shell, so wraps
// returns the wrapper as an attrFunction: the same function, carrying the
// wrapped one's __name__, __doc__ and __wrapped__ and any attribute set on
// it, and bound as a method like any function.

func newFunctoolsModule(*Interp) starlark.Value {
	return table{name: "functools", doc: "Tools for functions: wraps for decorators, partial to fix some arguments, reduce to fold an iterable.", rows: []row{
		{name: "wraps", fn: functoolsWraps, sig: "functools.wraps(wrapped)", doc: "A decorator for a wrapper function: it takes the wrapped function's __name__, __qualname__, __doc__, __module__ and __dict__, and __wrapped__ names it."},
		{name: "update_wrapper", fn: functoolsUpdateWrapper, sig: "functools.update_wrapper(wrapper, wrapped)", doc: "What wraps does, called directly: returns the wrapper carrying wrapped's names."},
		{name: "partial", value: partialType, sig: "functools.partial(func, *args, **keywords)", doc: "A callable that calls func with args and keywords first, then those it is given."},
		{name: "lru_cache", fn: functoolsLRUCache, sig: "functools.lru_cache(maxsize=128, typed=False)", doc: "Decorator: remember the results by the arguments, dropping the least recently used past maxsize (None: no limit); cache_info(), cache_clear()."},
		{name: "cache", fn: functoolsCache, sig: "functools.cache(func)", doc: "lru_cache(maxsize=None)."},
		{name: "reduce", fn: functoolsReduce, sig: "functools.reduce(function, iterable[, initial])", doc: "Fold the iterable from the left: reduce(f, [a, b, c]) is f(f(a, b), c)."},
	}}.module()
}

// wrapperAssignments are the attributes wraps copies, as CPython's
// WRAPPER_ASSIGNMENTS.
var wrapperAssignments = []string{"__module__", "__name__", "__qualname__", "__doc__"}

func functoolsWraps(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var wrapped, assigned, updated starlark.Value
	if err := starlark.UnpackArgs("wraps", args, kwargs, "wrapped", &wrapped, "assigned?", &assigned, "updated?", &updated); err != nil {
		return nil, err
	}
	return starlark.NewBuiltin("decorator", func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) != 1 || len(kwargs) > 0 {
			return nil, pyErrorf("TypeError", "update_wrapper() missing 1 required positional argument: 'wrapper'")
		}
		return updateWrapper(args[0], wrapped)
	}), nil
}

func functoolsUpdateWrapper(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var wrapper, wrapped, assigned, updated starlark.Value
	if err := starlark.UnpackArgs("update_wrapper", args, kwargs, "wrapper", &wrapper, "wrapped", &wrapped, "assigned?", &assigned, "updated?", &updated); err != nil {
		return nil, err
	}
	return updateWrapper(wrapper, wrapped)
}

// updateWrapper gives wrapper the names of wrapped; a wrapper that is
// not a function takes them as attributes, if it can.
func updateWrapper(wrapper, wrapped starlark.Value) (starlark.Value, error) {
	var f *attrFunction
	switch w := wrapper.(type) {
	case *attrFunction:
		f = w
	case *starlark.Function:
		f = &attrFunction{fn: w, attrs: starlark.NewDict(4)}
	default:
		h, ok := wrapper.(starlark.HasSetField)
		if !ok {
			return nil, pyErrorf("AttributeError", "'%s' object has no attribute '__wrapped__'", pyTypeName(wrapper))
		}
		for _, name := range wrapperAssignments {
			if v, err := getAttr(wrapped, name); err == nil {
				if err := h.SetField(name, v); err != nil {
					return nil, err
				}
			}
		}
		return wrapper, h.SetField("__wrapped__", wrapped)
	}
	for _, name := range wrapperAssignments {
		if v, err := getAttr(wrapped, name); err == nil {
			f.attrs.SetKey(starlark.String(name), v)
		}
	}
	if src, ok := wrapped.(*attrFunction); ok {
		for _, kv := range src.attrs.Items() {
			if k := string(kv[0].(starlark.String)); !strings.HasPrefix(k, "__") {
				f.attrs.SetKey(kv[0], kv[1])
			}
		}
	}
	f.attrs.SetKey(starlark.String("__wrapped__"), wrapped)
	return f, nil
}

// attrFunction is a function that carries attributes: what wraps returns.
type attrFunction struct {
	fn    *starlark.Function
	attrs *starlark.Dict
}

var (
	_ starlark.Callable    = (*attrFunction)(nil)
	_ starlark.HasAttrs    = (*attrFunction)(nil)
	_ starlark.HasSetField = (*attrFunction)(nil)
)

func (f *attrFunction) attr(name string) (starlark.Value, bool) {
	v, found, _ := f.attrs.Get(starlark.String(name))
	return v, found
}

// Name is the function's own name: a traceback's frames and error
// messages about its arguments speak of the def, as in CPython.
func (f *attrFunction) Name() string { return f.fn.Name() }
func (f *attrFunction) String() string {
	name := pyQualName(f.fn.Name())
	if v, ok := f.attr("__qualname__"); ok {
		name = pyStr(v)
	}
	return fmt.Sprintf("<function %s at %#x>", name, addressOf(f.fn))
}
func (f *attrFunction) Repr() string          { return f.String() }
func (f *attrFunction) Type() string          { return "function" }
func (f *attrFunction) Freeze()               {}
func (f *attrFunction) Truth() starlark.Bool  { return true }
func (f *attrFunction) Hash() (uint32, error) { return f.fn.Hash() }
func (f *attrFunction) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return starlark.Call(thread, f.fn, args, kwargs)
}

func (f *attrFunction) Attr(name string) (starlark.Value, error) {
	if v, ok := f.attr(name); ok {
		return v, nil
	}
	if name == "__dict__" {
		d := starlark.NewDict(f.attrs.Len())
		for _, kv := range f.attrs.Items() {
			if k := string(kv[0].(starlark.String)); !strings.HasPrefix(k, "__") || k == "__wrapped__" {
				d.SetKey(kv[0], kv[1])
			}
		}
		return d, nil
	}
	return getAttr(f.fn, name)
}

func (f *attrFunction) AttrNames() []string {
	var out []string
	for _, k := range f.attrs.Keys() {
		out = append(out, string(k.(starlark.String)))
	}
	return out
}

func (f *attrFunction) SetField(name string, v starlark.Value) error {
	return f.attrs.SetKey(starlark.String(name), v)
}

func functoolsReduce(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "reduce() takes no keyword arguments")
	}
	if len(args) < 2 || len(args) > 3 {
		return nil, pyErrorf("TypeError", "reduce expected at least 2 arguments, got %d", len(args))
	}
	items, err := collect(thread, args[1])
	if err != nil {
		if e := asPyError(err); e.Class == "TypeError" && strings.Contains(e.Msg, "not iterable") {
			return nil, pyErrorf("TypeError", "reduce() arg 2 must support iteration")
		}
		return nil, err
	}
	var acc starlark.Value
	if len(args) == 3 {
		acc = args[2]
	} else if len(items) == 0 {
		return nil, pyErrorf("TypeError", "reduce() of empty iterable with no initial value")
	} else {
		acc, items = items[0], items[1:]
	}
	for _, v := range items {
		if acc, err = starlark.Call(thread, args[0], starlark.Tuple{acc, v}, nil); err != nil {
			return nil, err
		}
	}
	return acc, nil
}

// partialType is functools.partial: calling it makes a partial object.
var partialType = &pyType{name: "functools.partial", call: func(_ *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, pyErrorf("TypeError", "type 'partial' takes at least one argument")
	}
	if _, ok := args[0].(starlark.Callable); !ok {
		return nil, pyErrorf("TypeError", "the first argument must be callable")
	}
	p := &partialObject{fn: args[0], args: append(starlark.Tuple{}, args[1:]...), kwargs: starlark.NewDict(len(kwargs))}
	if inner, ok := args[0].(*partialObject); ok {
		// partial(partial(f, a), b) is partial(f, a, b), as in CPython.
		p.fn = inner.fn
		p.args = append(append(starlark.Tuple{}, inner.args...), p.args...)
		for _, kv := range inner.kwargs.Items() {
			p.kwargs.SetKey(kv[0], kv[1])
		}
	}
	for _, kv := range kwargs {
		p.kwargs.SetKey(kv[0], kv[1])
	}
	return p, nil
}}

// partialObject is a callable with some arguments fixed.
type partialObject struct {
	fn     starlark.Value
	args   starlark.Tuple
	kwargs *starlark.Dict
}

var (
	_ starlark.Callable = (*partialObject)(nil)
	_ starlark.HasAttrs = (*partialObject)(nil)
)

func (p *partialObject) Name() string { return "partial" }
func (p *partialObject) String() string {
	parts := []string{Repr(p.fn)}
	for _, a := range p.args {
		parts = append(parts, Repr(a))
	}
	for _, kv := range p.kwargs.Items() {
		parts = append(parts, pyStr(kv[0])+"="+Repr(kv[1]))
	}
	return "functools.partial(" + strings.Join(parts, ", ") + ")"
}
func (p *partialObject) Repr() string          { return p.String() }
func (p *partialObject) Type() string          { return "functools.partial" }
func (p *partialObject) Freeze()               {}
func (p *partialObject) Truth() starlark.Bool  { return true }
func (p *partialObject) Hash() (uint32, error) { return uint32(addressOf(p)), nil }
func (p *partialObject) AttrNames() []string   { return []string{"args", "func", "keywords"} }
func (p *partialObject) Attr(name string) (starlark.Value, error) {
	switch name {
	case "func":
		return p.fn, nil
	case "args":
		return p.args, nil
	case "keywords":
		return p.kwargs, nil
	}
	return nil, pyErrorf("AttributeError", "'functools.partial' object has no attribute '%s'", name)
}

func (p *partialObject) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	all := append(append(starlark.Tuple{}, p.args...), args...)
	kw := make([]starlark.Tuple, 0, p.kwargs.Len()+len(kwargs))
	for _, kv := range p.kwargs.Items() {
		overridden := false
		for _, given := range kwargs {
			if given[0] == kv[0] {
				overridden = true
			}
		}
		if !overridden {
			kw = append(kw, kv)
		}
	}
	return starlark.Call(thread, p.fn, all, append(kw, kwargs...))
}
