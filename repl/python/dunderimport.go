package python

import (
	"go.starlark.net/starlark"
)

// builtinDunderImport is __import__(name, globals, locals, fromlist,
// level): the import statement as a function, which older programs and
// plugin loaders call. As in CPython it returns the top-level package of
// a dotted name unless fromlist is given.
func builtinDunderImport(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name, globals, locals, fromlist starlark.Value = nil, starlark.None, starlark.None, starlark.Tuple{}
	level := 0
	if err := starlark.UnpackArgs("__import__", args, kwargs, "name", &name, "globals?", &globals, "locals?", &locals, "fromlist?", &fromlist, "level?", &level); err != nil {
		return nil, err
	}
	s, ok := name.(starlark.String)
	switch {
	case !ok:
		return nil, pyErrorf("TypeError", "module name must be a string")
	case level < 0:
		return nil, pyErrorf("ValueError", "level must be >= 0")
	case level > 0:
		return nil, pyErrorf("ImportError", "attempted relative import with no known parent package")
	case s == "":
		return nil, pyErrorf("ValueError", "Empty module name")
	}
	in := interpOf(thread)
	if in == nil {
		return nil, noModule(string(s))
	}
	return in.helperImport(thread, nil, starlark.Tuple{s, !fromlist.Truth()}, nil)
}
