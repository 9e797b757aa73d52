package starlark

// sockrepl patch 5: module-level names in slots.
//
// sockrepl lowers every module-level name x of a Python program to $G.x,
// with $G one value that holds the program's live globals, so a top-level
// loop read and wrote its counter through an attribute lookup by name at
// every turn. The compiler turns $G.x into NSATTR and NSSET, and when $G
// is a Namespace, the interpreter keeps, per module, the slot each name
// was found in, and reads and writes the slot itself. Any other $G, a
// name not bound yet, and a first binding take the ordinary path (Attr,
// SetField), so errors and hooks are the namespace's own.

import "go.starlark.net/internal/compile"

// NamespaceName is the global whose attributes are compiled to NSATTR and
// NSSET.
const NamespaceName = compile.NamespaceName

// A Namespace is a value whose attributes live in slots.
type Namespace interface {
	HasSetField
	// NamespaceSlots returns the slots; the interpreter asks once a call.
	NamespaceSlots() *Slots
}

// Slots holds a namespace's values. A slot, once given to a name, is the
// name's for as long as the Slots exist: Vals only grows, and an unbound
// name's slot holds nil.
type Slots struct {
	Vals []Value
	// Slot returns name's slot, or -1 if it has none.
	Slot func(name string) int32
	// Dropped hears of a value a rebinding replaced. It is not told of
	// an Int replaced, which can hold nothing.
	Dropped func(old Value)
	// Fallback[i], while Vals[i] is nil, is the value NSATTR reads for
	// the name (sockrepl: a builtin such as len, which a global of the
	// same name would shadow); nil or past the end for none (patch 18).
	Fallback []Value
}

// nsCache is a module's slot of each of its program's names (slot+1; 0:
// not known yet), for one Slots.
type nsCache struct {
	slots *Slots
	slot  []int32
}

// namespaceOf returns the Slots of fn's module's namespace global and the
// module's cache for them, or nil when there are none.
func namespaceOf(fn *Function) (*Slots, []int32) {
	g := fn.funcode.Prog.Namespace
	if g == 0 {
		return nil, nil
	}
	ns, ok := fn.module.globals[g-1].(Namespace)
	if !ok {
		return nil, nil
	}
	s := ns.NamespaceSlots()
	if s == nil {
		return nil, nil
	}
	m := fn.module
	if m.ns.slots != s {
		m.ns = nsCache{slots: s, slot: make([]int32, len(fn.funcode.Prog.Names))}
	}
	return s, m.ns.slot
}

// nsSlot returns the slot of names[i] in s, or -1.
func nsSlot(s *Slots, cache []int32, names []string, i uint32) int32 {
	if k := cache[i]; k > 0 {
		return k - 1
	}
	k := s.Slot(names[i])
	if k >= 0 {
		cache[i] = k + 1
	}
	return k
}
