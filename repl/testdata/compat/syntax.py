# Python syntax that sockrepl rewrites for Starlark: every line here must
# mean the same in both.
import socket
import socket, struct
import select as sel
import time
from socket import AF_INET, SOCK_STREAM
AF_INET
from socket import SOCK_DGRAM as DG
DG
from struct import *
calcsize('!H')
sel.select
x = None
x is None
x is not None
not x is None
1_000_000
0x_ff
2 ** 10
2**3**2
-2**2
(2 + 1) ** 2
[1, 2][1] ** 2
abs(-3) ** 2
'%d' % 2 ** 3
s = {1, 2, 2}
s
len({'a', 'b'})
{x * 2 for x in [1, 2]}
{'k': 1}
{}
t = 'abc' 'def'
t
b'ab' b'cd'
('multi'
 'line')
'\d+'
r'\n'
rb'\x'
u'unicode'
'\xe9'
'\101'
b'\101\x41'
'\u00e9'
'''triple
quoted'''
"""with 'quotes' inside"""
d = {'a': 1, 'b': 2}
del d['a']
d
lst = [1, 2, 3, 4]
del lst[0], lst[0]
lst
assert len(lst) == 2
assert lst, 'not empty'
def add(a, b=2):
    return a + b

add(1)
add(1, b=5)
def count_to(n):
    i = 0
    out = []
    while i < n:
        i += 1
        if i == 2:
            continue
        out.append(i)
    return out

count_to(4)
total = 0
for i in range(5):
    total += i

total
for i in range(3):
    i

i = 0
while True:
    i += 1
    if i > 3:
        break

i
if i > 2: print('big')

if i < 0:
    print('neg')
elif i == 4:
    print('four')
else:
    print('other')

sq = lambda v: v * v
sq(7)
[n * n for n in range(4) if n % 2 == 0]
{k: v for k, v in [('a', 1), ('b', 2)]}
a, b = 1, 2
a, b = b, a
(a, b)
first, second = 'xy'
first
x = 1; y = 2; x + y
x = (1 +
     2)
x
y = 3 if x > 2 else 4
y
z = [
    1,
    2,
]
z
z[-1]
z[0] = 10
z
m = {}
m['new'] = 1
m['new'] += 1
m
n = [[0]]
n[0][0] = 5
n
'%s-%s' % ('a', 'b')
20 % 7
-7 % 3
7.5 % 2
10 / 4
10 // 4
-10 // 4
7.0 // 2
8 / 2
'abc'.upper() if True else None
print('%5.2f%%' % 99.5)
if __name__ == '__main__':
    print('main')


# A decorator line waits for its def or class, as at Python's prompt
def twice(f):
    return lambda *a: [f(*a), f(*a)]

@twice
def hello(n):
    """Say hello n."""
    return "hello %d" % n

hello(2)
@twice
@twice
def one():
    return 1

one()
def mark(cls):
    cls.marked = True
    return cls

@mark
class Marked:
    pass

Marked.marked
@twice
x = 1

def documented(a, *, b=0):
    """What it does."""
    return a

documented.__doc__, documented(1), twice.__doc__
