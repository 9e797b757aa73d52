package python

import (
	"math/big"
	"strings"

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

// placePyArgs is placeArgs for a function CPython writes in Python, with
// the messages of a def: "f() missing 1 required positional argument:
// 'exc'", "f() takes from 0 to 3 positional arguments but 4 were given".
func placePyArgs(fn string, args starlark.Tuple, kwargs []starlark.Tuple, names []string, required int) ([]starlark.Value, error) {
	if len(args) > len(names) {
		if required == len(names) {
			return nil, pyErrorf("TypeError", "%s() takes %d positional argument%s but %d were given", fn, len(names), plural(len(names)), len(args))
		}
		return nil, pyErrorf("TypeError", "%s() takes from %d to %d positional arguments but %d were given", fn, required, len(names), len(args))
	}
	out := make([]starlark.Value, len(names))
	copy(out, args)
	for _, kv := range kwargs {
		k := string(kv[0].(starlark.String))
		i := indexOf(names, k)
		if i < 0 {
			return nil, pyErrorf("TypeError", "%s() got an unexpected keyword argument '%s'", fn, k)
		}
		if out[i] != nil {
			return nil, pyErrorf("TypeError", "%s() got multiple values for argument '%s'", fn, k)
		}
		out[i] = kv[1]
	}
	var missing []string
	for i := 0; i < required; i++ {
		if out[i] == nil {
			missing = append(missing, "'"+names[i]+"'")
		}
	}
	switch len(missing) {
	case 0:
		return out, nil
	case 1:
		return nil, pyErrorf("TypeError", "%s() missing 1 required positional argument: %s", fn, missing[0])
	}
	list := strings.Join(missing[:len(missing)-1], ", ") + " and " + missing[len(missing)-1]
	return nil, pyErrorf("TypeError", "%s() missing %d required positional arguments: %s", fn, len(missing), list)
}
