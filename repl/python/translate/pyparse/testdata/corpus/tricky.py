# -*- coding: utf-8 -*-
"""Layout and lexical corner cases."""
café = 1
π = 3.14159
变量 = "值"
_ = __ = ___ = 0
x = (  # comment inside brackets
    1,  # one
    # a comment line
    2,
)
y = [
    1,
        2,
  3,
]
z = 1 + \
    2 + \
    3
s = "abc\
def"
t = '''a
  b\
  c'''
u = f"""
{x!r}
{ y
  + 1 }
{z:>{w}}
"""
v = f'{"a" if x else "b"}' f"{'c'}"
w = f'''{"""nested triple"""}'''
def outer():
    def middle():
        def inner():
            nonlocal_x = 1
            return nonlocal_x
        return inner
    return middle


class Outer:
    class Inner:
        class Innermost:
            pass

    attr = Inner.Innermost


if x:
    pass
    # trailing comment at deeper indent
# comment at column 0
else:
    pass

for i in range(3):
    if i == 0:
        continue
    elif i == 1:
        pass
    else:
        break
else:
    pass

while x:
    x -= 1
    if x == 5: break
else: print("no break")

try:
    pass
except ValueError as e: print(e)
except: raise
else: pass
finally: pass

with open("a") as a, \
     open("b") as b:
    pass

with (
    open("a") as a,
    open("b") as b,
):
    pass

@a
@b.c
@d(e)(f)
@g[h]
@(i or j)
class K: pass

lambda_ = lambda: lambda: lambda: 0
x = [
    i
    for i in range(10)
    if i
]
result = (
    some.long.chain()
        .method(1)
        .other(key="v")
)
x = {
    "a": 1,
    **other,
    "b": [1, 2, {3: (4, 5)}],
}
x = 1 if True else \
    2
if (a and
        b or
        c):
    pass
print("a", "b",
      sep="",
      end="\n")
x = ('implicit'
     ' concatenation'
     f' with {x}'
     ' parts')
x = (b'bytes'
     b' too')
assert (x,
        y)
x = not x in y
x = x if not y else z
x = [*a, *b, c]
x = a[1:2][::3][:][4]
x = a.b(c)[d].e(*f, **g)
x = -x ** -y
x = ~-+x
x = a @ b @ c
x = (a)(b)
x = ((a, b), c)[0]
x = {(a, b): c for a, b in d}
x = 1,
x = (1)
x = ()
x = [(),]
def f(a, b): return a, b
def g(*, a=1, **k) -> dict: return {**k, 'a': a}
async def h():
    async with a as (b, c):
        async for d in e:
            await f(d)
    return [i async for i in y if await i]
def gen():
    x = yield
    y = yield x
    z = yield from range(3)
    return (yield)
