package python

import (
	"unicode/utf8"

	"go.starlark.net/starlark"
)

// Iteration as Python does it: map, filter, iter, str and bytes as
// sequences of characters and ints, with Ctrl-C checks in long loops.

// builtinMap is map(f, *iterables), returning a list (Python returns a
// lazy iterator; list(map(...)) is the same either way).
func builtinMap(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, pyErrorf("TypeError", "map() takes no keyword arguments")
	}
	if len(args) < 2 {
		return nil, pyErrorf("TypeError", "map() must have at least two arguments.")
	}
	var iters []starlark.Iterator
	defer func() {
		for _, it := range iters {
			it.Done()
		}
	}()
	for _, a := range args[1:] {
		if isLazyRange(a) && starlark.Len(a) > maxElems {
			return nil, memoryError() // the list would hold every result
		}
		it, err := pyIterate(a)
		if err != nil {
			return nil, err
		}
		iters = append(iters, it)
	}
	var out []starlark.Value
	for {
		call := make(starlark.Tuple, len(iters))
		for i, it := range iters {
			if !it.Next(&call[i]) {
				return starlark.NewList(out), nil
			}
		}
		v, err := starlark.Call(thread, args[0], call, nil)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
		if err := loopCheck(thread, len(out)); err != nil {
			return nil, err
		}
	}
}

// loopCheck is called on each item a builtin's own loop adds: Ctrl-C
// ends the loop, and so does a list too long to hold.
func loopCheck(thread *starlark.Thread, n int) error {
	if n%checkEvery != 0 {
		return nil
	}
	if n > maxElems {
		return memoryError()
	}
	return cancelled(thread)
}

// builtinFilter is filter(f, iterable) as a list; f None keeps truthy items.
func builtinFilter(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var f, seq starlark.Value
	if err := starlark.UnpackPositionalArgs("filter", args, kwargs, 2, &f, &seq); err != nil {
		return nil, err
	}
	it, err := pyIterate(seq)
	if err != nil {
		return nil, err
	}
	defer it.Done()
	var out []starlark.Value
	var x starlark.Value
	for i := 1; it.Next(&x); i++ {
		if err := loopCheck(thread, i); err != nil {
			return nil, err
		}
		keep := x.Truth()
		if f != starlark.None {
			v, err := starlark.Call(thread, f, starlark.Tuple{x}, nil)
			if err != nil {
				return nil, err
			}
			keep = v.Truth()
		}
		if keep {
			out = append(out, x)
		}
	}
	return starlark.NewList(out), nil
}

// pyIterate iterates v as Python would: str by character, bytes by int.
func pyIterate(v starlark.Value) (starlark.Iterator, error) {
	it, ok := asIterable(v).(starlark.Iterable)
	if !ok {
		return nil, pyErrorf("TypeError", "'%s' object is not iterable", pyTypeName(v))
	}
	return it.Iterate(), nil
}

// asIterable returns v, or for str and bytes a sequence of their items
// (characters, ints) made as they are asked for: a 500 MB string must
// not become 500 million values at once.
func asIterable(v starlark.Value) starlark.Value {
	switch x := v.(type) {
	case starlark.String:
		return strChars{x}
	case starlark.Bytes:
		return bytesInts{x}
	}
	return v
}

// strChars iterates a str by character, as Python does.
type strChars struct{ s starlark.String }

func (c strChars) String() string        { return c.s.String() }
func (c strChars) Type() string          { return "str" }
func (c strChars) Freeze()               {}
func (c strChars) Truth() starlark.Bool  { return c.s.Truth() }
func (c strChars) Hash() (uint32, error) { return c.s.Hash() }
func (c strChars) Len() int              { return utf8.RuneCountInString(string(c.s)) }
func (c strChars) Iterate() starlark.Iterator {
	return &strCharIter{s: string(c.s)}
}

type strCharIter struct{ s string }

func (it *strCharIter) Next(p *starlark.Value) bool {
	if it.s == "" {
		return false
	}
	_, n := utf8.DecodeRuneInString(it.s)
	*p = starlark.String(it.s[:n])
	it.s = it.s[n:]
	return true
}

func (it *strCharIter) Done() {}

// bytesInts iterates bytes as ints, as Python does.
type bytesInts struct{ b starlark.Bytes }

func (c bytesInts) String() string             { return c.b.String() }
func (c bytesInts) Type() string               { return "bytes" }
func (c bytesInts) Freeze()                    {}
func (c bytesInts) Truth() starlark.Bool       { return c.b.Truth() }
func (c bytesInts) Hash() (uint32, error)      { return c.b.Hash() }
func (c bytesInts) Len() int                   { return len(c.b) }
func (c bytesInts) Index(i int) starlark.Value { return starlark.MakeInt(int(c.b[i])) }
func (c bytesInts) Iterate() starlark.Iterator { return &bytesIntIter{b: string(c.b)} }

type bytesIntIter struct{ b string }

func (it *bytesIntIter) Next(p *starlark.Value) bool {
	if it.b == "" {
		return false
	}
	*p = starlark.MakeInt(int(it.b[0]))
	it.b = it.b[1:]
	return true
}

func (it *bytesIntIter) Done() {}

// keepsItems names the Starlark builtins that build a list of every item.
var keepsItems = map[string]bool{"list": true, "tuple": true, "dict": true, "set": true,
	"sorted": true, "reversed": true, "enumerate": true, "zip": true}

// callGuarded calls a Starlark builtin with str and bytes arguments made
// iterable the Python way, and ranges guarded: refused when too long to
// keep, interruptible when only walked (guardIterable).
func callGuarded(thread *starlark.Thread, fn starlark.Value, args starlark.Tuple, kwargs []starlark.Tuple, keeps bool) (starlark.Value, error) {
	conv := make(starlark.Tuple, len(args))
	var checks []func() error
	for i, a := range args {
		v, check, err := guardIterable(thread, asIterable(a), keeps)
		if err != nil {
			return nil, err
		}
		conv[i], checks = v, append(checks, check)
	}
	res, err := starlark.Call(thread, fn, conv, kwargs)
	for _, check := range checks {
		if stop := check(); stop != nil {
			return nil, stop
		}
	}
	return res, err
}

// iterableArgs wraps a Starlark builtin so that str and bytes arguments
// are iterated the Python way.
func iterableArgs(name string) *starlark.Builtin {
	inner := starlark.Universe[name]
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if (name == "max" || name == "min") && len(args) == 0 {
			return nil, pyErrorf("TypeError", "%s expected at least 1 argument, got 0", name)
		}
		var dflt starlark.Value
		var rest []starlark.Tuple
		for _, kv := range kwargs {
			k := string(kv[0].(starlark.String))
			switch {
			case name == "enumerate" && k == "start" && len(args) == 1:
				args = starlark.Tuple{args[0], kv[1]}
			case (name == "max" || name == "min") && k == "default" && len(args) == 1:
				dflt = kv[1]
			case (name == "max" || name == "min") && k == "key", name == "sorted" && (k == "key" || k == "reverse"):
				rest = append(rest, kv)
			case iterableKeywords[name] == nil:
				return nil, pyErrorf("TypeError", "%s() takes no keyword arguments", name)
			default:
				return nil, pyErrorf("TypeError", "'%s' is an invalid keyword argument for %s()", k, iterableKeywords[name][0])
			}
		}
		if dflt != nil {
			items, err := collect(thread, args[0])
			if err != nil {
				return nil, err
			}
			if len(items) == 0 {
				return dflt, nil
			}
			args = starlark.Tuple{starlark.NewList(items)}
		}
		return callGuarded(thread, inner, args, rest, keepsItems[name])
	})
}

// iterableKeywords names the function a wrong keyword's message blames
// (sorted's is sort), for the builtins that take keywords at all.
var iterableKeywords = map[string][]string{
	"enumerate": {"enumerate"}, "sorted": {"sort"}, "max": {"max"}, "min": {"min"}, "zip": {"zip"},
}
