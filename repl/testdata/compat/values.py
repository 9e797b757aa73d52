# Reprs of plain values, as the prompt echoes them.
1
-42
10**20
1.0
0.1
1e16
1e-05
123456789.0
-0.0
2.5e-300
True
None
'hi'
"it's"
'say "x"'
'both \' and "'
'tab\there\nnew'
'\x00\x7f'
'é and 日本'
b'hi'
b'\x00\xff\n'
b"it's"
()
(1,)
(1, 'a', b'b')
[]
[1, [2, [3]]]
{}
{'a': 1, 'b': (2,)}
set()
{3}
a = [1]
a.append(a)
a
print(1, 'a', b'b', None, 1.5, (1, 'x'), [b'y'])
print('a', 'b', sep='-', end='|\n')
print()
print('no newline', end='')
print(' then more')
repr('x')
str(b'x')
str(1.0)
str([1, 'a'])
x = 5
x
_
len('héllo')
len(b'hello')
hex(255)
oct(8)
bin(5)
hex(-16)
ord('A')
chr(97)
int('ff', 16)
int(' 42 ')
int('0x1f', 0)
int(3.9)
int(True)
float('1.5')
float(3)
round(2.5)
round(3.5)
round(2.675, 2)
divmod(7, 2)
divmod(-7, 2)
pow(2, 10)
pow(2, -1)
pow(3, 4, 5)
2 ** 8
-2 ** 2
2 ** -1
2 ** 3 ** 2
sum([1, 2, 3])
sum([0.5, 0.25])
abs(-3)
max('abc')
min(b'xyz')
sorted('cab')
list(b'AB')
list('hé')
tuple('ab')
type(1)
type('a') == str
isinstance(b'', bytes)
isinstance(True, int)
format(3.14159, '.2f')
format(255, '08b')
format('x', '>4')
'%s|%r|%d|%5.1f|%-4s|%04x' % ('a', 'b', 3, 2.25, 'z', 255)
'%s' % (b'data',)
'%s and %s' % ((1, 2), [3])
'%(name)s=%(v)d' % {'name': 'k', 'v': 7}
'{} {!r} {:>5} {:<3}|{:^7}|{:,}'.format('a', 'b', 'c', 'd', 'e', 1234567)
'{0}{1}{0}'.format('x', 'y')
'{k}'.format(k=b'v')
'{:.3}'.format(1/3)
'{:g}'.format(1e20)
'%g %g %e' % (0.0001, 123456789, 12.5)
__name__
# Numbers hash by value modulo 2**61 - 1, so equal ints and floats hash
# alike (random.seed(1.0) relies on it).
hash(2**61 - 1), hash(2**61), hash(2**70), hash(-2**64), hash(10**20)
hash(1.0), hash(-1.0), hash(0.5), hash(3.5), hash(-2.5), hash(0.1), hash(1e300)
hash(float('inf')), hash(float('-inf')), hash(2.0**70) == hash(2**70)
exit
# operators on ints, strings and indexes, where the evaluator answers them itself
-7 % 3, 7 % -3, -7 // 2, 7 // -2, 2**70 // 2**69, -(2**70) % 7, 10**20 % 3
2**63 > 2**62, -2**63 < 2**63, 'é' > 'z', 'abc' <= 'abd', 'b' >= 'b', 'x' != 'x', 3 == 3.0, True == 1, 1 < 1.5
[1, 2, 3][-1], (4, 5)[0], [1, 2][True], 'héllo'[1], b'ab'[0]
[1][5]
(1,)[-2]
7 % 0
7 // 0
'%d items' % 3, 7 % 2.5, -7.5 // 2
import socket
'k' in {'k': 1}, 2 not in {1: 0}, '' in 'ab', b'\n' in b'a\nb', 'z' not in 'ab', 'é' in 'café', socket.AF_INET in {2: 'x'}
[1] in {}
[1] not in {'a': 1}
1 in 'ab'
1 in b'ab', 97 in b'ab', 1 in [1.0]
# bool and IntEnum members are the ints they stand for, as dict and set keys too
import socket
2 in {socket.AF_INET: 1}
socket.AF_INET in {2: 0}
{socket.AF_INET: 'IPv4', socket.AF_INET6: 'IPv6'}[2]
{2: 'v'}[socket.AF_INET]
True in {1: 0}
1 in {True: 0}
{1: 'a', True: 'b'}
{1: 'a', 1: 'b', 2: 'c'}
{True: 'x', 1.0: 'y'}
len({1, True, 1.0})
{socket.SOCK_STREAM, 1}
[1, 2].index(True)
[True, 1, 1.0].count(1)
True in [1]
sorted([True, 2, 0, False, 1.5])
socket.AF_INET < 3, socket.AF_INET == 2.0, True + socket.AF_INET
d = {}
d[True] = 'a'
d[1] = 'b'
d
