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
			return &PyError{Class: "KeyError", Msg: Repr(args[0]), Args: starlark.Tuple{args[0]}}
		}
		return err
	})
	rewordMethod(starlarkDictMethods, "popitem", func(recv starlark.Value, args starlark.Tuple, err error) error {
		return &PyError{Class: "KeyError", Msg: "'popitem(): dictionary is empty'"}
	})
	// Methods Python's list and dict have and Starlark's lack.
	starlarkListMethods["copy"] = starlark.NewBuiltin("copy", listCopy)
	starlarkListMethods["sort"] = starlark.NewBuiltin("sort", listSort)
	starlarkListMethods["reverse"] = starlark.NewBuiltin("reverse", listReverse)
	starlarkListMethods["count"] = starlark.NewBuiltin("count", listCount)
	starlarkDictMethods["copy"] = starlark.NewBuiltin("copy", dictCopy)
}

func listItems(l *starlark.List) []starlark.Value {
	out := make([]starlark.Value, l.Len())
	for i := range out {
		out[i] = l.Index(i)
	}
	return out
}

// replaceItems makes l hold items, in place (other names for l see it).
func replaceItems(l *starlark.List, items []starlark.Value) error {
	if err := l.Clear(); err != nil {
		return asPyError(err)
	}
	for _, v := range items {
		if err := l.Append(v); err != nil {
			return asPyError(err)
		}
	}
	return nil
}

func listCopy(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("copy", args, kwargs, 0); err != nil {
		return nil, err
	}
	return starlark.NewList(listItems(b.Receiver().(*starlark.List))), nil
}

func listReverse(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("reverse", args, kwargs, 0); err != nil {
		return nil, err
	}
	l := b.Receiver().(*starlark.List)
	items := listItems(l)
	for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
		items[i], items[j] = items[j], items[i]
	}
	return starlark.None, replaceItems(l, items)
}

func listCount(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs("count", args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	n := 0
	for _, x := range listItems(b.Receiver().(*starlark.List)) {
		if eq, err := pyEqual(v, x); err == nil && eq {
			n++
		}
	}
	return starlark.MakeInt(n), nil
}

// listSort is list.sort(key=None, reverse=False), through Python's
// sorted() so that the order and the errors are the same.
func listSort(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) > 0 {
		return nil, pyErrorf("TypeError", "sort() takes no positional arguments")
	}
	l := b.Receiver().(*starlark.List)
	sorted, err := starlark.Call(thread, starlark.Universe["sorted"], starlark.Tuple{starlark.NewList(listItems(l))}, kwargs)
	if err != nil {
		return nil, asPyError(err)
	}
	return starlark.None, replaceItems(l, listItems(sorted.(*starlark.List)))
}

func dictCopy(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackPositionalArgs("copy", args, kwargs, 0); err != nil {
		return nil, err
	}
	d := b.Receiver().(*starlark.Dict)
	out := starlark.NewDict(d.Len())
	for _, kv := range d.Items() {
		out.SetKey(kv[0], kv[1])
	}
	return out, nil
}

// rewordMethod replaces methods[name] with a wrapper that calls the
// original and passes any error through reword. Argument-count errors
// are left to the usual translation.
func rewordMethod(methods map[string]*starlark.Builtin, name string, reword func(recv starlark.Value, args starlark.Tuple, err error) error) {
	orig := methods[name]
	methods[name] = starlark.NewBorrowingBuiltin(name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		v, err := starlark.CallMethod(thread, orig, b.Receiver(), args, kwargs)
		if err == nil {
			return v, nil
		}
		if pe := asPyError(err); pe.Class == "TypeError" || pe.Class == "KeyboardInterrupt" {
			return nil, pe
		}
		return nil, reword(b.Receiver(), args, err)
	})
}
