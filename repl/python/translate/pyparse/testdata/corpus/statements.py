# Simple statements of every kind.
x = 1
x = y = z = 0
a, b = 1, 2
a, *rest = [1, 2, 3]
*head, tail = range(10)
(a, b), c = (1, 2), 3
[a, b] = c
x: int
x: int = 5
(y): str = "s"
obj.attr: list[int] = []
d["k"]: float
x += 1
x -= 2; x *= 3; x /= 4; x //= 5; x %= 6; x **= 7
x @= m; x &= 1; x |= 2; x ^= 3; x <<= 4; x >>= 5
obj.count += 1
seq[0] += 1
del x
del a, b
del (c, d), [e]
del obj.attr, seq[1:2]
pass
assert x
assert x > 0, "x must be positive"
import socket
import os.path
import a.b.c as d, e
from socket import socket, AF_INET
from socket import (socket, AF_INET,)
from . import x
from .. import y as z
from .mod import *
from ...pkg.mod import name
global g
def f():
    global a, b
    nonlocal_name = 1
    def g():
        nonlocal nonlocal_name
        nonlocal_name += 1
    return
raise
raise ValueError
raise ValueError("bad") from None
raise E from exc
print("hello", end="")
print(*args, sep=", ", **kw)
f(a)(b)(c)
obj.method().attr[0](1)
x = yield_ = 3
x = -1, +2, ~3, not 4
x = 1 if y else 2
x = lambda: 0
x = lambda a, b=1, *c, d, e=2, **f: a + b
x = lambda *, k: k
x = lambda a, /, b: a
x = (lambda: (yield))
if (n := len(data)) > 10: pass
while chunk := f.read(1024): pass
x = [y := 1, y ** 2]
x = a if b else c if d else e
x = a or b and c or not d
x = a < b <= c > d >= e == f != g
x = a is b is not c in d not in e
x = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m
x = -a ** -b
x = 2 ** 3 ** 4
x = a[1], a[1:2], a[:], a[::], a[1:2:3], a[::2], a[:-1], a[1:]
x = a[1:2, 3], a[..., 0], a[:, :], a[i, j,]
x = a[*b], a[x, *y]
x = ...
x = None, True, False
x = [], [1], [1, 2,], (), (1,), (1, 2), {}, {1}, {1: 2}, {1, 2,}
x = {**a, 'b': 1, **c}
x = {*a, *b}
x = [*a, *b], (*a, *b)
x = [i for i in range(10)]
x = [i * j for i in range(3) for j in range(3) if i if j > 0]
x = {i for i in s}
x = {k: v for k, v in d.items() if v}
x = (i for i in range(10))
x = sum(i for i in range(10))
x = f(a, *b, c=1, **d)
x = f(a, *b, *c, d=1, *e, **f, g=2)
x = f(x=1)(y=2)
x = f(*a)
x = f(**k)
x = obj.a.b.c
x = "abc" "def"
x = b"abc" b'def'
x = u"abc" "def"
x = r"\d+" R'\n'
x = rb"\x00" Br"\n" bR'a' RB"b"
x = """triple
quoted""" '''and
more'''
x = "\x41\u00e9\U0001F600\101\0\n\t\\\'\"\a\b\f\v\r"
x = "unknown \d escape"
x = b"\x00\xff\n\101"
x = 'it\'s', "say \"hi\"", 'mixed "\'', "é", "日本語", "\u200b"
x = 0, 1, 123, 1_000_000, 0x1F, 0XfF, 0o17, 0O7, 0b101, 0B1, 0x_ff_ff
x = 1.5, .5, 5., 1e10, 1E-5, 1_0.0_1, 1.5e+3, 0.0, 00.5, 0e0, 1e400
x = 1j, 1.5J, 1e3j, 0j, 10_0j
x = 123456789012345678901234567890, 0xffffffffffffffffffffff
x = 9223372036854775807, 9223372036854775808, -9223372036854775808
x = 0.1, 0.2, 1/3, 1e16, 1e15, 123456789.123456789, 5e-324, 1.7976931348623157e308
if x: pass
if x:
    pass
elif y:
    pass
elif z:
    pass
else:
    pass
while True:
    break
else:
    pass
for i in range(10):
    continue
for i, j in pairs: pass
for (i, j) in pairs: pass
for [i, j] in pairs: pass
for *a, b in c: pass
for x in 1, 2, 3: pass
for x in *a, *b: pass
for x.y in z: pass
for x[0] in z: pass
for i in range(3):
    if i:
        break
else:
    print("done")
try:
    pass
except:
    pass
try:
    pass
except ValueError:
    pass
except (TypeError, KeyError) as e:
    pass
except Exception as exc:
    raise
else:
    pass
finally:
    pass
try:
    pass
finally:
    pass
try:
    pass
except* ValueError:
    pass
except* (TypeError, OSError) as eg:
    pass
with open(p) as f: pass
with open(p) as f, open(q) as g:
    pass
with a, b: pass
with (a, b): pass
with (a as b, c as d): pass
with (a as b, c as d,): pass
with (a, b) as c: pass
with (yield): pass
with a as (b, c): pass
with a as [b, c]: pass
with a as b.c: pass
with a() as b[0]: pass
@decorator
def f(): pass
@dec.attr
@dec(arg)
@(lambda f: f)
def f(a, b=2, *args, c, d=4, **kwargs) -> int:
    return a
def f(a, /): pass
def f(a, /, b): pass
def f(a=1, /, b=2): pass
def f(*, a): pass
def f(*, a=1, b): pass
def f(**kw): pass
def f(*args: int, **kw: str): pass
def f(a: int = 1, *, b: "str" = "x") -> None: pass
def f(a,): pass
def f(*args,): pass
class A: pass
class A(): pass
class A(B): pass
class A(B, C, metaclass=M, **kw): pass
@dataclass
class A(B):
    x: int = 0
    def method(self):
        return self.x
async def f():
    await x
    async for i in y:
        pass
    async with a as b:
        pass
    async with a, b:
        pass
    return [i async for i in y]
x = f"plain"
x = f"{a}"
x = f"{a!r}"
x = f"{a!s:>10}"
x = f"{a:{w}.{p}f}"
x = f"{a=}"
x = f"{a = }"
x = f"{a=!s}"
x = f"{a=:>10}"
x = f"{{literal}}"
x = f"{a}{b}{c}"
x = f"{'quoted'}"
x = f'{"other quotes"}'
x = f"{x:{'>'}{10}}"
x = f"{d['key']}"
x = f"{[1, 2][0]}"
x = f"{x if y else z}"
x = f"{a, b}"
x = f"{(lambda: 1)()}"
x = f"{x:}"
x = f"{x!r:}"
x = f"a" "b" f"c{d}" "e"
x = "a" f"{b}"
x = f"" ""
x = F"{x}" fR"{y}\n" Rf"\d{z}"
x = f"""multi
{line}
"""
x = f"{ x }"
x = f"{x:%Y-%m-%d}"
x = f"{3.14:.2f}"
x = f"{a!r:^{w}}"
x = f"{f'{nested}'}"
x = f"\{x}"
x = f"\N{BULLET} {x}"
x = f"{x:{y}}{z:{w}}"
x = f"{x}" f"{y}"
x = u"a" f"{b}"
x = f"{yield_}"
x = f"{*a,}"
x = f"{x for x in y}"
match = 1
match(x)
match.attr = 2
case = 3
print(match, case)
type = 4
_ = 5
__all__ = []
x = a.b.c.d(e)[f].g
x = (a)
x = ((a))
x = (a, )
x = (yield)
def gen():
    yield
    yield 1
    yield 1, 2
    x = yield
    x = yield from g()
    y = (yield x)
    await_ = 1
    return (yield)
if True: x = 1; y = 2
if True: x = 1; y = 2;
x = 1;
x = [
    1,
    2,
]
x = (1 +
     2)
x = 1 + \
    2
if a and \
   b:
    pass
def f(
    a,
    b,
):
    pass
x = not not x
x = - - x
x = a[b][c]
x = a.b[c].d(e).f
x = (a.b)(c)
x = f()()()
x = [x for x in [y for y in z]]
x = [(yield) for x in y] if False else 0
lambda: (yield)
x = {a: b for a in c for b in d}
x = {**{}, **{}}
x = *a,
x = a,
x = 1 if 2 else 3,
x = [1, 2][0:1]
def scopes():
    x = 1
    def inner():
        nonlocal x
        x += 1
        def deeper():
            nonlocal x
            return x
        return deeper
    class C:
        nonlocal x
    [y := i for i in range(3)]
    def uses_walrus():
        nonlocal y
    global g2
    for j in range(2):
        def k():
            nonlocal j
    import os.path
    def m():
        nonlocal os
    return inner
async def agen():
    yield 1
    return
def await_in_genexp(n):
    return (i * 2 for i in range(n) if await wrap(i))
def walrus_keys(a, b):
    return {(c := a): (a := b) + (b := a + c) - b for __ in range(6)}, x[(y := 1):2]
class WithClassCell:
    def method(self):
        nonlocal __class__
        __class__ = WithClassCell
def variadic(*args: *Ts): pass
