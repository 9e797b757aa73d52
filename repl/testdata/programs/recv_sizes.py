# program: recv(bufsize) returns at most bufsize bytes: recv(1) loops, MSG_PEEK, recv_into a bytearray and memoryview
# peer: none
import socket

a, b = socket.socketpair()
a.sendall(b"Hello, world")

print(b.recv(5, socket.MSG_PEEK), "(peeked, still queued)")
print(b.recv(1), b.recv(1), b.recv(3))

rest = []
while len(rest) < 7:
    rest.append(b.recv(1))
print(rest, b"".join(rest))

a.sendall(b"0123456789abcdef")
buf = bytearray(10)
n = b.recv_into(buf)
print(n, buf)
view = memoryview(buf)
n = b.recv_into(view[4:], 3)
print(n, buf, bytes(view[4:7]))
n = b.recv_into(view, 0)
print(n, buf[:4], len(view))

a.sendall(bytes(300))
total = 0
while total < 300:
    total += len(b.recv(128))
print("300 bytes read in 128-byte recvs:", total)

data = b"x" * 100
sent = a.send(data)
print("send returned", sent, "of", len(data))
print(len(b.recv(1000)))
print(a.sendall(b"sendall returns"), b.recv(100))

a.close()
print(b.recv(10), b.recv(10))
b.close()
