# types.SimpleNamespace, the per-connection state of selectors servers.
import types
ns = types.SimpleNamespace(addr=('127.0.0.1', 5), inb=b'', outb=b'x')
ns
str(ns), ns.addr, type(ns), types.SimpleNamespace
ns.nope
ns.inb += b'abc'
ns
del ns.outb
ns
del ns.outb
delattr(ns, 'outb')
types.SimpleNamespace(1)
types.SimpleNamespace({'a': 1})
types.SimpleNamespace()
types.SimpleNamespace(a=1) == types.SimpleNamespace(a=1), types.SimpleNamespace(a=1) == types.SimpleNamespace(a=2)
types.SimpleNamespace(a=1, b=2) == types.SimpleNamespace(b=2, a=1), types.SimpleNamespace(a=1) != types.SimpleNamespace(a=1)
types.SimpleNamespace(a=1) == {'a': 1}, types.SimpleNamespace(a=1.0) == types.SimpleNamespace(a=1)
types.SimpleNamespace(a=1) < types.SimpleNamespace(a=1)
hash(types.SimpleNamespace(a=1))
{types.SimpleNamespace(): 1}
ns.__dict__
ns.__dict__['late'] = 5
ns.late, ns
isinstance(ns, types.SimpleNamespace), isinstance({}, types.SimpleNamespace), type(ns) == types.SimpleNamespace
n2 = types.SimpleNamespace(x=1)
n2.self = n2
n2
types.SimpleNamespace(**{'a b': 1})
bool(types.SimpleNamespace()), getattr(ns, 'addr'), getattr(ns, 'zz', 'dflt'), hasattr(ns, 'addr'), hasattr(ns, 'zz')
setattr(ns, 'q', 5)
ns.q
[types.SimpleNamespace(a=[1, 'x'])], types.SimpleNamespace(a=types.SimpleNamespace(b=1))
types.SimpleNamespace.__name__, ns.__class__, type(ns)(z=3)
def f(): pass

isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(types, types.ModuleType)
isinstance(lambda: 0, types.LambdaType), isinstance(None, types.NoneType), isinstance(1, types.FunctionType)
def g():
    yield 1

isinstance(g(), types.GeneratorType), types.FunctionType, types.ModuleType
conns = {}
for fd in (4, 5):
    conns[fd] = types.SimpleNamespace(fd=fd, outb=b'')

conns[5].outb += b'hello'
for fd, data in sorted(conns.items()):
    print(fd, data, data.outb)

