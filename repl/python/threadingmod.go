package python

import (
	"fmt"
	"math"
	"strings"
	"sync"

	"go.starlark.net/starlark"
)

// The threading module: Thread (a class programs subclass), Lock, RLock,
// Event, Condition, Semaphore, Timer, local and the functions that name threads. Every wait goes
// through Runtime.WaitChan, which gives the global lock up, shows the
// status line and lets Ctrl-C end it in the main thread.

func newThreadingModule(in *Interp) starlark.Value {
	return table{name: "threading", doc: "Threads: functions that run at the same time as the rest of the program, taking turns on one interpreter lock that every wait gives up.", rows: []row{
		{name: "Thread", value: threadClass(), sig: "threading.Thread(target=None, args=(), kwargs=None, name=None, daemon=None)", doc: "A thread of its own that runs target(*args, **kwargs), or the run() method of a subclass, once start() is called."},
		{name: "Lock", fn: newLock(false), sig: "threading.Lock()", doc: "A lock: acquire() waits until no other thread holds it; release() lets the next one in. with lock: holds it for the block."},
		{name: "RLock", fn: newLock(true), sig: "threading.RLock()", doc: "A lock the thread holding it may acquire again; it is free once released as many times."},
		{name: "Event", fn: newEvent, sig: "threading.Event()", doc: "A flag threads wait for: wait() blocks until another thread calls set()."},
		{name: "local", fn: newThreadLocal, sig: "threading.local()", doc: "An object whose attributes each thread sees its own of."},
		{name: "Timer", value: timerClass(), sig: "threading.Timer(interval, function, args=None, kwargs=None)", doc: "A Thread that calls function(*args, **kwargs) interval seconds after start(), unless cancel() comes first."},
		{name: "Condition", fn: newCondition, sig: "threading.Condition(lock=None)", doc: "A lock and the threads waiting on it: with cond: cond.wait() releases the lock until another thread calls cond.notify(); wait_for(predicate) waits until predicate() is true."},
		{name: "Semaphore", fn: newSemaphore, sig: "threading.Semaphore(value=1)", doc: "A counter: acquire() takes one, waiting while it is 0; release() gives one back."},
		{name: "BoundedSemaphore", fn: newSemaphore, sig: "threading.BoundedSemaphore(value=1)", doc: "A Semaphore (this shell does not check that releases match acquires)."},
		{name: "current_thread", fn: threadingCurrent, sig: "threading.current_thread() -> Thread", doc: "The thread running this code."},
		{name: "main_thread", fn: threadingMain, sig: "threading.main_thread() -> Thread", doc: "The program's first thread, the one Ctrl-C interrupts."},
		{name: "active_count", fn: threadingActiveCount, sig: "threading.active_count() -> int", doc: "How many threads are alive, the main thread included."},
		{name: "enumerate", fn: threadingEnumerate, sig: "threading.enumerate() -> list", doc: "The threads alive now, the main thread first."},
		{name: "currentThread", fn: legacyFunction("currentThread", "current_thread", threadingCurrent), sig: "threading.currentThread() -> Thread", doc: "The old name of current_thread(), deprecated since Python 3.10."},
		{name: "activeCount", fn: legacyFunction("activeCount", "active_count", threadingActiveCount), sig: "threading.activeCount() -> int", doc: "The old name of active_count(), deprecated since Python 3.10."},
		{name: "get_ident", fn: threadingGetIdent, sig: "threading.get_ident() -> int", doc: "A number that names the running thread while it lives."},
	}}.module()
}

// threadState is the Go side of a threading.Thread instance.
type threadState struct {
	t       *pyThread
	target  starlark.Value
	args    starlark.Tuple
	kwargs  []starlark.Tuple
	started bool
}

var (
	threadClassOnce sync.Once
	threadCls       *Class
)

// threadClass is threading.Thread, made once: a Class whose methods are
// Go builtins, so that programs can subclass it and override run().
func threadClass() *Class {
	threadClassOnce.Do(func() {
		prop := func(name string, get func(ts *threadState, inst *Instance) starlark.Value, set func(ts *threadState, v starlark.Value) error) *property {
			p := &property{fget: starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
				inst, ts, err := threadSelf(name, args)
				if err != nil {
					return nil, err
				}
				return get(ts, inst), nil
			})}
			if set != nil {
				p.fset = starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
					_, ts, err := threadSelf(name, args[:1])
					if err != nil {
						return nil, err
					}
					return starlark.None, set(ts, args[1])
				})
			}
			return p
		}
		dict := map[string]starlark.Value{
			"__init__":  starlark.NewBuiltin("__init__", threadInit),
			"start":     starlark.NewBuiltin("start", threadStart),
			"run":       starlark.NewBuiltin("run", threadRun),
			"join":      starlark.NewBuiltin("join", threadJoin),
			"is_alive":  starlark.NewBuiltin("is_alive", threadIsAlive),
			"__repr__":  starlark.NewBuiltin("__repr__", threadRepr),
			"getName":   legacyThreadMethod("getName", "get the name attribute", "name"),
			"setName":   legacyThreadMethod("setName", "set the name attribute", "name"),
			"isDaemon":  legacyThreadMethod("isDaemon", "get the daemon attribute", "daemon"),
			"setDaemon": legacyThreadMethod("setDaemon", "set the daemon attribute", "daemon"),
			"name": prop("name", func(ts *threadState, _ *Instance) starlark.Value { return starlark.String(ts.t.name) },
				func(ts *threadState, v starlark.Value) error {
					s, ok := v.(starlark.String)
					if !ok {
						return pyErrorf("TypeError", "name must be a str, not %s", pyTypeName(v))
					}
					ts.t.name = string(s)
					return nil
				}),
			"daemon": prop("daemon", func(ts *threadState, _ *Instance) starlark.Value { return starlark.Bool(ts.t.daemon) },
				func(ts *threadState, v starlark.Value) error {
					if ts.started {
						return pyErrorf("RuntimeError", "cannot set daemon status of active thread")
					}
					ts.t.daemon = bool(v.Truth())
					return nil
				}),
			"ident": prop("ident", func(ts *threadState, _ *Instance) starlark.Value {
				if !ts.started && !ts.t.isMain {
					return starlark.None
				}
				return starlark.MakeInt64(ts.t.ident)
			}, nil),
		}
		threadCls, _ = newClass("Thread", "threading", nil, dict)
	})
	return threadCls
}

// threadSelf checks the self argument of a Thread method.
func threadSelf(method string, args starlark.Tuple) (*Instance, *threadState, error) {
	if len(args) == 0 {
		return nil, nil, pyErrorf("TypeError", "Thread.%s() needs an argument", method)
	}
	inst, ok := args[0].(*Instance)
	if !ok || !inst.cls.isSubclass(threadClass()) {
		return nil, nil, pyErrorf("TypeError", "descriptor '%s' requires a 'Thread' object but received a '%s'", method, pyTypeName(args[0]))
	}
	ts, ok := inst.state.(*threadState)
	if !ok {
		return nil, nil, pyErrorf("RuntimeError", "thread.__init__() not called")
	}
	return inst, ts, nil
}

func threadInit(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, pyErrorf("TypeError", "Thread.__init__() needs an argument")
	}
	inst, ok := args[0].(*Instance)
	if !ok {
		return nil, pyErrorf("TypeError", "Thread.__init__() needs a Thread")
	}
	var group, target, name, daemon starlark.Value = starlark.None, starlark.None, starlark.None, starlark.None
	var targs starlark.Value = starlark.Tuple{}
	var tkwargs starlark.Value = starlark.None
	if err := starlark.UnpackArgs("Thread", args[1:], kwargs, "group?", &group, "target?", &target, "name?", &name, "args?", &targs, "kwargs?", &tkwargs, "daemon?", &daemon); err != nil {
		return nil, err
	}
	in := interpOf(thread)
	if in == nil {
		return nil, pyErrorf("RuntimeError", "threads need an interpreter")
	}
	n := in.threads.next.Add(1)
	ts := &threadState{t: &pyThread{ident: mainIdent + n, done: make(chan struct{})}, target: target}
	// Only a thread without a (true) name takes a number, as CPython's
	// _newname counts them.
	if name != starlark.None && name.Truth() {
		ts.t.name = pyStr(name)
	} else {
		ts.t.name = fmt.Sprintf("Thread-%d", in.threads.numbers.Add(1))
		if target != starlark.None {
			ts.t.name += " (" + callableName(target) + ")"
		}
	}
	if daemon != starlark.None {
		ts.t.daemon = bool(daemon.Truth())
	} else if cur := in.currentPy(); cur != nil {
		ts.t.daemon = cur.daemon
	}
	items, err := collect(thread, targs)
	if err != nil {
		return nil, err
	}
	ts.args = items
	if d, ok := tkwargs.(*starlark.Dict); ok {
		ts.kwargs = d.Items()
	}
	ts.t.value = inst
	inst.state = ts
	return starlark.None, nil
}

// currentPy is the Python thread holding the lock.
func (in *Interp) currentPy() *pyThread {
	in.mu.Lock()
	defer in.mu.Unlock()
	return in.current
}

func threadStart(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	inst, ts, err := threadSelf("start", args)
	if err != nil {
		return nil, err
	}
	if ts.started {
		return nil, pyErrorf("RuntimeError", "threads can only be started once")
	}
	ts.started = true
	run, err := getAttr(inst, "run")
	if err != nil {
		return nil, err
	}
	interpOf(thread).startThread(ts.t, run, nil, nil)
	return starlark.None, nil
}

// threadRun is Thread.run: call the target.
func threadRun(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	_, ts, err := threadSelf("run", args)
	if err != nil {
		return nil, err
	}
	if ts.target == starlark.None {
		return starlark.None, nil
	}
	_, err = starlark.Call(thread, ts.target, ts.args, ts.kwargs)
	return starlark.None, err
}

func threadJoin(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var timeout starlark.Value = starlark.None
	if err := starlark.UnpackArgs("join", args[min(1, len(args)):], kwargs, "timeout?", &timeout); err != nil {
		return nil, err
	}
	_, ts, err := threadSelf("join", args)
	if err != nil {
		return nil, err
	}
	if !ts.started {
		return nil, pyErrorf("RuntimeError", "cannot join thread before it is started")
	}
	in := interpOf(thread)
	if in.currentPy() == ts.t {
		return nil, pyErrorf("RuntimeError", "cannot join current thread")
	}
	t, err := waitTimeout(timeout)
	if err != nil {
		return nil, err
	}
	_, err = in.rt.WaitChan("join", "thread still running", ts.t.done, t)
	return starlark.None, err
}

func threadIsAlive(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	_, ts, err := threadSelf("is_alive", args)
	if err != nil {
		return nil, err
	}
	if ts.t.isMain {
		return starlark.True, nil
	}
	if !ts.started {
		return starlark.False, nil
	}
	select {
	case <-ts.t.done:
		return starlark.False, nil
	default:
		return starlark.True, nil
	}
}

func threadRepr(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	inst, ts, err := threadSelf("__repr__", args)
	if err != nil {
		return nil, err
	}
	status := "initial"
	if ts.t.isMain {
		status = "started"
	} else if ts.started {
		status = "started"
		select {
		case <-ts.t.done:
			status = "stopped"
		default:
		}
	}
	if ts.t.daemon {
		status += " daemon"
	}
	if ts.started || ts.t.isMain {
		status += fmt.Sprintf(" %d", ts.t.ident)
	}
	cls := inst.cls.name
	if ts.t.isMain && cls == "Thread" {
		cls = "_MainThread" // CPython's main thread is of a subclass of its own
	}
	return starlark.String(fmt.Sprintf("<%s(%s, %s)>", cls, ts.t.name, status)), nil
}

// waitTimeout reads a timeout: None (wait for ever) or seconds; a negative
// one means for ever too, as Lock.acquire's -1 does.
func waitTimeout(v starlark.Value) (*float64, error) {
	if v == starlark.None {
		return nil, nil
	}
	f, ok := toFloat(v)
	if !ok {
		return nil, pyErrorf("TypeError", "'%s' object cannot be interpreted as a float", pyTypeName(v))
	}
	if f < 0 || math.IsNaN(f) {
		// Event.wait, Semaphore.acquire and Thread.join do not wait
		// at all for these (Lock.acquire's -1 is read by lockTimeout).
		f = 0
	}
	return &f, nil
}

// lockTimeout checks Lock.acquire's arguments as CPython's _thread does;
// -1, the default, becomes None (wait for ever).
func lockTimeout(blocking bool, v starlark.Value) (starlark.Value, error) {
	f, ok := toFloat(v)
	if !ok {
		return nil, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(v))
	}
	switch {
	case math.IsNaN(f):
		return nil, pyErrorf("ValueError", "Invalid value NaN (not a number)")
	case math.Abs(f) >= 9223372036.854775807:
		return nil, pyErrorf("OverflowError", "timestamp out of range for platform time_t")
	case !blocking && f != -1:
		return nil, pyErrorf("ValueError", "can't specify a timeout for a non-blocking call")
	case f < 0 && f != -1:
		return nil, pyErrorf("ValueError", "timeout value must be positive")
	case f > 9223372036:
		return nil, pyErrorf("OverflowError", "timeout value is too large")
	case f == -1:
		return starlark.None, nil
	}
	return v, nil
}

// threadValue is the threading.Thread object of a Python thread; the main
// thread's is made on first use.
func (in *Interp) threadValue(t *pyThread) starlark.Value {
	if t.value == nil {
		inst := &Instance{cls: threadClass(), state: &threadState{t: t, target: starlark.None, started: true}}
		t.value = inst
	}
	return t.value
}

func threadingCurrent(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	in := interpOf(thread)
	t := in.currentPy()
	if t == nil {
		t = in.main
	}
	return in.threadValue(t), nil
}

func threadingMain(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	in := interpOf(thread)
	return in.threadValue(in.main), nil
}

func threadingActiveCount(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return starlark.MakeInt(1 + len(interpOf(thread).threads.all())), nil
}

func threadingEnumerate(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	in := interpOf(thread)
	out := []starlark.Value{in.threadValue(in.main)}
	for _, t := range in.threads.all() {
		out = append(out, in.threadValue(t))
	}
	return starlark.NewList(out), nil
}

func threadingGetIdent(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	in := interpOf(thread)
	t := in.currentPy()
	if t == nil {
		t = in.main
	}
	return starlark.MakeInt64(t.ident), nil
}

// legacyThreadMethod is one of Thread's camelCase accessors, deprecated
// since Python 3.10 and still in PyMOTW's examples: it warns, then reads
// or sets the attribute it stands for.
func legacyThreadMethod(name, instead, attr string) *starlark.Builtin {
	setter := strings.HasPrefix(name, "set")
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		want := 1
		if setter {
			want = 2
		}
		if len(args) == 0 {
			return nil, pyErrorf("TypeError", "Thread.%s() needs an argument", name)
		}
		if len(kwargs) > 0 {
			return nil, pyErrorf("TypeError", "Thread.%s() got an unexpected keyword argument '%s'", name, kwargs[0][0].(starlark.String))
		}
		if len(args) != want {
			if want == 1 {
				return nil, pyErrorf("TypeError", "Thread.%s() takes 1 positional argument but %d were given", name, len(args))
			}
			if len(args) < want {
				param := "daemonic"
				if attr == "name" {
					param = "name"
				}
				return nil, pyErrorf("TypeError", "Thread.%s() missing 1 required positional argument: '%s'", name, param)
			}
			return nil, pyErrorf("TypeError", "Thread.%s() takes 2 positional arguments but %d were given", name, len(args))
		}
		if _, _, err := threadSelf(name, args[:1]); err != nil {
			return nil, err
		}
		deprecated(thread, fmt.Sprintf("%s() is deprecated, %s instead", name, instead))
		if setter {
			return builtinSetattr(thread, nil, starlark.Tuple{args[0], starlark.String(attr), args[1]}, nil)
		}
		return getAttr(args[0], attr)
	})
}

// legacyFunction is a module function's camelCase name, deprecated since
// Python 3.10: it warns, then calls the function under its new name.
func legacyFunction(name, newName string, fn func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		deprecated(thread, fmt.Sprintf("%s() is deprecated, use %s() instead", name, newName))
		return fn(thread, b, args, kwargs)
	}
}
