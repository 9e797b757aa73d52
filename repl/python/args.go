package python

import (
	"math/big"

	"go.starlark.net/starlark"
)

// placeArgs puts positional and keyword arguments into the slots of
// names, as CPython's Argument Clinic does for a function whose first
// required parameters may also be given by name; missing optional
// arguments are nil. The messages are CPython's.
//
// CPython names a constructor of the datetime module "function", without
// parentheses; fn "function" does the same.
func placeArgs(fn string, args starlark.Tuple, kwargs []starlark.Tuple, names []string, required int) ([]starlark.Value, error) {
	call := fn + "()"
	if fn == "function" {
		call = fn
	}
	if len(args) > len(names) {
		if required == len(names) {
			return nil, pyErrorf("TypeError", "%s() takes exactly %d argument%s (%d given)", fn, len(names), plural(len(names)), len(args))
		}
		return nil, pyErrorf("TypeError", "%s() takes at most %d argument%s (%d given)", fn, len(names), plural(len(names)), len(args)+len(kwargs))
	}
	out := make([]starlark.Value, len(names))
	copy(out, args)
	for _, kv := range kwargs {
		k := string(kv[0].(starlark.String))
		i := 0
		for i < len(names) && names[i] != k {
			i++
		}
		if i == len(names) {
			return nil, pyErrorf("TypeError", "'%s' is an invalid keyword argument for %s()", k, fn)
		}
		if out[i] != nil {
			return nil, pyErrorf("TypeError", "argument for %s() given by name ('%s') and position (%d)", fn, k, i+1)
		}
		out[i] = kv[1]
	}
	for i := 0; i < required; i++ {
		if out[i] == nil {
			return nil, pyErrorf("TypeError", "%s missing required argument '%s' (pos %d)", call, names[i], i+1)
		}
	}
	return out, nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// maskUint64 is n modulo 2**64, as CPython's "k" conversion takes it.
func maskUint64(n *big.Int) uint64 {
	m := new(big.Int).And(n, new(big.Int).SetUint64(^uint64(0)))
	return m.Uint64()
}
