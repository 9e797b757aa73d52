package python

import (
	"math"
	"slices"

	"go.starlark.net/starlark"
)

// Starlark's str methods take their arguments by position only, where
// CPython's split and rsplit also take them by name: line.split(maxsplit=1)
// is how command parsers read a verb and the rest. splitByName wraps
// them so named arguments go to their places first.
func splitByName(methods map[string]*starlark.Builtin, name string) {
	params := []string{"sep", "maxsplit"}
	orig := methods[name]
	methods[name] = starlark.NewBorrowingBuiltin(name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(kwargs) > 0 {
			var err error
			if args, err = placeKeywords(name, params, args, kwargs); err != nil {
				return nil, err
			}
		}
		if len(args) >= 1 {
			switch sep := args[0].(type) {
			case starlark.NoneType:
			case starlark.String:
				if sep == "" {
					return nil, pyErrorf("ValueError", "empty separator")
				}
			default:
				return nil, pyErrorf("TypeError", "must be str or None, not %s", pyTypeName(args[0]))
			}
		}
		if len(args) >= 2 {
			var err error
			if args, err = maxsplitArg(args); err != nil {
				return nil, err
			}
		}
		return starlark.CallMethod(thread, orig, b.Receiver(), args, nil)
	})
}

// placeKeywords puts named arguments at their positions, with CPython's
// errors for a name it does not know or one given twice. A parameter
// skipped over takes its default, which for split and rsplit is what
// None and -1 say.
func placeKeywords(fn string, params []string, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Tuple, error) {
	if len(args)+len(kwargs) > len(params) {
		return nil, pyErrorf("TypeError", "%s() takes at most %d arguments (%d given)", fn, len(params), len(args)+len(kwargs))
	}
	placed := make([]starlark.Value, len(params))
	copy(placed, args)
	last := len(args)
	for _, kv := range kwargs {
		key := string(kv[0].(starlark.String))
		i := indexOf(params, key)
		if i < 0 {
			return nil, pyErrorf("TypeError", "'%s' is an invalid keyword argument for %s()", key, fn)
		}
		if placed[i] != nil {
			return nil, pyErrorf("TypeError", "argument for %s() given by name ('%s') and position (%d)", fn, key, i+1)
		}
		placed[i] = kv[1]
		if i+1 > last {
			last = i + 1
		}
	}
	out := make(starlark.Tuple, last)
	for i := range out {
		if placed[i] == nil {
			placed[i] = splitDefaults[i]
		}
		out[i] = placed[i]
	}
	return out, nil
}

// splitDefaults are the values of split's (sep, maxsplit) when omitted.
var splitDefaults = []starlark.Value{starlark.None, starlark.MakeInt(-1)}

// maxsplitArg is args with maxsplit (args[1]) read by maxsplitOf, copied
// only when it must change (a bool, or past int32).
func maxsplitArg(args starlark.Tuple) (starlark.Tuple, error) {
	n, err := maxsplitOf(args[1])
	if err != nil {
		return nil, err
	}
	if _, plain := args[1].(starlark.Int); plain {
		if m, _ := smallIntOf(args[1]); m == int64(n) {
			return args, nil
		}
	}
	out := slices.Clone(args)
	out[1] = starlark.MakeInt(n)
	return out, nil
}

// maxsplitOf reads a maxsplit of str or bytes split as CPython does: a
// bool is 0 or 1, a negative or one past what Starlark takes (int32)
// splits without limit (-1), an int past 64 bits overflows, anything else
// is refused.
func maxsplitOf(v starlark.Value) (int, error) {
	n, ok := smallIntOf(v)
	switch {
	case !ok && isPyInt(v):
		return 0, pyErrorf("OverflowError", "Python int too large to convert to C ssize_t")
	case !ok:
		return 0, pyErrorf("TypeError", "'%s' object cannot be interpreted as an integer", pyTypeName(v))
	case n < 0 || n > math.MaxInt32:
		return -1, nil
	}
	return int(n), nil
}
