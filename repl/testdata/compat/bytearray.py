import socket
# bytearray and recv_into: filling one buffer in place, as CPython does.
a, b = socket.socketpair()
buf = bytearray(10)
a.recv_into(b'abc')
a.recv_into(buf, -1)
a.recv_into(buf, 100)
a.recvfrom_into(buf, -1)
a.recvfrom_into(buf, 100)
a.recv_into()
a.recv_into(buf, 1, 2, 3)
a.recv_into(buffer=buf, nbytes=3, flags=socket.MSG_DONTWAIT)
a.recv_into(buf, bad=3)
a.recv_into(buf, 2, buffer=buf)
a.recv_into('str')
a.recv_into(5)
a.recv_into(buf, 2.5)
b.sendall(b'hello world!')
a.recv_into(buf)
buf
a.recv_into(buf, 1)
buf, a.recvfrom_into(buf)
a.recvfrom_into(buf, 0, socket.MSG_DONTWAIT)
a.recv_into(bytearray(0))
b.sendall(bytearray(b'sent from a bytearray'))
n = a.recv_into(buf, nbytes=4)
n, buf[:n], bytes(buf[:n])
b.close()
a.recv_into(buf)
a.close()
bytearray()
bytearray(3)
bytearray(b'abc')
bytearray('h\u00e9', 'utf-8')
bytearray([1, 2, 255])
bytearray(1.5)
bytearray('ab')
bytearray(-1)
bytearray([256])
bytearray.fromhex('41 42')
x = bytearray(3)
x[5] = 1
x[0] = 256
x[0] = 'a'
x['a'] = 1
x[-1] = 65
x
{x: 1}
x + 'a'
'a' + x
b'a' + x
x + b'a'
x + x
x * 2
3 * x
x == b'\x00\x00A'
b'\x00\x00A' == x
x != bytearray(3)
65 in x
300 in x
b'A' in x
'A' in x
x.upper()
bytearray(b'a b').split()
bytearray(b'k=v').partition(b'=')
x.decode()
x.hex()
x.find(b'A')
b'xxA'.find(bytearray(b'A'))
b''.join([bytearray(b'a'), b'b'])
bytes(x)
str(x)
list(x)
len(x)
x[1:]
x[::-1]
x[0]
x[-1]
x[5]
x['a']
type(x)
isinstance(x, bytearray)
x.append(300)
x.append('a')
x.append(66)
x.pop()
x.pop(0)
bytearray().pop()
x.extend('ab')
x.extend([1, 2])
x.extend(b'zz')
x.extend(5)
x
y = x
y.append(33)
x
x.copy() == x
x.clear()
x
bool(x)
x < b'b'
x < 'b'
bytearray(b'\x00') == bytearray(1)
x.nosuch
h = socket.socket()
h.bind((bytearray(b'127.0.0.1'), 0))
h.getsockname()[0]
socket.gethostbyname(bytearray(b'localhost'))
h.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, bytearray(8))
h.getsockopt(socket.SOL_SOCKET, socket.SO_LINGER, 8)
h.close()
socket.gethostbyname(b'127.0.0.1')
b = bytearray(b'abcd')
del b[0]
b
del b[-1]
b
del b[9]
del b['x']
