# array, memoryview and ctypes buffers: the writable buffers recv_into and pack_into fill.
import array, ctypes, socket, struct
a = array.array('i', [1, 2, 3])
a, array.array('d'), array.array('f', [1.5, 2]), array.array('d', [0.1]), str(a), type(a), array.array, array.ArrayType
a.typecode, a.itemsize, len(a), a[0], a[-1], a[1:], a[::-1], a.tobytes(), list(a), 2 in a, 5 in a, bytes(a)
a[5]
a['x']
array.array('H', b'\x01\x00\x02\x00'), array.array('B', bytearray(b'ab')), array.array('i', range(3)), array.array('i', (x for x in range(3)))
array.array('H', b'\x01\x00\x02')
array.array('x')
array.array('ii')
array.array(5)
array.array()
array.array('i', [1.5])
array.array('d', ['x'])
array.array('b', 'str')
array.array('i', 5)
for tc in 'bBhHiIlLqQ':
    for v in [2**70, 2**64, 2**63, 2**32, 2**31, 2**16, 2**15, 256, 128, -1, -129, -2**15-1, -2**31-1, -2**63-1, -2**64]:
        try:
            array.array(tc, [v])
            print(tc, v, 'ok')
        except OverflowError as e:
            print(tc, v, e)

b = array.array('B')
b.frombytes(b'abc')
b.append(100)
b.extend([1, 2])
b, b.tolist()
b.frombytes('x')
array.array('i').frombytes(b'abc')
b.append(300)
b.append('x')
b.extend(array.array('i', [1]))
b.extend(5)
b.pop(), b.pop(0), b, b.index(99), b.count(1)
b.index(1000)
array.array('B').pop()
b[0] = 5
b
b[0] = 500
b[0:2] = array.array('B', [7, 8, 9])
b
b[0:2] = [1]
a == array.array('i', [1, 2, 3]), a == [1, 2, 3], a == array.array('l', [1, 2, 3]), a < array.array('i', [2])
a + array.array('i', [4]), a * 2, 2 * a
a + array.array('l', [4])
a + [4]
hash(a)
a.byteswap()
a
c = array.array('i', [1, 2, 3])
c.reverse()
c.insert(0, 9)
c.insert(-100, 8)
c
c.remove(9)
c.remove(99)
c.fromlist([4, 5])
c.fromlist((4, 5))
c
array.array('q', [2**63 - 1]), array.array('Q', [2**64 - 1]), array.array('f', [1e300]), array.array('f', [0.1]), array.typecodes
buf = bytearray(b'hello world')
m = memoryview(buf)
type(m), len(m), m.nbytes, m.readonly, m.itemsize, m.format, m.ndim, m.shape, m.strides, m.obj is buf
m[0], m[-1], m[1:4].tobytes(), bytes(m[6:]), m.tolist()[:3], m.hex(), m[:2].hex(':')
m[20]
m['x']
m[0] = 72
buf
m[0:5] = b'HELLO'
buf
m[6:] = bytearray(b'WORLD')
buf
m[0:5] = b'HI'
m[0] = 300
m[0] = b'x'
ro = memoryview(b'abc')
ro.readonly, ro == b'abc', ro == bytearray(b'abc'), ro == memoryview(b'abc'), ro == 'abc', b'abc' == ro, memoryview(bytearray(b'abc')) == bytearray(b'abc')
ro[0] = 1
ro < ro
memoryview('abc')
memoryview(5)
memoryview()
hash(ro) == hash(b'abc')
hash(m)
m.release()
m[0]
len(m)
m.tobytes()
repr(m)[:22]
with memoryview(b'xy') as v:
    print(v.tobytes())

v.tobytes()
ma = memoryview(a)
len(ma), ma.nbytes, ma.itemsize, ma.format, ma[1], ma[1:].tolist(), ma.tobytes()
ma[0] = 99
a
list(memoryview(b'ab')), b'a' in memoryview(b'ab'), 97 in memoryview(b'ab'), memoryview(b'abc')[1:][0], memoryview(b'abc').toreadonly().readonly
memoryview(memoryview(bytearray(4))[1:]).nbytes, memoryview(b'abcdef')[2:4][1:].tobytes(), memoryview(b'abc')[5:].tobytes()
mv = memoryview(b'hello world')
mv[::2].tobytes(), mv[::-1].tobytes(), mv[1::3].tolist(), len(mv[::2]), bytes(mv[::2][1:])
cb = ctypes.create_string_buffer(8)
type(cb), len(cb), cb.raw, cb.value, ctypes.sizeof(cb)
struct.pack_into('!HH', cb, 0, 1, 2)
cb.raw, cb[0], cb[1], cb[0:3], cb[-1], bytes(cb), struct.unpack_from('!HH', cb, 0)
cb[8]
h = ctypes.create_string_buffer(b'hi')
len(h), h.raw, h.value
d = ctypes.create_string_buffer(b'hi', 5)
len(d), d.raw, d.value
ctypes.create_string_buffer(b'hello', 3)
ctypes.create_string_buffer('hi')
ctypes.create_string_buffer(-1)
ctypes.create_string_buffer(1.5)
ctypes.create_string_buffer()
cb.value = b'abc'
cb.raw
cb.value = b'x' * 9
cb.raw = b'12'
cb.raw
cb[0] = b'Z'
cb[0] = 65
cb.raw, list(cb)[:3]
ctypes.sizeof(5)
mc = memoryview(cb)
len(mc), mc.format, mc.itemsize, mc.tobytes(), mc.readonly
mc[0]
x, y = socket.socketpair()
x.sendall(b'0123456789')
big = bytearray(10)
view = memoryview(big)
got = 0
while got < 10:
    got += y.recv_into(view[got:], 4)

got, big
x.sendall(memoryview(b'abcdefgh')[2:6])
arr = array.array('B', bytes(4))
y.recv_into(arr), arr
x.sendall(b'wxyz')
cbuf = ctypes.create_string_buffer(6)
y.recv_into(cbuf), cbuf.raw
y.recv_into(memoryview(b'xx'))
y.recv_into(view[8:], 5)
x.sendall(array.array('H', [1, 2]))
y.recv(4)
x.close()
y.close()
