package python

import (
	"sort"
	"unsafe"

	"go.starlark.net/starlark"
)

// globalNS is a module's global names: the program's, an imported
// module's, or the dicts given to eval. Lowered code reads and writes it
// by name at every step ($G.total += 4096 in a top-level loop), so a
// lookup must cost about what a local does: names live in slots, found
// through a small cache keyed by the address of the name's bytes. The
// names lowered code asks for are constants of its compiled program, the
// same string at every turn of a loop, so the cache hits and the hash is
// skipped; the cached name is compared in full (the same pointer makes
// that one comparison), so a hit is never wrong.
//
// The evaluator goes further (starlark patch 5): lowered code's $G.x
// compiles to NSATTR and NSSET, which remember the slot each name was
// found in and read and write slots.Vals directly; only a first binding
// and an unbound name come through Get and Set.
type globalNS struct {
	index map[string]int32
	names []string
	slots starlark.Slots // Vals[i] nil: deleted (the slot is kept for its name)
	n     int            // bound names
	cache [64]nsCacheEntry
	// reg hears of values a rebinding or del drops, to close a socket
	// nothing refers to any more (unreferenced.go); nil for none.
	reg *sockRegistry
	// builtins are the names a program reads when no global has them
	// (len, range, print...); nil for a namespace without them.
	builtins map[string]starlark.Value
	// guard hears of len or print bound here (recvreuse.go); nil for none.
	guard *recvGuard
}

type nsCacheEntry struct {
	name string
	slot int32
}

func newGlobalNS() *globalNS {
	ns := &globalNS{index: map[string]int32{}}
	ns.slots.Slot = ns.slot
	return ns
}

// watch makes reg hear of the values a rebinding or del drops, including
// the evaluator's own rebindings (NSSET).
func (ns *globalNS) watch(reg *sockRegistry) {
	ns.reg = reg
	ns.slots.Dropped = reg.noteDropped
}

// fallBackTo gives the namespace its interpreter's builtins. A builtin
// name a program reads gets a slot, unbound, whose Fallback is the
// builtin (starlark patch 18): len() in a loop is read from the slot, as
// a global is, instead of three lookups by name (the slot, the globals,
// the builtins) at every turn. A global of that name, bound later, fills
// the slot and shadows it; del brings the builtin back, as in Python.
func (ns *globalNS) fallBackTo(builtins map[string]starlark.Value) { ns.builtins = builtins }

// slot finds name's slot, or -1.
func (ns *globalNS) slot(name string) int32 {
	if len(name) == 0 {
		return ns.lookup(name)
	}
	e := &ns.cache[(uintptr(unsafe.Pointer(unsafe.StringData(name)))>>3)&63]
	if e.name == name && len(e.name) > 0 {
		return e.slot
	}
	i := ns.lookup(name)
	if i >= 0 {
		e.name, e.slot = name, i
	}
	return i
}

// lookup is slot without the cache. A builtin name asked for the first
// time gets its slot here (fallBackTo).
func (ns *globalNS) lookup(name string) int32 {
	if i, ok := ns.index[name]; ok {
		return i
	}
	if b, ok := ns.builtins[name]; ok {
		i := ns.newSlot(name)
		ns.slots.Fallback = append(ns.slots.Fallback, make([]starlark.Value, int(i)+1-len(ns.slots.Fallback))...)
		ns.slots.Fallback[i] = b
		return i
	}
	return -1
}

// newSlot gives name a slot, unbound.
func (ns *globalNS) newSlot(name string) int32 {
	i := int32(len(ns.slots.Vals))
	ns.index[name] = i
	ns.names = append(ns.names, name)
	ns.slots.Vals = append(ns.slots.Vals, nil)
	return i
}

// Get returns name's value.
func (ns *globalNS) Get(name string) (starlark.Value, bool) {
	if i := ns.slot(name); i >= 0 {
		if v := ns.slots.Vals[i]; v != nil {
			return v, true
		}
	}
	return nil, false
}

// Set binds name to v.
func (ns *globalNS) Set(name string, v starlark.Value) {
	i := ns.slot(name)
	if i < 0 {
		i = ns.newSlot(name)
	}
	if old := ns.slots.Vals[i]; old == nil {
		ns.n++
		ns.guard.binding(name)
	} else if ns.reg != nil {
		ns.reg.noteDropped(old)
	}
	ns.slots.Vals[i] = v
}

// Delete unbinds name, reporting whether it was bound.
func (ns *globalNS) Delete(name string) bool {
	i := ns.slot(name)
	if i < 0 || ns.slots.Vals[i] == nil {
		return false
	}
	if ns.reg != nil {
		ns.reg.noteDropped(ns.slots.Vals[i])
	}
	ns.slots.Vals[i] = nil
	ns.n--
	return true
}

// Len is the number of bound names.
func (ns *globalNS) Len() int { return ns.n }

// Names lists the bound names in the order they were first bound.
func (ns *globalNS) Names() []string {
	out := make([]string, 0, ns.n)
	for i, v := range ns.slots.Vals {
		if v != nil {
			out = append(out, ns.names[i])
		}
	}
	return out
}

// SortedNames lists the bound names in sorted order.
func (ns *globalNS) SortedNames() []string {
	out := ns.Names()
	sort.Strings(out)
	return out
}

// Dict is a copy of the namespace as a StringDict.
func (ns *globalNS) Dict() starlark.StringDict {
	d := make(starlark.StringDict, ns.n)
	for i, v := range ns.slots.Vals {
		if v != nil {
			d[ns.names[i]] = v
		}
	}
	return d
}
