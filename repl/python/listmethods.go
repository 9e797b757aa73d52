package python

import (
	_ "unsafe" // for go:linkname

	"go.starlark.net/starlark"
)

// Starlark's list and dict methods behave as Python's but word their
// failures differently; these wrappers keep the behaviour and reword the
// errors ("5 is not in list", "pop from empty list", KeyError: 1).

//go:linkname starlarkListMethods go.starlark.net/starlark.listMethods
var starlarkListMethods map[string]*starlark.Builtin

//go:linkname starlarkDictMethods go.starlark.net/starlark.dictMethods
var starlarkDictMethods map[string]*starlark.Builtin

func patchListMethods() {
	rewordMethod(starlarkListMethods, "index", func(recv starlark.Value, args starlark.Tuple, err error) error {
		if len(args) > 0 {
			return pyErrorf("ValueError", "%s is not in list", Repr(args[0]))
		}
		return err
	})
	rewordMethod(starlarkListMethods, "remove", func(recv starlark.Value, args starlark.Tuple, err error) error {
		return pyErrorf("ValueError", "list.remove(x): x not in list")
	})
	rewordMethod(starlarkListMethods, "pop", func(recv starlark.Value, args starlark.Tuple, err error) error {
		if starlark.Len(recv) == 0 {
			return pyErrorf("IndexError", "pop from empty list")
		}
		return pyErrorf("IndexError", "pop index out of range")
	})
	rewordMethod(starlarkDictMethods, "pop", func(recv starlark.Value, args starlark.Tuple, err error) error {
		if len(args) == 1 {
			return &PyError{Class: "KeyError", Msg: Repr(args[0])}
		}
		return err
	})
	rewordMethod(starlarkDictMethods, "popitem", func(recv starlark.Value, args starlark.Tuple, err error) error {
		return &PyError{Class: "KeyError", Msg: "'popitem(): dictionary is empty'"}
	})
}

// rewordMethod replaces methods[name] with a wrapper that calls the
// original and passes any error through reword. Argument-count errors
// are left to the usual translation.
func rewordMethod(methods map[string]*starlark.Builtin, name string, reword func(recv starlark.Value, args starlark.Tuple, err error) error) {
	orig := methods[name]
	methods[name] = starlark.NewBuiltin(name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		v, err := starlark.Call(thread, orig.BindReceiver(b.Receiver()), args, kwargs)
		if err == nil {
			return v, nil
		}
		if pe := asPyError(err); pe.Class == "TypeError" || pe.Class == "KeyboardInterrupt" {
			return nil, pe
		}
		return nil, reword(b.Receiver(), args, err)
	})
}
