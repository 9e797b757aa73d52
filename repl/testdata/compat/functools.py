# functools: wraps in a logging decorator, partial, reduce
import functools
def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        print("call", func.__name__, args, kwargs)
        return func(*args, **kwargs)
    wrapper.calls = 0
    return wrapper

@logged
def send_all(sock, data, *, flags=0):
    """Send every byte of data."""
    return len(data)

send_all(None, b"abc", flags=1)
send_all.__name__, send_all.__doc__, send_all.__qualname__, send_all.__module__
send_all.__wrapped__.__name__, send_all.calls, sorted(send_all.__dict__)
send_all.calls += 1
send_all.calls
def plain(): pass

plain.__doc__
class Server:
    @logged
    def handle(self, n):
        "Handle n."
        return n * 2

Server().handle(21)
Server.handle.__name__, Server.handle.__doc__, Server().handle.__name__
p = functools.partial(int, base=16)
p("ff"), p("10", base=8), p.func, p.args, p.keywords
p
functools.partial(max, 3)(1, 5)
functools.partial(functools.partial(print, "a"), "b")("c")
functools.reduce(lambda a, b: a * b, [1, 2, 3, 4])
functools.reduce(lambda a, b: a + b, [], 10)
functools.reduce(lambda acc, c: acc ^ c, b"\x01\x02\x04", 0)
functools.reduce(lambda a, b: a + b, [])
functools.reduce(len, 5)
functools.partial()
functools.partial(5)
def dec(f):
    return functools.update_wrapper(lambda *a: f(*a), f)

@dec
def add(a, b):
    return a + b

add(2, 3), add.__name__

# lru_cache and cache remember results by arguments
from functools import lru_cache, cache
@lru_cache(maxsize=2)
def f(x, y=0):
    print("compute", x, y)
    return x + y

f(1), f(1), f(2), f(3), f(1), f.cache_info(), f.__name__, f.__wrapped__.__name__
f.cache_clear()
f.cache_info()
f(1, y=2), f(1, 2), f.cache_info()
@cache
def g(x):
    return x * 2

g(2), g(2), g.cache_info()
g([1])
@lru_cache
def h():
    return 5

h(), h(), h.cache_info(), h.cache_info().hits, tuple(h.cache_info())
class Resolver:
    @lru_cache(maxsize=None)
    def lookup(self, name):
        print("looking up", name)
        return name.upper()

r = Resolver()
r.lookup("a"), r.lookup("a"), Resolver.lookup.cache_info()
