import socket, struct
# Exceptions print their last line as Python's do.
undefined_name
1/0
1//0
1 % 0
1.0/0
[1][2]
(1, 2)[5]
{}['a']
{}[1]
{'k': 1}[b'k']
1 + 'a'
'a' + 1
None + 1
len(1)
'a'.foo
(1).bar
[].nope
x = 5
x[0]
x()
None()
def f(a):
    return a

f(1, 2)
f(b=1)
f()
g = lambda a: a
g(1, 2)
def r(n):
    return r(n + 1)

r(0)
int('abc')
int('zz', 16)
float('x')
chr(-1)
ord('ab')
a, b = 1, 2, 3
a, b = [1]
a, b = 1
t = (1, 2)
t[0] = 5
d = {}
d[[1]] = 2
'a' * 'b'
-'a'
sorted([1, 'a'])
1 < 'a'
[1, 2].index(5)
'abc'.index('z')
[].pop()
{}.pop(1)
assert 1 == 1
assert 1 == 2
assert False, 'the message'
del d['missing']
lst = [1, 2, 3]
del lst[0]
lst
del lst[7]
m = {'a': 1, 'b': 2}
del m['a']
m
import socket.foo
socket.nothing
struct.nope
'x'.encode('nope')
range(1, 2, 0)
max()
abs('a')
x = 1
x is None
x is not None
None is None
