# Generators, generator expressions, iterators.
import socket
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

g = count(3)
next(g)
next(g)
next(g)
next(g)
next(g, "default")
list(count(4))
sum(x * x for x in range(4))
any(c == "b" for c in "abc")
type(x for x in [1]).__name__
def lines(data):
    buf = b""
    for chunk in data:
        buf += chunk
        while b"\n" in buf:
            line, buf = buf.split(b"\n", 1)
            yield line
    if buf:
        yield buf

list(lines([b"ab\ncd", b"e\nf", b"g"]))
def outer():
    yield 1
    r = yield from count(2)
    yield r

list(outer())
def echo():
    got = yield "ready"
    while True:
        got = yield got.upper()

e = echo()
next(e)
e.send("hi")
e.send("there")
e.close()
it = iter([1, 2])
next(it), next(it)
next(it)
def bad():
    yield 1
    raise ValueError("in generator")

list(bad())
for v in bad():
    print(v)

def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("generator cleaned up")

gf = gen_with_finally()
for v in gf:
    print(v)
    break

gf.close()
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n

list(Countdown(3))
[c for c in Countdown(2)]
