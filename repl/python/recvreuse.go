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
//
// The socket holds its last site buffer weakly: once no variable refers
// to it, the collector takes it back, so a thousand sockets that each ran
// a handler once keep nothing.

// reuseMax is the largest recv buffer a site keeps (CPython's own recv
// allocates bufsize too; past this, the shell sizes a fresh buffer by
// what is queued, sockets.Recv).
const reuseMax = 4 << 20

// recvBuffer is what a socket keeps of the last buffer it handed to a
// recv site.
type recvBuffer struct {
	buf    weak.Pointer[byte] // the buffer's first byte
	size   int
	frame  starlark.DebugFrame
	thread *starlark.Thread
	file   *string
	at     [2]int32
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

// recvSite reports whether the frame calling recv is at a recv site
// that may reuse, and where.
func (in *Interp) recvSite(fr starlark.DebugFrame) (file *string, at [2]int32, ok bool) {
	if in.recvGuard.off.Load() || len(in.recvSites) == 0 {
		return nil, at, false
	}
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

// sockRecvAt is recv called from thread: at a recv site, into the last
// buffer when the site may have it back.
func sockRecvAt(thread *starlark.Thread, v *socketValue, args starlark.Tuple) (starlark.Value, error) {
	in := interpOf(thread)
	if in == nil || len(in.recvSites) == 0 || in.recvGuard.off.Load() || thread.CallStackDepth() < 2 {
		return sockRecv(v, args) // no program with a site: the usual recv
	}
	n, flags, err := recvArgs(args)
	if err != nil || flags != 0 || n <= 0 || n > reuseMax || !v.s.IsStream() {
		return sockRecv(v, args)
	}
	if b, isBuiltin := thread.DebugFrame(0).Callable().(*starlark.Builtin); !isBuiltin || b.Name() != "recv" {
		return sockRecv(v, args) // the caller is not the frame under this one
	}
	fr := thread.DebugFrame(1)
	file, at, ok := in.recvSite(fr)
	if !ok {
		return sockRecv(v, args)
	}
	var offer []byte
	last := v.lastRecv.Swap(nil)
	if last != nil && last.thread == thread && last.frame == fr && last.file == file && last.at == at && last.size >= n {
		if p := last.buf.Value(); p != nil {
			offer = unsafe.Slice(p, last.size)
		}
	}
	data, err := v.s.RecvReusing(n, offer)
	if err != nil || len(data) == 0 {
		if offer != nil {
			v.lastRecv.Store(last) // not written: the variable still holds it alone
		}
		if err != nil {
			return nil, err
		}
		return starlark.Bytes(""), nil
	}
	if offer != nil {
		in.recvReused.Add(1)
	} else {
		whole := data[:cap(data)]
		last = &recvBuffer{buf: weak.Make(&whole[0]), size: len(whole), frame: fr, thread: thread, file: file, at: at}
	}
	v.lastRecv.Store(last)
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
