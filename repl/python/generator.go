package python

import (
	"errors"
	"runtime"
	"strings"
	"sync"

	"go.starlark.net/starlark"
)

// Generators. A generator function's body runs on a goroutine and a
// Starlark thread of its own, handing control back and forth with the
// code that iterates it: exactly one of the two runs at any time. Each
// yield sends a value out and waits for the next resume.
//
// Ownership: the goroutine belongs to the Generator value. It ends when
// the body finishes, when the generator is closed, when the interpreter
// resets or closes, or, once nothing refers to the generator any more,
// when the garbage collector's cleanup closes it. The goroutine itself
// holds only the channels, never the Generator, so that it can become
// unreachable while suspended.

// genMsg travels between a generator and its consumer.
type genMsg struct {
	value starlark.Value
	err   error // to the generator: raise this at the yield; from it: it raised
	done  bool  // from the generator: the body returned value
}

// genChannels is the part of a generator its goroutine holds.
type genChannels struct {
	resume chan genMsg // consumer -> generator
	out    chan genMsg // generator -> consumer
	thread *starlark.Thread
	once   sync.Once
	closed chan struct{} // closed to make a suspended body unwind
	ended  chan struct{} // closed when the goroutine has returned
}

// stop makes a suspended body unwind (GeneratorExit at its yield) and
// waits for its goroutine to end.
func (c *genChannels) stop() {
	c.once.Do(func() { close(c.closed) })
	<-c.ended
}

// generators is the set an interpreter keeps of its live generators,
// and of those nothing refers to any more, waiting to be closed at the
// next statement boundary (never concurrently with running code).
type generators struct {
	mu      sync.Mutex
	live    map[*genChannels]bool
	orphans []*genChannels
}

// orphan queues a generator the garbage collector found unreachable.
func (g *generators) orphan(c *genChannels) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.orphans = append(g.orphans, c)
}

// reap closes the queued generators: their finally clauses run now, on
// their own threads, while the interpreter waits.
func (in *Interp) reapGenerators() {
	in.gens.mu.Lock()
	orphans := in.gens.orphans
	in.gens.orphans = nil
	in.gens.mu.Unlock()
	for _, c := range orphans {
		prev := in.setActive(c.thread)
		c.stop()
		in.setActive(prev)
	}
}

func (g *generators) add(c *genChannels) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.live == nil {
		g.live = map[*genChannels]bool{}
	}
	g.live[c] = true
}

func (g *generators) remove(c *genChannels) {
	g.mu.Lock()
	defer g.mu.Unlock()
	delete(g.live, c)
}

// closeAll stops every suspended generator (Reset, Close).
func (g *generators) closeAll() {
	g.mu.Lock()
	all := make([]*genChannels, 0, len(g.live))
	for c := range g.live {
		all = append(all, c)
	}
	g.mu.Unlock()
	for _, c := range all {
		c.stop()
	}
}

// Generator is what calling a generator function returns.
type Generator struct {
	name    string
	in      *Interp
	body    starlark.Value
	args    starlark.Tuple
	ch      *genChannels
	started bool
	running bool
	done    bool
}

var (
	_ starlark.Iterable = (*Generator)(nil)
	_ starlark.HasAttrs = (*Generator)(nil)
)

func (g *Generator) String() string {
	return "<generator object " + g.name + " at " + hexAddr(g) + ">"
}
func (g *Generator) Repr() string          { return g.String() }
func (g *Generator) Type() string          { return "generator" }
func (g *Generator) Freeze()               {}
func (g *Generator) Truth() starlark.Bool  { return true }
func (g *Generator) Hash() (uint32, error) { return uint32(addressOf(g)), nil }

// helperGenerator is what a generator function returns:
// $generator(body, args...).
func (in *Interp) helperGenerator(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	body := args[0]
	name := "<genexpr>"
	if f, ok := body.(*starlark.Function); ok {
		name = pyFuncName(f.Name())
	}
	return &Generator{name: name, in: in, body: body, args: append(starlark.Tuple{}, args[1:]...)}, nil
}

// start launches the body's goroutine, suspended until the first resume.
func (g *Generator) start() {
	c := &genChannels{
		resume: make(chan genMsg),
		out:    make(chan genMsg, 1),
		closed: make(chan struct{}),
		ended:  make(chan struct{}),
	}
	c.thread = g.in.newThread(g.name)
	localsOf(c.thread).gen = c
	g.ch = c
	g.started = true
	g.in.gens.add(c)
	body, args, gens := g.body, g.args, &g.in.gens
	go func() {
		defer close(c.ended)
		defer gens.remove(c)
		select {
		case first := <-c.resume:
			if first.err != nil {
				c.out <- genMsg{done: true, err: first.err}
				return
			}
		case <-c.closed:
			return
		}
		v, err := starlark.Call(c.thread, body, args, nil)
		c.out <- genMsg{done: true, value: v, err: err}
	}()
	// Once nothing refers to the generator, its body is closed at the
	// next statement boundary.
	runtime.AddCleanup(g, gens.orphan, c)
}

// resume runs the body until its next yield (or its end) and returns
// what it yielded; done reports the end, with the return value.
func (g *Generator) resume(thread *starlark.Thread, send starlark.Value, throw error) (v starlark.Value, done bool, err error) {
	if g.running {
		return nil, false, pyErrorf("ValueError", "generator already executing")
	}
	if g.done {
		if throw != nil {
			return nil, true, throw
		}
		return nil, true, nil
	}
	if !g.started {
		if send != starlark.None && send != nil {
			return nil, false, pyErrorf("TypeError", "can't send non-None value to a just-started generator")
		}
		g.start()
	}
	// running is set before the body runs: a body that resumes its own
	// generator (yield next(me)) gets ValueError, where it would wait
	// for ever on a resume nobody reads.
	g.running = true
	select {
	case g.ch.resume <- genMsg{value: send, err: throw}:
	case <-g.ch.ended:
		g.running = false
		g.done = true // closed meanwhile (the interpreter was reset)
		return nil, true, throw
	}
	prev := g.in.setActive(g.ch.thread)
	msg := <-g.ch.out
	g.in.setActive(prev)
	g.running = false
	if msg.done {
		g.done = true
		if msg.err != nil {
			return nil, true, g.escaped(thread, msg.err)
		}
		return msg.value, true, nil
	}
	return msg.value, false, nil
}

// escaped is an error raised by the body, as the consumer sees it:
// StopIteration inside a generator becomes RuntimeError (PEP 479), and
// the error keeps the generator's frames under the consumer's.
func (g *Generator) escaped(thread *starlark.Thread, err error) error {
	if pe := asPyError(err); pe.Class == "StopIteration" {
		return pyErrorf("RuntimeError", "generator raised StopIteration")
	}
	var exit *ExitError
	if errors.As(err, &exit) {
		return exit
	}
	return &stackedError{inner: err}
}

// stackedError is an error that rose on another thread (a generator's):
// the consumer's Starlark call wraps it with the consumer's frames, and
// the traceback shows those, then the generator's.
type stackedError struct{ inner error }

func (s *stackedError) Error() string { return s.inner.Error() }
func (s *stackedError) Unwrap() error { return s.inner }

// ignoredExit is close()'s complaint about a body that yields again.
const ignoredExit = "generator ignored GeneratorExit"

// helperYield is yield v, run on the generator's thread: hand v out and
// wait to be resumed; the value sent in is the result.
func helperYield(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	c := localsOf(thread).gen
	if c == nil {
		return nil, pyErrorf("SyntaxError", "'yield' outside function")
	}
	select {
	case <-c.closed:
		// Closed: the body is unwinding and may not yield again.
		return nil, &PyError{Class: "RuntimeError", Msg: ignoredExit}
	default:
	}
	c.out <- genMsg{value: args[0]}
	select {
	case msg := <-c.resume:
		if msg.err != nil {
			return nil, msg.err
		}
		if msg.value == nil {
			return starlark.None, nil
		}
		return msg.value, nil
	case <-c.closed:
		return nil, &PyError{Class: "GeneratorExit"}
	}
}

// helperYieldFrom is yield from it: every item of it, yielded in turn;
// the result is a sub-generator's return value.
func helperYieldFrom(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	if sub, ok := args[0].(*Generator); ok {
		var send starlark.Value = starlark.None
		for {
			v, done, err := sub.resume(thread, send, nil)
			if err != nil || done {
				return orNone(v), err
			}
			send, err = helperYield(thread, nil, starlark.Tuple{v}, nil)
			if err != nil {
				return nil, err
			}
		}
	}
	it, err := pyIterable(thread, args[0])
	if err != nil {
		return nil, err
	}
	iter := it.Iterate()
	defer iter.Done()
	var v starlark.Value
	for iter.Next(&v) {
		if _, err := helperYield(thread, nil, starlark.Tuple{v}, nil); err != nil {
			return nil, err
		}
	}
	return starlark.None, takeIterErr(thread)
}

// Iterate gives the generator's items to a for loop; an error the body
// raises is raised where the loop is (failIteration).
func (g *Generator) Iterate() starlark.Iterator {
	thread := g.in.activeThread()
	return &funcIterator{thread: thread, step: func() (starlark.Value, bool, error) {
		v, done, err := g.resume(thread, starlark.None, nil)
		if err != nil || done {
			return nil, false, err
		}
		return v, true, nil
	}}
}

// next is next(gen): the next item, or StopIteration with the value the
// body returned.
func (g *Generator) next(thread *starlark.Thread) (starlark.Value, error) {
	v, done, err := g.resume(thread, starlark.None, nil)
	if err != nil {
		return nil, err
	}
	if done {
		return nil, stopIteration(v)
	}
	return v, nil
}

func stopIteration(v starlark.Value) *PyError {
	pe := &PyError{Class: "StopIteration"}
	if v != nil && v != starlark.None {
		pe.Args = starlark.Tuple{v}
		pe.Msg = pyStr(v)
	}
	return pe
}

func (g *Generator) Attr(name string) (starlark.Value, error) {
	method := func(fn func(thread *starlark.Thread, args starlark.Tuple) (starlark.Value, error)) starlark.Value {
		return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(kwargs) > 0 {
				return nil, pyErrorf("TypeError", "generator.%s() takes no keyword arguments", name)
			}
			return fn(thread, args)
		})
	}
	switch name {
	case "__next__":
		return method(func(thread *starlark.Thread, _ starlark.Tuple) (starlark.Value, error) { return g.next(thread) }), nil
	case "send":
		return method(func(thread *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			if len(args) != 1 {
				return nil, pyErrorf("TypeError", "generator.send() takes exactly one argument (%d given)", len(args))
			}
			v, done, err := g.resume(thread, args[0], nil)
			if err != nil {
				return nil, err
			}
			if done {
				return nil, stopIteration(v)
			}
			return v, nil
		}), nil
	case "throw":
		return method(func(thread *starlark.Thread, args starlark.Tuple) (starlark.Value, error) {
			if len(args) < 1 {
				return nil, pyErrorf("TypeError", "throw expected at least 1 argument, got 0")
			}
			inst, err := toException(thread, args[0])
			if err != nil {
				return nil, err
			}
			v, done, err := g.resume(thread, starlark.None, raisedError(inst))
			if err != nil {
				return nil, err
			}
			if done {
				return nil, stopIteration(v)
			}
			return v, nil
		}), nil
	case "close":
		return method(func(thread *starlark.Thread, _ starlark.Tuple) (starlark.Value, error) {
			if g.running {
				return nil, pyErrorf("ValueError", "generator already executing")
			}
			if !g.started || g.done {
				g.done = true
				return starlark.None, nil
			}
			prev := g.in.setActive(g.ch.thread)
			g.ch.stop()
			g.in.setActive(prev)
			g.done = true
			// What the body did after GeneratorExit: a yield (RuntimeError)
			// or another exception reaches the caller, as in CPython.
			select {
			case msg := <-g.ch.out:
				if msg.err != nil {
					pe := asPyError(msg.err)
					switch {
					case pe.Class == "GeneratorExit", pe.Class == "StopIteration":
					case pe.Class == "RuntimeError" && pe.Msg == ignoredExit:
						// CPython raises it from close() itself, with no context.
						return nil, pyErrorf("RuntimeError", ignoredExit)
					default:
						return nil, g.escaped(thread, msg.err)
					}
				}
			default:
			}
			return starlark.None, nil
		}), nil
	case "__name__", "__qualname__":
		return starlark.String(g.name), nil
	}
	return nil, pyErrorf("AttributeError", "'generator' object has no attribute '%s'", name)
}

func (g *Generator) AttrNames() []string {
	return []string{"__next__", "close", "send", "throw"}
}

// helperGenExp is a generator expression: $genexp([x for x in y]). The
// items are computed at once; the value iterates them lazily, like the
// generator it stands for.
func helperGenExp(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	l := args[0].(*starlark.List)
	return &listIterator{list: l, name: "<genexpr>"}, nil
}

// listIterator is an iterator over a list's items: the result of iter()
// on a list, and what a generator expression gives.
type listIterator struct {
	list *starlark.List
	pos  int
	name string
}

func (l *listIterator) String() string {
	if l.name != "" {
		return "<generator object " + l.name + " at " + hexAddr(l) + ">"
	}
	return "<list_iterator object at " + hexAddr(l) + ">"
}
func (l *listIterator) Repr() string { return l.String() }
func (l *listIterator) Type() string {
	if l.name != "" {
		return "generator"
	}
	return "list_iterator"
}
func (l *listIterator) Freeze()               {}
func (l *listIterator) Truth() starlark.Bool  { return true }
func (l *listIterator) Hash() (uint32, error) { return uint32(addressOf(l)), nil }
func (l *listIterator) Iterate() starlark.Iterator {
	return &funcIterator{step: func() (starlark.Value, bool, error) {
		v, ok := l.next()
		return v, ok, nil
	}}
}

func (l *listIterator) next() (starlark.Value, bool) {
	if l.pos >= l.list.Len() {
		return nil, false
	}
	l.pos++
	return l.list.Index(l.pos - 1), true
}

func hexAddr(v any) string { return "0x" + itoaHex(uint64(addressOf(v))) }

func itoaHex(n uint64) string {
	const digits = "0123456789abcdef"
	if n == 0 {
		return "0"
	}
	var b [16]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = digits[n%16]
		n /= 16
	}
	return string(b[i:])
}

// pyFuncName is the Python name of a lowered function: a synthetic
// body's name is "$kind:name".
func pyFuncName(name string) string {
	name = pyQualName(name)
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	return name
}

// pyQualName is the qualified name of a lowered function: "Point.move".
func pyQualName(name string) string {
	if len(name) > 0 && name[0] == '$' {
		if i := strings.IndexByte(name, ':'); i > 0 {
			name = name[i+1:]
		}
	}
	if name == "lambda" {
		return "<lambda>"
	}
	return name
}
