# Smaller constructs tutorials use.
import socket
first, *rest = [1, 2, 3]
first, rest
*init, last = "abc"
init, last
a, = (1,)
a
(a, b), c = (1, 2), 3
a, b, c
for i in range(3):
    if i == 5:
        break
else:
    print("no break")

while False:
    pass
else:
    print("while else")

total = 0
def add(n):
    global total
    total += n

add(3); add(4); total
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

c = counter()
c(), c(), c()
x = 5
del x
x
d = {"a": 1}
del d["a"]; d
lst = [1, 2, 3, 4]
lst[1:3] = [9]
lst
del lst[0]
lst
lst[::2] = [7, 8]
lst
ba = bytearray(b"hello")
ba[0:2] = b"J"
ba
(1024).to_bytes(2, "big")
int.from_bytes(b"\x04\x00", "big")
1 < 2 < 3, 3 > 2 > 5, 1 < 2 <= 2 != 3
f = lambda x, y=2: x * y
f(3), f(3, 3)
y = 7
{y: n for n in [1]}
[n for n in range(3) if n != y]
{n % 2 for n in range(5)}
if (n := len("abc")) > 2:
    print("walrus", n)

[y := 4, y + 1]
sorted([3, 1, 2], key=lambda v: -v)
x = [1, 2]; x.copy(), x
None is None, 1 is not None, [] is []
print(*[1, 2, 3], sep="-")
def kw(a, *args, b=1, **kw):
    return a, args, b, kw

kw(1, 2, 3, b=4, c=5)
kw(*[1, 2], **{"b": 3})
kw(1, *[2], *[3])
{**{"a": 1}, "b": 2, **{"c": 3}}
[*range(3), *"ab"]
(*range(2),)

# keywords of the iterating builtins
list(enumerate("ab", start=1))
list(enumerate([1], start=-1))
enumerate([], foo=1)
sorted([3, 1, 2], reverse=True)
sorted([], foo=1)
max([], default=7)
min([3, 1], default=7)
max([1, -5], key=abs)
max([1], foo=1)
max(x for x in [])
min([])
zip([], foo=1)
any([], x=1)
reversed([], x=1)
