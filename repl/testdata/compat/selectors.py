# selectors: the three selector classes over socket pairs, keys, the map,
# modify's two paths, closed sockets and misuse.
import selectors, socket
selectors.DefaultSelector
selectors.EVENT_READ, selectors.EVENT_WRITE
a, b = socket.socketpair()
c, d = socket.socketpair()
def names(ready):
    label = {a.fileno(): 'sock a', b.fileno(): 'sock b', c.fileno(): 'sock c', d.fileno(): 'sock d'}
    return [(label[key.fd], key.data, ev) for key, ev in ready]

for cls in (selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector):
    sel = cls()
    print(type(sel), isinstance(sel, selectors.BaseSelector))
    ka = sel.register(a, selectors.EVENT_READ, data='first')
    kc = sel.register(c, selectors.EVENT_READ | selectors.EVENT_WRITE)
    print(ka.data, ka.events, ka.fileobj is a, kc.data)
    print(names(sel.select(0)))
    b.send(b'one')
    d.send(b'two')
    print(sorted(names(sel.select(0))))
    print(sorted(names(sel.select(timeout=1))))
    print(sorted(names(sel.select(-1))))
    print(sel.get_key(a) is ka, len(sel.get_map()), sorted(sel.get_map()) == sorted([a.fileno(), c.fileno()]))
    k2 = sel.modify(a, selectors.EVENT_READ, data='renamed')
    print(k2.data, k2 is ka, sel.get_key(a) is k2)
    k3 = sel.modify(a, selectors.EVENT_WRITE, data='renamed')
    print(k3.events, list(sel.get_map()) == [c.fileno(), a.fileno()])
    print(sel.modify(a, selectors.EVENT_WRITE, data='renamed') is k3)
    print(sorted(names(sel.select(0))))
    print(a.recv(10), c.recv(10))
    print(sel.unregister(c) is kc, c.fileno() in sel.get_map())
    sel.close()
    print(sel.get_map())

sel = selectors.DefaultSelector()
sel.fileno() > 2
sel.register(a, selectors.EVENT_READ)
try:
    sel.register(a, selectors.EVENT_READ)
except KeyError as e:
    print('KeyError', e.args[0].replace('(FD %d)' % a.fileno(), '(FD N)').replace('fd=%d,' % a.fileno(), 'fd=N,').replace('%d (FD' % a.fileno(), 'N (FD'))

sel.register(b, 4)
sel.register(b, 0)
sel.register(b, -1)
sel.register(b, None)
sel.register(b, 'x')
sel.register('x', 1)
sel.register(-3, 1)
sel.register(b)
sel.register(b, 1, 2, 3)
sel.register(b, 1, dat=3)
sel.unregister(b)
sel.unregister('x')
sel.unregister()
sel.modify(b, 1)
sel.get_key(b)
sel.get_key(-1)
sel.get_map()[a].fd == a.fileno()
sel.get_map()[b]
sel.get_map().get(b, 'none')
sel.select('x')
sel.select(1, 2)
sel.select(float('nan'))
sel.select(float('inf'))
sel.x
key = sel.get_key(a)
key.fd == a.fileno(), key.events, key.data
fobj, fd, events, data = key
fobj is a, fd == key.fd, events, data
key[2], len(key), key._fields
key._replace(data=7).data
key._replace(nope=1)
key.data = 5
key == sel.get_key(a)
selectors.SelectorKey(1, 2, 3, 4)
selectors.SelectorKey(1, 2, 3)
selectors.BaseSelector()
# A socket closed before unregister: found by identity.
x, y = socket.socketpair()
kx = sel.register(x, selectors.EVENT_READ, data='x')
x.close()
sel.unregister(x).data
sel.get_key(x)
# A class with fileno() and a plain descriptor number.
class Wrapped:
    def __init__(self, s):
        self.s = s
    def fileno(self):
        return self.s.fileno()

w = Wrapped(y)
sel.register(w, selectors.EVENT_WRITE).fileobj is w
try:
    sel.register(y.fileno(), selectors.EVENT_READ)
except KeyError as e:
    print('KeyError', e.args[0].replace('(FD %d)' % y.fileno(), '(FD N)').replace('fd=%d,' % y.fileno(), 'fd=N,').replace('%d (FD' % y.fileno(), 'N (FD'))

[type(k.fileobj).__name__ for k, ev in sel.select(0)]
sel.unregister(w).events
sel.close()
sel.close()
sel.get_key(a)
sel.register(a, 1)
sel.select(0)
with selectors.SelectSelector() as s2:
    s2.register(b, selectors.EVENT_WRITE).events

s2.get_map() is None
with selectors.PollSelector() as s3:
    print(s3.select(0.001))

for s in (a, b, c, d, y):
    s.close()

