package python

import (
	"go.starlark.net/starlark"
)

// Python's == on lists, tuples and dicts compares items with an identity
// shortcut: an item that is the very object on the other side counts as
// equal without being compared. So a list that holds itself equals
// itself (x == x, x == [x], x in x, x.count(x)), where Starlark's own
// comparison recurses until it gives up. Two distinct self-holding lists
// still recurse, and stop at the recursion limit as in CPython.

// pyEqual is Python's == for two values.
func pyEqual(x, y starlark.Value) (bool, error) {
	return eqDeep(x, y, 0)
}

func eqDeep(x, y starlark.Value, depth int) (bool, error) {
	// A namedtuple compares as its tuple, a defaultdict, Counter or
	// OrderedDict as its dict.
	x, y = plainDict(plainTuple(x)), plainDict(plainTuple(y))
	if sameObject(x, y) {
		return true, nil
	}
	if depth > recursionLimit {
		return false, pyErrorf("RecursionError", "maximum recursion depth exceeded in comparison")
	}
	switch a := x.(type) {
	case *starlark.List:
		if b, ok := y.(*starlark.List); ok {
			if a.Len() != b.Len() {
				return false, nil
			}
			for i := 0; i < a.Len() && i < b.Len(); i++ { // an item's __eq__ may shrink either
				if eq, err := eqDeep(a.Index(i), b.Index(i), depth+1); err != nil || !eq {
					return false, err
				}
			}
			return a.Len() == b.Len(), nil
		}
	case starlark.Tuple:
		if b, ok := y.(starlark.Tuple); ok {
			if len(a) != len(b) {
				return false, nil
			}
			for i := range a {
				if eq, err := eqDeep(a[i], b[i], depth+1); err != nil || !eq {
					return false, err
				}
			}
			return true, nil
		}
	case *starlark.Dict:
		if b, ok := y.(*starlark.Dict); ok {
			if a.Len() != b.Len() {
				return false, nil
			}
			for _, kv := range a.Items() {
				v, found, err := b.Get(kv[0])
				if err != nil || !found {
					return false, err
				}
				if eq, err := eqDeep(kv[1], v, depth+1); err != nil || !eq {
					return false, err
				}
			}
			return true, nil
		}
	}
	x, y = bytesPair(x, y)
	if isNumber(x) && isNumber(y) {
		x, y = asNumber(x), asNumber(y)
	}
	return starlark.Equal(x, y)
}

// sameObject reports whether x and y are one container (or instance):
// Python's "is" for the values whose identity == looks at.
func sameObject(x, y starlark.Value) bool {
	switch a := x.(type) {
	case *starlark.List:
		b, ok := y.(*starlark.List)
		return ok && a == b
	case *starlark.Dict:
		b, ok := y.(*starlark.Dict)
		return ok && a == b
	case *Instance:
		b, ok := y.(*Instance)
		return ok && a == b
	case starlark.Tuple:
		b, ok := y.(starlark.Tuple)
		return ok && len(a) == len(b) && len(a) > 0 && &a[0] == &b[0]
	}
	return false
}

// isContainer reports whether == on x goes through eqDeep.
func isContainer(x starlark.Value) bool {
	switch x.(type) {
	case *starlark.List, starlark.Tuple, *starlark.Dict:
		return true
	}
	return false
}
