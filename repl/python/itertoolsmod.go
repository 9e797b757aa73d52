package python

import (
	"fmt"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// The itertools module, its lazy part that message loops use: count (a
// message id generator), cycle, repeat, islice, chain, zip_longest and
// accumulate. Each result is its own iterator (next(it), for, iter(it) is
// it) and takes items from its sources only as asked, so islice(gen, 3)
// leaves the rest in gen.

func newItertoolsModule(*Interp) starlark.Value {
	return table{name: "itertools", doc: "Lazy iterators: count, cycle, repeat, islice, chain, zip_longest, accumulate.", rows: []row{
		{name: "count", fn: itertoolsCount, sig: "itertools.count(start=0, step=1)", doc: "start, start+step, start+2*step, ... without end: ids = count(1); next(ids)."},
		{name: "cycle", fn: itertoolsCycle, sig: "itertools.cycle(iterable)", doc: "The items of iterable, again and again."},
		{name: "repeat", fn: itertoolsRepeat, sig: "itertools.repeat(object[, times])", doc: "object, times times (or without end)."},
		{name: "islice", fn: itertoolsIslice, sig: "itertools.islice(iterable, stop) / islice(iterable, start, stop[, step])", doc: "A slice of any iterable, taken lazily."},
		{name: "chain", value: chainType, sig: "itertools.chain(*iterables)", doc: "The items of each iterable in turn; chain.from_iterable(iterables) takes them from one iterable."},
		{name: "zip_longest", fn: itertoolsZipLongest, sig: "itertools.zip_longest(*iterables, fillvalue=None)", doc: "zip() that goes on to the longest, filling with fillvalue."},
		{name: "accumulate", fn: itertoolsAccumulate, sig: "itertools.accumulate(iterable[, func], *, initial=None)", doc: "Running totals (or running func(total, item))."},
	}}.module()
}

// lazyIter is an itertools iterator: step gives the next item.
type lazyIter struct {
	in   *Interp // whose running thread a Starlark builtin's loop uses
	name string
	repr func() string // nil: <itertools.name object at 0x...>
	step func(thread *starlark.Thread) (starlark.Value, bool, error)
	done bool
}

var _ pyIterator = (*lazyIter)(nil)

func (it *lazyIter) String() string {
	if it.repr != nil {
		return it.repr()
	}
	return fmt.Sprintf("<itertools.%s object at %s>", it.name, hexAddr(it))
}
func (it *lazyIter) Type() string          { return "itertools." + it.name }
func (it *lazyIter) Freeze()               {}
func (it *lazyIter) Truth() starlark.Bool  { return true }
func (it *lazyIter) Hash() (uint32, error) { return uint32(addressOf(it)), nil }

// Iterate is a loop of a Starlark builtin (list(), sorted()...): it runs
// on the running thread, so a failing item raises there, as in a for loop.
func (it *lazyIter) Iterate() starlark.Iterator {
	if it.in == nil {
		return iterateNext(it)
	}
	return threadIter{it, it.in.activeThread()}.Iterate()
}

func (it *lazyIter) next(thread *starlark.Thread) (starlark.Value, bool, error) {
	if it.done {
		return nil, false, nil
	}
	if thread == nil && it.in != nil {
		thread = it.in.activeThread()
	}
	v, ok, err := it.step(thread)
	if !ok || err != nil {
		it.done = true
	}
	return v, ok, err
}

// source takes items from any iterable one at a time: a list, tuple or
// range by index (so nothing stays locked against changes), an iterator
// by next().
func source(thread *starlark.Thread, v starlark.Value) (func(*starlark.Thread) (starlark.Value, bool, error), error) {
	switch x := v.(type) {
	case starlark.Tuple, *starlark.List:
		seq := x.(starlark.Indexable)
		i := 0
		return func(*starlark.Thread) (starlark.Value, bool, error) {
			if i >= seq.Len() {
				return nil, false, nil
			}
			i++
			return seq.Index(i - 1), true, nil
		}, nil
	}
	if x, ok := v.(starlark.Indexable); ok && x.Type() == "range" {
		i := 0
		return func(*starlark.Thread) (starlark.Value, bool, error) {
			if i >= x.Len() {
				return nil, false, nil
			}
			i++
			return x.Index(i - 1), true, nil
		}, nil
	}
	it, err := builtinIterFn(thread, nil, starlark.Tuple{v}, nil)
	if err != nil {
		return nil, err
	}
	return func(th *starlark.Thread) (starlark.Value, bool, error) {
		v, err := nextOf(th, it)
		if err != nil {
			if asPyError(err).Class == "StopIteration" {
				return nil, false, nil
			}
			return nil, false, err
		}
		return v, true, nil
	}, nil
}

func itertoolsCount(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var start, step starlark.Value = starlark.MakeInt(0), starlark.MakeInt(1)
	if err := starlark.UnpackArgs("count", args, kwargs, "start?", &start, "step?", &step); err != nil {
		return nil, err
	}
	for _, v := range []starlark.Value{start, step} {
		if _, ok := toFloat(v); !ok {
			return nil, pyErrorf("TypeError", "a number is required")
		}
	}
	cur := start
	it := &lazyIter{in: interpOf(thread), name: "count"}
	it.repr = func() string {
		if n, ok := smallIntOf(step); ok && n == 1 && isPyInt(step) {
			return "count(" + Repr(cur) + ")"
		}
		return "count(" + Repr(cur) + ", " + Repr(step) + ")"
	}
	it.step = func(*starlark.Thread) (starlark.Value, bool, error) {
		v := cur
		next, err := plus(cur, step)
		if err != nil {
			return nil, false, err
		}
		cur = next
		return v, true, nil
	}
	return it, nil
}

func itertoolsCycle(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs("cycle", args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	src, err := source(thread, v)
	if err != nil {
		return nil, err
	}
	var saved []starlark.Value
	first, i := true, 0
	return &lazyIter{in: interpOf(thread), name: "cycle", step: func(th *starlark.Thread) (starlark.Value, bool, error) {
		if first {
			v, ok, err := src(th)
			if err != nil {
				return nil, false, err
			}
			if ok {
				saved = append(saved, v)
				return v, true, nil
			}
			first = false
		}
		if len(saved) == 0 {
			return nil, false, nil
		}
		v := saved[i%len(saved)]
		i++
		return v, true, nil
	}}, nil
}

func itertoolsRepeat(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var obj starlark.Value
	times := -1
	var timesV starlark.Value = starlark.None
	if err := starlark.UnpackArgs("repeat", args, kwargs, "object", &obj, "times?", &timesV); err != nil {
		return nil, err
	}
	if timesV != starlark.None {
		n, ok := smallIntOf(timesV)
		if !ok || !isPyInt(timesV) {
			return nil, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(timesV))
		}
		times = int(max(n, 0))
	}
	it := &lazyIter{in: interpOf(thread), name: "repeat"}
	it.repr = func() string {
		if times < 0 {
			return "repeat(" + Repr(obj) + ")"
		}
		return "repeat(" + Repr(obj) + ", " + itoa(times) + ")"
	}
	it.step = func(*starlark.Thread) (starlark.Value, bool, error) {
		if times == 0 {
			return nil, false, nil
		}
		if times > 0 {
			times--
		}
		return obj, true, nil
	}
	return it, nil
}

func itertoolsIslice(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "islice() takes no keyword arguments")
	}
	if len(args) < 2 || len(args) > 4 {
		return nil, pyErrorf("TypeError", "islice expected at most 4 arguments, got %d", len(args))
	}
	bound := func(v starlark.Value, dflt int64, what string) (int64, error) {
		if v == starlark.None {
			return dflt, nil
		}
		n, ok := smallIntOf(v)
		if !ok || !isPyInt(v) || n < 0 {
			return 0, pyErrorf("ValueError", "%s argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.", what)
		}
		return n, nil
	}
	start, stop, step := int64(0), int64(-1), int64(1)
	var err error
	if len(args) == 2 {
		if stop, err = bound(args[1], -1, "Stop"); err != nil {
			return nil, err
		}
	} else {
		if start, err = bound(args[1], 0, "Indices"); err != nil {
			return nil, err
		}
		if stop, err = bound(args[2], -1, "Stop"); err != nil {
			return nil, err
		}
		if len(args) == 4 {
			if step, err = bound(args[3], 1, "Step"); err != nil {
				return nil, err
			}
			if step == 0 {
				return nil, pyErrorf("ValueError", "Step for islice() must be a positive integer or None.")
			}
		}
	}
	src, err := source(thread, args[0])
	if err != nil {
		return nil, err
	}
	pos, next := int64(0), start
	return &lazyIter{in: interpOf(thread), name: "islice", step: func(th *starlark.Thread) (starlark.Value, bool, error) {
		if stop >= 0 && next >= stop {
			return nil, false, nil
		}
		for {
			v, ok, err := src(th)
			if !ok || err != nil {
				return nil, false, err
			}
			pos++
			if pos-1 == next {
				next += step
				return v, true, nil
			}
		}
	}}, nil
}

// chainType is itertools.chain, with chain.from_iterable.
var chainType = &pyType{name: "itertools.chain", call: func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "chain() takes no keyword arguments")
	}
	return chainOf(thread, "chain", args, nil)
}, attrs: map[string]*starlark.Builtin{
	"from_iterable": starlark.NewBuiltin("from_iterable", func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var v starlark.Value
		if err := starlark.UnpackPositionalArgs("from_iterable", args, kwargs, 1, &v); err != nil {
			return nil, err
		}
		outer, err := source(thread, v)
		if err != nil {
			return nil, err
		}
		return chainOf(thread, "chain", nil, outer)
	}),
}}

// chainOf chains the iterables given, or those outer yields.
func chainOf(thread *starlark.Thread, name string, its starlark.Tuple, outer func(*starlark.Thread) (starlark.Value, bool, error)) (starlark.Value, error) {
	var cur func(*starlark.Thread) (starlark.Value, bool, error)
	i := 0
	return &lazyIter{in: interpOf(thread), name: name, step: func(th *starlark.Thread) (starlark.Value, bool, error) {
		for {
			if cur == nil {
				var v starlark.Value
				if outer != nil {
					var ok bool
					var err error
					if v, ok, err = outer(th); !ok || err != nil {
						return nil, false, err
					}
				} else {
					if i >= len(its) {
						return nil, false, nil
					}
					v = its[i]
					i++
				}
				src, err := source(th, v)
				if err != nil {
					return nil, false, err
				}
				cur = src
			}
			v, ok, err := cur(th)
			if err != nil {
				return nil, false, err
			}
			if ok {
				return v, true, nil
			}
			cur = nil
		}
	}}, nil
}

func itertoolsZipLongest(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fill starlark.Value = starlark.None
	for _, kv := range kwargs {
		if k := string(kv[0].(starlark.String)); k != "fillvalue" {
			return nil, pyErrorf("TypeError", "zip_longest() got an unexpected keyword argument '%s'", k)
		}
		fill = kv[1]
	}
	srcs := make([]func(*starlark.Thread) (starlark.Value, bool, error), len(args))
	for i, a := range args {
		src, err := source(thread, a)
		if err != nil {
			return nil, pyErrorf("TypeError", "zip_longest argument #%d must support iteration", i+1)
		}
		srcs[i] = src
	}
	ended := make([]bool, len(srcs))
	return &lazyIter{in: interpOf(thread), name: "zip_longest", step: func(th *starlark.Thread) (starlark.Value, bool, error) {
		if len(srcs) == 0 {
			return nil, false, nil
		}
		out := make(starlark.Tuple, len(srcs))
		live := 0
		for i, src := range srcs {
			if !ended[i] {
				v, ok, err := src(th)
				if err != nil {
					return nil, false, err
				}
				if ok {
					out[i] = v
					live++
					continue
				}
				ended[i] = true
			}
			out[i] = fill
		}
		return out, live > 0, nil
	}}, nil
}

func itertoolsAccumulate(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	var fn, initial starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs("accumulate", args, kwargs, "iterable", &v, "func?", &fn, "initial?", &initial); err != nil {
		return nil, err
	}
	src, err := source(thread, v)
	if err != nil {
		return nil, err
	}
	var total starlark.Value
	if initial != starlark.None {
		total = initial
	}
	started := false
	return &lazyIter{in: interpOf(thread), name: "accumulate", step: func(th *starlark.Thread) (starlark.Value, bool, error) {
		if !started && total != nil {
			started = true
			return total, true, nil
		}
		started = true
		x, ok, err := src(th)
		if !ok || err != nil {
			return nil, false, err
		}
		if total == nil {
			total = x
		} else if fn != starlark.None {
			if total, err = starlark.Call(th, fn, starlark.Tuple{total, x}, nil); err != nil {
				return nil, false, err
			}
		} else if total, err = plus(total, x); err != nil {
			return nil, false, err
		}
		return total, true, nil
	}}, nil
}

// plus is a + b, with Python's error.
func plus(a, b starlark.Value) (starlark.Value, error) {
	v, err := starlark.Binary(syntax.PLUS, a, b)
	if err != nil {
		return nil, asPyError(err)
	}
	return v, nil
}
