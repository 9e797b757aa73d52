# collections: deque as a client's outbound queue, namedtuple for addresses
import socket
from collections import deque, namedtuple
out = deque()
out.append(b"one")
out.append(b"two")
out.appendleft(b"zero")
out, len(out), bool(out), out[0], out[-1], b"two" in out
out.popleft(), out.pop(), out
while out:
    print(out.popleft())

out.popleft()
out.pop()
recent = deque([1, 2, 3], maxlen=3)
recent.append(4)
recent, recent.maxlen, deque().maxlen
recent.appendleft(0)
recent
recent.extend([7, 8])
recent
d = deque("abcde")
d.rotate(2)
d
d.rotate(-3)
d
d.extendleft("xy")
d, d.count("a"), d.index("c"), list(reversed(d)) if False else list(d)
d.remove("x")
d.reverse()
d, d == deque(d), d.copy() is d
d[0] = "Q"
d[0], d[-2]
d[10]
d.remove("nope")
d.index("nope")
deque(maxlen=-1)
hash(deque())
deque([1], 2, 3)
isinstance(d, deque), type(d)
Address = namedtuple("Address", "host port")
a = Address("127.0.0.1", 8080)
a, a.host, a.port, a[0], a[-1], a[:1], len(a)
host, port = a
host, port
a._asdict(), a._replace(port=9090), Address._fields, Address._make(["h", 1])
Address, isinstance(a, Address), type(a) is Address, hash(a) == hash(("127.0.0.1", 8080))
a == Address("127.0.0.1", 8080), a != Address("127.0.0.1", 1), a < Address("127.0.0.1", 9000)
"{}:{}".format(*a)
"%s:%d" % a, a == ("127.0.0.1", 8080), a + (1,), (0,) + a, a * 2, isinstance(a, tuple), tuple(a), sorted([a, Address("0", 1)])
Peer = namedtuple("Peer", ["name", "addr", "port"], defaults=[None, 0])
Peer("x"), Peer("x", port=5), Peer._field_defaults
namedtuple("Row", "a, b,c")(1, 2, 3)
namedtuple("R", "a def", rename=True)._fields
Address("h")
Address("h", 1, 2)
Address("h", port=1, zz=2)
Address("h", 1).zz
a._replace(zz=1)
namedtuple("Q", "a a")
namedtuple("Q", "a 1b")
namedtuple("Q", "a def")
namedtuple("Q", "_a")
srv = socket.socket()
srv.bind(Address("127.0.0.1", 0))
srv.listen()
c = socket.create_connection(Address("127.0.0.1", srv.getsockname()[1]))
conn, addr = srv.accept()
c.sendall(b"hi")
conn.recv(10)
for s in (c, conn, srv): s.close()


# defaultdict fills a missing key from its factory; Counter counts
from collections import defaultdict, Counter
import json
d = defaultdict(list)
d['a'].append(1)
d, 'b' in d, d.get('b'), len(d), dict(d), d == {'a': [1]}, type(d)
d2 = defaultdict(int)
d2['x'] += 2
d2, d2.default_factory, defaultdict()
defaultdict()['k']
defaultdict(5)
c = Counter('abracadabra')
c, c.most_common(2), c['z'], 'z' in c, c.total(), sorted(c.elements())[:3]
c.update(['a', 'z'])
c
c2 = Counter({'a': 1})
c2 + Counter(a=2, b=1), Counter(a=3) - Counter(a=1, b=2), Counter(), repr(Counter(x=0))
json.dumps(d2), json.dumps(c2), isinstance(d, dict), isinstance(c, dict)
rooms = defaultdict(set)
rooms['lobby'].add('ann')
rooms['lobby'].add('bob')
sorted(rooms['lobby']), list(rooms), rooms.setdefault('x', 1), sorted(rooms.keys())
for k, v in sorted(d2.items()): print(k, v)

words = Counter()
for w in 'the cat the hat'.split(): words[w] += 1

words, words.most_common(1), dict(words)
c.subtract('aaa')
c['a'], len(c), list(c)[:2]
dd = defaultdict(lambda: 'n/a', {'k': 'v'})
dd['k'], dd['q'], dd
defaultdict(list, a=1)


# OrderedDict: an LRU table with move_to_end and popitem
from collections import OrderedDict
d = OrderedDict()
d["b"] = 1
d["a"] = 2
d, OrderedDict(), OrderedDict([("x", 1)]), OrderedDict(a=1)
d.move_to_end("b")
d
d.move_to_end("b", last=False)
d
d.popitem(), d
d.popitem(last=False), d
json.dumps(OrderedDict(z=1, a=2)), OrderedDict(a=1) == {"a": 1}, isinstance(OrderedDict(), dict), type(OrderedDict())
OrderedDict().popitem()
OrderedDict().move_to_end("q")
lru = OrderedDict.fromkeys("abc") if hasattr(OrderedDict, "fromkeys") else OrderedDict((k, None) for k in "abc")
lru.move_to_end("a")
list(lru), len(lru), "a" in lru, lru.get("zz", 0)
