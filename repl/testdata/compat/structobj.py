# struct.Struct, pack_into, unpack_from and iter_unpack.
import struct
s = struct.Struct('!HI')
s.format, s.size, type(s)
struct.Struct(b'<h').format, struct.Struct(format='!H').size
s.pack(1, 2)
s.unpack(b'\x00\x01\x00\x00\x00\x02')
s.unpack(bytearray(b'\x00\x01\x00\x00\x00\x02'))
s.unpack(b'\x00')
s.pack(1)
s.pack(1, 'x')
s.unpack_from(b'xx\x00\x01\x00\x00\x00\x02', 2), s.unpack_from(b'xx\x00\x01\x00\x00\x00\x02', offset=2)
s.unpack_from(buffer=b'xx\x00\x01\x00\x00\x00\x02', offset=2)
s.unpack_from(b'\x00' * 6, -1)
s.unpack_from()
s.unpack_from(b'', 0, 1)
s.unpack()
s.unpack(b'a', b'b')
s.unpack(x=b'ab')
s.pack(x=1)
s == struct.Struct('!HI'), s == s
s.foo
s.size = 3
b = bytearray(10)
s.pack_into(b, 1, 5, 6)
b
s.pack_into(b, 5, 5, 6)
s.pack_into(b, -6, 7, 8)
b
s.pack_into(b, -11, 5, 6)
s.pack_into(b, -3, 5, 6)
s.pack_into(b'abc', 0, 5, 6)
s.pack_into(b, 0, 5)
s.pack_into(b)
s.pack_into()
s.pack_into(b, 'x', 1, 2)
s.pack_into(b, 2**63, 1, 2)
s.pack_into(b, offset=0)
c = bytearray(b'\xff' * 8)
struct.pack_into('!HH', c, 2, 1, 70000)
c
struct.pack_into('!H', c, 0, 7), c
struct.pack_into('!H', c, 0)
struct.pack_into('!H', c)
struct.pack_into('!H')
struct.pack_into()
struct.pack_into('!H', 'abc', 0, 1)
struct.pack_into('!H', [1, 2], 0, 1)
struct.pack_into('!H', c, 1.0, 1)
struct.pack_into('!H', c, 0, x=1)
struct.pack_into('!Z', c, 0, 1)
list(struct.iter_unpack('!H', b'\x00\x01\x00\x02'))
struct.iter_unpack('!H', b'\x00\x01\x00')
struct.iter_unpack('', b'')
struct.iter_unpack('!H', 'ab')
struct.iter_unpack('!H', b'ab', 1)
struct.iter_unpack('!H', buffer=b'ab')
it = s.iter_unpack(b'\x00\x01\x00\x00\x00\x02' * 3)
type(it)
it.__length_hint__()
next(it)
it.__length_hint__()
for a, b2 in it:
    print(a, b2)

next(it)
next(it, 'done')
for rec in struct.iter_unpack('<bH', bytes(range(9))):
    print(rec)

list(struct.Struct('!H').iter_unpack(bytearray(4)))
s.iter_unpack()
s.iter_unpack(b'\x00' * 5)
struct.Struct('!Z')
struct.Struct(5)
struct.Struct()
struct.Struct('!H', 1)
struct.Struct(fmt='!H')
isinstance(s, struct.Struct), struct.Struct
records = [(1, 2), (3, 4)]
packer = struct.Struct('<HH')
data = b''.join(packer.pack(*r) for r in records)
data, [packer.unpack_from(data, i * packer.size) for i in range(len(records))]
