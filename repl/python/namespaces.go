package python

import (
	"go.starlark.net/starlark"
)

// dir(), globals(), vars() and locals() with no argument read the
// caller's namespace. At module level the lowering passes the module's
// store: $ns(dir, $G); globals() is lowered so in every scope. Inside a
// function the others have no view of the function's locals (they are
// Starlark locals), and say so.

var (
	builtinDir     = starlark.NewBuiltin("dir", namespaceBuiltin)
	builtinGlobals = starlark.NewBuiltin("globals", namespaceBuiltin)
	builtinVars    = starlark.NewBuiltin("vars", namespaceBuiltin)
	builtinLocals  = starlark.NewBuiltin("locals", namespaceBuiltin)
)

// namespaceBuiltin is one of the four called directly: with an argument
// (dir(x), vars(x)) or, with none, where the lowering did not see the call
// (a function's body, or the builtin called under another name).
func namespaceBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	name := b.Name()
	if len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "%s() takes no keyword arguments", name)
	}
	switch {
	case len(args) > 1 || len(args) == 1 && (name == "globals" || name == "locals"):
		if name == "globals" || name == "locals" {
			return nil, pyErrorf("TypeError", "%s() takes no arguments (%d given)", name, len(args))
		}
		return nil, pyErrorf("TypeError", "%s expected at most 1 argument, got %d", name, len(args))
	case len(args) == 1 && name == "dir":
		return starlark.Call(thread, starlark.Universe["dir"], args, nil)
	case len(args) == 1:
		d, err := getAttr(args[0], "__dict__")
		if err != nil {
			return nil, pyErrorf("TypeError", "vars() argument must have __dict__ attribute")
		}
		return d, nil
	}
	if name == "globals" {
		if in := interpOf(thread); in != nil {
			return namespaceOf(name, globalStore{in: in})
		}
	}
	return nil, pyErrorf("NotImplementedError", "%s() inside a function cannot see the function's local variables in sockrepl; name them instead (print(a, b))", name)
}

// helperNamespace is $ns(f, $G): f() at module level, where f is
// normally one of the four builtins.
func helperNamespace(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	b, ok := args[0].(*starlark.Builtin)
	if !ok || b != builtinDir && b != builtinGlobals && b != builtinVars && b != builtinLocals {
		return starlark.Call(thread, args[0], nil, nil)
	}
	return namespaceOf(b.Name(), args[1].(globalStore))
}

// namespaceOf is dir() (the sorted names) or globals(), vars() and
// locals() (a dict of the names and values) of a module's namespace.
// CPython's dict is the namespace itself; this one is a copy, so
// assigning to it does not bind a global.
func namespaceOf(name string, g globalStore) (starlark.Value, error) {
	ns := g.dict()
	if name == "dir" {
		names := ns.SortedNames()
		l := make([]starlark.Value, len(names))
		for i, k := range names {
			l[i] = starlark.String(k)
		}
		return starlark.NewList(l), nil
	}
	// In the order the names were first bound, as CPython's dict keeps.
	names := ns.Names()
	d := starlark.NewDict(len(names))
	for _, k := range names {
		v, _ := ns.Get(k)
		if err := d.SetKey(starlark.String(k), v); err != nil {
			return nil, err
		}
	}
	return d, nil
}
