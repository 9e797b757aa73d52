package python

import (
	"sync"

	"go.starlark.net/starlark"
)

// threading.Timer: a Thread whose run() waits interval seconds on its
// finished Event and then calls function(*args, **kwargs), unless
// cancel() set the event first (a heartbeat, a connection timeout). As
// in CPython it is a Thread subclass with interval, function, args,
// kwargs and finished attributes.

var (
	timerClassOnce sync.Once
	timerCls       *Class
)

func timerClass() *Class {
	timerClassOnce.Do(func() {
		timerCls, _ = newClass("Timer", "threading", []*Class{threadClass()}, map[string]starlark.Value{
			"__init__": starlark.NewBuiltin("__init__", timerInit),
			"run":      starlark.NewBuiltin("run", timerRun),
			"cancel":   starlark.NewBuiltin("cancel", timerCancel),
		})
	})
	return timerCls
}

func timerInit(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, pyErrorf("TypeError", "Timer.__init__() needs an argument")
	}
	inst, ok := args[0].(*Instance)
	if !ok {
		return nil, pyErrorf("TypeError", "Timer.__init__() needs a Timer")
	}
	var interval, function starlark.Value
	var fargs, fkwargs starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs("Timer", args[1:], kwargs, "interval", &interval, "function", &function, "args?", &fargs, "kwargs?", &fkwargs); err != nil {
		return nil, err
	}
	if _, err := threadInit(thread, nil, starlark.Tuple{inst}, nil); err != nil {
		return nil, err
	}
	if fargs == starlark.None {
		fargs = starlark.NewList(nil)
	}
	if fkwargs == starlark.None {
		fkwargs = starlark.NewDict(0)
	}
	inst.setDirect("interval", interval)
	inst.setDirect("function", function)
	inst.setDirect("args", fargs)
	inst.setDirect("kwargs", fkwargs)
	inst.setDirect("finished", &eventValue{})
	return starlark.None, nil
}

// timerParts reads the attributes timerInit set.
func timerParts(args starlark.Tuple) (*Instance, *eventValue, error) {
	if len(args) == 0 {
		return nil, nil, pyErrorf("TypeError", "Timer method needs an argument")
	}
	inst, ok := args[0].(*Instance)
	if !ok {
		return nil, nil, pyErrorf("TypeError", "Timer method needs a Timer")
	}
	fin, err := inst.Attr("finished")
	if err != nil {
		return nil, nil, err
	}
	ev, ok := fin.(*eventValue)
	if !ok {
		return nil, nil, pyErrorf("TypeError", "Timer.finished must be an Event")
	}
	return inst, ev, nil
}

func timerRun(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	inst, ev, err := timerParts(args)
	if err != nil {
		return nil, err
	}
	interval, _ := inst.Attr("interval")
	deadline, err := deadlineOf(true, interval)
	if err != nil {
		return nil, err
	}
	if _, err := waitUntil(thread, "wait", "timer not due", &ev.changed, deadline, func() bool { return ev.set }); err != nil {
		return nil, err
	}
	if !ev.set {
		fn, _ := inst.Attr("function")
		fargs, _ := inst.Attr("args")
		fkwargs, _ := inst.Attr("kwargs")
		items, err := collect(thread, fargs)
		if err != nil {
			return nil, err
		}
		var kw []starlark.Tuple
		if d, ok := fkwargs.(*starlark.Dict); ok {
			kw = d.Items()
		}
		if _, err := starlark.Call(thread, fn, items, kw); err != nil {
			return nil, err
		}
	}
	ev.set = true
	ev.changed.fire()
	return starlark.None, nil
}

func timerCancel(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
	_, ev, err := timerParts(args)
	if err != nil {
		return nil, err
	}
	ev.set = true
	ev.changed.fire()
	return starlark.None, nil
}
