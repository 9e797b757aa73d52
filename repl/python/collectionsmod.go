package python

import "go.starlark.net/starlark"

// The collections module: deque (dequeobj.go) and namedtuple
// (namedtuple.go), the two socket programs reach for. Lacks
// defaultdict, Counter, OrderedDict and ChainMap.

func newCollectionsModule(*Interp) starlark.Value {
	return table{name: "collections", doc: "Containers: deque, a queue fast at both ends (a client's outbound messages), and namedtuple, tuples whose items have names.", rows: []row{
		{name: "deque", value: typeDeque, sig: "collections.deque(iterable=(), maxlen=None)", doc: "A double-ended queue: append/appendleft, pop/popleft, extend, rotate; with maxlen, the oldest items fall out at the other end."},
		{name: "namedtuple", fn: collectionsNamedtuple, sig: "collections.namedtuple(typename, field_names, *, rename=False, defaults=None)", doc: "A new tuple class whose items are also attributes: Address = namedtuple('Address', 'host port')."},
	}}.module()
}
