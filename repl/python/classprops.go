package python

import (
	"slices"
	"sync/atomic"

	"go.starlark.net/starlark"
)

// Reading obj.x must first look along obj's class's MRO for a property
// named x (a property wins over the instance's own attribute), which is
// a map lookup per class: two for a plain class, four for an exception.
// Most classes have no property at all, so a class remembers whether any
// class of its MRO holds one, and obj.x and obj.x = v skip the walk when
// none does.
//
// propertyEpoch moves whenever a property enters or leaves any class's
// dict after the class was made (Class.SetField, del C.x, a dataclass
// being built); a class's answer is good while the epoch it was computed
// at is the current one.
var propertyEpoch atomic.Uint64

// propertyChanged notes that a class dict gained or lost a property.
func propertyChanged() { propertyEpoch.Add(1) }

// isProperty reports whether v, a value stored in a class's dict or
// taken out of one, is a property.
func isProperty(v any) bool {
	_, ok := v.(*property)
	return ok
}

// mayHaveProperty reports whether some class of c's MRO holds a property.
// The answer and the epoch it holds for share one word ((epoch+1)<<1 |
// has), so threads reading it together see a consistent pair.
func (c *Class) mayHaveProperty() bool {
	epoch := propertyEpoch.Load() + 1 // 0 in c.props: never computed
	if st := c.props.Load(); st>>1 == epoch {
		return st&1 == 1
	}
	has := uint64(0)
	for _, k := range c.mro {
		for _, v := range k.dict {
			if isProperty(v) {
				has = 1
			}
		}
	}
	c.props.Store(epoch<<1 | has)
	return has == 1
}

// propertyNamed is the property c's MRO gives name, if that is what it
// gives.
func (c *Class) propertyNamed(name string) (*property, bool) {
	if !c.mayHaveProperty() {
		return nil, false
	}
	cv, _ := c.lookup(name)
	p, ok := cv.(*property)
	return p, ok
}

// nameProperties is __set_name__ for the properties a class statement
// binds: each learns the name it was bound to. (One property bound to two
// names keeps the later in CPython's body order; here, the later in
// sorted order, as a Go map has no order.)
func nameProperties(dict map[string]starlark.Value) {
	var names []string
	for name, v := range dict {
		if isProperty(v) {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	for _, name := range names {
		dict[name].(*property).name = name
	}
}
