package python

import (
	"embed"

	"go.starlark.net/starlark"
)

// Modules written in Python: the source runs once, in a namespace of its
// own, the first time a program imports the module, and the module's
// attributes are that namespace, live. socketserver is one (stdlib/);
// a program's own modules can be loaded the same way.

//go:embed stdlib/*.py
var stdlibFS embed.FS

// pythonModules are the built-in modules written in Python, by name.
var pythonModules = map[string]string{
	"logging":      "stdlib/logging.py",
	"socketserver": "stdlib/socketserver.py",
}

// liveModule is a module made by running Python source: its attributes
// are its global namespace, which its functions read and write.
type liveModule struct {
	name string
	ns   *globalNS
	file string // the program's own module's path; "" for a built-in one
}

var (
	_ starlark.HasAttrs    = (*liveModule)(nil)
	_ starlark.HasSetField = (*liveModule)(nil)
)

func (m *liveModule) String() string {
	if m.file != "" {
		return "<module '" + m.name + "' from '" + m.file + "'>"
	}
	return "<module '" + m.name + "'>"
}
func (m *liveModule) Repr() string          { return m.String() }
func (m *liveModule) Type() string          { return "module" }
func (m *liveModule) Freeze()               {}
func (m *liveModule) Truth() starlark.Bool  { return true }
func (m *liveModule) Hash() (uint32, error) { return starlark.String(m.name).Hash() }

func (m *liveModule) Attr(name string) (starlark.Value, error) {
	if v, ok := m.ns.Get(name); ok {
		return v, nil
	}
	return nil, suggest(pyErrorf("AttributeError", "module '%s' has no attribute '%s'", m.name, name), name, attrNamesOf(m))
}

func (m *liveModule) AttrNames() []string { return m.ns.SortedNames() }

func (m *liveModule) SetField(name string, v starlark.Value) error {
	m.ns.Set(name, v)
	return nil
}

// execModule runs src as module name, read from file, on thread (the
// import runs where the program is), and returns the module.
func (in *Interp) execModule(thread *starlark.Thread, name, file, src string) (starlark.Value, error) {
	prog, err := compile(file, src, Program)
	if err != nil {
		return nil, err
	}
	in.programs[file] = prog
	in.noteRecvSites(prog)
	ns := newGlobalNS()
	ns.guard = &in.recvGuard
	ns.watch(in.sockets)
	ns.fallBackTo(in.builtins)
	ns.Set("__name__", starlark.String(name))
	m := &liveModule{name: name, ns: ns}
	// Registered before it runs, as Python does: a circular import sees
	// the module as far as it got.
	in.modules[name] = m
	// The module's code reads and writes its own namespace through $G.
	if err := starlark.ExecREPLChunk(prog.File, thread, in.namespaceHelpers(ns)); err != nil {
		delete(in.modules, name)
		return nil, err
	}
	return m, nil
}

// pythonModule loads one of the built-in modules written in Python.
func (in *Interp) pythonModule(thread *starlark.Thread, name string) (starlark.Value, bool, error) {
	path, ok := pythonModules[name]
	if !ok {
		return nil, false, nil
	}
	src, err := stdlibFS.ReadFile(path)
	if err != nil {
		return nil, true, pyErrorf("ImportError", "module %s is missing from this build", name)
	}
	m, err := in.execModule(thread, name, "<sockrepl "+name+">", string(src))
	return m, true, err
}
