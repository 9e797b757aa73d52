package python

import (
	"runtime"
	"sync"
	"weak"

	"go.starlark.net/starlark"

	"sockrepl/sockets"
)

// CPython closes a socket object when its last reference goes (reference
// counting runs its __del__): `c = None` at the prompt, a second
// `conn, addr = s.accept()`, a handler function that returns without
// closing its connection — the peer sees EOF at once. Here the Go
// collector knows what is reachable, and it is exact: a value held by a
// global, a container, an instance, a closure, a running thread's locals
// or a suspended generator's frame is reachable, so it is never closed
// under the program. Each socket object is tracked by a weak pointer;
// after a collection, a socket whose object is gone is closed.
//
// A collection costs a millisecond or so, so it runs only where it can
// matter: after a statement at the prompt that made sockets or dropped a
// global that held one (Interp.SettleAfterStatement), and in any program
// once a call has waited sockets.SettleAfter (the Settled wait hook),
// which is when a peer waiting for EOF would otherwise hang.

// sockRegistry tracks the socket objects of one interpreter.
type sockRegistry struct {
	mu      sync.Mutex
	refs    []sockRef
	made    int                  // sockets registered since the last sweep
	dropped bool                 // a global that held a socket was rebound or deleted
	closed  []UnreferencedSocket // closed by sweeps, not yet reported
}

type sockRef struct {
	obj weak.Pointer[socketValue]
	s   *sockets.Socket
}

// UnreferencedSocket is a socket closed because nothing referred to it.
type UnreferencedSocket struct {
	Socket *sockets.Socket
	FD     int // its descriptor before the close
}

// registries finds an interpreter's registry from its Runtime, which is
// all newSocketValue's callers have.
var registries sync.Map // *sockets.Runtime -> *sockRegistry

func registryOf(rt *sockets.Runtime) *sockRegistry {
	if r, ok := registries.Load(rt); ok {
		return r.(*sockRegistry)
	}
	return nil
}

func (r *sockRegistry) track(v *socketValue) {
	r.mu.Lock()
	r.refs = append(r.refs, sockRef{obj: weak.Make(v), s: v.s})
	r.made++
	r.mu.Unlock()
}

// noteDropped is told that a global's old value is gone: it marks the
// registry when that value held a socket (directly, or in a small tuple,
// list or dict, as accept() and socketpair() results are).
func (r *sockRegistry) noteDropped(old starlark.Value) {
	if r == nil || old == nil || !holdsSocket(old, 2) {
		return
	}
	r.mu.Lock()
	r.dropped = true
	r.mu.Unlock()
}

func holdsSocket(v starlark.Value, depth int) bool {
	switch x := v.(type) {
	case *socketValue:
		return true
	case starlark.Tuple:
		if depth > 0 && len(x) <= 64 {
			for _, e := range x {
				if holdsSocket(e, depth-1) {
					return true
				}
			}
		}
	case *starlark.List:
		if depth > 0 && x.Len() <= 64 {
			for i := 0; i < x.Len(); i++ {
				if holdsSocket(x.Index(i), depth-1) {
					return true
				}
			}
		}
	case *starlark.Dict:
		if depth > 0 && x.Len() <= 64 {
			for _, kv := range x.Items() {
				if holdsSocket(kv[1], depth-1) {
					return true
				}
			}
		}
	case *Instance:
		return depth > 0 // a user object may hold one: look
	}
	return false
}

// sweep collects garbage and closes every tracked socket whose object is
// gone. It is safe from any goroutine: nothing can be using a socket
// that no value refers to.
func (r *sockRegistry) sweep() {
	r.mu.Lock()
	if len(r.refs) == 0 {
		r.made, r.dropped = 0, false
		r.mu.Unlock()
		return
	}
	r.mu.Unlock()
	runtime.GC()
	r.mu.Lock()
	var dead []*sockets.Socket
	keep := r.refs[:0]
	for _, ref := range r.refs {
		switch {
		case ref.s.Fileno() < 0: // closed by the program: forget it
		case ref.obj.Value() == nil:
			dead = append(dead, ref.s)
		default:
			keep = append(keep, ref)
		}
	}
	clear(r.refs[len(keep):])
	r.refs = keep
	r.made, r.dropped = 0, false
	r.mu.Unlock()
	for _, s := range dead {
		fd := s.Fileno()
		if s.Close() == nil {
			r.mu.Lock()
			r.closed = append(r.closed, UnreferencedSocket{Socket: s, FD: fd})
			r.mu.Unlock()
		}
	}
}

// SettleAfterStatement closes the sockets nothing refers to any more,
// when the statement just run made sockets or dropped a global that
// held one. The shell calls it after each statement at the prompt.
func (in *Interp) SettleAfterStatement() {
	r := in.sockets
	r.mu.Lock()
	due := r.made > 0 || r.dropped
	r.mu.Unlock()
	if due {
		r.sweep()
	}
}

// Unreferenced returns the sockets closed because nothing referred to
// them since the last call, for the shell's notices.
func (in *Interp) Unreferenced() []UnreferencedSocket {
	r := in.sockets
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.closed
	r.closed = nil
	return out
}
