package python

import "go.starlark.net/starlark"

// instAttrs is an instance's __dict__: its attributes in the order they
// were first set (the order vars(obj) shows). Objects hold a handful of
// attributes, so they are kept as one slice of pairs, looked up by a
// linear scan (names from a program's code share their bytes, so most
// comparisons end at the pointer), rather than a Go map plus a slice for
// the order: one allocation per object instead of three or four. Past
// attrsIndexAt attributes a map indexes the slice.
type instAttrs struct {
	pairs []instAttr
	index map[string]int // position in pairs; nil below attrsIndexAt
}

type instAttr struct {
	name string
	v    starlark.Value
}

const attrsIndexAt = 16

func (a *instAttrs) len() int { return len(a.pairs) }

func (a *instAttrs) find(name string) int {
	if a.index != nil {
		if k, ok := a.index[name]; ok {
			return k
		}
		return -1
	}
	for k := range a.pairs {
		if a.pairs[k].name == name {
			return k
		}
	}
	return -1
}

func (a *instAttrs) get(name string) (starlark.Value, bool) {
	if k := a.find(name); k >= 0 {
		return a.pairs[k].v, true
	}
	return nil, false
}

func (a *instAttrs) has(name string) bool { return a.find(name) >= 0 }

// add appends name, which must not be there yet. hint is how many
// attributes to make room for when the first one arrives.
func (a *instAttrs) add(name string, v starlark.Value, hint int) {
	if a.pairs == nil {
		a.pairs = make([]instAttr, 0, max(hint, 1))
	}
	a.pairs = append(a.pairs, instAttr{name, v})
	switch n := len(a.pairs); {
	case a.index != nil:
		a.index[name] = n - 1
	case n == attrsIndexAt:
		a.index = make(map[string]int, 2*n)
		for k, p := range a.pairs {
			a.index[p.name] = k
		}
	}
}

// del removes name, keeping the others' order, and reports whether it
// was there.
func (a *instAttrs) del(name string) bool {
	k := a.find(name)
	if k < 0 {
		return false
	}
	copy(a.pairs[k:], a.pairs[k+1:])
	a.pairs[len(a.pairs)-1] = instAttr{}
	a.pairs = a.pairs[:len(a.pairs)-1]
	if a.index != nil {
		delete(a.index, name)
		for j := k; j < len(a.pairs); j++ {
			a.index[a.pairs[j].name] = j
		}
	}
	return true
}
