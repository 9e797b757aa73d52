package starlark

import (
	"maps"
	"sync"
	"sync/atomic"
)

// Patch 12: s.split(), l.append(x), d.get(k) without a bound builtin.
//
// Reading a method of a built-in type (str, bytes, list, dict, set) binds
// it: a new Builtin holding the receiver, which the method reads back
// with b.Receiver(). For x.f(...) ATTR_METHOD pushes the method's
// methodProto and x instead, and CALL_METHOD binds the method in a Builtin
// of the thread's pool for the length of the call. A Builtin from the pool
// never outlives its call: an EvalError made during it keeps a copy
// (unpooled), and nothing else keeps the *Builtin a method is called with.

// A methodProto stands on the operand stack for an unbound method of a
// built-in type between ATTR_METHOD and CALL_METHOD; programs never see
// one.
type methodProto struct{ b *Builtin }

func (p *methodProto) String() string        { return "<built-in method " + p.b.name + ">" }
func (p *methodProto) Type() string          { return "builtin_function_or_method" }
func (p *methodProto) Freeze()               {}
func (p *methodProto) Truth() Bool           { return True }
func (p *methodProto) Hash() (uint32, error) { return 0, nil }

// protoTables hold, per built-in type, the methodProto of each method
// name asked for so far: an immutable map replaced (copy on write) when a
// name is added, so a lookup is one atomic load and one map read. The
// method tables may be changed by the program that embeds this package in
// its init functions, before any code runs; not after.
type protoTable struct {
	mu sync.Mutex
	m  atomic.Pointer[map[string]*methodProto]
}

var stringProtos, bytesProtos, listProtos, dictProtos, setProtos protoTable

// builtinMethodOf is ATTR_METHOD's answer for a value of a built-in type:
// the proto of its method name, or nil to read x.name as ATTR does.
func builtinMethodOf(x Value, name string) *methodProto {
	var t *protoTable
	var methods map[string]*Builtin
	switch x.(type) {
	case String:
		t, methods = &stringProtos, stringMethods
	case Bytes:
		t, methods = &bytesProtos, bytesMethods
	case *List:
		t, methods = &listProtos, listMethods
	case *Dict:
		t, methods = &dictProtos, dictMethods
	case *Set:
		t, methods = &setProtos, setMethods
	default:
		return nil
	}
	if m := t.m.Load(); m != nil {
		if p := (*m)[name]; p != nil {
			return p
		}
	}
	b := methods[name]
	if b == nil {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	old := t.m.Load()
	if old != nil && (*old)[name] != nil {
		return (*old)[name]
	}
	next := make(map[string]*methodProto, 1)
	if old != nil {
		maps.Copy(next, *old)
	}
	p := &methodProto{b: b}
	next[name] = p
	t.m.Store(&next)
	return p
}

// builtinPool holds the bound methods of the calls in progress, last in
// first out as calls nest.
type builtinPool struct {
	slots []*Builtin
	top   int
}

// callBuiltinMethod calls p's method bound to recv.
func (thread *Thread) callBuiltinMethod(p *methodProto, recv Value, args Tuple, kwargs []Tuple) (Value, error) {
	return CallMethod(thread, p.b, recv, args, kwargs)
}

// CallMethod calls the method m bound to recv, as recv.m(*args,
// **kwargs) does, with the binding from the thread's pool rather than a
// new Builtin (sockrepl patch 14): for a wrapper that adds to a method of
// a built-in type and calls the original.
func CallMethod(thread *Thread, m *Builtin, recv Value, args Tuple, kwargs []Tuple) (Value, error) {
	pool := &thread.builtins
	if pool.top == len(pool.slots) {
		pool.slots = append(pool.slots, new(Builtin))
	}
	b := pool.slots[pool.top]
	pool.top++
	*b = Builtin{name: m.name, fn: m.fn, recv: recv, borrows: m.borrows, pooled: true}
	defer func() {
		*b = Builtin{}
		pool.top--
	}()
	return Call(thread, b, args, kwargs)
}

// unpooled is c, or a copy of it when it is a pooled bound method: what
// an EvalError keeps of a frame outlives the call.
func unpooled(c Callable) Callable {
	if b, ok := c.(*Builtin); ok && b.pooled {
		cp := *b
		cp.pooled = false
		return &cp
	}
	return c
}

// The methods of the built-in types in library.go keep nothing of their
// args tuple (they unpack it, or read its values while they run), so
// x.f(a, b) hands them the caller's operand stack uncopied, as CALL does
// for NewBorrowingBuiltin (sockrepl patch 14). A method that a program
// embedding this package puts in a table later carries its own flag.
func init() {
	for _, table := range []map[string]*Builtin{bytesMethods, dictMethods, listMethods, setMethods, stringMethods} {
		for _, b := range table {
			b.borrows = true
		}
	}
}
