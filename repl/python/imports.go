package python

import (
	"sort"
	"strings"

	"go.starlark.net/starlark"
)

// import statements: $import("a.b", top) returns module a.b (or a, for
// import a.b without as); $importfrom(m, "x") reads a name from it;
// $importstar("m") binds every public name of m.

func (in *Interp) helperImport(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	name := string(args[0].(starlark.String))
	top := bool(args[1].Truth())
	if strings.HasPrefix(name, ".") {
		return nil, pyErrorf("ImportError", "attempted relative import with no known parent package")
	}
	parts := strings.Split(name, ".")
	m, ok := in.module(parts[0])
	if !ok {
		var err error
		if m, ok, err = in.pythonModule(thread, parts[0]); err != nil {
			return nil, err
		}
	}
	if !ok {
		var err error
		if m, ok, err = in.userModule(thread, parts[0]); err != nil {
			return nil, err
		}
	}
	if !ok {
		return nil, noModule(parts[0])
	}
	leaf := m
	for i, p := range parts[1:] {
		sub, err := getAttr(leaf, p)
		if !isModule(sub) || err != nil {
			full := strings.Join(parts[:i+2], ".")
			if cpythonSubmodules[full] {
				return nil, noModule(full)
			}
			if i == 0 && cpythonPackages[parts[0]] {
				return nil, pyErrorf("ModuleNotFoundError", "No module named '%s'", full)
			}
			return nil, pyErrorf("ModuleNotFoundError", "No module named '%s'; '%s' is not a package", strings.Join(parts[:i+2], "."), strings.Join(parts[:i+1], "."))
		}
		leaf = sub
	}
	if top {
		return m, nil
	}
	return leaf, nil
}

// isModule reports whether v is a module (one import can bind).
func isModule(v starlark.Value) bool {
	switch v.(type) {
	case pyModule, *liveModule:
		return true
	}
	return false
}

// moduleNames lists every module an import can find.
func moduleNames() []string {
	names := []string{"os", "select", "socket", "struct", "time"}
	for n := range moduleMakers {
		names = append(names, n)
	}
	for n := range pythonModules {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func noModule(name string) error {
	pe := pyErrorf("ModuleNotFoundError", "No module named '%s'", name)
	if cpythonStdlib[name] || cpythonSubmodules[name] {
		pe.Msg += " in this shell: help('modules') lists the modules it has"
	}
	pe.Attrs = map[string]starlark.Value{"name": starlark.String(name)}
	return pe
}

func helperImportFrom(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	m, name := args[0], string(args[1].(starlark.String))
	v, err := getAttr(m, name)
	if err != nil {
		modName, where := "?", "unknown location"
		switch pm := m.(type) {
		case pyModule:
			modName = pm.Name
		case *liveModule:
			modName = pm.name
			if pm.file != "" {
				where = pm.file
			}
		}
		return nil, pyErrorf("ImportError", "cannot import name '%s' from '%s' (%s)", name, modName, where)
	}
	return v, nil
}

func (g globalStore) helperImportStar(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	m, err := g.in.helperImport(thread, nil, starlark.Tuple{args[0], starlark.False}, nil)
	if err != nil {
		return nil, err
	}
	h, ok := m.(starlark.HasAttrs)
	if !ok {
		return starlark.None, nil
	}
	names := h.AttrNames()
	sort.Strings(names)
	for _, n := range names {
		if strings.HasPrefix(n, "_") {
			continue
		}
		v, err := h.Attr(n)
		if err == nil && v != nil {
			g.dict().Set(n, v)
		}
	}
	return starlark.None, nil
}
