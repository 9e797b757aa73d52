package python

import (
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// collections.deque: the outbound queue of a chat server's client
// (append at the right, popleft as the socket can take it), optionally
// bounded by maxlen, when items pushed in at one end push the oldest
// out at the other.

type dequeValue struct {
	items  []starlark.Value
	maxlen int // -1: unbounded
}

var (
	_ starlark.Indexable  = (*dequeValue)(nil)
	_ starlark.Iterable   = (*dequeValue)(nil)
	_ starlark.HasSetKey  = (*dequeValue)(nil)
	_ starlark.HasAttrs   = (*dequeValue)(nil)
	_ starlark.Comparable = (*dequeValue)(nil)
)

var typeDeque = registerType(&pyType{name: "collections.deque", call: newDeque})

func newDeque(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var iterable, maxlen starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs("deque", args, kwargs, "iterable?", &iterable, "maxlen?", &maxlen); err != nil {
		return nil, err
	}
	d := &dequeValue{maxlen: -1}
	if maxlen != starlark.None {
		n, ok := smallIntOf(maxlen)
		if !isPyInt(maxlen) {
			return nil, pyErrorf("TypeError", "an integer is required")
		}
		if !ok || n < 0 {
			return nil, pyErrorf("ValueError", "maxlen must be non-negative")
		}
		d.maxlen = int(n)
	}
	if iterable != starlark.None {
		items, err := collect(thread, iterable)
		if err != nil {
			return nil, err
		}
		for _, x := range items {
			d.push(x, false)
		}
	}
	return d, nil
}

// push adds x at the right (or the left), dropping from the other end
// past maxlen.
func (d *dequeValue) push(x starlark.Value, left bool) {
	if d.maxlen == 0 {
		return
	}
	if left {
		d.items = append([]starlark.Value{x}, d.items...)
		if d.maxlen >= 0 && len(d.items) > d.maxlen {
			d.items = d.items[:d.maxlen]
		}
		return
	}
	d.items = append(d.items, x)
	if d.maxlen >= 0 && len(d.items) > d.maxlen {
		d.items = append([]starlark.Value(nil), d.items[len(d.items)-d.maxlen:]...)
	}
}

func (d *dequeValue) String() string { return d.Repr() }
func (d *dequeValue) Repr() string {
	parts := make([]string, len(d.items))
	for i, x := range d.items {
		parts[i] = Repr(x)
	}
	s := "deque([" + strings.Join(parts, ", ") + "]"
	if d.maxlen >= 0 {
		s += ", maxlen=" + itoa(d.maxlen)
	}
	return s + ")"
}
func (d *dequeValue) Type() string         { return "collections.deque" }
func (d *dequeValue) Freeze()              {}
func (d *dequeValue) Truth() starlark.Bool { return len(d.items) > 0 }
func (d *dequeValue) Hash() (uint32, error) {
	return 0, pyErrorf("TypeError", "unhashable type: 'collections.deque'")
}
func (d *dequeValue) Len() int                   { return len(d.items) }
func (d *dequeValue) Index(i int) starlark.Value { return d.items[i] }
func (d *dequeValue) Iterate() starlark.Iterator {
	return starlark.NewList(append([]starlark.Value(nil), d.items...)).Iterate()
}

func (d *dequeValue) index(k starlark.Value) (int, error) {
	if !isPyInt(k) {
		return 0, pyErrorf("TypeError", "sequence index must be integer, not '%s'", pyTypeName(k))
	}
	i, ok := smallIntOf(k)
	if ok && i < 0 {
		i += int64(len(d.items))
	}
	if !ok || i < 0 || i >= int64(len(d.items)) {
		return 0, pyErrorf("IndexError", "deque index out of range")
	}
	return int(i), nil
}

// Get and SetKey are d[i] and d[i] = v.
func (d *dequeValue) Get(k starlark.Value) (starlark.Value, bool, error) {
	i, err := d.index(k)
	if err != nil {
		return nil, false, err
	}
	return d.items[i], true, nil
}

func (d *dequeValue) SetKey(k, v starlark.Value) error {
	i, err := d.index(k)
	if err != nil {
		return err
	}
	d.items[i] = v
	return nil
}

// pyContains is x in d.
func (d *dequeValue) pyContains(x starlark.Value) (bool, error) {
	for _, it := range d.items {
		if eq, err := pyEqual(x, it); err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

func (d *dequeValue) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	return starlark.CompareDepth(op, starlark.NewList(d.items), starlark.NewList(y.(*dequeValue).items), depth)
}

func (d *dequeValue) Attr(name string) (starlark.Value, error) {
	if name == "maxlen" {
		if d.maxlen < 0 {
			return starlark.None, nil
		}
		return starlark.MakeInt(d.maxlen), nil
	}
	if m, ok := dequeMethods.bind(d, name); ok {
		return m, nil
	}
	return nil, noAttr("collections.deque", name)
}

func (d *dequeValue) AttrNames() []string { return dequeMethods.names("maxlen") }

var dequeMethods = newMethodSet("collections.deque", func() map[string]method {
	ms := map[string]method{}
	m := func(name string, min, max int, sig, doc string, fn func(thread *starlark.Thread, d *dequeValue, args starlark.Tuple) (starlark.Value, error)) {
		ms[name] = method{sig: sig, doc: doc, fn: func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := ioArgs("deque", name, args, kwargs, min, max); err != nil {
				return nil, err
			}
			return fn(thread, b.Receiver().(*dequeValue), args)
		}}
	}
	m("append", 1, 1, "append(x)", "Add x at the right end.", func(_ *starlark.Thread, d *dequeValue, args starlark.Tuple) (starlark.Value, error) {
		d.push(args[0], false)
		return starlark.None, nil
	})
	m("appendleft", 1, 1, "appendleft(x)", "Add x at the left end.", func(_ *starlark.Thread, d *dequeValue, args starlark.Tuple) (starlark.Value, error) {
		d.push(args[0], true)
		return starlark.None, nil
	})
	m("pop", 0, 0, "pop()", "Remove and return the rightmost item; IndexError when empty.", func(_ *starlark.Thread, d *dequeValue, _ starlark.Tuple) (starlark.Value, error) {
		if len(d.items) == 0 {
			return nil, pyErrorf("IndexError", "pop from an empty deque")
		}
		x := d.items[len(d.items)-1]
		d.items = d.items[:len(d.items)-1]
		return x, nil
	})
	m("popleft", 0, 0, "popleft()", "Remove and return the leftmost item; IndexError when empty.", func(_ *starlark.Thread, d *dequeValue, _ starlark.Tuple) (starlark.Value, error) {
		if len(d.items) == 0 {
			return nil, pyErrorf("IndexError", "pop from an empty deque")
		}
		x := d.items[0]
		d.items[0] = nil
		d.items = d.items[1:]
		return x, nil
	})
	m("extend", 1, 1, "extend(iterable)", "Append each item of iterable at the right.", func(thread *starlark.Thread, d *dequeValue, args starlark.Tuple) (starlark.Value, error) {
		items, err := collect(thread, args[0])
		if err != nil {
			return nil, err
		}
		for _, x := range items {
			d.push(x, false)
		}
		return starlark.None, nil
	})
	m("extendleft", 1, 1, "extendleft(iterable)", "Append each item of iterable at the left (so they end up reversed).", func(thread *starlark.Thread, d *dequeValue, args starlark.Tuple) (starlark.Value, error) {
		items, err := collect(thread, args[0])
		if err != nil {
			return nil, err
		}
		for _, x := range items {
			d.push(x, true)
		}
		return starlark.None, nil
	})
	m("clear", 0, 0, "clear()", "Remove every item.", func(_ *starlark.Thread, d *dequeValue, _ starlark.Tuple) (starlark.Value, error) {
		d.items = nil
		return starlark.None, nil
	})
	m("copy", 0, 0, "copy()", "A shallow copy.", func(_ *starlark.Thread, d *dequeValue, _ starlark.Tuple) (starlark.Value, error) {
		return &dequeValue{items: append([]starlark.Value(nil), d.items...), maxlen: d.maxlen}, nil
	})
	m("count", 1, 1, "count(x) -> int", "How many items equal x.", func(_ *starlark.Thread, d *dequeValue, args starlark.Tuple) (starlark.Value, error) {
		n := 0
		for _, it := range d.items {
			eq, err := pyEqual(it, args[0])
			if err != nil {
				return nil, err
			}
			if eq {
				n++
			}
		}
		return starlark.MakeInt(n), nil
	})
	m("index", 1, 1, "index(x) -> int", "The position of the first item equal to x; ValueError if none is.", func(_ *starlark.Thread, d *dequeValue, args starlark.Tuple) (starlark.Value, error) {
		for i, it := range d.items {
			eq, err := pyEqual(it, args[0])
			if err != nil {
				return nil, err
			}
			if eq {
				return starlark.MakeInt(i), nil
			}
		}
		return nil, pyErrorf("ValueError", "%s is not in deque", Repr(args[0]))
	})
	m("remove", 1, 1, "remove(x)", "Remove the first item equal to x; ValueError if none is.", func(_ *starlark.Thread, d *dequeValue, args starlark.Tuple) (starlark.Value, error) {
		for i, it := range d.items {
			eq, err := pyEqual(it, args[0])
			if err != nil {
				return nil, err
			}
			if eq {
				d.items = append(d.items[:i:i], d.items[i+1:]...)
				return starlark.None, nil
			}
		}
		return nil, pyErrorf("ValueError", "%s is not in deque", Repr(args[0]))
	})
	m("reverse", 0, 0, "reverse()", "Reverse the items in place.", func(_ *starlark.Thread, d *dequeValue, _ starlark.Tuple) (starlark.Value, error) {
		for i, j := 0, len(d.items)-1; i < j; i, j = i+1, j-1 {
			d.items[i], d.items[j] = d.items[j], d.items[i]
		}
		return starlark.None, nil
	})
	m("rotate", 0, 1, "rotate(n=1)", "Move n items from the right end to the left (the other way when n is negative).", func(_ *starlark.Thread, d *dequeValue, args starlark.Tuple) (starlark.Value, error) {
		n := int64(1)
		if len(args) == 1 {
			var ok bool
			if n, ok = smallIntOf(args[0]); !ok {
				return nil, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(args[0]))
			}
		}
		if l := int64(len(d.items)); l > 0 {
			k := ((n % l) + l) % l
			d.items = append(append([]starlark.Value(nil), d.items[l-k:]...), d.items[:l-k]...)
		}
		return starlark.None, nil
	})
	return ms
}())
