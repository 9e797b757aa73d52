package python

import (
	"errors"
	"strings"

	"go.starlark.net/starlark"

	"sockrepl/sockets"
)

// The helpers behind try, with, raise, return from a body, and boxes.
// Bodies are Starlark functions that return None, a control code
// (translate.CodeBreak, CodeContinue) or a *retValue for return.

// retValue carries a return statement's value out of a body.
type retValue struct{ v starlark.Value }

func (r *retValue) String() string        { return "<return>" }
func (r *retValue) Type() string          { return "return" }
func (r *retValue) Freeze()               {}
func (r *retValue) Truth() starlark.Bool  { return true }
func (r *retValue) Hash() (uint32, error) { return 0, nil }
func (r *retValue) Attr(string) (starlark.Value, error) {
	return r.v, nil
}
func (r *retValue) AttrNames() []string { return []string{"v"} }

func helperRet(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	return &retValue{v: args[0]}, nil
}

// handling is the exception stack of one thread: the exceptions whose
// handlers are running, innermost last (what a bare raise re-raises and
// what a new exception takes as its __context__).
type handling struct{ stack []*PyError }

func handlingOf(thread *starlark.Thread) *handling { return &localsOf(thread).handling }

func (h *handling) current() *PyError {
	if len(h.stack) == 0 {
		return nil
	}
	return h.stack[len(h.stack)-1]
}

// caught turns an error that reached a try into the exception it is, with
// the stack it was raised with, and acknowledges an interrupt so that the
// handler (or the finally clause) can run.
func caught(thread *starlark.Thread, err error) (*PyError, error) {
	if pe := quickCaught(thread, err); pe != nil {
		return pe, err
	}
	conv, changed := err, false
	if in := interpOf(thread); in != nil {
		conv, changed = in.resolveIter(thread, err)
	}
	var exit *ExitError
	if errors.As(err, &exit) {
		// exit() and sys.exit() raise SystemExit: catchable, and the
		// program ends with its code if nothing catches it.
		pe := &PyError{Class: "SystemExit", raw: err}
		if exit.Message != nil {
			pe.Args = starlark.Tuple{exit.Message}
		} else {
			pe.Args = starlark.Tuple{starlark.MakeInt(exit.Code)}
		}
		pe.Msg = excStr(exceptionValue(pe))
		return pe, err
	}
	pe := asPyError(conv)
	if changed {
		pe.raw = err // the loop's cancellation: frames() pairs it with conv
	}
	pe.caughtDepth = thread.CallStackDepth()
	if cur := handlingOf(thread).current(); cur != nil && cur.raw != err {
		// Raised while another was being handled: Python records it as
		// the new one's __context__.
		if inst := exceptionValue(pe); inst.exc.context == nil {
			if cv := exceptionValue(cur); cv != inst {
				inst.exc.context = cv
			}
		}
	}
	if pe.Class == "KeyboardInterrupt" || pe.Class == "MemoryError" {
		if in := interpOf(thread); in != nil {
			in.acknowledge(thread)
		}
	}
	return pe, err
}

// quickCaught is caught for the common case, a socket call's error or a
// raised exception wrapped once by Starlark, outside any handler: the
// exception without the general path's conversions. nil otherwise.
func quickCaught(thread *starlark.Thread, err error) *PyError {
	ee, ok := err.(*starlark.EvalError)
	if !ok {
		return nil
	}
	var pe *PyError
	switch x := ee.Unwrap().(type) {
	case *sockets.Error:
		if x.Class == "KeyboardInterrupt" {
			return nil
		}
		pe = &PyError{Class: x.Class, Msg: x.Msg, Errno: x.Errno, Op: x.Op}
	case *PyError:
		if x.Class == "KeyboardInterrupt" || x.Class == "MemoryError" {
			return nil
		}
		c := *x
		pe = &c
	default:
		return nil
	}
	if len(handlingOf(thread).stack) > 0 {
		return nil // the general path records the context
	}
	pe.raw = err
	pe.caughtDepth = thread.CallStackDepth()
	return pe
}

// helperTry runs a try statement:
//
//	$try(body, (spec, handler, ...), orelse, final)
//
// spec is None for a bare except, or a function returning the class (or
// tuple of classes) the clause names; it is called only when an
// exception reaches that clause, as Python evaluates it.
func helperTry(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	body, handlers, orelse, final := args[0], args[1].(starlark.Tuple), args[2], args[3]
	res, err := starlark.Call(thread, body, nil, nil)
	if err != nil && len(handlers) > 1 {
		res, err = handle(thread, err, handlers[0].(globalStore), handlers[1:])
	} else if err == nil && res == starlark.None && orelse != starlark.None {
		res, err = starlark.Call(thread, orelse, nil, nil)
	}
	if final == starlark.None {
		return res, err
	}
	var pending *PyError
	if err != nil {
		pending, err = caught(thread, err)
		h := handlingOf(thread)
		h.stack = append(h.stack, pending)
		defer func() { h.stack = h.stack[:len(h.stack)-1] }()
	}
	fres, ferr := starlark.Call(thread, final, nil, nil)
	switch {
	case ferr != nil:
		return nil, chain(thread, ferr, pending)
	case fres != starlark.None:
		return fres, nil // return, break or continue in finally drops the exception
	}
	return res, err
}

// handle finds the except clause for err and runs it.
func handle(thread *starlark.Thread, err error, g globalStore, handlers starlark.Tuple) (starlark.Value, error) {
	pe, err := caught(thread, err)
	cls := exceptionClassOf(pe)
	for i := 0; i+1 < len(handlers); i += 2 {
		spec, handler := handlers[i], handlers[i+1]
		if spec != starlark.None {
			want, serr := specClasses(thread, g, spec)
			if serr != nil {
				return nil, chain(thread, serr, pe)
			}
			ok, merr := matches(cls, want)
			if merr != nil {
				return nil, chain(thread, merr, pe)
			}
			if !ok {
				continue
			}
		}
		h := handlingOf(thread)
		h.stack = append(h.stack, pe)
		var args starlark.Tuple
		if fn, ok := handler.(*starlark.Function); ok && fn.NumParams() == 1 {
			args = starlark.Tuple{exceptionValue(pe)}
		}
		res, herr := starlark.Call(thread, handler, args, nil)
		h.stack = h.stack[:len(h.stack)-1]
		if herr != nil {
			return nil, chain(thread, herr, pe)
		}
		return res, nil
	}
	return nil, err
}

// specClasses evaluates an except clause's class: a function the
// lowering hoisted, or the dotted names of globals (as strings), read
// here as Python would read them.
func specClasses(thread *starlark.Thread, g globalStore, spec starlark.Value) (starlark.Value, error) {
	switch x := spec.(type) {
	case starlark.String:
		// "BlockingIOError" or "socket.timeout": the name, then its
		// attributes, read when the handler is tried, as Python does.
		first, rest, dotted := strings.Cut(string(x), ".")
		v, err := g.Attr(first)
		for dotted && err == nil {
			var p string
			p, rest, dotted = strings.Cut(rest, ".")
			v, err = getAttr(v, p)
		}
		return v, err
	case starlark.Tuple:
		out := make(starlark.Tuple, len(x))
		for i, el := range x {
			v, err := specClasses(thread, g, el)
			if err != nil {
				return nil, err
			}
			out[i] = v
		}
		return out, nil
	}
	return starlark.Call(thread, spec, nil, nil)
}

// matches reports whether an exception of class cls is caught by an
// except clause naming want (a class or a tuple of classes).
func matches(cls *Class, want starlark.Value) (bool, error) {
	switch w := want.(type) {
	case *Class:
		if !w.exc {
			return false, notCatchable()
		}
		return cls.isSubclass(w), nil
	case starlark.Tuple:
		for _, x := range w {
			ok, err := matches(cls, x)
			if ok || err != nil {
				return ok, err
			}
		}
		return false, nil
	}
	return false, notCatchable()
}

func notCatchable() error {
	return &PyError{Class: "TypeError", Msg: "catching classes that do not inherit from BaseException is not allowed"}
}

// chain records that err was raised while handling prev: Python shows
// prev above it ("During handling of the above exception...").
func chain(thread *starlark.Thread, err error, prev *PyError) error {
	if prev == nil {
		return err
	}
	attach := func(pe *PyError) {
		if pe.raw == prev.raw && prev.raw != nil {
			return // the same exception, raised again
		}
		inst := exceptionValue(pe)
		if inst.exc.context == nil {
			if pv := exceptionValue(prev); pv != inst {
				inst.exc.context = pv
			}
		}
	}
	var target *PyError
	if errors.As(err, &target) {
		attach(target)
		return err
	}
	var exit *ExitError
	if errors.As(err, &exit) {
		return err
	}
	// A Go error from a builtin: made into a Python exception here, so
	// that the context stays with it.
	pe := asPyError(err)
	attach(pe)
	return pe
}

// helperRaise is raise X and raise X from Y.
func helperRaise(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	inst, err := toException(thread, args[0])
	if err != nil {
		return nil, err
	}
	if len(args) > 1 {
		switch c := args[1].(type) {
		case starlark.NoneType:
			inst.exc.cause = starlark.None
		default:
			cause, err := toException(thread, c)
			if err != nil {
				return nil, pyErrorf("TypeError", "exception causes must derive from BaseException")
			}
			inst.exc.cause = cause
		}
		inst.exc.suppressContext = true
	}
	if cur := handlingOf(thread).current(); cur != nil && inst.exc.context == nil {
		if cv := exceptionValue(cur); cv != inst {
			inst.exc.context = cv
		}
	}
	if inst.cls.isSubclass(exceptionClasses["SystemExit"]) {
		return nil, systemExit(inst)
	}
	return nil, raisedError(inst)
}

// toException is the instance raise X raises: X itself, or X() for a class.
func toException(thread *starlark.Thread, v starlark.Value) (*Instance, error) {
	switch x := v.(type) {
	case *Instance:
		if x.exc != nil {
			return x, nil
		}
	case *Class:
		if x.exc {
			made, err := starlark.Call(thread, x, nil, nil)
			if err != nil {
				return nil, err
			}
			if inst, ok := made.(*Instance); ok && inst.exc != nil {
				return inst, nil
			}
		}
	}
	return nil, pyErrorf("TypeError", "exceptions must derive from BaseException")
}

// helperReraise is a bare raise: the exception being handled, with the
// stack it had.
func helperReraise(thread *starlark.Thread, _ *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	cur := handlingOf(thread).current()
	if cur == nil {
		return nil, &PyError{Class: "RuntimeError", Msg: "No active exception to reraise"}
	}
	// The error as it was caught: a Starlark error keeps the stack it was
	// raised with, as Python's traceback does.
	return nil, cur.raw
}

// helperAssert is a failed assert, with its message if it has one.
func helperAssert(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	cls := exceptionClasses["AssertionError"]
	v, err := newException(thread, cls, args, nil)
	if err != nil {
		return nil, err
	}
	return helperRaise(thread, nil, starlark.Tuple{v}, nil)
}

// helperWith runs a with statement's body between __enter__ and __exit__.
func helperWith(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	mgr, body := args[0], args[1]
	enter, exit, err := contextMethods(mgr)
	if err != nil {
		return nil, err
	}
	entered, err := starlark.Call(thread, enter, nil, nil)
	if err != nil {
		return nil, err
	}
	res, err := starlark.Call(thread, body, starlark.Tuple{entered}, nil)
	if err == nil {
		if _, xerr := starlark.Call(thread, exit, starlark.Tuple{starlark.None, starlark.None, starlark.None}, nil); xerr != nil {
			return nil, xerr
		}
		return res, nil
	}
	pe, err := caught(thread, err)
	inst := exceptionValue(pe)
	h := handlingOf(thread)
	h.stack = append(h.stack, pe)
	suppress, xerr := starlark.Call(thread, exit, starlark.Tuple{inst.cls, inst, starlark.None}, nil)
	h.stack = h.stack[:len(h.stack)-1]
	if xerr != nil {
		return nil, chain(thread, xerr, pe)
	}
	if suppress.Truth() {
		return starlark.None, nil
	}
	return nil, err
}

// contextMethods finds __enter__ and __exit__, or says, as CPython does,
// that the object is not a context manager.
func contextMethods(mgr starlark.Value) (enter, exit starlark.Value, err error) {
	attrs, ok := mgr.(starlark.HasAttrs)
	if ok {
		enter, _ = attrs.Attr("__enter__")
		exit, _ = attrs.Attr("__exit__")
	}
	if enter == nil {
		return nil, nil, pyErrorf("TypeError", "'%s' object does not support the context manager protocol", pyTypeName(mgr))
	}
	if exit == nil {
		return nil, nil, pyErrorf("TypeError", "'%s' object does not support the context manager protocol (missed __exit__ method)", pyTypeName(mgr))
	}
	return enter, exit, nil
}

// box holds the variables of a function that nested bodies assign:
// b[i] reads slot i (UnboundLocalError when unset), b[i] = v sets it.
type box struct {
	names []string
	vals  []starlark.Value
}

var _ starlark.HasSetKey = (*box)(nil)

func (b *box) String() string        { return "<box>" }
func (b *box) Type() string          { return "box" }
func (b *box) Freeze()               {}
func (b *box) Truth() starlark.Bool  { return true }
func (b *box) Hash() (uint32, error) { return 0, nil }

func (b *box) slot(k starlark.Value) int {
	n, _ := k.(starlark.Int).Int64()
	return int(n)
}

func (b *box) Get(k starlark.Value) (starlark.Value, bool, error) {
	i := b.slot(k)
	if v := b.vals[i]; v != nil {
		return v, true, nil
	}
	return nil, false, pyErrorf("UnboundLocalError", "cannot access local variable '%s' where it is not associated with a value", b.names[i])
}

func (b *box) SetKey(k, v starlark.Value) error {
	b.vals[b.slot(k)] = v
	return nil
}

func helperBox(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	names := args[0].(starlark.Tuple)
	b := &box{names: make([]string, len(names)), vals: make([]starlark.Value, len(names))}
	for i, n := range names {
		b.names[i] = string(n.(starlark.String))
	}
	return b, nil
}

// helperUnbind is del x for a boxed variable: $unbind(box, i, name, quiet).
func helperUnbind(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	b, i := args[0].(*box), args[1].(starlark.Int)
	n, _ := i.Int64()
	if b.vals[n] == nil && !bool(args[3].Truth()) {
		return nil, pyErrorf("UnboundLocalError", "cannot access local variable '%s' where it is not associated with a value", b.names[n])
	}
	b.vals[n] = nil
	return starlark.None, nil
}

// helperSetSlot is a walrus on a boxed variable: $setslot(box, i, v) -> v.
func helperSetSlot(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	b, i := args[0].(*box), args[1].(starlark.Int)
	n, _ := i.Int64()
	b.vals[n] = args[2]
	return args[2], nil
}

// recursionLimit is sys.getrecursionlimit() in CPython.
const recursionLimit = 1000

// helperEnter is $enter(), the first statement of a function that names
// itself: RecursionError once Python's frames would pass the limit.
// Counting them walks the stack, so it is done only once Starlark's
// frames (at least as many) pass it.
func helperEnter(thread *starlark.Thread, _ *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	if err := checkRecursion(thread, ""); err != nil {
		return nil, err
	}
	return starlark.None, nil
}

// checkRecursion is RecursionError once the Python frames on thread's
// stack pass the limit; where is CPython's end of the message (" in
// comparison"), or "".
func checkRecursion(thread *starlark.Thread, where string) error {
	if thread.CallStackDepth() <= recursionLimit {
		return nil
	}
	n := 0
	for i := 0; i < thread.CallStackDepth(); i++ {
		name := thread.CallFrame(i).Name
		if name == "<toplevel>" || len(name) == 0 || name[0] != '$' || strings.HasPrefix(name, "$gen") || strings.HasPrefix(name, "$class") {
			if thread.CallFrame(i).Pos.Filename() != "<builtin>" {
				n++
			}
		}
	}
	if n > recursionLimit {
		return &PyError{Class: "RecursionError", Msg: "maximum recursion depth exceeded" + where, atCall: true}
	}
	return nil
}
