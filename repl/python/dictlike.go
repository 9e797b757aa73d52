package python

import (
	"sort"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// collections.defaultdict and collections.Counter: dicts (a *starlark.Dict
// inside, whose methods they share) that answer a missing key
// differently. A defaultdict calls its factory and keeps the result
// (rooms[name].add(conn) with defaultdict(set)); a Counter answers 0
// without keeping it. json, ==, dict() and repr see the dict inside.

// dictLike is a value that is a dict underneath.
type dictLike interface {
	starlark.Value
	dict() *starlark.Dict
}

// plainDict is the dict inside a defaultdict or Counter; any other value
// unchanged.
func plainDict(v starlark.Value) starlark.Value {
	if d, ok := v.(dictLike); ok {
		return d.dict()
	}
	return v
}

type defaultDict struct {
	*starlark.Dict
	factory starlark.Value // None: a missing key is a KeyError
	in      *Interp
}

var (
	_ starlark.Mapping   = (*defaultDict)(nil)
	_ starlark.Container = (*defaultDict)(nil)
	_ starlark.HasAttrs  = (*defaultDict)(nil)
)

var typeDefaultDict = registerType(&pyType{name: "collections.defaultdict", call: newDefaultDict})

func newDefaultDict(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	d := &defaultDict{Dict: starlark.NewDict(0), factory: starlark.None, in: interpOf(thread)}
	if len(args) > 0 {
		if _, ok := args[0].(starlark.Callable); !ok && args[0] != starlark.None {
			return nil, pyErrorf("TypeError", "first argument must be callable or None")
		}
		d.factory = args[0]
		args = args[1:]
	}
	if err := fillDict(thread, d.Dict, "defaultdict", args, kwargs); err != nil {
		return nil, err
	}
	return d, nil
}

// fillDict adds what dict(*args, **kwargs) would hold.
func fillDict(thread *starlark.Thread, d *starlark.Dict, name string, args starlark.Tuple, kwargs []starlark.Tuple) error {
	if len(args) > 1 {
		return pyErrorf("TypeError", "%s expected at most 1 argument, got %d", name, len(args))
	}
	if len(args) == 0 && len(kwargs) == 0 {
		return nil
	}
	if len(args) == 1 {
		args = starlark.Tuple{plainDict(args[0])}
	}
	v, err := starlark.Call(thread, starlark.Universe["dict"], args, kwargs)
	if err != nil {
		return err
	}
	for _, kv := range v.(*starlark.Dict).Items() {
		if err := d.SetKey(kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}

func (d *defaultDict) dict() *starlark.Dict { return d.Dict }
func (d *defaultDict) Type() string         { return "collections.defaultdict" }
func (d *defaultDict) String() string       { return d.Repr() }
func (d *defaultDict) Repr() string {
	factory := "None"
	if d.factory != starlark.None {
		factory = Repr(d.factory)
	}
	return "defaultdict(" + factory + ", " + Repr(d.Dict) + ")"
}
func (d *defaultDict) Hash() (uint32, error) {
	return 0, pyErrorf("TypeError", "unhashable type: 'collections.defaultdict'")
}

// Has is `key in d`, which never calls the factory.
func (d *defaultDict) Has(k starlark.Value) (bool, error) {
	_, found, err := d.Dict.Get(k)
	return found, err
}

// Get is d[key]: a missing key gets the factory's value, kept.
func (d *defaultDict) Get(k starlark.Value) (starlark.Value, bool, error) {
	v, found, err := d.Dict.Get(k)
	if found || err != nil {
		return v, found, err
	}
	if d.factory == starlark.None || d.in == nil {
		return nil, false, &PyError{Class: "KeyError", Msg: Repr(k), Args: starlark.Tuple{k}}
	}
	v, err = d.in.call(d.factory, nil)
	if err != nil {
		return nil, false, err
	}
	if err := d.Dict.SetKey(k, v); err != nil {
		return nil, false, err
	}
	return v, true, nil
}

func (d *defaultDict) Attr(name string) (starlark.Value, error) {
	if name == "default_factory" {
		return d.factory, nil
	}
	return d.Dict.Attr(name)
}

func (d *defaultDict) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	return starlark.CompareDepth(op, d.Dict, plainDict(y), depth)
}

// counter is collections.Counter.
type counter struct {
	*starlark.Dict
}

var (
	_ starlark.Mapping   = (*counter)(nil)
	_ starlark.Container = (*counter)(nil)
	_ starlark.HasAttrs  = (*counter)(nil)
	_ starlark.HasBinary = (*counter)(nil)
)

var typeCounter = registerType(&pyType{name: "collections.Counter", call: newCounter})

func newCounter(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	c := &counter{Dict: starlark.NewDict(0)}
	if len(args) > 1 {
		return nil, pyErrorf("TypeError", "expected at most 1 argument, got %d", len(args))
	}
	if err := c.update(thread, args, kwargs, 1); err != nil {
		return nil, err
	}
	return c, nil
}

// update adds (sign 1) or subtracts (-1) counts: from a mapping its
// values, from any other iterable one per item.
func (c *counter) update(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple, sign int) error {
	add := func(k, n starlark.Value) error {
		old, found, err := c.Dict.Get(k)
		if err != nil {
			return err
		}
		if !found {
			old = starlark.MakeInt(0)
		}
		if sign < 0 {
			n, err = starlark.Binary(syntax.MINUS, starlark.MakeInt(0), n)
			if err != nil {
				return err
			}
		}
		sum, err := starlark.Binary(syntax.PLUS, old, n)
		if err != nil {
			return err
		}
		return c.Dict.SetKey(k, sum)
	}
	if len(args) == 1 && args[0] != starlark.None {
		if m, ok := plainDict(args[0]).(*starlark.Dict); ok {
			for _, kv := range m.Items() {
				if err := add(kv[0], kv[1]); err != nil {
					return err
				}
			}
		} else {
			items, err := collect(thread, args[0])
			if err != nil {
				return err
			}
			for _, it := range items {
				if err := add(it, starlark.MakeInt(1)); err != nil {
					return err
				}
			}
		}
	}
	for _, kv := range kwargs {
		if err := add(kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}

func (c *counter) dict() *starlark.Dict { return c.Dict }
func (c *counter) Type() string         { return "Counter" }
func (c *counter) String() string       { return c.Repr() }
func (c *counter) Repr() string {
	if c.Len() == 0 {
		return "Counter()"
	}
	parts := []string{}
	for _, kv := range c.mostCommon() {
		parts = append(parts, Repr(kv[0])+": "+Repr(kv[1]))
	}
	return "Counter({" + strings.Join(parts, ", ") + "})"
}
func (c *counter) Hash() (uint32, error) {
	return 0, pyErrorf("TypeError", "unhashable type: 'Counter'")
}

// mostCommon is the items by count, largest first, ties in insertion
// order.
func (c *counter) mostCommon() []starlark.Tuple {
	items := c.Items()
	sort.SliceStable(items, func(i, j int) bool {
		less, err := starlark.Compare(syntax.GT, items[i][1], items[j][1])
		return err == nil && less
	})
	return items
}

func (c *counter) Has(k starlark.Value) (bool, error) {
	_, found, err := c.Dict.Get(k)
	return found, err
}

// Get is c[key]: 0 for a missing key, not kept.
func (c *counter) Get(k starlark.Value) (starlark.Value, bool, error) {
	v, found, err := c.Dict.Get(k)
	if found || err != nil {
		return v, found, err
	}
	return starlark.MakeInt(0), true, nil
}

func (c *counter) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	return starlark.CompareDepth(op, c.Dict, plainDict(y), depth)
}

// Binary is c + d and c - d: counts added or subtracted, keeping only
// those above zero.
func (c *counter) Binary(op syntax.Token, y starlark.Value, side starlark.Side) (starlark.Value, error) {
	other, ok := y.(*counter)
	if !ok || op != syntax.PLUS && op != syntax.MINUS {
		return nil, nil
	}
	a, b := c, other
	if side == starlark.Right {
		a, b = other, c
	}
	sum := &counter{Dict: starlark.NewDict(0)}
	sign := 1
	if op == syntax.MINUS {
		sign = -1
	}
	if err := sum.update(nil, starlark.Tuple{a.Dict}, nil, 1); err != nil {
		return nil, err
	}
	if err := sum.update(nil, starlark.Tuple{b.Dict}, nil, sign); err != nil {
		return nil, err
	}
	out := &counter{Dict: starlark.NewDict(0)}
	for _, kv := range sum.Items() {
		if pos, _ := starlark.Compare(syntax.GT, kv[1], starlark.MakeInt(0)); pos {
			out.Dict.SetKey(kv[0], kv[1])
		}
	}
	return out, nil
}

func (c *counter) Attr(name string) (starlark.Value, error) {
	switch name {
	case "most_common":
		return starlark.NewBuiltin("most_common", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var n starlark.Value = starlark.None
			if err := starlark.UnpackArgs("most_common", args, kwargs, "n?", &n); err != nil {
				return nil, err
			}
			items := c.mostCommon()
			if n != starlark.None {
				k, ok := smallIntOf(n)
				if !ok {
					return nil, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(n))
				}
				if k < 0 {
					k = 0
				}
				if int(k) < len(items) {
					items = items[:k]
				}
			}
			out := make([]starlark.Value, len(items))
			for i, kv := range items {
				out[i] = kv
			}
			return starlark.NewList(out), nil
		}), nil
	case "update", "subtract":
		sign := 1
		if name == "subtract" {
			sign = -1
		}
		return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if len(args) > 1 {
				return nil, pyErrorf("TypeError", "expected at most 1 argument, got %d", len(args))
			}
			return starlark.None, c.update(thread, args, kwargs, sign)
		}), nil
	case "total":
		return starlark.NewBuiltin("total", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			var sum starlark.Value = starlark.MakeInt(0)
			for _, kv := range c.Items() {
				var err error
				if sum, err = starlark.Binary(syntax.PLUS, sum, kv[1]); err != nil {
					return nil, err
				}
			}
			return sum, nil
		}), nil
	case "elements":
		return starlark.NewBuiltin("elements", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			var out []starlark.Value
			for _, kv := range c.Items() {
				n, _ := smallIntOf(kv[1])
				for i := int64(0); i < n; i++ {
					out = append(out, kv[0])
				}
			}
			return starlark.NewList(out), nil
		}), nil
	}
	return c.Dict.Attr(name)
}

func (c *counter) AttrNames() []string {
	return append(c.Dict.AttrNames(), "elements", "most_common", "subtract", "total")
}

// orderedDict is collections.OrderedDict: a dict (whose order Starlark
// keeps already) with move_to_end, popitem(last=) and its own repr.
type orderedDict struct {
	*starlark.Dict
}

var (
	_ starlark.Mapping  = (*orderedDict)(nil)
	_ starlark.HasAttrs = (*orderedDict)(nil)
)

var typeOrderedDict = registerType(&pyType{name: "collections.OrderedDict", call: func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	d := &orderedDict{Dict: starlark.NewDict(0)}
	if err := fillDict(thread, d.Dict, "OrderedDict", args, kwargs); err != nil {
		return nil, err
	}
	return d, nil
}})

func (d *orderedDict) dict() *starlark.Dict { return d.Dict }
func (d *orderedDict) Type() string         { return "collections.OrderedDict" }
func (d *orderedDict) String() string       { return d.Repr() }
func (d *orderedDict) Repr() string {
	if d.Len() == 0 {
		return "OrderedDict()"
	}
	parts := make([]string, 0, d.Len())
	for _, kv := range d.Items() {
		parts = append(parts, Repr(kv))
	}
	return "OrderedDict([" + strings.Join(parts, ", ") + "])"
}
func (d *orderedDict) Hash() (uint32, error) {
	return 0, pyErrorf("TypeError", "unhashable type: 'collections.OrderedDict'")
}

func (d *orderedDict) CompareSameType(op syntax.Token, y starlark.Value, depth int) (bool, error) {
	return starlark.CompareDepth(op, d.Dict, plainDict(y), depth)
}

func (d *orderedDict) Attr(name string) (starlark.Value, error) {
	switch name {
	case "move_to_end":
		return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			var key starlark.Value
			last := true
			if err := starlark.UnpackArgs(name, args, kwargs, "key", &key, "last?", &last); err != nil {
				return nil, err
			}
			v, found, err := d.Dict.Get(key)
			if err != nil {
				return nil, asPyError(err)
			}
			if !found {
				return nil, &PyError{Class: "KeyError", Msg: Repr(key), Args: starlark.Tuple{key}}
			}
			if last {
				d.Dict.Delete(key)
				return starlark.None, d.Dict.SetKey(key, v)
			}
			items := d.Items()
			d.Dict.Clear()
			d.Dict.SetKey(key, v)
			for _, kv := range items {
				if eq, _ := starlark.Equal(kv[0], key); !eq {
					d.Dict.SetKey(kv[0], kv[1])
				}
			}
			return starlark.None, nil
		}), nil
	case "popitem":
		return starlark.NewBuiltin(name, func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			last := true
			if err := starlark.UnpackArgs(name, args, kwargs, "last?", &last); err != nil {
				return nil, err
			}
			items := d.Items()
			if len(items) == 0 {
				return nil, &PyError{Class: "KeyError", Msg: "'dictionary is empty'", Args: starlark.Tuple{starlark.String("dictionary is empty")}}
			}
			kv := items[0]
			if last {
				kv = items[len(items)-1]
			}
			d.Dict.Delete(kv[0])
			return kv, nil
		}), nil
	}
	return d.Dict.Attr(name)
}

func (d *orderedDict) AttrNames() []string {
	return append(d.Dict.AttrNames(), "move_to_end")
}
