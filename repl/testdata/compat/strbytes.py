# str.encode, bytes.decode and the bytes methods used to handle data.
'hi'.encode()
'héllo'.encode('utf-8')
'hé'.encode('latin-1')
'hé'.encode('ascii', 'replace')
'hé'.encode('ascii', 'ignore')
'hé'.encode('ascii')
'x'.encode(encoding='utf-8', errors='strict')
'€'.encode('latin-1')
b'hi'.decode()
b'h\xc3\xa9'.decode('utf-8')
b'h\xe9'.decode('latin-1')
b'\xff'.decode()
b'a\xc3'.decode()
b'a\xe2\x82'.decode()
b'a\xc3A'.decode()
b'\xe2\x82A'.decode()
b'a\xc3A\xff'.decode('utf-8', 'replace')
b'\x80abc'.decode('ascii', 'replace')
b'\x80'.decode('ascii')
b'x'.decode('klingon')
bytes('abc', 'utf-8')
bytes(3)
bytes([1, 2, 255])
bytes([256])
bytes('abc')
bytes(-1)
bytes(b'ab')
str(b'ab', 'utf-8')
bytes.fromhex('61 62 0a')
bytes.fromhex('6')
b'abc'.hex()
b'abc'.hex(':')
int.from_bytes(b'\x01\x00', 'big')
int.from_bytes(b'\x01\x00', 'little')
int.from_bytes(b'\xff\xfe', 'big', signed=True)
int.to_bytes(258, 2, 'big')
int.to_bytes(1, 1, 'big')
int.to_bytes(256, 1, 'big')
data = b'GET / HTTP/1.1\r\nHost: x\r\n\r\nbody'
data.find(b'\r\n\r\n')
data.index(b'\r\n\r\n')
data.find(b'zz')
head, sep, body = data.partition(b'\r\n\r\n')
head
body
head.split(b'\r\n')
head.split(b'\r\n')[1].split(b': ')
data.startswith(b'GET')
data.endswith((b'dy', b'xx'))
data.count(b'\r\n')
b'  pad  '.strip()
b'xxaxx'.strip(b'x')
b'  a'.lstrip()
b'a  '.rstrip()
b'a b  c'.split()
b'a,b,,c'.split(b',')
b'a,b,c'.split(b',', 1)
b'a,b,c'.rsplit(b',', 1)
b'line1\r\nline2\nline3'.splitlines()
b'abc'.replace(b'b', b'XY')
b'MiXed'.upper()
b'MiXed'.lower()
b'-'.join([b'a', b'b', b'c'])
b'-'.join([b'a', 'b'])
b'a'.split('a')
b'5'.zfill(3)
b'ab'.center(6, b'*')
b'123'.isdigit()
b'key: value'.rpartition(b': ')
b'abc'.removeprefix(b'a')
b'abc'[0]
b'abc'[-1]
b'abc'[5]
b'abc'[1:]
b'abc'[::-1]
'abc'[1]
'abc'[10]
98 in b'abc'
b'bc' in b'abc'
for c in b'hi':
    print(c)

for ch in 'hé':
    print(ch)

[c for c in b'AB']
b'x' * 3
b'a' + b'b'
b'a' + 'b'
'a' + b'b'
'{}-{}'.format(b'x', 'y')
'abc'.center(9, '*')
'5'.zfill(3)
'ab'.ljust(4) + '|'
'a,b'.split(',')
' x '.strip()
'Hello'.upper()
'hello world'.title()

# str.splitlines splits at every boundary Python knows, CRLF as one
"a\r\nb\rc\nd".splitlines()
"a\x0bb\x0cc\x1cd\x85e\u2028f".splitlines(True)
"a\n\nb\n".splitlines(keepends=True)
"x\r".splitlines()
"".splitlines()

# str.split and rsplit take sep and maxsplit by name too (a command parser's
# line.split(maxsplit=1))
" get  key rest ".split(maxsplit=1)
"a b c".rsplit(maxsplit=1)
"a,b,c".split(sep=",")
"a,b,c".rsplit(",", maxsplit=1)
"a b".split(None, maxsplit=0)
"a b".split(maxsplit=1, sep=None)
"a b".split(x=1)
"a b".split(" ", sep=" ")
"a b".split(None, 1, maxsplit=2)

# A method read from the type is a function of the value: key=str.lower
sorted(["bob", "Ann", "cy"], key=str.lower)
list(map(str.strip, [" a ", "b\n"])), list(map(bytes.upper, [b"x"]))
str.split("a b c", maxsplit=1), bytes.decode(b"hi"), str.join(",", ["a", "b"])
l = []
list.append(l, 3)
l, dict.get({"a": 1}, "a"), set.add, str.lower
str.lower(5)
str.lower()
str.nope
"a\tb\tc".expandtabs(), "ab\tc\n\td".expandtabs(4), "x\ty".expandtabs(tabsize=2), "\t".expandtabs(0), "é\tx".expandtabs(3)
# split's maxsplit as CPython reads it: bools, negatives, past 32 and 64 bits
'a b c'.split(None, True), 'a b c'.rsplit(maxsplit=False), 'a,b,c'.split(',', 2**40), 'a,b,c'.rsplit(',', -5)
'a,b'.split(',', 2**70)
'a b'.split(None, 'x')
'a b'.split(None, 1.5)
# bytes methods read their receiver in place: results stay right after it is rebound
data = b'GET /a HTTP/1.1\r\nHost: x\r\n\r\n'
lines = data.split(b'\r\n'); head = data[:3]; data = b'other'
lines, head, lines[0].split(), lines[1].partition(b': '), b'abc'.find(98), b'abcb'.rfind(b'b', 0, 3)
'caf\xe9'.encode(), b'caf\xc3\xa9'.decode(), b'\xff'.decode('latin-1'), b'ok'.decode() == 'ok'
'000'.split(True)
'000'.rsplit(sep=3)
'000'.split('')
'a  b'.split(None), 'a  b'.rsplit(None, 0)
B''.split(maxsplit=True), b'a b c'.split(None, True), b'a b c'.rsplit(maxsplit=False), b'a,b'.split(b',', 2**40), b'a b'.split(maxsplit=-3)
b'a'.split(maxsplit='x')
b'a'.split(maxsplit=2**70)
'a b c'.split(None, True), 'a b'.split(maxsplit=-3)
