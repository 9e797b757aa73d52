package python

import (
	"os"
	"path/filepath"

	"go.starlark.net/starlark"
)

// A program's own modules: import libserver finds libserver.py in the
// program's directory (in the current directory for the shell and -c),
// as sys.path[0] makes python3 do, and runs it once as a module of its
// own (execModule). The built-in modules come first: a file named like
// one of them does not replace it, as it would in CPython. Packages
// (directories with __init__.py) are not looked for.

// moduleDir is where the program's own modules are looked for.
func (in *Interp) moduleDir() string {
	if len(in.opt.Argv) > 0 && in.opt.Argv[0] != "" && in.opt.Argv[0] != "-c" {
		return filepath.Dir(in.opt.Argv[0])
	}
	return "."
}

// userModule loads name.py from the module directory, if it is there.
func (in *Interp) userModule(thread *starlark.Thread, name string) (starlark.Value, bool, error) {
	if !isIdentifier(name) {
		return nil, false, nil
	}
	path := filepath.Join(in.moduleDir(), name+".py")
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() {
		return nil, false, nil
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, true, pyErrorf("ImportError", "cannot read %s: %s", path, OSErrorText(err))
	}
	m, err := in.execModule(thread, name, path, string(src))
	if lm, ok := m.(*liveModule); ok {
		lm.file = path
		lm.ns.Set("__file__", starlark.String(path))
	}
	return m, true, err
}

func isIdentifier(s string) bool {
	for i, r := range s {
		if r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f || i > 0 && r >= '0' && r <= '9' {
			continue
		}
		return false
	}
	return s != ""
}
