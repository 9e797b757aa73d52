package python

import "go.starlark.net/starlark"

// slotNames is what a class's __slots__ allow its instances: when every
// class of the MRO but object declares __slots__ (and none names
// __dict__), instances have no __dict__ and take only those attributes,
// as in CPython (restricted is true). Worked out once per class.
func (c *Class) slotNames() (map[string]bool, bool) {
	c.slotsOnce.Do(func() {
		slots := map[string]bool{}
		for _, k := range c.mro {
			if k == objectClass {
				continue
			}
			decl, ok := k.dict["__slots__"]
			if !ok || k.exc {
				return // this class gives its instances a __dict__
			}
			var names []starlark.Value
			if s, ok := decl.(starlark.String); ok {
				names = []starlark.Value{s}
			} else if it, ok := decl.(starlark.Iterable); ok {
				iter := it.Iterate()
				var x starlark.Value
				for iter.Next(&x) {
					names = append(names, x)
				}
				iter.Done()
			}
			for _, n := range names {
				if s, ok := n.(starlark.String); ok {
					if s == "__dict__" {
						return
					}
					slots[string(s)] = true
				}
			}
		}
		c.slots = slots
	})
	return c.slots, c.slots != nil
}
