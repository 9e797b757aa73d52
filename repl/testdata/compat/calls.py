# Calls the interpreter makes without copying their arguments (starlark
# patches 7-9): methods, constructors, borrowed builtins, nested and
# failing calls, all as CPython runs them.
class Conn:
    count = 0
    def __init__(self, name, *chunks, limit=4, **opts):
        self.name = name
        self.chunks = list(chunks)
        self.limit = limit
        self.opts = opts
        Conn.count += 1
    def feed(self, data, *more, sep=b""):
        self.chunks.append(data)
        self.chunks.extend(more)
        return sep.join(self.chunks)
    def total(self):
        return sum(len(c) for c in self.chunks)
    def again(self, n):
        return self.again(n - 1) if n else self.total()

c = Conn("a", b"x", b"yy", limit=2, mode="r")
c.name, c.chunks, c.limit, c.opts
c.feed(b"z"), c.feed(b"1", b"2", sep=b"-")
c.total(), c.again(20)
f = c.feed
f(b"!"), f(data=b"?")
[Conn(str(i)).name for i in range(3)], Conn.count
c.feed()
c.feed(b"a", b"b", nope=1)
Conn()
Conn("b", limit=1, limit2=2).opts
class Oops(Exception):
    def __init__(self, code, why="unknown"):
        super().__init__(code, why)
        self.code = code

e = Oops(7)
e.args, e.code, str(e), repr(e)
try:
    raise Oops(9, "bad frame")
except Oops as err:
    print(err.args, err.code)

ValueError("a", 1).args
len(c.chunks), isinstance(c, Conn), hasattr(c, "feed"), getattr(c, "nope", 5), callable(c.feed)
len(), len(1, 2), isinstance(c), getattr(c)
print("a", 1, [2], sep="|", end="!\n")
ord("a"), chr(98), abs(-3), repr(b"x")
def pair(a, b=2):
    return a, b

[pair(i) for i in range(3)], [pair(b=i, a=-i) for i in range(2)]
x = 5
[x == i for i in range(7) if i % 2], [f"{i:>3}|{x!r}" for i in range(3)]
def deep(n):
    return n if n == 0 else deep(n - 1)

deep(500)
class Vec:
    def __init__(self, *xs):
        self.xs = xs
    def __getitem__(self, i):
        return self.xs[i] * 10
    def __eq__(self, other):
        return self.xs == other.xs
    def __len__(self):
        return len(self.xs)

v = Vec(1, 2, 3)
v[0], v[-1], v == Vec(1, 2, 3), v != Vec(1), len(v), [v[i] for i in range(len(v))]
