package python

import (
	"fmt"
	"sync/atomic"
	"unsafe"
	"weak"

	"go.starlark.net/starlark"

	"sockrepl/repl/python/translate"
)

// Receiving into the previous result's buffer (translate/recvreuse.go
// says why and what the translator proves).
//
// A recv site is a statement `data = conn.recv(n)` whose variable nothing
// else can ever read the bytes from. When the same site runs again in the
// same frame, on the same thread, for the same socket, the bytes of the
// last result are held by that variable alone (or by nothing), and the
// assignment is about to drop them: recv writes into their buffer. What
// the run adds to the translator's proof:
//
//   - The frame: a frame struct at one depth of one thread's stack runs
//     one activation at a time; if it runs the site again, either the
//     activation is the one that received the buffer, or that one has
//     returned and its variable is gone.
//   - len and print still the builtins: binding either as a module global
//     anywhere stops all reuse for the interpreter's life (recvGuard), so
//     a function reading len(data) can never have handed the bytes to a
//     program's own len.
//   - A module-level variable only in the main program while it runs,
//     and while no Python thread besides main has run: code typed at the
//     prompt afterwards, or another thread, could read it unseen.
//   - Stream sockets, flags 0, bufsize up to reuseMax: one recvfrom, which
//     writes the buffer only when it succeeds, so a recv that raises (or
//     that Ctrl-C ends) leaves the old bytes as they were.
//   - Two buffers, used in turn, so that the buffer written is never the
//     one the variable holds, even when a Ctrl-C lands between a recv's
//     return and its assignment (recvBuffers).
//
// The socket holds its site buffers weakly: once no variable refers to
// them, the collector takes them back, so a thousand sockets that each
// ran a handler once keep nothing.

// reuseMax is the largest recv buffer a site keeps (CPython's own recv
// allocates bufsize too; past this, the shell sizes a fresh buffer by
// what is queued, sockets.Recv).
const reuseMax = 4 << 20

// recvBuffers is what a socket keeps of the buffers it handed to a recv
// site. There are two, and a recv writes into the one it did not hand
// out last: the variable holds the last one if that recv's assignment
// ran, and the other is then free. The assignment runs unless the thread
// was cancelled (Ctrl-C, the memory watch, SystemExit) between the recv's
// return and it, so the site trusts it only if the thread's cancel count
// has not moved since the recv began (starlark patch 22); otherwise it
// starts again with a fresh buffer. A recv that is itself cut short
// writes nothing.
type recvBuffers struct {
	buf     [2]weak.Pointer[byte] // each buffer's first byte
	size    [2]int
	last    int    // the one handed out last
	cancels uint32 // the thread's cancel count when that recv began
	frame   starlark.DebugFrame
	thread  *starlark.Thread
	file    *string
	at      [2]int32
}

// free returns the buffer not handed out last, if it is still there and
// holds n bytes.
func (r *recvBuffers) free(n int) []byte {
	other := 1 - r.last
	if r.size[other] < n {
		return nil
	}
	if p := r.buf[other].Value(); p != nil {
		return unsafe.Slice(p, r.size[other])
	}
	return nil
}

// recvGuard stops all reuse once len or print is bound as a global.
type recvGuard struct{ off atomic.Bool }

// binding hears of each first binding of a global: len or print, the
// builtins a harmless read calls, stops all reuse.
func (g *recvGuard) binding(name string) {
	if g != nil && (name == "len" || name == "print") {
		g.off.Store(true)
	}
}

// noteRecvSites records where a compiled program's recv sites are.
func (in *Interp) noteRecvSites(p *translate.Program) {
	if len(p.RecvSites) == 0 {
		return
	}
	if in.recvSites == nil {
		in.recvSites = map[*string]map[[2]int32]translate.RecvSite{}
	}
	in.recvSites[p.FileID] = p.RecvSites
}

// mayReuse: nothing has stopped reuse, no cancel is pending, and thread
// is in recv called straight from a Starlark frame.
func (in *Interp) mayReuse(thread *starlark.Thread) bool {
	if in.recvGuard.off.Load() || thread.Cancelled() || thread.CallStackDepth() < 2 {
		return false
	}
	b, isBuiltin := thread.DebugFrame(0).Callable().(*starlark.Builtin)
	return isBuiltin && b.Name() == "recv"
}

// recvSite reports whether the frame calling recv is at a recv site
// that may reuse, and where.
func (in *Interp) recvSite(fr starlark.DebugFrame) (file *string, at [2]int32, ok bool) {
	// The function's own position is a field; the frame's is decoded
	// from a line table: ask for it only in a program with sites.
	fn, isFunc := fr.Callable().(*starlark.Function)
	if !isFunc {
		return nil, at, false
	}
	sites := in.recvSites[fn.Position().FileID()]
	if sites == nil {
		return nil, at, false
	}
	pos := fr.Position()
	file = pos.FileID()
	at = [2]int32{pos.Line, pos.Col}
	site, ok := sites[at]
	if ok && site.Global && (file != in.mainProgram || in.threads.many.Load()) {
		ok = false
	}
	return file, at, ok
}

// siteRecvHook, when set (by tests), runs as a recv at a site begins
// (returned false) and once it has data, before its assignment can run
// (returned true): where a Ctrl-C can land.
var siteRecvHook func(thread *starlark.Thread, returned bool)

// sockRecvAt is recv called from thread: at a recv site, into the buffer
// the site's variable no longer holds, when it can know that.
func sockRecvAt(thread *starlark.Thread, v *socketValue, args starlark.Tuple) (starlark.Value, error) {
	n, flags, err := recvArgs(args)
	if err != nil {
		return nil, err
	}
	if siteRecvHook != nil {
		siteRecvHook(thread, false)
	}
	in := interpOf(thread)
	if in == nil || len(in.recvSites) == 0 || flags != 0 || n <= 0 || n > reuseMax || !v.s.IsStream() || !in.mayReuse(thread) {
		return recvFresh(v, n, flags)
	}
	fr := thread.DebugFrame(1)
	file, at, ok := in.recvSite(fr)
	if !ok {
		return recvFresh(v, n, flags)
	}
	cancels := thread.Cancels()
	r := v.lastRecv.Swap(nil)
	if r == nil || r.thread != thread || r.frame != fr || r.file != file || r.at != at || r.cancels != cancels {
		r = &recvBuffers{frame: fr, thread: thread, file: file, at: at, last: 1}
	}
	offer := r.free(n)
	data, err := v.s.RecvReusing(n, offer)
	if err != nil || len(data) == 0 {
		// Nothing written; the variable holds what it held.
		if r.size[r.last] > 0 {
			v.lastRecv.Store(r)
		}
		if err != nil {
			return nil, err
		}
		return starlark.Bytes(""), nil
	}
	other := 1 - r.last
	if offer != nil {
		in.recvReused.Add(1)
	} else {
		whole := data[:cap(data)]
		r.buf[other], r.size[other] = weak.Make(&whole[0]), len(whole)
	}
	r.last, r.cancels = other, cancels
	v.lastRecv.Store(r)
	if siteRecvHook != nil {
		siteRecvHook(thread, true)
	}
	return ownedBytes(data), nil
}

// helperSockOnly is $sockonly(x): x, after stopping all buffer reuse if
// x is not a socket, whose send methods are known to keep nothing.
func helperSockOnly(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 {
		return nil, fmt.Errorf("$sockonly: got %d arguments", len(args))
	}
	if _, isSocket := args[0].(*socketValue); !isSocket {
		if in := interpOf(thread); in != nil {
			in.recvGuard.off.Store(true)
		}
	}
	return args[0], nil
}
