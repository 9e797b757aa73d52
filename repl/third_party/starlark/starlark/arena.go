package starlark

// frameArena is where a thread's Starlark frames keep their locals and
// operand stacks (sockrepl patch 7). Calls nest, so the space is taken
// and given back last-in first-out, and a call costs no allocation: a
// loop calling a small function a million times used to allocate a
// million frames for the collector.
//
// Nothing outlives its call in this space: variables that closures
// capture are spilled to cells, CALL copies arguments into the callee's
// locals, and tuples and lists copy the stack slots they are built from.
// A frame's space is cleared when given back, so the arena holds no
// value alive.
type frameArena struct {
	buf []Value
	top int
}

// arenaFirst and arenaMax bound one thread's arena: it starts small (a
// generator or a thread of the program has its own) and doubles when a
// call does not fit; past arenaMax, frames are allocated as before.
const (
	arenaFirst = 64
	arenaMax   = 1 << 16
)

// take returns n zeroed values and the mark to give them back with.
func (a *frameArena) take(n int) ([]Value, int) {
	base := a.top
	if base+n > len(a.buf) {
		size := max(arenaFirst, 2*len(a.buf))
		for size < base+n {
			size *= 2
		}
		if size > arenaMax {
			return make([]Value, n), -1
		}
		// Frames below keep the old buffer; their marks stay valid
		// here, where the space under base is simply unused.
		a.buf = make([]Value, size)
	}
	a.top = base + n
	return a.buf[base : base+n : base+n], base
}

// give returns space taken at mark base. CallInternal defers it, so it
// runs in reverse order of take even when a panic unwinds the calls.
func (a *frameArena) give(space []Value, base int) {
	if base < 0 {
		return
	}
	clear(space)
	a.top = base
}
