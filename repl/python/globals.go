package python

import (
	"fmt"

	"go.starlark.net/starlark"
)

// Python's globals are one live namespace: a function reads a global when
// it runs, sees later reassignments, and may call a function defined after
// it. Starlark's REPL chunks are separate modules, each with a copy of the
// globals taken when it started, so the lowering turns every module-level
// name into an attribute of one store object, $G, backed by the
// interpreter's globals: $G.x, $G.x = 1, for $G.i in ...

// globalStore is a global namespace as a Starlark value: the program's
// (ns nil: the interpreter's globals), or a module's own.
type globalStore struct {
	in *Interp
	ns *globalNS
}

// dict is the namespace the store reads and writes.
func (g globalStore) dict() *globalNS {
	if g.ns != nil {
		return g.ns
	}
	return g.in.globals
}

var (
	_ starlark.HasAttrs  = globalStore{}
	_ starlark.Namespace = globalStore{}
)

// NamespaceSlots gives the evaluator the namespace's slots, for $G.x
// compiled to NSATTR and NSSET (starlark patch 5).
func (g globalStore) NamespaceSlots() *starlark.Slots { return &g.dict().slots }

func (g globalStore) String() string        { return "<globals>" }
func (g globalStore) Type() string          { return "globals" }
func (g globalStore) Freeze()               {}
func (g globalStore) Truth() starlark.Bool  { return true }
func (g globalStore) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable: globals") }

// Attr reads a global, then a builtin, as Python's name lookup does.
func (g globalStore) Attr(name string) (starlark.Value, error) {
	if v, ok := g.dict().Get(name); ok {
		return v, nil
	}
	if v, ok := g.in.builtins[name]; ok {
		return v, nil
	}
	// CPython looks for a near name among the globals, then the builtins.
	return nil, suggest(nameError(name), name, func() []string {
		if s := nearestName(name, g.AttrNames()); s != "" {
			return []string{s}
		}
		return sortedKeys(g.in.builtins)
	})
}

func (g globalStore) AttrNames() []string { return g.dict().SortedNames() }

func (g globalStore) SetField(name string, v starlark.Value) error {
	g.dict().Set(name, v)
	return nil
}

// IsInternal reports whether a global is one of the interpreter's own
// names rather than one the learner bound. Since the lowering keeps its
// helpers out of the globals, none is.
func IsInternal(name string) bool { return false }
