package python

import (
	"fmt"

	"go.starlark.net/starlark"
)

// functools.lru_cache and functools.cache: a function that remembers its
// results by its arguments (a resolver's answers, a parsed header), the
// least recently used dropped past maxsize. Keys are the positional
// arguments and the keywords as given, so f(1, y=2) and f(1, 2) are two
// entries, as in CPython; an unhashable argument is a TypeError.

type lruCached struct {
	fn      starlark.Value
	maxsize int // -1: unbounded
	cache   *starlark.Dict
	order   []starlark.Value // keys, least recently used first
	hits    int
	misses  int
}

var (
	_ starlark.Callable = (*lruCached)(nil)
	_ starlark.HasAttrs = (*lruCached)(nil)
)

func functoolsCache(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn starlark.Value
	if err := starlark.UnpackPositionalArgs("cache", args, kwargs, 1, &fn); err != nil {
		return nil, err
	}
	return newLRU(fn, -1)
}

func functoolsLRUCache(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 1 && len(kwargs) == 0 {
		if _, ok := args[0].(starlark.Callable); ok {
			return newLRU(args[0], 128) // @lru_cache without parentheses
		}
	}
	var maxsize starlark.Value = starlark.MakeInt(128)
	typed := false
	if err := starlark.UnpackArgs("lru_cache", args, kwargs, "maxsize?", &maxsize, "typed?", &typed); err != nil {
		return nil, err
	}
	size := -1
	if maxsize != starlark.None {
		n, ok := smallIntOf(maxsize)
		if !ok || !isPyInt(maxsize) {
			return nil, pyErrorf("TypeError", "Expected first argument to be an integer, a callable, or None")
		}
		size = int(max(n, 0))
	}
	return starlark.NewBuiltin("decorating_function", func(_ *starlark.Thread, _ *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) != 1 || len(kwargs) > 0 {
			return nil, pyErrorf("TypeError", "decorating_function() takes 1 positional argument")
		}
		return newLRU(args[0], size)
	}), nil
}

func newLRU(fn starlark.Value, size int) (starlark.Value, error) {
	if _, ok := fn.(starlark.Callable); !ok {
		return nil, pyErrorf("TypeError", "the first argument must be callable")
	}
	return &lruCached{fn: fn, maxsize: size, cache: starlark.NewDict(0)}, nil
}

func (c *lruCached) Name() string {
	if f, ok := c.fn.(starlark.Callable); ok {
		return f.Name()
	}
	return "lru_cache"
}
func (c *lruCached) String() string {
	return fmt.Sprintf("<functools._lru_cache_wrapper object at %s>", hexAddr(c))
}
func (c *lruCached) Type() string          { return "functools._lru_cache_wrapper" }
func (c *lruCached) Freeze()               {}
func (c *lruCached) Truth() starlark.Bool  { return true }
func (c *lruCached) Hash() (uint32, error) { return uint32(addressOf(c)), nil }
func (c *lruCached) AttrNames() []string {
	return []string{"__wrapped__", "cache_clear", "cache_info"}
}

func (c *lruCached) Attr(name string) (starlark.Value, error) {
	switch name {
	case "__wrapped__":
		return c.fn, nil
	case "cache_info":
		return starlark.NewBuiltin("cache_info", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			var size starlark.Value = starlark.None
			if c.maxsize >= 0 {
				size = starlark.MakeInt(c.maxsize)
			}
			return &namedTuple{cls: cacheInfoClass, values: starlark.Tuple{
				starlark.MakeInt(c.hits), starlark.MakeInt(c.misses), size, starlark.MakeInt(c.cache.Len())}}, nil
		}), nil
	case "cache_clear":
		return starlark.NewBuiltin("cache_clear", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			c.cache.Clear()
			c.order, c.hits, c.misses = nil, 0, 0
			return starlark.None, nil
		}), nil
	}
	return getAttr(c.fn, name)
}

var cacheInfoClass = &namedTupleClass{name: "CacheInfo", fields: []string{"hits", "misses", "maxsize", "currsize"}}

func (c *lruCached) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	key := append(starlark.Tuple{}, args...)
	for _, kv := range kwargs {
		key = append(key, kwMark, kv[0], kv[1])
	}
	v, found, err := c.cache.Get(key)
	if err != nil {
		return nil, asPyError(err)
	}
	if found {
		c.hits++
		c.touch(key)
		return v, nil
	}
	c.misses++
	v, err = starlark.Call(thread, c.fn, args, kwargs)
	if err != nil {
		return nil, err
	}
	if c.maxsize == 0 {
		return v, nil
	}
	if _, again, _ := c.cache.Get(key); !again {
		c.order = append(c.order, key)
	}
	c.cache.SetKey(key, v)
	if c.maxsize > 0 && c.cache.Len() > c.maxsize {
		old := c.order[0]
		c.order = c.order[1:]
		c.cache.Delete(old)
	}
	return v, nil
}

// touch makes key the most recently used.
func (c *lruCached) touch(key starlark.Value) {
	for i, k := range c.order {
		if eq, _ := starlark.Equal(k, key); eq {
			c.order = append(append(c.order[:i:i], c.order[i+1:]...), k)
			return
		}
	}
}

// kwMark separates positional arguments from keywords in a cache key.
var kwMark = &singleton{"<functools kwd_mark>"}
