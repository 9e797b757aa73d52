package python

import (
	"go.starlark.net/starlark"
)

// Iteration as Python does it: str by character, bytes by int,
// instances through __iter__/__next__, generators by resuming them.

// pyIterable is what a for loop over x iterates.
func pyIterable(thread *starlark.Thread, x starlark.Value) (starlark.Iterable, error) {
	switch v := x.(type) {
	case *Instance:
		return iterInstance(thread, v)
	case pyIterator:
		return threadIter{v, thread}, nil
	case starlark.String, starlark.Bytes:
		return asIterable(v).(starlark.Iterable), nil
	case starlark.Iterable:
		return v, nil
	}
	return nil, pyErrorf("TypeError", "'%s' object is not iterable", pyTypeName(x))
}

// builtinIter is $iter(x), the iterable of a for statement.
func builtinIter(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	it, err := pyIterable(thread, args[0])
	if err != nil {
		return nil, err
	}
	return it, nil
}

// builtinUnpack is $unpack(x, n), the right-hand side of a, b = x: str,
// bytes and instances are turned into a tuple first, other values are
// left for Starlark's own unpacking, which checks the count.
func builtinUnpack(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	switch v := args[0].(type) {
	case starlark.Tuple, *starlark.List:
		return v, nil
	case *Instance, *Generator, *listIterator, pyIterator:
		items, err := collect(thread, v)
		if err != nil {
			return nil, err
		}
		return starlark.Tuple(items), nil
	}
	return asIterable(args[0]), nil
}

// builtinIterFn is iter(x).
func builtinIterFn(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	v, err := oneArg("iter", args, kwargs)
	if err != nil {
		return nil, err
	}
	switch x := v.(type) {
	case *Generator, *listIterator, pyIterator:
		// A closed file refuses iter() itself, as IOBase.__iter__ does.
		if c, ok := x.(interface{ checkIter() error }); ok {
			if err := c.checkIter(); err != nil {
				return nil, err
			}
		}
		return x, nil
	case *starlark.List:
		return &listIterator{list: x}, nil
	}
	it, err := pyIterable(thread, v)
	if err != nil {
		return nil, err
	}
	if inst, ok := it.(*Instance); ok {
		return inst, nil
	}
	items, err := collect(thread, it)
	if err != nil {
		return nil, err
	}
	return &listIterator{list: starlark.NewList(items), name: ""}, nil
}

// builtinNext is next(it[, default]).
func builtinNext(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) < 1 || len(args) > 2 || len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "next expected at least 1 argument, got %d", len(args))
	}
	v, err := nextOf(thread, args[0])
	if err != nil && len(args) == 2 {
		if pe := asPyError(err); pe.Class == "StopIteration" {
			return args[1], nil
		}
	}
	return v, err
}

func nextOf(thread *starlark.Thread, it starlark.Value) (starlark.Value, error) {
	switch x := it.(type) {
	case *Generator:
		return x.next(thread)
	case *listIterator:
		if v, ok := x.next(); ok {
			return v, nil
		}
		return nil, &PyError{Class: "StopIteration"}
	case *Instance:
		if m, ok := x.method("__next__"); ok {
			return starlark.Call(thread, m, nil, nil)
		}
	case pyIterator:
		v, ok, err := x.next(thread)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, &PyError{Class: "StopIteration"}
		}
		return v, nil
	}
	return nil, pyErrorf("TypeError", "'%s' object is not an iterator", pyTypeName(it))
}

// takeIterErr returns the error an iterator stored (failIteration) and
// clears the cancellation it made, for Go code that ran the loop itself.
func takeIterErr(thread *starlark.Thread) error {
	in := interpOf(thread)
	if in == nil {
		return nil
	}
	in.mu.Lock()
	err := in.iterErr
	in.iterErr = nil
	in.mu.Unlock()
	if err != nil {
		thread.Uncancel()
	}
	return err
}
