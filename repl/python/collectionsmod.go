package python

import "go.starlark.net/starlark"

// The collections module: deque (dequeobj.go), namedtuple
// (namedtuple.go), defaultdict, Counter and OrderedDict (dictlike.go).
// Lacks ChainMap and the User* classes.

func newCollectionsModule(*Interp) starlark.Value {
	return table{name: "collections", doc: "Containers: deque, a queue fast at both ends (a client's outbound messages), and namedtuple, tuples whose items have names.", rows: []row{
		{name: "deque", value: typeDeque, sig: "collections.deque(iterable=(), maxlen=None)", doc: "A double-ended queue: append/appendleft, pop/popleft, extend, rotate; with maxlen, the oldest items fall out at the other end."},
		{name: "defaultdict", value: typeDefaultDict, sig: "collections.defaultdict(default_factory=None, ...)", doc: "A dict that fills a missing key with default_factory(): rooms = defaultdict(set); rooms[name].add(conn)."},
		{name: "Counter", value: typeCounter, sig: "collections.Counter(iterable_or_mapping=None, **counts)", doc: "A dict of counts: Counter(words), c[x] is 0 when x was never seen; most_common(n), update(), total()."},
		{name: "OrderedDict", value: typeOrderedDict, sig: "collections.OrderedDict(...)", doc: "A dict with move_to_end(key, last=True) and popitem(last=True); dicts keep their order too."},
		{name: "namedtuple", fn: collectionsNamedtuple, sig: "collections.namedtuple(typename, field_names, *, rename=False, defaults=None)", doc: "A new tuple class whose items are also attributes: Address = namedtuple('Address', 'host port')."},
	}}.module()
}
