package python

import (
	"fmt"

	"go.starlark.net/starlark"
)

// The queue module: Queue (first in, first out), LifoQueue, and the Empty
// and Full exceptions. get() and put() wait as threading's locks do.

func newQueueModule(in *Interp) starlark.Value {
	return table{name: "queue", doc: "Queues that threads hand items over through: put() adds, get() takes, waiting when the queue is empty (or full).", rows: []row{
		{name: "Queue", fn: newQueue(false), sig: "queue.Queue(maxsize=0)", doc: "A first-in, first-out queue; maxsize 0 means no limit."},
		{name: "LifoQueue", fn: newQueue(true), sig: "queue.LifoQueue(maxsize=0)", doc: "A last-in, first-out queue (a stack)."},
		{name: "SimpleQueue", fn: newQueue(false), sig: "queue.SimpleQueue()", doc: "A first-in, first-out queue with no size limit."},
		{name: "Empty", value: exceptionClasses["_queue.Empty"], sig: "queue.Empty", doc: "Raised by get_nowait(), or get() with a timeout, when no item came."},
		{name: "Full", value: exceptionClasses["queue.Full"], sig: "queue.Full", doc: "Raised by put_nowait(), or put() with a timeout, when no room came."},
	}}.module()
}

// queueValue is a Queue or LifoQueue.
type queueValue struct {
	lifo       bool
	maxsize    int
	items      []starlark.Value
	unfinished int
	changed    signal // an item was put or got
	allDone    signal // unfinished reached 0
}

func newQueue(lifo bool) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		maxsize := 0
		if b.Name() != "SimpleQueue" {
			if err := starlark.UnpackArgs(b.Name(), args, kwargs, "maxsize?", &maxsize); err != nil {
				return nil, err
			}
		} else if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0); err != nil {
			return nil, err
		}
		return &queueValue{lifo: lifo, maxsize: maxsize}, nil
	}
}

func (q *queueValue) String() string {
	kind := "Queue"
	if q.lifo {
		kind = "LifoQueue"
	}
	return fmt.Sprintf("<queue.%s object at %s>", kind, hexAddr(q))
}
func (q *queueValue) Repr() string          { return q.String() }
func (q *queueValue) Type() string          { return "Queue" }
func (q *queueValue) Freeze()               {}
func (q *queueValue) Truth() starlark.Bool  { return true }
func (q *queueValue) Hash() (uint32, error) { return uint32(addressOf(q)), nil }
func (q *queueValue) AttrNames() []string {
	return []string{"empty", "full", "get", "get_nowait", "join", "maxsize", "put", "put_nowait", "qsize", "task_done"}
}

func (q *queueValue) full() bool { return q.maxsize > 0 && len(q.items) >= q.maxsize }

func (q *queueValue) put(thread *starlark.Thread, item starlark.Value, block bool, timeout starlark.Value) error {
	if err := queueTimeout(block && q.maxsize > 0, timeout); err != nil { // an unbounded put never waits
		return err
	}
	deadline, err := deadlineOf(block, timeout)
	if err != nil {
		return err
	}
	ok, err := waitUntil(thread, "put", "queue full", &q.changed, deadline, func() bool { return !q.full() })
	if err != nil {
		return err
	}
	if !ok {
		return &PyError{Class: "queue.Full"}
	}
	q.items = append(q.items, item)
	q.unfinished++
	q.changed.fire()
	return nil
}

func (q *queueValue) get(thread *starlark.Thread, block bool, timeout starlark.Value) (starlark.Value, error) {
	if err := queueTimeout(block, timeout); err != nil {
		return nil, err
	}
	deadline, err := deadlineOf(block, timeout)
	if err != nil {
		return nil, err
	}
	ok, err := waitUntil(thread, "get", "queue empty", &q.changed, deadline, func() bool { return len(q.items) > 0 })
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, &PyError{Class: "_queue.Empty"}
	}
	var v starlark.Value
	if q.lifo {
		v = q.items[len(q.items)-1]
		q.items = q.items[:len(q.items)-1]
	} else {
		v = q.items[0]
		q.items = q.items[1:]
	}
	q.changed.fire()
	return v, nil
}

func (q *queueValue) Attr(name string) (starlark.Value, error) {
	b := func(fn func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)) starlark.Value {
		return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return fn(thread, args, kwargs)
		})
	}
	switch name {
	case "put", "put_nowait":
		return b(func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var item starlark.Value
			block := name == "put"
			var timeout starlark.Value = starlark.None
			if name == "put" {
				if err := starlark.UnpackArgs(name, args, kwargs, "item", &item, "block?", &block, "timeout?", &timeout); err != nil {
					return nil, err
				}
			} else if err := starlark.UnpackArgs(name, args, kwargs, "item", &item); err != nil {
				return nil, err
			}
			return starlark.None, q.put(thread, item, block, timeout)
		}), nil
	case "get", "get_nowait":
		return b(func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			block := name == "get"
			var timeout starlark.Value = starlark.None
			if name == "get" {
				if err := starlark.UnpackArgs(name, args, kwargs, "block?", &block, "timeout?", &timeout); err != nil {
					return nil, err
				}
			} else if err := starlark.UnpackPositionalArgs(name, args, kwargs, 0); err != nil {
				return nil, err
			}
			return q.get(thread, block, timeout)
		}), nil
	case "qsize":
		return b(func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.MakeInt(len(q.items)), nil
		}), nil
	case "empty":
		return b(func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.Bool(len(q.items) == 0), nil
		}), nil
	case "full":
		return b(func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.Bool(q.full()), nil
		}), nil
	case "task_done":
		return b(func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			if q.unfinished == 0 {
				return nil, pyErrorf("ValueError", "task_done() called too many times")
			}
			q.unfinished--
			if q.unfinished == 0 {
				q.allDone.fire()
			}
			return starlark.None, nil
		}), nil
	case "join":
		return b(func(thread *starlark.Thread, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
			_, err := waitUntil(thread, "join", "tasks not done", &q.allDone, nil, func() bool { return q.unfinished == 0 })
			return starlark.None, err
		}), nil
	case "maxsize":
		return starlark.MakeInt(q.maxsize), nil
	}
	return nil, pyErrorf("AttributeError", "'Queue' object has no attribute '%s'", name)
}

// queueTimeout refuses a negative timeout, as queue.Queue does.
func queueTimeout(block bool, timeout starlark.Value) error {
	if f, ok := toFloat(timeout); ok && block && f < 0 {
		return pyErrorf("ValueError", "'timeout' must be a non-negative number")
	}
	return nil
}
